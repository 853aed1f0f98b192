"""Preview, print and export of one kind of document (an allocation order, the
responsibility matrix, …) for the page that shows it.

The PDF is rendered on the worker (to a temporary file, or straight to the file chosen
for an export); the preview shows that very file with QtPdf and printing sends its pages
(printing.py). A missing printer, a substituted font and a refused render are said in
plain words through `message`.
"""

import tempfile
from collections.abc import Callable
from itertools import count
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.errors import BioError
from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets import printing
from desktop.ui.widgets.documents_folder import in_documents
from desktop.ui.widgets.pdf_preview import PreviewDialog

# (key, copies, path) → a worker job that writes the PDF and returns its RenderResult
RenderJob = Callable[[str, int, Path], Callable]


class DocumentPrinter(QObject):
    """Preview, print and export documents named by a key (an order number, a title).

    Signals:
        message(str, str): something to tell in the page's status line (text, style role:
            ok, error or banner).
        exported(str): a PDF was written to this path.
        printed(int): this many pages were sent to a printer.
    """

    message = Signal(str, str)
    exported = Signal(str)
    printed = Signal(int)

    def __init__(
        self,
        worker,
        parent_widget,
        render_job: RenderJob,
        title: Callable[[str], str] = str,
        copies_choice: bool = True,
    ):
        super().__init__(parent_widget)
        self.worker = worker
        self.parent_widget = parent_widget
        self.render_job = render_job
        self.document_title = title  # the print job's name for a key
        self.copies_choice = copies_choice  # 1 or 3 联 in the preview (orders)
        self.warned = False
        self.preview_dialog = None
        self._tmp = tempfile.TemporaryDirectory(
            prefix="bioreserve-print-", ignore_cleanup_errors=True
        )
        self._names = count(1)

    # rendering -----------------------------------------------------------------------------
    def temp_path(self, stem: str) -> Path:
        return Path(self._tmp.name) / f"{stem}-{next(self._names)}.pdf"

    def render(self, key: str, copies: int, path: Path, on_result) -> None:
        """Render one document on the worker; on_result gets the RenderResult or Refused."""
        job = refusable(self.render_job(key, copies, path))
        self.worker.run(job, on_result, lambda error: on_result(printing.unexpected(error)))

    def note_warning(self, result) -> str:
        """The font warning of a render, said once per page."""
        warning = getattr(result, "warning", "") or ""
        if warning and not self.warned:
            self.warned = True
            self.message.emit(warning, "banner")
        return warning

    # preview -----------------------------------------------------------------------------
    def preview(self, key: str, copies: int = 1) -> PreviewDialog:
        shown = copies if self.copies_choice else None
        self.preview_dialog = PreviewDialog(self, key, shown, self.parent_widget)
        self.preview_dialog.show()
        self.preview_dialog.render()
        return self.preview_dialog

    # printing ----------------------------------------------------------------------------
    def ensure_printer(self, export) -> bool:
        """True when a printer is installed; otherwise say so and offer `export()` instead."""
        if printing.printers_available():
            return True
        text = self.tr(
            "No printer is available: none is installed on this computer. You can export "
            "the document as PDF now and print it elsewhere."
        )
        self.message.emit(text, "error")
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Print"),
            text + "\n\n" + self.tr("Export as PDF now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            export()
        return False

    def print_document(self, key: str, copies: int = 1) -> None:
        if not self.ensure_printer(lambda: self.export(key, copies)):
            return
        path = self.temp_path("print")
        self.render(key, copies, path, lambda result: self._print_rendered(key, result))

    def _print_rendered(self, key: str, result) -> None:
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        self.note_warning(result)
        self.print_file(result.path, self.document_title(key))

    def print_file(self, path, title: str, progress=None) -> int:
        """QPrintDialog, then the pages of the PDF at path; returns the pages printed."""
        try:
            document = printing.load_pdf(path, self)
            printer = printing.choose_printer(self.parent_widget, document, title)
            if printer is None:
                return 0
            pages = printing.print_pdf(document, printer, progress, source=path)
        except BioError as exc:
            self.message.emit(str(exc), "error")
            return 0
        self.message.emit(
            self.tr("{pages} page(s) sent to the printer {name}.").format(
                pages=pages, name=printer.printerName() or printer.outputFileName()
            ),
            "ok",
        )
        self.printed.emit(pages)
        return pages

    # export ------------------------------------------------------------------------------
    def ask_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export as PDF"),
            in_documents(suggested),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def export(self, key: str, copies: int = 1, path: Path | None = None) -> None:
        path = path or self.ask_path(f"{key}.pdf")
        if path is None:
            return
        self.render(key, copies, path, lambda result: self._exported(path, result))

    def _exported(self, path: Path, result) -> None:
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        warning = self.note_warning(result)
        text = self.tr("Exported to {path}.").format(path=path)
        self.message.emit(text + (" " + warning if warning else ""), "ok")
        self.exported.emit(str(path))


def pdf_job(render: Callable, path: Path, *args, **kwargs) -> Callable:
    """A worker job calling render(db, *args, **kwargs) that writes a PDF at path; a file
    that cannot be written is a refusal naming it."""

    def job(db):
        try:
            return render(db, *args, **kwargs)
        except OSError as exc:
            raise BioError(printing.write_failure(path, exc)) from exc

    return job
