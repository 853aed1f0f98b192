"""Playbooks (处置预案): versions, phases, tasks and material planning factors.

A playbook version is named by (code, version) and has a status that only moves forward:
draft → approved → retired (tables.FORWARD). Only a draft is edited; an approved version
is never changed — `new_version` copies it into a new draft (based_on names the source) —
and approving a version retires the code's earlier approved versions. The shipped
playbooks (resources/playbooks, see playbook_io) are reference data: approved, version 1,
marked as examples to adapt locally.

Agencies are given by code in edits and documents and returned with code and names.
Every edit goes through the write path; refusals are BioError (Invalid names the field).
"""

import json
import os
import tempfile
from pathlib import Path

from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.playbooks import diff as playbook_diff
from desktop.core.playbooks import files as io
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

reference_ops = io.reference_ops
FACTOR_NOTE = "示例参数，可按本地实际修改"

_ORDER = "CASE hazard " + " ".join(f"WHEN '{h}' THEN {n}" for n, h in enumerate(io.HAZARDS))
_ORDER += " ELSE 99 END, code"


def listing(db) -> list[dict]:
    """Every playbook version (not deleted), by hazard, code and version."""
    out = []
    for row in db.query(
        f"SELECT id, code, version, title, hazard, grades, status, example FROM playbook "
        f"WHERE deleted = 0 ORDER BY {_ORDER}, version"
    ):
        row["grades"] = json.loads(row["grades"])
        row["example"] = bool(row["example"])
        out.append(row)
    return out


def _header(db, code: str, version: int | None = None) -> dict:
    if version is None:
        sql, params = "code = ? ORDER BY version DESC LIMIT 1", [code]
    else:
        sql, params = "code = ? AND version = ?", [code, int(version)]
    row = next(db.query(f"SELECT * FROM playbook WHERE deleted = 0 AND {sql}", params), None)
    if row is None:
        if version is None:
            raise BioError(tr("No playbook with code {code}.", code=code))
        raise BioError(tr("Playbook {code} has no version {version}.", code=code, version=version))
    return row


def _agencies(db) -> dict:
    return {
        r["id"]: {"code": r["code"], "name": r["name"], "short_name": r["short_name"]}
        for r in db.query("SELECT id, code, name, short_name FROM agency")
    }


def get(db, code: str, version: int | None = None) -> dict:
    """One version (the latest by default) with its phases → tasks, and its factors."""
    head = _header(db, code, version)
    pid = head["id"]
    agencies = _agencies(db)
    based_on = None
    if head["based_on"]:
        source = db["playbook"].get(head["based_on"])
        based_on = source["version"] if source else None
    out = {
        "id": pid,
        "code": head["code"],
        "version": head["version"],
        "title": head["title"],
        "hazard": head["hazard"],
        "grades": json.loads(head["grades"]),
        "status": head["status"],
        "clauses": json.loads(head["clauses"]),
        "summary": head["summary"],
        "based_on": based_on,
        "example": bool(head["example"]),
        "phases": [],
        "factors": [],
    }
    phases = {}
    for row in db.query(
        "SELECT id, phase, title FROM playbook_phase WHERE playbook_id = ? AND deleted = 0 "
        "ORDER BY position, id",
        [pid],
    ):
        phases[row["id"]] = {**row, "tasks": []}
        out["phases"].append(phases[row["id"]])
    for row in db.query(
        "SELECT * FROM playbook_task WHERE playbook_id = ? AND deleted = 0 ORDER BY position, id",
        [pid],
    ):
        if row["phase_id"] not in phases:
            continue
        phases[row["phase_id"]]["tasks"].append(
            {
                "id": row["id"],
                "title": row["title"],
                "instructions": row["instructions"],
                "lead_agency": agencies.get(row["lead_agency_id"]),
                "support_agencies": [
                    agencies[a] for a in json.loads(row["support_agency_ids"]) if a in agencies
                ],
                "deadline_hours": row["deadline_hours"],
                "min_grade": row["min_grade"],
                "checklist": json.loads(row["checklist"]),
                "specialties": json.loads(row["specialties"]),
                "clause": row["clause"],
            }
        )
    items = dict(db.execute("SELECT id, code FROM item").fetchall())
    for row in db.query(
        "SELECT * FROM playbook_factor WHERE playbook_id = ? AND deleted = 0 ORDER BY position, id",
        [pid],
    ):
        out["factors"].append(
            {
                "id": row["id"],
                "item": items.get(row["item_id"]),
                "category": row["category"],
                "basis": row["basis"],
                "qty_per_day": row["qty_per_day"],
                "days": row["days"],
                "buffer_pct": row["buffer_pct"],
                "note": row["note"],
            }
        )
    return out


# ---------------------------------------------------------------- edits of a draft


def _draft(db, playbook_id: str) -> dict:
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


def _child(db, table: str, row_id: str) -> dict:
    row = db[table].get(row_id)
    if row is None or row["deleted"]:
        raise BioError(tr("No {table} row with id {id}.", table=table, id=row_id))
    _draft(db, row["playbook_id"])
    return row


def validate(db, values: dict) -> dict:
    """A playbook header checked: title, hazard, grades (I–IV), clauses, summary, example."""
    return io.clean_header(values)


def save_playbook_header(db, ctx: Ctx, playbook_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        _draft(db, playbook_id)
        clean = validate(db, values)
        w.update(
            "playbook",
            playbook_id,
            {
                **clean,
                "grades": io.dump(clean["grades"]),
                "clauses": io.dump(clean["clauses"]),
                "example": int(clean["example"]),
            },
        )


def _siblings(db, table: str, where: str, params: list) -> list[str]:
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


def add_phase(db, ctx: Ctx, playbook_id: str, values: dict) -> str:
    with write(db, ctx) as w:
        _draft(db, playbook_id)
        clean = io.clean_phase(values)
        ids = _siblings(db, "playbook_phase", "playbook_id = ?", [playbook_id])
        return w.insert(
            "playbook_phase", {"playbook_id": playbook_id, "position": len(ids), **clean}
        )


def save_phase(db, ctx: Ctx, phase_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        _child(db, "playbook_phase", phase_id)
        w.update("playbook_phase", phase_id, io.clean_phase(values))


def move_phase(db, ctx: Ctx, phase_id: str, offset: int) -> None:
    """Move a phase up (offset < 0) or down among its playbook's phases."""
    with write(db, ctx) as w:
        row = _child(db, "playbook_phase", phase_id)
        ids = _siblings(db, "playbook_phase", "playbook_id = ?", [row["playbook_id"]])
        _move(w, "playbook_phase", ids, phase_id, offset)


def remove_phase(db, ctx: Ctx, phase_id: str) -> None:
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


def _task_values(db, values: dict) -> dict:
    vocab = io.database_vocabulary(db)
    return io.task_row(io.clean_task(values, vocab), vocab)


def add_task(db, ctx: Ctx, phase_id: str, values: dict) -> str:
    """Add a task at the end of a phase; agencies by code (lead_agency, support_agencies)."""
    with write(db, ctx) as w:
        phase = _child(db, "playbook_phase", phase_id)
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


def save_task(db, ctx: Ctx, task_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        _child(db, "playbook_task", task_id)
        w.update("playbook_task", task_id, _task_values(db, values))


def move_task(db, ctx: Ctx, task_id: str, offset: int) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_task", task_id)
        ids = _siblings(db, "playbook_task", "phase_id = ?", [row["phase_id"]])
        _move(w, "playbook_task", ids, task_id, offset)


def remove_task(db, ctx: Ctx, task_id: str) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_task", task_id)
        w.delete("playbook_task", task_id)
        _renumber(
            w, "playbook_task", _siblings(db, "playbook_task", "phase_id = ?", [row["phase_id"]])
        )


def _factor_values(db, values: dict) -> dict:
    vocab = io.database_vocabulary(db)
    values = {**values}
    values.setdefault("note", FACTOR_NOTE)
    return io.factor_row(io.clean_factor(values, vocab), vocab)


def add_factor(db, ctx: Ctx, playbook_id: str, values: dict) -> str:
    """Add a planning factor (item code or category, basis, qty_per_day, days, buffer_pct)."""
    with write(db, ctx) as w:
        _draft(db, playbook_id)
        clean = _factor_values(db, values)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [playbook_id])
        return w.insert(
            "playbook_factor", {"playbook_id": playbook_id, "position": len(ids), **clean}
        )


def save_factor(db, ctx: Ctx, factor_id: str, values: dict) -> None:
    with write(db, ctx) as w:
        _child(db, "playbook_factor", factor_id)
        w.update("playbook_factor", factor_id, _factor_values(db, values))


def move_factor(db, ctx: Ctx, factor_id: str, offset: int) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_factor", factor_id)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [row["playbook_id"]])
        _move(w, "playbook_factor", ids, factor_id, offset)


def remove_factor(db, ctx: Ctx, factor_id: str) -> None:
    with write(db, ctx) as w:
        row = _child(db, "playbook_factor", factor_id)
        w.delete("playbook_factor", factor_id)
        ids = _siblings(db, "playbook_factor", "playbook_id = ?", [row["playbook_id"]])
        _renumber(w, "playbook_factor", ids)


# ---------------------------------------------------------------- versions


def approve(db, ctx: Ctx, code: str, version: int) -> None:
    """draft → approved; the code's earlier approved versions are retired."""
    head = _header(db, code, version)
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
    for phase in doc["phases"]:
        for task in phase["tasks"]:
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


def retire(db, ctx: Ctx, code: str, version: int) -> None:
    """draft or approved → retired (kept for the record, no longer offered)."""
    head = _header(db, code, version)
    if head["status"] == "retired":
        raise BioError(
            tr("Playbook {code} version {version} is already retired.", code=code, version=version)
        )
    with write(db, ctx) as w:
        w.update("playbook", head["id"], {"status": "retired"})


def _next_version(db, code: str) -> int:
    row = db.execute("SELECT max(version) FROM playbook WHERE code = ?", [code]).fetchone()
    return (row[0] or 0) + 1


def _write_document(db, ctx: Ctx, doc: dict, based_on: str | None) -> int:
    """Store a checked document as the code's next version, a draft."""
    vocab = io.database_vocabulary(db)
    with write(db, ctx) as w:
        version = _next_version(db, doc["code"])
        for table, table_rows in io.rows(doc, vocab, version, "draft", based_on).items():
            for row_id, values in table_rows:
                w.insert(table, {"id": row_id, **values})
    return version


def new_version(db, ctx: Ctx, code: str, from_version: int) -> int:
    """A draft copy of a version (header, phases, tasks, factors); returns its number."""
    source = get(db, code, from_version)
    doc = io.parse(io.document(source), io.database_vocabulary(db))
    return _write_document(db, ctx, doc, source["id"])


def diff(db, code: str, v1: int, v2: int) -> dict:
    """What changed from version v1 to v2 (see playbook_diff.compare)."""
    return playbook_diff.compare(io.document(get(db, code, v1)), io.document(get(db, code, v2)))


# ---------------------------------------------------------------- files


def export_json(db, code: str, version: int | None, path) -> Path:
    """Write one version as a bioreserve-playbook/1 file (replaced only when complete)."""
    doc = io.document(get(db, code, version))
    target = Path(path)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent or ".")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as error:
        raise BioError(
            tr(
                "Cannot write {path}: {reason}. Choose a folder you can write to.",
                path=target,
                reason=error.strerror or error,
            )
        ) from None
    return target


def import_json(db, ctx: Ctx, path) -> tuple[str, int]:
    """Read a playbook file into a new draft: version 1 of a new code, else the code's next
    version (based on its latest). Nothing is written unless the whole file is valid.
    Returns (code, version)."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BioError(
            tr("Cannot read {path}: {reason}.", path=path, reason=error.strerror or error)
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BioError(
            tr("{path} is not a JSON file: {reason}.", path=path, reason=error)
        ) from None
    try:
        doc = io.parse(raw, io.database_vocabulary(db))
    except Invalid as error:
        raise Invalid(error.field, f"{path.name}: {error}") from None
    latest = db.execute(
        "SELECT id FROM playbook WHERE code = ? AND deleted = 0 ORDER BY version DESC LIMIT 1",
        [doc["code"]],
    ).fetchone()
    version = _write_document(db, ctx, doc, latest[0] if latest else None)
    return doc["code"], version


# ---------------------------------------------------------------- responsibility matrix


def matrix(db) -> dict:
    """Agencies × (playbook, phase) of the latest approved versions: "lead" where the
    agency leads a task of that phase, else "support" where it supports one, else ""."""
    heads = list(
        db.query(
            f"SELECT p.* FROM playbook p WHERE p.deleted = 0 AND p.status = 'approved' AND "
            f"p.version = (SELECT max(version) FROM playbook q WHERE q.code = p.code AND "
            f"q.deleted = 0 AND q.status = 'approved') ORDER BY {_ORDER}"
        )
    )
    columns, marks = [], {}
    for head in heads:
        doc = get(db, head["code"], head["version"])
        for phase in doc["phases"]:
            column = len(columns)
            columns.append(
                {
                    "playbook": doc["code"],
                    "playbook_title": doc["title"],
                    "version": doc["version"],
                    "phase": phase["phase"],
                    "phase_title": phase["title"],
                }
            )
            for task in phase["tasks"]:
                for agency in task["support_agencies"]:
                    marks.setdefault((agency["code"], column), "support")
                if task["lead_agency"]:
                    marks[(task["lead_agency"]["code"], column)] = "lead"
    used = {code for code, _ in marks}
    rows = []
    for agency in db.query(
        "SELECT code, name, short_name FROM agency WHERE deleted = 0 ORDER BY rowid"
    ):
        if agency["code"] in used:
            cells = [marks.get((agency["code"], c), "") for c in range(len(columns))]
            rows.append(
                {
                    "agency": agency["code"],
                    "name": agency["name"],
                    "short_name": agency["short_name"],
                    "cells": cells,
                }
            )
    return {"columns": columns, "rows": rows}


def reference_playbook_id(code: str, version: int = 1) -> str:
    return reference_id("playbook", f"{code}/{version}")
