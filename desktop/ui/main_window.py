"""The main window: navigation on the left, one page per area, menus, status bar.

Only areas that work are listed; each later area adds its page here.
Modules needed only after start-up (check, dialogs) are imported where used:
start-up time is measured against a bare window (make bench).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.ui import style
from desktop.ui.experts_page import ExpertsPage
from desktop.ui.orders_page import OrdersPage
from desktop.ui.overview_page import OverviewPage
from desktop.ui.playbooks_page import PlaybooksPage
from desktop.ui.reserves_page import ReservesPage
from desktop.ui.sync_page import SyncPage


class MainWindow(QMainWindow):
    """BioReserve's main window over one database.

    Signals:
        open_requested(str): the user chose another database file.
        new_requested(): the user asked to create a new database.
        language_requested(str): the user chose a language (zh_CN or en).
    """

    open_requested = Signal(str)
    new_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, worker, db_info: dict, language: str, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.db_info = db_info
        self.demo = db_info["demo"]
        station = db_info["station"] or {}
        title = self.tr("BioReserve — Biosafety Emergency Reserves and Response")
        if self.demo:
            title += " " + self.tr("[DEMONSTRATION DATA]")
        self.setWindowTitle(title)
        self.resize(1200, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(160)
        self.nav.setSpacing(4)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.nav.setFont(font)
        self.pages = QStackedWidget()
        self.overview = OverviewPage(worker, self.demo)
        self._add_page(self.tr("Overview"), self.overview)
        self.reserves = ReservesPage(worker)
        self.reserves.changed.connect(self.overview.refresh)
        self._add_page(self.tr("Reserves"), self.reserves)
        self.orders = OrdersPage(worker)
        self.orders.changed.connect(self.reserves.refresh)
        self.orders.changed.connect(self.overview.refresh)
        self._add_page(self.tr("Orders"), self.orders)
        self.experts = ExpertsPage(worker)  # built on first show
        self.experts.changed.connect(self.overview.refresh)
        self._add_page(self.tr("Expert roster"), self.experts)
        self.playbooks = PlaybooksPage(worker)
        self._add_page(self.tr("Playbooks"), self.playbooks)
        self.sync = SyncPage(worker)  # built on first show
        for page in (self.overview, self.reserves, self.orders, self.experts, self.playbooks):
            self.sync.changed.connect(page.refresh)
        self._add_page(self.tr("Synchronization"), self.sync)
        self.reserves.order_requested.connect(self.order_from_alert)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus(language)
        self._build_status_bar(station, db_info["path"])
        self.overview.refresh()

    def _add_page(self, caption: str, page: QWidget) -> None:
        QListWidgetItem(caption, self.nav)
        self.pages.addWidget(page)

    def _build_menus(self, language: str) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New database…"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.new_requested)
        self.action_open = QAction(self.tr("&Open database…"), self)
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(self._choose_database)
        self.action_check = QAction(self.tr("&Check database"), self)
        self.action_check.triggered.connect(self._check_database)
        self.action_import = QAction(self.tr("&Import spreadsheet…"), self)
        self.action_import.setShortcut("Ctrl+I")
        self.action_import.triggered.connect(self.open_import)
        self.action_export = QAction(self.tr("&Export stock, ledger and alerts…"), self)
        self.action_export.triggered.connect(self._export)
        self.reserves.add_tool_action(self.action_import)
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        for action in (self.action_new, self.action_open, self.action_check):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.action_import)
        templates = file_menu.addMenu(self.tr("Import &templates"))
        self.template_actions = {}
        for kind, caption in (
            ("items", self.tr("Catalogue items…")),
            ("depots", self.tr("Depots…")),
            ("stock", self.tr("Stock (opening balances or receipts)…")),
            ("norms", self.tr("Reserve norms…")),
        ):
            action = templates.addAction(caption)
            action.triggered.connect(lambda _=False, k=kind: self._save_template(k))
            self.template_actions[kind] = action
        file_menu.addAction(self.action_export)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.action_refresh = QAction(self.tr("&Refresh"), self)
        self.action_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.action_refresh.triggered.connect(self.overview.refresh)
        self.action_refresh.triggered.connect(self.reserves.refresh)
        self.action_refresh.triggered.connect(self.orders.refresh)
        self.action_refresh.triggered.connect(self.experts.refresh)
        self.action_refresh.triggered.connect(self.playbooks.refresh)
        self.action_refresh.triggered.connect(self.sync.refresh)
        view_menu.addAction(self.action_refresh)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, caption in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(caption, self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = QAction(self.tr("&About BioReserve"), self)
        self.action_about.triggered.connect(self._about)
        help_menu.addAction(self.action_about)

    def _build_status_bar(self, station: dict, path: str) -> None:
        bar = self.statusBar()
        self.station_label = QLabel(
            self.tr("Station: {name} ({code})").format(
                name=station.get("name", "—"), code=station.get("code", "—")
            )
        )
        self.db_label = QLabel(self.tr("Database: {path}").format(path=path))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.station_label)
        bar.addPermanentWidget(self.db_label, 1)
        if self.demo:
            self.demo_label = QLabel(self.tr("DEMO DATA"))
            self.demo_label.setObjectName("demoMarker")
            style.apply(self.demo_label, "marker")
            bar.addPermanentWidget(self.demo_label)

    def order_from_alert(self, prefill: dict):
        """预警 → 调拨单: show the orders page with a new order for the shortfall."""
        self.nav.setCurrentRow(self.pages.indexOf(self.orders))
        return self.orders.new_order(prefill)

    def open_import(self):
        """The import dialog; after an import the reserves and the overview refresh."""
        from desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.worker, self)
        dialog.imported.connect(lambda _report: self.reserves.refresh())
        dialog.imported.connect(lambda _report: self.overview.refresh())
        dialog.show()
        return dialog

    def _save_template(self, kind: str) -> None:
        dialog = self.open_import()
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.save_template()

    def _export(self) -> None:
        from desktop.ui.export_runner import ExportRunner

        self.export_runner = ExportRunner(self.worker, self)
        self.export_runner.choose_and_run()

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            self.db_info["path"],
            self.tr("BioReserve databases (*.db *.sqlite);;All files (*)"),
        )
        if path:
            self.open_requested.emit(path)

    def _check_database(self) -> None:
        self.statusBar().showMessage(self.tr("Checking the database…"))
        from desktop.core import check

        self.worker.run(check.run, self._show_check)

    def _show_check(self, problems) -> None:
        self.statusBar().clearMessage()
        if not problems:
            QMessageBox.information(
                self,
                self.tr("Check database"),
                self.tr("No problems found: the data matches its operations."),
            )
            return
        text = "\n".join(f"[{p.kind}] {p.message}" for p in problems[:30])
        QMessageBox.warning(
            self,
            self.tr("Check database"),
            self.tr("{count} problem(s) found:").format(count=len(problems)) + "\n\n" + text,
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About BioReserve"),
            self.tr(
                "BioReserve {version}\n\nBiosafety emergency reserves and response for the "
                "Hengyang biosafety coordination mechanism. Works offline; every change is "
                "recorded as an operation that other stations can merge."
            ).format(version=__version__),
        )
