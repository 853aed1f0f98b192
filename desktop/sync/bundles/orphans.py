"""What a station made from a snapshot without a class of personal rows can never hold.

A snapshot for any station carries no expert roster and no monitoring cohort (`sync
snapshot` without --for); the operations it summarises are never sent again. Entitled
later, such a station is sent new rows that name those records — a qualification or a
dispatch of an expert it never received, a result of a person it does not hold — and the
whole bundle failed on the foreign key, every bundle after it too.

Those operations are taken as withheld instead, as for a station not entitled to them:
their place in their station's chain is kept (withheld_op, with the hash the chain
computed), their content is left out, and everything else applies. They are noted
(meta `withheld.orphans`) so that this station's report of what it holds withheld
leaves them out: an entitled peer would otherwise send every later operation of their
station again with each bundle, to fill a gap no bundle can fill.
"""

import json

from desktop.core.store import oplog
from desktop.core.store.handle import Database
from desktop.core.store.oplog import Op
from desktop.sync import entitlement
from desktop.sync.bundles.wire import WITHHELD, _op

# A personal row's column naming another personal row (its parent), and that row's table.
PARENTS = {
    "expert_qualification": ("expert_id", "expert"),
    "incident_expert": ("expert_id", "expert"),
    "monitor_result": ("person_id", "monitor_person"),
}
KEY = "withheld.orphans"


def left_out(db: Database) -> frozenset[str]:
    """The classes of personal rows the snapshot this station was made from did not carry
    (none for a station not made from a snapshot)."""
    row = db.execute("SELECT manifest FROM snapshot_source WHERE id = 1").fetchone()
    if row is None:
        return frozenset()
    try:
        carried = set(json.loads(bytes(row[0]) if isinstance(row[0], bytes) else row[0])
                      .get("classes", []))  # fmt: skip
    except (ValueError, AttributeError):
        carried = set()
    return frozenset(entitlement.CLASSES) - carried


def withhold_orphans(db: Database, ops: list[Op]) -> tuple[list[Op], list[tuple[str, int]]]:
    """The ops with those naming personal records this station cannot have turned into
    withheld ones; and which (origin, seq) were turned."""
    classes = left_out(db)
    if not classes:
        return ops, []
    personal = [op for op in ops if entitlement.TABLES.get(op.tbl) in classes]
    if not personal:
        return ops, []
    orphans: set[int] = set()  # positions in ops
    at = {id(op): i for i, op in enumerate(ops)}
    # rows inserted by operations this station lacks (one it holds, a snapshot's among
    # them, is not applied again: a bundle may carry it for another)
    heads: dict[str, int] = {}
    for op in personal:
        if op.origin not in heads:
            heads[op.origin] = oplog.head(db, op.origin)[0]
    arriving = {
        (op.tbl, op.row_id) for op in personal if op.kind == "insert" and op.seq > heads[op.origin]
    }
    for op in personal:  # inserts first: a row whose parent is neither here nor arriving
        parent = PARENTS.get(op.tbl) if op.kind == "insert" else None
        ref = op.payload.get(parent[0]) if parent else None
        if parent and ref is not None and (parent[1], ref) not in arriving:
            if not _held(db, parent[1], ref):
                orphans.add(at[id(op)])
                arriving.discard((op.tbl, op.row_id))
    for op in personal:  # then edits of a row neither here nor arriving
        if op.kind != "insert" and (op.tbl, op.row_id) not in arriving:
            if not _held(db, op.tbl, op.row_id):
                orphans.add(at[id(op)])
    out = [_withheld(op) if i in orphans else op for i, op in enumerate(ops)]
    return out, sorted((ops[i].origin, ops[i].seq) for i in orphans)


def _held(db: Database, table: str, row_id) -> bool:
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None


def _withheld(op: Op) -> Op:
    """The op as a withheld one: its class, its hash, chained from where it was."""
    fields: tuple = (op.origin, op.seq, op.hlc, "", WITHHELD, entitlement.TABLES[op.tbl], "",
                     {}, [], op.hash, "")  # fmt: skip
    return _op(fields, ("{}", "[]", ""), op.hash, getattr(op, "chained_after", None))


def record(db: Database, orphans: list[tuple[str, int]]) -> None:
    """Note the ops taken as withheld here for good (inside the import's transaction)."""
    if not orphans:
        return
    held = noted(db)
    held |= set(orphans)
    db.conn.touched.add("meta")
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [KEY, json.dumps(sorted(held))],
    )


def noted(db: Database) -> set[tuple[str, int]]:
    """The (origin, seq) this station took as withheld because it cannot hold them."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [KEY]).fetchone()
    if row is None:
        return set()
    try:
        return {(str(o), int(s)) for o, s in json.loads(row[0])}
    except (ValueError, TypeError):
        return set()
