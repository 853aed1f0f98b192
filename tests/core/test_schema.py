"""db/schema.sql is the single source of truth; the table registry matches it."""

import re

from desktop.core import paths
from desktop.core.store import migrate, tables


def schema_text():
    return paths.schema_file().read_text(encoding="utf-8")


def test_every_synced_table_has_its_guard_triggers():
    text = schema_text()
    for table in tables.SYNCED:
        assert f"CREATE TRIGGER {table}_guard_insert BEFORE INSERT ON {table}" in text
        assert re.search(rf"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}", text)
    for table in tables.SHARED:
        assert f"CREATE TRIGGER {table}_guard_update BEFORE UPDATE ON {table}" in text
    for table in tables.LEDGER:
        assert f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}" in text


def test_every_guarded_table_is_in_the_registry():
    guarded = set(re.findall(r"CREATE TRIGGER (\w+)_guard_insert", schema_text())) - {"oplog"}
    assert guarded == set(tables.SYNCED)


def test_synced_rows_have_text_ids_and_shared_rows_a_tombstone(fresh_db):
    for table in tables.SYNCED:
        info = {r[1]: r for r in fresh_db.execute(f"PRAGMA table_info({table})")}
        assert info["id"][2] == "TEXT" and info["id"][5] == 1, table
        assert ("deleted" in info) == (table in tables.SHARED), table


def test_a_new_database_has_the_schema_version_and_wal(fresh_db):
    assert migrate.current_version(fresh_db) == migrate.schema_version()
    assert fresh_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh_db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
