"""Crash safety of a spreadsheet import of stock: a process killed (SIGKILL) at random points
while it imports a file leaves a sound database holding none or all of the file's receipts
(and of their operations), never loses an import it reported as done, and importing the file
again afterwards books every receipt exactly once.

The method (tests/helpers/crash.py) is the one of every crash test: a child that says "go"
just before the work, kills at one seeded random point in each slice of the measured
duration and a quarter beyond it."""

import csv
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.reserves import catalog
from desktop.core.setup import initdb
from desktop.core.store import check, station
from desktop.core.store import db as dbmod
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

KEEPER = Ctx("os:keeper")
DEPOTS = ("CK1", "CK2", "CK3")
ITEMS = ("KZ", "FHF", "XDP", "HXJ")  # the last one is not managed by expiry
BATCHES = 40  # per item: later rows of a batch add to the lot its first row created

# The child imports everything first and says "go" just before the import; it prints the
# import's duration once the import has returned (committed).
CHILD = """
import sys, time
import openpyxl
from desktop.core.store import db
from desktop.core import imports as importer, spreadsheet
from desktop.core.context import Ctx
database = db.open_db(sys.argv[1])
print("go", flush=True)
started = time.perf_counter()
report = importer.run(database, Ctx("os:keeper"), "stock", sys.argv[2])
assert report.ok and report.imported == int(sys.argv[3]), report
print(time.perf_counter() - started, flush=True)
"""


# ---------------------------------------------------------------- the import


@dataclass
class Setup:
    template: Path  # the station with depots and items, closed, before the import
    file: Path
    rows: int
    origin: str  # this station's
    ops_before: int  # this station's operations in the template
    ops: int  # the operations the import makes (measured on a finished import)
    lots: int  # the lots the import creates
    qty: Counter  # (depot code, item code, batch) → quantity the file receives


def make_setup(folder: Path, rows: int, suffix: str) -> Setup:
    """A fresh station with three depots and four items; a file of `rows` receipts (some
    batches repeat, so later rows add to lots earlier rows create)."""
    path = folder / "template.db"
    db = initdb.init_database(path, "HY-TEST", "测试站")
    try:
        for code, level, division in (
            ("CK1", "市级储备库", "430400"),
            ("CK2", "县级储备库", "430422"),
            ("CK3", "县级储备库", "430426"),
        ):
            catalog.save_depot(
                db,
                KEEPER,
                {"code": code, "name": f"{code}库", "level": level, "division": division},
            )
        for code in ITEMS:
            catalog.save_item(
                db,
                KEEPER,
                {
                    "code": code,
                    "name": f"物资{code}",
                    "unit": "只",
                    "category": "防护用品",
                    "shelf_life": code != "HXJ",
                },
            )
        st = station.get(db)
        ops_before = db.execute(
            "SELECT count(*) FROM oplog WHERE origin = ?", [st.origin]
        ).fetchone()[0]
    finally:
        db.conn.close()
    rng = random.Random(rows)
    today = date.today()
    data, qty, receipts = [], Counter(), set()
    while len(data) < rows:
        depot, item, b = rng.choice(DEPOTS), rng.choice(ITEMS), rng.randrange(BATCHES)
        batch = f"{item}-{b:03d}"
        expiry = "" if item == "HXJ" else (today + timedelta(days=100 + 20 * b)).isoformat()
        amount = rng.randint(1, 999)
        if (depot, batch, amount) in receipts:
            continue  # the same receipt twice in a file is refused (a repeat)
        receipts.add((depot, batch, amount))
        qty[depot, item, batch] += amount
        source = rng.choice(["采购", "捐赠"])
        data.append([depot, item, batch, "", expiry, amount, "某某厂", source])
    file = folder / f"opening-stock.{suffix}"
    if suffix == "csv":
        with file.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(STOCK_HEADER)
            writer.writerows(data)
    else:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("库存入库")
        sheet.append(STOCK_HEADER)
        for row in data:
            sheet.append(row)
        book.save(file)
    lots = len({(item, batch) for _, item, batch in qty})
    return Setup(path, file, rows, st.origin, ops_before, 0, lots, qty)


def held(db, setup: Setup) -> tuple[int, int, int]:
    """(the file's receipts, this station's new operations, lots) the database holds."""
    moves = db.execute(
        "SELECT count(*) FROM stock_move WHERE kind = 'receive' AND ref = ?", [setup.file.name]
    ).fetchone()[0]
    ops = db.execute("SELECT count(*) FROM oplog WHERE origin = ?", [setup.origin]).fetchone()[0]
    lots = db.execute("SELECT count(*) FROM lot").fetchone()[0]
    return moves, ops - setup.ops_before, lots


def balances(db) -> Counter:
    return Counter(
        {
            (depot, item, batch): qty
            for depot, item, batch, qty in db.execute(
                "SELECT d.code, i.code, l.batch_no, sum(m.qty) FROM stock_move m "
                "JOIN depot d ON d.id = m.depot_id JOIN item i ON i.id = m.item_id "
                "JOIN lot l ON l.id = m.lot_id GROUP BY 1, 2, 3"
            )
        }
    )


def assert_complete(db, setup: Setup) -> None:
    assert held(db, setup) == (setup.rows, setup.ops, setup.lots)
    assert balances(db) == setup.qty  # every receipt once, on the right depot and lot
    assert sum(r[0] for r in db.execute("SELECT qty FROM stock_balance")) == setup.qty.total()
    assert check.run(db) == []


def assert_sound(path: Path, setup: Setup, reported_done: bool) -> bool:
    """The station after a kill: sound, holding none or all of the import (all when the
    child had reported it done); importing the file again completes it exactly once.
    Returns whether the killed import had committed."""
    db = dbmod.open_db(path)
    try:
        assert_integrity(db)
        found = held(db, setup)
        assert found in ((0, 0, 0), (setup.rows, setup.ops, setup.lots)), found
        committed = found[0] == setup.rows
        assert committed or not reported_done, "an import reported done was lost"
        if not committed:
            assert balances(db) == Counter()
            report = importer.run(db, KEEPER, "stock", setup.file)
            assert report.ok and report.imported == setup.rows
        # Imported already: a stock file holds receipts, which add up, so a second run would
        # book them twice by design; the test checks they are all there exactly once.
        assert_complete(db, setup)
    finally:
        db.conn.close()
    return committed


def measure(setup: Setup, folder: Path) -> tuple[Setup, float]:
    """A finished import in a child: its duration, and the operations it makes."""
    target = copy_fresh(setup.template, folder / "timing.db")
    duration = finish_child(CHILD, target, setup.file, setup.rows)
    db = dbmod.open_db(target)
    try:
        moves, ops, lots = held(db, setup)
        assert (moves, lots) == (setup.rows, setup.lots)
        setup.ops = ops
        assert_complete(db, setup)
    finally:
        db.conn.close()
    return setup, duration


@pytest.mark.parametrize(
    "rows, suffix, kills",
    [
        pytest.param(5_000, "csv", 8, id="light"),
        pytest.param(20_000, "xlsx", 30, id="heavy", marks=pytest.mark.stress),
    ],
)
def test_a_stock_import_killed_at_random_points_leaves_none_or_all_of_the_file(
    tmp_path, rows, suffix, kills
):
    setup, duration = measure(make_setup(tmp_path, rows, suffix), tmp_path)
    assert setup.ops >= rows + setup.lots  # a receipt and each new lot is an operation
    killed, committed = [], []
    for n, delay in enumerate(kill_delays(duration, kills, 20261129 + rows)):
        target = copy_fresh(setup.template, tmp_path / f"S{n}.db")
        child = start_child(CHILD, target, setup.file, setup.rows)
        was_killed, reported = kill_after(child, delay)
        killed.append(was_killed)
        committed.append(assert_sound(target, setup, reported))
    assert any(killed), "every import finished before its kill"
    assert not all(committed), "no kill landed before the import committed"
