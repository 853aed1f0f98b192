"""How the incidents area names things: the stored vocabularies (hazards, grades,
statuses, …) by their names in the user's language (desktop/core/vocab.py, both
languages), reference rows, times, and the one job that reads the lists its forms
choose from (divisions, agencies, specialties, depots)."""

from datetime import datetime

from PySide6.QtWidgets import QComboBox

from desktop.core import choices, vocab
from desktop.core.i18n import current_language
from desktop.ui.widgets.times import when

INCIDENT_STATUSES = tuple(vocab.INCIDENT_STATUSES)
TASK_STATUSES = tuple(vocab.TASK_STATUSES)
GRADES = tuple(vocab.GRADES)


def name(kind: str, code: str | None) -> str:
    """A stored code (hazard, grade, incident_status, confirmation, task_status,
    report_kind, log_kind) as the user's language shows it."""
    return vocab.name(kind, code) if code else ""


def names(kind: str) -> dict[str, str]:
    return {code: vocab.name(kind, code) for code in vocab.VOCABULARIES[kind]}


def fill(combo: QComboBox, kind: str, first: str | None = None) -> None:
    """A combo of a vocabulary's names (data: the codes), optionally led by `first` (None)."""
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for code, caption in names(kind).items():
        combo.addItem(caption, code)


def localized(row: dict) -> str:
    """A reference row's name in the user's language (English names where known)."""
    if current_language() == "en" and row.get("name_en"):
        return row["name_en"]
    return row.get("name") or row.get("code", "")


def agency_caption(row: dict) -> str:
    """An agency's short name: 市卫生健康委; in English its name without the city's
    prefix (Health Commission)."""
    if current_language() == "en" and row.get("name_en"):
        return row["name_en"].removeprefix("Hengyang Municipal ")
    return row.get("short_name") or row.get("name") or row.get("code", "")


def specialty_names(lists: dict) -> dict[str, str]:
    return {row["code"]: localized(row) for row in lists.get("specialties", [])}


def agency_names(lists: dict) -> dict[str, str]:
    """Agency code → its short name (the board's groups, filters)."""
    return {row["code"]: agency_caption(row) for row in lists.get("agencies", [])}


def agency_full_names(lists: dict) -> dict[str, str]:
    """Agency code → its full name in the user's language."""
    return {row["code"]: localized(row) for row in lists.get("agencies", [])}


def phase_name(code: str, stored: str) -> str:
    """A playbook phase by its code in the user's language (the stored title else)."""
    from desktop.ui.playbooks.labels import phases

    return phases().get(code) or stored


def short_time(iso: str | None) -> str:
    """MM-DD HH:MM in local time (this year), else YYYY-MM-DD HH:MM."""
    text = when(iso)
    if len(text) == 16 and text[:4] == str(datetime.now().year):
        return text[5:]
    return text


def is_past(iso: str | None, at: datetime | None = None) -> bool:
    if not iso:
        return False
    return datetime.fromisoformat(iso) < (at or datetime.now().astimezone())


def lists_job(db) -> dict:
    """What the incident forms and the board choose from, for the worker."""
    return choices.load(db, "divisions", "agencies", "specialties", "depots")
