"""The list of incidents on the 事件 page (incidents.listing): number, title, hazard,
grade, status, division, reported time, tasks and overdue tasks (red and bold when
any); closed incidents in grey."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from desktop.ui.incidents import labels
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column, RowsModel

LIMIT = 500


def listing_job(active: bool, search: str):
    """A function of the database returning the incidents to show, newest first."""

    def job(db):
        from desktop.core import incidents

        return incidents.listing(db, active=active, search=search, limit=LIMIT)

    return job


class IncidentsModel(RowsModel):
    """The incidents of incidents.listing; UserRole gives the row."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("number", QCoreApplication.translate("IncidentList", "Number")),
                Column("title", QCoreApplication.translate("IncidentList", "Title")),
                Column(
                    "hazard",
                    QCoreApplication.translate("IncidentList", "Hazard"),
                    "map",
                    labels.names("hazard"),
                ),
                Column(
                    "grade",
                    QCoreApplication.translate("IncidentList", "Grade"),
                    "map",
                    labels.names("grade"),
                ),
                Column(
                    "status",
                    QCoreApplication.translate("IncidentList", "Status"),
                    "map",
                    labels.names("incident_status"),
                ),
                Column("division_name", QCoreApplication.translate("IncidentList", "Division")),
                Column("reported", QCoreApplication.translate("IncidentList", "Reported")),
                Column("tasks", QCoreApplication.translate("IncidentList", "Tasks"), "number"),
                Column(
                    "overdue_tasks",
                    QCoreApplication.translate("IncidentList", "Overdue tasks"),
                    "number",
                ),
            ],
            parent=parent,
        )

    def set_incidents(self, rows: list[dict], divisions: dict[str, str] | None = None) -> None:
        """Rows of incidents.listing; divisions: code → name in the user's language."""
        for row in rows:
            row["reported"] = labels.short_time(row.get("reported_at"))
            if divisions and row.get("division") in divisions:
                row["division_name"] = divisions[row["division"]]
        self.set_rows(rows)

    def find(self, incident_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row["id"] == incident_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        late = key == "overdue_tasks" and row.get("overdue_tasks")
        if role == Qt.ItemDataRole.ForegroundRole:
            if late:
                return style.EXPIRED
            if row.get("status") == "closed":
                return style.UNUSABLE
            return None
        if role == Qt.ItemDataRole.FontRole and late:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row.get("title")
        if role == Qt.ItemDataRole.DisplayRole and key == "overdue_tasks" and not late:
            return "0"
        return super().data(index, role)
