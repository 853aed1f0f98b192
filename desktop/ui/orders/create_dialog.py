"""新建调拨单: issuing depot, receiving depot or unit, requesting unit, incident, needed-by
date, priority, contacts of both sides, transport, notes, an oral order and its giver,
and the lines; after saving, the lots picked earliest-expiry-first and any shortfall.

A FormDialog: orders.create runs on the worker; a refusal is shown in red in the dialog,
which stays open with what was typed.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import choices, orders
from desktop.core.vocab import order_status
from desktop.ui.orders.lines_editor import LinesEditor
from desktop.ui.orders.models import PRIORITY_CODES, priority_label
from desktop.ui.reserves import lookups
from desktop.ui.reserves.movement_fields import DateField
from desktop.ui.shell.jobs import Refused, actor
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import DEPOTS, INCIDENTS, watch
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.screen_size import resize_within_screen


def open_incidents(db) -> list[dict]:
    """The incidents not closed, newest first: those an order may serve."""
    from desktop.core import incidents

    return incidents.listing(db, active=True)


def form_box(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return box, form


class CreateOrderDialog(FormDialog):
    """新建调拨单: parties, incident, priority, contacts, transport, an oral order's giver,
    and the lines. After saving it shows the lots picked (FEFO) and any shortfall.

    Signals:
        incidents_loaded(int): the open incidents to choose from arrived (how many).
    """

    incidents_loaded = Signal(int)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, self.tr("New allocation order"), parent)
        self.lists = lists
        self.setMinimumWidth(940)
        self.body = QWidget()
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._order_box(), 0, 0)
        grid.addWidget(self._contacts_box(), 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        lines_box = QGroupBox(self.tr("Items to allocate"))
        self.lines = LinesEditor(worker)
        QVBoxLayout(lines_box).addWidget(self.lines)
        grid.addWidget(lines_box, 1, 0, 1, 2)
        grid.setRowStretch(1, 1)
        self.form.addRow(self.body)
        self.plan_view = QWidget()
        self.plan_view.hide()
        self.form.addRow(self.plan_view)
        self.fields.update(
            to=self.to_unit,
            destination=self.to_unit,
            approver=self.approver,
            item=self.lines.picker,
            needed_by=self.needed_by,
        )
        resize_within_screen(self, 1000, 760)
        # a depot saved meanwhile (here or at another station) is offered at once
        watch(self, worker, DEPOTS, self.reload_depots)
        watch(self, worker, INCIDENTS, self.reload_incidents)
        self.reload_incidents()

    def reload_incidents(self) -> None:
        self.worker.run(open_incidents, self._incidents_arrived)

    def _incidents_arrived(self, rows: list[dict]) -> None:
        wanted = self._incident_wanted or self.incident.currentData()
        self.incident.blockSignals(True)
        self.incident.clear()
        self.incident.addItem(self.tr("None"), None)
        for row in rows:
            self.incident.addItem(f"{row['number']}  {row['title']}", row["id"])
            self.incident.setItemData(
                self.incident.count() - 1, f"{row['number']}  {row['title']}",
                Qt.ItemDataRole.ToolTipRole,
            )  # fmt: skip
        self.incident.blockSignals(False)
        self._incident_wanted = None
        if wanted:
            self.choose_incident(wanted, rows)
        self.incidents_loaded.emit(len(rows))

    def choose_incident(self, ref: str, rows: list[dict] | None = None) -> None:
        """Choose the incident (its id or number) the order serves, once listed."""
        found = self.incident.findData(ref)
        if found < 0 and rows:
            found = next(
                (n + 1 for n, row in enumerate(rows) if row["number"] == ref), -1
            )  # fmt: skip
        if found >= 0:
            self.incident.setCurrentIndex(found)
        else:
            self._incident_wanted = ref

    def reload_depots(self) -> None:
        self.worker.run(lambda db: choices.load(db, "depots"), self._depots_arrived)

    def _depots_arrived(self, lists: dict) -> None:
        self.lists = {**self.lists, **lists}
        entries = lookups.depot_entries(self.lists)
        lookups.fill(self.source, entries, first=self.tr("Any depot, city reserves first (FEFO)"))
        lookups.fill(self.to_depot, entries)

    def _order_box(self) -> QGroupBox:
        box, form = form_box(self.tr("Order"))
        self.source = QComboBox()
        lookups.fill(
            self.source,
            lookups.depot_entries(self.lists),
            first=self.tr("Any depot, city reserves first (FEFO)"),
            keep=False,
        )
        self.by_depot = QRadioButton(self.tr("Depot"))
        self.by_unit = QRadioButton(self.tr("Other unit"))
        self.by_depot.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_depot)
        group.addButton(self.by_unit)
        self.to_depot = QComboBox()
        lookups.fill(self.to_depot, lookups.depot_entries(self.lists), keep=False)
        self.to_unit = QLineEdit()
        self.to_unit.setPlaceholderText(self.tr("e.g. 衡南县人民医院"))
        self.to_unit.setEnabled(False)
        self.by_depot.toggled.connect(self._destination_kind)
        depot_row = QHBoxLayout()
        depot_row.addWidget(self.by_depot)
        depot_row.addWidget(self.to_depot, 1)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.by_unit)
        unit_row.addWidget(self.to_unit, 1)
        self.to_address = QLineEdit()
        self.to_address.setPlaceholderText(
            self.tr("Delivery address (a depot's own address if empty)")
        )
        self.requesting_unit = QLineEdit()
        self.incident = QComboBox()
        self.incident.addItem(self.tr("None"), None)
        self.incident.setToolTip(self.tr("The open incident the order serves, if any"))
        self.incident.setMinimumContentsLength(24)
        self.incident.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._incident_wanted: str | None = None  # prefilled before the list arrived
        self.needed_by = DateField()
        self.priority = QComboBox()
        for code in PRIORITY_CODES:
            self.priority.addItem(priority_label(code), code)
        self.priority.setCurrentIndex(self.priority.findData("一般"))
        self.oral = QCheckBox(
            self.tr("Oral or telephone order (written paperwork due within 48 hours)")
        )
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("Who approved or gave the order"))
        self.oral.toggled.connect(self._oral_toggled)
        form.addRow(self.tr("Issuing depot"), self.source)
        form.addRow(self.tr("Receiving party"), depot_row)
        form.addRow("", unit_row)
        form.addRow(self.tr("Delivery address"), self.to_address)
        form.addRow(self.tr("Requesting unit"), self.requesting_unit)
        form.addRow(self.tr("Incident"), self.incident)
        form.addRow(self.tr("Needed by"), self.needed_by)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow("", self.oral)
        form.addRow(self.tr("Approver"), self.approver)
        return box

    def _contacts_box(self) -> QGroupBox:
        box, form = form_box(self.tr("Contacts and transport"))
        self.from_contact, self.from_phone = QLineEdit(), QLineEdit()
        self.to_contact, self.to_phone = QLineEdit(), QLineEdit()
        self.vehicle, self.driver, self.driver_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.vehicle.setPlaceholderText(self.tr("Optional now; asked again at dispatch"))
        self.notes = QLineEdit()
        form.addRow(self.tr("Issuing contact"), self.from_contact)
        form.addRow(self.tr("Issuing phone"), self.from_phone)
        form.addRow(self.tr("Receiving contact"), self.to_contact)
        form.addRow(self.tr("Receiving phone"), self.to_phone)
        form.addRow(self.tr("Vehicle"), self.vehicle)
        form.addRow(self.tr("Driver"), self.driver)
        form.addRow(self.tr("Driver's phone"), self.driver_phone)
        form.addRow(self.tr("Notes"), self.notes)
        return box

    def _destination_kind(self, by_depot: bool) -> None:
        self.to_depot.setEnabled(by_depot)
        self.to_unit.setEnabled(not by_depot)
        if not by_depot:
            self.to_unit.setFocus()

    def _oral_toggled(self, oral: bool) -> None:
        self.approver.setPlaceholderText(
            self.tr("Required: who gave the oral order")
            if oral
            else self.tr("Who approved or gave the order")
        )

    def prefill(self, prefill: dict | None) -> None:
        """Start from {"to": depot code, "lines": [(item code, qty)], "source": depot code}."""
        prefill = prefill or {}
        to = prefill.get("to")
        if to:
            found = self.to_depot.findData(to)
            if found >= 0:
                self.by_depot.setChecked(True)
                self.to_depot.setCurrentIndex(found)
            else:
                self.by_unit.setChecked(True)
                self.to_unit.setText(str(to))
        source = prefill.get("source")
        if source and self.source.findData(source) >= 0:
            self.source.setCurrentIndex(self.source.findData(source))
        if prefill.get("requesting_unit"):
            self.requesting_unit.setText(str(prefill["requesting_unit"]))
        if prefill.get("incident"):
            self.choose_incident(str(prefill["incident"]))
        if prefill.get("lines"):
            self.lines.prefill(list(prefill["lines"]))

    def destination(self) -> str:
        if self.by_depot.isChecked():
            return self.to_depot.currentData() or ""
        return self.to_unit.text().strip()

    def job(self):
        args = dict(
            source=self.source.currentData(),
            destination=self.destination(),
            items=self.lines.lines(),
            incident=self.incident.currentData() or "",
            needed_by=self.needed_by.value(),
            priority=self.priority.currentData(),
            oral=self.oral.isChecked(),
            requesting_unit=self.requesting_unit.text(),
            to_address=self.to_address.text(),
            from_contact=self.from_contact.text(),
            from_phone=self.from_phone.text(),
            to_contact=self.to_contact.text(),
            to_phone=self.to_phone.text(),
            vehicle=self.vehicle.text(),
            driver=self.driver.text(),
            driver_phone=self.driver_phone.text(),
            approver=self.approver.text(),
            notes=self.notes.text(),
        )
        ctx = actor()
        return lambda db: orders.create(db, ctx, **args)

    # after saving: the plan ---------------------------------------------------------------
    def _done(self, result) -> None:
        if isinstance(result, Refused):
            super()._done(result)
            return
        self._set_busy(False)
        self.clear_error()
        self.result_value = result
        self.show_plan(result)
        self.succeeded.emit(result)

    def show_plan(self, result: dict) -> None:
        items = {e["item"]["code"]: e["item"] for e in self.lines.model.entries}
        self.body.hide()
        layout = QVBoxLayout(self.plan_view)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plan_title = style.apply(
            QLabel(
                self.tr("Allocation order {number} saved ({status}).").format(
                    number=result["number"], status=order_status(result["status"])
                )
            ),
            "heading",
        )
        self.plan_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.plan_title)
        layout.addWidget(QLabel(self.tr("Lots picked, earliest expiry first (FEFO):")))
        rows = [
            {**line, "item_name": items.get(line["item"], {}).get("name", "")}
            for line in result["lines"]
        ]
        self.plan_model = RowsModel(
            [
                Column("item", self.tr("Item code")),
                Column("item_name", self.tr("Item")),
                Column("depot", self.tr("Depot")),
                Column("lot", self.tr("Batch number")),
                Column("expiry", self.tr("Expiry date")),
                Column("qty", self.tr("Quantity"), "number"),
            ],
            parent=self,
        )
        self.plan_model.set_rows(rows)
        table = style.table(QTableView())
        table.setModel(self.plan_model)
        style.fit_columns(table, stretch=1)
        layout.addWidget(table, 1)
        self.shortfall = style.apply(QLabel(), "error")
        bold = self.shortfall.font()
        bold.setBold(True)
        self.shortfall.setFont(bold)
        self.shortfall.setWordWrap(True)
        short = result.get("short") or []
        if short:
            parts = [
                self.tr("{item} {name}: short by {qty} {unit}").format(
                    item=s["item"],
                    name=items.get(s["item"], {}).get("name", ""),
                    qty=f"{s['qty']:,}",
                    unit=items.get(s["item"], {}).get("unit", ""),
                )
                for s in short
            ]
            self.shortfall.setText(
                self.tr("Not enough usable stock in any depot:")
                + "\n"
                + "\n".join(parts)
                + "\n"
                + self.tr("Receive stock or reduce the quantities before the order is approved.")
            )
        else:
            self.shortfall.hide()
        layout.addWidget(self.shortfall)
        self.plan_view.show()
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.resize(max(self.width(), 820), 520)

    def summary(self, result) -> str:
        text = self.tr("Allocation order {number} saved ({status}).").format(
            number=result["number"], status=order_status(result["status"])
        )
        if result.get("short"):
            text += " " + self.tr("Short of stock on {count} line(s).").format(
                count=len(result["short"])
            )
        return text
