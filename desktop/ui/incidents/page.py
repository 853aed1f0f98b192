"""事件: incidents — the list (search, 仅显示未关闭), 新建事件…, and the detail of the one
chosen with its tabs (detail.py). The worst-day page: it comes right after 总览.

Start-up pays for an empty page: the list and the detail are built on first show, after
one worker job has read the divisions, agencies and specialties its forms choose from.
The page watches every table an incident shows (the incident's own, the stock and orders
its needs depend on, the roster its experts come from, this station's deadlines) and
reloads the list, the chosen incident and the tab on screen."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import NEEDS, ROSTER, watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.search_box import SearchBox

WATCHED = NEEDS | ROSTER | {"meta", "playbook"}


class IncidentsPage(QWidget):
    """The incidents area.

    Signals:
        loaded(int): the list arrived (its row count).
        detail_loaded(object): the chosen incident's detail arrived (dict or None).
        dialog_opened(object): a dialog of this page was opened (for tests and wiring).
        order_requested(str): show this allocation order on the 调拨单 page.
    """

    loaded = Signal(int)
    detail_loaded = Signal(object)
    dialog_opened = Signal(object)
    order_requested = Signal(str)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict | None = None
        self.model = None
        self.table = None
        self.detail = None
        self.current: dict | None = None  # detail of the chosen incident
        self.detail_pending = False
        self._building = False
        self._list_no = 0
        self._detail_no = 0
        self._keep: str | None = None  # incident id to choose again after a reload
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(style.apply(QLabel(self.tr("Incidents")), "pageTitle"))
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        watch(self, worker, WATCHED)

    # building on first show ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_built()

    def ensure_built(self) -> None:
        if self.lists is None and not self._building:
            self._building = True
            from desktop.ui.incidents.labels import lists_job

            self.worker.run(lists_job, self._build)

    def _build(self, lists: dict) -> None:
        from desktop.ui.incidents import labels
        from desktop.ui.incidents.detail import IncidentDetail
        from desktop.ui.incidents.incident_list import IncidentsModel
        from desktop.ui.incidents.tables import list_table

        self.lists = lists
        self.divisions = {row["code"]: labels.localized(row) for row in lists["divisions"]}
        self.new_button = QPushButton(self.tr("New incident…"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_incident)
        self.search = SearchBox(self.tr("Search: number, title, place"), self, width=260)
        self.search.settled.connect(lambda _text: self.refresh())
        self.active_only = QCheckBox(self.tr("Open incidents only"))
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(lambda _on: self.refresh())
        self.count_label = style.apply(QLabel(), "muted")
        filters = QHBoxLayout()
        filters.addWidget(self.new_button)
        filters.addSpacing(12)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.active_only)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = IncidentsModel(self)
        self.table = list_table(self.model, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.detail = IncidentDetail(self.worker, lists)
        self.detail.message.connect(self.say)
        self.detail.dialog_opened.connect(self.dialog_opened)
        self.detail.order_requested.connect(self.order_requested)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 600])
        self.body.addLayout(filters)
        self.body.addWidget(self.splitter, 1)
        self.refresh()

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (and so the chosen incident and its tab on screen)."""
        if self.model is None:
            return
        self.search.timer.stop()
        from desktop.ui.incidents.incident_list import listing_job

        self._list_no += 1
        number = self._list_no
        job = listing_job(self.active_only.isChecked(), self.search.text())
        self.worker.run(lambda db: (number, job(db)), self._listed)

    def _listed(self, result) -> None:
        number, rows = result
        if number != self._list_no:
            return
        from desktop.ui.incidents.tables import fit

        keep, self._keep = self._keep or self.selected_id(), None  # as chosen now
        self.table.selectionModel().blockSignals(True)
        self.model.set_incidents(rows, self.divisions)
        self.table.selectionModel().blockSignals(False)
        fit(self.table, widest=320)
        self.count_label.setText(self.tr("{count} incident(s)").format(count=len(rows)))
        found = self.model.find(keep) if keep else -1
        row = found if found >= 0 else (0 if rows else -1)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            choose_row(self.table, row)
            self.table.selectionModel().blockSignals(False)
        self._chosen()
        self.loaded.emit(len(rows))

    def selected_row(self) -> dict | None:
        if self.table is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return row["id"] if row else None

    def select(self, ref: str) -> bool:
        """Choose an incident by its id or number."""
        for number, row in enumerate(self.model.rows if self.model else []):
            if ref in (row["id"], row["number"]):
                choose_row(self.table, number)
                return True
        return False

    def show_incident(self, ref: str) -> None:
        """Choose an incident (its id or number) once the list holds it."""
        if self.model is not None and self.select(ref):
            return
        self._keep = ref
        if self.model is not None:
            self.active_only.setChecked(False)
            self.search.clear()
            self.refresh()

    # the detail ------------------------------------------------------------------------------
    def _chosen(self) -> None:
        row = self.selected_row()
        if row is None:
            self._detail_no += 1
            self.detail_pending = False
            self.current = None
            self.detail.show_incident(None)
            self.detail_loaded.emit(None)
            return
        self.load_detail(row["id"])

    def load_detail(self, incident_id: str) -> None:
        from desktop.core import incidents

        self._detail_no += 1
        self.detail_pending = True
        ticket = self._detail_no
        self.worker.run(
            lambda db: (ticket, incidents.detail(db, incident_id)), self._detail_arrived
        )

    def _detail_arrived(self, result) -> None:
        ticket, incident = result
        if ticket != self._detail_no:
            return
        self.detail_pending = False
        self.current = incident
        self.detail.show_incident(incident, self.selected_row())
        self.detail_loaded.emit(incident)

    # acting ----------------------------------------------------------------------------------
    def say(self, text: str, role: str = "ok") -> None:
        self.message.setPalette(self.palette())
        self.message.setAutoFillBackground(False)
        self.message.setMargin(0)
        style.apply(self.message, role)
        self.message.setText(text)

    def new_incident(self):
        """新建事件; returns the dialog (None while the lists are still being read)."""
        if self.lists is None:
            self.ensure_built()
            return None
        from desktop.ui.incidents.incident_dialog import IncidentDialog

        dialog = IncidentDialog(self.worker, self.lists, None, self)
        dialog.succeeded.connect(self._created)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _created(self, result: dict) -> None:
        self.say(self.tr("Incident {number} recorded.").format(number=result["number"]))
        self._keep = result["id"]  # chosen when the list refreshes itself
        if self.detail is not None:
            self.detail.show_tab("summary")
