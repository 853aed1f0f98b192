"""A damaged database at start-up is restored from its newest good backup only by an account
of that backup with the BACKUP right: a wrong password or a role without it is refused in
the login dialog with nothing changed; the administrator's login restores it."""

import sqlite3

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from desktop.core.access import accounts
from desktop.core.context import Ctx
from desktop.core.setup import backups
from desktop.core.setup.opening import open_station
from desktop.ui.shell import session
from desktop.ui.shell.app import Controller

TIMEOUT = 10_000
PASSWORD = "demo-2026"  # the demo accounts' (setup/demo.py)


def moves(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM stock_move ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def messages(monkeypatch):
    """The message boxes shown (kind, text); the damaged database's box answered 恢复."""
    shown = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return box

    for kind in ("information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))

    def restore(box):
        shown.append(("damaged", box.text()))
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ).click()

    monkeypatch.setattr(QMessageBox, "exec", restore)
    return shown


@pytest.fixture
def damaged(demo_path):
    """The demo database with today's backup, whose administrator's password was changed
    afterwards, then damaged: (its bytes, the backup's path, the backup's stock moves)."""
    open_station(demo_path).close()  # today's backup
    newest = backups.newest_good(demo_path)
    db = open_station(demo_path)
    admin = Ctx("user:admin")  # not the backup's: only the live database has it
    accounts.set_password(db, admin, "admin", "changed-after-2026", old=PASSWORD)
    db.close()
    with open(demo_path, "r+b") as file:
        file.truncate(demo_path.stat().st_size // 2)
    return demo_path.read_bytes(), newest.path, moves(newest.path)


@pytest.fixture
def started(qtbot, qapp, chinese, settings, demo_path, damaged, messages):
    """The program started on the damaged database, its backup's login dialog shown."""
    session.end()  # nobody is logged in at start-up
    controller = Controller(qapp, settings)
    controller.start(demo_path)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: getattr(controller, "restore_login", None) is not None, timeout=TIMEOUT)
    dialog = controller.restore_login.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    yield controller, dialog
    controller.close()


def log_in(qtbot, dialog, name: str, password: str) -> str:
    """Type the name and password, press OK: the refusal shown."""
    dialog.name.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as refused:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return refused.args[0]


def test_the_restore_asks_a_login_of_the_backups_accounts(
    qtbot, started, damaged, demo_path, messages
):
    controller, dialog = started
    bytes_before, backup, _ = damaged
    backup_bytes = backup.read_bytes()
    assert messages[0][0] == "damaged" and str(backup) in messages[0][1]
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(backup.name in text for text in notes)

    # the live database's password, not the backup's: refused
    refusal = log_in(qtbot, dialog, "admin", "changed-after-2026")
    assert dialog.isVisible() and dialog.error.isVisible() and refusal
    # a role without the right to restore, with the backup's password: refused, naming why
    refusal = log_in(qtbot, dialog, "viewer", PASSWORD)
    assert "viewer" in refusal and "只读" in refusal and "备份" in refusal
    assert dialog.isVisible() and session.logged_in() is None
    # nothing changed: the damaged file, the backup, and no other file restored
    assert demo_path.read_bytes() == bytes_before and backup.read_bytes() == backup_bytes
    assert [kind for kind, _ in messages] == ["damaged"]


def test_the_backups_administrator_restores_it(qtbot, started, damaged, demo_path, messages):
    controller, dialog = started
    _, backup, kept = damaged
    folder = controller.restore_login.folder
    assert (folder / "backup.db").exists()  # the private copy the login is checked against
    dialog.name.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(kind == "information" for kind, _ in messages), timeout=TIMEOUT)
    qtbot.addWidget(controller.window)
    assert not folder.exists()
    assert "没有发现问题" in messages[-1][1] and str(backup) in messages[-1][1]
    assert backups.diagnose(demo_path) is None and moves(demo_path) == kept
    assert controller.window.db_info["path"] == str(demo_path)
    db = open_station(demo_path)
    try:
        who = db.execute(
            "SELECT actor FROM audit_event WHERE kind = 'restore' ORDER BY rowid DESC"
        ).fetchone()
    finally:
        db.close()
    assert who == ("user:admin",)


def test_cancelling_the_login_asks_for_another_file(
    qtbot, started, damaged, demo_path, messages, monkeypatch
):
    controller, dialog = started
    monkeypatch.setattr("desktop.ui.shell.app.QFileDialog.getOpenFileName", lambda *a: ("", ""))
    exits = []
    monkeypatch.setattr(controller.app, "exit", exits.append)
    folder = controller.restore_login.folder
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: exits == [1], timeout=TIMEOUT)
    assert demo_path.read_bytes() == damaged[0] and not folder.exists()
