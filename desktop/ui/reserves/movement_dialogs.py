"""入库, 出库, 调拨, 盘点, 报废: one dialog per movement, each a thin form over the
core function of the same name (desktop.core.reserves.stock), called on the worker."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox

from desktop.core import choices
from desktop.core.errors import Invalid
from desktop.core.reserves import stock
from desktop.ui.reserves import lookups
from desktop.ui.reserves.movement_fields import MAX_WIDTH, DateField, LotCombo
from desktop.ui.shell import session
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import DEPOTS, STOCK, watch
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.item_picker import ItemPicker

MAX_QTY = 2_000_000_000
ITEM_MARGIN = 48  # px beside an item's caption: the field's frame and its clear button
SCREEN_MARGIN = 40  # px a widened form leaves free on the screen


class MovementDialog(FormDialog):
    """What every movement form shares: depot and item choosers, quantities, a summary."""

    # A refusal naming no field (not enough stock, an expired lot) is about these: it clears
    # when any of them changes.
    REFUSAL_FIELDS = ("depot", "to", "item", "lot", "batch", "qty")

    def __init__(self, worker, lists: dict, title: str, parent=None):
        super().__init__(worker, title, parent)
        self.lists = lists
        self._preset_batch: str | None = None
        self._depot_combos: list[QComboBox] = []
        self.item = ItemPicker(worker)
        self.item.item_changed.connect(self._item_changed)
        self.fields["item"] = self.item
        # what other windows and stations change while the form is open shows in it
        watch(self, worker, DEPOTS, self._reload_depots)
        watch(self, worker, STOCK, self._reload_lots)

    def depot_combo(self, kept: bool = True) -> QComboBox:
        """A depot chooser; kept: one the stock moves at, so for a keeper only the depots
        the account keeps (the core refuses the others); else any (a transfer's target)."""
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # whole names
        combo.setProperty("kept", kept)
        lookups.fill(combo, self._depot_entries(kept), keep=False)
        self._depot_combos.append(combo)
        return combo

    def _depot_entries(self, kept: bool) -> list:
        ctx = session.logged_in()
        rows = self.lists.get("depots", [])
        if kept and ctx is not None and ctx.role == "keeper":
            rows = [row for row in rows if row["id"] in ctx.depot_ids]
        return lookups.depot_entries({"depots": rows})

    def _reload_depots(self) -> None:
        self.worker.run(lambda db: choices.load(db, "depots"), self._depots_arrived)

    def _depots_arrived(self, lists: dict) -> None:
        self.lists = {**self.lists, **lists}
        for combo in self._depot_combos:  # keeps the choice
            lookups.fill(combo, self._depot_entries(bool(combo.property("kept"))))

    def lot_combo(self, mode: str) -> LotCombo:
        """The lots of the chosen item and depot; the form widens to show the longest."""
        combo = LotCombo(self.worker, mode)
        combo.loaded.connect(self.fit_width)
        return combo

    def fit_width(self, *_args) -> None:
        """Grow (never shrink) so that every field shows whole, within the screen."""
        layout = self.layout()
        layout.activate()  # the fields' new minimum sizes are counted (the caches redone)
        wanted = layout.totalMinimumSize().width()
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width() - SCREEN_MARGIN)
        if wanted > self.width():
            self.resize(wanted, self.height())

    def _reload_lots(self) -> None:
        for combo in self.findChildren(LotCombo):
            combo.reload()

    def quantity(self, minimum: int = 1) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum, MAX_QTY)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def info_label(self) -> QLabel:
        return style.apply(QLabel(), "muted")

    def chosen_item(self) -> dict:
        item = self.item.item()
        if item is None:
            raise Invalid(
                "item",
                QCoreApplication.translate(
                    "MovementDialog",
                    "Choose an item from the list: type its code, name or pinyin initials.",
                ),
            )
        return item

    def preset(self, depot: str | None = None, item: str | None = None, batch: str | None = None):
        """Start from a depot, an item code and a lot (e.g. the selected balance row)."""
        self._preset_batch = batch
        combo = getattr(self, "depot", None)
        if depot and combo is not None and combo.findData(depot) >= 0:
            combo.setCurrentIndex(combo.findData(depot))
        if item:
            self.item.select_code(item)

    def _item_changed(self, item: dict | None) -> None:
        # the chosen item's whole caption shows: the field (and the form) grow to fit it
        text = self.item.text() if item else ""
        width = self.item.fontMetrics().horizontalAdvance(text) + ITEM_MARGIN
        self.item.setMinimumWidth(min(width, MAX_WIDTH) if item else 0)
        self.fit_width()
        unit = f" {item['unit']}" if item else ""
        for spin in self.findChildren(QSpinBox):
            spin.setSuffix(unit)
        self.item_changed(item)

    def item_changed(self, item: dict | None) -> None:
        """Subclasses reload what depends on the item."""

    def summary(self, result) -> str:
        return QCoreApplication.translate("MovementDialog", "Saved.")


class ReceiveDialog(MovementDialog):
    """入库: stock arrives at a depot (purchase, donation, transfer in, return)."""

    SOURCES = ("采购", "捐赠", "调入", "退库")

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Receive stock"), parent)
        self.depot = self.depot_combo()
        self.batch = QLineEdit()
        self.expiry = DateField()
        self.no_expiry = QCheckBox(self.tr("No expiry date"))
        self.no_expiry.toggled.connect(lambda on: self.expiry.setEnabled(not on))
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.expiry, 1)
        expiry_row.addWidget(self.no_expiry)
        self.produced = DateField()
        self.manufacturer = QLineEdit()
        self.qty = self.quantity()
        self.source = QComboBox()
        for value, caption in zip(
            self.SOURCES,
            (self.tr("Purchase"), self.tr("Donation"), self.tr("Transfer in"), self.tr("Return")),
            strict=True,
        ):
            self.source.addItem(caption, value)
        self.ref = QLineEdit()
        self.ref.setPlaceholderText(self.tr("e.g. purchase order or delivery note number"))
        self.note = QLineEdit()
        self.form.addRow(self.tr("Depot"), self.depot)
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Batch number"), self.batch)
        self.form.addRow(self.tr("Expiry date"), expiry_row)
        self.form.addRow(self.tr("Production date"), self.produced)
        self.form.addRow(self.tr("Manufacturer"), self.manufacturer)
        self.form.addRow(self.tr("Quantity"), self.qty)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Document number"), self.ref)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(
            depot=self.depot,
            batch=self.batch,
            qty=self.qty,
            expires_on=self.expiry,
            produced_on=self.produced,
        )

    def item_changed(self, item: dict | None) -> None:
        if item is not None:
            self.no_expiry.setChecked(not item["shelf_life"])

    def job(self):
        item = self.chosen_item()
        args = dict(
            depot_code=self.depot.currentData(),
            item_code=item["code"],
            batch=self.batch.text(),
            qty=self.qty.value(),
            expiry=None if self.no_expiry.isChecked() else self.expiry.value(),
            produced=self.produced.value(),
            manufacturer=self.manufacturer.text(),
            source=self.source.currentData(),
            ref=self.ref.text().strip(),
            note=self.note.text().strip(),
        )
        ctx = actor()
        return lambda db: stock.receive(db, ctx, **args)

    def summary(self, result) -> str:
        return self.tr("Received {qty} of {item}, lot {lot}, at {depot}.").format(
            qty=f"{result['qty']:,}", item=result["item"], lot=result["lot"], depot=result["depot"]
        )


class _FromLotDialog(MovementDialog):
    """Issue and transfer: take stock from a depot, FEFO unless a lot is named."""

    def build(self, depot_caption: str) -> None:
        self.depot = self.depot_combo()
        self.lot = self.lot_combo("issue")
        self.available = self.info_label()
        self.qty = self.quantity()
        self.depot.currentIndexChanged.connect(self.reload_lots)
        self.lot.loaded.connect(self._show_available)
        self.form.addRow(depot_caption, self.depot)
        self.fields.update(depot=self.depot, lot=self.lot, qty=self.qty)

    def add_item_rows(self) -> None:
        self.form.addRow(QCoreApplication.translate("MovementDialog", "Item"), self.item)
        self.form.addRow(QCoreApplication.translate("MovementDialog", "Lot"), self.lot)
        self.form.addRow("", self.available)
        self.form.addRow(QCoreApplication.translate("MovementDialog", "Quantity"), self.qty)

    def item_changed(self, item: dict | None) -> None:
        self.reload_lots()

    def reload_lots(self) -> None:
        item = self.item.item()
        self.available.clear()
        self.lot.load(
            self.depot.currentData(),
            item["code"] if item else None,
            self._preset_batch,
        )

    def _show_available(self, _count: int) -> None:
        item = self.item.item() or {}
        self.available.setText(
            QCoreApplication.translate("MovementDialog", "Usable stock here: {qty} {unit}").format(
                qty=f"{self.lot.usable_total():,}", unit=item.get("unit", "")
            )
        )


class IssueDialog(_FromLotDialog):
    """出库: stock leaves a depot for use, earliest expiry first unless a lot is chosen."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Issue stock"), parent)
        self.build(self.tr("Depot"))
        self.add_item_rows()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. emergency response, routine use"))
        self.ref = QLineEdit()
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Document number"), self.ref)

    def job(self):
        item = self.chosen_item()
        args = dict(
            depot_code=self.depot.currentData(),
            item_code=item["code"],
            qty=self.qty.value(),
            batch=self.lot.batch(),
            reason=self.reason.text(),
            ref=self.ref.text().strip(),
        )
        ctx = actor()
        return lambda db: stock.issue(db, ctx, **args)

    def summary(self, result) -> str:
        item = self.item.item() or {}
        return self.tr("Issued {qty} of {item} from {lots} lot(s).").format(
            qty=f"{sum(p.qty for p in result):,}", item=item.get("code", ""), lots=len(result)
        )


class TransferDialog(_FromLotDialog):
    """调拨: stock leaves one depot now and is in transit until the other receives it."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Transfer stock"), parent)
        self.build(self.tr("From depot"))
        self.target = self.depot_combo(kept=False)
        if self.target.count() > 1:
            self.target.setCurrentIndex(1)
        self.form.addRow(self.tr("To depot"), self.target)
        self.add_item_rows()
        self.ref = QLineEdit()
        self.form.addRow(self.tr("Document number"), self.ref)
        self.fields["to"] = self.target

    def job(self):
        item = self.chosen_item()
        args = dict(
            from_code=self.depot.currentData(),
            to_code=self.target.currentData(),
            item_code=item["code"],
            qty=self.qty.value(),
            batch=self.lot.batch(),
            ref=self.ref.text().strip(),
        )
        ctx = actor()
        return lambda db: stock.transfer(db, ctx, **args)

    def summary(self, result) -> str:
        return self.tr("Sent {qty} to {depot}; in transit until received.").format(
            qty=f"{sum(r['qty'] for r in result):,}", depot=self.target.currentData()
        )


class CountDialog(MovementDialog):
    """盘点: the counted quantity of a lot; the difference to the book is booked."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Stock count"), parent)
        self.depot = self.depot_combo()
        self.lot = self.lot_combo("count")
        self.book = self.info_label()
        self.counted = self.quantity(minimum=0)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. monthly count"))
        self.depot.currentIndexChanged.connect(self.reload_lots)
        self.lot.loaded.connect(self._show_book)
        self.lot.currentTextChanged.connect(self._show_book)
        self.form.addRow(self.tr("Depot"), self.depot)
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Lot"), self.lot)
        self.form.addRow(self.tr("Book quantity"), self.book)
        self.form.addRow(self.tr("Counted quantity"), self.counted)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(depot=self.depot, lot=self.lot, qty=self.counted)

    def item_changed(self, item: dict | None) -> None:
        self.reload_lots()

    def reload_lots(self) -> None:
        item = self.item.item()
        self.lot.load(
            self.depot.currentData(),
            item["code"] if item else None,
            self._preset_batch,
        )
        self._show_book()

    def _show_book(self, *_args) -> None:
        row = self.lot.row()
        if row is None:
            self.book.setText(self.tr("0 (this lot is not on the books of this depot)"))
        else:
            self.book.setText(f"{row['qty']:,} {row['unit']}")

    def job(self):
        item = self.chosen_item()
        args = dict(
            depot_code=self.depot.currentData(),
            item_code=item["code"],
            batch=self.lot.batch() or "",
            counted=self.counted.value(),
            reason=self.reason.text(),
        )
        ctx = actor()
        return lambda db: stock.count(db, ctx, **args)

    def summary(self, result) -> str:
        return self.tr(
            "Counted {counted} of lot {lot} (book {book}, difference {difference})."
        ).format(
            counted=f"{result['counted']:,}",
            lot=result["lot"],
            book=f"{result['book']:,}",
            difference=f"{result['difference']:+,}",
        )


class WriteoffDialog(MovementDialog):
    """报废: stock leaves the books as expired, damaged or lost (any lot status)."""

    REASONS = ("过期", "损坏", "丢失")

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, lists, self.tr("Write off stock"), parent)
        self.depot = self.depot_combo()
        self.lot = self.lot_combo("held")
        self.qty = self.quantity()
        self.reason = QComboBox()
        for value, caption in zip(
            self.REASONS, (self.tr("Expired"), self.tr("Damaged"), self.tr("Lost")), strict=True
        ):
            self.reason.addItem(caption, value)
        self.depot.currentIndexChanged.connect(self.reload_lots)
        self.lot.currentIndexChanged.connect(self._suggest)
        self.form.addRow(self.tr("Depot"), self.depot)
        self.form.addRow(self.tr("Item"), self.item)
        self.form.addRow(self.tr("Lot"), self.lot)
        self.form.addRow(self.tr("Quantity"), self.qty)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(depot=self.depot, lot=self.lot, qty=self.qty)

    def item_changed(self, item: dict | None) -> None:
        self.reload_lots()

    def reload_lots(self) -> None:
        item = self.item.item()
        self.lot.load(
            self.depot.currentData(),
            item["code"] if item else None,
            self._preset_batch,
        )

    def _suggest(self, _index: int) -> None:
        """An expired lot is usually written off whole, and for being expired."""
        row = self.lot.row()
        if row is not None and row["expiry"] and row["expiry"] < self.lot.today.isoformat():
            self.qty.setValue(row["qty"])
            self.reason.setCurrentIndex(0)

    def job(self):
        item = self.chosen_item()
        if not self.lot.batch():
            raise Invalid("lot", self.tr("Choose the lot to write off."))
        args = dict(
            depot_code=self.depot.currentData(),
            item_code=item["code"],
            batch=self.lot.batch(),
            qty=self.qty.value(),
            reason=self.reason.currentData(),
        )
        ctx = actor()
        return lambda db: stock.writeoff(db, ctx, **args)

    def summary(self, result) -> str:
        return self.tr("Wrote off {qty} of {item}, lot {lot} ({reason}).").format(
            qty=f"{result['qty']:,}",
            item=result["item"],
            lot=result["lot"],
            reason=result["reason"],
        )


DIALOGS = {
    "receive": ReceiveDialog,
    "issue": IssueDialog,
    "transfer": TransferDialog,
    "count": CountDialog,
    "writeoff": WriteoffDialog,
}
