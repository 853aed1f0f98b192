"""Loading Hengyang's reference data (resources/reference/*.json) and the shipped
playbooks into a station, as REF operations (desktop.core.store.reference), and again
when a newer program ships more of them."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from desktop.core.paths import resource
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.oplog import Op
from desktop.core.store.reference import chain, rows

if TYPE_CHECKING:  # imported by load(): ensure()'s usual path needs only the fingerprint,
    # and every start imports this module (on the worker, before the login dialog)
    from desktop.core.store import merge

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


def load(db: Database) -> merge.MergeResult:
    """Load (or complete) the reference data and the shipped playbooks (resources/playbooks,
    appended the same way: see playbooks.shipped); loading twice changes nothing. A
    corrected playbook is settled beside the station's own versions (shipped.settle)."""
    from desktop.core.playbooks import shipped as shipped_playbooks
    from desktop.core.store import merge

    result = merge.apply_ops(db, reference_ops() + shipped_playbooks.reference_ops())
    if db.execute("SELECT 1 FROM station").fetchone() is not None:
        shipped_playbooks.settle(db)
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


def ensure(db: Database) -> merge.MergeResult | None:
    """Load what a newer program ships, once: when the files differ from those last loaded.

    Only databases with a station are completed (a bare file being created gets its
    reference data from init)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [FINGERPRINT_KEY]).fetchone()
    if row and row[0] == fingerprint():
        return None
    if db.execute("SELECT 1 FROM station").fetchone() is None:
        return None
    return load(db)
