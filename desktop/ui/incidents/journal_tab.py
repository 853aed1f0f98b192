"""大事记: the significant-events log of the incident (journal.entries) — the entries its
actions recorded (activation, grades, reports, tasks, orders, experts, status) and those
people typed — oldest first, with 添加记事… and 打印…."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout

from desktop.ui.incidents.fields import TimeField, text_box
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

TEXT = 2


class JournalModel(RowsModel):
    """Entries oldest first; typed ones in bold kind."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("time", QCoreApplication.translate("JournalTab", "Time")),
                Column("kind_name", QCoreApplication.translate("JournalTab", "Kind")),
                Column("text", QCoreApplication.translate("JournalTab", "What happened")),
                Column("actor", QCoreApplication.translate("JournalTab", "By")),
            ],
            parent=parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.rows[index.row()]["text"]
        return super().data(index, role)


class JournalTab(IncidentTab):
    """The 大事记 of one incident."""

    def __init__(self, worker, documents, parent=None):
        super().__init__(worker, parent)
        self.documents = documents
        bar = self.buttons([("add_entry", self.tr("Add entry…")), ("print_log", self.tr("Print…")),
                            None])  # fmt: skip
        self.count = style.apply(QLabel(), "muted")
        bar.addWidget(self.count)
        self.model = JournalModel(self)
        self.table = QTableView()
        style.table(self.table)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.update_actions()

    def load_job(self, incident: dict):
        from desktop.core.incidents import journal

        ref = incident["id"]
        return lambda db: journal.entries(db, ref)

    def show_data(self, rows) -> None:
        rows = [{**row, "time": when(row["at"])} for row in rows or []]
        self.model.set_rows(rows)
        self.count.setText(self.tr("{count} entries").format(count=len(rows)))
        if rows:
            self.table.scrollToBottom()

    def update_actions(self) -> None:
        if hasattr(self, "tab_buttons"):
            self.tab_buttons["add_entry"].setEnabled(not self.closed)
            self.tab_buttons["print_log"].setEnabled(self.incident is not None)

    def add_entry(self):
        if self.closed:
            return None
        dialog = EntryDialog(self.worker, self.incident, self)
        return self.open_dialog(dialog, lambda _id: self.tr("Entry added to the log."))

    def print_log(self):
        if self.incident is None:
            return None
        dialog = self.documents.preview_log(self.incident["number"])
        self.dialog_opened.emit(dialog)
        return dialog


class EntryDialog(FormDialog):
    """添加记事: what happened and when (now by default)."""

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Add log entry — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.at = TimeField()
        self.text = text_box(5, self.tr("What happened, who decided, what follows"))
        self.form.addRow(self.tr("Time"), self.at)
        self.form.addRow(self.tr("Entry"), self.text)
        self.fields.update(text=self.text)

    def job(self):
        from desktop.core.incidents import journal

        incident, ctx = {"id": self.incident["id"]}, actor()
        text, at = self.text.toPlainText(), self.at.value()
        return lambda db: journal.add(db, ctx, incident, text, at)
