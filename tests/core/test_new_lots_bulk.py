"""Many new lots written at once (a spreadsheet import's lots, a bundle's) leave the usable
stock and the figures of 总览 as lots written one by one: their own insert triggers, which
read only the balances each new lot already has, are set aside only when none has one
(store/unguarded.py), and fire when one has (its movements came first)."""

import shutil

import pytest

from desktop.core.errors import BioError
from desktop.core.reserves import catalog
from desktop.core.store import check, unguarded
from desktop.core.store import db as dbmod
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write
from tests.helpers.stations import ALICE, days, new_station

DERIVED = ("stock_balance", "item_stock", "usable_stock", "expiry_stock", "held_item",
           "held_lot", "depot_stock", "stock_totals")  # fmt: skip
READERS = {'DROP TRIGGER "lot_usable_insert"', 'DROP TRIGGER "lot_figures_insert"'}
LOTS = 40


def _rows(db, table):
    return sorted(db.execute(f"SELECT * FROM {table}").fetchall())


def _triggers(db):
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'lot' "
        "ORDER BY name"
    ).fetchall()


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """Two copies of a station with a depot and an item, and the new lots' rows: expired,
    frozen and good ones, every one with an expiry date."""
    monkeypatch.setattr(unguarded, "MIN_ROWS", 20)
    db = new_station(tmp_path / "bulk.db", "HY-LOTS", "批次站")
    with write(db, ALICE) as w:
        depot = w.insert("depot", {"code": "D1", "name": "库1", "level": "市级储备库",
                                   "agency_id": reference_id("agency", "HY-YJJ")})  # fmt: skip
        item = w.insert("item", {"code": "I-1", "name": "手套"})
    db.conn.close()
    shutil.copy(tmp_path / "bulk.db", tmp_path / "one.db")
    bulk, one = dbmod.open_db(tmp_path / "bulk.db"), dbmod.open_db(tmp_path / "one.db")
    lots = [
        {"id": catalog.lot_id(item, f"B{n}"), "item_id": item, "batch_no": f"B{n}",
         "expires_on": days(-3 if n % 3 == 0 else 200 + n),
         "status": "冻结" if n % 4 == 0 else "合格"}
        for n in range(LOTS)
    ]  # fmt: skip
    yield bulk, one, depot, item, lots
    bulk.conn.close()
    one.conn.close()


def _write(db, lots, moves, bulk):
    """The movements first (their lots not yet held: as a bundle may bring them), then the
    lots — all at once or one by one — in one transaction."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    with write(db, ALICE) as w:
        for move in moves:
            w.insert("stock_move", move)
        if bulk:
            w.insert_many("lot", lots)
        else:
            for lot in lots:
                w.insert("lot", lot)
    db.conn.set_trace_callback(None)
    return set(statements)


@pytest.mark.parametrize("moved_first", [0, 1, 5])
def test_new_lots_in_bulk_leave_the_figures_of_lots_one_by_one(pair, moved_first):
    bulk, one, depot, item, lots = pair
    triggers = _triggers(bulk)
    moves = [
        {"kind": "receive", "depot_id": depot, "item_id": item, "lot_id": lot["id"],
         "qty": 10 + n, "occurred_at": "2026-11-01T09:00:00+08:00"}
        for n, lot in enumerate(lots[:moved_first])
    ]  # fmt: skip
    said = _write(bulk, lots, moves, bulk=True)
    _write(one, lots, moves, bulk=False)
    assert (READERS <= said) == (moved_first == 0)  # set aside only when they change nothing
    assert _triggers(bulk) == triggers
    for table in DERIVED:
        assert _rows(bulk, table) == _rows(one, table), table
    # and the lots' figures follow their movements afterwards, as one by one
    for db in (bulk, one):
        with write(db, ALICE) as w:
            for n, lot in enumerate(lots[::7]):
                w.insert("stock_move", {"kind": "receive", "depot_id": depot, "item_id": item,
                                        "lot_id": lot["id"], "qty": 5 + n,
                                        "occurred_at": "2026-11-02T09:00:00+08:00"})  # fmt: skip
    for table in DERIVED:
        assert _rows(bulk, table) == _rows(one, table), table
    assert check.run(bulk) == []


def test_a_failed_insert_leaves_the_lot_triggers_as_they_were(pair):
    """The insert fails with the triggers set aside (a lot twice): the rollback puts them
    back, and the next lots find them."""
    bulk, one, _, _, lots = pair
    triggers = _triggers(bulk)
    with pytest.raises(BioError, match="UNIQUE"):
        _write(bulk, [*lots, lots[-1]], [], bulk=True)
    assert _triggers(bulk) == triggers and not _rows(bulk, "lot")
    assert READERS <= _write(bulk, lots, [], bulk=True)
    assert _triggers(bulk) == triggers


def test_changed_lot_triggers_are_never_set_aside(pair, monkeypatch):
    bulk, one, _, _, lots = pair
    monkeypatch.setattr(unguarded, "KNOWN_BALANCE_READERS", "changed")
    assert not READERS & _write(bulk, lots, [], bulk=True)


def test_the_lot_triggers_of_a_new_database_are_the_ones_known(pair):
    """A schema that changes lot_usable_insert or lot_figures_insert must check that they
    still read only the new lot's balances, then update KNOWN_BALANCE_READERS."""
    bulk = pair[0]
    assert unguarded.balance_readers(bulk, "lot")[0] == unguarded.KNOWN_BALANCE_READERS
