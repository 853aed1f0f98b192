"""What 总览 shows of incidents: those not closed, their overdue tasks and overdue
information reports."""

from datetime import datetime

import desktop.core.incidents.experts as experts
import desktop.core.incidents.records as records
import desktop.core.incidents.reports as reports
import desktop.core.incidents.tasks as tasks
from desktop.core.store.handle import Database


def summary(db: Database, at: datetime | None = None) -> dict:
    """{active, overdue_tasks, overdue_reports, incidents: [the active ones, newest first,
    with their overdue tasks and reports], reports: the overdue ones, dispatch_problems:
    experts out twice or for a closed incident (experts.problems)}."""
    at = at or records.now()
    late_reports = reports.overdue(db, at)
    per_incident: dict[str, int] = {}
    for report in late_reports:
        per_incident[report["incident"]] = per_incident.get(report["incident"], 0) + 1
    active = records.listing(db, active=True, at=at, limit=50)
    for row in active:
        row["overdue_reports"] = per_incident.get(row["id"], 0)
    return {
        "active": db.execute(
            "SELECT count(*) FROM incident WHERE status != 'closed' AND deleted = 0"
        ).fetchone()[0],
        "overdue_tasks": tasks.overdue_count(db, at),
        "overdue_reports": len(late_reports),
        "incidents": active,
        "reports": late_reports,
        "dispatch_problems": experts.problems(db),
    }
