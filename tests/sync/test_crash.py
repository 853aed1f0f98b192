"""Crash safety of bundle import: a process killed (SIGKILL) at random points while it imports
a bundle leaves a sound database holding none or all of the bundle's operations, and the
same bundle imports cleanly afterwards."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.context import Ctx
from desktop.core.setup import initdb
from desktop.core.store import check, oplog, station
from desktop.core.store import db as dbmod
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from tests.helpers.crash import copy_fresh, finish_child, kill_after, kill_delays, start_child

# Seconds of child processes killed at random points: run by `make test-slow` (and CI),
# not by `make test`.
pytestmark = pytest.mark.slow

CLERK = Ctx("os:clerk")

# The child imports everything first and says "go" just before bundles.import_, so that the
# parent's kill delay counts from the start of the import itself; it prints the import's
# duration when it is left to finish.
CHILD = """
import sys, time
import cryptography.hazmat.primitives.asymmetric.ed25519
from desktop.sync import bundles
from desktop.core.store import db
database = db.open_db(sys.argv[1])
print("go", flush=True)
started = time.perf_counter()
bundles.import_(database, sys.argv[2])
print(time.perf_counter() - started, flush=True)
"""


@dataclass
class Setup:
    template: Path  # station B after enrolment, closed, without the bundle's ops
    bundle: Path
    origin: str  # A's
    ops: int
    head: str  # hash of A's last op


def make_setup(folder: Path, count: int) -> Setup:
    """Stations A and B trusting each other; A makes `count` ops (a depot, items, lots and
    stock movements, with some lot edits) and exports them for B."""
    a = initdb.init_database(folder / "A.db", "HY-A", "甲站")
    b = initdb.init_database(folder / "B.db", "HY-B", "乙站")
    try:
        for db, peer in ((a, b), (b, a)):
            key = folder / f"{station.get(peer).code}.key"
            sync_keys.export_key(peer, key)
            sync_keys.trust(db, key, station.get(peer).fingerprint)
        rng = random.Random(count)
        expiry = str(date.today() + timedelta(days=400))
        with write(a, CLERK) as w:
            (depot,) = w.insert_many(
                "depot",
                [
                    {
                        "code": "AK",
                        "name": "甲库",
                        "level": "市级储备库",
                        "agency_id": reference_id("agency", "HY-YJJ"),
                    }
                ],
            )
            items = w.insert_many(
                "item", [{"code": f"A-{n:03d}", "name": f"口罩{n}型"} for n in range(10)]
            )
            lots = w.insert_many(
                "lot",
                [
                    {"item_id": items[n % 10], "batch_no": f"B{n}", "expires_on": expiry}
                    for n in range(50)
                ],
            )
        origin = station.get(a).origin
        while (made := oplog.head(a, origin)[0]) < count:
            edits = min(10, count - made)
            with write(a, CLERK) as w:
                w.insert_many(
                    "stock_move",
                    [
                        {
                            "kind": "receive",
                            "depot_id": depot,
                            "item_id": items[k % 10],
                            "lot_id": lots[k],
                            "qty": rng.randint(1, 500),
                            "occurred_at": "2026-11-29T09:00:00+08:00",
                        }
                        for k in (rng.randrange(50) for _ in range(min(490, count - made - edits)))
                    ],
                )
                for _ in range(edits):
                    w.update("lot", rng.choice(lots), {"status": rng.choice(["待检", "合格"])})
        exported = bundles.export(a, folder / "A-B.zip", station.get(b).origin)
        head = oplog.head(a, origin)
    finally:
        a.conn.close()
        b.conn.close()
    assert exported.ops == head[0] == count
    template = folder / "B-template.db"
    (folder / "B.db").rename(template)
    assert not Path(f"{folder / 'B.db'}-wal").exists()
    return Setup(template, folder / "A-B.zip", origin, count, head[1])


def import_seconds(setup: Setup, folder: Path) -> float:
    """How long the import takes in a child left to finish."""
    return finish_child(CHILD, copy_fresh(setup.template, folder / "timing.db"), setup.bundle)


def assert_sound(path: Path, setup: Setup, reported: bool) -> None:
    """B after a kill: sound, holding none or all of A's ops (all of them when the child had
    reported the import done), and importing the rest."""
    db = dbmod.open_db(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.run(db) == []
        held = db.execute("SELECT count(*) FROM oplog WHERE origin = ?", [setup.origin]).fetchone()
        assert held[0] in (0, setup.ops)
        assert held[0] == setup.ops or not reported, "an import reported done was lost"
        assert oplog.head(db, setup.origin) == (
            (0, "") if held[0] == 0 else (setup.ops, setup.head)
        )
        again = bundles.import_(db, setup.bundle)
        assert again.applied == setup.ops - held[0]
        assert again.deferred == 0
        assert (
            db.execute("SELECT count(*) FROM oplog WHERE origin = ?", [setup.origin]).fetchone()[0]
            == setup.ops
        )
        assert oplog.head(db, setup.origin) == (setup.ops, setup.head)
        assert bundles.acked(db, setup.origin)[setup.origin] == setup.ops
        assert check.run(db) == []
    finally:
        db.conn.close()


@pytest.mark.parametrize(
    "ops, kills",
    [
        pytest.param(3_000, 6, id="light"),
        pytest.param(20_000, 30, id="heavy", marks=pytest.mark.stress),
    ],
)
def test_an_import_killed_at_random_points_leaves_none_or_all_of_the_bundle(tmp_path, ops, kills):
    setup = make_setup(tmp_path, ops)
    duration = import_seconds(setup, tmp_path)
    # One kill at a seeded random point in each of `kills` equal slices of the import's
    # duration and a quarter beyond it: the merge commits at about 1.0 (durable, it ends the
    # import), the bundle log just after it, and the child lives on a little while it exits.
    killed = []
    for n, delay in enumerate(kill_delays(duration, kills, 20261129 + ops)):
        target = copy_fresh(setup.template, tmp_path / f"B{n}.db")
        child = start_child(CHILD, target, setup.bundle)
        was_killed, reported = kill_after(child, delay)
        killed.append(was_killed)
        assert_sound(target, setup, reported)
    assert any(killed), "every import finished before its kill"
