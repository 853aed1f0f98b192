"""The database handle: the connection class and the small Database/Table wrappers.

They live apart from db.py, which opens databases, so that the modules db.py itself
imports (migrate, lazy_utils) can name the handle in their signatures without an import
cycle; db.py re-exports all three. This module imports nothing from desktop.
"""

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path


class Connection(sqlite3.Connection):
    """A sqlite3 connection that knows whether the write path is active on it, and which
    tables its write-path transactions changed (writepath.touch, writepath.take_changes)."""

    in_write_path = False
    # a callable returning milliseconds, to simulate clock skew in tests
    wall_clock: Callable[[], int] | None = None
    # the page cache's size before a bulk write widened it (writepath.widen_cache), to put
    # back when its transaction ends
    narrow_cache: int | None = None

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
        # why nothing may be written here although the file is writable (an ended drill's
        # sandbox opened to play in); empty: writes go ahead
        self.refusal = ""
        # the tables a transaction may still write despite the refusal, when it writes
        # only these (an ended drill's evaluation in its sandbox)
        self.spared: frozenset[str] = frozenset()
        self.migrated = False  # open_db upgraded the schema (derived tables may be empty)
        self.backups: list[Path] = []  # the backups open_db made before upgrading

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
