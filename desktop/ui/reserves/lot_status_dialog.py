"""批次状态: release (合格), quarantine (待检), freeze (冻结) or scrap (报废) a lot.

Only 合格 lots can be issued; the others leave only by write-off. The status
belongs to the lot (every depot holding it), and the change is an operation
with its actor like any other edit.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from desktop.core.errors import Invalid
from desktop.core.reserves import catalog
from desktop.core.vocab import LOT_STATUSES, label
from desktop.ui.reserves.movement_dialogs import MovementDialog
from desktop.ui.shell.jobs import actor


class LotStatusDialog(MovementDialog):
    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Lot status"), parent)
        self.lot = QComboBox()
        self.status = QComboBox()
        for value in LOT_STATUSES:
            self.status.addItem(label(value), value)
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Lot"), self.lot)
        self.form.addRow(self.tr("Status"), self.status)
        self.fields.update(lot=self.lot, status=self.status)
        self.lot.currentIndexChanged.connect(self._lot_chosen)

    def item_changed(self, item: dict | None) -> None:
        self.lot.clear()
        if item is None:
            return
        item_id, prefer = item["id"], self._preset_batch
        self.worker.run(
            lambda db: catalog.lots_of_item(db, item_id),
            lambda lots: self._fill(lots, prefer),
        )

    def _fill(self, lots: list[dict], prefer: str | None) -> None:
        self.lot.clear()
        for lot in lots:
            expiry = lot["expires_on"] or self.tr("no expiry date")
            self.lot.addItem(f"{lot['batch_no']} · {expiry} · {label(lot['status'])}", lot)
        index = next((n for n, lot in enumerate(lots) if lot["batch_no"] == prefer), 0)
        self.lot.setCurrentIndex(index)

    def _lot_chosen(self, _index: int) -> None:
        lot = self.lot.currentData()
        if lot:
            self.status.setCurrentIndex(self.status.findData(lot["status"]))

    def job(self):
        item = self.chosen_item()
        lot = self.lot.currentData()
        if lot is None:
            raise Invalid("lot", self.tr("Choose the lot."))
        status, ctx = self.status.currentData(), actor()
        return lambda db: catalog.set_lot_status_by_batch(
            db, ctx, item["code"], lot["batch_no"], status
        )

    def summary(self, result) -> str:
        return QCoreApplication.translate(
            "LotStatusDialog", "Lot {lot} of {item}: {was} → {status}."
        ).format(
            lot=result["lot"],
            item=result["item"],
            was=label(result["was"]),
            status=label(result["status"]),
        )
