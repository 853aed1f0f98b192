"""Rotation (轮换) of reserves before they expire.

Near-expiry lots held in reserve depots are proposed for transfer to the
hospital depot that consumes the item fastest (issues over the past year), in
the quantity it can use before the expiry date — lots in expiry order share what it
can use (it uses the earlier ones first), and what approved orders reserved stays.
Whatever the hospital takes, the lot stops counting towards the reserve depot's norm
when it expires, so the replacement to buy is the norm less the stock without this lot.

Every near-expiry lot is returned; one that nothing can be proposed for says why in
"unfilled" (empty for a proposal): no hospital issued the item over the past year
(NO_USER), the hospital that uses it most would use less than one unit before the
lot expires (TOO_SLOW), or approved orders reserved all of it (RESERVED). Its
replacement to buy is still worked out.
"""

from datetime import date, timedelta

from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.reserves import norms, stock
from desktop.core.store.handle import Database

LOOKBACK_DAYS = 365
NO_USER = "no_user"  # no hospital depot issued the item over the past year
TOO_SLOW = "too_slow"  # the hospital would use less than one unit before the expiry date
RESERVED = "reserved"  # approved orders hold the whole lot

# each lot's quantity and what of it is free: approved orders' reservations stay put
CANDIDATES = f"""
SELECT d.id AS depot_id, d.code AS depot, d.name AS depot_name, i.id AS item_id,
       i.code AS item, i.name AS item_name, i.unit, l.batch_no AS lot, l.expires_on AS expiry,
       b.qty, b.qty - ({stock.RESERVED.format(lot="b.lot_id", depot="b.depot_id", exclude="")})
       AS free
FROM stock_balance b
JOIN lot l ON l.id = b.lot_id AND l.status = '合格'
JOIN depot d ON d.id = b.depot_id AND d.deleted = 0
JOIN item i ON i.id = b.item_id
WHERE b.qty > 0 AND l.expires_on BETWEEN :today AND :until
  AND d.level IN ('市级储备库', '县级储备库', '协议储备')
ORDER BY l.expires_on, d.code, i.code
"""

CONSUMPTION = """
SELECT m.item_id, d.code, d.name, -sum(m.qty) AS used
FROM stock_move m JOIN depot d ON d.id = m.depot_id
WHERE m.kind = 'issue' AND d.level = '医疗机构' AND d.deleted = 0 AND m.occurred_at >= :since
GROUP BY m.item_id, m.depot_id
"""


def proposals(db: Database, today: date | None = None, horizon_days: int = 180) -> list[dict]:
    today = today or date.today()
    horizon_days = values.day_count(horizon_days, tr("Days"))
    consumers: dict[str, list[tuple[int, str, str]]] = {}
    since = (today - timedelta(LOOKBACK_DAYS)).isoformat()
    for item_id, code, name, used in db.execute(CONSUMPTION, {"since": since}):
        consumers.setdefault(item_id, []).append((used, code, name))
    held = {(line["depot_id"], line["item_id"]): line for line in norms.lines(db, today)}
    out = []
    params = {"today": today.isoformat(), "until": (today + timedelta(horizon_days)).isoformat()}
    # what each hospital is already proposed, item by item: lots in expiry order share what
    # it can use by each one's expiry (it uses the earlier ones first)
    proposed: dict[tuple[str, str], int] = {}
    for lot in db.query(CANDIDATES, params):
        days_left = (date.fromisoformat(lot["expiry"]) - today).days
        best = max(consumers.get(lot["item_id"], []), default=None)
        per_day = best[0] / LOOKBACK_DAYS if best else 0.0
        key = (best[1] if best else "", lot["item_id"])
        room = max(0, int(per_day * days_left) - proposed.get(key, 0))
        move = min(max(lot["free"], 0), room)
        proposed[key] = proposed.get(key, 0) + move
        line = held.get((lot["depot_id"], lot["item_id"]))
        norm = line["norm"] if line else 0
        have = line["have"] if line else lot["qty"]
        if move > 0:
            unfilled = ""
        elif lot["free"] <= 0:
            unfilled = RESERVED
        else:
            unfilled = TOO_SLOW if best else NO_USER
        out.append(
            {
                "depot": lot["depot"],
                "depot_name": lot["depot_name"],
                "item": lot["item"],
                "item_name": lot["item_name"],
                "unit": lot["unit"],
                "lot": lot["lot"],
                "expiry": lot["expiry"],
                "days_left": days_left,
                "qty": lot["qty"],
                "free": max(lot["free"], 0),  # what approved orders have not reserved
                "target": best[1] if best else None,
                "target_name": best[2] if best else None,
                "use_per_day": round(per_day, 2),
                "move": move,
                "norm": norm,
                "replacement": max(0, norm - (have - lot["qty"])) if norm else 0,
                "unfilled": unfilled,
            }
        )
    return out
