"""The steps of an allocation order after it is created: 批准, 发运, 接收 (received
quantity per pick, the reason when any differs) and 作废 (新建: order_create_dialog).

Each is a FormDialog: the core call runs on the worker and a refusal is shown in red
in the dialog, which stays open with what was typed.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
)

from desktop.core import orders
from desktop.core.errors import Invalid
from desktop.core.vocab import order_status
from desktop.ui.orders.models import PicksModel
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog


class OrderFormDialog(FormDialog):
    """A step on an existing order: the order's number and receiving party on top."""

    def __init__(self, worker, order: dict, title: str, parent=None):
        super().__init__(worker, title, parent)
        self.order = order
        self.number = order["number"]
        destination = order.get("to_depot_name") or order.get("to_unit") or ""
        heading = style.apply(QLabel(self.number), "heading")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        receiver = QLabel(destination)
        self.form.addRow(QCoreApplication.translate("OrderFormDialog", "Allocation order"), heading)
        self.form.addRow(QCoreApplication.translate("OrderFormDialog", "Receiving unit"), receiver)
        self.form.addRow(
            QCoreApplication.translate("OrderFormDialog", "Status"),
            QLabel(order_status(order["status"])),
        )

    def summary(self, result) -> str:
        return QCoreApplication.translate(
            "OrderFormDialog", "Order {number} is now {status}."
        ).format(number=result["number"], status=order_status(result["status"]))


class ApproveDialog(OrderFormDialog):
    """批准: the approver's name; the core reserves the picked stock."""

    def __init__(self, worker, order: dict, parent=None):
        super().__init__(worker, order, self.tr("Approve allocation order"), parent)
        self.approver = QLineEdit(order.get("approver") or "")
        self.approver.setPlaceholderText(self.tr("Name of the approving official"))
        self.form.addRow(self.tr("Approver"), self.approver)
        note = style.apply(
            QLabel(self.tr("Approval reserves the picked stock at its depots.")), "muted"
        )
        self.form.addRow("", note)
        self.fields["approver"] = self.approver

    def show_error(self, message: str, field: str | None = None) -> None:
        super().show_error(message, field or "approver")

    def job(self):
        number, approver, ctx = self.number, self.approver.text(), actor()
        return lambda db: orders.approve(db, ctx, number, approver)


class DispatchDialog(OrderFormDialog):
    """发运: vehicle, driver and phone (prefilled from the order); the stock leaves."""

    def __init__(self, worker, order: dict, parent=None):
        super().__init__(worker, order, self.tr("Dispatch allocation order"), parent)
        self.vehicle = QLineEdit(order.get("vehicle") or "")
        self.vehicle.setPlaceholderText(self.tr("e.g. 湘D·12345"))
        self.driver = QLineEdit(order.get("driver") or "")
        self.driver_phone = QLineEdit(order.get("driver_phone") or "")
        self.form.addRow(self.tr("Vehicle"), self.vehicle)
        self.form.addRow(self.tr("Driver"), self.driver)
        self.form.addRow(self.tr("Driver's phone"), self.driver_phone)

    def job(self):
        args = (self.vehicle.text(), self.driver.text(), self.driver_phone.text())
        number, ctx = self.number, actor()
        return lambda db: orders.dispatch(db, ctx, number, *args)


class ReceivedDelegate(QStyledItemDelegate):
    """实收: 0 … what was dispatched for that pick."""

    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        row = index.model().row(index.row()) or {}
        spin.setRange(0, row.get("qty_dispatched") or 0)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin


class ReceiveDialog(OrderFormDialog):
    """接收: what arrived of each pick (prefilled with what was sent) and, when anything
    differs, the reason."""

    def __init__(self, worker, order: dict, parent=None):
        super().__init__(worker, order, self.tr("Receive allocation order"), parent)
        self.setMinimumWidth(780)
        self.model = PicksModel(editable=True, parent=self)
        self.model.set_picks(order.get("picks", []))
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            self.model.received_column, ReceivedDelegate(self.table)
        )
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
            | QTableView.EditTrigger.SelectedClicked
        )
        self.table.setMinimumHeight(180)
        style.fit_columns(self.table, stretch=1)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required when a received quantity differs"))
        self.hint = style.apply(
            QLabel(self.tr("Double-click a received quantity to change it.")), "muted"
        )
        self.hint.setWordWrap(True)
        self.model.received_changed.connect(self._received_changed)
        self.form.addRow(self.table)
        self.form.addRow(self.hint)
        self.form.addRow(self.tr("Reason for difference"), self.reason)
        self.fields.update(reason=self.reason, qty=self.table)
        self.resize(860, 460)

    def _received_changed(self) -> None:
        """The hint counts the lots that differ; that the reason is then required is said
        once, as the form's error when it is missing (and it goes when nothing differs)."""
        differing = sum(
            1 for row in self.model.rows if row["qty_received"] != row["qty_dispatched"]
        )
        if differing:
            self.hint.setText(
                self.tr("{count} lot(s) received differ from what was sent.").format(
                    count=differing
                )
            )
        else:
            self.hint.setText(self.tr("Double-click a received quantity to change it."))
            if "reason" in self.error_fields:
                self.clear_error()

    def job(self):
        if self.model.differs() and not self.reason.text().strip():
            raise Invalid(
                "reason",
                self.tr("What was received differs from what was sent: give the reason."),
            )
        number, received, reason, ctx = (
            self.number,
            self.model.received(),
            self.reason.text(),
            actor(),
        )
        return lambda db: orders.receive(db, ctx, number, received, reason)


class CancelDialog(OrderFormDialog):
    """作废: only before dispatch, and with a reason."""

    def __init__(self, worker, order: dict, parent=None):
        super().__init__(worker, order, self.tr("Cancel allocation order"), parent)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the need was met otherwise; entered twice"))
        self.form.addRow(self.tr("Reason for cancelling"), self.reason)
        note = style.apply(
            QLabel(self.tr("A cancelled order stays on record; its reserved stock is released.")),
            "muted",
        )
        self.form.addRow("", note)
        self.fields["reason"] = self.reason
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the order"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Keep the order")
        )

    def show_error(self, message: str, field: str | None = None) -> None:
        super().show_error(message, field or "reason")

    def job(self):
        number, reason, ctx = self.number, self.reason.text(), actor()
        return lambda db: orders.cancel(db, ctx, number, reason)
