"""The reference lists the reserves forms choose from (depots, categories, units,
divisions and agencies: desktop.core.choices), read in one worker job and shared by the
page's tabs and dialogs, and how they show in combo boxes."""

from PySide6.QtWidgets import QComboBox

from desktop.core import choices
from desktop.core.i18n import current_language
from desktop.core.vocab import label

LISTS = ("depots", "categories", "units", "divisions", "agencies")


def load(db) -> dict[str, list[dict]]:
    """The reserves' lists, for the worker."""
    return choices.load(db, *LISTS)


def localized(row: dict) -> str:
    """A reference row's name in the user's language (English names where known)."""
    if current_language() == "en" and row.get("name_en"):
        return row["name_en"]
    return row.get("name") or row.get("code", "")


def depot_caption(row: dict) -> str:
    return f"{row['code']}  {row['name']}"


def category_names(lists: dict) -> dict[str, str]:
    return {row["code"]: localized(row) for row in lists.get("categories", [])}


def fill(combo: QComboBox, entries, first: str | None = None, keep: bool = True) -> None:
    """Refill a combo with (caption, data) pairs, keeping the current choice when it remains."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for caption, data in entries:
        combo.addItem(caption, data)
    found = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(found if found >= 0 else 0)
    combo.blockSignals(False)


def depot_entries(lists: dict):
    return [(depot_caption(row), row["code"]) for row in lists.get("depots", [])]


def category_entries(lists: dict):
    return [(localized(row), row["code"]) for row in lists.get("categories", [])]


def level_entries(levels):
    return [(label(level), level) for level in levels]
