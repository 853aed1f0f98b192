"""What the monitoring summary report says, for an incident (or one cohort) over a period:
the people by cohort and status, the sites, per schedule its coverage (checks due, done,
missing), its results (normal, abnormal; the range of numeric values), the abnormal
findings, and the analyst's recommendations (notes recorded here). documents/
monitoring_summary.py lays it out. Also what 总览 counts (attention)."""

from datetime import date

from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import records
from desktop.core.incidents.records import choice, text_field
from desktop.core.monitoring import results, schedules, sites
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write


def recommend(db: Database, ctx: Ctx, incident_ref, text: str, cohort: str | None = None) -> str:
    """The analyst's recommendation drawn from the monitoring (for one cohort, or all)."""
    incident = records.get(db, incident_ref)
    text = text_field({"text": text or ""}, "text", 10_000, True)
    if not text:
        raise Invalid("text", tr("Write the recommendation."))
    with write(db, ctx) as w:
        return w.insert(
            "monitor_note",
            {"incident_id": incident["id"], "text": text, "actor": ctx.actor,
             "cohort": choice("cohort", cohort, "cohort") if cohort else None,
             "created_at": values.now_iso()},
        )  # fmt: skip


def notes(db: Database, incident_id: str, cohort: str | None = None) -> list[dict]:
    where = "incident_id = ? AND deleted = 0" + (" AND (cohort IS NULL OR cohort = ?)"
                                                 if cohort else "")  # fmt: skip
    params = [incident_id] + ([cohort] if cohort else [])
    return list(db.query(f"SELECT * FROM monitor_note WHERE {where} ORDER BY created_at", params))


def _numbers(rows: list[dict]) -> list[float]:
    out = []
    for row in rows:
        try:
            out.append(float(row["value"]))
        except ValueError:
            continue
    return out


def summary(db: Database, incident_ref, cohort: str | None = None, start: date | None = None,
            end: date | None = None) -> dict:  # fmt: skip
    """{incident, cohort, period: [from, to], people: {cohort: {status: n}}, sites: [...],
    schedules: [{measure, unit, subject (cohort or site), agency, state, subjects, due, done,
    missing, coverage, abnormal, min, max}], abnormal: [...], recommendations: [...]}.
    Dates of the period bound the checks counted (default: from the first check to today)."""
    incident = records.get(db, incident_ref)
    cohort = choice("cohort", cohort, "cohort") if cohort else None
    today = values.now().date()
    end = min(end or today, today)
    people: dict[str, dict[str, int]] = {}
    for row in db.execute(
        "SELECT cohort, status, count(*) FROM monitor_person WHERE incident_id = ? "
        "AND deleted = 0 GROUP BY cohort, status",
        [incident["id"]],
    ):
        if cohort and row[0] != cohort:
            continue
        people.setdefault(row[0], {})[row[1]] = row[2]
    out_schedules, abnormal, first = [], [], None
    for schedule in schedules.listing(db, incident["id"]):
        if cohort and schedule["cohort"] != cohort:
            continue
        recorded = results.for_schedule(db, schedule["id"])
        due: set[tuple[str, str]] = set()  # (subject, day) of the checks in the period
        for subject in schedules.subjects(db, schedule):
            for day in schedules.days_of(schedule, subject):
                if day > end or (start and day < start):
                    continue
                first = min(first or day, day)
                due.add((subject["id"], day.isoformat()))
        due_days = len(due)
        # results of checks in the period only (not of days a schedule ended before)
        counted = [r for r in recorded if (r["person_id"] or r["site_id"], r["due_on"]) in due]
        numbers = _numbers(counted)
        flagged = [r for r in counted if r["abnormal"]]
        out_schedules.append({
            "id": schedule["id"], "measure": schedule["measure"], "unit": schedule["unit"],
            "subject": vocab.name("cohort", schedule["cohort"]) if schedule["cohort"]
            else f"{vocab.name('site_kind', schedule['site_kind'])}：{schedule['site_place']}",
            "every_days": schedule["every_days"], "for_days": schedule["for_days"],
            "agency": schedule["agency_name"] or "", "state": schedule["state"],
            "end_reason": schedule["end_reason"], "subjects": schedule["subjects"],
            "due": due_days, "done": len(counted), "missing": max(due_days - len(counted), 0),
            "coverage": round(100 * len(counted) / due_days, 1) if due_days else None,
            "abnormal": len(flagged), "min": min(numbers) if numbers else None,
            "max": max(numbers) if numbers else None,
        })  # fmt: skip
        abnormal += [{**r, "measure": schedule["measure"]} for r in flagged]
    named = {a["id"]: a for a in results.alerts(db, incident["id"], open_only=False)}
    findings = [{**r, "subject": named.get(r["id"], {}).get("subject", "—")} for r in abnormal]
    findings.sort(key=lambda r: r["due_on"])
    return {
        "incident": incident,
        "cohort": cohort,
        "period": [(start or first or today).isoformat(), end.isoformat()],
        "people": people,
        "sites": [] if cohort else sites.listing(db, incident["id"]),
        "schedules": out_schedules,
        "abnormal": findings,
        "recommendations": notes(db, incident["id"], cohort),
        "open": any(s["state"] == "active" for s in out_schedules),
    }


def followed(db: Database) -> set[str]:
    """The ids of the incidents with anything followed (people, sites or schedules), closed
    ones too: the 长期监测 page offers them."""
    return {
        row[0]
        for row in db.execute(
            "SELECT incident_id FROM monitor_person WHERE deleted = 0 UNION "
            "SELECT incident_id FROM monitor_site WHERE deleted = 0 UNION "
            "SELECT incident_id FROM monitor_schedule WHERE deleted = 0"
        )
    }


def attention(db: Database, on: date | None = None) -> dict:
    """What 总览 counts: checks due today, overdue checks, open alerts."""
    checks = schedules.due(db, on)
    return {
        "due_today": sum(1 for c in checks if not c["overdue"]),
        "overdue": sum(1 for c in checks if c["overdue"]),
        "alerts": db.execute(
            "SELECT count(*) FROM monitor_result WHERE abnormal = 1 AND handled = 0 AND deleted = 0"
        ).fetchone()[0],
    }
