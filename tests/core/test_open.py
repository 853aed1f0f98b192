"""Opening a database: missing, damaged or busy files give a message, never a traceback."""

import sqlite3

import pytest

from desktop.core.errors import BioError
from desktop.core.store import db as dbmod


def test_a_missing_database_names_the_command_that_creates_one(tmp_path):
    with pytest.raises(BioError, match="bioreserve init"):
        dbmod.open_db(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_a_file_that_is_not_a_database_is_named_as_such(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a text file, not SQLite" * 200)
    with pytest.raises(BioError, match="不是本系统的数据库或已损坏"):
        dbmod.open_db(path)
    assert path.read_bytes().startswith(b"this is a text file")


def test_a_database_locked_by_another_program_says_so(demo_path, monkeypatch):
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        db = dbmod.open_db(demo_path)
        from desktop.core.context import Ctx
        from desktop.core.store.writepath import write

        with pytest.raises(BioError, match="正被其他程序使用"):
            with write(db, Ctx("os:test")):
                pass
    finally:
        other.execute("ROLLBACK")
        other.close()
