"""The hub's HTTP server: waitress (pure Python, Windows and Linux) with the hub's limits.

waitress reads each request whole in its main thread (an asyncore loop) before a worker
thread runs the application, so a slow sender holds a connection, never a worker. What
waitress does not bound by itself is added here:

* a request's size is refused from its Content-Length before its body is read
  (max_request_body_size), answered 413 with the hub's JSON message;
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
import time
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


class TooLarge(Error):
    """waitress's 413, worded and shaped as the application's refusals."""

    code = 413
    reason = "Request Entity Too Large"

    def __init__(self, limit: int):
        super().__init__(hub_app.too_large(limit))

    def to_response(self, ident=None):
        _, body, content_type = hub_app._json(hub_app.HTTPStatus(self.code), {"error": self.body})
        return f"{self.code} {self.reason}", [("Content-Type", content_type)], body


class Parser(HTTPRequestParser):
    """Notes when a request's first byte came; says 413 in the hub's words."""

    def __init__(self, adj):
        super().__init__(adj)
        self.started = time.monotonic()

    def received(self, data):
        consumed = super().received(data)
        if self.error is not None and self.error.code == 413:
            self.error = TooLarge(self.adj.max_request_body_size - 1)
        return consumed


class Channel(HTTPChannel):
    parser_class = Parser


class Server(TcpWSGIServer):
    """One listening socket; run() serves until stop() (from any thread) or Ctrl+C."""

    channel_class = Channel
    deadline_s: float = 600.0
    app: hub_app.HubApp
    store: Store
    _stopping = False

    def maintenance(self, now):
        super().maintenance(now)
        clock = time.monotonic()
        for channel in list(_untyped(self).active_channels.values()):
            request = channel.request  # the one still arriving (None between requests)
            if isinstance(request, Parser) and clock - request.started > self.deadline_s:
                _drop(channel)
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
