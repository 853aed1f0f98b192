"""阶段与任务: a playbook version's phases → tasks as a two-level tree, with ↑/↓, add and
remove, and the form of the selected phase (its kind and title) or task (TaskForm).

Every change is a core call handed to the editor's edit(fn, on_done): the editor runs it
on the worker, reads the version again and calls show_doc(doc, keep) with the id to select."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.playbooks.files import PHASES
from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.playbooks.task_form import TaskForm, lock
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style

ID = Qt.ItemDataRole.UserRole
KIND = Qt.ItemDataRole.UserRole + 1  # "phase" or "task"


class StructurePanel(QWidget):
    """Signals:
    selected(str): the kind of the row now selected ("phase", "task" or "").
    """

    selected = Signal(str)

    def __init__(self, edit, parent=None):
        super().__init__(parent)
        self.edit = edit
        self.doc: dict | None = None
        self.editable = False
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Phase / task"), self.tr("Lead agency")])
        self.tree.setColumnWidth(0, 200)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.buttons = {}
        row = QHBoxLayout()
        for key, caption, tip in (
            ("up", "↑", self.tr("Move up")),
            ("down", "↓", self.tr("Move down")),
            ("add_task", self.tr("Add task"), self.tr("A new task at the end of the phase")),
            ("remove", self.tr("Remove"), self.tr("Remove the selected phase or task")),
        ):
            button = QPushButton(caption)
            if len(caption) == 1:
                button.setMaximumWidth(40)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(getattr(self, key))
            self.buttons[key] = button
            row.addWidget(button)
        self.new_phase = QComboBox()
        for code, name in playbook_labels.phases().items():
            self.new_phase.addItem(name, code)
        add_phase = QPushButton(self.tr("Add phase"))
        add_phase.setAutoDefault(False)
        add_phase.clicked.connect(self.add_phase)
        self.buttons["add_phase"] = add_phase
        row.addStretch(1)
        phase_row = QHBoxLayout()
        phase_row.addWidget(self.new_phase, 1)
        phase_row.addWidget(add_phase)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(row)
        left_layout.addLayout(phase_row)

        self.phase_kind = QComboBox()
        for code, name in playbook_labels.phases().items():
            self.phase_kind.addItem(name, code)
        self.phase_title = QLineEdit()
        phase_page = QWidget()
        phase_form = QFormLayout(phase_page)
        phase_form.setContentsMargins(0, 0, 0, 0)
        phase_form.addRow(self.tr("Phase"), self.phase_kind)
        phase_form.addRow(self.tr("Title"), self.phase_title)
        self.task_form = TaskForm()
        hint = style.apply(QLabel(self.tr("Select a phase or a task.")), "muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.forms = QStackedWidget()
        for page in (hint, phase_page, self.task_form):
            self.forms.addWidget(page)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.forms, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

    def set_lists(self, lists: dict) -> None:
        self.task_form.set_lists(lists)

    # showing -------------------------------------------------------------------------------
    def show_doc(self, doc: dict, keep: str | None = None) -> None:
        """Show a version's phases and tasks; select the row with id keep (else the same)."""
        keep = keep or self.current_id()
        self.doc = doc
        self.tree.blockSignals(True)
        self.tree.clear()
        found = None
        for phase in doc["phases"]:
            parent = QTreeWidgetItem(self.tree, [phase["title"], ""])
            parent.setData(0, ID, phase["id"])
            parent.setData(0, KIND, "phase")
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            found = parent if phase["id"] == keep else found
            for task in phase["tasks"]:
                lead = task["lead_agency"] or {}
                item = QTreeWidgetItem(parent, [task["title"], lead.get("short_name", "")])
                item.setData(0, ID, task["id"])
                item.setData(0, KIND, "task")
                item.setToolTip(0, task["title"])
                found = item if task["id"] == keep else found
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.tree.setCurrentItem(found or self.tree.topLevelItem(0))
        self._show_current()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for button in self.buttons.values():
            button.setEnabled(editable)
        self.new_phase.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.task_form.set_editable(editable)
        lock((self.phase_kind, self.phase_title), editable)

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID) if item is not None else None

    def current_kind(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, KIND) if item is not None else ""

    def select(self, row_id: str) -> bool:
        for item in self._items():
            if item.data(0, ID) == row_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _items(self):
        for p in range(self.tree.topLevelItemCount()):
            phase = self.tree.topLevelItem(p)
            yield phase
            for t in range(phase.childCount()):
                yield phase.child(t)

    def _find(self, row_id: str, kind: str) -> dict | None:
        for phase in (self.doc or {}).get("phases", []):
            if kind == "phase" and phase["id"] == row_id:
                return phase
            for task in phase["tasks"]:
                if kind == "task" and task["id"] == row_id:
                    return task
        return None

    def _show_current(self) -> None:
        kind = self.current_kind()
        row = self._find(self.current_id(), kind) if kind else None
        if kind == "phase" and row is not None:
            self.phase_kind.setCurrentIndex(max(self.phase_kind.findData(row["phase"]), 0))
            self.phase_title.setText(row["title"])
            self.forms.setCurrentIndex(1)
        elif kind == "task" and row is not None:
            self.task_form.fill(row)
            self.forms.setCurrentIndex(2)
        else:
            self.forms.setCurrentIndex(0)
        self.buttons["add_task"].setEnabled(self.editable and bool(kind))
        self.save_button.setEnabled(self.editable and bool(kind))
        self.selected.emit(kind or "")

    def _phase_of_current(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return (item.parent() or item).data(0, ID)

    # edits ---------------------------------------------------------------------------------
    def up(self) -> None:
        self._move(-1)

    def down(self) -> None:
        self._move(1)

    def _move(self, offset: int) -> None:
        from desktop.core import playbooks

        row_id, kind = self.current_id(), self.current_kind()
        if not row_id:
            return
        fn = playbooks.move_phase if kind == "phase" else playbooks.move_task
        ctx = actor()
        self.edit(lambda db: fn(db, ctx, row_id, offset), keep=row_id)

    def add_phase(self) -> None:
        from desktop.core import playbooks

        ctx, pid = actor(), self.doc["id"]
        code = self.new_phase.currentData()
        values = {"phase": code, "title": PHASES[code]}
        self.edit(lambda db: playbooks.add_phase(db, ctx, pid, values))

    def add_task(self) -> None:
        from desktop.core import playbooks

        phase_id = self._phase_of_current()
        if phase_id is None:
            return
        ctx = actor()
        values = {
            "title": QCoreApplication.translate("StructurePanel", "New task"),
            "lead_agency": self.task_form.lead.itemData(0) or "",
        }
        self.edit(lambda db: playbooks.add_task(db, ctx, phase_id, values))

    def remove(self) -> None:
        from desktop.core import playbooks

        row_id, kind = self.current_id(), self.current_kind()
        if not row_id:
            return
        fn = playbooks.remove_phase if kind == "phase" else playbooks.remove_task
        ctx = actor()
        self.edit(lambda db: fn(db, ctx, row_id))

    def save(self) -> None:
        from desktop.core import playbooks

        row_id, kind = self.current_id(), self.current_kind()
        ctx = actor()
        if kind == "phase":
            values = {"phase": self.phase_kind.currentData(), "title": self.phase_title.text()}
            self.edit(lambda db: playbooks.save_phase(db, ctx, row_id, values), keep=row_id)
        elif kind == "task":
            values = self.task_form.values()
            self.edit(lambda db: playbooks.save_task(db, ctx, row_id, values), keep=row_id)
