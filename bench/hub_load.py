"""The hub under load (issue 19, point 4): 200 stations pushing and pulling at once.

    python -m bench.hub_load [SECONDS] [STATIONS]     (default 20 s, 200 stations)

Each simulated station has its own Ed25519 key, is enrolled with the hub (its scope: a
city, a county or the whole province) and signs every request with the code `sync push`
and `sync pull` use (hub_client.Hub, hub_auth.sign_request), one thread per station.
Its bundles are small synthetic ones (a manifest the hub indexes and 1-16 KB of random
bytes): the hub judges no signature, and 200 station databases would measure the
stations, not the hub. A station loops until the time is up: push one bundle (most
addressed to another station, some to every station), then list what is new for it and
download each bundle listed. Afterwards every station pulls what is left, and check()
compares each station's listing walk with the acknowledged pushes it may see
(store.visible): none missing, none listed twice, none it may not see, every download's
SHA-256 the pusher's.

Printed: p50/p95/p99 of push, list and download, and requests per second, for the hub
over SQLite (one `sync serve` process) and over PostgreSQL (one process, then two over
the same store, stations spread over both), each a real `sync serve` child process with
the default 8 threads; the load average is printed beside them because these are
absolute figures (the clients run on the same machine). PostgreSQL is a throwaway
cluster (tests/helpers/postgres.py); without one its lines say so.
"""

import concurrent.futures
import hashlib
import io
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from desktop.core.errors import BioError
from desktop.sync import hub_client
from desktop.sync.bundles import FORMAT, MANIFEST, OPS
from desktop.sync.hub.store import Store, visible

ROOT = Path(__file__).resolve().parents[1]
CITIES = 14  # a province's cities: scopes 4301 … 4314
OPERATIONS = ("push", "list", "download")


@dataclass
class SimStation:
    """A station as the hub sees it: origin, code, key, scope; and what it saw."""

    origin: str
    code: str
    scope: str
    key: object  # Ed25519PrivateKey
    listed: list[tuple[int, str]] = field(default_factory=list)  # (id, sha256) walked
    after: int = 0

    @property
    def public_key(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.key.public_key().public_bytes(  # type: ignore[attr-defined]
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )


@dataclass(frozen=True)
class Push:
    """A push the hub acknowledged."""

    id: int
    sha256: str
    sender: str
    to: str | None
    sender_scope: str
    stored: bool


@dataclass
class Run:
    """What one load run did and measured."""

    stations: list[SimStation]
    seconds: float = 0.0
    pushes: list[Push] = field(default_factory=list)
    timings: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in OPERATIONS})
    errors: list[str] = field(default_factory=list)
    bad_downloads: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.timings.values())


def scope_of(n: int) -> str:
    """Station n's scope: mostly a city, every fifth a county of it, a few the province."""
    if n % 25 == 0:
        return ""
    city = f"43{n % CITIES + 1:02d}"
    return city + "01" if n % 5 == 1 else city


def make_stations(count: int) -> list[SimStation]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return [
        SimStation(os.urandom(8).hex(), f"LOAD-{n:04d}", scope_of(n), Ed25519PrivateKey.generate())
        for n in range(count)
    ]


def enrol(store: Store, stations: list[SimStation]) -> None:
    for st in stations:
        store.enrol(st.origin, st.code, st.code, st.public_key, st.scope)


def bundle(origin: str, sequence: int, to: str | None, rng: random.Random) -> bytes:
    """A body the hub's manifest check accepts: a manifest and some incompressible ops."""
    manifest = {"format": FORMAT, "from": {"origin": origin}, "sequence": sequence, "to": to}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        archive.writestr(OPS, rng.randbytes(rng.randint(1024, 16 * 1024)))
    return out.getvalue()


def _hub(url: str, st: SimStation) -> hub_client.Hub:
    opener = urllib.request.build_opener(hub_client._NoRedirect())
    return hub_client.Hub(url, st.origin, st.key.sign, opener)  # type: ignore[attr-defined]


def _timed(run: Run, operation: str, call, *args):
    start = time.perf_counter()
    try:
        return call(*args)
    finally:
        elapsed = time.perf_counter() - start
        with run.lock:
            run.timings[operation].append(elapsed)


def _pull(run: Run, hub: hub_client.Hub, st: SimStation, timed: bool) -> int:
    """List and download what is new for st (one page); how many bundles came."""
    target = "/bundles?" + urlencode({"after": st.after})
    page = _timed(run, "list", hub.json, target) if timed else hub.json(target)
    for row in page:
        bundle_id, digest = int(row["id"]), str(row["sha256"])
        st.listed.append((bundle_id, digest))
        get = f"/bundles/{bundle_id}"
        data = _timed(run, "download", hub.request, get) if timed else hub.request(get)
        if hashlib.sha256(data).hexdigest() != digest:
            with run.lock:
                run.bad_downloads.append(f"{st.code} {bundle_id}")
        st.after = max(st.after, bundle_id)
    return len(page)


def _station_loop(run: Run, url: str, st: SimStation, peers: list[str], end: float, seed: int):
    rng = random.Random(seed)
    hub = _hub(url, st)
    sequence = 0
    while time.monotonic() < end:
        try:
            sequence += 1
            to = rng.choice(peers) if rng.random() < 0.7 else None
            body = bundle(st.origin, sequence, to, rng)
            answer = _timed(run, "push", hub.json, "/bundles", body, "application/zip")
            push = Push(
                int(answer["id"]), str(answer["sha256"]), st.origin, to, st.scope,
                bool(answer["stored"]),
            )  # fmt: skip
            if push.sha256 != hashlib.sha256(body).hexdigest():
                with run.lock:
                    run.bad_downloads.append(f"{st.code} push {push.id}: another SHA-256")
            with run.lock:
                run.pushes.append(push)
            _pull(run, hub, st, timed=True)
        except (BioError, KeyError, TypeError, ValueError) as exc:
            with run.lock:
                run.errors.append(f"{st.code}: {exc}")


def _drain(run: Run, url: str, st: SimStation) -> None:
    hub = _hub(url, st)
    try:
        while _pull(run, hub, st, timed=False):
            pass
    except (BioError, KeyError, TypeError, ValueError) as exc:
        with run.lock:
            run.errors.append(f"{st.code} (final pull): {exc}")


def load(urls: list[str], stations: list[SimStation], seconds: float) -> Run:
    """Every station pushes and pulls against urls (spread over them) for `seconds`, then
    pulls what is left. Returns what happened; check() judges it."""
    run = Run(stations)
    origins = [st.origin for st in stations]
    where = {st.origin: urls[n % len(urls)] for n, st in enumerate(stations)}
    with concurrent.futures.ThreadPoolExecutor(len(stations)) as pool:
        start = time.monotonic()
        end = start + seconds
        jobs = [
            pool.submit(
                _station_loop,
                run,
                where[st.origin],
                st,
                [o for o in origins if o != st.origin],
                end,
                n,
            )  # fmt: skip
            for n, st in enumerate(stations)
        ]
        for job in jobs:
            job.result()
        run.seconds = time.monotonic() - start
        for job in [pool.submit(_drain, run, where[st.origin], st) for st in stations]:
            job.result()
    return run


def check(run: Run) -> list[str]:
    """What went wrong: errors, damaged downloads, and per station the bundles it should
    have been listed and was not, listed twice, or listed without being entitled."""
    problems = [*run.errors[:20], *run.bad_downloads[:20]]
    by_id = {p.id: p for p in run.pushes}
    if len(by_id) != len(run.pushes):
        problems.append(f"{len(run.pushes) - len(by_id)} pushes acknowledged with a reused id")
    if sum(not p.stored for p in run.pushes):
        problems.append("a new bundle was answered as already held")
    for st in run.stations:
        ids = [i for i, _ in st.listed]
        digests = [d for _, d in st.listed]
        if len(set(ids)) != len(ids) or len(set(digests)) != len(digests):
            problems.append(f"{st.code}: a bundle listed twice")
        expected = {
            p.id for p in run.pushes if visible(p.sender, p.to, p.sender_scope, st.origin, st.scope)
        }
        missing, extra = expected - set(ids), set(ids) - expected
        if missing:
            problems.append(f"{st.code}: {len(missing)} bundles never listed, e.g. {min(missing)}")
        if extra:
            problems.append(f"{st.code}: {len(extra)} bundles listed it may not see")
        wrong = [i for i, d in st.listed if i in by_id and by_id[i].sha256 != d]
        if wrong:
            problems.append(f"{st.code}: bundle {wrong[0]} listed with another SHA-256")
    return problems


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 in milliseconds."""
    if len(values) < 2:
        only = values[0] * 1000 if values else float("nan")
        return only, only, only
    q = statistics.quantiles(values, n=100, method="inclusive")
    return q[49] * 1000, q[94] * 1000, q[98] * 1000


def figures(run: Run) -> list[str]:
    lines = []
    for op in OPERATIONS:
        p50, p95, p99 = percentiles(run.timings[op])
        lines.append(
            f"  {op:<9} {len(run.timings[op]):>7} requests   p50 {p50:7.1f} ms   "
            f"p95 {p95:7.1f} ms   p99 {p99:7.1f} ms"
        )
    received = sum(len(st.listed) for st in run.stations)
    lines.append(
        f"  {run.requests / run.seconds:.0f} requests/s over {run.seconds:.1f} s "
        f"({len(run.pushes)} pushes, {received} bundles received in all)"
    )
    return lines


# --- the bench: real `sync serve` processes ----------------------------------------------


def serve(store: str, count: int, threads: int = 8) -> tuple[list[subprocess.Popen], list[str]]:
    """`count` `sync serve` processes over one store; (processes, URLs)."""
    command = [sys.executable, "main.py", "--lang", "en", "sync", "serve", "--port", "0"]
    options = ["--store", store, "--threads", str(threads), "--quota-mb", "0"]
    procs, urls = [], []
    for _ in range(count):
        proc = subprocess.Popen(
            command + options, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True,
        )  # fmt: skip
        procs.append(proc)
        line = proc.stdout.readline() if proc.stdout else ""
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not found:
            stop(procs)
            raise RuntimeError(f"sync serve did not start: {line!r}")
        urls.append(found.group(0))
    return procs, urls


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.send_signal(signal.SIGINT)
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure(label: str, store: str, processes: int, seconds: float, count: int) -> None:
    from desktop.sync.hub import opening

    stations = make_stations(count)
    opened = opening.open_store(store)
    try:
        enrol(opened, stations)
    finally:
        opened.close()
    procs, urls = serve(store, processes)
    try:
        run = load(urls, stations, seconds)
    finally:
        stop(procs)
    problems = check(run)
    one, five, _ = os.getloadavg()
    print(f"{label} (load average {one:.1f} / {five:.1f}, {os.cpu_count()} CPUs)")
    print("\n".join(figures(run)))
    verdict = "none lost or duplicated" if not problems else f"{len(problems)} PROBLEMS"
    print(f"  check: {verdict}")
    for problem in problems[:10]:
        print("   ", problem)


def report(seconds: float = 20, count: int = 200) -> None:
    print(f"Hub under load: {count} stations pushing and pulling for {seconds:.0f} s")
    with tempfile.TemporaryDirectory(prefix="bioreserve-hubload-") as folder:
        measure("SQLite, one process", str(Path(folder) / "hub.db"), 1, seconds, count)
    cluster = _cluster()
    if cluster is None:
        print("PostgreSQL: not measured (no initdb here: apt-get install postgresql)")
        return
    try:
        measure("PostgreSQL, one process", cluster.fresh_database(), 1, seconds, count)
        measure("PostgreSQL, two processes", cluster.fresh_database(), 2, seconds, count)
    finally:
        cluster.stop()


def _cluster():
    from tests.helpers import postgres

    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None
    bin_dir = postgres.binaries()
    return postgres.Cluster(bin_dir) if bin_dir else None


if __name__ == "__main__":
    given = sys.argv[1:]
    report(float(given[0]) if given else 20, int(given[1]) if len(given) > 1 else 200)
