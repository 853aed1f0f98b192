"""The shipped playbooks (resources/playbooks) as reference data, and how a station that
has versions of its own takes a corrected one.

Every station loads the shipped files as the same REF operations (pseudo-stations
REF-playbook, REF-playbook_phase, REF-playbook_task and REF-playbook_factor; see
store/reference.py). SHIPPED lists the files in load order and only grows at its end; a
shipped file is never edited: a correction ships as a new file with the next version, made
from (based_on) the version it corrects, and its operations retire that version.

Ids. The first six files' rows have ids from "code/version/position", like the versions a
station makes (files.rows); every later shipped version's from "code/version/shipped/…",
so that it never lands on a version a station made itself before the program shipped it.

A station's own versions. If a station holds a version of its own under the number a
shipped correction takes, the correction is renumbered to the code's next free number when
it is loaded; if the station has approved a version of its own, that version stays in force
and the correction arrives retired: 版本对比 shows what it corrects, 生成新版本 makes a draft
of it. Both are ordinary edits of this station, noted in the log.
"""

import json

import desktop.core.playbooks.files as io
from desktop.core import crashlog
from desktop.core.context import Ctx
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.paths import resource
from desktop.core.store import reference
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

ORIGINAL = ("bioterror.json", "eid.json", "asf-ai.json", "faw.json", "invasive.json", "lab.json")
SHIPPED = ORIGINAL + (
    "bioterror-2.json",
    "eid-2.json",
    "asf-ai-2.json",
    "faw-2.json",
    "invasive-2.json",
    "lab-2.json",
    "lab-animal.json",
    "bioterror-3.json",
    "eid-3.json",
    "asf-ai-3.json",
    "faw-3.json",
    "invasive-3.json",
    "lab-3.json",
    "lab-animal-2.json",
)
ORIGINAL_CODES = frozenset(
    {"PB-BIOTERROR", "PB-EID", "PB-ASF-AI", "PB-FAW", "PB-INVASIVE", "PB-LAB"}
)
UPGRADE = Ctx("bioreserve:upgrade")
TABLES = ("playbook", "playbook_phase", "playbook_task", "playbook_factor")


def key(code: str, version: int) -> str:
    """What names a shipped version in its rows' ids."""
    if version == 1 and code in ORIGINAL_CODES:
        return f"{code}/{version}"
    return f"{code}/{version}/shipped"


def shipped_id(code: str, version: int) -> str:
    """The id of a shipped version (as shipped: a station may have renumbered it)."""
    return reference_id("playbook", key(code, version))


def shipped_documents() -> list[dict]:
    """The shipped playbooks in load order, checked against the reference data and the
    plan (an unknown agency code or clause is an error here, before anything is written)."""
    vocab = io.reference_vocabulary()
    docs = []
    for name in SHIPPED:
        raw = json.loads(resource("playbooks", name).read_text(encoding="utf-8"))
        try:
            docs.append(io.parse(raw, vocab))
        except Invalid as error:
            raise Invalid(error.field, f"resources/playbooks/{name}: {error}") from None
    return docs


def latest_documents() -> list[dict]:
    """The newest shipped version of each playbook, by code."""
    newest: dict[str, dict] = {}
    for doc in shipped_documents():
        if doc["code"] not in newest or doc["version"] > newest[doc["code"]]["version"]:
            newest[doc["code"]] = doc
    return [newest[code] for code in sorted(newest)]


def reference_ops(docs: list[dict] | None = None) -> list:
    """The REF operations of the shipped playbooks, one chain per table: each version's
    rows, and a correction's retiring the approved version it corrects."""
    vocab = io.reference_vocabulary()
    entries: dict[str, list[tuple]] = {table: [] for table in TABLES}
    shipped: dict[str, dict] = {}  # code → the latest shipped document so far
    for doc in shipped_documents() if docs is None else docs:
        code, version = doc["code"], doc["version"]
        earlier = shipped.get(code)
        based_on = shipped_id(code, earlier["version"]) if earlier else None
        made = io.rows(doc, vocab, version, doc["status"], based_on, key=key(code, version))
        for table, table_rows in made.items():
            entries[table] += [(row_id, dict(sorted(v.items()))) for row_id, v in table_rows]
        if earlier and earlier["status"] == "approved" and doc["status"] == "approved":
            retired = (shipped_id(code, earlier["version"]), {"status": "retired"}, "update")
            entries["playbook"].append(retired)
        shipped[code] = doc
    ops = []
    for table, table_entries in entries.items():
        ops += reference.chain(table, table_entries)
    return ops


def _corrections() -> list[tuple[str, int]]:
    """(code, version) of the shipped versions that are not the first six."""
    return [
        (doc["code"], doc["version"])
        for doc in shipped_documents()
        if key(doc["code"], doc["version"]).endswith("/shipped")
    ]


def settle(db: Database) -> list[str]:
    """After loading: a shipped correction renumbered where this station made a version
    of the same number, retired where this station approved a version of its own (see the
    module's docstring). Returns what was done, one line each (also noted in the log)."""
    corrections = _corrections()
    ours = {shipped_id(code, version) for code, version in corrections}
    ours |= {shipped_id(code, 1) for code in ORIGINAL_CODES}
    notes: list[str] = []
    for n, (code, version) in enumerate(corrections):
        row = db["playbook"].get(shipped_id(code, version))
        if row is None or row["deleted"]:
            continue
        # the corrections shipped after this one are settled after it, in order: a later
        # one never pushes an earlier one above it (PB-EID 2 → 3 here, then 3 → 4)
        later = {shipped_id(c, v) for c, v in corrections[n + 1 :] if c == code}
        others = [
            other
            for other in db.query(
                "SELECT id, version, status FROM playbook WHERE code = ? AND id != ? "
                "AND deleted = 0",
                [code, row["id"]],
            )
            if other["id"] not in later
        ]
        with write(db, UPGRADE) as w:
            if any(other["version"] == row["version"] for other in others):
                number = max([row["version"], *(o["version"] for o in others)]) + 1
                w.update("playbook", row["id"], {"version": number})
                notes.append(
                    tr(
                        "The corrected playbook {code} shipped as version {shipped} is version "
                        "{number} here: this station had made a version {shipped} of its own.",
                        code=code,
                        shipped=version,
                        number=number,
                    )
                )
            own = [o for o in others if o["id"] not in ours and o["status"] == "approved"]
            if own and row["status"] == "approved":
                w.update("playbook", row["id"], {"status": "retired"})
                notes.append(
                    tr(
                        "The corrected playbook {code} arrived retired: version {own} approved "
                        "at this station stays in force. Compare them (版本对比) and make a new "
                        "version from the correction to take it.",
                        code=code,
                        own=max(o["version"] for o in own),
                    )
                )
    for line in notes:
        crashlog.note(line)
    return notes
