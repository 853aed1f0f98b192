"""Backups: automatic ones (daily, before a migration, an import, a bundle import), rotation
by days keeping the newest good one, restore (then check clean and the data equal), and a
damaged database naming its newest good backup."""

import os
import sqlite3
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.access import audit
from desktop.core.access.policy import NotAllowed
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, stock
from desktop.core.setup import backup_actions, backups, restoring
from desktop.core.setup.opening import open_station
from desktop.core.store import check, migrate
from desktop.core.store import db as dbmod
from tests.helpers.stations import CLERK, content, enrol, new_station, stock_up, transfer

ADMIN = Ctx("os:admin")
LOCAL = {"audit_event", "audit_seal", "session"}  # a restore records itself here


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


def data(path) -> dict:
    """Every table's rows but the local audit tables, read with a plain connection."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            n: sorted(map(repr, conn.execute(f"SELECT * FROM {n}")))
            for n in names
            if n not in LOCAL
        }
    finally:
        conn.close()


def reasons(path) -> list[str]:
    return [b.reason for b in backups.listing(path)]


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


# ---------------------------------------------------------------- making and rotating


def test_a_backup_is_a_checked_private_copy_named_by_reason_and_time(fresh_db):
    made = backups.make(fresh_db, "import", now=datetime(2026, 3, 1, 8, 30, 5))
    assert made.ok and made.reason == "import"
    assert made.path.name == f"import.v{migrate.schema_version()}-20260301-083005.db"
    assert made.path.parent.parent == backups.root()
    assert made.path.parent.name.startswith("HY-TEST-")
    assert backups.quick_check(made.path) is None
    if os.name == "posix":
        assert made.path.stat().st_mode & 0o777 == 0o600
    assert [b.path for b in backups.listing(fresh_db.path)] == [made.path]
    assert not list(made.path.parent.glob("*-wal")) and not list(made.path.parent.glob("*.part"))


def test_a_station_opened_gets_one_daily_backup_a_day(db_path):
    new_station(db_path).close()
    open_station(db_path).close()
    open_station(db_path).close()
    assert reasons(db_path) == ["daily"]
    db = open_station(db_path)
    tomorrow = datetime.now() + timedelta(days=1)
    assert backup_actions.daily(db, now=tomorrow) is not None
    assert backup_actions.daily(db, now=tomorrow) is None
    assert reasons(db_path) == ["daily", "daily"]
    kinds = [r[0] for r in db.execute("SELECT actor || ':' || kind FROM audit_event")]
    assert kinds.count("program:backup") == 2
    db.close()


def test_rotation_keeps_the_days_set_and_manual_backups(fresh_db):
    today = date(2026, 6, 30)
    for age in (0, 5, 29, 30, 31, 45, 400):
        backups.make(fresh_db, "daily", now=at(today - timedelta(days=age)))
    manual = backups.make(fresh_db, "manual", now=at(today - timedelta(days=400), 10))
    backup_actions.set_keep_days(fresh_db, ADMIN, 30)
    deleted = backups.rotate(fresh_db.path, backups.keep_days(fresh_db), today)
    assert len(deleted) == 3
    left = {(today - b.made.date()).days for b in backups.listing(fresh_db.path)}
    assert left == {0, 5, 29, 30, 400}  # 400: the manual one
    assert manual.path.exists()


def test_rotation_never_deletes_the_newest_good_backup(fresh_db):
    today = date(2026, 6, 30)
    old_good = backups.make(fresh_db, "import", now=at(today - timedelta(days=90)))
    older = backups.make(fresh_db, "daily", now=at(today - timedelta(days=100)))
    bad = backups.make(fresh_db, "daily", now=at(today - timedelta(days=1)))
    bad.path.rename(bad.path.with_name(bad.path.name + ".bad"))  # a copy that failed
    backups.rotate(fresh_db.path, 7, today)
    assert old_good.path.exists() and not older.path.exists()
    assert backups.newest_good(fresh_db.path).path == old_good.path


def test_the_days_kept_are_a_setting_of_1_to_3650_days_for_the_administrator(fresh_db):
    assert backups.keep_days(fresh_db) == 30
    assert backup_actions.set_keep_days(fresh_db, ADMIN, "7") == 7
    assert backups.keep_days(fresh_db) == 7
    for wrong in (0, -5, 3651, "many", "1" + "0" * 30):
        with pytest.raises(BioError, match="3650") as refused:  # the range, whatever was wrong
            backup_actions.set_keep_days(fresh_db, ADMIN, wrong)
        assert str(wrong) in str(refused.value)
    with pytest.raises(NotAllowed):
        backup_actions.set_keep_days(fresh_db, Ctx("user:v", role="viewer"), 10)
    assert backups.keep_days(fresh_db) == 7


def test_a_manual_backup_needs_the_right_and_is_audited(fresh_db, tmp_path):
    with pytest.raises(NotAllowed):
        backup_actions.manual(fresh_db, Ctx("user:kim", role="keeper"), tmp_path / "k.db")
    assert not (tmp_path / "k.db").exists()
    made = backup_actions.manual(fresh_db, ADMIN, tmp_path / "m.db")
    assert made.path == tmp_path / "m.db" and backups.quick_check(made.path) is None
    event = fresh_db.execute(
        "SELECT actor, kind, detail FROM audit_event ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert event[:2] == ("os:admin", "backup") and "m.db" in event[2]
    assert audit.verify(fresh_db).ok
    with pytest.raises(BioError, match="exists already"):
        backup_actions.manual(fresh_db, ADMIN, tmp_path / "m.db")
    with pytest.raises(BioError, match="the database itself"):
        backup_actions.manual(fresh_db, ADMIN, fresh_db.path)


def test_a_backup_before_a_migration(fresh_db, tmp_path):
    version = migrate.schema_version()
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / f"{version + 1:04d}_plan.sql").write_text(
        "CREATE TABLE plan (id TEXT PRIMARY KEY);\n", encoding="utf-8"
    )
    [made] = migrate.upgrade(fresh_db, fresh_db.path, folder=folder)
    [backup] = backups.listing(fresh_db.path)
    assert backup.path == made and backup.reason == "migration" and backup.schema == version
    old = sqlite3.connect(made)
    assert "plan" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    old.close()


def test_a_backup_before_a_spreadsheet_import(fresh_db, tmp_path):
    catalog.save_depot(fresh_db, CLERK, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(fresh_db, CLERK, {"code": "KZ", "name": "口罩", "unit": "只"})
    book = openpyxl.Workbook()
    book.active.append(["仓库编码", "物资编码", "批号", "有效期至", "数量"])
    book.active.append(["CK1", "KZ", "B1", "2030-01-01", 100])
    book.save(tmp_path / "stock.xlsx")
    before = data(fresh_db.path)
    assert importer.run(fresh_db, CLERK, "stock", tmp_path / "stock.xlsx").imported == 1
    [backup] = backups.listing(fresh_db.path)
    assert backup.reason == "import"
    assert data(backup.path) == before  # the copy holds the database as it was before
    events = audit_events(fresh_db)
    assert events[-1][:2] == ("program", "backup")
    kept = data(fresh_db.path)
    with pytest.raises(importer.ImportedBefore):  # refused: the data stay as they were
        importer.run(fresh_db, CLERK, "stock", tmp_path / "stock.xlsx")
    assert data(fresh_db.path) == kept
    # the backup made before the refused import is audited all the same (its own event)
    assert reasons(fresh_db.path) == ["import", "import"]
    assert audit_events(fresh_db)[len(events) :] == [
        ("program", "backup", audit_events(fresh_db)[-1][2])
    ]
    # nothing changed since that backup: refused again, no copy more
    with pytest.raises(importer.ImportedBefore):
        importer.run(fresh_db, CLERK, "stock", tmp_path / "stock.xlsx")
    assert reasons(fresh_db.path) == ["import", "import"]
    assert len(audit_events(fresh_db)) == len(events) + 1


def test_a_refused_import_of_a_role_that_may_not_write_makes_no_backup(fresh_db, tmp_path):
    from desktop.core.access import accounts

    catalog.save_depot(fresh_db, CLERK, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(fresh_db, CLERK, {"code": "KZ", "name": "口罩", "unit": "只"})
    book = openpyxl.Workbook()
    book.active.append(["仓库编码", "物资编码", "批号", "有效期至", "数量"])
    book.active.append(["CK1", "KZ", "B1", "2030-01-01", 100])
    book.save(tmp_path / "stock.xlsx")
    viewer = accounts.add(fresh_db, ADMIN, "looker", "viewer", "a-long-Passw0rd!")
    for _ in range(3):
        with pytest.raises(NotAllowed):
            importer.run(fresh_db, viewer.ctx(), "stock", tmp_path / "stock.xlsx")
    assert backups.listing(fresh_db.path) == []


def audit_events(db) -> list:
    return db.execute("SELECT actor, kind, detail FROM audit_event ORDER BY seq").fetchall()


def test_a_backup_before_a_bundle_import_that_brings_something(tmp_path):
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    stock_up(a, "A")
    transfer(a, b, tmp_path / "1.zip")
    assert reasons(b.path) == ["bundle"]
    transfer(a, b, tmp_path / "2.zip")  # nothing new: no backup for it
    assert reasons(b.path) == ["bundle"]
    a.close()
    b.close()


# ---------------------------------------------------------------- restoring


def test_restore_then_check_is_clean_and_the_data_equal(demo_db, demo_path):
    made = backups.make(demo_db, "manual")
    kept = data(made.path)
    stock.transfer(demo_db, CLERK, "HY-CK01", "HY-CK02", "PPE-0001", 5, ref="轮换")
    demo_db.close()
    assert data(demo_path) != kept
    result = restoring.restore(ADMIN, made.path, demo_path)
    assert result.problems == [] and result.before is not None
    assert data(demo_path) == kept
    assert not demo_path.with_name(demo_path.name + "-wal").exists()
    db = open_station(demo_path)
    assert check.run(db) == []
    assert db.execute("SELECT kind, actor FROM audit_event ORDER BY seq DESC").fetchone() == (
        "restore",
        "os:admin",
    )
    db.close()
    # what was replaced is a backup too: restoring it brings the transfer back
    assert backups.parse(result.before).reason == "before-restore"
    restoring.restore(ADMIN, result.before, demo_path)
    assert data(demo_path) != kept


def test_a_restore_needs_the_right(fresh_db, tmp_path):
    made = backups.make(fresh_db, "manual")
    fresh_db.close()
    before = fresh_db.path.read_bytes()
    with pytest.raises(NotAllowed):
        restoring.restore(Ctx("user:c", role="coordinator"), made.path, fresh_db.path)
    assert fresh_db.path.read_bytes() == before


def test_a_file_that_is_not_a_bioreserve_database_is_refused_nothing_changed(fresh_db, tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    text = tmp_path / "text.db"
    text.write_bytes(b"not a database at all " * 100)
    fresh_db.close()
    before = content_of(fresh_db.path)
    for wrong, cause in (
        (other, "not a BioReserve"),
        (text, "not an SQLite database"),
        (tmp_path / "missing.db", "No backup file"),
        (fresh_db.path, "the database itself"),
    ):
        with pytest.raises(BioError, match=cause):
            restoring.restore(ADMIN, wrong, fresh_db.path)
    assert content_of(fresh_db.path) == before
    assert reasons(fresh_db.path) == []


def test_another_stations_backup_is_refused_unless_forced(fresh_db, tmp_path):
    other = new_station(tmp_path / "other.db", "HY-OTHER", "他站")
    made = backups.make(other, "manual")
    other.close()
    fresh_db.close()
    before = content_of(fresh_db.path)
    with pytest.raises(BioError, match="他站.*HY-OTHER.*测试站.*HY-TEST"):
        restoring.restore(ADMIN, made.path, fresh_db.path)
    assert content_of(fresh_db.path) == before
    restoring.restore(ADMIN, made.path, fresh_db.path, force=True)
    assert restoring.current_station(fresh_db.path)["code"] == "HY-OTHER"


def test_a_backup_of_another_station_of_the_same_code_names_both_origins(fresh_db, tmp_path):
    """Two stations HY-TEST (another installation): the refusal told them apart by nothing."""
    from desktop.core.store import station

    twin = new_station(tmp_path / "twin.db", "HY-TEST", "测试站")
    made, theirs = backups.make(twin, "manual"), station.get(twin).origin
    twin.close()
    ours = station.get(fresh_db).origin
    fresh_db.close()
    with pytest.raises(BioError) as refused:
        restoring.restore(ADMIN, made.path, fresh_db.path)
    assert theirs in str(refused.value) and ours in str(refused.value)


def test_a_backup_of_a_newer_schema_is_refused(fresh_db, tmp_path):
    made = backups.make(fresh_db, "manual")
    conn = sqlite3.connect(made.path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    fresh_db.close()
    with pytest.raises(BioError, match="newer BioReserve"):
        restoring.restore(ADMIN, made.path, fresh_db.path)


def test_a_database_open_elsewhere_is_not_replaced(fresh_db):
    made = backups.make(fresh_db, "manual")
    with pytest.raises(BioError, match="open in another"):
        restoring.restore(ADMIN, made.path, fresh_db.path)  # fresh_db is still open
    assert check.run(fresh_db) == []


# ---------------------------------------------------------------- damage


def content_of(path) -> dict:
    db = dbmod.open_db(path)
    try:
        return content(db)
    finally:
        db.close()


def truncate(path):
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.truncate(size // 3)


def garbage(path):
    path.write_bytes(os.urandom(path.stat().st_size))


def malform(path):
    """Overwrite the middle pages of the file (b-tree pages of its tables) with noise."""
    size, page = path.stat().st_size, 4096
    with open(path, "r+b") as file:
        file.seek((size // page // 2) * page)
        file.write(b"\xa5" * page * 8)


@pytest.mark.parametrize("damage", [truncate, garbage, malform])
def test_a_damaged_database_names_its_newest_good_backup(db_path, damage):
    new_station(db_path).close()
    db = open_station(db_path)  # today's backup
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    newest = backups.newest_good(db_path)
    assert newest is not None and newest.reason == "daily"
    damage(db_path)
    found = backups.diagnose(db_path)
    assert found is not None and found.backup == newest
    assert str(newest.path) in found.summary and "damaged" in found.summary
    assert f'restore "{newest.path}"' in found.command
    if damage is not malform:  # a bad page is found by quick_check, not by opening
        with pytest.raises(backups.Damaged) as refused:
            open_station(db_path)
        assert refused.value.damage.backup == newest
        assert str(newest.path) in str(refused.value)


def test_a_backup_file_damaged_or_put_there_later_is_not_good(db_path):
    """A backup checked when made, then cut or replaced by junk (a full disk, a copy gone
    wrong, someone's file): listed as failed, never named as the one to restore, and it
    does not stand for the day's backup."""
    new_station(db_path).close()
    open_station(db_path).close()  # today's backup
    made = backups.newest_good(db_path)
    assert made is not None and made.reason == "daily"
    folder = made.path.parent
    stamp = (datetime.now() + timedelta(seconds=5)).strftime("%Y%m%d-%H%M%S")
    junk = folder / f"daily.v{made.schema}-{stamp}.db"
    junk.write_bytes(b"junk\n")
    cut = folder / f"manual.v{made.schema}-{stamp}-2.db"
    cut.write_bytes(made.path.read_bytes()[: made.size // 2])
    listed = {b.path: b.ok for b in backups.listing(db_path)}
    assert listed == {made.path: True, junk: False, cut: False}
    assert backups.newest_good(db_path).path == made.path
    made.path.unlink()  # only junk left: no good backup today, so the day's is made
    assert not backups.has_good_since(db_path, date.today())
    open_station(db_path).close()
    assert backups.has_good_since(db_path, date.today())


def test_a_bad_page_is_found_by_the_next_days_backup(db_path):
    new_station(db_path).close()
    good = backup_actions.daily(open_station(db_path))
    malform(db_path)
    db = dbmod.open_db(db_path)
    listed = backups.listing(db_path)
    for _ in range(3):  # however often it is tried: no copy of the damaged file is kept
        with pytest.raises(backups.Damaged) as refused:
            backup_actions.daily(db, now=datetime.now() + timedelta(days=1))
        assert refused.value.damage.backup.path == backups.newest_good(db_path).path
        assert "damaged" in str(refused.value) and "backup of" not in str(refused.value)
    db.close()
    assert backups.listing(db_path) == listed
    assert all(b.ok for b in backups.listing(db_path))
    assert good is None or good.ok


@pytest.mark.parametrize("damage", [truncate, garbage, malform])
def test_a_damaged_database_is_restored_from_its_newest_good_backup(db_path, damage):
    new_station(db_path).close()
    db = open_station(db_path)
    db.close()
    kept = data(backups.newest_good(db_path).path)
    damage(db_path)
    newest = backups.diagnose(db_path).backup
    result = restoring.restore(ADMIN, newest.path, db_path)
    assert result.problems == [] and backups.diagnose(db_path) is None
    assert data(db_path) == kept
    assert result.before is not None and result.before.exists()


def test_no_backup_at_all_says_so(tmp_path):
    path = tmp_path / "lost.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    found = backups.diagnose(path)
    assert found is not None and found.backup is None
    assert "no good backup" in found.summary
