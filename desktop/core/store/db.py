"""The one place that opens BioReserve databases.

Every connection gets the same pragmas (WAL, foreign keys, busy timeout,
synchronous=NORMAL) and registers br_in_write_path(), the SQL function the
guard triggers of synced tables call. Failures to open become a BioError that
names the file and what to do.

The handle is a small class of our own rather than sqlite_utils.Database: the hot
paths use sqlite3 directly, and importing sqlite-utils costs about 60 ms (measured with
-X importtime), which the window's start-up must not pay. lazy_utils.database(db)
gives the sqlite-utils view of the same connection where it serves (introspection,
transform, full-text search), imported then.
"""

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import migrate

BUSY_TIMEOUT_MS = 5000


class Connection(sqlite3.Connection):
    """A sqlite3 connection that knows whether the write path is active on it, and which
    tables its write-path transactions changed (writepath.touch, writepath.take_changes)."""

    in_write_path = False
    wall_clock = None  # a callable returning milliseconds, to simulate clock skew in tests

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.touched: set[str] = set()  # tables the open write-path transaction writes
        self.changed: set[str] = set()  # tables committed transactions wrote, not yet taken


class Table:
    """Read conveniences for one table (writes go through the write path)."""

    def __init__(self, db: "Database", name: str):
        self.db = db
        self.name = name

    @property
    def count(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]

    def get(self, row_id: str) -> dict | None:
        return next(self.rows_where("id = ?", [row_id]), None)

    @property
    def rows(self) -> Iterator[dict]:
        return self.rows_where()

    def rows_where(self, where: str | None = None, params=()) -> Iterator[dict]:
        sql = f"SELECT * FROM {self.name}" + (f" WHERE {where}" if where else "")
        return self.db.query(sql, params)


class Database:
    """An open BioReserve database: the connection, its file, and read helpers."""

    def __init__(self, conn: "Connection", path: Path, read_only: bool = False):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.migrated = False  # open_db upgraded the schema (derived tables may be empty)

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params=()) -> Iterator[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def __getitem__(self, table: str) -> Table:
        return Table(self, table)

    def table_names(self) -> list[str]:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        return [r[0] for r in self.conn.execute(sql)]

    def close(self) -> None:
        self.conn.close()


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
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BioError(
                tr("Cannot create the folder {folder}: {reason}", folder=path.parent, reason=exc)
            ) from exc
    if read_only is None:
        read_only = path.exists() and not os.access(path, os.W_OK)
    try:
        db = Database(_open_connection(path, read_only), path, read_only)
        if read_only:
            migrate.require_current(db, path)
        else:
            db.migrated = migrate.upgrade(db, path)
    except sqlite3.DatabaseError as exc:
        raise explain(exc, path) from exc
    return db


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
        return BioError(
            tr(
                "The file {path} is not a BioReserve database or is damaged. Restore "
                "it from a backup (the .bak files beside it) or choose another file.",
                path=path,
            )
        )
    if "readonly" in text or "read-only" in text:
        return BioError(
            tr(
                "The database {path} is read-only. Copy it to a writable folder or "
                "ask your administrator for write access.",
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
    return BioError(tr("Database error in {path}: {reason}", path=path, reason=exc))
