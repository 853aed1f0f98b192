"""Logging in at the window: the login dialog over a demo database (its hint), a refused
password and the lockout as the core words them, the first administrator of a database
without accounts, and the login from the environment that --screenshot uses."""

import pytest

from desktop.core import i18n
from desktop.core.access import accounts, login
from desktop.core.store import db as dbmod
from desktop.ui.access.login_dialogs import FirstAdminDialog, LoginDialog
from desktop.ui.shell import session, translations
from desktop.ui.shell.app import Controller
from tests.helpers.ui import TIMEOUT

pytestmark = pytest.mark.usefixtures("english_ui")  # tests/ui/conftest.py


@pytest.fixture
def nobody(monkeypatch):
    """Nobody logged in and no login in the environment."""
    monkeypatch.delenv("BIORESERVE_USER")
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    session.end()


@pytest.fixture
def controller(qapp, settings):
    made = Controller(qapp, settings)
    yield made
    if made.window is not None:
        made.window.close()
        made.window.deleteLater()
    made.close()


def opened(qtbot, controller, path) -> LoginDialog:
    """The window over the database, covered, with the login dialog it asks."""
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: controller.login.dialog is not None, timeout=TIMEOUT)
    assert controller.window.locked and session.logged_in() is None
    return controller.login.dialog


def log_in(qtbot, dialog, name: str, password: str) -> None:
    dialog.name.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignals([dialog.worker.idle], timeout=TIMEOUT):
        dialog.submit()


def test_a_demo_database_asks_for_a_login_and_names_the_demo_accounts(
    qtbot, controller, demo_path, nobody
):
    dialog = opened(qtbot, controller, demo_path)
    assert isinstance(dialog, LoginDialog)
    hint = dialog.hint.text()
    assert "admin / coordinator / keeper / liaison / controller / viewer" in hint
    assert "demo-2026" in hint
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        log_in(qtbot, dialog, "keeper", "demo-2026")
    assert session.logged_in().user == "keeper" and session.logged_in().role == "keeper"
    assert not controller.window.locked
    assert "keeper" in controller.window.user_label.text()
    assert "Depot keeper" in controller.window.user_label.text()


def test_a_wrong_password_is_refused_in_the_dialog_and_five_lock_the_account(
    qtbot, controller, demo_path, nobody
):
    dialog = opened(qtbot, controller, demo_path)
    log_in(qtbot, dialog, "viewer", "not-the-password")
    assert dialog.isVisible() and dialog.error.text() == "Wrong account name or password."
    assert dialog.password.text() == "" and session.logged_in() is None
    for _ in range(4):
        log_in(qtbot, dialog, "viewer", "not-the-password")
    log_in(qtbot, dialog, "viewer", "demo-2026")  # the right one, too late
    assert dialog.error.text().startswith(
        "The account viewer is locked after 5 wrong passwords until "
    )
    assert session.logged_in() is None and controller.window.locked


def squeezed(dialog) -> list[str]:
    """The wrapped notes shown shorter than their text needs at their width."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_lockout_refusal_grows_the_dialog_and_squeezes_no_note(
    qtbot, qapp, controller, demo_path, nobody, language
):
    i18n.set_language(language)
    translations.install(qapp, language)
    dialog = opened(qtbot, controller, demo_path)
    qtbot.waitExposed(dialog)
    assert dialog.hint.isVisible() and squeezed(dialog) == []
    height = dialog.height()
    for _ in range(5):
        log_in(qtbot, dialog, "viewer", "not-the-password")
    log_in(qtbot, dialog, "viewer", "demo-2026")  # locked: the long refusal
    assert "viewer" in dialog.error.text() and "2" in dialog.error.text()  # its time
    assert dialog.error.isVisible() and squeezed(dialog) == []
    assert dialog.height() > height


def test_a_real_database_without_accounts_asks_for_its_administrator(
    qtbot, controller, fresh_db, db_path, nobody
):
    fresh_db.conn.close()
    dialog = opened(qtbot, controller, db_path)
    assert isinstance(dialog, FirstAdminDialog)
    assert dialog.name.text() == "admin"
    dialog.password.setText("short1")
    dialog.again.setText("short1")
    with qtbot.waitSignal(dialog.worker.idle, timeout=TIMEOUT):
        dialog.submit()
    assert dialog.error.text() == "The password is shorter than 8 characters."
    dialog.password.setText("station-key-2026")
    dialog.again.setText("station-key-2027")
    dialog.submit()
    assert "not the same" in dialog.error.text()
    dialog.again.setText("station-key-2026")
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        dialog.submit()
    assert session.logged_in().user == "admin" and session.logged_in().role == "admin"
    db = dbmod.open_db(db_path)
    try:
        assert [a["name"] for a in accounts.listing(db)] == ["admin"]
        assert login.authenticate(db, "admin", "station-key-2026").role == "admin"
    finally:
        db.close()


def test_the_login_in_the_environment_is_used_and_a_refused_one_asks(
    qtbot, controller, demo_path, monkeypatch
):
    session.end()
    monkeypatch.setenv("BIORESERVE_USER", "coordinator")
    monkeypatch.setenv("BIORESERVE_PASSWORD", "wrong-password-1")
    dialog = opened(qtbot, controller, demo_path)
    assert dialog.error.text() == "Wrong account name or password."
    monkeypatch.setenv("BIORESERVE_PASSWORD", "demo-2026")
    controller.close()
    other = Controller(controller.app, controller.settings)
    assert other.open(demo_path)
    qtbot.addWidget(other.window)
    qtbot.waitUntil(lambda: session.logged_in() is not None, timeout=TIMEOUT)
    assert session.logged_in().user == "coordinator" and not other.window.locked
    other.window.close()
    other.close()


def test_log_out_asks_again_and_another_account_gets_a_new_window(
    qtbot, controller, demo_path, nobody
):
    dialog = opened(qtbot, controller, demo_path)
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        log_in(qtbot, dialog, "admin", "demo-2026")
    first = controller.window
    first.action_logout.trigger()
    assert session.logged_in() is None
    qtbot.waitUntil(lambda: controller.login.dialog is not None, timeout=TIMEOUT)
    assert controller.window is not first and controller.window.locked
    qtbot.addWidget(controller.window)
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        log_in(qtbot, controller.login.dialog, "viewer", "demo-2026")
    assert session.logged_in().role == "viewer"
    assert not controller.window.reserves.actions_by_kind["receive"].isVisible()


def test_change_password_asks_the_current_one(qtbot, controller, demo_path, nobody):
    from desktop.ui.access import window_parts

    dialog = opened(qtbot, controller, demo_path)
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        log_in(qtbot, dialog, "coordinator", "demo-2026")
    form = window_parts.change_password(controller.window)
    qtbot.addWidget(form)
    form.old.setText("wrong-password-1")
    form.password.setText("coordinator-2027")
    form.again.setText("coordinator-2027")
    with qtbot.waitSignal(form.worker.idle, timeout=TIMEOUT):
        form.submit()
    assert form.error.text() == "The current password is not right."
    form.old.setText("demo-2026")
    with qtbot.waitSignal(form.succeeded, timeout=TIMEOUT):
        form.submit()
    db = dbmod.open_db(demo_path)
    try:
        assert login.authenticate(db, "coordinator", "coordinator-2027").role == "coordinator"
    finally:
        db.close()
