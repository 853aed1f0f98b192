"""专家 tab: the roster filtered by a search (name, pinyin initials, organisation), a
specialty and 仅显示可调用, with possible duplicates marked ⚠, beside the detail editor."""

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import values
from desktop.core.roster import experts
from desktop.ui.reserves import lookups
from desktop.ui.roster.expert_editor import ExpertEditor
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import ROSTER, watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.search_box import SearchBox

LIMIT = 5000  # the city's roster is a few hundred experts
NEAR_DAYS = 90


def list_job(text: str, specialty: str | None, available_only: bool):
    """The worker job: experts as search() gives them, with their nearest certificate
    expiry, specialty names and whether they are possible duplicates."""

    ctx = actor()  # phones in full only for a role that may see them

    def job(db):
        rows = experts.search(db, text, specialty, available_only, limit=LIMIT, ctx=ctx)
        nearest = experts.nearest_expiries(db)
        doubles = {e["id"] for group in experts.duplicates(db, ctx) for e in group}
        names = experts.specialty_names(db)
        for row in rows:
            row["expires_on"] = nearest.get(row["id"])
            row["duplicate"] = row["id"] in doubles
            row["specialty_names"] = "、".join(names.get(c, c) for c in row["specialties"])
            row["masked_mobile"] = values.mask_phone(row["mobile"])
        return rows

    return job


def status_text(row: dict) -> str:
    """可调用 / 执行任务中 / 不可调用 from–to."""
    status = row.get("availability") or "available"
    if status == "on_mission":
        return QCoreApplication.translate("ExpertList", "On a mission")
    if status == "unavailable":
        return QCoreApplication.translate("ExpertList", "Unavailable {start}–{end}").format(
            start=row.get("unavailable_from") or "", end=row.get("unavailable_to") or ""
        )
    return QCoreApplication.translate("ExpertList", "Available")


class ExpertsModel(RowsModel):
    """The roster list: ⚠ and a tooltip on possible duplicates, the nearest certificate
    expiry in red within NEAR_DAYS days, unavailable experts in grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("name", QCoreApplication.translate("ExpertList", "Full name")),
                Column("gender", QCoreApplication.translate("ExpertList", "Gender")),
                Column("organisation", QCoreApplication.translate("ExpertList", "Organisation")),
                Column("title", QCoreApplication.translate("ExpertList", "Professional title")),
                Column("specialty_names", QCoreApplication.translate("ExpertList", "Specialties")),
                Column(
                    "division", QCoreApplication.translate("ExpertList", "Home division"), "map", {}
                ),
                Column("masked_mobile", QCoreApplication.translate("ExpertList", "Mobile")),
                Column("status", QCoreApplication.translate("ExpertList", "Status")),
                Column(
                    "expires_on", QCoreApplication.translate("ExpertList", "Certificate expires")
                ),
            ],
            parent=parent,
        )
        self.today = date.today()

    def set_divisions(self, names: dict[str, str]) -> None:
        self.columns[5].mapping.clear()
        self.columns[5].mapping.update(names)

    def set_rows(self, rows: list[dict]) -> None:
        for row in rows:
            row["status"] = status_text(row)
        self.today = date.today()
        super().set_rows(rows)

    def expiring(self, row: dict) -> bool:
        expires = row.get("expires_on")
        return bool(expires) and (date.fromisoformat(expires) - self.today).days <= NEAR_DAYS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, key = self.rows[index.row()], self.columns[index.column()].key
        if key == "name" and row.get("duplicate"):
            if role == Qt.ItemDataRole.DisplayRole:
                return "⚠ " + row["name"]
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ExpertList", "Possible duplicate")
        if role == Qt.ItemDataRole.ToolTipRole and key in (
            "organisation",
            "title",
            "specialty_names",
            "status",
        ):
            return row.get(key) or None  # the full text of a narrowed column
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "expires_on" and self.expiring(row):
                return style.EXPIRED
            if not row.get("available", True):
                return style.UNUSABLE
            return None
        return super().data(index, role)


class ExpertsView(QWidget):
    """The 专家 tab.

    Signals:
        listed(int): the list is on screen (how many experts).
    """

    listed = Signal(int)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.search = SearchBox(
            self.tr("Search experts: name, pinyin initials (zs) or organisation"), self, 320
        )
        self.search.settled.connect(lambda _text: self.refresh())
        self.specialty = QComboBox()
        self.specialty.currentIndexChanged.connect(lambda _i: self.refresh())
        self.available_only = QCheckBox(self.tr("Only those available"))
        self.available_only.toggled.connect(lambda _on: self.refresh())
        self.count = style.apply(QLabel(), "caption")
        # two rows, so that the list beside the expert's form (as wide as its form, in
        # English too) needs no more than a 1366-px screen leaves it
        filters = QVBoxLayout()
        filters.addWidget(self.search)
        narrowing = QHBoxLayout()
        narrowing.addWidget(QLabel(self.tr("Specialty")))
        narrowing.addWidget(self.specialty)
        narrowing.addWidget(self.available_only)
        narrowing.addStretch(1)
        narrowing.addWidget(self.count)
        filters.addLayout(narrowing)

        self.model = ExpertsModel(self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        # the editor's saves, deletions and certificates reach the list by the worker's
        # change signal, like anyone else's (widgets/change_watcher.py)
        self.editor = ExpertEditor(worker, lists)
        self.editor.new_requested.connect(self._deselect)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([720, 360])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        self.set_lists(lists)
        watch(self, worker, ROSTER)

    def set_lists(self, lists: dict) -> None:
        entries = [(lookups.localized(row), row["code"]) for row in lists.get("specialties", [])]
        lookups.fill(self.specialty, entries, first=self.tr("All specialties"))
        self.model.set_divisions({r["code"]: lookups.localized(r) for r in lists["divisions"]})
        self.editor.set_lists(lists)

    def refresh(self) -> None:
        self.search.timer.stop()
        job = list_job(
            self.search.text(), self.specialty.currentData(), self.available_only.isChecked()
        )
        self.worker.run(job, self._listed)

    def _listed(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        if rows:
            style.fit_columns(self.table, widest=120)
        self.count.setText(self.tr("{count} experts").format(count=len(rows)))
        for number, row in enumerate(rows):
            if row["id"] == self.editor.current_id:
                choose_row(self.table, number)
                break
        self.listed.emit(len(rows))

    def _selected(self, current, _previous=None) -> None:
        row = self.model.row(current.row()) if current.isValid() else None
        if row is not None and row["id"] != self.editor.current_id:
            self.editor.show_expert(row)

    def _deselect(self) -> None:
        """新建: no row chosen, so that choosing any row again shows it."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))

    def select(self, expert_id: str) -> bool:
        """Show one expert of the list in the editor; False when not listed."""
        for number, row in enumerate(self.model.rows):
            if row["id"] == expert_id:
                choose_row(self.table, number)
                return True
        return False
