"""Printing a PDF that reportlab made (desktop/documents): the printer dialog, painting
the pages, the 联 choice, and the plain messages for what can go wrong.

Printing hands the PDF itself to the CUPS queue chosen in QPrintDialog (cups_job), or,
without CUPS (Windows, print to file), paints its pages, rasterised at the printer's
resolution (at most 300 dpi), on the QPrinter — Qt never lays a document out again.
DocumentPrinter (document_printer.py) builds preview, print and export on these.
"""

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QDialog, QSizePolicy

from desktop.core.errors import BioError
from desktop.ui.shell.jobs import Refused
from desktop.ui.widgets import cups_job

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


def print_pdf(document: QPdfDocument, printer: QPrinter, progress=None, source=None) -> int:
    """Paint the document's pages on the printer (the page range it was given); returns
    the pages painted. progress(done, total) after each page; returning False stops.
    When the printer is a CUPS queue, the PDF file the document was loaded from (source)
    goes to it as it is instead (cups_job): text and vectors, not pictures of pages."""
    if source is not None and cups_job.queue(printer):
        job = cups_job.send(source, printer, document.pageCount())
        if progress is not None:
            progress(job.pages, job.pages)
        return job.pages
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
