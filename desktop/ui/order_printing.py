"""Printing allocation orders: preview, print, export and batch printing of the one PDF
that desktop/documents/allocation_order.py lays out.

The PDF is rendered on the worker (to a temporary file, or straight to the file chosen
for an export); the preview shows that very file with QtPdf, and printing paints its
pages, rasterised at the printer's resolution (at most 300 dpi), on the QPrinter chosen
in QPrintDialog — Qt never lays the order out again. 3 联 prints 存根, 出库联 and 接收联.
A missing printer, a substituted font and a refused render are said in plain words.
"""

import tempfile
from datetime import date
from itertools import count
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QMessageBox, QSizePolicy

from desktop.core.errors import BioError
from desktop.ui.jobs import Refused, refusable

RASTER_DPI = 300
COPIES = (1, 3)


def copies_combo(parent=None) -> QComboBox:
    """1 联 or 3 联 (存根, 出库联, 接收联)."""
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("OrderPrinting", "1 copy"), 1)
    combo.addItem(
        QCoreApplication.translate("OrderPrinting", "3 copies (stub, issue copy, receipt copy)"),
        3,
    )
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    combo.setToolTip(
        QCoreApplication.translate("OrderPrinting", "How many copies of each order the PDF holds")
    )
    return combo


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def load_pdf(path, parent=None) -> QPdfDocument:
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise BioError(
            QCoreApplication.translate(
                "OrderPrinting", "The PDF {path} could not be opened ({error})."
            ).format(path=path, error=error.name)
        )
    return document


def choose_printer(parent, document: QPdfDocument, title: str) -> QPrinter | None:
    """QPrintDialog over a printer set up for the document (A4, its orientation); None
    when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    first = document.pagePointSize(0)
    if first.width() > first.height():
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, document.pageCount())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_pdf(document: QPdfDocument, printer: QPrinter, progress=None) -> int:
    """Paint the document's pages on the printer (the page range it was given); returns
    the pages painted. progress(done, total) after each page; returning False stops."""
    pages = document.pageCount()
    first, last = 0, pages - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage() - 1
        last = min(printer.toPage() or pages, pages) - 1
    runs = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    order = [n for _ in range(runs) for n in range(first, last + 1)]
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise BioError(
            QCoreApplication.translate(
                "OrderPrinting", "The printer {name} could not be started; check that it is on."
            ).format(name=printer.printerName() or "—")
        )
    done = 0
    try:
        for n, page in enumerate(order):
            if n:
                printer.newPage()
            size = document.pagePointSize(page)
            dpi = min(printer.resolution(), RASTER_DPI)
            image = document.render(
                page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            )
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            target.moveCenter(area.center())
            target.moveTop(area.top())
            painter.drawImage(target, image)
            done += 1
            if progress is not None and progress(done, len(order)) is False:
                printer.abort()
                break
    finally:
        painter.end()
    return done


class OrderPrinter(QObject):
    """Preview, print, export and batch-print orders for one page.

    Signals:
        message(str, str): something to tell in the page's status line (text, style role:
            ok, error or banner).
        exported(str): a PDF was written to this path.
        printed(int): this many pages were sent to a printer.
    """

    message = Signal(str, str)
    exported = Signal(str)
    printed = Signal(int)

    def __init__(self, worker, parent_widget):
        super().__init__(parent_widget)
        self.worker = worker
        self.parent_widget = parent_widget
        self.warned = False
        self.batch = None  # the running order_batch.BatchJob
        self.preview_dialog = None
        self._tmp = tempfile.TemporaryDirectory(
            prefix="bioreserve-print-", ignore_cleanup_errors=True
        )
        self._names = count(1)

    # rendering -----------------------------------------------------------------------------
    def temp_path(self, stem: str) -> Path:
        return Path(self._tmp.name) / f"{stem}-{next(self._names)}.pdf"

    def render(self, number: str, copies: int, path: Path, on_result) -> None:
        """Render one order on the worker; on_result gets the RenderResult or Refused."""
        job = refusable(self.render_job(number, copies, path))
        self.worker.run(job, on_result, lambda error: on_result(unexpected(error)))

    def render_job(self, number: str, copies: int, path: Path):
        """The worker job that writes the PDF (a subclass prints another document)."""
        return render_job(number, copies, path)

    def document_title(self, number: str) -> str:
        """The print job's name."""
        return self.tr("Allocation order {number}").format(number=number)

    def note_warning(self, result) -> str:
        """The font warning of a render, said once per page."""
        warning = getattr(result, "warning", "") or ""
        if warning and not self.warned:
            self.warned = True
            self.message.emit(warning, "banner")
        return warning

    # preview -----------------------------------------------------------------------------
    def preview(self, number: str, copies: int = 1):
        from desktop.ui.order_preview import PreviewDialog

        self.preview_dialog = PreviewDialog(self, number, copies, self.parent_widget)
        self.preview_dialog.show()
        self.preview_dialog.render()
        return self.preview_dialog

    # printing ----------------------------------------------------------------------------
    def ensure_printer(self, export) -> bool:
        """True when a printer is installed; otherwise say so and offer `export()` instead."""
        if printers_available():
            return True
        text = self.tr(
            "No printer is available: none is installed on this computer. You can export "
            "the order as PDF now and print it elsewhere."
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

    def print_order(self, number: str, copies: int = 1) -> None:
        if not self.ensure_printer(lambda: self.export(number, copies)):
            return
        path = self.temp_path(number)
        self.render(number, copies, path, lambda result: self._print_rendered(number, result))

    def _print_rendered(self, number: str, result) -> None:
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        self.note_warning(result)
        self.print_file(result.path, self.document_title(number))

    def print_file(self, path, title: str, progress=None) -> int:
        """QPrintDialog, then the pages of the PDF at path; returns the pages printed."""
        try:
            document = load_pdf(path, self)
            printer = choose_printer(self.parent_widget, document, title)
            if printer is None:
                return 0
            pages = print_pdf(document, printer, progress)
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
            self.parent_widget, self.tr("Export as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def export(self, number: str, copies: int = 1, path: Path | None = None) -> None:
        path = path or self.ask_path(f"{number}.pdf")
        if path is None:
            return
        self.render(number, copies, path, lambda result: self._exported(path, result))

    def _exported(self, path: Path, result) -> None:
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        warning = self.note_warning(result)
        text = self.tr("Exported to {path}.").format(path=path)
        self.message.emit(text + (" " + warning if warning else ""), "ok")
        self.exported.emit(str(path))

    # batches -----------------------------------------------------------------------------
    def print_batch(self, numbers: list[str], copies: int = 1):
        if not self.ensure_printer(lambda: self.export_batch(numbers, copies)):
            return None
        return self._start_batch(numbers, copies, self.temp_path("batch"), to_printer=True)

    def export_batch(self, numbers: list[str], copies: int = 1, path: Path | None = None):
        path = path or self.ask_path(
            self.tr("Allocation orders {date}.pdf").format(date=date.today().isoformat())
        )
        if path is None:
            return None
        return self._start_batch(numbers, copies, path, to_printer=False)

    def _start_batch(self, numbers, copies, path, to_printer: bool):
        from desktop.ui.order_batch import BatchJob

        self.batch = BatchJob(self, list(numbers), copies, path, to_printer)
        self.batch.start()
        return self.batch


def render_job(number: str, copies: int, path: Path):
    def job(db):
        from desktop.documents import allocation_order

        try:
            return allocation_order.render(db, number, path, copies=copies)
        except OSError as exc:
            raise BioError(write_failure(path, exc)) from exc

    return job


def write_failure(path, exc: OSError) -> str:
    return QCoreApplication.translate(
        "OrderPrinting", "The PDF could not be written to {path}: {reason}"
    ).format(path=path, reason=exc.strerror or exc)


def unexpected(error: Exception) -> Refused:
    """A render that failed unexpectedly (the controller logs it) as a plain message."""
    return Refused(
        BioError(
            QCoreApplication.translate(
                "OrderPrinting",
                "The PDF could not be made because of an unexpected error ({kind}).",
            ).format(kind=type(error).__name__)
        )
    )
