"""Backups of a station's database: the files, their names, their check and their rotation.

A backup is a consistent copy made with SQLite's online backup API while the database stays
open (other connections keep reading and writing). It is written under a temporary name,
checked with PRAGMA quick_check, then renamed: `REASON.vSCHEMA-YYYYmmdd-HHMMSS.db`, with
`.bad` appended when the copy failed its check (the database itself is damaged then).
Automatic backups live in the user data folder, `backups/<station code>-<hash of the
database's path>/`, private to their owner; a database is found by the hash alone, so the
backups of a file that no longer opens are found too.

Rotation keeps N days (the station setting backup.keep_days, 30 by default) and never the
newest good backup; manual backups are never rotated. This module only handles files: it
imports nothing that opens databases (store/migrate.py calls it before an upgrade). Who
may make or restore backups, and the audit events, are in backup_actions.py; restoring
in restoring.py.
"""

import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.core import paths, reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

REASONS = ("daily", "migration", "import", "bundle", "manual", "before-restore")
KEEP_KEY = "backup.keep_days"
DEFAULT_KEEP_DAYS = 30
MAX_KEEP_DAYS = 3650
SQLITE_MAGIC = paths.SQLITE_MAGIC
STEP_PAGES = 1024  # pages copied per step of a stoppable backup (4 MiB at 4 KiB a page)
_NAME = re.compile(
    r"^(?P<reason>[a-z-]+)\.v(?P<schema>\d+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
    r"\.db(?P<bad>\.bad)?$"
)


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made, why, the schema it holds, its size, whether it
    passed its check."""

    path: Path
    made: datetime
    reason: str
    schema: int
    size: int
    ok: bool

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "made": self.made.isoformat(sep=" "),
            "reason": self.reason,
            "schema": self.schema,
            "size": self.size,
            "ok": self.ok,
        }


def reason_name(reason: str) -> str:
    return {
        "daily": tr("daily"),
        "migration": tr("before a schema upgrade"),
        "import": tr("before a spreadsheet import"),
        "bundle": tr("before a bundle import"),
        "manual": tr("manual"),
        "before-restore": tr("before a restore"),
    }.get(reason, reason)


# ---------------------------------------------------------------- where


def _key(db_path: str | os.PathLike) -> str:
    return hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:10]


def root() -> Path:
    return paths.private_data_dir() / "backups"


def folder(db_path: str | os.PathLike, code: str | None) -> Path:
    """The folder of a database's automatic backups (created, private)."""
    name = re.sub(r"[^A-Za-z0-9_-]", "_", code or "db")[:32] or "db"
    return paths.make_private_dir(root() / f"{name}-{_key(db_path)}")


def folders(db_path: str | os.PathLike) -> list[Path]:
    """Every folder holding backups of this database (its station code may have changed)."""
    base = root()
    if not base.is_dir():
        return []
    return sorted(p for p in base.glob(f"*-{_key(db_path)}") if p.is_dir())


# ---------------------------------------------------------------- listing


def parse(path: Path) -> Backup | None:
    """The backup a file name describes, None for another file; ok: it passed its check
    when made and its header still says it is a whole SQLite database."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    # checked when made (a failed one is renamed .bad); a file changed or put there since,
    # which is no database or a cut one, counts as failed too (read from its header)
    ok = not match["bad"] and size > 0 and header_problem(path) is None
    return Backup(path, made, match["reason"], int(match["schema"]), size, ok)


def listing(db_path: str | os.PathLike) -> list[Backup]:
    """The automatic and manual backups of a database in its backup folders, newest first."""
    found = [b for f in folders(db_path) for p in f.iterdir() if (b := parse(p)) is not None]
    # Names tell the second only: two backups of one second (the day's, then one made at
    # once by hand) are told apart by their files' times, never by the folder's order.
    return sorted(found, key=lambda b: (b.made, _written(b.path), _number(b.path)), reverse=True)


def _written(path: Path) -> int:
    """When the file was last written (ns; 0 when it cannot be read)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _number(path: Path) -> int:
    """The n of a backup named in the same second as another (`…-HHMMSS-n.db`; 1: none)."""
    match = _NAME.match(path.name)
    return int(match["n"]) if match and match["n"] else 1


def newest_good(db_path: str | os.PathLike) -> Backup | None:
    return next((b for b in listing(db_path) if b.ok), None)


def has_good_since(db_path: str | os.PathLike, day: date) -> bool:
    return any(b.ok and b.made.date() >= day for b in listing(db_path))


# ---------------------------------------------------------------- making


def station_code(db: Database) -> str | None:
    try:
        row = db.execute("SELECT code FROM station").fetchone()
    except sqlite3.Error:  # a bare file, or an old schema
        return None
    return row[0] if row else None


def keep_days(db: Database) -> int:
    """How many days automatic backups are kept (backup.keep_days, 1–3650, default 30)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", [KEEP_KEY]).fetchone()
        value = int(row[0]) if row else DEFAULT_KEEP_DAYS
    except (sqlite3.Error, TypeError, ValueError):
        value = DEFAULT_KEEP_DAYS
    return min(max(value, 1), MAX_KEEP_DAYS)


def make(
    db: Database,
    reason: str,
    *,
    out: str | os.PathLike | None = None,
    replace: bool = False,
    db_path: str | os.PathLike | None = None,
    now: datetime | None = None,
    stop: Callable[[], bool] | None = None,
) -> Backup:
    """Copy the database with the online backup API, check the copy, name it.

    With `stop` (a backup made beside the window's work, on a connection of its own): copied
    in steps inside one read transaction (the copy is of one moment; other connections
    keep writing, and their commits do not restart it), and given up with Stopped, its
    partial file deleted, as soon as stop() says so — between two steps of the copy or
    during its check.

    Into the database's backup folder, or to `out` (a manual backup elsewhere: refused if
    the file exists, unless replace; a name ending in a slash names a folder, refused). A
    copy that fails its check is deleted and the database named damaged (Damaged, with its
    newest good backup): a damaged database leaves no copy of itself behind, however often
    a backup of it is tried."""
    if reason not in REASONS:
        raise ValueError(reason)
    source = Path(db_path or db.path)
    moment = (now or datetime.now()).replace(microsecond=0)
    schema = db.execute("PRAGMA user_version").fetchone()[0]
    if out is not None:
        target = _refuse_target(out, source, replace)
        where = target.parent
    else:
        where = folder(source, station_code(db))
        target = _free_name(where, f"{reason}.v{schema}-{moment:%Y%m%d-%H%M%S}")
    part = target.with_name(target.name + ".part")
    try:
        paths.private_file(part)  # a copy of the database: as private as the database
        _require_space(source, where)
        copy = sqlite3.connect(str(part))
        try:
            if stop is None:
                db.conn.backup(copy)
            else:
                _copy_in_steps(db.conn, copy, stop)
            # the copy is a file alone: no write-ahead log beside it when it is read
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        problem = quick_check(part, stop)
        if problem is not None:
            raise damaged(source, problem)
        os.replace(part, target)
    except Damaged:
        raise
    except sqlite3.Error as exc:
        if reasons.is_damage(exc):
            raise damaged(source, str(exc)) from exc
        raise BioError(
            tr("Cannot write the backup {file}: {reason}", file=target, reason=reasons.reason(exc))
        ) from exc
    except OSError as exc:
        raise BioError(
            tr("Cannot write the backup {file}: {reason}", file=target, reason=reasons.reason(exc))
        ) from exc
    finally:
        part.unlink(missing_ok=True)
    return Backup(target, moment, reason, schema, target.stat().st_size, True)


class Stopped(Exception):
    """A stoppable backup was given up (the window closing): nothing of it is kept."""


def _copy_in_steps(
    source: sqlite3.Connection, copy: sqlite3.Connection, stop: Callable[[], bool]
) -> None:
    def step(_status, _remaining, _total) -> None:
        if stop():
            raise Stopped  # the backup is abandoned; make() deletes the partial file

    begun = not source.in_transaction
    if begun:  # one snapshot for every step: a commit elsewhere does not restart the copy
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        source.backup(copy, pages=STEP_PAGES, progress=step)
    finally:
        if begun:
            source.execute("ROLLBACK")


def _free_name(where: Path, stem: str) -> Path:
    target, n = where / f"{stem}.db", 1
    while target.exists() or target.with_name(target.name + ".bad").exists():
        n += 1
        target = where / f"{stem}-{n}.db"
    return target


def _refuse_target(out: str | os.PathLike, source: Path, replace: bool) -> Path:
    """The file a manual backup goes to, refused when it is the database, a folder (or a
    name ending in a slash), in a folder that does not exist, or exists (unless replace)."""
    text = os.fspath(out)
    target = Path(text)
    if text.endswith(("/", os.sep)) or (os.altsep and text.endswith(os.altsep)):
        if not target.is_dir():
            raise BioError(tr("The folder {folder} does not exist.", folder=target))
        raise BioError(tr("{out} is a folder: name a file for the backup.", out=target))
    resolved = target.resolve()
    own = {source.resolve()} | {
        source.resolve().with_name(source.name + side) for side in paths.SQLITE_SIDE_FILES
    }
    if resolved in own:
        raise BioError(
            tr("{out} is the database itself: write the backup to another file.", out=target)
        )
    if target.is_dir():
        raise BioError(tr("{out} is a folder: name a file for the backup.", out=target))
    if target.exists() and not replace:
        raise BioError(
            tr("{out} exists already: name another file or delete it first.", out=target)
        )
    if not target.parent.is_dir():
        raise BioError(tr("The folder {folder} does not exist.", folder=target.parent))
    return target


def _require_space(source: Path, where: Path) -> None:
    size = sum(
        f.stat().st_size for f in (source, source.with_name(source.name + "-wal")) if f.exists()
    )
    if shutil.disk_usage(where).free < size * 1.1:
        raise BioError(
            tr(
                "Not enough free disk space in {folder} for a backup of {path}. Free some "
                "space and try again.",
                folder=where,
                path=source,
            )
        )


# ---------------------------------------------------------------- changed since


# What a backup protects, besides the synced rows (the vector names every origin's last
# operation, local or merged, whatever its stamp): the local settings, trusts, passwords and
# import fingerprints. Whole rows of the small tables; the number of rows of the logs.
_WHOLE = ("station", "meta", "trusted_station", "station_entitlement", "account_secret")
_GROWING = ("import_log", "bundle_log", "withheld_op", "signed_mark")


def state_mark(conn: sqlite3.Connection) -> str:
    """A digest that changes whenever the data a backup protects changes (the audit trail
    and the sessions aside: a backup's own audit event is not a change of the data)."""
    digest = hashlib.sha256()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    digest.update(repr(conn.execute("PRAGMA user_version").fetchone()).encode())
    digest.update(repr(sorted(conn.execute("SELECT origin, seq FROM vector"))).encode())
    for name in _WHOLE:  # some are WITHOUT ROWID: rows sorted here
        if name in tables:
            rows = sorted(map(repr, conn.execute(f"SELECT * FROM {name}")))  # noqa: S608
            digest.update(f"{name}{rows}".encode())
    for name in _GROWING:
        if name in tables:
            row = conn.execute(f"SELECT count(*) FROM {name}").fetchone()  # noqa: S608
            digest.update(f"{name}{row}".encode())
    return digest.hexdigest()


def unchanged_since_backup(db: Database) -> Backup | None:
    """The newest good backup when the database holds the same data as it (nothing was
    changed since it was made), else None. Compared by content (state_mark), not by time:
    operations merged from other stations carry their own, older stamps."""
    newest = newest_good(db.path)
    if newest is None:
        return None
    try:
        conn = sqlite3.connect(f"{newest.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            theirs = state_mark(conn)
        finally:
            conn.close()
        ours = state_mark(db.conn)
    except sqlite3.Error:
        return None
    return newest if theirs == ours else None


# ---------------------------------------------------------------- rotation


def rotate(db_path: str | os.PathLike, keep: int, today: date | None = None) -> list[Path]:
    """Delete the automatic backups made more than `keep` days before today; the newest
    good backup stays whatever its age, manual backups always. Returns the files deleted."""
    today = today or date.today()
    oldest = today - timedelta(days=max(keep, 1))
    newest = newest_good(db_path)
    deleted = []
    for backup in listing(db_path):
        if backup.reason == "manual" or backup.made.date() >= oldest:
            continue
        if newest is not None and backup.path == newest.path:
            continue
        try:
            backup.path.unlink()
        except OSError:  # in use, or already gone: the next rotation tries again
            continue
        deleted.append(backup.path)
    return deleted


# ---------------------------------------------------------------- checking files


def quick_check(path: str | os.PathLike, stop: Callable[[], bool] | None = None) -> str | None:
    """None when the file passes PRAGMA quick_check, else the first problem found. With
    `stop`: Stopped as soon as stop() says so (the check interrupted is no verdict)."""
    problem = header_problem(path)
    if problem is not None:
        return problem
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            if stop is not None:
                conn.set_progress_handler(lambda: 1 if stop() else 0, 100_000)
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if stop is not None and stop():
            raise Stopped from exc
        return str(exc)
    if rows and rows[0][0] == "ok":
        return None
    return "; ".join(str(r[0]) for r in rows[:3]) or "quick_check"


WAL_HEADER_BYTES = 32


def header_problem(path: str | os.PathLike) -> str | None:
    """What the first 100 bytes say is wrong with an SQLite file (None: nothing): not an
    SQLite file, or shorter than its header says (truncated). An empty file is a new one."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as exc:
        return reasons.reason(exc)
    if size == 0:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return tr("not an SQLite database file")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return tr("not an SQLite database file")
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    # A checkpoint cut short by a crash may have written page 1 (this header) before the
    # pages that extend the file: the -wal beside it still holds them all, and SQLite
    # replays it when it opens the file. Only without a -wal is a short file truncated.
    wal = Path(f"{os.fspath(path)}-wal")
    if wal.exists() and wal.stat().st_size > WAL_HEADER_BYTES:
        return None
    if counter_valid and pages and size < pages * page_size:
        return tr(
            "the file is truncated ({size} bytes of {expected})",
            size=size,
            expected=pages * page_size,
        )
    return None


def describe_file(path: str | os.PathLike, known: int) -> dict:
    """What a backup file holds (origin, code, name, schema), refused with its cause when
    it is not a readable BioReserve database of a schema up to `known`."""
    path = Path(path)
    if not path.is_file():
        raise BioError(tr("No backup file at {path}.", path=path))
    if path.stat().st_size == 0:
        raise BioError(tr("{path} is empty: it is not a backup.", path=path))
    problem = quick_check(path)
    if problem is not None:
        raise BioError(tr("{path} is not a usable backup: {problem}.", path=path, problem=problem))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            row = None
            if {"station", "oplog", "meta"} <= tables:
                row = conn.execute("SELECT origin, code, name FROM station").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BioError(
            tr("{path} is not a usable backup: {problem}.", path=path, problem=exc)
        ) from exc
    if row is None or schema < 1:
        raise BioError(
            tr("{path} is an SQLite file but not a BioReserve station's database.", path=path)
        )
    if schema > known:
        raise BioError(
            tr(
                "{path} was made by a newer BioReserve (schema {found}, this program knows "
                "up to {known}).",
                path=path,
                found=schema,
                known=known,
            )
        )
    return {"origin": row[0], "code": row[1], "name": row[2], "schema": schema}


# ---------------------------------------------------------------- damage


@dataclass(frozen=True)
class Damage:
    """Why a database cannot be used, and the newest good backup of it (or None)."""

    path: Path
    cause: str
    backup: Backup | None

    @property
    def summary(self) -> str:
        if self.backup is None:
            return tr(
                "The database {path} is damaged or unreadable ({cause}), and no good backup "
                "of it was found.",
                path=self.path,
                cause=self.cause,
            )
        return tr(
            "The database {path} is damaged or unreadable ({cause}). The newest good "
            "backup is {backup}, made {made} ({reason}).",
            path=self.path,
            cause=self.cause,
            backup=self.backup.path,
            made=self.backup.made.isoformat(sep=" "),
            reason=reason_name(self.backup.reason),
        )

    @property
    def command(self) -> str:
        backup = str(self.backup.path) if self.backup else tr("BACKUP-FILE")
        return tr(
            'To restore it: bioreserve --db "{path}" restore "{backup}"',
            path=self.path,
            backup=backup,
        )


class Damaged(BioError):
    """A database that cannot be used; `damage` names the newest good backup."""

    def __init__(self, damage: Damage):
        super().__init__(f"{damage.summary}\n{damage.command}")
        self.damage = damage


def damaged(path: str | os.PathLike, cause: str) -> Damaged:
    """The refusal of a damaged database (cause: SQLite's words are translated)."""
    path = Path(path)
    return Damaged(Damage(path, reasons.reason(cause), newest_good(path)))


def empty(path: str | os.PathLike) -> BioError:
    """The refusal of an existing empty (0-byte) database file: never a new station to
    write a schema into. With backups of that path, it is a damaged database (Damaged, its
    newest good backup named); without, it says how to create a station in it."""
    path = Path(path)
    if listing(path):
        return damaged(path, tr("the file is empty (0 bytes)"))
    return BioError(
        tr(
            "The database file {path} is empty (0 bytes): it holds no station, and no "
            "backup of it was found. If it was a station's database, restore a copy of "
            'it; to make a new station in it: bioreserve --db "{path}" init',
            path=path,
        )
    )


def stale_log(path: str | os.PathLike) -> BioError | None:
    """A write-ahead log (-wal) beside a missing or empty database file belongs to an
    earlier database: SQLite would replay it into the file, so the file is refused (None:
    no such log)."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0 or (path.exists() and path.stat().st_size > 0):
            return None
    except OSError:
        return None
    cause = tr(
        "the file is empty but a write-ahead log {wal} of an earlier database lies beside "
        "it; it is not replayed into the file",
        wal=wal,
    )
    if listing(path):
        return damaged(path, cause)
    return BioError(
        tr(
            "The database file {path} is missing or empty, and a write-ahead log {wal} of an "
            "earlier database lies beside it. Move the log (and {path}-shm) to another folder "
            "before creating or opening a database here, or restore a backup.",
            path=path,
            wal=wal,
        )
    )


def diagnose(path: str | os.PathLike) -> Damage | None:
    """Whether a database file is damaged (not SQLite, truncated, failing quick_check), with
    the newest good backup of it; None when it is sound (or missing: that is not damage)."""
    path = Path(path)
    if not path.exists():
        return None
    problem = quick_check(path)
    if problem is None:
        return None
    return Damage(path, problem, newest_good(path))
