"""Results of due checks: value, unit, normal or abnormal, who and when. A result's id is
derived from its check (schedule, subject, day), so results entered for one check at two
stations merge into one row (the later wins; the other is kept as a conflict, as for any
shared record). An abnormal result — marked so, or a number outside the schedule's normal
range — raises an alert (open until someone handles it) and writes an entry in the
incident's 大事记, which names a person only by a masked name."""

import re
from datetime import date

from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import journal
from desktop.core.incidents.records import text_field
from desktop.core.monitoring import schedules
from desktop.core.store import shortids
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import Writer, write


def result_id(schedule_id: str, subject_id: str, day: date) -> str:
    return reference_id("monitor_result", f"{schedule_id}/{subject_id}/{day.isoformat()}")


def masked_name(name: str) -> str:
    """张** for 张小明: the 大事记 is read widely (a leading mark such as 【演示】 is kept)."""
    mark = name[: name.index("】") + 1] if name.startswith("【") and "】" in name else ""
    rest = name[len(mark) :]
    return mark + rest[:1] + "*" * max(len(rest) - 1, 1) if rest else (mark or "—")


DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")


def measured(value: str) -> float | None:
    """The number a result states, written as people write a measurement (36.8, -2, 120);
    None for anything else — 1e2, inf or 1_000, which float() would take and a report
    would print as they are, 37,5, abc."""
    text = value.strip()
    return float(text) if DECIMAL.fullmatch(text) else None


def out_of_range(schedule: dict, value: str) -> bool:
    number = measured(value)
    if number is None:
        return False
    low, high = schedule["normal_min"], schedule["normal_max"]
    return (low is not None and number < low) or (high is not None and number > high)


def record(db: Database, ctx: Ctx, check: str, value: str, abnormal: bool = False,
           note: str = "", today: date | None = None) -> dict:  # fmt: skip
    """Record the result of a check (refused for a day still to come); returns the result
    with `abnormal` as judged and `alert` when it raised one."""
    schedule, subject, day = schedules.resolve(db, check)
    today = today or values.now().date()
    if day > today:
        raise BioError(tr("The check of {day} is still to come; record it on the day.",
                          day=day.isoformat()))  # fmt: skip
    value, note = checked(value, note)
    problem = numeric_problem(schedule, value)
    if problem:
        raise Invalid("value", problem)
    earlier = db.execute(
        "SELECT value FROM monitor_result WHERE id = ? AND deleted = 0",
        [result_id(schedule["id"], subject["id"], day)],
    ).fetchone()
    with write(db, ctx) as w:
        done = record_in(w, schedule, subject, day, value, abnormal, note)
    return {**done, "check": check, "subject": subject["name"], "measure": schedule["measure"],
            "replaced": earlier[0] if earlier else None}  # fmt: skip


def numeric_problem(schedule: dict, value: str) -> str | None:
    """Why a value cannot be a result of a schedule with a normal range (its results are
    finite numbers: 36.8, not 37,5, abc or inf); None when it can."""
    if schedule["normal_min"] is None and schedule["normal_max"] is None:
        return None
    number = measured(value)
    if number is not None and abs(number) <= 1e9:
        return None
    return tr(
        "“{value}” is not a number: {measure} has a normal range, so its results are numbers "
        "(for example 36.8).",
        value=value[:60],
        measure=schedule["measure"],
    )


def checked(value, note) -> tuple[str, str]:
    """A result's value (required) and note, cleaned and within their lengths."""
    value = text_field({"value": str(value if value is not None else "")}, "value", 200)
    value = values.half_width(value)  # ３７．５ as a Chinese input method types it: 37.5
    if not value:
        raise Invalid("value", tr("Give the value measured or observed."))
    return value, text_field({"note": note or ""}, "note", 2_000, True)


def record_in(w: Writer, schedule: dict, subject: dict, day: date, value: str, abnormal: bool,
              note: str) -> dict:  # fmt: skip
    """Write a checked result of one check inside the caller's transaction (the import's
    too): abnormal as marked or out of the normal range, which adds a 大事记 entry."""
    flagged = bool(abnormal) or out_of_range(schedule, value)
    row_id = result_id(schedule["id"], subject["id"], day)
    fields = {
        "incident_id": schedule["incident_id"], "schedule_id": schedule["id"],
        "person_id": subject["id"] if subject["kind"] == "person" else None,
        "site_id": subject["id"] if subject["kind"] == "site" else None,
        "due_on": day.isoformat(), "value": value, "unit": schedule["unit"],
        "abnormal": int(flagged), "note": note, "recorded_at": values.now_iso(),
        "actor": w.ctx.actor, "handled": 0, "handled_note": "",
    }  # fmt: skip
    old = w.db.execute("SELECT deleted FROM monitor_result WHERE id = ?", [row_id]).fetchone()
    if old is None:
        w.insert("monitor_result", {"id": row_id, **fields})
    else:
        w.update("monitor_result", row_id, {**fields, "deleted": 0})
    if flagged:
        _log(w, schedule, subject, day, value)
    return {"id": row_id, **fields, "abnormal": flagged, "alert": flagged}


def _log(w: Writer, schedule: dict, subject: dict, day: date, value: str) -> None:
    who = masked_name(subject["name"]) if subject["kind"] == "person" else subject["name"]
    journal.note(
        w,
        schedule["incident_id"],
        "monitoring",
        tr("Abnormal monitoring result: {subject}, {measure} {value}{unit} on {day}.",
           subject=who, measure=schedule["measure"], value=value, unit=schedule["unit"],
           day=day.isoformat()),
    )  # fmt: skip


def alerts(db: Database, incident: str | None = None, open_only: bool = True) -> list[dict]:
    """Abnormal results (those not handled yet, unless open_only is False), newest first."""
    where = ["r.deleted = 0", "r.abnormal = 1"]
    params: list = []
    if open_only:
        where.append("r.handled = 0")
    if incident:
        params += [str(incident).upper(), str(incident).lower()]
        known = "SELECT 1 FROM incident WHERE (number = ? OR id = ?) AND deleted = 0"
        if db.execute(known, params).fetchone() is None:  # not "no alerts" for a typo
            raise BioError(tr("No incident {ref}.", ref=incident))
        where.append("(i.number = ? OR i.id = ?)")
    return [
        {**row, "subject": masked_name(row["person"]) if row["person"] else row["site"],
         "cohort_name": vocab.name("cohort", row["cohort"]) if row["cohort"] else ""}
        for row in db.query(
            "SELECT r.id, r.due_on, r.value, r.unit, r.note, r.recorded_at, r.actor, r.handled, "
            "r.handled_note, s.measure, s.cohort, i.number AS incident, a.code AS agency, "
            "p.name AS person, t.place AS site FROM monitor_result r "
            "JOIN monitor_schedule s ON s.id = r.schedule_id "
            "JOIN incident i ON i.id = r.incident_id "
            "LEFT JOIN agency a ON a.id = s.agency_id "
            "LEFT JOIN monitor_person p ON p.id = r.person_id "
            "LEFT JOIN monitor_site t ON t.id = r.site_id "
            f"WHERE {' AND '.join(where)} ORDER BY r.due_on DESC, r.recorded_at DESC",
            params,
        )
    ]  # fmt: skip


def handle(db: Database, ctx: Ctx, ref: str, note: str) -> None:
    """Close an abnormal result's alert with what was done (复查, 转诊, …)."""
    rows = shortids.matches(db, "monitor_result", ref)
    if len(rows) != 1 or not rows[0]["abnormal"]:
        raise BioError(tr("No abnormal result {ref}.", ref=ref))
    if rows[0]["handled"]:
        raise BioError(tr("This alert was closed already: {note}", note=rows[0]["handled_note"]))
    note = text_field({"note": note or ""}, "note", 2_000, True)
    if not note:
        raise Invalid("note", tr("Say what was done about the abnormal result."))
    with write(db, ctx) as w:
        w.update("monitor_result", rows[0]["id"], {"handled": 1, "handled_note": note})


def for_schedule(db: Database, schedule_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM monitor_result WHERE schedule_id = ? AND deleted = 0 ORDER BY due_on",
            [schedule_id],
        )
    )
