"""The incident record: its number, fields and checks, reading one or the list, editing
it and moving its status forward (报告 → 响应 → 恢复 → 长期监测 → 关闭)."""

import json
from datetime import date, datetime

import desktop.core.incidents.journal as journal
from desktop.core import values, vocab
from desktop.core.access import accounts
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.times import at_or_now, in_window, moment, now
from desktop.core.store import info, station
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

STATUSES = tuple(vocab.INCIDENT_STATUSES)  # the forward order (tables.FORWARD)
OPEN_STATUSES = STATUSES[:-1]
GRADES = tuple(vocab.GRADES)  # I highest … IV lowest
SCALE = ("exposed", "patients", "responders", "sites")
MAX_AREA_KM2 = 10_000_000  # more than China's land area
MAX_PEOPLE = 2_000_000_000  # more people than China holds
MAX_SITES = 1_000_000
MAX_DAYS = 3_650
# characters a field may hold (a form's line, a phone, the free texts)
LIMITS = {"title": 200, "place": 500, "commander": 100, "commander_phone": 40,
          "description": 20_000, "notes": 20_000}  # fmt: skip
STATUS_TIMES = {"responding": "activated_at", "recovery": "recovery_at",
                "monitoring": "monitoring_at", "closed": "closed_at"}  # fmt: skip
TEXTS = ("title", "place", "description", "commander", "commander_phone", "notes")
FREE_TEXT = ("description", "notes")


def rank(grade: str) -> int:
    """0 for I (the highest) … 3 for IV."""
    return GRADES.index(grade)


def applies(min_grade: str, grade: str) -> bool:
    """Whether a task meant from min_grade up applies at this grade."""
    return rank(grade) <= rank(min_grade)


# ---------------------------------------------------------------- checks


def choice(kind: str, value, field: str) -> str:
    if values.blank(value) and kind == "hazard":  # none chosen (the form's first line)
        raise Invalid(field, tr("Choose the kind of event: {codes}.",
                                codes=vocab.choices_text(kind)))  # fmt: skip
    code = vocab.parse(kind, "" if value is None else str(value))
    if code is None:
        raise Invalid(field, _unknown(kind, value))
    return code


def _unknown(kind: str, value) -> str:
    listed = vocab.choices_text(kind)
    if kind == "hazard":
        return tr("Unknown hazard {value}. Hazards: {codes}.", value=value, codes=listed)
    if kind == "grade":
        return tr("Grade {value} is not one of I, II, III, IV.", value=value)
    return tr("{value} is not one of: {codes}.", value=value, codes=listed)


def _count(value, name: str, field: str) -> int:
    try:
        return values.whole(value, allow_zero=True, field=field)
    except values.BadValue as error:
        raise Invalid(name, str(error)) from None


def _area(value, field: str) -> float:
    name = "area_km2"
    try:
        area = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
    except ValueError:
        message = tr("{field}: {value} is not a number.", field=field, value=value)
        raise Invalid(name, message) from None
    if not 0 <= area <= MAX_AREA_KM2:  # NaN fails too
        raise Invalid(
            name,
            tr("{field} is a number from 0 to {max}.", field=field, max=f"{MAX_AREA_KM2:,}"),
        )
    return round(area, 4)


def _division(db: Database, code) -> str:
    code = str(code or "").strip()
    if not code:
        raise Invalid("division", tr("Name the division (its code, e.g. 430422)."))
    row = db.execute(
        "SELECT code FROM division WHERE (code = ? OR name = ?) AND deleted = 0", [code, code]
    ).fetchone()
    if row is None:
        raise Invalid("division", tr("No division with code {code}.", code=code))
    return row[0]


def _agency(db: Database, value) -> str | None:
    value = str(value or "").strip()
    if not value:
        return None
    row = db.execute(
        "SELECT id FROM agency WHERE deleted = 0 AND (code = ? OR name = ? OR short_name = ?)",
        [value, value, value],
    ).fetchone()
    if row is None:
        raise Invalid("lead_agency", tr("No agency with code {code}.", code=value))
    return row[0]


def _depots(db: Database, codes) -> str:
    if isinstance(codes, str):
        codes = [c for c in codes.replace("，", ",").split(",") if c.strip()]
    ids = []
    for code in codes or []:
        row = db.execute(
            "SELECT id FROM depot WHERE code = ? AND deleted = 0", [str(code).strip()]
        ).fetchone()
        if row is None:
            raise Invalid("depots", tr("No depot with code {code}.", code=code))
        if row[0] not in ids:
            ids.append(row[0])
    return json.dumps(ids)


def _reported(value, at: datetime) -> str:
    return in_window(values.time_iso(value, tr("Reported at")), at, "reported_at")


def text_field(given: dict, name: str, limit: int, multiline: bool = False) -> str:
    """A text a person typed: cleaned (values.clean_text) and at most `limit` characters."""
    return values.bounded(given[name], name, limit, multiline)


def validate(db: Database, given: dict, at: datetime | None = None) -> dict:
    """The stored fields for the fields given (a form's or the CLI's, by name), or Invalid
    naming the first refused. Accepted names: title, hazard, grade, confirmation, division,
    place, description, lead_agency (code or name), commander, commander_phone, exposed,
    patients, responders, sites, area_km2, days, depots (codes), reported_at, notes."""
    at = at or now()
    out: dict = {}
    for name in TEXTS:
        if name in given:
            out[name] = text_field(given, name, LIMITS[name], name in FREE_TEXT)
    if "title" in out and not values.visible(out["title"]):
        raise Invalid("title", tr("Give the incident a title."))
    if out.get("commander_phone"):
        out["commander_phone"] = values.phone(out["commander_phone"], "commander_phone")
    if "hazard" in given:
        out["hazard"] = choice("hazard", given["hazard"], "hazard")
    if "grade" in given:
        out["grade"] = choice("grade", given["grade"], "grade")
    if "confirmation" in given:
        out["confirmation"] = choice("confirmation", given["confirmation"], "confirmation")
    if "division" in given:
        out["division"] = _division(db, given["division"])
    if "lead_agency" in given:
        out["lead_agency_id"] = _agency(db, given["lead_agency"])
    names = {"exposed": tr("Exposed people"), "patients": tr("Patients"),
             "responders": tr("Responders"), "sites": tr("Sites")}  # fmt: skip
    for name in SCALE:
        if name in given and given[name] is not None:
            out[name] = _count(given[name], name, names[name])
            most = MAX_SITES if name == "sites" else MAX_PEOPLE
            if out[name] > most:
                raise Invalid(name, tr("{field} can be at most {max}.", field=names[name],
                                       max=f"{most:,}"))  # fmt: skip
    if "area_km2" in given and given["area_km2"] is not None:
        out["area_km2"] = _area(given["area_km2"], tr("Area (km²)"))
    if "days" in given and given["days"] is not None:
        days = _count(given["days"], "days", tr("Expected days"))
        if days > MAX_DAYS:
            raise Invalid("days", tr("Expected days can be at most {max}.", max=MAX_DAYS))
        out["days"] = days
    if "depots" in given:
        out["depot_ids"] = _depots(db, given["depots"])
    if "reported_at" in given and given["reported_at"] not in (None, ""):
        try:
            out["reported_at"] = _reported(given["reported_at"], at)
        except values.BadValue as error:
            raise Invalid("reported_at", str(error)) from None
    return out


# ---------------------------------------------------------------- numbers and reading


def next_number(db: Database, code: str, day: date) -> str:
    prefix = f"{info.number_prefix(db)}SJ-{code}-{day:%Y%m%d}-"
    count = db.execute(
        "SELECT count(*) FROM incident WHERE number LIKE ? || '%'", [prefix]
    ).fetchone()[0]
    return f"{prefix}{count + 1:03d}"


def get(db: Database, ref: str) -> dict:
    """An incident by its id or its number."""
    ref = str(ref or "").strip()
    row = next(
        db.query(
            "SELECT * FROM incident WHERE (id = ? OR number = ?) AND deleted = 0 LIMIT 1",
            [ref.lower(), ref.upper()],
        ),
        None,
    )
    if row is None:
        raise BioError(tr("No incident {ref}.", ref=ref))
    return row


def require_open(incident: dict) -> None:
    if incident["status"] == "closed":
        raise BioError(
            tr("Incident {number} is closed; nothing more can be done in it.",
               number=incident["number"])
        )  # fmt: skip


def open_incident(db: Database, ref: str) -> dict:
    incident = get(db, ref)
    require_open(incident)
    return incident


OVERDUE_TASKS = (
    "(SELECT count(*) FROM incident_task t WHERE t.incident_id = i.id AND t.deleted = 0 "
    "AND t.status NOT IN ('done', 'not_applicable') AND t.due_at IS NOT NULL "
    "AND julianday(t.due_at) < julianday(:now))"
)


def listing(
    db: Database, status: str | None = None, active: bool = False, search: str | None = None,
    at: datetime | None = None, limit: int = 500,
) -> list[dict]:  # fmt: skip
    """Incidents newest first, with their division's name, task counts and overdue tasks."""
    where = ["i.deleted = 0"]
    params: dict = {"now": values.stamp(at or now()), "limit": limit}
    if status:
        where.append("i.status = :status")
        params["status"] = choice("incident_status", status, "status")
    if active:
        where.append("i.status != 'closed'")
    if search and search.strip():
        where.append("(i.number LIKE :q ESCAPE '\\' OR i.title LIKE :q ESCAPE '\\' "
                     "OR i.place LIKE :q ESCAPE '\\')")  # fmt: skip
        params["q"] = like_pattern(search.strip())
    rows = list(
        db.query(
            "SELECT i.id, i.number, i.title, i.hazard, i.grade, i.confirmation, i.status, "
            "i.division, d.name AS division_name, d.name_en AS division_name_en, i.place, "
            "i.reported_at, i.activated_at, i.closed_at, a.code AS lead_agency, "
            "a.name AS lead_agency_name, a.name_en AS lead_agency_name_en, "
            "(SELECT count(*) FROM incident_task t WHERE t.incident_id = i.id "
            "AND t.deleted = 0) AS tasks, "
            f"{OVERDUE_TASKS} AS overdue_tasks "
            "FROM incident i LEFT JOIN division d ON d.code = i.division AND d.deleted = 0 "
            "LEFT JOIN agency a ON a.id = i.lead_agency_id "
            f"WHERE {' AND '.join(where)} ORDER BY i.reported_at DESC, i.number DESC "
            "LIMIT :limit",
            params,
        )
    )
    for row in rows:
        row["division_name"] = vocab.local_name(row["division_name"], row.pop("division_name_en"))
        row["lead_agency_name"] = vocab.local_name(
            row["lead_agency_name"], row.pop("lead_agency_name_en")
        )
    return rows


def detail(db: Database, ref: str) -> dict:
    """The incident with names resolved, its grade history, activated playbooks and the
    depots it may draw on."""
    incident = get(db, ref)
    out = dict(incident)
    division = db.execute(
        "SELECT name, name_en FROM division WHERE code = ? AND deleted = 0", [incident["division"]]
    ).fetchone()
    out["division_name"] = vocab.local_name(*division) if division else ""
    agency = db["agency"].get(incident["lead_agency_id"]) if incident["lead_agency_id"] else None
    out["lead_agency"] = agency["code"] if agency else None
    out["lead_agency_name"] = vocab.local_name(agency["name"], agency["name_en"]) if agency else ""
    out["grades"] = grade_history(db, incident["id"])
    out["playbooks"] = activations(db, incident["id"])
    out["depots"] = [{"code": d["code"], "name": d["name"]} for d in allowed_depots(db, incident)]
    out["depots_chosen"] = bool(json.loads(incident["depot_ids"]))
    return out


CITY_RESERVE = "市级储备库"
LEVEL_ORDER = {"市级储备库": 0, "协议储备": 1, "县级储备库": 2, "医疗机构": 3}


def by_default(depot: dict, division: str | None) -> bool:
    """Whether an incident in this division draws on the depot when no depots are chosen
    for it: its division's depots and the city reserves (市级储备库)."""
    return depot["division"] == division or depot["level"] == CITY_RESERVE


def depot_order(depot: dict, division: str | None) -> tuple:
    """The order depots are drawn on: the division's first, then by level and code."""
    return (depot["division"] != division, LEVEL_ORDER.get(depot["level"], 9), depot["code"])


def allowed_depots(db: Database, incident: dict) -> list[dict]:
    """The depots an incident may draw on: those chosen for it, or by default its
    division's depots and the city reserves (by_default); its division's first."""
    chosen = json.loads(incident["depot_ids"] or "[]")
    if chosen:
        marks = ", ".join("?" * len(chosen))
        rows = db.query(f"SELECT * FROM depot WHERE id IN ({marks}) AND deleted = 0", chosen)
    else:
        rows = db.query(
            "SELECT * FROM depot WHERE deleted = 0 AND (division = ? OR level = ?)",
            [incident["division"], CITY_RESERVE],
        )
    return sorted(rows, key=lambda d: depot_order(d, incident["division"]))


def grade_history(db: Database, incident_id: str) -> list[dict]:
    return accounts.name_people(
        db,
        db.query(
            "SELECT grade, previous, reason, at, actor FROM incident_grade "
            "WHERE incident_id = ? AND deleted = 0 ORDER BY at, id",
            [incident_id],
        ),
    )


def activations(db: Database, incident_id: str) -> list[dict]:
    return accounts.name_people(
        db,
        db.query(
            "SELECT a.id, p.code, p.version, p.title, a.grade, a.activated_at, a.actor "
            "FROM incident_playbook a JOIN playbook p ON p.id = a.playbook_id "
            "WHERE a.incident_id = ? AND a.deleted = 0 ORDER BY a.activated_at, p.code",
            [incident_id],
        ),
    )


# ---------------------------------------------------------------- changes


def create(db: Database, ctx: Ctx, given: dict, at=None) -> dict:
    """Record a new incident (status 报告) with its first grading; returns {id, number}.
    Required: title, hazard, grade, division."""
    when = at_or_now(at)
    fields = validate(db, given, moment(when))
    for name, message in (
        ("title", tr("Give the incident a title.")),
        ("hazard", tr("Name the hazard.")),
        ("grade", tr("Give the grade (I, II, III or IV).")),
        ("division", tr("Name the division (its code, e.g. 430422).")),
    ):
        if not fields.get(name):
            raise Invalid(name, message)
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    fields.setdefault("reported_at", when)
    with write(db, ctx) as w:
        number = next_number(db, st.code, moment(fields["reported_at"]).date())
        incident_id = w.insert(
            "incident",
            {"number": number, "station": st.code, "status": "reported", "created_at": when,
             **fields},
        )  # fmt: skip
        w.insert(
            "incident_grade",
            {"incident_id": incident_id, "grade": fields["grade"], "previous": None,
             "reason": tr("Initial grading"), "at": fields["reported_at"], "actor": ctx.actor},
        )  # fmt: skip
        journal.note(
            w,
            incident_id,
            "created",
            tr("Incident {number} recorded: {title}, {hazard}, {grade}.", number=number,
               title=fields["title"], hazard=vocab.name("hazard", fields["hazard"]),
               grade=vocab.name("grade", fields["grade"])),
            fields["reported_at"],
        )  # fmt: skip
    return {"id": incident_id, "number": number}


def update(db: Database, ctx: Ctx, ref: str, given: dict) -> list[str]:
    """Change an incident's details (not its grade: escalate; nor its status: advance);
    returns the names of the fields changed. The hazard may change only before a playbook
    is activated."""
    incident = open_incident(db, ref)
    if "grade" in given or "status" in given:
        raise BioError(tr("Change the grade by escalating, and the status by advancing it."))
    fields = validate(db, given)
    if "title" in given and not fields.get("title"):
        raise Invalid("title", tr("Give the incident a title."))
    changed = {k: v for k, v in fields.items() if incident.get(k) != v}
    if "reported_at" in changed:
        times = [
            t
            for (t,) in db.execute(
                "SELECT activated_at FROM incident WHERE id = :id UNION ALL SELECT reported_at "
                "FROM incident_report WHERE incident_id = :id AND deleted = 0",
                {"id": incident["id"]},
            )
            if t
        ]
        later = min(times, key=values.time_key) if times else None
        if later and moment(changed["reported_at"]) > moment(later):
            raise Invalid(
                "reported_at",
                tr("The incident cannot have been reported after {time}: it was activated or "
                   "reported on by then.", time=values.shown_time(later)),
            )  # fmt: skip
    if "hazard" in changed and activations(db, incident["id"]):
        raise Invalid(
            "hazard",
            tr("Playbooks are activated for this incident: its hazard can no longer change."),
        )
    if not changed:
        return []
    with write(db, ctx) as w:
        w.update("incident", incident["id"], changed)
        journal.note(
            w, incident["id"], "edit",
            tr("Details changed: {fields}.", fields=", ".join(field_names(changed))),
        )  # fmt: skip
    return sorted(changed)


def field_names(changed) -> list[str]:
    """The names people read for stored field names (a dict's keys or a list)."""
    names = {
        "title": tr("title"), "hazard": tr("hazard"), "confirmation": tr("confirmation"),
        "division": tr("division"), "place": tr("place"), "description": tr("description"),
        "lead_agency_id": tr("lead agency"), "commander": tr("commander"),
        "commander_phone": tr("commander's phone"), "exposed": tr("exposed people"),
        "patients": tr("patients"), "responders": tr("responders"), "sites": tr("sites"),
        "area_km2": tr("area"), "days": tr("expected days"), "depot_ids": tr("depots to draw on"),
        "reported_at": tr("reported time"), "notes": tr("notes"),
    }  # fmt: skip
    return [names.get(k, k) for k in sorted(changed)]


def advance(db: Database, ctx: Ctx, ref: str, status: str, note: str = "", at=None) -> dict:
    """Move the status forward (报告 → 响应 → 恢复 → 长期监测 → 关闭); a step may be skipped,
    never undone. Returns the incident."""
    incident = get(db, ref)
    target, note = check_advance(incident, status, note)
    with write(db, ctx) as w:
        advance_in(w, incident, target, note, at_or_now(at))
    return get(db, incident["id"])


def check_advance(incident: dict, status: str, note: str) -> tuple[str, str]:
    """The status code asked for and the cleaned note, or the refusal."""
    target = choice("incident_status", status, "status")
    current = incident["status"]
    if STATUSES.index(target) <= STATUSES.index(current):
        raise BioError(
            tr(
                "Incident {number} is {status}; its status only moves forward "
                "(报告 → 响应 → 恢复 → 长期监测 → 关闭).",
                number=incident["number"],
                status=vocab.name("incident_status", current),
            )
        )
    try:
        return target, values.clean_text(note, "note", multiline=True)
    except values.BadValue as error:
        raise Invalid("note", str(error)) from None


def advance_in(w, incident: dict, target: str, note: str, when: str) -> None:
    """Write a checked status change (check_advance) and its 大事记 entry."""
    current = incident["status"]
    changes = {"status": target}
    for step in STATUSES[STATUSES.index(current) + 1 : STATUSES.index(target) + 1]:
        column = STATUS_TIMES.get(step)
        if column and not incident[column]:
            changes[column] = when
    w.update("incident", incident["id"], changes)
    text = tr(
        "Status: {old} → {new}.",
        old=vocab.name("incident_status", current),
        new=vocab.name("incident_status", target),
    )
    journal.note(w, incident["id"], "status", f"{text} {note}".strip(), when)
