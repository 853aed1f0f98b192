"""The lazy models of 物资储备: well-behaved, one page at a time, filtered in SQL."""

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from desktop.core.reserves import ledger
from desktop.ui.reserves.balances_model import BalancesModel
from desktop.ui.reserves.ledger_model import MOMENT, LedgerModel
from desktop.ui.widgets import style
from desktop.ui.widgets.paged_model import PAGE
from desktop.ui.widgets.rows_model import Column, RowsModel

TIMEOUT = 5000


def first_page(qtbot, model, **filters):
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
        model.set_filters(**filters)
    return model


def test_the_balances_model_fetches_a_page_at_a_time(qtbot, worker, demo_db):
    model = first_page(qtbot, BalancesModel(worker))
    assert model.rowCount() == PAGE and model.pages_requested == 1
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE and model.pages_requested == 2
    expected = ledger.balances(demo_db, limit=2 * PAGE)
    assert [model.row_dict(n)["item"] for n in range(2 * PAGE)] == [r["item"] for r in expected]


def test_the_models_pass_the_model_tester_while_pages_arrive(qtbot, qtmodeltester, worker):
    # The tester fetches more after every insertion: small queries keep it quick.
    for model, filters in (
        (BalancesModel(worker), {"depot": "HY-YY01"}),
        (LedgerModel(worker), {"item": "PPE-0001"}),
    ):
        first_page(qtbot, model, **filters)
        qtmodeltester.check(model)
        qtbot.waitUntil(lambda m=model: m.complete, timeout=TIMEOUT)


def test_a_fetch_in_flight_is_not_asked_for_twice(qtbot, worker):
    model = BalancesModel(worker)
    model.set_filters()
    assert model.loading and not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.pages_requested == 1
    qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT).wait()


def test_searching_kz_shows_only_masks(qtbot, qtmodeltester, worker):
    model = first_page(qtbot, BalancesModel(worker), search="kz")
    names = {model.row_dict(n)["item_name"] for n in range(model.rowCount())}
    assert names and all("口罩" in name for name in names)
    qtmodeltester.check(model)


def test_balances_by_lot_are_coloured_and_formatted(qtbot, qtmodeltester, worker, demo_db):
    model = first_page(qtbot, BalancesModel(worker), by_lot=True)
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
            model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    keys = [model.key(c) for c in range(model.columnCount())]
    qty, expiry, status = keys.index("qty"), keys.index("expiry"), keys.index("status")
    today = date.today().isoformat()
    seen = set()
    for n in range(model.rowCount()):
        row = model.row_dict(n)
        colour = model.index(n, 0).data(Qt.ItemDataRole.ForegroundRole)
        if row["expiry"] and row["expiry"] < today:
            assert colour == style.EXPIRED
            seen.add("expired")
        elif row["status"] != "合格":
            assert colour == style.UNUSABLE
        elif colour == style.NEAR_EXPIRY:
            seen.add("near")
        assert model.index(n, qty).data() == f"{row['qty']:,}"
        assert model.index(n, status).data() == row["status"]  # Chinese UI: stored value
    assert seen == {"expired", "near"}
    alignment = model.index(0, qty).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.index(0, expiry).data(Qt.ItemDataRole.ToolTipRole)


def test_the_ledger_model_pages_by_time(qtbot, worker, demo_db):
    model = first_page(qtbot, LedgerModel(worker))
    assert model.rowCount() == PAGE and model.pages_requested == 1
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
        model.fetchMore(QModelIndex())
    keys = [(model.rows[n][MOMENT], model.rows[n][0]) for n in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 2 * PAGE
    newest = ledger.ledger_page(demo_db, limit=1)[0]
    assert model.index(0, 0).data() == f"{newest['seq']:,}"
    assert model.index(0, 7).data() == f"{newest['qty']:+,}"


def test_the_ledger_model_filters_by_depot_item_and_kind(qtbot, worker, demo_db):
    model = first_page(qtbot, LedgerModel(worker), depot="HY-CK01", kind="receive")
    assert model.rowCount() > 0
    assert {model.rows[n][3] for n in range(model.rowCount())} == {"HY-CK01"}
    assert {model.index(n, 2).data() for n in range(model.rowCount())} == {"入库"} or {
        model.rows[n][2] for n in range(model.rowCount())
    } == {"receive"}
    first_page(qtbot, model, depot=None, kind=None, item="PPE-0001")
    assert {model.rows[n][4] for n in range(model.rowCount())} == {"PPE-0001"}
    assert model.complete  # fewer than a page: nothing more to fetch


def test_a_query_changed_mid_fetch_drops_the_old_page(qtbot, worker):
    model = LedgerModel(worker)
    model.set_filters(depot="HY-CK01")
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
        model.set_filters(depot="HY-CK02")
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT):
        worker.run(lambda db: None)  # jobs run in order: the first page has come back too
    assert {model.rows[n][3] for n in range(model.rowCount())} == {"HY-CK02"}


def test_the_rows_model_is_well_behaved(qtmodeltester):
    model = RowsModel([Column("a", "A"), Column("n", "N", "number"), Column("p", "P", "percent")])
    model.set_rows([{"a": "x", "n": 1234, "p": 87.25}, {"a": "y", "n": 0, "p": None}])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "1,234"
    assert model.index(0, 2).data() == "87.2 %" or model.index(0, 2).data() == "87.3 %"
    assert model.index(1, 2).data() == ""
