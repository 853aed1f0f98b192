"""Aggregates behind 总览, the alert counts and norm compliance (migration 0019).

Triggers in db/schema.sql keep the stock side with the balances and lots, in the same
transaction: depot_stock (items held, negative balances per depot), held_item and
held_lot (positive lots per depot × item, depots per lot), stock_totals (lots held
anywhere), expiry_stock (positive balances per expiry day × depot, counted), and the usable stock
held against each norm line up to its norm (norm_line.held) with its sums per depot × category
(norm_group). Which norm lines count depends on the norm, its item and its depot: the write
path (local edits and merges alike) calls `changed` through derived.changed for those.

A bulk path that sets the balance triggers aside must call `rebuild` (or recompute the rows
it touched the same way) before it commits, as it does for usable_stock.
"""

from desktop.core.store.handle import Database

# The norm lines that count, from the facts: norm > 0 and not deleted, depot and item present
# and not deleted, with the usable stock kept for usable_stock_day held against them up to
# the norm.
NORM_LINE_FACT = """
SELECT n.depot_id, n.item_id, coalesce(i.category, '') AS category, n.qty AS norm,
       min(max(coalesce(u.qty, 0), 0), n.qty) AS held
FROM norm n
JOIN depot d ON d.id = n.depot_id AND d.deleted = 0
JOIN item i ON i.id = n.item_id AND i.deleted = 0
LEFT JOIN usable_stock u ON u.depot_id = n.depot_id AND u.item_id = n.item_id
WHERE n.deleted = 0 AND n.qty > 0 AND {scope}
"""
# Which norms a change of a row of these tables can add, remove or move between groups.
NORM_SCOPE = {"norm": "n.id", "item": "n.item_id", "depot": "n.depot_id"}
NORM_LINE_SCOPE = {
    "norm": "(depot_id, item_id) IN (SELECT depot_id, item_id FROM norm WHERE id IN ({marks}))",
    "item": "item_id IN ({marks})",
    "depot": "depot_id IN ({marks})",
}
NORM_FIELDS = {
    "norm": frozenset({"qty", "deleted", "depot_id", "item_id"}),
    "item": frozenset({"category", "deleted"}),
    "depot": frozenset({"deleted"}),
}


def changed(db: Database, table: str, row_ids: list[str], fields=None) -> None:
    """Rows of norm, item or depot were set: their norm lines follow."""
    if table not in NORM_FIELDS or (fields is not None and NORM_FIELDS[table].isdisjoint(fields)):
        return
    if table != "norm" and not db.execute("SELECT 1 FROM norm LIMIT 1").fetchone():
        return  # no norms at all (a catalogue imported before any norm): nothing to do
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        fact = NORM_LINE_FACT.format(scope=f"{NORM_SCOPE[table]} IN ({marks})")
        scope = NORM_LINE_SCOPE[table].format(marks=marks)
        db.execute(f"DELETE FROM norm_line WHERE {scope}", chunk)
        db.execute(
            "INSERT INTO norm_line (depot_id, item_id, category, norm, held) "
            f"SELECT * FROM ({fact}) WHERE true ON CONFLICT (depot_id, item_id) DO NOTHING",
            chunk,
        )


# Each aggregate from the facts: (table, key columns, value columns, the query), in the
# order rebuild writes them: a table after those whose triggers write into it.
FACTS = [
    (
        "held_item",
        ("depot_id", "item_id"),
        ("lots",),
        "SELECT depot_id, item_id, count(*) FROM stock_balance WHERE qty > 0 "
        "GROUP BY depot_id, item_id",
    ),
    (
        "held_lot",
        ("lot_id",),
        ("depots",),
        "SELECT lot_id, count(*) FROM stock_balance WHERE qty > 0 GROUP BY lot_id",
    ),
    (
        "depot_stock",
        ("depot_id",),
        ("items", "negatives"),
        "SELECT depot_id, count(DISTINCT CASE WHEN qty > 0 THEN item_id END), sum(qty < 0) "
        "FROM stock_balance GROUP BY depot_id",
    ),
    (
        "stock_totals",
        ("id",),
        ("lots",),
        "SELECT 1, count(DISTINCT lot_id) FROM stock_balance WHERE qty > 0",
    ),
    (
        "expiry_stock",
        ("expires_on", "depot_id"),
        ("positions",),
        "SELECT l.expires_on, b.depot_id, count(*) "
        "FROM stock_balance b JOIN lot l ON l.id = b.lot_id "
        "WHERE b.qty > 0 AND l.expires_on IS NOT NULL GROUP BY l.expires_on, b.depot_id",
    ),
    (
        "norm_line",
        ("depot_id", "item_id"),
        ("category", "norm", "held"),
        NORM_LINE_FACT.format(scope="true"),
    ),
    (
        "norm_group",
        ("depot_id", "category"),
        ("lines", "met", "short", "out", "ratio"),
        f"""SELECT depot_id, category, count(*), sum(held >= norm),
               sum(held > 0 AND held < norm), sum(held <= 0),
               sum(CAST(held * 1e12 / norm AS INTEGER))
        FROM ({NORM_LINE_FACT.format(scope="true")}) GROUP BY depot_id, category""",
    ),
]
# Rows kept whose values are all zero stand for no row (a depot or day emptied since).
EXACT = {"norm_line"}


def rebuild(db: Database) -> int:
    """Recompute every aggregate from the facts (inside a transaction; after stock_balance
    and usable_stock); returns the rows written. The triggers among the aggregates fire as
    the rows go in; each table's own facts then overwrite what they wrote (FACTS' order)."""
    for table, *_ in FACTS:
        db.execute(f"DELETE FROM {table}")
    db.execute("INSERT INTO stock_totals (id, lots) VALUES (1, 0)")
    written = 0
    for table, keys, columns, fact in FACTS:
        names = ", ".join((*keys, *columns))
        update = ", ".join(f"{name} = excluded.{name}" for name in columns)
        db.execute(
            f"INSERT INTO {table} ({names}) SELECT * FROM ({fact}) WHERE true "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {update}"
        )
        written += db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return written


def differences(db: Database) -> list[tuple[str, tuple, tuple | None, tuple | None]]:
    """(table, key, values from the facts, values kept) wherever an aggregate differs."""
    out = []
    for table, keys, columns, fact in FACTS:
        names = ", ".join((*keys, *columns))
        found = {row[: len(keys)]: row[len(keys) :] for row in db.execute(fact)}
        kept = {
            row[: len(keys)]: row[len(keys) :] for row in db.execute(f"SELECT {names} FROM {table}")
        }
        for key in found.keys() | kept.keys():
            want, have = found.get(key), kept.get(key)
            if want == have:
                continue
            if table not in EXACT and not any(want or ()) and not any(have or ()):
                continue
            out.append((table, key, want, have))
    return out
