"""The fast paths of the alerts — every list but the negative balances a page at a time,
counts without the lists — give what alerts.compute() gives, in content and order."""

from collections import Counter
from datetime import date, timedelta

import pytest

from desktop.core.context import Ctx
from desktop.core.reserves import alerts, catalog, stock
from desktop.core.store.writepath import write
from tests.helpers.stations import new_station

KEEPER = Ctx("os:keeper")
TODAY = date.today()
KEYS = ("lot_id", "depot_id", "item_id")  # the pages' keysets, not part of compute()'s rows


def days(n, today=TODAY):
    return (today + timedelta(days=n)).isoformat()


def strip(rows):
    return [{k: v for k, v in row.items() if k not in KEYS} for row in rows]


def paged(db, kind, today, thresholds, limit):
    rows, after = [], None
    while True:
        page = alerts.page(db, kind, today, thresholds, after=after, limit=limit)
        assert len(page) <= limit
        rows += page
        if len(page) < limit:
            return rows
        after = page[-1]


def assert_same(db, today=None, thresholds=None):
    full = alerts.compute(db, today, thresholds)
    expected = alerts.counts(full)
    assert alerts.count(db, today, thresholds) == expected
    totals = alerts.expiry_counts(db, today, thresholds)
    assert {k: totals[k] for k in ("near_expiry", "expired", "negative")} == {
        k: expected[k] for k in ("near_expiry", "expired", "negative")
    }
    per_bucket = Counter(row["bucket"] for row in full["near_expiry"])
    assert totals["buckets"] == {day: per_bucket[day] for day in full["thresholds"]}
    for kind in alerts.PAGED_KINDS:
        for limit in (1, 3, 7, 200):
            assert strip(paged(db, kind, today, thresholds, limit)) == full[kind], (kind, limit)
    first = alerts.first_pages(db, today, thresholds, limit=5)
    assert first["counts"] == expected
    assert first["thresholds"] == full["thresholds"]
    for kind in alerts.KINDS:
        if kind in alerts.PAGED_KINDS:
            assert strip(first[kind]) == full[kind][:5]
        else:
            assert first[kind] == full[kind]
    return full


@pytest.fixture
def many(fresh_db):
    """Hundreds of stock positions expiring over two years, with ties on the expiry date,
    lots issued to zero, held-back lots and a deleted depot that still holds stock."""
    db = fresh_db
    for code in ("CK2", "CK1", "YY1", "CK3"):
        catalog.save_depot(db, KEEPER, {"code": code, "name": code, "level": "市级储备库"})
    for code, name in (("XD", "含氯消毒片"), ("KZ", "口罩"), ("SJ", "核酸检测试剂盒")):
        catalog.save_item(db, KEEPER, {"code": code, "name": name, "unit": "个", "category": "PPE"})
    depots, items = ("CK1", "CK2", "YY1", "CK3"), ("KZ", "XD", "SJ")
    for n in range(240):
        offset = (n * 37) % 73 * 10 - 400  # -400 … 320 days, many lots on the same day
        depot, item = depots[n % 4], items[n % 3]
        batch = f"B{n % 50:02d}"  # a batch may recur in other depots and items
        if catalog.lot_by_batch(db, catalog.item_by_code(db, item)["id"], batch):
            batch = f"{batch}-{n}"
        stock.receive(db, KEEPER, depot, item, batch, 5 + n % 7, days(offset))
        if n % 5 == 0:  # the same lot held at a second depot too
            stock.receive(db, KEEPER, depots[(n + 1) % 4], item, batch, 3, days(offset))
        if n % 11 == 0:  # issued to zero: listed nowhere
            stock.writeoff(db, KEEPER, depot, item, batch, 5 + n % 7, "损坏")
        if n % 13 == 0:
            catalog.set_lot_status_by_batch(db, KEEPER, item, batch, "冻结")
        if n % 17 == 0:
            catalog.set_lot_status_by_batch(db, KEEPER, item, batch, "待检")
    with write(db, KEEPER) as w:
        w.delete("depot", catalog.depot_by_code(db, "CK3")["id"])
    return db


def test_the_demo_database(demo_db):
    full = assert_same(demo_db)
    assert full["near_expiry"] or full["expired"]
    assert_same(demo_db, TODAY + timedelta(days=200))


@pytest.mark.parametrize(
    "thresholds", [None, (30, 90, 180), (15,), (7, 30), (400,), (1, 2, 3, 4, 5)]
)
def test_many_expiring_lots(many, thresholds):
    full = assert_same(many, TODAY, thresholds)
    assert len(full["expired"]) > 50 and full["near_expiry"]


def test_many_expiring_lots_on_other_days(many):
    for shift in (-365, -30, 1, 45, 400):
        assert_same(many, TODAY + timedelta(days=shift))


def test_what_the_lists_leave_out(many):
    full = alerts.compute(many)
    listed = full["near_expiry"] + full["expired"]
    assert "CK3" not in {row["depot"] for row in listed}  # deleted depot
    assert all(row["qty"] > 0 for row in listed)  # issued to zero
    assert {"冻结", "待检"} <= {row["status"] for row in listed}  # held back: still listed
    dates = [row["expiry"] for row in full["expired"]]
    assert len(dates) > len(set(dates))  # ties on the expiry date, ordered by depot and item


def test_negative_balances_count_as_negative_not_as_expiring(tmp_path):
    """Two stations issue the same expiring lots while apart; after the merge the lots
    are negative at one depot: never near expiry nor expired there."""
    from desktop.core.store import oplog
    from desktop.core.store.merge import apply_ops

    a = new_station(tmp_path / "a.db", "HY-A", "甲")
    b = new_station(tmp_path / "b.db", "HY-B", "乙")
    for code in ("CK1", "CK2"):
        catalog.save_depot(a, KEEPER, {"code": code, "name": code, "level": "市级储备库"})
    catalog.save_item(a, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    for batch, offset in (("SOON", 20), ("GONE", -5), ("FAR", 400), ("NEXT", 60)):
        stock.receive(a, KEEPER, "CK1", "KZ", batch, 10, days(offset))
        stock.receive(a, KEEPER, "CK2", "KZ", batch, 4, days(offset))
    apply_ops(b, list(oplog.ops_since(a, oplog.vector(b))))
    for batch in ("SOON", "GONE", "FAR"):
        stock.writeoff(a, KEEPER, "CK1", "KZ", batch, 10, "损坏")
        stock.writeoff(b, KEEPER, "CK1", "KZ", batch, 10, "损坏")
    apply_ops(a, list(oplog.ops_since(b, oplog.vector(a))))
    full = assert_same(a)
    assert [(r["depot"], r["lot"]) for r in full["negative"]] == [
        ("CK1", "FAR"),
        ("CK1", "GONE"),
        ("CK1", "SOON"),
    ]
    assert [(r["depot"], r["lot"]) for r in full["near_expiry"]] == [
        ("CK2", "SOON"),
        ("CK1", "NEXT"),
        ("CK2", "NEXT"),
    ]
    assert [(r["depot"], r["lot"]) for r in full["expired"]] == [("CK2", "GONE")]
    a.conn.close()
    b.conn.close()


def test_a_page_follows_the_last_row_it_is_given(many):
    full = alerts.compute(many)["expired"]
    first = alerts.expiring_page(many, "expired", limit=10)
    second = alerts.expiring_page(many, "expired", after=first[-1], limit=10)
    assert strip(first + second) == full[:20]
    with pytest.raises(ValueError):
        alerts.expiring_page(many, "below_norm")


@pytest.fixture
def norms_short(fresh_db):
    """Norm lines below their norm and out of stock at several depots (one holding
    nothing), lots expiring soon (the shift of usable stock to a later day) and held-back
    lots."""
    from desktop.core.reserves import norms

    db = fresh_db
    for n, code in enumerate(("CK2", "CK1", "YY1", "CK0")):
        catalog.save_depot(db, KEEPER, {"code": code, "name": f"库{n}", "level": "市级储备库"})
    depots = [row[0] for row in db.execute("SELECT id FROM depot ORDER BY code, id")]
    items = []
    for n in range(12):
        code = f"W{n:02d}"
        catalog.save_item(db, KEEPER, {"code": code, "name": f"物资{n}", "unit": "个"})
        items.append(catalog.item_by_code(db, code)["id"])
    for d, depot_id in enumerate(depots):
        norms.set_norms(db, KEEPER, [(depot_id, item_id, 10 + d) for item_id in items])
    depot_codes = [row[0] for row in db.execute("SELECT code FROM depot ORDER BY code, id")]
    for n in range(40):
        d, i = n % 4, (n * 5) % 12
        if d == 0:
            continue  # CK0 holds nothing: all out of stock
        item = f"W{i:02d}"
        stock.receive(db, KEEPER, depot_codes[d], item, f"L{n}", 1 + n % 3, days(n % 9 * 7))
        if n % 7 == 0:
            catalog.set_lot_status_by_batch(db, KEEPER, item, f"L{n}", "冻结")
    return db


def test_the_norm_lists_page_alike(norms_short):
    full = assert_same(norms_short)
    assert len(full["below_norm"]) > 7 and len(full["out_of_stock"]) > 7
    assert [row["depot"] for row in full["out_of_stock"]].count("CK0") == 12
    for shift in (1, 20, 60):  # usable stock shifted to a later day: lots expire
        assert_same(norms_short, TODAY + timedelta(days=shift))


def test_a_norm_page_follows_the_last_row_it_is_given(norms_short):
    full = alerts.compute(norms_short)["out_of_stock"]
    first = alerts.page(norms_short, "out_of_stock", limit=5)
    assert {"depot_id", "item_id"} <= set(first[0])
    second = alerts.page(norms_short, "out_of_stock", after=first[-1], limit=5)
    assert strip(first + second) == full[:10]
    with pytest.raises(ValueError):
        alerts.norm_page(norms_short, "negative")
