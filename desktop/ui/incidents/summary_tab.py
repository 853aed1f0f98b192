"""概况: an incident's details (incidents.detail) — the event, command, times and scale,
its grade history, the playbooks activated and the depots it may draw on — with 编辑…,
调整级别…, 推进状态… and 启动预案…."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.screen_size import Scrolled
from desktop.ui.widgets.times import when

TIMES = ("reported_at", "activated_at", "recovery_at", "monitoring_at", "closed_at")


class SummaryTab(IncidentTab):
    """The incident's details and the dialogs that change it."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.lists = lists
        self.divisions = {row["code"]: labels.localized(row) for row in lists.get("divisions", [])}
        self.values: dict[str, QLabel] = {}
        bar = self.buttons(
            [
                ("edit", self.tr("Edit…")),
                ("change_grade", self.tr("Change grade…")),
                ("advance", self.tr("Advance status…")),
                ("activate", self.tr("Activate playbook…")),
                None,
            ]
        )
        event = self._box(
            self.tr("The event"),
            [
                ("hazard", self.tr("Hazard")),
                ("grade", self.tr("Grade")),
                ("confirmation", self.tr("Confirmation")),
                ("status", self.tr("Status")),
                ("division", self.tr("Division")),
                ("place", self.tr("Place")),
                ("description", self.tr("Description")),
            ],
        )
        command = self._box(
            self.tr("Command and times"),
            [
                ("lead_agency", self.tr("Lead agency")),
                ("commander", self.tr("Commander")),
                ("reported_at", self.tr("Reported")),
                ("activated_at", self.tr("Response from")),
                ("recovery_at", self.tr("Recovery from")),
                ("monitoring_at", self.tr("Monitoring from")),
                ("closed_at", self.tr("Closed")),
            ],
        )
        scale = self._box(
            self.tr("Scale"),
            [
                ("exposed", self.tr("Exposed people")),
                ("patients", self.tr("Patients")),
                ("responders", self.tr("Responders")),
                ("sites", self.tr("Sites")),
                ("area", self.tr("Area")),
                ("days", self.tr("Expected days")),
            ],
        )
        self.grades_model = RowsModel(
            [
                Column("time", self.tr("Time")),
                Column("grade_name", self.tr("Grade")),
                Column("previous_name", self.tr("Before")),
                Column("reason", self.tr("Reason")),
                Column("actor", self.tr("By")),
            ],
            parent=self,
        )
        self.playbooks_model = RowsModel(
            [
                Column("code_version", self.tr("Code")),
                Column("title", self.tr("Playbook")),
                Column("grade", self.tr("At grade")),
                Column("time", self.tr("Activated")),
            ],
            parent=self,
        )
        self.grades_table = self._table(self.grades_model, 3)
        self.playbooks_table = self._table(self.playbooks_model, 1)
        grades_box = QGroupBox(self.tr("Grade history"))
        QVBoxLayout(grades_box).addWidget(self.grades_table)
        playbooks_box = QGroupBox(self.tr("Playbooks activated"))
        QVBoxLayout(playbooks_box).addWidget(self.playbooks_table)
        self.depots = QLabel()
        self.depots.setWordWrap(True)
        self.depots.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        depots_box = QGroupBox(self.tr("Depots it may draw on"))
        QVBoxLayout(depots_box).addWidget(self.depots)

        # In a scroll area: the page keeps its list above within a 1366×768 screen.
        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(event, 0, 0)
        grid.addWidget(command, 0, 1)
        grid.addWidget(scale, 0, 2)
        grid.addWidget(grades_box, 1, 0, 1, 2)
        grid.addWidget(playbooks_box, 1, 2)
        grid.addWidget(depots_box, 2, 0, 1, 3)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 4)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(Scrolled(details), 1)
        self.update_actions()

    def _box(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        for row, (key, caption) in enumerate(fields):
            name = style.apply(QLabel(caption), "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(key in ("description", "place", "lead_agency", "commander"))
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setRowStretch(len(fields), 1)
        return box

    def _table(self, model: RowsModel, stretch: int) -> QTableView:
        table = style.table(QTableView())
        table.setModel(model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(90)
        return table

    # showing -------------------------------------------------------------------------------
    def show_data(self, _data) -> None:
        incident = self.incident
        if incident is None:
            for label in self.values.values():
                label.clear()
            self.grades_model.set_rows([])
            self.playbooks_model.set_rows([])
            self.depots.clear()
            return
        shown = {
            "hazard": labels.name("hazard", incident["hazard"]),
            "grade": labels.name("grade", incident["grade"]),
            "confirmation": labels.name("confirmation", incident["confirmation"]),
            "status": labels.name("incident_status", incident["status"]),
            "division": f"{self.divisions.get(incident['division'], incident['division_name'])}"
            f"（{incident['division']}）",
            "place": incident.get("place") or "",
            "description": incident.get("description") or "",
            "lead_agency": labels.agency_full_names(self.lists).get(
                incident.get("lead_agency") or "", incident.get("lead_agency_name")
            )
            or self.tr("Not named yet"),
            "commander": " ".join(
                part
                for part in (incident.get("commander"), incident.get("commander_phone"))
                if part
            ),  # fmt: skip
            "exposed": f"{incident['exposed']:,}",
            "patients": f"{incident['patients']:,}",
            "responders": f"{incident['responders']:,}",
            "sites": f"{incident['sites']:,}",
            "area": f"{incident['area_km2']:,g} km²",
            "days": f"{incident['days']:,}" if incident["days"] else self.tr("not estimated"),
        }
        for key in TIMES:
            shown[key] = when(incident.get(key))
        for key, label in self.values.items():
            label.setText(shown.get(key, ""))
        self.grades_model.set_rows(
            [
                {
                    **row,
                    "time": when(row["at"]),
                    "grade_name": labels.name("grade", row["grade"]),
                    "previous_name": labels.name("grade", row["previous"]),
                }
                for row in reversed(incident["grades"])
            ]
        )
        self.playbooks_model.set_rows(
            [
                {
                    **row,
                    "code_version": f"{row['code']} v{row['version']}",
                    "time": labels.short_time(row["activated_at"]),
                }
                for row in incident["playbooks"]
            ]
        )
        depots = "；".join(f"{d['name']}（{d['code']}）" for d in incident["depots"])
        basis = (
            self.tr("Chosen for this incident.")
            if incident["depots_chosen"]
            else self.tr("By default: the depots of its division and the city reserves.")
        )
        self.depots.setText((depots or self.tr("None.")) + "\n" + basis)

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        for button in self.tab_buttons.values():
            button.setEnabled(not self.closed)

    # the dialogs ---------------------------------------------------------------------------
    def edit(self):
        if self.closed:
            return None
        from desktop.ui.incidents.incident_dialog import IncidentDialog

        dialog = IncidentDialog(self.worker, self.lists, self.incident, self)
        return self.open_dialog(dialog, self._edited)

    def _edited(self, changed: list[str]) -> str:
        if not changed:
            return self.tr("Nothing was changed.")
        return self.tr("Incident {number} saved.").format(number=self.incident["number"])

    def change_grade(self):
        if self.closed:
            return None
        from desktop.ui.incidents.step_dialogs import GradeDialog

        dialog = GradeDialog(self.worker, self.incident, self)
        return self.open_dialog(dialog, dialog.summary)

    def advance(self):
        if self.closed:
            return None
        from desktop.ui.incidents.step_dialogs import AdvanceDialog

        dialog = AdvanceDialog(self.worker, self.incident, self)
        return self.open_dialog(dialog, dialog.summary)

    def activate(self):
        if self.closed:
            return None
        from desktop.ui.incidents.activate_dialog import ActivateDialog

        dialog = ActivateDialog(self.worker, self.incident, self)
        return self.open_dialog(dialog, dialog.summary)
