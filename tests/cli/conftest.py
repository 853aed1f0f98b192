import pytest

from tests.helpers.cli import two_stations


@pytest.fixture
def stations(tmp_path, capsys):
    """Stations HY-A and HY-B, not yet enrolled; stations(code, *args) runs the CLI."""
    return two_stations(tmp_path, capsys)
