"""Every user setting in one registry, backed by QSettings.

Widgets never read QSettings directly; they ask Settings for a named option.
"""

from typing import NamedTuple

from PySide6.QtCore import QSettings

ORGANIZATION = "Hengyang"
APPLICATION = "BioReserve"


class Option(NamedTuple):  # not a dataclass: `dataclasses` is not on the way to the window
    key: str
    default: str


LANGUAGE = Option("ui/language", "zh_CN")
LAST_DATABASE = Option("database/last_path", "")
WINDOW_GEOMETRY = Option("ui/window_geometry", "")


def column_widths(table: str) -> Option:
    """The widths a user gave a table's columns by dragging them (widgets/table_columns):
    JSON, column count → column → pixels; one option per table."""
    return Option(f"columns/{table}", "")


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings(ORGANIZATION, APPLICATION)

    def get(self, option: Option) -> str:
        value = self._q.value(option.key, option.default)
        return value if isinstance(value, str) else option.default

    def set(self, option: Option, value: str) -> None:
        self._q.setValue(option.key, value)
        self._q.sync()
