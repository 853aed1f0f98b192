"""Tables as a clerk uses them every hour: a quantity or a unit is never cut (seven digits
show whole in 库存, on whichever page they arrive), columns fit what they show as rows
arrive, a width set by hand is kept when the table is made again, every quantity is written
with separators (a cell and its editor alike), and 台账 lists movements in the order they
happened, not the order this station recorded them."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QSpinBox, QTableView

from desktop.core.reserves import catalog, ledger, norms, stock
from desktop.core.store.writepath import write
from desktop.ui.reserves.page import ReservesPage
from desktop.ui.shell import settings as opts
from desktop.ui.shell import translations
from desktop.ui.widgets import quantities, style
from desktop.ui.widgets.rows_model import Column, RowsModel
from tests.helpers.stations import CLERK, days
from tests.helpers.ui import wait_idle

TIMEOUT = 5000
BARE = re.compile(r"(?<![\d,.])\d{4,}")  # four digits or more without a separator


@pytest.fixture
def kept_widths(tmp_path):
    """Settings written to a folder of the test's own (QSettings keeps its folder per
    process), so that widths kept here are not met by other tests."""
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    before = Path(QSettings(opts.ORGANIZATION, opts.APPLICATION).fileName()).parent.parent
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(before))


def open_page(qtbot, worker, tab: str = "balances"):
    page = ReservesPage(worker)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show()
    if tab != "balances":
        with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
            page.show_tab(tab)
    view = page.tab(tab)
    model = getattr(view, "model", None)
    if model is not None and hasattr(model, "complete"):
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=TIMEOUT)
    wait_idle(qtbot, worker)
    return page, view


def load_every_page(qtbot, worker, view) -> None:
    while not view.model.complete:
        with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
            view.table.scrollToBottom()
    wait_idle(qtbot, worker)


def column(model, key: str) -> int:
    return next(c for c in range(model.columnCount()) if model.key(c) == key)


def shows_whole(table, row: int, col: int) -> bool:
    """The cell is as wide as its text needs (no …)."""
    index = table.model().index(row, col)
    return table.sizeHintForIndex(index).width() <= table.horizontalHeader().sectionSize(col)


def test_a_seven_digit_quantity_shows_whole_on_whichever_page_it_arrives(
    qtbot, worker, demo_db, kept_widths
):
    last_depot = demo_db.execute("SELECT max(code) FROM depot WHERE deleted = 0").fetchone()[0]
    stock.receive(demo_db, CLERK, last_depot, "PPE-0001", "BIG-1", 1_234_567, days(900))
    page, view = open_page(qtbot, worker)
    model, table = view.model, view.table
    qty, unit = column(model, "qty"), column(model, "unit")
    first_page = table.horizontalHeader().sectionSize(qty)
    load_every_page(qtbot, worker, view)
    assert model.pages_requested > 1  # the big one came with a later page
    found = next(
        r
        for r in range(model.rowCount())
        if (model.row_dict(r)["depot"], model.row_dict(r)["item"]) == (last_depot, "PPE-0001")
    )
    assert len(model.index(found, qty).data()) == len("1,234,567")
    assert shows_whole(table, found, qty)
    assert table.horizontalHeader().sectionSize(qty) > first_page  # widened as rows arrived
    for row in range(model.rowCount()):  # 382,028 and every other quantity, every unit
        assert shows_whole(table, row, qty) and shows_whole(table, row, unit), row


def drag_edge(qtbot, header, col: int, by: int) -> None:
    """Drag the right edge of a column's header by `by` pixels, as with the mouse."""
    viewport = header.viewport()
    edge = header.sectionViewportPosition(col) + header.sectionSize(col) - 1
    start, end = QPoint(edge, header.height() // 2), QPoint(edge + by, header.height() // 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        QPointF(viewport.mapToGlobal(end)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_a_width_set_by_hand_is_kept_when_the_table_is_made_again(qtbot, worker, kept_widths):
    page, view = open_page(qtbot, worker)
    header = view.table.horizontalHeader()
    item = column(view.model, "item_name")
    fitted = header.sectionSize(item)
    drag_edge(qtbot, header, item, 90)
    assert header.sectionSize(item) == fitted + 90
    with qtbot.waitSignal(view.model.page_loaded, timeout=TIMEOUT):
        view.refresh()  # a reload measures afresh, but keeps the width set by hand
    assert header.sectionSize(item) == fitted + 90
    page.close()

    again, view = open_page(qtbot, worker)  # e.g. the next day
    header = view.table.horizontalHeader()
    assert header.sectionSize(item) == fitted + 90
    assert header.sectionSize(column(view.model, "qty")) < fitted  # the others still fit
    # A double-click on the edge forgets it: the column fits its contents again, for good.
    edge = header.sectionViewportPosition(item) + header.sectionSize(item) - 1
    qtbot.mouseDClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, header.height() // 2)
    )
    assert header.sectionSize(item) == fitted
    again.close()
    _third, view = open_page(qtbot, worker)
    assert view.table.horizontalHeader().sectionSize(item) == fitted


@pytest.mark.parametrize("tab", ["balances", "ledger", "alerts", "rotation", "norms"])
def test_every_number_is_written_with_separators_and_shown_whole(
    qtbot, worker, demo_db, kept_widths, tab
):
    depot, item = "HY-CK01", "PPE-0001"
    norms.set_norm(demo_db, CLERK, depot, item, 34_496)  # a figure with thousands
    _page, view = open_page(qtbot, worker, tab)
    checked = 0
    for table in view.findChildren(QTableView):
        model = table.model()
        for row in range(min(model.rowCount(), 200)):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
                if alignment is None or not int(alignment) & int(Qt.AlignmentFlag.AlignRight):
                    continue  # numbers are right-aligned; codes and batches are not
                text = str(index.data() or "")
                header = model.headerData(col, Qt.Orientation.Horizontal)
                assert not BARE.search(text), (tab, header, text)
                assert shows_whole(table, row, col), (tab, header, text)  # 86.… no more
                checked += 1
    assert checked


def test_a_norm_is_edited_as_it_is_shown(qtbot, worker, demo_db, kept_widths):
    norms.set_norm(demo_db, CLERK, "HY-CK01", "PPE-0001", 34_496)
    _page, view = open_page(qtbot, worker, "norms")
    view.depot.setCurrentIndex(view.depot.findData(catalog.depot_by_code(demo_db, "HY-CK01")["id"]))
    qtbot.waitUntil(lambda: any(r["code"] == "PPE-0001" for r in view.model.rows), timeout=TIMEOUT)
    row = next(n for n, r in enumerate(view.model.rows) if r["code"] == "PPE-0001")
    index = view.model.index(row, view.model.NORM)
    assert index.data() == "34,496"
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    qtbot.waitUntil(lambda: view.table.findChild(QSpinBox) is not None, timeout=TIMEOUT)
    editor = view.table.findChild(QSpinBox)
    assert editor.text() == "34,496"  # not 34496 beside the cell's 34,496


def test_the_ledger_lists_movements_in_the_order_they_happened(qtbot, worker, demo_db, kept_widths):
    """Three movements recorded one after the other, as a merge brings them: the first
    happened last. Times with another offset (UTC) are placed by the moment they mean."""
    lot = next(r for r in ledger.balances(demo_db, by_lot=True) if r["qty"] > 10)
    depot = catalog.depot_by_code(demo_db, lot["depot"])["id"]
    item = catalog.item_by_code(demo_db, lot["item"])["id"]
    lot_id = catalog.lot_by_batch(demo_db, item, lot["lot"])["id"]
    soon = datetime.now().astimezone().replace(microsecond=0) + timedelta(days=30)
    happened = [
        ("ORDER-3", soon + timedelta(hours=3)),  # recorded first, happened last
        ("ORDER-1", soon + timedelta(hours=1)),
        ("ORDER-2", (soon + timedelta(hours=2)).astimezone(UTC)),  # another offset
    ]
    for note, when in happened:
        with write(demo_db, CLERK) as w:
            w.insert(
                "stock_move",
                stock.move_row(
                    "count",
                    depot,
                    item,
                    lot_id,
                    1,
                    "盘点",
                    note,
                    occurred_at=when.isoformat(timespec="seconds"),
                ),  # fmt: skip
            )
    _page, view = open_page(qtbot, worker, "ledger")
    model = view.model
    top = [model.index(r, 10).data() for r in range(3)]  # 单据号
    assert top == ["ORDER-3", "ORDER-2", "ORDER-1"]
    times = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert times == sorted(times, reverse=True)  # the whole first page, newest first
    seqs = [model.rows[r][0] for r in range(3)]
    assert seqs != sorted(seqs, reverse=True)  # not the order they were recorded in
    assert model.index(0, 1).data() == (soon + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")


def test_a_quantity_typed_is_grouped_as_the_tables_group_it_whatever_the_system(qtbot, qapp):
    system = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))  # 34.496
        translations.install(qapp, "zh_CN")  # the application's language decides
        spin = quantities.spin_box()
        qtbot.addWidget(spin)
        spin.setValue(34_496)
        assert spin.text() == "34,496" == quantities.shown(34_496)
    finally:
        QLocale.setDefault(system)
        translations.install(qapp, "zh_CN")


def test_the_last_column_fits_its_numbers_once_another_column_takes_the_room(qtbot):
    """达标率 beside 按仓库: the list is filled, then the name column stretched."""
    model = RowsModel(
        [
            Column("name", "仓库"),
            Column("lines", "定额项数", "number"),
            Column("percent", "达标率", "percent"),
        ]
    )
    table = style.table(QTableView())
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(420, 200)
    table.show()
    model.set_rows([{"name": "衡阳市疾病预防控制中心应急物资库", "lines": 1234, "percent": 88.25}])
    style.fit_columns(table, stretch=0)
    assert shows_whole(table, 0, 1) and shows_whole(table, 0, 2)
