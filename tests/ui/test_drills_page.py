"""演练 on the live database as a user meets it: a drill planned through 新建演练 (a refused
field marked), its plan edited until it starts, the MSEL workbook imported (a bad one's
problems listed, nothing changed), exported and its template saved, a paused drill shown
as 暂停, 开始演练 asking the window for the drill's sandbox, 结束演练 and 关闭演练 each
asking first (closing says the improvement items go into the live database), the report
previewed; the dialogs fit a 1366×700 screen."""

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.drills import improvements, injects, msel, records, sandbox
from desktop.ui.widgets import style
from tests.helpers.drills_ui import CTX, make_drill
from tests.helpers.ui import TIMEOUT, opened, wait_idle

SCREEN = (1366, 700)
pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def page(qtbot, worker):
    from desktop.ui.drills.page import DrillsPage

    shown = DrillsPage(worker)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitSignal(shown.loaded, timeout=TIMEOUT):
        shown.show()
    wait_idle(qtbot, worker)
    return shown


def choose(qtbot, page, ref: str) -> dict:
    """Choose a drill (after the list has shown it) and wait for its plan."""
    qtbot.waitUntil(lambda: page.model.find(ref) >= 0, timeout=TIMEOUT)
    current = page.current
    if current and ref in (current["drill"]["id"], current["drill"]["number"]):
        return current
    with qtbot.waitSignal(
        page.detail_loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda d: bool(d) and ref in (d["drill"]["id"], d["drill"]["number"]),
    ):
        page.select(ref)
    return page.current


def confirm(box: QMessageBox) -> None:
    """Press the button that does it (not Cancel)."""
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()


def count(db) -> int:
    return db.execute("SELECT count(*) FROM drill").fetchone()[0]


def fits(widget) -> bool:
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    return hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]


def test_a_drill_is_planned_through_the_dialog(qtbot, page, demo_db):
    dialog = opened(qtbot, page, page.new_drill)
    assert fits(dialog)
    dialog.name.setText("2026年全市炭疽信件桌面推演")
    dialog.kind.setCurrentIndex(dialog.kind.findData("functional"))
    dialog.speed.setCurrentIndex(dialog.speed.findData(30))
    dialog.scenario.setPlainText("衡南县邮政分拣中心发现可疑白色粉末信件。")
    dialog.hazard.setCurrentIndex(dialog.hazard.findData("bioterror"))
    dialog.grade.setCurrentIndex(dialog.grade.findData("II"))
    dialog.division.setCurrentIndex(dialog.division.findData("430422"))
    dialog.counts["exposed"].setValue(12)
    dialog.days.setValue(7)
    item = next(
        dialog.playbooks.item(n)
        for n in range(dialog.playbooks.count())
        if dialog.playbooks.item(n).text().startswith("PB-BIOTERROR")
    )
    item.setCheckState(item.checkState().Checked)
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as made:
        dialog.submit()
    shown = choose(qtbot, page, made.args[0]["id"])["drill"]
    assert shown["number"].startswith("YL-") and shown["status"] == "planned"
    assert (shown["kind"], shown["speed"], shown["grade"], shown["exposed"]) == (
        "functional", 30, "II", 12)  # fmt: skip
    assert [p["code"] for p in shown["playbooks"]] == ["PB-BIOTERROR"]
    assert "已创建" in page.message.text()
    assert "专项演练" in page.plan.heading.text() and "计划" in page.plan.heading.text()
    assert page.plan.values["scenario"].text() == "衡南县邮政分拣中心发现可疑白色粉末信件。"
    assert page.plan.values["speed"].text() == "×30"
    row = page.model.rows[page.model.find(shown["id"])]
    assert (
        page.model.index(page.model.find(shown["id"]), 3).data() == "计划" and row["injects"] == 0
    )
    assert page.plan.action_buttons["start"].text() == "开始演练"
    assert not page.plan.action_buttons["end"].isEnabled()
    assert not page.plan.action_buttons["report"].isEnabled()


def test_a_refused_name_is_marked_and_nothing_is_planned(qtbot, page, demo_db):
    before = count(demo_db)
    dialog = opened(qtbot, page, page.new_drill)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as refused:
        dialog.submit()
    assert "名称" in refused.args[0] or "name" in refused.args[0].lower()
    label = dialog.drill_form.labelForField(dialog.name)
    assert label.palette().color(label.foregroundRole()) == style.EXPIRED
    assert count(demo_db) == before and dialog.isVisible()


def test_the_plan_is_edited_until_the_drill_starts(qtbot, page, demo_db):
    drill = make_drill(demo_db)
    page.refresh()
    choose(qtbot, page, drill["id"])
    assert page.plan.action_buttons["edit"].isEnabled()
    dialog = opened(qtbot, page, lambda: page.plan.action.emit("edit"))
    assert dialog.name.text() == "2026年衡南县炭疽信件桌面推演"
    assert dialog.speed.currentData() == 60 and dialog.division.currentData() == "430422"
    dialog.name.setText("2026年衡南县炭疽信件桌面推演（第二轮）")
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert page.current["drill"]["name"].endswith("（第二轮）")
    assert "已保存" in page.message.text()
    sandbox.start(demo_db, CTX, drill["id"]).close()
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        page.refresh()
    assert not page.plan.action_buttons["edit"].isEnabled()
    assert not page.plan.msel_buttons["import"].isEnabled()
    assert page.plan.action_buttons["start"].text() == "继续演练"


def test_a_paused_drill_is_listed_as_paused_and_start_asks_for_its_sandbox(
    qtbot, page, demo_db, demo_path
):
    drill = make_drill(demo_db)
    sandbox.start(demo_db, CTX, drill["id"]).close()
    sandbox.pause(demo_db, CTX, drill["id"])
    page.refresh()
    choose(qtbot, page, drill["id"])
    number = page.model.find(drill["id"])
    assert page.model.index(number, 3).data() == "暂停"
    with qtbot.waitSignal(page.enter_requested, timeout=TIMEOUT) as entered:
        page.plan.action_buttons["start"].click()
    assert entered.args[0] == str(sandbox.path_for(demo_path, drill))
    assert records.get(demo_db, drill["id"])["paused"] == 0  # resumed as it is entered


def test_the_msel_is_imported_exported_and_its_template_saved(qtbot, page, demo_db, tmp_path):
    drill = make_drill(demo_db, plan={"injects": []})
    page.refresh()
    choose(qtbot, page, drill["id"])
    template = tmp_path / "模板.xlsx"
    page.files.template_file(template)
    qtbot.waitUntil(lambda: "模板已保存" in page.message.text(), timeout=TIMEOUT)

    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(page.files.imported, timeout=TIMEOUT):
            page.files.import_file(page.current["drill"], template)
    assert "已从" in page.message.text()
    plan = injects.plan(demo_db, drill["id"])
    assert page.plan.msel_model.rowCount() == len(plan) > 0
    assert page.plan.objectives.rowCount() == 3 and page.plan.people.rowCount() == 4
    assert page.current["drill"]["status"] == "prepared"

    exported = tmp_path / "导出.xlsx"
    page.files.export_file(page.current["drill"], exported)
    qtbot.waitUntil(lambda: "已导出" in page.message.text(), timeout=TIMEOUT)
    assert len(msel.read(exported, demo_db)["injects"]) == len(plan)

    book = openpyxl.load_workbook(exported)
    sheet = book["事件清单"]
    sheet.cell(row=2, column=2, value="随便")  # no such trigger
    bad = tmp_path / "有错.xlsx"
    book.save(bad)
    dialog = opened(qtbot, page, lambda: page.files.import_file(page.current["drill"], bad))
    assert dialog.model.rowCount() >= 1 and dialog.model.rows[0]["sheet"] == "事件清单"
    assert dialog.model.rows[0]["row"] == 2 and fits(dialog)
    assert "未导入" in page.message.text()
    assert len(injects.plan(demo_db, drill["id"])) == len(plan)


def test_ending_and_closing_ask_first_and_closing_writes_the_improvements_back(
    qtbot, page, demo_db
):
    drill = make_drill(demo_db)
    drill_db = sandbox.start(demo_db, CTX, drill["id"])
    item = {"issue": "首次报告超时", "action": "明确报告责任人", "agency": "HY-WJW",
            "due_on": "2027-03-01"}  # fmt: skip
    improvements.add(drill_db, CTX, drill["id"], item)
    drill_db.close()
    page.refresh()
    choose(qtbot, page, drill["id"])

    box = opened(qtbot, page, lambda: page.plan.action_buttons["end"].click())
    assert drill["number"] in box.text() and "不能再次开始" in box.text()
    box.reject()  # Cancel: nothing happens
    wait_idle(qtbot, page.worker)
    assert records.get(demo_db, drill["id"])["status"] == "running"
    box = opened(qtbot, page, lambda: page.plan.action_buttons["end"].click())
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        confirm(box)
    assert page.current["drill"]["status"] == "ended" and "已结束" in page.message.text()
    assert page.plan.action_buttons["close"].isEnabled()
    assert page.plan.action_buttons["start"].text() == "进入演练"

    box = opened(qtbot, page, lambda: page.plan.action_buttons["close"].click())
    assert "1 项将写入正式数据库" in box.text() and fits(box)
    assert improvements.listing(demo_db, drill["id"]) == []
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        confirm(box)
    assert page.current["drill"]["status"] == "evaluated"
    [item] = improvements.listing(demo_db, drill["id"])
    assert (item["issue"], item["agency"], item["due_on"]) == (
        "首次报告超时",
        "HY-WJW",
        "2027-03-01",
    )
    assert "1 项改进事项已写入正式数据库" in page.message.text()


def test_the_report_of_a_drill_is_previewed(qtbot, page, demo_db):
    pytest.importorskip("desktop.documents.after_action")
    drill = make_drill(demo_db)
    sandbox.start(demo_db, CTX, drill["id"]).close()
    page.refresh()
    choose(qtbot, page, drill["id"])
    assert page.plan.action_buttons["report"].isEnabled()
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        page.plan.action_buttons["report"].click()
    preview = blocker.args[0]
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.loaded, timeout=TIMEOUT * 3) as loaded:
        pass
    assert loaded.args[0] >= 1
    assert drill["number"] in preview.windowTitle()
