"""库存: balances by depot × item or by lot, filtered by depot and category and by the
page's search box (text or pinyin initials), loaded a page at a time."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui.reserves import lookups
from desktop.ui.reserves.balances_model import BalancesModel
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch


class BalancesView(QWidget):
    """The balances tab.

    Signals:
        row_activated(dict): a row was double-clicked (the page offers to issue from it).
    """

    row_activated = Signal(dict)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.model = BalancesModel(worker, self)
        self.depot = QComboBox()
        self.category = QComboBox()
        self.group = QComboBox()
        self.group.addItem(self.tr("By depot and item"), False)
        self.group.addItem(self.tr("By lot"), True)
        bar = QHBoxLayout()
        for caption, combo in (
            (self.tr("Depot"), self.depot),
            (self.tr("Category"), self.category),
            (self.tr("Show"), self.group),
        ):
            bar.addWidget(QLabel(caption))
            bar.addWidget(combo)
        bar.addStretch(1)
        self.legend = style.apply(QLabel(), "muted")  # under the table: the filters keep room
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(self._activated)
        self.status = style.apply(QLabel(), "muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        under = QHBoxLayout()
        under.addWidget(self.legend)
        under.addStretch(1)
        under.addWidget(self.status)
        layout.addLayout(under)
        self.set_lists(lists)
        for combo in (self.depot, self.category, self.group):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self._sized = False
        watch(self, worker, STOCK)

    def set_lists(self, lists: dict) -> None:
        lookups.fill(self.depot, lookups.depot_entries(lists), self.tr("All depots"))
        lookups.fill(self.category, lookups.category_entries(lists), self.tr("All categories"))
        self.model.category_names = lookups.category_names(lists)
        self.model.near_days = (lists.get("thresholds") or [90])[-1]
        self.legend.setText(
            self.tr("Red: expired · amber: expires within {days} days · grey: not released").format(
                days=self.model.near_days
            )
        )

    def refresh(self) -> None:
        self.model.set_filters()

    def set_search(self, text: str) -> None:
        self.model.set_filters(search=text.strip())

    def _filters_changed(self) -> None:
        self._sized = False
        self.model.set_filters(
            depot=self.depot.currentData(),
            category=self.category.currentData(),
            by_lot=bool(self.group.currentData()),
        )

    def _page_loaded(self, _count: int) -> None:
        if not self._sized and self.model.rowCount():
            style.fit_columns(self.table)
            self._sized = True
        rows = self.model.rowCount()
        if self.model.complete:
            self.status.setText(self.tr("{rows} rows").format(rows=f"{rows:,}"))
        else:
            self.status.setText(
                self.tr("{rows} rows loaded; scroll down for more").format(rows=f"{rows:,}")
            )

    def selected(self) -> dict | None:
        """The selected balance row (depot, item, lot…), for the movement dialogs."""
        index = self.table.currentIndex()
        return self.model.row_dict(index.row()) if index.isValid() else None

    def _activated(self, index) -> None:
        row = self.model.row_dict(index.row())
        if row is not None:
            self.row_activated.emit(row)
