"""Searching playbooks by their words: 消毒 finds every version and every task whose title,
instructions, checklist or clause mentions it, across all playbooks.

The words live in the derived table `fulltext` (desktop/core/store/derived.py), each
Chinese character a word of its own; a query searches each of its terms as a phrase of
characters (消毒 → "消 毒"), so it matches inside longer words as a person expects. The
FTS5 index over the table is made with sqlite-utils (`enable_fts`, with triggers that
keep it) the first time anyone searches, and queried with its `search()`, ranked by
FTS5's bm25. A read-only database without the index is searched with LIKE instead.
"""

import json
import re

from desktop.core.store import lazy_utils
from desktop.core.store.db import like_pattern
from desktop.core.store.derived import spaced
from desktop.core.store.handle import Database

FTS = "fulltext_fts"
MAX_TERMS = 8  # a search box, not a query language
TASK_FIELDS = ("title", "instructions", "checklist", "clause")


def terms(text: str) -> list[str]:
    """The words of a query, at most MAX_TERMS."""
    return [t for t in re.split(r"\s+", (text or "").strip()) if t][:MAX_TERMS]


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every term as a quoted phrase of its spaced characters
    (a term's quotes doubled, so no term is read as FTS5 syntax); ASCII terms as prefixes."""
    parts = []
    for term in terms(text):
        phrase = '"' + spaced(term).replace('"', '""') + '"'
        parts.append(phrase + ("*" if term.isascii() else ""))
    return " ".join(parts)


def has_index(db: Database) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [FTS]
        ).fetchone()
        is not None
    )


def ensure_index(db: Database) -> bool:
    """Make the FTS5 index if it is missing and the database can be written; True when
    there is one."""
    if has_index(db):
        return True
    if getattr(db, "read_only", False):
        return False
    table = lazy_utils.database(db).table("fulltext")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        if not has_index(db):  # another connection may have made it meanwhile
            table.enable_fts(["body"], fts_version="FTS5", create_triggers=True)
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    return True


def drop_index(db: Database) -> None:
    """Remove the FTS5 index and its triggers (check --rebuild makes it again on the next
    search, from the rebuilt words)."""
    if has_index(db):
        lazy_utils.database(db).table("fulltext").disable_fts()


def hits(db: Database, text: str, limit: int = 200) -> list[tuple[str, str, str]]:
    """(table, row id, playbook id) of the rows matching every term, best first."""
    query = fts_query(text)
    if not query:
        return []
    if ensure_index(db):
        rows = (
            lazy_utils.database(db)
            .table("fulltext")
            .search(query, columns=["tbl", "row_id", "owner"], limit=limit)
        )
        return [(r["tbl"], r["row_id"], r["owner"]) for r in rows]
    where = " AND ".join("body LIKE ? ESCAPE '\\'" for _ in terms(text))
    params = [like_pattern(spaced(t)) for t in terms(text)]
    return db.execute(
        f"SELECT tbl, row_id, owner FROM fulltext WHERE {where} LIMIT ?", [*params, limit]
    ).fetchall()


def search(db: Database, text: str, limit: int = 200) -> dict:
    """What the search box shows: the playbook versions with a hit (their ids) and the
    tasks that match, each with its version, phase and the line that mentions the words."""
    found = hits(db, text, limit)
    versions = sorted({owner for _, _, owner in found})
    task_ids = [row_id for tbl, row_id, _ in found if tbl == "playbook_task"]
    tasks = []
    if task_ids:
        marks = ", ".join("?" * len(task_ids))
        rows = {
            r["id"]: r
            for r in db.query(
                "SELECT t.id, t.title, t.instructions, t.checklist, t.clause, "
                "p.code, p.version, p.title AS playbook_title, p.status, "
                "h.title AS phase_title, h.phase "
                "FROM playbook_task t JOIN playbook p ON p.id = t.playbook_id "
                "JOIN playbook_phase h ON h.id = t.phase_id "
                f"WHERE t.id IN ({marks})",
                task_ids,
            )
        }
        for task_id in task_ids:  # in rank order
            row = rows.get(task_id)
            if row is not None:
                tasks.append({**row, "match": matching_line(row, terms(text))})
    return {"playbooks": versions, "tasks": tasks}


def matching_line(task: dict, words: list[str]) -> str:
    """The task's line that shows why it matched: the first of its title, instructions,
    checklist items and clause that mentions every word (or the first that mentions one)."""
    lines = [task["title"], task["instructions"], *json.loads(task["checklist"] or "[]")]
    lines.append(task["clause"])
    lowered = [w.lower() for w in words]
    for wanted in (all, any):
        for line in lines:
            if line and wanted(w in line.lower() for w in lowered):
                return line
    return task["title"]
