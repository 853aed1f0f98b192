"""The tasks the 预案库 search box finds, across every playbook and version: each with its
playbook, version, phase, title and the line that mentions the words (a checklist item,
the instructions …). Choosing one shows that task in the editor."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel


class SearchResults(QWidget):
    """Signals:
    task_chosen(str, int, str): a found task was chosen (playbook code, version, task id).
    """

    task_chosen = Signal(str, int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = style.apply(QLabel(), "caption")
        self.model = RowsModel(
            [
                Column("code", self.tr("Playbook")),
                Column("version", self.tr("Version"), "number"),
                Column("status", self.tr("Status"), "map", playbook_labels.statuses()),
                Column("phase_title", self.tr("Phase")),
                Column("title", self.tr("Task")),
                Column("match", self.tr("Where it is mentioned")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)

    def show_found(self, text: str, tasks: list[dict]) -> None:
        self.model.set_rows(tasks)
        if tasks:
            style.fit_columns(self.table, widest=360)
            self.caption.setText(
                self.tr("{count} task(s) mention 「{text}」:").format(count=len(tasks), text=text)
            )
        else:
            self.caption.setText(self.tr("No task mentions 「{text}」.").format(text=text))
        self.show()

    def _chosen(self, index, _previous=None) -> None:
        row = self.model.row(index.row()) if index.isValid() else None
        if row is not None:
            self.task_chosen.emit(row["code"], row["version"], row["id"])
