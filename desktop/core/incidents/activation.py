"""Activating playbooks for an incident (Sahana Eden's scenario → incident): the approved
playbooks of its hazard and grade are suggested; activating one copies the tasks whose
minimum grade the incident meets, each with its due time counted from then, and the
playbook's planning factors as the incident's material lines. An escalation adds the
tasks whose minimum grade is now met; nothing is ever removed.

Tasks, lines and the activation itself have ids derived from what they come from, so two
stations doing the same never make two."""

import json
from datetime import timedelta

import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.playbooks import counties
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import Writer, write


def activation_id(incident_id: str, code: str) -> str:
    return reference_id("incident_playbook", f"{incident_id}/{code}")


def task_id(incident_id: str, playbook_task_id: str) -> str:
    return reference_id("incident_task", f"{incident_id}/{playbook_task_id}")


def need_id(incident_id: str, factor_id: str) -> str:
    return reference_id("incident_need", f"{incident_id}/{factor_id}")


def _latest_approved(db: Database) -> dict[str, dict]:
    """The newest approved version of each playbook code."""
    out: dict[str, dict] = {}
    for row in db.query(
        "SELECT id, code, version, title, hazard, grades, summary FROM playbook "
        "WHERE status = 'approved' AND deleted = 0 ORDER BY code, version"
    ):
        row["grades"] = json.loads(row["grades"])
        out[row["code"]] = row
    return out


def suggestions(db: Database, ref: str) -> list[dict]:
    """The approved playbooks of the incident's hazard: those made for its grade first,
    each with `fits` (its grade is among the playbook's) and `activated`."""
    incident = records.get(db, ref)
    active = {row["code"] for row in records.activations(db, incident["id"])}
    out = []
    for playbook in _latest_approved(db).values():
        if playbook["hazard"] != incident["hazard"]:
            continue
        tasks = db.execute(
            "SELECT min_grade FROM playbook_task WHERE playbook_id = ? AND deleted = 0",
            [playbook["id"]],
        ).fetchall()
        out.append(
            {
                **playbook,
                "fits": incident["grade"] in playbook["grades"],
                "activated": playbook["code"] in active,
                "tasks_now": sum(records.applies(g, incident["grade"]) for (g,) in tasks),
                "tasks_all": len(tasks),
            }
        )
    out.sort(key=lambda p: (not p["fits"], p["activated"], p["code"]))
    return out


def _playbook_for(db: Database, incident: dict, code: str) -> dict:
    code = (code or "").strip().upper()
    playbook = _latest_approved(db).get(code)
    if playbook is None:
        exists = db.execute(
            "SELECT 1 FROM playbook WHERE code = ? AND deleted = 0", [code]
        ).fetchone()
        if exists:
            raise BioError(
                tr("Playbook {code} has no approved version; approve it before activating it.",
                   code=code)
            )  # fmt: skip
        raise BioError(tr("No playbook with code {code}.", code=code))
    if playbook["hazard"] != incident["hazard"]:
        raise BioError(
            tr(
                "Playbook {code} is for {playbook_hazard}; incident {number} is {hazard}. "
                "Activate a playbook of the incident's hazard.",
                code=code,
                playbook_hazard=vocab.name("hazard", playbook["hazard"]),
                number=incident["number"],
                hazard=vocab.name("hazard", incident["hazard"]),
            )
        )
    if incident["grade"] not in playbook["grades"]:
        raise BioError(
            tr(
                "Playbook {code} applies to grades {grades}, not to grade {grade}.",
                code=code,
                grades=", ".join(playbook["grades"]),
                grade=incident["grade"],
            )
        )
    return playbook


def activate(db: Database, ctx: Ctx, ref: str, code: str, at=None) -> dict:
    """Activate the newest approved version of a playbook; returns {activation, playbook,
    version, tasks, lines}: the numbers of tasks and material lines given."""
    incident = records.open_incident(db, ref)
    playbook = _playbook_for(db, incident, code)
    aid = activation_id(incident["id"], playbook["code"])
    if db.execute("SELECT 1 FROM incident_playbook WHERE id = ?", [aid]).fetchone():
        raise BioError(
            tr("Playbook {code} is already activated for incident {number}.",
               code=playbook["code"], number=incident["number"])
        )  # fmt: skip
    when = records.at_or_now(at)
    with write(db, ctx) as w:
        w.insert(
            "incident_playbook",
            {"id": aid, "incident_id": incident["id"], "playbook_id": playbook["id"],
             "grade": incident["grade"], "activated_at": when, "actor": ctx.actor},
        )  # fmt: skip
        tasks = add_tasks(w, incident, incident["grade"], when, [aid])
        lines = _add_lines(w, incident, aid, playbook["id"])
        changes = {}
        if incident["status"] == "reported":
            changes["status"] = "responding"
        if not incident["activated_at"]:
            changes["activated_at"] = when
        if changes:
            w.update("incident", incident["id"], changes)
        journal.note(
            w,
            incident["id"],
            "activation",
            tr("Playbook {code} v{version} ({title}) activated at grade {grade}: {tasks} "
               "task(s), {lines} material line(s).", code=playbook["code"],
               version=playbook["version"], title=playbook["title"], grade=incident["grade"],
               tasks=tasks, lines=lines),
            when,
        )  # fmt: skip
    return {
        "activation": aid,
        "playbook": playbook["code"],
        "version": playbook["version"],
        "tasks": tasks,
        "lines": lines,
    }


def add_tasks(
    w: Writer, incident: dict, grade: str, when: str, only: list[str] | None = None
) -> int:
    """Give the incident the tasks of its activated playbooks (or of `only` these
    activations) that apply at `grade` and it does not have yet; each is due its deadline
    hours after `when`; a county duty (COUNTY-* agency) goes to the incident county's own
    agency (playbooks/counties.py). Returns how many were added."""
    db = w.db
    local = counties.localiser(db, incident.get("division"))
    where, params = "a.incident_id = ? AND a.deleted = 0", [incident["id"]]
    if only:
        where += f" AND a.id IN ({', '.join('?' * len(only))})"
        params += only
    added = 0
    start = records.moment(when)
    for row in db.query(
        "SELECT t.*, a.id AS activation, ph.phase AS phase_code, ph.title AS phase_title, "
        "ph.position AS phase_position FROM incident_playbook a "
        "JOIN playbook_task t ON t.playbook_id = a.playbook_id AND t.deleted = 0 "
        "JOIN playbook_phase ph ON ph.id = t.phase_id AND ph.deleted = 0 "
        f"WHERE {where} ORDER BY a.activated_at, ph.position, t.position",
        params,
    ):
        if not records.applies(row["min_grade"], grade):
            continue
        tid = task_id(incident["id"], row["id"])
        if db.execute("SELECT 1 FROM incident_task WHERE id = ?", [tid]).fetchone():
            continue
        hours = row["deadline_hours"]
        due = values.stamp(start + timedelta(hours=hours)) if hours is not None else None
        lead, support = counties.localise_task(local, row["lead_agency_id"],
                                               row["support_agency_ids"])  # fmt: skip
        w.insert(
            "incident_task",
            {
                "id": tid,
                "incident_id": incident["id"],
                "activation_id": row["activation"],
                "playbook_task_id": row["id"],
                "position": row["phase_position"] * 1000 + row["position"],
                "phase": row["phase_code"],
                "phase_title": row["phase_title"],
                "title": row["title"],
                "instructions": row["instructions"],
                "lead_agency_id": lead,
                "support_agency_ids": support,
                "min_grade": row["min_grade"],
                "checklist": row["checklist"],
                "specialties": row["specialties"],
                "clause": row["clause"],
                "added_at": when,
                "due_at": due,
                "status": "not_started",
            },
        )
        added += 1
    return added


def _add_lines(w: Writer, incident: dict, aid: str, playbook_id: str) -> int:
    db = w.db
    depots = [d["id"] for d in records.allowed_depots(db, incident)]
    count = 0
    for factor in db.query(
        "SELECT * FROM playbook_factor WHERE playbook_id = ? AND deleted = 0 ORDER BY position",
        [playbook_id],
    ):
        item_id = factor["item_id"] or resolve_category(db, factor["category"], depots)
        w.insert(
            "incident_need",
            {
                "id": need_id(incident["id"], factor["id"]),
                "incident_id": incident["id"],
                "activation_id": aid,
                "factor_id": factor["id"],
                "position": factor["position"],
                "item_id": item_id,
                "category": factor["category"],
                "basis": factor["basis"],
                "qty_per_day": factor["qty_per_day"],
                "days": factor["days"],
                "buffer_pct": factor["buffer_pct"],
                "note": factor["note"],
            },
        )
        count += 1
    return count


def resolve_category(db: Database, category: str | None, depot_ids: list[str]) -> str | None:
    """The item a category's factor stands for: the item of the category with the most
    usable stock in the depots given (ties by code); when none has any, its first item by
    code; None for a category without items."""
    if not category:
        return None
    items = db.execute(
        "SELECT id FROM item WHERE category = ? AND deleted = 0 ORDER BY code", [category]
    ).fetchall()
    if not items:
        return None
    best, best_qty = items[0][0], 0
    if depot_ids:
        marks = ", ".join("?" * len(depot_ids))
        for item_id, qty in db.execute(
            f"SELECT u.item_id, sum(u.qty) FROM usable_stock u JOIN item i ON i.id = u.item_id "
            f"WHERE i.category = ? AND i.deleted = 0 AND u.depot_id IN ({marks}) "
            "GROUP BY u.item_id ORDER BY sum(u.qty) DESC, i.code LIMIT 1",
            [category, *depot_ids],
        ):
            if qty > best_qty:
                best, best_qty = item_id, qty
    return best
