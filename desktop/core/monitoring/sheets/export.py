"""An incident's monitoring as a workbook a health centre can read: the people followed
(监测人员), one sheet per schedule with a row per person or site and a column per check
day up to today (the value, 未测 for a check missed, （异常） after an abnormal one, then
the checks done of those due and the abnormal ones), and every result with its note
(结果明细). ID numbers and phones are masked unless the person exporting chooses to show
them — which needs the PERSONAL right and is recorded with the reason (personal.disclose)
and in the audit log, refused without one. The
file is written readable by its owner only (spreadsheet.save_workbook)."""

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from desktop.core import disclosure, paths, spreadsheet, values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.incidents import records
from desktop.core.monitoring import personal, schedules, sites
from desktop.core.store.handle import Database

PEOPLE_SHEET, DETAIL_SHEET = "监测人员", "结果明细"
PEOPLE_HEADER = [
    "姓名",
    "身份证号",
    "联系电话",
    "现住址区划",
    "末次暴露日期",
    "暴露方式",
    "人群类别",
    "状态",
    "状态说明",
]
DETAIL_HEADER = [
    "监测编号",
    "监测对象",
    "身份证号",
    "监测项目",
    "监测日期",
    "结果",
    "单位",
    "是否异常",
    "备注",
    "记录人",
    "记录时间",
]
MAX_DAY_COLUMNS = 366  # a schedule's sheet shows its latest days; 结果明细 has every result
MISSED, ABNORMAL = "未测", "（异常）"
SHEET_NAME = re.compile(r"[\[\]:*?/\\']")  # characters Excel refuses in a sheet's name
NUMBER = re.compile(r"-?(0|[1-9]\d{0,14})(\.\d+)?")


def export(
    db: Database,
    incident_ref,
    path,
    reveal: bool = False,
    ctx: Ctx | None = None,
    reason: str = "",
) -> dict:
    """Write the incident's people and results to an .xlsx file; returns {path, people,
    schedules, results, masked}. With reveal, ID numbers and phones are written in full
    and the disclosure is recorded with its reason (refused without one)."""
    incident = records.get(db, incident_ref)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise BioError(tr("Give a file name ending in .xlsx (e.g. {name}.xlsx).", name=path.stem))
    if reveal:
        shown = f"{incident['number']} → {paths.shown_name(path)}"
        personal.disclose(db, ctx, "export", shown, reason)
    people = {
        p["id"]: personal.masked(p, reveal)
        for p in db.query(
            "SELECT p.*, d.name AS division_name FROM monitor_person p "
            "LEFT JOIN division d ON d.code = p.division WHERE p.incident_id = ? AND p.deleted = 0 "
            "ORDER BY p.cohort, p.name",
            [incident["id"]],
        )
    }
    places = {s["id"]: s for s in sites.listing(db, incident["id"])}
    plan = schedules.listing(db, incident["id"])
    sheets: list[tuple[str, list[str], Iterable[list]]] = [
        (PEOPLE_SHEET, PEOPLE_HEADER, [_person(p) for p in people.values()])
    ]
    names = {PEOPLE_SHEET, DETAIL_SHEET}
    today = values.now().date()
    for schedule in plan:
        title = _sheet_name(schedule, places, names)
        sheets.append((title, *_grid(db, schedule, people, places, today)))
    detail = _detail(db, incident["id"], people, places)
    sheets.append((DETAIL_SHEET, DETAIL_HEADER, detail))
    spreadsheet.write_xlsx(path, sheets)
    if reveal:
        disclosure.exported(db, ctx, "monitoring", len(people), file=paths.shown_name(path),
                            incident=incident["number"], results=len(detail))  # fmt: skip
    return {
        "path": str(path),
        "people": len(people),
        "schedules": len(plan),
        "results": len(detail),
        "masked": not reveal,
    }


def _person(p: dict) -> list:
    return [
        p["name"],
        p["id_number"],
        p["phone"],
        p["division_name"] or p["division"],
        _day(p["exposed_on"]),
        p["exposure"],
        vocab.COHORTS[p["cohort"]][0],
        vocab.MONITOR_STATUSES[p["status"]][0],
        p["status_note"],
    ]


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _value(text: str):
    """A value as a number when it is a plain one (36.8), else as written."""
    return float(text) if NUMBER.fullmatch(text) else text


def _sheet_name(schedule: dict, places: dict, taken: set) -> str:
    """体温（密切接触者）, 水样检测（湘江某取水口）: at most 31 characters, unique."""
    if schedule["cohort"]:
        subject = vocab.COHORTS[schedule["cohort"]][0]
    else:
        subject = places.get(schedule["site_id"], {}).get("place", "")
    base = SHEET_NAME.sub("", f"{schedule['measure']}（{subject}）")[:31]
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    taken.add(name)
    return name


def _grid(db: Database, schedule: dict, people: dict, places: dict, today: date):
    """A schedule's header and rows: a subject a row, a check day a column."""
    recorded = {
        (r["person_id"] or r["site_id"], r["due_on"]): r
        for r in db.query(
            "SELECT person_id, site_id, due_on, value, abnormal FROM monitor_result "
            "WHERE schedule_id = ? AND deleted = 0",
            [schedule["id"]],
        )
    }
    ended = _day(schedule["ended_on"])
    due = {}
    for subject in schedules.subjects(db, schedule):
        checks = schedules.dates(
            subject["start"], schedule["every_days"], schedule["for_days"], ended
        )
        due[subject["id"]] = (subject, [d.isoformat() for d in checks if d <= today])
    shown = sorted({d for _, days in due.values() for d in days})[-MAX_DAY_COLUMNS:]
    if schedule["site_id"]:
        header = ["采样点", "类型", "区划"]
    else:
        header = ["姓名", "身份证号", "联系电话", "状态"]
    rows = []
    for subject, days in due.values():
        if schedule["site_id"]:
            site = places.get(subject["id"], {})
            first = [
                site.get("place"),
                vocab.SITE_KINDS.get(site.get("kind"), ("",))[0],
                site.get("division_name"),
            ]
        else:
            p = people[subject["id"]]
            first = [p["name"], p["id_number"], p["phone"], vocab.MONITOR_STATUSES[p["status"]][0]]
        cells, done, abnormal = [], 0, 0
        for day in shown:
            result = recorded.get((subject["id"], day))
            if result is not None:
                cells.append(
                    f"{result['value']}{ABNORMAL}"
                    if result["abnormal"]
                    else _value(result["value"])
                )
            else:
                cells.append(MISSED if day in days else None)
        for day in days:
            result = recorded.get((subject["id"], day))
            done += result is not None
            abnormal += bool(result and result["abnormal"])
        rows.append([*first, *cells, f"{done}/{len(days)}", abnormal])
    unit = f"（{schedule['unit']}）" if schedule["unit"] else ""
    return [*header, *(f"{d}{unit}" for d in shown), "已测/应测", "异常次数"], rows


def _detail(db: Database, incident_id: str, people: dict, places: dict) -> list[list]:
    """Every result of the incident: check, subject, measure, day, value, note, who, when."""
    out = []
    for r in db.query(
        "SELECT r.*, s.measure FROM monitor_result r JOIN monitor_schedule s "
        "ON s.id = r.schedule_id WHERE r.incident_id = ? AND r.deleted = 0 "
        "ORDER BY s.created_at, r.due_on, r.person_id, r.site_id",
        [incident_id],
    ):
        subject_id = r["person_id"] or r["site_id"]
        person = people.get(r["person_id"]) or {}
        subject = person.get("name") or places.get(r["site_id"], {}).get("place", "")
        check = schedules.token(r["schedule_id"], subject_id, date.fromisoformat(r["due_on"]))
        out.append(
            [
                check,
                subject,
                person.get("id_number", ""),
                r["measure"],
                _day(r["due_on"]),
                _value(r["value"]),
                r["unit"],
                "是" if r["abnormal"] else "否",
                r["note"],
                r["actor"],
                values.shown_time(r["recorded_at"]),
            ]
        )
    return out
