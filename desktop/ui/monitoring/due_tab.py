"""今日待办: the checks due today and those overdue (no result yet), for one agency (the
user's last choice) or all, of every incident or only the one chosen — entered in the
keyboard-only grid (due_grid.py) and saved with 保存结果 (Ctrl+S): each result is recorded
on the worker; an abnormal one raises an alert and a 大事记 entry. A refused result stays
in the grid in red with the reason."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QVBoxLayout

from desktop.core import values
from desktop.ui.incidents import labels
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.monitoring.due_grid import NOTE, DueGrid, DueModel
from desktop.ui.monitoring.forms import agency_combo, choose
from desktop.ui.monitoring.jobs import AGENCY
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style


def due_job(agency: str | None, incident: str | None):
    """The checks due and overdue today, each with its schedule's normal range."""

    def job(db):
        from desktop.core.monitoring import schedules

        ranges = {s["id"]: s for s in schedules.live_schedules(db, agency)}
        rows = schedules.due(db, None, agency, incident)
        for row in rows:
            schedule = ranges.get(row["schedule"], {})
            row["normal_min"] = schedule.get("normal_min")
            row["normal_max"] = schedule.get("normal_max")
        return rows

    return job


def save_job(entries: list[dict]):
    """Record each result; returns (results recorded, {check: refusal})."""
    from desktop.core.errors import BioError
    from desktop.core.monitoring import results

    ctx = actor()

    def job(db):
        done, refused = [], {}
        for entry in entries:
            try:
                done.append(results.record(db, ctx, entry["check"], entry["value"],
                                           entry["abnormal"], entry["note"]))  # fmt: skip
            except BioError as error:
                refused[entry["check"]] = str(error)
        return done, refused

    return job


class DueTab(IncidentTab):
    """Today's checks and the result grid."""

    def __init__(self, worker, lists: dict, settings, parent=None):
        super().__init__(worker, parent)
        self.settings = settings
        self.agencies = labels.agency_names(lists)
        self.saving = False
        bar = self.buttons([("save", self.tr("Save results"))])
        self.agency = agency_combo(lists, self.tr("All agencies"))
        choose(self.agency, settings.get(AGENCY) or None)
        self.agency.currentIndexChanged.connect(lambda _index: self._agency_chosen())
        self.this_incident = QCheckBox(self.tr("This incident only"))
        self.this_incident.toggled.connect(lambda _on: self.refresh())
        self.count = style.apply(QLabel(), "muted")
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Agency")))
        bar.addWidget(self.agency)
        bar.addWidget(self.this_incident)
        bar.addStretch(1)
        bar.addWidget(self.count)
        hint = style.apply(
            QLabel(
                self.tr(
                    "Type the value, Enter or Tab: next row (Shift+Tab: back); F9: mark "
                    "abnormal; Ctrl+S: save. A value outside the normal range turns red and "
                    "is saved as abnormal."
                )
            ),
            "muted",
        )
        hint.setWordWrap(True)
        self.model = DueModel(self)
        self.grid = DueGrid(self.model)
        header = self.grid.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        for key, caption, method in (
            ("F9", self.tr("Mark abnormal"), self.toggle_abnormal),
            (QKeySequence.StandardKey.Save, self.tr("Save results"), self.save),
        ):
            action = QAction(caption, self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(method)
            self.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        self.model.dataChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.grid.setFocus()  # type at once

    def _agency_chosen(self) -> None:
        self.settings.set(AGENCY, self.agency.currentData() or "")
        self.refresh()

    def load_job(self, incident: dict):
        ref = incident["id"] if self.this_incident.isChecked() else None
        return due_job(self.agency.currentData(), ref)

    def show_data(self, rows) -> None:
        rows = rows or []
        self.grid.commit_editing()  # what is being typed survives the reload
        current = self.model.row(self.grid.currentIndex().row())
        self.model.set_checks(rows, self.agencies)
        self.grid.size_columns()
        self.grid.go_to(current["check"] if current else None)
        overdue = sum(1 for row in rows if row["overdue"])
        self.count.setText(
            self.tr("{date} · {due} due today · {overdue} overdue").format(
                date=values.now().date().isoformat(), due=len(rows) - overdue, overdue=overdue
            )
        )

    def update_actions(self) -> None:
        if hasattr(self, "tab_buttons"):
            self.tab_buttons["save"].setEnabled(bool(self.model.entries()) and not self.saving)

    # entering results ------------------------------------------------------------------------
    def toggle_abnormal(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid():
            self.grid.commit_editing()  # the model's change would reset the editor
            self.model.toggle(index.row())

    def save(self) -> None:
        """Record every result typed, on the worker."""
        self.grid.finish_editing()
        entries = self.model.entries()
        if not entries or self.saving:
            return
        self.saving = True
        self.update_actions()
        self.worker.run(
            save_job(entries), lambda result: self._saved(result), lambda _error: self._failed()
        )

    def _failed(self) -> None:
        """An unexpected error (the window reports it); what was typed stays."""
        if shiboken6.isValid(self):
            self.saving = False
            self.update_actions()

    def _saved(self, result) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed while the job ran
        done, refused = result
        self.saving = False
        self.model.saved([row["check"] for row in done], refused)
        abnormal = sum(1 for row in done if row["abnormal"])
        text = self.tr("{count} result(s) saved.").format(count=len(done))
        if abnormal:
            text += " " + self.tr(
                "{count} abnormal: an alert is raised and the incident's log notes it."
            ).format(count=abnormal)
        if refused:
            text += " " + self.tr("{count} refused (in red; the reason on the row).").format(
                count=len(refused)
            )
        self.message.emit(text, "error" if refused else "ok")
        self.update_actions()
