"""Reserve norms, compliance, alerts and rotation on hand-made stock."""

from datetime import date, timedelta

import pytest

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import alerts, catalog, norms, rotation, stock
from tests.helpers.stations import new_station

KEEPER = Ctx("os:keeper")
TODAY = date.today()


def days(n):
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def db(fresh_db):
    for code, level in (("CK1", "市级储备库"), ("CK2", "县级储备库"), ("YY1", "医疗机构")):
        catalog.save_depot(fresh_db, KEEPER, {"code": code, "name": code, "level": level})
    for code, name, category in (
        ("KZ", "口罩", "PPE"),
        ("XD", "含氯消毒片", "DISINF"),
        ("SJ", "核酸检测试剂盒", "REAGENT"),
    ):
        catalog.save_item(
            fresh_db, KEEPER, {"code": code, "name": name, "unit": "个", "category": category}
        )
    return fresh_db


def test_compliance_counts_usable_stock_per_line_capped_at_100(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "B1", 200, days(400))  # double the norm
    stock.receive(db, KEEPER, "CK1", "XD", "B2", 50, days(400))  # half the norm
    stock.receive(db, KEEPER, "CK1", "SJ", "B3", 100, days(-1))  # expired: does not count
    norms.set_norm(db, KEEPER, "CK1", "KZ", 100)
    norms.set_norm(db, KEEPER, "CK1", "XD", 100)
    norms.set_norm(db, KEEPER, "CK1", "SJ", 100)
    result = norms.compliance(db)
    assert result["city"] == {"lines": 3, "met": 1, "percent": 50.0}
    [depot] = result["depots"]
    assert depot["depot"] == "CK1" and depot["percent"] == 50.0
    by_category = {c["name"]: c["percent"] for c in result["categories"]}
    assert by_category == {"防护用品": 100.0, "消杀用品": 50.0, "检测试剂": 0.0}


def test_setting_a_norm_twice_edits_one_row(db):
    norms.set_norm(db, KEEPER, "CK1", "KZ", 100)
    norms.set_norm(db, KEEPER, "CK1", "KZ", 120)
    assert [r["qty"] for r in db["norm"].rows] == [120]
    with pytest.raises(BioError):
        norms.set_norm(db, KEEPER, "CK1", "KZ", -1)


def test_alerts_cover_below_norm_out_of_stock_near_expiry_and_expired(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "N20", 10, days(20))
    stock.receive(db, KEEPER, "CK1", "KZ", "N60", 10, days(60))
    stock.receive(db, KEEPER, "CK2", "KZ", "N150", 10, days(150))
    stock.receive(db, KEEPER, "CK2", "XD", "GONE", 5, days(-10))
    stock.receive(db, KEEPER, "CK2", "SJ", "FAR", 5, days(900))
    norms.set_norm(db, KEEPER, "CK1", "KZ", 100)  # 20 of 100: below
    norms.set_norm(db, KEEPER, "CK2", "XD", 10)  # only expired stock: out
    found = alerts.compute(db)
    assert [(a["depot"], a["item"], a["short"]) for a in found["below_norm"]] == [("CK1", "KZ", 80)]
    assert [(a["depot"], a["item"]) for a in found["out_of_stock"]] == [("CK2", "XD")]
    assert [(a["lot"], a["bucket"]) for a in found["near_expiry"]] == [
        ("N20", 30),
        ("N60", 90),
        ("N150", 180),
    ]
    assert [(a["lot"], a["days_left"]) for a in found["expired"]] == [("GONE", -10)]
    assert alerts.counts(found) == {
        "below_norm": 1,
        "out_of_stock": 1,
        "near_expiry": 3,
        "expired": 1,
        "negative": 0,
    }


def test_near_expiry_thresholds_are_a_station_setting(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "N60", 10, days(60))
    assert alerts.thresholds(db) == (30, 90, 180)
    alerts.set_thresholds(db, "15，45")
    assert alerts.thresholds(db) == (15, 45)
    assert alerts.compute(db)["near_expiry"] == []  # 60 days is beyond 45
    for bad in ("", "abc", "0,30", "-5", "1,2,3,4,5,6"):
        with pytest.raises(BioError):
            alerts.set_thresholds(db, bad)


def test_rotation_proposes_the_hospital_that_uses_the_item(db):
    stock.receive(db, KEEPER, "CK1", "KZ", "OLDER", 1000, days(100))
    stock.receive(db, KEEPER, "YY1", "KZ", "H1", 5000, days(700))
    stock.issue(db, KEEPER, "YY1", "KZ", 3650)  # ten a day over the past year
    norms.set_norm(db, KEEPER, "CK1", "KZ", 800)
    [proposal] = rotation.proposals(db)
    assert (proposal["depot"], proposal["lot"], proposal["target"]) == ("CK1", "OLDER", "YY1")
    assert proposal["use_per_day"] == 10.0
    assert proposal["move"] == 1000  # 10 a day × 100 days covers the whole lot
    assert proposal["replacement"] == 800  # without this lot CK1 holds nothing against 800


def test_rotation_shares_a_hospitals_use_across_lots_and_leaves_reservations(db):
    """Three lots each sized on its own sent a hospital more than it can use before they
    expire; reserved stock was proposed though no transfer could take it."""
    from desktop.core import orders

    stock.receive(db, KEEPER, "YY1", "KZ", "H1", 5000, days(700))
    stock.issue(db, KEEPER, "YY1", "KZ", 365)  # one a day over the past year
    stock.receive(db, KEEPER, "CK1", "KZ", "A", 100, days(40))
    stock.receive(db, KEEPER, "CK2", "KZ", "B", 100, days(60))
    stock.receive(db, KEEPER, "CK1", "KZ", "C", 30, days(80))
    by_lot = {p["lot"]: p for p in rotation.proposals(db)}
    assert [by_lot[x]["move"] for x in "ABC"] == [40, 20, 20]  # 80 in 80 days, not 40+60+80
    stock.receive(db, KEEPER, "CK1", "XD", "R", 10, days(30))
    stock.receive(db, KEEPER, "YY1", "XD", "RH", 500, days(700))
    stock.issue(db, KEEPER, "YY1", "XD", 365)
    made = orders.create(db, KEEPER, "CK1", "CK2", [("XD", 10)])
    orders.submit(db, KEEPER, made["number"])
    orders.approve(db, KEEPER, made["number"], "王局长")
    [reserved] = [p for p in rotation.proposals(db) if p["lot"] == "R"]
    assert (reserved["move"], reserved["free"], reserved["unfilled"]) == (0, 0, "reserved")


def test_rotation_without_a_consuming_hospital_names_no_target(db):
    stock.receive(db, KEEPER, "CK2", "XD", "B", 10, days(30))
    [proposal] = rotation.proposals(db)
    assert proposal["target"] is None and proposal["move"] == 0


def test_a_negative_balance_left_by_a_merge_is_an_alert(tmp_path):
    """Two stations issue the same 10 units while offline; after merging, -10 shows."""
    from desktop.core.store import oplog
    from desktop.core.store.merge import apply_ops

    a = new_station(tmp_path / "a.db", "HY-A", "甲")
    b = new_station(tmp_path / "b.db", "HY-B", "乙")
    catalog.save_depot(a, KEEPER, {"code": "CK1", "name": "库", "level": "市级储备库"})
    catalog.save_item(a, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    stock.receive(a, KEEPER, "CK1", "KZ", "B1", 10, days(400))
    apply_ops(b, list(oplog.ops_since(a, oplog.vector(b))))
    stock.issue(a, KEEPER, "CK1", "KZ", 10)
    stock.issue(b, KEEPER, "CK1", "KZ", 10)
    apply_ops(a, list(oplog.ops_since(b, oplog.vector(a))))
    [negative] = alerts.compute(a)["negative"]
    assert (negative["depot"], negative["lot"], negative["qty"]) == ("CK1", "B1", -10)
