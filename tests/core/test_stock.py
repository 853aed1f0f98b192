"""The stock ledger's rules, on every path through the core."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, ledger, stock
from desktop.core.store import check
from tests.helpers.stations import new_station

KEEPER = Ctx("os:keeper")
TODAY = date(2026, 11, 29)
SOON = (TODAY + timedelta(days=40)).isoformat()
LATER = (TODAY + timedelta(days=400)).isoformat()
PAST = (TODAY - timedelta(days=3)).isoformat()


@pytest.fixture
def db(fresh_db):
    """Two depots and three items of a fresh station."""
    catalog.save_depot(
        fresh_db,
        KEEPER,
        {"code": "CK1", "name": "市级库", "level": "市级储备库", "division": "430400"},
    )
    catalog.save_depot(
        fresh_db,
        KEEPER,
        {"code": "YY1", "name": "医院库", "level": "医疗机构", "division": "430407"},
    )
    catalog.save_item(
        fresh_db,
        KEEPER,
        {
            "code": "KZ",
            "name": "医用防护口罩",
            "unit": "只",
            "category": "防护用品",
            "shelf_life": True,
        },
    )
    catalog.save_item(
        fresh_db,
        KEEPER,
        {
            "code": "HXJ",
            "name": "呼吸机",
            "unit": "台",
            "category": "医疗设备",
            "shelf_life": False,
        },
    )
    return fresh_db


def held(db, depot="CK1", item="KZ"):
    return sum(r["qty"] for r in ledger.balances(db, depot, item))


def test_receive_creates_the_lot_and_the_balance(db):
    done = stock.receive(db, KEEPER, "CK1", "KZ", "B1", 100, LATER, source="捐赠")
    assert done["qty"] == 100 and held(db) == 100
    lot = catalog.lot_by_batch(db, catalog.item_by_code(db, "KZ")["id"], "B1")
    assert lot["expires_on"] == LATER and lot["status"] == "合格"
    [move] = ledger.ledger_page(db)
    assert (move["kind"], move["reason"], move["qty"]) == ("receive", "捐赠", 100)


def test_a_second_receipt_of_the_same_batch_adds_to_the_same_lot(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 100, LATER)
    stock.receive(db, KEEPER, "YY1", "KZ", "B1", 50)  # expiry known from the lot
    assert db["lot"].count == 1 and held(db, "YY1") == 50


@pytest.mark.parametrize(
    "args, message",
    [
        (("CK1", "KZ", "B1", 10, None), "expiry"),  # shelf-life item needs an expiry
        (("CK1", "KZ", "B1", 0, LATER), "zero"),
        (("CK1", "KZ", "B1", -5, LATER), "zero"),
        (("CK1", "KZ", "B1", "十", LATER), "whole"),
        (("CK1", "KZ", "B1", 2.5, LATER), "whole"),
        (("CK1", "KZ", "", 10, LATER), "batch"),
        (("CK1", "KZ", "B1", 10, "2026-13-01"), "date"),
        (("XX9", "KZ", "B1", 10, LATER), "XX9"),
        (("CK1", "NOPE", "B1", 10, LATER), "NOPE"),
    ],
)
def test_bad_receipts_are_refused_and_change_nothing(db, args, message):
    from desktop.core import i18n

    i18n.set_language("en")
    try:
        before = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
        with pytest.raises(BioError, match=message):
            stock.receive(db, KEEPER, *args)
        assert db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before
    finally:
        i18n.set_language("zh_CN")


def test_a_receipt_with_another_expiry_for_a_known_batch_is_refused(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, LATER)
    with pytest.raises(BioError, match=LATER):
        stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, SOON)


def test_dates_are_read_in_the_usual_chinese_forms(db):
    year = date.today().year + 2  # 1 March of that year: in the future, not near expiry
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, f"{year}/3/1")
    stock.receive(db, KEEPER, "CK1", "KZ", "B2", 10, date(year, 3, 2))
    expiries = sorted(r["expires_on"] for r in db["lot"].rows)
    assert expiries == [f"{year}-03-01", f"{year}-03-02"]


def test_expired_stock_can_be_received_but_not_issued(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "OLD", 10, PAST)
    with pytest.raises(BioError, match="过期|expired"):
        stock.issue(db, KEEPER, "CK1", "KZ", 1, "OLD", today=TODAY)
    with pytest.raises(BioError):
        stock.issue(db, KEEPER, "CK1", "KZ", 1, today=TODAY)  # FEFO skips it: nothing usable
    assert held(db) == 10


def test_issue_without_a_lot_takes_the_earliest_expiry_first(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "LATE", 100, LATER)
    stock.receive(db, KEEPER, "CK1", "KZ", "SOON", 30, SOON)
    stock.receive(db, KEEPER, "CK1", "KZ", "OLD", 50, PAST)
    picks = stock.issue(db, KEEPER, "CK1", "KZ", 50, today=TODAY)
    assert [(p.batch_no, p.qty) for p in picks] == [("SOON", 30), ("LATE", 20)]
    assert held(db) == 180 - 50


@pytest.mark.parametrize("status", ["待检", "冻结", "报废"])
def test_quarantined_frozen_and_scrapped_lots_cannot_be_issued(db, status):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, LATER)
    lot = catalog.lot_by_batch(db, catalog.item_by_code(db, "KZ")["id"], "B1")
    catalog.set_lot_status(db, KEEPER, lot["id"], status)
    with pytest.raises(BioError, match=status):
        stock.issue(db, KEEPER, "CK1", "KZ", 1, "B1", today=TODAY)
    with pytest.raises(BioError):
        stock.issue(db, KEEPER, "CK1", "KZ", 1, today=TODAY)
    assert held(db) == 10


def test_issuing_more_than_is_held_is_refused(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, LATER)
    with pytest.raises(BioError, match="10"):
        stock.issue(db, KEEPER, "CK1", "KZ", 11, "B1", today=TODAY)
    with pytest.raises(BioError, match="10"):
        stock.issue(db, KEEPER, "CK1", "KZ", 11, today=TODAY)
    assert held(db) == 10


def test_items_without_shelf_life_need_no_expiry_and_are_issued(db):
    stock.receive(db, KEEPER, "CK1", "HXJ", "SN-2026-01", 3)
    [pick] = stock.issue(db, KEEPER, "CK1", "HXJ", 2, today=TODAY)
    assert pick.expires_on is None and held(db, item="HXJ") == 1


def test_a_transfer_is_in_transit_until_received_with_its_difference(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 100, LATER)
    [sent] = stock.transfer(db, KEEPER, "CK1", "YY1", "KZ", 40, today=TODAY)
    assert held(db, "CK1") == 60 and held(db, "YY1") == 0
    assert [t["id"] for t in stock.in_transit(db)] == [sent["transfer"]]
    with pytest.raises(BioError):
        stock.receive_transfer(db, KEEPER, sent["transfer"], 38)  # a difference needs a reason
    stock.receive_transfer(db, KEEPER, sent["transfer"], 38, "运输途中破损 2 只")
    assert held(db, "YY1") == 38 and stock.in_transit(db) == []
    row = db["transfer"].get(sent["transfer"])
    assert (row["status"], row["qty_received"], row["reason"]) == (
        "received",
        38,
        "运输途中破损 2 只",
    )
    with pytest.raises(BioError):
        stock.receive_transfer(db, KEEPER, sent["transfer"])  # only once


def test_a_transfer_needs_two_depots_and_usable_stock(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 10, LATER)
    with pytest.raises(BioError):
        stock.transfer(db, KEEPER, "CK1", "CK1", "KZ", 1, today=TODAY)
    with pytest.raises(BioError):
        stock.transfer(db, KEEPER, "CK1", "YY1", "KZ", 11, today=TODAY)
    assert db["transfer"].count == 0


def test_a_count_books_the_difference_with_a_reason(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 100, LATER)
    done = stock.count(db, KEEPER, "CK1", "KZ", "B1", 97, "月度盘点")
    assert done["difference"] == -3 and held(db) == 97
    [move, _] = ledger.ledger_page(db)
    assert (move["kind"], move["qty"], move["reason"]) == ("count", -3, "月度盘点")
    assert stock.count(db, KEEPER, "CK1", "KZ", "B1", 97)["difference"] == 0
    with pytest.raises(BioError):
        stock.count(db, KEEPER, "CK1", "KZ", "B1", -1)


def test_write_off_takes_expired_stock_out_with_a_reason(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "OLD", 10, PAST)
    with pytest.raises(BioError):
        stock.writeoff(db, KEEPER, "CK1", "KZ", "OLD", 5, "看着不好")
    with pytest.raises(BioError):
        stock.writeoff(db, KEEPER, "CK1", "KZ", "OLD", 11, "过期")
    stock.writeoff(db, KEEPER, "CK1", "KZ", "OLD", 10, "过期")
    assert held(db) == 0


def test_movements_are_facts_and_the_database_stays_consistent(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 100, LATER)
    stock.issue(db, KEEPER, "CK1", "KZ", 10, today=TODAY)
    stock.count(db, KEEPER, "CK1", "KZ", "B1", 80)
    kinds = [m["kind"] for m in ledger.ledger_page(db)]
    assert kinds == ["count", "issue", "receive"]
    assert check.run(db) == []


OPS = st.lists(
    st.tuples(
        st.sampled_from(["receive", "issue", "transfer", "count", "writeoff"]),
        st.sampled_from(["CK1", "YY1"]),
        st.sampled_from(["B1", "B2"]),
        st.integers(-3, 60),
    ),
    max_size=25,
)


def apply(db, kind, depot, batch, qty):
    other = "YY1" if depot == "CK1" else "CK1"
    if kind == "receive":
        stock.receive(db, KEEPER, depot, "KZ", batch, qty, LATER)
    elif kind == "issue":
        stock.issue(db, KEEPER, depot, "KZ", qty, today=TODAY)
    elif kind == "transfer":
        stock.transfer(db, KEEPER, depot, other, "KZ", qty, today=TODAY)
    elif kind == "count":
        stock.count(db, KEEPER, depot, "KZ", batch, qty)
    else:
        stock.writeoff(db, KEEPER, depot, "KZ", batch, qty, "损坏")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_balances_always_equal_the_sum_of_movements(tmp_path_factory, ops):
    """Random sequences (refused ones included) never break balance = sum of movements."""
    db = new_station(tmp_path_factory.mktemp("p") / "p.db", "HY-P", "性质")
    catalog.save_depot(db, KEEPER, {"code": "CK1", "name": "甲", "level": "市级储备库"})
    catalog.save_depot(db, KEEPER, {"code": "YY1", "name": "乙", "level": "医疗机构"})
    catalog.save_item(db, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    for kind, depot, batch, qty in ops:
        try:
            apply(db, kind, depot, batch, qty)
        except BioError:
            pass
    facts = dict(
        ((d, lot), q)
        for d, lot, q in db.execute(
            "SELECT depot_id, lot_id, sum(qty) FROM stock_move GROUP BY depot_id, lot_id"
        )
    )
    kept = dict(
        ((d, lot), q) for d, lot, q in db.execute("SELECT depot_id, lot_id, qty FROM stock_balance")
    )
    assert facts == kept
    assert all(q >= 0 for q in kept.values()), "no path may overdraw a lot at this station"
    assert check.run(db) == []
    db.close()
