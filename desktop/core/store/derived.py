"""Derived tables kept in step with the synced rows they come from.

The write path calls `changed(db, table, row_ids)` after it sets fields (local
edits and merged operations alike), so derived data never lags its facts;
`rebuild(db)` recomputes everything from scratch (`check --rebuild`). Stock
balances follow the ledger by a trigger in db/schema.sql instead: that sum is
pure SQL; so does the usable stock per depot × item (usable_stock), whose day-dependent
part (expiry) is handled here. The pinyin indexes (item_search, expert_search) and the
words people search playbooks for (fulltext) are kept here; the norm lines behind 总览,
the alert counts and compliance follow norms, items and depots in store/figures.py.
"""

import json
import re
import sqlite3

from desktop.core import pinyin
from desktop.core.store import figures
from desktop.core.store.handle import Database

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


def changed(db: Database, table: str, row_ids: list[str], fields=None) -> None:
    """Rows of `table` were set; `fields`, if given, names the fields that changed."""
    if table in SEARCH and (fields is None or "name" in fields):
        _index(db, table, row_ids)
    if table in FULLTEXT and (fields is None or not WORDS_FROM[table].isdisjoint(fields)):
        _words(db, table, row_ids)
    if table in figures.NORM_FIELDS:  # which norm lines count (总览, alerts, compliance)
        figures.changed(db, table, row_ids, fields)


def _index(db: Database, table: str, row_ids: list[str]) -> None:
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


def rebuild(db: Database) -> int:
    """Recompute the pinyin search indexes (items, experts); returns the rows indexed."""
    indexed = 0
    for table, (index, *_) in SEARCH.items():
        db.execute(f"DELETE FROM {index}")
        ids = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
        _index(db, table, ids)
        indexed += len(ids)
    return indexed


def rebuild_words(db: Database) -> int:
    """Recompute the words of playbooks (fulltext); returns the rows written."""
    db.execute("DELETE FROM fulltext")
    for table in FULLTEXT:
        ids = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE deleted = 0")]
        _words(db, table, ids)
    return db.execute("SELECT count(*) FROM fulltext").fetchone()[0]


# ---------------------------------------------------------------- words (full text)

# Tables whose words are searched: table → (the column naming the playbook version they
# belong to, the fields whose words count; JSON lists among them are read item by item).
FULLTEXT = {
    "playbook": ("id", frozenset({"title", "summary", "clauses"})),
    "playbook_task": ("playbook_id", frozenset({"title", "instructions", "checklist", "clause"})),
}
# The fields a change of which changes a row's words (or removes them: deleted).
WORDS_FROM = {table: fields | {owner, "deleted"} for table, (owner, fields) in FULLTEXT.items()}
CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def spaced(text: str) -> str:
    """Text with every Chinese character a word of its own: FTS5's unicode61 tokenizer
    would otherwise take a run of characters as one word, and 消毒 would not find 环境消毒.
    A query searches the characters as a phrase (playbooks.search)."""
    return " ".join(CJK.sub(r" \1 ", text).split())


def words(row: dict, fields) -> str:
    """The searchable words of a row's fields (JSON lists item by item), spaced."""
    parts = []
    for name in sorted(fields):
        value = row.get(name) or ""
        if isinstance(value, str) and value.startswith("["):
            try:
                value = " ".join(str(v) for v in json.loads(value))
            except ValueError:
                pass
        parts.append(str(value))
    return spaced(" ".join(parts))


def _words(db: Database, table: str, row_ids: list[str]) -> None:
    owner, fields = FULLTEXT[table]
    names = ", ".join(sorted(fields | {owner, "id", "deleted"}))
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in db.query(f"SELECT {names} FROM {table} WHERE id IN ({marks})", chunk):
            if row["deleted"]:
                db.execute("DELETE FROM fulltext WHERE tbl = ? AND row_id = ?", [table, row["id"]])
                continue
            db.execute(
                "INSERT INTO fulltext (tbl, row_id, owner, body) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (tbl, row_id) DO UPDATE SET owner = excluded.owner, "
                "body = excluded.body WHERE body != excluded.body OR owner != excluded.owner",
                [table, row["id"], row[owner], words(row, fields)],
            )


# ---------------------------------------------------------------- usable stock

# usable_stock (db/schema.sql) holds, per depot × item, the balances of lots released (合格)
# and unexpired on usable_stock_day.day, plus the negative balances of the other lots: the
# same figure as item_stock less the positive balances of unusable lots. Triggers keep it
# with its facts; expiry depends on the day asked about, so a query for another day
# corrects it by the released lots whose expiry lies between the two days (a range of
# the lot_expiry index), and `advance_usable_day` makes that correction permanent once a
# day.

USABLE_STOCK = """
SELECT b.depot_id, b.item_id,
       sum(CASE WHEN l.id IS NULL OR (l.status = '合格' AND (l.expires_on IS NULL
                                      OR l.expires_on >= :day))
                THEN b.qty ELSE min(b.qty, 0) END) AS qty
FROM stock_balance b LEFT JOIN lot l ON l.id = b.lot_id
GROUP BY b.depot_id, b.item_id
"""

# Positive balances of released lots whose expiry lies in [:lo, :hi), per depot × item,
# times :sign: what moves in or out of the usable stock between two days.
USABLE_SHIFT = """
SELECT b.depot_id, b.item_id, :sign * sum(b.qty) AS qty
FROM lot l JOIN stock_balance b ON b.lot_id = l.id AND b.qty > 0
WHERE l.expires_on >= :lo AND l.expires_on < :hi AND l.status = '合格'
GROUP BY b.depot_id, b.item_id
"""

USABLE_STOCK_DIFF = f"""
SELECT depot_id, item_id, sum(fact), sum(kept)
FROM (SELECT depot_id, item_id, qty AS fact, 0 AS kept FROM ({USABLE_STOCK})
      UNION ALL
      SELECT depot_id, item_id, 0, qty FROM usable_stock)
GROUP BY depot_id, item_id
HAVING sum(fact) != sum(kept) OR count(*) != 2
"""


def usable_day(db: Database) -> str:
    """The day usable_stock is kept for (ISO date)."""
    row = db.execute("SELECT day FROM usable_stock_day WHERE id = 1").fetchone()
    return row[0] if row else "0000-01-01"


def usable_shift(kept_day: str, day: str) -> dict:
    """Parameters of USABLE_SHIFT that turn usable stock kept for `kept_day` into `day`'s."""
    if day >= kept_day:  # lots expired since kept_day leave
        return {"lo": kept_day, "hi": day, "sign": -1}
    return {"lo": day, "hi": kept_day, "sign": 1}  # asked about an earlier day: they return


def advance_usable_day(db: Database, day: str) -> str:
    """Keep usable_stock for `day` from now on, if the database can be written at once
    (not read-only, no transaction open here, no other writer); returns the day it is kept
    for. A reader never waits: when it cannot write, queries correct the figures instead."""
    kept = usable_day(db)
    if kept == day or getattr(db, "read_only", False) or db.conn.in_transaction:
        return kept
    from desktop.core.store.db import BUSY_TIMEOUT_MS

    conn = db.conn
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return kept
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        kept = usable_day(db)  # another connection may have moved it meanwhile
        if kept != day:
            conn.execute(
                "INSERT INTO usable_stock (depot_id, item_id, qty) "
                f"SELECT * FROM ({USABLE_SHIFT}) WHERE true "
                "ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty",
                usable_shift(kept, day),
            )
            conn.execute(
                "INSERT INTO usable_stock_day (id, day) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET day = excluded.day",
                [day],
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return day


def rebuild_usable_stock(db: Database) -> int:
    """Recompute usable_stock from the balances and lots for its day (inside a transaction);
    returns the rows written."""
    db.execute("DELETE FROM usable_stock")
    db.execute(
        "INSERT INTO usable_stock (depot_id, item_id, qty) "
        f"SELECT depot_id, item_id, qty FROM ({USABLE_STOCK}) WHERE true",
        {"day": usable_day(db)},
    )
    return db.execute("SELECT count(*) FROM usable_stock").fetchone()[0]


def usable_stock_diff(db: Database) -> list[tuple[str, str, int, int | None]]:
    """(depot id, item id, usable stock from the facts, kept) wherever they differ."""
    return db.execute(USABLE_STOCK_DIFF, {"day": usable_day(db)}).fetchall()
