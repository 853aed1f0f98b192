"""The main window: navigation on the left, one page per area, menus, status bar.

Only areas that work are listed; each later area adds its page here.
Modules needed only after start-up (check, dialogs) are imported where used:
start-up time is measured against a bare window (make bench).

Start-up: the window opens with the navigation, the menus and the status bar under the
login cover; 总览 is made once someone is logged in or the login dialog has painted
(`overview`: at once when asked for), the way it is made at once in a window opened for
someone logged in. The other pages (and their modules, which import PySide6's `Qt` namespace and the
core) are made just after the first paint, or at once when one of them is asked for
(window.orders …) or chosen in the navigation.
"""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.access import gate, offers, window_parts
from desktop.ui.shell import backup_menu, session
from desktop.ui.widgets import style
from desktop.ui.widgets.screen_room import resize_within_screen

# The pages after 总览, in navigation order: attribute, made by _build_pages().
LATER_PAGES = (
    "incidents",
    "reserves",
    "orders",
    "experts",
    "playbooks",
    "sync",
    "drills",
    "monitoring",
)


class _StatusBar(QStatusBar):
    """The status bar, which also says when the window's first frame is painted (it is
    painted with it). This rather than an event() override on the window: that would
    route every event through Python and create PySide6's QEvent enums before the show."""

    first_paint = Signal()
    _painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()


class MainWindow(QMainWindow):
    """BioReserve's main window over one database.

    Signals:
        open_requested(str): the user chose another database file.
        new_requested(): the user asked to create a new database.
        language_requested(str): the user chose a language (zh_CN or en).
        first_painted(): the window's first frame is on screen.
        switch_requested(), logout_requested(), lock_requested(): 切换用户, 注销, 锁定.
        session_started(object): someone logged in (the Ctx), and the window shows what
            that role may do.
    """

    open_requested = Signal(str)
    new_requested = Signal()
    language_requested = Signal(str)
    first_painted = Signal()
    restore_requested = Signal(str)
    switch_requested = Signal()
    logout_requested = Signal()
    lock_requested = Signal()
    session_started = Signal(object)

    def __init__(self, worker, db_info: dict, language: str, parent=None):
        super().__init__(parent)
        self.worker = worker
        self._pages: dict[str, QWidget] = {}
        # start-up: the pages (under the login cover) wait for the login dialog, leaving the
        # worker to open the database meanwhile (release_pages); else after the first paint
        self.pages_held = False
        self._painted = False
        self.db_info = db_info
        self.demo = db_info["demo"]
        self.title_prefix = ""  # 【演练】 and the drill's number in a drill's sandbox
        self.drill = None  # the drill's marking (drills/marking.py) in its sandbox
        self._set_title()
        resize_within_screen(self, 1200, 760)  # 1366×768 less a taskbar: 1200×650

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(160)
        self.nav.setSpacing(4)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.nav.setFont(font)
        self.pages = QStackedWidget()
        self._overview = None  # 总览: made by the `overview` property
        captions = [
            self.tr("Overview"),
            self.tr("Incidents"),
            self.tr("Reserves"),
            self.tr("Orders"),
            self.tr("Expert roster"),
            self.tr("Playbooks"),
            self.tr("Synchronization"),
            self.tr("Drills"),
            self.tr("Monitoring"),  # 长期监测
        ]
        # by their captions: no Python object per item (QListWidgetItem's first one, ~2 ms)
        self.nav.addItems(captions)
        for _caption in captions:  # placeholders until _make_overview and _build_pages
            self.pages.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setCurrentRow(0)

        central = QWidget()
        column = self.column = QVBoxLayout(central)  # a drill's banner goes above (add_banner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        column.addLayout(layout, 1)
        # the pages, or the cover while nobody is logged in or the window is locked
        self.shield = QStackedWidget()
        self.shield.addWidget(central)
        self.cover = window_parts.Cover()
        self.shield.addWidget(self.cover)
        self.setCentralWidget(self.shield)

        self._build_menus(language)
        self._build_status_bar(db_info["path"])
        self._show_station()
        self._show_drill()
        if session.logged_in() is not None:  # shown at once: 总览 is in the first frame
            self._make_overview()
        self.set_session(session.logged_in())

    # The pages after 总览 are made on first use (see the module's docstring).
    incidents = property(lambda self: self._page("incidents"))
    reserves = property(lambda self: self._page("reserves"))
    orders = property(lambda self: self._page("orders"))
    experts = property(lambda self: self._page("experts"))
    playbooks = property(lambda self: self._page("playbooks"))
    sync = property(lambda self: self._page("sync"))
    drills = property(lambda self: self._page("drills"))
    monitoring = property(lambda self: self._page("monitoring"))

    @property
    def overview(self):
        """总览 (made when first asked for: under the login cover it waits, _complete)."""
        if self._overview is None:
            self._make_overview()
        return self._overview

    def _make_overview(self) -> None:
        from desktop.ui.overview.page import OverviewPage

        page = OverviewPage(self.worker, self.demo)
        page.incidents_requested.connect(self.show_incidents)
        page.monitoring_requested.connect(self.show_monitoring)
        page.alerts_requested.connect(self.show_alerts)
        page.sync_requested.connect(lambda: self.show_page(self.sync))
        self.action_refresh.triggered.connect(page.refresh)  # the others: _build_pages
        current = self.pages.currentIndex()
        placeholder = self.pages.widget(0)
        self.pages.insertWidget(0, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        self._overview = page
        offers.apply(page)
        page.refresh()

    def _page(self, name: str) -> QWidget:
        if not self._pages:
            self._build_pages()
        return self._pages[name]

    def _build_pages(self) -> None:
        """Make the pages after 总览 in place of their placeholders (once)."""
        if self._pages:
            return
        from desktop.ui.drills.page import DrillsPage
        from desktop.ui.incidents.page import IncidentsPage
        from desktop.ui.monitoring.page import MonitoringPage
        from desktop.ui.orders.page import OrdersPage
        from desktop.ui.playbooks.page import PlaybooksPage
        from desktop.ui.reserves.page import ReservesPage
        from desktop.ui.roster.page import ExpertsPage
        from desktop.ui.sync.page import SyncPage

        worker = self.worker
        incidents = IncidentsPage(worker)  # built on first show
        reserves = ReservesPage(worker)
        orders = OrdersPage(worker)
        experts = ExpertsPage(worker)  # built on first show
        playbooks = PlaybooksPage(worker)
        sync = SyncPage(worker)  # built on first show
        monitoring = MonitoringPage(worker)  # built on first show
        drills = DrillsPage(worker, self.drill.session if self.drill else None)
        drills.enter_requested.connect(self.open_requested)
        reserves.order_requested.connect(self.order_from_alert)
        reserves.add_tool_action(self.action_import)
        incidents.order_requested.connect(self.show_order)
        pages = (incidents, reserves, orders, experts, playbooks, sync, drills, monitoring)
        self._pages = dict(zip(LATER_PAGES, pages, strict=True))
        current = self.pages.currentIndex()
        for index, page in enumerate(pages, start=1):
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        for page in pages:
            self.action_refresh.triggered.connect(page.refresh)
        offers.apply(self)

    def _show_page(self, index: int) -> None:
        if index > 0:
            self._build_pages()
        self.pages.setCurrentIndex(index)
        offers.apply(self.pages.currentWidget())  # buttons a page made since

    def set_session(self, ctx) -> None:
        """Who is logged in (None: nobody): the status bar says it, the pages offer what
        the role may do, and the cover is lifted."""
        self.user_label.setText(window_parts.who(ctx))
        self._offer()
        window_parts.show_menus(self)  # 系统 only for a role with something in it
        for action in (self.action_switch_user, self.action_logout, self.action_password,
                       self.action_lock):  # fmt: skip
            action.setEnabled(ctx is not None)
        self.set_locked(ctx is None)
        if ctx is not None:
            self.session_started.emit(ctx)

    def _offer(self) -> None:
        """Show what the role may use. Before the pages after 总览 are built (start-up),
        what is marked is the menus' actions (`action_…`, every one an attribute of the
        window) and 总览's buttons: offered one by one, not by a search of the window's
        children, whose first walk makes a Python object of each of them (~3.5 ms before the
        first frame). Once the pages are built, or in a drill's sandbox, every child."""
        if self._pages or self.drill is not None:
            offers.apply(self)
            return
        for name, held in vars(self).items():
            if name.startswith("action_") and isinstance(held, QAction):
                gate.offer(held)
        if self._overview is not None:
            offers.apply(self._overview)

    def add_banner(self, banner: QWidget) -> None:
        """A strip above the navigation and the pages (a drill's marking)."""
        self.column.insertWidget(0, banner)

    def set_locked(self, locked: bool) -> None:
        """Cover the pages and the menus (locked, or nobody logged in), or show them."""
        self.cover.say(session.logged_in())
        self.shield.setCurrentWidget(self.cover if locked else self.shield.widget(0))
        self.menuBar().setEnabled(not locked)

    @property
    def locked(self) -> bool:
        return self.shield.currentWidget() is self.cover

    def _first_paint(self) -> None:
        QTimer.singleShot(0, self._after_first_paint)  # the first frame is on screen

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        # Shortcuts and the `Qt` flags: their first use creates PySide6's `Qt` enums (~15 ms),
        # and QKeySequence's own (~1 ms)
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._set_icon()
        for action, key in (
            (self.action_new, QKeySequence.StandardKey.New),
            (self.action_open, QKeySequence.StandardKey.Open),
            (self.action_import, "Ctrl+I"),
            (self.action_quit, QKeySequence.StandardKey.Quit),
            (self.action_refresh, QKeySequence.StandardKey.Refresh),
        ):
            action.setShortcut(key)
        window_parts.add_shortcuts(self)  # 锁定's Ctrl+L
        self._painted = True
        if not self.pages_held:
            self._complete()

    def release_pages(self) -> None:
        """Start-up: someone can log in now (or the database did not open): build what
        waited behind the first paint, if it has been."""
        if self.pages_held:
            self.pages_held = False
            if self._painted:
                self._complete()

    def _complete(self) -> None:
        """The overview's charts, the watchers and the other pages (after the first paint)."""
        self.overview.complete()
        # 总览 shows figures from every area: any change makes it stale. Made after the
        # first paint: the watcher's event filter routes the page's events through Python.
        from desktop.ui.widgets.change_watcher import watch

        watch(self.overview, self.worker, None)
        offers.watch()  # the buttons of the parts pages build when first shown
        self._build_pages()

    def _set_title(self) -> None:
        title = self.tr("BioReserve — Biosafety Emergency Reserves and Response")
        if self.demo:
            title += " " + self.tr("[DEMONSTRATION DATA]")
        self.setWindowTitle(self.title_prefix + title)

    def set_title_prefix(self, prefix: str) -> None:
        self.title_prefix = prefix
        self._set_title()

    def set_db_info(self, db_info: dict) -> None:
        """The database's identity, known once the worker has opened it (start-up)."""
        self.db_info = db_info
        if db_info["demo"] != self.demo:
            self.demo = db_info["demo"]
            self._set_title()
            if self._overview is not None:  # else made with it
                self.overview.set_demo(self.demo)
            self._show_demo_marker()
        self._show_station()
        self._show_drill()

    def _show_drill(self) -> None:
        """In a drill's sandbox: its marks (title, banner, 退出演练) and its console."""
        if self.db_info.get("drill") and self.drill is None:
            from desktop.ui.drills.marking import DrillMarking

            self.drill = DrillMarking(self, self.db_info["drill"])
            if self._pages:
                self.drills.set_session(self.drill.session)
            self.show_page(self.drills)

    def _build_menus(self, language: str) -> None:
        # QAction(parent, text=…) here and in the menus' other parts: QAction(text, parent)
        # picks its overload by checking for an icon first, which creates QIcon's enums
        # (~2 ms before the first frame)
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self, text=self.tr("&New database…"))
        self.action_new.triggered.connect(self.new_requested)
        self.action_open = QAction(self, text=self.tr("&Open database…"))
        self.action_open.triggered.connect(self._choose_database)
        self.action_check = QAction(self, text=self.tr("&Check database"))
        self.action_check.triggered.connect(self._check_database)
        self.action_import = QAction(self, text=self.tr("&Import spreadsheet…"))
        gate.writes(self.action_import, "item", "depot", "stock_move", "norm")
        self.action_import.triggered.connect(self.open_import)
        self.action_export = QAction(self, text=self.tr("&Export stock, ledger and alerts…"))
        self.action_export.triggered.connect(self._export)
        self.action_quit = QAction(self, text=self.tr("&Quit"))
        self.action_quit.triggered.connect(self.close)
        for action in (self.action_new, self.action_open, self.action_check):
            file_menu.addAction(action)
        backup_menu.add_file_actions(self, file_menu)  # 备份数据库… 从备份恢复…
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
        window_parts.add_file_actions(self, file_menu, self.action_quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.action_refresh = QAction(self, text=self.tr("&Refresh"))
        # 总览's refresh: _make_overview; the other pages': _build_pages
        view_menu.addAction(self.action_refresh)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for code, caption in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(self, text=caption, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        window_parts.add_system_menu(self)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = QAction(self, text=self.tr("&About BioReserve"))
        self.action_about.triggered.connect(self._about)
        help_menu.addAction(self.action_about)

    def _set_icon(self) -> None:
        """The application's icon (resources/icons, the same as the menu entry's and the
        installers'), for the title bar, the task bar and every dialog; after the first
        frame, as reading the PNGs is not needed for it."""
        from PySide6.QtGui import QGuiApplication, QIcon

        from desktop.core import paths

        icon = QIcon()
        for size in (16, 24, 32, 48, 64, 128, 256):
            icon.addFile(str(paths.resource("icons", f"bioreserve-{size}.png")))
        QGuiApplication.setWindowIcon(icon)
        QGuiApplication.setDesktopFileName("bioreserve")  # Wayland/X11: the menu entry's icon

    def _build_status_bar(self, path: str) -> None:
        bar = _StatusBar()
        bar.first_paint.connect(self._first_paint)
        self.setStatusBar(bar)
        self.station_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        bar.addPermanentWidget(self.user_label)
        self.db_label = QLabel(self.tr("Database: {path}").format(path=path))
        bar.addPermanentWidget(self.station_label)
        # a normal widget: Qt hides it while a message shows (the day's backup, checks),
        # where a stretching permanent one had the message drawn over it
        bar.addWidget(self.db_label, 1)
        self.demo_label = None
        self._show_demo_marker()

    def _show_station(self) -> None:
        station = self.db_info["station"] or {}
        self.station_label.setText(
            self.tr("Station: {name} ({code})").format(
                name=station.get("name", "—"), code=station.get("code", "—")
            )
        )

    def _show_demo_marker(self) -> None:
        if self.demo and self.demo_label is None:
            self.demo_label = QLabel(self.tr("DEMO DATA"))
            self.demo_label.setObjectName("demoMarker")
            style.apply(self.demo_label, "marker")
            self.statusBar().addPermanentWidget(self.demo_label)
        if self.demo_label is not None:
            self.demo_label.setVisible(self.demo)

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def show_incidents(self) -> None:
        """总览's incident cards → the 事件 page."""
        self.show_page(self.incidents)

    def show_monitoring(self, tab: str) -> None:
        """总览's monitoring cards → that tab of the 长期监测 page."""
        self.show_page(self.monitoring)
        self.monitoring.show_tab(tab)

    def show_alerts(self) -> None:
        """总览's stock alert cards → 物资储备's 预警 tab."""
        self.show_page(self.reserves)
        self.reserves.show_tab("alerts")

    def show_order(self, number: str) -> None:
        """An order of an incident → the 调拨单 page with that order chosen."""
        self.show_page(self.orders)
        self.orders.show_order(number)

    def order_from_alert(self, prefill: dict):
        """预警 → 调拨单: show the orders page with a new order for the shortfall."""
        self.nav.setCurrentRow(self.pages.indexOf(self.orders))
        return self.orders.new_order(prefill)

    def open_import(self):
        """The import dialog (the pages showing what it imports refresh themselves)."""
        from desktop.ui.reserves.import_dialog import ImportDialog

        dialog = ImportDialog(self.worker, self)
        dialog.show()
        return dialog

    def _save_template(self, kind: str) -> None:
        dialog = self.open_import()
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.save_template()

    def _export(self) -> None:
        from desktop.ui.reserves.export_runner import ExportRunner

        self.export_runner = ExportRunner(self.worker, self)
        self.export_runner.choose_and_run()

    def _choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

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
        from desktop.core.store import check

        self.worker.run(check.run, self._show_check)

    def _show_check(self, problems) -> None:
        from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About BioReserve"),
            self.tr(
                "BioReserve {version}\n\nBiosafety emergency reserves and response for the "
                "Hengyang biosafety coordination mechanism. Works offline; every change is "
                "recorded as an operation that other stations can merge."
            ).format(version=__version__),
        )
