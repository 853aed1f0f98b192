"""The list and detail of the 调拨单 page: a table of orders (several may be selected, for
batch printing) above the detail of the selected one, and the worker job that reads
the list (orders.listing, the oral-order deadline and whether it is overdue)."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView

from desktop.core import orders
from desktop.ui.orders.detail import OrderDetail
from desktop.ui.orders.models import OrdersModel
from desktop.ui.widgets import style
from desktop.ui.widgets.empty_hint import empty_hint

LIMIT = 500


def listing_job(status: str | None, search: str, pending_only: bool):
    """A function of the database returning the rows to show, newest first."""

    def job(db):
        at = datetime.now().astimezone()
        limit = 100_000 if pending_only else LIMIT
        rows = orders.listing(db, status=status, search=search, limit=limit)
        for row in rows:
            due = orders.paperwork_due(row) if row["status"] != "cancelled" else None
            row["due"] = due
            row["overdue"] = bool(due) and datetime.fromisoformat(due) < at
        if pending_only:
            rows = [row for row in rows if row["due"]][:LIMIT]
        return rows

    return job


class OrdersBrowser(QSplitter):
    """The orders table above the detail pane."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.model = OrdersModel(self)
        self.table = style.table(QTableView())
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        self.hint = empty_hint(
            self.table,
            self.tr(
                "No allocation order to list: none has been made yet, or none matches the "
                "search and filters."
            ),
        )
        self.detail = OrderDetail()
        self.addWidget(self.table)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
        self.setSizes([260, 420])
