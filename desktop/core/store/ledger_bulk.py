"""Many stock movements at once: the ledger rows of a large merge (the bundle of a
spreadsheet import, a new station's first synchronization), written with the balance
trigger set aside and each touched balance moved once by the sum of its movements, in the
same transaction.

The trigger stock_move_balance (db/schema.sql) adds each movement to its balance
(stock_balance) and its depot × item total (item_stock); the triggers on those tables keep
the usable stock and the figures of 总览. Each of them follows a function of the balances
alone (a sum, min(qty, 0), a balance crossing zero), so moving a balance once by the sum
of its movements leaves the same tables as moving it movement by movement
(tests/sync/test_bulk_merge.py compares both). The trigger is set aside only while its
text is the one the sums here stand for; a schema that changes it takes the row-by-row
path (right, slower) until this module follows.

When the movements at least double the ledger, its secondary indexes are dropped and built
again after the insert too: building an index sorts once, which costs less than inserting
into it row by row (2.5 µs a row each, four of them) — a new station's first bundles.

The DROP and CREATE statements are part of the transaction: a rollback or a crash
(SIGKILL) leaves trigger and indexes as they were, and other connections never see them
missing (the transaction holds the write lock; readers see the last commit).
"""

import re

from desktop.core.store import derived, figures
from desktop.core.store.handle import Database

TABLE = "stock_move"
TRIGGER = "stock_move_balance"
# Fewer movements than this: the trigger costs less than the statements around it.
MIN_ROWS = 1000
# The trigger the sums below stand for, as db/schema.sql writes it (compared without
# regard to spacing).
TRIGGER_SQL = """CREATE TRIGGER stock_move_balance AFTER INSERT ON stock_move
BEGIN
    INSERT INTO stock_balance (depot_id, item_id, lot_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.lot_id, NEW.qty)
    ON CONFLICT (depot_id, item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty;
    INSERT INTO item_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.qty)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END"""
# What the trigger would have added to a balance and to a depot × item total, once per
# balance with the sum of its movements.
BALANCE = (
    "INSERT INTO stock_balance (depot_id, item_id, lot_id, qty) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (depot_id, item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty"
)
ITEM_TOTAL = (
    "INSERT INTO item_stock (depot_id, item_id, qty) VALUES (?, ?, ?) "
    "ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty"
)
KEYS = ("depot_id", "item_id", "lot_id", "qty")


def _spaced(sql: str) -> str:
    return " ".join(re.sub(r"([(),;])", r" \1 ", sql).split()).lower()


_EXPECTED = _spaced(TRIGGER_SQL)


def _set_aside(db: Database, table: str, kind: str) -> list[str]:
    """Drop a table's indexes or triggers (those of the schema); their SQL, to put back."""
    aside = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY name",
        [kind, table],
    ).fetchall()
    for name, _ in aside:
        db.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _, sql in aside]


def insert(db: Database, names: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert stock movements (id, *names) with their balances kept, inside the open
    write-path transaction."""
    conn = db.conn
    marks = ", ".join("?" * (len(names) + 1))
    sql = f"INSERT INTO {TABLE} (id, {', '.join(names)}) VALUES ({marks})"
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
        [TRIGGER, TABLE],
    ).fetchone()
    if (
        len(rows) < MIN_ROWS
        or trigger is None
        or _spaced(trigger[0]) != _EXPECTED
        or not set(KEYS) <= set(names)
    ):
        conn.executemany(sql, rows)
        return
    held = conn.execute(f"SELECT max(rowid) FROM {TABLE}").fetchone()[0] or 0
    doubled = held * 2 <= len(rows)
    indexes = _set_aside(db, TABLE, "index") if doubled else []
    conn.execute(f'DROP TRIGGER "{TRIGGER}"')
    conn.executemany(sql, rows)
    # The values of the rows just written (checked by payloads.py: texts and whole numbers,
    # stored as they are), summed per balance.
    depot, item, lot, qty = (names.index(key) + 1 for key in KEYS)
    sums: dict[tuple, int] = {}
    for row in rows:
        key = (row[depot], row[item], row[lot])
        sums[key] = sums.get(key, 0) + row[qty]
    totals: dict[tuple, int] = {}
    for (depot_id, item_id, _), amount in sums.items():
        totals[depot_id, item_id] = totals.get((depot_id, item_id), 0) + amount
    # A ledger doubled: the balances' own triggers (usable stock, the figures of 总览) set
    # aside too, and what they keep recomputed from the balances once, as `check --rebuild`
    # and a snapshot's load do: cheaper than each new balance's triggers (50,000 new lots:
    # 0.3 s against 1.2 s).
    aside = []
    if doubled:
        aside = [
            *_set_aside(db, "stock_balance", "trigger"),
            *_set_aside(db, "item_stock", "trigger"),
        ]
    # in key order: each table's B-tree (and the ones its triggers keep) walked in order
    conn.executemany(BALANCE, [(*key, amount) for key, amount in sorted(sums.items())])
    conn.executemany(ITEM_TOTAL, [(*key, amount) for key, amount in sorted(totals.items())])
    for create in (*indexes, *aside, trigger[0]):
        conn.execute(create)
    if aside:
        derived.rebuild_usable_stock(db)
        figures.rebuild(db)
