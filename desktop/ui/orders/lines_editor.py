"""The lines of a new allocation order: choose an item (code, name or pinyin initials),
a quantity, 添加; quantities are edited in the table, rows removed with 删除所选行.
Each line shows the usable stock across all depots, so a shortfall shows before saving."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import BioError
from desktop.core.reserves import catalog, stock
from desktop.ui.orders.models import MAX_QTY, LinesModel
from desktop.ui.widgets import style
from desktop.ui.widgets.item_picker import ItemPicker
from desktop.ui.widgets.row_choice import choose_row

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class QuantityDelegate(QStyledItemDelegate):
    """Edits a quantity with a spin box (1 … 2,000,000,000)."""

    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        spin.setRange(1, MAX_QTY)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin


class LinesEditor(QWidget):
    """Item picker, quantity, 添加 and the table of lines.

    Signals:
        changed(): the lines changed.
        prefilled(int): lines given by prefill() are in the table (how many).
    """

    changed = Signal()
    prefilled = Signal(int)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.model = LinesModel(self)
        self.model.lines_changed.connect(self.changed)
        self.picker = ItemPicker(worker)
        self.picker.item_changed.connect(self._item_chosen)
        self.qty = QSpinBox()
        self.qty.setRange(1, MAX_QTY)
        self.qty.setGroupSeparatorShown(True)
        self.qty.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty.setMinimumWidth(120)
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(self.add_chosen)
        # Enter in the picker or the quantity belongs to the line, not to the dialog's OK.
        self.picker.installEventFilter(self)
        self.qty.installEventFilter(self)
        self.remove_button = QPushButton(self.tr("Remove selected lines"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.hint = style.apply(QLabel(), "muted")
        self.hint.setWordWrap(True)

        self.table = style.table(QTableView())
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(LinesModel.QTY, QuantityDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setMinimumHeight(150)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.rowsInserted.connect(lambda *_: style.fit_columns(self.table, stretch=1))

        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("Item")))
        entry.addWidget(self.picker, 1)
        entry.addWidget(QLabel(self.tr("Quantity")))
        entry.addWidget(self.qty)
        entry.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.hint, 1)
        below.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)

    # entering lines ------------------------------------------------------------------------
    def _item_chosen(self, item: dict | None) -> None:
        self.qty.setSuffix(f" {item['unit']}" if item and item.get("unit") else "")
        if item is not None:
            self.qty.setFocus()
            self.qty.selectAll()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            if watched is self.qty:
                self.qty.interpretText()
                self.add_chosen()
                return True
            if watched is self.picker:
                self.picker.returnPressed.emit()  # takes the first match
                return True
        return super().eventFilter(watched, event)

    def add_chosen(self) -> bool:
        """Add the chosen item with the quantity typed; False (and a hint) without an item."""
        item = self.picker.item()
        if item is None:
            self.hint.setText(
                self.tr("Choose an item from the list first: type its code, name or pinyin.")
            )
            self.picker.setFocus()
            return False
        self.add(item, self.qty.value())
        self.picker.choose(None)
        self.qty.setValue(1)
        self.picker.setFocus()
        return True

    def add(self, item: dict, qty: int, available: int | None = None) -> None:
        row = self.model.add(item, qty)
        self.hint.clear()
        if available is not None:
            self.model.set_available(item["id"], available)
        else:
            item_id = item["id"]
            self.worker.run(
                lambda db: (item_id, stock.usable_total(db, item_id, date.today())),
                self._available_arrived,
            )
        choose_row(self.table, row)

    def _available_arrived(self, result) -> None:
        item_id, qty = result
        self.model.set_available(item_id, qty)

    def prefill(self, lines: list[tuple[str, int]]) -> None:
        """Add lines given as (item code, quantity), looked up on the worker."""
        wanted = [(str(code), int(qty)) for code, qty in lines]

        def job(db):
            found, unknown = [], []
            for code, qty in wanted:
                try:
                    item = catalog.item_by_code(db, code)
                except BioError:
                    unknown.append(code)
                    continue
                found.append((item, max(qty, 1), stock.usable_total(db, item["id"], date.today())))
            return found, unknown

        self.worker.run(job, self._prefill_arrived)

    def _prefill_arrived(self, result) -> None:
        found, unknown = result
        for item, qty, available in found:
            self.add(item, qty, available)
        if unknown:
            self.hint.setText(
                QCoreApplication.translate(
                    "LinesEditor", "Not in the catalogue, left out: {codes}"
                ).format(codes=", ".join(unknown))
            )
        self.prefilled.emit(len(found))

    # removing -----------------------------------------------------------------------------
    def _selection_changed(self, *_args) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self.model.remove(rows)

    def lines(self) -> list[tuple[str, int]]:
        return self.model.lines()
