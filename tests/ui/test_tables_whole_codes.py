"""Codes, batches, dates and quantities are never cut in the order dialogs (issue 16,
point 2): 接收 with a five-digit quantity, 新建调拨单's planned lots with long batch numbers
and depot codes, 生成调拨单's order numbers, and a column fitted to a text 77.5 px wide
(the fitting rounds up and adds the margins the delegate draws around the text)."""

import math
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from desktop.core import orders
from desktop.ui.incidents.drafts_dialog import DraftsDialog
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from tests.helpers.orders_ui import CTX, TIMEOUT, open_page, reload, select

SHOTS = None  # a folder to save the dialogs' pictures in, when looking at them by hand


def text_room(table: QTableView, col: int) -> float:
    """The width a column leaves for its text: its width less the margins a styled item
    delegate draws either side and the grid line."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    grid = 1 if table.showGrid() else 0
    return table.horizontalHeader().sectionSize(col) - 2 * (margin + 1) - grid


def assert_whole(table: QTableView, columns) -> None:
    """Every cell of these columns fits its column (font metrics, fractional widths)."""
    model = table.model()
    metrics = QFontMetricsF(table.font())
    bold = table.font()
    bold.setBold(True)
    bold_metrics = QFontMetricsF(bold)
    for col in columns:
        room = text_room(table, col)
        for row in range(model.rowCount()):
            index = model.index(row, col)
            text = str(index.data() or "")
            font = index.data(Qt.ItemDataRole.FontRole)
            used = bold_metrics if font is not None and font.bold() else metrics
            header = model.headerData(col, Qt.Orientation.Horizontal)
            assert room >= used.horizontalAdvance(text), (header, text, room)
            assert table.sizeHintForIndex(index).width() <= table.columnWidth(col), (header, text)


def keys(model, *wanted) -> list[int]:
    return [c for c in range(model.columnCount()) if model.columns[c].key in wanted]


@pytest.mark.usefixtures("chinese")
def test_receiving_shows_five_digit_quantities_codes_batches_and_dates_whole(
    qtbot, worker, demo_db
):
    made = orders.create(
        demo_db, CTX, "HY-CK03", "HY-YY02", [("PPE-0001", 30_000), ("PPE-0003", 100)]
    )
    number = made["number"]
    orders.submit(demo_db, CTX, number)
    orders.approve(demo_db, CTX, number, "王主任")
    orders.dispatch(demo_db, CTX, number)
    page = open_page(qtbot, worker)
    reload(qtbot, page)
    select(qtbot, page, number)
    dialog = page.receive()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, model = dialog.table, dialog.model
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(7)]
    assert any(len(str(text)) >= len("24,440") and "," in str(text) for text in shown)
    stretched = [
        c
        for c in range(model.columnCount())
        if table.horizontalHeader().sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
    ]
    assert_whole(table, [c for c in range(model.columnCount()) if c not in stretched])


def test_the_planned_lots_show_long_batches_and_depot_codes_whole(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        page.new_order(None)
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    lines = [
        {
            "item": "MED-DEV-0001-EXTENDED",
            "depot": "430423-CK01-EAST",
            "lot": f"LOT-2026-{n:010d}-A",
            "expiry": "2027-01-31",
            "qty": 12_345 * (n + 1),
        }
        for n in range(3)
    ]
    dialog.show_plan({"number": "TB-20261207-001", "status": "draft", "lines": lines})
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.plan_view.findChild(QTableView)
    model = table.model()
    assert_whole(table, keys(model, "item", "depot", "lot", "expiry", "qty"))


def test_drafted_orders_show_their_numbers_and_depot_codes_whole(qtbot):
    drafted = SimpleNamespace(
        orders=[
            {
                "number": f"TB-DEMO-20261207-{n:04d}",
                "from_depot": "430423-CK01",
                "from_depot_name": "衡山县疾病预防控制中心应急物资储备库（东区二号仓）",
                "lines": [{"item_name": "医用防护口罩", "qty": 24_440, "unit": "只"}] * 4,
            }
            for n in range(1, 4)
        ],
        short=[],
    )
    dialog = DraftsDialog(drafted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, model = dialog.table, dialog.model
    assert_whole(table, keys(model, "number", "count"))
    # The depot's code leads its cell: a long name may be cut, never the code.
    depot = keys(model, "depot")[0]
    code_width = QFontMetricsF(table.font()).horizontalAdvance("430423-CK01")
    assert model.index(0, depot).data().startswith("430423-CK01")
    assert text_room(table, depot) >= code_width


def test_a_text_of_fractional_width_is_not_cut_by_a_pixel(qtbot):
    """DRUG-0012 measured 77.5 px in a 77 px column: widths are rounded up."""
    model = RowsModel(
        [Column("code", "编码"), Column("name", "名称"), Column("qty", "数量", "number")]
    )
    table = style.table(QTableView())
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(600, 200)
    table.show()
    codes = ["DRUG-0012", "TB-DEMO-20261207-0003", "2024011867", "MED-DEV-0001"]
    model.set_rows([{"code": c, "name": "阿莫西林胶囊", "qty": 1_234_567} for c in codes])
    style.fit_columns(table, stretch=1)
    assert_whole(table, [0, 2])
    metrics = QFontMetricsF(table.font())
    widest = max(metrics.horizontalAdvance(c) for c in codes)
    assert text_room(table, 0) >= math.ceil(widest)
