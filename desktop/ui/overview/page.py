"""总览: the figures that tell a duty officer where the reserves stand — counts,
alerts, compliance with the reserve norms by category, and what expires when."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import i18n, overview
from desktop.ui.widgets import style

# Start-up: the charts and the depot table are made just after the first paint
# (complete()). Their modules import PySide6's `Qt` namespace, whose enums take ~15 ms
# to create, and the first QTableView ~6 ms; placeholders of the same size keep the
# layout meanwhile.
CHART_MIN_HEIGHT = 170  # charts._Chart's minimum height
TABLE_MIN_HEIGHT = 220

ALERT_KINDS = ("below_norm", "out_of_stock", "near_expiry", "expired", "negative")
SOON_MONTHS = 3  # the timeline's first months, in amber


class FigureCard(QFrame):
    """A large number with its caption."""

    def __init__(self, caption: str, parent=None, warn: bool = False, role: str | None = None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        style.apply(self.value, role or ("figureWarn" if warn else "figure"))
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        style.apply(self.caption, "caption")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")


class LinkCard(FigureCard):
    """A figure card that leads somewhere when clicked.

    Signals:
        clicked(): the card was clicked.
    """

    clicked = Signal()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit()


def incident_summary(db) -> dict:
    """The incidents 总览 shows, for the worker (the module is imported there, not at
    start-up)."""
    from desktop.core import incidents

    return incidents.summary(db)


def monitoring_attention(db) -> dict:
    """What 总览 counts of the long-term monitoring, for the worker: checks due today,
    overdue checks, open alerts."""
    from desktop.core.monitoring import report

    return report.attention(db)


def _month_label(month: str, locale) -> str:
    from PySide6.QtCore import QLocale

    return locale.monthName(int(month[5:7]), QLocale.FormatType.ShortFormat)


class OverviewPage(QWidget):
    """Cards with counts and alerts, two charts and a stock summary per depot, loaded on
    the worker in one job (overview.dashboard).

    Signals:
        loaded(dict): new figures are on screen.
        incidents_loaded(dict): the incident cards are up to date (incidents.summary).
        incidents_requested(): an incident card was clicked (show the 事件 page).
        alerts_requested(): a stock alert card was clicked (show 物资储备's 预警 tab).
        sync_requested(): the conflicts card was clicked (show the 同步 page).
        monitoring_loaded(dict): the monitoring cards are up to date (report.attention).
        monitoring_requested(str): a monitoring card was clicked (show that tab of the
            长期监测 page: due or alerts).
    """

    loaded = Signal(dict)
    incidents_loaded = Signal(dict)
    incidents_requested = Signal()
    alerts_requested = Signal()
    sync_requested = Signal()
    monitoring_loaded = Signal(dict)
    monitoring_requested = Signal(str)

    def __init__(self, worker, demo: bool, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.figures: dict = {}
        content = QWidget()
        layout = QVBoxLayout(content)
        title = QLabel(self.tr("Overview"))
        style.apply(title, "pageTitle")
        layout.addWidget(title)
        self.banner = QLabel(
            self.tr(
                "DEMONSTRATION DATA: this database holds a demonstration data set and "
                "must not be used for real operations."
            )
        )
        self.banner.setObjectName("demoBanner")
        style.apply(self.banner, "banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(demo)
        layout.addWidget(self.banner)
        self.cards = {
            "depots": FigureCard(self.tr("Depots")),
            "items": FigureCard(self.tr("Catalogue items")),
            "lots_in_stock": FigureCard(self.tr("Lots in stock")),
            "near_expiry_lots": FigureCard(
                self.tr("Lots expiring within {days} days").format(days=overview.NEAR_EXPIRY_DAYS),
                warn=True,
            ),
            "expired_lots": FigureCard(self.tr("Expired lots in stock"), warn=True),
            "experts": FigureCard(self.tr("Experts")),
            "agencies": FigureCard(self.tr("Member agencies")),
            "divisions": FigureCard(self.tr("Administrative divisions")),
        }
        grid = QGridLayout()
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 4, n % 4)
        layout.addLayout(grid)

        layout.addWidget(style.apply(QLabel(self.tr("Incidents")), "heading"))
        self.incident_cards = {
            "active": LinkCard(self.tr("Open incidents"), role="figureAmber"),
            "overdue_tasks": LinkCard(self.tr("Overdue tasks"), warn=True),
            "overdue_reports": LinkCard(self.tr("Overdue information reports"), warn=True),
        }
        incidents_row = QHBoxLayout()
        for card in self.incident_cards.values():
            card.setToolTip(self.tr("Show the incidents"))
            card.clicked.connect(self.incidents_requested)
            incidents_row.addWidget(card)
        layout.addLayout(incidents_row)

        layout.addWidget(style.apply(QLabel(self.tr("Long-term monitoring")), "heading"))
        self.monitoring_cards = {
            "due_today": LinkCard(self.tr("Checks due today"), role="figureAmber"),
            "overdue": LinkCard(self.tr("Overdue checks"), warn=True),
            "alerts": LinkCard(self.tr("Open abnormal alerts"), warn=True),
        }
        monitoring_row = QHBoxLayout()
        for key, card in self.monitoring_cards.items():
            card.setToolTip(self.tr("Show the long-term monitoring"))
            tab = "alerts" if key == "alerts" else "due"
            card.clicked.connect(lambda t=tab: self.monitoring_requested.emit(t))
            monitoring_row.addWidget(card)
        layout.addLayout(monitoring_row)

        layout.addWidget(style.apply(QLabel(self.tr("Alerts")), "heading"))
        self.alert_cards = {
            "below_norm": LinkCard(self.tr("Below norm"), role="figureAmber"),
            "out_of_stock": LinkCard(self.tr("Out of stock"), warn=True),
            "near_expiry": LinkCard(self.tr("Near expiry"), role="figureAmber"),
            "expired": LinkCard(self.tr("Expired"), warn=True),
            "negative": LinkCard(self.tr("Negative balances (to count)"), warn=True),
            "conflicts": LinkCard(self.tr("Sync conflicts (to choose, on 同步)"), warn=True),
        }
        alerts_row = QHBoxLayout()
        for key, card in self.alert_cards.items():
            if key == "conflicts":
                card.setToolTip(self.tr("Show the synchronization page"))
                card.clicked.connect(self.sync_requested)
            else:
                card.setToolTip(self.tr("Show the stock alerts"))
                card.clicked.connect(self.alerts_requested)
            alerts_row.addWidget(card)
        self.alert_cards["negative"].hide()
        self.alert_cards["conflicts"].hide()
        layout.addLayout(alerts_row)

        self.compliance_chart = self.timeline_chart = None  # made by complete()
        self.model = None
        self._chart_slots: list[tuple[QVBoxLayout, QWidget]] = []
        charts = QHBoxLayout()
        for heading, note in (
            (
                self.tr("Reserve level against norm by category"),
                self.tr("Norm lines met on average (usable stock, each line capped at 100 %)"),
            ),
            (
                self.tr("Expiry timeline"),
                self.tr("Stock lots expiring per month, next 12 months; the first bar: expired"),
            ),
        ):
            column = QVBoxLayout()
            column.addWidget(style.apply(QLabel(heading), "heading"))
            caption = style.apply(QLabel(note), "muted")
            caption.setWordWrap(True)
            column.addWidget(caption)
            placeholder = QWidget()
            placeholder.setMinimumHeight(CHART_MIN_HEIGHT)
            placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            column.addWidget(placeholder, 1)
            self._chart_slots.append((column, placeholder))
            charts.addLayout(column, 1)
        layout.addLayout(charts)

        heading = QLabel(self.tr("Stock by depot"))
        style.apply(heading, "heading")
        layout.addWidget(heading)
        self.table = None  # made by complete(): the first QTableView costs ~6 ms
        self._table_slot = QWidget()
        self._table_slot.setMinimumHeight(TABLE_MIN_HEIGHT)
        layout.addWidget(self._table_slot, 1)
        self._layout = layout
        self.status = QLabel(self.tr("Loading…"))
        style.apply(self.status, "muted")
        status_row = QHBoxLayout()  # right-aligned by a stretch (no `Qt` enum before the paint)
        status_row.addStretch(1)
        status_row.addWidget(self.status)
        layout.addLayout(status_row)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def set_demo(self, demo: bool) -> None:
        """Show or hide the demonstration-data banner (known once the database is open)."""
        self.banner.setVisible(demo)

    def complete(self) -> None:
        """Make the charts and the depot table (once): the main window calls this after
        its first paint; figures arriving call it too."""
        if self.model is not None:
            return
        from PySide6.QtCore import Qt

        from desktop.ui.overview.depot_summary import DepotSummaryModel
        from desktop.ui.widgets.charts import ColumnChart, HBarChart

        for card in (*self.incident_cards.values(), *self.monitoring_cards.values()):
            card.setCursor(Qt.CursorShape.PointingHandCursor)
        self.compliance_chart = HBarChart(unit=" %", reference=100)
        self.timeline_chart = ColumnChart()
        for (column, placeholder), chart in zip(
            self._chart_slots, (self.compliance_chart, self.timeline_chart), strict=True
        ):
            column.replaceWidget(placeholder, chart)
            placeholder.hide()
            placeholder.deleteLater()
        self._chart_slots = []
        self.model = DepotSummaryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)
        self._layout.replaceWidget(self._table_slot, self.table)
        self._table_slot.hide()
        self._table_slot.deleteLater()

    def refresh(self) -> None:
        """Figures first (quick), then alerts and charts in a second job: the window
        is on screen before the heavier queries start."""
        self.status.setText(self.tr("Loading…"))
        self.worker.run(overview.figures, self._show_figures)

    def _show_figures(self, figures: dict) -> None:
        self.complete()
        self.figures = figures
        for key, card in self.cards.items():
            card.set_value(figures[key])
        self.model.set_rows(figures["depot_rows"])
        from desktop.ui.widgets import table_columns  # after the first paint

        table_columns.fit(self.table)  # the depot's name stretched; widths set by hand kept
        self.worker.run(overview.attention, self._show)

    def _show(self, attention: dict) -> None:
        self.complete()
        figures = self.figures = {**self.figures, **attention}
        counts = figures["alert_counts"]
        for key, card in self.alert_cards.items():
            card.set_value(counts.get(key, 0))
        self.alert_cards["near_expiry"].caption.setText(
            self.tr("Near expiry (within {days} days)").format(days=figures["thresholds"][-1])
        )
        self.alert_cards["negative"].setVisible(bool(counts.get("negative")))
        self.alert_cards["conflicts"].setVisible(bool(counts.get("conflicts")))
        self._show_compliance(figures["compliance"]["categories"])
        self._show_timeline(figures["timeline"])
        self.status.setText(self.tr("Updated"))
        self.loaded.emit(figures)
        self.worker.run(incident_summary, self._show_incidents)

    def _show_incidents(self, summary: dict) -> None:
        for key, card in self.incident_cards.items():
            card.set_value(summary[key])
        self.incidents_loaded.emit(summary)
        self.worker.run(monitoring_attention, self._show_monitoring)

    def _show_monitoring(self, attention: dict) -> None:
        for key, card in self.monitoring_cards.items():
            card.set_value(attention[key])
        self.monitoring_loaded.emit(attention)

    def _show_compliance(self, categories: list[dict]) -> None:
        from desktop.ui.widgets.charts import Bar

        english = i18n.current_language() == "en"
        bars = []
        for row in categories:
            if row["percent"] is None:
                continue
            name = row.get("name_en") if english else row["name"]
            tip = self.tr("{category}: {percent} % — {met} of {lines} norm lines met").format(
                category=name, percent=f"{row['percent']:.1f}", met=row["met"], lines=row["lines"]
            )
            bars.append(Bar(name, row["percent"], tip))
        self.compliance_chart.set_bars(bars)

    def _show_timeline(self, timeline: dict) -> None:
        from PySide6.QtCore import QLocale  # here: its enums are many

        from desktop.ui.widgets.charts import Bar

        english = i18n.current_language() == "en"
        locale = QLocale(QLocale.Language.English if english else QLocale.Language.Chinese)
        expired = timeline["expired"]
        bars = [
            Bar(
                self.tr("Expired", "short label under a chart column"),
                expired["lots"],
                self.tr("Expired and still in stock: {lots} lots").format(
                    lots=f"{expired['lots']:,}"
                ),
                style.CHART_BAD,
            )
        ]
        for n, month in enumerate(timeline["months"]):
            when = locale.toString(
                locale.toDate(month["month"] + "-01", "yyyy-MM-dd"),
                "MMMM yyyy" if english else "yyyy年M月",
            )
            bars.append(
                Bar(
                    _month_label(month["month"], locale),
                    month["lots"],
                    self.tr("{month}: {lots} lots expiring").format(
                        month=when, lots=f"{month['lots']:,}"
                    ),
                    style.CHART_WARN if n < SOON_MONTHS else None,
                )
            )
        self.timeline_chart.set_bars(bars)
