"""The expert form fits a 1366×768 screen in English and in Chinese: at 1366×700 its
specialties' two columns and its fields' right edge show without scrolling sideways."""

import os

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QScrollArea

from desktop.core.store import db as dbmod
from desktop.ui.shell import translations
from tests.helpers.ui import wait_idle

AVAILABLE = QSize(1366, 700)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(QScreen, "geometry", lambda _self: QRect(QPoint(0, 0), QSize(1366, 768)))
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(QPoint(0, 0), AVAILABLE))


@pytest.fixture(params=("en", "zh_CN"))
def language(request, qapp):
    translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "zh_CN")


def settle(qtbot, worker) -> None:
    for _ in range(2):
        QCoreApplication.processEvents()
        wait_idle(qtbot, worker)


def test_the_expert_form_does_not_scroll_sideways(qtbot, worker, demo_path, small_screen, language):
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    expert = db.execute("SELECT id FROM expert WHERE deleted = 0 LIMIT 1").fetchone()[0]
    db.conn.close()
    window = MainWindow(worker, details, language)
    qtbot.addWidget(window)
    window.resize(AVAILABLE.width(), AVAILABLE.height() - 32)
    window.show()
    qtbot.waitExposed(window)
    roster = window._page("experts")
    window.show_page(roster)
    settle(qtbot, worker)
    qtbot.waitUntil(lambda: "experts" in roster.tabs_built)
    roster.show_expert(expert)
    settle(qtbot, worker)
    editor = roster.findChild(QScrollArea, "expertForm") or next(
        s for s in roster.findChildren(QScrollArea) if s.isVisible() and s.widget() is not None
    )
    if os.environ.get("BIORESERVE_SHOTS"):
        window.grab().save(f"{os.environ['BIORESERVE_SHOTS']}/experts-{language}.png")
    assert window.width() <= AVAILABLE.width()
    sideways = editor.horizontalScrollBar()
    assert not sideways.isVisible() or sideways.maximum() == 0
    body = editor.widget()
    assert body.width() >= body.minimumSizeHint().width()
    viewport = editor.viewport()
    boxes = roster.tabs_built["experts"].editor.specialty_boxes.values()
    for box in boxes:  # both columns, whole, within what is seen
        right = box.mapTo(viewport, QPoint(box.width(), 0)).x()
        assert right <= viewport.width() and box.width() >= box.sizeHint().width(), box.text()
