"""Shipped reference data as operations: the files, and the chains of REF operations.

Reference rows carry ids derived from their codes and arrive as operations of
pseudo-stations REF-<table> (one per file), with stamps below any real clock. Every station
builds exactly the same REF operations from the same files, so stations agree without
exchanging them, and any local edit of a reference row wins over the shipped value. The
files only grow at the end: a shipped row is never edited in place (its operation is
already on every station, and a different one under the same number is refused as
tampering); corrections ship as new rows or are made as ordinary edits.

This module is the mechanism; desktop.core.setup.refdata says which files load, and the
playbooks area builds its shipped playbooks with the same chains.
"""

import json
from functools import cache

from desktop.core.paths import resource
from desktop.core.store.oplog import Op
from desktop.core.store.station import REFERENCE_ORIGIN

ACTOR = "reference-data"


@cache
def rows(file: str) -> tuple[dict, ...]:
    """The rows of resources/reference/<file>."""
    return tuple(json.loads(resource("reference", file).read_text(encoding="utf-8")))


def origin(table: str) -> str:
    """Each reference file is its own pseudo-station, so that a file growing at its end
    appends to its own chain without renumbering another file's operations."""
    return f"{REFERENCE_ORIGIN}-{table}"


def chain(table: str, entries: list[tuple]) -> list[Op]:
    """REF operations inserting (row id, payload) in order, numbered and chained; an entry
    (row id, payload, "update") changes a row shipped before it (a corrected playbook
    retiring the version it corrects)."""
    ops, previous = [], ""
    for seq, (row_id, payload, *kind) in enumerate(entries, 1):
        op = Op(
            origin(table),
            seq,
            seq,  # a stamp in 1970: any real edit sorts after it
            ACTOR,
            kind[0] if kind else "insert",
            table,
            row_id,
            payload,
        ).chained(previous)
        previous = op.hash
        ops.append(op)
    return ops
