"""长期监测: the monitoring of one incident — chosen among the open incidents (to start
monitoring) and those already followed, closed ones too: monitoring outlives the incident —
in the tabs 人员, 采样点 and 监测计划; 今日待办 (checks due and overdue, per agency, with the
fast result grid) and 异常预警 (open alerts), of every incident unless narrowed to this one;
and the actions 导入…, 导出…, 模板…, 建议… and 监测报告….

Built on first show, after one worker job has read the divisions and agencies its forms
choose from. The page watches the monitoring tables and the incidents: a change reloads
the incidents to choose from and the tab on screen. Personal data shown unmasked (显示身份
信息…) is masked again when the page is left or refreshed."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.incidents import labels
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch

WATCHED = frozenset(
    {
        "monitor_person",
        "monitor_site",
        "monitor_schedule",
        "monitor_result",
        "monitor_note",
        "incident",
    }
)


class MonitoringPage(QWidget):
    """The long-term monitoring area.

    Signals:
        loaded(int): the incidents to choose from arrived (how many).
        dialog_opened(object): a dialog of this page or a tab was opened.
    """

    loaded = Signal(int)
    dialog_opened = Signal(object)

    def __init__(self, worker, settings=None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        self.lists: dict | None = None
        self.incidents: dict[str, dict] = {}
        self.incident: dict | None = None
        self.tabs = None
        self._building = False
        self._list_no = 0
        self._wanted_tab: str | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(style.apply(QLabel(self.tr("Long-term monitoring")), "pageTitle"))
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        watch(self, worker, WATCHED)

    # building on first show ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_built()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self.tabs is not None:
            self.people.mask_again()  # personal data is shown only while the page is

    def ensure_built(self) -> None:
        if self.lists is None and not self._building:
            self._building = True
            from desktop.ui.monitoring.jobs import lists_job

            self.worker.run(lists_job, self._build)

    def _build(self, lists: dict) -> None:
        from desktop.ui.monitoring.actions import PageActions
        from desktop.ui.monitoring.alerts_tab import AlertsTab
        from desktop.ui.monitoring.due_tab import DueTab
        from desktop.ui.monitoring.people_tab import PeopleTab
        from desktop.ui.monitoring.schedules_tab import SchedulesTab
        from desktop.ui.monitoring.sites_tab import SitesTab
        from desktop.ui.shell.settings import Settings

        self.lists = lists
        self.chooser = QComboBox()
        self.chooser.setMinimumContentsLength(40)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.currentIndexChanged.connect(lambda _index: self._chosen())
        self.state = style.apply(QLabel(), "muted")
        self.state.setWordWrap(True)
        self.page_actions = PageActions(self.worker, self)
        self.page_actions.message.connect(self.say)
        self.page_actions.dialog_opened.connect(self.dialog_opened)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Incident")))
        top.addWidget(self.chooser)
        top.addWidget(self.state, 1)
        top.addWidget(self.page_actions.toolbar)

        settings = self.settings if self.settings is not None else Settings()
        self.people = PeopleTab(self.worker, lists)
        self.sites = SitesTab(self.worker, lists)
        self.schedules = SchedulesTab(self.worker, lists)
        self.due = DueTab(self.worker, lists, settings)
        self.alerts = AlertsTab(self.worker, lists)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tab_by_key = {
            "people": (self.people, self.tr("People")),
            "sites": (self.sites, self.tr("Sampling sites")),
            "schedules": (self.schedules, self.tr("Schedules")),
            "due": (self.due, self.tr("Due today")),
            "alerts": (self.alerts, self.tr("Abnormal alerts")),
        }
        for tab, caption in self.tab_by_key.values():
            self.tabs.addTab(tab, caption)
            tab.message.connect(self.say)
            tab.dialog_opened.connect(self.dialog_opened)
        self.body.addLayout(top)
        self.body.addWidget(self.tabs, 1)
        from desktop.ui.access import offers

        # the tool bar's actions belong to no part shown later (the window applied the
        # roles' offers before this was built): offered to the role now
        offers.apply(self)
        if self._wanted_tab:
            self.show_tab(self._wanted_tab)
        self.refresh()

    # the incident --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the incidents again, and so the tab on screen (personal data masked)."""
        if self.tabs is None:
            return
        from desktop.ui.monitoring.jobs import incidents_job

        self._list_no += 1
        number = self._list_no
        self.worker.run(lambda db: (number, incidents_job(db)), self._listed)

    def _listed(self, result) -> None:
        number, rows = result
        if number != self._list_no:
            return
        keep = self.incident["id"] if self.incident else None
        self.incidents = {row["id"]: row for row in rows}
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for row in rows:
            self.chooser.addItem(self._caption(row), row["id"])
        found = self.chooser.findData(keep) if keep else -1
        self.chooser.setCurrentIndex(found if found >= 0 else (0 if rows else -1))
        self.chooser.blockSignals(False)
        self._chosen()
        self.loaded.emit(len(rows))

    def _caption(self, row: dict) -> str:
        caption = f"{row['number']}  {row['title']}"
        if row["status"] == "closed":
            return caption + "  " + self.tr("(closed)")
        if not row["followed"]:
            return caption + "  " + self.tr("(not followed yet)")
        return caption

    def _chosen(self) -> None:
        self.incident = self.incidents.get(self.chooser.currentData())
        incident = self.incident
        if incident is None:
            self.state.setText(self.tr("No open incident: monitoring starts from an incident."))
        elif incident["status"] == "closed":
            self.state.setText(
                self.tr("The incident is closed; its monitoring goes on until each schedule ends.")
            )
        else:
            self.state.setText(
                self.tr("Incident status: {status}").format(
                    status=labels.name("incident_status", incident["status"])
                )
            )
        self.page_actions.set_incident(incident)
        for tab, _caption in self.tab_by_key.values():
            tab.set_incident(incident)

    def choose(self, ref: str) -> bool:
        """Choose an incident by its id or number (once the list holds it)."""
        for index in range(self.chooser.count() if self.tabs is not None else 0):
            row = self.incidents[self.chooser.itemData(index)]
            if ref in (row["id"], row["number"]):
                self.chooser.setCurrentIndex(index)
                return True
        return False

    # tabs and messages -----------------------------------------------------------------------
    def tab(self, key: str):
        return self.tab_by_key[key][0]

    def show_tab(self, key: str) -> None:
        """Show a tab (people, sites, schedules, due, alerts), now or once built."""
        if self.tabs is None:
            self._wanted_tab = key
            return
        self.tabs.setCurrentWidget(self.tab(key))

    def say(self, text: str, role: str = "ok") -> None:
        self.message.setPalette(self.palette())
        self.message.setAutoFillBackground(False)
        self.message.setMargin(0)
        style.apply(self.message, role)
        self.message.setText(text)
