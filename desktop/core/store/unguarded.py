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
"""

from desktop.core.store.handle import Database

# Fewer rows than this: the trigger costs less than dropping and creating it.
MIN_ROWS = 1000


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


def insert(db: Database, table: str, names, rows: list) -> None:
    """INSERT INTO table (id, *names) each of `rows` (id first), with the table's guard set
    aside when that pays."""
    marks = ", ".join("?" * (len(names) + 1))
    guard = set_aside(db, table, len(rows))
    db.conn.executemany(f"INSERT INTO {table} (id, {', '.join(names)}) VALUES ({marks})", rows)
    restore(db, guard)
