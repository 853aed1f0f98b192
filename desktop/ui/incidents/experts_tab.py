"""专家: for each open task that needs experts, its specialties with the experts available
today who hold a valid qualification (experts.suggestions); 派遣… sends the one chosen
(for that task, or none), 召回… releases one; and who is out for the incident or was
(experts.listing). Phones are masked, as in every list."""

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core.roster.experts import mask_phone
from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

NAME, ORGANISATION, TITLE, PHONE, VALID = range(5)


class OutModel(RowsModel):
    """Experts dispatched; the tooltip gives their specialties and the note."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            return "\n".join(part for part in (row["specialty_names"], row["note"]) if part)
        return super().data(index, role)


class ExpertsTab(IncidentTab):
    """Suggested and dispatched experts of one incident."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.specialties = labels.specialty_names(lists)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Task, specialty, expert"),
                self.tr("Organisation"),
                self.tr("Title"),
                self.tr("Mobile"),
                self.tr("Qualified until"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.dispatch())
        suggested = QGroupBox(self.tr("Experts suggested for the tasks"))
        left = QVBoxLayout(suggested)
        left.addLayout(self.buttons([("dispatch", self.tr("Dispatch…")), None]))
        left.addWidget(self.tree, 1)

        self.out_model = OutModel(
            [
                Column("name", self.tr("Expert")),
                Column("organisation", self.tr("Organisation")),
                Column("task", self.tr("Task")),
                Column("since", self.tr("Dispatched")),
                Column("state", self.tr("Released")),
            ],
            foreground=lambda row: style.UNUSABLE if row["released_at"] else None,
            parent=self,
        )
        self.out_table = list_table(self.out_model, 2)
        self.out_table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        out = QGroupBox(self.tr("Dispatched to this incident"))
        right = QVBoxLayout(out)
        self.out_count = style.apply(QLabel(), "muted")
        row = self.buttons([("release", self.tr("Release…")), None])
        row.addWidget(self.out_count)
        right.addLayout(row)
        right.addWidget(self.out_table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(suggested)
        splitter.addWidget(out)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        note = style.apply(
            QLabel(
                self.tr(
                    "Experts available today with the specialty and a valid qualification, "
                    "longest-valid certificates first. A dispatched expert is on a mission until "
                    "released (closing the incident releases everyone)."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        self.update_actions()

    def load_job(self, incident: dict):
        from desktop.core.incidents import experts

        ref = incident["id"]
        return lambda db: {
            "suggestions": experts.suggestions(db, ref),
            "out": experts.listing(db, ref),
        }

    def show_data(self, data) -> None:
        data = data or {"suggestions": [], "out": []}
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for task in data["suggestions"]:
            top = QTreeWidgetItem(self.tree, [task["title"]])
            top.setFont(NAME, bold)
            top.setFirstColumnSpanned(True)
            top.setToolTip(NAME, task["title"])
            for wanted in task["specialties"]:
                caption = self.tr(
                    "{specialty}: {count} needed, {out} dispatched, {candidates} available"
                ).format(
                    specialty=self.specialties.get(wanted["code"], wanted["name"]),
                    count=wanted["count"],
                    out=wanted["dispatched"],
                    candidates=len(wanted["experts"]),
                )
                node = QTreeWidgetItem(top, [caption])
                node.setFirstColumnSpanned(True)
                if not wanted["experts"] and wanted["dispatched"] < wanted["count"]:
                    node.setForeground(NAME, QBrush(style.EXPIRED))
                for person in wanted["experts"]:
                    valid = person["valid_until"]
                    leaf = QTreeWidgetItem(
                        node,
                        [
                            person["name"],
                            person["organisation"] or "",
                            person["title"] or "",
                            mask_phone(person["mobile"] or ""),
                            "" if not valid or valid.startswith("9999") else valid,
                        ],
                    )
                    leaf.setData(NAME, Qt.ItemDataRole.UserRole, {**person, "task": task["task"]})
                node.setExpanded(True)
            top.setExpanded(True)
        if not data["suggestions"]:
            empty = QTreeWidgetItem(self.tree, [self.tr("No open task needs experts.")])
            empty.setFirstColumnSpanned(True)
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        rows = []
        for row in data["out"]:
            codes = json.loads(row["specialties"] or "[]")
            rows.append(
                {
                    **row,
                    "specialty_names": "、".join(self.specialties.get(c, c) for c in codes),
                    "task": row["task"] or "",
                    "since": when(row["dispatched_at"]),
                    "state": when(row["released_at"]) if row["released_at"] else self.tr("Out"),
                }
            )
        self.out_model.set_rows(rows)
        fit(self.out_table, widest=170)
        out = sum(1 for row in rows if not row["released_at"])
        self.out_count.setText(self.tr("{count} out now").format(count=out))
        self.update_actions()

    def chosen_expert(self) -> dict | None:
        item = self.tree.currentItem()
        return item.data(NAME, Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen_out(self) -> dict | None:
        return self.out_model.row(self.out_table.currentIndex().row())

    def candidates(self) -> list[dict]:
        """Every expert suggested, as the tree holds them (for tests and keyboard use)."""
        out = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for m in range(top.childCount()):
                node = top.child(m)
                out += [node.child(k).data(NAME, Qt.ItemDataRole.UserRole)
                        for k in range(node.childCount())]  # fmt: skip
        return out

    def select_expert(self, expert_id: str) -> bool:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for m in range(top.childCount()):
                node = top.child(m)
                for k in range(node.childCount()):
                    leaf = node.child(k)
                    if leaf.data(NAME, Qt.ItemDataRole.UserRole)["id"] == expert_id:
                        self.tree.setCurrentItem(leaf)
                        return True
        return False

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        self.tab_buttons["dispatch"].setEnabled(
            not self.closed and self.chosen_expert() is not None
        )
        chosen = self.chosen_out()
        self.tab_buttons["release"].setEnabled(bool(chosen) and not chosen["released_at"])

    def dispatch(self):
        person = self.chosen_expert()
        if person is None or self.closed:
            return None
        dialog = DispatchDialog(self.worker, self.incident, person, self._task_choices(), self)
        return self.open_dialog(dialog, dialog.summary)

    def _task_choices(self) -> list[tuple[str, str]]:
        return [(task["title"], task["task"]) for task in (self.data or {}).get("suggestions", [])]

    def release(self) -> None:
        chosen = self.chosen_out()
        if chosen is None or chosen["released_at"]:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Release expert"),
            self.tr("Release {name} from incident {number}? They become available again.").format(
                name=chosen["name"], number=self.incident["number"]
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.release_now(chosen)

    def release_now(self, chosen: dict) -> None:
        from desktop.core import incidents

        ref, expert, ctx = self.incident["id"], chosen["expert_id"], actor()
        self.run_write(
            lambda db: incidents.release(db, ctx, ref, expert),
            lambda result: self.tr("{name} released.").format(name=result["name"]),
        )


class DispatchDialog(FormDialog):
    """派遣: an expert to the incident, for a task or none, with a note."""

    def __init__(self, worker, incident: dict, person: dict, tasks, parent=None):
        super().__init__(worker, self.tr("Dispatch expert — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.person = person
        who = style.apply(QLabel(f"{person['name']}  {person['organisation'] or ''}"), "heading")
        self.task = QComboBox()
        self.task.addItem(self.tr("No particular task"), None)
        for title, task_id in tasks:
            self.task.addItem(title, task_id)
        self.task.setCurrentIndex(max(self.task.findData(person.get("task")), 0))
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("e.g. on site to guide sampling; contact: Section Chief Wang")
        )
        self.form.addRow(who)
        self.form.addRow(self.tr("Task"), self.task)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(task=self.task, note=self.note)

    def job(self):
        from desktop.core import incidents

        ref, ctx = self.incident["id"], actor()
        expert, task, note = self.person["id"], self.task.currentData(), self.note.text()
        return lambda db: incidents.dispatch(db, ctx, ref, expert, task, note)

    def summary(self, result: dict) -> str:
        return self.tr("{name} dispatched to incident {number}.").format(
            name=result["name"], number=self.incident["number"]
        )
