"""专家库: the expert roster (list, filters and editor), an availability calendar,
qualification alerts and the member agencies, with a toolbar for 导入专家…, 导出… and 刷新.

Start-up pays for nothing but this object: the toolbar and the tabs are built the first
time the page is shown, and each tab's module is imported when the tab is first shown,
once the reference lists (specialties, divisions) are read.
"""

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.core import choices
from desktop.ui.widgets.change_watcher import watch

# tab key → (module, class); the order is the order of the tabs.
TABS = {
    "experts": ("desktop.ui.roster.expert_list", "ExpertsView"),
    "calendar": ("desktop.ui.roster.expert_calendar", "ExpertCalendar"),
    "alerts": ("desktop.ui.roster.expert_alerts", "QualificationAlertsView"),
    "agencies": ("desktop.ui.roster.agencies_view", "AgenciesView"),
}


def load_lists(db) -> dict[str, list[dict]]:
    return choices.load(db, "specialties", "divisions")


class ExpertsPage(QWidget):
    """The expert roster area.

    Signals:
        tab_ready(str): a tab was built and asked to load (its key).
        lists_loaded(dict): the reference lists were read.
        exported(object): an export finished (the number of experts, or Refused).
    """

    tab_ready = Signal(str)
    lists_loaded = Signal(dict)
    exported = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict | None = None
        self.tabs_built: dict[str, QWidget] = {}
        self.tabs = None
        self.dialog = None
        self._loading_lists = False
        watch(self, worker, {"specialty", "division"}, self._lists_changed)

    # building ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.tabs is None:
            self._build_ui()
        if self.lists is None:
            self.load_lists()

    def _build_ui(self) -> None:
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QToolBar, QVBoxLayout

        from desktop.ui.widgets import style

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_import = QAction(self.tr("Import experts…"), self)
        self.action_import.setToolTip(self.tr("Import the roster from a spreadsheet"))
        self.action_import.triggered.connect(self.open_import)
        self.action_export = QAction(self.tr("Export…"), self)
        self.action_export.setToolTip(self.tr("Export the roster to an .xlsx workbook"))
        menu = QMenu(self)
        self.action_export_masked = menu.addAction(self.tr("Phone numbers masked (138****1234)…"))
        self.action_export_masked.triggered.connect(lambda: self.choose_export(True))
        self.action_export_full = menu.addAction(self.tr("Full phone numbers…"))
        self.action_export_full.triggered.connect(lambda: self.choose_export(False))
        self.action_export.setMenu(menu)
        self.action_export.triggered.connect(lambda: self.choose_export(True))
        self.action_refresh = QAction(self.tr("Refresh"), self)
        self.action_refresh.triggered.connect(self.refresh)
        for action in (self.action_import, self.action_export, self.action_refresh):
            self.toolbar.addAction(action)
        self.toolbar.widgetForAction(self.action_export).setPopupMode(
            self.toolbar.widgetForAction(self.action_export).ToolButtonPopupMode.MenuButtonPopup
        )

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        captions = {
            "experts": self.tr("Experts"),
            "calendar": self.tr("Calendar"),
            "alerts": self.tr("Certificate alerts"),
            "agencies": self.tr("Member agencies"),
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
        layout.addWidget(style.apply(QLabel(self.tr("Expert roster")), "pageTitle"))
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def load_lists(self) -> None:
        if self._loading_lists:
            return
        self._loading_lists = True
        self.worker.run(load_lists, self._lists_arrived)

    def _lists_changed(self) -> None:
        if self.lists is not None:
            self.load_lists()

    def _lists_arrived(self, lists: dict) -> None:
        self._loading_lists = False
        first = self.lists is None
        self.lists = lists
        for tab in self.tabs_built.values():
            tab.set_lists(lists)
        self.lists_loaded.emit(lists)
        if first:
            self._tab_shown(self.tabs.currentIndex())

    # tabs --------------------------------------------------------------------------------
    def tab(self, key: str) -> QWidget | None:
        """The tab's widget once built, else None."""
        return self.tabs_built.get(key)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(list(TABS).index(key))

    def _tab_shown(self, index: int) -> None:
        if self.lists is None or index < 0:
            return
        key = list(TABS)[index]
        if key not in self.tabs_built:
            self._build(key)

    def _build(self, key: str) -> QWidget:
        module, name = TABS[key]
        widget = getattr(importlib.import_module(module), name)(self.worker, self.lists)
        self.tabs_built[key] = widget
        self.tabs.widget(list(TABS).index(key)).layout().addWidget(widget)
        if key == "alerts":
            widget.expert_activated.connect(self.show_expert)
        widget.refresh()
        self.tab_ready.emit(key)
        return widget

    def show_expert(self, expert_id: str) -> None:
        """Show one expert in the 专家 tab, clearing the filters if they hide it."""
        self.show_tab("experts")
        view = self.tabs_built["experts"]
        if view.select(expert_id):
            return

        def listed(_count):
            view.listed.disconnect(listed)
            view.select(expert_id)

        view.listed.connect(listed)
        view.available_only.blockSignals(True)
        view.available_only.setChecked(False)
        view.available_only.blockSignals(False)
        view.specialty.blockSignals(True)
        view.specialty.setCurrentIndex(0)
        view.specialty.blockSignals(False)
        view.search.clear()
        view.refresh()

    def refresh(self) -> None:
        """Reload the reference lists and every tab built so far."""
        if self.lists is None:
            return
        self.load_lists()
        for tab in self.tabs_built.values():
            tab.refresh()

    # import and export -------------------------------------------------------------------
    def open_import(self):
        """The import dialog, set to experts (the tabs refresh themselves after it)."""
        from desktop.ui.reserves.import_dialog import ImportDialog

        self.dialog = ImportDialog(self.worker, self)
        self.dialog.kind.setCurrentIndex(self.dialog.kind.findData("experts"))
        self.dialog.show()
        return self.dialog

    def choose_export(self, masked: bool) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.widgets.documents_folder import in_documents

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the expert roster"),
            in_documents("experts.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.export_to(path, masked)

    def export_to(self, path, masked: bool = True) -> None:
        """Write the roster to an .xlsx file on the worker (phones masked unless told)."""
        from desktop.core import imports
        from desktop.ui.shell.jobs import actor, refusable

        ctx = actor()  # unmasked only for a role that may (refused and recorded by the core)
        self.message.setText(self.tr("Exporting…"))
        self.worker.run(
            refusable(lambda db: imports.export_xlsx(db, path, masked, ctx)),
            lambda result: self._exported(result, path),
            lambda _error: self.message.clear(),  # the controller reports the error
        )

    def _exported(self, result, path) -> None:
        from desktop.ui.shell.jobs import Refused
        from desktop.ui.widgets import style

        if isinstance(result, Refused):
            style.apply(self.message, "error")
            self.message.setText(result.message)
        else:
            style.apply(self.message, "ok")
            self.message.setText(
                self.tr("{count} experts exported to {path}.").format(count=result, path=path)
            )
        self.exported.emit(result)
