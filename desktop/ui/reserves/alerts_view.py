"""预警: stock below norm, out of stock, near expiry, expired and negative balances
(alerts.first_pages), with this station's near-expiry thresholds editable in place. A
negative balance left by a merge is reconciled by a count (reconcile_dialog).

The lists run to thousands of rows on city data: all but the negative balances arrive a page
at a time as the view scrolls (alerts.page, in compute()'s order); their tabs show the total
counts from the start."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reserves import alerts
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import STOCK, watch
from desktop.ui.widgets.empty_hint import empty_hint
from desktop.ui.widgets.paged_model import NO_PARENT, PagedModel
from desktop.ui.widgets.rows_model import Column, RowsModel

KINDS = alerts.KINDS


def _expiry_colour(row: dict):
    return style.EXPIRED if row["days_left"] < 0 else style.NEAR_EXPIRY


class AlertsModel(PagedModel):
    """One list of alerts.PAGED_KINDS (dicts, as alerts.compute lists them), shown like a
    RowsModel: seeded with the first page, the next ones fetched on the worker as the view
    scrolls, each after the last row held (keyset), for the day and thresholds of the seed."""

    def __init__(
        self,
        worker,
        kind: str,
        columns: list[Column],
        foreground,
        page_size: int,
        parent=None,
    ):
        super().__init__(worker, page_size, parent)
        self.kind = kind
        self.columns = columns
        self._foreground = foreground
        self.today: date | None = None
        self.days: tuple[int, ...] = ()

    def seed(self, rows: list[dict], today: date, days: tuple[int, ...]) -> None:
        """Show the first page (read with the counts); later pages follow on scrolling."""
        self.beginResetModel()
        self.today, self.days = today, tuple(days)
        self.rows = list(rows)
        self._generation += 1  # a page of the previous seed arriving now is dropped
        self._pending = False
        self._done = len(rows) < self.page_size
        self.endResetModel()

    def page_job(self, count: int, last):
        kind, today, days, size = self.kind, self.today, self.days, self.page_size
        return lambda db: alerts.page(db, kind, today, days, after=last, limit=size)

    def row(self, number: int) -> dict | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return RowsModel.data(self, index, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return RowsModel.headerData(self, section, orientation, role)


class AlertsView(QWidget):
    """Five tables of alerts and the threshold editor.

    Signals:
        loaded(dict): alert counts by kind, once the tables are filled.
        thresholds_changed(list): the station's new thresholds in days.
        order_requested(dict): make an allocation order for the selected shortfalls:
            {"to": depot code, "lines": [(item code, quantity)]}.
        reconciled(dict): a negative balance was settled by a count (stock.count's result);
            the alerts reload themselves, other views of the stock should too.
    """

    page_size = alerts.PAGE  # rows of a paged list read at a time

    loaded = Signal(dict)
    thresholds_changed = Signal(list)
    order_requested = Signal(dict)
    reconciled = Signal(dict)

    def __init__(self, worker, lists: dict | None = None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.counts: dict[str, int] = {}
        self.thresholds = QLineEdit()
        self.thresholds.setMaximumWidth(160)
        self.thresholds.setToolTip(
            self.tr("1 to 5 day counts separated by commas; each lot is shown in the tightest.")
        )
        self.save = QPushButton(self.tr("Save thresholds"))
        self.save.clicked.connect(self.save_thresholds)
        self.thresholds.returnPressed.connect(self.save_thresholds)
        self.message = QLabel()
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Near-expiry thresholds (days)")))
        bar.addWidget(self.thresholds)
        bar.addWidget(self.save)
        bar.addWidget(self.message, 1)
        self.make_order = QPushButton(self.tr("Allocation order for the selection…"))
        self.make_order.setToolTip(
            self.tr(
                "Below norm or out of stock: order the shortfall of the selected rows "
                "(one depot) from the other depots."
            )
        )
        self.make_order.clicked.connect(self.request_order)
        bar.addWidget(self.make_order)
        self.reconcile = QPushButton(self.tr("Reconcile…"))
        self.reconcile.setToolTip(
            self.tr(
                "Negative balance: see who issued the lot at which station, and settle it "
                "with a physical count."
            )
        )
        self.reconcile.setEnabled(False)
        self.reconcile.clicked.connect(self.open_reconcile)
        bar.addWidget(self.reconcile)
        self.reconcile_dialog = None
        norm_columns = [
            Column("depot", self.tr("Depot code")),
            Column("depot_name", self.tr("Depot")),
            Column("item", self.tr("Item code")),
            Column("item_name", self.tr("Item")),
            Column("norm", self.tr("Reserve norm"), "number"),
            Column("have", self.tr("Usable stock"), "number"),
            Column("short", self.tr("Shortfall"), "number"),
            Column("unit", self.tr("Unit")),
        ]
        lot_columns = [
            Column("depot", self.tr("Depot code")),
            Column("depot_name", self.tr("Depot")),
            Column("item", self.tr("Item code")),
            Column("item_name", self.tr("Item")),
            Column("lot", self.tr("Batch number")),
            Column("expiry", self.tr("Expiry date")),
            Column("days_left", self.tr("Days left"), "number"),
            Column("status", self.tr("Status"), "vocab"),
            Column("qty", self.tr("Quantity"), "number"),
            Column("unit", self.tr("Unit")),
        ]
        self.models = {
            "below_norm": AlertsModel(
                worker, "below_norm", norm_columns, None, self.page_size, self
            ),
            "out_of_stock": AlertsModel(
                worker, "out_of_stock", norm_columns, None, self.page_size, self
            ),
            "near_expiry": AlertsModel(
                worker,
                "near_expiry",
                [*lot_columns[:6], Column("bucket", self.tr("Within (days)"), "number")]
                + lot_columns[6:],
                _expiry_colour,
                self.page_size,
                self,
            ),
            "expired": AlertsModel(
                worker, "expired", lot_columns, _expiry_colour, self.page_size, self
            ),
            # Two stations issued the same stock offline: resolve it with a count.
            "negative": RowsModel(
                [*lot_columns[:6], lot_columns[8], lot_columns[9]], lambda _row: style.EXPIRED, self
            ),
        }
        self.captions = {
            "below_norm": self.tr("Below norm"),
            "out_of_stock": self.tr("Out of stock"),
            "near_expiry": self.tr("Near expiry"),
            "expired": self.tr("Expired"),
            "negative": self.tr("Negative balance"),
        }
        nothing = {
            "below_norm": self.tr("No depot holds less than its norm of an item."),
            "out_of_stock": self.tr("No item with a norm is out of stock."),
            "near_expiry": self.tr("No lot expires within the warning periods."),
            "expired": self.tr("No expired lot is held."),
            "negative": self.tr("No negative balance: no lot was issued twice by two stations."),
        }
        self.tabs = QTabWidget()
        self.tables = {}
        self.hints = {}
        for kind in KINDS:
            table = style.table(QTableView())
            table.setModel(self.models[kind])
            table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
            self.hints[kind] = empty_hint(table, nothing[kind])
            self.tables[kind] = table
            self.tabs.addTab(table, self.captions[kind])
        negative = self.tables["negative"]
        negative.selectionModel().selectionChanged.connect(self._update_reconcile)
        negative.doubleClicked.connect(lambda _index: self.open_reconcile())
        self.models["negative"].modelReset.connect(self._update_reconcile)
        for kind in alerts.PAGED_KINDS:
            self.models[kind].load_failed.connect(self._say_error)
        self.tabs.currentChanged.connect(self._update_reconcile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        watch(self, worker, STOCK | {"meta"})

    def set_lists(self, lists: dict) -> None:
        pass

    def refresh(self) -> None:
        size = self.page_size
        self.worker.run(lambda db: alerts.first_pages(db, limit=size), self._show)

    def _show(self, found: dict) -> None:
        self.thresholds.setText(",".join(str(d) for d in found["thresholds"]))
        today, days = date.fromisoformat(found["today"]), tuple(found["thresholds"])
        for number, kind in enumerate(KINDS):
            rows = found.get(kind, [])
            model = self.models[kind]
            if isinstance(model, AlertsModel):
                model.seed(rows, today, days)
            else:
                model.set_rows(rows)
            self.tabs.setTabText(number, f"{self.captions[kind]} ({found['counts'][kind]:,})")
            style.fit_columns(self.tables[kind])
        self.counts = dict(found["counts"])
        self.loaded.emit(self.counts)

    def request_order(self) -> None:
        """Ask for an order covering the selected norm shortfalls of one depot."""
        kind = KINDS[self.tabs.currentIndex()]
        if kind not in ("below_norm", "out_of_stock"):
            self._say_error(self.tr("Choose rows under Below norm or Out of stock."))
            return
        table, model = self.tables[kind], self.models[kind]
        rows = [model.row(i.row()) for i in table.selectionModel().selectedRows()]
        if not rows:
            self._say_error(self.tr("Select the rows to order (one depot)."))
            return
        depots = {row["depot"] for row in rows}
        if len(depots) > 1:
            self._say_error(self.tr("The selected rows belong to several depots; choose one."))
            return
        self.message.clear()
        self.order_requested.emit(
            {"to": depots.pop(), "lines": [(row["item"], row["short"]) for row in rows]}
        )

    def selected_negative(self) -> dict | None:
        """The one selected row under Negative balance, else None."""
        if KINDS[self.tabs.currentIndex()] != "negative":
            return None
        rows = self.tables["negative"].selectionModel().selectedRows()
        return self.models["negative"].row(rows[0].row()) if len(rows) == 1 else None

    def _update_reconcile(self, *_args) -> None:
        self.reconcile.setEnabled(self.selected_negative() is not None)

    def open_reconcile(self):
        """Open the reconciliation of the selected negative balance; returns the dialog."""
        row = self.selected_negative()
        if row is None:
            return None
        from desktop.ui.reserves.reconcile_dialog import ReconcileDialog

        self.message.clear()
        self.reconcile_dialog = ReconcileDialog(self.worker, row, self)
        self.reconcile_dialog.succeeded.connect(self._reconciled)
        self.reconcile_dialog.open()
        return self.reconcile_dialog

    def _reconciled(self, result: dict) -> None:
        dialog = self.reconcile_dialog
        style.apply(self.message, "ok")
        if dialog is not None and hasattr(dialog, "summary"):
            self.message.setText(dialog.summary(result))
        self.reconciled.emit(result)  # the lists refresh themselves (change_watcher)

    def _say_error(self, text: str) -> None:
        style.apply(self.message, "error")
        self.message.setText(text)

    def save_thresholds(self) -> None:
        text, ctx = self.thresholds.text(), actor()
        self.worker.run(refusable(lambda db: alerts.set_thresholds(db, text, ctx)), self._saved)

    def _saved(self, result) -> None:
        if isinstance(result, Refused):
            style.apply(self.message, "error")
            self.message.setText(result.message)
            self.thresholds.setFocus()
            return
        style.apply(self.message, "ok")
        self.message.setText(
            self.tr("Saved: {days} days.").format(days=", ".join(str(d) for d in result))
        )
        self.thresholds_changed.emit(list(result))
        self.refresh()
