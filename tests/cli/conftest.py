import pytest

from tests.helpers.cli import cli_station, log_in, two_stations


@pytest.fixture(autouse=True)
def logged_in(monkeypatch):
    """The CLI authenticates: every test's commands log in as a script would
    (BIORESERVE_USER=admin, BIORESERVE_PASSWORD the stations' and the demo's password)."""
    log_in(monkeypatch)


@pytest.fixture
def fresh_db(db_path):
    """A station database with reference data and its administrator (as `init` makes it)."""
    db = cli_station(db_path, "HY-TEST", "测试站")
    yield db
    db.conn.close()


@pytest.fixture
def stations(tmp_path, capsys):
    """Stations HY-A and HY-B, not yet enrolled; stations(code, *args) runs the CLI."""
    return two_stations(tmp_path, capsys)
