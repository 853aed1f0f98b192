"""Applying operations made elsewhere: the merge core under every sync transport.

Operations are applied in stamp order inside one durable transaction. An op
already known (same origin and seq) is skipped, so applying a set twice
changes nothing. An op whose predecessor from the same origin is missing is
deferred (returned, not applied) until the gap is filled. An op whose hash
does not continue its origin's chain refuses the whole set: nothing is applied.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core import oplog, tables
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.oplog import Op
from desktop.core.writepath import apply_fields, load_clock, row_clock, save_clock, transaction


@dataclass
class MergeResult:
    applied: int = 0
    known: int = 0
    deferred: list[Op] = field(default_factory=list)


def apply_ops(db, ops: Iterable[Op], then=None) -> MergeResult:
    """Apply other stations' operations; all or nothing.

    then(result), if given, runs inside the same transaction before it commits (a bundle's
    log entry is committed with its operations or not at all)."""
    result = MergeResult()
    with transaction(db, durable=True):
        clock = load_clock(db)
        heads: dict[str, tuple[int, str]] = {}
        blocked: set[str] = set()
        for op in sorted(ops, key=lambda op: op.stamp):
            if op.tbl not in tables.SYNCED:
                raise BioError(
                    tr(
                        "An operation names the unknown table {table}; nothing was applied.",
                        table=op.tbl,
                    )
                )
            seq, digest = heads.get(op.origin) or oplog.head(db, op.origin)
            if op.seq <= seq:
                _check_same(db, op)
                result.known += 1
                continue
            if op.origin in blocked or op.seq > seq + 1 or _edits_missing_row(db, op):
                # Its predecessor (same origin, or the row it edits) has not arrived.
                blocked.add(op.origin)
                result.deferred.append(op)
                continue
            if oplog.chain_hash(digest, op) != op.hash:
                raise BioError(
                    tr(
                        "Operation {ref} does not continue the hash chain of its station: "
                        "it was altered or comes from a forked database. Nothing was applied.",
                        ref=op.ref,
                    )
                )
            heads[op.origin] = (op.seq, op.hash)
            clock.receive(op.hlc)
            db.execute(oplog.INSERT_SQL, op.to_row())
            apply_fields(db, op.tbl, op.row_id, op.payload, op.stamp)
            result.applied += 1
        save_clock(db, clock)
        for origin, (seq, digest) in heads.items():
            oplog.advance(db, origin, seq, digest)
        if then is not None:
            then(result)
    return result


def _edits_missing_row(db, op: Op) -> bool:
    if op.kind == "insert" or op.tbl not in tables.SHARED:
        return False
    return row_clock(db, op.tbl, op.row_id) is None


def _check_same(db, op: Op) -> None:
    row = db.execute(
        "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [op.origin, op.seq]
    ).fetchone()
    if row and row[0] != op.hash:
        raise BioError(
            tr(
                "Operation {ref} differs from the one this station already holds under the "
                "same number: one of the two databases was altered. Nothing was applied.",
                ref=op.ref,
            )
        )
