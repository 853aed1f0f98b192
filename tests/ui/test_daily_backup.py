"""The day's backup in the window: made once someone has logged in, on a thread and a
connection of its own (the worker answers meanwhile), checked, once a day, said on the
status bar; closing the window while it is being made neither hangs nor keeps a half copy."""

import sqlite3

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.setup import backups
from desktop.core.store.db import open_db
from desktop.ui.shell import session
from desktop.ui.shell.app import Controller
from desktop.ui.shell.daily_backup import DailyBackup
from tests.ui.conftest import ADMIN

TIMEOUT = 10_000


def audit_backups(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT actor, detail FROM audit_event WHERE kind = 'backup' ORDER BY seq"
        ).fetchall()
    finally:
        conn.close()


def opened(qtbot, controller, path) -> DailyBackup:
    """The database opened in the window and logged in to (the environment's login, on the
    worker): the day's backup that login started."""
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    with qtbot.waitSignal(controller.window.session_started, timeout=TIMEOUT):
        pass
    return controller.daily


def said(controller) -> str:
    """What the window's status bar says."""
    return controller.window.statusBar().currentMessage()


def settled(qtbot, controller, timeout=TIMEOUT) -> str:
    """Once the status bar says the day's backup was made or failed: what it says."""
    qtbot.waitUntil(lambda: "今日备份" in said(controller), timeout=timeout)
    return said(controller)


@pytest.fixture
def nobody(monkeypatch):
    """Nobody logged in and no login in the environment: the login dialog is shown."""
    monkeypatch.delenv("BIORESERVE_USER")
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    session.end()


def test_the_days_backup_is_made_after_the_login_not_before(
    qtbot, qapp, chinese, settings, demo_path, nobody
):
    controller = Controller(qapp, settings)
    controller.start(demo_path)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: controller.login.dialog is not None, timeout=TIMEOUT)
    assert backups.listing(demo_path) == []  # the login dialog waited for no copy
    assert controller.daily is None
    dialog = controller.login.dialog
    dialog.name.setText(ADMIN[0])
    dialog.password.setText(ADMIN[1])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    message = settled(qtbot, controller)
    [made] = backups.listing(demo_path)
    assert made.ok and made.reason == "daily" and backups.quick_check(made.path) is None
    assert not list(made.path.parent.glob("*.part"))
    assert "今日备份已完成" in message and str(made.path) in message
    assert [actor for actor, _ in audit_backups(demo_path)][-1] == "program"
    controller.close()


def test_one_backup_a_day_however_often_someone_logs_in(qtbot, qapp, chinese, settings, demo_path):
    controller = Controller(qapp, settings)
    first = opened(qtbot, controller, demo_path)
    assert "今日备份已完成" in settled(qtbot, controller)
    assert backups.newest_good(demo_path) is not None
    controller.rebuild()  # another window over the same database, someone logged in
    qtbot.addWidget(controller.window)
    assert controller.window.locked is False
    assert controller.daily is first  # settled today: not tried again
    assert len(backups.listing(demo_path)) == 1
    controller.close()


def test_the_worker_answers_while_the_backup_is_made(
    qtbot, qapp, chinese, settings, demo_path, monkeypatch
):
    monkeypatch.setattr(backups, "STEP_PAGES", 1)  # a copy of many steps
    from desktop.core.access import audit

    controller = Controller(qapp, settings)
    opened(qtbot, controller, demo_path)
    answers = []
    # a write on the worker while the copy is made: neither waits for the other
    controller.worker.run(lambda db: audit.record(db, "user:admin", "probe"), answers.append)
    assert "今日备份已完成" in settled(qtbot, controller, timeout=TIMEOUT * 3)
    qtbot.waitUntil(lambda: bool(answers), timeout=TIMEOUT)
    assert answers == [None]  # committed, not refused as busy
    made = backups.newest_good(demo_path)
    assert made is not None and backups.quick_check(made.path) is None
    controller.close()


def test_closing_while_the_backup_is_made_keeps_no_half_copy(
    qtbot, qapp, settings, demo_path, monkeypatch
):
    monkeypatch.setattr(backups, "STEP_PAGES", 1)  # many steps: closed in the middle
    controller = Controller(qapp, settings)
    daily = opened(qtbot, controller, demo_path)
    controller.close()  # returns: the thread stopped between two steps (or had finished)
    assert not daily.running
    assert not any(list(f.glob("*.part")) for f in backups.folders(demo_path))
    for made in backups.listing(demo_path):  # only a copy made whole and checked counts
        assert made.ok and backups.quick_check(made.path) is None


def test_a_stopped_backup_is_deleted_and_not_counted(demo_path):
    db = open_db(demo_path)
    try:
        with pytest.raises(backups.Stopped):
            backups.make(db, "daily", stop=lambda: True)
    finally:
        db.close()
    assert backups.listing(demo_path) == []
    assert not any(list(f.glob("*.part")) for f in backups.folders(demo_path))


def test_a_backup_that_fails_says_so_on_the_status_bar(
    qtbot, qapp, chinese, settings, demo_path, monkeypatch
):
    from desktop.core.errors import BioError

    def full_disk(*args, **kwargs):
        raise BioError("磁盘已满")

    monkeypatch.setattr(backups, "make", full_disk)
    controller = Controller(qapp, settings)
    opened(qtbot, controller, demo_path)
    message = settled(qtbot, controller)
    assert "今日备份失败" in message and "磁盘已满" in message
    assert backups.listing(demo_path) == []
    controller.close()


def test_a_daily_backup_given_up_before_it_starts_says_nothing(demo_path, qtbot):
    daily = DailyBackup(demo_path)
    daily.stop()
    daily.start()  # stopped: never runs
    assert not daily.running and backups.listing(demo_path) == []


def test_a_copy_that_fails_its_check_names_the_database_damaged(
    qtbot, qapp, chinese, settings, demo_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    def bad_copy(db, *args, **kwargs):
        raise backups.damaged(db.path, "database disk image is malformed")

    shown = []
    monkeypatch.setattr(backups, "make", bad_copy)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    controller = Controller(qapp, settings)
    opened(qtbot, controller, demo_path)
    assert "今日备份失败" in settled(qtbot, controller)
    assert len(shown) == 1 and str(demo_path) in shown[0]  # said at once, with the restore line
    assert backups.listing(demo_path) == []
    controller.close()
