"""The templates of the two monitoring lists — monitoring-people (a cohort list, sheet
监测人员) and monitoring-results (a list of results, sheet 监测结果) — written by the
pieces every import template is made of (imports.templates): the header row with
drop-downs for the cohort, the measure and 是/否, and the sheet 说明 describing every
column with an example row and the valid values (from the open database when there is
one: its divisions and the schedules people's results are recorded against)."""

from datetime import date

import desktop.core.imports.lists as lists
import desktop.core.monitoring.sheets.columns as columns
from desktop.core import spreadsheet, vocab
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.columns import date_format
from desktop.core.imports.templates import (
    HELP_WIDTHS,
    INSTRUCTIONS,
    append,
    column_table,
    header_row,
    value_list,
)
from desktop.core.store.handle import Database

KINDS = tuple(columns.TEMPLATE_KINDS)
SHEETS = {columns.PEOPLE: "监测人员", columns.RESULTS: "监测结果"}
EXAMPLE_ID = "11010519491231002X"  # GB 11643's own example of an ID number
EXAMPLES: dict[str, list] = {
    columns.PEOPLE: [
        "张三（示例）",
        EXAMPLE_ID,
        "13800000000",
        "衡南县",
        date(2026, 1, 15),
        "同住家属",
        "密切接触者",
    ],
    columns.RESULTS: [
        EXAMPLE_ID,
        "张三（示例）",
        None,
        date(2026, 1, 16),
        "体温",
        36.8,
        "否",
        None,
    ],
}
YES_NO = ["是", "否"]


def write_template(kind: str, path, db: Database | None = None) -> None:
    """The template of a cohort list (monitoring-people) or a list of results
    (monitoring-results): the header row on the first sheet, the instructions on 说明."""
    import openpyxl
    from openpyxl.styles import Font

    which = columns.TEMPLATE_KINDS.get(kind)
    if which is None:
        raise BioError(
            tr("Unknown kind {kind}; use one of {choices}.", kind=kind, choices=", ".join(KINDS))
        )
    kind_columns = columns.COLUMNS[which]
    schedules = _schedules(db)
    suggested = {
        "cohort": cohort_names(),
        "abnormal": YES_NO,
        "measure": sorted({row[2] for row in schedules}),
    }
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = SHEETS[which]
    header_row(sheet, kind_columns, suggested)

    help_sheet = book.create_sheet(INSTRUCTIONS)
    append(
        help_sheet,
        [tr("How to fill in the sheet {sheet}", sheet=SHEETS[which])],
        Font(bold=True, size=13),
    )
    for line in guidance(which):
        append(help_sheet, [line])
    append(help_sheet, [])
    column_table(help_sheet, kind_columns, described(), suggested)
    append(help_sheet, [])
    append(
        help_sheet, [tr("Example row (an illustration only: it is not imported)")], Font(bold=True)
    )
    append(help_sheet, [c.header for c in kind_columns], Font(bold=True))
    append(help_sheet, EXAMPLES[which], Font(italic=True, color="808080"))
    for cell in help_sheet[help_sheet.max_row]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    if which == columns.PEOPLE:
        cohorts = [(zh, en, code) for code, (zh, en) in vocab.COHORTS.items()]
        listed = [
            (tr("Cohorts"), ["名称", "English", "代码"], cohorts),
            lists.divisions_list(lists.divisions(db)),  # type: ignore[arg-type]
        ]
    else:
        header = ["事件编号", "人群类别", "监测项目", "单位", "每几天", "共几天", "开始日期"]
        listed = [(tr("Schedules of people in this database"), header, schedules)] if db else []
    for title, header, rows in listed:
        append(help_sheet, [])
        value_list(help_sheet, title, header, rows)
    for letter, width in zip("ABCDE", HELP_WIDTHS, strict=True):
        help_sheet.column_dimensions[letter].width = width
    spreadsheet.save_workbook(book, path)


def cohort_names() -> list[str]:
    return [zh for zh, _ in vocab.COHORTS.values()]


def _schedules(db: Database | None) -> list[tuple]:
    """The schedules of people still running: (incident, cohort, measure, unit, every,
    for, start)."""
    if db is None:
        return []
    return [
        (
            r["number"],
            vocab.COHORTS[r["cohort"]][0],
            r["measure"],
            r["unit"],
            r["every_days"],
            r["for_days"],
            r["start_on"],
        )
        for r in db.query(
            "SELECT i.number, s.cohort, s.measure, s.unit, s.every_days, s.for_days, s.start_on "
            "FROM monitor_schedule s JOIN incident i ON i.id = s.incident_id "
            "WHERE s.deleted = 0 AND s.cohort IS NOT NULL AND s.ended_on IS NULL "
            "ORDER BY i.number, s.cohort, s.measure"
        )
        if r["cohort"] in vocab.COHORTS
    ]


def guidance(which: str) -> list[str]:
    """The instructions' opening lines."""
    own = (
        tr(
            "One row per person. A person already followed for the incident is refused, and "
            "so is an ID number twice in the file."
        )
        if which == columns.PEOPLE
        else tr(
            "One row per check: the person (by ID number), the day and the measure, or the "
            "check's number (监测编号) alone. A list sent again with more days is welcome: "
            "results recorded already with the same value are left as they are, a new value "
            "replaces the one recorded. An abnormal result raises an alert and is written in "
            "the incident's 大事记."
        )
    )
    return [
        tr(
            "Fill in the first sheet under its header row, which must stay as it is (English "
            "column names and the names hospitals use, such as 身份证号码, 手机号 or 暴露日期, "
            "are accepted too; a title row above it is skipped). The sheet may also be saved "
            "as CSV (UTF-8 or GBK)."
        ),
        tr(
            "Import: bioreserve monitoring import --incident ID FILE.xlsx. Every row is "
            "checked first; every problem is reported with its row, column and value, and "
            "nothing is imported while there is one."
        ),
        own,
        tr("Write values, not formulas, and do not merge cells: both are refused."),
    ]


def described() -> dict[str, tuple[str, str]]:
    """Each column's description and allowed values, both lists' (by key)."""
    return {
        "name": (
            tr(
                "The person's name (in a list of results, checked against the person's "
                "record when given)."
            ),
            tr("text"),
        ),
        "id_number": (
            tr(
                "Resident ID number, checked by its check digit. Format the column "
                "as text: Excel rounds a long number to 15 digits. In a list of "
                "results: a person followed for the incident (or give 监测编号)."
            ),
            tr("18 characters: 17 digits and a digit or X"),
        ),
        "phone": (tr("Phone number."), tr("digits, spaces, + - and brackets")),
        "division": (
            tr("Where the person lives; a township's code or name counts as its county's."),
            tr("division code or name (see the list below)"),
        ),
        "exposed_on": (
            tr("The last day of exposure; the cohort's checks start from it."),
            date_format(),
        ),
        "exposure": (
            tr("How the person was exposed (同住, 同一工作场所, 处置现场 …)."),
            tr("text"),
        ),
        "cohort": (tr("The cohort the person is followed in (密接 is read as 密切接触者)."), ""),
        "check": (
            tr(
                "The check's number as `bioreserve monitoring due` lists it: it names "
                "the person or site, the measure and the day, which may then stay "
                "empty."
            ),
            tr("e.g. 1a2b3c4d-5e6f7a8b-20260116"),
        ),
        "due_on": (
            tr(
                "The day of the check: a check day of the schedule for this person, "
                "not a day still to come."
            ),
            date_format(),
        ),
        "measure": (
            tr(
                "What was measured, as a schedule of the person's cohort names it; "
                "empty when the cohort has one schedule (a column 体温 in place of 结果 "
                "measures 体温)."
            ),
            "",
        ),
        "value": (
            tr(
                "The value measured or observed (36.8, 阴性 …); a number outside the "
                "schedule's normal range is abnormal."
            ),
            tr("text"),
        ),
        "abnormal": (
            tr("Whether the result is abnormal."),
            tr("是 / 否 or 异常 / 正常 (empty: 否)"),
        ),
        "note": (tr("Anything to add (symptoms, a second test …)."), tr("text")),
    }
