"""Editing playbooks: a draft's header, phases, tasks and factors (added, saved, moved,
removed), approving a draft (which retires the code's earlier approved versions),
retiring, and a new draft version made from any version. Only a draft is ever edited."""

import json

import desktop.core.playbooks.clauses as clauses
import desktop.core.playbooks.files as io
import desktop.core.playbooks.plan as plan
import desktop.core.playbooks.provenance as provenance
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.playbooks.reading import get, header
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

FACTOR_NOTE = "示例参数，可按本地实际修改"


def _draft(db: Database, playbook_id: str) -> dict:
    row = db["playbook"].get(playbook_id)
    if row is None or row["deleted"]:
        raise BioError(tr("No playbook with id {id}.", id=playbook_id))
    if row["status"] != "draft":
        raise BioError(
            tr(
                "Playbook {code} version {version} is {status}: an approved or retired version "
                "is never edited. Make a new version (playbook new-version) and edit that.",
                code=row["code"],
                version=row["version"],
                status=io.status_label(row["status"]),
            )
        )
    return row


def _child(db: Database, table: str, row_id: str) -> dict:
    row = db[table].get(row_id)
    if row is None or row["deleted"]:
        raise BioError(tr("No {table} row with id {id}.", table=table, id=row_id))
    _draft(db, row["playbook_id"])
    return row


def validate(db: Database, values: dict) -> dict:
    """A playbook header checked: title, hazard, grades (I–IV), clauses (citations of the
    plan), summary, example, sources."""
    return io.clean_header(values)


def save_playbook_header(db: Database, ctx: Ctx, playbook_id: str, values: dict) -> None:
    """Save a draft's header; sources not given are kept, and grades changed while their
    source was left as it was become this station's own rule (local)."""
    with write(db, ctx) as w:
        row = _draft(db, playbook_id)
        stored = json.loads(row["sources"])
        clean = validate(db, {"sources": stored, **values})
        grades = io.dump(clean["grades"])
        sources = provenance.after_edit(
            {"grades": row["grades"]},
            {"grades": grades},
            stored,
            clean["sources"],
            ("grades",),
        )
        w.update(
            "playbook",
            playbook_id,
            {
                **clean,
                "grades": grades,
                "clauses": io.dump(clean["clauses"]),
                "example": int(clean["example"]),
                "sources": io.dump({**clean["sources"], **sources}),
            },
        )


def _siblings(db: Database, table: str, where: str, params: list) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM {table} WHERE {where} AND deleted = 0 ORDER BY position, id", params
        )
    ]


def _renumber(w, table: str, ids: list[str]) -> None:
    for position, row_id in enumerate(ids):
        w.update(table, row_id, {"position": position})


def _move(w, table: str, ids: list[str], row_id: str, offset: int) -> None:
    index = ids.index(row_id)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    _renumber(w, table, ids)


def add_phase(db: Database, ctx: Ctx, playbook_id: str, values: dict) -> str:
    with write(db, ctx) as w:
        _draft(db, playbook_id)
        clean = io.clean_phase(values)
        ids = _siblings(db, "playbook_phase", "playbook_id = ?", [playbook_id])
        return w.insert(
            "playbook_phase", {"playbook_id": playbook_id, "position": len(ids), **clean}
        )


def save_phase(db: Database, ctx: Ctx, phase_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        _child(db, "playbook_phase", phase_id)
        w.update("playbook_phase", phase_id, io.clean_phase(values))


def move_phase(db: Database, ctx: Ctx, phase_id: str, offset: int) -> None:
    """Move a phase up (offset < 0) or down among its playbook's phases."""
    with write(db, ctx) as w:
        row = _child(db, "playbook_phase", phase_id)
        ids = _siblings(db, "playbook_phase", "playbook_id = ?", [row["playbook_id"]])
        _move(w, "playbook_phase", ids, phase_id, offset)


def remove_phase(db: Database, ctx: Ctx, phase_id: str) -> None:
    """Delete a phase of a draft with its tasks."""
    with write(db, ctx) as w:
        row = _child(db, "playbook_phase", phase_id)
        for task_id in _siblings(db, "playbook_task", "phase_id = ?", [phase_id]):
            w.delete("playbook_task", task_id)
        w.delete("playbook_phase", phase_id)
        _renumber(
            w,
            "playbook_phase",
            _siblings(db, "playbook_phase", "playbook_id = ?", [row["playbook_id"]]),
        )


def _task_values(db: Database, values: dict) -> dict:
    vocab = io.database_vocabulary(db)
    return io.task_row(io.clean_task(values, vocab), vocab)


def _kept(row: dict, values: dict) -> dict:
    """The values of a task edit with what it does not give kept from the stored task:
    its clause note, sources, and the quotes still found in the clauses it now cites."""
    out = dict(values)
    out.setdefault("clause_note", row["clause_note"])
    out.setdefault("sources", json.loads(row["sources"]))
    if "quotes" not in values:
        try:
            cited = clauses.citations(values.get("clause") or "")
        except Invalid:
            cited = []
        out["quotes"] = [
            q for q in json.loads(row["quotes"]) if any(plan.quoted(c.ref, q) for c in cited)
        ]
    return out


def add_task(db: Database, ctx: Ctx, phase_id: str, values: dict) -> str:
    """Add a task at the end of a phase; agencies by code (lead_agency, support_agencies).
    Fields whose source is not given are this station's own (local)."""
    with write(db, ctx) as w:
        phase = _child(db, "playbook_phase", phase_id)
        given = values.get("sources")
        own = {name: "local" for name in provenance.TASK_FIELDS}
        values = {**values, "sources": {**own, **(given if isinstance(given, dict) else {})}}
        clean = _task_values(db, values)
        ids = _siblings(db, "playbook_task", "phase_id = ?", [phase_id])
        return w.insert(
            "playbook_task",
            {
                "playbook_id": phase["playbook_id"],
                "phase_id": phase_id,
                "position": len(ids),
                **clean,
            },
        )


def save_task(db: Database, ctx: Ctx, task_id: str, values: dict) -> None:
    """Save a draft's task. A field changed while its source was left as it was becomes
    this station's own rule (local); clause note, quotes and sources not given are kept."""
    with write(db, ctx) as w:
        row = _child(db, "playbook_task", task_id)
        clean = _task_values(db, _kept(row, values))
        stored = json.loads(row["sources"])
        given = json.loads(clean["sources"])
        sources = provenance.after_edit(row, clean, stored, given, provenance.TASK_FIELDS)
        w.update("playbook_task", task_id, {**clean, "sources": io.dump(sources)})


def move_task(db: Database, ctx: Ctx, task_id: str, offset: int) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_task", task_id)
        ids = _siblings(db, "playbook_task", "phase_id = ?", [row["phase_id"]])
        _move(w, "playbook_task", ids, task_id, offset)


def remove_task(db: Database, ctx: Ctx, task_id: str) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_task", task_id)
        w.delete("playbook_task", task_id)
        _renumber(
            w, "playbook_task", _siblings(db, "playbook_task", "phase_id = ?", [row["phase_id"]])
        )


def _factor_values(db: Database, values: dict) -> dict:
    vocab = io.database_vocabulary(db)
    values = {**values}
    values.setdefault("note", FACTOR_NOTE)
    return io.factor_row(io.clean_factor(values, vocab), vocab)


def _factors_changed(w, playbook_id: str) -> None:
    """A station that changes a version's planning factors makes them its own (local)."""
    row = w.db["playbook"].get(playbook_id)
    sources = json.loads(row["sources"])
    if sources.get("factors") != "local":
        w.update("playbook", playbook_id, {"sources": io.dump({**sources, "factors": "local"})})


def add_factor(db: Database, ctx: Ctx, playbook_id: str, values: dict) -> str:
    """Add a planning factor (item code or category, basis, qty_per_day, days, buffer_pct)."""
    with write(db, ctx) as w:
        _draft(db, playbook_id)
        clean = _factor_values(db, values)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [playbook_id])
        _factors_changed(w, playbook_id)
        return w.insert(
            "playbook_factor", {"playbook_id": playbook_id, "position": len(ids), **clean}
        )


def save_factor(db: Database, ctx: Ctx, factor_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_factor", factor_id)
        clean = _factor_values(db, values)
        if any(row[name] != value for name, value in clean.items()):
            _factors_changed(w, row["playbook_id"])
        w.update("playbook_factor", factor_id, clean)


def move_factor(db: Database, ctx: Ctx, factor_id: str, offset: int) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_factor", factor_id)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [row["playbook_id"]])
        _move(w, "playbook_factor", ids, factor_id, offset)


def remove_factor(db: Database, ctx: Ctx, factor_id: str) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_factor", factor_id)
        _factors_changed(w, row["playbook_id"])
        w.delete("playbook_factor", factor_id)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [row["playbook_id"]])
        _renumber(w, "playbook_factor", ids)


# ---------------------------------------------------------------- versions


def approve(db: Database, ctx: Ctx, code: str, version: int) -> None:
    """draft → approved; the code's earlier approved versions are retired (the APPROVE
    right)."""
    policy.require_at(db, ctx, roles.APPROVE)
    head = header(db, code, version)
    if head["status"] != "draft":
        raise BioError(
            tr(
                "Playbook {code} version {version} is {status}; only a draft can be approved.",
                code=code,
                version=version,
                status=io.status_label(head["status"]),
            )
        )
    doc = get(db, code, version)
    try:
        clauses.clean_clauses(doc["clauses"])
    except Invalid as error:
        raise Invalid(
            "clauses",
            tr("Playbook {code}: {error} Correct it before approving.", code=code, error=error),
        ) from None
    for phase in doc["phases"]:
        for task in phase["tasks"]:
            try:
                clauses.clean_task(task)
            except Invalid as error:
                raise Invalid(
                    error.field,
                    tr(
                        "Task {title}: {error} Correct it before approving.",
                        title=task["title"],
                        error=error,
                    ),
                ) from None
            if task["lead_agency"] is None:
                raise Invalid(
                    "lead_agency",
                    tr(
                        "Task {title} has no lead agency; name one before approving.",
                        title=task["title"],
                    ),
                )
    if not any(phase["tasks"] for phase in doc["phases"]):
        raise BioError(tr("Playbook {code} has no tasks; add tasks before approving.", code=code))
    with write(db, ctx) as w:
        for row in db.query(
            "SELECT id FROM playbook WHERE code = ? AND status = 'approved' AND deleted = 0",
            [code],
        ):
            w.update("playbook", row["id"], {"status": "retired"})
        w.update("playbook", head["id"], {"status": "approved"})


def retire(db: Database, ctx: Ctx, code: str, version: int) -> None:
    """draft or approved → retired (kept for the record, no longer offered; the APPROVE
    right)."""
    policy.require_at(db, ctx, roles.APPROVE)
    head = header(db, code, version)
    if head["status"] == "retired":
        raise BioError(
            tr("Playbook {code} version {version} is already retired.", code=code, version=version)
        )
    with write(db, ctx) as w:
        w.update("playbook", head["id"], {"status": "retired"})


def _next_version(db: Database, code: str) -> int:
    row = db.execute("SELECT max(version) FROM playbook WHERE code = ?", [code]).fetchone()
    return (row[0] or 0) + 1


def write_document(db: Database, ctx: Ctx, doc: dict, based_on: str | None) -> int:
    """Store a checked document as the code's next version, a draft."""
    vocab = io.database_vocabulary(db)
    with write(db, ctx) as w:
        version = _next_version(db, doc["code"])
        for table, table_rows in io.rows(doc, vocab, version, "draft", based_on).items():
            for row_id, values in table_rows:
                w.insert(table, {"id": row_id, **values})
    return version


def new_version(db: Database, ctx: Ctx, code: str, from_version: int) -> int:
    """A draft copy of a version (header, phases, tasks, factors); returns its number.
    Clauses written before they were checked are copied as they are, to be corrected in
    the draft (approving checks them)."""
    source = get(db, code, from_version)
    doc = io.parse(io.document(source), io.database_vocabulary(db), strict=False)
    return write_document(db, ctx, doc, source["id"])
