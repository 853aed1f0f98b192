"""The figures 总览 shows: what is held where, and what needs attention."""

from datetime import date, timedelta

from desktop.core.store.handle import Database

NEAR_EXPIRY_DAYS = 90

# Per depot from the aggregates kept with the balances (store/figures.py): items held from
# depot_stock; units (positive balances) as item_stock's sum less the negative balances
# (few: an index of their own); expired and near-expiry positions (depot × lot with stock)
# from the days of expiry_stock up to :near.
DEPOT_SUMMARY = """
SELECT d.id, d.code, d.name, d.level, coalesce(s.items, 0) AS items
FROM depot d
LEFT JOIN depot_stock s ON s.depot_id = d.id
WHERE d.deleted = 0
ORDER BY CASE d.level WHEN '市级储备库' THEN 0 WHEN '医疗机构' THEN 1
                   WHEN '协议储备' THEN 2 ELSE 3 END, d.code
"""
DEPOT_UNITS = "SELECT depot_id, sum(qty) FROM item_stock GROUP BY depot_id"
DEPOT_NEGATIVE = "SELECT depot_id, sum(qty) FROM stock_balance WHERE qty < 0 GROUP BY depot_id"
DEPOT_EXPIRY = """
SELECT depot_id, sum(CASE WHEN expires_on < :today THEN positions ELSE 0 END),
       sum(CASE WHEN expires_on >= :today THEN positions ELSE 0 END)
FROM expiry_stock WHERE expires_on <= :near GROUP BY depot_id
"""
DEPOT_FIELDS = ("id", "code", "name", "level", "items", "units", "expired", "near")


def figures(db: Database, today: date | None = None) -> dict:
    """Counts for the overview cards and one summary row per depot."""
    today = today or date.today()
    params = {"today": today.isoformat(), "near": (today + timedelta(NEAR_EXPIRY_DAYS)).isoformat()}
    expiry = {row[0]: row[1:] for row in db.execute(DEPOT_EXPIRY, params)}
    units = dict(db.execute(DEPOT_UNITS).fetchall())
    for depot_id, below in db.execute(DEPOT_NEGATIVE):
        units[depot_id] -= below
    depots = [
        dict(
            zip(
                DEPOT_FIELDS,
                (*row, units.get(row[0], 0), *expiry.get(row[0], (0, 0))),
                strict=True,
            )
        )
        for row in db.execute(DEPOT_SUMMARY)
    ]

    def count(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    return {
        "depots": len(depots),
        "items": count("SELECT count(*) FROM item WHERE deleted = 0"),
        "lots_in_stock": count("SELECT coalesce(sum(lots), 0) FROM stock_totals"),
        "experts": count("SELECT count(*) FROM expert WHERE deleted = 0"),
        "agencies": count("SELECT count(*) FROM agency WHERE deleted = 0"),
        "divisions": count("SELECT count(*) FROM division WHERE deleted = 0"),
        "expired_lots": sum(d["expired"] for d in depots),
        "near_expiry_lots": sum(d["near"] for d in depots),
        "near_expiry_days": NEAR_EXPIRY_DAYS,
        "depot_rows": depots,
    }


# Stock positions expiring per month, from expiry_stock (store/figures.py).
EXPIRING_BY_MONTH = """
SELECT substr(expires_on, 1, 7) AS month, coalesce(sum(positions), 0) AS lots
FROM expiry_stock
WHERE expires_on >= :since AND expires_on < :until
  AND depot_id NOT IN (SELECT id FROM depot WHERE deleted != 0)
GROUP BY month
"""


def _add_months(day: date, months: int) -> date:
    """The first day of the month `months` after day's month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def expiry_timeline(db: Database, today: date | None = None, months: int = 12) -> dict:
    """Stock positions (depot × lot) expiring per month from this month on, and those expired.

    Returns {"expired": {"lots"}, "months": [{"month": "YYYY-MM", "lots"}]} with one entry
    for each of the `months` months, the current month counting from today.
    """
    today = today or date.today()
    until = _add_months(today, months)
    found = {
        row["month"]: row
        for row in db.query(
            EXPIRING_BY_MONTH, {"since": today.isoformat(), "until": until.isoformat()}
        )
    }
    expired = next(
        db.query(
            EXPIRING_BY_MONTH.replace("GROUP BY month", ""),
            {"since": "0000-01-01", "until": today.isoformat()},
        )
    )
    out = []
    for n in range(months):
        month = _add_months(today, n).isoformat()[:7]
        row = found.get(month) or {}
        out.append({"month": month, "lots": row.get("lots", 0)})
    return {"expired": {"lots": expired["lots"]}, "months": out}


def attention(db: Database, today: date | None = None) -> dict:
    """What 总览 shows beside the figures: alert counts (and open sync conflicts), norm
    compliance (with English category names) and the expiry timeline."""
    # imported after start-up, with the first refresh
    from desktop.core.reserves import alerts, norms
    from desktop.core.store import conflicts

    today = today or date.today()
    days = alerts.thresholds(db)
    compliance = norms.compliance(db, today)
    english = dict(db.execute("SELECT code, name_en FROM category WHERE scheme = 'practical'"))
    for row in compliance["categories"]:
        row["name_en"] = english.get(row["category"]) or row["name"]
    return {
        "alert_counts": {**alerts.count(db, today, days), "conflicts": conflicts.count(db)},
        "thresholds": list(days),
        "compliance": compliance,
        "timeline": expiry_timeline(db, today),
    }


def dashboard(db: Database, today: date | None = None) -> dict:
    """Everything 总览 shows: figures() and attention() together."""
    today = today or date.today()
    return {**figures(db, today), **attention(db, today)}
