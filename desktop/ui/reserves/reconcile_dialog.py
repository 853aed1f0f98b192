"""对账: settle a negative balance left by a merge with a physical count.

Shows what the ledger holds about the lot at the depot since its last count (who,
at which station, when, what, how much, why), then records the count through
desktop.core.reserves.reconcile.resolve on the worker; a refusal stays in the dialog.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QTableView

from desktop.core.reserves import reconcile
from desktop.ui.reserves.ledger_model import kind_names
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

MAX_QTY = 2_000_000_000


class ReconcileDialog(FormDialog):
    """One reconciliation item (对账事项) and the count that settles it.

    `row` names the item: {"depot": code, "item": code, "lot" or "batch": batch number}.

    Signals (besides FormDialog's succeeded/refused):
        loaded(object): the item as reconcile.find returned it (None: no longer negative).
    """

    loaded = Signal(object)

    def __init__(self, worker, row: dict, parent=None):
        super().__init__(worker, self.tr("Reconcile a negative balance"), parent)
        self.setMinimumWidth(760)
        self.key = (row["depot"], row["item"], row.get("batch") or row.get("lot") or "")
        self.found: dict | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.balance = style.apply(QLabel(), "error")
        self.stations = QLabel()
        self.stations.setWordWrap(True)
        self.since = style.apply(QLabel(), "muted")
        self.since.setWordWrap(True)
        self.model = RowsModel(
            [
                Column("actor", self.tr("Who")),
                Column("station", self.tr("Station")),
                Column("occurred_at", self.tr("When")),
                Column("kind", self.tr("Movement"), "map", kind_names()),
                Column("qty", self.tr("Quantity"), "signed"),
                Column("reason", self.tr("Reason")),
            ],
            parent=self,
        )
        self.movements = style.table(QTableView())
        self.movements.setModel(self.model)
        self.movements.setMinimumHeight(180)
        self.counted = QSpinBox()
        self.counted.setRange(0, MAX_QTY)
        self.counted.setGroupSeparatorShown(True)
        self.counted.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Required: what the count found, e.g. both stations issued the same boxes")
        )
        self.form.addRow(self.heading)
        self.form.addRow(self.tr("Book balance"), self.balance)
        self.form.addRow(self.tr("Stations involved"), self.stations)
        self.form.addRow(self.since)
        self.form.addRow(self.movements)
        self.form.addRow(self.tr("Counted quantity"), self.counted)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(counted=self.counted, reason=self.reason)
        self._set_busy(True)
        depot, item, batch = self.key
        self.worker.run(lambda db: reconcile.find(db, depot, item, batch), self._show)

    def _show(self, found: dict | None) -> None:
        self.found = found
        depot, item, batch = self.key
        if found is None:
            self.heading.setText(
                self.tr("{item}, lot {batch}, at {depot}").format(
                    item=item, batch=batch, depot=depot
                )
            )
            self.show_error(self.tr("This balance is no longer negative: nothing to reconcile."))
            self.loaded.emit(None)
            return
        self.heading.setText(
            self.tr("{item_name} ({item}), lot {batch}, at {depot_name} ({depot})").format(
                item_name=found["item_name"],
                item=found["item"],
                batch=found["batch"],
                depot_name=found["depot_name"],
                depot=found["depot"],
            )
        )
        self.balance.setText(f"{found['balance']:+,} {found['unit']}")
        self.stations.setText(", ".join(found["stations_involved"]) or "—")
        last = found["last_count"]
        if last is None:
            self.since.setText(self.tr("Never counted: every movement of the lot here is shown."))
        else:
            self.since.setText(
                self.tr("Movements since the last count ({when}, {who} at {station}).").format(
                    when=when(last["occurred_at"]), who=last["actor"], station=last["station"]
                )
            )
        self.model.set_rows(
            [{**m, "occurred_at": when(m["occurred_at"])} for m in found["movements"]]
        )
        style.fit_columns(self.movements)
        self.counted.setSuffix(f" {found['unit']}" if found["unit"] else "")
        self._set_busy(False)
        self.reason.setFocus()
        self.loaded.emit(found)

    def job(self):
        depot, item, batch = self.key
        counted, reason, ctx = self.counted.value(), self.reason.text(), actor()
        return lambda db: reconcile.resolve(db, ctx, depot, item, batch, counted, reason)

    def show_error(self, message: str, field: str | None = None) -> None:
        # The core's refusal names no field: an empty reason is the one to fix.
        if field is None and self.found is not None and not self.reason.text().strip():
            field = "reason"
        super().show_error(message, field)

    def summary(self, result) -> str:
        return self.tr(
            "Reconciled: book {book}, counted {counted}, adjusted by {difference}."
        ).format(
            book=f"{result['book']:,}",
            counted=f"{result['counted']:,}",
            difference=f"{result['difference']:+,}",
        )
