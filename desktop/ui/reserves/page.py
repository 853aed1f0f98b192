"""物资储备: stock, ledger, alerts, rotation, transfers in transit, catalogue, depots
and norms, with a toolbar for the five movements and a search box.

Start-up pays for this page's toolbar only: each tab's module is imported and its
widget built the first time the tab is shown, once the reference lists are read.
"""

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import CATALOG, DEPOTS, watch
from desktop.ui.widgets.search_box import SearchBox

# tab key → (module, class); the order is the order of the tabs.
TABS = {
    "balances": ("desktop.ui.reserves.balances_view", "BalancesView"),
    "ledger": ("desktop.ui.reserves.ledger_view", "LedgerView"),
    "alerts": ("desktop.ui.reserves.alerts_view", "AlertsView"),
    "rotation": ("desktop.ui.reserves.rotation_view", "RotationView"),
    "transit": ("desktop.ui.reserves.transit_view", "TransitView"),
    "catalog": ("desktop.ui.reserves.catalog_editor", "CatalogEditor"),
    "depots": ("desktop.ui.reserves.depot_editor", "DepotEditor"),
    "norms": ("desktop.ui.reserves.norms_editor", "NormsEditor"),
}
SEARCHABLE = ("balances", "catalog")
# The reference lists the tabs and dialogs choose from (lookups.LISTS, the thresholds);
# each tab keeps itself up to date with what it shows (widgets/change_watcher.py).
LISTS = CATALOG | DEPOTS | {"meta"}


class ReservesPage(QWidget):
    """The material reserves area.

    Signals:
        tab_ready(str): a tab was built and asked to load (its key).
        order_requested(dict): 预警 asks for an allocation order (see AlertsView).
        lists_loaded(dict): the reference lists (depots, categories, …) were read.
    """

    tab_ready = Signal(str)
    lists_loaded = Signal(dict)
    order_requested = Signal(dict)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict | None = None
        self.tabs_built: dict[str, QWidget] = {}
        self.dialog = None
        self._loading_lists = False
        watch(self, worker, LISTS, self._lists_changed)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_kind = {}
        for kind, caption, tip in (
            ("receive", self.tr("Receive…"), self.tr("Stock in: purchase, donation, return")),
            ("issue", self.tr("Issue…"), self.tr("Stock out, earliest expiry first")),
            ("transfer", self.tr("Transfer…"), self.tr("Send stock to another depot")),
            ("count", self.tr("Count…"), self.tr("Record a stock count of a lot")),
            ("writeoff", self.tr("Write off…"), self.tr("Expired, damaged or lost stock")),
            ("lotstatus", self.tr("Lot status…"), self.tr("Release, quarantine or freeze a lot")),
        ):
            action = QAction(caption, self)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, k=kind: self.open_dialog(k))
            self.toolbar.addAction(action)
            self.actions_by_kind[kind] = action
        # Further actions (导入…) go after this separator: see add_tool_action().
        self._extra_anchor = self.toolbar.addSeparator()
        self.action_refresh = QAction(self.tr("Refresh"), self)
        self.action_refresh.triggered.connect(self.refresh)
        self.toolbar.addAction(self.action_refresh)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search = SearchBox(
            self.tr("Search items: name, code or pinyin initials (kz)"), self, width=300
        )
        self.toolbar.addWidget(self.search)
        self.search.settled.connect(lambda _text: self.apply_search())

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        captions = {
            "balances": self.tr("Stock"),
            "ledger": self.tr("Ledger"),
            "alerts": self.tr("Alerts"),
            "rotation": self.tr("Rotation"),
            "transit": self.tr("In transit"),
            "catalog": self.tr("Catalogue"),
            "depots": self.tr("Depots"),
            "norms": self.tr("Norms"),
        }
        for key in TABS:
            holder = QWidget()
            holder.setObjectName(key)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, captions[key])
        self.tabs.currentChanged.connect(self._tab_shown)
        self.message = style.apply(QLabel(), "ok")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        title = style.apply(QLabel(self.tr("Material reserves")), "pageTitle")
        layout.addWidget(title)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    # tabs --------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.lists is None:
            self.load_lists()

    def load_lists(self) -> None:
        if self._loading_lists:
            return
        self._loading_lists = True
        from desktop.core.reserves import alerts
        from desktop.ui.reserves import lookups

        def job(db):
            lists = lookups.load(db)
            lists["thresholds"] = list(alerts.thresholds(db))
            return lists

        self.worker.run(job, self._lists_arrived)

    def _lists_arrived(self, lists: dict) -> None:
        self._loading_lists = False
        first = self.lists is None
        self.lists = lists
        for tab in self.tabs_built.values():
            tab.set_lists(lists)
        self.lists_loaded.emit(lists)
        if first:
            self._tab_shown(self.tabs.currentIndex())

    def key_at(self, index: int) -> str:
        return list(TABS)[index]

    def tab(self, key: str) -> QWidget | None:
        """The tab's widget once built, else None."""
        return self.tabs_built.get(key)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(list(TABS).index(key))

    def _tab_shown(self, index: int) -> None:
        if self.lists is None or index < 0:
            return
        key = self.key_at(index)
        if key not in self.tabs_built:
            self._build(key)

    def _build(self, key: str) -> QWidget:
        module, name = TABS[key]
        cls = getattr(importlib.import_module(module), name)
        widget = cls(self.worker, self.lists)
        self.tabs_built[key] = widget
        self.tabs.widget(list(TABS).index(key)).layout().addWidget(widget)
        self._connect(key, widget)
        if key in SEARCHABLE and self.search.text().strip():
            widget.set_search(self.search.text())
        else:
            widget.refresh()
        self.tab_ready.emit(key)
        return widget

    def _connect(self, key: str, widget: QWidget) -> None:
        if key == "balances":
            widget.row_activated.connect(lambda row: self.open_dialog("issue", row))
        elif key == "alerts":
            widget.order_requested.connect(self.order_requested)

    def _lists_changed(self) -> None:
        if self.lists is not None:
            self.load_lists()

    def refresh(self) -> None:
        """Reload the reference lists and every tab built so far."""
        if self.lists is None:
            return
        self.load_lists()
        for tab in self.tabs_built.values():
            tab.refresh()

    # search ------------------------------------------------------------------------------
    def apply_search(self) -> None:
        self.search.timer.stop()
        if self.lists is None:
            return
        key = self.key_at(self.tabs.currentIndex())
        if key not in SEARCHABLE:
            key = "balances"
            self.show_tab(key)
        widget = self.tabs_built.get(key) or self._build(key)
        widget.set_search(self.search.text())

    # movements ---------------------------------------------------------------------------
    def open_dialog(self, kind: str, row: dict | None = None):
        """Open the dialog of a movement, starting from the selected balance row."""
        if self.lists is None:
            return None
        from desktop.ui.reserves.lot_status_dialog import LotStatusDialog
        from desktop.ui.reserves.movement_dialogs import DIALOGS

        dialogs = {**DIALOGS, "lotstatus": LotStatusDialog}
        self.dialog = dialogs[kind](self.worker, self.lists, self)
        balances = self.tabs_built.get("balances")
        if (
            row is None
            and balances is not None
            and self.key_at(self.tabs.currentIndex()) == "balances"
        ):
            row = balances.selected()
        if row is not None:
            self.dialog.preset(row["depot"], row["item"], row.get("lot"))
        self.dialog.succeeded.connect(self._movement_done)
        self.dialog.open()
        return self.dialog

    def _movement_done(self, result) -> None:
        dialog = self.sender()
        if dialog is not None and hasattr(dialog, "summary"):
            self.message.setText(dialog.summary(result))

    def add_tool_action(self, action: QAction) -> None:
        """Add an action (e.g. 导入…) to the toolbar after the movements."""
        self.toolbar.insertAction(self._extra_anchor, action)
