"""The columns of the two monitoring sheets — a cohort list (监测人员) and a list of results
(监测结果) — as the templates write them, with the names hospitals and township health
centres use for them, and how a file's header row tells which of the two it is.

A few columns hospitals add out of habit (序号, 性别, 年龄) are recognised and not
imported; any other unknown column stops the import, as in every import (it may be a
misspelt one whose values would be lost).
"""

import re

from desktop.core.i18n import tr
from desktop.core.imports.columns import column, map_header, normal
from desktop.core.imports.job import RowError

PEOPLE, RESULTS = "people", "results"
TEMPLATE_KINDS = {"monitoring-people": PEOPLE, "monitoring-results": RESULTS}

ID_NUMBER = ("身份证号码", "证件号码", "身份证", "公民身份号码", "id number", "id no",
             "id card", "id card number")  # fmt: skip
PEOPLE_COLUMNS = (
    column("name", "姓名", ("name", "人员姓名"), True),
    column("id_number", "身份证号", ID_NUMBER, True, "code"),
    column("phone", "联系电话", ("手机号", "手机号码", "手机", "电话", "联系方式", "phone",
                                 "mobile"), kind="code"),
    column("division", "现住址区划", ("区划代码", "区划", "所属区划", "现住址区划代码",
                                      "所在区县", "区县", "division", "division code"),
           kind="code"),
    column("exposed_on", "末次暴露日期", ("暴露日期", "最后暴露日期", "末次接触日期",
                                          "接触日期", "exposure date", "last exposure",
                                          "exposed on"), kind="date"),
    column("exposure", "暴露方式", ("接触方式", "暴露类型", "exposure", "exposure type")),
    column("cohort", "人群类别", ("人员类别", "人群分类", "人员类型", "类别", "cohort",
                                  "category"), True, "choice"),
)  # fmt: skip
RESULT_COLUMNS = (
    column("id_number", "身份证号", ID_NUMBER, kind="code"),
    column("name", "姓名", ("name", "人员姓名")),
    column("check", "监测编号", ("check", "check token"), kind="code"),
    column("due_on", "监测日期", ("检测日期", "采样日期", "测量日期", "日期", "date",
                                  "check date"), kind="date"),
    column("measure", "监测项目", ("检测项目", "项目", "measure", "item"), kind="choice"),
    column("value", "结果", ("监测结果", "检测结果", "数值", "测量值", "体温", "result",
                             "value", "temperature"), True),
    column("abnormal", "是否异常", ("异常", "结果判定", "判定", "abnormal"), kind="choice"),
    column("note", "备注", ("说明", "note", "notes", "remarks"), multiline=True),
)  # fmt: skip
IGNORED = (
    column("seq", "序号", ("no", "no.", "编号")),
    column("sex", "性别", ("sex", "gender")),
    column("age", "年龄", ("age",)),
    # what this program's own export adds (sheets/export.py), so that an export edited and
    # imported again is read: the subject, the unit, who recorded it and when, the status
    column("subject", "监测对象", ("subject",)),
    column("unit", "单位", ("unit",)),
    column("recorded_by", "记录人", ("recorded by",)),
    column("recorded_at", "记录时间", ("recorded at",)),
    column("status", "状态", ("status",)),
    column("status_note", "状态说明", ("status note",)),
)  # fmt: skip
COLUMNS = {PEOPLE: PEOPLE_COLUMNS, RESULTS: RESULT_COLUMNS}
# the columns only one kind has, which tell a file's kind from its header row
ONLY = {PEOPLE: {"phone", "division", "exposed_on", "exposure", "cohort"},
        RESULTS: {"check", "due_on", "measure", "value", "abnormal"}}  # fmt: skip
TEMPERATURE = ("体温", "temperature")  # a value column so named measures 体温
MEASURE_OF_VALUE = "体温"


def measure_named(texts: dict[str, str]) -> str | None:
    """体温 when the value column is headed so (体温, 体温(℃), temperature)."""
    written = re.sub(r"\s*\(.*\)$", "", normal(texts.get("value", "")))
    return MEASURE_OF_VALUE if written in TEMPERATURE else None


def kind_name(kind: str) -> str:
    return tr("a cohort list") if kind == PEOPLE else tr("a list of results")


def score(header: list[str]) -> dict[str, int]:
    """How many columns only a cohort list, or only a list of results, has in a row."""
    out = {}
    for kind, columns in COLUMNS.items():
        positions = map_header(columns + IGNORED, header)[0]
        out[kind] = len(ONLY[kind] & positions.keys())
    return out


def identify(header: list[str], row: int) -> tuple[str | None, dict, dict, list[RowError]]:
    """The kind a header row (row `row` of the sheet) names: (kind or None, positions of
    the columns by key, their texts as written, the header's errors)."""
    scores = score(header)
    if scores[PEOPLE] == scores[RESULTS]:
        reason = tr("This row names neither a cohort list ({people}) nor a list of results "
                    "({results}); `bioreserve template monitoring-people` and "
                    "`monitoring-results` write the templates.",
                    people="、".join(c.header for c in PEOPLE_COLUMNS),
                    results="、".join(c.header for c in RESULT_COLUMNS))  # fmt: skip
        return None, {}, {}, [RowError(row, "", reason)]
    kind = PEOPLE if scores[PEOPLE] > scores[RESULTS] else RESULTS
    positions, texts, errors, _ = map_header(COLUMNS[kind] + IGNORED, header)
    errors = [RowError(row, e.column, e.reason) for e in errors]
    if kind == RESULTS:
        for needed, either in (("id_number", "check"), ("due_on", "check")):
            if needed not in positions and either not in positions:
                header_of = {c.key: c.header for c in RESULT_COLUMNS}
                errors.append(RowError(row, header_of[needed], tr(
                    "Required column missing (or give the column {other}).",
                    other=header_of[either])))  # fmt: skip
    for key in ("seq", "sex", "age"):
        positions.pop(key, None)
    return kind, positions, texts, errors
