"""Many rows inserted at once inside the write path, with the table's insert guard set aside.

Every synced table has a guard trigger (`<table>_guard_insert`, db/schema.sql) that refuses
an insert outside the write path by asking Python (br_in_write_path()) once per row: 2.5 µs
a row, a fifth of a stock movement's insert (96,000 movements of a bundle: 0.55 s with it,
0.31 s without). Inside an open write-path transaction the answer is known for every row, so
a bulk insert drops the trigger, inserts, and creates it again from the SQL it read.

The DROP and CREATE are part of the transaction, as in ledger_bulk: a rollback or a crash
(SIGKILL) leaves the guard as it was, and no other connection can write while the
transaction holds the write lock (readers see the last commit, guard included). A failed
insert is not followed by the CREATE: the transaction's rollback puts the guard back.

A new lot's own insert triggers (lot_usable_insert, lot_figures_insert) read nothing but the
balances the lot already has (stock_balance WHERE lot_id = NEW.id): for lots none of which
has a balance — a lot new to a station has none unless its movements came first — they
change nothing, and are set aside with the guard (50,000 new lots of a spreadsheet import:
about half the lots' insert). Only while they are the triggers this stands for
(KNOWN_BALANCE_READERS); else they fire.
"""

import hashlib
import re

from desktop.core.store.handle import Database

# Fewer rows than this: the trigger costs less than dropping and creating it.
MIN_ROWS = 1000
# Insert triggers that only read the balances of the row inserted, by table; and the
# SHA-256 of their SQL (balance_readers()) as they are known to do only that: a schema that
# changes one makes them fire, until this module follows (tests/core/test_new_lots_bulk.py).
BALANCE_READERS = {"lot": ("lot_figures_insert", "lot_usable_insert")}
KNOWN_BALANCE_READERS = "57a1c6c019b849560fb399e43975ecd0153e090a99edf3dc1260e911d07fb0a4"
IDS_PER_QUERY = 500


def set_aside(db: Database, table: str, rows: int) -> str | None:
    """Drop the table's insert guard for a bulk insert of `rows` rows inside the write path;
    the SQL to give back to restore(), or None when it stays (few rows, outside the write
    path, no such trigger)."""
    if rows < MIN_ROWS or not db.conn.in_write_path:
        return None
    name = f"{table}_guard_insert"
    found = db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
        [name, table],
    ).fetchone()
    if found is None or found[0] is None:
        return None
    db.conn.execute(f'DROP TRIGGER "{name}"')
    return found[0]


def restore(db: Database, sql: str | None) -> None:
    if sql is not None:
        db.conn.execute(sql)


def spaced(sql: str) -> str:
    """SQL as compared: spacing aside, lower case."""
    return " ".join(re.sub(r"([(),;])", r" \1 ", sql).split()).lower()


def trigger_digest(
    db: Database, tables: tuple[str, ...], names: tuple[str, ...] | None = None
) -> tuple[str, list[str]]:
    """The SHA-256 of the triggers on these tables (only those named, when names are
    given): their tables, names and SQL, spacing aside; and their SQL as stored."""
    found = [
        (table, name, sql)
        for table, name, sql in db.conn.execute(
            f"SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' "
            f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY tbl_name, name",
            tables,
        )
        if names is None or name in names
    ]
    text = "\n".join(f"{table} {name} {spaced(sql or '')}" for table, name, sql in found)
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), [sql for _, _, sql in found]


def balance_readers(db: Database, table: str) -> tuple[str, list[str]]:
    """trigger_digest() of the table's BALANCE_READERS triggers."""
    return trigger_digest(db, (table,), BALANCE_READERS.get(table, ()))


def _without_balances(db: Database, ids: list) -> bool:
    """Whether no stock balance is of one of these lots."""
    conn = db.conn
    if conn.execute("SELECT NOT EXISTS (SELECT 1 FROM stock_balance)").fetchone()[0]:
        return True
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[start : start + IDS_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT EXISTS (SELECT 1 FROM stock_balance WHERE lot_id IN ({marks}))"
        if conn.execute(sql, chunk).fetchone()[0]:
            return False
    return True


def _readers_aside(db: Database, table: str, rows: list) -> list[str]:
    """Drop the table's balance readers when they would change nothing for these rows; their
    SQL, to create again."""
    if table not in BALANCE_READERS or len(rows) < MIN_ROWS or not db.conn.in_write_path:
        return []
    digest, aside = balance_readers(db, table)
    if digest != KNOWN_BALANCE_READERS or not _without_balances(db, [r[0] for r in rows]):
        return []
    for name in BALANCE_READERS[table]:
        db.conn.execute(f'DROP TRIGGER "{name}"')
    return aside


def insert(db: Database, table: str, names, rows: list) -> None:
    """INSERT INTO table (id, *names) each of `rows` (id first), with the table's guard (and
    balance readers that would change nothing) set aside when that pays."""
    marks = ", ".join("?" * (len(names) + 1))
    guard = set_aside(db, table, len(rows))
    readers = _readers_aside(db, table, rows)
    db.conn.executemany(f"INSERT INTO {table} (id, {', '.join(names)}) VALUES ({marks})", rows)
    for sql in readers:
        db.conn.execute(sql)
    restore(db, guard)
