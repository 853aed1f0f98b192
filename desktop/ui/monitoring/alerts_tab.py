"""异常预警: abnormal results not yet handled (a person named only by a masked name), of
every incident or only the one chosen, handled ones too when asked; 处理… closes an alert
with what was done (复查, 转诊, …)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel

from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.incidents.tables import fit
from desktop.ui.monitoring.forms import MarkedForm
from desktop.ui.monitoring.list_tab import ListTab
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

NOTE = 6


class AlertsModel(RowsModel):
    """Alerts of results.alerts; open ones in red, handled ones in grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("due_on", QCoreApplication.translate("AlertsTab", "Check of")),
                Column("incident", QCoreApplication.translate("AlertsTab", "Incident")),
                Column("subject", QCoreApplication.translate("AlertsTab", "Subject")),
                Column("cohort_name", QCoreApplication.translate("AlertsTab", "Cohort")),
                Column("measure", QCoreApplication.translate("AlertsTab", "Measure")),
                Column("shown_value", QCoreApplication.translate("AlertsTab", "Value")),
                Column("note", QCoreApplication.translate("AlertsTab", "Note")),
                Column("recorded", QCoreApplication.translate("AlertsTab", "Recorded")),
                Column("agency_name", QCoreApplication.translate("AlertsTab", "Agency")),
                Column("handled_note", QCoreApplication.translate("AlertsTab", "Handled")),
            ],
            lambda row: style.UNUSABLE if row["handled"] else style.EXPIRED,
            parent,
        )


class AlertsTab(ListTab):
    """Open alerts, and 处理…."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.agencies = labels.agency_names(lists)
        bar = self.buttons([("handle", self.tr("Handle…"))])
        self.this_incident = QCheckBox(self.tr("This incident only"))
        self.handled_too = QCheckBox(self.tr("Handled ones too"))
        for box in (self.this_incident, self.handled_too):
            box.toggled.connect(lambda _on: self.refresh())
        bar.addSpacing(12)
        bar.addWidget(self.this_incident)
        bar.addWidget(self.handled_too)
        self.lay_out(bar, AlertsModel(self), NOTE)
        self.table.doubleClicked.connect(lambda _index: self.handle())

    def load_job(self, incident: dict):
        from desktop.core.monitoring import results

        ref = incident["id"] if self.this_incident.isChecked() else None
        open_only = not self.handled_too.isChecked()
        return lambda db: results.alerts(db, ref, open_only)

    def show_data(self, rows) -> None:
        rows = rows or []
        for row in rows:
            row["shown_value"] = f"{row['value']} {row['unit']}".strip()
            row["recorded"] = when(row["recorded_at"])
            row["agency_name"] = self.agencies.get(row["agency"], row["agency"] or "")
        self.model.set_rows(rows)
        fit(self.table)
        still_open = sum(1 for row in rows if not row["handled"])
        self.count.setText(self.tr("{count} open alert(s)").format(count=still_open))

    def update_actions(self) -> None:
        if hasattr(self, "tab_buttons"):
            chosen = self.selected()
            self.tab_buttons["handle"].setEnabled(bool(chosen) and not chosen["handled"])

    def handle(self):
        chosen = self.selected()
        if chosen is None or chosen["handled"]:
            return None
        dialog = HandleDialog(self.worker, chosen, self)
        return self.open_dialog(dialog, lambda _done: self.tr("Alert closed."))


class HandleDialog(MarkedForm):
    """处理: what was done about an abnormal result; the alert is then closed."""

    def __init__(self, worker, alert: dict, parent=None):
        super().__init__(worker, self.tr("Handle alert — {incident}").format(
            incident=alert["incident"]), parent)  # fmt: skip
        self.alert = alert
        what = f"{alert['subject']} · {alert['measure']} {alert['shown_value']} · {alert['due_on']}"
        self.note = text_box(4, self.tr("e.g. re-checked the next day; referred to the hospital"))
        self.form.addRow(self.tr("Abnormal result"), QLabel(what))
        if alert["note"]:
            self.form.addRow(self.tr("Note"), QLabel(alert["note"]))
        self.form.addRow(self.tr("What was done"), self.note)
        self.fields.update(note=self.note)

    def job(self):
        from desktop.core.monitoring import results

        ref, ctx, note = self.alert["id"], actor(), self.note.toPlainText()
        return lambda db: results.handle(db, ctx, ref, note)
