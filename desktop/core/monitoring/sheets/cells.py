"""Reading the cells of a monitoring sheet the way hospitals fill them in, and the Job
both kinds of rows are checked by: every problem reported with the value at fault (an ID
number masked: its region and last four characters say enough to find it), one per cell.
"""

import re
from datetime import date

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.job import Job
from desktop.core.monitoring import personal

MAX_PROBLEMS = 500  # problems listed; the rows beyond are still checked and counted
SHOWN = 60  # characters of a value a message shows
NUMBER_LIKE = re.compile(r"\d+(\.\d+)?[eE]\+?\d+")  # 4.30422E+17, as Excel shows a long number
ABNORMAL = {"异常": 1, "正常": 0, "abnormal": 1, "normal": 0}


def shown(value) -> str:
    """A cell's value as a message shows it."""
    return values.CONTROL.sub("?", values.text(value))[:SHOWN]


def refused(value, reason: str) -> BioError:
    return values.BadValue(tr("“{value}”: {reason}", value=shown(value), reason=reason))


def id_number(value) -> str:
    """A resident ID number (personal.id_number), refused with the value masked; one that
    Excel holds as a number has lost its last digits."""
    text = values.text(value).replace(" ", "").upper()
    if isinstance(value, int | float) or NUMBER_LIKE.fullmatch(text):
        raise values.BadValue(
            tr(
                "“{value}”: the ID number was stored as a number, which Excel "
                "rounds to 15 digits; format the column as text and type it "
                "again.",
                value=personal.mask_id(text),
            )
        )
    if not personal.ID_SHAPE.fullmatch(text):
        raise values.BadValue(
            tr(
                "“{value}” is not an ID number: 18 characters, 17 digits and a check digit or X.",
                value=personal.mask_id(text),
            )
        )
    return personal.id_number(text)


def day(value) -> date:
    """A date cell: an Excel date, 2026-01-15, 2026/1/15, 20260115, 2026年1月15日."""
    try:
        return date.fromisoformat(values.date_iso(value) or "")
    except (values.BadValue, ValueError):
        raise refused(value, tr("not a date; write it as 2026-03-01 or 2026/3/1.")) from None


def abnormal(value) -> int:
    """是/否, 异常/正常 (empty: 否)."""
    word = values.text(value).lower()
    if word in ABNORMAL:
        return ABNORMAL[word]
    try:
        return values.yes_no(value) or 0
    except values.BadValue:
        raise refused(value, tr("write 是 or 否 (异常 or 正常).")) from None


class Rows(Job):
    """The rows of one kind, checked against the incident (check), then across rows
    (finish), then written in the caller's transaction (write_rows: the counts)."""

    def __init__(
        self,
        db,
        source,
        texts: dict,
        errors: list,
        incident: dict,
        present: frozenset = frozenset(),
    ):
        super().__init__(db, source, texts, errors)
        self.incident = incident
        self.present = present  # the keys of the columns the file has
        self.today = values.now().date()
        self.unlisted = False  # problems beyond MAX_PROBLEMS

    def bad(self, row: int, key: str, reason: str) -> None:
        if len(self.errors) < MAX_PROBLEMS:
            super().bad(row, key, reason)
        else:
            self.bad_rows.add(row)
            self.unlisted = True

    def parse(self, row: int, key: str, parse, value):
        """parse(value), or None with the problem reported."""
        try:
            return parse(value)
        except BioError as exc:
            self.bad(row, key, str(exc))
        return None

    def write_rows(self, w, rows: list) -> dict:
        raise NotImplementedError
