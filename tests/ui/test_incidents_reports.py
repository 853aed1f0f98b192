"""信息报告 and 大事记: the schedule of the reporting chain with its deadlines and their
legal basis (overdue in red), a report made through the dialog, this station's deadlines
changed and restored; a log entry added by hand."""

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.incidents import reports
from desktop.ui.widgets import style
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab

CTX = Ctx("os:test")


def make(db, hours_ago: float = 0) -> dict:
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": "bioterror", "grade": "III",
             "division": "430422", "description": "分拣中心发现可疑白色粉末。"}  # fmt: skip
    return incidents.create(db, CTX, given, at=values.now() - timedelta(hours=hours_ago))


def tab_of(qtbot, worker, ref, key):
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, ref)
    return page, show_tab(qtbot, page, key)


def test_the_schedule_shows_deadlines_their_basis_and_the_overdue_in_red(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db, hours_ago=3)
    page, tab = tab_of(qtbot, worker, made["id"], "reports")
    rows = tab.schedule_model.rows
    assert [r["step"] for r in rows] == [r["step"] for r in reports.schedule(demo_db, made["id"])]
    basis_column = 6
    assert (
        "《突发公共卫生事件应急条例》第二十条" in tab.schedule_model.index(0, basis_column).data()
    )
    assert any("第十九条" in r["basis"] for r in rows)
    first = tab.schedule_model.index(0, 5)
    assert rows[0]["overdue"] and first.data() == "已逾期"  # 2 hours, reported 3 hours ago
    assert first.data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    assert not tab.overdue.isHidden() and rows[0]["name"] in tab.overdue.text()


def test_a_report_made_through_the_dialog_is_listed_and_meets_its_step(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db)
    page, tab = tab_of(qtbot, worker, made["id"], "reports")
    dialog = opened(qtbot, tab, tab.new_report)
    assert dialog.kind.currentData() == "first"
    assert dialog.step.currentData() == "unit_to_county_health"
    assert dialog.to_unit.text() == "衡南县卫生健康主管部门"
    assert "第二十条" in dialog.due.text()
    assert dialog.summary_text.toPlainText() == "分拣中心发现可疑白色粉末。"
    dialog.measures.setPlainText("已封控现场，疏散人员。")
    dialog.signer.setText("王主任")
    # 发现单位 is a role: shown as the hint, never put on the report as a name
    assert dialog.from_unit.text() == "" and dialog.from_unit.placeholderText() == "发现单位"
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as refused:
        dialog.submit()
    assert "发现并报告事件的单位" in refused.args[0] and tab.made_model.rows == []
    dialog.from_unit.setText("衡南县邮政分拣中心")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    made_rows = tab.made_model.rows
    assert len(made_rows) == 1
    report = made_rows[0]
    assert (report["number"], report["signer"]) == (f"{made['number']}-01", "王主任")
    assert tab.made_model.index(0, 8).data() == "按时"
    first = tab.schedule_model.rows[0]
    assert first["done"] and tab.schedule_model.index(0, 5).data().endswith("已报")
    assert tab.schedule_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert tab.current_report()["id"] == report["id"]  # chosen, ready to print
    # the next report goes to the next link of the chain
    dialog = opened(qtbot, tab, tab.new_report)
    assert dialog.step.currentData() == "county_health_to_county_government"
    journal = show_tab(qtbot, page, "journal")
    assert any(r["kind"] == "report" for r in journal.model.rows)


def test_the_reporting_deadlines_are_changed_and_restored(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    page, tab = tab_of(qtbot, worker, made["id"], "reports")
    dialog = opened(qtbot, tab, tab.edit_deadlines)
    if not dialog.isEnabled():
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
            pass
    assert dialog.spins["unit_to_county_health"].value() == 2
    dialog.spins["unit_to_county_health"].setValue(1)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert reports.deadlines(demo_db)["steps"]["unit_to_county_health"] == 1
    assert tab.schedule_model.index(0, 3).data() == "1 小时"
    dialog = opened(qtbot, tab, tab.edit_deadlines)
    if not dialog.isEnabled():
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
            pass
    dialog.restore_defaults()
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert reports.deadlines(demo_db)["steps"]["unit_to_county_health"] == 2


def test_a_log_entry_is_added_by_hand(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    page, tab = tab_of(qtbot, worker, made["id"], "journal")
    count = tab.model.rowCount()
    assert tab.model.row(0)["kind"] == "created"
    dialog = opened(qtbot, tab, tab.add_entry)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # nothing written
    dialog.text.setPlainText("市协调机制办公室召开紧急会商会议。")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert tab.model.rowCount() == count + 1
    entry = next(r for r in tab.model.rows if r["kind"] == "manual")
    assert entry["text"] == "市协调机制办公室召开紧急会商会议。" and entry["kind_name"] == "记事"
    assert page.message.text() == "已记入大事记。"
