"""Exporting balances, ledger and alerts to one .xlsx workbook, with a progress dialog.

A city ledger of a million movements takes minutes to write, so the export runs on
the worker and reports progress; Cancel stops it and leaves no file behind.
"""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop.core.errors import BioError
from desktop.core.reserves import export
from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets.documents_folder import in_documents


class Cancelled(BioError):
    pass


class ExportRunner(QObject):
    """Asks for a file, writes the workbook on the worker, shows progress and the result.

    Signals:
        finished(object): the sheets and their row counts, or Refused.
    """

    finished = Signal(object)
    _progressed = Signal(int, int)

    def __init__(self, worker, parent: QWidget):
        super().__init__(parent)
        self.worker = worker
        self.parent_widget = parent
        self._cancelled = False
        self.dialog: QProgressDialog | None = None
        self._progressed.connect(self._show_progress)

    def choose_and_run(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export stock, ledger and alerts"),
            in_documents("bioreserve-export.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.run(Path(path))

    def run(self, path: Path) -> None:
        self._cancelled = False
        self.dialog = QProgressDialog(
            self.tr("Writing {file}…").format(file=path.name),
            self.tr("Cancel"),
            0,
            0,
            self.parent_widget,
        )
        self.dialog.setWindowTitle(self.tr("Export"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.canceled.connect(self._cancel)
        self.dialog.show()
        self.worker.run(
            refusable(lambda db: export.write_workbook(db, path, progress=self._report)),
            lambda result: self._done(path, result),
        )

    def _report(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled(self.tr("The export was cancelled; no file was written."))
        self._progressed.emit(done, total)

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _cancel(self) -> None:
        self._cancelled = True

    def _done(self, path: Path, result) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit(result)
        if isinstance(result, Refused):
            QMessageBox.warning(self.parent_widget, self.tr("Export"), result.message)
            return
        lines = "\n".join(f"{sheet}: {rows:,}" for sheet, rows in result.items())
        QMessageBox.information(
            self.parent_widget,
            self.tr("Export"),
            self.tr("Exported to {path}:").format(path=path) + "\n" + lines,
        )
