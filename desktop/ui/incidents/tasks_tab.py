"""任务: the incident's task board (tasks.listing) grouped by lead agency — or, filtered by
one agency, the tasks it leads and those it supports — with filters by agency, status and
overdue only; overdue tasks in red. Beside it, the chosen task: instructions, checklist,
specialties, plan clause, due time and its last update; 更新状态… records progress."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.task_detail import TaskDetail, with_provenance
from desktop.ui.shell import session
from desktop.ui.widgets import style
from desktop.ui.widgets.screen_size import filter_combo
from desktop.ui.widgets.times import when

TITLE, STATUS, DUE, PHASE, SUPPORT, UPDATED = range(6)


class TasksTab(IncidentTab):
    """The task board of one incident."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.lists = lists
        self.agency_names = labels.agency_names(lists)
        self.full_names = labels.agency_full_names(lists)
        self._keep: str | None = None
        self.agency = QComboBox()
        self.agency.addItem(self.tr("All agencies"), None)
        for row in lists.get("agencies", []):
            self.agency.addItem(labels.agency_caption(row), row["code"])
        self.agency.setMaxVisibleItems(20)
        filter_combo(self.agency, 30)  # agencies' full names would widen the window past 1366
        self.status = QComboBox()
        labels.fill(self.status, "task_status", first=self.tr("All statuses"))
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.count = style.apply(QLabel(), "muted")
        for signal in (self.agency.currentIndexChanged, self.status.currentIndexChanged):
            signal.connect(lambda _index: self.refresh())
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        bar = self.buttons([("set_status", self.tr("Update status…"))])
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Agency")))
        bar.addWidget(self.agency)
        bar.addWidget(QLabel(self.tr("Status")))
        bar.addWidget(self.status)
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.count)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                self.tr("Task"),
                self.tr("Status"),
                self.tr("Due"),
                self.tr("Phase"),
                self.tr("Supporting agencies"),
                self.tr("Last update"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._chosen())
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._double_clicked(item))
        self.detail = TaskDetail(lists)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.update_actions()

    def load_job(self, incident: dict):
        from desktop.core.incidents import tasks

        ref = incident["id"]
        agency, status = self.agency.currentData(), self.status.currentData()
        overdue = self.overdue_only.isChecked()
        return lambda db: with_provenance(db, tasks.listing(db, ref, agency, status, overdue))

    # the board -----------------------------------------------------------------------------
    def localize(self, row: dict) -> dict:
        """Names of the task's agencies and phase in the user's language."""
        lead = row["lead_agency"]
        row["lead_name"] = self.full_names.get(lead, row["lead_agency_name"]) if lead else ""
        row["support_names"] = [
            self.full_names.get(code, name)
            for code, name in zip(row["support_agencies"], row["support_agency_names"],
                                  strict=False)
        ]  # fmt: skip
        row["phase_name"] = labels.phase_name(row["phase"], row["phase_title"])
        return row

    def show_data(self, rows) -> None:
        keep, self._keep = self._keep or self.current_id(), None  # as chosen now
        self.tree.clear()
        rows = [self.localize(row) for row in rows or []]
        agency = self.agency.currentData()
        groups: dict[str, list[dict]] = {}
        if agency:
            for row in rows:
                led = row["lead_agency"] == agency
                groups.setdefault("lead" if led else "support", []).append(row)
            order = [key for key in ("lead", "support") if key in groups]
        else:
            for row in rows:
                groups.setdefault(row["lead_agency"] or "", []).append(row)
            order = list(groups)
        chosen = None
        for key in order:
            group = QTreeWidgetItem(self.tree, [self._group_caption(key, agency, groups[key])])
            font = QFont(self.tree.font())
            font.setBold(True)
            group.setFont(TITLE, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if any(row["overdue"] for row in groups[key]):
                group.setForeground(TITLE, QBrush(style.EXPIRED))
            for row in groups[key]:
                item = self._task_item(group, row)
                if row["id"] == keep:
                    chosen = item
            group.setExpanded(True)
        self._fit_columns()
        overdue = sum(1 for row in rows if row["overdue"])
        text = self.tr("{count} task(s)").format(count=len(rows))
        if overdue:
            text += " · " + self.tr("{count} overdue").format(count=overdue)
        self.count.setText(text)
        style.apply(self.count, "error" if overdue else "muted")
        if chosen is None:
            first = self.tree.topLevelItem(0)
            chosen = first.child(0) if first is not None else None
        self.tree.setCurrentItem(chosen)
        if chosen is None:
            self._chosen()

    def _group_caption(self, key: str, agency: str | None, rows: list[dict]) -> str:
        if agency:
            name = self.agency_names.get(agency, agency)
            caption = (
                self.tr("{agency} leads") if key == "lead" else self.tr("{agency} supports")
            ).format(agency=name)
        else:
            lead = rows[0]["lead_agency"]
            caption = self.agency_names.get(lead, rows[0]["lead_name"]) if lead else ""
            caption = caption or self.tr("No lead agency")
        done = sum(1 for row in rows if row["status"] in ("done", "not_applicable"))
        late = sum(1 for row in rows if row["overdue"])
        text = self.tr("{caption} — {done} of {count} finished").format(
            caption=caption, done=done, count=len(rows)
        )
        if late:
            text += self.tr(", {late} overdue").format(late=late)
        return text

    def _task_item(self, group: QTreeWidgetItem, row: dict) -> QTreeWidgetItem:
        due = labels.short_time(row["due"]) if row["due"] else ""
        if row["overdue"]:
            due = "⚠ " + due
        support = "、".join(self.agency_names.get(code, code) for code in row["support_agencies"])
        updated = labels.short_time(row["at"]) if row["at"] else ""
        item = QTreeWidgetItem(
            group,
            [row["title"], row["status_name"], due, row["phase_name"], support, updated],
        )
        item.setData(TITLE, Qt.ItemDataRole.UserRole, row)
        item.setToolTip(TITLE, row["title"])
        item.setToolTip(SUPPORT, "\n".join(row["support_names"]))
        if row["note"]:
            item.setToolTip(STATUS, row["note"])
        if row["overdue"]:
            item.setToolTip(DUE, self.tr("Overdue since {time}").format(time=when(row["due"])))
        if row["overdue"]:
            brush = QBrush(style.EXPIRED)
            bold = QFont(self.tree.font())
            bold.setBold(True)
            for column in range(self.tree.columnCount()):
                item.setForeground(column, brush)
            item.setFont(DUE, bold)
        elif row["status"] in ("done", "not_applicable"):
            for column in range(self.tree.columnCount()):
                item.setForeground(column, QBrush(style.UNUSABLE))
        elif row["status"] == "blocked":
            item.setForeground(STATUS, QBrush(style.NEAR_EXPIRY))
        return item

    def _fit_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        widest_status = max(
            metrics.horizontalAdvance(name) for name in labels.names("task_status").values()
        )
        header = self.tree.header()
        header.resizeSection(STATUS, widest_status + 24)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        header.resizeSection(DUE, QFontMetrics(bold).horizontalAdvance("⚠ 2026-12-31 23:59") + 16)
        phases = {row["phase_name"] for row in self.rows_shown()} or {""}
        header.resizeSection(PHASE, max(metrics.horizontalAdvance(p) for p in phases) + 16)
        header.resizeSection(SUPPORT, min(max(self.tree.sizeHintForColumn(SUPPORT), 80), 140))
        header.resizeSection(UPDATED, metrics.horizontalAdvance("12-31 23:59") + 16)

    # the chosen task -----------------------------------------------------------------------
    def current_task(self) -> dict | None:
        item = self.tree.currentItem()
        return item.data(TITLE, Qt.ItemDataRole.UserRole) if item is not None else None

    def current_id(self) -> str | None:
        task = self.current_task()
        return task["id"] if task else None

    def select(self, task_id: str) -> bool:
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            for m in range(group.childCount()):
                item = group.child(m)
                if item.data(TITLE, Qt.ItemDataRole.UserRole)["id"] == task_id:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def rows_shown(self) -> list[dict]:
        out = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            out += [group.child(m).data(TITLE, Qt.ItemDataRole.UserRole)
                    for m in range(group.childCount())]  # fmt: skip
        return out

    def _chosen(self) -> None:
        self.detail.show_task(self.current_task())
        self.update_actions()

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.data(TITLE, Qt.ItemDataRole.UserRole):
            self.set_status()

    def update_actions(self) -> None:
        if hasattr(self, "tab_buttons"):
            task = self.current_task()
            self.tab_buttons["set_status"].setEnabled(
                not self.closed and task is not None and _leads(task)
            )

    def set_status(self):
        task = self.current_task()
        if task is None or self.closed:
            return None
        from desktop.ui.incidents.task_dialog import TaskStatusDialog

        self._keep = task["id"]
        dialog = TaskStatusDialog(self.worker, task, self)
        return self.open_dialog(dialog, dialog.summary)


def _leads(task: dict) -> bool:
    """Whether the account logged in may report the task's progress: a liaison only the
    tasks its agency leads (the core refuses the others)."""
    ctx = session.logged_in()
    if ctx is None or ctx.role != "liaison":
        return True
    return bool(ctx.agency_id) and task.get("lead_agency_id") == ctx.agency_id
