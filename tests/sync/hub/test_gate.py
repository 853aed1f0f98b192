"""The hub judges a request from its headers before it reads its body (server.py's gate):
anyone else is answered 401 at once and read no further; slow anonymous connections and
one address's many connections cannot lock enrolled stations out. Both stores."""

import socket
import time

from desktop.sync import hub_auth
from desktop.sync.hub.limits import Limits
from tests.helpers.hub import fake_bundle, running_hub
from tests.sync.hub.test_auth import Station, call, push, signed
from tests.sync.hub.test_limits import answer

HUGE = b"POST /bundles HTTP/1.1\r\nHost: h\r\nContent-Length: 100000000\r\n"


def connect(server, source="127.0.0.1", timeout=10.0) -> socket.socket:
    host, port = server.server_address
    return socket.create_connection((host, port), timeout=timeout, source_address=(source, 0))


def closed_by_hub(sock, within_s=10.0) -> bool:
    """Whether the hub has closed (or reset) this connection; reads what it still sends."""
    sock.settimeout(within_s)
    try:
        while sock.recv(65536):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return True


def test_an_unsigned_huge_upload_gets_401_at_once_and_no_body_is_read(store):
    with running_hub(store, Limits(max_bundle_bytes=1000), hub_auth.authenticator(store)) as hub:
        sock = connect(hub)
        started = time.monotonic()
        sock.sendall(HUGE + b"\r\nx")  # one byte of the 100 MB announced, then silence
        status, body = answer(sock)
        assert status == 401 and "MB" not in body["error"]  # not 413: the limit is not told
        assert time.monotonic() - started < 5
        # The hub has closed the connection: the rest of the body goes nowhere.
        sent, refused = 0, False
        sock.settimeout(5)
        try:
            while sent < 64 * 1024 * 1024:
                sock.sendall(b"x" * 65536)
                sent += 65536
        except OSError:
            refused = True
        sock.close()
        assert refused and sent < 16 * 1024 * 1024, sent
        assert store.count() == 0


def test_a_signed_huge_upload_is_told_the_limit(store):
    a = Station("HY-A").enrol(store)
    with running_hub(store, Limits(max_bundle_bytes=1000), hub_auth.authenticator(store)) as hub:
        headers = a.headers("POST", "/bundles", b"x" * 2000)
        status, body = call(hub, "POST", "/bundles", b"x" * 2000, headers)
        assert status == 413 and "MB" in body["error"]


def test_a_body_other_than_the_signed_one_gets_401(store):
    a = Station("HY-A").enrol(store)
    with running_hub(store, authenticate=hub_auth.authenticator(store)) as hub:
        bundle, other = fake_bundle(a.origin), fake_bundle(a.origin, sequence=2)
        headers = a.headers("POST", "/bundles", bundle)
        assert call(hub, "POST", "/bundles", other, headers)[0] == 401
        missing = {k: v for k, v in headers.items() if k != hub_auth.BODY_HEADER}
        assert call(hub, "POST", "/bundles", bundle, missing)[0] == 401
        assert store.count() == 0
        assert push(hub, a, bundle)[0] == 201  # the same station, signing what it sends


def test_a_flood_of_slow_connections_from_one_address_does_not_lock_stations_out(store):
    """Connections from 127.0.0.2 that send half their headers and wait: those above the
    per-address cap are reset at once, the others dropped at the header deadline, and an
    enrolled station (from 127.0.0.1) pushes and pulls meanwhile."""
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    limits = Limits(
        per_ip_connections=5,
        uncapped_addresses=(),
        connection_limit=20,
        header_deadline_s=2,
        cleanup_interval_s=1,
    )
    with running_hub(store, limits, hub_auth.authenticator(store)) as hub:
        started = time.monotonic()
        flood = []
        for _ in range(30):
            try:
                sock = connect(hub, source="127.0.0.2")
            except OSError:  # reset while connecting: the cap at work (BrokenPipe, reset)
                continue
            try:
                sock.sendall(HUGE)  # headers never finished
            except OSError:
                pass  # already reset
            flood.append(sock)
        status, stored = push(hub, a, fake_bundle(a.origin))
        assert status == 201
        status, rows = signed(hub, b, "GET", "/bundles?after=0")
        assert status == 200 and [r["id"] for r in rows] == [stored["id"]]
        assert all(closed_by_hub(sock, within_s=15) for sock in flood)
        assert time.monotonic() - started < 15  # reset at once, or at the 2 s deadline
        for sock in flood:
            sock.close()
