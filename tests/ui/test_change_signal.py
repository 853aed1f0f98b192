"""One change signal: whatever writes — a form on another page, a bundle from another
station — every page and open dialog that shows what changed refreshes itself."""

import pytest

from desktop.core.store import info, station
from desktop.core.store.writepath import write
from desktop.sync import bundles
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.worker import DbWorker
from desktop.ui.widgets.change_watcher import ChangeWatcher
from tests.helpers.stations import ALICE, BOB, enrol_all, make_station, stock_up, sync
from tests.helpers.ui import TIMEOUT, wait_idle


def open_window(qtbot, worker, db) -> MainWindow:
    window = MainWindow(worker, info.describe(db), "zh_CN")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.first_painted, timeout=TIMEOUT):
        window.show()
    worker.start()
    wait_idle(qtbot, worker)
    return window


def show_page(window, page) -> None:
    window.nav.setCurrentRow(window.pages.indexOf(page))


@pytest.fixture
def window(qtbot, demo_db, demo_path, qapp):
    worker = DbWorker(demo_path, start=False)
    yield open_window(qtbot, worker, demo_db)
    worker.close()


def test_a_depot_saved_in_the_depots_tab_is_offered_at_once_by_an_open_new_order(qtbot, window):
    orders = window.orders
    with qtbot.waitSignal(orders.dialog_opened, timeout=TIMEOUT) as opened:
        orders.new_order()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert dialog.to_depot.findData("HY-CK99") < 0

    reserves = window.reserves
    show_page(window, reserves)
    qtbot.waitUntil(lambda: reserves.lists is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(reserves.tab_ready, timeout=TIMEOUT):
        reserves.show_tab("depots")
    editor = reserves.tab("depots")
    editor.new()
    editor.code.setText("HY-CK99")
    editor.name.setText("新建应急物资库")
    editor.division.setCurrentIndex(editor.division.findData("430422"))
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()

    qtbot.waitUntil(lambda: dialog.to_depot.findData("HY-CK99") >= 0, timeout=TIMEOUT)
    assert dialog.source.findData("HY-CK99") >= 0


def test_an_open_receipt_form_offers_a_depot_saved_meanwhile_and_keeps_its_choice(qtbot, window):
    reserves = window.reserves
    show_page(window, reserves)
    qtbot.waitUntil(lambda: reserves.lists is not None, timeout=TIMEOUT)
    receipt = reserves.open_dialog("receive")
    qtbot.addWidget(receipt)
    receipt.depot.setCurrentIndex(receipt.depot.findData("HY-CK02"))
    with qtbot.waitSignal(window.worker.data_changed, timeout=TIMEOUT):
        window.worker.run(lambda db: save_depot(db, "HY-CK98"))
    qtbot.waitUntil(lambda: receipt.depot.findData("HY-CK98") >= 0, timeout=TIMEOUT)
    assert receipt.depot.currentData() == "HY-CK02"


def save_depot(db, code: str) -> str:
    from desktop.core.reserves import catalog

    return catalog.save_depot(db, ALICE, {"code": code, "name": "另一库", "level": "县级储备库"})


def test_a_write_announces_the_tables_it_touched(qtbot, window):
    worker = window.worker
    with qtbot.waitSignal(worker.data_changed, timeout=TIMEOUT) as announced:
        worker.run(
            lambda db: write_expert(db, "赵专家"),
        )
    assert announced.args[0] == frozenset({"expert"})
    with qtbot.assertNotEmitted(worker.data_changed):
        worker.run(lambda db: db.execute("SELECT count(*) FROM expert").fetchone())
        wait_idle(qtbot, worker)


def write_expert(db, name: str) -> str:
    with write(db, ALICE) as w:
        return w.insert("expert", {"name": name})


@pytest.fixture
def stations(tmp_path):
    """Station A (the window's) and B, enrolled both ways, sharing expert 王医生."""
    a = make_station(tmp_path, "HY-A", "甲站")
    b = make_station(tmp_path, "HY-B", "乙站")
    enrol_all(tmp_path, [a, b])
    expert_id = write_expert(a, "王医生")
    sync(a, b)
    yield a, b, expert_id
    a.conn.close()
    b.conn.close()


def test_an_imported_bundle_refreshes_the_overview_the_stock_and_the_conflicts(
    qtbot, tmp_path, stations
):
    a, b, expert_id = stations
    worker = DbWorker(a.path, start=False)
    try:
        window = open_window(qtbot, worker, a)
        overview, reserves, sync_page = window.overview, window.reserves, window.sync
        qtbot.waitUntil(lambda: overview.figures.get("depots") == 0, timeout=TIMEOUT)
        show_page(window, reserves)
        qtbot.waitUntil(lambda: reserves.tab("balances") is not None, timeout=TIMEOUT)
        balances = reserves.tab("balances")
        qtbot.waitUntil(lambda: not balances.model.loading, timeout=TIMEOUT)
        assert balances.model.rowCount() == 0

        stock_up(b, "B")  # a depot, an item and 100 masks received at B
        with write(b, BOB) as w:
            w.update("expert", expert_id, {"mobile": "13922222222"})
        with write(a, ALICE) as w:
            w.update("expert", expert_id, {"mobile": "13811111111"})
        bundle = tmp_path / "from-b.zip"
        bundles.export(b, bundle, station.get(a).origin)  # A is entitled to the roster

        show_page(window, sync_page)
        qtbot.waitUntil(lambda: sync_page.state is not None, timeout=TIMEOUT)
        with qtbot.waitSignal(sync_page.imported, timeout=TIMEOUT):
            sync_page.import_file(bundle)
        # the conflicts tab is not shown, but its caption counts them at once
        tab = sync_page.tabs.indexOf(sync_page.conflicts)
        qtbot.waitUntil(lambda: "1" in sync_page.tabs.tabText(tab), timeout=TIMEOUT)
        assert len(sync_page.conflicts.conflicts) == 1

        show_page(window, reserves)  # 库存 was hidden: it refreshes when shown again
        qtbot.waitUntil(lambda: balances.model.rowCount() == 1, timeout=TIMEOUT)
        show_page(window, overview)
        qtbot.waitUntil(lambda: overview.figures.get("depots") == 2, timeout=TIMEOUT)
        assert overview.cards["lots_in_stock"].value.text() == "1"
    finally:
        worker.close()


def test_a_hidden_page_waits_until_it_is_shown(qtbot, window):
    """Pages not on screen are only marked stale: a change costs them nothing until then."""
    playbooks = window.playbooks
    watcher = playbooks.findChild(ChangeWatcher)
    assert not playbooks.isVisible()
    with qtbot.waitSignal(window.worker.data_changed, timeout=TIMEOUT):
        window.worker.run(lambda db: rename_agency(db))
    assert watcher.stale
    show_page(window, playbooks)
    qtbot.waitUntil(lambda: not watcher.stale, timeout=TIMEOUT)


def rename_agency(db) -> None:
    agency = db.execute("SELECT id FROM agency ORDER BY rowid LIMIT 1").fetchone()[0]
    with write(db, ALICE) as w:
        w.update("agency", agency, {"contact": "值班员"})
