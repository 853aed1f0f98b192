"""监测计划: the incident's schedules — for a cohort or a site: what is measured, every N
days for M days from a start, the normal range, the agency — with their state (running,
finished, ended early with its reason), 添加监测计划… and 提前结束…."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox

from desktop.core.monitoring import schedules, sites
from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.incidents.tables import fit
from desktop.ui.monitoring import labels as words
from desktop.ui.monitoring.forms import MarkedForm, agency_combo, date_edit
from desktop.ui.monitoring.list_tab import ListTab
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel

SUBJECT = 1


class SchedulesModel(RowsModel):
    """Schedules of schedules.listing; finished and ended ones in grey, the reason of an
    early end as the state's tooltip."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("measure", QCoreApplication.translate("SchedulesTab", "Measure")),
                Column("subject", QCoreApplication.translate("SchedulesTab", "Cohort or site")),
                Column("frequency", QCoreApplication.translate("SchedulesTab", "Frequency")),
                Column("start_on", QCoreApplication.translate("SchedulesTab", "Start")),
                Column("last_day", QCoreApplication.translate("SchedulesTab", "Last check")),
                Column("range", QCoreApplication.translate("SchedulesTab", "Normal range")),
                Column("agency_name", QCoreApplication.translate("SchedulesTab", "Agency")),
                Column(
                    "subjects", QCoreApplication.translate("SchedulesTab", "Subjects"), "number"
                ),
                Column("state_name", QCoreApplication.translate("SchedulesTab", "State")),
            ],
            lambda row: None if row["state"] == "active" else style.UNUSABLE,
            parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            if row["state"] == "ended":
                return QCoreApplication.translate(
                    "SchedulesTab", "Ended on {date}: {reason}"
                ).format(date=row["ended_on"], reason=row["end_reason"])
        return super().data(index, role)


class SchedulesTab(ListTab):
    """The schedules of one incident's monitoring (with its sites, which they may check)."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.lists = lists
        self.agencies = labels.agency_names(lists)
        bar = self.buttons(
            [
                ("add_schedule", self.tr("Add schedule…")),
                ("end_schedule", self.tr("End early…")),
            ]
        )
        self.lay_out(bar, SchedulesModel(self), SUBJECT)

    def load_job(self, incident: dict):
        ref = incident["id"]
        return lambda db: {"schedules": schedules.listing(db, ref), "sites": sites.listing(db, ref)}

    def show_data(self, data) -> None:
        rows = (data or {}).get("schedules", [])
        for row in rows:
            row["subject"] = words.subject(row)
            row["frequency"] = words.frequency(row["every_days"], row["for_days"])
            shown = words.normal_range(row["normal_min"], row["normal_max"])
            row["range"] = f"{shown} {row['unit']}".strip() if shown else ""
            row["agency_name"] = self.agencies.get(row["agency"], row["agency_name"] or "")
            row["state_name"] = words.state(row["state"])
        self.model.set_rows(rows)
        fit(self.table)
        running = sum(1 for row in rows if row["state"] == "active")
        self.count.setText(
            self.tr("{count} schedule(s) · {running} running").format(
                count=len(rows), running=running
            )
        )

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        chosen = self.selected()
        self.tab_buttons["add_schedule"].setEnabled(self.data is not None)
        self.tab_buttons["end_schedule"].setEnabled(bool(chosen) and not chosen["ended_on"])

    def add_schedule(self):
        if self.incident is None or self.data is None:
            return None
        dialog = ScheduleDialog(self.worker, self.incident, self.lists, self.data["sites"], self)
        return self.open_dialog(dialog, lambda _made: self.tr("Schedule added."))

    def end_schedule(self):
        chosen = self.selected()
        if chosen is None or chosen["ended_on"]:
            return None
        dialog = EndDialog(self.worker, chosen, self)
        return self.open_dialog(
            dialog, lambda row: self.tr("Schedule ended on {date}.").format(date=row["ended_on"])
        )


class ScheduleDialog(MarkedForm):
    """添加监测计划: for a cohort or a site, what is measured (unit, normal range), every N
    days for M days from a start, and the agency (by default 市卫生健康委 for people, the
    site's own agency for a site)."""

    def __init__(self, worker, incident: dict, lists: dict, site_rows: list[dict], parent=None):
        super().__init__(worker, self.tr("Add schedule — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.subject = QComboBox()
        for code, caption in labels.names("cohort").items():
            self.subject.addItem(caption, f"cohort:{code}")
        for site in site_rows:
            caption = f"{labels.name('site_kind', site['kind'])}：{site['place']}"
            self.subject.addItem(caption, f"site:{site['id']}")
        self.measure = QComboBox()
        self.measure.setEditable(True)
        self.measure.addItems(
            [
                self.tr("Temperature"),
                self.tr("Symptoms"),
                self.tr("Water sample test"),
                self.tr("Soil sample test"),
                self.tr("Air sample test"),
                self.tr("Surface swab test"),
            ]
        )
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. ℃, CFU/mL"))
        self.every = QSpinBox()
        self.every.setRange(1, schedules.MAX_EVERY)
        self.every.setSuffix(self.tr(" day(s)"))
        self.for_days = QSpinBox()
        self.for_days.setRange(1, schedules.MAX_DAYS)
        self.for_days.setValue(21)
        self.for_days.setSuffix(self.tr(" day(s)"))
        self.start = date_edit()
        self.low = QLineEdit()
        self.low.setPlaceholderText(self.tr("Optional"))
        self.high = QLineEdit()
        self.high.setPlaceholderText(self.tr("Optional, e.g. 37.2"))
        self.agency = agency_combo(lists, self.tr("Default (health commission, or the site's)"))
        self.form.addRow(self.tr("Cohort or site"), self.subject)
        self.form.addRow(self.tr("Measure"), self.measure)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Every"), self.every)
        self.form.addRow(self.tr("For"), self.for_days)
        self.form.addRow(self.tr("Start"), self.start)
        self.form.addRow(self.tr("Normal from"), self.low)
        self.form.addRow(self.tr("Normal to"), self.high)
        self.form.addRow(self.tr("Agency"), self.agency)
        note = style.apply(
            QLabel(
                self.tr(
                    "A person's checks start on their exposure date when that is later. A "
                    "value outside the normal range is an abnormal result: it raises an alert "
                    "and is noted in the incident's log."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.fields.update(cohort=self.subject, site=self.subject, measure=self.measure,
                           unit=self.unit, every_days=self.every, for_days=self.for_days,
                           start_on=self.start, normal_min=self.low, normal_max=self.high,
                           agency=self.agency)  # fmt: skip

    def values(self) -> dict:
        kind, ref = self.subject.currentData().split(":", 1)
        return {
            kind: ref,
            "measure": self.measure.currentText(),
            "unit": self.unit.text(),
            "every_days": self.every.value(),
            "for_days": self.for_days.value(),
            "start_on": self.start.value(),
            "normal_min": self.low.text(),
            "normal_max": self.high.text(),
            "agency": self.agency.currentData(),
        }

    def job(self):
        ref, ctx, given = self.incident["id"], actor(), self.values()
        return lambda db: schedules.add(db, ctx, ref, given)


class EndDialog(MarkedForm):
    """提前结束: the last day (today by default) and why the monitoring ends early."""

    def __init__(self, worker, schedule: dict, parent=None):
        super().__init__(worker, self.tr("End schedule early — {measure}").format(
            measure=schedule["measure"]), parent)  # fmt: skip
        self.schedule = schedule
        self.day = date_edit()
        self.day.setMinimumDate(schedule["start_on"])
        self.reason = text_box(3, self.tr("e.g. the source was ruled out by the laboratory"))
        what = QLabel(f"{schedule['measure']} · {schedule['subject']}")
        self.form.addRow(self.tr("Schedule"), what)
        self.form.addRow(self.tr("Last day"), self.day)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(ended_on=self.day, reason=self.reason)

    def job(self):
        ref, ctx = self.schedule["id"], actor()
        day, reason = self.day.value(), self.reason.toPlainText()
        return lambda db: schedules.end(db, ctx, ref, reason, day)
