"""新建事件 and 编辑事件: title, hazard, grade, confirmation, division, place, description,
lead agency, commander and phone, the scale (exposed, patients, responders, sites, area,
expected days), the reported time and the depots it may draw on (depot_choice.py: the
default of its division, or those checked). incidents.create / update run on the worker; a
refusal is said under the form and the field it names is marked and focused.

Editing does not change the grade (调整级别) nor the status (推进状态)."""

from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.depot_choice import DepotChoice
from desktop.ui.incidents.fields import FieldMarks, TimeField, text_box
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.form_dialog import FormDialog

MAX_COUNT = 100_000_000
MAX_AREA = 10_000_000
MAX_DAYS = 3_650
SCALE = ("exposed", "patients", "responders", "sites")


def _form(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return box, form


class IncidentDialog(FormDialog):
    """A new incident (incident=None) or the details of one (its detail dict)."""

    def __init__(self, worker, lists: dict, incident: dict | None = None, parent=None):
        title = self.tr("New incident") if incident is None else self.tr("Edit incident")
        super().__init__(worker, title, parent)
        self.lists = lists
        self.incident = incident
        self.setMinimumWidth(1240)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        middle = QVBoxLayout()  # its own column: the depots' height never squeezes it
        middle.addWidget(self._command_box())
        middle.addWidget(self._scale_box())
        self.depots = DepotChoice(self.lists.get("depots", []))
        row.addWidget(self._event_box(), 3)
        row.addLayout(middle, 2)
        row.addWidget(self.depots, 2)
        self.form.addRow(body)
        self.marks = FieldMarks([self.event_form, self.command_form, self.scale_form])
        self.fields.update(
            title=self.title_edit,
            hazard=self.hazard,
            grade=self.grade,
            confirmation=self.confirmation,
            division=self.division,
            place=self.place,
            description=self.description,
            notes=self.description,
            lead_agency=self.lead_agency,
            commander=self.commander,
            commander_phone=self.phone,
            reported_at=self.reported_at,
            area_km2=self.area,
            days=self.days,
            depots=self.depots.list,
            **self.scale,
        )
        self.division.currentIndexChanged.connect(
            lambda _index: self.depots.set_division(self.division.currentData())
        )
        self.depots.set_division(self.division.currentData())
        self.chosen_before: list[str] = []
        if incident is not None:
            self._prefill(incident)

    def _event_box(self) -> QGroupBox:
        box, form = _form(self.tr("The event"))
        self.event_form = form
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            self.tr("e.g. White powder found in a letter at a Hengnan sorting centre")
        )
        self.hazard = QComboBox()
        labels.fill(self.hazard, "hazard")
        if self.incident is None:  # chosen, never taken from a default (Enter saves the form)
            self.hazard.insertItem(0, self.tr("— choose —"), None)
            self.hazard.setCurrentIndex(0)
        self.grade = QComboBox()
        labels.fill(self.grade, "grade")
        self.grade.setCurrentIndex(self.grade.findData("IV"))
        self.grade.setToolTip(
            self.tr("Grades of the national public-health emergency plan (not the city plan)")
        )
        self.confirmation = QComboBox()
        labels.fill(self.confirmation, "confirmation")
        self.division = QComboBox()
        for row in self.lists.get("divisions", []):
            self.division.addItem(f"{row['code']}  {labels.localized(row)}", row["code"])
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Town, street, site"))
        self.reported_at = TimeField()
        self.description = text_box(4, self.tr("What happened, as first reported"))
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Hazard"), self.hazard)
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Confirmation"), self.confirmation)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Reported at"), self.reported_at)
        form.addRow(self.tr("Description"), self.description)
        return box

    def _command_box(self) -> QGroupBox:
        box, form = _form(self.tr("Command"))
        self.command_form = form
        self.lead_agency = QComboBox()
        self.lead_agency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lead_agency.setMinimumContentsLength(16)
        self.lead_agency.addItem(self.tr("Not named yet"), None)
        for row in self.lists.get("agencies", []):
            self.lead_agency.addItem(labels.localized(row), row["code"])
        self.commander = QLineEdit()
        self.phone = QLineEdit()
        form.addRow(self.tr("Lead agency"), self.lead_agency)
        form.addRow(self.tr("Commander"), self.commander)
        form.addRow(self.tr("Commander's phone"), self.phone)
        return box

    def _scale_box(self) -> QGroupBox:
        box, form = _form(self.tr("Scale (for the material needs)"))
        self.scale_form = form
        self.scale = {}
        for key, caption in (
            ("exposed", self.tr("Exposed people")),
            ("patients", self.tr("Patients")),
            ("responders", self.tr("Responders")),
            ("sites", self.tr("Sites")),
        ):
            spin = QSpinBox()
            spin.setRange(0, MAX_COUNT)
            spin.setGroupSeparatorShown(True)
            self.scale[key] = spin
            form.addRow(caption, spin)
        self.area = QDoubleSpinBox()
        self.area.setRange(0, MAX_AREA)
        self.area.setDecimals(2)
        self.area.setGroupSeparatorShown(True)
        self.area.setSuffix(" km²")
        self.days = QSpinBox()
        self.days.setRange(0, MAX_DAYS)
        self.days.setSpecialValueText(self.tr("not estimated"))
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Expected days"), self.days)
        return box

    def _prefill(self, incident: dict) -> None:
        self.title_edit.setText(incident.get("title") or "")
        for combo, key in (
            (self.hazard, "hazard"),
            (self.grade, "grade"),
            (self.confirmation, "confirmation"),
            (self.division, "division"),
            (self.lead_agency, "lead_agency"),
        ):
            found = combo.findData(incident.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)
        self.grade.setEnabled(False)
        self.grade.setToolTip(self.tr("Change the grade with Change grade…."))
        self.hazard.setEnabled(not incident.get("playbooks"))
        self.place.setText(incident.get("place") or "")
        self.description.setPlainText(incident.get("description") or "")
        self.commander.setText(incident.get("commander") or "")
        self.phone.setText(incident.get("commander_phone") or "")
        for key, spin in self.scale.items():
            spin.setValue(int(incident.get(key) or 0))
        self.area.setValue(float(incident.get("area_km2") or 0))
        self.days.setValue(int(incident.get("days") or 0))
        self.reported_at.set_value(incident.get("reported_at"))
        chosen = incident.get("depots", []) if incident.get("depots_chosen") else []
        self.chosen_before = [d["code"] for d in chosen]
        self.depots.set_chosen(chosen)

    def values(self) -> dict:
        given = {
            "title": self.title_edit.text(),
            "hazard": self.hazard.currentData(),
            "confirmation": self.confirmation.currentData(),
            "division": self.division.currentData(),
            "place": self.place.text(),
            "description": self.description.toPlainText(),
            "lead_agency": self.lead_agency.currentData() or "",
            "commander": self.commander.text(),
            "commander_phone": self.phone.text(),
            "area_km2": self.area.value(),
            "days": self.days.value(),
            "reported_at": self.reported_at.value(),
            "depots": self.depots.codes(),
            **{key: spin.value() for key, spin in self.scale.items()},
        }
        if self.incident is None:
            given["grade"] = self.grade.currentData()
        return given

    def job(self):
        from desktop.core import incidents

        self.marks.clear()
        given, ctx = self.values(), actor()
        if self.incident is None:
            return lambda db: incidents.create(db, ctx, given)
        ref = self.incident["id"]
        if not self.hazard.isEnabled():
            given.pop("hazard")
        if self.reported_at.value() == _minute(self.incident.get("reported_at")):
            given.pop("reported_at")  # unchanged: keep its seconds
        if set(given["depots"]) == set(self.chosen_before):
            given.pop("depots")  # unchanged, whatever the order shown
        return lambda db: incidents.update(db, ctx, ref, given)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.marks.mark(self.fields.get(field or ""))
        super().show_error(message, field)


def _minute(iso: str | None) -> str:
    """A stored time as TimeField.value() gives it (local, to the minute)."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0).isoformat()
