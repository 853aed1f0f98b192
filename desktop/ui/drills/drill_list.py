"""The list of drills on the 演练 page (records.listing): number, name, kind, status as a
person sees it (a running drill whose clock is stopped is 暂停), injects, started and
ended; running drills in bold, closed ones in grey."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from desktop.ui.drills import labels
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

LIMIT = 500


def listing_job(search: str):
    def job(db):
        from desktop.core.drills import records

        return records.listing(db, search)[:LIMIT]

    return job


class DrillsModel(RowsModel):
    """The drills of records.listing; UserRole gives the row."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("number", QCoreApplication.translate("DrillList", "Number")),
                Column("name", QCoreApplication.translate("DrillList", "Name")),
                Column(
                    "kind",
                    QCoreApplication.translate("DrillList", "Kind"),
                    "map",
                    labels.names("drill_kind"),
                ),
                Column(
                    "status_shown",
                    QCoreApplication.translate("DrillList", "Status"),
                    "map",
                    labels.names("drill_status"),
                ),
                Column("injects", QCoreApplication.translate("DrillList", "Injects"), "number"),
                Column("started", QCoreApplication.translate("DrillList", "Started")),
                Column("ended", QCoreApplication.translate("DrillList", "Ended")),
            ],
            parent=parent,
        )

    def set_drills(self, rows: list[dict]) -> None:
        for row in rows:
            row["started"] = when(row.get("started_at"))
            row["ended"] = when(row.get("ended_at"))
        self.set_rows(rows)

    def find(self, drill_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if drill_id in (row["id"],
                     row["number"])), -1)  # fmt: skip

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] == "evaluated":
            return style.UNUSABLE
        if role == Qt.ItemDataRole.FontRole and row["status"] == "running":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[index.column()].key == "name":
            return row["name"]
        return super().data(index, role)
