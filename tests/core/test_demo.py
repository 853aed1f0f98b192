"""The demo set is realistic and clearly marked."""

from datetime import date, timedelta

from desktop.core import overview
from desktop.core.store import check, info


def test_a_demo_database_says_so(demo_db, fresh_db):
    assert info.is_demo(demo_db) and info.describe(demo_db)["demo"] is True
    assert not info.is_demo(fresh_db) and info.describe(fresh_db)["demo"] is False


def test_demo_depots_cover_city_counties_and_hospitals(demo_db):
    levels = {r[0] for r in demo_db.execute("SELECT DISTINCT level FROM depot")}
    assert {"市级储备库", "县级储备库", "医疗机构"} <= levels
    assert demo_db.execute("SELECT count(DISTINCT division) FROM depot").fetchone()[0] >= 8


def test_about_a_hundred_items_with_specifications_in_every_category(demo_db):
    count = demo_db["item"].count
    assert 90 <= count <= 150
    assert demo_db.execute("SELECT count(*) FROM item WHERE spec = ''").fetchone()[0] == 0
    categories = {r[0] for r in demo_db.execute("SELECT DISTINCT category FROM item")}
    assert categories == {"MED-EQP", "DRUG", "MED-DEV", "PPE", "DISINF", "REAGENT", "OTHER"}


def test_stock_includes_expired_and_near_expiry_lots(demo_db):
    figures = overview.figures(demo_db)
    assert figures["expired_lots"] > 0
    assert figures["near_expiry_lots"] > 0
    soon = (date.today() + timedelta(days=30)).isoformat()
    today = date.today().isoformat()
    within_30 = demo_db.execute(
        "SELECT count(*) FROM lot WHERE expires_on BETWEEN ? AND ?", [today, soon]
    ).fetchone()[0]
    assert within_30 > 0


def test_experts_are_present_and_fictional(demo_db):
    experts = list(demo_db["expert"].rows)
    assert len(experts) >= 5
    assert all("演示" in e["notes"] for e in experts)


def test_the_demo_database_passes_every_check(demo_db):
    assert check.run(demo_db) == []


def test_every_fresh_demo_shows_the_same_figures(demo_db, tmp_path):
    """The demo is made from a fixed seed: what a new user sees on 总览 and in 预警 does not
    change from one fresh demo database to the next (the record ids do)."""
    from desktop.core.setup import initdb

    again = initdb.init_database(tmp_path / "again.db", with_demo=True)
    try:
        held_back = (
            "SELECT i.code, l.batch_no, l.status FROM lot l JOIN item i ON i.id = l.item_id "
            "WHERE l.status != '合格' ORDER BY 1, 2"
        )
        for db in (demo_db, again):
            assert db.execute(held_back).fetchall()
        assert demo_db.execute(held_back).fetchall() == again.execute(held_back).fetchall()
        for shown in (overview.figures, overview.attention):
            assert _without_ids(shown(demo_db)) == _without_ids(shown(again))
    finally:
        again.conn.close()


def _without_ids(value):
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if not k.endswith("id")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value
