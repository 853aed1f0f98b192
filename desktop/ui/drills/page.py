"""演练: drills. On the live database, the list of drills (search, 新建演练…) and the plan
of the one chosen (plan_view.py) with what can be done with it; starting, resuming or
entering a drill asks the window to open the drill's sandbox (enter_requested). Inside a
drill's sandbox, the page is the drill's console (console.py) over the window's session.

Start-up pays for an empty page: the list is built on first show, after one worker job has
read the lists its forms choose from. The page watches the drill tables (and the
playbooks and agencies its plan names) and reloads the list and the drill chosen."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.drills.parts import splitter
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.search_box import SearchBox

DRILLS = frozenset(
    {"drill", "drill_objective", "drill_playbook", "drill_person", "drill_inject",
     "drill_expect", "drill_improvement", "playbook", "agency"}
)  # fmt: skip


def _build_job(db) -> dict:
    from desktop.core.store import info
    from desktop.ui.drills.labels import lists_job

    return {"lists": lists_job(db), "drill": info.drill_of(db)}


class DrillsPage(QWidget):
    """The drills area.

    Signals:
        loaded(int): the list arrived (its row count).
        detail_loaded(object): the chosen drill arrived ({drill, plan} or None).
        dialog_opened(object): a dialog of this page was opened (for tests and wiring).
        enter_requested(str): open this drill's sandbox in the window.
    """

    loaded = Signal(int)
    detail_loaded = Signal(object)
    dialog_opened = Signal(object)
    enter_requested = Signal(str)

    def __init__(self, worker, session=None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.session = None
        self.console = None
        self.lists: dict | None = None
        self.model = None
        self.table = None
        self.plan = None
        self.current: dict | None = None
        self.detail_pending = False
        self._building = False
        self._list_no = 0
        self._detail_no = 0
        self._keep: str | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = style.apply(QLabel(self.tr("Drills")), "pageTitle")
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        watch(self, worker, DRILLS)
        if session is not None:
            self.set_session(session)

    # inside a drill --------------------------------------------------------------------------
    def set_session(self, session) -> None:
        """The window is in a drill: the page is its console."""
        if self.session is not None:
            return
        from desktop.ui.drills.console import DrillConsole

        self.session = session
        self.title.setText(self.tr("Drill console"))
        self.console = DrillConsole(self.worker, session)
        self.console.message.connect(self.say)
        self.console.dialog_opened.connect(self.dialog_opened)
        self._clear_body()
        self.body.addWidget(self.console, 1)

    def _clear_body(self) -> None:
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    # building on first show ------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_built()

    def ensure_built(self) -> None:
        if self.session is None and self.lists is None and not self._building:
            self._building = True
            self.worker.run(_build_job, self._build)

    def _build(self, result: dict) -> None:
        if self.session is not None:
            return
        if result["drill"]:  # a sandbox whose window is still learning it: the console comes
            self.body.addWidget(style.apply(QLabel(self.tr("Opening the drill…")), "muted"))
            return
        from desktop.ui.drills.drill_actions import DrillActions
        from desktop.ui.drills.drill_list import DrillsModel
        from desktop.ui.drills.msel_files import MselFiles
        from desktop.ui.drills.plan_view import PlanView
        from desktop.ui.incidents.tables import list_table

        self.lists = result["lists"]
        self.new_button = QPushButton(self.tr("New drill…"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_drill)
        self.search = SearchBox(self.tr("Search: number, name"), self, width=260)
        self.search.settled.connect(lambda _text: self.refresh())
        self.count_label = style.apply(QLabel(), "muted")
        filters = QHBoxLayout()
        filters.addWidget(self.new_button)
        filters.addSpacing(12)
        filters.addWidget(self.search, 1)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        self.model = DrillsModel(self)
        self.table = list_table(self.model, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.plan = PlanView(self.lists)
        self.actions = DrillActions(self.worker, self)
        self.files = MselFiles(self.worker, self)
        for source in (self.actions, self.files):
            source.message.connect(self.say)
            source.dialog_opened.connect(self.dialog_opened)
        self.actions.enter_requested.connect(self.enter_requested)
        self.plan.action.connect(self._act)
        self.plan.msel.connect(self._msel)
        self.splitter = splitter(Qt.Orientation.Vertical, (self.table, 1), (self.plan, 3))
        self.splitter.setSizes([160, 560])
        self.body.addLayout(filters)
        self.body.addWidget(self.splitter, 1)
        self.refresh()

    # the list --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (and so the drill chosen)."""
        if self.model is None:
            return
        self.search.timer.stop()
        from desktop.ui.drills.drill_list import listing_job

        self._list_no += 1
        number = self._list_no
        job = listing_job(self.search.text())
        self.worker.run(lambda db: (number, job(db)), self._listed)

    def _listed(self, result) -> None:
        number, rows = result
        if number != self._list_no:
            return
        from desktop.ui.incidents.tables import fit

        keep, self._keep = self._keep or self.selected_id(), None  # as chosen now
        self.table.selectionModel().blockSignals(True)
        self.model.set_drills(rows)
        found = self.model.find(keep) if keep else -1
        row = found if found >= 0 else (0 if rows else -1)
        if row >= 0:
            choose_row(self.table, row)
        self.table.selectionModel().blockSignals(False)
        fit(self.table, widest=320)
        self.count_label.setText(self.tr("{count} drill(s)").format(count=len(rows)))
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
        """Choose a drill by its id or number."""
        found = self.model.find(ref) if self.model else -1
        if found >= 0:
            choose_row(self.table, found)
        return found >= 0

    # the drill chosen ------------------------------------------------------------------------
    def _chosen(self) -> None:
        from desktop.ui.drills.plan_view import detail_job

        row = self.selected_row()
        self._detail_no += 1
        ticket = self._detail_no
        if row is None:
            self._detail_arrived((ticket, None))
            return
        self.detail_pending = True
        job = detail_job(row["id"])
        self.worker.run(lambda db: (ticket, job(db)), self._detail_arrived)

    def _detail_arrived(self, result) -> None:
        ticket, data = result
        if ticket != self._detail_no:
            return
        self.detail_pending = False
        self.current = data
        self.plan.show_drill(data)
        self.detail_loaded.emit(data)

    # acting ----------------------------------------------------------------------------------
    def say(self, text: str, role: str = "ok") -> None:
        style.apply(self.message, role)
        self.message.setText(text)

    def new_drill(self):
        """新建演练; returns the dialog (None while the lists are still being read)."""
        if self.lists is None:
            self.ensure_built()
            return None
        from desktop.ui.drills.drill_dialog import DrillDialog

        dialog = DrillDialog(self.worker, self.lists, None, self)
        dialog.succeeded.connect(self._created)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _created(self, result: dict) -> None:
        self.say(self.tr("Drill {number} planned.").format(number=result["number"]))
        self._keep = result["id"]  # chosen when the list refreshes itself

    def _act(self, key: str):
        """A button of the plan view: edit, start, end, close, report."""
        if self.current is None:
            return None
        drill = self.current["drill"]
        if key == "edit":
            return self.actions.edit(drill, self.lists)
        return getattr(self.actions, key)(drill)

    def _msel(self, key: str) -> None:
        if key == "template":
            self.files.choose_template()
        elif self.current is not None:
            drill = self.current["drill"]
            if key == "import":
                self.files.choose_import(drill)
            else:
                self.files.choose_export(drill)
