"""Two `sync serve` processes over one store serve as one hub: one copy of each bundle, one
id sequence, one quota (on PostgreSQL, the province's set-up; on SQLite too)."""

import concurrent.futures
import contextlib
import json
import subprocess
import sys
import urllib.request

import pytest

from tests.helpers.hub import ROOT, SERVE_OPEN, fake_bundle, post, served


@pytest.fixture
def two_hubs(store_target):
    """The URLs of two hub processes over the same store, stopped (Ctrl+C) afterwards."""
    options = ["--store", str(store_target), "--threads", "3", "--quota-mb", "1"]
    with contextlib.ExitStack() as stack:
        served_ = [
            stack.enter_context(served(*options, "--keep-days", "3", code=SERVE_OPEN, limit=120))
            for _ in range(2)
        ]
        yield [url for _, url in served_]
    assert [proc.returncode for proc, _ in served_] == [0, 0]


def listing(url, after=0, for_origin="z"):
    address = f"{url}/bundles?after={after}&for={for_origin}"
    with urllib.request.urlopen(address, timeout=30) as response:
        return json.loads(response.read())


def test_two_processes_keep_one_copy_one_sequence_and_one_quota(two_hubs):
    bodies = [fake_bundle(f"s{n % 4}", n, pad=20_000) for n in range(24)]
    jobs = [(two_hubs[i % 2], body) for i, body in enumerate(bodies)]
    jobs += [(two_hubs[(i + 1) % 2], body) for i, body in enumerate(bodies)]  # each twice
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda job: post(*job), jobs))
    assert sorted(status for status, _ in answers) == [200] * 24 + [201] * 24
    first, second = answers[:24], answers[24:]
    assert [a["id"] for _, a in first] == [a["id"] for _, a in second]  # one copy each
    ids = sorted(a["id"] for _, a in first)
    assert len(set(ids)) == 24
    views = [listing(url) for url in two_hubs]
    assert views[0] == views[1] and [row["id"] for row in views[0]] == ids

    # A cursor walked through either process sees each bundle once, in id order.
    seen, after = [], 0
    for turn in range(30):
        page = listing(two_hubs[turn % 2], after, "s0")[:5]
        if not page:
            break
        seen += [row["id"] for row in page]
        after = page[-1]["id"]
    assert seen == [row["id"] for row in views[0] if row["sender"] != "s0"]

    # The quota (1 MB per sender) is one: s1 holds 6 × ~20 kB, whichever process took them.
    status, refused = post(two_hubs[0], fake_bundle("s1", 99, pad=1_000_000))
    assert status == 507 and "s1" in refused["error"]
    assert post(two_hubs[1], fake_bundle("s9", 1, pad=900_000))[0] == 201


def test_serve_names_a_store_it_cannot_open_and_exits_1(tmp_path):
    missing = f"postgresql://hub:secret@/nothing?host={tmp_path}&port=1"
    done = subprocess.run(
        [sys.executable, "-c", SERVE_OPEN, "sync", "serve", "--port", "0", "--store", missing],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "postgresql://hub:***@" in done.stderr and "secret" not in done.stderr
