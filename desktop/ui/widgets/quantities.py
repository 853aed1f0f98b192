"""Quantities as every table and field shows them: whole base units with separators
(34,496; +1,500 for a movement), edited in a spin box that shows them the same way — a
default item editor showed 34496 beside the 34,496 of the cell it edits."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate

MAX_SPIN = 2_000_000_000  # a spin box holds 32-bit integers; far beyond any real stock


def shown(quantity: int | None, signed: bool = False) -> str:
    """34,496 (or +34,496 for a movement); '' for none."""
    if quantity is None:
        return ""
    return f"{quantity:+,}" if signed else f"{quantity:,}"


def spin_box(minimum: int = 0, maximum: int = MAX_SPIN, parent=None) -> QSpinBox:
    """A quantity typed or stepped, with separators, right-aligned like the tables."""
    spin = QSpinBox(parent)
    spin.setRange(minimum, maximum)
    spin.setGroupSeparatorShown(True)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return spin


class QuantityDelegate(QStyledItemDelegate):
    """Edits a quantity cell in place with spin_box()."""

    def __init__(self, minimum: int = 0, parent=None):
        super().__init__(parent)
        self.minimum = minimum

    def createEditor(self, parent, option, index):  # noqa: N802
        return spin_box(self.minimum, parent=parent)
