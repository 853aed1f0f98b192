"""Alerts on the reserves: below norm, out of stock, near expiry, expired, and negative
balances left by merging two stations' concurrent issues.

Near-expiry thresholds (default 30/90/180 days) are a station setting kept in
`meta`; every lot with stock is put in the tightest bucket it falls in.
"""

from datetime import date, timedelta

from desktop.core import norms
from desktop.core.errors import BioError
from desktop.core.i18n import tr

DEFAULT_THRESHOLDS = (30, 90, 180)
META_KEY = "alerts.near_expiry_days"


def thresholds(db) -> tuple[int, ...]:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    return parse_thresholds(row[0]) if row else DEFAULT_THRESHOLDS


def parse_thresholds(text: str) -> tuple[int, ...]:
    try:
        days = tuple(sorted({int(p) for p in str(text).replace("，", ",").split(",") if p.strip()}))
    except ValueError:
        days = ()
    if not days or days[0] <= 0 or len(days) > 5:
        raise BioError(tr("Near-expiry thresholds are 1 to 5 positive day counts, e.g. 30,90,180."))
    return days


def set_thresholds(db, text: str) -> tuple[int, ...]:
    """Change this station's near-expiry thresholds (a local setting, not synced)."""
    days = parse_thresholds(text)
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value",
        [META_KEY, ",".join(map(str, days))],
    )
    return days


LOTS_EXPIRING = """
SELECT d.code AS depot, d.name AS depot_name, i.code AS item, i.name AS item_name, i.unit,
       l.batch_no AS lot, l.expires_on AS expiry, l.status, b.qty
FROM lot l
JOIN stock_balance b ON b.lot_id = l.id AND b.qty > 0
JOIN depot d ON d.id = b.depot_id AND d.deleted = 0
JOIN item i ON i.id = b.item_id
WHERE l.expires_on IS NOT NULL AND l.expires_on <= :until AND l.expires_on >= :since
ORDER BY l.expires_on, d.code, i.code
"""


# Two stations may each issue the same stock while offline; after their changes merge, the
# balance can fall below zero. That is a fact to resolve (a count), never to hide.
NEGATIVE = """
SELECT d.code AS depot, d.name AS depot_name, i.code AS item, i.name AS item_name, i.unit,
       l.batch_no AS lot, l.expires_on AS expiry, b.qty
FROM stock_balance b
JOIN depot d ON d.id = b.depot_id JOIN item i ON i.id = b.item_id JOIN lot l ON l.id = b.lot_id
WHERE b.qty < 0
ORDER BY d.code, i.code, l.batch_no
"""


def compute(db, today: date | None = None, days: tuple[int, ...] | None = None) -> dict:
    """All alerts: below_norm, out_of_stock, near_expiry (with bucket), expired, negative."""
    today = today or date.today()
    days = days or thresholds(db)
    lines = norms.lines(db, today, short=True)  # the lines below their norm
    below = [
        {**_norm_view(line), "short": line["norm"] - line["have"]}
        for line in lines
        if 0 < line["have"] < line["norm"]
    ]
    out = [{**_norm_view(line), "short": line["norm"]} for line in lines if line["have"] <= 0]
    near = []
    for row in db.query(
        LOTS_EXPIRING,
        {"since": today.isoformat(), "until": (today + timedelta(days[-1])).isoformat()},
    ):
        left = (date.fromisoformat(row["expiry"]) - today).days
        near.append({**row, "days_left": left, "bucket": next(d for d in days if left <= d)})
    expired = []
    for row in db.query(
        LOTS_EXPIRING, {"since": "0000-01-01", "until": (today - timedelta(1)).isoformat()}
    ):
        expired.append({**row, "days_left": (date.fromisoformat(row["expiry"]) - today).days})
    return {
        "below_norm": below,
        "out_of_stock": out,
        "near_expiry": near,
        "expired": expired,
        "negative": list(db.query(NEGATIVE)),
        "thresholds": list(days),
    }


def counts(alerts: dict) -> dict[str, int]:
    return {k: len(v) for k, v in alerts.items() if k != "thresholds"}


def count(db, today: date | None = None, days: tuple[int, ...] | None = None) -> dict[str, int]:
    """counts(compute(db, today, days)) without building the lists: in SQL."""
    today = today or date.today()
    days = days or thresholds(db)
    short = norms.NORM_LINES.format(
        columns="coalesce(sum(have > 0), 0), coalesce(sum(have <= 0), 0)", where="WHERE have < norm"
    )
    below, out = db.execute(short, norms.shift_params(db, today)).fetchone()
    lots = f"SELECT count(*) FROM ({LOTS_EXPIRING})"
    near = {"since": today.isoformat(), "until": (today + timedelta(days[-1])).isoformat()}
    gone = {"since": "0000-01-01", "until": (today - timedelta(1)).isoformat()}
    return {
        "below_norm": below,
        "out_of_stock": out,
        "near_expiry": db.execute(lots, near).fetchone()[0],
        "expired": db.execute(lots, gone).fetchone()[0],
        "negative": db.execute(f"SELECT count(*) FROM ({NEGATIVE})").fetchone()[0],
    }


def _norm_view(line: dict) -> dict:
    return {
        k: line[k] for k in ("depot", "depot_name", "item", "item_name", "unit", "norm", "have")
    }
