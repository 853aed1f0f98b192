"""The window and every dialog fit a 1366×768 screen with a taskbar, in Chinese and in
English: each opens within 1366×700 (its title bar included) and its buttons are on
screen. The screen's available geometry is set to 1366×700 for the code that asks it."""

import pkgutil
from importlib import import_module

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QWidget,
)

import desktop.ui
from desktop.core.store import db as dbmod
from desktop.ui.shell import translations
from tests.helpers.every_dialog import DIALOGS
from tests.helpers.ui import wait_idle

SCREEN = QSize(1366, 768)
AVAILABLE = QSize(1366, 700)  # the screen less a taskbar
TITLE_BAR = 32  # a window's title bar and frame, which the available height must hold too
LANGUAGES = ("zh_CN", "en")


@pytest.fixture
def small_screen(monkeypatch):
    """Every screen is 1366×768 with 1366×700 available to windows."""
    monkeypatch.setattr(QScreen, "geometry", lambda _self: QRect(QPoint(0, 0), SCREEN))
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(QPoint(0, 0), AVAILABLE))


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "zh_CN")


def needed(window: QWidget) -> QSize:
    """The size the window takes on screen: as opened, and never below its minimum."""
    return window.size().expandedTo(window.minimumSizeHint()).expandedTo(window.minimumSize())


def fits(size: QSize) -> bool:
    return size.width() <= AVAILABLE.width() and size.height() + TITLE_BAR <= AVAILABLE.height()


def hidden_buttons(window: QWidget) -> list[str]:
    """The buttons of the window (not those inside a list or scrolled form) that are not
    wholly inside it, or are covered."""
    out = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _scrolled(button, window):
            continue
        if not isinstance(button.parentWidget(), QDialogButtonBox) and not button.text():
            continue  # a tool button of a field (calendar, clear)
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not window.rect().contains(where) or button.visibleRegion().isEmpty():
            out.append(button.text() or button.objectName())
    return out


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


# The bases no page opens as such (each of their subclasses is checked instead).
ABSTRACT = {
    "FormDialog",
    "MarkedForm",
    "MovementDialog",
    "_FromLotDialog",
    "OrderFormDialog",
    "_AccountForm",
}


def test_the_list_holds_every_dialog_of_the_desktop(qtbot, worker, demo_path):
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        import_module(info.name)
    classes = set()

    def walk(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("desktop.ui.") and sub.__name__ not in ABSTRACT:
                classes.add(sub)
            walk(sub)

    walk(QDialog)
    db = dbmod.open_db(demo_path)
    made = set()
    try:
        for factory in DIALOGS.values():
            dialog = factory(worker, db)
            made.add(type(dialog))
            wait_idle(qtbot, worker)
            # deleted by Qt now, not by Python's collector later in the middle of another
            dialog.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        db.conn.close()
    assert sorted(f"{c.__module__}.{c.__qualname__}" for c in classes - made) == []


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_fits_the_screen_with_its_buttons_visible(
    qtbot, worker, demo_path, small_screen, language, name
):
    db = dbmod.open_db(demo_path)
    try:
        dialog = DIALOGS[name](worker, db)
    finally:
        db.conn.close()
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)  # what the dialog loads on the worker is shown
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, worker)
    size = needed(dialog)
    assert fits(size), f"{name} ({language}) needs {size.width()}×{size.height()}"
    assert hidden_buttons(dialog) == [], name


def settle(qtbot, worker) -> None:
    """Until what the window asked of the worker (now or on its next turn) is shown."""
    for _ in range(2):
        QCoreApplication.processEvents()
        wait_idle(qtbot, worker)


def test_the_window_fits_the_screen_on_every_page_and_tab(
    qtbot, worker, demo_path, small_screen, language
):
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow
    from tests.helpers.ui import choose_incident

    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    expert = db.execute("SELECT id FROM expert WHERE deleted = 0 LIMIT 1").fetchone()[0]
    incident = db.execute("SELECT number FROM incident ORDER BY number LIMIT 1").fetchone()[0]
    db.conn.close()
    window = MainWindow(worker, details, language)
    qtbot.addWidget(window)
    assert fits(window.size()), f"opens at {window.size().width()}×{window.size().height()}"
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, worker)
    seen = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        settle(qtbot, worker)
        page = window.pages.currentWidget()
        if row == 1:
            choose_incident(qtbot, page, incident)
        for tabs in _tab_widgets(page, seen):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(qtbot, worker)
                size = needed(window)
                where = f"{window.nav.item(row).text()} · {tabs.tabText(index)}"
                assert fits(size), f"{where} ({language}): {size.width()}×{size.height()}"
    window.show_page(window._page("experts"))
    roster = window._page("experts")
    roster.show_expert(expert)
    settle(qtbot, worker)
    size = needed(window)
    assert fits(size), f"an expert's form ({language}): {size.width()}×{size.height()}"


def _tab_widgets(page: QWidget, seen: list):
    """The tab widgets of a page, those that show as other tabs are shown included."""
    from PySide6.QtWidgets import QTabWidget

    while True:
        fresh = [t for t in page.findChildren(QTabWidget) if t.isVisible() and t not in seen]
        if not fresh:
            return
        seen.extend(fresh)
        yield from fresh
