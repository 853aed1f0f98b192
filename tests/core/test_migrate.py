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
    """Every migration together must equal db/schema.sql (column order aside), as
    sqlite-utils reads both: columns, foreign keys (deferred), triggers and indexes."""
    from pathlib import Path

    from desktop.core.store import check

    v1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sql"
    old = raw_handle(tmp_path / "old.db")
    old.conn.executescript(v1.read_text(encoding="utf-8"))
    migrate.upgrade(old, tmp_path / "old.db")
    new = raw_handle(tmp_path / "new.db")
    migrate.upgrade(new, tmp_path / "new.db")
    assert migrate.current_version(old) == migrate.current_version(new) == migrate.schema_version()
    assert check.shape(old) == check.shape(new) == check.expected_shape()
    assert check.schema_problems(old) == []


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


def test_a_python_migration_rebuilds_a_table_keeping_deferred_keys_triggers_and_rows(
    demo_db, demo_path, tmp_path
):
    """rebuild_table (sqlite-utils' transform) makes changes ALTER TABLE cannot; every
    foreign key of the table stays deferred, its write-path guard triggers stay, and a
    change the rows do not satisfy is refused whole."""
    from desktop.core.reserves import stock
    from desktop.core.store import check
    from tests.helpers.stations import CLERK

    stock.transfer(demo_db, CLERK, "HY-CK01", "HY-CK02", "PPE-0001", 5, ref="轮换")
    before = demo_db.execute("SELECT * FROM transfer ORDER BY id").fetchall()
    version = migrate.current_version(demo_db)
    folder = tmp_path / "migrations"
    migration = f"{version + 1:04d}_transfer.py"
    write_migration(
        folder,
        migration,
        "from desktop.core.store.migrate import rebuild_table\n\n"
        "def upgrade(db):\n"
        "    rebuild_table(db, 'transfer', add_foreign_keys=[('ref', 'alloc_order', 'id')])\n",
    )
    with pytest.raises(BioError, match="备份"):  # ref holds 轮换, not an order's id
        migrate.upgrade(demo_db, demo_path, folder=folder)
    assert migrate.current_version(demo_db) == version
    assert check.shape(demo_db)["transfer"] == check.expected_shape()["transfer"]

    write_migration(
        folder,
        migration,
        "from desktop.core.store.migrate import rebuild_table\n\n"
        "def upgrade(db):\n"
        "    rebuild_table(db, 'transfer', not_null={'reason'}, defaults={'reason': ''})\n",
    )
    migrate.upgrade(demo_db, demo_path, folder=folder)
    assert migrate.current_version(demo_db) == version + 1
    assert check.shape(demo_db)["transfer"] == check.expected_shape()["transfer"]
    assert demo_db.execute("SELECT * FROM transfer ORDER BY id").fetchall() == before
    with pytest.raises(sqlite3.IntegrityError, match="write path"):
        demo_db.execute("INSERT INTO transfer (id, from_depot, to_depot, item_id, lot_id) "
                        "VALUES ('x', 'a', 'b', 'c', 'd')")  # fmt: skip
