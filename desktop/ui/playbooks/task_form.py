"""The form of one playbook task: title, instructions, lead agency, supporting agencies
(a checklist), deadline after activation, minimum grade, checklist items (one per line),
required specialties with counts, and 方案依据 — the clauses cited, each a link to the
plan's passage (widgets/plan_passage.py), the note of a clause applied by analogy (参照),
and the agencies the plan names there. Each field the plan does not set says where it
comes from (sources.py: 示例（可修改）, 《突发公共卫生事件应急条例》 …). values() gives what
playbooks.add_task / save_task take (agencies and specialties by code)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import current_language
from desktop.core.playbooks.files import GRADES
from desktop.ui.playbooks.sources import SourceTag
from desktop.ui.widgets import style
from desktop.ui.widgets.plan_passage import ClauseLinks, citations

NO_DEADLINE = -1


def lock(widgets, editable: bool) -> None:
    """Text fields become read-only (still legible and selectable), the rest disabled."""
    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(not editable)
        else:
            widget.setEnabled(editable)


class OneLine(QLabel):
    """A label kept to one line: the text elided to the width, the whole as its tooltip (a
    wrapped label in the form is squeezed when the editor is short)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.whole = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_whole(self, text: str) -> None:
        self.whole = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        lines = [
            self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, self.width())
            for line in self.whole.splitlines()
        ]
        self.setText("\n".join(lines))


def beside(widget: QWidget, tag: QWidget, below: bool = False) -> QWidget:
    """A field with its source tag after it (or below it, for a text box)."""
    box = QWidget()
    layout = QVBoxLayout(box) if below else QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2 if below else 8)
    layout.addWidget(widget, 0 if not below else 1)
    layout.addWidget(tag)
    if not below:
        layout.addStretch(1)
    return box


class TaskForm(QWidget):
    """One task's fields; fill(task) shows a task of playbooks.get(), values() reads them.

    Signals:
        passage_opened(object): 方案依据 opened the plan's passage (a PlanPassageDialog).
    """

    passage_opened = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task: dict = {}
        self.agency_names: dict[str, str] = {}
        self.title = QLineEdit()
        self.instructions = QPlainTextEdit()
        self.instructions.setMaximumHeight(90)
        self.lead = QComboBox()
        self.lead.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lead.setMinimumContentsLength(16)
        self.support = QListWidget()
        self.support.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.deadline = QSpinBox()
        self.deadline.setRange(NO_DEADLINE, 87600)
        self.deadline.setSpecialValueText(self.tr("no deadline"))
        self.deadline.setSuffix(self.tr(" h"))
        self.min_grade = QComboBox()
        for grade in GRADES:
            self.min_grade.addItem(grade, grade)
        self.checklist = QPlainTextEdit()
        self.checklist.setMaximumHeight(110)
        self.checklist.setPlaceholderText(self.tr("One item per line"))
        self.specialties = QTableWidget(0, 2)
        self.specialties.setHorizontalHeaderLabels([self.tr("Specialty"), self.tr("Experts")])
        self.specialties.verticalHeader().setVisible(False)
        self.specialties.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.specialties.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.clause = QLineEdit()
        self.clause.setPlaceholderText(self.tr("e.g. 三（一）一；参照三（六）三"))
        self.clause.textChanged.connect(lambda _text: self._show_clause())
        self.clause_links = ClauseLinks()
        self.clause_links.passage_opened.connect(self.passage_opened)
        self.named = OneLine()
        self.clause_note = QPlainTextEdit()
        self.clause_note.setMaximumHeight(70)
        self.clause_note.setPlaceholderText(
            self.tr("Why the task applies a clause by analogy (参照): what the clause is "
                    "written for, and why it fits here")
        )  # fmt: skip
        self.clause_note.textChanged.connect(self._show_clause)
        self.note_caption = QLabel(self.tr("Why by analogy"))
        self.lead.currentIndexChanged.connect(lambda _index: self._show_clause())
        self.support.itemChanged.connect(lambda _item: self._show_clause())
        self.tags = {
            name: SourceTag()
            for name in ("instructions", "deadline_hours", "min_grade", "checklist", "specialties")
        }
        self.fields = {
            "title": self.title,
            "instructions": self.instructions,
            "lead_agency": self.lead,
            "support_agencies": self.support,
            "deadline_hours": self.deadline,
            "min_grade": self.min_grade,
            "checklist": self.checklist,
            "specialties": self.specialties,
            "clause": self.clause,
            "clause_note": self.clause_note,
        }
        basis = QWidget()
        basis.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        basis_layout = QVBoxLayout(basis)
        basis_layout.setContentsMargins(0, 0, 0, 0)
        basis_layout.setSpacing(2)
        basis_layout.addWidget(self.clause)
        basis_layout.addWidget(self.clause_links)
        basis_layout.addWidget(self.named)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        tags = self.tags
        form.addRow(self.tr("Task"), self.title)
        form.addRow(self.tr("Basis in the plan"), basis)
        form.addRow(self.note_caption, self.clause_note)
        form.addRow(self.tr("Lead agency"), self.lead)
        form.addRow(self.tr("Instructions"), beside(self.instructions, tags["instructions"], True))
        form.addRow(self.tr("Deadline after activation"),
                    beside(self.deadline, tags["deadline_hours"]))  # fmt: skip
        form.addRow(self.tr("From grade"), beside(self.min_grade, tags["min_grade"]))
        form.addRow(self.tr("Checklist"), beside(self.checklist, tags["checklist"], True))
        self.form = form
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Supporting agencies")))
        side.addWidget(self.support, 1)
        side.addWidget(QLabel(self.tr("Specialties needed")))
        side.addWidget(self.specialties, 1)
        side.addWidget(tags["specialties"])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form, 1)
        layout.addLayout(side, 1)

    def set_lists(self, lists: dict) -> None:
        self.agency_names = {
            agency["code"]: agency["short_name"] or agency["name"] for agency in lists["agencies"]
        }
        self.lead.clear()
        self.support.clear()
        for agency in lists["agencies"]:
            self.lead.addItem(agency["short_name"] or agency["name"], agency["code"])
            self.lead.setItemData(
                self.lead.count() - 1, agency["name"], Qt.ItemDataRole.ToolTipRole
            )
            item = QListWidgetItem(agency["short_name"] or agency["name"], self.support)
            item.setData(Qt.ItemDataRole.UserRole, agency["code"])
            item.setToolTip(agency["name"])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        english = current_language() == "en"
        self.specialties.setRowCount(len(lists["specialties"]))
        for row, specialty in enumerate(lists["specialties"]):
            name = specialty["name_en"] if english and specialty["name_en"] else specialty["name"]
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, specialty["code"])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.specialties.setItem(row, 0, item)
            count = QSpinBox()
            count.setRange(0, 999)
            count.setSpecialValueText("—")
            self.specialties.setCellWidget(row, 1, count)
        self.specialties.resizeRowsToContents()

    def fill(self, task: dict | None) -> None:
        task = self.task = task or {}
        self.title.setText(task.get("title", ""))
        self.title.setCursorPosition(0)
        self.instructions.setPlainText(task.get("instructions", ""))
        lead = (task.get("lead_agency") or {}).get("code")
        self.lead.setCurrentIndex(max(self.lead.findData(lead), 0) if lead else -1)
        support = {a["code"] for a in task.get("support_agencies", [])}
        for row in range(self.support.count()):
            item = self.support.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in support
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        deadline = task.get("deadline_hours")
        self.deadline.setValue(NO_DEADLINE if deadline is None else deadline)
        self.min_grade.setCurrentIndex(max(self.min_grade.findData(task.get("min_grade")), 0))
        self.checklist.setPlainText("\n".join(task.get("checklist", [])))
        counts = {s["code"]: s["count"] for s in task.get("specialties", [])}
        for row in range(self.specialties.rowCount()):
            code = self.specialties.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.specialties.cellWidget(row, 1).setValue(counts.get(code, 0))
        self.clause.setText(task.get("clause", ""))
        self.clause.setCursorPosition(0)
        self.clause_note.setPlainText(task.get("clause_note", ""))
        sources = task.get("sources") or {}
        for name, tag in self.tags.items():
            tag.set_source(sources.get(name))
        self._show_clause()

    def _show_clause(self) -> None:
        """The links of the clauses typed, the 参照 note when one is, and the agencies the
        plan names there (amber: the task's agencies it does not name)."""
        clause = self.clause.text()
        note = self.clause_note.toPlainText()
        quotes = self.task.get("quotes", []) if clause == self.task.get("clause") else []
        self.clause_links.set_clause(clause, note, quotes, self.title.text())
        cited, reason = citations(clause)
        analogy = any(c.analogy for c in cited)
        shown = analogy or bool(note.strip())
        self.clause_note.setVisible(shown)
        self.note_caption.setVisible(shown)
        if reason:
            self.named.set_whole(reason)
            style.apply(self.named, "error")
            return
        from desktop.core.playbooks import clauses

        named = clauses.named_agencies(clause)
        mine = [self.lead.currentData()] + [
            self.support.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.support.count())
            if self.support.item(row).checkState() == Qt.CheckState.Checked
        ]
        unnamed = clauses.unnamed(clause, [code for code in mine if code])
        names = "、".join(self.agency_names.get(code, code) for code in named)
        lines = []  # what needs attention first: the rest is in the tooltip
        if analogy and not note.strip():
            lines.append(self.tr("Say why the task applies a clause by analogy (参照)."))
        if unnamed:
            others = "、".join(self.agency_names.get(code, code) for code in unnamed)
            lines.append(self.tr("Not named there: {agencies}").format(agencies=others))
        if named:
            lines.append(self.tr("The plan names there: {agencies}").format(agencies=names))
        elif cited:
            lines.append(self.tr("The plan names no agency there."))
        self.named.set_whole("\n".join(lines))
        style.apply(self.named, "caption")
        if unnamed or (analogy and not note.strip()):
            palette = self.named.palette()
            palette.setColor(self.named.foregroundRole(), style.NEAR_EXPIRY)
            self.named.setPalette(palette)

    def values(self) -> dict:
        support = [
            self.support.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.support.count())
            if self.support.item(row).checkState() == Qt.CheckState.Checked
        ]
        specialties = []
        for row in range(self.specialties.rowCount()):
            count = self.specialties.cellWidget(row, 1).value()
            if count:
                code = self.specialties.item(row, 0).data(Qt.ItemDataRole.UserRole)
                specialties.append({"code": code, "count": count})
        deadline = self.deadline.value()
        return {
            "title": self.title.text(),
            "instructions": self.instructions.toPlainText(),
            "lead_agency": self.lead.currentData() or "",
            "support_agencies": support,
            "deadline_hours": None if deadline == NO_DEADLINE else deadline,
            "min_grade": self.min_grade.currentData(),
            "checklist": self.checklist.toPlainText().splitlines(),
            "specialties": specialties,
            "clause": self.clause.text(),
            "clause_note": self.clause_note.toPlainText(),
        }

    def set_editable(self, editable: bool) -> None:
        lock(self.fields.values(), editable)
        self.clause.setVisible(editable)  # read-only: the links say it
        for row in range(self.specialties.rowCount()):
            self.specialties.cellWidget(row, 1).setEnabled(editable)
