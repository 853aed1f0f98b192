"""Printing an incident's documents through the one preview, print and export code
(widgets/document_printer.py): an information report, an agency's assignment list
(任务分工单), the incident summary report (事件总结报告) and the 大事记. The reportlab
modules (desktop/documents/…) are imported on the worker, when first printed."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.ui.widgets.document_printer import DocumentPrinter, pdf_job


def _report(db, ref: str, path: Path):
    from desktop.documents import incident_report

    return incident_report.render(db, ref, path)


def _assignment(db, ref: str, agency: str, path: Path):
    from desktop.documents import assignment_list

    return assignment_list.render(db, ref, agency, path)


def _summary(db, ref: str, path: Path):
    from desktop.documents import incident_summary

    return incident_summary.render(db, ref, path)


def _log(db, ref: str, path: Path):
    from desktop.documents import incident_log

    return incident_log.render(db, ref, path)


class _Printer(DocumentPrinter):
    """One kind of document; a key is the document's name (the preview's title and the
    suggested file name), mapped to the arguments of its render function."""

    def __init__(self, worker, parent_widget, render):
        self.render_fn = render
        self.args: dict[str, tuple] = {}
        super().__init__(worker, parent_widget, self._job, copies_choice=False)

    def _job(self, key: str, _copies: int, path: Path):
        args = self.args.get(key, (key,))
        return pdf_job(lambda db: self.render_fn(db, *args, path), path)


class IncidentDocuments(QObject):
    """The incidents page's printed documents.

    Signals:
        message(str, str): to say on the page (text, style role).
    """

    message = Signal(str, str)

    def __init__(self, worker, parent_widget):
        super().__init__(parent_widget)
        self.worker = worker
        self.parent_widget = parent_widget
        self._printers: dict[str, _Printer] = {}

    def printer(self, kind: str) -> _Printer:
        if kind not in self._printers:
            render = {"report": _report, "assignment": _assignment, "summary": _summary,
                      "log": _log}[kind]  # fmt: skip
            printer = _Printer(self.worker, self.parent_widget, render)
            printer.message.connect(self.message)
            self._printers[kind] = printer
        return self._printers[kind]

    def _preview(self, kind: str, key: str, *args):
        printer = self.printer(kind)
        printer.args[key] = args
        return printer.preview(key)

    def preview_report(self, number: str):
        return self._preview("report", number, number)

    def preview_assignment(self, number: str, agency_code: str, agency_name: str):
        key = self.tr("{number} assignment list {agency}").format(number=number, agency=agency_name)
        return self._preview("assignment", key, number, agency_code)

    def preview_summary(self, number: str):
        key = self.tr("{number} incident summary report").format(number=number)
        return self._preview("summary", key, number)

    def preview_log(self, number: str):
        key = self.tr("{number} log of significant events").format(number=number)
        return self._preview("log", key, number)
