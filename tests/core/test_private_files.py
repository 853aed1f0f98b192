"""Files that hold personal data or secrets are private to their owner (0600, folders 0700).

POSIX only: on Windows the user's profile folders are private already and BioReserve sets
no modes there.
"""

import os
import sqlite3
import stat
import sys

import pytest

from desktop.core import crashlog, paths
from desktop.core.errors import BioError
from desktop.core.imports import experts as expert_sheet
from desktop.core.reserves import export as stock_export
from desktop.core.setup import initdb
from desktop.core.store import db as dbmod
from desktop.core.store import keyprotect, migrate, station
from desktop.sync import bundles
from desktop.sync.hub.sqlite_store import SqliteStore as Hub

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """A umask that would leave files readable by all (the usual 022), restored after."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_database_and_its_wal_and_shm_files_are_private(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    path = shared / "new" / "folders" / "station.db"
    db = initdb.init_database(path, "HY-NEW", "新站")
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    for file in (path, path.with_name("station.db-wal"), path.with_name("station.db-shm")):
        assert file.exists() and mode(file) == 0o600, file
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
    assert mode(shared) == 0o755  # a folder that existed is left as it was
    db.close()


def test_the_default_database_folder_is_private(tmp_path):
    db = dbmod.open_db(paths.default_db_path(), create=True)
    db.close()
    assert mode(paths.user_data_dir()) == 0o700
    assert mode(paths.default_db_path()) == 0o600


def test_an_existing_loose_database_is_tightened_on_open_and_the_log_says_so(tmp_path):
    path = tmp_path / "old.db"
    station.create(dbmod.open_db(path, create=True), "HY-OLD", "旧站")  # autocommit
    backup = tmp_path / "old.db.v8-20250101-000000.bak"
    backup.write_bytes(path.read_bytes())
    for file in (path, path.with_name("old.db-wal"), path.with_name("old.db-shm"), backup):
        os.chmod(file, 0o644)
    db = dbmod.open_db(path)
    for file in (path, path.with_name("old.db-wal"), path.with_name("old.db-shm"), backup):
        assert mode(file) == 0o600, file
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert str(path) in log and str(backup) in log
    assert mode(crashlog.log_path()) == 0o600
    db.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_another_users_database_is_left_alone(tmp_path):
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)  # a database (an empty file is refused: never written into)
    conn.executescript(paths.schema_file().read_text(encoding="utf-8"))
    conn.close()
    os.chmod(path, 0o644)
    os.chown(path, 1, 1)
    dbmod.open_db(path).close()
    assert mode(path) == 0o644


def test_a_backup_before_a_schema_upgrade_is_private(fresh_db, tmp_path):
    target = migrate.backup(fresh_db, fresh_db.path, "v9")
    assert mode(target) == 0o600


def test_the_log_file_and_its_folder_are_private():
    message = crashlog.report_unexpected(RuntimeError("boom"))
    assert str(crashlog.log_path()) in message
    assert mode(crashlog.log_path()) == 0o600
    assert mode(crashlog.log_path().parent) == 0o700


def test_the_hub_store_is_private(tmp_path):
    hub = Hub(tmp_path / "hub" / "hub.db")
    assert hub.count() == 0
    assert mode(tmp_path / "hub") == 0o700
    for name in ("hub.db", "hub.db-wal", "hub.db-shm"):
        file = tmp_path / "hub" / name
        if file.exists():
            assert mode(file) == 0o600, name


def test_a_loose_hub_store_is_tightened(tmp_path):
    Hub(tmp_path / "hub.db")
    os.chmod(tmp_path / "hub.db", 0o644)
    Hub(tmp_path / "hub.db")
    assert mode(tmp_path / "hub.db") == 0o600


def test_a_signed_bundle_is_private(tmp_path, fresh_db):
    out = tmp_path / "out.zip"
    out.write_bytes(b"an older file readable by all")
    os.chmod(out, 0o644)
    bundles.export(fresh_db, out)
    assert mode(out) == 0o600


def test_the_expert_roster_export_is_private(tmp_path, demo_db):
    out = tmp_path / "experts.xlsx"
    assert expert_sheet.export_xlsx(demo_db, out) > 0
    assert mode(out) == 0o600


def test_the_stock_workbook_is_private(tmp_path, demo_db):
    out = tmp_path / "stock.xlsx"
    stock_export.write_workbook(demo_db, out)
    assert mode(out) == 0o600


def test_key_files_and_key_backups_are_private_the_public_key_file_is_not(
    tmp_path, fresh_db, monkeypatch
):
    from desktop.sync import keys as sync_keys

    monkeypatch.setenv(keyprotect.PASSPHRASE_ENV, "correct horse battery")
    backup = tmp_path / "station.key.backup"
    station.backup_key(fresh_db, backup)
    assert mode(backup) == 0o600
    kek = keyprotect.key_file(station.get(fresh_db).origin)
    assert mode(kek) == 0o600 and mode(kek.parent) == 0o700
    public = tmp_path / "station.key"
    sync_keys.export_key(fresh_db, public)
    assert mode(public) == 0o644  # a public key is for others to read


def test_the_default_key_folder_is_private_in_the_private_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(keyprotect.KEY_DIR_ENV)
    db = initdb.init_database(tmp_path / "station.db", "HY-KEY", "密钥站")
    kek = keyprotect.key_file(station.get(db).origin)
    assert kek.parent == paths.user_data_dir() / "keys"
    assert (mode(kek), mode(kek.parent), mode(paths.user_data_dir())) == (0o600, 0o700, 0o700)
    db.close()


def test_private_file_keeps_content_and_tightens(tmp_path):
    path = tmp_path / "f"
    path.write_text("kept")
    os.chmod(path, 0o664)
    paths.private_file(path)
    assert path.read_text() == "kept" and mode(path) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX")
def test_nothing_is_done_where_modes_mean_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "posix_modes", lambda: False)
    path = tmp_path / "f"
    path.write_text("x")
    os.chmod(path, 0o644)
    assert paths.tighten(path) is False and mode(path) == 0o644


def test_a_folder_given_as_a_database_or_hub_store_keeps_its_mode(tmp_path):
    """`sync hub stations --store /tmp` once took the group's and others' rights away from
    /tmp itself (1777 → 1700): a refused path must change nothing."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    assert paths.private_database(shared, create=True) == []
    with pytest.raises(BioError):
        Hub(shared)
    assert mode(shared) == 0o1777
