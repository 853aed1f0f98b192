"""改进计划: the drill's improvement plan, drafted in its sandbox (improvements.add /
update) — issue, corrective action, responsible agency, due date, objective, status —
which closing the drill writes into the live database, where the items are tracked.

Like the evaluator's sheet, the tab works like an incident's tabs (incidents/
tab_base.py), holding the drill as its 'incident'."""

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QVBoxLayout

from desktop.ui.drills import labels
from desktop.ui.drills.parts import optional
from desktop.ui.incidents.fields import FieldMarks, text_box
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel

ISSUE = 1
STATUSES = ("open", "in_progress", "done", "cancelled")


def plan_job(drill_id: str):
    def job(db):
        from desktop.core.drills import improvements, records

        return {
            "items": improvements.listing(db, drill_id),
            "objectives": records.objectives(db, drill_id),
        }

    return job


class ImprovementsTab(IncidentTab):
    """The improvement items of one drill, with 新增… and 编辑…."""

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent)
        self.agencies: list[dict] = []
        self.model = RowsModel(
            [
                Column("position", self.tr("No."), "number"),
                Column("issue", self.tr("Issue")),
                Column("action", self.tr("Corrective action")),
                Column("agency_shown", self.tr("Responsible agency")),
                Column("due_on", self.tr("Due")),
                Column("objective", self.tr("Objective")),
                Column("status_name", self.tr("Status")),
            ],
            parent=self,
        )
        self.table = list_table(self.model, ISSUE)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        bar = self.buttons([("add_item", self.tr("Add…")), ("edit_item", self.tr("Edit…")), None])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        watch(self, worker, {"drill_improvement"})
        self.update_actions()

    def load_job(self, incident: dict):
        return plan_job(incident["id"])

    def show_data(self, data) -> None:
        data = data or {"items": [], "objectives": []}
        self.objectives = data["objectives"]
        names = {row["code"]: labels.agency_caption(row) for row in self.agencies}
        self.model.set_rows([
            {**row, "objective": row["objective"] or "",
             "agency_shown": names.get(row["agency"] or "", row["agency_name"] or ""),
             "status_name": labels.name("improvement_status", row["status"])}
            for row in data["items"]
        ])  # fmt: skip
        fit(self.table, widest=260)

    def chosen(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        self.tab_buttons["add_item"].setEnabled(self.incident is not None)
        self.tab_buttons["edit_item"].setEnabled(self.chosen() is not None)

    def add_item(self):
        if self.incident is None:
            return None
        dialog = ImprovementDialog(self.worker, self.incident["id"], self._lists(), None, self)
        return self.open_dialog(dialog, lambda _id: self.tr("Improvement item added."))

    def edit_item(self):
        row = self.chosen()
        if self.incident is None or row is None:
            return None
        dialog = ImprovementDialog(self.worker, self.incident["id"], self._lists(), row, self)
        return self.open_dialog(dialog, lambda _r: self.tr("Improvement item saved."))

    def _lists(self) -> dict:
        return {"agencies": self.agencies, "objectives": getattr(self, "objectives", [])}


class ImprovementDialog(FormDialog):
    """An improvement item: issue, corrective action, agency, due date, objective; when
    editing, its status (forward only)."""

    def __init__(self, worker, drill_id: str, lists: dict, item: dict | None, parent=None):
        title = self.tr("New improvement item") if item is None else self.tr(
            "Improvement item {no}").format(no=item["position"])  # fmt: skip
        super().__init__(worker, title, parent)
        self.drill_id = drill_id
        self.item = item
        self.issue = text_box(3, self.tr("What did not work, as the evaluators saw it"))
        self.action = text_box(3, self.tr("What will be done about it"))
        self.agency = QComboBox()
        self.agency.addItem(self.tr("Not named yet"), "")
        for row in lists["agencies"]:
            self.agency.addItem(labels.localized(row), row["code"])
        self.due = DateField(QDate.currentDate().addMonths(3))
        due, self.has_due = optional(self.tr("Set"), self.due)
        self.objective = QComboBox()
        self.objective.addItem(self.tr("The whole drill"), "")
        for objective in lists["objectives"]:
            self.objective.addItem(f"{objective['code']}  {objective['text'][:40]}",
                                   objective["code"])  # fmt: skip
        self.status = QComboBox()
        for code in STATUSES:
            self.status.addItem(labels.name("improvement_status", code), code)
        self.form.addRow(self.tr("Issue"), self.issue)
        self.form.addRow(self.tr("Corrective action"), self.action)
        self.form.addRow(self.tr("Responsible agency"), self.agency)
        self.form.addRow(self.tr("Due"), due)
        self.form.addRow(self.tr("Objective"), self.objective)
        if item is not None:
            self.form.addRow(self.tr("Status"), self.status)
            self._prefill(item)
        self.marks = FieldMarks([self.form])
        self.fields.update(issue=self.issue, action=self.action, agency=self.agency,
                           due_on=self.due, objective=self.objective,
                           status=self.status)  # fmt: skip

    def _prefill(self, item: dict) -> None:
        self.issue.setPlainText(item["issue"])
        self.action.setPlainText(item["action"])
        for combo, value in ((self.agency, item["agency"]), (self.objective, item["objective"]),
                             (self.status, item["status"])):  # fmt: skip
            combo.setCurrentIndex(max(combo.findData(value or ""), 0))
        if item["due_on"]:
            self.has_due.setChecked(True)
            self.due.set_value(item["due_on"])

    def values(self) -> dict:
        given = {
            "issue": self.issue.toPlainText(),
            "action": self.action.toPlainText(),
            "agency": self.agency.currentData(),
            "objective": self.objective.currentData(),
        }
        if self.has_due.isChecked():
            given["due_on"] = self.due.value()
        if self.item is not None:
            given["status"] = self.status.currentData()
        return given

    def job(self):
        from desktop.core.drills import improvements

        self.marks.clear()
        given, ctx, drill = self.values(), actor(), self.drill_id
        if self.item is None:
            return lambda db: improvements.add(db, ctx, drill, given)
        ref = self.item["id"]
        return lambda db: improvements.update(db, ctx, ref, given)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.marks.mark(self.fields.get(field or ""))
        super().show_error(message, field)
