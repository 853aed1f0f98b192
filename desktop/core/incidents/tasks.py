"""The task board of an incident: tasks per agency with their due times and status
(未开始/已接收/进行中/已完成/不适用/受阻), the note, who and when of the last change, and
the overdue ones (not done, not inapplicable, past due)."""

import json
import re
from datetime import datetime

import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

STATUSES = tuple(vocab.TASK_STATUSES)
FINISHED = ("done", "not_applicable")
NOTE_NEEDED = ("blocked", "not_applicable")
NOTE_LIMIT = 2_000  # say what blocks it, or why it does not apply


def _agencies(db: Database) -> dict[str, dict]:
    return {
        row["id"]: row for row in db.query("SELECT id, code, name, short_name, name_en FROM agency")
    }


def overdue(task: dict, at: datetime) -> bool:
    return bool(
        task["status"] not in FINISHED and task["due_at"] and records.moment(task["due_at"]) < at
    )


def listing(
    db: Database,
    ref: str,
    agency: str | None = None,
    status: str | None = None,
    overdue_only: bool = False,
    at: datetime | None = None,
) -> list[dict]:
    """The incident's tasks in playbook order; agency (a code) keeps those it leads or
    supports, status (a code or a name) those in it."""
    incident = records.get(db, ref)
    at = at or records.now()
    agencies = _agencies(db)
    wanted = records.choice("task_status", status, "status") if status else None
    agency_id = None
    if agency:
        agency_id = next((a["id"] for a in agencies.values() if a["code"] == agency.strip()), None)
        if agency_id is None:
            raise BioError(tr("No agency with code {code}.", code=agency))
    out = []
    for row in db.query(
        "SELECT t.*, p.code AS playbook FROM incident_task t "
        "JOIN incident_playbook a ON a.id = t.activation_id "
        "JOIN playbook p ON p.id = a.playbook_id "
        "WHERE t.incident_id = ? AND t.deleted = 0 ORDER BY a.activated_at, p.code, t.position",
        [incident["id"]],
    ):
        support = [a for a in json.loads(row["support_agency_ids"]) if a in agencies]
        if agency_id and agency_id != row["lead_agency_id"] and agency_id not in support:
            continue
        if wanted and row["status"] != wanted:
            continue
        late = overdue(row, at)
        if overdue_only and not late:
            continue
        lead = agencies.get(row["lead_agency_id"])
        out.append(
            {
                "id": row["id"],
                "title": row["title"],
                "phase": row["phase"],
                "phase_title": row["phase_title"],
                "playbook": row["playbook"],
                "lead_agency": lead["code"] if lead else None,
                "lead_agency_id": row["lead_agency_id"],
                "lead_agency_name": vocab.local_name(lead["name"], lead["name_en"]) if lead else "",
                "support_agencies": [agencies[a]["code"] for a in support],
                "support_agency_names": [
                    vocab.local_name(agencies[a]["name"], agencies[a]["name_en"]) for a in support
                ],
                "due": row["due_at"],
                "added_at": row["added_at"],
                "status": row["status"],
                "status_name": vocab.name("task_status", row["status"]),
                "note": row["status_note"],
                "by": row["status_by"],
                "at": row["status_at"],
                "overdue": late,
                "min_grade": row["min_grade"],
                "instructions": row["instructions"],
                "checklist": json.loads(row["checklist"]),
                "specialties": json.loads(row["specialties"]),
                "clause": row["clause"],
            }
        )
    return out


ID_PREFIX = re.compile(r"[0-9a-f\-]{8,36}")


def get(db: Database, ref: str) -> dict:
    """A task by its id, or by a unique beginning of it (eight characters at least)."""
    given = (ref or "").strip()
    ref = given.lower()
    rows = []
    if ID_PREFIX.fullmatch(ref):  # hex digits and hyphens only: nothing for LIKE to read
        rows = db.execute(
            "SELECT id FROM incident_task WHERE deleted = 0 AND id >= ? AND id < ? LIMIT 2",
            [ref, ref + "\uffff"],
        ).fetchall()
    if not rows:  # named as typed (an incident number given for a task reads as such)
        raise BioError(tr("No task {ref}.", ref=given))
    if len(rows) > 1:
        raise BioError(tr("{ref} names more than one task: give more of its id.", ref=ref))
    return next(db.query("SELECT * FROM incident_task WHERE id = ?", [rows[0][0]]))


def set_status(db: Database, ctx: Ctx, ref: str, status: str, note: str = "", at=None) -> dict:
    """Record a task's progress: its new status, a note (required when it is blocked or does
    not apply), who and when. Returns the task as listing() shows it."""
    task = get(db, ref)
    incident = records.open_incident(db, task["incident_id"])
    new = records.choice("task_status", status, "status")
    note = records.text_field({"note": note}, "note", NOTE_LIMIT, multiline=True)
    if new in NOTE_NEEDED and not note:
        raise Invalid(
            "note",
            tr("Say why the task is {status}.", status=vocab.name("task_status", new)),
        )
    if new == task["status"] and note == task["status_note"]:
        raise BioError(tr("The task is {status} already.", status=vocab.name("task_status", new)))
    when = records.at_or_now(at)
    with write(db, ctx) as w:
        w.update(
            "incident_task",
            task["id"],
            {"status": new, "status_note": note, "status_by": ctx.actor, "status_at": when},
        )
        if new == task["status"]:  # a new note on the same status
            text = tr("Task {title} ({status}):", title=task["title"],
                      status=vocab.name("task_status", new))  # fmt: skip
        else:
            text = tr(
                "Task {title}: {old} → {new}.",
                title=task["title"],
                old=vocab.name("task_status", task["status"]),
                new=vocab.name("task_status", new),
            )
        journal.note(w, incident["id"], "task", f"{text} {note}".strip(), when)
    return next(t for t in listing(db, incident["id"]) if t["id"] == task["id"])


def overdue_count(db: Database, at: datetime | None = None) -> int:
    """Overdue tasks of every incident not closed."""
    return db.execute(
        "SELECT count(*) FROM incident_task t JOIN incident i ON i.id = t.incident_id "
        "WHERE i.status != 'closed' AND i.deleted = 0 AND t.deleted = 0 "
        "AND t.status NOT IN ('done', 'not_applicable') AND t.due_at IS NOT NULL "
        "AND julianday(t.due_at) < julianday(?)",
        [values.stamp(at or records.now())],
    ).fetchone()[0]
