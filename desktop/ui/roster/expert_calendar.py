"""日历: the days on which experts cannot be called, highlighted on a calendar; for the
chosen day, who is unavailable (and why) and how many are available per specialty.

The roster is read once per refresh (a few hundred rows); each day is then worked out
on the GUI thread with experts.available, the rule the search uses."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import current_language
from desktop.core.roster import experts
from desktop.ui.reserves import lookups
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import ROSTER, watch
from desktop.ui.widgets.rows_model import Column, RowsModel

HIGHLIGHT = QColor("#f8d7d4")
MISSION = QColor("#fde7c2")
LIMIT = 100_000


def roster(db) -> list[dict]:
    return experts.search(db, limit=LIMIT, ctx=actor())


class ExpertCalendar(QWidget):
    """Signals:
    loaded(int): the roster was read and the calendar marked (how many experts).
    day_shown(str): the lists show a day (ISO date).
    """

    loaded = Signal(int)
    day_shown = Signal(str)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.rows: list[dict] = []
        self.marked: list[QDate] = []
        self.specialty_names: dict[str, str] = {}
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumSize(380, 280)
        language = current_language()
        self.calendar.setLocale(QLocale("en_GB" if language == "en" else "zh_CN"))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self.show_day)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark())
        legend = style.apply(
            QLabel(self.tr("Shaded days: at least one expert is unavailable or on a mission.")),
            "caption",
        )
        legend.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.calendar)
        column.addWidget(legend)
        column.addStretch(1)

        self.day = style.apply(QLabel(), "heading")
        self.away = RowsModel(
            [
                Column("name", self.tr("Full name")),
                Column("organisation", self.tr("Organisation")),
                Column("reason", self.tr("Why")),
            ],
            parent=self,
        )
        self.away_table = style.table(QTableView())
        self.away_table.setModel(self.away)
        self.counts = RowsModel(
            [
                Column("specialty", self.tr("Specialty")),
                Column("count", self.tr("Number available"), "number"),
                Column("names", self.tr("Experts available")),
            ],
            parent=self,
        )
        self.counts_table = style.table(QTableView())
        self.counts_table.setModel(self.counts)
        right = QWidget()
        lists_column = QVBoxLayout(right)
        lists_column.setContentsMargins(0, 0, 0, 0)
        lists_column.addWidget(self.day)
        lists_column.addWidget(QLabel(self.tr("Unavailable that day")))
        lists_column.addWidget(self.away_table, 1)
        lists_column.addWidget(QLabel(self.tr("Available that day, by specialty")))
        lists_column.addWidget(self.counts_table, 2)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        self.set_lists(lists)
        watch(self, worker, ROSTER)

    def set_lists(self, lists: dict) -> None:
        self.specialty_names = {r["code"]: lookups.localized(r) for r in lists["specialties"]}

    def refresh(self) -> None:
        self.worker.run(roster, self._loaded)

    def _loaded(self, rows: list[dict]) -> None:
        self.rows = rows
        self._mark()
        self.show_day()
        self.loaded.emit(len(rows))

    def select_date(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.show_day()

    # marking -----------------------------------------------------------------------------
    def _mark(self) -> None:
        """Shade the days of the month on screen (and its neighbours' visible days)."""
        for qdate in self.marked:
            self.calendar.setDateTextFormat(qdate, QTextCharFormat())
        self.marked = []
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        start, end = first - timedelta(days=7), first + timedelta(days=45)
        shaded = QTextCharFormat()
        shaded.setBackground(QBrush(HIGHLIGHT))
        days = set()
        for row in self.rows:
            if row["availability"] != "unavailable":
                continue
            a = max(date.fromisoformat(row["unavailable_from"] or start.isoformat()), start)
            b = min(date.fromisoformat(row["unavailable_to"] or end.isoformat()), end)
            while a <= b:
                days.add(a)
                a += timedelta(days=1)
        for day in days:
            qdate = QDate(day.year, day.month, day.day)
            self.calendar.setDateTextFormat(qdate, shaded)
            self.marked.append(qdate)
        if any(row["availability"] == "on_mission" for row in self.rows):
            today = QDate.currentDate()
            mission = QTextCharFormat(shaded)
            if today.toPython() not in days:
                mission.setBackground(QBrush(MISSION))
            mission.setFontWeight(700)
            self.calendar.setDateTextFormat(today, mission)
            self.marked.append(today)

    def is_marked(self, day: date) -> bool:
        fmt = self.calendar.dateTextFormat(QDate(day.year, day.month, day.day))
        return fmt.background().style() != Qt.BrushStyle.NoBrush

    # one day -----------------------------------------------------------------------------
    def show_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        away, counts = [], {code: [] for code in self.specialty_names}
        for row in self.rows:
            if experts.available(row, day):
                for code in row["specialties"]:
                    counts.setdefault(code, []).append(row["name"])
                continue
            if row["availability"] == "on_mission":
                reason = self.tr("On a mission")
            else:
                reason = self.tr("Unavailable {start}–{end}").format(
                    start=row["unavailable_from"] or "", end=row["unavailable_to"] or ""
                )
            away.append(
                {"name": row["name"], "organisation": row["organisation"], "reason": reason}
            )
        self.away.set_rows(away)
        self.counts.set_rows(
            [
                {
                    "specialty": self.specialty_names.get(code, code),
                    "count": len(names),
                    "names": "、".join(names),
                }
                for code, names in counts.items()
            ]
        )
        for table, model in ((self.away_table, self.away), (self.counts_table, self.counts)):
            if model.rowCount():
                style.fit_columns(table)
        self.day.setText(
            self.tr("{day}: {away} unavailable, {available} available").format(
                day=day.isoformat(), away=len(away), available=len(self.rows) - len(away)
            )
        )
        self.day_shown.emit(day.isoformat())
