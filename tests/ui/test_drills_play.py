"""A drill played through the window: starting it opens its sandbox (title, banner, status
bar say 演练), the console fires the injects on the drill's clock and shows the expected
actions met by what the players did, the players acknowledge and deal with injects, a
controller sends a manual one, pauses and changes the speed; leaving returns to the live
database, which the whole drill left as it was."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.core import incidents
from desktop.core.drills import records, sandbox
from desktop.core.store import db as dbmod
from desktop.ui.shell.app import Controller
from tests.helpers.drills_ui import (
    CTX,
    choose_drill,
    counts,
    make_drill,
    open_drills,
    open_window,
)
from tests.helpers.ui import TIMEOUT, wait_idle

PLAY = ("incident", "incident_task", "incident_report", "alloc_order", "stock_move")


@pytest.fixture
def drill(demo_db) -> dict:
    return make_drill(demo_db)


@pytest.fixture
def controller(qapp, chinese, settings):
    made = Controller(qapp, settings)
    yield made
    if made.window is not None:  # the windows it replaced were deleted as it opened others
        made.window.close()
        made.window.deleteLater()
    made.close()


def enter(qtbot, controller, window, drill: dict):
    """开始演练 / 继续演练 on the 演练 page; the window the controller opens in its place."""
    page = open_drills(qtbot, window)
    choose_drill(qtbot, page, drill["number"])
    page.plan.action_buttons["start"].click()
    qtbot.waitUntil(lambda: controller.window is not window, timeout=TIMEOUT)
    inside = controller.window
    qtbot.waitUntil(lambda: bool(inside.drill and inside.drill.session.data), timeout=TIMEOUT)
    return inside


def read_drill(path: Path, ref: str) -> dict:
    db = dbmod.open_db(path)
    try:
        return records.get(db, ref)
    finally:
        db.close()


def fired(window) -> dict[int, str]:
    """Inject number → state, as the console's list of injects sent shows them."""
    model = window.drills.console.injects.fired
    return {row["no"]: row["state"] for row in model.rows}


def test_a_drill_is_played_in_its_sandbox_and_the_live_database_is_left_as_it_was(
    qtbot, controller, demo_path, drill
):
    before = counts(demo_path)
    window = open_window(qtbot, controller, demo_path)
    assert not window.windowTitle().startswith("【演练】")
    inside = enter(qtbot, controller, window, drill)

    # unmistakably the drill's: title, banner on every page, the sandbox's file
    qtbot.waitUntil(lambda: drill["number"] in inside.windowTitle(), timeout=TIMEOUT)
    assert inside.windowTitle().startswith(f"【演练】{drill['number']}")
    expected_path = sandbox.path_for(demo_path, drill)
    assert inside.db_info["path"] == str(expected_path) and inside.db_info["drill"] == drill["id"]
    banner = inside.drill.banner
    qtbot.waitUntil(lambda: "演练进行中" in banner.text.text(), timeout=TIMEOUT)
    assert drill["number"] in banner.text.text() and "×60" in banner.text.text()
    inside.show()
    for page in (inside.overview, inside.incidents, inside.drills):
        inside.show_page(page)
        # a strip above the navigation and the page, which stay on screen to play in
        assert banner.isVisible() and inside.nav.isVisible() and page.isVisible()
        assert banner.geometry().bottom() < inside.pages.geometry().top()
    status = " ".join(label.text() for label in inside.statusBar().findChildren(QLabel))
    assert str(expected_path) in status
    assert inside.pages.currentWidget() is inside.drills

    # the console: inject 1 at T+0 at once, inject 2 at T+1 min (a second at ×60)
    qtbot.waitUntil(lambda: fired(inside).get(2) == "fired", timeout=TIMEOUT)
    assert 3 not in fired(inside) or fired(inside)[3] == "fired"
    console = inside.drills.console
    assert [row["no"] for row in console.injects.fired.rows][-2:] == [2, 1]  # newest on top
    assert console.clock.text().startswith("T+0:0")

    # a player records the incident in the sandbox: inject 1's expected action is met
    drill_db = dbmod.open_db(expected_path)
    try:
        given = {"title": "衡南县邮政分拣中心白色粉末", "hazard": "bioterror", "grade": "III",
                 "division": "430422"}  # fmt: skip
        incidents.create(drill_db, CTX, given)
    finally:
        drill_db.close()
    qtbot.waitUntil(lambda: console.expected.model.rows[0]["result"] == "met", timeout=TIMEOUT)

    # 已接收 for inject 1
    row = next(n for n, r in enumerate(console.injects.fired.rows) if r["no"] == 1)
    console.injects.fired_table.selectRow(row)
    assert console.injects.buttons["acknowledged"].isEnabled()
    console.injects.buttons["acknowledged"].click()
    qtbot.waitUntil(lambda: fired(inside)[1] == "acknowledged", timeout=TIMEOUT)
    assert not console.injects.buttons["acknowledged"].isEnabled()

    # leaving: back to the live database, the clock stopped, nothing real changed
    banner.leave_button.click()
    qtbot.waitUntil(lambda: controller.window is not inside, timeout=TIMEOUT)
    back = controller.window
    assert back.db_info["path"] == str(demo_path) and back.drill is None
    assert not back.windowTitle().startswith("【演练】")
    wait_idle(qtbot, back.worker)
    after = counts(demo_path)
    assert {t: after[t] for t in PLAY} == {t: before[t] for t in PLAY}
    shown = read_drill(demo_path, drill["id"])
    assert shown["status"] == "running" and shown["paused"] == 1
    assert records.shown_status(shown) == "paused"


def test_the_controller_sends_a_manual_inject_pauses_and_changes_the_speed(
    qtbot, controller, demo_path, drill
):
    window = open_window(qtbot, controller, demo_path)
    inside = enter(qtbot, controller, window, drill)
    console = inside.drills.console
    qtbot.waitUntil(lambda: 1 in fired(inside), timeout=TIMEOUT)

    pending = console.injects.pending
    manual = next(n for n, r in enumerate(pending.rows) if r["no"] == 5)
    assert pending.rows[manual]["due"] == "手动"
    console.injects.pending_table.selectRow(manual)
    console.injects.fire_button.click()
    qtbot.waitUntil(lambda: fired(inside).get(5) == "fired", timeout=TIMEOUT)

    console.pause_button.click()
    qtbot.waitUntil(lambda: inside.drill.session.status == "paused", timeout=TIMEOUT)
    assert console.pause_button.text() == "继续" and console.state.text() == "暂停"
    assert "时钟已停" in inside.drill.banner.text.text()
    stopped = inside.drill.session.sim_now()
    wait_idle(qtbot, inside.worker)
    assert inside.drill.session.sim_now() == stopped  # paused time never counts

    console.speed.setCurrentIndex(console.speed.findData(10))
    console.speed.activated.emit(console.speed.currentIndex())
    qtbot.waitUntil(lambda: inside.drill.session.data["console"]["speed"] == 10, timeout=TIMEOUT)
    console.pause_button.click()
    qtbot.waitUntil(lambda: inside.drill.session.status == "running", timeout=TIMEOUT)
    assert "×10" in inside.drill.banner.text.text()
    assert read_drill(demo_path, drill["id"])["speed"] == 10


def test_the_console_filters_injects_by_the_agency_addressed(qtbot, controller, demo_path, drill):
    window = open_window(qtbot, controller, demo_path)
    inside = enter(qtbot, controller, window, drill)
    console = inside.drills.console
    qtbot.waitUntil(lambda: 2 in fired(inside), timeout=TIMEOUT)
    agency = console.injects.agency
    agency.setCurrentIndex(agency.findData("HY-WJW"))
    assert [row["no"] for row in console.injects.fired.rows] == [2]
    assert agency.currentText() == "市卫生健康委"
    agency.setCurrentIndex(0)
    assert {1, 2} <= set(fired(inside))


def test_a_drill_can_be_resumed_after_leaving_it(qtbot, controller, demo_path, drill):
    window = open_window(qtbot, controller, demo_path)
    inside = enter(qtbot, controller, window, drill)
    qtbot.waitUntil(lambda: 1 in fired(inside), timeout=TIMEOUT)
    inside.drill.action_leave.trigger()
    qtbot.waitUntil(lambda: controller.window is not inside, timeout=TIMEOUT)
    back = controller.window
    page = open_drills(qtbot, back)
    choose_drill(qtbot, page, drill["number"])
    assert page.plan.action_buttons["start"].text() == "继续演练"
    assert page.model.rows[page.model.find(drill["id"])]["status_shown"] == "paused"
    again = enter(qtbot, controller, back, drill)
    assert Path(again.db_info["path"]) == sandbox.path_for(demo_path, drill)
    qtbot.waitUntil(lambda: again.drill.session.status == "running", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: 1 in fired(again), timeout=TIMEOUT)


def test_ending_the_drill_from_the_console_and_printing_its_report(
    qtbot, controller, demo_path, drill
):
    window = open_window(qtbot, controller, demo_path)
    inside = enter(qtbot, controller, window, drill)
    console = inside.drills.console
    qtbot.waitUntil(lambda: 1 in fired(inside), timeout=TIMEOUT)
    with qtbot.waitSignal(console.dialog_opened, timeout=TIMEOUT) as blocker:
        console.end_button.click()
    box = blocker.args[0]
    assert "不能再次开始" in box.text()
    yes = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    yes.click()
    session = inside.drill.session
    qtbot.waitUntil(lambda: session.status == "ended", timeout=TIMEOUT)
    assert "演练已结束" in inside.drill.banner.text.text()
    assert not console.pause_button.isEnabled() and not console.speed.isEnabled()
    qtbot.waitUntil(
        lambda: console.expected.model.rows[0]["result"] == "missed", timeout=TIMEOUT
    )  # inject 1's incident was never recorded
    assert read_drill(demo_path, drill["id"])["status"] == "ended"

    pytest.importorskip("desktop.documents.after_action")
    with qtbot.waitSignal(console.dialog_opened, timeout=TIMEOUT) as blocker:
        console.report_button.click()
    preview = blocker.args[0]
    with qtbot.waitSignal(preview.loaded, timeout=TIMEOUT * 3) as loaded:
        pass
    assert loaded.args[0] >= 1
    preview.close()
    inside.drill.action_leave.trigger()  # an ended drill's clock is not touched
    qtbot.waitUntil(lambda: controller.window is not inside, timeout=TIMEOUT)
    assert controller.window.db_info["path"] == str(demo_path)
