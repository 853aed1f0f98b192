"""Small pieces the drills area builds its screens from: a splitter of panes with their
shares of the room, a field that is only given when ticked (设定), and the console's
tables, whose columns are measured on their first rows only (a running drill refills them
twice a second; measuring 200 rows costs more than a frame)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QSizePolicy,
    QSplitter,
    QTableView,
    QWidget,
)

from desktop.ui.incidents.tables import list_table

MEASURED_ROWS = 40


def splitter(orientation: Qt.Orientation, *panes: tuple[QWidget, int]) -> QSplitter:
    """Panes (widget, stretch) side by side or one above the other; none collapses."""
    split = QSplitter(orientation)
    for number, (pane, stretch) in enumerate(panes):
        split.addWidget(pane)
        split.setStretchFactor(number, stretch)
    split.setChildrenCollapsible(False)
    return split


def optional(caption: str, field: QWidget) -> tuple[QWidget, QCheckBox]:
    """A field after a check box that enables it: (the row, the check box)."""
    tick = QCheckBox(caption)
    field.setEnabled(False)
    tick.toggled.connect(field.setEnabled)
    row = QWidget()
    row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # not taller
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(tick)
    layout.addWidget(field, 1)
    return row, tick


def live_table(model, stretch: int) -> QTableView:
    """A list table (incidents/tables.py) sized from its first MEASURED_ROWS rows."""
    table = list_table(model, stretch)
    table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
    return table
