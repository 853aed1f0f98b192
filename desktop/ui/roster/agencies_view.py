"""成员单位: the member agencies of the coordination mechanism and their county
counterparts; contact person and duty phone are edited in place (agencies.save_agency),
a refused phone number is explained under the table and the old value kept."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.core.roster import agencies
from desktop.ui.reserves import lookups
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch

NO_PARENT = QModelIndex()
KEYS = ("code", "name", "short_name", "level", "division", "contact", "duty_phone")
EDITABLE = ("contact", "duty_phone")


class AgenciesModel(QAbstractTableModel):
    """The agencies; contact and duty phone editable, saved on the worker.

    Signals:
        saved(str): an edit was saved (the agency code).
        refused(str): the core refused an edit (its message); the old value is back.
    """

    saved = Signal(str)
    refused = Signal(str)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.rows: list[dict] = []
        self.division_names: dict[str, str] = {}
        self.headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Short name"),
            self.tr("Level"),
            self.tr("Division"),
            self.tr("Contact person"),
            self.tr("Duty phone"),
        ]
        self.levels = {"city": self.tr("City"), "county": self.tr("County")}

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(KEYS)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and KEYS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, key = self.rows[index.row()], KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = row.get(key) or ""
            if role == Qt.ItemDataRole.DisplayRole and key == "level":
                return self.levels.get(value, value)
            if role == Qt.ItemDataRole.DisplayRole and key == "division":
                return self.division_names.get(value, value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return row.get("role") or None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, key = self.rows[index.row()], KEYS[index.column()]
        text = str(value or "").strip()
        if text == (row.get(key) or ""):
            return False
        old, row[key] = row.get(key) or "", text
        self.dataChanged.emit(index, index)
        agency_id, code, ctx = row["id"], row["code"], actor()
        self.worker.run(
            refusable(lambda db: agencies.save_agency(db, ctx, {key: text}, agency_id)),
            lambda result: self._saved(result, agency_id, key, old, code),
        )
        return True

    def _saved(self, result, agency_id: str, key: str, old: str, code: str) -> None:
        if isinstance(result, Refused):
            for number, row in enumerate(self.rows):
                if row["id"] == agency_id:
                    row[key] = old
                    index = self.index(number, KEYS.index(key))
                    self.dataChanged.emit(index, index)
            self.refused.emit(result.message)
            return
        self.saved.emit(code)


class AgenciesView(QWidget):
    """The 成员单位 tab. Signals: loaded(int): the list is on screen (how many)."""

    loaded = Signal(int)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.model = AgenciesModel(worker, self)
        self.model.saved.connect(self._saved)
        self.model.refused.connect(self._refused)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        hint = style.apply(
            QLabel(
                self.tr(
                    "Double-click a contact person or a duty phone to change it; hover a name "
                    "for the agency's responsibilities."
                )
            ),
            "caption",
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.set_lists(lists)
        watch(self, worker, {"agency", "division"})

    def set_lists(self, lists: dict) -> None:
        self.model.division_names = {
            r["code"]: lookups.localized(r) for r in lists.get("divisions", [])
        }

    def refresh(self) -> None:
        self.worker.run(agencies.list, self._loaded)

    def _loaded(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        if rows:
            style.fit_columns(self.table, widest=280)
            contact = KEYS.index("contact")  # room to type in the empty columns
            header = self.table.horizontalHeader()
            header.resizeSection(contact, max(header.sectionSize(contact), 120))
        self.loaded.emit(len(rows))

    def _saved(self, code: str) -> None:
        style.apply(self.message, "ok")
        self.message.setText(self.tr("Saved {code}.").format(code=code))
        self.refresh()  # shows the phone as the core normalised it

    def _refused(self, message: str) -> None:
        style.apply(self.message, "error")
        self.message.setText(message)
