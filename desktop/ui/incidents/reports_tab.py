"""信息报告: the reports the rules expect of the incident (reports.schedule) with their
deadlines — met, due, or overdue in red — and the legal basis of each (《突发公共卫生事件
应急条例》第十九、二十条 and the national 工作规范, not the city plan, which sets no hour
limit); the reports made (reports.listing); 新建报告…, 打印… of the selected report and
报告时限设置… (this station's deadlines)."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.widgets import style
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

DONE = QColor(style.GREEN)


def _moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def hours_text(hours: float) -> str:
    if hours >= 48 and hours % 24 == 0:
        return QCoreApplication.translate("ReportsTab", "{days} days").format(days=int(hours // 24))
    shown = int(hours) if float(hours).is_integer() else hours
    return QCoreApplication.translate("ReportsTab", "{hours} h").format(hours=shown)


class ScheduleModel(RowsModel):
    """Expected reports: overdue in red and bold, made in green."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("name", QCoreApplication.translate("ReportsTab", "Report")),
                Column("sender", QCoreApplication.translate("ReportsTab", "From")),
                Column("receiver", QCoreApplication.translate("ReportsTab", "To")),
                Column("limit", QCoreApplication.translate("ReportsTab", "Time limit")),
                Column("due_text", QCoreApplication.translate("ReportsTab", "Due")),
                Column("state", QCoreApplication.translate("ReportsTab", "State")),
                Column("basis", QCoreApplication.translate("ReportsTab", "Basis")),
            ],
            parent=parent,
        )

    def set_schedule(self, rows: list[dict]) -> None:
        for row in rows:
            row["limit"] = hours_text(row["hours"])
            row["due_text"] = when(row["due"])
            done = row["done"]
            row["late"] = bool(done) and labels.is_past(row["due"], _moment(done["reported_at"]))
            if done and row["late"]:
                row["state"] = QCoreApplication.translate(
                    "ReportsTab", "Reported {time}, late"
                ).format(time=labels.short_time(done["reported_at"]))
            elif done:
                row["state"] = QCoreApplication.translate("ReportsTab", "Reported {time}").format(
                    time=labels.short_time(done["reported_at"])
                )
            elif row["overdue"]:
                row["state"] = QCoreApplication.translate("ReportsTab", "Overdue")
            else:
                row["state"] = QCoreApplication.translate("ReportsTab", "To report")
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self.rows):
            row = self.rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole:
                if row["overdue"]:
                    return style.EXPIRED
                if row["late"]:
                    return style.NEAR_EXPIRY
                return DONE if row["done"] else None
            if role == Qt.ItemDataRole.FontRole and row["overdue"]:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{row['name']}\n{row['sender']} → {row['receiver']}\n{row['basis']}"
        return super().data(index, role)


class MadeModel(RowsModel):
    """Reports made; one made after its deadline says so in red."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("number", QCoreApplication.translate("ReportsTab", "Number")),
                Column("kind_name", QCoreApplication.translate("ReportsTab", "Kind")),
                Column("step_name", QCoreApplication.translate("ReportsTab", "Step")),
                Column("time", QCoreApplication.translate("ReportsTab", "Reported")),
                Column("from_unit", QCoreApplication.translate("ReportsTab", "From")),
                Column("to_unit", QCoreApplication.translate("ReportsTab", "To")),
                Column("title", QCoreApplication.translate("ReportsTab", "Title")),
                Column("signer", QCoreApplication.translate("ReportsTab", "Signed by")),
                Column("timing", QCoreApplication.translate("ReportsTab", "Deadline")),
            ],
            parent=parent,
        )

    def set_reports(self, rows: list[dict]) -> None:
        for row in rows:
            row["time"] = when(row["reported_at"])
            if not row.get("due_at"):
                row["timing"] = ""
            elif row["late"]:
                row["timing"] = QCoreApplication.translate(
                    "ReportsTab", "Late (due {time})"
                ).format(time=labels.short_time(row["due_at"]))
            else:
                row["timing"] = QCoreApplication.translate("ReportsTab", "On time")
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.columns[index.column()].key == "timing"
        ):
            return style.EXPIRED if self.rows[index.row()]["late"] else DONE
        return super().data(index, role)


class ReportsTab(IncidentTab):
    """The reporting chain of one incident and its reports."""

    def __init__(self, worker, documents, parent=None):
        super().__init__(worker, parent)
        self.documents = documents
        bar = self.buttons(
            [
                ("new_report", self.tr("New report…")),
                ("print_report", self.tr("Print report…")),
                None,
                ("edit_deadlines", self.tr("Reporting deadlines…")),
            ]
        )
        basis = style.apply(
            QLabel(
                self.tr(
                    "Deadlines from 《突发公共卫生事件应急条例》 第十九、二十条 (first reports "
                    "along the chain) and 《国家突发公共卫生事件相关信息报告管理工作规范（试行）》 "
                    "(progress and final reports); the city plan sets no hour limit. Each link "
                    "counts from the report before it."
                )
            ),
            "muted",
        )
        basis.setWordWrap(True)
        self.schedule_model = ScheduleModel(self)
        self.schedule_table = self._table(self.schedule_model, 6)
        self.made_model = MadeModel(self)
        self.made_table = self._table(self.made_model, 6)
        self.made_table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.made_table.doubleClicked.connect(lambda _index: self.print_report())
        self.overdue = style.apply(QLabel(), "error")
        self.overdue.hide()
        expected = QGroupBox(self.tr("Reports due"))
        box = QVBoxLayout(expected)
        box.addWidget(self.overdue)
        box.addWidget(self.schedule_table)
        made = QGroupBox(self.tr("Reports made"))
        QVBoxLayout(made).addWidget(self.made_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(expected)
        splitter.addWidget(made)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(basis)
        layout.addWidget(splitter, 1)
        self.update_actions()

    def _table(self, model: RowsModel, stretch: int) -> QTableView:
        return list_table(model, stretch)

    def load_job(self, incident: dict):
        from desktop.core.incidents import reports

        ref = incident["id"]
        return lambda db: {
            "schedule": reports.schedule(db, ref),
            "reports": reports.listing(db, ref),
        }

    def show_data(self, data) -> None:
        data = data or {"schedule": [], "reports": []}
        self.schedule_model.set_schedule(data["schedule"])
        self.made_model.set_reports(data["reports"])
        fit(self.schedule_table, widest=220)
        fit(self.made_table, widest=260)
        late = [row for row in data["schedule"] if row["overdue"]]
        self.overdue.setText(
            self.tr("{count} report(s) overdue: {names}.").format(
                count=len(late), names="；".join(row["name"] for row in late)
            )
        )
        self.overdue.setVisible(bool(late))
        if data["reports"] and not self.made_table.selectionModel().hasSelection():
            choose_row(self.made_table, len(data["reports"]) - 1)

    def current_report(self) -> dict | None:
        return self.made_model.row(self.made_table.currentIndex().row())

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        self.tab_buttons["new_report"].setEnabled(self.incident is not None)
        self.tab_buttons["print_report"].setEnabled(self.made_table.selectionModel().hasSelection())
        self.tab_buttons["edit_deadlines"].setEnabled(True)

    def new_report(self):
        if self.incident is None:
            return None
        from desktop.ui.incidents.report_dialog import ReportDialog

        schedule = self.data["schedule"] if self.data else []
        dialog = ReportDialog(self.worker, self.incident, schedule, self)
        return self.open_dialog(dialog, dialog.summary)

    def print_report(self):
        report = self.current_report()
        if report is None:
            return None
        dialog = self.documents.preview_report(report["number"])
        self.dialog_opened.emit(dialog)
        return dialog

    def edit_deadlines(self):
        from desktop.ui.incidents.deadlines_dialog import DeadlinesDialog

        dialog = DeadlinesDialog(self.worker, self)
        return self.open_dialog(dialog, dialog.summary)
