"""The drill chosen on the 演练 page (live database): a heading (number, name, kind,
status), what can be done with it now (编辑…, 开始演练 / 继续演练 / 进入演练, 结束演练,
关闭演练, 演练报告…: drill_actions.py) and its plan in tabs — 概况 (the drill, the
simulated incident, the playbooks, the scenario), 目标 (an objective that cites a clause of
the plan opens its words on a double click: widgets/plan_passage.py), 参演人员 and 情景事件
(the MSEL, with 导入MSEL… / 导出MSEL… / 保存模板…: msel_files.py)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.drills import labels
from desktop.ui.drills.msel_model import MESSAGE, MselModel
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

EDITABLE = ("planned", "prepared")


def detail_job(drill_id: str):
    ctx = actor()  # participants' phones in full only for a role that may see them

    def job(db):
        from desktop.core.drills import injects, records

        drill = records.detail(db, drill_id, ctx)
        return {"drill": drill, "plan": injects.plan(db, drill["id"])}

    return job


class PlanView(QWidget):
    """Signals:
    action(str): a button asked for this action (edit, start, end, close, report).
    msel(str): a button of the MSEL tab asked for this (import, export, template).
    passage_opened(object): an objective's clause opened the plan's passage.
    """

    action = Signal(str)
    msel = Signal(str)
    passage_opened = Signal(object)

    def __init__(self, lists: dict, parent=None):
        super().__init__(parent)
        self.lists = lists
        self.agencies = labels.agency_captions(lists)
        self.divisions = {row["code"]: labels.localized(row) for row in lists.get("divisions", [])}
        self.drill: dict | None = None
        self.heading = style.apply(QLabel(), "heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for key, caption in (
            ("edit", self.tr("Edit…")),
            ("start", self.tr("Start drill")),
            ("end", self.tr("End drill…")),
            ("close", self.tr("Close drill…")),
            ("report", self.tr("Drill report…")),
        ):
            top.addWidget(self._button(key, caption, self.action, self.action_buttons))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._summary_tab(), self.tr("Overview"))
        self.objectives = RowsModel(
            [
                Column("code", self.tr("Code")),
                Column("text", self.tr("Objective")),
                Column("citation", self.tr("Tests (plan clause or playbook)")),
            ],
            parent=self,
        )
        self.people = RowsModel(
            [
                Column("role_name", self.tr("Role")),
                Column("name", self.tr("Name")),
                Column("agency_shown", self.tr("Agency")),
                Column("phone", self.tr("Phone")),
            ],
            parent=self,
        )
        self.objectives_table = list_table(self.objectives, 1)
        self.objectives_table.doubleClicked.connect(lambda index: self.open_citation(index.row()))
        self.people_table = list_table(self.people, 2)
        self.tabs.addTab(self._objectives_tab(), self.tr("Objectives"))
        self.tabs.addTab(self.people_table, self.tr("Participants"))
        self.tabs.addTab(self._msel_tab(), self.tr("Scenario events (MSEL)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.show_drill(None)

    def _button(self, key: str, caption: str, signal, into: dict) -> QPushButton:
        button = QPushButton(caption)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: signal.emit(key))
        into[key] = button
        return button

    def _summary_tab(self) -> QWidget:
        self.values: dict[str, QLabel] = {}
        drill = self._box(
            self.tr("The drill"),
            [("kind", self.tr("Kind")), ("status", self.tr("Status")),
             ("speed", self.tr("Speed")), ("sim_start", self.tr("Scenario start")),
             ("created", self.tr("Planned")), ("started", self.tr("Started")),
             ("ended", self.tr("Ended")), ("closed", self.tr("Closed"))],
        )  # fmt: skip
        incident = self._box(
            self.tr("The simulated incident"),
            [("hazard", self.tr("Hazard")), ("grade", self.tr("Grade")),
             ("division", self.tr("Division")), ("place", self.tr("Place")),
             ("scale", self.tr("Scale")), ("playbooks", self.tr("Playbooks exercised"))],
        )  # fmt: skip
        scenario = QGroupBox(self.tr("Scenario"))
        QVBoxLayout(scenario).addWidget(self._value("scenario"), 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(4, 6, 4, 4)
        grid.addWidget(drill, 0, 0)
        grid.addWidget(incident, 0, 1)
        grid.addWidget(scenario, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _value(self, key: str) -> QLabel:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = value
        return value

    def _box(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        """A group of read-only values, each under its key in self.values."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key, caption in fields:
            form.addRow(style.apply(QLabel(caption), "muted"), self._value(key))
        return box

    def _objectives_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.objectives_table, 1)
        hint = self.tr("Double-click an objective that cites a clause of the plan to read it.")
        layout.addWidget(style.apply(QLabel(hint), "muted"))
        return tab

    def open_citation(self, row: int):
        """The plan's words for the objective's citation, when it is a clause of the plan
        (a playbook code is not: nothing opens)."""
        from desktop.ui.widgets.plan_passage import citations, open_passage

        objective = self.objectives.row(row)
        cited, reason = citations((objective or {}).get("citation"))
        if not cited or reason:
            return None
        dialog = open_passage(self, objective["citation"], title=objective["text"])
        self.passage_opened.emit(dialog)
        return dialog

    def _msel_tab(self) -> QWidget:
        self.msel_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, caption in (
            ("import", self.tr("Import MSEL…")),
            ("export", self.tr("Export MSEL…")),
            ("template", self.tr("Save template…")),
        ):
            bar.addWidget(self._button(key, caption, self.msel, self.msel_buttons))
        bar.addStretch(1)
        self.msel_count = style.apply(QLabel(), "muted")
        bar.addWidget(self.msel_count)
        self.msel_model = MselModel(self)
        self.msel_table = list_table(self.msel_model, MESSAGE)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.msel_table, 1)
        return tab

    # showing ---------------------------------------------------------------------------------
    def show_drill(self, data: dict | None) -> None:
        """Show a drill (detail_job's result) or nothing."""
        self.drill = drill = data["drill"] if data else None
        self.tabs.setEnabled(drill is not None)
        if drill is None:
            self.heading.setText(self.tr("Choose a drill, or plan a new one."))
            for label in self.values.values():
                label.clear()
            for model in (self.objectives, self.people):
                model.set_rows([])
            self.msel_model.set_plan([], self.agencies)
            self.msel_count.clear()
        else:
            self._show(drill, data["plan"])
        self.update_actions()

    def _show(self, drill: dict, plan: list[dict]) -> None:
        status = labels.name("drill_status", drill["status_shown"])
        self.heading.setText("  ·  ".join(
            (drill["number"], drill["name"], labels.name("drill_kind", drill["kind"]), status)
        ))  # fmt: skip
        scale = self.tr(
            "{exposed:,} exposed, {patients:,} patients, {responders:,} responders, "
            "{sites:,} sites, {area:,g} km², {days} days"
        ).format(area=drill["area_km2"], **{k: drill[k] for k in
                 ("exposed", "patients", "responders", "sites", "days")})  # fmt: skip
        division = drill.get("division") or ""
        shown = {
            "kind": labels.name("drill_kind", drill["kind"]),
            "status": status,
            "speed": labels.speed_text(drill["speed"]),
            "sim_start": when(drill["sim_start"]) or self.tr("when the drill starts"),
            "created": when(drill["created_at"]),
            "started": when(drill["started_at"]),
            "ended": when(drill["ended_at"]),
            "closed": when(drill["closed_at"]),
            "hazard": labels.name("hazard", drill["hazard"]) or self.tr("Not set"),
            "grade": labels.name("grade", drill["grade"]),
            "division": self.tr("{name} ({code})").format(
                name=self.divisions.get(division, division), code=division)
            if division else self.tr("Not set"),
            "place": drill["place"],
            "scale": scale,
            "playbooks": "\n".join(f"{p['code']}  {p['title']}" for p in drill["playbooks"])
            or self.tr("None"),
            "scenario": drill["scenario"] or self.tr("No scenario written yet."),
        }  # fmt: skip
        for key, label in self.values.items():
            label.setText(shown.get(key, ""))
        self.objectives.set_rows(drill["objectives"])
        self.people.set_rows([
            {**p, "role_name": labels.name("drill_role", p["role"]),
             "agency_shown": self.agencies.get(p["agency"] or "", p["agency_name"] or "")}
            for p in drill["people"]
        ])  # fmt: skip
        self.msel_model.set_plan(plan, self.agencies)
        expects = sum(len(row["expects"]) for row in plan)
        self.msel_count.setText(
            self.tr("{injects} inject(s), {expects} expected action(s)").format(
                injects=len(plan), expects=expects
            )
        )
        for table, widest in ((self.objectives_table, 320), (self.people_table, 260),
                              (self.msel_table, 240)):  # fmt: skip
            fit(table, widest)

    def update_actions(self) -> None:
        drill = self.drill
        status = drill["status"] if drill else None
        buttons = self.action_buttons
        buttons["edit"].setEnabled(status in EDITABLE)
        buttons["start"].setEnabled(drill is not None)
        buttons["start"].setText(
            {
                "running": self.tr("Resume drill"),
                "ended": self.tr("Enter drill"),
                "evaluated": self.tr("Enter drill"),
            }.get(status or "", self.tr("Start drill"))
        )
        buttons["end"].setEnabled(status == "running")
        buttons["close"].setEnabled(status == "ended")
        buttons["report"].setEnabled(status in ("running", "ended", "evaluated"))
        self.msel_buttons["import"].setEnabled(status in EDITABLE)
        self.msel_buttons["export"].setEnabled(drill is not None)
