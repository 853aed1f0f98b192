"""db/schema.sql is the single source of truth; the table registry matches it."""

import re

from desktop.core import paths
from desktop.core.store import check, lazy_utils, migrate, tables


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
    view = lazy_utils.database(fresh_db)
    for table in tables.SYNCED:
        columns = view[table].columns_dict
        assert view[table].pks == ["id"] and columns["id"] is str, table
        assert ("deleted" in columns) == (table in tables.SHARED), table


def test_every_foreign_key_is_deferred_and_names_an_existing_table(fresh_db):
    """Merges apply a child before its parent within one transaction: every reference is
    checked at commit (DEFERRABLE INITIALLY DEFERRED)."""
    view = lazy_utils.database(fresh_db)
    for table in view.tables:
        for key in table.foreign_keys:
            assert key.other_table in view.table_names(), (table.name, key)
        assert check._deferred(table.schema), table.name


def test_a_new_database_has_the_schema_version_and_wal(fresh_db):
    assert migrate.current_version(fresh_db) == migrate.schema_version()
    assert fresh_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh_db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
