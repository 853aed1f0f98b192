"""预案库: playbook versions — the list (search, hazard filter) beside the editor of the
selected version — and the tabs 版本对比 (playbook_diff_view) and 责任矩阵 (matrix_view).

The search box matches codes and titles, and the words of every version and task
(desktop/core/playbooks/search.py: 消毒 finds each task whose title, instructions,
checklist or clause mentions it); the tasks found are listed under the versions.

Start-up pays for an empty page: the lists, the editor and the tabs are built on first
show, after one worker job has read the agencies, specialties and categories; each tab
other than 预案 is built the first time it is shown."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import PLAYBOOKS, watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.search_box import SearchBox


class PlaybooksPage(QWidget):
    """The playbooks area.

    Signals:
        loaded(int): the list of versions arrived (rows shown after filtering).
        tab_ready(str): the 版本对比 ("diff") or 责任矩阵 ("matrix") tab was built.
        searched(dict): a full-text search arrived (playbooks.search.search's result).
    """

    loaded = Signal(int)
    tab_ready = Signal(str)
    searched = Signal(dict)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict | None = None
        self.rows: list[dict] = []
        self.model = None
        self.table = None
        self.editor = None
        self.diff_view = None
        self.matrix_view = None
        self._keep: tuple[str, int] | None = None
        self._building = False
        self._found: set[str] | None = None  # ids of the versions the words were found in
        self._search_no = 0
        self._show_task: str | None = None  # a found task to show once its version loads
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(style.apply(QLabel(self.tr("Playbooks")), "pageTitle"))
        layout.addLayout(self.body, 1)
        watch(self, worker, PLAYBOOKS, self.reload_list)

    # building on first show ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.lists is None and not self._building:
            self._building = True
            from desktop.ui.playbooks.labels import lists_job

            self.worker.run(lists_job, self._build)

    def _build(self, lists: dict) -> None:
        from desktop.ui.playbooks import labels as playbook_labels
        from desktop.ui.playbooks.editor import PlaybookEditor
        from desktop.ui.playbooks.search_results import SearchResults
        from desktop.ui.widgets.rows_model import Column, RowsModel

        self.lists = lists
        self.model = RowsModel(
            [
                Column("code", self.tr("Code")),
                Column("title", self.tr("Title")),
                Column("hazard", self.tr("Hazard"), "map", playbook_labels.hazards()),
                Column("version", self.tr("Version"), "number"),
                Column("status", self.tr("Status"), "map", playbook_labels.statuses()),
                Column("example", self.tr("Example"), "map", {True: self.tr("Example")}),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.search = SearchBox(
            self.tr("Search: code, title or any words of a task (e.g. 消毒)"), self, width=320
        )
        self.search.settled.connect(lambda _text: self.run_search())
        self.hazard = QComboBox()
        self.hazard.addItem(self.tr("All hazards"), None)
        for code, name in playbook_labels.hazards().items():
            self.hazard.addItem(name, code)
        self.hazard.currentIndexChanged.connect(lambda _index: self._filter())
        self.count_label = style.apply(QLabel(), "muted")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.hazard)
        filters.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        self.results = SearchResults()
        self.results.task_chosen.connect(self.show_task)
        self.results.hide()
        left_layout.addWidget(self.results, 1)
        self.editor = PlaybookEditor(self.worker, lists)
        self.editor.changed.connect(self._written)
        self.editor.loaded.connect(self._editor_loaded)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 600])
        library = QWidget()
        QVBoxLayout(library).addWidget(splitter)
        library.layout().setContentsMargins(0, 4, 0, 0)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(library, self.tr("Playbooks"))
        for key, caption in (
            ("diff", self.tr("Compare versions")),
            ("matrix", self.tr("Responsibility matrix")),
        ):
            holder = QWidget()
            holder.setObjectName(key)
            QVBoxLayout(holder).setContentsMargins(0, 4, 0, 0)
            self.tabs.addTab(holder, caption)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.body.addWidget(self.tabs)
        self.refresh()

    def _tab_shown(self, index: int) -> None:
        holder = self.tabs.widget(index)
        key = holder.objectName()
        if key == "diff" and self.diff_view is None:
            from desktop.ui.playbooks.diff_view import DiffView

            self.diff_view = DiffView(self.worker, self.lists)
            self.diff_view.set_versions(self.rows)
            holder.layout().addWidget(self.diff_view)
        elif key == "matrix" and self.matrix_view is None:
            from desktop.ui.playbooks.matrix_view import MatrixView

            self.matrix_view = MatrixView(self.worker, self.lists)
            holder.layout().addWidget(self.matrix_view)
            self.matrix_view.refresh()
        else:
            return
        self.tab_ready.emit(key)

    def show_tab(self, key: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).objectName() == key:
                self.tabs.setCurrentIndex(index)

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the versions again (and the matrix once built)."""
        self.reload_list()
        if self.matrix_view is not None:
            self.matrix_view.refresh()

    def reload_list(self) -> None:
        if self.model is None:
            return
        from desktop.core import playbooks

        self.worker.run(playbooks.listing, self._listed)
        self.reload_search()

    def _listed(self, rows: list[dict]) -> None:
        self.rows = rows
        if self.diff_view is not None:
            self.diff_view.set_versions(rows)
        self._filter()

    def _filter(self) -> None:
        self.search.timer.stop()
        keep, self._keep = self._keep or self.selected(), None
        text = self.search.text().strip().lower()
        hazard = self.hazard.currentData()
        found = self._found or set()
        shown = [
            row
            for row in self.rows
            if (hazard is None or row["hazard"] == hazard)
            and (
                not text
                or text in row["code"].lower()
                or text in row["title"].lower()
                or row["id"] in found
            )
        ]
        self.model.set_rows(shown)
        self.count_label.setText(self.tr("{count} version(s)").format(count=len(shown)))
        if not (keep and self.select(*keep)) and shown:
            choose_row(self.table, 0)
        self.loaded.emit(len(shown))

    def selected(self) -> tuple[str, int] | None:
        if self.table is None:
            return None
        row = self.model.row(self.table.currentIndex().row())
        return (row["code"], row["version"]) if row else None

    def select(self, code: str, version: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row["code"] == code and row["version"] == version:
                choose_row(self.table, number)
                return True
        return False

    def _selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen != self.editor.requested:
            self.editor.load(*chosen)

    # searching the words ----------------------------------------------------------------
    def run_search(self) -> None:
        """Filter the list by the search box, and search the words of every version."""
        text = self.search.text().strip()
        self._search_no += 1
        if not text:
            self._found = None
            self.results.hide()
            self._filter()
            return
        from desktop.core.playbooks import search

        number = self._search_no
        self.worker.run(lambda db: search.search(db, text), lambda r: self._searched(number, r))

    def _searched(self, number: int, result: dict) -> None:
        if number != self._search_no:
            return  # the text changed since
        self._found = set(result["playbooks"])
        self._filter()
        self.results.show_found(self.search.text().strip(), result["tasks"])
        top, bottom = self.splitter.sizes()
        if top < (top + bottom) * 0.45:  # room for the versions and the tasks found
            self.splitter.setSizes([int((top + bottom) * 0.45), int((top + bottom) * 0.55)])
        self.searched.emit(result)

    def reload_search(self) -> None:
        if self.search.text().strip():
            self.run_search()

    def show_task(self, code: str, version: int, task_id: str) -> None:
        """Show a found task: its version in the list and the editor, the task selected."""
        self._show_task = task_id
        if self.editor.doc is not None and (
            self.editor.doc["code"],
            self.editor.doc["version"],
        ) == (
            code,
            version,
        ):
            self._editor_loaded(self.editor.doc)
        elif not self.select(code, version):
            self.editor.load(code, version)  # filtered out of the list: load it anyway

    def _editor_loaded(self, doc) -> None:
        task, self._show_task = self._show_task, None
        if task and doc is not None:
            self.editor.show_tab(self.editor.structure)
            self.editor.structure.select(task)

    def _written(self, code: str, version: int) -> None:
        """The editor wrote something: show that version once the list refreshes itself."""
        self._keep = (code, version)
