"""Allocation orders: the lifecycle, each refusal, FEFO across depots, reservations."""

from datetime import date, datetime, timedelta

import pytest

from desktop.core import orders
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.orders import seal as order_seal
from desktop.core.reserves import catalog, ledger, stock
from desktop.core.store import check, oplog
from desktop.core.store.merge import apply_ops
from tests.helpers.stations import new_station

CLERK = Ctx("os:clerk")
TODAY = date.today()


def days(n):
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def db(fresh_db):
    for code, level in (("CK1", "市级储备库"), ("CK2", "县级储备库"), ("YY1", "医疗机构")):
        catalog.save_depot(
            fresh_db,
            CLERK,
            {"code": code, "name": f"{code}库", "level": level, "address": f"{code} 路 1 号"},
        )
    catalog.save_item(
        fresh_db, CLERK, {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "PPE"}
    )
    catalog.save_item(
        fresh_db, CLERK, {"code": "XD", "name": "含氯消毒片", "unit": "瓶", "category": "DISINF"}
    )
    stock.receive(fresh_db, CLERK, "CK1", "KZ", "LATE", 100, days(700))
    stock.receive(fresh_db, CLERK, "CK1", "KZ", "SOON", 30, days(40))
    stock.receive(fresh_db, CLERK, "CK1", "KZ", "OLD", 50, days(-2))  # expired: skipped
    stock.receive(fresh_db, CLERK, "CK2", "KZ", "C2", 500, days(300))
    stock.receive(fresh_db, CLERK, "CK1", "XD", "X1", 20, days(200))
    return fresh_db


def held(db, depot, item="KZ"):
    return sum(r["qty"] for r in ledger.balances(db, depot, item))


def lots(result):
    return [(line["depot"], line["lot"], line["qty"]) for line in result["lines"]]


def test_numbers_embed_the_station_and_day_and_count_up(db):
    first = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 10)])
    second = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 10)])
    stem = f"TB-HY-TEST-{TODAY:%Y%m%d}-"
    assert (first["number"], second["number"]) == (stem + "001", stem + "002")
    assert first["status"] == "draft"


def test_fefo_fills_from_the_earliest_expiry_and_splits_across_lots(db):
    result = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 50)])
    assert lots(result) == [("CK1", "SOON", 30), ("CK1", "LATE", 20)]


def test_a_short_depot_is_completed_from_other_depots(db):
    result = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 200)])
    assert sorted(lots(result)) == [("CK1", "LATE", 100), ("CK1", "SOON", 30), ("CK2", "C2", 70)]
    assert "short" not in result


def test_a_shortfall_everywhere_is_reported_and_blocks_approval(db):
    result = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 1000)])
    assert result["short"] == [{"item": "KZ", "qty": 1000 - 630}]
    orders.submit(db, CLERK, result["number"])
    with pytest.raises(BioError, match="KZ|口罩"):
        orders.approve(db, CLERK, result["number"], "王局长")
    assert orders.get(db, result["number"])["status"] == "submitted"


def test_the_whole_lifecycle_moves_stock_and_books_the_receipt(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 50), ("XD", 5)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    assert held(db, "CK1") == 180  # reserved, not yet moved
    orders.dispatch(db, CLERK, number, "湘D·12345", "李师傅", "13900000001")
    assert held(db, "CK1") == 130 and held(db, "YY1") == 0  # in transit to a depot
    order = orders.detail(db, number)
    assert (order["status"], order["vehicle"], order["driver"]) == (
        "dispatched",
        "湘D·12345",
        "李师傅",
    )
    orders.receive(db, CLERK, number)
    assert held(db, "YY1") == 50 and held(db, "YY1", "XD") == 5
    assert orders.get(db, number)["status"] == "received"
    assert stock.in_transit(db) == []
    assert check.run(db) == []


def test_a_receipt_with_a_difference_needs_its_reason(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 30)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    orders.dispatch(db, CLERK, number)
    [pick] = orders.detail(db, number)["picks"]
    with pytest.raises(BioError):
        orders.receive(db, CLERK, number, {pick["id"]: 28})
    orders.receive(db, CLERK, number, {pick["id"]: 28}, "运输破损 2 只")
    [pick] = orders.detail(db, number)["picks"]
    assert (pick["qty_received"], pick["diff_reason"]) == (28, "运输破损 2 只")
    assert held(db, "YY1") == 28


def test_an_orders_transfer_confirmed_at_the_depot_is_not_booked_again_on_receipt(db):
    """在途 → 确认到货 (`stock arrive`) books the goods in; receiving the order afterwards
    booked them a second time (8 arrived, 18 on the shelf)."""
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 10)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    orders.dispatch(db, CLERK, number)
    [moving] = stock.in_transit(db)
    stock.receive_transfer(db, CLERK, moving["id"], 8, "破损 2 只")
    assert held(db, "YY1") == 8
    orders.receive(db, CLERK, number)
    assert held(db, "YY1") == 8 and orders.get(db, number)["status"] == "received"
    [pick] = orders.detail(db, number)["picks"]
    assert (pick["qty_received"], pick["diff_reason"]) == (8, "破损 2 只")
    assert check.run(db) == []


def test_a_write_off_leaves_an_approved_orders_reservation_whole(db):
    """Reserved stock written off left the approved order unable to dispatch: refused,
    naming the order; what is not reserved may go."""
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 100)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    reserved_lots = {p["lot"]: p["qty"] for p in orders.detail(db, number)["picks"]}
    lot = next(iter(reserved_lots))
    free = stock.balance(
        db,
        catalog.depot_by_code(db, "CK1")["id"],
        catalog.lot_by_batch(db, catalog.item_by_code(db, "KZ")["id"], lot)["id"],
    )
    free -= reserved_lots[lot]  # fmt: skip
    with pytest.raises(BioError, match=number):
        stock.writeoff(db, CLERK, "CK1", "KZ", lot, free + 1, "损坏")
    if free:
        stock.writeoff(db, CLERK, "CK1", "KZ", lot, free, "损坏")
    orders.dispatch(db, CLERK, number)
    assert orders.get(db, number)["status"] == "dispatched"


def test_an_order_to_a_unit_issues_the_stock(db):
    number = orders.create(
        db,
        CLERK,
        "CK1",
        "衡阳市第一人民医院发热门诊",
        [("KZ", 10)],
        to_address="蒸湘区某路",
        to_contact="刘医生",
    )["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    orders.dispatch(db, CLERK, number)
    [move] = [m for m in ledger.ledger_page(db) if m["ref"] == number]
    assert (move["kind"], move["qty"]) == ("issue", -10)
    assert orders.detail(db, number)["to_unit"] == "衡阳市第一人民医院发热门诊"


def test_approval_reserves_stock_against_other_issues(db):
    first = orders.create(db, CLERK, "CK1", "YY1", [("XD", 15)])["number"]
    orders.submit(db, CLERK, first)
    orders.approve(db, CLERK, first, "王局长")
    with pytest.raises(BioError, match="5"):
        stock.issue(db, CLERK, "CK1", "XD", 10)  # only 20 − 15 reserved = 5 available
    second = orders.create(db, CLERK, "CK1", "YY1", [("XD", 10)])
    assert second["short"] == [{"item": "XD", "qty": 5}]
    orders.cancel(db, CLERK, first, "需求取消")
    stock.issue(db, CLERK, "CK1", "XD", 10)  # released by the cancellation


def test_approval_replans_when_the_drafted_lots_are_gone(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 30)])["number"]
    assert lots(orders.summary(db, number)) == [("CK1", "SOON", 30)]
    stock.issue(db, CLERK, "CK1", "KZ", 30, "SOON")
    orders.submit(db, CLERK, number)
    assert lots(orders.approve(db, CLERK, number, "王局长")) == [("CK1", "LATE", 30)]


STEPS = {
    "submit": lambda db, n: orders.submit(db, CLERK, n),
    "approve": lambda db, n: orders.approve(db, CLERK, n, "王局长"),
    "dispatch": lambda db, n: orders.dispatch(db, CLERK, n),
    "receive": lambda db, n: orders.receive(db, CLERK, n),
}
ALLOWED_FROM = {
    "submit": "draft",
    "approve": "submitted",
    "dispatch": "approved",
    "receive": "dispatched",
}


@pytest.mark.parametrize("reached", ["draft", "submitted", "approved", "dispatched", "received"])
def test_status_moves_only_one_step_forward(db, reached):
    """From each status, every step but the next one is refused and changes nothing."""
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5)])["number"]
    for step in ("submit", "approve", "dispatch", "receive"):
        if orders.get(db, number)["status"] == reached:
            break
        STEPS[step](db, number)
    for step, allowed in ALLOWED_FROM.items():
        if allowed == reached:
            continue
        with pytest.raises(BioError):
            STEPS[step](db, number)
        assert orders.get(db, number)["status"] == reached


def test_cancel_needs_a_reason_and_is_refused_after_dispatch(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5)])["number"]
    with pytest.raises(BioError):
        orders.cancel(db, CLERK, number, "  ")
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    orders.dispatch(db, CLERK, number)
    with pytest.raises(BioError):
        orders.cancel(db, CLERK, number, "太晚了")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"source": "CK1", "destination": "", "items": [("KZ", 1)]}, None),
        ({"source": "CK1", "destination": "CK1", "items": [("KZ", 1)]}, None),
        ({"source": "CK1", "destination": "YY1", "items": []}, None),
        ({"source": "CK1", "destination": "YY1", "items": [("KZ", 0)]}, None),
        ({"source": "CK1", "destination": "YY1", "items": [("NOPE", 1)]}, "NOPE"),
        ({"source": "CK1", "destination": "YY1", "items": [("KZ", 1), ("KZ", 2)]}, "KZ"),
        ({"source": "XX", "destination": "YY1", "items": [("KZ", 1)]}, "XX"),
    ],
)
def test_bad_orders_are_refused_and_nothing_is_written(db, kwargs, message):
    before = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    with pytest.raises(BioError, match=message):
        orders.create(db, CLERK, kwargs["source"], kwargs["destination"], kwargs["items"])
    assert db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_an_oral_order_is_approved_at_once_and_its_paperwork_is_due_in_48_hours(db):
    with pytest.raises(BioError):
        orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5)], oral=True)  # who gave it?
    result = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5)], oral=True, approver="张指挥长")
    assert result["status"] == "approved"
    orders.dispatch(db, CLERK, result["number"])
    [alert] = orders.paperwork_alerts(db)
    assert alert["number"] == result["number"] and not alert["overdue"]
    later = datetime.now().astimezone() + timedelta(hours=49)
    assert orders.paperwork_alerts(db, later)[0]["overdue"]
    orders.complete_paperwork(db, CLERK, result["number"])
    assert orders.paperwork_alerts(db) == []
    done = db.execute("SELECT paperwork_done_at FROM alloc_order").fetchall()
    with pytest.raises(BioError, match="已于|already"):  # done once: its time stays
        orders.complete_paperwork(db, CLERK, result["number"])
    assert db.execute("SELECT paperwork_done_at FROM alloc_order").fetchall() == done


def test_an_oral_order_without_enough_stock_is_refused(db):
    with pytest.raises(BioError):
        orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5000)], oral=True, approver="张指挥长")


def test_the_seal_verifies_offline_and_detects_changes(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 50)])["number"]
    text = order_seal.payload(db, orders.detail(db, number))
    assert order_seal.verify(db, text).valid
    head, digest, origin, signature = text.rsplit("|", 3)
    forged = "|".join([head, digest[:-1] + ("A" if digest[-1] != "A" else "B"), origin, signature])
    assert not order_seal.verify(db, forged).valid
    assert not order_seal.verify(db, "hello").valid


def test_a_station_that_does_not_know_the_order_checks_only_the_signature(db, tmp_path):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 50)])["number"]
    text = order_seal.payload(db, orders.detail(db, number))
    other = new_station(tmp_path / "other.db", "HY-OTHER", "乙站")
    verdict = order_seal.verify(other, text)
    assert not verdict.valid and ("信任" in verdict.message or "trust" in verdict.message)


def test_order_status_merges_to_the_furthest_state(db, tmp_path):
    """The owner dispatches; the receiving station books the receipt; a stale copy of an
    earlier status arriving later never moves the order back."""
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 5)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    orders.dispatch(db, CLERK, number)
    receiver = new_station(tmp_path / "r.db", "HY-R", "接收站")
    apply_ops(receiver, list(oplog.ops_since(db, oplog.vector(receiver))))
    orders.receive(receiver, CLERK, number)
    order_id = orders.get(db, number)["id"]
    stale = oplog.Op(
        "ffffffffffffffff",
        1,
        10**15,
        "os:late",
        "update",
        "alloc_order",
        order_id,
        {"status": "approved"},
    ).chained("")
    apply_ops(db, [stale])  # a much later stamp, but an earlier state
    apply_ops(db, list(oplog.ops_since(receiver, oplog.vector(db))))
    assert orders.get(db, number)["status"] == "received"
    assert check.run(db) == []


@pytest.mark.parametrize(
    "field, value, said",
    [
        ("requesting_unit", "医" * 101, "100"),
        ("to_contact", "张三\n李四", r"U\+000A"),
        ("to_phone", "abc", "abc"),
        ("to_address", "路" * 501, "500"),
        ("notes", "备注\x1b", r"U\+001B"),
        ("to_contact", "张三\u202e四李", r"U\+202E"),  # a right-to-left override
    ],
)
def test_an_orders_texts_are_checked_as_other_records_are(db, field, value, said):
    """Length, control characters and phone numbers, each refusal naming the field; nothing
    is written."""
    before = db.execute("SELECT count(*) FROM alloc_order").fetchone()[0]
    with pytest.raises(BioError, match=said):
        orders.create(db, CLERK, "CK1", "某医院", [("KZ", 1)], **{field: value})
    assert db.execute("SELECT count(*) FROM alloc_order").fetchone()[0] == before
    with pytest.raises(BioError, match="100"):
        orders.create(db, CLERK, "CK1", "医" * 101, [("KZ", 1)])


def test_a_dispatchs_driver_phone_is_a_phone_number(db):
    number = orders.create(db, CLERK, "CK1", "YY1", [("KZ", 10)])["number"]
    orders.submit(db, CLERK, number)
    orders.approve(db, CLERK, number, "王局长")
    with pytest.raises(BioError, match="123"):
        orders.dispatch(db, CLERK, number, "湘D·12345", "李师傅", "123")
    assert orders.dispatch(db, CLERK, number, "湘D·12345", "李师傅", "139 0000 0001")


def test_listing_the_orders_of_an_unknown_incident_is_refused_not_empty(db):
    with pytest.raises(BioError, match="NOPE"):
        orders.listing(db, incident="NOPE")
