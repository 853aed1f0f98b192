"""A hub served by a thread on 127.0.0.1 for the tests that push and pull."""

import json
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from desktop.sync.hub import opening as hub_opening
from desktop.sync.hub import server as hub_server
from desktop.sync.hub.store import Station

OPEN = Station(origin="", code="", name="", public_key=b"", scope="", enrolled_at="")


def open_door(environ, body):
    """The tests' authenticator: every request is let in, as the first hub let them in
    (the app then serves the station named by for=, desktop/sync/hub/app.py)."""
    return OPEN


@contextmanager
def running_hub(store, limits=None, authenticate=open_door, port=0):
    """A hub over a store (a Store, a SQLite path or a postgresql:// URL) at an ephemeral
    port (server.url, server.store); shut down afterwards."""
    opened = store if hasattr(store, "listing") else hub_opening.open_store(_target(store), limits)
    try:
        server = hub_server.make_server(opened, "127.0.0.1", port, authenticate, limits)
    except BaseException:
        if opened is not store:
            opened.close()
        raise
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(timeout=10)
        if opened is not store:
            opened.close()
    assert not thread.is_alive()


def _target(store):
    return store if isinstance(store, str) and hub_opening.is_postgresql(store) else Path(store)


def post(url, body, headers=None):
    """(status, JSON answer) of a raw POST to the hub."""
    request = urllib.request.Request(url + "/bundles", data=body, method="POST")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


WHEN = (2026, 1, 1, 0, 0, 0)


ROOT = Path(__file__).resolve().parents[2]
# `sync serve` in a child process: as installed (stations sign their requests), or with the
# hub's door open (the hub's own tests send unsigned requests)
SERVE = "import sys; from desktop.cli import main; main(sys.argv[1:])"
SERVE_OPEN = """import sys
from desktop.cli import hub
from desktop.cli import main
from tests.helpers.hub import open_door
hub.authenticator = lambda store: open_door
main(sys.argv[1:])
"""


@contextmanager
def served(*options: str, code: str = SERVE, stop=signal.SIGINT, limit: float = 60):
    """A `sync serve --port 0 OPTIONS` process: yields (process, its URL); then stopped by
    `stop` (Ctrl+C by default) and waited for, killed if it outlives `limit` seconds or the
    stop. Its exit code and stderr stay readable after."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "sync", "serve", "--port", "0", *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    watchdog = threading.Timer(limit, proc.kill)  # never outlives a stuck test
    watchdog.start()
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert found, line + proc.stderr.read()
        yield proc, found.group(0)
    finally:
        proc.send_signal(stop)
        try:
            proc.wait(timeout=20)
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)


def altered(data: bytes) -> bytes:
    """A bundle's bytes with its manifest changed (the sender's name) and its signature kept."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["from"]["name"] = "伪站"
    entries["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, value in entries.items():
            archive.writestr(name, value)
    return out.getvalue()


def fake_bundle(origin, sequence=1, to=None, pad=0):
    """A body the hub indexes as a bundle (a manifest, an ops file; pad: bytes of filler).

    The hub judges no signature, so its own tests need no station to make one. Without
    padding, the same arguments give the same bytes (fixed entry times: the hub keeps one
    copy per SHA-256, and a clock crossing a two-second step between calls would differ)."""
    import io
    import os
    import zipfile

    from desktop.sync.bundles import FORMAT, MANIFEST, OPS

    manifest = {"format": FORMAT, "from": {"origin": origin}, "sequence": sequence, "to": to}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo(MANIFEST, WHEN), json.dumps(manifest))
        archive.writestr(zipfile.ZipInfo(OPS, WHEN), os.urandom(pad) if pad else b"")
    return out.getvalue()


def station(origin, scope="", code=None):
    """An enrolled station's record as an authenticator returns it."""
    return Station(origin, code or origin, origin, b"k" * 32, scope, "2026-01-01T00:00:00+08:00")
