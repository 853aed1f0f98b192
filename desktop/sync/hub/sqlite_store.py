"""The embedded store: one SQLite file (hub.db), the default for a city's hub.

Each call takes a connection of its own from a few kept for reuse (requests run in
waitress's threads): closing the last connection to a WAL file checkpoints its log, which
a connection opened and closed per call paid on every request. Each call is one
transaction, so other processes' commits are seen at its BEGIN; writes take the file's
write lock at BEGIN IMMEDIATE, so ids are given in commit order and the quota's
conditional update cannot race, across threads and processes alike. A store written by
an earlier hub (one bundle table, user_version 0) is migrated forward when opened.
"""

import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core import crashlog, paths, reasons, values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.sync.hub import manifest
from desktop.sync.hub.limits import PAGE, Limits
from desktop.sync.hub.pool import Pool
from desktop.sync.hub.store import (
    MAX_ID,
    QuotaExceeded,
    Station,
    StationConflict,
    Stored,
    StoreError,
    StoreFull,
    code_taken,
)

VERSION = 1
BUSY_TIMEOUT = 30  # seconds a request waits for another one's write

# Version 0 (the first hub): this table alone.
BUNDLE_V0 = """
CREATE TABLE IF NOT EXISTS bundle (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sender_origin TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    to_origin     TEXT,
    sha256        TEXT NOT NULL UNIQUE,
    received_at   TEXT NOT NULL,
    data          BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS bundle_sender ON bundle (sender_origin, id);
"""

TO_V1 = """
ALTER TABLE bundle ADD COLUMN sender_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE bundle ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bundle ADD COLUMN received_unix INTEGER NOT NULL DEFAULT 0;
UPDATE bundle SET size = length(data),
                  received_unix = coalesce(CAST(strftime('%s', received_at) AS INTEGER), 0);
CREATE INDEX bundle_received ON bundle (received_unix);
CREATE TABLE holding (
    sender_origin TEXT PRIMARY KEY,
    bytes         INTEGER NOT NULL,
    bundles       INTEGER NOT NULL
);
INSERT INTO holding SELECT sender_origin, sum(size), count(*) FROM bundle GROUP BY 1;
CREATE TABLE station (
    origin      TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    scope       TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE TABLE nonce (
    origin TEXT NOT NULL,
    nonce  TEXT NOT NULL,
    at     REAL NOT NULL,
    PRIMARY KEY (origin, nonce)
);
CREATE INDEX nonce_at ON nonce (at);
"""

# Who sees a bundle (store.visible), for the station :me of the scope :scope (NULL: any).
VISIBLE = """
    sender_origin != :me AND (
        to_origin = :me
        OR (to_origin IS NULL AND (
            :scope IS NULL
            OR substr(:scope, 1, length(sender_scope)) = sender_scope
            OR substr(sender_scope, 1, length(:scope)) = :scope))
    )
"""

STATION_COLUMNS = "origin, code, name, public_key, scope, enrolled_at, revoked_at"


def _station(row) -> Station:
    origin, code, name, key, scope, enrolled_at, revoked_at = row
    return Station(origin, code, name, bytes(key), scope, enrolled_at, revoked_at)


SQLITE_HEADER = paths.SQLITE_MAGIC
HUB_TABLES = {"bundle", "holding", "station", "nonce", "sqlite_sequence"}
STATION_TABLES = {"meta", "oplog"}  # every BioReserve station's database has these


def not_a_hub_store(path: Path) -> BioError:
    return BioError(
        tr(
            "{path} is not a hub store (not a SQLite database, or a damaged one): check "
            "the --store path.",
            path=path,
        )
    )


def _refuse_foreign(path: Path) -> None:
    """Refuse, before anything is written or its permissions changed, a file that is not
    a hub store: not SQLite at all (e.g. a key file), a BioReserve station's database, or
    another program's database."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    if not head:
        return  # an empty file: a new store
    if head != SQLITE_HEADER:
        raise not_a_hub_store(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if reasons.is_damage(exc):
            raise not_a_hub_store(path) from exc
        return  # e.g. locked: the store's own opening reports it
    if STATION_TABLES <= tables:
        raise BioError(
            tr(
                "{path} is a BioReserve station's database, not a hub store: give the hub's "
                "own file (e.g. hub.db) with --store.",
                path=path,
            )
        )
    if tables - HUB_TABLES:
        raise BioError(
            tr(
                "{path} is a database of another kind, not a hub store: give the hub's own "
                "file (e.g. hub.db) with --store.",
                path=path,
            )
        )


class SqliteStore:
    """The hub's store in one SQLite file (private to its owner, like a station's database)."""

    def __init__(self, path: str | Path, limits: Limits | None = None):
        self.path = Path(path)
        self.limits = limits or Limits()
        self._pool: Pool[sqlite3.Connection] = Pool(self.limits.threads)
        _refuse_foreign(self.path)
        try:
            # The bundles hold names and telephone numbers: the store is private to its
            # owner (paths.private_database), its -wal and -shm files with it.
            if self.path.parent == paths.user_data_dir():
                paths.private_data_dir()
            paths.make_private_dir(self.path.parent)
            tightened = paths.private_database(self.path, create=True)
            if tightened:
                crashlog.note(
                    tr(
                        "{files}: readable by other users of this computer until now; made "
                        "private to their owner.",
                        files=", ".join(str(file) for file in tightened),
                    )
                )
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                self._migrate(conn)
            finally:
                conn.close()
        except OSError as exc:
            raise BioError(
                tr(
                    "Cannot create the folder {folder}: {reason}",
                    folder=self.path.parent,
                    reason=reasons.reason(exc),
                )
            ) from exc
        except sqlite3.Error as exc:
            if reasons.is_damage(exc):
                raise not_a_hub_store(self.path) from exc
            raise BioError(self._reason(exc)) from exc

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise BioError(
                    tr(
                        "The hub store {path} was written by a newer BioReserve (version "
                        "{version}); update this program.",
                        path=self.path,
                        version=version,
                    )
                )
            if version < 1:
                for statement in BUNDLE_V0.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                for statement in TO_V1.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @property
    def location(self) -> str:
        return str(self.path)

    def close(self) -> None:
        """Close the kept connections (a call made afterwards opens and closes its own)."""
        self._pool.close()

    def _open(self) -> sqlite3.Connection:
        # check_same_thread off: a kept connection serves one call at a time, in whichever
        # thread took it, and close() may run in another.
        return sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection in a transaction, committed (or rolled back) after the block."""
        conn = self._pool.take()
        if conn is None:
            try:
                conn = self._open()
            except sqlite3.Error as exc:
                raise StoreError(self._reason(exc)) from exc
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            text = str(exc).lower()
            if "full" in text:
                raise StoreFull(self._reason(exc)) from exc
            raise StoreError(self._reason(exc)) from exc
        finally:
            # not one still in a transaction (a failed COMMIT or ROLLBACK)
            self._pool.give(conn, reusable=not conn.in_transaction)

    def _reason(self, exc: Exception) -> str:
        return tr("{path}: {reason}", path=self.path, reason=reasons.reason(exc))

    def store(self, data: bytes, fields: dict | None = None, sender_scope: str = "") -> Stored:
        fields = fields if fields is not None else manifest.describe(data)
        digest = hashlib.sha256(data).hexdigest()
        sender, size = fields["sender"], len(data)
        quota = self.limits.quota_bytes
        with self._connect(write=True) as conn:
            row = conn.execute("SELECT id FROM bundle WHERE sha256 = ?", [digest]).fetchone()
            if row:
                return Stored(row[0], digest, False)
            held = conn.execute(
                "SELECT bytes FROM holding WHERE sender_origin = ?", [sender]
            ).fetchone()
            held_bytes = held[0] if held else 0
            if quota is not None and held_bytes + size > quota:
                raise QuotaExceeded(sender, held_bytes, quota)
            conn.execute(
                "INSERT INTO holding (sender_origin, bytes, bundles) VALUES (?, ?, 1) "
                "ON CONFLICT (sender_origin) DO UPDATE SET bytes = bytes + excluded.bytes, "
                "bundles = bundles + 1",
                [sender, size],
            )
            cursor = conn.execute(
                "INSERT INTO bundle (sender_origin, sender_scope, sequence, to_origin, sha256, "
                "size, received_at, received_unix, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    sender,
                    sender_scope,
                    fields["sequence"],
                    fields["to"],
                    digest,
                    size,
                    values.now_iso(),
                    int(time.time()),
                    data,
                ],
            )
            bundle_id = cursor.lastrowid
            assert bundle_id is not None  # the INSERT just made set it
            return Stored(bundle_id, digest, True)

    def listing(
        self,
        after: int = 0,
        for_origin: str | None = None,
        scope: str | None = None,
        limit: int = PAGE,
    ) -> list[dict]:
        sql = "SELECT id, sender_origin, sequence, sha256, size FROM bundle WHERE id > :after"
        params = {"after": min(after, MAX_ID), "me": for_origin, "scope": scope, "limit": limit}
        if for_origin is not None:
            sql += " AND " + VISIBLE
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY id LIMIT :limit", params).fetchall()
        keys = ("id", "sender", "sequence", "sha256", "size")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def get(
        self, bundle_id: int, for_origin: str | None = None, scope: str | None = None
    ) -> bytes | None:
        if not 0 < bundle_id <= MAX_ID:
            return None
        sql = "SELECT data FROM bundle WHERE id = :id"
        if for_origin is not None:
            sql += " AND " + VISIBLE
        with self._connect() as conn:
            row = conn.execute(sql, {"id": bundle_id, "me": for_origin, "scope": scope}).fetchone()
        return bytes(row[0]) if row else None

    def count(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT count(*) FROM bundle").fetchone()[0]

    def held(self, sender: str) -> int:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT bytes FROM holding WHERE sender_origin = ?", [sender]
            ).fetchone()
        return row[0] if row else 0

    def prune(self, now: float | None = None) -> int:
        if self.limits.keep_days is None:
            return 0
        cutoff = int((time.time() if now is None else now) - self.limits.keep_days * 86400)
        with self._connect(write=True) as conn:
            conn.execute(
                "UPDATE holding SET "
                "bytes = bytes - (SELECT coalesce(sum(size), 0) FROM bundle b WHERE "
                "b.sender_origin = holding.sender_origin AND b.received_unix < ?1), "
                "bundles = bundles - (SELECT count(*) FROM bundle b WHERE "
                "b.sender_origin = holding.sender_origin AND b.received_unix < ?1)",
                [cutoff],
            )
            return conn.execute("DELETE FROM bundle WHERE received_unix < ?", [cutoff]).rowcount

    def enrol(
        self, origin: str, code: str, name: str, public_key: bytes, scope: str = ""
    ) -> Station:
        with self._connect(write=True) as conn:
            # a revoked station gives its code up (a station's new key is a new origin)
            conn.execute(
                "UPDATE station SET code = code || '#' || origin WHERE code = ? AND origin != ? "
                "AND revoked_at IS NOT NULL",
                [code, origin],
            )
            other = conn.execute(
                "SELECT origin FROM station WHERE code = ? AND origin != ?", [code, origin]
            ).fetchone()
            if other:
                raise StationConflict(code_taken(other[0], code))
            conn.execute(
                f"INSERT INTO station ({STATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, NULL) "
                "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, name = excluded.name, "
                "public_key = excluded.public_key, scope = excluded.scope, "
                "enrolled_at = excluded.enrolled_at, revoked_at = NULL",
                [origin, code, name, public_key, scope, values.now_iso()],
            )
            row = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station WHERE origin = ?", [origin]
            ).fetchone()
        return _station(row)

    def revoke(self, station: str) -> Station | None:
        with self._connect(write=True) as conn:
            conn.execute(
                "UPDATE station SET revoked_at = ? WHERE (origin = ? OR code = ?) "
                "AND revoked_at IS NULL",
                [values.now_iso(), station, station],
            )
            row = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station WHERE origin = ? OR code = ?",
                [station, station],
            ).fetchone()
        return _station(row) if row else None

    def station(self, station: str) -> Station | None:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station WHERE origin = ? OR code = ? "
                "ORDER BY origin = ? DESC",
                [station, station, station],
            ).fetchone()
        return _station(row) if row else None

    def stations(self) -> list[Station]:
        with self._connect() as conn:
            rows = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station ORDER BY code, origin"
            ).fetchall()
        return [_station(row) for row in rows]

    def use_nonce(self, origin: str, nonce: str, timestamp: float) -> bool:
        now = time.time()
        window = self.limits.clock_window_s
        if abs(now - timestamp) > window:
            return False
        with self._connect(write=True) as conn:
            conn.execute("DELETE FROM nonce WHERE at < ?", [now - window])
            cursor = conn.execute(
                "INSERT INTO nonce (origin, nonce, at) VALUES (?, ?, ?) "
                "ON CONFLICT (origin, nonce) DO NOTHING",
                [origin, nonce, timestamp],
            )
            return cursor.rowcount == 1
