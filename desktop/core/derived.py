"""Derived tables kept in step with the synced rows they come from.

The write path calls `changed(db, table, row_ids)` after it sets fields (local
edits and merged operations alike), so derived data never lags its facts;
`rebuild(db)` recomputes everything from scratch (`check --rebuild`). Stock
balances follow the ledger by a trigger in db/schema.sql instead: that sum is
pure SQL.
"""

from desktop.core import pinyin

# Surnames read otherwise than the same character in a word: 曾若溪 is zēng, not céng.
SURNAMES = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "覃": "qin", "缪": "miao", "乐": "yue", "召": "shao", "种": "chong", "翟": "zhai",
    "员": "yun", "繁": "po", "秘": "bi", "尉": "yu", "万": "wan", "宁": "ning", "华": "hua",
}  # fmt: skip


def name_pinyin(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name: a thing's as pypinyin reads it."""
    return pinyin.initials(name), pinyin.full(name)


def person_pinyin(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a person's name, its surname read as a surname."""
    name = name.strip()
    if name[:1] not in SURNAMES:
        return name_pinyin(name)
    parts = [SURNAMES[name[0]], *pinyin.syllables(name[1:])]
    return "".join(p[0] for p in parts), "".join(parts)


# Pinyin search indexes: table → (index table, its key column, how names are read).
SEARCH = {
    "item": ("item_search", "item_id", name_pinyin),
    "expert": ("expert_search", "expert_id", person_pinyin),
}


def changed(db, table: str, row_ids: list[str], fields=None) -> None:
    """Rows of `table` were set; `fields`, if given, names the fields that changed."""
    if table in SEARCH and (fields is None or "name" in fields):
        _index(db, table, row_ids)


def _index(db, table: str, row_ids: list[str]) -> None:
    index, key, read = SEARCH[table]
    rows = []
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row_id, name in db.execute(
            f"SELECT id, name FROM {table} WHERE id IN ({marks})", chunk
        ).fetchall():
            rows.append((row_id, *read(name)))
    db.conn.executemany(
        f"INSERT INTO {index} ({key}, initials, pinyin) VALUES (?, ?, ?) "
        f"ON CONFLICT ({key}) DO UPDATE SET initials = excluded.initials, "
        "pinyin = excluded.pinyin",
        rows,
    )


def rebuild(db) -> int:
    """Recompute the pinyin search indexes (items, experts); returns the rows indexed."""
    indexed = 0
    for table, (index, *_) in SEARCH.items():
        db.execute(f"DELETE FROM {index}")
        ids = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
        _index(db, table, ids)
        indexed += len(ids)
    return indexed
