"""The detail of the incident chosen on the 事件 page: a heading (number, title, grade,
status), 任务分工单… and 总结报告… to print, and the tabs 概况, 任务, 物资需求, 信息报告,
大事记 and 专家. Each tab loads when it is on screen."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.experts_tab import ExpertsTab
from desktop.ui.incidents.journal_tab import JournalTab
from desktop.ui.incidents.needs_tab import NeedsTab
from desktop.ui.incidents.printer import IncidentDocuments
from desktop.ui.incidents.reports_tab import ReportsTab
from desktop.ui.incidents.summary_tab import SummaryTab
from desktop.ui.incidents.tasks_tab import TasksTab
from desktop.ui.widgets import style


class IncidentDetail(QWidget):
    """Signals:
    message(str, str): to say on the page (text, style role).
    dialog_opened(object): a dialog of the detail or a tab was opened.
    order_requested(str): show this allocation order on the 调拨单 page.
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)
    order_requested = Signal(str)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists = lists
        self.incident: dict | None = None
        self.documents = IncidentDocuments(worker, self)
        self.documents.message.connect(self.message)
        self.heading = style.apply(QLabel(), "heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setWordWrap(True)
        self.print_buttons = {}
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for key, caption in (
            ("print_assignment", self.tr("Assignment list…")),
            ("print_summary", self.tr("Summary report…")),
        ):
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: getattr(self, k)())
            top.addWidget(button)
            self.print_buttons[key] = button

        self.summary = SummaryTab(worker, lists)
        self.tasks = TasksTab(worker, lists)
        self.needs = NeedsTab(worker)
        self.reports = ReportsTab(worker, self.documents)
        self.journal = JournalTab(worker, self.documents)
        self.experts = ExpertsTab(worker, lists)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tab_by_key = {
            "summary": (self.summary, self.tr("Overview")),
            "tasks": (self.tasks, self.tr("Tasks")),
            "needs": (self.needs, self.tr("Material needs")),
            "reports": (self.reports, self.tr("Information reports")),
            "journal": (self.journal, self.tr("Log")),
            "experts": (self.experts, self.tr("Experts")),
        }
        for tab, caption in self.tab_by_key.values():
            self.tabs.addTab(tab, caption)
            tab.message.connect(self.message)
            tab.dialog_opened.connect(self.dialog_opened)
        self.needs.order_requested.connect(self.order_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.show_incident(None)

    def tab(self, key: str):
        return self.tab_by_key[key][0]

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.tab(key))

    def show_incident(self, incident: dict | None, row: dict | None = None) -> None:
        """Show an incident (incidents.detail) and its list row (task counts), or nothing."""
        self.incident = incident
        for button in self.print_buttons.values():
            button.setEnabled(incident is not None)
        self.tabs.setEnabled(incident is not None)
        if incident is None:
            self.heading.setText(self.tr("Choose an incident, or record a new one."))
        else:
            self.heading.setText(
                "  ·  ".join(
                    (
                        incident["number"],
                        incident["title"],
                        labels.name("grade", incident["grade"]),
                        labels.name("incident_status", incident["status"]),
                    )
                )
            )
        caption = self.tab_by_key["tasks"][1]
        if row and row.get("overdue_tasks"):
            caption = self.tr("Tasks ({overdue} overdue)").format(overdue=row["overdue_tasks"])
        self.tabs.setTabText(self.tabs.indexOf(self.tasks), caption)
        for tab, _caption in self.tab_by_key.values():
            tab.set_incident(incident)

    # printing ------------------------------------------------------------------------------
    def print_assignment(self):
        if self.incident is None:
            return None
        dialog = AgencyDialog(
            self.worker,
            self.incident,
            self.tasks.agency.currentData(),
            labels.agency_full_names(self.lists),
            self,
        )
        dialog.accepted.connect(
            lambda: self._preview(
                self.documents.preview_assignment(
                    self.incident["number"], dialog.agency(), dialog.agency_name()
                )
            )
        )
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def print_summary(self):
        if self.incident is None:
            return None
        return self._preview(self.documents.preview_summary(self.incident["number"]))

    def _preview(self, dialog):
        self.dialog_opened.emit(dialog)
        return dialog


class AgencyDialog(QDialog):
    """Which agency's assignment list to print: those with tasks in the incident (leading
    or supporting), read on the worker.

    Signals:
        loaded(int): the agencies arrived (how many).
    """

    loaded = Signal(int)

    def __init__(
        self, worker, incident: dict, preferred: str | None, names: dict[str, str], parent=None
    ):
        super().__init__(parent)
        self.preferred = preferred
        self.names = names
        self.setWindowTitle(self.tr("Assignment list — {number}").format(
            number=incident["number"]))  # fmt: skip
        self.combo = QComboBox()
        self.combo.setMinimumWidth(320)
        note = style.apply(
            QLabel(self.tr("An agency's tasks in the incident, with deadlines and checklists.")),
            "muted",
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Agency")))
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        from desktop.core.incidents import tasks

        ref = incident["id"]
        worker.run(lambda db: tasks.listing(db, ref), self._arrived)

    def _arrived(self, rows: list[dict]) -> None:
        seen: dict[str, str] = {}
        for row in rows:
            if row["lead_agency"]:
                seen.setdefault(row["lead_agency"], row["lead_agency_name"])
        for row in rows:
            for code, name in zip(row["support_agencies"], row["support_agency_names"],
                                  strict=False):  # fmt: skip
                seen.setdefault(code, name)
        for code, name in seen.items():
            self.combo.addItem(self.names.get(code, name), code)
        found = self.combo.findData(self.preferred) if self.preferred else -1
        self.combo.setCurrentIndex(max(found, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(seen))
        self.loaded.emit(len(seen))

    def agency(self) -> str | None:
        return self.combo.currentData()

    def agency_name(self) -> str:
        return self.combo.currentText()
