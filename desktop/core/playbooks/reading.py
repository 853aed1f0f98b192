"""Reading playbooks: the list of versions, one version with its phases, tasks and
factors (agencies by code and name), two versions compared, and the responsibility matrix
(agencies × playbooks × phases of the latest approved versions)."""

import json

import desktop.core.playbooks.compare as compare
import desktop.core.playbooks.files as io
import desktop.core.playbooks.shipped as shipped
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

_ORDER = "CASE hazard " + " ".join(f"WHEN '{h}' THEN {n}" for n, h in enumerate(io.HAZARDS))
_ORDER += " ELSE 99 END, code"


def listing(db: Database) -> list[dict]:
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


def header(db: Database, code: str, version: int | None = None) -> dict:
    params: list[str | int]
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


def _agencies(db: Database) -> dict:
    return {
        r["id"]: {"code": r["code"], "name": r["name"], "short_name": r["short_name"]}
        for r in db.query("SELECT id, code, name, short_name FROM agency")
    }


def get(db: Database, code: str, version: int | None = None) -> dict:
    """One version (the latest by default) with its phases → tasks, and its factors."""
    head = header(db, code, version)
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
        "sources": json.loads(head["sources"]),
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
                "clause_note": row["clause_note"],
                "quotes": json.loads(row["quotes"]),
                "sources": json.loads(row["sources"]),
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


def diff(db: Database, code: str, v1: int, v2: int) -> dict:
    """What changed from version v1 to v2 (see compare.compare)."""
    return compare.compare(io.document(get(db, code, v1)), io.document(get(db, code, v2)))


def matrix(db: Database) -> dict:
    """Agencies × (playbook, phase) of the latest approved versions: "lead" where the
    agency leads a task of that phase, else "support" where it supports one, else ""."""
    heads = list(
        db.query(
            f"SELECT p.* FROM playbook p WHERE p.deleted = 0 AND p.status = 'approved' AND "
            f"p.version = (SELECT max(version) FROM playbook q WHERE q.code = p.code AND "
            f"q.deleted = 0 AND q.status = 'approved') ORDER BY {_ORDER}"
        )
    )
    columns: list[dict] = []
    marks: dict[tuple[str, int], str] = {}  # (agency, column) → "lead" | "support"
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


def task_provenance(db: Database, playbook_task_ids) -> dict[str, dict]:
    """Where the playbook tasks given (by id) come from: {id: {clause, clause_note, quotes,
    sources}} — for an incident's tasks, which keep the playbook task they were copied from."""
    ids = [i for i in dict.fromkeys(playbook_task_ids) if i]
    out: dict[str, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in db.query(
            "SELECT id, clause, clause_note, quotes, sources FROM playbook_task "
            f"WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            out[row["id"]] = {
                "clause": row["clause"],
                "clause_note": row["clause_note"],
                "quotes": json.loads(row["quotes"]),
                "sources": json.loads(row["sources"]),
            }
    return out


def reference_playbook_id(code: str, version: int = 1) -> str:
    """The id of a shipped version (shipped.py names the first six and later ones apart)."""
    return shipped.shipped_id(code, version)


def plan_mismatches(db: Database, code: str, version: int) -> list[dict]:
    """The tasks of a version whose lead or supporting agencies the plan does not name in
    the clauses they cite: {task, agencies (codes)}. A station may adapt its playbooks; this
    says where a version departs from the plan (import and approve warn of it)."""
    import desktop.core.playbooks.clauses as clauses  # the plan's text: read only when asked

    playbook = get(db, code, version)
    codes = {row[0]: row[1] for row in db.execute("SELECT id, code FROM agency")}
    out = []
    for title, lead, support, clause in db.execute(
        "SELECT title, lead_agency_id, support_agency_ids, clause FROM playbook_task "
        "WHERE playbook_id = ? AND deleted = 0 ORDER BY position",
        [playbook["id"]],
    ):
        ids = [lead, *json.loads(support or "[]")]
        missing = clauses.unnamed(clause, [codes.get(i) for i in ids if i])
        if missing:
            out.append({"task": title, "agencies": missing})
    return out
