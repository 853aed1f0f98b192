"""A cell's value as the plan takes it: numbers that are not dates, minutes after the
drill's start, texts within their limits, agencies and the closed lists' codes; a refusal
names the value at fault."""

import re
from datetime import date, datetime, time, timedelta

from desktop.core import values
from desktop.core.drills import injects, records
from desktop.core.drills.msel.layout import ITEM_NAMES, LISTS, SCALE
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.records import MAX_AREA_KM2, choice, text_field
from desktop.core.store.handle import Database

CODES = re.compile(r"[\s,，、;；]+")  # between playbook codes
CLOCK = re.compile(r"(\d{1,6})[:：](\d{1,2})(?:[:：](\d{1,2}))?")  # hours:minutes[:seconds]


def shown(value) -> str:
    """A cell's value as a message shows it."""
    return values.CONTROL.sub("?", values.text(value))[:60]


def _refuse(value, reason: str) -> BioError:
    return values.BadValue(tr("“{value}”: {reason}", value=shown(value), reason=reason))


def _plain(value):
    """A number cell's value; a date (Excel turns 3-1 into 1 March) or a yes/no refused."""
    if isinstance(value, date | datetime):
        raise _refuse(value, tr("a date, not a number (format the cell as General or Text)."))
    if isinstance(value, bool):
        raise _refuse(value, tr("not a number."))
    return value


def whole(value, allow_zero: bool = False, most: int = values.MAX_QTY) -> int:
    _plain(value)
    try:
        number = values.whole(value, allow_zero=allow_zero)
    except values.BadValue as exc:
        raise _refuse(value, str(exc)) from None
    if number > most:
        raise _refuse(value, tr("At most {max}.", max=f"{most:,}"))
    return number


def decimal(value, most: float) -> float:
    try:
        number = float(str(_plain(value)).strip())
    except ValueError:
        raise _refuse(value, tr("not a number.")) from None
    if not 0 <= number <= most:  # NaN fails too
        raise _refuse(value, tr("not a number from 0 to {max}.", max=f"{most:,}"))
    return number


def minutes(value) -> int:
    """Minutes after the drill's start: 90, T+90, 1:30, 01:30:00, an Excel time or
    duration cell."""
    if isinstance(value, time):
        value = timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    else:
        text = values.text(_plain(value)).upper().removeprefix("T+").strip()
        if found := CLOCK.fullmatch(text):
            hours, mins, secs = (int(g or 0) for g in found.groups())
            seconds = hours * 3600 + mins * 60 + secs if mins < 60 and secs < 60 else -1.0
        else:
            try:
                seconds = float(text) * 60
            except ValueError:
                seconds = -1.0
    if not (0 <= seconds <= injects.MAX_MINUTES * 60 and seconds % 60 == 0):  # NaN fails
        raise _refuse(value, tr("not a whole number of minutes from 0 to {max} (or hours:"
                                "minutes, 1:30).", max=f"{injects.MAX_MINUTES:,}"))  # fmt: skip
    return int(seconds // 60)


class Cells:
    """A cell's value as the plan takes it, by its column's key; BioError naming the value
    at fault otherwise."""

    def __init__(self, db: Database):
        self.db = db
        self.agencies: dict[str, str] = {}  # code, name or short name → code
        for code, name, short in db.execute(
            "SELECT code, name, short_name FROM agency WHERE deleted = 0 ORDER BY code"
        ):
            for key in (short, name, code):
                if key:
                    self.agencies[key] = code

    def text(self, value, key: str, limit: int, multiline: bool = False) -> str:
        return text_field({key: values.text(value)}, key, limit, multiline)

    def agency(self, value) -> str:
        text = values.text(value)
        if text not in self.agencies:
            raise Invalid("agency", tr("No agency with code {code}.", code=shown(value)))
        return self.agencies[text]

    def parse(self, key: str, value):
        """The value of a cell of column `key` (of any sheet but 情景); value is not blank."""
        if key in LISTS:
            code = choice(LISTS[key], values.text(value), key)
            if code == "pending":  # a state to follow
                raise Invalid(key, tr("An inject follows another fired, acknowledged or done."))
            return code
        if key in ("no", "after", "inject"):
            return whole(value)
        if key in ("offset_min", "within_min"):
            return minutes(value)
        if key in ("agency", "to_agency"):
            return self.agency(value)
        if key == "contingency":
            try:
                return values.yes_no(value)
            except values.BadValue as exc:
                raise _refuse(value, str(exc)) from None
        if key in ("code", "objective"):
            return self.text(value, key, injects.LIMITS["code"]).upper()
        return self.text(value, key, injects.LIMITS[key], key in ("text", "message"))

    def item(self, key: str, value):
        """A 情景 item's value as records.validate gives it (the codes of playbooks)."""
        if key == "playbooks":
            codes = [c.upper() for c in CODES.split(values.text(value)) if c]
            for code in codes:
                records.playbook_id(self.db, code)
            return codes
        given: object
        if key in SCALE:  # the bounds of the incident the drill simulates
            given = whole(value, allow_zero=True, most=SCALE[key])
        elif key == "area_km2":
            given = decimal(value, MAX_AREA_KM2)
        elif key == "sim_start":
            given = values.time_iso(value, ITEM_NAMES[key])
        else:
            given = values.text(value)
        try:
            return records.validate(self.db, {key: given})[key]
        except Invalid as exc:
            if key == "speed":  # its reason does not name the value
                raise _refuse(value, str(exc)) from None
            raise
