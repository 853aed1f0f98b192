"""A drill as the UI tests meet it: a tabletop exercise of anthrax letters at a Hengnan
sorting centre with three objectives, its participants and a short MSEL (timed, delayed,
conditional, manual and contingency injects, expected actions with minutes), and the
window a person uses, over the live database, waiting for what it shows — never for a
fixed time."""

from pathlib import Path

from desktop.core.context import Ctx
from desktop.core.drills import injects, records
from tests.helpers.ui import TIMEOUT, wait_idle

CTX = Ctx("os:test")

OBJECTIVES = [
    {"code": "O1", "text": "两小时内完成首次信息报告", "citation": "《条例》第十九条"},
    {"code": "O2", "text": "启动生物恐怖袭击处置预案并分派任务", "citation": "PB-BIOTERROR"},
    {"code": "O3", "text": "调拨防护物资到现场", "citation": "三（二）"},
]
PEOPLE = [
    {"role": "player", "agency": "HY-WJW"},
    {"role": "player", "agency": "HY-GAJ"},
    {"role": "controller", "name": "李导调", "agency": "HY-YJJ", "phone": "0734-8880001"},
    {"role": "evaluator", "name": "王评估", "agency": "HY-WJW"},
]
INJECTS = [
    {"no": 1, "trigger": "time", "offset_min": 0, "sender": "衡南县邮政分拣中心",
     "to_agency": "HY-GAJ", "channel": "phone",
     "message": "分拣员发现一封信件漏出白色粉末，两人接触。", "objective": "O1"},
    {"no": 2, "trigger": "time", "offset_min": 1, "sender": "衡南县卫健局", "to_agency": "HY-WJW",
     "channel": "phone", "message": "两名接触者自述皮肤瘙痒，请求指导。", "objective": "O1"},
    {"no": 3, "trigger": "delay", "offset_min": 20, "after": 2, "sender": "市疾控中心",
     "to_agency": "HY-WJW", "channel": "document", "message": "现场采样初筛炭疽芽孢杆菌阳性。",
     "objective": "O2"},
    {"no": 4, "trigger": "after", "offset_min": 5, "after": 3, "after_state": "acknowledged",
     "sender": "市政府办", "to_agency": "HY-YJJ", "channel": "oral",
     "message": "市长要求一小时内报告处置进展。", "objective": "O2"},
    {"no": 5, "trigger": "manual", "sender": "导调组", "to_agency": "HY-WJW", "channel": "system",
     "message": "现场防护服告急，请求调拨。", "objective": "O3"},
    {"no": 6, "trigger": "manual", "contingency": True, "sender": "导调组", "to_agency": "HY-GAJ",
     "channel": "phone", "message": "（备用）媒体记者到达现场要求采访。"},
]  # fmt: skip
EXPECTS = [
    {"inject": 1, "action": "incident", "within_min": 30, "text": "登记事件", "objective": "O1"},
    {"inject": 2, "action": "report", "agency": "HY-WJW", "within_min": 120,
     "text": "首次信息报告", "objective": "O1"},
    {"inject": 3, "action": "activate", "within_min": 60, "text": "启动PB-BIOTERROR预案",
     "objective": "O2"},
    {"inject": 5, "action": "order", "within_min": 45, "text": "生成调拨单", "objective": "O3"},
]  # fmt: skip
SCENARIO = {"objectives": OBJECTIVES, "people": PEOPLE, "injects": INJECTS, "expects": EXPECTS}


def make_drill(db, name: str = "2026年衡南县炭疽信件桌面推演", plan: dict | None = None,
               **fields) -> dict:  # fmt: skip
    """A planned drill with the scenario's MSEL (准备): {id, number}."""
    given = {"name": name, "kind": "tabletop", "hazard": "bioterror", "grade": "III",
             "division": "430422", "exposed": 2, "responders": 30, "speed": 60}  # fmt: skip
    given.update(fields)
    made = records.create(db, CTX, given, ["PB-BIOTERROR"])
    injects.replace(db, CTX, made["id"], SCENARIO if plan is None else plan)
    return made


def counts(path: Path) -> dict[str, int]:
    """Rows per synced table and operations of a database file (its whole content)."""
    from desktop.core.store import db as dbmod
    from desktop.core.store import info

    db = dbmod.open_db(path)
    try:
        return info.counts(db)
    finally:
        db.conn.close()


def open_window(qtbot, controller, path: Path, size=(1366, 768)):
    """The window over a database, as the controller opens it (the controller closes it
    when it opens another)."""
    assert controller.open(Path(path))
    window = controller.window
    window.resize(*size)
    return window


def open_drills(qtbot, window):
    """The 演练 page of a live window, listed."""
    page = window.drills
    if page.model is None:
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            window.show_page(page)
    else:
        window.show_page(page)
    wait_idle(qtbot, window.worker)
    return page


def choose_drill(qtbot, page, ref: str) -> dict:
    """Choose a drill in the list (id or number) and wait for its plan."""
    current = page.current
    if current is not None and ref in (current["drill"]["id"], current["drill"]["number"]):
        return current
    with qtbot.waitSignal(
        page.detail_loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda d: bool(d) and ref in (d["drill"]["id"], d["drill"]["number"]),
    ):
        assert page.select(ref), ref
    return page.current
