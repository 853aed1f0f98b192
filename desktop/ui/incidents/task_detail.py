"""One task of the board as its agency reads it: title, playbook and phase, lead and
supporting agencies, due time (red once overdue), instructions, checklist, the expert
specialties it needs, the plan clause it implements, and its last update (status, note,
who and when)."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.incidents import labels
from desktop.ui.widgets import style
from desktop.ui.widgets.times import when


class TaskDetail(QScrollArea):
    """Shows one task (a row of tasks.listing); None empties it."""

    def __init__(self, lists: dict, parent=None):
        super().__init__(parent)
        self.specialties = labels.specialty_names(lists)
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        self.setMaximumWidth(460)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = style.apply(QLabel(), "heading")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_task(None)

    def show_task(self, task: dict | None) -> None:
        self.task = task
        if task is None:
            self.title.setText("")
            hint = escape(self.tr("Choose a task."))
            self.text.setText(f"<p style='color:{style.GREY}'>{hint}</p>")
            return
        self.title.setText(task["title"])
        self.text.setText(self.html(task))

    def html(self, task: dict) -> str:
        def row(caption: str, value: str, colour: str | None = None) -> str:
            tone = f" style='color:{colour}; font-weight:bold'" if colour else ""
            return (
                f"<tr><td style='color:{style.GREY}; padding-right:8px'>{escape(caption)}</td>"
                f"<td{tone}>{value}</td></tr>"
            )

        due = when(task["due"]) if task["due"] else self.tr("no deadline")
        if task["overdue"]:
            due += " " + self.tr("(overdue)")
        support = "、".join(task["support_names"]) or "—"
        specialties = "、".join(
            self.tr("{name} × {count}").format(
                name=self.specialties.get(s["code"], s["code"]), count=s.get("count", 1)
            )
            for s in task["specialties"]
        )
        update = labels.name("task_status", task["status"])
        if task["at"]:
            update += " · " + when(task["at"])
        if task["by"]:
            update += " · " + task["by"]
        parts = [
            "<table cellspacing='2'>",
            row(self.tr("Playbook"), escape(f"{task['playbook']} · {task['phase_name']}")),
            row(self.tr("Lead agency"), escape(task["lead_name"] or "—")),
            row(self.tr("Supporting"), escape(support)),
            row(self.tr("Due"), escape(due), style.RED if task["overdue"] else None),
            row(self.tr("From grade"), escape(labels.name("grade", task["min_grade"]))),
            row(self.tr("Plan clause"), escape(task["clause"] or "—")),
            row(self.tr("Experts needed"), escape(specialties or "—")),
            row(self.tr("Status"), escape(update)),
        ]
        if task["note"]:
            parts.append(row(self.tr("Note"), escape(task["note"]).replace("\n", "<br>")))
        parts.append("</table>")
        if task["instructions"]:
            heading = escape(self.tr("Instructions"))
            parts.append(f"<p><b>{heading}</b><br>")
            parts.append(escape(task["instructions"]).replace("\n", "<br>") + "</p>")
        if task["checklist"]:
            heading = escape(self.tr("Checklist"))
            parts.append(f"<p><b>{heading}</b></p><ul>")
            parts += [f"<li>{escape(entry)}</li>" for entry in task["checklist"]]
            parts.append("</ul>")
        return "".join(parts)
