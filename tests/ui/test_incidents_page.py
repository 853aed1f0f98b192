"""事件 as a user meets it: the list (search, 仅显示未关闭, overdue tasks in red), 新建事件
through the dialog (a refusal marked on its field), editing, the status moved forward
and closing; the page in English."""

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.ui.widgets import style
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab

CTX = Ctx("os:test")


def make(db, title="衡南县某镇发现不明白色粉末", hours_ago=0, **fields) -> dict:
    given = {"title": title, "hazard": "bioterror", "grade": "III", "division": "430422"}
    given.update(fields)
    at = values.now() - timedelta(hours=hours_ago)
    return incidents.create(db, CTX, given, at=at)


def count_incidents(db) -> int:
    return db.execute("SELECT count(*) FROM incident").fetchone()[0]


def test_a_new_incident_is_recorded_through_the_dialog_and_chosen(qtbot, chinese, worker, demo_db):
    page = open_incidents(qtbot, worker)
    dialog = opened(qtbot, page, page.new_incident)
    dialog.title_edit.setText("常宁市某养殖场生猪异常死亡")
    dialog.hazard.setCurrentIndex(dialog.hazard.findData("animal_epidemic"))
    dialog.grade.setCurrentIndex(dialog.grade.findData("II"))
    dialog.confirmation.setCurrentIndex(dialog.confirmation.findData("suspected"))
    dialog.division.setCurrentIndex(dialog.division.findData("430482"))
    dialog.lead_agency.setCurrentIndex(dialog.lead_agency.findData("HY-NYJ"))
    dialog.scale["exposed"].setValue(40)
    dialog.scale["responders"].setValue(25)
    dialog.area.setValue(2.5)
    dialog.days.setValue(21)
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT) as blocker:
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    shown = blocker.args[0]
    assert shown["title"] == "常宁市某养殖场生猪异常死亡" and page.current["id"] == shown["id"]
    assert (shown["grade"], shown["hazard"], shown["division"]) == (
        "II",
        "animal_epidemic",
        "430482",
    )
    assert (shown["exposed"], shown["responders"], shown["days"]) == (40, 25, 21)
    assert page.model.find(shown["id"]) >= 0
    summary = page.detail.tab("summary")
    assert summary.values["grade"].text() == "重大（II级）"
    assert summary.values["lead_agency"].text() == "衡阳市农业农村局"
    assert shown["number"] in page.detail.heading.text()
    assert "已登记" in page.message.text()


def test_a_refused_field_is_marked_and_the_dialog_stays_open(qtbot, worker, demo_db):
    before = count_incidents(demo_db)
    page = open_incidents(qtbot, worker)
    dialog = opened(qtbot, page, page.new_incident)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert blocker.args[0] == dialog.error.text() and not dialog.error.isHidden()
    label = dialog.event_form.labelForField(dialog.title_edit)
    assert label.palette().color(label.foregroundRole()) == style.EXPIRED
    assert dialog.result() != dialog.DialogCode.Accepted
    assert count_incidents(demo_db) == before
    dialog.title_edit.setText("祁东县某实验室样本泄漏")
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:  # Enter in the title
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    label = dialog.event_form.labelForField(dialog.hazard)  # no hazard taken by default
    assert label.palette().color(label.foregroundRole()) == style.EXPIRED
    assert count_incidents(demo_db) == before
    dialog.hazard.setCurrentIndex(dialog.hazard.findData("lab_incident"))
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert count_incidents(demo_db) == before + 1
    assert not dialog.marks.marked  # the mark is cleared once accepted


def test_the_list_searches_hides_closed_ones_and_shows_overdue_tasks_in_red(qtbot, worker, demo_db):
    late = make(demo_db, hours_ago=10)
    incidents.activate(
        demo_db, CTX, late["id"], "PB-BIOTERROR", at=values.now() - timedelta(hours=9)
    )
    closed = make(demo_db, "已处置完毕的旧事件", grade="IV")
    incidents.close(demo_db, CTX, closed["id"])
    page = open_incidents(qtbot, worker)
    assert page.model.find(closed["id"]) < 0  # open incidents only, by default
    row = page.model.find(late["id"])
    overdue = page.model.row(row)["overdue_tasks"]
    assert overdue > 0
    cell = page.model.index(row, 8)
    assert cell.data() == str(overdue)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.active_only.setChecked(False)
    closed_row = page.model.find(closed["id"])
    assert closed_row >= 0
    assert page.model.index(closed_row, 1).data(Qt.ItemDataRole.ForegroundRole) == style.UNUSABLE
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.search.setText("旧事件")
    assert [r["id"] for r in page.model.rows] == [closed["id"]]


def test_editing_changes_the_details_and_the_log_says_so(qtbot, worker, demo_db):
    made = make(demo_db)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    summary = show_tab(qtbot, page, "summary")
    dialog = opened(qtbot, summary, summary.edit)
    assert not dialog.grade.isEnabled()  # the grade changes by 调整级别
    dialog.place.setText("衡南县云集镇邮政分拣中心")
    dialog.scale["patients"].setValue(8)
    with qtbot.waitSignal(summary.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert summary.values["place"].text() == "衡南县云集镇邮政分拣中心"
    assert summary.values["patients"].text() == "8"
    assert incidents.get(demo_db, made["id"])["patients"] == 8


def test_the_status_moves_forward_and_closing_locks_the_incident(qtbot, worker, demo_db):
    made = make(demo_db)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    summary = show_tab(qtbot, page, "summary")
    dialog = opened(qtbot, summary, summary.advance)
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == [
        "responding",
        "recovery",
        "monitoring",
        "closed",
    ]  # forward only
    dialog.status.setCurrentIndex(dialog.status.findData("recovery"))
    assert dialog.warning.isHidden()
    with qtbot.waitSignal(summary.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert summary.values["status"].text() == "恢复"
    dialog = opened(qtbot, summary, summary.advance)
    dialog.status.setCurrentIndex(dialog.status.findData("closed"))
    assert not dialog.warning.isHidden()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert incidents.get(demo_db, made["id"])["status"] == "closed"
    assert page.model.find(made["id"]) < 0  # gone from the open incidents
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.active_only.setChecked(False)
    choose_incident(qtbot, page, made["id"])
    summary = show_tab(qtbot, page, "summary")
    assert not any(button.isEnabled() for button in summary.tab_buttons.values())
    assert summary.edit() is None


def test_the_page_works_in_english(qtbot, qapp, worker, demo_db):
    from desktop.ui.shell import translations

    made = make(demo_db)
    translations.install(qapp, "en")
    try:
        page = open_incidents(qtbot, worker)
        choose_incident(qtbot, page, made["id"])
        summary = show_tab(qtbot, page, "summary")
        assert summary.values["grade"].text() == "Relatively serious (III)"
        assert summary.values["hazard"].text() == "Bioterrorism"
        assert page.detail.tabs.tabText(1) == "Tasks"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
        dialog = opened(qtbot, page, page.new_incident)
        assert dialog.windowTitle() == "New incident"
        assert dialog.hazard.itemText(0) == "— choose —"  # no hazard taken by default
        assert dialog.hazard.itemText(1) == "Bioterrorism"
    finally:
        translations.install(qapp, "zh_CN")
