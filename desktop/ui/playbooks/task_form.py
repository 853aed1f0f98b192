"""The form of one playbook task: title, instructions, lead agency, supporting agencies
(a checklist), deadline after activation, minimum grade, checklist items (one per line),
required specialties with counts, and the plan clause. values() gives what
playbooks.add_task / save_task take (agencies and specialties by code)."""

from PySide6.QtCore import Qt
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import current_language
from desktop.core.playbooks.files import GRADES

NO_DEADLINE = -1


def lock(widgets, editable: bool) -> None:
    """Text fields become read-only (still legible and selectable), the rest disabled."""
    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(not editable)
        else:
            widget.setEnabled(editable)


class TaskForm(QWidget):
    """One task's fields; fill(task) shows a task of playbooks.get(), values() reads them."""

    def __init__(self, parent=None):
        super().__init__(parent)
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
        }
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Task"), self.title)
        form.addRow(self.tr("Instructions"), self.instructions)
        form.addRow(self.tr("Lead agency"), self.lead)
        form.addRow(self.tr("Deadline after activation"), self.deadline)
        form.addRow(self.tr("From grade"), self.min_grade)
        form.addRow(self.tr("Plan clause"), self.clause)
        form.addRow(self.tr("Checklist"), self.checklist)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Supporting agencies")))
        side.addWidget(self.support, 1)
        side.addWidget(QLabel(self.tr("Specialties needed")))
        side.addWidget(self.specialties, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form, 1)
        layout.addLayout(side, 1)

    def set_lists(self, lists: dict) -> None:
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
        task = task or {}
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
        }

    def set_editable(self, editable: bool) -> None:
        lock(self.fields.values(), editable)
        for row in range(self.specialties.rowCount()):
            self.specialties.cellWidget(row, 1).setEnabled(editable)
