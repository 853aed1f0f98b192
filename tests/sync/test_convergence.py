"""Replicas converge whatever the order, duplication, relaying or loss of exchanges.

A hypothesis state machine drives four stations with random operations of every kind:
inserts, concurrent edits, deletes and restores of shared records, stock movements
(overdrawn ones included), order status changes (forward-only), an incident worked at every
station (grade changes that add tasks, task progress, status moving forward, log entries),
and conflicts settled by a person's choice. Clocks are skewed (one station may run days
ahead: its stamps are not adopted, only flagged) and jump backwards. Stations exchange
random partial sets of operations in random order, relaying what they got from others, some
delivered twice.
After a full exchange every replica holds the same rows and the same conflicts, passes
`check`, the ledger sums to every movement ever made, and applying everything again
changes nothing.

The last replica is not entitled to the expert roster at any other station: it receives the
others' expert operations withheld (desktop/sync/entitlement.py), relays them so, and never
receives them raw. After a full exchange it holds the same rows as the others outside the
roster, passes `check`, and the others hold every expert operation in full.
"""

import contextlib
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from desktop.core import incidents, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.incidents import journal, tasks
from desktop.core.setup import initdb
from desktop.core.store import check, conflicts, oplog, station
from desktop.core.store.hlc import wall_ms
from desktop.core.store.merge import apply_ops
from desktop.core.store.tables import SYNCED
from desktop.core.store.writepath import write
from desktop.sync import bundles, entitlement
from tests.helpers.stations import ADMIN, enrol_all

# About 11 s: run by `make test-slow` (and CI), not by `make test`.
pytestmark = pytest.mark.slow

REPLICAS = 4
PRIVATE = REPLICAS - 1  # the replica no other station entitles to the roster
PERSONAL = frozenset(entitlement.TABLES)
DAY = 24 * 3600 * 1000
TEXT = st.text(alphabet="甲乙丙丁口罩abc", min_size=1, max_size=4)
REPLICA = st.integers(0, REPLICAS - 1)
# Which row, conflict or version a rule picks: a number drawn up front, so that what
# hypothesis draws never depends on the databases' state (which wall clocks influence).
PICK = st.integers(0, 2**31)


def chosen(options: list, pick: int):
    return options[pick % len(options)]


def dump(db):
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in SYNCED}


def conflict_set(db, skip=frozenset()):
    """Open conflicts as every replica must see them, and the losing versions kept (of the
    tables not in skip)."""
    shown = [
        (c.key, c.kept.ref, c.kept.value, [(v.ref, v.value) for v in c.others])
        for c in conflicts.listing(db)
        if c.table not in skip
    ]
    kept = db.execute("SELECT tbl, row_id, losers FROM row_clock ORDER BY tbl, row_id").fetchall()
    return shown, [k for k in kept if k[0] not in skip]


def shared(state: dict) -> dict:
    return {t: rows for t, rows in state.items() if t not in PERSONAL}


class Stations(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="bioreserve-sync-"))
        self.dbs = []
        self.skew = [0] * REPLICAS
        self.moved = 0
        self.time = wall_ms()  # a simulated wall clock: runs replay exactly when shrunk

    def tick(self) -> int:
        self.time += 1
        return self.time

    @initialize(
        skews=st.lists(st.integers(-3_600_000, 3_600_000), min_size=REPLICAS, max_size=REPLICAS),
        far_ahead=st.sampled_from([None, *range(REPLICAS)]),
    )
    def stations(self, skews, far_ahead):
        if far_ahead is not None:  # a station whose date is two days ahead
            skews[far_ahead] += 2 * DAY
        for n in range(REPLICAS):
            db = initdb.init_database(self.dir / f"s{n}.db", f"HY-{n}", f"站{n}")
            self.skew[n] = skews[n]
            db.conn.wall_clock = lambda n=n: self.tick() + self.skew[n]
            self.dbs.append(db)
        enrol_all(self.dir, self.dbs)
        private = station.get(self.dbs[PRIVATE]).origin
        for db in self.dbs[:PRIVATE]:
            entitlement.set_entitlement(db, ADMIN, private, {"roster": False, "monitoring": False})
        self.bundles = 0
        with write(self.dbs[0], Ctx("os:setup")) as w:
            self.depot = w.insert("depot", {"code": "D1", "name": "市级库"})
            self.item = w.insert("item", {"code": "I1", "name": "口罩"})
            self.lot = w.insert("lot", {"item_id": self.item, "batch_no": "B1"})
            self.order = w.insert("alloc_order", {"number": "TB-1", "station": "HY-0"})
        made = incidents.create(
            self.dbs[0], Ctx("os:setup"),
            {"title": "演练事件", "hazard": "infectious_disease", "grade": "IV",
             "division": "430422", "responders": 10},
        )  # fmt: skip
        self.incident = made["id"]
        incidents.activate(self.dbs[0], Ctx("os:setup"), self.incident, "PB-EID")
        for db in self.dbs[1:]:
            apply_ops(db, list(oplog.ops_since(self.dbs[0], oplog.vector(db))))

    def live_rows(self, n, table):
        return [r[0] for r in self.dbs[n].execute(f"SELECT id FROM {table} ORDER BY id")]

    @rule(n=REPLICA, table=st.sampled_from(["unit", "expert"]), name=TEXT)
    def insert(self, n, table, name):
        with write(self.dbs[n], Ctx(f"os:user{n}")) as w:
            w.insert(table, {"name": name})

    @rule(
        n=REPLICA,
        table=st.sampled_from(["unit", "expert"]),
        pick=PICK,
        field=st.sampled_from(["name", "name_en", "notes"]),
        value=TEXT,
    )
    def update(self, n, table, pick, field, value):
        rows = self.live_rows(n, table)
        if table == "unit" and field == "notes":
            field = "name_en"
        if table == "expert" and field == "name_en":
            field = "title"
        if rows:
            with write(self.dbs[n], Ctx(f"os:user{n}")) as w:
                w.update(table, chosen(rows, pick), {field: value})

    @rule(n=REPLICA, table=st.sampled_from(["unit", "expert"]), pick=PICK)
    def delete(self, n, table, pick):
        rows = self.live_rows(n, table)
        if rows:
            with write(self.dbs[n], Ctx(f"os:user{n}")) as w:
                w.delete(table, chosen(rows, pick))

    @rule(n=REPLICA, table=st.sampled_from(["unit", "expert"]), pick=PICK)
    def restore(self, n, table, pick):
        rows = [r[0] for r in self.dbs[n].execute(f"SELECT id FROM {table} WHERE deleted = 1")]
        if rows:
            with write(self.dbs[n], Ctx(f"os:user{n}")) as w:
                w.update(table, chosen(rows, pick), {"deleted": 0})

    @rule(
        n=REPLICA,
        status=st.sampled_from(["submitted", "approved", "dispatched", "received", "cancelled"]),
        note=TEXT,
    )
    def order_status(self, n, status, note):
        """Order statuses only move forward, whatever the order edits arrive in."""
        with write(self.dbs[n], Ctx(f"os:user{n}")) as w:
            w.update("alloc_order", self.order, {"status": status, "vehicle": note})

    @rule(n=REPLICA, grade=st.sampled_from(["I", "II", "III", "IV"]), reason=TEXT)
    def incident_grade(self, n, grade, reason):
        """Grade changes at any station: each escalation adds the same task rows."""
        with contextlib.suppress(BioError):  # the grade it has already; or closed
            incidents.escalate(self.dbs[n], Ctx(f"os:user{n}"), self.incident, grade, reason)

    @rule(n=REPLICA, pick=PICK, status=st.sampled_from(list(vocab.TASK_STATUSES)), note=TEXT)
    def incident_task(self, n, pick, status, note):
        board = (
            self.dbs[n]
            .execute(
                "SELECT id FROM incident_task WHERE incident_id = ? ORDER BY id", [self.incident]
            )
            .fetchall()
        )
        with contextlib.suppress(BioError):
            tasks.set_status(self.dbs[n], Ctx(f"os:user{n}"), chosen(board, pick)[0], status, note)

    @rule(n=REPLICA, status=st.sampled_from(list(vocab.INCIDENT_STATUSES)[1:]), entry=TEXT)
    def incident_progress(self, n, status, entry):
        """The status only moves forward; the 大事记 grows at every station."""
        db, ctx = self.dbs[n], Ctx(f"os:user{n}")
        with contextlib.suppress(BioError):
            journal.add(db, ctx, incidents.get(db, self.incident), entry)
        with contextlib.suppress(BioError):
            incidents.advance(db, ctx, self.incident, status)

    @rule(n=REPLICA, pick=PICK)
    def settle_conflict(self, n, pick):
        """A person chooses one of the competing versions."""
        found = conflicts.listing(self.dbs[n])
        if found:
            conflict = chosen(found, pick)
            version = chosen([conflict.kept, *conflict.others], pick // 7)
            conflicts.resolve(self.dbs[n], Ctx(f"os:user{n}"), conflict.key, version.ref)

    @rule(n=REPLICA, qty=st.integers(-500, 500).filter(bool))
    def move_stock(self, n, qty):
        """Receipts and issues, overdrawn ones included: the ledger keeps every fact."""
        with write(self.dbs[n], Ctx(f"os:keeper{n}")) as w:
            w.insert(
                "stock_move",
                {
                    "kind": "receive" if qty > 0 else "issue",
                    "depot_id": self.depot,
                    "item_id": self.item,
                    "lot_id": self.lot,
                    "qty": qty,
                    "occurred_at": "2026-11-29T08:00:00+08:00",
                },
            )
        self.moved += qty

    @rule(n=REPLICA, jump=st.integers(-7_200_000, 0))
    def clock_jumps_back(self, n, jump):
        self.skew[n] += jump

    @rule(
        src=REPLICA,
        dst=REPLICA,
        seed=PICK,
        keep=st.floats(0.2, 1.0),
        duplicate=st.booleans(),
    )
    def exchange(self, src, dst, seed, keep, duplicate):
        """A bundle: part of what dst lacks (the rest lost), shuffled, maybe delivered twice."""
        if src == dst or dst == PRIVATE:  # raw operations would bypass its entitlement
            return
        ops = list(oplog.ops_since(self.dbs[src], oplog.vector(self.dbs[dst])))
        rnd = random.Random(seed)
        ops = [op for op in ops if rnd.random() < keep]
        rnd.shuffle(ops)
        apply_ops(self.dbs[dst], ops)
        if duplicate:
            apply_ops(self.dbs[dst], ops)

    @rule(src=REPLICA, dst=REPLICA, lost=st.booleans(), twice=st.booleans())
    def bundle(self, src, dst, lost, twice):
        """A signed bundle file for dst (relaying what src holds of others), maybe lost on
        the way (the next one carries its operations again) or imported twice."""
        if src == dst:
            return
        self.bundles += 1
        path = self.dir / f"bundle-{self.bundles}.zip"
        bundles.export(self.dbs[src], path, station.get(self.dbs[dst]).origin)
        if lost:
            return
        bundles.import_(self.dbs[dst], path)
        if twice:
            assert bundles.import_(self.dbs[dst], path).applied == 0

    @invariant()
    def ledger_balance_matches_ledger(self):
        for db in self.dbs:
            moves = db.execute("SELECT coalesce(sum(qty), 0) FROM stock_move").fetchone()[0]
            kept = db.execute("SELECT coalesce(sum(qty), 0) FROM stock_balance").fetchone()[0]
            assert moves == kept

    def teardown(self):
        try:
            if len(self.dbs) == REPLICAS:
                self.full_exchange_converges()
        finally:
            for db in self.dbs:
                db.conn.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def full_exchange_converges(self):
        for _ in range(2):
            for src in range(PRIVATE):
                for dst in range(PRIVATE):
                    if src != dst:
                        ops = list(oplog.ops_since(self.dbs[src], oplog.vector(self.dbs[dst])))
                        random.Random(src * 7 + dst).shuffle(ops)
                        apply_ops(self.dbs[dst], ops)
        # Bundles both ways: what the private replica holds withheld reaches the others
        # withheld, and they fill it in from each other once they said what they lack. A
        # relay sends another station's operations only up to a head that station signed
        # (what came raw may wait for its origin's bundle): rounds until nothing moves.
        for _ in range(6):
            moved = deferred = 0
            for src in range(REPLICAS):
                for dst in range(REPLICAS):
                    if src != dst:
                        self.bundles += 1
                        path = self.dir / f"bundle-{self.bundles}.zip"
                        bundles.export(self.dbs[src], path, station.get(self.dbs[dst]).origin)
                        result = bundles.import_(self.dbs[dst], path)
                        moved += result.applied + result.withheld
                        deferred += result.deferred
            if not moved:
                break
        assert not moved and not deferred
        states = [dump(db) for db in self.dbs]
        assert all(state == states[0] for state in states[:PRIVATE])
        assert shared(states[PRIVATE]) == shared(states[0])
        for db in self.dbs[:PRIVATE]:
            assert db.execute("SELECT count(*) FROM withheld_op").fetchone()[0] == 0
        found = [conflict_set(db) for db in self.dbs[:PRIVATE]]
        assert all(f == found[0] for f in found)
        assert conflict_set(self.dbs[PRIVATE], PERSONAL) == conflict_set(self.dbs[0], PERSONAL)
        statuses = {db.execute("SELECT status FROM alloc_order").fetchone() for db in self.dbs}
        assert len(statuses) == 1
        for db in self.dbs:  # escalations at several stations gave each task once
            given = db.execute("SELECT playbook_task_id FROM incident_task").fetchall()
            assert len(given) == len(set(given))
        for db in self.dbs:
            assert check.run(db) == []
            total = db.execute("SELECT coalesce(sum(qty), 0) FROM stock_move").fetchone()[0]
            assert total == self.moved
        everything = list(oplog.ops_since(self.dbs[0], {}))
        for db in self.dbs[:PRIVATE]:
            assert apply_ops(db, everything).applied == 0
        assert [dump(db) for db in self.dbs] == states


Stations.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestConvergence = Stations.TestCase


class StressedStations(Stations):
    """The same machine, many more and longer runs (make stress)."""


StressedStations.TestCase.settings = settings(
    max_examples=300,
    stateful_step_count=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestConvergenceStress = pytest.mark.stress(StressedStations.TestCase)
