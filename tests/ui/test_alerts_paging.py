"""预警: the below-norm, out-of-stock, near-expiry and expired lists arrive a page at a time
as the table scrolls, in alerts.compute()'s order; their tab captions give the totals from the
start."""

import pytest

from desktop.core.reserves import alerts
from desktop.core.store import db as dbmod
from desktop.ui.reserves.alerts_view import KINDS, AlertsModel, AlertsView
from tests.helpers.ui import wait_idle

TIMEOUT = 10000
PAGE = 3


def strip(rows):
    keys = ("lot_id", "depot_id", "item_id")  # the pages' keysets
    return [{k: v for k, v in row.items() if k not in keys} for row in rows]


@pytest.fixture
def expected(demo_path):
    db = dbmod.open_db(demo_path)
    found = alerts.compute(db)
    db.close()
    return found


@pytest.fixture
def view(qtbot, chinese, worker, monkeypatch):
    monkeypatch.setattr(AlertsView, "page_size", PAGE)
    view = AlertsView(worker)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    return view


def load_all(qtbot, model: AlertsModel) -> None:
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=TIMEOUT)


def test_the_lists_load_a_page_at_a_time(qtbot, view, expected):
    assert view.counts == alerts.counts(expected)
    for kind in alerts.PAGED_KINDS:
        model, rows = view.models[kind], expected[kind]
        assert len(rows) > PAGE, kind  # the demo data has more than one page of each
        assert isinstance(model, AlertsModel)
        # the table asks for more pages only to fill what it shows
        qtbot.waitUntil(lambda model=model: not model.loading, timeout=TIMEOUT)
        assert PAGE <= len(model.rows) <= len(rows)
        if kind in alerts.EXPIRY_KINDS:  # hundreds of rows: more than fill the table
            assert len(model.rows) < len(rows)
        assert strip(model.rows) == rows[: len(model.rows)]
        caption = view.tabs.tabText(KINDS.index(kind))
        assert f"({len(rows):,})" in caption
        load_all(qtbot, model)
        assert strip(model.rows) == rows
        assert model.complete
        assert model.row(0) is model.rows[0] and model.row(len(rows)) is None
    assert view.models["negative"].rows == expected["negative"]  # few: listed whole


def test_the_tables_show_the_rows_as_before(qtbot, view, expected):
    from PySide6.QtCore import Qt

    from desktop.ui.widgets import style

    model = view.models["expired"]
    first = expected["expired"][0]
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert len(headers) == 10 and all(headers)
    texts = [model.data(model.index(0, n)) for n in range(model.columnCount())]
    assert first["lot"] in texts and first["expiry"] in texts
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.rows[0]
    near = view.models["near_expiry"]
    assert near.data(near.index(0, 0), Qt.ItemDataRole.ForegroundRole) == style.NEAR_EXPIRY
    assert near.columnCount() == 11


def test_scrolling_the_table_fetches_the_next_page(qtbot, view, expected):
    view.resize(900, 300)
    view.show()
    view.tabs.setCurrentIndex(KINDS.index("expired"))
    table, model = view.tables["expired"], view.models["expired"]
    before = model.pages_requested
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_requested > before, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not model.loading, timeout=TIMEOUT)
    assert len(model.rows) > PAGE
    assert strip(model.rows) == expected["expired"][: len(model.rows)]


def test_new_thresholds_start_the_lists_again(qtbot, view, demo_path):
    model = view.models["near_expiry"]
    load_all(qtbot, model)
    view.thresholds.setText("15, 60")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.save_thresholds()
    db = dbmod.open_db(demo_path)
    found = alerts.compute(db)
    db.close()
    assert found["thresholds"] == [15, 60]
    assert strip(model.rows[:PAGE]) == found["near_expiry"][:PAGE]
    assert model.days == (15, 60)
    load_all(qtbot, model)
    assert strip(model.rows) == found["near_expiry"]
    assert view.counts == alerts.counts(found)


def test_a_page_arriving_after_a_reload_is_dropped(qtbot, view, expected):
    model = view.models["expired"]
    qtbot.waitUntil(lambda: not model.loading, timeout=TIMEOUT)
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.loading, timeout=TIMEOUT)
    model.fetchMore()  # on its way, after the rows held now …
    assert model.loading and len(model.rows) > PAGE
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()  # … when the lists start again
    wait_idle(qtbot, view.worker)  # the page asked for before the reload has arrived too
    assert strip(model.rows) == expected["expired"][: len(model.rows)]


def test_the_norm_tables_show_the_shortfalls(qtbot, view, expected):
    from PySide6.QtCore import Qt

    for kind in ("below_norm", "out_of_stock"):
        model, first = view.models[kind], expected[kind][0]
        assert model.columnCount() == 8
        texts = [model.data(model.index(0, n)) for n in range(model.columnCount())]
        assert first["item"] in texts and first["depot"] in texts
        assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
        assert strip([model.data(model.index(0, 0), Qt.ItemDataRole.UserRole)]) == [first]
