"""The hub's limits: what one request, one station and the whole server may take.

One value object, given to the WSGI application (sizes, quotas, retention) and to the
server (threads, backlog, deadlines). None of them is state: several hub processes with
the same limits behave as one.
"""

from dataclasses import dataclass

MB = 1024 * 1024
PAGE = 100  # bundles per listing page


@dataclass(frozen=True)
class Limits:
    """Defaults are for a city hub on one computer; a province sets its own."""

    max_bundle_bytes: int = 200 * MB  # one upload; refused from its Content-Length (413)
    quota_bytes: int | None = 1024 * MB  # bytes of bundles one sender may hold; None: none
    keep_days: int | None = 365  # bundles older than this are pruned; None: kept forever
    clock_window_s: int = 300  # how far a signed request's time may be from the hub's
    threads: int = 8  # requests served at once (waitress worker threads)
    backlog: int = 1024  # connections the kernel queues before the hub accepts them
    connection_limit: int = 1000  # open connections; beyond it the hub stops accepting
    request_deadline_s: int = 600  # a whole request (headers and body) must arrive by then
    header_deadline_s: int = 15  # a request's headers must arrive by then (no answer yet)
    per_ip_connections: int = 32  # open connections from one address; 0: no cap
    # Addresses not capped: this computer (a reverse proxy here, tools, the load bench); a
    # proxy elsewhere is one client with every station behind it: list its address here.
    uncapped_addresses: tuple[str, ...] = ("127.0.0.1", "::1")
    idle_timeout_s: int = 60  # a connection silent this long is closed
    cleanup_interval_s: int = 5  # how often the server looks for late or idle connections
    spool_bytes: int = MB  # a request body larger than this waits in a temporary file
