"""One task of the board as its agency reads it: title, playbook and phase, lead and
supporting agencies, due time (red once overdue), instructions, checklist, the expert
specialties it needs, 方案依据 — the plan clauses it implements, each a link that opens the
plan's passage (widgets/plan_passage.py) — and its last update (status, note, who and
when). Where the task says where a field the plan does not set comes from (its
"sources"), the detail says it beside the field: 示例（可修改）, 《突发公共卫生事件应急条例》…"""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.incidents import labels
from desktop.ui.widgets import style
from desktop.ui.widgets.plan_passage import LINK, PlanPassageDialog, links_html
from desktop.ui.widgets.times import when


def with_provenance(db, rows: list[dict]) -> list[dict]:
    """The board's rows (tasks.listing) with what the playbook task each was copied from
    says of its clause — the 参照 note, the plan's words it quotes — and the sources of the
    fields the plan does not set (playbooks.task_provenance); for the worker."""
    from desktop.core import playbooks
    from desktop.core.incidents import tasks

    copied = {row["id"]: tasks.get(db, row["id"])["playbook_task_id"] for row in rows}
    found = playbooks.task_provenance(db, list(copied.values()))
    for row in rows:
        known = found.get(copied[row["id"]])
        if known is not None:
            row.update(
                clause_note=known["clause_note"], quotes=known["quotes"], sources=known["sources"]
            )
    return rows


class TaskDetail(QScrollArea):
    """Shows one task (a row of tasks.listing); None empties it.

    Signals:
        passage_opened(object): a clause of 方案依据 opened the plan's passage.
    """

    passage_opened = Signal(object)

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
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.text.linkActivated.connect(self._link)
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

        sources = task.get("sources") or {}

        def source(field: str) -> str:
            """（来源：…） after a field whose source the task states."""
            if field not in sources:
                return ""
            from desktop.core.playbooks import provenance

            said = self.tr("source: {source}").format(source=provenance.label(sources[field]))
            return f" <span style='color:{style.GREY}'>（{escape(said)}）</span>"

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
            row(
                self.tr("Due"),
                escape(due) + source("deadline_hours"),
                style.RED if task["overdue"] else None,
            ),
            row(
                self.tr("From grade"),
                escape(labels.name("grade", task["min_grade"])) + source("min_grade"),
            ),
            row(self.tr("Basis in the plan"), links_html(task["clause"])),
            row(self.tr("Experts needed"), escape(specialties or "—") + source("specialties")),
            row(self.tr("Status"), escape(update)),
        ]
        if task["note"]:
            parts.append(row(self.tr("Note"), escape(task["note"]).replace("\n", "<br>")))
        parts.append("</table>")
        if task["instructions"]:
            heading = escape(self.tr("Instructions"))
            parts.append(f"<p><b>{heading}</b>{source('instructions')}<br>")
            parts.append(escape(task["instructions"]).replace("\n", "<br>") + "</p>")
        if task["checklist"]:
            heading = escape(self.tr("Checklist"))
            parts.append(f"<p><b>{heading}</b>{source('checklist')}</p><ul>")
            parts += [f"<li>{escape(entry)}</li>" for entry in task["checklist"]]
            parts.append("</ul>")
        return "".join(parts)

    def _link(self, href: str) -> None:
        if self.task is not None and href.startswith(LINK) and href[len(LINK) :].isdigit():
            self.open_passage(int(href[len(LINK) :]))

    def open_passage(self, index: int = 0) -> PlanPassageDialog | None:
        """The plan's words for the task's clause (the citation `index` in front)."""
        task = self.task
        if task is None:
            return None
        dialog = PlanPassageDialog(
            task["clause"] or "",
            task.get("clause_note"),
            task.get("quotes") or (),
            task["title"],
            index,
            self.window(),
        )
        dialog.show()
        self.passage_opened.emit(dialog)
        return dialog
