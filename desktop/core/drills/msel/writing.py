"""Writing the workbook: a drill's plan exported, or the template with its example and
the sheet 说明."""

from datetime import datetime
from pathlib import Path

import desktop.core.imports.lists as lists
from desktop.core import disclosure, spreadsheet, vocab
from desktop.core.context import Ctx
from desktop.core.drills import injects, records
from desktop.core.drills.msel.layout import (
    INJECTS,
    ITEMS,
    LISTS,
    PARTS,
    SCENARIO,
    chinese_names,
    header_of,
    suggestions,
)
from desktop.core.i18n import tr
from desktop.core.imports.templates import (
    HELP_WIDTHS,
    INSTRUCTIONS,
    append,
    column_table,
    header_row,
    suggest,
    value_list,
)
from desktop.core.store.handle import Database


def export(db: Database, drill_ref, path, ctx: Ctx | None = None) -> dict:
    """Write a drill's scenario and plan in the workbook's layout (read() gives the plan
    back). Returns the rows written per sheet. Participants' phones are written in full
    only for an actor who may see them, and that export is recorded (core/disclosure.py);
    masked for the others (an import of the file keeps the numbers it masked)."""
    drill = records.detail(db, drill_ref, ctx)
    plan = injects.plan(db, drill["id"])

    def name(kind: str, code: str | None) -> str | None:
        return vocab.VOCABULARIES[kind][code][0] if code else None

    start = drill["sim_start"] and datetime.fromisoformat(drill["sim_start"]).astimezone()
    given = {**drill, "kind": name("drill_kind", drill["kind"]),
             "hazard": name("hazard", drill["hazard"]), "grade": name("grade", drill["grade"]),
             "sim_start": start.replace(tzinfo=None) if start else None,
             "playbooks": ", ".join(p["code"] for p in drill["playbooks"])}  # fmt: skip
    content: dict[str, list] = {
        "scenario": [given.get(c.key) for c in ITEMS],
        "objectives": [[o["code"], o["text"], o["citation"]] for o in drill["objectives"]],
        "people": [[name("drill_role", p["role"]), p["name"], p["agency_name"], p["phone"]]
                   for p in drill["people"]],
        "injects": [[i["position"], name("trigger", i["trigger"]), i["offset_min"],
                     i["after_no"], name("inject_state", i["after_state"]), i["sender"],
                     i["to_agency_name"], name("channel", i["channel"]), i["message"],
                     i["objective"], "是" if i["contingency"] else "否"] for i in plan],
        "expects": [[i["position"], name("action", e["action"]), e["agency_name"],
                     e["within_min"], e["text"], e["objective"]]
                    for i in plan for e in i["expects"]],
    }  # fmt: skip
    _write(path, db, content)
    phones = sum(1 for p in drill["people"] if p["phone"])
    if phones and disclosure.may_see(ctx):
        disclosure.exported(
            db, ctx, "drill_people", phones, file=Path(path).name, drill=drill["number"]
        )
    return {key: len(rows) for key, rows in content.items() if key != "scenario"}


def write_template(path, db: Database | None = None) -> None:
    """The workbook to fill in: every sheet with its header row, drop-down suggestions for
    the closed lists, an example scenario (a Hengyang one, to replace) and the sheet 说明
    explaining each column with the valid values."""
    _write(path, db, EXAMPLE)


def _write(path, db: Database | None, content: dict) -> None:
    import openpyxl
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = SCENARIO.title
    header_row(sheet, SCENARIO.columns, {})
    for n, (item, value) in enumerate(zip(ITEMS, content["scenario"], strict=True), start=2):
        append(sheet, [item.header, value])
        cell = sheet.cell(row=n, column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if item.kind == "code":
            cell.number_format = "@"
        elif item.key == "sim_start":
            cell.number_format = "yyyy-mm-dd hh:mm"
        if item.key in LISTS:
            suggest(sheet, chinese_names(LISTS[item.key]), f"B{n}")
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 26, 80
    for part in PARTS[1:]:
        sheet = book.create_sheet(part.title)
        header_row(sheet, part.columns, suggestions(part))
        for row in content[part.key]:
            append(sheet, row)
        for i, col in enumerate(part.columns, start=1):
            if col.multiline:
                sheet.column_dimensions[get_column_letter(i)].width = 50
    _instructions(book.create_sheet(INSTRUCTIONS), db)
    spreadsheet.save_workbook(book, path)


def _instructions(sheet, db) -> None:
    """The sheet 说明; db: the open database or None (the lists then come from the shipped
    reference data)."""
    from openpyxl.styles import Font

    append(sheet, [tr("How to fill in a drill's workbook (MSEL)")], Font(bold=True, size=13))
    for line in guidance():
        append(sheet, [line])
    notes = described()
    append(sheet, [])
    title = tr("Sheet {sheet}: one item a row, its value in the column 内容; an empty value "
               "keeps the drill's", sheet=SCENARIO.title)  # fmt: skip
    append(sheet, [title], Font(bold=True))
    append(sheet, [SCENARIO.columns[0].header, tr("Required or optional"), tr("Description"),
                   tr("Allowed values or format"), tr("Other names accepted")],
           Font(bold=True))  # fmt: skip
    for item in ITEMS:
        description, allowed = notes[item.key]
        if not allowed and item.key in LISTS:
            allowed = "、".join(chinese_names(LISTS[item.key]))
        append(sheet, [item.header, tr("Optional"), description, allowed, ", ".join(item.aliases)])
    for part in PARTS[1:]:
        append(sheet, [])
        required = tr("required") if part is INJECTS else tr("optional")
        append(sheet, [tr("Sheet {sheet} ({required})", sheet=part.title, required=required)],
               Font(bold=True))  # fmt: skip
        about = {c.key: notes.get(f"{part.key}.{c.key}", notes.get(c.key)) for c in part.columns}
        column_table(sheet, part.columns, about, suggestions(part))
    for key, kind in LISTS.items():
        append(sheet, [])
        rows = [(zh, en, code) for code, (zh, en) in vocab.VOCABULARIES[kind].items()
                if code != "pending"]  # fmt: skip
        value_list(sheet, header_of(key), ["名称", "English", "代码"], rows)
    for title, header, rows in (
        (tr("Agencies and their codes"), ["单位名称", "简称", "代码"], lists.agencies(db)),
        lists.divisions_list(lists.divisions(db)),
        (tr("Playbooks and their codes"), ["预案编码", "名称"], _playbooks(db)),
    ):
        append(sheet, [])
        value_list(sheet, title, header, rows)
    for letter, width in zip("ABCDE", HELP_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width


def _playbooks(db: Database | None) -> list[tuple]:
    """(code, title) of the approved playbooks (the newest version's title), else of the
    shipped ones."""
    if db is None:
        from desktop.core.playbooks.shipped import latest_documents

        return [(d["code"], d["title"]) for d in latest_documents()]
    newest: dict[str, str] = {}
    for code, title in db.execute(
        "SELECT code, title FROM playbook WHERE deleted = 0 AND status = 'approved' "
        "ORDER BY code, version DESC"
    ):
        newest.setdefault(code, title)
    return list(newest.items())


def guidance() -> list[str]:
    """The instructions' opening lines."""
    return [
        tr("Fill in the sheets 情景, 目标, 参演人员, 事件清单 and 预期行动; only 事件清单 is "
           "required. Keep each sheet's name and header row as they are (English names are "
           "accepted too). The rows in them now are an example (a Hengyang scenario): "
           "replace them with your drill's."),
        tr("Import into a drill that has not started: bioreserve drill import-msel ID "
           "FILE.xlsx. The file's objectives, participants, injects and expected actions "
           "replace the drill's; the items of 情景 that have a value change the drill's "
           "fields. Every problem is listed with its sheet, row and column, and nothing is "
           "changed while there is one."),
        tr("Play a scenario automatically and see what stock would lack: bioreserve drill "
           "run FILE.xlsx --auto --out AAR.pdf."),
        tr("Values from a list (trigger, channel, action, role, state, kind, hazard, grade) "
           "may be written by their Chinese name, English name or code; agencies by code, "
           "full name or short name. Times are minutes after the drill's start (T+90), or "
           "hours:minutes (1:30)."),
        tr("Write values, not formulas, and do not merge cells: both are refused."),
    ]  # fmt: skip


def described() -> dict[str, tuple[str, str]]:
    """Each 情景 item's and each column's description and allowed values (by "sheet.key"
    where a key means another thing on another sheet)."""
    minutes_format = tr("minutes (90), or hours:minutes (1:30)")
    agency = tr("code, full name or short name (see the list below)")
    return {
        "name": (tr("The drill's name."), tr("text")),
        "people.name": (tr("The participant's name (a name or an agency is needed)."),
                        tr("text")),
        "kind": (tr("The kind of drill."), ""),
        "scenario": (tr("The scenario as the players are told it."), tr("text")),
        "hazard": (tr("The simulated incident's hazard."), ""),
        "grade": (tr("The simulated incident's grade (national plan, I highest)."), ""),
        "division": (tr("Where the simulated incident happens."),
                     tr("division code or name (see the list below)")),
        "place": (tr("The place, in words."), tr("text")),
        "exposed": (tr("People exposed."), tr("whole number")),
        "patients": (tr("Patients."), tr("whole number")),
        "responders": (tr("Responders deployed."), tr("whole number")),
        "sites": (tr("Sites affected."), tr("whole number")),
        "area_km2": (tr("Area affected."), tr("number, in km²")),
        "days": (tr("Days the response is expected to last."), tr("whole number")),
        "speed": (tr("How fast the drill's clock runs."), tr("×1 to ×{max}",
                                                               max=records.MAX_SPEED)),
        "sim_start": (tr("The scenario's time at T+0."), "2026-03-01 14:30"),
        "playbooks": (tr("The playbooks the drill tests (they replace the drill's)."),
                      tr("codes separated by commas (see the list below)")),
        "code": (tr("The objective's code, which injects and actions refer to (empty: O1, "
                    "O2 … in order)."), tr("e.g. O1")),
        "text": (tr("What the drill tests."), tr("text")),
        "expects.text": (tr("The expected action in words."), tr("text")),
        "citation": (tr("The plan clause or playbook the objective tests."),
                     tr("e.g. 三（一） or PB-EID")),
        "role": (tr("The participant's role (empty: 参演单位)."), ""),
        "people.agency": (tr("The participant's agency."), agency),
        "expects.agency": (tr("The agency expected to act."), agency),
        "phone": (tr("Phone number."), tr("text")),
        "no": (tr("The inject's number, unique; injects are listed in this order."),
               tr("whole number from 1")),
        "trigger": (tr("When the inject fires: 定时 at its time, 延时 its minutes after the "
                       "inject it follows fires, 条件 its minutes after that inject reaches "
                       "the 前置状态, 手动 when a controller fires it (empty: 定时)."), ""),
        "offset_min": (tr("定时: minutes after the start; 延时 and 条件: minutes after the "
                          "inject it follows."), minutes_format),
        "after": (tr("The number of the inject it follows (延时, 条件; 延时 without one "
                     "follows the inject before it)."), tr("an inject's 序号")),
        "after_state": (tr("条件: the state the inject it follows must reach (empty: "
                           "已发出)."), ""),
        "sender": (tr("Who sends it (a simulated caller or agency)."), tr("text")),
        "to_agency": (tr("The agency it is addressed to (the one whose console shows it)."),
                      agency),
        "channel": (tr("How it arrives (empty: 电话)."), ""),
        "message": (tr("What the addressee is told."), tr("text")),
        "objective": (tr("The objective it tests."), tr("a code of 目标")),
        "contingency": (tr("是: kept for when play goes off course; fired only by a "
                           "controller."), "是 / 否"),
        "inject": (tr("The inject the action answers."), tr("an inject's 序号")),
        "action": (tr("What the players are expected to do (empty: 其他, judged by an "
                      "evaluator)."), ""),
        "within_min": (tr("Minutes from the inject's firing by which it is due."),
                       minutes_format),
    }  # fmt: skip


# ---------------------------------------------------------------- the example

EXAMPLE = {
    "scenario": [
        "珠晖区不明原因肺炎聚集性疫情桌面推演（示例）", "桌面推演",
        "3月2日上午，珠晖区某医院发热门诊接诊3例发热伴肺部影像学改变的患者，均有同一农贸市场"
        "活禽摊位暴露史，常规病原检测阴性。医院按规定向区卫生健康局和市卫生健康委报告。",
        "新发突发传染病", "较大（III级）", "430405", "珠晖区某农贸市场（示例）",
        300, 12, 60, 2, 1.5, 14, 10, datetime(2026, 3, 2, 9, 0), "PB-EID",
    ],
    "objectives": [
        ["O1", "接报后2小时内完成首次信息报告", "《突发公共卫生事件应急条例》第十九条"],
        ["O2", "启动新发突发传染病疫情处置预案，明确各单位分工", "PB-EID"],
        ["O3", "4小时内向珠晖区调拨个人防护用品", "PB-EID"],
    ],
    "people": [
        ["导调员", "张明（示例）", "市应急管理局", "0734-8000001"],
        ["评估员", "李华（示例）", "市卫生健康委", "0734-8000002"],
        ["参演单位", None, "市卫生健康委", None],
        ["参演单位", None, "珠晖区卫健局", None],
    ],
    "injects": [
        [1, "定时", 0, None, None, "珠晖区某医院", "市卫生健康委", "电话",
         "我院发热门诊接诊3例不明原因肺炎患者，均有同一农贸市场暴露史，请求指导。", "O1", "否"],
        [2, "条件", 30, 1, "已接收", "市疾病预防控制中心", "市卫生健康委", "系统",
         "流行病学调查初步结果：病例增至12例，其中1例重症，病原检测仍为阴性。", "O2", "否"],
        [3, "延时", 60, 2, None, "珠晖区卫健局", "市卫生健康委", "公文",
         "辖区医疗机构个人防护用品库存告急，请求市级调拨。", "O3", "否"],
        [4, "手动", 0, None, None, "导调组", "市卫生健康委", "口头",
         "备用：专家组两名成员因故无法按时到位。", None, "是"],
    ],
    "expects": [
        [1, "登记事件", "市卫生健康委", 30, "登记事件并组织研判", "O1"],
        [1, "信息报告", "市卫生健康委", 120, "完成首次信息报告", "O1"],
        [2, "启动预案", "市卫生健康委", 30, "启动 PB-EID 并明确分工", "O2"],
        [3, "物资调拨", "市卫生健康委", 240, "向珠晖区调拨个人防护用品", "O3"],
        [4, "派遣专家", "市卫生健康委", 60, "调整专家组人员", None],
    ],
}  # fmt: skip
