"""物资需求: what the incident needs against the reserves it may draw on (needs.compute,
ICS-215's required / have / need per item, with the depots holding it), the planning lines
behind it (added, changed, removed here), 生成调拨单 (needs.draft_orders: FEFO drafts
from the best depots, the shortage named) and the incident's orders with their status;
opening one shows it on the 调拨单 page."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
)

from desktop.core.vocab import order_status
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.playbooks.labels import bases
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when


class NeedsModel(RowsModel):
    """Required / have / need per item; a need above 0 in red and bold."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("code", QCoreApplication.translate("NeedsTab", "Item code")),
                Column("name", QCoreApplication.translate("NeedsTab", "Item")),
                Column("spec", QCoreApplication.translate("NeedsTab", "Specification")),
                Column("required", QCoreApplication.translate("NeedsTab", "Required"), "number"),
                Column("have", QCoreApplication.translate("NeedsTab", "Have"), "number"),
                Column("need", QCoreApplication.translate("NeedsTab", "Need"), "number"),
                Column("unit", QCoreApplication.translate("NeedsTab", "Unit")),
                Column("ordered", QCoreApplication.translate("NeedsTab", "Ordered"), "number"),
                Column("held", QCoreApplication.translate("NeedsTab", "Depots holding it")),
            ],
            parent=parent,
        )

    def set_needs(self, rows: list[dict]) -> None:
        for row in rows:
            row["code"] = row["item"] or ""
            row["name"] = row["item_name"] or QCoreApplication.translate(
                "NeedsTab", "{category} (no item in the catalogue)"
            ).format(category=row["category_name"] or row["category"])
            row["held"] = "；".join(f"{d['code']} {d['qty']:,}" for d in row["depots"])
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self.rows):
            row = self.rows[index.row()]
            key = self.columns[index.column()].key
            if role == Qt.ItemDataRole.ForegroundRole and key == "need" and row["need"]:
                return style.EXPIRED
            if role == Qt.ItemDataRole.FontRole and key == "need" and row["need"]:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and key == "held":
                return "\n".join(f"{d['code']} {d['name']}: {d['qty']:,}" for d in row["depots"])
            if role == Qt.ItemDataRole.ToolTipRole and key in ("name", "spec"):
                return row.get(key) or None
        return super().data(index, role)


class NeedsTab(IncidentTab):
    """Needs, planning lines and orders of one incident.

    Signals:
        order_requested(str): show this order (its number) on the 调拨单 page.
        drafted(object): 生成调拨单 made orders (needs.Drafted).
    """

    order_requested = Signal(str)
    drafted = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent)
        bar = self.buttons(
            [
                ("draft_orders", self.tr("Draft allocation orders…")),
                ("add_line", self.tr("Add line…")),
                ("edit_line", self.tr("Change line…")),
                ("remove_line", self.tr("Remove line")),
                None,
                ("open_order", self.tr("Open order")),
            ]
        )
        self.needs_model = NeedsModel(self)
        self.needs_table = list_table(self.needs_model, 8)
        self.lines_model = RowsModel(
            [
                Column("source", self.tr("From")),
                Column("what", self.tr("Item or category")),
                Column("basis_name", self.tr("Basis")),
                Column("per_day", self.tr("Per day"), "number"),
                Column("days_text", self.tr("Days")),
                Column("buffer_pct", self.tr("Buffer %"), "number"),
                Column("required", self.tr("Required"), "number"),
                Column("unit", self.tr("Unit")),
                Column("note", self.tr("Note")),
            ],
            parent=self,
        )
        self.lines_table = list_table(self.lines_model, 8)
        self.lines_table.doubleClicked.connect(lambda _index: self.edit_line())
        self.orders_model = RowsModel(
            [
                Column("number", self.tr("Number")),
                Column("status_name", self.tr("Status")),
                Column("source", self.tr("Issuing depot")),
                Column("destination", self.tr("Receiving unit")),
                Column("created", self.tr("Filled in")),
                Column("lines", self.tr("Lines"), "number"),
            ],
            parent=self,
        )
        self.orders_table = list_table(self.orders_model, 3)
        self.orders_table.doubleClicked.connect(lambda _index: self.open_order())
        formula = style.apply(
            QLabel(
                self.tr(
                    "Required = quantity per day × scale × days × (1 + buffer); have = usable "
                    "stock (released, unexpired, not reserved) in the depots the incident may "
                    "draw on, plus what its orders hold; need = required − have. Planning "
                    "factors are editable examples, not official norms."
                )
            ),
            "muted",
        )
        formula.setWordWrap(True)
        self.lower = QTabWidget()
        self.lower.setDocumentMode(True)
        self.lower.addTab(self.lines_table, self.tr("Planning lines"))
        self.lower.addTab(self.orders_table, self.tr("Orders for this incident"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.needs_table)
        splitter.addWidget(self.lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        for table in (self.needs_table, self.lines_table, self.orders_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.lower.currentChanged.connect(lambda _index: self.update_actions())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(formula)
        layout.addWidget(splitter, 1)
        self.update_actions()

    def load_job(self, incident: dict):
        from desktop.core.incidents import needs

        ref = incident["id"]
        return lambda db: {
            "needs": needs.compute(db, ref),
            "orders": needs.incident_orders(db, ref),
        }

    def show_data(self, data) -> None:
        data = data or {"needs": [], "orders": []}
        self.needs_model.set_needs(data["needs"])
        names = bases()
        lines = []
        for need in data["needs"]:
            for line in need["lines"]:
                item = f"{line['item']} {line['item_name']}" if line["item"] else ""
                category = line["category_name"] or line["category"] or ""
                days = f"{line['days_used']:,}"
                if line["days_used"] != line["days"]:
                    days += " / " + f"{line['days']:,}"
                lines.append(
                    {
                        **line,
                        "source": line["playbook"] or self.tr("Added by hand"),
                        "what": item or category,
                        "basis_name": names.get(line["basis"], line["basis"]),
                        "per_day": _plain(line["qty_per_day"]),
                        "days_text": days,
                        "unit": line["unit"] or "",
                    }
                )
        self.lines_model.set_rows(lines)
        self.orders_model.set_rows(
            [
                {
                    **order,
                    "status_name": order_status(order["status"]),
                    "created": when(order["created_at"]),
                    "source": order["source"] or self.tr("Any depot (FEFO)"),
                }
                for order in data["orders"]
            ]
        )
        for table in (self.needs_table, self.lines_table, self.orders_table):
            fit(table)
        self.lower.setTabText(
            1, self.tr("Orders for this incident ({count})").format(count=len(data["orders"]))
        )

    def current_line(self) -> dict | None:
        return self.lines_model.row(self.lines_table.currentIndex().row())

    def current_order(self) -> dict | None:
        return self.orders_model.row(self.orders_table.currentIndex().row())

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        open_ = not self.closed
        line = self.lines_table.selectionModel().hasSelection() and self.lower.currentIndex() == 0
        self.tab_buttons["draft_orders"].setEnabled(open_ and bool(self.needs_model.rows))
        self.tab_buttons["add_line"].setEnabled(open_)
        self.tab_buttons["edit_line"].setEnabled(open_ and line)
        self.tab_buttons["remove_line"].setEnabled(open_ and line)
        self.tab_buttons["open_order"].setEnabled(
            self.lower.currentIndex() == 1 and self.orders_table.selectionModel().hasSelection()
        )

    # the lines -----------------------------------------------------------------------------
    def add_line(self):
        if self.closed:
            return None
        from desktop.ui.incidents.line_dialog import LineDialog

        dialog = LineDialog(self.worker, self.incident, None, self)
        return self.open_dialog(dialog, dialog.summary)

    def edit_line(self):
        line = self.current_line()
        if line is None or self.closed:
            return None
        from desktop.ui.incidents.line_dialog import LineDialog

        dialog = LineDialog(self.worker, self.incident, line, self)
        return self.open_dialog(dialog, dialog.summary)

    def remove_line(self) -> None:
        line = self.current_line()
        if line is None or self.closed:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Remove line"),
            self.tr("Remove the planning line {what} ({source})?").format(
                what=line["what"], source=line["source"]
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_line_now(line)

    def remove_line_now(self, line: dict) -> None:
        from desktop.core.incidents import needs
        from desktop.ui.shell.jobs import actor

        ctx, line_id, what = actor(), line["id"], line["what"]
        self.run_write(
            lambda db: needs.remove_line(db, ctx, line_id),
            lambda _result: self.tr("Planning line {what} removed.").format(what=what),
        )

    # orders ----------------------------------------------------------------------------------
    def draft_orders(self) -> None:
        if self.closed:
            return
        from desktop.core import incidents
        from desktop.ui.shell.jobs import actor, refusable

        ref, ctx = self.incident["id"], actor()
        self.worker.run(
            refusable(lambda db: incidents.draft_orders(db, ctx, ref)),
            lambda result: self._drafted(result),
        )

    def _drafted(self, result) -> None:
        import shiboken6

        from desktop.ui.shell.jobs import Refused

        if not shiboken6.isValid(self):
            return  # the window closed while the job ran
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        from desktop.ui.incidents.drafts_dialog import DraftsDialog

        if not result.orders and not result.short:
            self.message.emit(
                self.tr("Nothing is left to order: the incident's orders cover what it requires."),
                "ok",
            )
            return
        text = self.tr("{count} draft order(s) made.").format(count=len(result.orders))
        if result.short:
            text += " " + self.tr("{count} item(s) not in the reserves it may draw on.").format(
                count=len(result.short)
            )
        self.message.emit(text, "error" if result.short else "ok")
        dialog = DraftsDialog(result, self)
        dialog.order_requested.connect(self.order_requested)
        self.open_dialog(dialog)
        self.drafted.emit(result)

    def open_order(self) -> None:
        order = self.current_order()
        if order is not None:
            self.order_requested.emit(order["number"])


def _plain(number: float) -> float | int:
    """4.0 shown as 4, 0.5 as 0.5."""
    return int(number) if float(number).is_integer() else number
