"""预警 → 负库存 → 对账…: a negative balance left by a merge, settled by a count in a dialog;
a refused entry stays in the dialog and changes nothing."""

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.core.context import Ctx
from desktop.core.reserves import alerts, reconcile, stock
from desktop.core.store import check
from desktop.sync import keys as sync_keys
from desktop.ui.reserves.alerts_view import KINDS, AlertsView
from desktop.ui.reserves.reconcile_dialog import ReconcileDialog
from tests.helpers.stations import new_station, overdraw

TIMEOUT = 10000


@pytest.fixture
def overdrawn(tmp_path):
    """Station HY-A (enrolled with HY-B) after both issued 8 of the same 10 masks."""
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    sync_keys.export_key(b, tmp_path / "b.key")
    sync_keys.trust(a, tmp_path / "b.key")
    overdraw(a, b)
    b.conn.close()
    yield a
    a.conn.close()


@pytest.fixture
def worker(overdrawn, qapp):
    from desktop.ui.shell.worker import DbWorker

    w = DbWorker(overdrawn.path)
    yield w
    w.close()


@pytest.fixture
def view(qtbot, chinese, worker):
    view = AlertsView(worker)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    return view


def select_negative(view, row: int = 0) -> None:
    view.tabs.setCurrentIndex(KINDS.index("negative"))
    view.tables["negative"].selectionModel().select(
        view.models["negative"].index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def open_dialog(qtbot, view) -> ReconcileDialog:
    select_negative(view)
    assert view.reconcile.isEnabled()
    view.reconcile.click()
    dialog = view.reconcile_dialog
    assert isinstance(dialog, ReconcileDialog)
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=TIMEOUT)
    return dialog


def test_the_button_needs_one_negative_row_selected(view):
    assert view.counts["negative"] == 1
    assert not view.reconcile.isEnabled()
    view.tabs.setCurrentIndex(KINDS.index("negative"))
    assert not view.reconcile.isEnabled() and view.open_reconcile() is None
    select_negative(view)
    assert view.reconcile.isEnabled()
    view.tabs.setCurrentIndex(0)
    assert not view.reconcile.isEnabled()


def test_the_dialog_shows_who_issued_at_which_station(qtbot, view):
    dialog = open_dialog(qtbot, view)
    assert dialog.isVisible()
    assert "口罩" in dialog.heading.text() and "B1" in dialog.heading.text()
    assert "-6" in dialog.balance.text()
    assert sorted(dialog.stations.text().split(", ")) == ["HY-A", "HY-B"]
    model = dialog.model
    assert model.rowCount() == 3
    shown = {
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 4).data())
        for r in range(model.rowCount())
    }
    assert ("os:alice", "HY-A", "-8") in shown and ("os:bob", "HY-B", "-8") in shown
    assert model.index(0, 3).data() == "出库"  # the movement's kind, in Chinese
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_an_empty_reason_is_refused_in_the_dialog_and_changes_nothing(qtbot, view, overdrawn):
    dialog = open_dialog(qtbot, view)
    before = overdrawn.execute("SELECT count(*) FROM stock_move").fetchone()[0]
    dialog.counted.setValue(0)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert blocker.args[0] and dialog.error.isVisible() and dialog.error.text() == blocker.args[0]
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert overdrawn.execute("SELECT count(*) FROM stock_move").fetchone()[0] == before
    assert len(reconcile.items(overdrawn)) == 1


def test_a_count_with_its_reason_settles_it_and_the_alerts_reload(qtbot, view, overdrawn):
    dialog = open_dialog(qtbot, view)
    dialog.counted.setValue(0)
    dialog.reason.setText("两站重复发放，实盘为零")
    with qtbot.waitSignal(view.reconciled, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert blocker.args[0]["difference"] == 6
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: view.models["negative"].rowCount() == 0, timeout=TIMEOUT)
    assert view.counts["negative"] == 0 and view.message.text()
    assert not view.reconcile.isEnabled()
    assert reconcile.items(overdrawn) == [] and check.run(overdrawn) == []
    assert alerts.compute(overdrawn)["negative"] == []


def test_a_balance_no_longer_negative_cannot_be_reconciled(qtbot, chinese, worker, overdrawn):
    stock.count(overdrawn, Ctx("os:carol"), "CK1", "KZ", "B1", 2, "盘点")
    shown = []
    dialog = ReconcileDialog(worker, {"depot": "CK1", "item": "KZ", "lot": "B1"})
    qtbot.addWidget(dialog)
    dialog.loaded.connect(shown.append)
    qtbot.waitUntil(lambda: shown == [None], timeout=TIMEOUT)
    assert dialog.error.text() and dialog.found is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
