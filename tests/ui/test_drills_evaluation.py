"""The evaluator's side of the drill console, in the drill's sandbox: an expected action
judged (the judgement stands over what was computed), objectives rated P/S/M/U,
observations recorded for an objective, the improvement plan drafted and its items moved
forward only; the console's dialogs and the main window in a drill fit 1366×700."""

import pytest

from desktop.core.drills import sandbox
from desktop.core.store import db as dbmod
from desktop.core.store import info
from tests.helpers.drills_ui import CTX, make_drill
from tests.helpers.ui import TIMEOUT, opened, wait_idle

SCREEN = (1366, 700)
pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def drill(demo_db) -> dict:
    made = make_drill(demo_db)
    sandbox.start(demo_db, CTX, made["id"]).close()
    return made


@pytest.fixture
def drill_worker(qapp, demo_path, drill):
    from desktop.ui.shell.worker import DbWorker

    worker = DbWorker(sandbox.path_for(demo_path, drill))
    yield worker
    worker.close()


@pytest.fixture
def console(qtbot, drill_worker, drill):
    """The console of the drill, shown, with its first injects sent."""
    from desktop.ui.drills.console import DrillConsole
    from desktop.ui.drills.session import DrillSession

    session = DrillSession(drill_worker, drill["id"])
    shown = DrillConsole(drill_worker, session)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.show()
    session.start()
    qtbot.waitUntil(lambda: bool(shown.injects.fired.rows), timeout=TIMEOUT)
    yield shown
    session.timer.stop()


def fits(widget) -> bool:
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    return hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]


def show_tab(qtbot, console, tab):
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        console.tabs.setCurrentWidget(tab)
    return tab


def test_an_evaluator_judges_an_expected_action(qtbot, console):
    expected = console.expected
    assert expected.model.rows[0]["result"] == "pending"  # inject 1: 登记事件 within 30 min
    expected.table.selectRow(0)
    dialog = opened(qtbot, expected, expected.judge)
    assert fits(dialog)
    dialog.result.setCurrentIndex(dialog.result.findData("late"))
    dialog.note.setPlainText("口头报告，未在系统登记")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    qtbot.waitUntil(lambda: expected.model.rows[0]["result"] == "late", timeout=TIMEOUT)
    row = expected.model.rows[0]
    assert row["judged_text"] == "已评判" and row["note"] == "口头报告，未在系统登记"
    assert expected.model.index(0, 7).data() == "超时完成"


def test_objectives_are_rated_and_observations_recorded(qtbot, console):
    tab = show_tab(qtbot, console, console.evaluation)
    assert [row["code"] for row in tab.objectives.rows] == ["O1", "O2", "O3"]
    assert not tab.tab_buttons["rate"].isEnabled()
    tab.objectives_table.selectRow(1)
    dialog = opened(qtbot, tab, tab.rate)
    assert fits(dialog) and "O2" in dialog.windowTitle()
    dialog.rating.setCurrentIndex(dialog.rating.findData("S"))
    dialog.note.setPlainText("预案启动及时，任务分派有遗漏")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    qtbot.waitUntil(lambda: tab.objectives.rows[1]["rating_name"] == "S 基本完成", timeout=TIMEOUT)
    assert tab.objectives.rows[1]["rating_note"].startswith("预案启动")

    dialog = opened(qtbot, tab, tab.observe)
    assert fits(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("improvement"))
    dialog.objective.setCurrentIndex(dialog.objective.findData("O1"))
    dialog.text.setPlainText("公安局接报后未同步通报卫健委")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    qtbot.waitUntil(lambda: tab.observations.rowCount() == 1, timeout=TIMEOUT)
    [observed] = tab.observations.rows
    assert (observed["kind_name"], observed["objective"]) == ("待改进", "O1")
    assert not observed["actor_name"].startswith(("user:", "os:"))  # a person's name
    assert observed["at"].startswith("T+")


def test_an_empty_observation_is_refused(qtbot, console):
    tab = show_tab(qtbot, console, console.evaluation)
    dialog = opened(qtbot, tab, tab.observe)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()
    assert dialog.isVisible() and tab.observations.rowCount() == 0


def test_the_improvement_plan_is_drafted_and_moves_forward_only(qtbot, console, demo_path):
    tab = show_tab(qtbot, console, console.improvements)
    dialog = opened(qtbot, tab, tab.add_item)
    assert fits(dialog)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # no issue, no action
    dialog.issue.setPlainText("首次报告超过两小时")
    dialog.action.setPlainText("明确值班报告责任人，每季度演练一次")
    dialog.agency.setCurrentIndex(dialog.agency.findData("HY-WJW"))
    dialog.objective.setCurrentIndex(dialog.objective.findData("O1"))
    dialog.has_due.setChecked(True)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    [item] = tab.model.rows
    assert (item["agency_shown"], item["objective"], item["status_name"]) == (
        "市卫生健康委", "O1", "未开始")  # fmt: skip

    tab.table.selectRow(0)
    dialog = opened(qtbot, tab, tab.edit_item)
    assert dialog.issue.toPlainText() == "首次报告超过两小时" and dialog.has_due.isChecked()
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert tab.model.rows[0]["status_name"] == "整改中"
    tab.table.selectRow(0)
    dialog = opened(qtbot, tab, tab.edit_item)
    dialog.status.setCurrentIndex(dialog.status.findData("open"))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as refused:
        dialog.submit()
    assert "只能向前" in refused.args[0] or "forward" in refused.args[0]
    live = dbmod.open_db(demo_path)
    try:  # drafted in the sandbox only, until the drill is closed
        assert live.execute("SELECT count(*) FROM drill_improvement").fetchone()[0] == 0
    finally:
        live.close()


def test_the_main_window_in_a_drill_fits_a_small_screen(qtbot, drill_worker, demo_path, drill):
    from desktop.ui.shell.main_window import MainWindow

    db = dbmod.open_db(sandbox.path_for(demo_path, drill))
    details = info.identity(db)
    db.close()
    window = MainWindow(drill_worker, details, "zh_CN")
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitUntil(lambda: window.drills.console is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(window.drill.session.data), timeout=TIMEOUT)
    assert window.minimumSizeHint().height() <= SCREEN[1]
    assert window.minimumSizeHint().width() <= SCREEN[0]
    assert window.pages.currentWidget() is window.drills
    assert window.windowTitle().startswith(f"【演练】{drill['number']}")
    window.drill.session.timer.stop()
    wait_idle(qtbot, drill_worker)


INCIDENT = {"title": "结束后再报", "hazard": "bioterror", "grade": "IV", "division": "430422"}


def play(qtbot, worker) -> str:
    """An incident declared in the drill through the window's worker: the refusal."""
    from desktop.core import incidents

    with qtbot.waitSignal(worker.failed, timeout=TIMEOUT) as failed:
        worker.run(lambda db: incidents.create(db, CTX, INCIDENT))
    return str(failed.args[0])


def observed(qtbot, console) -> None:
    """An observation recorded through the evaluation tab."""
    tab = show_tab(qtbot, console, console.evaluation)
    dialog = opened(qtbot, tab, tab.observe)
    dialog.text.setPlainText("结束后补记：通报衔接不畅")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    qtbot.waitUntil(lambda: tab.observations.rowCount() == 1, timeout=TIMEOUT)


def test_once_ended_in_its_window_the_drill_is_evaluated_not_played(
    qtbot, console, drill_worker, drill
):
    with qtbot.waitSignal(console.session.message, timeout=TIMEOUT) as said:
        console.session.end()
    assert said.args[1] == "ok"
    assert drill["number"] in play(qtbot, drill_worker)
    observed(qtbot, console)


def test_an_ended_drill_entered_from_the_drills_page_is_evaluated_not_played(
    qtbot, demo_db, demo_path, drill
):
    """进入演练 on an ended drill: the window opens its sandbox as every window's database
    is opened (open_for_window)."""
    from desktop.ui.drills.console import DrillConsole
    from desktop.ui.drills.session import DrillSession
    from desktop.ui.shell.app import open_for_window
    from desktop.ui.shell.worker import DbWorker

    sandbox.end(demo_db, CTX, drill["id"])
    worker = DbWorker(sandbox.path_for(demo_path, drill), opener=open_for_window)
    try:
        assert drill["number"] in play(qtbot, worker)
        session = DrillSession(worker, drill["id"])
        shown = DrillConsole(worker, session)
        qtbot.addWidget(shown)
        shown.show()
        session.start()
        observed(qtbot, shown)
        session.timer.stop()
    finally:
        worker.close()
