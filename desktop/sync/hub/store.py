"""The hub's store: one interface, two implementations (sqlite_store, pg_store).

The store holds everything that matters between requests, so that several hub processes
over one PostgreSQL store behave as one hub: bundle ids, what each sender holds (quota),
the enrolled stations and the nonces already used. Every rule that must hold across
processes is a transaction or a unique constraint in the store, never a Python lock.

Tables (the same in both stores; the hub's own schema, not a BioReserve database):

    bundle(id, sender_origin, sender_scope, sequence, to_origin, sha256 UNIQUE,
           size, received_at, data)
    holding(sender_origin PRIMARY KEY, bytes, bundles)    what each sender holds (quota)
    station(origin PRIMARY KEY, code UNIQUE, name, public_key, scope,
            enrolled_at, revoked_at)                      stations enrolled by the admin
    nonce(origin, nonce, at, PRIMARY KEY (origin, nonce)) nonces of signed requests

Who sees a bundle: `visible(bundle, for_origin, scope)` below, in SQL in each store.
"""

from dataclasses import dataclass
from typing import Protocol

from desktop.core.i18n import tr
from desktop.sync.hub.limits import PAGE, Limits

MAX_ID = 2**63 - 1  # the largest id either store can hold (a larger one names nothing)


class QuotaExceeded(Exception):
    """The sender already holds as much as the hub allows one station (507)."""

    def __init__(self, sender: str, held: int, quota: int):
        self.sender, self.held, self.quota = sender, held, quota
        super().__init__(
            tr(
                "Station {sender} already holds {held} MB on this hub and may hold at most "
                "{quota} MB; the hub keeps bundles for a limited time, push again later or "
                "ask the hub's administrator to raise the quota (--quota-mb).",
                sender=sender,
                held=round(held / (1024 * 1024), 1),
                quota=round(quota / (1024 * 1024), 1),
            )
        )


class StoreError(Exception):
    """The store cannot do what was asked (its message says why; 500)."""


class StoreFull(StoreError):
    """The store's disk or database is full (507)."""


class StationConflict(ValueError):
    """Enrolling a station whose code another enrolled station already has."""


def code_taken(origin: str, code: str) -> str:
    return tr(
        "Another station ({origin}) is enrolled with the code {code}: if this station replaced "
        "it (a new key), revoke that one first (bioreserve sync hub revoke {origin}), then "
        "enrol this key file again.",
        origin=origin,
        code=code,
    )


@dataclass(frozen=True)
class Station:
    """A station enrolled with the hub; scope is a division-code prefix ("" = all)."""

    origin: str
    code: str
    name: str
    public_key: bytes  # Ed25519, 32 raw bytes
    scope: str
    enrolled_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class Stored:
    """What store() did: the bundle's hub id and hash, and whether it is new."""

    id: int
    sha256: str
    stored: bool


def overlaps(a: str, b: str) -> bool:
    """Two scopes overlap when one is a prefix of the other ("" overlaps every scope)."""
    return a.startswith(b) or b.startswith(a)


def visible(
    sender: str, to: str | None, sender_scope: str, for_origin: str | None, scope: str | None
) -> bool:
    """Whether a bundle is listed for a station (for_origin None: every bundle).

    A station sees bundles addressed to it, and bundles addressed to nobody from a sender
    whose scope overlaps its own (scope None: any); never its own."""
    if for_origin is None:
        return True
    if sender == for_origin:
        return False
    if to is not None:
        return to == for_origin
    return scope is None or overlaps(sender_scope, scope)


class Store(Protocol):
    """What the WSGI application and the `sync hub` commands use of a store."""

    limits: Limits

    def store(self, data: bytes, fields: dict | None = None, sender_scope: str = "") -> Stored:
        """Keep a bundle (fields: manifest.describe()'s, read here when None); raises
        NotABundle, QuotaExceeded, StoreFull, StoreError."""
        ...

    def listing(
        self,
        after: int = 0,
        for_origin: str | None = None,
        scope: str | None = None,
        limit: int = PAGE,
    ) -> list[dict]:
        """[{id, sender, sequence, sha256, size}] after an id, visible() to the station."""
        ...

    def get(
        self, bundle_id: int, for_origin: str | None = None, scope: str | None = None
    ) -> bytes | None:
        """A bundle's bytes, None when the hub holds no such id visible to the station."""
        ...

    def count(self) -> int: ...

    def held(self, sender: str) -> int:
        """Bytes of bundles the sender holds on the hub (what the quota counts)."""
        ...

    def prune(self, now: float | None = None) -> int:
        """Delete bundles older than limits.keep_days; returns how many."""
        ...

    def enrol(
        self, origin: str, code: str, name: str, public_key: bytes, scope: str = ""
    ) -> Station:
        """Enrol a station, or enrol it again (new key, code, name or scope; revocation
        lifted). Raises StationConflict when another station has the code."""
        ...

    def revoke(self, station: str) -> Station | None:
        """Revoke a station (origin or code); None when none is enrolled under that name."""
        ...

    def station(self, station: str) -> Station | None:
        """The station enrolled under an origin or a code (revoked ones too), or None."""
        ...

    def stations(self) -> list[Station]:
        """Every enrolled station, revoked ones too, by code."""
        ...

    def use_nonce(self, origin: str, nonce: str, timestamp: float) -> bool:
        """Record a request's nonce; False when the station already used it, or when
        timestamp is outside limits.clock_window_s (an older nonce may be pruned)."""
        ...

    def close(self) -> None: ...

    @property
    def location(self) -> str:
        """Where the store is, for messages (a path, or a URL without its password)."""
        ...
