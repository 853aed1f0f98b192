"""物资测算参数: a playbook version's material planning factors as a table (item or
category, basis, quantity per day, days, buffer %, note) under where they come from (the
plan sets none: 示例（可修改） or this station's), with the selected factor's form,
add, save, ↑/↓ and remove. Edits go through the editor's edit(fn, keep) like the phases."""

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.playbooks.files import number
from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.playbooks.sources import SourceTag
from desktop.ui.playbooks.task_form import lock
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel


class FactorsPanel(QWidget):
    def __init__(self, edit, parent=None):
        super().__init__(parent)
        self.edit = edit
        self.doc: dict | None = None
        self.editable = False
        self.model = RowsModel(self._columns({}), parent=self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._fill())
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("catalogue item code, or empty for a category"))
        self.category = QComboBox()
        self.basis = QComboBox()
        for code, name in playbook_labels.bases().items():
            self.basis.addItem(name, code)
        self.qty = QDoubleSpinBox()
        self.qty.setRange(0, 1_000_000)
        self.qty.setDecimals(2)
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.buffer = QSpinBox()
        self.buffer.setRange(0, 1000)
        self.buffer.setSuffix(" %")
        self.note = QLineEdit()
        self.inputs = (self.item, self.category, self.basis, self.qty, self.days, self.buffer)
        self.inputs += (self.note,)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Item"), self.item)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Basis"), self.basis)
        form.addRow(self.tr("Quantity per day"), self.qty)
        form.addRow(self.tr("Days"), self.days)
        form.addRow(self.tr("Buffer"), self.buffer)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = {}
        moves, saves = QHBoxLayout(), QHBoxLayout()
        saves.addStretch(1)
        for key, caption, row in (
            ("up", "↑", moves),
            ("down", "↓", moves),
            ("remove", self.tr("Remove"), moves),
            ("add", self.tr("Add as new factor"), saves),
            ("save", self.tr("Save factor"), saves),
        ):
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(getattr(self, key))
            self.buttons[key] = button
            row.addWidget(button)
        moves.addStretch(1)
        panel = QWidget()
        panel.setMaximumWidth(460)
        right = QVBoxLayout(panel)
        right.setContentsMargins(8, 0, 0, 0)
        right.addLayout(form)
        right.addLayout(moves)
        right.addLayout(saves)
        right.addStretch(1)
        self.source = SourceTag()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.source)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(panel)

    def _columns(self, categories: dict) -> list[Column]:
        return [
            Column("item", self.tr("Item")),
            Column("category", self.tr("Category"), "map", categories),
            Column("basis", self.tr("Basis"), "map", playbook_labels.bases()),
            Column("qty_per_day", self.tr("Per day"), "number"),
            Column("days", self.tr("Days"), "number"),
            Column("buffer_pct", self.tr("Buffer %"), "number"),
            Column("note", self.tr("Note")),
        ]

    def set_lists(self, lists: dict) -> None:
        from desktop.ui.reserves.lookups import localized

        names = {row["code"]: localized(row) for row in lists["categories"]}
        self.model.columns = self._columns(names)
        self.category.clear()
        self.category.addItem("—", None)
        for code, name in names.items():
            self.category.addItem(name, code)

    def show_doc(self, doc: dict, keep: str | None = None) -> None:
        keep = keep or self.current_id()
        self.doc = doc
        self.source.set_source((doc.get("sources") or {}).get("factors"))
        self.model.set_rows(
            [{**f, "qty_per_day": number(f["qty_per_day"])} for f in doc["factors"]]
        )
        style.fit_columns(self.table, stretch=6)
        rows = [n for n, f in enumerate(doc["factors"]) if f["id"] == keep]
        if rows or doc["factors"]:
            choose_row(self.table, rows[0] if rows else 0)
        self._fill()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        lock(self.inputs, editable)
        for button in self.buttons.values():
            button.setEnabled(editable)

    def current_id(self) -> str | None:
        row = self.model.row(self.table.currentIndex().row())
        return row["id"] if row else None

    def _fill(self) -> None:
        row = self.model.row(self.table.currentIndex().row()) or {}
        self.item.setText(row.get("item") or "")
        self.category.setCurrentIndex(max(self.category.findData(row.get("category")), 0))
        self.basis.setCurrentIndex(max(self.basis.findData(row.get("basis")), 0))
        self.qty.setValue(row.get("qty_per_day") or 0)
        self.days.setValue(row.get("days") or 1)
        self.buffer.setValue(row.get("buffer_pct") or 0)
        self.note.setText(row.get("note") or "")
        self.note.setCursorPosition(0)

    def values(self) -> dict:
        qty = self.qty.value()
        return {
            "item": self.item.text().strip() or None,
            "category": self.category.currentData(),
            "basis": self.basis.currentData(),
            "qty_per_day": int(qty) if float(qty).is_integer() else qty,
            "days": self.days.value(),
            "buffer_pct": self.buffer.value(),
            "note": self.note.text(),
        }

    # edits ---------------------------------------------------------------------------------
    def add(self) -> None:
        from desktop.core import playbooks

        ctx, pid, values = actor(), self.doc["id"], self.values()
        self.edit(lambda db: playbooks.add_factor(db, ctx, pid, values))

    def save(self) -> None:
        from desktop.core import playbooks

        row_id, ctx, values = self.current_id(), actor(), self.values()
        if row_id:
            self.edit(lambda db: playbooks.save_factor(db, ctx, row_id, values), keep=row_id)

    def up(self) -> None:
        self._move(-1)

    def down(self) -> None:
        self._move(1)

    def _move(self, offset: int) -> None:
        from desktop.core import playbooks

        row_id, ctx = self.current_id(), actor()
        if row_id:
            self.edit(lambda db: playbooks.move_factor(db, ctx, row_id, offset), keep=row_id)

    def remove(self) -> None:
        from desktop.core import playbooks

        row_id, ctx = self.current_id(), actor()
        if row_id:
            self.edit(lambda db: playbooks.remove_factor(db, ctx, row_id))
