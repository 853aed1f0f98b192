"""The detail pane of the 调拨单 page: one order (orders.detail) — header, parties,
transport, the times of its status history, an oral order's paperwork deadline, its
lines and the lots picked (dispatched, received, reason for a difference)."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocab import order_status
from desktop.ui.orders.models import PicksModel, is_overdue, priority_label
from desktop.ui.widgets import style, table_columns
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when


class OrderDetail(QWidget):
    """Shows one order; `show_order(None)` empties it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.order: dict | None = None
        self.values: dict[str, QLabel] = {}
        self.title = style.apply(QLabel(self.tr("Select an order to see its details.")), "heading")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.deadline.hide()

        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        order_box = self._box(
            self.tr("Order"),
            [
                ("priority", self.tr("Priority")),
                ("incident", self.tr("Incident")),
                ("requesting_unit", self.tr("Requesting unit")),
                ("needed_by", self.tr("Needed by")),
                ("approver", self.tr("Approver")),
                ("notes", self.tr("Notes")),
            ],
        )
        issuing_box = self._box(
            self.tr("Issuing side"),
            [
                ("from", self.tr("Issuing depot")),
                ("from_contact", self.tr("Contact")),
                ("from_phone", self.tr("Phone")),
            ],
        )
        transport_box = self._box(
            self.tr("Transport"),
            [
                ("vehicle", self.tr("Vehicle")),
                ("driver", self.tr("Driver")),
                ("driver_phone", self.tr("Driver's phone")),
            ],
        )
        receiving_box = self._box(
            self.tr("Receiving side"),
            [
                ("to", self.tr("Receiving unit")),
                ("to_address", self.tr("Address")),
                ("to_contact", self.tr("Contact")),
                ("to_phone", self.tr("Phone")),
            ],
        )
        history_box = self._box(
            self.tr("Status history"),
            [
                ("created_by", self.tr("Made by")),
                ("created_at", self.tr("Filled in at")),
                ("submitted_at", self.tr("Submitted at")),
                ("approved_at", self.tr("Approved at")),
                ("dispatched_at", self.tr("Dispatched at")),
                ("received_at", self.tr("Received at")),
                ("cancel_reason", self.tr("Reason for cancelling")),
            ],
        )
        grid.addWidget(order_box, 0, 0, 2, 1)
        grid.addWidget(issuing_box, 0, 1)
        grid.addWidget(transport_box, 1, 1)
        grid.addWidget(receiving_box, 0, 2, 2, 1)
        grid.addWidget(history_box, 0, 3, 2, 1)
        for column, stretch in enumerate((3, 3, 3, 2)):
            grid.setColumnStretch(column, stretch)

        self.lines_model = RowsModel(
            [
                Column("line_no", self.tr("Line"), "number"),
                Column("item", self.tr("Item code")),
                Column("item_name", self.tr("Item")),
                Column("spec", self.tr("Specification")),
                Column("qty_requested", self.tr("Quantity"), "number"),
                Column("unit", self.tr("Unit")),
            ],
            parent=self,
        )
        self.picks_model = PicksModel(parent=self)
        self.lines_table = style.table(QTableView())
        self.lines_table.setModel(self.lines_model)
        self.picks_table = style.table(QTableView())
        self.picks_table.setModel(self.picks_model)
        for table, stretch in ((self.lines_table, 2), (self.picks_table, 2)):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.tables = QTabWidget()
        self.tables.setDocumentMode(True)
        self.tables.addTab(self.lines_table, self.tr("Items requested"))
        self.tables.addTab(self.picks_table, self.tr("Lots picked"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.deadline)
        layout.addWidget(boxes)
        layout.addWidget(self.tables, 1)
        self.show_order(None)

    def _box(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)  # handles wrapped values (height for width) better than a form
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for row, (key, caption) in enumerate(fields):
            name = style.apply(QLabel(caption), "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(not key.endswith("_at"))
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setRowStretch(len(fields), 1)
        return box

    def show_order(self, order: dict | None, at: datetime | None = None) -> None:
        self.order = order
        if order is None:
            self.title.setText(self.tr("Select an order to see its details."))
            self.deadline.hide()
            for label in self.values.values():
                label.clear()
            self.lines_model.set_rows([])
            self.picks_model.set_picks([])
            self.setEnabled(False)
            return
        self.setEnabled(True)
        title = f"{order['number']}  ·  {order_status(order['status'])}"
        if order.get("drill"):
            title += "  ·  " + self.tr("DRILL")
        self.title.setText(title)
        self._show_deadline(order, at)
        values = dict(order)
        values["priority"] = priority_label(order.get("priority") or "")
        for key in ("created_at", "submitted_at", "approved_at", "dispatched_at", "received_at"):
            values[key] = when(order.get(key))
        source = order.get("from_depot")
        values["from"] = (
            f"{order['from_depot_name']}（{source}）"
            if source
            else self.tr("Any depot, city reserves first (FEFO)")
        )
        issuing = order.get("issuing") or []
        if issuing:  # as printed: every depot the goods leave from, with its contact
            several = len(issuing) > 1
            values["from"] = (
                "、".join(d["code"] for d in issuing)  # the names are in the lots picked
                if several
                else f"{issuing[0]['name']}（{issuing[0]['code']}）"
            )
            for key in ("contact", "phone"):
                values[f"from_{key}"] = "\n".join(
                    f"{d[key] or '—'}（{d['code']}）" if several else d[key] for d in issuing
                )
        target = order.get("to_depot")
        values["to"] = (
            f"{order['to_depot_name']}（{target}）" if target else order.get("to_unit") or ""
        )
        for key, label in self.values.items():
            value = values.get(key)
            label.setText("" if value is None else str(value))
        self.lines_model.set_rows(order.get("lines", []))
        self.picks_model.set_picks(order.get("picks", []))
        table_columns.fit(self.lines_table)  # the stretched item name excepted; widths
        table_columns.fit(self.picks_table)  # the user set are kept

    def _tone(self, role: str, bold: bool = False) -> None:
        """Colour the deadline line afresh (style.apply adds to the palette it finds)."""
        self.deadline.setPalette(self.palette())
        self.deadline.setAutoFillBackground(False)
        self.deadline.setMargin(0)
        style.apply(self.deadline, role)
        if bold:
            font = self.deadline.font()
            font.setBold(True)
            self.deadline.setFont(font)

    def _show_deadline(self, order: dict, at: datetime | None) -> None:
        if not order.get("oral"):
            self.deadline.hide()
            return
        if order.get("paperwork_done_at"):
            text = self.tr("Oral order; written paperwork completed {time}.").format(
                time=when(order["paperwork_done_at"])
            )
            self._tone("ok")
        elif order.get("paperwork_due") and order.get("status") != "cancelled":
            due = order["paperwork_due"]
            if is_overdue(due, at):
                text = self.tr(
                    "Oral order given {given}: the written paperwork was due {due} and is overdue."
                ).format(given=when(order.get("oral_at")), due=when(due))
                self._tone("error", bold=True)
            else:
                text = self.tr(
                    "Oral order given {given}: the written paperwork is due by {due}."
                ).format(given=when(order.get("oral_at")), due=when(due))
                self._tone("banner")
        else:
            self.deadline.hide()
            return
        self.deadline.setText(text)
        self.deadline.show()
