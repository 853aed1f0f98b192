"""Schedules of checks — for a cohort of the incident's people or for one sampling site:
every N days for M days — and the due checks they generate.

Checks are computed, never stored: a schedule's dates for a subject run from its start
(for a person, their exposure date when that is later) every `every_days` days while
within `for_days` days, and stop at the day a schedule is ended. A check is named by a
token, <schedule>-<subject>-<yyyymmdd> (the last 8 characters of each id), which the
result of that check is recorded against (results.py). A check is due on its day and
overdue after it while no result is recorded; people no longer under monitoring (已解除,
失访, 转诊) have no due checks. Schedules outlive the incident: closing it changes nothing
here."""

import re
from datetime import date, timedelta

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import records
from desktop.core.incidents.records import _agency, choice, text_field
from desktop.core.monitoring import sites
from desktop.core.store import shortids
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

MAX_EVERY = 366
MAX_DAYS = 3_660  # ten years of follow-up
DEFAULT_AGENCY = "HY-WJW"  # 市卫生健康委 for people; a site's own agency for a site
TOKEN = re.compile(r"([0-9a-f]{8})-([0-9a-f]{8})-(\d{8})")


def _days(value, field: str, label: str, low: int, high: int) -> int:
    try:
        number = values.whole(value, allow_zero=False, field=label)
    except values.BadValue as error:
        if values.INTEGER.fullmatch(str(value).strip()):  # a whole number, only too large:
            number = high + 1  # the range of days is the cause, not whole()'s own limit
        else:
            raise Invalid(field, str(error)) from None
    if not low <= number <= high:
        raise Invalid(field, tr("{field} is a number of days from {low} to {high}.",
                                field=label, low=low, high=f"{high:,}"))  # fmt: skip
    return number


def _bound(value, field: str, label: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not -1e9 <= number <= 1e9:
        raise Invalid(field, tr("{field}: {value} is not a number.", field=label, value=value))
    return number


def add(db: Database, ctx: Ctx, incident_ref, given: dict) -> dict:
    """A schedule for a cohort (given cohort) or a site (given site); returns {id}.
    Required: measure, every_days, for_days; start_on defaults to today."""
    incident = records.get(db, incident_ref)
    cohort, site = given.get("cohort"), given.get("site")
    if bool(cohort) == bool(site):
        raise Invalid("cohort", tr("A schedule is for a cohort or for a site (one of them)."))
    fields: dict = {"cohort": None, "site_id": None}
    if cohort:
        fields["cohort"] = choice("cohort", cohort, "cohort")
        agency = given.get("agency") or DEFAULT_AGENCY
    else:
        place = sites.get(db, str(site))
        if place["incident_id"] != incident["id"]:
            raise Invalid("site", tr("Site {ref} belongs to another incident.", ref=site))
        fields["site_id"] = place["id"]
        agency = given.get("agency")
    fields["measure"] = text_field({"measure": str(given.get("measure") or "")}, "measure", 100)
    if not fields["measure"]:
        raise Invalid("measure", tr("Name what is measured (体温, 症状, 水样检测, …)."))
    fields["unit"] = text_field({"unit": str(given.get("unit") or "")}, "unit", 20)
    fields["every_days"] = _days(given.get("every_days"), "every_days", tr("Every (days)"), 1,
                                 MAX_EVERY)  # fmt: skip
    fields["for_days"] = _days(given.get("for_days"), "for_days", tr("For (days)"), 1, MAX_DAYS)
    start = given.get("start_on") or values.now().date().isoformat()
    fields["start_on"] = values.date_iso(start, tr("Start"))
    fields["normal_min"] = _bound(given.get("normal_min"), "normal_min", tr("Lowest normal value"))
    fields["normal_max"] = _bound(given.get("normal_max"), "normal_max", tr("Highest normal value"))
    if None not in (fields["normal_min"], fields["normal_max"]) and (
        fields["normal_min"] > fields["normal_max"]
    ):
        raise Invalid("normal_min", tr("The normal range's low end is above its high end."))
    try:
        fields["agency_id"] = _agency(db, agency) if agency else place["agency_id"]
    except Invalid as error:
        raise Invalid("agency", str(error)) from None
    with write(db, ctx) as w:
        made = w.insert("monitor_schedule", {"incident_id": incident["id"],
                                             "created_at": values.now_iso(), **fields})  # fmt: skip
    return {"id": made}


def get(db: Database, ref: str) -> dict:
    rows = shortids.matches(db, "monitor_schedule", ref)
    if len(rows) > 1:
        raise BioError(tr("{ref} names several schedules; give more of the id.", ref=ref))
    if not rows:
        raise BioError(tr("No monitoring schedule {ref}.", ref=ref))
    return rows[0]


def end(db: Database, ctx: Ctx, ref: str, reason: str, on=None) -> dict:
    """End a schedule early (from the day given, default today), with a reason."""
    schedule = get(db, ref)
    reason = text_field({"reason": reason}, "reason", 1_000, True)
    if not reason:
        raise Invalid("reason", tr("Say why the monitoring ends early."))
    if schedule["ended_on"]:
        raise BioError(tr("This schedule ended on {date}.", date=schedule["ended_on"]))
    today = values.now().date().isoformat()
    day = (values.date_iso(on, tr("End")) if on else None) or today
    if day > today:  # an end not yet come would show as ended while checks fall due
        raise Invalid("ended_on", tr("A schedule ends early today or on a day before ({date} "
                                     "is still to come).", date=day))  # fmt: skip
    before = (date.fromisoformat(schedule["start_on"]) - timedelta(days=1)).isoformat()
    if day < before:  # the day before its start: a schedule made by mistake, no check at all
        raise Invalid("ended_on", tr("A schedule cannot end before it starts ({date}).",
                                     date=schedule["start_on"]))  # fmt: skip
    with write(db, ctx) as w:
        w.update("monitor_schedule", schedule["id"], {"ended_on": day, "end_reason": reason})
    return {**schedule, "ended_on": day, "end_reason": reason}


# ---------------------------------------------------------------- checks


def dates(start: date, every: int, for_days: int, ended: date | None = None) -> list[date]:
    """The days a subject is checked: start, start + every, … within for_days days (the last
    day is start + for_days − 1), none after the day the schedule ended."""
    last = start + timedelta(days=for_days - 1)
    if ended is not None:
        last = min(last, ended)
    count = (last - start).days // every + 1 if last >= start else 0
    return [start + timedelta(days=k * every) for k in range(count)]


def subjects(db: Database, schedule: dict) -> list[dict]:
    """Who or what a schedule checks: {kind, id, name, start, division, status}."""
    start = date.fromisoformat(schedule["start_on"])
    if schedule["site_id"]:
        found = db.query("SELECT id, place, division FROM monitor_site WHERE id = ? "
                         "AND deleted = 0", [schedule["site_id"]])  # fmt: skip
        return [{"kind": "site", "id": s["id"], "name": s["place"], "start": start,
                 "division": s["division"], "status": "monitoring"} for s in found]  # fmt: skip
    out = []
    for p in db.query(
        "SELECT id, name, exposed_on, division, status FROM monitor_person "
        "WHERE incident_id = ? AND cohort = ? AND deleted = 0 ORDER BY name",
        [schedule["incident_id"], schedule["cohort"]],
    ):
        exposed = date.fromisoformat(p["exposed_on"]) if p["exposed_on"] else start
        out.append({"kind": "person", "id": p["id"], "name": p["name"],
                    "start": max(start, exposed), "division": p["division"],
                    "status": p["status"]})  # fmt: skip
    return out


def token(schedule_id: str, subject_id: str, day: date) -> str:
    """The ids' last 8 characters (their random part: the first ones of a UUIDv7 are its
    time, the same for rows made within a minute)."""
    return f"{schedule_id[-8:]}-{subject_id[-8:]}-{day:%Y%m%d}"


def resolve(db: Database, check: str) -> tuple[dict, dict, date]:
    """The schedule, subject and day a check token names; refused unless that day is one
    of the subject's check days."""
    match = TOKEN.fullmatch(str(check or "").strip().lower())
    if not match:
        raise BioError(tr("{check} is not a check (e.g. 1a2b3c4d-5e6f7a8b-20261207, as "
                          "`monitoring due` lists them).", check=check))  # fmt: skip
    schedule = get(db, match.group(1))
    subject = next((s for s in subjects(db, schedule) if s["id"].endswith(match.group(2))),
                   None)  # fmt: skip
    try:
        day = date(int(match.group(3)[:4]), int(match.group(3)[4:6]), int(match.group(3)[6:]))
    except ValueError:
        day = None
    if subject is None or day is None or day not in days_of(schedule, subject):
        raise BioError(tr("No check {check}: not a day of that schedule for that subject.",
                          check=check))  # fmt: skip
    return schedule, subject, day


def days_of(schedule: dict, subject: dict) -> list[date]:
    ended = date.fromisoformat(schedule["ended_on"]) if schedule["ended_on"] else None
    return dates(subject["start"], schedule["every_days"], schedule["for_days"], ended)


def _recorded(db: Database, schedule_id: str) -> set[tuple[str, str]]:
    return {
        (subject, day)
        for subject, day in db.execute(
            "SELECT coalesce(person_id, site_id), due_on FROM monitor_result "
            "WHERE schedule_id = ? AND deleted = 0",
            [schedule_id],
        )
    }


def live_schedules(db: Database, agency: str | None = None) -> list[dict]:
    """Every schedule (of one agency: its code or name; an unknown one is refused)."""
    where, params = ["s.deleted = 0"], []
    if agency:
        try:
            agency_id = _agency(db, agency)
        except Invalid as error:
            raise Invalid("agency", str(error)) from None
        where.append("s.agency_id = ?")
        params.append(agency_id)
    return list(
        db.query(
            "SELECT s.*, a.code AS agency, a.name AS agency_name, i.number AS incident, "
            "i.title AS incident_title, t.place AS site_place, t.kind AS site_kind "
            "FROM monitor_schedule s JOIN incident i ON i.id = s.incident_id "
            "LEFT JOIN agency a ON a.id = s.agency_id "
            "LEFT JOIN monitor_site t ON t.id = s.site_id "
            f"WHERE {' AND '.join(where)} ORDER BY i.number, s.created_at",
            params,
        )
    )


def due(db: Database, on: date | None = None, agency: str | None = None,
        incident: str | None = None) -> list[dict]:  # fmt: skip
    """The checks due on a day and those overdue before it (no result yet), per agency:
    {check, subject, subject_kind, measure, unit, due, overdue, days_overdue, incident,
    agency, schedule}. Overdue first, then by incident and subject."""
    on = on or values.now().date()
    incident_id = records.get(db, incident)["id"] if incident else None
    out = []
    for schedule in live_schedules(db, agency):
        if incident_id and schedule["incident_id"] != incident_id:
            continue
        if date.fromisoformat(schedule["start_on"]) > on:
            continue
        done = _recorded(db, schedule["id"])
        for subject in subjects(db, schedule):
            if subject["status"] != "monitoring":
                continue
            for day in days_of(schedule, subject):
                if day > on:
                    break
                if (subject["id"], day.isoformat()) in done:
                    continue
                out.append({
                    "check": token(schedule["id"], subject["id"], day),
                    "subject": subject["name"], "subject_kind": subject["kind"],
                    "subject_id": subject["id"], "measure": schedule["measure"],
                    "unit": schedule["unit"], "due": day.isoformat(), "overdue": day < on,
                    "days_overdue": (on - day).days, "incident": schedule["incident"],
                    "agency": schedule["agency"], "agency_name": schedule["agency_name"],
                    "schedule": schedule["id"],
                })  # fmt: skip
    out.sort(key=lambda c: (not c["overdue"], c["due"], c["incident"], c["subject"]))
    return out


def listing(db: Database, incident_ref) -> list[dict]:
    incident = records.get(db, incident_ref)
    rows = [s for s in live_schedules(db) if s["incident_id"] == incident["id"]]
    today = values.now().date()
    for row in rows:
        people = subjects(db, row)
        last = max((days_of(row, s)[-1] for s in people if days_of(row, s)), default=None)
        row["subjects"] = len(people)
        row["last_day"] = last.isoformat() if last else None
        row["state"] = "ended" if row["ended_on"] else (
            "active" if last is not None and last >= today else "finished")  # fmt: skip
    return rows
