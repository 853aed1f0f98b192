"""Numbered migrations back the database up first and apply all or nothing."""

import sqlite3

import pytest

from desktop.core.errors import BioError
from desktop.core.setup.opening import open_station
from desktop.core.store import db as dbmod
from desktop.core.store import migrate

NEXT = migrate.schema_version() + 1


@pytest.fixture
def v1_db(db_path):
    """A database at the current version, for a synthetic next migration."""
    from desktop.core.setup import initdb

    initdb.init_database(db_path, "HY-TEST", "测试站").conn.close()
    return db_path


def raw_handle(path):
    """A handle without the automatic upgrade of open_db, to drive upgrade() by hand."""
    conn = sqlite3.connect(path, factory=dbmod.Connection, isolation_level=None)
    return dbmod.Database(conn, path)


def write_migration(folder, name, sql):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(sql, encoding="utf-8")


def test_a_migration_backs_up_then_upgrades(v1_db, tmp_path):
    folder = tmp_path / "migrations"
    write_migration(
        folder,
        f"{NEXT:04d}_add_plan.sql",
        "CREATE TABLE plan (id TEXT PRIMARY KEY, qty INTEGER);\n"
        "CREATE TRIGGER plan_t BEFORE DELETE ON plan BEGIN SELECT RAISE(ABORT, 'x'); END;\n",
    )
    wrapped = raw_handle(v1_db)
    backups = migrate.upgrade(wrapped, v1_db, folder=folder)
    assert migrate.current_version(wrapped) == NEXT
    assert "plan" in wrapped.table_names()
    [backup] = backups
    assert backup.exists() and f".v{NEXT - 1}-" in backup.name
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == NEXT - 1
    assert old.execute("SELECT count(*) FROM division").fetchone()[0] == 13


def test_a_failing_migration_changes_nothing(v1_db, tmp_path):
    folder = tmp_path / "migrations"
    write_migration(folder, f"{NEXT:04d}_bad.sql", "CREATE TABLE t (a);\nTHIS IS NOT SQL;\n")
    wrapped = raw_handle(v1_db)
    with pytest.raises(BioError, match="备份"):
        migrate.upgrade(wrapped, v1_db, folder=folder)
    assert migrate.current_version(wrapped) == NEXT - 1
    assert "t" not in wrapped.table_names()


def test_a_database_from_a_newer_program_is_refused(v1_db):
    raw = sqlite3.connect(v1_db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(BioError, match="更新版本"):
        dbmod.open_db(v1_db)


def test_migration_files_are_numbered_and_end_at_the_schema_version():
    numbers = [n for n, _ in migrate.migrations()]
    assert numbers == sorted(set(numbers))
    assert all(n >= 2 for n in numbers)
    if numbers:
        assert numbers[-1] == migrate.schema_version()


def test_migrating_a_version_1_database_gives_the_schema_of_a_new_one(tmp_path):
    """Every migration together must equal db/schema.sql (column order aside)."""
    from pathlib import Path

    def shape(conn):
        out = {}
        for kind, name, table in conn.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ):
            if kind == "table":
                cols = sorted(tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({name})"))
                out[(kind, name)] = cols
            elif kind == "index":
                out[(kind, name)] = [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
            else:
                out[(kind, name)] = table
        return out

    v1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sql"
    old = raw_handle(tmp_path / "old.db")
    old.conn.executescript(v1.read_text(encoding="utf-8"))
    migrate.upgrade(old, tmp_path / "old.db")
    new = raw_handle(tmp_path / "new.db")
    migrate.upgrade(new, tmp_path / "new.db")
    assert migrate.current_version(old) == migrate.current_version(new) == migrate.schema_version()
    assert shape(old.conn) == shape(new.conn)


def test_derived_tables_are_rebuilt_after_an_upgrade(demo_path, monkeypatch):
    """A migration may add a search index that starts empty: opening fills it."""
    from desktop.core.store import check

    db = open_station(demo_path)
    db.execute("DELETE FROM expert_search")
    assert any(p.kind == "derived" for p in check.run(db))
    db.close()
    monkeypatch.setattr(migrate, "upgrade", lambda db, path: [path.with_suffix(".bak")])
    db = open_station(demo_path)
    assert check.run(db) == []
    db.close()
