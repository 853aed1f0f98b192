"""The 长期监测 page's spreadsheets: 导入… (a cohort list or a list of results, told apart by
the header row; any bad row imports nothing, and every problem is listed by row and
column), 导出… (people and results, ID numbers and phones masked unless the user asks for
them in full and gives the reason, which the core records) and 模板…."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Invalid
from desktop.ui.incidents.fields import text_box
from desktop.ui.monitoring.forms import MarkedForm
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.documents_folder import documents_folder, in_documents
from desktop.ui.widgets.rows_model import Column, RowsModel

SPREADSHEETS = "*.xlsx *.csv"


def file_row(edit: QLineEdit, browse) -> QWidget:
    """A path field with its 选择文件… button."""
    button = QPushButton(QCoreApplication.translate("MonitoringFiles", "Choose file…"))
    button.setAutoDefault(False)
    button.clicked.connect(browse)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


class ProblemsModel(RowsModel):
    """A file's problems by row and column; the whole reason as the tooltip."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.rows[index.row()]["reason"]
        return super().data(index, role)


class SheetImportDialog(QDialog):
    """导入: a cohort list or a list of results into the incident's monitoring.

    Signals:
        imported(dict): the rows were imported (the core's summary).
        import_refused(object): nothing was imported (Refused, with the problems).
    """

    imported = Signal(dict)
    import_refused = Signal(object)

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.incident = incident
        self.busy = False
        self.setWindowTitle(self.tr("Import into the monitoring — {number}").format(
            number=incident["number"]))  # fmt: skip
        self.resize(760, 520)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr(".xlsx file from a hospital or health centre"))
        note = style.apply(
            QLabel(
                self.tr(
                    "A cohort list or a list of results (told apart by the header row; Templates… "
                    "writes both). While any row has a problem nothing is imported, and every "
                    "problem is listed below."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.errors = ProblemsModel(
            [
                Column("row", self.tr("Row"), "number"),
                Column("column", self.tr("Column")),
                Column("reason", self.tr("Problem")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.errors)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("File")))
        layout.addWidget(file_row(self.path, self._browse))
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            self.path.text() or str(documents_folder()),
            self.tr("Spreadsheets ({patterns});;All files (*)").format(patterns=SPREADSHEETS),
        )
        if path:
            self.path.setText(path)

    def run_import(self) -> None:
        text = self.path.text().strip()
        if self.busy:
            return
        if not text:
            self._say(self.tr("Choose the file to import."), "error")
            return
        from desktop.core.monitoring import sheets

        path, ref, ctx = Path(text), self.incident["id"], actor()
        self.busy = True
        self.import_button.setEnabled(False)
        self.errors.set_rows([])
        self._say(self.tr("Importing {file}…").format(file=path.name), "muted")
        self.worker.run(refusable(lambda db: sheets.import_file(db, ctx, ref, path)), self._done)

    def _done(self, result) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        if isinstance(result, Refused):
            problems = getattr(result.error, "errors", [])
            self.errors.set_rows(
                [{"row": e.row, "column": e.column, "reason": e.reason} for e in problems]
            )
            self.table.resizeColumnToContents(0)
            self.table.resizeColumnToContents(1)
            first = result.message.splitlines()[0] if problems else result.message
            self._say(first, "error")
            self.import_refused.emit(result)
        else:
            self._say(summary(result), "ok")
            self.imported.emit(result)

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        style.apply(self.status, role)


def summary(result: dict) -> str:
    """What an import did, in a sentence."""
    if result["kind"] == "people":
        return QCoreApplication.translate(
            "MonitoringFiles", "{added} people added to the monitoring."
        ).format(added=result["added"])
    text = QCoreApplication.translate(
        "MonitoringFiles", "{added} results added, {updated} updated, {unchanged} unchanged."
    ).format(**result)
    if result.get("alerts"):
        text += " " + QCoreApplication.translate(
            "MonitoringFiles", "{alerts} abnormal: alerts raised."
        ).format(**result)
    return text


class ExportDialog(MarkedForm):
    """导出: the incident's people and results to .xlsx, masked unless asked in full with
    a reason (recorded)."""

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Export the monitoring — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.path = QLineEdit(in_documents(f"{incident['number']}-monitoring.xlsx"))
        self.reveal = QCheckBox(self.tr("Write ID numbers and phones in full"))
        self.reason = text_box(3, self.tr("Why they are needed in full (recorded)"))
        self.reason.setEnabled(False)
        self.reveal.toggled.connect(self.reason.setEnabled)
        note = style.apply(
            QLabel(self.tr("By default ID numbers and phones are masked (430422********1234).")),
            "muted",
        )
        note.setWordWrap(True)
        self.form.addRow(self.tr("File"), file_row(self.path, self._browse))
        self.form.addRow(note)
        self.form.addRow("", self.reveal)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(path=self.path, reason=self.reason)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.path.setText(path)

    def job(self):
        from desktop.core.monitoring import sheets

        text = self.path.text().strip()
        if not text:
            raise Invalid("path", self.tr("Choose the file to write."))
        ref, path, reveal = self.incident["id"], Path(text), self.reveal.isChecked()
        who, reason = actor(), self.reason.toPlainText() if reveal else ""
        return lambda db: sheets.export(db, ref, path, reveal, who, reason)

    def summary(self, result: dict) -> str:
        text = self.tr("{people} people and {results} results exported to {path}.").format(**result)
        if result["masked"]:
            return text + " " + self.tr("ID numbers and phones are masked.")
        return text + " " + self.tr("ID numbers and phones are in full; this is recorded.")


def save_template(worker, parent: QWidget, kind: str, said) -> None:
    """Ask where, then write the template of a cohort list (monitoring-people) or a list
    of results (monitoring-results) on the worker; said(text, role) tells the outcome."""
    from desktop.core.monitoring import sheets

    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MonitoringFiles", "Save template"),
        in_documents(f"{kind}.xlsx"),
        QCoreApplication.translate("MonitoringFiles", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return
    target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def done(result) -> None:
        if isinstance(result, Refused):
            said(result.message, "error")
        else:
            said(
                QCoreApplication.translate("MonitoringFiles", "Template saved to {path}.").format(
                    path=target
                ),
                "ok",
            )

    worker.run(refusable(lambda db: sheets.write_template(kind, target, db)), done)
