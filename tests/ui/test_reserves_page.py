"""物资储备 as a user meets it: lazy tabs, search as you type, the toolbar's movements,
rotation, arrivals of transfers and the alert thresholds."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from desktop.core.reserves import alerts, ledger, stock
from desktop.ui.reserves.page import TABS, ReservesPage

TIMEOUT = 5000


@pytest.fixture
def page(qtbot, worker):
    page = ReservesPage(worker)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show()
    qtbot.waitUntil(lambda: page.tab("balances").model.rowCount() > 0, timeout=TIMEOUT)
    return page


def open_tab(qtbot, page, key: str):
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab(key)
    return page.tab(key)


def settle(qtbot, worker):
    """Let every job queued so far come back (jobs run in order)."""
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT):
        worker.run(lambda db: None)


def test_only_the_shown_tab_is_built(page):
    assert list(page.tabs_built) == ["balances"]
    assert page.tabs.count() == len(TABS)


def test_opening_the_ledger_fetches_one_page_not_all(qtbot, page, worker, demo_db):
    view = open_tab(qtbot, page, "ledger")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    settle(qtbot, worker)
    assert view.model.pages_requested == 1
    assert view.model.rowCount() == 200 < ledger.ledger_count(demo_db)
    header = view.table.verticalHeader()
    assert header.sectionResizeMode(0) == header.ResizeMode.Fixed
    # Scrolling to the end asks for the next page only.
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
        view.table.scrollToBottom()
    assert view.model.rowCount() == 400


def test_typing_kz_in_the_search_box_shows_only_masks(qtbot, page):
    balances = page.tab("balances")
    with qtbot.waitSignal(balances.model.page_loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.search, "kz")
    model = balances.model
    names = {model.row_dict(n)["item_name"] for n in range(model.rowCount())}
    assert names and all("口罩" in name for name in names)
    assert balances.model.filters["search"] == "kz"


def test_searching_from_another_tab_goes_to_the_stock(qtbot, page):
    open_tab(qtbot, page, "alerts")
    page.search.setText("kz")
    page.apply_search()
    assert page.key_at(page.tabs.currentIndex()) == "balances"


def test_the_catalogue_tab_filters_by_pinyin(qtbot, page):
    editor = open_tab(qtbot, page, "catalog")
    qtbot.waitUntil(lambda: editor.model.rowCount() > 100, timeout=TIMEOUT)
    with qtbot.waitSignal(editor.listed, timeout=TIMEOUT):
        page.search.setText("fhf")  # 防护服
        page.apply_search()
    names = [row["name"] for row in editor.model.rows]
    assert names and all("防护服" in name for name in names)


def test_filters_narrow_the_balances(qtbot, page):
    view = page.tab("balances")
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
        view.depot.setCurrentIndex(view.depot.findData("HY-YY01"))
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
        view.group.setCurrentIndex(1)
    rows = [view.model.row_dict(n) for n in range(view.model.rowCount())]
    assert rows and {r["depot"] for r in rows} == {"HY-YY01"} and all(r["lot"] for r in rows)
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
        view.category.setCurrentIndex(view.category.findData("DRUG"))
    codes = {view.model.row_dict(n)["item"] for n in range(view.model.rowCount())}
    assert codes and all(code.startswith("DRUG") for code in codes)


def test_a_movement_from_the_toolbar_refreshes_the_page(qtbot, page, demo_db):
    view = page.tab("balances")
    view.table.selectRow(0)
    row = view.selected()
    dialog = page.open_dialog("issue")
    assert dialog.depot.currentData() == row["depot"]
    qtbot.waitUntil(lambda: dialog.item.item() is not None, timeout=TIMEOUT)
    assert dialog.item.item()["code"] == row["item"]
    qtbot.waitUntil(lambda: dialog.lot.count() > 0, timeout=TIMEOUT)
    dialog.qty.setValue(1)
    with qtbot.waitSignals([dialog.succeeded, page.worker.data_changed], timeout=TIMEOUT):
        dialog.submit()
    assert "1" in page.message.text()
    assert not dialog.isVisible()


def test_a_rotation_proposal_becomes_a_transfer_after_confirmation(
    qtbot, page, demo_db, monkeypatch
):
    view = open_tab(qtbot, page, "rotation")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    number = next(n for n, row in enumerate(view.model.rows) if row["target"] and row["move"])
    proposal = view.model.rows[number]
    view.table.selectRow(number)
    asked = []
    monkeypatch.setattr(view, "confirm", lambda text: asked.append(text) or False)
    view.create_transfer()
    assert asked and stock.in_transit(demo_db) == []
    monkeypatch.setattr(view, "confirm", lambda text: True)
    with qtbot.waitSignal(view.transferred, timeout=TIMEOUT):
        view.create_transfer()
    [moving] = stock.in_transit(demo_db)
    assert moving["lot"] == proposal["lot"] and moving["qty_sent"] == proposal["move"]
    assert moving["ref"] == "轮换" and moving["to_depot"] == proposal["target"]


def test_an_arrival_with_a_difference_needs_its_reason(qtbot, page, worker, demo_db):
    from desktop.core.context import Ctx

    lot = next(r for r in ledger.balances(demo_db, by_lot=True) if r["qty"] > 50)
    stock.transfer(demo_db, Ctx("test"), lot["depot"], "HY-YY01", lot["item"], 10, lot["lot"])
    view = open_tab(qtbot, page, "transit")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    view.table.selectRow(0)
    dialog = view.confirm_arrival()
    dialog.received.setValue(8)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert "差异原因" in blocker.args[0] and stock.in_transit(demo_db)
    dialog.reason.setText("运输破损 2")
    with qtbot.waitSignal(view.received, timeout=TIMEOUT):
        dialog.submit()
    assert stock.in_transit(demo_db) == []
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=TIMEOUT)


def test_the_alert_thresholds_are_edited_in_place(qtbot, page, demo_db):
    view = open_tab(qtbot, page, "alerts")
    qtbot.waitUntil(lambda: view.thresholds.text() == "30,90,180", timeout=TIMEOUT)
    assert view.counts == alerts.counts(alerts.compute(demo_db))
    view.thresholds.setText("30,abc")
    view.save_thresholds()
    qtbot.waitUntil(lambda: "30,90,180" in view.message.text(), timeout=TIMEOUT)
    assert alerts.thresholds(demo_db) == (30, 90, 180)
    view.thresholds.setText("15, 60")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.save_thresholds()
    assert alerts.thresholds(demo_db) == (15, 60)
    near = view.models["near_expiry"]
    assert all(row["days_left"] <= 60 for row in near.rows)
    qtbot.waitUntil(lambda: page.lists["thresholds"] == [15, 60], timeout=TIMEOUT)


def test_an_import_action_can_join_the_toolbar(page):
    action = QAction("导入…", page)
    page.add_tool_action(action)
    actions = page.toolbar.actions()
    assert actions.index(action) == actions.index(page.action_refresh) - 2
    assert actions.index(action) > actions.index(page.actions_by_kind["writeoff"])


def test_ctrl_f_focuses_the_search_box(qtbot, page):
    page.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.focusWidget() is page.search
