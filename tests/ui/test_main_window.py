"""The main window over a demo database, as a user sees it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from desktop.core import overview
from desktop.core.store import db as dbmod
from desktop.core.store import info
from desktop.ui.overview.depot_summary import DepotSummaryModel
from desktop.ui.shell.main_window import LATER_PAGES, MainWindow


def make_window(qtbot, worker, demo_path, language="zh_CN"):
    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    expected = overview.figures(db)
    db.conn.close()
    window = MainWindow(worker, details, language)
    qtbot.addWidget(window)
    return window, expected


def test_the_window_is_chinese_and_marks_demo_data(qtbot, chinese, worker, demo_path):
    with qtbot.waitSignal(worker.finished, timeout=5000):
        window, _ = make_window(qtbot, worker, demo_path)
    window.show()
    assert window.windowTitle() == "生物安全应急储备与处置系统 【演示数据】"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "总览",
        "事件",
        "物资储备",
        "调拨单",
        "专家库",
        "预案库",
        "同步",
        "演练",
        "长期监测",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "视图(&V)", "设置(&S)", "系统(&Y)", "帮助(&H)"]
    status = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "站点：演示站" in status and str(demo_path) in status and "演示数据" in status


def test_the_overview_shows_the_figures_of_the_database(qtbot, chinese, worker, demo_path):
    window, expected = make_window(qtbot, worker, demo_path)
    with qtbot.waitSignal(window.overview.loaded, timeout=5000):
        window.overview.refresh()
    for key, card in window.overview.cards.items():
        assert card.value.text() == f"{expected[key]:,}", key
    model = window.overview.model
    assert model.rowCount() == expected["depots"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "仓库"
    assert model.index(0, 2).data() == "市级储备库"


def test_every_menu_action_has_chinese_text(qtbot, chinese, worker, demo_path):
    window, _ = make_window(qtbot, worker, demo_path)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu():
                continue
            text = action.text()
            assert text and (any("\u4e00" <= c <= "\u9fff" for c in text) or text == "English")


def test_the_depot_summary_model_is_a_well_behaved_model(qtmodeltester, demo_db):
    model = DepotSummaryModel()
    model.set_rows(overview.figures(demo_db)["depot_rows"])
    qtmodeltester.check(model)
    assert model.rowCount() > 10


def test_the_later_pages_and_shortcuts_come_right_after_the_first_paint(
    qtbot, chinese, worker, demo_path
):
    window, _ = make_window(qtbot, worker, demo_path)
    assert not window._pages  # start-up: only 总览 is built before the window shows
    assert window.overview.compliance_chart is None
    window.show()
    qtbot.waitUntil(lambda: bool(window._pages), timeout=5000)
    assert window.overview.compliance_chart is not None
    assert [window.pages.indexOf(getattr(window, name)) for name in LATER_PAGES] == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
    ]
    assert window.pages.count() == 9 and window.pages.currentWidget() is window.overview
    assert window.action_quit.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Quit))
    assert window.action_import.shortcut() == QKeySequence("Ctrl+I")
    assert window.action_import in window.reserves.toolbar.actions()


def test_choosing_a_page_before_the_first_paint_builds_it(qtbot, chinese, worker, demo_path):
    window, _ = make_window(qtbot, worker, demo_path)
    window.nav.setCurrentRow(4)
    assert window.pages.currentWidget() is window.experts
