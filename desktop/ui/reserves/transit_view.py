"""在途: transfers sent and not yet received; 到货确认 books the arrival
(stock.receive_transfer), with the quantity that came and why it differs."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reserves import stock
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch
from desktop.ui.widgets.empty_hint import empty_hint
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel


class ArrivalDialog(FormDialog):
    """到货确认 of one transfer: quantity received (the sent quantity by default)."""

    REFUSAL_FIELDS = ("qty", "reason")  # the core's refusals are about these two

    def __init__(self, worker, transfer: dict, parent=None):
        super().__init__(worker, self.tr("Confirm arrival"), parent)
        self.transfer = transfer
        self.received = QSpinBox()
        self.received.setRange(0, 2_000_000_000)
        self.received.setGroupSeparatorShown(True)
        self.received.setValue(transfer["qty_sent"])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required when the quantities differ"))
        what = f"{transfer['item']}  {transfer['name']} · {transfer['lot']}"
        self.form.addRow(self.tr("Item and lot"), QLabel(what))
        self.form.addRow(
            self.tr("From → to"), QLabel(f"{transfer['from_depot']} → {transfer['to_depot']}")
        )
        self.form.addRow(self.tr("Quantity sent"), QLabel(f"{transfer['qty_sent']:,}"))
        self.form.addRow(self.tr("Quantity received"), self.received)
        self.form.addRow(self.tr("Reason for a difference"), self.reason)
        self.fields.update(qty=self.received, reason=self.reason)

    def job(self):
        transfer_id, qty, reason = self.transfer["id"], self.received.value(), self.reason.text()
        ctx = actor()
        return lambda db: stock.receive_transfer(db, ctx, transfer_id, qty, reason)


class TransitView(QWidget):
    """The in-transit tab.

    Signals:
        received(dict): a transfer was booked in (the core's result).
        loaded(int): transfers in transit are on screen (how many).
    """

    received = Signal(dict)
    loaded = Signal(int)

    def __init__(self, worker, lists: dict | None = None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.dialog: ArrivalDialog | None = None
        self.model = RowsModel(
            [
                Column("sent_at", self.tr("Sent")),
                Column("from_depot", self.tr("From")),
                Column("to_depot", self.tr("To")),
                Column("item", self.tr("Item code")),
                Column("name", self.tr("Item")),
                Column("lot", self.tr("Batch number")),
                Column("qty_sent", self.tr("Quantity sent"), "number"),
                Column("ref", self.tr("Document")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.hint = empty_hint(
            self.table,
            self.tr(
                "No transfer is in transit: what is sent to another depot waits here for "
                "its arrival to be confirmed."
            ),
        )
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.confirm_arrival)
        self.confirm = QPushButton(self.tr("Confirm arrival…"))
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self.confirm_arrival)
        self.message = style.apply(QLabel(), "ok")
        bar = QHBoxLayout()
        bar.addWidget(self.confirm)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        watch(self, worker, STOCK)

    def set_lists(self, lists: dict) -> None:
        pass

    def refresh(self) -> None:
        self.worker.run(stock.in_transit, self._show)

    def _show(self, rows: list[dict]) -> None:
        for row in rows:
            row["sent_at"] = row["sent_at"][:16].replace("T", " ")
        self.model.set_rows(rows)
        style.fit_columns(self.table)
        self._selection_changed()
        self.loaded.emit(len(rows))

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_args) -> None:
        self.confirm.setEnabled(self.selected() is not None)

    def confirm_arrival(self, *_args) -> ArrivalDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.dialog = ArrivalDialog(self.worker, row, self)
        self.dialog.succeeded.connect(self._received)
        self.dialog.open()
        return self.dialog

    def _received(self, result: dict) -> None:
        self.message.setText(
            self.tr("Received {received} of {sent} sent.").format(
                received=f"{result['received']:,}", sent=f"{result['sent']:,}"
            )
        )
        self.received.emit(result)  # the list refreshes itself (change_watcher)
