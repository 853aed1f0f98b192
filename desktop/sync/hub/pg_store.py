"""The PostgreSQL store (psycopg 3): a province's hub, several processes over one store.

Everything that must hold across processes is in the database: the sha256 of a bundle
is UNIQUE (two processes receiving the same bundle keep one), what a sender holds is one
row updated conditionally (the quota cannot be overrun by concurrent pushes), nonces are
a primary key. Bundle ids are given in commit order: a bundle row is written first, and
its public id is taken from a sequence under a transaction-scoped advisory lock held until
the commit, so a station whose cursor passed id N can never later find a bundle below N
appear (with plain sequence ids, a slow upload committing after a faster one would be
skipped by every cursor).
"""

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors

from desktop.core import crashlog, reasons, values
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
SCHEMA_LOCK = 0x42494F01  # advisory lock keys, the hub's own ("BIO" 1 and 2)
ID_LOCK = 0x42494F02
CONNECT_TIMEOUT = 10

SCHEMA = """
CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE IF NOT EXISTS bundle_id;
CREATE TABLE IF NOT EXISTS bundle (
    row_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            bigint UNIQUE,
    sender_origin text NOT NULL,
    sender_scope  text NOT NULL,
    sequence      bigint NOT NULL,
    to_origin     text,
    sha256        text NOT NULL UNIQUE,
    size          bigint NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    data          bytea NOT NULL
);
CREATE INDEX IF NOT EXISTS bundle_received ON bundle (received_at);
CREATE TABLE IF NOT EXISTS holding (
    sender_origin text PRIMARY KEY,
    bytes         bigint NOT NULL,
    bundles       bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS station (
    origin      text PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    public_key  bytea NOT NULL,
    scope       text NOT NULL,
    enrolled_at timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE TABLE IF NOT EXISTS nonce (
    origin text NOT NULL,
    nonce  text NOT NULL,
    at     double precision NOT NULL,
    PRIMARY KEY (origin, nonce)
);
CREATE INDEX IF NOT EXISTS nonce_at ON nonce (at);
"""

VISIBLE = """
    sender_origin != %(me)s AND (
        to_origin = %(me)s
        OR (to_origin IS NULL AND (
            %(scope)s::text IS NULL
            OR left(%(scope)s::text, length(sender_scope)) = sender_scope
            OR left(sender_scope, length(%(scope)s::text)) = %(scope)s::text))
    )
"""

STATION_COLUMNS = "origin, code, name, public_key, scope, enrolled_at, revoked_at"


def _station(row) -> Station:
    origin, code, name, key, scope, enrolled_at, revoked_at = row
    revoked = _stamp(revoked_at) if revoked_at else None
    return Station(origin, code, name, bytes(key), scope, _stamp(enrolled_at), revoked)


def _stamp(moment: datetime) -> str:
    """A timestamptz as the rest of the program stores times (values.stamp, the SQLite
    store's form): local time with a +08:00 offset, to the second."""
    return values.stamp(moment.astimezone())


def _first(row: tuple | None):
    """The first column of a row a statement always returns."""
    assert row is not None
    return row[0]


def _row(row: tuple | None) -> tuple:
    assert row is not None
    return row


def without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


class PgStore:
    """The hub's store in a PostgreSQL database; a few connections kept for reuse."""

    def __init__(self, url: str, limits: Limits | None = None):
        self.url = url
        self.limits = limits or Limits()
        self._pool: Pool[psycopg.Connection] = Pool(self.limits.threads)
        try:
            with self._connect() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
                conn.execute(SCHEMA)  # one statement per line; psycopg sends them together
                conn.execute(
                    "INSERT INTO hub_meta VALUES ('version', %s) ON CONFLICT DO NOTHING",
                    [str(VERSION)],
                )
                found = conn.execute("SELECT value FROM hub_meta WHERE key = 'version'")
                version = int(_first(found.fetchone()))
        except StoreError as exc:  # its text names the store and the cause (_reason)
            raise BioError(tr("Cannot open the hub's store {reason}", reason=exc)) from exc
        if version > VERSION:
            raise BioError(
                tr(
                    "The hub store {path} was written by a newer BioReserve (version "
                    "{version}); update this program.",
                    path=self.location,
                    version=version,
                )
            )

    @property
    def location(self) -> str:
        return without_password(self.url)

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _connect(self) -> Iterator[psycopg.Connection]:
        """A connection in a transaction, committed (or rolled back) after the block."""
        conn = self._pool.take()
        try:
            if conn is None:
                conn = psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT)
            with conn.transaction():
                yield conn
        except errors.DiskFull as exc:
            raise StoreFull(self._reason(exc)) from exc
        except psycopg.Error as exc:
            if conn is not None:
                conn.close()  # a broken connection is not reused
                conn = None
            if isinstance(exc, errors.UniqueViolation):
                raise
            raise StoreError(self._reason(exc)) from exc
        finally:
            if conn is not None:
                self._pool.give(conn, reusable=not conn.closed)

    def _reason(self, exc: Exception) -> str:
        """The cause in the user's language (reasons.py knows PostgreSQL's commonest words);
        the server's own text goes to the log."""
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        crashlog.note(f"hub store {self.location}: {text}")
        return tr("{path}: {reason}", path=self.location, reason=reasons.reason(text))

    def store(self, data: bytes, fields: dict | None = None, sender_scope: str = "") -> Stored:
        fields = fields if fields is not None else manifest.describe(data)
        digest = hashlib.sha256(data).hexdigest()
        sender, size = fields["sender"], len(data)
        quota = self.limits.quota_bytes
        if quota is not None and size > quota:
            raise QuotaExceeded(sender, self.held(sender), quota)
        with self._connect() as conn:
            row = conn.execute(
                "INSERT INTO bundle (sender_origin, sender_scope, sequence, to_origin, sha256, "
                "size, data) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (sha256) DO NOTHING RETURNING row_id",
                [sender, sender_scope, fields["sequence"], fields["to"], digest, size, data],
            ).fetchone()
            if row is None:  # already held (perhaps just committed by another process)
                held = conn.execute("SELECT id FROM bundle WHERE sha256 = %s", [digest])
                return Stored(_first(held.fetchone()), digest, False)
            counted = conn.execute(
                "INSERT INTO holding AS h (sender_origin, bytes, bundles) VALUES (%s, %s, 1) "
                "ON CONFLICT (sender_origin) DO UPDATE SET bytes = h.bytes + excluded.bytes, "
                "bundles = h.bundles + 1 WHERE %s::bigint IS NULL "
                "OR h.bytes + excluded.bytes <= %s::bigint RETURNING bytes",
                [sender, size, quota, quota],
            ).fetchone()
            if counted is None:
                assert quota is not None  # the update is conditional on a quota only
                current = conn.execute(
                    "SELECT bytes FROM holding WHERE sender_origin = %s", [sender]
                ).fetchone()
                raise QuotaExceeded(sender, current[0] if current else 0, quota)
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [ID_LOCK])  # until the commit
            bundle_id = _first(
                conn.execute(
                    "UPDATE bundle SET id = nextval('bundle_id') WHERE row_id = %s RETURNING id",
                    [row[0]],
                ).fetchone()
            )
        return Stored(bundle_id, digest, True)

    def listing(
        self,
        after: int = 0,
        for_origin: str | None = None,
        scope: str | None = None,
        limit: int = PAGE,
    ) -> list[dict]:
        sql = "SELECT id, sender_origin, sequence, sha256, size FROM bundle WHERE id > %(after)s"
        params = {"after": min(after, MAX_ID), "me": for_origin, "scope": scope, "limit": limit}
        if for_origin is not None:
            sql += " AND " + VISIBLE
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY id LIMIT %(limit)s", params).fetchall()
        keys = ("id", "sender", "sequence", "sha256", "size")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def get(
        self, bundle_id: int, for_origin: str | None = None, scope: str | None = None
    ) -> bytes | None:
        if not 0 < bundle_id <= MAX_ID:
            return None
        sql = "SELECT data FROM bundle WHERE id = %(id)s"
        if for_origin is not None:
            sql += " AND " + VISIBLE
        with self._connect() as conn:
            row = conn.execute(sql, {"id": bundle_id, "me": for_origin, "scope": scope}).fetchone()
        return bytes(row[0]) if row else None

    def count(self) -> int:
        with self._connect() as conn:
            found = conn.execute("SELECT count(*) FROM bundle WHERE id IS NOT NULL")
            return _first(found.fetchone())

    def held(self, sender: str) -> int:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT bytes FROM holding WHERE sender_origin = %s", [sender]
            ).fetchone()
        return row[0] if row else 0

    def prune(self, now: float | None = None) -> int:
        if self.limits.keep_days is None:
            return 0
        cutoff = (time.time() if now is None else now) - self.limits.keep_days * 86400
        with self._connect() as conn:
            row = conn.execute(
                "WITH gone AS (DELETE FROM bundle WHERE received_at < to_timestamp(%s) "
                "RETURNING sender_origin, size), "
                "per AS (SELECT sender_origin, sum(size) AS b, count(*) AS n "
                "FROM gone GROUP BY 1), "
                "held AS (UPDATE holding h SET bytes = h.bytes - per.b, "
                "bundles = h.bundles - per.n FROM per WHERE h.sender_origin = per.sender_origin) "
                "SELECT coalesce(sum(n), 0) FROM per",
                [cutoff],
            ).fetchone()
        return int(_first(row))

    def enrol(
        self, origin: str, code: str, name: str, public_key: bytes, scope: str = ""
    ) -> Station:
        try:
            with self._connect() as conn:
                # a revoked station gives its code up (a station's new key is a new origin)
                conn.execute(
                    "UPDATE station SET code = code || '#' || origin WHERE code = %s "
                    "AND origin != %s AND revoked_at IS NOT NULL",
                    [code, origin],
                )
                row = conn.execute(
                    "INSERT INTO station (origin, code, name, public_key, scope, enrolled_at) "
                    "VALUES (%s, %s, %s, %s, %s, now()) ON CONFLICT (origin) DO UPDATE SET "
                    "code = excluded.code, name = excluded.name, public_key = excluded.public_key, "
                    "scope = excluded.scope, enrolled_at = excluded.enrolled_at, revoked_at = NULL "
                    f"RETURNING {STATION_COLUMNS}",
                    [origin, code, name, public_key, scope],
                ).fetchone()
        except errors.UniqueViolation as exc:
            other = self.station(code)
            raise StationConflict(code_taken(other.origin if other else "?", code)) from exc
        return _station(_row(row))

    def revoke(self, station: str) -> Station | None:
        with self._connect() as conn:
            conn.execute(
                "UPDATE station SET revoked_at = now() WHERE (origin = %s OR code = %s) "
                "AND revoked_at IS NULL",
                [station, station],
            )
            row = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station WHERE origin = %s OR code = %s",
                [station, station],
            ).fetchone()
        return _station(row) if row else None

    def station(self, station: str) -> Station | None:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {STATION_COLUMNS} FROM station WHERE origin = %s OR code = %s "
                "ORDER BY origin = %s DESC",
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
        with self._connect() as conn:
            conn.execute("DELETE FROM nonce WHERE at < %s", [now - window])
            cursor = conn.execute(
                "INSERT INTO nonce (origin, nonce, at) VALUES (%s, %s, %s) "
                "ON CONFLICT (origin, nonce) DO NOTHING",
                [origin, nonce, timestamp],
            )
            return cursor.rowcount == 1
