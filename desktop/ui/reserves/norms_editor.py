"""定额: reserve norms of one depot, edited in place (norms.set_norm), beside the
compliance rates of every depot and category (norms.compliance)."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reserves import norms
from desktop.ui.reserves import lookups
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch
from desktop.ui.widgets.quantities import QuantityDelegate
from desktop.ui.widgets.rows_model import Column, RowsModel

NO_PARENT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class NormsModel(QAbstractTableModel):
    """One depot's norms; the norm column is edited in place and saved on the worker.

    Signals:
        saved(str): a norm was saved (the item code).
        refused(str): the core refused a norm (its message); the old value is back.
    """

    saved = Signal(str)
    refused = Signal(str)
    NORM = 3

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.depot: str | None = None
        self.rows: list[dict] = []
        self.category_names: dict[str, str] = {}
        self._old: dict[str, int] = {}  # item code → norm before an edit being saved
        self._headers = [
            self.tr("Item code"),
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Reserve norm"),
            self.tr("Usable stock"),
            self.tr("Unit"),
            self.tr("Compliance"),
        ]

    def set_rows(self, depot: str | None, rows: list[dict]) -> None:
        self.beginResetModel()
        self.depot, self.rows = depot, list(rows)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NORM:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole and column == self.NORM:
            return row["norm"]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row["code"]
            if column == 1:
                return row["name"]
            if column == 2:
                return self.category_names.get(row["category"], row["category"] or "")
            if column == self.NORM:
                return f"{row['norm']:,}"
            if column == 4:
                return f"{row['have']:,}"
            if column == 5:
                return row["unit"]
            if column == 6:
                return f"{min(row['have'] / row['norm'], 1) * 100:.0f} %" if row["norm"] else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NORM, 4, 6):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row["norm"] and column in (4, 6):
            if row["have"] <= 0:
                return style.EXPIRED
            if row["have"] < row["norm"]:
                return style.NEAR_EXPIRY
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NORM:
            return self.tr("Double-click to change the norm (0 removes it).")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NORM or not self.depot:
            return False
        row = self.rows[index.row()]
        old = row["norm"]
        if str(value).strip() == str(old):
            return False
        row["norm"] = value if isinstance(value, int) else old
        self.dataChanged.emit(index, index.siblingAtColumn(6))
        depot, code, ctx = self.depot, row["code"], actor()
        self._old[code] = old
        save = refusable(lambda db: norms.set_norm(db, ctx, depot, code, value))
        self.worker.run(lambda db: (code, save(db)), self._saved)
        return True

    def _saved(self, result) -> None:
        code, outcome = result
        old = self._old.pop(code, 0)
        if isinstance(outcome, Refused):
            for number, row in enumerate(self.rows):
                if row["code"] == code:
                    row["norm"] = old
                    self.dataChanged.emit(self.index(number, self.NORM), self.index(number, 6))
            self.refused.emit(outcome.message)
            return
        self.saved.emit(code)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None


class NormsEditor(QWidget):
    """The norms tab: one depot's norms and everyone's compliance.

    Signals:
        loaded(): the norms and compliance figures are on screen.
    """

    loaded = Signal()

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists = lists
        self.depot = QComboBox()
        self.everything = QCheckBox(self.tr("Show items without a norm"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Depot")))
        bar.addWidget(self.depot)
        bar.addWidget(self.everything)
        bar.addWidget(self.message, 1)
        self.model = NormsModel(worker, self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(NormsModel.NORM, QuantityDelegate(0, self.table))
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        self.city = style.apply(QLabel(), "heading")
        self.by_depot = RowsModel(
            [
                Column("name", self.tr("Depot")),
                Column("lines", self.tr("Norm lines"), "number"),
                Column("met", self.tr("Met"), "number"),
                Column("percent", self.tr("Compliance"), "percent"),
            ],
            parent=self,
        )
        self.by_category = RowsModel(
            [
                Column("name", self.tr("Category")),
                Column("lines", self.tr("Norm lines"), "number"),
                Column("met", self.tr("Met"), "number"),
                Column("percent", self.tr("Compliance"), "percent"),
            ],
            parent=self,
        )
        self.depot_table = style.table(QTableView())
        self.depot_table.setModel(self.by_depot)
        self.category_table = style.table(QTableView())
        self.category_table.setModel(self.by_category)
        side = QVBoxLayout()
        side.addWidget(self.city)
        side.addWidget(style.apply(QLabel(self.tr("By depot")), "muted"))
        side.addWidget(self.depot_table, 3)
        side.addWidget(style.apply(QLabel(self.tr("By category")), "muted"))
        side.addWidget(self.category_table, 2)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.set_lists(lists)
        self.depot.currentIndexChanged.connect(self.load_norms)
        self.everything.toggled.connect(self.load_norms)
        self.model.saved.connect(self._norm_saved)
        self.model.refused.connect(self._norm_refused)
        watch(self, worker, STOCK)

    def set_lists(self, lists: dict) -> None:
        self.lists = lists
        lookups.fill(self.depot, [(lookups.depot_caption(r), r["id"]) for r in lists["depots"]])
        self.model.category_names = lookups.category_names(lists)

    def depot_code(self) -> str | None:
        depot_id = self.depot.currentData()
        return next((d["code"] for d in self.lists["depots"] if d["id"] == depot_id), None)

    def refresh(self) -> None:
        self.load_norms()
        self.worker.run(norms.compliance, self._show_compliance)

    def load_norms(self, *_args) -> None:
        depot_id, everything, code = (
            self.depot.currentData(),
            self.everything.isChecked(),
            self.depot_code(),
        )
        self.worker.run(
            lambda db: (
                (code, norms.depot_lines(db, depot_id, everything)) if depot_id else (None, [])
            ),
            self._show_norms,
        )

    def _show_norms(self, result) -> None:
        code, rows = result
        self.model.set_rows(code, rows)
        if rows:
            style.fit_columns(self.table)

    def _show_compliance(self, figures: dict) -> None:
        city = figures["city"]
        if city["percent"] is None:
            self.city.setText(self.tr("No reserve norms are set."))
        else:
            self.city.setText(
                self.tr("City compliance {percent} % ({met} of {lines} norm lines met)").format(
                    percent=f"{city['percent']:.1f}", met=city["met"], lines=city["lines"]
                )
            )
        self.by_depot.set_rows(figures["depots"])
        names = lookups.category_names(self.lists)
        self.by_category.set_rows(
            [
                {**row, "name": names.get(row["category"], row["name"])}
                for row in figures["categories"]
            ]
        )
        style.fit_columns(self.depot_table, stretch=0)
        style.fit_columns(self.category_table, stretch=0)
        self.loaded.emit()

    def _norm_saved(self, code: str) -> None:
        style.apply(self.message, "ok")
        self.message.setText(self.tr("Norm of {item} saved.").format(item=code))
        self.worker.run(norms.compliance, self._show_compliance)

    def _norm_refused(self, message: str) -> None:
        style.apply(self.message, "error")
        self.message.setText(message)
