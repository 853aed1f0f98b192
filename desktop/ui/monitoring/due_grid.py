"""The result grid of 今日待办: one row a due or overdue check (overdue in red), typed into
with the keyboard alone — a value, then Enter or Tab to the next row's value (Shift+Tab
back), F9 to mark the row abnormal — and a value outside the schedule's normal range
flagged while it is typed. What was typed is kept per check until it is saved, across
reloads of the list."""

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
)

from desktop.core.monitoring.results import out_of_range
from desktop.ui.incidents.tables import fit
from desktop.ui.monitoring import labels as words
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel

DUE, LATE, INCIDENT, SUBJECT, MEASURE, VALUE, UNIT, ABNORMAL, NOTE, RANGE, AGENCY = range(11)
FLAGGED = QColor("#f9d6d3")  # the background of a value outside the normal range


class DueModel(RowsModel):
    """Checks of schedules.due (with their schedule's normal range) and what was typed
    for each: {check: {value, abnormal, note}}; refusals of the last save per check."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("due", QCoreApplication.translate("DueGrid", "Due")),
                Column("late", QCoreApplication.translate("DueGrid", "Overdue")),
                Column("incident", QCoreApplication.translate("DueGrid", "Incident")),
                Column("subject", QCoreApplication.translate("DueGrid", "Subject")),
                Column("measure", QCoreApplication.translate("DueGrid", "Measure")),
                Column("value", QCoreApplication.translate("DueGrid", "Value")),
                Column("unit", QCoreApplication.translate("DueGrid", "Unit")),
                Column("flag", QCoreApplication.translate("DueGrid", "Abnormal")),
                Column("note", QCoreApplication.translate("DueGrid", "Note")),
                Column("range", QCoreApplication.translate("DueGrid", "Normal range")),
                Column("agency_name", QCoreApplication.translate("DueGrid", "Agency")),
            ],
            parent=parent,
        )
        self.typed: dict[str, dict] = {}
        self.refusals: dict[str, str] = {}

    def set_checks(self, rows: list[dict], agencies: dict[str, str]) -> None:
        for row in rows:
            row["late"] = (
                QCoreApplication.translate("DueGrid", "{days} d").format(days=row["days_overdue"])
                if row["overdue"]
                else ""
            )
            row["range"] = words.normal_range(row["normal_min"], row["normal_max"])
            row["agency_name"] = agencies.get(row["agency"], row["agency_name"] or "")
        present = {row["check"] for row in rows}
        self.typed = {k: v for k, v in self.typed.items() if k in present}
        self.refusals = {k: v for k, v in self.refusals.items() if k in present}
        self.set_rows(rows)

    # what was typed ------------------------------------------------------------------------
    def entry(self, row: dict) -> dict:
        return self.typed.get(row["check"], {"value": "", "abnormal": False, "note": ""})

    def out_of_range(self, row: dict, value: str | None = None) -> bool:
        text = self.entry(row)["value"] if value is None else value.strip()
        return bool(text) and out_of_range(row, text)

    def abnormal(self, row: dict) -> bool:
        return self.entry(row)["abnormal"] or self.out_of_range(row)

    def _set(self, number: int, key: str, value) -> None:
        row = self.rows[number]
        self.typed[row["check"]] = {**self.entry(row), key: value}
        self.refusals.pop(row["check"], None)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.columns) - 1))

    def toggle(self, number: int) -> None:
        """Mark the row abnormal, or not (a value out of range stays abnormal)."""
        if 0 <= number < len(self.rows):
            self._set(number, "abnormal", not self.entry(self.rows[number])["abnormal"])

    def saved(self, checks: list[str], refused: dict[str, str]) -> None:
        """Forget what was typed for the checks recorded; keep the refused with why."""
        for check in checks:
            self.typed.pop(check, None)
        self.refusals.update(refused)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, AGENCY))

    def entries(self) -> list[dict]:
        """The checks given a value: {check, value, abnormal, note}."""
        out = []
        for row in self.rows:
            entry = self.entry(row)
            if entry["value"]:
                out.append({"check": row["check"], **entry})
        return out

    # the model -----------------------------------------------------------------------------
    def flags(self, index):
        flags = super().flags(index)
        if index.column() in (VALUE, NOTE):
            return flags | Qt.ItemFlag.ItemIsEditable
        if index.column() == ABNORMAL:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        entry = self.entry(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column in (VALUE, NOTE):
                return entry["value" if column == VALUE else "note"]
            if column == ABNORMAL:
                return (
                    QCoreApplication.translate("DueGrid", "out of range")
                    if self.out_of_range(row)
                    else ""
                )
        if role == Qt.ItemDataRole.CheckStateRole and column == ABNORMAL:
            return Qt.CheckState.Checked if self.abnormal(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column == VALUE and self.out_of_range(row):
            return FLAGGED
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["check"] in self.refusals or row["overdue"]:
                return style.EXPIRED
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if row["check"] in self.refusals:
                return self.refusals[row["check"]]
            if column == VALUE and self.out_of_range(row):
                return QCoreApplication.translate(
                    "DueGrid", "Outside the normal range {range}: saved as abnormal."
                ).format(range=row["range"])
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid():
            return False
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column in (VALUE, NOTE):
            self._set(index.row(), "value" if column == VALUE else "note", str(value).strip())
            return True
        if role == Qt.ItemDataRole.CheckStateRole and column == ABNORMAL:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self._set(index.row(), "abnormal", checked)
            return True
        return False


class ValueDelegate(QStyledItemDelegate):
    """The value's editor turns red while what is typed lies outside the normal range."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        model = index.model()
        row = model.row(index.row())
        if index.column() == VALUE and isinstance(editor, QLineEdit) and row is not None:
            normal = editor.palette()
            flagged = editor.palette()
            flagged.setColor(QPalette.ColorRole.Base, FLAGGED)

            def mark(text: str) -> None:
                editor.setPalette(flagged if model.out_of_range(row, text) else normal)

            editor.textChanged.connect(mark)
        return editor


class DueGrid(QTableView):
    """The grid: Enter and Tab go to the next row's value, Shift+Tab to the previous."""

    def __init__(self, model: DueModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegateForColumn(VALUE, ValueDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # typing starts editing; Enter and Tab open the next row's value (closeEditor)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        step = {
            QAbstractItemView.CursorAction.MoveNext: 1,
            QAbstractItemView.CursorAction.MovePrevious: -1,
        }.get(action)
        if step is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        row = current.row() + step
        if 0 <= row < self.model().rowCount():
            return self.model().index(row, VALUE)
        return QModelIndex()  # past the last row: stay

    def closeEditor(self, editor, hint):
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter
            hint = QAbstractItemDelegate.EndEditHint.EditNextItem
        super().closeEditor(editor, hint)

    def size_columns(self) -> None:
        """Columns sized to the rows (capped); room to type a value and to read its flag."""
        fit(self, widest=200)
        metrics = self.fontMetrics()
        flag = QCoreApplication.translate("DueGrid", "out of range")
        header = self.horizontalHeader()
        for column, width in (
            (VALUE, metrics.horizontalAdvance("0" * 12) + 16),
            (ABNORMAL, metrics.horizontalAdvance(flag) + 48),
        ):
            header.resizeSection(column, max(header.sectionSize(column), width))

    def start(self) -> None:
        """Put the cursor on the first value to type (editing it)."""
        if self.model().rowCount():
            self.setFocus()
            self.setCurrentIndex(self.model().index(0, VALUE))
            self.edit(self.currentIndex())

    def go_to(self, check: str | None) -> None:
        """The cursor on the value of this check, else of the first row (typing there
        starts editing it)."""
        model = self.model()
        rows = [n for n, row in enumerate(model.rows) if row["check"] == check]
        if model.rowCount():
            self.setCurrentIndex(model.index(rows[0] if rows else 0, VALUE))

    def editor(self):
        """The editor open on the current cell, if any."""
        widget = QApplication.focusWidget()
        if self.state() == self.State.EditingState and widget is not None:
            if widget is not self and self.isAncestorOf(widget):
                return widget
        return None

    def commit_editing(self) -> None:
        """Hand what is being typed to the model, the editor staying open."""
        editor = self.editor()
        if editor is not None:
            self.commitData(editor)

    def finish_editing(self) -> None:
        """Commit the value being typed, if any, and close its editor (before saving)."""
        editor = self.editor()
        if editor is not None:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
