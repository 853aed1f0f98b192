"""The 长期监测 page's actions on the chosen incident: 导入…, 导出…, 模板… (a cohort list's or
a list of results'), 建议… and 监测报告…, in one tool bar."""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton


class PageActions(QObject):
    """The tool bar and what its actions open.

    Signals:
        message(str, str): to say on the page (text, style role).
        dialog_opened(object): a dialog was opened.
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)

    def __init__(self, worker, page):
        super().__init__(page)
        self.worker = worker
        self.page = page
        self.incident: dict | None = None
        self.printer = None
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.by_key: dict[str, QAction] = {}
        for key, caption, tip in (
            ("import_file", self.tr("Import…"), self.tr("Import a cohort list or results (.xlsx)")),
            ("export", self.tr("Export…"), self.tr("Export the people and results (.xlsx)")),
            ("templates", self.tr("Templates…"), self.tr("Blank workbooks to fill in")),
            ("recommend", self.tr("Recommendations…"), self.tr("The analyst's recommendations")),
            ("print_report", self.tr("Monitoring report…"), self.tr("The summary report (PDF)")),
        ):
            action = QAction(caption, self)
            action.setToolTip(tip)
            if key != "templates":
                action.triggered.connect(lambda _=False, k=key: getattr(self, k)())
            self.toolbar.addAction(action)
            self.by_key[key] = action
        menu = QMenu(page)
        for kind, caption in (
            ("monitoring-people", self.tr("Cohort list…")),
            ("monitoring-results", self.tr("Results…")),
        ):
            menu.addAction(caption).triggered.connect(lambda _=False, k=kind: self.save_template(k))
        self.by_key["templates"].setMenu(menu)
        button = self.toolbar.widgetForAction(self.by_key["templates"])
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.set_incident(None)

    def set_incident(self, incident: dict | None) -> None:
        self.incident = incident
        for key in ("import_file", "export", "recommend", "print_report"):
            self.by_key[key].setEnabled(incident is not None)

    def _opened(self, dialog):
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def import_file(self):
        if self.incident is None:
            return None
        from desktop.ui.monitoring.files import SheetImportDialog, summary

        dialog = SheetImportDialog(self.worker, self.incident, self.page)
        dialog.imported.connect(lambda result: self.message.emit(summary(result), "ok"))
        return self._opened(dialog)

    def export(self):
        if self.incident is None:
            return None
        from desktop.ui.monitoring.files import ExportDialog

        dialog = ExportDialog(self.worker, self.incident, self.page)
        dialog.succeeded.connect(lambda result: self.message.emit(dialog.summary(result), "ok"))
        return self._opened(dialog)

    def save_template(self, kind: str) -> None:
        from desktop.ui.monitoring.files import save_template

        save_template(self.worker, self.page, kind, self.message.emit)

    def recommend(self):
        if self.incident is None:
            return None
        from desktop.ui.monitoring.report_dialogs import RecommendDialog

        dialog = RecommendDialog(self.worker, self.incident, self.page)
        dialog.succeeded.connect(
            lambda _id: self.message.emit(self.tr("Recommendation recorded."), "ok")
        )
        return self._opened(dialog)

    def print_report(self):
        """Ask which cohort and period, then show the report's preview."""
        if self.incident is None:
            return None
        from desktop.ui.monitoring.report_dialogs import SummaryDialog, SummaryPrinter

        if self.printer is None:
            self.printer = SummaryPrinter(self.worker, self.page)
            self.printer.message.connect(self.message)
        incident = self.incident
        dialog = SummaryDialog(incident, self.page)
        dialog.accepted.connect(
            lambda: self.dialog_opened.emit(
                self.printer.preview_summary(incident, *dialog.choice())
            )
        )
        return self._opened(dialog)

    def _preview(self, incident: dict, choice: tuple):
        preview = self.printer.preview_summary(incident, *choice)
        self.dialog_opened.emit(preview)
        return preview
