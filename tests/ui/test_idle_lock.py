"""The idle lock: no input for the station's idle time covers the window and asks the
same account's password (wrong ones count towards the lockout); 切换用户 from there; 锁定
(Ctrl+L) at once; each lock and unlock is an audit event."""

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.core.access import sessions
from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.ui.access.login_dialogs import LoginDialog, UnlockDialog
from desktop.ui.shell import session
from desktop.ui.shell.app import Controller
from tests.helpers.ui import TIMEOUT, wait_idle

SHORT = 300  # ms: the idle time the tests set on the controller


pytestmark = pytest.mark.usefixtures("english_ui")  # tests/ui/conftest.py


@pytest.fixture
def controller(qapp, settings, demo_path, qtbot):
    """A window over the demo database, logged in as its administrator (the environment's
    login), locking after SHORT ms without input."""
    session.end()
    made = Controller(qapp, settings)
    made.login.set_idle_ms(SHORT)
    assert made.open(demo_path)
    qtbot.addWidget(made.window)
    made.window.show()
    qtbot.waitUntil(lambda: made.login.idle.running, timeout=TIMEOUT)
    yield made
    made.login.idle.stop()
    made.window.close()
    made.close()


def events(path, kind: str) -> list[str]:
    db = dbmod.open_db(path)
    try:
        return [r[0] for r in db.execute("SELECT actor FROM audit_event WHERE kind = ?", [kind])]
    finally:
        db.close()


def locked(qtbot, controller) -> UnlockDialog:
    with qtbot.waitSignal(controller.login.idle.idle, timeout=SHORT * 20):
        pass
    assert controller.window.locked
    dialog = controller.login.dialog
    assert isinstance(dialog, UnlockDialog)
    return dialog


def test_no_input_locks_the_window_and_the_password_unlocks_it(qtbot, controller, demo_path):
    dialog = locked(qtbot, controller)
    assert not controller.window.menuBar().isEnabled()
    dialog.reject()  # Escape leaves it locked
    assert controller.window.locked and dialog.isVisible()
    dialog.password.setText("wrong-password-1")
    with qtbot.waitSignal(controller.worker.idle, timeout=TIMEOUT):
        dialog.submit()
    assert dialog.error.text() == "Wrong account name or password." and controller.window.locked
    dialog.password.setText("demo-2026")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert not controller.window.locked and controller.window.menuBar().isEnabled()
    assert controller.login.idle.running
    wait_idle(qtbot, controller.worker)
    assert events(demo_path, "idle_lock") == ["user:admin"]
    assert events(demo_path, "unlock") == ["user:admin"]


def test_input_restarts_the_idle_time(qtbot, controller, monkeypatch):
    clock = [1000.0]  # seconds: the watch's clock, moved by the test
    monkeypatch.setattr("desktop.ui.access.idle.time.monotonic", lambda: clock[0])
    watch, window = controller.login.idle, controller.window
    watch.set_interval_ms(1000)  # restarts from clock[0]
    fired = []
    watch.idle.connect(lambda: fired.append(True))
    clock[0] += 0.9
    qtbot.mouseMove(window.nav, QPoint(10, 12))
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    clock[0] += 0.3  # 1.2 s since the start, 0.3 s since the input
    watch._timer.timeout.emit()
    assert fired == [] and not window.locked and watch.running
    clock[0] += 0.8
    watch._timer.timeout.emit()
    assert fired == [True] and window.locked


def test_switch_user_from_the_lock_gives_another_account_its_window(qtbot, controller):
    dialog = locked(qtbot, controller)
    first = controller.window
    dialog.switch_button.click()
    login = controller.login.dialog
    assert isinstance(login, LoginDialog)
    login.name.setText("viewer")
    login.password.setText("demo-2026")
    with qtbot.waitSignal(controller.worker.idle, timeout=TIMEOUT):
        login.submit()
    qtbot.waitUntil(lambda: controller.window is not first, timeout=TIMEOUT)
    qtbot.addWidget(controller.window)
    assert session.logged_in().role == "viewer" and not controller.window.locked


def test_cancelling_switch_user_keeps_the_window_locked_for_the_same_account(qtbot, controller):
    dialog = locked(qtbot, controller)
    dialog.switch_button.click()
    controller.login.dialog.reject()
    assert controller.window.locked
    assert isinstance(controller.login.dialog, UnlockDialog)
    assert session.logged_in().user == "admin"


def test_the_forms_open_over_the_window_are_hidden_while_locked(qtbot, controller):
    from desktop.ui.access import window_parts

    form = window_parts.change_password(controller.window)
    assert form.isVisible()
    dialog = locked(qtbot, controller)
    assert not form.isVisible()
    dialog.password.setText("demo-2026")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert form.isVisible()


def test_ctrl_l_locks_at_once(qtbot, controller):
    controller.login.set_idle_ms(60_000)
    controller.window.action_lock.trigger()
    assert controller.window.locked and isinstance(controller.login.dialog, UnlockDialog)
    assert controller.window.action_lock.shortcut().toString() == "Ctrl+L"


def test_the_idle_time_is_the_stations(qtbot, qapp, settings, demo_path):
    db = dbmod.open_db(demo_path)
    sessions.set_idle_minutes(db, Ctx("user:admin"), 7)
    db.close()
    session.end()
    made = Controller(qapp, settings)
    assert made.open(demo_path)
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.login.idle.running, timeout=TIMEOUT)
    assert made.login.idle.interval_ms == 7 * 60_000
    made.login.idle.stop()
    made.close()
