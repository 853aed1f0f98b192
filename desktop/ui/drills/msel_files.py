"""The MSEL as a spreadsheet (desktop/core/drills/msel.py), the way drill teams draft it:
导入MSEL… reads a workbook into the drill's plan (before it starts; nothing is written while
any row is refused, and every bad row is listed with its sheet, row, column and reason),
导出MSEL… writes the plan to a workbook, 保存模板… writes an empty one with its
instructions and the lists its columns choose from."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from desktop.ui.drills import jobs
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.documents_folder import documents_folder, in_documents
from desktop.ui.widgets.rows_model import Column, RowsModel


def _xlsx(path: str) -> Path:
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def _import(db, ref: str, ctx, path: Path):
    """The counts imported, or the workbook's problems (msel.MselError) to list."""
    from desktop.core.drills import msel

    try:
        return msel.import_plan(db, ctx, ref, path)
    except msel.MselError as error:
        return error


def _export(db, ref: str, ctx, path: Path) -> Path:
    from desktop.core.drills import msel

    msel.export(db, ref, path, ctx)
    return path


def _template(db, path: Path) -> Path:
    from desktop.core.drills import msel

    msel.write_template(path, db)
    return path


class RowErrorsDialog(QDialog):
    """The problems of a workbook (msel.Problem): sheet, row, column, reason."""

    def __init__(self, file_name: str, problems: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("MSEL not imported — {file}").format(file=file_name))
        self.resize(820, 460)
        self.model = RowsModel(
            [
                Column("sheet", self.tr("Sheet")),
                Column("row", self.tr("Row"), "number"),
                Column("column", self.tr("Column")),
                Column("reason", self.tr("Reason")),
            ],
            parent=self,
        )
        self.model.set_rows(
            [{"sheet": e.sheet, "row": e.row, "column": e.column, "reason": e.reason}
             for e in problems]
        )  # fmt: skip
        table = style.table(QTableView())
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "{count} problem(s) in the workbook; nothing was imported. Correct it and "
                "import it again."
            ).format(count=len(problems))
        )
        style.apply(note, "error")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)


class MselFiles(QObject):
    """Signals:
    message(str, str): to say on the page (text, style role).
    dialog_opened(object): the dialog listing a workbook's bad rows.
    imported(object): a plan was imported (the core's result).
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)
    imported = Signal(object)

    def __init__(self, worker, parent_widget):
        super().__init__(parent_widget)
        self.worker = worker
        self.parent_widget = parent_widget

    # asking for files ------------------------------------------------------------------------
    def choose_import(self, drill: dict) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            self.tr("Import MSEL"),
            str(documents_folder()),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.import_file(drill, Path(path))

    def choose_export(self, drill: dict) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export MSEL"),
            in_documents(f"{drill['number']} MSEL.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.export_file(drill, _xlsx(path))

    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save MSEL template"),
            in_documents(self.tr("MSEL template.xlsx")),
            self.tr("Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.template_file(_xlsx(path))

    # the work --------------------------------------------------------------------------------
    def import_file(self, drill: dict, path: Path) -> None:
        ref, ctx = drill["id"], actor()
        self.message.emit(self.tr("Importing {file}…").format(file=path.name), "muted")
        jobs.run(self, lambda db: _import(db, ref, ctx, path), lambda r: self._imported(path, r))

    def _imported(self, path: Path, result) -> None:
        problems = getattr(result, "problems", None)
        if problems is not None:
            dialog = RowErrorsDialog(path.name, problems, self.parent_widget)
            dialog.open()
            self.dialog_opened.emit(dialog)
            self.message.emit(
                self.tr("{file} has errors; nothing was imported.").format(file=path.name),
                "error",
            )
            return
        self.message.emit(
            self.tr(
                "MSEL imported from {file}: {injects} inject(s), {expects} expected "
                "action(s), {objectives} objective(s), {people} participant(s)."
            ).format(file=path.name, **result),
            "ok",
        )
        self.imported.emit(result)

    def export_file(self, drill: dict, path: Path) -> None:
        ref, ctx = drill["id"], actor()
        jobs.run(
            self,
            lambda db: _export(db, ref, ctx, path),
            lambda done: self.message.emit(
                self.tr("MSEL exported to {path}.").format(path=done), "ok"
            ),
        )

    def template_file(self, path: Path) -> None:
        jobs.run(
            self,
            lambda db: _template(db, path),
            lambda done: self.message.emit(
                self.tr("MSEL template saved to {path}.").format(path=done), "ok"
            ),
        )
