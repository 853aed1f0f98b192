"""The aggregates behind 总览, the alert counts and compliance (store/figures.py, migration
0019) give the figures the queries over the facts gave before: the old SQL is kept here as
the reference and compared on generated data after every kind of change, for several days."""

import random
from datetime import date, timedelta

import pytest

from desktop.core import overview
from desktop.core.context import Ctx
from desktop.core.reserves import alerts, norms, stock
from desktop.core.store import check, figures
from desktop.core.store.writepath import write

KEEPER = Ctx("os:keeper")
TODAY = date.today()
DAYS = [TODAY, TODAY + timedelta(200), TODAY - timedelta(120)]

# ---------------------------------------------------------------- the old queries (reference)

OLD_DEPOT_SUMMARY = """
SELECT d.id, d.code, d.name, d.level,
       count(DISTINCT b.item_id) AS items,
       coalesce(sum(b.qty), 0) AS units,
       coalesce(sum(CASE WHEN l.expires_on < :today THEN 1 ELSE 0 END), 0) AS expired,
       coalesce(sum(CASE WHEN l.expires_on >= :today AND l.expires_on <= :near
                         THEN 1 ELSE 0 END), 0) AS near
FROM depot d
LEFT JOIN stock_balance b ON b.depot_id = d.id AND b.qty > 0
LEFT JOIN lot l ON l.id = b.lot_id
WHERE d.deleted = 0
GROUP BY d.id
ORDER BY CASE d.level WHEN '市级储备库' THEN 0 WHEN '医疗机构' THEN 1
                   WHEN '协议储备' THEN 2 ELSE 3 END, d.code
"""
OLD_EXPIRING_BY_MONTH = """
SELECT substr(l.expires_on, 1, 7) AS month, count(*) AS lots
FROM lot l
JOIN stock_balance b ON b.lot_id = l.id AND b.qty > 0
JOIN depot d ON d.id = b.depot_id AND d.deleted = 0
WHERE l.expires_on >= :since AND l.expires_on < :until
GROUP BY month
"""


def old_figures(db, today):
    near = (today + timedelta(overview.NEAR_EXPIRY_DAYS)).isoformat()
    rows = [
        dict(zip(overview.DEPOT_FIELDS, row, strict=True))
        for row in db.execute(OLD_DEPOT_SUMMARY, {"today": today.isoformat(), "near": near})
    ]
    lots = db.execute("SELECT count(DISTINCT lot_id) FROM stock_balance WHERE qty > 0")
    return rows, lots.fetchone()[0]


def old_timeline(db, today, months=12):
    until = overview._add_months(today, months).isoformat()
    found = {
        row["month"]: row
        for row in db.query(OLD_EXPIRING_BY_MONTH, {"since": today.isoformat(), "until": until})
    }
    expired = next(
        db.query(
            OLD_EXPIRING_BY_MONTH.replace("GROUP BY month", ""),
            {"since": "0000-01-01", "until": today.isoformat()},
        )
    )
    out = []
    for n in range(months):
        month = overview._add_months(today, n).isoformat()[:7]
        row = found.get(month) or {}
        out.append({"month": month, "lots": row.get("lots", 0)})
    return {"expired": {"lots": expired["lots"]}, "months": out}


def old_lines(db, today):
    sql = norms.NORM_LINES.format(columns=norms.LINE_COLUMNS, where="")
    return list(db.query(sql, norms.shift_params(db, today)))


def old_compliance(db, today):
    def rate(met, ratios):
        ratio = sum(ratios)
        return {
            "lines": len(ratios),
            "met": met,
            "percent": round(100 * ratio / len(ratios), 1) if ratios else None,
        }

    names = dict(db.execute("SELECT code, name FROM category WHERE scheme = 'practical'"))
    city: list = [0, []]
    by_depot: dict = {}
    by_category: dict = {}
    for line in old_lines(db, today):
        ratio = min(line["have"] / line["norm"], 1.0)
        for group in (
            city,
            by_depot.setdefault((line["depot"], line["depot_name"]), [0, []]),
            by_category.setdefault(line["category"], [0, []]),
        ):
            group[0] += line["have"] >= line["norm"]
            group[1].append(ratio)
    return {
        "city": rate(*city),
        "depots": [
            {"depot": code, "name": name, **rate(*group)}
            for (code, name), group in sorted(by_depot.items())
        ],
        "categories": [
            {"category": code, "name": names.get(code, code), **rate(*group)}
            for code, group in sorted(by_category.items(), key=lambda kv: kv[0] or "")
        ],
    }


def old_counts(db, today):
    lines = old_lines(db, today)
    listed = alerts.compute(db, today)  # the expiry lists still come from the facts
    return {
        "below_norm": sum(1 for x in lines if 0 < x["have"] < x["norm"]),
        "out_of_stock": sum(1 for x in lines if x["have"] <= 0),
        "near_expiry": len(listed["near_expiry"]),
        "expired": len(listed["expired"]),
        "negative": len(listed["negative"]),
    }


def assert_same(db):
    assert figures.differences(db) == []
    for today in DAYS:
        rows, lots = old_figures(db, today)
        new = overview.figures(db, today)
        assert new["depot_rows"] == rows
        assert new["lots_in_stock"] == lots
        assert overview.expiry_timeline(db, today) == old_timeline(db, today)
        assert norms.compliance(db, today) == old_compliance(db, today)
        assert alerts.count(db, today) == old_counts(db, today)
        short = [x for x in old_lines(db, today) if x["have"] < x["norm"]]
        assert norms.lines(db, today, short=True) == short


# ---------------------------------------------------------------- changes of every kind


def churn(db, rng: random.Random, rounds: int = 60) -> None:
    """Movements (receipts of new and old lots, issues to zero and below), lot status and
    expiry edits, norm edits, an item recategorised and deleted, a depot deleted."""
    depots = [r[0] for r in db.execute("SELECT id FROM depot WHERE deleted = 0 ORDER BY code")]
    items = [r[0] for r in db.execute("SELECT id FROM item WHERE deleted = 0 ORDER BY code")]
    balances = db.execute("SELECT depot_id, item_id, lot_id, qty FROM stock_balance").fetchall()
    for n in range(rounds):
        with write(db, KEEPER) as w:
            depot_id, item_id, lot_id, qty = rng.choice(balances)
            choice = n % 6
            if choice == 0:  # a new lot, perhaps expired or expiring soon
                expiry = (TODAY + timedelta(rng.randint(-300, 400))).isoformat()
                lot = w.insert("lot", stock.lot_row(item_id, f"FIG{n}", "厂", None, expiry))
                w.insert("stock_move", stock.move_row("receive", depot_id, item_id, lot, 50))
            elif choice == 1:  # issue to zero, or beyond (a merge's negative balance)
                held = db.execute(
                    "SELECT qty FROM stock_balance WHERE depot_id = ? AND lot_id = ?",
                    [depot_id, lot_id],
                ).fetchone()[0]
                out = held + rng.choice([0, 0, 7])
                w.insert("stock_move", stock.move_row("issue", depot_id, item_id, lot_id, -out))
            elif choice == 2:  # back above zero
                w.insert("stock_move", stock.move_row("count", depot_id, item_id, lot_id, 30))
            elif choice == 3:  # the lot's status or expiry changes
                change = rng.choice(
                    [
                        {"status": rng.choice(["待检", "冻结", "合格"])},
                        {"expires_on": (TODAY + timedelta(rng.randint(-60, 120))).isoformat()},
                    ]
                )
                w.update("lot", lot_id, change)
            elif choice == 4:  # a norm set, changed or zeroed
                norm = norms.norm_id(depot_id, item_id)
                qty = rng.choice([0, 10, 500, 10**6])
                if db["norm"].get(norm) is None:
                    w.insert(
                        "norm", {"id": norm, "depot_id": depot_id, "item_id": item_id, "qty": qty}
                    )
                else:
                    w.update("norm", norm, {"qty": qty})
            else:  # a movement of a lot elsewhere
                w.insert(
                    "stock_move",
                    stock.move_row("receive", rng.choice(depots), item_id, lot_id, 20),
                )
    with write(db, KEEPER) as w:
        w.update("item", items[0], {"category": "OTHER"})
        w.update("item", items[1], {"deleted": 1})
        w.update("depot", depots[-1], {"deleted": 1})


@pytest.mark.parametrize("seed", [1, 2])
def test_the_aggregates_give_the_figures_the_facts_gave(demo_db, seed):
    assert_same(demo_db)
    churn(demo_db, random.Random(seed))
    assert_same(demo_db)


def test_check_finds_a_drifted_aggregate_and_rebuild_mends_it(demo_db):
    demo_db.execute(
        "UPDATE depot_stock SET items = items + 1 "
        "WHERE depot_id = (SELECT min(depot_id) FROM depot_stock)"
    )
    demo_db.execute("UPDATE norm_group SET short = short + 1")
    assert {p.kind for p in check.run(demo_db)} == {"derived"}
    check.rebuild(demo_db)
    assert check.run(demo_db) == []
    assert_same(demo_db)


def test_a_merge_that_brings_movements_before_their_lot_keeps_the_figures(demo_db):
    """A lot applied after its balances (merge order) moves them to its expiry day."""
    depot_id, item_id = demo_db.execute("SELECT depot_id, item_id FROM stock_balance").fetchone()
    expiry = (TODAY + timedelta(10)).isoformat()
    with write(demo_db, KEEPER) as w:
        lot = stock.lot_row(item_id, "LATE", "厂", None, expiry)
        w.insert("stock_move", stock.move_row("receive", depot_id, item_id, lot["id"], 5))
        w.insert("lot", lot)
    assert_same(demo_db)
