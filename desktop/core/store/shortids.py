"""Rows named by a piece of their id, as lists and check tokens show them: the whole id,
its first or its last characters (a UUIDv7's first ones are its time, the same for rows
made within a minute; its last ones are random). Only hex digits and hyphens are taken,
so a reference is never a LIKE pattern."""

from desktop.core.store.handle import Database

HEX = frozenset("0123456789abcdef-")


def matches(db: Database, table: str, ref) -> list[dict]:
    """At most two live rows of `table` whose id starts or ends with `ref` (two: ambiguous)."""
    text = str(ref or "").strip().lower()
    if not text or not set(text) <= HEX:
        return []
    return list(
        db.query(
            f"SELECT * FROM {table} WHERE (id LIKE ? || '%' OR id LIKE '%' || ?) "
            "AND deleted = 0 LIMIT 2",
            [text, text],
        )
    )
