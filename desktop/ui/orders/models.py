"""Table models of the 调拨单 area: the list of orders, the lines being entered in the
create dialog, and the picks of an order (read-only in the detail pane, the received
quantity editable in the receive dialog)."""

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from desktop.core.vocab import order_status
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import RIGHT, Column, RowsModel
from desktop.ui.widgets.times import when

NO_PARENT = QModelIndex()
MAX_QTY = 2_000_000_000
STATUS_CODES = ("draft", "submitted", "approved", "dispatched", "received", "cancelled")
PRIORITY_CODES = ("特急", "紧急", "一般")


def priority_label(value: str) -> str:
    captions = {
        "特急": QCoreApplication.translate("OrderModels", "Critical"),
        "紧急": QCoreApplication.translate("OrderModels", "Urgent"),
        "一般": QCoreApplication.translate("OrderModels", "Normal"),
    }
    return captions.get(value, value or "")


def short_when(iso: str | None) -> str:
    """MM-DD HH:MM in local time, for the list."""
    text = when(iso)
    return text[5:] if len(text) == 16 else text


def is_overdue(due: str | None, at: datetime | None = None) -> bool:
    if not due:
        return False
    return datetime.fromisoformat(due) < (at or datetime.now().astimezone())


def paperwork_caption(row: dict) -> str:
    """The oral-order marker: 口头 · 补办期限 … (or 已补办), '' for a written order."""
    if not row.get("oral"):
        return ""
    if row.get("paperwork_done_at"):
        return QCoreApplication.translate("OrderModels", "Oral · paperwork done")
    if row.get("due"):
        text = QCoreApplication.translate("OrderModels", "Oral · paperwork due {time}").format(
            time=short_when(row["due"])
        )
        return text + (
            " " + QCoreApplication.translate("OrderModels", "(overdue)")
            if row.get("overdue")
            else ""
        )
    return QCoreApplication.translate("OrderModels", "Oral")


class OrdersModel(RowsModel):
    """The orders of orders.listing, newest first; the oral-order deadline in red once
    overdue, 特急 in red, cancelled orders in grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("number", QCoreApplication.translate("OrderModels", "Number")),
                Column(
                    "status",
                    QCoreApplication.translate("OrderModels", "Status"),
                    "map",
                    {c: order_status(c) for c in STATUS_CODES},
                ),
                Column(
                    "priority",
                    QCoreApplication.translate("OrderModels", "Priority"),
                    "map",
                    {p: priority_label(p) for p in PRIORITY_CODES},
                ),
                Column("source", QCoreApplication.translate("OrderModels", "Issuing depot")),
                Column("destination", QCoreApplication.translate("OrderModels", "Receiving unit")),
                Column("incident", QCoreApplication.translate("OrderModels", "Incident")),
                Column("created", QCoreApplication.translate("OrderModels", "Filled in")),
                Column("needed_by", QCoreApplication.translate("OrderModels", "Needed by")),
                Column("lines", QCoreApplication.translate("OrderModels", "Lines"), "number"),
                Column("paperwork", QCoreApplication.translate("OrderModels", "Oral order")),
            ],
            parent=parent,
        )

    def set_orders(self, rows: list[dict]) -> None:
        for row in rows:
            row["created"] = when(row.get("created_at"))
            row["source"] = row.get("source") or QCoreApplication.translate(
                "OrderModels", "Any depot (FEFO)"
            )
            row["paperwork"] = paperwork_caption(row)
        self.set_rows(rows)

    def number_at(self, row: int) -> str | None:
        found = self.row(row)
        return found["number"] if found else None

    def find(self, number: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row["number"] == number), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.rows[index.row()]
            key = self.columns[index.column()].key
            if key == "paperwork" and row.get("overdue"):
                return style.EXPIRED
            if key == "priority" and row.get("priority") == "特急":
                return style.EXPIRED
            if row.get("status") == "cancelled":
                return style.UNUSABLE
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row = self.rows[index.row()]
            if self.columns[index.column()].key == "paperwork" and row.get("overdue"):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class LinesModel(QAbstractTableModel):
    """The lines of a new order: an item (a row of the item table) and a quantity, the
    quantity editable in place; `available` is the usable stock across all depots.

    Signals:
        lines_changed(): a line was added, removed or its quantity changed.
    """

    lines_changed = Signal()
    QTY = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [
            QCoreApplication.translate("OrderModels", "Item code"),
            QCoreApplication.translate("OrderModels", "Item"),
            QCoreApplication.translate("OrderModels", "Specification"),
            QCoreApplication.translate("OrderModels", "Unit"),
            QCoreApplication.translate("OrderModels", "Quantity"),
            QCoreApplication.translate("OrderModels", "Usable stock, all depots"),
        ]
        self.entries: list[dict] = []  # {"item": dict, "qty": int, "available": int | None}

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.QTY else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.entries)):
            return None
        entry, column = self.entries[index.row()], index.column()
        item = entry["item"]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (item["code"], item["name"], item.get("spec") or "", item.get("unit") or "")
            if column < 4:
                return values[column]
            if column == self.QTY:
                return f"{entry['qty']:,}"
            available = entry.get("available")
            return "…" if available is None else f"{available:,}"
        if role == Qt.ItemDataRole.EditRole and column == self.QTY:
            return entry["qty"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.QTY:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            available = entry.get("available")
            if available is not None and available < entry["qty"]:
                return style.EXPIRED
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            available = entry.get("available")
            if available is not None and available < entry["qty"]:
                return QCoreApplication.translate(
                    "OrderModels", "Not enough usable stock: the order will show a shortfall."
                )
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or index.column() != self.QTY or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            qty = int(value)
        except (TypeError, ValueError):
            return False
        if not 1 <= qty <= MAX_QTY:
            return False
        self.entries[index.row()]["qty"] = qty
        self.dataChanged.emit(index, self.index(index.row(), 5))
        self.lines_changed.emit()
        return True

    def add(self, item: dict, qty: int) -> int:
        """Add a line (an item already listed gets the quantity added); returns its row."""
        for n, entry in enumerate(self.entries):
            if entry["item"]["id"] == item["id"]:
                entry["qty"] = min(entry["qty"] + qty, MAX_QTY)
                self.dataChanged.emit(self.index(n, 0), self.index(n, 5))
                self.lines_changed.emit()
                return n
        row = len(self.entries)
        self.beginInsertRows(NO_PARENT, row, row)
        self.entries.append({"item": item, "qty": qty, "available": None})
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def remove(self, rows) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.entries):
                self.beginRemoveRows(NO_PARENT, row, row)
                del self.entries[row]
                self.endRemoveRows()
        self.lines_changed.emit()

    def set_available(self, item_id: str, qty: int) -> None:
        for n, entry in enumerate(self.entries):
            if entry["item"]["id"] == item_id:
                entry["available"] = qty
                self.dataChanged.emit(self.index(n, 5), self.index(n, 5))

    def lines(self) -> list[tuple[str, int]]:
        return [(entry["item"]["code"], entry["qty"]) for entry in self.entries]


class PicksModel(RowsModel):
    """The lots picked for an order. With `editable`, the 实收 column takes the quantity
    that arrived (prefilled with what was dispatched) and rows that differ turn amber.

    Signals:
        received_changed(): a received quantity was edited.
    """

    received_changed = Signal()

    def __init__(self, editable: bool = False, parent=None):
        columns = [
            Column("line_no", QCoreApplication.translate("OrderModels", "Line"), "number"),
            Column("item", QCoreApplication.translate("OrderModels", "Item code")),
            Column("item_name", QCoreApplication.translate("OrderModels", "Item")),
            Column("depot", QCoreApplication.translate("OrderModels", "Depot")),
            Column("lot", QCoreApplication.translate("OrderModels", "Batch number")),
            Column("expiry", QCoreApplication.translate("OrderModels", "Expiry date")),
            Column("qty", QCoreApplication.translate("OrderModels", "Quantity"), "number"),
            Column(
                "qty_dispatched", QCoreApplication.translate("OrderModels", "Dispatched"), "number"
            ),
            Column("qty_received", QCoreApplication.translate("OrderModels", "Received"), "number"),
            Column(
                "diff_reason", QCoreApplication.translate("OrderModels", "Reason for difference")
            ),
        ]
        if editable:
            columns = [c for c in columns if c.key not in ("qty", "diff_reason", "line_no")]
        super().__init__(columns, parent=parent)
        self.editable = editable
        self.received_column = next(
            n for n, c in enumerate(self.columns) if c.key == "qty_received"
        )

    def set_picks(self, picks: list[dict]) -> None:
        rows = [dict(p) for p in picks]
        if self.editable:
            for row in rows:
                row["qty_dispatched"] = row.get("qty_dispatched") or 0
                row["qty_received"] = row["qty_dispatched"]
        self.set_rows(rows)

    def flags(self, index):
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() == self.received_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.received_column:
            return row.get("qty_received") or 0
        if role == Qt.ItemDataRole.ForegroundRole and self._differs(row):
            return style.NEAR_EXPIRY
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not (self.editable and index.isValid() and index.column() == self.received_column):
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        try:
            qty = int(value)
        except (TypeError, ValueError):
            return False
        row = self.rows[index.row()]
        if not 0 <= qty <= (row.get("qty_dispatched") or 0):
            return False
        row["qty_received"] = qty
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        )
        self.received_changed.emit()
        return True

    @staticmethod
    def _differs(row: dict) -> bool:
        received = row.get("qty_received")
        return received is not None and received != (row.get("qty_dispatched") or 0)

    def received(self) -> dict[str, int]:
        return {row["id"]: row["qty_received"] for row in self.rows}

    def differs(self) -> bool:
        return any(self._differs(row) for row in self.rows)
