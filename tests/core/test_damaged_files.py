"""A station's file emptied, a stale write-ahead log beside it, a bad page met while the
station opens: never a new station written into it, always the damaged database's refusal
naming its newest good backup (trial 17, findings 1, 2 and 6)."""

import errno
import sqlite3

import pytest

from desktop.core import i18n, reasons
from desktop.core.errors import BioError
from desktop.core.setup import backups, initdb
from desktop.core.setup.opening import open_station
from desktop.core.store import db as dbmod
from desktop.core.store import migrate
from tests.helpers.stations import new_station

pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


@pytest.fixture
def backed_up(db_path):
    """A station with its day's backup (the newest good one)."""
    new_station(db_path).close()
    open_station(db_path).close()
    newest = backups.newest_good(db_path)
    assert newest is not None
    return newest


def emptied(path):
    path.write_bytes(b"")


def test_an_emptied_station_is_named_damaged_with_its_newest_backup_and_left_empty(
    db_path, backed_up
):
    emptied(db_path)
    for opener in (open_station, dbmod.open_db):
        with pytest.raises(backups.Damaged) as refused:
            opener(db_path)
        assert refused.value.damage.backup == backed_up
        assert "empty" in str(refused.value)
        assert f'restore "{backed_up.path}"' in str(refused.value)
    assert db_path.stat().st_size == 0  # nothing written into it


def test_init_over_an_emptied_station_names_the_restore_unless_forced(db_path, backed_up):
    emptied(db_path)
    with pytest.raises(BioError) as refused:
        initdb.init_database(db_path, "HY-NEW")
    assert str(backed_up.path) in str(refused.value) and "restore" in str(refused.value)
    assert "--force" in str(refused.value)
    assert db_path.stat().st_size == 0
    initdb.init_database(db_path, "HY-NEW", force=True).close()
    db = open_station(db_path)
    assert db.execute("SELECT code FROM station").fetchone() == ("HY-NEW",)
    db.close()


def test_an_empty_file_without_backups_says_how_to_init_and_stays_empty(db_path):
    emptied(db_path)
    with pytest.raises(BioError) as refused:
        open_station(db_path)
    assert not isinstance(refused.value, backups.Damaged)
    assert "empty" in str(refused.value) and "init" in str(refused.value)
    assert db_path.stat().st_size == 0
    initdb.init_database(db_path, "HY-NEW").close()  # no backups: init may write into it


def test_a_stale_write_ahead_log_is_never_replayed_into_an_empty_file(db_path, backed_up):
    # a write-ahead log left by a station killed before it folded it back
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("INSERT INTO meta (key, value) VALUES ('trial', 'x')")
    wal = db_path.with_name(db_path.name + "-wal")
    kept = wal.read_bytes()
    holder.close()  # closing folds it back; the log is put back as a crash would leave it
    wal.write_bytes(kept)
    emptied(db_path)
    for attempt in (
        lambda: open_station(db_path),
        lambda: initdb.init_database(db_path, force=True),  # even forced
    ):
        with pytest.raises(BioError, match="write-ahead log"):
            attempt()
        assert db_path.stat().st_size == 0 and wal.read_bytes() == kept


def meta_page(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    finally:
        conn.close()


def test_a_bad_page_in_meta_at_opening_is_the_damaged_refusal(db_path, backed_up):
    page = meta_page(db_path)
    with open(db_path, "r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(b"\xa5" * 4096)
    with pytest.raises(backups.Damaged) as refused:
        open_station(db_path)
    assert refused.value.damage.backup == backed_up
    assert "malformed" not in str(refused.value)  # SQLite's words, in the user's language


def test_a_migration_backup_of_a_damaged_database_leaves_no_copy_and_names_the_good_one(
    db_path, backed_up
):
    db = dbmod.open_db(db_path)
    size, page = db_path.stat().st_size, 4096
    with open(db_path, "r+b") as file:
        file.seek((size // page // 2) * page)
        file.write(b"\xa5" * page * 8)
    listed = backups.listing(db_path)
    for _ in range(3):
        with pytest.raises(backups.Damaged) as refused:
            migrate.backup(db, db_path)
        assert refused.value.damage.backup == backed_up
        assert "failed its check" not in str(refused.value)
    db.close()
    assert backups.listing(db_path) == listed
    assert not [p for f in backups.folders(db_path) for p in f.iterdir() if ".bad" in p.name]


def test_os_and_sqlite_reasons_are_said_in_the_users_language():
    i18n.set_language("zh_CN")
    missing = OSError(errno.ENOENT, "No such file or directory")
    assert reasons.reason(missing) == "文件或文件夹不存在"
    bad = sqlite3.DatabaseError("database disk image is malformed")
    assert "malformed" not in reasons.reason(bad)
    assert reasons.reason(sqlite3.OperationalError("disk I/O error")) != "disk I/O error"
    assert reasons.reason("something else") == "something else"  # unknown: as said


def test_a_write_into_a_missing_folder_says_why_in_chinese(tmp_path):
    import openpyxl

    from desktop.core import spreadsheet

    i18n.set_language("zh_CN")
    with pytest.raises(BioError) as refused:
        spreadsheet.save_workbook(openpyxl.Workbook(), tmp_path / "nowhere" / "a.xlsx")
    assert "No such file" not in str(refused.value) and "不存在" in str(refused.value)


def test_a_checkpoint_cut_short_is_not_taken_for_a_truncated_file(tmp_path):
    """SIGKILL during a checkpoint may leave page 1 (saying N pages) written before the
    pages that grow the file; the -wal still holds them, SQLite replays it at opening. Seen
    once in the crash test of stock imports: the file was refused as truncated."""
    path = tmp_path / "cut.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 2000)
    conn.commit()
    with open(path, "rb") as file:
        header = bytearray(file.read(100))
    pages = int.from_bytes(header[28:32], "big")
    header[28:32] = (pages + 200).to_bytes(4, "big")  # as if page 1 came from the WAL first
    header[92:96] = header[24:28]
    with open(path, "r+b") as file:
        file.write(header)
    assert (tmp_path / "cut.db-wal").stat().st_size > 32
    assert backups.header_problem(path) is None
    conn.close()  # the checkpoint at close writes every page: the file is whole again
    assert sqlite3.connect(path).execute("SELECT count(*) FROM t").fetchone()[0] == 2000
    assert backups.header_problem(path) is None


def test_a_short_file_without_a_write_ahead_log_is_truncated(tmp_path):
    path = tmp_path / "short.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 2000)
    conn.commit()
    conn.close()
    with open(path, "r+b") as file:
        file.truncate(8192)
    assert "8192" in backups.header_problem(path)
