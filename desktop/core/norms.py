"""Reserve norms (储备定额) per depot × item, and compliance with them.

Compliance counts usable stock only (released, unexpired lots). Each norm line
counts equally, capped at 100 %: a depot holding double its masks does not
make up for having no reagents. Rates are given per depot, per category and
for the whole city.
"""

from datetime import date

from desktop.core import catalog
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.ids import reference_id
from desktop.core.stock import whole
from desktop.core.writepath import write


def norm_id(depot_id: str, item_id: str) -> str:
    return reference_id("norm", f"{depot_id}/{item_id}")


def set_norm(db, ctx: Ctx, depot_code: str, item_code: str, qty) -> str:
    """Set (or, with 0, keep at zero) the norm of an item at a depot."""
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    qty = whole(qty, tr("Reserve norm"), allow_zero=True)
    return set_norms(db, ctx, [(depot["id"], item["id"], qty)])[0]


def set_norms(db, ctx: Ctx, rows: list[tuple[str, str, int]]) -> list[str]:
    """Set many norms (depot id, item id, qty) in one transaction."""
    ids = []
    with write(db, ctx) as w:
        for depot_id, item_id, qty in rows:
            if qty < 0:
                raise BioError(tr("A reserve norm cannot be negative."))
            row_id = norm_id(depot_id, item_id)
            if db["norm"].get(row_id) is None:
                w.insert(
                    "norm", {"id": row_id, "depot_id": depot_id, "item_id": item_id, "qty": qty}
                )
            else:
                w.update("norm", row_id, {"qty": qty, "deleted": 0})
            ids.append(row_id)
    return ids


# Usable stock = the depot × item total (item_stock) less what sits in lots that are
# expired or held back: both sets come from indexes (lot_expiry, lot_held_back), so no
# query here walks every balance.
NORM_LINES = """
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


def lines(db, today: date | None = None) -> list[dict]:
    """Every norm line with the usable stock held against it."""
    today = today or date.today()
    return list(db.query(NORM_LINES, {"today": today.isoformat()}))


def _rate(group: list[dict]) -> dict:
    met = sum(1 for line in group if line["have"] >= line["norm"])
    ratio = sum(min(line["have"] / line["norm"], 1.0) for line in group)
    return {
        "lines": len(group),
        "met": met,
        "percent": round(100 * ratio / len(group), 1) if group else None,
    }


def compliance(db, today: date | None = None) -> dict:
    """Compliance in percent for the city, each depot and each category."""
    all_lines = lines(db, today)
    names = {
        c: n
        for c, n in db.execute(
            "SELECT code, name FROM category WHERE scheme = 'practical' AND deleted = 0"
        )
    }
    by_depot, by_category = {}, {}
    for line in all_lines:
        by_depot.setdefault((line["depot"], line["depot_name"]), []).append(line)
        by_category.setdefault(line["category"], []).append(line)
    return {
        "city": _rate(all_lines),
        "depots": [
            {"depot": code, "name": name, **_rate(group)}
            for (code, name), group in sorted(by_depot.items())
        ],
        "categories": [
            {"category": code, "name": names.get(code, code), **_rate(group)}
            for code, group in sorted(by_category.items(), key=lambda kv: kv[0] or "")
        ],
    }
