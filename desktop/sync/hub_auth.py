"""Signed hub requests: a station signs each request with its Ed25519 key, the hub checks it.

Five headers carry the signature:

    X-BioReserve-Station      the station's origin (16 hex digits)
    X-BioReserve-Time         seconds since 1970 (an integer), the station's clock
    X-BioReserve-Nonce        16 to 64 characters [A-Za-z0-9_-], never used twice
    X-BioReserve-Body-SHA256  the hex SHA-256 of the body (of b"" for a GET)
    X-BioReserve-Signature    base64 of the Ed25519 signature of canonical() below

canonical() joins, one per line: a format tag, the method, the path and query relative
to the hub's address (what the application sees as PATH_INFO and QUERY_STRING), the
time, the nonce and the body's SHA-256 as the header states it. A copied request
therefore fails when its method, path, query or body changes, after the clock window
(Limits.clock_window_s, ±300 s), and when replayed within it (Store.use_nonce, recorded
only once the signature holds and the body matches, so that no one else can spend a
station's nonces).

Because the body's hash is a header, a request is judged from its headers alone
(headers_hold) before a byte of its body is read: the server (server.py) answers 401 and
closes the connection of anyone else as soon as the headers have come, and the
application then checks that the body that came is the one signed (verify).

The hub answers every refusal alike (app.py: 401, "authentication required"): a client
that is not an enrolled station learns nothing, not even which of these checks failed.
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.sync.hub.store import Station, Store, StoreError

FORMAT = "bioreserve-hub-request/2"  # /1 hashed the body itself: no body-hash header
STATION_HEADER = "X-BioReserve-Station"
TIME_HEADER = "X-BioReserve-Time"
NONCE_HEADER = "X-BioReserve-Nonce"
SIGNATURE_HEADER = "X-BioReserve-Signature"
BODY_HEADER = "X-BioReserve-Body-SHA256"

ORIGIN = re.compile(r"[0-9a-f]{16}")
TIME = re.compile(r"[0-9]{1,12}")
NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
SIGNATURE = re.compile(r"[A-Za-z0-9+/]{86}==")  # 64 bytes in base64
DIGEST = re.compile(r"[0-9a-f]{64}")
MAX_PATH = 4096  # characters of path and query signed

Sign = Callable[[bytes], bytes]
Lookup = Callable[[str], Station | None]


@dataclass(frozen=True)
class Signed:
    """What a request's headers claim, once its signature holds."""

    station: Station
    timestamp: int
    nonce: str
    digest: str  # the body's SHA-256 (hex) the station signed


def canonical(method: str, target: str, timestamp: str, nonce: str, digest: str) -> bytes:
    """The text a request's signature covers (target: path, and ?query when there is one;
    digest: the hex SHA-256 of the body)."""
    return "\n".join((FORMAT, method.upper(), target, timestamp, nonce, digest)).encode("utf-8")


def sign_request(
    origin: str, sign: Sign, method: str, target: str, body: bytes = b"", now: float | None = None
) -> dict[str, str]:
    """The headers that authenticate one request of the station `origin` (sign: its key's)."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = base64.urlsafe_b64encode(os.urandom(18)).decode("ascii")  # 24 characters
    digest = hashlib.sha256(body).hexdigest()
    signature = sign(canonical(method, target, timestamp, nonce, digest))
    return {
        STATION_HEADER: origin,
        TIME_HEADER: timestamp,
        NONCE_HEADER: nonce,
        BODY_HEADER: digest,
        SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"),
    }


def _header(environ: dict, name: str, pattern: re.Pattern) -> str | None:
    value = environ.get("HTTP_" + name.upper().replace("-", "_"))
    if not isinstance(value, str) or len(value) > 100 or not pattern.fullmatch(value):
        return None
    return value


def target(environ: dict) -> str | None:
    """The path and query a request was sent to, as signed; None when unreasonably long."""
    path = environ.get("PATH_INFO", "")
    query = environ.get("QUERY_STRING", "")
    if not isinstance(path, str) or not isinstance(query, str):
        return None
    if len(path) + len(query) > MAX_PATH:
        return None
    return path + ("?" + query if query else "")


def headers_hold(
    environ: dict, lookup: Lookup, window_s: int, now: float | None = None
) -> Signed | None:
    """What the headers claim when they are signed by an enrolled, unrevoked station
    within the clock window, else None (→ 401). Reads no body and spends no nonce."""
    origin = _header(environ, STATION_HEADER, ORIGIN)
    stamp = _header(environ, TIME_HEADER, TIME)
    nonce = _header(environ, NONCE_HEADER, NONCE)
    digest = _header(environ, BODY_HEADER, DIGEST)
    signed = _header(environ, SIGNATURE_HEADER, SIGNATURE)
    where = target(environ)
    if origin is None or stamp is None or nonce is None or digest is None:
        return None
    if signed is None or where is None:
        return None
    now = time.time() if now is None else now
    if abs(now - int(stamp)) > window_s:
        return None
    station = lookup(origin)
    if station is None or station.origin != origin or not station.active:
        return None
    try:
        signature = base64.b64decode(signed, validate=True)
    except (binascii.Error, ValueError):
        return None
    method = environ.get("REQUEST_METHOD", "GET")
    if not isinstance(method, str) or not _signature_holds(
        station.public_key, signature, canonical(method, where, stamp, nonce, digest)
    ):
        return None
    return Signed(station, int(stamp), nonce, digest)


def verify(store: Store, environ: dict, body: bytes, now: float | None = None) -> Station | None:
    """The enrolled, unrevoked station that signed this request and this body, or None
    (→ 401). Its nonce is spent only then."""
    signed = headers_hold(environ, store.station, store.limits.clock_window_s, now)
    if signed is None:
        return None
    if not hmac.compare_digest(hashlib.sha256(body).hexdigest(), signed.digest):
        return None
    if not store.use_nonce(signed.station.origin, signed.nonce, signed.timestamp):
        return None
    return signed.station


def _signature_holds(public_key: bytes, signature: bytes, text: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, text)
    except (InvalidSignature, ValueError):
        return False
    return True


class Authenticator:
    """What app.make_app calls on every request (verify over this store), and what the
    server asks of a request's headers before it reads a byte of its body (gate).

    The gate runs in the server's event loop, once per request, anonymous ones included:
    it keeps the enrolled, active stations it found for a few seconds (fewer queries from
    the loop); an origin not found or revoked is asked again each time, so that enrolling
    a station again lets it in at once. The application's verify, which decides what is
    served, asks the store itself each time (a revocation holds at once)."""

    CACHE_S = 2.0
    CACHE_SIZE = 4096

    def __init__(self, store: Store):
        self.store = store
        self._stations: dict[str, tuple[float, Station]] = {}
        self._lock = threading.Lock()

    def __call__(self, environ: dict, body: bytes) -> Station | None:
        return verify(self.store, environ, body)

    def gate(self, environ: dict) -> bool:
        """Whether the headers are an enrolled station's, signed (see headers_hold)."""
        window = self.store.limits.clock_window_s
        return headers_hold(environ, self._station, window) is not None

    def _station(self, origin: str) -> Station | None:
        clock = time.monotonic()
        with self._lock:
            kept = self._stations.get(origin)
        if kept is not None and kept[0] > clock:
            return kept[1]
        try:
            station = self.store.station(origin)
        except StoreError:
            return None  # refused while the store cannot answer; not remembered
        if station is not None and station.active:
            with self._lock:
                if len(self._stations) >= self.CACHE_SIZE:
                    self._stations.clear()
                self._stations[origin] = (clock + self.CACHE_S, station)
        return station


def authenticator(store: Store) -> Authenticator:
    """What app.make_app calls on every request: verify() over this store; its gate is
    what the server asks of the headers (server.make_server)."""
    return Authenticator(store)
