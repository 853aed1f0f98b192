"""Experts for an incident (D4H: people with qualifications, dispatched): for each task's
required specialties, the experts available today with that specialty and a valid
qualification (one certificate at least, none needed unexpired beyond that); dispatching
one marks them 执行任务中 (on_mission) with the incident until released."""

import json
from datetime import date

import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
import desktop.core.incidents.tasks as tasks
from desktop.core import disclosure, orders, values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.roster import experts as roster
from desktop.core.store.handle import Database
from desktop.core.store.writepath import Writer, write

QUALIFIED_ONE = (
    "SELECT 1 FROM expert_qualification WHERE expert_id = ? AND deleted = 0 "
    "AND (expires_on IS NULL OR expires_on >= ?)"
)
QUALIFIED = (
    "EXISTS (SELECT 1 FROM expert_qualification q WHERE q.expert_id = e.id AND q.deleted = 0 "
    "AND (q.expires_on IS NULL OR q.expires_on >= :today))"
)


def candidates(db: Database, specialty: str, today: date, limit: int = 20) -> list[dict]:
    """Experts with the specialty who are available today and hold a valid qualification,
    the ones whose certificates run longest first."""
    return list(
        db.query(
            "SELECT e.id, e.name, e.organisation, e.title, e.mobile, e.division, "
            "(SELECT max(coalesce(q.expires_on, '9999-12-31')) FROM expert_qualification q "
            "WHERE q.expert_id = e.id AND q.deleted = 0) AS valid_until FROM expert e "
            "WHERE e.deleted = 0 AND EXISTS (SELECT 1 FROM json_each(e.specialties) j "
            f"WHERE j.value = :code) AND {roster.AVAILABLE_SQL} AND {QUALIFIED} "
            "ORDER BY valid_until DESC, e.name LIMIT :limit",
            {"code": specialty, "today": today.isoformat(), "limit": limit},
        )
    )


def suggestions(
    db: Database, ref: str, today: date | None = None, ctx: Ctx | None = None
) -> list[dict]:
    """Per task needing experts: {task, title, lead_agency, specialties: [{code, name,
    count, dispatched, experts}]}; `dispatched` counts those already out for the task.
    Phones masked unless the actor may see them (core/disclosure.py)."""
    today = today or date.today()
    reveal = disclosure.may_see(ctx)
    incident = records.get(db, ref)
    names = {
        code: vocab.local_name(name, name_en)
        for code, name, name_en in db.execute("SELECT code, name, name_en FROM specialty")
    }
    out_for: dict[tuple[str | None, str], int] = {}
    for task_id, specialties in db.execute(
        "SELECT d.task_id, e.specialties FROM incident_expert d "
        "JOIN expert e ON e.id = d.expert_id "
        "WHERE d.incident_id = ? AND d.released_at IS NULL AND d.deleted = 0",
        [incident["id"]],
    ):
        for code in json.loads(specialties or "[]"):
            out_for[(task_id, code)] = out_for.get((task_id, code), 0) + 1
    result = []
    for task in db.query(
        "SELECT t.id, t.title, t.specialties, a.code AS lead_agency FROM incident_task t "
        "LEFT JOIN agency a ON a.id = t.lead_agency_id WHERE t.incident_id = ? AND t.deleted = 0 "
        "AND t.status NOT IN ('done', 'not_applicable') ORDER BY t.position",
        [incident["id"]],
    ):
        wanted = json.loads(task["specialties"] or "[]")
        if not wanted:
            continue
        result.append(
            {
                "task": task["id"],
                "title": task["title"],
                "lead_agency": task["lead_agency"],
                "specialties": [
                    {"code": s["code"], "name": names.get(s["code"], s["code"]),
                     "count": s.get("count", 1),
                     "dispatched": out_for.get((task["id"], s["code"]), 0),
                     "experts": [roster.shown(e, reveal)
                                 for e in candidates(db, s["code"], today)]}
                    for s in wanted
                ],
            }
        )  # fmt: skip
    return result


FIND_LIMIT = 100


def find(db: Database, text: str = "", today: date | None = None,
         limit: int = FIND_LIMIT, ctx: Ctx | None = None) -> list[dict]:  # fmt: skip
    """Experts available today whose name, pinyin (initials or full) or organisation
    matches `text` (roster.search), any specialty, qualified or not, each with
    `qualified` (a certificate valid today), `valid_until` (the longest-valid one's expiry,
    9999-12-31 for none) and `expired_on` (when not qualified: the last expiry, if any)."""
    today = today or date.today()
    rows = roster.search(db, text, available_only=True, today=today, limit=limit, ctx=ctx)
    expiries: dict[str, list[str]] = {}
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for expert_id, expires in db.execute(
            "SELECT expert_id, coalesce(expires_on, '9999-12-31') FROM expert_qualification "
            f"WHERE deleted = 0 AND expert_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            expiries.setdefault(expert_id, []).append(expires)
    day = today.isoformat()
    for row in rows:
        held = expiries.get(row["id"], [])
        valid = [e for e in held if e >= day]
        row["qualified"] = bool(valid)
        row["valid_until"] = max(valid) if valid else None
        row["expired_on"] = max(held) if held and not valid else None
    return rows


def _expert(db: Database, ref: str) -> dict:
    """An expert by id, or by a name only one expert has."""
    ref = (ref or "").strip()
    rows = list(db.query("SELECT * FROM expert WHERE id = ? AND deleted = 0", [ref]))
    if not rows:
        rows = list(db.query("SELECT * FROM expert WHERE name = ? AND deleted = 0 LIMIT 2", [ref]))
    if not rows:
        raise BioError(tr("No expert {ref}.", ref=ref))
    if len(rows) > 1:
        raise BioError(tr("More than one expert is called {name}: give the id.", name=ref))
    return rows[0]


def _active(db: Database, expert_id: str) -> dict | None:
    return next(
        db.query(
            "SELECT d.*, i.number FROM incident_expert d JOIN incident i ON i.id = d.incident_id "
            "WHERE d.expert_id = ? AND d.released_at IS NULL AND d.deleted = 0 LIMIT 1",
            [expert_id],
        ),
        None,
    )


def dispatch(
    db: Database, ctx: Ctx, ref: str, expert: str, task: str | None = None, note: str = "",
    today: date | None = None,
) -> dict:  # fmt: skip
    """Send an expert to the incident (for a task, if given): their availability becomes
    执行任务中 until released. Refused when they are not available or out already."""
    incident = records.open_incident(db, ref)
    person = _expert(db, expert)
    busy = _active(db, person["id"])
    if busy:
        raise BioError(
            tr("{name} is already dispatched to incident {number}.", name=person["name"],
               number=busy["number"])
        )  # fmt: skip
    if not roster.available(person, today or date.today()):
        raise BioError(tr("{name} is not available.", name=person["name"]))
    task_row = None
    if task:
        task_row = tasks.get(db, task)
        if task_row["incident_id"] != incident["id"]:
            raise BioError(tr("That task belongs to another incident."))
    note = records.text_field({"note": note}, "note", tasks.NOTE_LIMIT, multiline=True)
    when = values.now_iso()
    with write(db, ctx) as w:
        row_id = w.insert(
            "incident_expert",
            {"incident_id": incident["id"], "expert_id": person["id"],
             "task_id": task_row["id"] if task_row else None, "dispatched_at": when,
             "note": note},
        )  # fmt: skip
        w.update("expert", person["id"], {"availability": "on_mission"})
        text = tr("Expert {name} ({organisation}) dispatched.", name=person["name"],
                  organisation=person["organisation"])  # fmt: skip
        if task_row:
            text += " " + tr("Task: {title}.", title=task_row["title"])
        journal.note(w, incident["id"], "expert", text, when)
    return {
        "id": row_id,
        "expert": person["id"],
        "name": person["name"],
        "dispatched_at": when,
        "qualified": bool(db.execute(QUALIFIED_ONE, [person["id"], date.today().isoformat()])
                          .fetchone()),
    }  # fmt: skip


def release(db: Database, ctx: Ctx, ref: str, expert: str) -> dict:
    """The expert's work for the incident is done: they are available again."""
    incident = records.get(db, ref)
    person = _expert(db, expert)
    row = next(
        db.query(
            "SELECT * FROM incident_expert WHERE incident_id = ? AND expert_id = ? "
            "AND released_at IS NULL AND deleted = 0",
            [incident["id"], person["id"]],
        ),
        None,
    )
    if row is None:
        raise BioError(
            tr("{name} is not dispatched to incident {number}.", name=person["name"],
               number=incident["number"])
        )  # fmt: skip
    with write(db, ctx) as w:
        when = release_in(w, incident["id"], row, person)
    return {"expert": person["id"], "name": person["name"], "released_at": when}


def release_in(w: Writer, incident_id: str, row: dict, person: dict) -> str:
    when = values.now_iso()
    w.update("incident_expert", row["id"], {"released_at": when})
    elsewhere = w.db.execute(  # out for another incident too (dispatched apart, then merged)
        "SELECT 1 FROM incident_expert WHERE expert_id = ? AND released_at IS NULL "
        "AND deleted = 0 AND id != ?",
        [person["id"], row["id"]],
    ).fetchone()
    if person["availability"] == "on_mission" and not elsewhere:
        w.update("expert", person["id"], {"availability": "available"})
    journal.note(w, incident_id, "expert", tr("Expert {name} released.", name=person["name"]),
                 when)  # fmt: skip
    return when


def listing(db: Database, ref: str, ctx: Ctx | None = None) -> list[dict]:
    """Experts dispatched to the incident, those still out first (phones masked unless
    the actor may see them)."""
    incident = records.get(db, ref)
    reveal = disclosure.may_see(ctx)
    return [
        roster.shown(row, reveal)
        for row in db.query(
            "SELECT d.id, d.expert_id, e.name, e.organisation, e.title, e.mobile, e.specialties, "
            "d.task_id, t.title AS task, d.dispatched_at, d.released_at, d.note "
            "FROM incident_expert d JOIN expert e ON e.id = d.expert_id "
            "LEFT JOIN incident_task t ON t.id = d.task_id "
            "WHERE d.incident_id = ? AND d.deleted = 0 "
            "ORDER BY d.released_at IS NOT NULL, d.dispatched_at",
            [incident["id"]],
        )
    ]


def problems(db: Database) -> list[dict]:
    """Dispatches that cannot both be true, as stations merged them: an expert out for two
    incidents at once, or still out for a closed incident. {expert, name, kind (twice |
    closed), numbers: the incidents}."""
    out = []
    for expert_id, name, numbers in db.execute(
        "SELECT e.id, e.name, group_concat(i.number, ', ') FROM incident_expert d "
        "JOIN expert e ON e.id = d.expert_id JOIN incident i ON i.id = d.incident_id "
        "WHERE d.released_at IS NULL AND d.deleted = 0 GROUP BY e.id HAVING count(*) > 1"
    ):
        out.append({"expert": expert_id, "name": name, "kind": "twice", "numbers": numbers})
    for expert_id, name, number in db.execute(
        "SELECT e.id, e.name, i.number FROM incident_expert d "
        "JOIN expert e ON e.id = d.expert_id JOIN incident i ON i.id = d.incident_id "
        "WHERE d.released_at IS NULL AND d.deleted = 0 AND i.status = 'closed'"
    ):
        out.append({"expert": expert_id, "name": name, "kind": "closed", "numbers": number})
    return out


def problem_text(problem: dict) -> str:
    if problem["kind"] == "twice":
        return tr("{name} is out for several incidents at once ({numbers}): release them from "
                  "all but one.", **problem)  # fmt: skip
    return tr("{name} is still out for incident {numbers}, which is closed: release them.",
              **problem)  # fmt: skip


def close(db: Database, ctx: Ctx, ref: str, note: str = "", at=None) -> dict:
    """Close the incident (关闭); experts still out for it are released with it, and its
    draft orders (never submitted) are cancelled; orders further along stay as they are."""
    incident = records.get(db, ref)
    target, note = records.check_advance(incident, "closed", note)
    when = records.at_or_now(at)
    with write(db, ctx) as w:
        records.advance_in(w, incident, target, note, when)
        still_out = list(
            db.query(
                "SELECT d.*, e.availability, e.name FROM incident_expert d "
                "JOIN expert e ON e.id = d.expert_id WHERE d.incident_id = ? "
                "AND d.released_at IS NULL AND d.deleted = 0",
                [incident["id"]],
            )
        )
        for row in still_out:
            person = {"id": row["expert_id"], "name": row["name"],
                      "availability": row["availability"]}  # fmt: skip
            release_in(w, incident["id"], row, person)
        drafts = list(
            db.query(
                "SELECT * FROM alloc_order WHERE incident_id = ? AND status = 'draft' "
                "AND deleted = 0",
                [incident["id"]],
            )
        )
        for order in drafts:
            orders.cancel_in(w, order, tr("Incident {number} closed.", number=incident["number"]))
    return records.get(db, incident["id"])
