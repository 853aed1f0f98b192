"""The workbook's layout: its sheets, their columns (Chinese headers, English names
accepted) and the items of 情景, and which columns take a value from a closed list."""

from dataclasses import dataclass

from desktop.core import vocab
from desktop.core.drills import injects
from desktop.core.imports.columns import Column, column
from desktop.core.incidents.records import MAX_DAYS, MAX_PEOPLE, MAX_SITES

IGNORED_SHEETS = ("说明", "instructions", "help")


@dataclass(frozen=True)
class Part:
    """One sheet of the workbook: the plan's key, its title, other names, columns, and the
    most rows it holds."""

    key: str
    title: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    most: int


SCENARIO = Part("scenario", "情景", ("scenario",), (
    column("item", "项目", ("item", "field"), True),
    column("value", "内容", ("value", "content")),
), 100)  # fmt: skip
# the items of 情景, as the rows of its first column name them
ITEMS = (
    column("name", "演练名称", ("name", "drill name")),
    column("kind", "演练类型", ("kind", "type", "drill type"), kind="choice"),
    column("scenario", "情景概述", ("scenario", "narrative"), multiline=True),
    column("hazard", "危害类型", ("hazard",), kind="choice"),
    column("grade", "事件级别", ("grade",), kind="choice"),
    column("division", "发生地区划", ("division",), kind="code"),
    column("place", "地点", ("place",)),
    column("exposed", "暴露人数", ("exposed", "exposed people"), kind="number"),
    column("patients", "患者数", ("patients",), kind="number"),
    column("responders", "处置人员数", ("responders",), kind="number"),
    column("sites", "场所数", ("sites",), kind="number"),
    column("area_km2", "面积（平方公里）", ("area", "area km2", "面积"), kind="number"),
    column("days", "预计持续天数", ("days", "expected days"), kind="number"),
    column("speed", "推演速度", ("speed",), kind="number"),
    column("sim_start", "情景起始时间", ("scenario start", "sim start"), kind="date"),
    column("playbooks", "预案（编码，逗号分隔）", ("playbooks", "预案"), kind="code"),
)  # fmt: skip
OBJECTIVES = Part("objectives", "目标", ("objectives",), (
    column("code", "编号", ("code", "no"), kind="code"),
    column("text", "目标", ("objective", "text"), True, multiline=True),
    column("citation", "依据（方案条款或预案编码）", ("citation", "basis", "依据")),
), 200)  # fmt: skip
PEOPLE = Part("people", "参演人员", ("participants", "people"), (
    column("role", "角色", ("role",), kind="choice"),
    column("name", "姓名", ("name",)),
    column("agency", "单位", ("agency",)),
    column("phone", "电话", ("phone",), kind="code"),
), 2_000)  # fmt: skip
INJECTS = Part("injects", "事件清单", ("injects", "msel", "events"), (
    column("no", "序号", ("no", "number"), True, "number"),
    column("trigger", "触发方式", ("trigger",), kind="choice"),
    column("offset_min", "时间（T+分钟）", ("time", "offset", "t+", "时间"), kind="number"),
    column("after", "前置事件序号", ("after", "after inject", "前置事件"), kind="number"),
    column("after_state", "前置状态", ("after state",), kind="choice"),
    column("sender", "发送方", ("sender", "from")),
    column("to_agency", "接收单位", ("to", "to agency", "addressee")),
    column("channel", "渠道", ("channel",), kind="choice"),
    column("message", "信息内容", ("message",), True, multiline=True),
    column("objective", "检验目标", ("objective",), kind="code"),
    column("contingency", "备用事件", ("contingency",), kind="choice"),
), injects.MAX_INJECTS)  # fmt: skip
EXPECTS = Part("expects", "预期行动", ("expected actions", "expects", "actions"), (
    column("inject", "事件序号", ("inject", "inject no"), True, "number"),
    column("action", "行动类型", ("action",), kind="choice"),
    column("agency", "责任单位", ("agency", "responsible agency")),
    column("within_min", "时限（分钟）", ("within", "within min", "deadline", "时限"),
           kind="number"),
    column("text", "说明", ("text", "description", "note"), multiline=True),
    column("objective", "检验目标", ("objective",), kind="code"),
), injects.MAX_EXPECTS)  # fmt: skip
PARTS = (SCENARIO, OBJECTIVES, PEOPLE, INJECTS, EXPECTS)
LISTS = {"kind": "drill_kind", "hazard": "hazard", "grade": "grade", "role": "drill_role",
         "trigger": "trigger", "after_state": "inject_state", "channel": "channel",
         "action": "action"}  # column key → vocabulary  # fmt: skip


def chinese_names(kind: str) -> list[str]:
    """A vocabulary's Chinese names, as the workbook writes them (a state to follow is
    never 待发)."""
    return [zh for code, (zh, _) in vocab.VOCABULARIES[kind].items() if code != "pending"]


def suggestions(part: Part) -> dict[str, list[str]]:
    """The values a template offers in each column of a sheet (drop-down suggestions)."""
    offered = {c.key: chinese_names(LISTS[c.key]) for c in part.columns if c.key in LISTS}
    if part is INJECTS:
        offered["contingency"] = ["是", "否"]
    return offered


ITEM_NAMES = {c.key: c.header for c in ITEMS}
# the scale's items, bounded as an incident's are (the drill simulates one)
SCALE = {"exposed": MAX_PEOPLE, "patients": MAX_PEOPLE, "responders": MAX_PEOPLE,
         "sites": MAX_SITES, "days": MAX_DAYS}  # fmt: skip
# the sheet of a field injects.check_plan names in a refusal
FIELD_SHEETS = {c.key: p.title for p in reversed(PARTS) for c in p.columns}


def header_of(key: str, part: Part | None = None) -> str:
    """The header of a column (of that part, or the first of its key): a 情景 item's name
    too."""
    columns = part.columns if part else (*ITEMS, *(c for p in PARTS for c in p.columns))
    return next(c.header for c in columns if c.key == key)
