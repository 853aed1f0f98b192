"""What the 长期监测 page reads on the worker before it shows anything: the incidents it
can show (every open incident, to start monitoring in, and any incident with monitoring,
closed ones too: monitoring outlives the incident) and the reference lists its forms
choose from; and the one setting it keeps (the agency of the last 今日待办 shown)."""

from desktop.core import choices
from desktop.ui.shell.settings import Option

AGENCY = Option("monitoring/agency", "")  # 今日待办's agency filter, the user's last choice


def lists_job(db) -> dict:
    return choices.load(db, "divisions", "agencies")


def incidents_job(db) -> list[dict]:
    """The incidents to choose from, each with `followed` (monitoring was started): those
    followed first (open ones, then closed), then the other open incidents; newest first."""
    from desktop.core import incidents
    from desktop.core.incidents import records
    from desktop.core.monitoring import report

    followed = report.followed(db)
    rows = {row["id"]: row for row in incidents.listing(db, active=True)}
    for incident_id in followed - set(rows):
        rows[incident_id] = records.get(db, incident_id)
    out = [{**row, "followed": row["id"] in followed} for row in rows.values()]
    out.sort(key=lambda r: r.get("reported_at") or "", reverse=True)
    out.sort(key=lambda r: (not r["followed"], r["status"] == "closed"))
    return out
