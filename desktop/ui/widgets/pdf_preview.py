"""打印预览: a document's PDF (an allocation order, the responsibility matrix, …) as it
will print, in a QPdfView, with 打印… and 导出 PDF… and, for orders, the choice of 1 or
3 联; a substituted font or a refusal is said in the status line under the pages."""

import shutil
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.errors import BioError
from desktop.ui.shell.jobs import Refused
from desktop.ui.widgets import style
from desktop.ui.widgets.printing import copies_combo, load_pdf
from desktop.ui.widgets.screen_size import resize_within_screen


class PreviewDialog(QDialog):
    """The PDF of one document, rendered on the worker; copies=None: no 联 choice (a
    document that is not an order).

    Signals:
        loaded(int): the PDF is shown (its page count).
        failed(str): it could not be made (the message shown).
    """

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, printing, number: str, copies: int | None = 1, parent=None):
        super().__init__(parent)
        self.printing = printing
        self.number = number
        self.pdf_path: Path | None = None
        self.document: QPdfDocument | None = None
        self.warning = ""
        self.setWindowTitle(self.tr("Print preview — {number}").format(number=number))
        resize_within_screen(self, 900, 980)  # the pages scroll in a lower window

        self.copies = copies_combo()
        self.copies.setCurrentIndex(max(self.copies.findData(copies or 1), 0))
        self.copies.currentIndexChanged.connect(lambda _index: self.render())
        copies_label = QLabel(self.tr("Copies"))
        self.pages = style.apply(QLabel(), "muted")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.export_button, close):
            button.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(copies_label)
        bar.addWidget(self.copies)
        copies_label.setVisible(copies is not None)
        self.copies.setVisible(copies is not None)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        bar.addWidget(close)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._set_ready(False)

    def copies_value(self) -> int:
        return self.copies.currentData() or 1

    def render(self) -> None:
        self._set_ready(False)
        self._say(self.tr("Preparing the PDF…"), "muted")
        self.printing.render(
            self.number,
            self.copies_value(),
            self.printing.temp_path(self.number),
            self._rendered,
        )

    def _rendered(self, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, "error")
            self.failed.emit(result.message)
            return
        try:
            document = load_pdf(result.path, self)
        except BioError as exc:
            self._say(str(exc), "error")
            self.failed.emit(str(exc))
            return
        old, self.document = self.document, document
        self.view.setDocument(document)
        if old is not None:
            old.close()
            old.deleteLater()
        self.pdf_path = Path(result.path)
        self.pages.setText(self.tr("{pages} page(s)").format(pages=document.pageCount()))
        self.warning = getattr(result, "warning", "") or ""
        if self.warning:
            self._say(self.warning, "banner")
        else:
            self.status.clear()
        self._set_ready(True)
        self.loaded.emit(document.pageCount())

    def print_document(self) -> None:
        if self.pdf_path is None:
            return
        if not self.printing.ensure_printer(self.export):
            return
        pages = self.printing.print_file(self.pdf_path, self.printing.document_title(self.number))
        if pages:
            self._say(self.tr("{pages} page(s) sent to the printer.").format(pages=pages), "ok")

    def export(self, path: Path | None = None) -> Path | None:
        """Save the previewed PDF as a file (the same bytes as shown)."""
        if self.pdf_path is None:
            return None
        path = path or self.printing.ask_path(f"{self.number}.pdf")
        if path is None:
            return None
        try:
            shutil.copyfile(self.pdf_path, path)
        except OSError as exc:
            self._say(
                self.tr("The PDF could not be written to {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
                "error",
            )
            return None
        self._say(self.tr("Exported to {path}.").format(path=path), "ok")
        self.printing.exported.emit(str(path))
        return Path(path)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)

    def _say(self, text: str, role: str) -> None:
        self.status.setPalette(self.palette())
        self.status.setAutoFillBackground(False)
        style.apply(self.status, role)
        self.status.setText(text)

    def closeEvent(self, event) -> None:
        if self.document is not None:
            self.document.close()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.document is not None:
            self.document.close()  # releases the file (Windows keeps open files)
        super().done(result)
