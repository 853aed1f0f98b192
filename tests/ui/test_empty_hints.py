"""Issue 16, point 8: 轮换 proposes only what it can fill (the rest hidden, or listed with
the reason when asked for), and an empty table shows a short hint instead of a header of
bunched columns."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.core.reserves import rotation
from desktop.ui.reserves.page import ReservesPage
from desktop.ui.widgets import style
from desktop.ui.widgets.empty_hint import empty_hint
from desktop.ui.widgets.rows_model import Column, RowsModel
from tests.helpers.ui import TIMEOUT

pytestmark = pytest.mark.usefixtures("chinese")


def reserves(qtbot, worker, tab: str):
    page = ReservesPage(worker)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show()
    if tab not in page.tabs_built:
        with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
            page.show_tab(tab)
    return page.tab(tab)


def rotation_view(qtbot, worker):
    view = reserves(qtbot, worker, "rotation")
    if not view.proposals:
        with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
            pass
    return view


def shown(model) -> list[dict]:
    return [model.row(n) for n in range(model.rowCount())]


def test_rotation_proposes_only_what_it_can_fill(qtbot, worker, demo_db):
    everything = rotation.proposals(demo_db)
    unfilled = [r for r in everything if r["unfilled"]]
    assert unfilled and len(unfilled) < len(everything)  # the demo data has both kinds
    view = rotation_view(qtbot, worker)
    rows = shown(view.model)
    assert len(rows) == len(everything) - len(unfilled)
    assert all(r["target"] and r["move"] > 0 for r in rows)
    assert view.show_unfilled.isVisible() and str(len(unfilled)) in view.show_unfilled.text()
    why = next(n for n, c in enumerate(view.model.columns) if c.key == "why")
    assert view.table.isColumnHidden(why)
    assert not view.hint.is_shown()


def test_the_lots_nothing_can_be_proposed_for_are_listed_with_the_reason(qtbot, worker, demo_db):
    view = rotation_view(qtbot, worker)
    proposals = view.model.rowCount()
    view.show_unfilled.setChecked(True)
    rows = shown(view.model)
    unfilled = [n for n, r in enumerate(rows) if r["unfilled"]]
    assert len(rows) == proposals + len(unfilled) and unfilled
    why = next(n for n, c in enumerate(view.model.columns) if c.key == "why")
    assert not view.table.isColumnHidden(why)
    move = next(n for n, c in enumerate(view.model.columns) if c.key == "move")
    kinds = set()
    for n in unfilled:
        kinds.add(rows[n]["unfilled"])
        reason = view.model.index(n, why).data()
        assert reason, rows[n]
        if rows[n]["unfilled"] == rotation.NO_USER:
            assert reason == "过去一年没有医院领用此物资"
        else:
            assert rows[n]["target_name"] and "不足" in reason  # the recipient has its column
        assert view.model.index(n, move).data() == ""  # no quantity is proposed
        assert view.model.index(n, 0).data(Qt.ItemDataRole.ForegroundRole) == style.UNUSABLE
        view.table.selectRow(n)
        assert not view.create.isEnabled()
    assert kinds == {rotation.NO_USER, rotation.TOO_SLOW}
    view.table.selectRow(0)
    assert view.create.isEnabled()
    view.show_unfilled.setChecked(False)
    assert view.model.rowCount() == proposals


def test_with_nothing_near_expiry_the_rotation_tab_says_so(qtbot, fresh_db, db_path, qapp):
    from desktop.ui.shell.worker import DbWorker

    worker = DbWorker(db_path)
    try:
        view = reserves(qtbot, worker, "rotation")
        qtbot.waitUntil(view.hint.is_shown, timeout=TIMEOUT)
        assert view.hint.text() == "180 天内没有到期的储备批次。"
        assert view.table.horizontalHeader().isHidden()
        assert view.show_unfilled.isHidden()
        assert view.hint.geometry().width() > view.table.viewport().width() / 2
    finally:
        worker.close()


def test_an_empty_table_shows_its_hint_once_filled_and_rows_bring_the_columns_back(qtbot):
    model = RowsModel([Column("name", "Name"), Column("qty", "Quantity", "number")])
    table = style.table(QTableView())
    table.setModel(model)
    hint = empty_hint(table, "Nothing here yet.")
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    assert not hint.is_shown()  # not filled yet: still loading, say nothing
    model.set_rows([])
    assert hint.is_shown() and hint.isVisible() and hint.text() == "Nothing here yet."
    assert table.horizontalHeader().isHidden()
    model.set_rows([{"name": "口罩", "qty": 1_234_567}])
    assert not hint.is_shown() and table.horizontalHeader().isVisible()
    model.set_rows([])
    hint.set_text("No match.")
    assert hint.is_shown() and hint.text() == "No match."
    table.resize(900, 400)
    assert hint.geometry().width() > 800


@pytest.mark.parametrize(
    ("tab", "hint"),
    [("transit", "没有在途的调拨")],
)
def test_the_reserves_lists_hint_when_empty(qtbot, worker, demo_db, tab, hint):
    view = reserves(qtbot, worker, tab)
    qtbot.waitUntil(lambda: view.hint.filled, timeout=TIMEOUT)
    if view.model.rowCount():
        pytest.skip("the demo data has rows here")
    assert view.hint.is_shown() and hint in view.hint.text()


@pytest.fixture
def fresh_worker(fresh_db, db_path, qapp):
    """A worker on a station with reference data only: no stock, orders or experts."""
    from desktop.ui.shell.worker import DbWorker

    worker = DbWorker(db_path)
    yield worker
    worker.close()


def test_a_station_without_orders_says_so_in_the_orders_list(qtbot, fresh_worker):
    from tests.helpers.orders_ui import open_page

    page = open_page(qtbot, fresh_worker)
    hint = page.browser.hint
    qtbot.waitUntil(hint.is_shown, timeout=TIMEOUT)
    assert "没有可列出的调拨单" in hint.text()
    assert page.browser.table.horizontalHeader().isHidden()


def test_every_alert_tab_without_alerts_says_what_it_would_list(qtbot, fresh_worker):
    view = reserves(qtbot, fresh_worker, "alerts")
    qtbot.waitUntil(lambda: all(h.filled for h in view.hints.values()), timeout=TIMEOUT)
    said = {kind: hint.text() for kind, hint in view.hints.items() if hint.is_shown()}
    assert said == {
        "below_norm": "没有低于定额的物资。",
        "out_of_stock": "没有缺货的定额物资。",
        "near_expiry": "预警期内没有临期批次。",
        "expired": "没有过期批次。",
        "negative": "没有负库存：没有批次被两个站点重复出库。",
    }


def test_the_demo_alerts_show_rows_where_there_are_some(qtbot, worker):
    view = reserves(qtbot, worker, "alerts")
    qtbot.waitUntil(lambda: all(h.filled for h in view.hints.values()), timeout=TIMEOUT)
    for kind, hint in view.hints.items():
        assert hint.is_shown() == (view.models[kind].rowCount() == 0), kind
        assert view.tables[kind].horizontalHeader().isHidden() == hint.is_shown()


def test_no_certificate_expiring_is_said_in_the_certificate_alerts(qtbot, fresh_worker):
    from desktop.ui.roster.expert_alerts import QualificationAlertsView

    view = QualificationAlertsView(fresh_worker, {})
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    assert view.hint.is_shown() and view.hint.text() == "90 天内没有到期的专家证书。"
