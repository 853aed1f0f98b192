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

Otherwise the balances' own triggers (usable stock, the figures of 总览, the norm lines
through them) are set aside too while the balances move, and what they would have added is
added once per key instead, set by set, from the balances before and after (BALANCE_DELTAS:
each trigger's formula written over the sums; 50,000 new lots in a city database: the
triggers take about four times longer). Only while those triggers are the ones the
statements stand for (KNOWN_BALANCE_TRIGGERS, compared without regard to spacing); else
the triggers fire, balance by balance.

The DROP and CREATE statements are part of the transaction: a rollback or a crash
(SIGKILL) leaves trigger and indexes as they were, and other connections never see them
missing (the transaction holds the write lock; readers see the last commit).
"""

from desktop.core.store import derived, figures, unguarded
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

# The sums per balance, and each touched balance's move (o its quantity before, n after,
# new whether it is new, bad whether its lot counts only below zero — held back, or expired
# on usable_stock_day; a lot not held here yet counts as released, as the triggers take
# it —, the lot's expiry): temporary tables of this connection, emptied after each use.
SUMS, MOVES = "temp.bulk_balance_sum", "temp.bulk_balance_move"
MAKE_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS bulk_balance_sum (depot_id TEXT NOT NULL, "
    "item_id TEXT NOT NULL, lot_id TEXT NOT NULL, qty INTEGER NOT NULL, "
    "PRIMARY KEY (depot_id, item_id, lot_id)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS bulk_balance_move (depot_id TEXT NOT NULL, "
    "item_id TEXT NOT NULL, lot_id TEXT NOT NULL, o INTEGER NOT NULL, n INTEGER NOT NULL, "
    "bad INTEGER NOT NULL, expires_on TEXT)",
)
FILL_MOVES = f"""INSERT INTO {MOVES} (depot_id, item_id, lot_id, o, n, bad, expires_on)
SELECT s.depot_id, s.item_id, s.lot_id, coalesce(b.qty, 0), coalesce(b.qty, 0) + s.qty,
       coalesce(NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= d.day)), 0),
       l.expires_on
FROM {SUMS} s CROSS JOIN usable_stock_day d
LEFT JOIN stock_balance b
       ON b.depot_id = s.depot_id AND b.item_id = s.item_id AND b.lot_id = s.lot_id
LEFT JOIN lot l ON l.id = s.lot_id"""
# What the balances' triggers (stock_balance_usable_insert/_update,
# stock_balance_figures_insert, stock_balance_held_update: the expiry day's positions with
# the lots held) add for a balance going from o to n, summed per key: run before the
# balances move, with those triggers set aside. The triggers of the tables written here
# (norm lines, depot_stock, stock_totals) fire as usual.
BALANCE_DELTAS = (
    f"""INSERT INTO usable_stock (depot_id, item_id, qty)
SELECT depot_id, item_id, sum(iif(bad, min(n, 0) - min(o, 0), n - o))
FROM {MOVES} WHERE true GROUP BY depot_id, item_id
ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty""",
    f"""INSERT INTO expiry_stock (expires_on, depot_id, positions)
SELECT expires_on, depot_id, sum((n > 0) - (o > 0))
FROM {MOVES} WHERE expires_on IS NOT NULL AND (n > 0) != (o > 0)
GROUP BY expires_on, depot_id
ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions""",
    f"""INSERT INTO held_item (depot_id, item_id, lots)
SELECT depot_id, item_id, sum((n > 0) - (o > 0))
FROM {MOVES} WHERE (n > 0) != (o > 0) GROUP BY depot_id, item_id
ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + excluded.lots""",
    f"""INSERT INTO held_lot (lot_id, depots)
SELECT lot_id, sum((n > 0) - (o > 0))
FROM {MOVES} WHERE (n > 0) != (o > 0) GROUP BY lot_id
ON CONFLICT (lot_id) DO UPDATE SET depots = depots + excluded.depots""",
    f"""INSERT INTO depot_stock (depot_id, negatives)
SELECT depot_id, sum((n < 0) - (o < 0))
FROM {MOVES} WHERE (n < 0) != (o < 0) GROUP BY depot_id
ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + excluded.negatives""",
)
# The SHA-256 of the balances' triggers as BALANCE_DELTAS stands for them (balance_triggers()):
# a schema that changes one makes the triggers fire instead, until this module follows
# (tests/sync/test_bulk_merge.py fails then, to say so).
KNOWN_BALANCE_TRIGGERS = "84d12b0a9f47d7741ac7b2d93a9ceadbc3908dc879ac1c944ac7d9a21ed1efce"


_EXPECTED = unguarded.spaced(TRIGGER_SQL)


def balance_triggers(db: Database) -> str:
    """A digest of the triggers on stock_balance and item_stock (names and SQL, spacing
    aside), to compare with KNOWN_BALANCE_TRIGGERS."""
    return unguarded.trigger_digest(db, ("stock_balance", "item_stock"))[0]


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
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
        [TRIGGER, TABLE],
    ).fetchone()
    if (
        len(rows) < MIN_ROWS
        or trigger is None
        or unguarded.spaced(trigger[0]) != _EXPECTED
        or not set(KEYS) <= set(names)
    ):
        unguarded.insert(db, TABLE, names, rows)
        return
    held = conn.execute(f"SELECT max(rowid) FROM {TABLE}").fetchone()[0] or 0
    doubled = held * 2 <= len(rows)
    indexes = _set_aside(db, TABLE, "index") if doubled else []
    conn.execute(f'DROP TRIGGER "{TRIGGER}"')
    unguarded.insert(db, TABLE, names, rows)
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
    # 0.3 s against 1.2 s). Otherwise, with the triggers known, what they would add is
    # added per key from the sums (BALANCE_DELTAS) before the balances move.
    ordered = sorted(sums.items())  # in key order: each B-tree walked in order
    deltas = not doubled and balance_triggers(db) == KNOWN_BALANCE_TRIGGERS
    aside = []
    if doubled or deltas:
        aside = [
            *_set_aside(db, "stock_balance", "trigger"),
            *_set_aside(db, "item_stock", "trigger"),
        ]
    if deltas:
        for make in MAKE_TEMP:
            conn.execute(make)
        conn.executemany(
            f"INSERT INTO {SUMS} (depot_id, item_id, lot_id, qty) VALUES (?, ?, ?, ?)",
            [(*key, amount) for key, amount in ordered],
        )
        conn.execute(FILL_MOVES)
        for statement in BALANCE_DELTAS:
            conn.execute(statement)
        conn.execute(f"DELETE FROM {SUMS}")
        conn.execute(f"DELETE FROM {MOVES}")
    conn.executemany(BALANCE, [(*key, amount) for key, amount in ordered])
    conn.executemany(ITEM_TOTAL, [(*key, amount) for key, amount in sorted(totals.items())])
    for create in (*indexes, *aside, trigger[0]):
        conn.execute(create)
    if doubled:
        derived.rebuild_usable_stock(db)
        figures.rebuild(db)
