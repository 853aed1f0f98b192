"""Table model of the per-depot stock summary shown on 总览."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop.core.vocab import label

NO_PARENT = QModelIndex()


def _columns():
    return (
        ("code", QCoreApplication.translate("DepotSummaryModel", "Code")),
        ("name", QCoreApplication.translate("DepotSummaryModel", "Depot")),
        ("level", QCoreApplication.translate("DepotSummaryModel", "Level")),
        ("items", QCoreApplication.translate("DepotSummaryModel", "Items")),
        ("units", QCoreApplication.translate("DepotSummaryModel", "Units in stock")),
        ("near", QCoreApplication.translate("DepotSummaryModel", "Lots near expiry")),
        ("expired", QCoreApplication.translate("DepotSummaryModel", "Expired lots")),
    )


class DepotSummaryModel(QAbstractTableModel):
    """One row per depot; the data is a few hundred rows at most (one per depot)."""

    NUMERIC = {"items", "units", "near", "expired"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._columns = _columns()

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        key = self._columns[index.column()][0]
        value = self._rows[index.row()][key]
        if role == Qt.ItemDataRole.DisplayRole:
            if key in self.NUMERIC:
                return f"{value:,}"
            if key == "level":
                return label(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()]["id"]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._columns):
            return self._columns[section][1]
        return None
