"""A table model over a short list of dicts (alerts, proposals, transfers, depots).

Long lists have their own lazy models (balances_model, ledger_model); these hold
what one query returns in full: hundreds or a few thousand rows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop.core.vocab import label

NO_PARENT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    """key: the row's field; kind: text | number | signed | percent | vocab | map."""

    key: str
    header: str
    kind: str = "text"
    mapping: dict | None = None  # kind "map": stored value → caption


def display(value, column: Column) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "number":
        return f"{value:,}"
    if column.kind == "signed":
        return f"{value:+,}"
    if column.kind == "percent":
        return f"{value:.1f} %"
    if column.kind == "vocab":
        return label(value)
    if column.kind == "map":
        return (column.mapping or {}).get(value, str(value))
    return str(value)


class RowsModel(QAbstractTableModel):
    """Rows (dicts) shown in the given columns; UserRole gives the whole row."""

    def __init__(
        self,
        columns: list[Column],
        foreground: Callable[[dict], object] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self._foreground = foreground

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> dict | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row.get(column.key), column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (
            "number",
            "signed",
            "percent",
        ):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.columns):
            return self.columns[section].header
        return None
