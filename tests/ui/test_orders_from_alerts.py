"""预警 → 调拨单: the shortfalls selected under Below norm become a prefilled new order."""

from PySide6.QtCore import QItemSelectionModel

from desktop.core.store import db as dbmod
from desktop.core.store import info
from desktop.ui.shell.main_window import MainWindow

TIMEOUT = 10000


def test_selected_shortfalls_open_a_prefilled_order(qtbot, chinese, worker, demo_path):
    db = dbmod.open_db(demo_path)
    details = info.identity(db)
    db.close()
    window = MainWindow(worker, details, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(window.pages.indexOf(window.reserves))
    qtbot.waitUntil(lambda: window.reserves.lists is not None, timeout=TIMEOUT)
    window.reserves.show_tab("alerts")
    view = window.reserves.tab("alerts")
    qtbot.waitUntil(lambda: view.models["below_norm"].rowCount() > 1, timeout=TIMEOUT)
    view.tabs.setCurrentIndex(0)
    model = view.models["below_norm"]
    depot = model.row(0)["depot"]
    same = [n for n in range(model.rowCount()) if model.row(n)["depot"] == depot][:2]
    selection = view.tables["below_norm"].selectionModel()
    for n in same:
        selection.select(
            model.index(n, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    with qtbot.waitSignal(view.order_requested, timeout=TIMEOUT) as blocker:
        view.make_order.click()
    prefill = blocker.args[0]
    assert prefill["to"] == depot
    assert prefill["lines"] == [(model.row(n)["item"], model.row(n)["short"]) for n in same]
    assert window.pages.currentWidget() is window.orders


def test_rows_of_two_depots_are_refused_with_a_message(qtbot, chinese, worker):
    from desktop.ui.reserves.alerts_view import AlertsView

    view = AlertsView(worker)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    model = view.models["below_norm"]
    depots = {}
    for n in range(model.rowCount()):
        depots.setdefault(model.row(n)["depot"], n)
    first, second = list(depots.values())[:2]
    selection = view.tables["below_norm"].selectionModel()
    for n in (first, second):
        selection.select(
            model.index(n, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    emitted = []
    view.order_requested.connect(emitted.append)
    view.request_order()
    assert emitted == [] and view.message.text()
