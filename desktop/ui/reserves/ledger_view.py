"""台账: every stock movement, newest first by when it happened (not by when this station
recorded it), filtered by depot, item and kind, read a page at a time as the table
scrolls (smooth over a million movements)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reserves import ledger
from desktop.ui.reserves import lookups
from desktop.ui.reserves.ledger_model import KINDS, LedgerModel, kind_names
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch
from desktop.ui.widgets.item_picker import ItemPicker


class LedgerView(QWidget):
    """The ledger tab."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.total = 0
        self.model = LedgerModel(worker, self)
        self.depot = QComboBox()
        self.kind = QComboBox()
        names = kind_names()
        lookups.fill(self.kind, [(names[k], k) for k in KINDS], self.tr("All movements"))
        self.item = ItemPicker(worker)
        self.item.setMinimumWidth(340)
        clear = QToolButton()
        clear.setText(self.tr("All items"))
        clear.clicked.connect(lambda: self.item.choose(None))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Depot")))
        bar.addWidget(self.depot)
        bar.addWidget(QLabel(self.tr("Item")))
        bar.addWidget(self.item)
        bar.addWidget(clear)
        bar.addWidget(QLabel(self.tr("Movement")))
        bar.addWidget(self.kind)
        bar.addStretch(1)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.status = style.apply(QLabel(), "muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.set_lists(lists)
        self.depot.currentIndexChanged.connect(self._filters_changed)
        self.kind.currentIndexChanged.connect(self._filters_changed)
        self.item.item_changed.connect(self._filters_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self._sized = False
        watch(self, worker, STOCK)

    def set_lists(self, lists: dict) -> None:
        lookups.fill(self.depot, lookups.depot_entries(lists), self.tr("All depots"))

    def refresh(self) -> None:
        self.model.set_filters()
        self.worker.run(ledger.ledger_count, self._counted)

    def _filters_changed(self, *_args) -> None:
        item = self.item.item()
        self.model.set_filters(
            depot=self.depot.currentData(),
            item=item["code"] if item else None,
            kind=self.kind.currentData(),
        )

    def _counted(self, total: int) -> None:
        self.total = total
        self._page_loaded(0)

    def _page_loaded(self, _count: int) -> None:
        if not self._sized and self.model.rowCount():
            style.fit_columns(self.table)
            self._sized = True
        rows = f"{self.model.rowCount():,}"
        if self.model.complete:
            text = self.tr("{rows} movements").format(rows=rows)
        else:
            text = self.tr("{rows} movements loaded; scroll down for more").format(rows=rows)
        if self.total:
            text += " · " + self.tr("{total} in the ledger").format(total=f"{self.total:,}")
        self.status.setText(text)
