"""Signed hub requests: a station signs each request with its Ed25519 key, the hub checks it.

Four headers carry the signature:

    X-BioReserve-Station    the station's origin (16 hex digits)
    X-BioReserve-Time       seconds since 1970 (an integer), the station's clock
    X-BioReserve-Nonce      16 to 64 characters [A-Za-z0-9_-], never used twice
    X-BioReserve-Signature  base64 of the Ed25519 signature of canonical() below

canonical() joins, one per line: a format tag, the method, the path and query relative
to the hub's address (what the application sees as PATH_INFO and QUERY_STRING), the
time, the nonce and the hex SHA-256 of the body (b"" for a GET). A copied request
therefore fails when its method, path, query or body changes, after the clock window
(Limits.clock_window_s, ±300 s), and when replayed within it (Store.use_nonce, recorded
only once the signature holds, so that no one else can spend a station's nonces).

The hub answers every refusal alike (app.py: 401, "authentication required"): a client
that is not an enrolled station learns nothing, not even which of these checks failed.
"""

import base64
import binascii
import hashlib
import os
import re
import time
from collections.abc import Callable

from desktop.sync.hub.store import Station, Store

FORMAT = "bioreserve-hub-request/1"
STATION_HEADER = "X-BioReserve-Station"
TIME_HEADER = "X-BioReserve-Time"
NONCE_HEADER = "X-BioReserve-Nonce"
SIGNATURE_HEADER = "X-BioReserve-Signature"

ORIGIN = re.compile(r"[0-9a-f]{16}")
TIME = re.compile(r"[0-9]{1,12}")
NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
SIGNATURE = re.compile(r"[A-Za-z0-9+/]{86}==")  # 64 bytes in base64
MAX_PATH = 4096  # characters of path and query signed

Sign = Callable[[bytes], bytes]


def canonical(method: str, target: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    """The text a request's signature covers (target: path, and ?query when there is one)."""
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join((FORMAT, method.upper(), target, timestamp, nonce, digest)).encode("utf-8")


def sign_request(
    origin: str, sign: Sign, method: str, target: str, body: bytes = b"", now: float | None = None
) -> dict[str, str]:
    """The headers that authenticate one request of the station `origin` (sign: its key's)."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = base64.urlsafe_b64encode(os.urandom(18)).decode("ascii")  # 24 characters
    signature = sign(canonical(method, target, timestamp, nonce, body))
    return {
        STATION_HEADER: origin,
        TIME_HEADER: timestamp,
        NONCE_HEADER: nonce,
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


def verify(store: Store, environ: dict, body: bytes, now: float | None = None) -> Station | None:
    """The enrolled, unrevoked station that signed this request, or None (→ 401)."""
    origin = _header(environ, STATION_HEADER, ORIGIN)
    stamp = _header(environ, TIME_HEADER, TIME)
    nonce = _header(environ, NONCE_HEADER, NONCE)
    signed = _header(environ, SIGNATURE_HEADER, SIGNATURE)
    where = target(environ)
    if origin is None or stamp is None or nonce is None or signed is None or where is None:
        return None
    now = time.time() if now is None else now
    if abs(now - int(stamp)) > store.limits.clock_window_s:
        return None
    station = store.station(origin)
    if station is None or station.origin != origin or not station.active:
        return None
    try:
        signature = base64.b64decode(signed, validate=True)
    except (binascii.Error, ValueError):
        return None
    method = environ.get("REQUEST_METHOD", "GET")
    if not isinstance(method, str) or not _signature_holds(
        station.public_key, signature, canonical(method, where, stamp, nonce, body)
    ):
        return None
    if not store.use_nonce(origin, nonce, int(stamp)):
        return None
    return station


def _signature_holds(public_key: bytes, signature: bytes, text: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, text)
    except (InvalidSignature, ValueError):
        return False
    return True


def authenticator(store: Store) -> Callable[[dict, bytes], Station | None]:
    """What app.make_app calls on every request: verify() over this store."""

    def authenticate(environ: dict, body: bytes) -> Station | None:
        return verify(store, environ, body)

    return authenticate
