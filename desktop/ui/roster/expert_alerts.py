"""证书预警: qualifications and certificates expired (red) or expiring within 90 days
(amber), earliest first, as experts.qualification_alerts gives them."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.core.roster import experts
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import ROSTER, watch
from desktop.ui.widgets.empty_hint import empty_hint
from desktop.ui.widgets.rows_model import Column, RowsModel


class QualificationAlertsView(QWidget):
    """Signals:
    loaded(int): the alerts are on screen (how many).
    expert_activated(str): a row was double-clicked (the expert's id).
    """

    loaded = Signal(int)
    expert_activated = Signal(str)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.model = RowsModel(
            [
                Column("expert", self.tr("Expert")),
                Column("certificate", self.tr("Certificate")),
                Column("number", self.tr("Number")),
                Column("expires_on", self.tr("Expires on")),
                Column("when", self.tr("Status")),
            ],
            foreground=lambda row: style.EXPIRED if row["days_left"] < 0 else style.NEAR_EXPIRY,
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.hint = empty_hint(
            self.table,
            self.tr("No expert's certificate expires within {days} days.").format(
                days=experts.ALERT_DAYS
            ),
        )
        self.table.doubleClicked.connect(
            lambda index: self.expert_activated.emit(self.model.row(index.row())["expert_id"])
        )
        self.summary = style.apply(QLabel(), "caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        watch(self, worker, ROSTER)

    def set_lists(self, lists: dict) -> None:
        pass  # nothing here depends on the reference lists

    def refresh(self) -> None:
        self.worker.run(
            lambda db: experts.qualification_alerts(db, days=experts.ALERT_DAYS), self._loaded
        )

    def _loaded(self, rows: list[dict]) -> None:
        for row in rows:
            days = row["days_left"]
            if days < 0:
                row["when"] = self.tr("Expired {days} days ago").format(days=-days)
            elif days == 0:
                row["when"] = self.tr("Expires today")
            else:
                row["when"] = self.tr("Expires in {days} days").format(days=days)
        self.model.set_rows(rows)
        if rows:
            style.fit_columns(self.table)
        expired = sum(1 for row in rows if row["days_left"] < 0)
        self.summary.setText(
            self.tr(
                "{expired} expired, {near} expiring within {days} days (double-click: the expert)."
            ).format(expired=expired, near=len(rows) - expired, days=experts.ALERT_DAYS)
        )
        self.loaded.emit(len(rows))
