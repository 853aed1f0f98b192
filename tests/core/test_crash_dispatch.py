"""Crash safety of dispatching an allocation order: a process killed (SIGKILL) at random
points while it dispatches an approved order of many lines, picked across many lots and
depots, leaves a sound database in which the order is either still approved with no movement
for it, or dispatched with all of them (the ledger agrees with the picks); a dispatch the
child reported done is never lost, and dispatching again afterwards completes the order once.

Same method and helpers as tests/core/test_crash_import.py (after tests/sync/test_crash.py)."""

import csv
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core import imports as importer
from desktop.core import orders
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog
from desktop.core.setup import initdb
from desktop.core.store import db as dbmod
from desktop.core.store import station
from tests.helpers.crash import (
    STOCK_HEADER,
    assert_integrity,
    copy_fresh,
    finish_child,
    kill_after,
    kill_delays,
    start_child,
)

# Seconds of child processes killed at random points: run by `make test-slow` (and CI),
# not by `make test`.
pytestmark = pytest.mark.slow

CLERK = Ctx("os:clerk")
TRANSPORT = ("湘D·12345", "李师傅", "13900000001")
SOURCES = ("CK1", "CK2", "CK3")  # the order is picked FEFO across all three

CHILD = """
import sys, time
from desktop.core.store import db
from desktop.core import orders
from desktop.core.context import Ctx
database = db.open_db(sys.argv[1])
print("go", flush=True)
started = time.perf_counter()
result = orders.dispatch(database, Ctx("os:clerk"), sys.argv[2], *sys.argv[3:6])
assert result["status"] == "dispatched", result
print(time.perf_counter() - started, flush=True)
"""


@dataclass
class Setup:
    template: Path  # the station with the order approved, closed
    number: str
    to_depot: bool  # to a receiving depot (transfers in transit) or to a unit (issues)
    picks: Counter  # (depot code, lot batch) → quantity picked
    before: Counter  # (depot code, lot batch) → balance before the dispatch
    origin: str
    ops_before: int  # this station's operations in the template
    ops: int = 0  # the operations a dispatch makes (measured on a finished one)


def make_setup(folder: Path, items: int, lots: int, to_depot: bool) -> Setup:
    """A fresh station: three source depots and a hospital depot; `items` items with `lots`
    lots at each source depot (stocked by a spreadsheet import); an approved order from CK1
    of nearly all of it, so its picks span every lot of every source depot."""
    path = folder / "template.db"
    db = initdb.init_database(path, "HY-TEST", "测试站")
    try:
        for code, level in (("CK1", "市级储备库"), ("CK2", "县级储备库"), ("CK3", "县级储备库")):
            catalog.save_depot(
                db, CLERK, {"code": code, "name": f"{code}库", "level": level, "division": "430400"}
            )
        catalog.save_depot(
            db,
            CLERK,
            {"code": "YY1", "name": "医院库", "level": "医疗机构", "division": "430407",
             "address": "蒸湘区某路 1 号"},
        )  # fmt: skip
        codes = [f"WZ{n:02d}" for n in range(items)]
        for code in codes:
            catalog.save_item(
                db, CLERK, {"code": code, "name": f"物资{code}", "unit": "只", "category": "PPE"}
            )
        rng = random.Random(items * lots)
        today = date.today()
        stock_file = folder / "stock.csv"
        total = Counter()
        with stock_file.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(STOCK_HEADER)
            for depot in SOURCES:
                for code in codes:
                    for n in range(lots):
                        qty = rng.randint(5, 60)
                        total[code] += qty
                        expiry = today + timedelta(days=30 + rng.randrange(900))
                        batch = f"{depot}-{code}-{n:02d}"
                        writer.writerow([depot, code, batch, "", expiry, qty, "", "采购"])
        report = importer.run(db, CLERK, "stock", stock_file)
        assert report.ok and report.imported == len(SOURCES) * items * lots
        wanted = [(code, total[code] - rng.randint(1, 4)) for code in codes]
        destination = "YY1" if to_depot else "衡阳市第一人民医院发热门诊"
        number = orders.create(db, CLERK, "CK1", destination, wanted, priority="特急")["number"]
        orders.submit(db, CLERK, number)
        approved = orders.approve(db, CLERK, number, "王局长")
        assert approved["status"] == "approved" and "short" not in approved
        order = orders.get(db, number)
        picks = Counter()
        for p in orders.picks(db, order["id"]):
            picks[p["depot"], p["lot"]] += p["qty"]
        assert {depot for depot, _ in picks} == set(SOURCES)
        before = balances(db)
        origin = station.get(db).origin
        ops_before = count_ops(db, origin)
    finally:
        db.conn.close()
    return Setup(path, number, to_depot, picks, before, origin, ops_before)


def count_ops(db, origin: str) -> int:
    return db.execute("SELECT count(*) FROM oplog WHERE origin = ?", [origin]).fetchone()[0]


def balances(db) -> Counter:
    """(depot code, lot batch) → balance, from the derived balances."""
    return Counter(
        {
            (depot, batch): qty
            for depot, batch, qty in db.execute(
                "SELECT d.code, l.batch_no, b.qty FROM stock_balance b "
                "JOIN depot d ON d.id = b.depot_id JOIN lot l ON l.id = b.lot_id"
            )
        }
    )


def dispatched(db, setup: Setup) -> dict:
    """What the database holds of the order's dispatch."""
    order = orders.get(db, setup.number)
    moves = Counter()
    kinds = set()
    for kind, depot, batch, qty in db.execute(
        "SELECT m.kind, d.code, l.batch_no, m.qty FROM stock_move m "
        "JOIN depot d ON d.id = m.depot_id JOIN lot l ON l.id = m.lot_id WHERE m.ref = ?",
        [setup.number],
    ):
        kinds.add(kind)
        moves[depot, batch] -= qty
    transfers = db.execute(
        "SELECT count(*), coalesce(sum(qty_sent), 0) FROM transfer "
        "WHERE ref = ? AND status = 'in_transit'",
        [setup.number],
    ).fetchone()
    picks = orders.picks(db, order["id"])
    return {
        "status": order["status"],
        "moves": moves,
        "kinds": kinds,
        "move_rows": db.execute(
            "SELECT count(*) FROM stock_move WHERE ref = ?", [setup.number]
        ).fetchone()[0],
        "transfers": tuple(transfers),
        "picks_dispatched": [p["qty_dispatched"] for p in picks],
        "picks_linked": sum(1 for p in picks if p["transfer_id"]),
        "ops": count_ops(db, setup.origin) - setup.ops_before,
        "vehicle": order["vehicle"],
    }


def assert_not_dispatched(db, setup: Setup) -> None:
    found = dispatched(db, setup)
    assert found["status"] == "approved", found["status"]
    assert (found["move_rows"], found["transfers"], found["ops"]) == (0, (0, 0), 0)
    assert set(found["picks_dispatched"]) == {None} and found["picks_linked"] == 0
    assert found["vehicle"] == ""
    assert balances(db) == setup.before


def assert_dispatched(db, setup: Setup) -> None:
    """Dispatched with every movement once: the ledger agrees with the picks."""
    found = dispatched(db, setup)
    assert found["status"] == "dispatched"
    assert found["moves"] == setup.picks  # each picked lot left its depot once, in full
    assert found["move_rows"] == len(setup.picks)
    assert found["kinds"] == ({"transfer_out"} if setup.to_depot else {"issue"})
    expected = (len(setup.picks), setup.picks.total()) if setup.to_depot else (0, 0)
    assert found["transfers"] == expected
    assert found["picks_linked"] == (len(setup.picks) if setup.to_depot else 0)
    assert sorted(found["picks_dispatched"]) == sorted(setup.picks.values())
    assert found["vehicle"] == TRANSPORT[0]
    if setup.ops:
        assert found["ops"] == setup.ops
    after = balances(db)
    assert set(after) <= set(setup.before)  # nothing booked in: in transit or issued
    assert {k: after[k] for k in setup.before} == {
        k: qty - setup.picks[k] for k, qty in setup.before.items()
    }
    assert sum(after.values()) == setup.before.total() - setup.picks.total()


def assert_sound(path: Path, setup: Setup, reported_done: bool) -> bool:
    """The station after a kill: sound, the order approved with nothing moved or dispatched
    with everything moved (dispatched when the child had reported it); dispatching again
    completes an interrupted dispatch, and is refused after a complete one. Returns whether
    the killed dispatch had committed."""
    db = dbmod.open_db(path)
    try:
        assert_integrity(db)
        committed = orders.get(db, setup.number)["status"] == "dispatched"
        assert committed or not reported_done, "a dispatch reported done was lost"
        if committed:
            assert_dispatched(db, setup)
            ops = count_ops(db, setup.origin)
            with pytest.raises(BioError):
                orders.dispatch(db, CLERK, setup.number, *TRANSPORT)
            assert count_ops(db, setup.origin) == ops  # the refusal changed nothing
        else:
            assert_not_dispatched(db, setup)
            assert orders.dispatch(db, CLERK, setup.number, *TRANSPORT)["status"] == "dispatched"
        assert_dispatched(db, setup)
        assert_integrity(db)
    finally:
        db.conn.close()
    return committed


def measure(setup: Setup, folder: Path) -> float:
    """A finished dispatch in a child: its duration; records the operations it makes."""
    target = copy_fresh(setup.template, folder / "timing.db")
    duration = finish_child(CHILD, target, setup.number, *TRANSPORT)
    db = dbmod.open_db(target)
    try:
        setup.ops = dispatched(db, setup)["ops"]
        assert setup.ops >= 2 * len(setup.picks) + 1  # a movement and a pick edit per lot
        assert_dispatched(db, setup)
        assert_integrity(db)
    finally:
        db.conn.close()
    return duration


@pytest.mark.parametrize(
    "items, lots, to_depot, kills",
    [
        pytest.param(20, 8, True, 8, id="light-to-depot"),
        pytest.param(20, 8, False, 6, id="light-to-unit"),
        pytest.param(40, 20, True, 30, id="heavy-to-depot", marks=pytest.mark.stress),
        pytest.param(40, 20, False, 30, id="heavy-to-unit", marks=pytest.mark.stress),
    ],
)
def test_a_dispatch_killed_at_random_points_moves_none_or_all_of_the_order(
    tmp_path, items, lots, to_depot, kills
):
    setup = make_setup(tmp_path, items, lots, to_depot)
    duration = measure(setup, tmp_path)
    killed, committed = [], []
    for n, delay in enumerate(kill_delays(duration, kills, 20261129 + items * lots)):
        target = copy_fresh(setup.template, tmp_path / f"D{n}.db")
        child = start_child(CHILD, target, setup.number, *TRANSPORT)
        was_killed, reported = kill_after(child, delay)
        killed.append(was_killed)
        committed.append(assert_sound(target, setup, reported))
    assert any(killed), "every dispatch finished before its kill"
    assert not all(committed), "no kill landed before the dispatch committed"
