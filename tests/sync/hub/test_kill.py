"""A hub process killed (SIGKILL) while stations upload loses nothing it acknowledged, and
its store holds no partial bundle: on SQLite and on PostgreSQL."""

import concurrent.futures
import hashlib
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.sync.hub import opening
from tests.helpers.hub import fake_bundle, post

pytestmark = pytest.mark.slow  # a child process killed: make test-slow (and CI)

ROOT = Path(__file__).resolve().parents[3]

# A hub over the store in argv[1] with the tests' open door; prints its address.
CHILD = """
import sys
from pathlib import Path
from desktop.sync.hub import opening, server
from tests.helpers.hub import open_door
target = sys.argv[1]
store = opening.open_store(target if opening.is_postgresql(target) else Path(target))
hub = server.make_server(store, "127.0.0.1", 0, open_door)
print(hub.url, flush=True)
hub.run()
"""

BUNDLES = 40
ACKNOWLEDGED_BEFORE_KILL = 12


def test_a_hub_killed_mid_upload_keeps_every_acknowledged_bundle_whole(store_target):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(120, child.kill)
    watchdog.start()
    try:
        url = child.stdout.readline().strip()
        assert url.startswith("http://"), child.stderr.read()
        bodies = [fake_bundle("a", n, pad=512 * 1024) for n in range(BUNDLES)]
        acknowledged: dict[str, int] = {}
        enough = threading.Event()
        lock = threading.Lock()

        def push(body):
            try:
                status, answer = post(url, body)
            except OSError:  # the hub died under this upload
                return
            if status in (200, 201):
                with lock:
                    acknowledged[answer["sha256"]] = answer["id"]
                    if len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL:
                        enough.set()

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            for body in bodies:
                pool.submit(push, body)
            assert enough.wait(60), child.stderr.read()
            child.send_signal(signal.SIGKILL)  # uploads are under way in the other threads
            child.wait(timeout=30)
        with lock:
            acknowledged = dict(acknowledged)
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    store = opening.open_store(store_target)  # opens (and recovers) as after any crash
    try:
        rows = store.listing(0, limit=BUNDLES + 1)
        sent = {hashlib.sha256(body).hexdigest(): body for body in bodies}
        held = {row["sha256"]: row for row in rows}
        for digest, bundle_id in acknowledged.items():
            assert held[digest]["id"] == bundle_id  # nothing acknowledged is lost
        for digest, row in held.items():  # and nothing kept is partial
            data = store.get(row["id"])
            assert digest in sent and data == sent[digest] and row["size"] == len(data)
        assert store.count() == len(held) < BUNDLES
        assert store.held("a") == sum(row["size"] for row in rows)
        assert store.store(fake_bundle("a", 999)).id > max(row["id"] for row in rows)  # writable
    finally:
        store.close()
