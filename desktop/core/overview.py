"""The figures 总览 shows: what is held where, and what needs attention."""

from datetime import date, timedelta

from desktop.core.store.handle import Database

NEAR_EXPIRY_DAYS = 90

DEPOT_SUMMARY = """
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
DEPOT_FIELDS = ("id", "code", "name", "level", "items", "units", "expired", "near")


def figures(db: Database, today: date | None = None) -> dict:
    """Counts for the overview cards and one summary row per depot."""
    today = today or date.today()
    params = {"today": today.isoformat(), "near": (today + timedelta(NEAR_EXPIRY_DAYS)).isoformat()}
    depots = [
        dict(zip(DEPOT_FIELDS, row, strict=True)) for row in db.execute(DEPOT_SUMMARY, params)
    ]

    def count(sql: str) -> int:
        return db.execute(sql).fetchone()[0]

    return {
        "depots": len(depots),
        "items": count("SELECT count(*) FROM item WHERE deleted = 0"),
        "lots_in_stock": count("SELECT count(DISTINCT lot_id) FROM stock_balance WHERE qty > 0"),
        "experts": count("SELECT count(*) FROM expert WHERE deleted = 0"),
        "agencies": count("SELECT count(*) FROM agency WHERE deleted = 0"),
        "divisions": count("SELECT count(*) FROM division WHERE deleted = 0"),
        "expired_lots": sum(d["expired"] for d in depots),
        "near_expiry_lots": sum(d["near"] for d in depots),
        "near_expiry_days": NEAR_EXPIRY_DAYS,
        "depot_rows": depots,
    }


EXPIRING_BY_MONTH = """
SELECT substr(l.expires_on, 1, 7) AS month, count(*) AS lots, sum(b.qty) AS qty
FROM lot l
JOIN stock_balance b ON b.lot_id = l.id AND b.qty > 0
JOIN depot d ON d.id = b.depot_id AND d.deleted = 0
WHERE l.expires_on >= :since AND l.expires_on < :until
GROUP BY month
"""


def _add_months(day: date, months: int) -> date:
    """The first day of the month `months` after day's month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def expiry_timeline(db: Database, today: date | None = None, months: int = 12) -> dict:
    """Stock positions (depot × lot) expiring per month from this month on, and those expired.

    Returns {"expired": {"lots", "qty"}, "months": [{"month": "YYYY-MM", "lots", "qty"}]}
    with one entry for each of the `months` months, the current month counting from today.
    Quantities add base units of different items: a measure of volume, not of value.
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
        out.append({"month": month, "lots": row.get("lots", 0), "qty": row.get("qty") or 0})
    return {
        "expired": {"lots": expired["lots"], "qty": expired["qty"] or 0},
        "months": out,
    }


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
