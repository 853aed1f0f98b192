"""The usable stock per depot × item (usable_stock, kept by triggers) gives exactly the norm
lines, compliance and norm alerts of the computation it replaced, which summed the balances
of every norm line's lots at query time."""

import random
from datetime import date, timedelta

import pytest

from desktop.core.context import Ctx
from desktop.core.reserves import alerts, catalog, norms, stock
from desktop.core.store import check, derived
from desktop.core.store.writepath import write

KEEPER = Ctx("os:keeper")
TODAY = date.today()

# The computation before usable_stock (schema 6), kept here as the reference.
OLD_NORM_LINES = """
WITH unusable_lots AS (
    SELECT id FROM lot WHERE expires_on < :today
    UNION
    SELECT id FROM lot WHERE status != '合格'
), unusable AS (
    SELECT b.depot_id, b.item_id, sum(b.qty) AS qty
    FROM unusable_lots u JOIN stock_balance b ON b.lot_id = u.id
    WHERE b.qty > 0
    GROUP BY b.depot_id, b.item_id
)
SELECT n.depot_id, d.code AS depot, d.name AS depot_name, n.item_id, i.code AS item,
       i.name AS item_name, i.unit, i.category, n.qty AS norm,
       max(coalesce(s.qty, 0) - coalesce(x.qty, 0), 0) AS have
FROM norm n
JOIN depot d ON d.id = n.depot_id AND d.deleted = 0
JOIN item i ON i.id = n.item_id AND i.deleted = 0
LEFT JOIN item_stock s ON s.depot_id = n.depot_id AND s.item_id = n.item_id
LEFT JOIN unusable x ON x.depot_id = n.depot_id AND x.item_id = n.item_id
WHERE n.deleted = 0 AND n.qty > 0
ORDER BY d.code, i.code
"""


def old_lines(db, today):
    return list(db.query(OLD_NORM_LINES, {"today": today.isoformat()}))


def old_rate(group):
    met = sum(1 for line in group if line["have"] >= line["norm"])
    ratio = sum(min(line["have"] / line["norm"], 1.0) for line in group)
    return {
        "lines": len(group),
        "met": met,
        "percent": round(100 * ratio / len(group), 1) if group else None,
    }


def old_compliance(db, today):
    all_lines = old_lines(db, today)
    names = dict(
        db.execute("SELECT code, name FROM category WHERE scheme = 'practical' AND deleted = 0")
    )
    by_depot, by_category = {}, {}
    for line in all_lines:
        by_depot.setdefault((line["depot"], line["depot_name"]), []).append(line)
        by_category.setdefault(line["category"], []).append(line)
    return {
        "city": old_rate(all_lines),
        "depots": [
            {"depot": code, "name": name, **old_rate(group)}
            for (code, name), group in sorted(by_depot.items())
        ],
        "categories": [
            {"category": code, "name": names.get(code, code), **old_rate(group)}
            for code, group in sorted(by_category.items(), key=lambda kv: kv[0] or "")
        ],
    }


def old_norm_alerts(db, today):
    lines = old_lines(db, today)
    view = ("depot", "depot_name", "item", "item_name", "unit", "norm", "have")
    below = [
        {**{k: line[k] for k in view}, "short": line["norm"] - line["have"]}
        for line in lines
        if 0 < line["have"] < line["norm"]
    ]
    out = [
        {**{k: line[k] for k in view}, "short": line["norm"]} for line in lines if line["have"] <= 0
    ]
    return below, out


DAYS = (-400, -30, -1, 0, 1, 45, 400)


def rounded_alike(new, old) -> bool:
    """Equal, but a percent may differ by the last digit: the kept sums count each line's
    share in whole parts of 10^-12 (truncated), the reference in floats, so a figure that
    lands exactly on x.x5 may round either way."""
    if isinstance(new, dict) and isinstance(old, dict):
        return new.keys() == old.keys() and all(
            abs(new[k] - old[k]) <= 0.1 + 1e-9 if k == "percent" and None not in (new[k], old[k])
            else rounded_alike(new[k], old[k])
            for k in new
        )  # fmt: skip
    if isinstance(new, list) and isinstance(old, list):
        return len(new) == len(old) and all(map(rounded_alike, new, old))
    return new == old


def assert_same_as_before(db):
    for offset in DAYS:
        day = TODAY + timedelta(offset)
        assert norms.lines(db, day) == old_lines(db, day), offset
        found, expected = norms.compliance(db, day), old_compliance(db, day)
        assert rounded_alike(found, expected), (offset, found, expected)
        found = alerts.compute(db, day)
        assert (found["below_norm"], found["out_of_stock"]) == old_norm_alerts(db, day), offset
        assert alerts.count(db, day) == alerts.counts(found), offset
    # The real today last: it moves the kept day on, and must still agree.
    assert norms.lines(db) == old_lines(db, TODAY)
    assert derived.usable_day(db) == TODAY.isoformat()
    assert [p for p in check.run(db) if p.kind in ("derived", "balance")] == []


def test_the_demo_data_give_the_same_lines_compliance_and_alerts(demo_db):
    assert old_lines(demo_db, TODAY)  # the demo has norms to compare
    assert_same_as_before(demo_db)


def test_a_day_far_from_the_kept_one_is_corrected_not_stored(demo_db):
    norms.lines(demo_db)
    kept = derived.usable_day(demo_db)
    later = TODAY + timedelta(900)
    assert norms.lines(demo_db, later) == old_lines(demo_db, later)
    assert derived.usable_day(demo_db) == kept  # only the real today moves it


def random_station(db, rng: random.Random) -> None:
    """Depots, items, lots (expired, near, far, without expiry; some held back; some
    recorded after their movements, as a merge may), movements (negative balances too),
    norms, deleted depots, items and norms, and later changes of lot status and expiry."""
    depots = [f"D{n}" for n in range(4)]
    items = [f"I{n}" for n in range(6)]
    for code in depots:
        catalog.save_depot(db, KEEPER, {"code": code, "name": f"库{code}", "level": "市级储备库"})
    for n, code in enumerate(items):
        catalog.save_item(
            db,
            KEEPER,
            {
                "code": code,
                "name": f"物资{code}",
                "unit": "个",
                "category": ["PPE", "DISINF"][n % 2],
            },
        )
    depot_ids = [catalog.depot_by_code(db, c)["id"] for c in depots]
    item_ids = [catalog.item_by_code(db, c)["id"] for c in items]
    statuses = ["合格"] * 5 + ["待检", "冻结", "报废"]
    lots = []
    with write(db, KEEPER) as w:
        for n in range(30):
            item_id = rng.choice(item_ids)
            expiry = rng.choice(
                [None, *[(TODAY + timedelta(rng.randint(-500, 500))).isoformat() for _ in "abc"]]
            )
            lot = stock.lot_row(item_id, f"L{n}", expiry=expiry)
            lot["status"] = rng.choice(statuses)
            late = rng.random() < 0.3  # movements first, the lot afterwards
            if not late:
                w.insert("lot", lot)
            for _ in range(rng.randint(1, 4)):
                qty = rng.randint(-30, 80)
                if qty:
                    w.insert(
                        "stock_move",
                        stock.move_row("receive", rng.choice(depot_ids), item_id, lot["id"], qty),
                    )
            if late:
                w.insert("lot", lot)
            lots.append(lot["id"])
        for depot_id in depot_ids:
            for item_id in item_ids:
                if rng.random() < 0.7:
                    w.insert(
                        "norm",
                        {
                            "id": norms.norm_id(depot_id, item_id),
                            "depot_id": depot_id,
                            "item_id": item_id,
                            "qty": rng.choice([0, 10, 50, 100, 200]),
                        },
                    )
    # Today's figures are kept now; what follows must keep them in step.
    norms.lines(db)
    with write(db, KEEPER) as w:
        for lot_id in rng.sample(lots, 10):
            w.update("lot", lot_id, {"status": rng.choice(statuses)})
        for lot_id in rng.sample(lots, 6):
            expiry = rng.choice([None, (TODAY + timedelta(rng.randint(-60, 60))).isoformat()])
            w.update("lot", lot_id, {"expires_on": expiry})
        for lot_id in rng.sample(lots, 8):
            row = db.execute(
                "SELECT depot_id, item_id FROM stock_balance WHERE lot_id = ? LIMIT 1", [lot_id]
            ).fetchone()
            if row:
                w.insert("stock_move", stock.move_row("issue", *row, lot_id, -rng.randint(1, 90)))
        w.delete("depot", rng.choice(depot_ids))
        w.delete("item", rng.choice(item_ids))
        for row in db.execute("SELECT id FROM norm ORDER BY id").fetchall()[:3]:
            w.delete("norm", row[0])


@pytest.mark.parametrize("seed", range(12))
def test_random_stations_give_the_same_lines_compliance_and_alerts(fresh_db, seed):
    rng = random.Random(seed)
    random_station(fresh_db, rng)
    assert_same_as_before(fresh_db)
    # Moving the kept day back and forth keeps the figures exact.
    for offset in (-100, 37, -3):
        derived.advance_usable_day(fresh_db, (TODAY + timedelta(offset)).isoformat())
        assert [p for p in check.run(fresh_db) if p.kind == "derived"] == []
        assert_same_as_before(fresh_db)


def test_check_reports_and_rebuild_recomputes_usable_stock(demo_db):
    norms.lines(demo_db)
    depot_id, item_id = demo_db.execute(
        "SELECT depot_id, item_id FROM usable_stock LIMIT 1"
    ).fetchone()
    demo_db.execute(
        "UPDATE usable_stock SET qty = qty + 7 WHERE depot_id = ? AND item_id = ?",
        [depot_id, item_id],
    )
    problems = [p for p in check.run(demo_db) if p.kind == "derived"]
    assert len(problems) == 1 and item_id in problems[0].message
    check.rebuild(demo_db)
    assert [p for p in check.run(demo_db) if p.kind == "derived"] == []
    assert norms.lines(demo_db) == old_lines(demo_db, TODAY)


def test_a_missing_usable_stock_row_is_reported(demo_db):
    depot_id, item_id = demo_db.execute(
        "SELECT depot_id, item_id FROM usable_stock LIMIT 1"
    ).fetchone()
    demo_db.execute(
        "DELETE FROM usable_stock WHERE depot_id = ? AND item_id = ?", [depot_id, item_id]
    )
    assert any(item_id in p.message for p in check.run(demo_db) if p.kind == "derived")
    check.rebuild(demo_db)
    assert [p for p in check.run(demo_db) if p.kind == "derived"] == []


def test_a_lot_held_back_or_released_moves_its_stock_at_once(fresh_db):
    catalog.save_depot(fresh_db, KEEPER, {"code": "CK1", "name": "CK1", "level": "市级储备库"})
    catalog.save_item(
        fresh_db, KEEPER, {"code": "KZ", "name": "口罩", "unit": "个", "category": "PPE"}
    )
    stock.receive(fresh_db, KEEPER, "CK1", "KZ", "B1", 60, (TODAY + timedelta(300)).isoformat())
    stock.receive(fresh_db, KEEPER, "CK1", "KZ", "B2", 40, (TODAY + timedelta(300)).isoformat())
    norms.set_norm(fresh_db, KEEPER, "CK1", "KZ", 100)
    assert [line["have"] for line in norms.lines(fresh_db)] == [100]
    catalog.set_lot_status_by_batch(fresh_db, KEEPER, "KZ", "B2", "冻结")
    assert [line["have"] for line in norms.lines(fresh_db)] == [60]
    assert [a["short"] for a in alerts.compute(fresh_db)["below_norm"]] == [40]
    catalog.set_lot_status_by_batch(fresh_db, KEEPER, "KZ", "B2", "合格")
    assert [line["have"] for line in norms.lines(fresh_db)] == [100]
    assert alerts.compute(fresh_db)["below_norm"] == []
