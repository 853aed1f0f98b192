"""An expert's qualifications and certificates: a table with add, edit and remove; the
dialog saves through experts.save_qualification and shows refusals in its form."""

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.roster import experts
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel


class QualificationDialog(FormDialog):
    """Add (row None) or change one qualification of an expert."""

    def __init__(self, worker, expert_id: str, row: dict | None = None, parent=None):
        title = self.tr("Edit qualification") if row else self.tr("Add qualification")
        super().__init__(worker, title, parent)
        self.expert_id = expert_id
        self.qualification_id = row["id"] if row else None
        row = row or {}
        self.name = QLineEdit(row.get("name", ""))
        self.name.setPlaceholderText(self.tr("e.g. 生物安全培训合格证"))
        self.number = QLineEdit(row.get("number", ""))
        self.issued_on = DateField(row.get("issued_on"), optional=True)
        self.expires_on = DateField(row.get("expires_on"), optional=True)
        example = QDate.currentDate().addYears(2).toString("yyyy-MM-dd")
        for edit in (self.issued_on, self.expires_on):
            edit.setPlaceholderText(self.tr("e.g. {date}").format(date=example))
        self.form.addRow(self.tr("Certificate"), self.name)
        self.form.addRow(self.tr("Number"), self.number)
        self.form.addRow(self.tr("Issued on"), self.issued_on)
        self.form.addRow(self.tr("Expires on"), self.expires_on)
        self.fields.update(
            name=self.name, number=self.number, issued_on=self.issued_on, expires_on=self.expires_on
        )

    def job(self):
        ctx, expert_id, qualification_id = actor(), self.expert_id, self.qualification_id
        values = (
            self.name.text(),
            self.number.text(),
            self.issued_on.value(),
            self.expires_on.value(),
        )
        return lambda db: experts.save_qualification(
            db, ctx, expert_id, *values, qualification_id=qualification_id
        )


class QualificationsTable(QWidget):
    """The qualifications of the expert shown in the editor.

    Signals:
        loaded(int): the table shows the expert's qualifications (how many).
        changed(str): a qualification was added, changed or removed (the expert's id).
    """

    loaded = Signal(int)
    changed = Signal(str)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.expert_id: str | None = None
        self.dialog: QualificationDialog | None = None
        self.model = RowsModel(
            [
                Column("name", self.tr("Certificate")),
                Column("number", self.tr("Number")),
                Column("issued_on", self.tr("Issued on")),
                Column("expires_on", self.tr("Expires on")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = style.apply(QLabel(), "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.show_expert(None)

    def show_expert(self, expert_id: str | None) -> None:
        """The qualifications of an expert (None: a new expert, not saved yet)."""
        self.expert_id = expert_id
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setEnabled(expert_id is not None)
        self.model.set_rows([])
        self.message.hide()
        if expert_id is not None:
            self.refresh()

    def refresh(self) -> None:
        if self.expert_id is None:
            return
        expert_id = self.expert_id
        self.worker.run(lambda db: (expert_id, experts.qualifications(db, expert_id)), self._loaded)

    def _loaded(self, result) -> None:
        expert_id, rows = result
        if expert_id != self.expert_id:
            return  # another expert was chosen meanwhile
        self.model.set_rows(rows)
        if rows:
            style.fit_columns(self.table, stretch=0)
        self.loaded.emit(len(rows))

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def add(self) -> QualificationDialog | None:
        return self._open(None)

    def edit(self) -> QualificationDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def _open(self, row: dict | None) -> QualificationDialog | None:
        if self.expert_id is None:
            return None
        self.dialog = QualificationDialog(self.worker, self.expert_id, row, self)
        self.dialog.succeeded.connect(lambda _id: self._changed())
        self.dialog.open()
        return self.dialog

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        ctx, qualification_id = actor(), row["id"]
        self.worker.run(
            refusable(lambda db: experts.delete_qualification(db, ctx, qualification_id)),
            self._removed,
        )

    def _removed(self, result) -> None:
        if isinstance(result, Refused):
            self.message.setText(result.message)
            self.message.show()
            return
        self._changed()

    def _changed(self) -> None:
        self.message.hide()
        self.refresh()
        self.changed.emit(self.expert_id)
