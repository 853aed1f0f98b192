"""Small pieces the drills area builds its screens from: a splitter of panes with their
shares of the room, and a field that is only given when ticked (设定)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSplitter, QWidget


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
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(tick)
    layout.addWidget(field, 1)
    return row, tick
