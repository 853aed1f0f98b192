"""新建演练 and 编辑演练: the drill's name, kind (桌面推演/专项演练/综合演练), speed and
scenario start (T+0 on the drill's calendar: the moment it starts when not set), the
scenario narrative; the simulated incident (hazard, grade, division, place and scale:
what the auto-play and the needs of the drill's incidents start from); the playbooks it
exercises. records.create / update run on the worker; a refusal is said under the form and
the field it names is marked and focused. The plan can change until the drill starts."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.drills import labels
from desktop.ui.drills.parts import optional
from desktop.ui.incidents.fields import FieldMarks, TimeField, text_box
from desktop.ui.incidents.incident_dialog import MAX_AREA, MAX_COUNT, MAX_DAYS, _form
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.form_dialog import FormDialog

COUNTS = ("exposed", "patients", "responders", "sites")


class DrillDialog(FormDialog):
    """A new drill (drill=None) or the plan of one (records.detail) before it starts."""

    def __init__(self, worker, lists: dict, drill: dict | None = None, parent=None):
        title = self.tr("New drill") if drill is None else self.tr("Edit drill")
        super().__init__(worker, title, parent)
        self.lists = lists
        self.drill = drill
        self.setMinimumWidth(1100)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._drill_box(), 3)
        row.addWidget(self._incident_box(), 3)
        row.addWidget(self._playbooks_box(), 2)
        self.form.addRow(body)
        self.marks = FieldMarks([self.drill_form, self.incident_form])
        self.fields.update(
            name=self.name,
            kind=self.kind,
            speed=self.speed,
            sim_start=self.sim_start,
            scenario=self.scenario,
            hazard=self.hazard,
            grade=self.grade,
            division=self.division,
            place=self.place,
            area_km2=self.area,
            days=self.days,
            playbook=self.playbooks,
            **self.counts,
        )
        if drill is not None:
            self._prefill(drill)

    def _drill_box(self) -> QGroupBox:
        box, form = _form(self.tr("The drill"))
        self.drill_form = form
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2026 city tabletop exercise: anthrax letters"))
        self.kind = QComboBox()
        labels.fill(self.kind, "drill_kind")
        self.speed = QComboBox()
        for speed in labels.SPEEDS:
            self.speed.addItem(labels.speed_text(speed), speed)
        self.speed.setToolTip(self.tr("How fast the drill's clock runs against the wall clock"))
        self.sim_start = TimeField()
        start, self.has_start = optional(self.tr("Set"), self.sim_start)
        start.setToolTip(
            self.tr("T+0 on the scenario's calendar; when not set, the moment the drill starts")
        )
        self.scenario = text_box(9, self.tr("The scenario as the players first hear of it"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.tr("Scenario start"), start)
        form.addRow(self.tr("Scenario"), self.scenario)
        return box

    def _incident_box(self) -> QGroupBox:
        box, form = _form(self.tr("The simulated incident"))
        self.incident_form = form
        self.hazard = QComboBox()
        labels.fill(self.hazard, "hazard", first=self.tr("Not set"))
        self.grade = QComboBox()
        labels.fill(self.grade, "grade")
        self.grade.setCurrentIndex(self.grade.findData("IV"))
        self.division = QComboBox()
        self.division.addItem(self.tr("Not set"), None)
        for row in self.lists.get("divisions", []):
            self.division.addItem(f"{row['code']}  {labels.localized(row)}", row["code"])
        self.place = QLineEdit()
        form.addRow(self.tr("Hazard"), self.hazard)
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Division"), self.division)
        form.addRow(self.tr("Place"), self.place)
        self.counts = {}
        for key, caption in zip(
            COUNTS,
            (self.tr("Exposed people"), self.tr("Patients"), self.tr("Responders"),
             self.tr("Sites")),
            strict=True,
        ):  # fmt: skip
            spin = QSpinBox()
            spin.setRange(0, MAX_COUNT)
            spin.setGroupSeparatorShown(True)
            self.counts[key] = spin
            form.addRow(caption, spin)
        self.area = QDoubleSpinBox()
        self.area.setRange(0, MAX_AREA)
        self.area.setSuffix(" km²")
        self.days = QSpinBox()
        self.days.setRange(0, MAX_DAYS)
        self.days.setSpecialValueText(self.tr("not estimated"))
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Expected days"), self.days)
        return box

    def _playbooks_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Playbooks exercised"))
        self.playbooks = QListWidget()
        self.playbooks.setWordWrap(True)  # titles are long: wrapped rather than cut
        self.playbooks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row in self.lists.get("playbooks", []):
            item = QListWidgetItem(f"{row['code']}  {row['title']}")
            item.setData(Qt.ItemDataRole.UserRole, row["code"])
            item.setToolTip(row["title"])
            item.setCheckState(Qt.CheckState.Unchecked)
            self.playbooks.addItem(item)
        layout = QVBoxLayout(box)
        layout.addWidget(self.playbooks)
        return box

    def _prefill(self, drill: dict) -> None:
        self.name.setText(drill.get("name") or "")
        for combo, key in ((self.kind, "kind"), (self.speed, "speed"), (self.hazard, "hazard"),
                           (self.grade, "grade"), (self.division, "division")):  # fmt: skip
            found = combo.findData(drill.get(key) or None)
            if found >= 0:
                combo.setCurrentIndex(found)
        if drill.get("sim_start"):
            self.has_start.setChecked(True)
            self.sim_start.set_value(drill["sim_start"])
        self.scenario.setPlainText(drill.get("scenario") or "")
        self.place.setText(drill.get("place") or "")
        for key, spin in self.counts.items():
            spin.setValue(int(drill.get(key) or 0))
        self.area.setValue(float(drill.get("area_km2") or 0))
        self.days.setValue(int(drill.get("days") or 0))
        chosen = {row["code"] for row in drill.get("playbooks", [])}
        for number in range(self.playbooks.count()):
            item = self.playbooks.item(number)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_playbooks(self) -> list[str]:
        items = (self.playbooks.item(n) for n in range(self.playbooks.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items
                if i.checkState() == Qt.CheckState.Checked]  # fmt: skip

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "speed": self.speed.currentData(),
            "sim_start": self.sim_start.value() if self.has_start.isChecked() else "",
            "scenario": self.scenario.toPlainText(),
            "hazard": self.hazard.currentData() or "",
            "grade": self.grade.currentData(),
            "division": self.division.currentData() or "",
            "place": self.place.text(),
            "area_km2": self.area.value(),
            "days": self.days.value(),
            **{key: spin.value() for key, spin in self.counts.items()},
        }

    def job(self):
        from desktop.core.drills import records

        self.marks.clear()
        given, playbooks, ctx = self.values(), self.chosen_playbooks(), actor()
        if self.drill is None:
            return lambda db: records.create(db, ctx, given, playbooks)
        ref = self.drill["id"]
        return lambda db: {**records.get(db, ref), "changed": records.update(
            db, ctx, ref, given, playbooks)}  # fmt: skip

    def show_error(self, message: str, field: str | None = None) -> None:
        self.marks.mark(self.fields.get(field or ""))
        super().show_error(message, field)
