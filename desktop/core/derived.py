"""Derived tables kept in step with the synced rows they come from.

The write path calls `changed(db, table, row_ids)` after it sets fields (local
edits and merged operations alike), so derived data never lags its facts;
`rebuild(db)` recomputes everything from scratch (`check --rebuild`). Stock
balances follow the ledger by a trigger in db/schema.sql instead: that sum is
pure SQL.
"""

from desktop.core import pinyin


def changed(db, table: str, row_ids: list[str]) -> None:
    if table == "item":
        _index_items(db, row_ids)


def _index_items(db, item_ids: list[str]) -> None:
    rows = []
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for item_id, name in db.execute(
            f"SELECT id, name FROM item WHERE id IN ({marks})", chunk
        ).fetchall():
            rows.append((item_id, pinyin.initials(name), pinyin.full(name)))
    db.conn.executemany(
        "INSERT INTO item_search (item_id, initials, pinyin) VALUES (?, ?, ?) "
        "ON CONFLICT (item_id) DO UPDATE SET initials = excluded.initials, "
        "pinyin = excluded.pinyin",
        rows,
    )


def rebuild(db) -> int:
    """Recompute the item search index; returns the rows indexed."""
    db.execute("DELETE FROM item_search")
    ids = [r[0] for r in db.execute("SELECT id FROM item")]
    _index_items(db, ids)
    return len(ids)
