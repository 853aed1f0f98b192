"""The merge core: operations taken from one database apply to another."""

import random
from dataclasses import replace

import pytest

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.store import check, oplog
from desktop.core.store.hlc import wall_ms
from desktop.core.store.merge import apply_ops
from desktop.core.store.tables import SYNCED
from desktop.core.store.writepath import write
from tests.helpers.stations import new_station


def own_ops(db):
    """The operations of the database's own station (not the reference data)."""
    from desktop.core.store import station

    origin = station.get(db).origin
    return [op for op in oplog.ops_since(db) if op.origin == origin]


ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")


def state(db):
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in SYNCED}


def sync(src, dst):
    return apply_ops(dst, list(oplog.ops_since(src, oplog.vector(dst))))


DAY = 24 * 3600 * 1000


@pytest.fixture
def pair(tmp_path):
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    yield a, b
    a.conn.close()
    b.conn.close()


def test_ops_from_one_station_reproduce_its_rows_on_another(pair):
    a, b = pair
    with write(a, ALICE) as w:
        item = w.insert("item", {"code": "PPE-1", "name": "口罩"})
        w.update("item", item, {"spec": "N95"})
        w.insert("unit", {"name": "桶"})
    result = sync(a, b)
    assert result.applied == 3 and not result.deferred
    assert state(a) == state(b)
    assert check.run(b) == []


def test_applying_the_same_ops_twice_changes_nothing(pair):
    a, b = pair
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "桶"})
    ops = list(own_ops(a))
    apply_ops(b, ops)
    before = (state(b), b.execute("SELECT count(*) FROM oplog").fetchone())
    again = apply_ops(b, ops)
    assert again.applied == 0 and again.known == len(ops)
    assert (state(b), b.execute("SELECT count(*) FROM oplog").fetchone()) == before


def test_concurrent_edits_of_different_fields_both_survive(pair):
    a, b = pair
    with write(a, ALICE) as w:
        item = w.insert("item", {"code": "PPE-1", "name": "口罩"})
    sync(a, b)
    with write(a, ALICE) as w:
        w.update("item", item, {"spec": "N95"})
    with write(b, BOB) as w:
        w.update("item", item, {"notes": "乙站备注"})
    sync(a, b), sync(b, a)
    assert state(a) == state(b)
    row = a["item"].get(item)
    assert (row["spec"], row["notes"]) == ("N95", "乙站备注")


def test_concurrent_edits_of_one_field_converge_on_the_later_stamp(pair):
    a, b = pair
    with write(a, ALICE) as w:
        item = w.insert("item", {"code": "PPE-1", "name": "口罩"})
    sync(a, b)
    with write(a, ALICE) as w:
        w.update("item", item, {"spec": "甲"})
    with write(b, BOB) as w:
        w.update("item", item, {"spec": "乙"})
    edits = [op for op in own_ops(a) + own_ops(b) if "spec" in op.payload]
    winner = max(edits, key=lambda op: op.stamp)
    sync(a, b), sync(b, a)
    assert a["item"].get(item)["spec"] == b["item"].get(item)["spec"] == winner.payload["spec"]


def test_an_op_whose_predecessor_is_missing_waits(pair):
    a, b = pair
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "桶"})
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "罐装"})
    first, second = oplog.ops_since(a, oplog.vector(b))
    result = apply_ops(b, [second])
    assert result.applied == 0 and result.deferred == [second]
    assert apply_ops(b, [first, second]).applied == 2
    assert state(a) == state(b)


def test_an_altered_op_is_refused_and_nothing_is_applied(pair):
    a, b = pair
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "桶"})
        w.insert("unit", {"name": "罐装"})
    good, bad = oplog.ops_since(a, oplog.vector(b))
    forged = replace(bad, payload={"name": "伪造"})
    before = state(b)
    with pytest.raises(BioError, match="哈希链"):
        apply_ops(b, [good, forged])
    assert state(b) == before


def test_a_different_op_under_a_known_number_is_refused(pair):
    a, b = pair
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "桶"})
    [op] = oplog.ops_since(a, oplog.vector(b))
    apply_ops(b, [op])
    forged = replace(op, hash="0" * 64)
    with pytest.raises(BioError, match="篡改"):
        apply_ops(b, [forged])


def test_merging_moves_the_receivers_clock_past_every_stamp(pair):
    a, b = pair
    a.conn.wall_clock = lambda: wall_ms() + 200 * DAY  # a station whose clock runs far ahead
    with write(a, ALICE) as w:
        unit = w.insert("unit", {"name": "桶"})
    sync(a, b)
    with write(b, BOB) as w:
        w.update("unit", unit, {"name_en": "barrel"})
    sync(b, a)
    assert a["unit"].get(unit)["name_en"] == "barrel"  # b's later edit wins despite a's clock


def test_a_stamp_more_than_a_year_ahead_is_refused_and_nothing_is_applied(pair):
    """Such a stamp (2^63 - 1 froze a row: every later edit overflowed) is no clock's."""
    a, b = pair
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "桶"})
    a.conn.wall_clock = lambda: wall_ms() + 400 * DAY
    with write(a, ALICE) as w:
        w.insert("unit", {"name": "罐"})
    before = oplog.vector(b)
    with pytest.raises(BioError, match="超前一年以上"):
        sync(a, b)
    assert oplog.vector(b) == before


def test_delete_and_concurrent_edit_converge(pair):
    a, b = pair
    with write(a, ALICE) as w:
        unit = w.insert("unit", {"name": "桶"})
    sync(a, b)
    with write(a, ALICE) as w:
        w.delete("unit", unit)
    with write(b, BOB) as w:
        w.update("unit", unit, {"name_en": "barrel"})
    ops_a = list(oplog.ops_since(a, oplog.vector(b)))
    ops_b = list(oplog.ops_since(b, oplog.vector(a)))
    random.Random(1).shuffle(ops_a)
    apply_ops(b, ops_a), apply_ops(a, ops_b)
    assert state(a) == state(b)
    assert a["unit"].get(unit)["deleted"] == 1


def test_a_dispatch_outranks_a_cancel_made_meanwhile(pair):
    """An order dispatched at one station and cancelled at another before either heard of
    the other: the goods have left, so it is dispatched everywhere (and can be received);
    a cancel only wins over a draft, a submission or an approval."""
    from desktop.core import orders
    from tests.helpers.stations import stock_up

    a, b = pair
    clerk = Ctx("os:clerk")
    stock_up(a, "A")
    made = orders.create(a, clerk, "AK", "AY", [("A-KZ", 30)])
    for step in (orders.submit, lambda db, ctx, n: orders.approve(db, ctx, n, approver="张局长")):
        step(a, clerk, made["number"])
    sync(a, b)
    orders.dispatch(a, clerk, made["number"], vehicle="湘D12345", driver="李师傅",
                    driver_phone="13900000001")  # fmt: skip
    orders.cancel(b, clerk, made["number"], reason="改由县库供应")
    sync(a, b)
    sync(b, a)
    for db in (a, b):
        assert orders.detail(db, made["number"])["status"] == "dispatched"
        assert check.run(db) == []
    orders.receive(b, clerk, made["number"])
    sync(b, a)
    assert orders.detail(a, made["number"])["status"] == "received"


def test_an_order_is_printed_with_its_seal_only_at_the_station_that_issued_it(pair, tmp_path):
    """The QR code is the issuing station's seal: another station's print of it reads as
    forged everywhere, so it is refused there, naming the station to print it at."""
    from desktop.core import orders
    from desktop.documents import allocation_order
    from tests.helpers.stations import stock_up

    a, b = pair
    stock_up(a, "A")
    made = orders.create(a, Ctx("os:clerk"), "AK", "AY", [("A-KZ", 30)])
    sync(a, b)
    with pytest.raises(BioError, match="HY-A"):
        allocation_order.render(b, made["number"], tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()
    assert allocation_order.render(a, made["number"], tmp_path / "a.pdf").pages == 1
