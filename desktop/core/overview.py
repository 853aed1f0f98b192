"""The figures 总览 shows: what is held where, and what needs attention."""

from datetime import date, timedelta

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


def figures(db, today: date | None = None) -> dict:
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
