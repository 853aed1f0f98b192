"""Hengyang reference data (resources/reference/*.json), loaded as operations.

Reference rows carry ids derived from their codes and arrive as operations of
the pseudo-station REF, with stamps below any real clock. Every station builds
exactly the same REF operations from the same files, so stations agree without
exchanging them, and any local edit of a reference row wins over the shipped
value. The files only grow at the end: a shipped row is never edited in place
(its operation is already on every station, and a different one under the same
number is refused as tampering); corrections ship as new rows or are made as
ordinary edits.
"""

import json
from functools import cache

from desktop.core import merge
from desktop.core.ids import reference_id
from desktop.core.oplog import Op
from desktop.core.paths import resource
from desktop.core.station import REFERENCE_ORIGIN

ACTOR = "reference-data"

# table, file, key field, fields copied from the file → columns
SOURCES = (
    ("division", "divisions.json", "code", {"code", "name", "name_en", "level", "parent"}),
    (
        "agency",
        "agencies.json",
        "code",
        {"code", "name", "short_name", "name_en", "level", "division", "role"},
    ),
    ("category", "categories.json", "code", {"code", "name", "name_en", "scheme", "parent"}),
    ("unit", "units.json", "name", {"name", "name_en"}),
    ("specialty", "specialties.json", "code", {"code", "name", "name_en"}),
)


@cache
def rows(file: str) -> tuple[dict, ...]:
    return tuple(json.loads(resource("reference", file).read_text(encoding="utf-8")))


def reference_ops() -> list[Op]:
    """The REF operations for the shipped reference data, identical on every station."""
    ops, previous = [], ""
    for table, file, key, fields in SOURCES:
        for row in rows(file):
            seq = len(ops) + 1
            payload = {name: row.get(name) for name in sorted(fields)}
            op = Op(
                REFERENCE_ORIGIN,
                seq,
                seq,  # a stamp in 1970: any real edit sorts after it
                ACTOR,
                "insert",
                table,
                reference_id(table, row[key]),
                payload,
            ).chained(previous)
            previous = op.hash
            ops.append(op)
    return ops


def load(db) -> merge.MergeResult:
    """Load (or complete) the reference data; loading twice changes nothing."""
    return merge.apply_ops(db, reference_ops())
