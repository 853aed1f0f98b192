"""The one place that opens BioReserve databases.

Every connection gets the same pragmas (WAL, foreign keys, busy timeout,
synchronous=NORMAL) and registers br_in_write_path(), the SQL function the
guard triggers of synced tables call. Failures to open become a BioError that
names the file and what to do.

Files are private to their owner (POSIX 0600, see paths.py): a new database file is
created so before SQLite writes anything, so that its -wal and -shm files, which SQLite
creates with the database file's mode, are private too; an existing one with looser
permissions is tightened when opened, if this user owns it, and the log says so. A private
key an older BioReserve stored raw is sealed when the database is opened for writing
(station.seal_raw_key).

The handle (handle.py, re-exported here) is a small class of our own rather than
sqlite_utils.Database: the hot paths use sqlite3 directly, and importing sqlite-utils
costs about 60 ms (measured with -X importtime), which the window's start-up must not
pay. lazy_utils.database(db) gives the sqlite-utils view of the same connection where it
serves (introspection, transform, full-text search), imported then.
"""

import os
import sqlite3
from pathlib import Path

from desktop.core import crashlog, paths, reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups
from desktop.core.store import migrate, station
from desktop.core.store.handle import Connection, Database, Table

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Connection",
    "Database",
    "Table",
    "explain",
    "like_pattern",
    "open_db",
]

BUSY_TIMEOUT_MS = 5000


def _open_connection(path: Path, read_only: bool) -> Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, factory=Connection, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), factory=Connection, isolation_level=None)
    conn.create_function("br_in_write_path", 0, lambda: int(conn.in_write_path))
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # 64 MB of page cache (SQLite's default is 2 MB): city-size lists and counts join
    # tens of thousands of lots to their balances, a working set of some 25 MB.
    conn.execute("PRAGMA cache_size = -65536")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_db(
    path: str | os.PathLike, create: bool = False, read_only: bool | None = None
) -> Database:
    """Open (or with create=True, create) a database file and bring its schema up to date.

    read_only=None opens read-only when the file is not writable for this user. This is
    the file alone: desktop.core.setup.opening.open_station also brings a station's
    derived tables and reference data up to date.
    """
    path = Path(path)
    stale = backups.stale_log(path)  # an old -wal beside a missing or empty file: never
    if stale is not None:  # replayed into it (SQLite would, when its salt matches)
        raise stale
    if not create and path.exists() and _empty(path):
        raise backups.empty(path)  # an emptied station, never a new one to write into
    if not path.exists() and not create:
        raise BioError(
            tr(
                "No database at {path}. Create one with `bioreserve init` "
                "(add --demo for demonstration data) or choose another file.",
                path=path,
            )
        )
    if create:
        try:
            if path.parent == paths.user_data_dir():
                paths.private_data_dir()
            paths.make_private_dir(path.parent)
        except OSError as exc:
            raise BioError(
                tr(
                    "Cannot create the folder {folder}: {reason}",
                    folder=path.parent,
                    reason=reasons.reason(exc),
                )
            ) from exc
    _make_private(path, create)
    if path.exists():
        damage = backups.header_problem(path)  # a truncated file opens, then fails later
        if damage is not None:
            raise backups.damaged(path, damage)
    if read_only is None:
        read_only = path.exists() and not os.access(path, os.W_OK)
    db = None
    try:
        db = Database(_open_connection(path, read_only), path, read_only)
        if read_only:
            migrate.require_current(db, path)
        else:
            db.backups = migrate.upgrade(db, path)
            db.migrated = bool(db.backups)
            if station.seal_raw_key(db):
                _note_sealed(db)
    except BaseException as exc:
        if db is not None:  # refused: nothing stays open (nor a -wal beside the file)
            db.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise explain(exc, path) from exc
        raise
    return db


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def _make_private(path: Path, create: bool) -> None:
    """The database file private before SQLite opens it (paths.private_database); a file
    that was not is noted in the log, with the backups beside it tightened too."""
    try:
        tightened = paths.private_database(path, create)
    except OSError as exc:
        raise BioError(
            tr("Cannot open {path}. Check that the folder exists and is writable.", path=path)
        ) from exc
    if tightened:
        backups = sorted(path.parent.glob(f"{path.name}.*.bak"))
        tightened += [backup for backup in backups if paths.tighten(backup)]
        crashlog.note(
            tr(
                "{files}: readable by other users of this computer until now; made private "
                "to their owner.",
                files=", ".join(str(file) for file in tightened),
            )
        )


def _note_sealed(db: Database) -> None:
    backups = sorted(db.path.parent.glob(f"{db.path.name}.*.bak"))
    crashlog.note(
        tr(
            "{path}: the station's private key was stored unencrypted by an older BioReserve; "
            "it is now encrypted (key-encryption key: {kek}) and the unencrypted bytes were "
            "overwritten. Copies and backups of the database made before still hold the "
            "unencrypted key ({backups}): delete them, or keep them as safe as the key.",
            path=db.path,
            kek=(station.protection(db) or {}).get("kek", "-"),
            backups=", ".join(str(b) for b in backups) or "-",
        )
    )


def like_pattern(text: str) -> str:
    """A LIKE pattern matching text anywhere (with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def explain(exc: sqlite3.Error, path: Path) -> BioError:
    """Turn an SQLite failure into a message a person can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return BioError(
            tr(
                "The database {path} is in use by another program. Close the other "
                "BioReserve window or command and try again.",
                path=path,
            )
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return backups.damaged(path, str(exc))  # names the newest good backup
    if "readonly" in text or "read-only" in text:
        return BioError(
            tr(
                "The database {path} is read-only. Copy it to a writable folder or "
                "ask your administrator for write access.",
                path=path,
            )
        )
    if "disk i/o" in text:
        return BioError(
            tr(
                "The disk holding {path} could not be read or written. Check the disk (or "
                "the network folder) and try again.",
                path=path,
            )
        )
    if "disk" in text and "full" in text:
        return BioError(
            tr("The disk holding {path} is full. Free some space and try again.", path=path)
        )
    if "unable to open" in text:
        return BioError(
            tr("Cannot open {path}. Check that the folder exists and is writable.", path=path)
        )
    return BioError(tr("Database error in {path}: {reason}", path=path, reason=reasons.reason(exc)))
