"""更新状态: a task's new status (未开始/已接收/进行中/已完成/不适用/受阻) and a note; the
core requires the note for 受阻 and 不适用 (say what blocks it, or why it does not apply)."""

from PySide6.QtWidgets import QComboBox, QLabel

from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog

NOTE_NEEDED = ("blocked", "not_applicable")


class TaskStatusDialog(FormDialog):
    """Record a task's progress."""

    def __init__(self, worker, task: dict, parent=None):
        super().__init__(worker, self.tr("Update task status"), parent)
        self.task = task
        title = style.apply(QLabel(task["title"]), "heading")
        title.setWordWrap(True)
        self.status = QComboBox()
        labels.fill(self.status, "task_status")
        current = self.status.findData(task["status"])
        following = labels.TASK_STATUSES.index(task["status"]) + 1
        if task["status"] in ("not_started", "received") and following < self.status.count():
            current = following  # the usual next step
        self.status.setCurrentIndex(max(current, 0))
        self.note = text_box(3)
        self.form.addRow(title)
        self.form.addRow(
            self.tr("Lead agency"), QLabel(task.get("lead_name") or task["lead_agency_name"] or "—")
        )  # fmt: skip
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(status=self.status, note=self.note)
        self.status.currentIndexChanged.connect(lambda _index: self._hint())
        self._hint()

    def _hint(self) -> None:
        needed = self.status.currentData() in NOTE_NEEDED
        self.note.setPlaceholderText(
            self.tr("Required: what blocks the task, or why it does not apply")
            if needed
            else self.tr("Optional: what was done, by whom")
        )

    def job(self):
        from desktop.core import incidents

        ref, ctx = self.task["id"], actor()
        status, note = self.status.currentData(), self.note.toPlainText()
        return lambda db: incidents.set_task_status(db, ctx, ref, status, note)

    def summary(self, task: dict) -> str:
        return self.tr("Task {title}: {status}.").format(
            title=task["title"], status=labels.name("task_status", task["status"])
        )
