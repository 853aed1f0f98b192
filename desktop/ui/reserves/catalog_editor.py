"""目录: the catalogue of reserve items, searchable by code, name or pinyin, with a form
that saves through catalog.save_item (duplicates and bad fields refused by the core)."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox

from desktop.core.reserves import catalog
from desktop.core.vocab import STORAGE
from desktop.ui.reserves import lookups
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.change_watcher import CATALOG
from desktop.ui.widgets.record_editor import RecordEditor
from desktop.ui.widgets.rows_model import Column

LIMIT = 5000  # more than the city's 3,000 items; a search narrows a province catalogue


class CatalogEditor(RecordEditor):
    """The catalogue tab."""

    WATCHES = CATALOG

    def __init__(self, worker, lists: dict, parent=None):
        self.search_text = ""
        self.category_names: dict[str, str] = {}  # filled in place by set_lists
        super().__init__(worker, lists, parent)

    def columns(self) -> list:
        return [
            Column("code", self.tr("Code")),
            Column("name", self.tr("Name")),
            Column("spec", self.tr("Specification")),
            Column("unit", self.tr("Unit")),
            Column("category", self.tr("Category"), "map", self.category_names),
            Column("storage", self.tr("Storage"), "vocab"),
        ]

    def build_form(self) -> None:
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.spec = QLineEdit()
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.pack_size = QSpinBox()
        self.pack_size.setRange(1, 1_000_000)
        self.pack_unit = QComboBox()
        self.pack_unit.setEditable(True)
        pack = QHBoxLayout()
        pack.addWidget(self.pack_size, 1)
        pack.addWidget(self.pack_unit, 1)
        self.category = QComboBox()
        self.gbt_code = QLineEdit()
        self.gbt_code.setPlaceholderText(self.tr("7 digits, e.g. 2010101"))
        self.shelf_life = QCheckBox(self.tr("Managed by expiry date"))
        self.storage = QComboBox()
        lookups.fill(self.storage, lookups.level_entries(STORAGE), keep=False)
        self.notes = QLineEdit()
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Specification"), self.spec)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Pack size and unit"), pack)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("GB/T 38565 code"), self.gbt_code)
        self.form.addRow(self.tr("Shelf life"), self.shelf_life)
        self.form.addRow(self.tr("Storage"), self.storage)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.fields.update(
            code=self.code,
            name=self.name,
            spec=self.spec,
            unit=self.unit,
            pack_size=self.pack_size,
            pack_unit=self.pack_unit,
            category=self.category,
            gbt_code=self.gbt_code,
            shelf_life=self.shelf_life,
            storage=self.storage,
            notes=self.notes,
        )
        self.set_lists(self.lists)

    def set_lists(self, lists: dict) -> None:
        super().set_lists(lists)
        units = [(row["name"], row["name"]) for row in lists.get("units", [])]
        for combo in (self.unit, self.pack_unit):
            text = combo.currentText()
            lookups.fill(combo, units, keep=False)
            combo.setEditText(text)
        lookups.fill(self.category, lookups.category_entries(lists))
        self.category_names.clear()
        self.category_names.update(lookups.category_names(lists))

    def heading_for(self, row: dict | None) -> str:
        return f"{row['code']}  {row['name']}" if row else self.tr("New catalogue item")

    def set_search(self, text: str) -> None:
        self.search_text = text.strip()
        self.refresh()

    def list_job(self):
        text = self.search_text
        return lambda db: catalog.search_items(db, text, LIMIT)

    def fill(self, row: dict | None) -> None:
        row = row or {}
        self.code.setText(row.get("code", ""))
        self.name.setText(row.get("name", ""))
        self.spec.setText(row.get("spec", ""))
        self.unit.setEditText(row.get("unit", ""))
        self.pack_size.setValue(row.get("pack_size") or 1)
        self.pack_unit.setEditText(row.get("pack_unit") or "箱")
        found = self.category.findData(row.get("category"))
        self.category.setCurrentIndex(max(found, 0))
        self.gbt_code.setText(row.get("gbt_code") or "")
        self.shelf_life.setChecked(bool(row.get("shelf_life", 1)))
        self.storage.setCurrentIndex(max(self.storage.findData(row.get("storage", "常温")), 0))
        self.notes.setText(row.get("notes", ""))

    def values(self) -> dict:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "spec": self.spec.text(),
            "unit": self.unit.currentText(),
            "pack_size": self.pack_size.value(),
            "pack_unit": self.pack_unit.currentText(),
            "category": self.category.currentData() or "",
            "gbt_code": self.gbt_code.text(),
            "shelf_life": self.shelf_life.isChecked(),
            "storage": self.storage.currentData(),
            "notes": self.notes.text(),
        }

    def save_job(self, values: dict, record_id: str | None):
        ctx = actor()
        return lambda db: catalog.save_item(db, ctx, values, record_id)
