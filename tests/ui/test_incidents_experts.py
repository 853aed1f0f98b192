"""专家: the experts suggested for each task's specialties, one dispatched through the
dialog (执行任务中, listed as out), then released; 总览's incident cards count the open
incidents, overdue tasks and reports, and lead to the 事件 page."""

from datetime import timedelta

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.incidents import experts, tasks
from desktop.core.roster import experts as roster
from desktop.core.store import info
from desktop.ui.shell.main_window import MainWindow
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab, wait_idle

CTX = Ctx("os:test")


def make(db, hours_ago: float = 0, hazard="bioterror", playbook="PB-BIOTERROR") -> dict:
    at = values.now() - timedelta(hours=hours_ago)
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": hazard, "grade": "II",
             "division": "430422"}  # fmt: skip
    made = incidents.create(db, CTX, given, at=at)
    incidents.activate(db, CTX, made["id"], playbook, at=at)
    return made


def test_an_expert_is_dispatched_through_the_dialog_and_released(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "experts")
    candidates = tab.candidates()
    assert candidates, "the demo roster offers someone"
    person = candidates[0]
    assert tab.select_expert(person["id"])
    assert "****" in tab.tree.currentItem().text(3)  # phones masked
    dialog = opened(qtbot, tab, tab.dispatch)
    assert dialog.task.currentData() == person["task"]
    dialog.note.setText("赴现场指导采样")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    out = tab.out_model.rows
    assert [r["expert_id"] for r in out] == [person["id"]]
    assert out[0]["state"] == "执行任务中" and "1" in tab.out_count.text()
    assert demo_db["expert"].get(person["id"])["availability"] == "on_mission"
    assert person["id"] not in {c["id"] for c in tab.candidates()}  # no longer available
    tab.out_table.selectRow(0)
    assert tab.tab_buttons["release"].isEnabled()
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        tab.release_now(tab.chosen_out())
    assert tab.out_model.rows[0]["released_at"]
    assert roster.available(demo_db["expert"].get(person["id"]))
    assert f"已解除 {person['name']} 的派遣" in page.message.text()
    assert [e["expert_id"] for e in experts.listing(demo_db, made["id"])] == [person["id"]]


def test_the_overview_counts_incidents_overdue_tasks_and_reports_and_leads_to_them(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db, hours_ago=30)
    summary = incidents.summary(demo_db)
    assert summary["overdue_tasks"] > 0 and summary["overdue_reports"] > 0
    window = MainWindow(worker, info.describe(demo_db), "zh_CN")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview.incidents_loaded, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args[0]["active"] == summary["active"]
    cards = window.overview.incident_cards
    for key in ("active", "overdue_tasks", "overdue_reports"):
        assert cards[key].value.text() == f"{summary[key]:,}", key
    assert cards["overdue_tasks"].caption.text() == "逾期任务"
    wait_idle(qtbot, worker)
    page = window.incidents
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        cards["overdue_tasks"].clicked.emit()
    assert window.pages.currentWidget() is page
    assert page.model.find(made["id"]) >= 0
    # a task done elsewhere updates the cards
    late = next(t for t in tasks.listing(demo_db, made["id"]) if t["overdue"])
    choose_incident(qtbot, page, made["id"])
    board = show_tab(qtbot, page, "tasks")
    assert board.select(late["id"])
    dialog = opened(qtbot, board, board.set_status)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    with qtbot.waitSignal(window.overview.incidents_loaded, timeout=TIMEOUT) as blocker:
        window.show_page(window.overview)
    assert blocker.args[0]["overdue_tasks"] == summary["overdue_tasks"] - 1


def test_an_expert_found_by_pinyin_initials_is_dispatched_with_a_warning(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db)
    found = {row["name"]: row for row in experts.find(demo_db, "jzx")}
    assert list(found) == ["蒋知行"] and not found["蒋知行"]["qualified"]
    person = found["蒋知行"]
    assert person["id"] not in {c["id"] for t in experts.suggestions(demo_db, made["id"])
                                for s in t["specialties"] for c in s["experts"]}  # fmt: skip
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "experts")
    assert tab.tab_buttons["find_expert"].isEnabled()
    dialog = opened(qtbot, tab, tab.find_expert)
    wait_idle(qtbot, worker)  # everyone available today, before anything is typed
    available = {r["id"] for r in roster.search(demo_db, available_only=True)}
    assert {r["id"] for r in dialog.model.rows} == available
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.warning.isHidden()
    # by organisation, then by pinyin initials
    with qtbot.waitSignal(dialog.found, timeout=TIMEOUT, check_params_cb=lambda n: n >= 1):
        dialog.search.setText("中医医院")
    assert person["id"] in {r["id"] for r in dialog.model.rows}
    with qtbot.waitSignal(dialog.found, timeout=TIMEOUT, check_params_cb=lambda n: n == 1):
        dialog.search.setText("jzx")
    assert dialog.model.index(0, 3).data() == "无资质记录"
    assert dialog.choose(person["id"]) and ok.isEnabled()
    assert "蒋知行" in dialog.who.text()
    assert not dialog.warning.isHidden()
    assert "没有登记任何资质证书" in dialog.warning.text()
    # a task he has no specialty for: said too, not refused
    task = next(t for t in tasks.listing(demo_db, made["id"])
                if t["specialties"] and not {s["code"] for s in t["specialties"]}
                & set(person["specialties"]))  # fmt: skip
    dialog.task.setCurrentIndex(dialog.task.findData(task["id"]))
    assert "该任务需要的专业" in dialog.warning.text()
    dialog.note.setText("中医药指导")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    out = experts.listing(demo_db, made["id"])
    assert [(r["expert_id"], r["task_id"], r["note"]) for r in out] == [
        (person["id"], task["id"], "中医药指导")
    ]
    assert demo_db["expert"].get(person["id"])["availability"] == "on_mission"
    assert [r["expert_id"] for r in tab.out_model.rows] == [person["id"]]
    assert "已派遣" in page.message.text() and "蒋知行" in page.message.text()
    # no longer available: not found again
    dialog = opened(qtbot, tab, tab.find_expert)
    with qtbot.waitSignal(dialog.found, timeout=TIMEOUT, check_params_cb=lambda n: n == 0):
        dialog.search.setText("jzx")
    assert dialog.count.text() == "今日可调用的专家中没有符合条件的。"


def test_a_qualified_expert_found_by_name_gets_no_warning(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    person = next(r for r in experts.find(demo_db) if r["qualified"])
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "experts")
    dialog = opened(qtbot, tab, tab.find_expert)
    with qtbot.waitSignal(dialog.found, timeout=TIMEOUT, check_params_cb=lambda n: n >= 1):
        dialog.search.setText(person["name"])
    assert dialog.choose(person["id"])
    assert dialog.warning.isHidden()
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert [r["expert_id"] for r in experts.listing(demo_db, made["id"])] == [person["id"]]
