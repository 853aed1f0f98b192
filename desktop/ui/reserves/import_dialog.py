"""Importing a spreadsheet: choose what and which file, check it, see every bad row, import.

Nothing is imported while any row is bad unless the user ticks "skip bad rows" (the
core's rule, desktop/core/importer.py). A file, or stock receipts, imported before are
refused by the core; the dialog then says when and by whom and asks whether to import
them again. Checking and importing run on the worker; the worker reports progress by a
queued signal and stops at the next report after Cancel.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import imports as importer
from desktop.core.imports.fingerprints import who
from desktop.core.values import shown_time
from desktop.ui.reserves.unknown_values import UnknownValues
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.documents_folder import documents_folder, in_documents
from desktop.ui.widgets.rows_model import Column, RowsModel

MAX_EARLIER = 5  # earlier imports the question lists


class ImportDialog(QDialog):
    """Check and import one spreadsheet.

    Signals:
        imported(object): rows were written; carries the importer's Report.
        checked(object): a check or an import finished; carries the Report (or Refused).
        asked(object): the file was imported before; carries the question (a QMessageBox).
    """

    imported = Signal(object)
    checked = Signal(object)
    asked = Signal(object)
    _progressed = Signal(int, int)  # emitted on the worker thread, delivered queued

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self._cancelled = False
        self._busy = False
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.resize(760, 560)

        self.kind = QComboBox()
        for key, caption in (
            ("items", self.tr("Catalogue items")),
            ("depots", self.tr("Depots")),
            ("stock", self.tr("Stock (opening balances or receipts)")),
            ("norms", self.tr("Reserve norms")),
            ("experts", self.tr("Experts")),
        ):
            self.kind.addItem(caption, key)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr(".xlsx or .csv file"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self._browse)
        template = QPushButton(self.tr("Save template…"))
        template.clicked.connect(self.save_template)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.skip = QCheckBox(self.tr("Import the good rows and skip the bad ones"))
        form = QFormLayout()
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.kind, 1)
        kind_layout.addWidget(template)
        form.addRow(self.tr("Contents"), kind_row)
        form.addRow(self.tr("File"), file_row)
        form.addRow("", self.skip)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Choose what to import and the file, then check it."))
        self.status.setWordWrap(True)
        self.unknown = UnknownValues(self)  # values the vocabularies lack, to add or not
        self.unknown.add_requested.connect(self.run_import)
        self.kind.currentIndexChanged.connect(lambda *_: self.unknown.clear())
        self.path.textChanged.connect(lambda *_: self.unknown.clear())
        self.errors = RowsModel(
            [
                Column("row", self.tr("Row"), "number"),
                Column("column", self.tr("Column")),
                Column("reason", self.tr("Reason")),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.errors)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.unknown)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._progressed.connect(self._show_progress)

    # -- actions ---------------------------------------------------------------

    def check(self) -> None:
        """Validate the file (nothing is written) and list every bad row."""
        if not self._ready():
            return
        kind, path = self.kind.currentData(), Path(self.path.text().strip())
        adding, ctx = self.unknown.additions(), actor()
        self._start(self.tr("Checking {file}…").format(file=path.name))
        self.worker.run(
            refusable(
                lambda db: importer.validate(
                    db, kind, path, progress=self._report, additions=adding, ctx=ctx
                )
            ),
            self._finished,
        )

    def run_import(self, again: bool = False) -> None:
        """Import the file; `again`: even when it, or its receipts, were imported before."""
        if not self._ready():
            return
        kind, path = self.kind.currentData(), Path(self.path.text().strip())
        skip, ctx, adding = self.skip.isChecked(), actor(), self.unknown.additions()
        self._start(self.tr("Importing {file}…").format(file=path.name))
        self.worker.run(
            refusable(
                lambda db: importer.run(
                    db,
                    ctx,
                    kind,
                    path,
                    skip_invalid=skip,
                    progress=self._report,
                    again=again,
                    additions=adding,
                )
            ),
            self._finished,
        )

    def ask_again(self, refusal: importer.ImportedBefore) -> QMessageBox:
        """Say when and by whom the file (or its receipts) was imported before, and ask
        whether to import it again; Cancel is the default."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Imported before"), refusal.summary, parent=self
        )
        lines = [
            self.tr("{when}  {who}  {file} ({rows} rows)").format(
                when=shown_time(e.at),
                who=who(e.actor),
                file=e.file,
                rows=f"{e.rows:,}",
            )
            for e in refusal.earlier[:MAX_EARLIER]
        ]
        if len(refusal.earlier) > MAX_EARLIER:
            lines.append("…")
        box.setInformativeText(
            self.tr("Imported before:") + "\n" + "\n".join(lines) + "\n\n"
            + self.tr("Import it again? Its rows would be recorded a second time.")
        )  # fmt: skip
        again = box.addButton(self.tr("Import again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _code: box.clickedButton() is again and self.run_import(True))
        box.open()
        self.asked.emit(box)
        return box

    def _report(self, done: int, total: int) -> None:
        """Called on the worker thread by the importer: pass progress on, or stop."""
        if self._cancelled:
            raise importer.Cancelled()
        self._progressed.emit(done, total)

    # -- GUI side ---------------------------------------------------------------

    def _ready(self) -> bool:
        if self._busy:
            return False
        text = self.path.text().strip()
        if not text:
            self._say(self.tr("Choose the file to import."), error=True)
            return False
        if not Path(text).exists():
            self._say(self.tr("There is no file {path}.").format(path=text), error=True)
            return False
        return True

    def _start(self, message: str) -> None:
        self._busy, self._cancelled = True, False
        self.errors.set_rows([])
        self.progress.setRange(0, 0)  # busy until the first report gives a total
        self._say(message)
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.unknown.set_busy(True)
        self.cancel_button.setText(self.tr("Cancel"))

    def _show_progress(self, done: int, total: int) -> None:
        if self._busy:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _finished(self, result) -> None:
        self._busy = False
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.unknown.set_busy(False)
        self.cancel_button.setText(self.tr("Close"))
        self.progress.setRange(0, 1)
        if isinstance(result, Refused):
            self.progress.setValue(0)
            self._say(result.message, error=True)
            self.checked.emit(result)
            if isinstance(result.error, importer.ImportedBefore):
                self.ask_again(result.error)
            return
        self.progress.setValue(1)
        self.errors.set_rows(
            [{"row": e.row, "column": e.column, "reason": e.reason} for e in result.errors]
        )
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if result.imported:
            self.unknown.clear()
        else:
            self.unknown.show_report(result)
        self._say(self._summary(result), error=bool(result.errors) and not result.imported)
        self.checked.emit(result)
        if result.imported:
            self.imported.emit(result)

    def _summary(self, report) -> str:
        bad, total = len({e.row for e in report.errors}), report.total
        if report.imported:
            text = self.tr("Imported {imported} of {total} rows.").format(
                imported=report.imported, total=total
            )
            if report.skipped:
                text += " " + self.tr("{skipped} bad rows were skipped; they are listed below.")
                text = text.format(skipped=report.skipped)
            return text
        if not report.errors:
            return self.tr("All {total} rows are valid. Press Import to import them.").format(
                total=total
            )
        if not total:
            return self.tr("The header row does not match the template; nothing was imported.")
        return self.tr(
            "{bad} of {total} rows have errors (listed below); nothing was imported. Correct "
            "the file, or tick “skip the bad ones” to import the other rows."
        ).format(bad=bad, total=total)

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setText(message)
        style.apply(self.status, "error" if error else "caption")

    def _cancel_or_close(self) -> None:
        if self._busy:
            self._cancelled = True
            self._say(self.tr("Cancelling…"))
        else:
            self.accept()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            self.path.text() or str(documents_folder()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def save_template(self) -> None:
        """Ask where to save the template of the chosen kind, then write it."""
        kind = self.kind.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save template"),
            in_documents(f"{kind}-template.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.save_template_to(Path(path))

    def save_template_to(self, path: Path) -> None:
        kind = self.kind.currentData()
        self.worker.run(
            refusable(lambda db: importer.write_template(kind, path, db) or path),
            self._template_saved,
        )

    def _template_saved(self, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, error=True)
        else:
            self._say(self.tr("Template saved to {path}.").format(path=result))
