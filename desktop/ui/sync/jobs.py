"""Worker jobs of the 同步 page: what it shows (with the stations whose clocks ran far
ahead), and export and import with their summary (overdrawn balances and conflicts before
and after, clocks flagged by the import).

Each function receives the worker's database and touches no widget. Refusals (BioError,
bundles.BundleRefused) are left to jobs.refusable."""

from datetime import datetime
from pathlib import Path

from desktop.core.reserves import alerts
from desktop.core.store import conflicts
from desktop.sync import bundles, entitlement
from desktop.sync import keys as sync_keys
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import times

HISTORY_LIMIT = 500


def when(text: str | None) -> str | None:
    """An ISO time as a person reads it: 2026-11-29 14:53:57 (local time, as stored)."""
    return text[:19].replace("T", " ") if text else text


def clock_flags(db) -> list[dict]:
    """conflicts.clock_flags with the time noted in local time (`noted`)."""
    return [{**flag, "noted": times.when(flag["noted_at"])} for flag in conflicts.clock_flags(db)]


def state(db) -> dict:
    """This station, the enrolled stations, the bundle history (newest first), and the
    stations whose clocks ran far ahead of this one's."""
    own = sync_keys.own(db)
    history = []
    for row in bundles.history(db, HISTORY_LIMIT):
        row["file"] = Path(row["path"]).name
        row["at"] = when(row["at"])
        history.append(row)
    return {
        "station": {
            "origin": own.origin,
            "code": own.code,
            "name": own.name,
            "fingerprint": own.fingerprint,
        },
        "stations": [
            {
                **row,
                "trusted_at": when(row["trusted_at"]),
                "last_heard": when(row["last_heard"]),
                "entitled": sorted(entitlement.entitled(db, row["origin"])),
            }
            for row in sync_keys.list_trusted(db)
        ],
        "history": history,
        "clock_flags": clock_flags(db),
    }


def bundle_name(code: str, when: datetime | None = None) -> str:
    """bioreserve-<code>-<timestamp>.zip, sortable, safe on a FAT-formatted USB stick."""
    when = when or datetime.now()
    return f"bioreserve-{code}-{when.strftime('%Y%m%d-%H%M%S')}.zip"


def export_job(folder: Path, for_origin: str | None):
    """A job writing a bundle into the folder under bundle_name(this station's code)."""
    ctx = actor()

    def job(db) -> bundles.ExportResult:
        path = Path(folder) / bundle_name(sync_keys.own(db).code)
        return bundles.export(db, path, for_origin, ctx)

    return job


def trust_job(path: Path, fingerprint: str, classes: dict[str, bool]):
    """A job trusting the key at path (its fingerprint compared) and entitling the station
    to the classes of personal rows granted (none: a new trust is entitled to nothing)."""
    ctx = actor()

    def job(db) -> dict:
        data = sync_keys.trust(db, path, fingerprint, ctx)
        granted = {cls: True for cls, on in classes.items() if on}
        if granted:
            entitlement.set_entitlement(db, ctx, data["origin"], granted)
        return {**data, "entitled": sorted(entitlement.entitled(db, data["origin"]))}

    return job


def entitle_job(origin: str, changes: dict[str, bool]):
    """A job granting or withdrawing classes of personal rows for a trusted station."""
    ctx = actor()
    return lambda db: entitlement.set_entitlement(db, ctx, origin, changes)


def overdrawn(db) -> int:
    """Stock balances below zero (alerts' "negative"), without the rest of the alerts."""
    return len(list(db.query(alerts.NEGATIVE)))


def import_job(path: Path):
    """A job importing the bundle; returns the result, the overdrawn balances and the open
    conflicts before and after, and the far-ahead clocks this import noted."""
    ctx = actor()

    def job(db) -> dict:
        before = overdrawn(db)
        conflicts_before = conflicts.count(db)
        flagged = {f["origin"]: (f["noted_at"], f["ahead_hours"]) for f in clock_flags(db)}
        result = bundles.import_(db, Path(path), ctx)
        return {
            "result": result,
            "overdrawn_before": before,
            "overdrawn_after": overdrawn(db),
            "conflicts_before": conflicts_before,
            "conflicts_after": conflicts.count(db),
            "clock_flags": [
                f
                for f in clock_flags(db)
                if flagged.get(f["origin"]) != (f["noted_at"], f["ahead_hours"])
            ],
        }

    return job
