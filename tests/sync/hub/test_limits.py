"""What one request, one sender and many connections may take of a hub (on loopback)."""

import concurrent.futures
import json
import socket
import time
import urllib.request

from desktop.sync.hub.limits import Limits
from tests.helpers.hub import fake_bundle, post, running_hub, station


def raw(server, head: bytes, timeout=10.0) -> socket.socket:
    host, port = server.server_address
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.sendall(head)
    return sock


def answer(sock) -> tuple[int, dict]:
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    return int(head.split()[1]), json.loads(body)


def length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def listing(url, timeout=30):
    address = url if "?" in url else url + "/bundles?after=0"
    with urllib.request.urlopen(address, timeout=timeout) as response:
        return response.status, json.loads(response.read())


def test_a_too_large_upload_is_refused_from_its_length_before_any_body(store_target):
    with running_hub(store_target, Limits(max_bundle_bytes=1000)) as hub:
        sock = raw(hub, b"POST /bundles HTTP/1.1\r\nHost: h\r\nContent-Length: 9" + b"9" * 15)
        sock.sendall(b"\r\n\r\n")  # and no byte of the body: the answer comes at once
        status, body = answer(sock)
        sock.close()
        assert status == 413 and "MB" in body["error"]
        assert hub.store.count() == 0


def test_a_slow_sender_is_dropped_at_the_deadline_and_others_are_served(tmp_path):
    """A slow-loris upload that sends a byte every few tenths of a second is never idle
    long enough for an idle timeout; the whole-request deadline drops it."""
    limits = Limits(request_deadline_s=2, cleanup_interval_s=1, idle_timeout_s=30)
    with running_hub(tmp_path / "hub.db", limits) as hub:
        started = time.monotonic()
        sock = raw(hub, b"POST /bundles HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n")
        sock.settimeout(0.2)  # the wait between two bytes: a recv that sees the close
        sent, closed = 0, False
        while not closed and time.monotonic() - started < 20:
            try:
                sock.sendall(b"x")
                sent += 1
                closed = sock.recv(1) == b""
            except TimeoutError:
                pass
            except OSError:  # reset by the hub
                closed = True
            if sent == 3:
                assert listing(hub.url) == (200, [])  # a thread is free meanwhile
        elapsed = time.monotonic() - started
        sock.close()
        assert closed and 2 <= elapsed < 8, elapsed
        assert hub.store.count() == 0


def test_a_silent_connection_is_closed(tmp_path):
    limits = Limits(idle_timeout_s=1, cleanup_interval_s=1)
    with running_hub(tmp_path / "hub.db", limits) as hub:
        sock = raw(hub, b"", timeout=15)
        assert sock.recv(1) == b""  # closed by the hub, not by this timeout
        sock.close()


def test_two_hundred_connections_at_once_are_all_answered(tmp_path):
    with running_hub(tmp_path / "hub.db", Limits(threads=4)) as hub:
        with concurrent.futures.ThreadPoolExecutor(200) as pool:
            answers = list(pool.map(lambda _: listing(hub.url, 60), range(200)))
        assert answers == [(200, [])] * 200


def test_a_station_over_its_quota_gets_507_with_the_reason(store_target):
    with running_hub(store_target, Limits(quota_bytes=4000)) as hub:
        assert post(hub.url, fake_bundle("a", 1, pad=3000))[0] == 201
        status, body = post(hub.url, fake_bundle("a", 2, pad=3000))
        assert status == 507 and "a" in body["error"] and "quota" in body["error"].lower()
        assert hub.store.count() == 1


def test_unauthenticated_requests_get_401_and_learn_nothing(store_target):
    with running_hub(store_target, authenticate=lambda environ, body: None) as hub:
        hub.store.store(fake_bundle("a"))
        for path in ("/bundles", "/bundles?after=0&for=b", "/bundles/1"):
            request = urllib.request.Request(hub.url + path)
            try:
                urllib.request.urlopen(request, timeout=10)
                raise AssertionError(path)
            except urllib.error.HTTPError as refused:
                body = refused.read()
                assert refused.code == 401 and b'"id"' not in body and b"sha256" not in body
        status, body = post(hub.url, fake_bundle("b"))
        assert status == 401 and hub.store.count() == 1


def test_an_authenticated_station_pushes_its_own_and_sees_its_scope(store_target):
    who = {"station": station("c", scope="4304")}
    with running_hub(store_target, authenticate=lambda environ, body: who["station"]) as hub:
        assert post(hub.url, fake_bundle("k", 1))[0] == 403  # another station's bundle
        assert post(hub.url, fake_bundle("c", 1))[0] == 201
        who["station"] = station("o", scope="4305")
        assert post(hub.url, fake_bundle("o", 1))[0] == 201
        who["station"] = station("k", scope="430405")
        status, rows = listing(hub.url + "/bundles?after=0&for=o")  # for= names no one now
        assert [row["sender"] for row in rows] == ["c"]


def test_a_slow_reader_is_dropped_at_the_deadline_and_holds_no_thread(tmp_path):
    limits = Limits(request_deadline_s=2, cleanup_interval_s=1, idle_timeout_s=30, threads=1)
    with running_hub(tmp_path / "hub.db", limits) as hub:
        bundle_id = hub.store.store(fake_bundle("a", pad=16 * 1024 * 1024)).id
        host, port = hub.server_address
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(0.2)  # the wait between two small reads
        sock.connect((host, port))
        sock.sendall(f"GET /bundles/{bundle_id} HTTP/1.1\r\nHost: h\r\n\r\n".encode())
        started, received, closed = time.monotonic(), 0, False
        while not closed and time.monotonic() - started < 20:
            try:
                chunk = sock.recv(1024)
                received += len(chunk)
                closed = not chunk
            except TimeoutError:
                pass
            except OSError:  # reset by the hub
                closed = True
            time.sleep(0.1)  # the reader's slowness is what is tested, not a synchronisation
            if received and received < 4096:
                assert listing(hub.url)[0] == 200  # the one worker thread is free
        sock.close()
        assert closed and received < 16 * 1024 * 1024
        assert 2 <= time.monotonic() - started < 8
