"""A `--store` value that is mistyped creates nothing and is refused with its cause."""

import pytest

from desktop.core import reasons
from desktop.core.errors import BioError
from desktop.sync.hub import opening

pytestmark = pytest.mark.usefixtures("english")


def test_unknown_schemes_and_missing_folders_are_refused(tmp_path):
    for url in ("mysql://x/y", "sqlite:///hub.db", "http://host/hub"):
        with pytest.raises(BioError, match="postgresql://"):
            opening.open_store(url)
    missing = tmp_path / "no" / "such"
    with pytest.raises(BioError, match="does not exist") as caught:
        opening.open_store(missing / "hub.db")
    assert str(missing) in str(caught.value) and not (tmp_path / "no").exists()
    with pytest.raises(BioError, match="no hub store"):
        opening.open_store(tmp_path / "hub.db", must_exist=True)
    assert not (tmp_path / "hub.db").exists()


def test_a_new_store_is_made_where_its_folder_exists(tmp_path):
    opening.open_store(tmp_path / "hub.db").close()
    opened = opening.open_store(tmp_path / "hub.db", must_exist=True)
    try:
        assert opened.stations() == []
    finally:
        opened.close()


def test_an_unreachable_postgresql_is_told_in_the_programs_words():
    with pytest.raises(BioError) as caught:
        opening.open_store("postgresql://hub@127.0.0.1:1/hub")
    text = str(caught.value)
    assert "nothing listens" in text and "Connection refused" not in text
    assert text.count("127.0.0.1") == 1, text  # the store named once


def test_postgresql_failures_have_translated_reasons():
    said = reasons.reason("failed to resolve host 'db.invalid': [Errno -2] Name or service")
    assert said == "the host name cannot be resolved"
    assert "password" in reasons.reason('FATAL:  password authentication failed for user "x"')
