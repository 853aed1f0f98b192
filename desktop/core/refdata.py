"""Hengyang reference data (resources/reference/*.json), loaded as operations.

Reference rows carry ids derived from their codes and arrive as operations of
pseudo-stations REF-<table> (one per file), with stamps below any real clock. Every station builds
exactly the same REF operations from the same files, so stations agree without
exchanging them, and any local edit of a reference row wins over the shipped
value. The files only grow at the end: a shipped row is never edited in place
(its operation is already on every station, and a different one under the same
number is refused as tampering); corrections ship as new rows or are made as
ordinary edits.
"""

import hashlib
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


def origin(table: str) -> str:
    """Each reference file is its own pseudo-station, so that a file growing at its end
    appends to its own chain without renumbering another file's operations."""
    return f"{REFERENCE_ORIGIN}-{table}"


def chain(table: str, entries: list[tuple[str, dict]]) -> list[Op]:
    """REF operations inserting (row id, payload) in order, numbered and chained."""
    ops, previous = [], ""
    for seq, (row_id, payload) in enumerate(entries, 1):
        op = Op(
            origin(table),
            seq,
            seq,  # a stamp in 1970: any real edit sorts after it
            ACTOR,
            "insert",
            table,
            row_id,
            payload,
        ).chained(previous)
        previous = op.hash
        ops.append(op)
    return ops


def reference_ops() -> list[Op]:
    """The REF operations for the shipped reference data, identical on every station."""
    ops = []
    for table, file, key, fields in SOURCES:
        ops += chain(
            table,
            [
                (reference_id(table, row[key]), {name: row.get(name) for name in sorted(fields)})
                for row in rows(file)
            ],
        )
    return ops


def load(db) -> merge.MergeResult:
    """Load (or complete) the reference data and the shipped playbooks (resources/playbooks,
    appended the same way: see playbook_io); loading twice changes nothing."""
    from desktop.core import playbooks  # it builds its operations with chain() from here

    result = merge.apply_ops(db, reference_ops() + playbooks.reference_ops())
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [FINGERPRINT_KEY, fingerprint()],
    )
    return result


FINGERPRINT_KEY = "refdata.fingerprint"


def fingerprint() -> str:
    """A digest of every shipped reference file (about 1 ms): it changes when a new
    version of the program ships more reference rows or playbooks."""
    digest = hashlib.sha256()
    for folder in ("reference", "playbooks"):
        for path in sorted(resource(folder).glob("*.json")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def ensure(db) -> merge.MergeResult | None:
    """Load what a newer program ships, once: when the files differ from those last loaded.

    Only databases with a station are completed (a bare file being created gets its
    reference data from init)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [FINGERPRINT_KEY]).fetchone()
    if row and row[0] == fingerprint():
        return None
    if db.execute("SELECT 1 FROM station").fetchone() is None:
        return None
    return load(db)
