"""Which tables are synced, and how.

SHARED tables merge field by field, last writer wins by (HLC, origin, seq);
their rows are never deleted, only marked deleted. LEDGER tables hold
insert-only facts. Everything else in the schema is local to the station.
A test checks this registry against the guard triggers in db/schema.sql.
"""

SHARED = (
    "division",
    "agency",
    "category",
    "unit",
    "specialty",
    "depot",
    "item",
    "lot",
    "expert",
    "norm",
    "transfer",
)
LEDGER = ("stock_move",)
SYNCED = SHARED + LEDGER


def columns(db, table: str) -> tuple[str, ...]:
    """Column names of a table, cached on the connection (schemas change only on open)."""
    cache = db.conn.__dict__.setdefault("_br_columns", {})
    if table not in cache:
        cache[table] = tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})"))
    return cache[table]
