"""The window's icon and status bar as a user sees them."""

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.ui.shell.worker import DbWorker
from tests.ui.test_change_signal import open_window


@pytest.fixture
def window(qtbot, demo_db, demo_path, qapp):
    worker = DbWorker(demo_path, start=False)
    yield open_window(qtbot, worker, demo_db)
    worker.close()


def test_the_window_carries_the_application_icon_in_every_size(window):
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_a_status_message_is_not_drawn_over_the_database_path(qtbot, window):
    bar = window.statusBar()
    assert window.db_label.isVisible()
    bar.showMessage("今日备份已完成并已检查：/x/daily.db", 10_000)
    qtbot.waitUntil(lambda: not window.db_label.isVisible())
    bar.clearMessage()
    qtbot.waitUntil(window.db_label.isVisible)
