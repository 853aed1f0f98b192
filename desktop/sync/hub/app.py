"""The hub as a WSGI application: three routes over a Store, behind an authenticator.

    POST /bundles          body = the bundle file; 201 {"id", "sha256", "stored": true},
                           200 {…, "stored": false} if already held; 400 not a bundle,
                           403 a bundle of another station, 411 no length, 413 too large,
                           507 the sender's quota is used up (or the store is full)
    GET  /bundles?after=ID[&for=ORIGIN]
                           200 [{"id", "sender", "sequence", "sha256", "size"}]: the bundles
                           after ID the station may see (store.visible), by id, one page
    GET  /bundles/ID       200 the bundle's bytes; 404 if the hub holds no such id that the
                           station may see

The authentication seam: `make_app(store, authenticate, limits)` calls
`authenticate(environ, body) -> Station | None` on every request before it touches the
store (body: the request's bytes, b"" for a GET; the size was checked from Content-Length
first). None answers 401 and nothing else, not even whether a bundle exists. The station
it returns decides what the request may see: its origin (a push must carry a bundle of
that origin, a pull lists what is visible to it) and its scope. The one exception is a
station with an empty origin, which tests' open door returns (tests/helpers/hub.py):
the request is then served as the first hub did, for the station named by `for=`.
desktop/sync/hub_auth.py implements authenticate with signed requests (Ed25519, a
timestamp and a nonce: Store.use_nonce).
"""

import json
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from urllib.parse import parse_qs

from desktop.core.i18n import tr
from desktop.sync.hub import manifest
from desktop.sync.hub.limits import PAGE, Limits
from desktop.sync.hub.store import (
    MAX_ID,
    QuotaExceeded,
    Station,
    Store,
    StoreError,
    StoreFull,
)

Authenticate = Callable[[dict, bytes], Station | None]
StartResponse = Callable[..., object]
MAX_QUERY = 2048  # characters of a query string
MAX_ID_DIGITS = len(str(MAX_ID))
PRUNE_EVERY_S = 60  # how often one process prunes old bundles (any process may)


class Refusal(Exception):
    """An answer other than 2xx: status and the message the client reads."""

    def __init__(self, status: HTTPStatus, message: str):
        self.status, self.message = status, message
        super().__init__(message)


def _json(status: HTTPStatus, data) -> tuple[HTTPStatus, bytes, str]:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return status, body, "application/json; charset=utf-8"


def _no_such_address() -> Refusal:
    return Refusal(HTTPStatus.NOT_FOUND, tr("No such address on this hub."))


def bundle_id(text: str) -> int | None:
    """The id in /bundles/ID, or None when it is none the hub could hold."""
    if not text.isdigit() or not text.isascii() or len(text) > MAX_ID_DIGITS:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class HubApp:
    """The WSGI callable; holds no state that matters (several processes serve as one)."""

    def __init__(self, store: Store, authenticate: Authenticate, limits: Limits | None = None):
        self.store = store
        self.authenticate = authenticate
        self.limits = limits or store.limits
        self._next_prune = 0.0  # a hint only: pruning twice, or by two processes, is harmless

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        try:
            status, body, content_type = self._route(environ)
        except Refusal as refusal:
            status, body, content_type = _json(refusal.status, {"error": refusal.message})
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        start_response(f"{status.value} {status.phrase}", headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    def _route(self, environ: dict) -> tuple[HTTPStatus, bytes, str]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "").rstrip("/")
        if method == "POST":
            if path != "/bundles":
                raise _no_such_address()
            return self._push(environ)
        if method not in ("GET", "HEAD"):
            raise Refusal(HTTPStatus.METHOD_NOT_ALLOWED, tr("No such address on this hub."))
        station = self._station(environ, b"")
        try:
            if path == "/bundles":
                return self._listing(environ, station)
            prefix = "/bundles/"
            if path.startswith(prefix):
                number = bundle_id(path[len(prefix) :])
                data = None
                if number is not None:
                    me, scope = self._viewer(environ, station)
                    data = self.store.get(number, me, scope)
                if data is None:
                    raise Refusal(HTTPStatus.NOT_FOUND, tr("The hub holds no such bundle."))
                return HTTPStatus.OK, data, "application/zip"
        except StoreError as exc:
            raise Refusal(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                tr("The hub cannot read its store: {reason}", reason=str(exc)),
            ) from exc
        raise _no_such_address()

    def _station(self, environ: dict, body: bytes) -> Station:
        station = self.authenticate(environ, body)
        if station is None:
            raise Refusal(HTTPStatus.UNAUTHORIZED, unauthorized())
        return station

    @staticmethod
    def _query(environ: dict) -> dict[str, list[str]]:
        text = environ.get("QUERY_STRING", "")
        if len(text) > MAX_QUERY:
            raise Refusal(HTTPStatus.BAD_REQUEST, tr("The request's address is too long."))
        return parse_qs(text)

    def _viewer(self, environ: dict, station: Station) -> tuple[str | None, str | None]:
        """(for_origin, scope) of what the request may see."""
        if station.origin:
            return station.origin, station.scope
        return self._query(environ).get("for", [None])[-1] or None, None  # the open door

    def _listing(self, environ: dict, station: Station) -> tuple[HTTPStatus, bytes, str]:
        after = self._query(environ).get("after", ["0"])[-1]
        if not after.isdigit() or not after.isascii() or len(after) > MAX_ID_DIGITS:
            raise Refusal(HTTPStatus.BAD_REQUEST, tr("after= must be a bundle id."))
        me, scope = self._viewer(environ, station)
        rows = self.store.listing(min(int(after), MAX_ID), me, scope, PAGE)
        return _json(HTTPStatus.OK, rows)

    def _push(self, environ: dict) -> tuple[HTTPStatus, bytes, str]:
        length = environ.get("CONTENT_LENGTH") or ""
        if not length.isdigit() or not length.isascii():
            raise Refusal(HTTPStatus.LENGTH_REQUIRED, tr("A bundle upload needs a Content-Length."))
        size, limit = int(length), self.limits.max_bundle_bytes
        if size > limit:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_large(limit))
        body = environ["wsgi.input"].read(size)
        if len(body) != size:
            raise Refusal(
                HTTPStatus.BAD_REQUEST, tr("The upload ended before the whole bundle came.")
            )
        station = self._station(environ, body)
        try:
            fields = manifest.describe(body)
        except manifest.NotABundle as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        if station.origin and fields["sender"] != station.origin:
            raise Refusal(
                HTTPStatus.FORBIDDEN,
                tr("A station pushes only its own bundles; this one is from another station."),
            )
        self._prune_now_and_then()
        try:
            result = self.store.store(body, fields, station.scope)
        except QuotaExceeded as exc:
            raise Refusal(HTTPStatus.INSUFFICIENT_STORAGE, str(exc)) from exc
        except StoreFull as exc:
            raise Refusal(
                HTTPStatus.INSUFFICIENT_STORAGE,
                tr("The hub's store is full: {reason}", reason=str(exc)),
            ) from exc
        except StoreError as exc:
            raise Refusal(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                tr("The hub cannot store the bundle: {reason}", reason=str(exc)),
            ) from exc
        status = HTTPStatus.CREATED if result.stored else HTTPStatus.OK
        return _json(status, {"id": result.id, "sha256": result.sha256, "stored": result.stored})

    def _prune_now_and_then(self) -> None:
        now = time.monotonic()
        if now >= self._next_prune:
            self._next_prune = now + PRUNE_EVERY_S
            try:
                self.store.prune()
            except StoreError:
                pass  # pruning is housekeeping: the next push tries again


def unauthorized() -> str:
    return tr("This hub serves only the stations enrolled with it.")


def too_large(limit: int) -> str:
    return tr(
        "The bundle is larger than the hub accepts ({limit} MB).",
        limit=round(limit / (1024 * 1024), 1),
    )


def make_app(store: Store, authenticate: Authenticate, limits: Limits | None = None) -> HubApp:
    """The WSGI application over a store; authenticate is required (see the docstring)."""
    return HubApp(store, authenticate, limits)
