"""Reserve norms (储备定额) per depot × item, and compliance with them.

Compliance counts usable stock only (released, unexpired lots). Each norm line
counts equally, capped at 100 %: a depot holding double its masks does not
make up for having no reagents. Rates are given per depot, per category and
for the whole city.
"""

from datetime import date

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import catalog
from desktop.core.store import derived
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write


def norm_id(depot_id: str, item_id: str) -> str:
    return reference_id("norm", f"{depot_id}/{item_id}")


def set_norm(db: Database, ctx: Ctx, depot_code: str, item_code: str, qty) -> str:
    """Set (or, with 0, keep at zero) the norm of an item at a depot."""
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    qty = values.whole(qty, allow_zero=True, field=tr("Reserve norm"))
    return set_norms(db, ctx, [(depot["id"], item["id"], qty)])[0]


def set_norms(db: Database, ctx: Ctx, rows: list[tuple[str, str, int]]) -> list[str]:
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


# Usable stock per depot × item is kept in usable_stock (db/schema.sql, desktop/core/derived.py)
# for one day; `shift` corrects it by the released lots whose expiry lies between that day and
# the one asked about (none once the day has been advanced). Every join is by primary key.
NORM_LINES = f"""
WITH shift AS ({derived.USABLE_SHIFT}),
lines AS (
    SELECT n.depot_id, d.code AS depot, d.name AS depot_name, n.item_id, i.code AS item,
           i.name AS item_name, i.unit, i.category, n.qty AS norm,
           max(coalesce(u.qty, 0) + coalesce(x.qty, 0), 0) AS have
    FROM norm n
    JOIN depot d ON d.id = n.depot_id AND d.deleted = 0
    JOIN item i ON i.id = n.item_id AND i.deleted = 0
    LEFT JOIN usable_stock u ON u.depot_id = n.depot_id AND u.item_id = n.item_id
    LEFT JOIN shift x ON x.depot_id = n.depot_id AND x.item_id = n.item_id
    WHERE n.deleted = 0 AND n.qty > 0
)
SELECT {{columns}} FROM lines {{where}} ORDER BY depot, item
"""

LINE_COLUMNS = "depot_id, depot, depot_name, item_id, item, item_name, unit, category, norm, have"


def shift_params(db: Database, today: date | None) -> dict:
    """Parameters of NORM_LINES for `today` (the real today if None); the first query of a
    day moves usable_stock on to it when the database can be written."""
    real = date.today()
    day = (today or real).isoformat()
    if day == real.isoformat():
        kept = derived.advance_usable_day(db, day)
    else:
        kept = derived.usable_day(db)
    return derived.usable_shift(kept, day)


def lines(db: Database, today: date | None = None, short: bool = False) -> list[dict]:
    """Every norm line with the usable stock held against it; with short=True only the
    lines below their norm (same order)."""
    if short:  # from the norm lines kept (store/figures.py): no join of every norm
        params = shift_params(db, today)
        if params["lo"] == params["hi"]:  # usable_stock is kept for that day: no shift
            return list(db.query(SHORT_LINES_KEPT))
        return list(db.query(SHORT_LINES, params))
    sql = NORM_LINES.format(columns=LINE_COLUMNS, where="")
    return list(db.query(sql, shift_params(db, today)))


# The lines below their norm from norm_line (the lines that count, with the usable stock held
# up to the norm: a short line's held is its usable stock, never below zero), corrected by
# the same shift as NORM_LINES.
SHORT_LINE_COLUMNS = """nl.depot_id, d.code AS depot, d.name AS depot_name, nl.item_id,
       i.code AS item, i.name AS item_name, i.unit, i.category, nl.norm"""
SHORT_LINES_KEPT = f"""
SELECT {SHORT_LINE_COLUMNS}, nl.held AS have
FROM norm_line nl
JOIN depot d ON d.id = nl.depot_id
JOIN item i ON i.id = nl.item_id
WHERE nl.held < nl.norm ORDER BY depot, item
"""
# A norm line's usable stock on the day asked about (not below zero): held where the shift
# (x, lots expiring between usable_stock's day and that day) leaves the line, else the usable
# stock kept plus the shift — a line at its norm holds more than held says.
SHIFTED_HAVE = """CASE WHEN x.qty IS NULL THEN nl.held
            ELSE max(coalesce((SELECT u.qty FROM usable_stock u WHERE u.depot_id = nl.depot_id
                                 AND u.item_id = nl.item_id), 0) + x.qty, 0) END"""
SHORT_LINES = f"""
WITH shift AS ({derived.USABLE_SHIFT})
SELECT * FROM (
    SELECT nl.depot_id, d.code AS depot, d.name AS depot_name, nl.item_id, i.code AS item,
           i.name AS item_name, i.unit, i.category, nl.norm, {SHIFTED_HAVE} AS have
    FROM norm_line nl
    JOIN depot d ON d.id = nl.depot_id
    JOIN item i ON i.id = nl.item_id
    LEFT JOIN shift x ON x.depot_id = nl.depot_id AND x.item_id = nl.item_id
) WHERE have < norm ORDER BY depot, item
"""


DEPOT_LINES = f"""
WITH shift AS ({derived.USABLE_SHIFT})
SELECT i.code, i.name, i.unit, i.category, coalesce(n.qty, 0) AS norm,
       max(coalesce(u.qty, 0) + coalesce(x.qty, 0), 0) AS have
FROM item i
LEFT JOIN norm n ON n.item_id = i.id AND n.depot_id = :depot AND n.deleted = 0
LEFT JOIN usable_stock u ON u.depot_id = :depot AND u.item_id = i.id
LEFT JOIN shift x ON x.depot_id = :depot AND x.item_id = i.id
WHERE i.deleted = 0 AND (:everything OR n.qty > 0)
ORDER BY i.code
"""


def depot_lines(db: Database, depot_id: str, everything: bool = False, today: date | None = None):
    """One depot's norm lines with its usable stock (code, name, unit, category, norm,
    have); with everything=True every catalogue item, with or without a norm."""
    params = {"depot": depot_id, "everything": int(everything), **shift_params(db, today)}
    return list(db.query(DEPOT_LINES, params))


# Sums per depot × category kept in norm_group (store/figures.py), and the few lines the
# shift moves (lots expiring between usable_stock's day and the day asked about).
GROUPS = """
SELECT g.depot_id, d.code, d.name, g.category, g.lines, g.met, g.short, g.out, g.ratio
FROM norm_group g JOIN depot d ON d.id = g.depot_id
"""
SHIFTED = f"""
WITH shift AS ({derived.USABLE_SHIFT})
SELECT nl.depot_id, nl.category, nl.norm, nl.held, coalesce(u.qty, 0) + x.qty
FROM shift x JOIN norm_line nl ON nl.depot_id = x.depot_id AND nl.item_id = x.item_id
LEFT JOIN usable_stock u ON u.depot_id = nl.depot_id AND u.item_id = nl.item_id
WHERE x.qty != 0
"""
RATIO_UNIT = 1e12  # norm_group.ratio counts min(have, norm) / norm in these parts


def _line_sums(norm: int, have: int) -> tuple[int, int, int, int, int]:
    """(lines, met, short, out, ratio) of one line, as the triggers of norm_line count it
    (the same for the usable stock `have` and for what it holds up to the norm)."""
    held = min(max(have, 0), norm)
    return (1, int(have >= norm), int(0 < have < norm), int(have <= 0),
            int(held * RATIO_UNIT / norm))  # fmt: skip


def groups(db: Database, today: date | None = None) -> list[list]:
    """[depot id, depot code, depot name, category or None, lines, met, short, out, ratio]
    per depot × category for `today`: norm_group corrected by the shifted lines."""
    params = shift_params(db, today)
    found = {(row[0], row[3]): list(row) for row in db.execute(GROUPS)}
    for depot_id, category, norm, kept, have in db.execute(SHIFTED, params):
        group = found.get((depot_id, category))
        if group is None:
            continue
        moved = zip(_line_sums(norm, kept), _line_sums(norm, have), strict=True)
        for n, (old, new) in enumerate(moved):
            group[4 + n] += new - old
    out = []
    for group in found.values():
        if group[4] > 0:
            group[3] = group[3] or None  # '' stands for no category
            out.append(group)
    return out


def _rate(met: int, lines: int, ratio: int) -> dict:
    return {
        "lines": lines,
        "met": met,
        "percent": round(100 * (ratio / RATIO_UNIT) / lines, 1) if lines else None,
    }


def compliance(db: Database, today: date | None = None) -> dict:
    """Compliance in percent for the city, each depot and each category."""
    names = {
        c: n
        for c, n in db.execute(
            "SELECT code, name FROM category WHERE scheme = 'practical' AND deleted = 0"
        )
    }
    city = [0, 0, 0]
    by_depot: dict[tuple, list] = {}
    by_category: dict[str | None, list] = {}
    for _, code, name, category, lines, met, _short, _out, ratio in groups(db, today):
        for group in (
            city,
            by_depot.setdefault((code, name), [0, 0, 0]),
            by_category.setdefault(category, [0, 0, 0]),
        ):
            group[0] += met
            group[1] += lines
            group[2] += ratio
    return {
        "city": _rate(*city),
        "depots": [
            {"depot": code, "name": name, **_rate(*group)}
            for (code, name), group in sorted(by_depot.items())
        ],
        "categories": [
            {"category": code, "name": names.get(code, code), **_rate(*group)}
            for code, group in sorted(by_category.items(), key=lambda kv: kv[0] or "")
        ],
    }
