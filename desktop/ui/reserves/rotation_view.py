"""轮换: near-expiry reserve lots proposed for transfer to the hospital that uses the
item fastest (rotation.proposals); a button turns the chosen proposal into a transfer.

Only what can be filled is proposed: a lot no hospital uses, or uses too slowly to take a
unit before it expires, is left out, and a line says how many were; ticking it lists them
too, in grey, each with the reason and no quantity. With nothing to propose, the table
gives way to a sentence saying so (widgets/empty_hint)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reserves import rotation, stock
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch
from desktop.ui.widgets.empty_hint import empty_hint
from desktop.ui.widgets.rows_model import Column, RowsModel

HORIZON_DAYS = 180  # rotation.proposals' default
WHY = 8  # the column of the reason nothing is proposed, shown with those lots


class RotationView(QWidget):
    """The rotation tab.

    Signals:
        transferred(list): a proposal became a transfer (the core's result).
        loaded(int): proposals are on screen (how many).
    """

    transferred = Signal(list)
    loaded = Signal(int)

    def __init__(self, worker, lists: dict | None = None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.model = RowsModel(
            [
                Column("depot_name", self.tr("Depot")),
                Column("item_name", self.tr("Item")),
                Column("lot", self.tr("Batch number")),
                Column("expiry", self.tr("Expiry date")),
                Column("days_left", self.tr("Days left"), "number"),
                Column("qty", self.tr("Held"), "number"),
                Column("unit", self.tr("Unit")),
                Column("target_name", self.tr("Proposed recipient")),
                Column("why", self.tr("Why nothing is proposed")),
                Column("move", self.tr("Quantity to transfer"), "number"),
                Column("replacement", self.tr("Replacement to buy"), "number"),
                Column("use_per_day", self.tr("Recipient's use per day")),
            ],
            foreground=lambda row: style.UNUSABLE if row["unfilled"] else None,
            parent=self,
        )
        self.proposals: list[dict] = []
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.hint = empty_hint(self.table, "")
        self.show_unfilled = QCheckBox()
        self.show_unfilled.setToolTip(
            self.tr("Lots no hospital uses, or uses too slowly to take any before they expire")
        )
        self.show_unfilled.toggled.connect(lambda _on: self._fill())
        self.show_unfilled.hide()
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.create = QPushButton(self.tr("Create transfer…"))
        self.create.setEnabled(False)
        self.create.clicked.connect(self.create_transfer)
        self.message = QLabel()
        self.message.setWordWrap(True)
        explain = style.apply(
            QLabel(
                self.tr(
                    "Reserve lots expiring within {days} days, with the hospital depot that used "
                    "the item most over the past year and what it can use before the expiry date."
                ).format(days=HORIZON_DAYS)
            ),
            "muted",
        )
        explain.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.create)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_unfilled)
        layout.addLayout(bar)
        watch(self, worker, STOCK)

    def set_lists(self, lists: dict) -> None:
        pass

    def refresh(self) -> None:
        self.worker.run(rotation.proposals, self._show)

    def _show(self, proposals: list[dict]) -> None:
        self.proposals = proposals
        self._fill()
        self.loaded.emit(self.model.rowCount())

    def _fill(self) -> None:
        """The proposals, and the lots nothing can be proposed for when asked for."""
        filled = [row for row in self.proposals if not row["unfilled"]]
        unfilled = [row for row in self.proposals if row["unfilled"]]
        rows = [dict(row, why="") for row in filled]
        if self.show_unfilled.isChecked():
            rows += [
                dict(row, move=None, why=self.reason(row), use_per_day=row["use_per_day"] or None)
                for row in unfilled
            ]
        self.show_unfilled.setText(
            self.tr("Also list the {count} lots nothing can be proposed for").format(
                count=len(unfilled)
            )
        )
        self.show_unfilled.setVisible(bool(unfilled))
        if unfilled:
            self.hint.setText(
                self.tr(
                    "Nothing can be proposed: no hospital uses the items of the {count} lots "
                    "expiring within {days} days fast enough to take them in time."
                ).format(count=len(unfilled), days=HORIZON_DAYS)
            )
        else:
            self.hint.setText(
                self.tr("No reserve lot expires within {days} days.").format(days=HORIZON_DAYS)
            )
        self.model.set_rows(rows)
        self.table.setColumnHidden(WHY, not self.show_unfilled.isChecked())
        if rows:
            style.fit_columns(self.table)
        self._selection_changed()

    def reason(self, row: dict) -> str:
        if row["unfilled"] == rotation.NO_USER:
            return self.tr("No hospital used it over the past year")
        if row["unfilled"] == rotation.RESERVED:
            return self.tr("Reserved by approved orders")
        return self.tr("Uses {rate} a day: not one {unit} before it expires").format(
            rate=row["use_per_day"], unit=row["unit"]
        )

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        self.create.setEnabled(bool(row and not row["unfilled"]))

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Create transfer"), text)
        return answer == QMessageBox.StandardButton.Yes

    def create_transfer(self) -> None:
        row = self.selected()
        if not row or row["unfilled"]:
            return
        text = self.tr(
            "Transfer {qty} {unit} of {item} (lot {lot}, expires {expiry}) from {source} "
            "to {target}?"
        ).format(
            qty=f"{row['move']:,}",
            unit=row["unit"],
            item=row["item_name"],
            lot=row["lot"],
            expiry=row["expiry"],
            source=row["depot_name"],
            target=row["target_name"],
        )
        if not self.confirm(text):
            return
        ctx = actor()
        args = (row["depot"], row["target"], row["item"], row["move"])
        self.create.setEnabled(False)
        self.worker.run(
            refusable(lambda db: stock.transfer(db, ctx, *args, batch=row["lot"], ref="轮换")),
            self._done,
        )

    def _done(self, result) -> None:
        if isinstance(result, Refused):
            style.apply(self.message, "error")
            self.message.setText(result.message)
            self._selection_changed()
            return
        style.apply(self.message, "ok")
        self.message.setText(
            self.tr(
                "Transfer created: {qty} in transit; confirm its arrival under In transit."
            ).format(qty=f"{sum(r['qty'] for r in result):,}")
        )
        self.transferred.emit(result)
        self.refresh()
