"""启动预案 and the task board: activating a suggested playbook gives tasks grouped by lead
agency; a task's status changes through its dialog (a note required when blocked);
overdue tasks are red; filtering by agency shows what it leads and supports; escalating
adds the tasks of the higher grade and removes none."""

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.incidents import tasks
from desktop.ui.incidents.tasks_tab import DUE, STATUS, TITLE
from desktop.ui.widgets import style
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab

CTX = Ctx("os:test")


def make(db, hours_ago: float = 0) -> dict:
    at = values.now() - timedelta(hours=hours_ago)
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": "bioterror", "grade": "III",
             "division": "430422", "responders": 60, "exposed": 120}  # fmt: skip
    return incidents.create(db, CTX, given, at=at)


def shown_board(qtbot, worker, ref):
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, ref)
    return page, show_tab(qtbot, page, "tasks")


def task_item(tab, task_id):
    assert tab.select(task_id)
    return tab.tree.currentItem()


def test_activating_a_suggested_playbook_gives_the_board_its_tasks(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    summary = show_tab(qtbot, page, "summary")
    dialog = opened(qtbot, summary, summary.activate)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=TIMEOUT)
    first = dialog.model.row(0)
    assert first["code"] == "PB-BIOTERROR" and first["fits"] and not first["activated"]
    assert dialog.chosen()["code"] == "PB-BIOTERROR" and dialog.ok.isEnabled()
    assert dialog.model.index(0, 4).data() == f"{first['tasks_now']} / {first['tasks_all']}"
    with qtbot.waitSignal(summary.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert [row["code"] for row in summary.playbooks_model.rows] == ["PB-BIOTERROR"]
    assert summary.values["status"].text() == "响应"  # activation starts the response
    board = show_tab(qtbot, page, "tasks")
    shown = board.rows_shown()
    assert len(shown) == first["tasks_now"] == len(tasks.listing(demo_db, made["id"]))
    groups = [board.tree.topLevelItem(n) for n in range(board.tree.topLevelItemCount())]
    leads = {board.agency_names[row["lead_agency"]] for row in shown}  # short names: 市公安局
    assert {g.text(TITLE).split(" — ")[0] for g in groups} == leads
    assert "市公安局" in leads
    assert f"已启动预案 PB-BIOTERROR 第 {first['version']} 版" in page.message.text()
    # activated already: offered no more
    dialog = opened(qtbot, summary, summary.activate)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=TIMEOUT)
    assert dialog.model.row(0)["activated"] and not dialog.ok.isEnabled()
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == style.UNUSABLE


def test_a_task_status_changes_through_its_dialog_and_blocked_needs_a_note(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db)
    incidents.activate(demo_db, CTX, made["id"], "PB-BIOTERROR")
    task = tasks.listing(demo_db, made["id"])[0]
    page, board = shown_board(qtbot, worker, made["id"])
    task_item(board, task["id"])
    assert task["title"] in board.detail.title.text()
    shown = board.detail.text.text()
    assert "处置要求" in shown  # each clause cited is a link to the plan's words
    assert all(f"{ref}</a>" in shown for ref in task["clause"].split("；"))
    dialog = opened(qtbot, board, board.set_status)
    dialog.status.setCurrentIndex(dialog.status.findData("blocked"))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()
    assert "受阻" in dialog.error.text() and dialog.isVisible()
    assert tasks.listing(demo_db, made["id"])[0]["status"] == "not_started"
    dialog.note.setPlainText("防护服不足，等待调拨")
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    item = task_item(board, task["id"])
    assert item.text(STATUS) == "受阻"
    assert board.current_task()["note"] == "防护服不足，等待调拨"
    assert "防护服不足" in board.detail.text.text()
    journal = show_tab(qtbot, page, "journal")
    assert any(r["kind"] == "task" and "受阻" in r["text"] for r in journal.model.rows)


def test_overdue_tasks_are_red_and_filtered(qtbot, chinese, worker, demo_db):
    made = make(demo_db, hours_ago=30)
    incidents.activate(
        demo_db, CTX, made["id"], "PB-BIOTERROR", at=values.now() - timedelta(hours=30)
    )
    late = [t for t in tasks.listing(demo_db, made["id"]) if t["overdue"]]
    assert late
    page, board = shown_board(qtbot, worker, made["id"])
    item = task_item(board, late[0]["id"])
    assert item.foreground(TITLE).color() == style.EXPIRED
    assert item.text(DUE).startswith("⚠") and "逾期" in item.toolTip(DUE)
    assert "逾期" in page.detail.tabs.tabText(1)
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT):
        board.overdue_only.setChecked(True)
    assert {t["id"] for t in board.rows_shown()} == {t["id"] for t in late}
    assert "逾期" in board.count.text()


def test_filtering_by_agency_shows_what_it_leads_and_what_it_supports(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db)
    incidents.activate(demo_db, CTX, made["id"], "PB-BIOTERROR")
    every = tasks.listing(demo_db, made["id"])
    led = [t["id"] for t in every if t["lead_agency"] == "HY-WJW"]
    supported = [t["id"] for t in every if "HY-WJW" in t["support_agencies"]]
    assert led and supported
    page, board = shown_board(qtbot, worker, made["id"])
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT):
        board.agency.setCurrentIndex(board.agency.findData("HY-WJW"))
    groups = [board.tree.topLevelItem(n) for n in range(board.tree.topLevelItemCount())]
    assert [g.childCount() for g in groups] == [len(led), len(supported)]
    assert "牵头" in groups[0].text(TITLE) and "配合" in groups[1].text(TITLE)


def test_escalating_adds_the_tasks_of_the_higher_grade_and_keeps_the_others(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db)
    incidents.activate(demo_db, CTX, made["id"], "PB-BIOTERROR")
    before = {t["id"] for t in tasks.listing(demo_db, made["id"])}
    page, board = shown_board(qtbot, worker, made["id"])
    summary = show_tab(qtbot, page, "summary")
    dialog = opened(qtbot, summary, summary.change_grade)
    assert dialog.grade.findData("III") < 0  # the current grade is not offered
    dialog.grade.setCurrentIndex(dialog.grade.findData("I"))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # no reason
    dialog.reason.setPlainText("疑似炭疽，暴露人数增至 300 人")
    with qtbot.waitSignal(summary.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as blocker:
            dialog.submit()
    added = blocker.args[0]["tasks"]
    assert added > 0 and f"新增任务 {added} 项" in page.message.text()
    assert summary.values["grade"].text() == "特别重大（I级）"
    history = summary.grades_model.rows
    assert history[0]["reason"] == "疑似炭疽，暴露人数增至 300 人"  # newest first
    board = show_tab(qtbot, page, "tasks")
    after = {t["id"] for t in board.rows_shown()}
    assert before < after and len(after - before) == added
