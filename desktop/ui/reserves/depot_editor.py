"""仓库: reserve depots, with a form that saves through catalog.save_depot."""

from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.core import choices
from desktop.core.reserves import catalog
from desktop.core.vocab import DEPOT_LEVELS
from desktop.ui.reserves import lookups
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.change_watcher import DEPOTS
from desktop.ui.widgets.record_editor import RecordEditor
from desktop.ui.widgets.rows_model import Column


class DepotEditor(RecordEditor):
    """The depots tab."""

    WATCHES = DEPOTS

    def __init__(self, worker, lists: dict, parent=None):
        self.division_names: dict[str, str] = {}  # filled in place by set_lists
        super().__init__(worker, lists, parent)

    def columns(self) -> list:
        return [
            Column("code", self.tr("Code")),
            Column("name", self.tr("Name")),
            Column("level", self.tr("Level"), "vocab"),
            Column("division", self.tr("Division"), "map", self.division_names),
            Column("contact", self.tr("Contact")),
            Column("phone", self.tr("Phone")),
        ]

    def build_form(self) -> None:
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.level = QComboBox()
        lookups.fill(self.level, lookups.level_entries(DEPOT_LEVELS), keep=False)
        self.division = QComboBox()
        self.agency = QComboBox()
        self.address = QLineEdit()
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow(self.tr("Division"), self.division)
        self.form.addRow(self.tr("Managing agency"), self.agency)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Contact"), self.contact)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.fields.update(
            code=self.code,
            name=self.name,
            level=self.level,
            division=self.division,
            agency_id=self.agency,
            address=self.address,
            contact=self.contact,
            phone=self.phone,
            notes=self.notes,
        )
        self.set_lists(self.lists)

    def set_lists(self, lists: dict) -> None:
        super().set_lists(lists)
        divisions = lists.get("divisions", [])
        lookups.fill(
            self.division,
            [(f"{row['code']}  {lookups.localized(row)}", row["code"]) for row in divisions],
            "—",
        )
        lookups.fill(
            self.agency,
            [(lookups.localized(row), row["id"]) for row in lists.get("agencies", [])],
            "—",
        )
        self.division_names.clear()
        self.division_names.update({row["code"]: lookups.localized(row) for row in divisions})

    def heading_for(self, row: dict | None) -> str:
        return f"{row['code']}  {row['name']}" if row else self.tr("New depot")

    def list_job(self):
        return lambda db: choices.load(db, "depots")["depots"]

    def fill(self, row: dict | None) -> None:
        row = row or {}
        self.code.setText(row.get("code", ""))
        self.name.setText(row.get("name", ""))
        self.level.setCurrentIndex(max(self.level.findData(row.get("level")), 0))
        self.division.setCurrentIndex(max(self.division.findData(row.get("division")), 0))
        self.agency.setCurrentIndex(max(self.agency.findData(row.get("agency_id")), 0))
        for name in ("address", "contact", "phone", "notes"):
            getattr(self, name).setText(row.get(name, ""))

    def values(self) -> dict:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "level": self.level.currentData(),
            "division": self.division.currentData(),
            "agency_id": self.agency.currentData(),
            "address": self.address.text(),
            "contact": self.contact.text(),
            "phone": self.phone.text(),
            "notes": self.notes.text(),
        }

    def save_job(self, values: dict, record_id: str | None):
        ctx = actor()
        return lambda db: catalog.save_depot(db, ctx, values, record_id)
