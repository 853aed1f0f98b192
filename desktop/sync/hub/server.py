"""The hub's HTTP server: waitress (pure Python, Windows and Linux) with the hub's limits.

waitress reads each request whole in its main thread (an asyncore loop) before a worker
thread runs the application, so a slow sender holds a connection, never a worker. What
waitress does not bound by itself is added here:

* a request is judged from its headers as soon as they have come, before a byte of its
  body is read: when the authenticator has a gate (hub_auth.Authenticator.gate: an
  enrolled station's signature over the headers, the body's SHA-256 among them) and the
  headers fail it, the hub answers 401 from its event loop, without a worker, and closes
  the connection; nothing of the body is kept, and not even the size limit is told;
* a request's size is refused from its Content-Length before its body is read
  (max_request_body_size), answered 413 with the hub's JSON message;
* a header deadline: a connection whose request's headers have not all come
  `header_deadline_s` after its first byte (or that sends nothing that long) is dropped;
* a cap on the connections one client address holds open (per_ip_connections, but not
  uncapped_addresses: this computer, a reverse proxy): those beyond it are reset at once,
  so that one address cannot take connection_limit;
* a whole-request deadline: a request whose headers and body have not all arrived
  `request_deadline_s` after its first byte is dropped, however steadily it trickles
  (waitress's channel_timeout closes only connections silent that long);
* the same deadline for an answer going out: a station that reads a bundle slowly is
  dropped, and the worker thread never waits for it (outbuf_high_watermark above the
  largest bundle: the answer is handed to the event loop whole, to a temporary file
  beyond spool_bytes);
* threads (bounded concurrency), backlog (the listen queue), connection_limit, and a
  body above spool_bytes waits in a temporary file, not in memory (inbuf_overflow).
"""

import socket
import struct
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher
from waitress.utilities import Error

from desktop.core import reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.sync.hub import app as hub_app
from desktop.sync.hub.limits import Limits
from desktop.sync.hub.store import Store

Gate = Callable[[dict], bool]  # the request's headers as a WSGI environ -> let in?


class HubError(Error):
    """A refusal waitress answers, worded and shaped as the application's refusals."""

    def to_response(self, ident=None):
        _, body, content_type = hub_app._json(HTTPStatus(self.code), {"error": self.body})
        return f"{self.code} {self.reason}", [("Content-Type", content_type)], body


class TooLarge(HubError):
    code = 413
    reason = "Request Entity Too Large"

    def __init__(self, limit: int):
        super().__init__(hub_app.too_large(limit))


class Unauthorized(HubError):
    code = 401
    reason = "Unauthorized"

    def __init__(self):
        super().__init__(hub_app.unauthorized())


class Parser(HTTPRequestParser):
    """Notes when a request's first byte came; says 413 in the hub's words; asks its
    channel to judge the headers as soon as they have come, before the body."""

    def __init__(self, adj, channel: "Channel | None" = None):
        super().__init__(adj)
        self.started = time.monotonic()
        self.channel = channel

    def received(self, data):
        in_headers = not self.headers_finished
        consumed = super().received(data)
        if self.error is not None and self.error.code == 413:
            self.error = TooLarge(self.adj.max_request_body_size - 1)
        judged = self.error is None or isinstance(self.error, TooLarge)
        if in_headers and self.headers_finished and not self.empty and judged:
            if self.channel is not None and not self.channel.admits(self):
                self.channel.refuse(self)
                return len(data)  # what followed the headers is dropped unread
        return consumed


class Channel(HTTPChannel):
    """A connection: counted against its address's cap; refused at its headers when
    they fail the server's gate."""

    refused = False
    client: str | None = None
    server: "Server"

    def __init__(self, server, sock, addr, adj, map=None):
        super().__init__(server, sock, addr, adj, map)
        self.parser_class = self._parser  # type: ignore[assignment]  # a parser knowing us
        client = addr[0] if isinstance(addr, tuple) and addr else None
        if server.admit_client(client):
            self.client = client
        else:
            _drop(self)

    def _parser(self, adj) -> Parser:
        return Parser(adj, self)

    def admits(self, request: Parser) -> bool:
        gate = self.server.gate
        return gate is None or bool(gate(_environ(request)))

    def refuse(self, request: Parser) -> None:
        """Answer 401 and close: at once, from the event loop, when no earlier request of
        this connection is still being answered; else after those (waitress's error path)."""
        self.refused = True
        request.completed = True
        if self.requests:
            request.error = Unauthorized()
            return
        request.error, request.empty = None, True  # not queued for a worker
        payload = _refusal()
        with self.outbuf_lock:
            self.outbufs[-1].append(payload)
            self.current_outbuf_count += len(payload)
            self.total_outbufs_len += len(payload)
        self.close_when_flushed = True

    def received(self, data):
        if self.refused:
            return False  # nothing after a refused request's headers is looked at
        return super().received(data)

    def readable(self):
        return not self.refused and super().readable()

    def del_channel(self, map=None):
        super().del_channel(map)
        if self.client is not None:
            self.server.release_client(self.client)
            self.client = None


class Server(TcpWSGIServer):
    """One listening socket; run() serves until stop() (from any thread) or Ctrl+C."""

    channel_class = Channel
    deadline_s: float = 600.0
    header_deadline_s: float = 15.0
    per_ip: int = 0  # connections one address may hold open; 0: any number
    uncapped: frozenset[str] = frozenset()
    gate: Gate | None = None
    app: hub_app.HubApp
    store: Store
    _stopping = False

    def __init__(self, *args, **kwargs):
        self._clients: dict[str, int] = {}
        self._clients_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def admit_client(self, client: str | None) -> bool:
        """Count one more connection from client, unless its address is at the cap."""
        if client is None or client in self.uncapped:
            return True
        with self._clients_lock:
            held = self._clients.get(client, 0)
            if self.per_ip and held >= self.per_ip:
                return False
            self._clients[client] = held + 1
        return True

    def release_client(self, client: str) -> None:
        with self._clients_lock:
            held = self._clients.get(client, 0) - 1
            if held > 0:
                self._clients[client] = held
            else:
                self._clients.pop(client, None)

    def maintenance(self, now):
        super().maintenance(now)
        clock, wall = time.monotonic(), time.time()
        for channel in list(_untyped(self).active_channels.values()):
            request = channel.request  # the one still arriving (None between requests)
            if isinstance(request, Parser):
                late = self.deadline_s if request.headers_finished else self.header_deadline_s
                if clock - request.started > late:
                    _drop(channel)
            elif (
                not channel.requests
                and not channel.total_outbufs_len
                and wall - channel.last_activity > self.header_deadline_s
            ):
                _drop(channel)  # no request begun since it opened or its last answer
            # An answer still going out (seen at the first look that finds it pending).
            if not channel.total_outbufs_len:
                channel.sending_since = None
            elif getattr(channel, "sending_since", None) is None:
                channel.sending_since = clock
            elif clock - channel.sending_since > self.deadline_s:
                _drop(channel)

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{host}:{port}"

    @property
    def server_address(self) -> tuple[str, int]:
        this = _untyped(self)  # set by waitress, absent from its stubs
        return str(this.effective_host), int(this.effective_port)

    def run(self):
        sockets = _untyped(self)._map
        try:
            while not self._stopping and sockets:
                wasyncore.loop(
                    timeout=self.adj.asyncore_loop_timeout,
                    map=sockets,
                    use_poll=True,
                    count=1,
                )
        finally:
            self.task_dispatcher.shutdown()
            wasyncore.close_all(sockets)

    serve_forever = run

    def stop(self) -> None:
        """End run() soon (callable from another thread)."""
        self._stopping = True
        try:
            _untyped(self).trigger.pull_trigger()  # wakes the loop from its poll
        except OSError:
            pass  # the loop saw _stopping first and closed the trigger: it is ending


def make_server(
    store: Store,
    host: str,
    port: int,
    authenticate: hub_app.Authenticate,
    limits: Limits | None = None,
    verbose: bool = False,
) -> Server:
    """A bound server (port 0: any free port, see server.url); serving once run()."""
    limits = limits or store.limits
    application = hub_app.make_app(store, authenticate, limits)
    adj = Adjustments(
        host=host,
        port=port,
        ident="BioReserveHub",
        threads=limits.threads,
        backlog=limits.backlog,
        connection_limit=limits.connection_limit,
        channel_timeout=limits.idle_timeout_s,
        cleanup_interval=limits.cleanup_interval_s,
        inbuf_overflow=limits.spool_bytes,
        outbuf_overflow=limits.spool_bytes,
        outbuf_high_watermark=limits.max_bundle_bytes + limits.spool_bytes,
        max_request_body_size=limits.max_bundle_bytes + 1,  # refused when >= this
        expose_tracebacks=False,
        asyncore_loop_timeout=1,
    )
    served = _logged(application) if verbose else application
    try:
        server = Server(served, map={}, dispatcher=_dispatcher(limits.threads), adj=adj)
    except OSError as exc:
        raise BioError(
            tr(
                "The hub cannot listen on {host}:{port}: {reason}. Choose another port or "
                "stop the program that uses it.",
                host=host,
                port=port,
                reason=reasons.reason(exc),
            )
        ) from exc
    server.deadline_s = limits.request_deadline_s
    server.header_deadline_s = limits.header_deadline_s
    server.per_ip = limits.per_ip_connections
    server.uncapped = frozenset(limits.uncapped_addresses)
    server.gate = getattr(authenticate, "gate", None)
    server.app = application
    server.store = store
    return server


def _drop(channel) -> None:
    """Abort a late connection on the loop's next turn: what it has not yet received is
    discarded (SO_LINGER 0: a reset, not a graceful close that would still deliver the
    kernel's buffered megabytes), and the shutdown wakes the loop for it even when the peer
    reads nothing (waitress acts on will_close only once the socket is writable)."""
    channel.will_close = True
    try:
        channel.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        channel.socket.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already gone


def _environ(request: Parser) -> dict:
    """A request's headers as the application will see them in its WSGI environ."""
    parsed: Any = request  # waitress's stubs lack path and query, and type command as bytes
    environ = {"HTTP_" + name: value for name, value in request.headers.items()}
    environ["REQUEST_METHOD"] = parsed.command
    environ["PATH_INFO"] = parsed.path or ""
    environ["QUERY_STRING"] = parsed.query or ""
    return environ


def _refusal() -> bytes:
    """The whole 401 answer the event loop sends to a request refused at its headers."""
    _, body, content_type = hub_app._json(
        HTTPStatus.UNAUTHORIZED, {"error": hub_app.unauthorized()}
    )
    head = (
        "HTTP/1.1 401 Unauthorized\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n"
        "Server: BioReserveHub\r\n\r\n"
    )
    return head.encode("latin-1") + body


def _untyped(server: Server) -> Any:
    """The server as waitress made it (types-waitress lacks some of its attributes)."""
    return server


def _dispatcher(threads: int) -> ThreadedTaskDispatcher:
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(threads)
    return dispatcher


def _logged(application):
    """The application, with one line on stderr per request (as http.server logged)."""
    import sys

    def logged(environ, start_response):
        def start(status, headers, exc_info=None):
            line = '{addr} "{method} {path} {proto}" {status}'.format(
                addr=environ.get("REMOTE_ADDR", "-"),
                method=environ.get("REQUEST_METHOD"),
                path=environ.get("PATH_INFO"),
                proto=environ.get("SERVER_PROTOCOL"),
                status=status.split(" ", 1)[0],
            )
            print(line, file=sys.stderr, flush=True)
            return start_response(status, headers, exc_info)

        return application(environ, start)

    return logged


def address(server: Server) -> str:
    return server.url
