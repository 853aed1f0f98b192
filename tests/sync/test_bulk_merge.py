"""A large merge writes its stock movements with the balance trigger set aside (and the
ledger's indexes built again when the movements at least double it) and the inserts of new
rows together (store/ledger_bulk.py, merge._NewRows): the tables it leaves — balances,
usable stock, the figures, row clocks and conflicts, every derived row — are exactly those
of the same operations merged one at a time."""

import random
import shutil

import pytest

from desktop.core.store import check, figures, ledger_bulk, oplog, station, unguarded
from desktop.core.store import db as dbmod
from desktop.core.store.ids import reference_id
from desktop.core.store.merge import apply_ops
from desktop.core.store.writepath import write
from desktop.sync import bundles
from tests.helpers.stations import ALICE, BOB, content, days, enrol, new_station

# Tables that tell how the operations came (a bundle or merges one at a time) or when.
APART = {
    "bundle_log",
    "trusted_station",
    "signed_head",
    "signed_mark",
    "peer_withheld",
    "clock",
    "audit_event",
    "audit_seal",
    "meta",
}


def _moves(rng, depots, items, lots, count, issue_share=0.3):
    rows = []
    for _ in range(count):
        n = rng.randrange(len(lots))
        issue = rng.random() < issue_share
        rows.append(
            {
                "kind": "issue" if issue else "receive",
                "depot_id": depots[n % len(depots)],
                "item_id": items[n % len(items)],
                "lot_id": lots[n],
                "qty": -rng.randint(1, 400) if issue else rng.randint(1, 300),
                "occurred_at": "2026-11-29T09:00:00+08:00",
            }
        )
    return rows


def _make_a(a, rng, lots_made=30):
    """Depots, items, lots (some held back or expiring), movements (some overdrawing)."""
    with write(a, ALICE) as w:
        depots = w.insert_many(
            "depot",
            [
                {
                    "code": f"BK{n}",
                    "name": f"批量库{n}",
                    "level": "市级储备库",
                    "agency_id": reference_id("agency", "HY-YJJ"),
                }
                for n in range(3)
            ],
        )
        items = w.insert_many("item", [{"code": f"BM-{n}", "name": f"口罩{n}型"} for n in range(4)])
        lots = w.insert_many(
            "lot",
            [
                {
                    "item_id": items[n % 4],
                    "batch_no": f"L{n}",
                    "expires_on": days(-5 if n % 7 == 0 else 300 + n),
                    "status": "待检" if n % 5 == 0 else "合格",
                }
                for n in range(lots_made)
            ],
        )
        w.insert("norm", {"depot_id": depots[0], "item_id": items[0], "qty": 500})
    return depots, items, lots


@pytest.fixture
def stations(tmp_path, monkeypatch):
    """A with its first operations, B enrolled with A, and B's copy C made before B takes any."""
    monkeypatch.setattr(ledger_bulk, "MIN_ROWS", 20)  # the bulk path with a test's few rows
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    b.conn.close()
    shutil.copy(tmp_path / "b.db", tmp_path / "c.db")
    b, c = dbmod.open_db(tmp_path / "b.db"), dbmod.open_db(tmp_path / "c.db")
    yield a, b, c
    for db in (a, b, c):
        db.conn.close()


def _one_at_a_time(a, c):
    """Merge into c what a holds and c lacks, one operation a transaction."""
    origin = station.get(a).origin
    for op in [op for op in oplog.ops_since(a, oplog.vector(c)) if op.origin == origin]:
        apply_ops(c, [op])


def _bundle(a, b, path):
    statements = []
    b.conn.set_trace_callback(statements.append)
    try:
        result = bundles.import_(b, bundles.export(a, path, station.get(b).origin).path)
    finally:
        b.conn.set_trace_callback(None)
    return result, statements


# Counts kept per key (the figures of 总览, store/figures.py) where a row of zeros says what
# no row says: merged one at a time, a balance that went above zero and back leaves one.
COUNTS = {table for table, *_ in figures.FACTS} - figures.EXACT


def _rows(db, table, rows):
    if table not in COUNTS:
        return rows
    return sorted(
        repr(row)
        for row in db.execute(f"SELECT * FROM {table}")
        if any(type(v) is int and v != 0 for v in row)
    )


def _same(b, c):
    mine, theirs = content(b), content(c)
    for table in set(mine) | set(theirs):
        if table not in APART:
            assert _rows(b, table, mine.get(table)) == _rows(c, table, theirs.get(table)), table
    assert check.run(b) == []
    assert check.run(c) == []


def test_a_large_bundle_leaves_the_tables_of_its_operations_merged_one_by_one(stations, tmp_path):
    a, b, c = stations
    rng = random.Random(18)
    depots, items, lots = _make_a(a, rng)
    with write(a, ALICE) as w:
        w.insert_many("stock_move", _moves(rng, depots, items, lots, 120))
        w.update("lot", lots[3], {"status": "冻结"})  # between movements of the same pass
        w.insert_many("stock_move", _moves(rng, depots, items, lots, 60, issue_share=0.8))

    result, statements = _bundle(a, b, tmp_path / "1.zip")
    _one_at_a_time(a, c)

    assert result.applied > 180 and result.deferred == 0
    assert any(s.startswith('DROP TRIGGER "stock_move_balance"') for s in statements)
    assert any(s.startswith('DROP INDEX "stock_move_') for s in statements)  # a new ledger
    assert b.execute("SELECT count(*) FROM stock_balance WHERE qty < 0").fetchone()[0] > 0
    _same(b, c)


def test_a_second_bundle_into_a_ledger_it_does_not_double_keeps_the_indexes(stations, tmp_path):
    a, b, c = stations
    rng = random.Random(1818)
    depots, items, lots = _make_a(a, rng)
    with write(a, ALICE) as w:
        w.insert_many("stock_move", _moves(rng, depots, items, lots, 100))
    _bundle(a, b, tmp_path / "1.zip")
    _one_at_a_time(a, c)
    # B edits a lot concurrently with A (a conflict), C takes the same edit; then A goes on.
    with write(b, BOB) as w:
        w.update("lot", lots[1], {"manufacturer": "乙站厂家"})
    apply_ops(c, [op for op in oplog.ops_since(b) if op.origin == station.get(b).origin])
    with write(a, ALICE) as w:
        w.update("lot", lots[1], {"manufacturer": "甲站厂家", "status": "冻结"})
        more = w.insert_many(
            "lot",
            [{"item_id": items[0], "batch_no": f"N{n}", "expires_on": days(90)} for n in range(25)],
        )
        w.insert_many("stock_move", _moves(rng, depots, items, lots + more, 60))

    result, statements = _bundle(a, b, tmp_path / "2.zip")
    _one_at_a_time(a, c)

    assert result.applied > 80
    assert any(s.startswith('DROP TRIGGER "stock_move_balance"') for s in statements)
    assert not any(s.startswith("DROP INDEX") for s in statements)
    # the balances' triggers' additions made per key from the sums (BALANCE_DELTAS)
    assert any("bulk_balance_sum" in s for s in statements)
    assert any(s.startswith('DROP TRIGGER "stock_balance_figures_insert"') for s in statements)
    assert b.execute("SELECT count(*) FROM row_clock WHERE losers != '{}'").fetchone()[0] == 1
    _same(b, c)


def test_the_balance_triggers_of_a_new_database_are_the_ones_the_sums_stand_for(stations):
    """Fails when db/schema.sql changes a trigger on stock_balance: BALANCE_DELTAS must
    follow it (then KNOWN_BALANCE_TRIGGERS), or the triggers fire row by row."""
    a, _, _ = stations
    assert ledger_bulk.balance_triggers(a) == ledger_bulk.KNOWN_BALANCE_TRIGGERS


@pytest.mark.parametrize("seed", [3, 31, 314])
def test_balances_changed_by_later_bundles_with_unknown_triggers_fire_them(
    stations, tmp_path, monkeypatch, seed
):
    """Triggers other than the known ones fire balance by balance; the known ones are
    stood in for by the sums: both leave the tables of one-at-a-time merges, over bundles
    that take balances across zero both ways, into lots held back, expired or not yet held."""
    a, b, c = stations
    rng = random.Random(seed)
    depots, items, lots = _make_a(a, rng, lots_made=40)
    with write(a, ALICE) as w:
        w.insert_many("stock_move", _moves(rng, depots, items, lots, 150))
    _bundle(a, b, tmp_path / "0.zip")
    _one_at_a_time(a, c)
    for round_ in range(4):
        if round_ == 2:
            monkeypatch.setattr(ledger_bulk, "KNOWN_BALANCE_TRIGGERS", "changed")
        with write(a, ALICE) as w:
            w.update("lot", lots[rng.randrange(40)], {"status": rng.choice(["冻结", "合格"])})
            w.insert_many("stock_move", _moves(rng, depots, items, lots, 60, issue_share=0.6))
        _, statements = _bundle(a, b, tmp_path / f"{round_ + 1}.zip")
        _one_at_a_time(a, c)
        assert any("bulk_balance_sum" in s for s in statements) == (round_ < 2)
        _same(b, c)


def test_a_changed_balance_trigger_is_never_set_aside(stations, tmp_path, monkeypatch):
    """A schema whose trigger is not the one the sums stand for keeps it (row by row)."""
    a, b, c = stations
    monkeypatch.setattr(ledger_bulk, "_EXPECTED", unguarded.spaced("CREATE TRIGGER x"))
    rng = random.Random(7)
    depots, items, lots = _make_a(a, rng)
    with write(a, ALICE) as w:
        w.insert_many("stock_move", _moves(rng, depots, items, lots, 80))
    result, statements = _bundle(a, b, tmp_path / "1.zip")
    _one_at_a_time(a, c)
    assert not any(s.startswith("DROP") for s in statements)
    _same(b, c)
