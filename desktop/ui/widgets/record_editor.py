"""Master–detail editing of reference records (catalogue items, depots): the list on
the left, the chosen record's form on the right; a refused save names its field."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import RowsModel


class RecordEditor(QWidget):
    """Base of the catalogue and depot editors.

    Subclasses give columns(), build_form() (filling self.form and self.fields),
    list_job(), fill(row or None), values() and save_job(values, record id), and WATCHES:
    the tables the list shows (it refreshes itself when one changes).

    Signals:
        listed(int): the list is on screen (how many records).
        saved(str): a record was saved (its id).
        refused(str): a save was refused (the message shown under the form).
    """

    listed = Signal(int)
    saved = Signal(str)
    refused = Signal(str)
    WATCHES: frozenset[str] = frozenset()

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists = lists
        self.current_id: str | None = None
        self.fields: dict[str, QWidget] = {}
        self.model = RowsModel(self.columns(), parent=self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.heading = style.apply(QLabel(), "heading")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton(QCoreApplication.translate("RecordEditor", "New"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(QCoreApplication.translate("RecordEditor", "Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        panel = QWidget()
        right = QVBoxLayout(panel)
        right.addWidget(self.heading)
        right.addLayout(self.form)
        right.addWidget(self.message)
        right.addLayout(buttons)
        right.addStretch(1)
        panel.setMinimumWidth(380)
        panel.setMaximumWidth(520)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(panel)
        self.build_form()
        self.new()
        watch(self, worker, self.WATCHES)

    # hooks -------------------------------------------------------------------------------
    def columns(self) -> list:
        raise NotImplementedError

    def build_form(self) -> None:
        raise NotImplementedError

    def list_job(self):
        raise NotImplementedError

    def fill(self, row: dict | None) -> None:
        raise NotImplementedError

    def values(self) -> dict:
        raise NotImplementedError

    def save_job(self, values: dict, record_id: str | None):
        raise NotImplementedError

    def heading_for(self, row: dict | None) -> str:
        return row["name"] if row else QCoreApplication.translate("RecordEditor", "New record")

    # behaviour ---------------------------------------------------------------------------
    def set_lists(self, lists: dict) -> None:
        self.lists = lists

    def refresh(self) -> None:
        self.worker.run(self.list_job(), self._listed)

    def _listed(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        if self.model.rowCount():
            style.fit_columns(self.table)
        for number, row in enumerate(rows):
            if row["id"] == self.current_id:
                choose_row(self.table, number)
                break
        self.listed.emit(len(rows))

    def _selected(self, current, _previous=None) -> None:
        row = self.model.row(current.row()) if current.isValid() else None
        if row is None:
            return
        self.current_id = row["id"]
        self.heading.setText(self.heading_for(row))
        self.fill(row)
        self.message.clear()

    def new(self) -> None:
        """An empty form for a new record."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.current_id = None
        self.heading.setText(self.heading_for(None))
        self.fill(None)
        self.message.clear()
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        fn = self.save_job(self.values(), self.current_id)
        self.save_button.setEnabled(False)
        self.worker.run(refusable(fn), self._saved)

    def _saved(self, result) -> None:
        self.save_button.setEnabled(True)
        if isinstance(result, Refused):
            style.apply(self.message, "error")
            self.message.setText(result.message)
            widget = self.fields.get(result.field or "")
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.refused.emit(result.message)
            return
        self.current_id = result
        style.apply(self.message, "ok")
        self.message.setText(QCoreApplication.translate("RecordEditor", "Saved."))
        self.saved.emit(result)
        self.refresh()
