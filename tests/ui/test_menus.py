"""The main window's menus as each role sees them: no two entries of a menu share an
accelerator (Alt+letter reaches one entry), and a menu with nothing the role may use is
not shown (系统 for a viewer) until someone who may use it logs in."""

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.core.store import info
from desktop.ui.shell import session, translations
from desktop.ui.shell.main_window import MainWindow
from tests.helpers.ui import TIMEOUT

ACCELERATOR = re.compile(r"&([^&])")


def accelerator(text: str) -> str | None:
    """The letter after a single & (&& is a literal ampersand), lower-cased."""
    found = ACCELERATOR.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def window_as(qtbot, worker, demo_path, role: str, language: str) -> MainWindow:
    session.start(Ctx(f"user:{role}", role=role))
    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    db.conn.close()
    window = MainWindow(worker, details, language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(window._pages), timeout=TIMEOUT)  # after the first paint
    return window


def menus(menu: QMenu, path: str = ""):
    """The menu and its submenus, each with its path of titles."""
    yield path, menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from menus(action.menu(), f"{path} › {action.text()}")


def shown(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "zh_CN")


@pytest.mark.parametrize("role", ["admin", "viewer"])
def test_no_two_entries_of_a_menu_share_an_accelerator(qtbot, worker, demo_path, role, language):
    window = window_as(qtbot, worker, demo_path, role, language)
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions() if a.isVisible()]
    keys = [accelerator(t) for t in titles]
    assert None not in keys, titles
    assert len(set(keys)) == len(keys), titles
    walked = 0
    for top in bar.actions():
        for path, menu in menus(top.menu(), top.text()):
            entries = [a.text() for a in menu.actions() if not a.isSeparator()]
            keys = [k for k in map(accelerator, entries) if k is not None]
            clashes = sorted({k for k in keys if keys.count(k) > 1})
            assert not clashes, f"{path}: {clashes} in {entries}"
            walked += 1
    assert walked >= 6  # 文件 and its 导入模板, 视图, 设置 and its 语言, 系统, 帮助


@pytest.mark.parametrize("role", ["viewer", "keeper", "liaison"])
def test_a_menu_with_nothing_for_the_role_is_hidden(qtbot, worker, demo_path, role):
    window = window_as(qtbot, worker, demo_path, role, "zh_CN")
    titles = {a.text(): a for a in window.menuBar().actions()}
    assert not titles["系统(&Y)"].isVisible()
    visible = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert visible == ["文件(&F)", "视图(&V)", "设置(&S)", "帮助(&H)"]
    for top in window.menuBar().actions():
        if top.isVisible():
            assert shown(top.menu()), top.text()


def test_the_system_menu_comes_back_when_an_administrator_logs_in(qtbot, worker, demo_path):
    window = window_as(qtbot, worker, demo_path, "viewer", "zh_CN")
    system = next(a for a in window.menuBar().actions() if a.text() == "系统(&Y)")
    assert not system.isVisible()
    ctx = Ctx("user:admin")  # 切换用户 → the administrator
    session.start(ctx)
    with qtbot.waitSignal(window.session_started, timeout=TIMEOUT):
        window.set_session(ctx)
    assert system.isVisible()
    assert [a.text() for a in shown(system.menu())] == ["用户管理(&U)…", "审计日志(&A)…"]
    session.start(Ctx("user:viewer", role="viewer"))  # and away again for a viewer
    window.set_session(session.logged_in())
    assert not system.isVisible()
