"""专家: for each open task that needs experts, its specialties with the experts available
today who hold a valid qualification (experts.suggestions); 派遣… sends the one chosen
(for that task, or none), 查找专家… any expert available today, found by name, pinyin
initials or organisation (experts.find; one without a valid qualification is said, not
refused), 召回… releases one; and who is out for the incident or was (experts.listing).
Phones are masked, as in every list."""

import json

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core.errors import BioError
from desktop.core.values import mask_phone
from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.search_box import SearchBox
from desktop.ui.widgets.times import when

NAME, ORGANISATION, TITLE, PHONE, VALID = range(5)
NO_EXPIRY = "9999-12-31"
OPEN = ("done", "not_applicable")  # task statuses no expert is sent for


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
        # names keep their room (fit_names); a long organisation gives way, its tooltip whole
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.dispatch())
        suggested = QGroupBox(self.tr("Experts suggested for the tasks"))
        left = QVBoxLayout(suggested)
        left.addLayout(
            self.buttons(
                [("dispatch", self.tr("Dispatch…")), ("find_expert", self.tr("Find an expert…")),
                 None]
            )
        )  # fmt: skip
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
                    "longest-valid certificates first; Find an expert… sends anyone available "
                    "today. A dispatched expert is on a mission until released (closing the "
                    "incident releases everyone)."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        # dispatches that stations made apart and cannot both hold (experts.problems)
        self.problems = style.apply(QLabel(), "banner")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)
        self.update_actions()

    def load_job(self, incident: dict):
        from desktop.core.incidents import experts, tasks

        ref, number, ctx = incident["id"], incident["number"], actor()
        return lambda db: {
            "problems": [
                experts.problem_text(p) for p in experts.problems(db) if number in p["numbers"]
            ],
            "suggestions": experts.suggestions(db, ref, ctx=ctx),
            "out": experts.listing(db, ref, ctx),
            "tasks": [
                {"task": t["id"], "title": t["title"],
                 "specialties": [s["code"] for s in t["specialties"]]}
                for t in tasks.listing(db, ref) if t["status"] not in OPEN
            ],
        }  # fmt: skip

    def show_data(self, data) -> None:
        data = data or {"problems": [], "suggestions": [], "out": [], "tasks": []}
        self.problems.setText("\n".join(data["problems"]))
        self.problems.setVisible(bool(data["problems"]))
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
                    leaf.setToolTip(ORGANISATION, person["organisation"] or "")
                node.setExpanded(True)
            top.setExpanded(True)
        if not data["suggestions"]:
            empty = QTreeWidgetItem(self.tree, [self.tr("No open task needs experts.")])
            empty.setFirstColumnSpanned(True)
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.fit_names()
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

    def fit_names(self) -> None:
        """The first column as wide as its header and the experts' names at their depth
        (the task and specialty rows span every column)."""
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        wanted = header.fontMetrics().horizontalAdvance(self.tree.headerItem().text(NAME)) + 24
        for leaf in self.candidate_items():
            wanted = max(wanted, metrics.horizontalAdvance(leaf.text(NAME))
                         + 2 * self.tree.indentation() + 24)  # fmt: skip
        header.resizeSection(NAME, wanted)

    def candidate_items(self) -> list[QTreeWidgetItem]:
        out = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for m in range(top.childCount()):
                node = top.child(m)
                out += [node.child(k) for k in range(node.childCount())]
        return out

    def chosen_expert(self) -> dict | None:
        item = self.tree.currentItem()
        return item.data(NAME, Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen_out(self) -> dict | None:
        return self.out_model.row(self.out_table.currentIndex().row())

    def candidates(self) -> list[dict]:
        """Every expert suggested, as the tree holds them (for tests and keyboard use)."""
        return [leaf.data(NAME, Qt.ItemDataRole.UserRole) for leaf in self.candidate_items()]

    def select_expert(self, expert_id: str) -> bool:
        for leaf in self.candidate_items():
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
        self.tab_buttons["find_expert"].setEnabled(not self.closed)
        chosen = self.chosen_out()
        self.tab_buttons["release"].setEnabled(bool(chosen) and not chosen["released_at"])

    def dispatch(self):
        person = self.chosen_expert()
        if person is None or self.closed:
            return None
        dialog = DispatchDialog(
            self.worker, self.incident, person, self._task_choices(), self.specialties, self
        )
        return self.open_dialog(dialog, dialog.summary)

    def find_expert(self):
        """查找专家…: the dispatch dialog, to find anyone available today."""
        if self.closed:
            return None
        dialog = DispatchDialog(
            self.worker, self.incident, None, self._task_choices(), self.specialties, self
        )
        return self.open_dialog(dialog, dialog.summary)

    def _task_choices(self) -> list[dict]:
        """The incident's open tasks: {task, title, specialties (codes)}."""
        return (self.data or {}).get("tasks", [])

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
    """派遣: an expert to the incident, for a task or none, with a note. Given no expert, it
    finds one first: anyone available today by name, pinyin initials or organisation
    (experts.find, on the worker). Someone without a valid qualification, or without the
    specialty the task asks for, is said in a warning line; it does not stop the dispatch.

    Signals:
        found(int): the experts found for what was typed arrived (how many).
    """

    found = Signal(int)

    def __init__(
        self, worker, incident: dict, person: dict | None, tasks: list[dict],
        specialties: dict[str, str], parent=None,
    ):  # fmt: skip
        super().__init__(worker, self.tr("Dispatch expert — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.person = person
        self.tasks = {task["task"]: task for task in tasks}
        self.specialties = specialties
        self.searching = person is None
        self._ticket = 0
        self.who = style.apply(QLabel(), "heading")
        self.who.setWordWrap(True)
        self.task = QComboBox()
        self.task.addItem(self.tr("No particular task"), None)
        for task in tasks:
            self.task.addItem(task["title"], task["task"])
        self.task.setCurrentIndex(max(self.task.findData((person or {}).get("task")), 0))
        self.task.currentIndexChanged.connect(lambda _index: self._warn())
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("e.g. on site to guide sampling; contact: Section Chief Wang")
        )
        self.warning = style.apply(QLabel(), "banner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        if self.searching:
            self._search_rows()
        self.form.addRow(self.who)
        self.form.addRow(self.warning)
        self.form.addRow(self.tr("Task"), self.task)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(task=self.task, note=self.note)
        self._show_person()
        if self.searching:
            self.setMinimumWidth(720)
            self.run_search("")

    # finding -------------------------------------------------------------------------------
    def _search_rows(self) -> None:
        self.search = SearchBox(self.tr("Name, pinyin initials (e.g. zs) or organisation"), self)
        self.search.settled.connect(self.run_search)
        self.model = RowsModel(
            [
                Column("name", self.tr("Expert")),
                Column("organisation", self.tr("Organisation")),
                Column("specialty_names", self.tr("Specialties")),
                Column("qualification", self.tr("Qualified until")),
            ],
            foreground=lambda row: None if row["qualified"] else style.EXPIRED,
            parent=self,
        )
        self.results = list_table(self.model, 2)
        self.results.setMinimumHeight(self.results.verticalHeader().defaultSectionSize() * 9)
        self.results.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.results.doubleClicked.connect(lambda _index: self.note.setFocus())
        self.count = style.apply(QLabel(), "muted")
        self.form.addRow(self.tr("Find"), self.search)
        self.form.addRow(self.results)
        self.form.addRow(self.count)
        self.fields.update(expert=self.search)

    def run_search(self, text: str) -> None:
        from desktop.core.incidents import experts

        self.search.timer.stop()
        self._ticket += 1
        ticket = self._ticket
        ctx = actor()
        self.worker.run(lambda db: (ticket, experts.find(db, text, ctx=ctx)), self._arrived)

    def _arrived(self, result) -> None:
        from desktop.core.incidents.experts import FIND_LIMIT

        ticket, rows = result
        if not shiboken6.isValid(self) or ticket != self._ticket:
            return  # closed with its window, or typed on meanwhile
        for row in rows:
            row["specialty_names"] = "、".join(
                self.specialties.get(code, code) for code in row["specialties"]
            )
            row["qualification"] = self._qualification(row)
        self.model.set_rows(rows)
        fit(self.results, widest=200)
        if len(rows) >= FIND_LIMIT:
            text = self.tr("The first {count} shown: type more to narrow.").format(count=len(rows))
        elif rows:
            text = self.tr("{count} available today.").format(count=len(rows))
        else:
            text = self.tr("Nobody available today matches.")
        self.count.setText(text)
        kept = self.person["id"] if self.person else None
        self.person = None
        for number, row in enumerate(rows):
            if row["id"] == kept:
                choose_row(self.results, number)
        self._chosen()
        self.found.emit(len(rows))

    def _qualification(self, row: dict) -> str:
        if row["qualified"]:
            valid = row["valid_until"]
            return self.tr("No expiry") if valid == NO_EXPIRY else valid
        if row["expired_on"]:
            return self.tr("Expired {date}").format(date=row["expired_on"])
        return self.tr("None recorded")

    def _chosen(self) -> None:
        self.person = self.model.row(self.results.currentIndex().row())
        if self.person is not None and not self.results.selectionModel().hasSelection():
            self.person = None
        self._show_person()

    def choose(self, expert_id: str) -> bool:
        """Choose one of the experts found (for tests and keyboard use)."""
        for number, row in enumerate(self.model.rows):
            if row["id"] == expert_id:
                choose_row(self.results, number)
                return True
        return False

    # the one chosen ------------------------------------------------------------------------
    def _show_person(self) -> None:
        person = self.person
        self.who.setPalette(self.palette())  # the muted grey goes with a name
        if person is None:
            self.who.setText(self.tr("Choose an expert from the list."))
            style.apply(self.who, "muted")
        else:
            self.who.setText(f"{person['name']}  {person['organisation'] or ''}")
            style.apply(self.who, "heading")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(person is not None)
        self._warn()

    def _warn(self) -> None:
        person, lines = self.person, []
        if person is not None and person.get("qualified") is False:
            if person.get("expired_on"):
                lines.append(
                    self.tr("{name}'s qualifications expired on {date}.").format(
                        name=person["name"], date=person["expired_on"]
                    )
                )
            else:
                lines.append(
                    self.tr("{name} holds no qualification on record.").format(name=person["name"])
                )
        task = self.tasks.get(self.task.currentData())
        theirs = person.get("specialties") if person is not None else None
        if task and task["specialties"] and theirs is not None:
            if not set(task["specialties"]) & set(theirs):
                lines.append(
                    self.tr("The task asks for {wanted}; {name}'s specialties: {theirs}.").format(
                        wanted="、".join(self.specialties.get(c, c) for c in task["specialties"]),
                        name=person["name"],
                        theirs="、".join(self.specialties.get(c, c) for c in theirs) or "—",
                    )
                )
        if lines:
            lines.append(
                self.tr(
                    "The suggestions list only experts with the specialty and a valid "
                    "qualification; check before dispatching."
                )
            )
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def job(self):
        from desktop.core import incidents

        if self.person is None:
            raise BioError(self.tr("Choose an expert from the list."))
        ref, ctx = self.incident["id"], actor()
        expert, task, note = self.person["id"], self.task.currentData(), self.note.text()
        return lambda db: incidents.dispatch(db, ctx, ref, expert, task, note)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if not busy and self.person is None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def summary(self, result: dict) -> str:
        return self.tr("{name} dispatched to incident {number}.").format(
            name=result["name"], number=self.incident["number"]
        )
