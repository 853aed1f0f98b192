"""调整级别 and 推进状态: the two changes of an incident that are kept as history.

A grade change (up or down) needs its reason; escalating adds the tasks of the activated
playbooks whose minimum grade is now met (none is ever removed). The status moves forward
only (报告 → 响应 → 恢复 → 长期监测 → 关闭); closing releases the experts still out."""

from PySide6.QtWidgets import QComboBox, QLabel

from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog


class GradeDialog(FormDialog):
    """Escalate or de-escalate, with the reason."""

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Change grade — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        current = QLabel(labels.name("grade", incident["grade"]))
        self.grade = QComboBox()
        for code, caption in labels.names("grade").items():
            if code != incident["grade"]:
                self.grade.addItem(caption, code)
        self.reason = text_box(3, self.tr("e.g. 12 confirmed cases, two counties affected"))
        note = style.apply(
            QLabel(
                self.tr(
                    "Raising the grade adds the tasks of the activated playbooks that apply "
                    "from the new grade; lowering it removes none."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        self.form.addRow(self.tr("Current grade"), current)
        self.form.addRow(self.tr("New grade"), self.grade)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(note)
        self.fields.update(grade=self.grade, reason=self.reason)

    def job(self):
        from desktop.core import incidents

        ref, ctx = self.incident["id"], actor()
        grade, reason = self.grade.currentData(), self.reason.toPlainText()
        return lambda db: incidents.escalate(db, ctx, ref, grade, reason)

    def summary(self, result: dict) -> str:
        text = self.tr("Grade changed: {old} → {new}.").format(
            old=labels.name("grade", result["previous"]), new=labels.name("grade", result["grade"])
        )
        if result.get("tasks"):
            text += " " + self.tr("{count} task(s) added.").format(count=result["tasks"])
        return text


class AdvanceDialog(FormDialog):
    """Move the status forward; a step may be skipped, never undone."""

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Advance status — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        order = labels.INCIDENT_STATUSES
        later = order[order.index(incident["status"]) + 1 :]
        self.status = QComboBox()
        for code in later:
            self.status.addItem(labels.name("incident_status", code), code)
        self.note = text_box(3, self.tr("Optional: why, on whose decision"))
        self.warning = style.apply(QLabel(), "banner")
        self.warning.setWordWrap(True)
        path = " → ".join(labels.name("incident_status", code) for code in order)
        flow = style.apply(
            QLabel(self.tr("The status only moves forward: {path}.").format(path=path)), "muted"
        )
        flow.setWordWrap(True)
        self.form.addRow(self.tr("Current status"),
                         QLabel(labels.name("incident_status", incident["status"])))  # fmt: skip
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(flow)
        self.form.addRow(self.warning)
        self.fields.update(status=self.status, note=self.note)
        self.status.currentIndexChanged.connect(lambda _index: self._warn())
        self._warn()

    def _warn(self) -> None:
        closing = self.status.currentData() == "closed"
        self.warning.setText(
            self.tr(
                "Closing is final: nothing more can be recorded in the incident, and the "
                "experts still dispatched to it are released."
            )
            if closing
            else ""
        )
        self.warning.setVisible(closing)

    def job(self):
        from desktop.core import incidents

        ref, ctx = self.incident["id"], actor()
        status, note = self.status.currentData(), self.note.toPlainText()
        if status == "closed":
            return lambda db: incidents.close(db, ctx, ref, note)
        return lambda db: incidents.advance(db, ctx, ref, status, note)

    def summary(self, result: dict) -> str:
        return self.tr("Incident {number} is now {status}.").format(
            number=result["number"], status=labels.name("incident_status", result["status"])
        )
