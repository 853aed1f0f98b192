"""How the drills area names things: the drill vocabularies (kinds, statuses, triggers,
channels, states, actions, results, ratings) through the incidents area's labels, the
drill's time (T+h:mm:ss), the speeds a controller chooses from, and the one job that reads
the lists its forms choose from."""

from PySide6.QtCore import QCoreApplication

from desktop.core.drills import clock
from desktop.ui.incidents.labels import agency_caption, fill, localized, name, names

__all__ = ["agency_caption", "fill", "localized", "name", "names"]

SPEEDS = (1, 2, 5, 10, 30, 60)


def speed_text(speed: int) -> str:
    return f"×{speed}"


def t_plus(seconds: float | None) -> str:
    """A moment of the drill as T+h:mm:ss ('' when none)."""
    return "" if seconds is None else clock.shown(seconds)


def minutes_text(minutes: int) -> str:
    return QCoreApplication.translate("DrillLabels", "{minutes} min").format(minutes=minutes)


def lists_job(db) -> dict:
    """What the drill forms choose from: divisions, agencies, playbooks (approved)."""
    from desktop.core import choices
    from desktop.core.playbooks import reading

    lists = choices.load(db, "divisions", "agencies")
    newest: dict[str, dict] = {}
    for row in reading.listing(db):
        if row["status"] == "approved":
            newest[row["code"]] = row  # the listing is by version: the last one stays
    lists["playbooks"] = list(newest.values())
    return lists


def agency_captions(lists: dict) -> dict[str, str]:
    """Agency code → its short name in the user's language."""
    return {row["code"]: agency_caption(row) for row in lists.get("agencies", [])}
