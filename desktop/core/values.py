"""Values as people give them — dates, whole quantities, yes/no, text cells — read the
same way everywhere: forms, the CLI and spreadsheet imports; and the one way times are
stored (local time with its offset, to the second).

The readers raise BadValue with the reason alone ("Not a whole number."), which an import
report puts beside the row and column; given a field, they name it, for forms and the CLI
("数量：1.5 不是整数。").
"""

import math
import re
import unicodedata
from datetime import date, datetime

from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr

YES = {"是", "y", "yes", "true", "1", "有"}
NO = {"否", "n", "no", "false", "0", "无"}
FIRST_YEAR, LAST_YEAR = 1900, 2199
# A number in a date column is read as an Excel day count (a cell formatted as a number)
# only where that gives a year from this one on (serial 25569): smaller numbers are
# shelf lives, years or counts typed in the wrong column.
FIRST_SERIAL_YEAR = 1970
MAX_DAYS = 36_525  # a count of days ahead (thresholds, horizons): a century keeps dates < 2199
MAX_QTY = 10**12  # base units of one quantity (a movement, a norm, a line): far beyond
# any real stock, and sums of many stay far inside SQLite's 64-bit integers
MAX_TEXT = 100_000  # characters in one text (store/payloads.py refuses longer ones)
# C0 and C1 control characters, DEL, and lone surrogates (bytes that were not UTF-8 text,
# as Python passes them on from a command line or a file name)
# ... and the bidirectional overrides and isolates (U+202A–202E, U+2066–2069), which make
# a text read otherwise than it is stored ("Trojan source"): refused in what people type
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
CONTROL_IN_LINES = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)  # but tab, LF, CR

INTEGER = re.compile(r"[+-]?\d+")
GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
POINT_ZERO = re.compile(r"([+-]?\d+)\.0*")
CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
PLAIN_DATE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")


class BadValue(BioError):
    """A value is refused; the message says why, without naming the field."""


# ---------------------------------------------------------------- times


def now() -> datetime:
    """This moment in local time, with its offset."""
    return datetime.now().astimezone()


def now_iso() -> str:
    """How times are stored: local time with its offset, to the second."""
    return stamp(now())


def stamp(moment: datetime) -> str:
    """A time as stored (a naive time is taken as local time)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def shown_time(stored: str | None) -> str:
    """A stored time as people read it: local time to the minute (2026-03-01 14:30)."""
    if not stored:
        return ""
    return datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M")


def time_key(stored: str | None) -> float:
    """A stored time as a number that orders times whatever their offsets (0 for none)."""
    return datetime.fromisoformat(stored).timestamp() if stored else 0.0


# ---------------------------------------------------------------- text


# Characters that show nothing and are not white space to str.strip(): zero-width spaces and
# joiners, direction marks, the byte-order mark. Pasted from web pages and chat apps at the
# ends of a code or a name, they made "H03\u200b" a lot apart from "H03" and "\u200b" a
# name that looks blank.
ZERO_WIDTH = "".join(
    map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF])
)
INVISIBLE = re.compile(f"[\\s{ZERO_WIDTH}]+")  # what shows nothing at all (visible())


def trimmed(value: str) -> str:
    """A text without white space or zero-width characters at either end."""
    value = value.strip()
    while value and (value[0] in ZERO_WIDTH or value[-1] in ZERO_WIDTH):
        value = value.strip(ZERO_WIDTH).strip()
    return value


def blank(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    value = value.strip()  # the common case without a call: no zero-width ends
    return not value or ((value[0] in ZERO_WIDTH or value[-1] in ZERO_WIDTH) and not trimmed(value))


def text(value) -> str:
    """A cell as text, trimmed: numbers without a spurious .0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.strip()
        if value and (value[0] in ZERO_WIDTH or value[-1] in ZERO_WIDTH):
            return trimmed(value)
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def clean_text(value, field: str | None = None, multiline: bool = False) -> str:
    """A text a person or a file gives, stripped ("" for None). Refused when it holds a
    control character (NUL, ESC, …; tab, line feed and carriage return are allowed where
    the field is free text: multiline) or is longer than MAX_TEXT: BadValue with the reason
    alone, or with a field, Invalid naming it for the form (the message is the same)."""
    text = "" if value is None else str(value)
    found = (CONTROL_IN_LINES if multiline else CONTROL).search(text)
    if found and "\ud800" <= found.group() <= "\udfff":
        reason = tr("Contains bytes that are not UTF-8 text.")
    elif found:
        reason = tr(
            "Contains the control character U+{code}, which no text may hold.",
            code=f"{ord(found.group()):04X}",
        )
    elif len(text) > MAX_TEXT:
        reason = tr("Longer than {max} characters.", max=f"{MAX_TEXT:,}")
    else:
        return trimmed(text)
    raise BadValue(reason) if field is None else Invalid(field, reason)


def clean_texts(fields: dict, free_text: tuple[str, ...] = ("notes", "address")) -> dict:
    """A record's fields with every text cleaned (clean_text), or Invalid naming the first
    refused; tabs and line breaks are allowed in the free-text fields."""
    return {
        name: clean_text(value, name, name in free_text) if isinstance(value, str) else value
        for name, value in fields.items()
    }


def bounded(value, field: str, limit: int, multiline: bool = False) -> str:
    """A text a person typed: cleaned (clean_text) and at most `limit` characters; Invalid
    naming the field otherwise."""
    text = clean_text(value, field, multiline)
    within({field: text}, {field: limit})
    return text


def within(fields: dict, limits: dict[str, int]) -> None:
    """Invalid naming the first text longer than its limit (characters)."""
    for name, limit in limits.items():
        text = fields.get(name)
        if isinstance(text, str) and len(text) > limit:
            raise Invalid(name, tr("At most {max} characters ({count} given).",
                                   max=f"{limit:,}", count=f"{len(text):,}"))  # fmt: skip


# A telephone number as people write it: digits, spaces, + - and brackets, an extension
# after 转; at least 7 digits (two numbers may be given, a mobile and an office).
PHONE = re.compile(r"[0-9+\-() ]{3,40}(?:转\d{1,6})?")


def phone(value, field: str = "phone") -> str:
    """A telephone number (full-width digits read as digits), or Invalid naming the field."""
    text = half_width(str(value or "").strip())
    digits = sum(c in "0123456789" for c in text)
    if text and not PHONE.fullmatch(text):
        raise Invalid(field, tr("{phone} is not a phone number (digits, spaces, + - and "
                                "brackets).", phone=text))  # fmt: skip
    if text and digits < 7:
        raise Invalid(field, tr("{phone} is too short for a phone number (at least 7 digits).",
                                phone=text))  # fmt: skip
    return text


def visible(text: str) -> bool:
    """Whether a text shows anything: not only spaces, zero-width characters or marks."""
    return bool(INVISIBLE.sub("", text))


# ---------------------------------------------------------------- quantities


def whole(value, allow_zero: bool = False, field: str | None = None) -> int:
    """A whole number of base units: 100, 100.0 (Excel), "100", "1,000", "100.0"; positive,
    or zero too when allowed. With a field, refusals name it (forms and the CLI)."""

    def refuse(reason: str, named: str):
        return BadValue(reason if field is None else named)

    if isinstance(value, bool) or value is None:
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        number = int(value) if value.is_integer() else None
    else:
        digits = str(value).strip()
        if GROUPED.fullmatch(digits):
            digits = digits.replace(",", "")
        elif match := POINT_ZERO.fullmatch(digits):
            digits = match.group(1)
        number = int(digits) if INTEGER.fullmatch(digits) else None
    if number is None:
        raise refuse(
            tr("Not a whole number."),
            tr("{field}: {qty} is not a whole number.", field=field, qty=value),
        )
    if number < 0 and allow_zero:
        raise refuse(tr("Must not be negative."), tr("{field} cannot be negative.", field=field))
    if number < 0 or (number == 0 and not allow_zero):
        raise refuse(
            tr("Must be greater than zero."),
            tr("{field} must be greater than zero.", field=field),
        )
    if number > MAX_QTY:
        raise refuse(
            tr("At most {max}.", max=f"{MAX_QTY:,}"),
            tr("{field} can be at most {max}.", field=field, max=f"{MAX_QTY:,}"),
        )
    return number


# ---------------------------------------------------------------- dates


def day_count(value, field: str) -> int:
    """A number of days ahead (a horizon, a threshold): whole, 0 to MAX_DAYS, so that a date
    computed from it stays a date; BadValue naming the field."""
    try:
        days = whole(value, allow_zero=True, field=field)
    except BadValue:
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise BadValue(
            tr("{field} is a number of days from 0 to {max}.", field=field, max=f"{MAX_DAYS:,}")
        )
    return days


def date_iso(value, field: str | None = None) -> str | None:
    """An ISO date, or None for an empty value. Accepted: date objects, 2026-03-01,
    2026/3/1, 2026.3.1, 20260301, 2026年3月1日, 2026-03-01 00:00:00, and in spreadsheets
    the numbers 20260301 or an Excel serial day. With a field, a refusal names it."""
    try:
        return _date_iso(value)
    except BadValue:
        if field is None:
            raise
        raise BadValue(
            tr(
                "{field}: {text} is not a date; write it as 2026-03-01 or 2026/3/1.",
                field=field,
                text=value,
            )
        ) from None


def _date_iso(value) -> str | None:
    if blank(value):
        return None
    found: date | None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, bool):
        raise BadValue(tr("Not a date; write it as 2026-03-01 or 2026/3/1."))
    elif isinstance(value, int | float):
        found = _number_date(value)
    else:
        written = half_width(str(value).strip())
        day, *rest = re.split(r"[T\s]", written, maxsplit=1)
        match = (
            CN_DATE.fullmatch(written)
            or COMPACT_DATE.fullmatch(written)
            # a time after the date (2026-03-01 00:00:00 as Excel writes it) only when it is
            # one: 2026-03-01T99:99 is not midnight
            or (PLAIN_DATE.fullmatch(day) if not rest or _clock(rest[0]) else None)
        )
        found = _date_of(match.groups()) if match else None
        if found is None:
            raise BadValue(tr("Not a date; write it as 2026-03-01 or 2026/3/1."))
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise BadValue(tr("Not a date; write it as 2026-03-01 or 2026/3/1."))
    return found.isoformat()


CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?")


def _clock(text: str) -> bool:
    """Whether a text is a time of day (14:30, 00:00:00, 14:30:00.5+08:00)."""
    match = CLOCK.fullmatch(text.strip())
    return (
        match is not None and int(match[1]) < 24 and int(match[2]) < 60 and int(match[3] or 0) < 60
    )


def _date_of(parts) -> date | None:
    try:
        return date(*(int(p) for p in parts))
    except ValueError:
        return None


def _number_date(value: float) -> date:
    """A number in a date column: 20260301, or an Excel serial (cell formatted as number)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadValue(tr("Not a date; write it as 2026-03-01 or 2026/3/1."))
        value = int(value)  # a date with a time of day
    if FIRST_YEAR * 10000 + 101 <= value <= LAST_YEAR * 10000 + 1231:
        match = COMPACT_DATE.fullmatch(str(int(value)))  # eight digits here: it matches
        found = _date_of(match.groups()) if match else None
        if found is not None:
            return found
    elif 1 <= value < 2958466:
        from openpyxl.utils.datetime import from_excel  # spreadsheets only

        try:
            found = from_excel(value).date()
        except (ValueError, OverflowError):
            pass
        else:
            if found.year >= FIRST_SERIAL_YEAR:
                return found
            # 36 or 2029 in a date column is a shelf life or a year, not a day of the 1900s
            raise BadValue(
                tr(
                    "{value} is not a date: counted as Excel counts days it would be {date}. "
                    "Write the whole date, e.g. 2026-03-01.",
                    value=value,
                    date=found.isoformat(),
                )
            )
    raise BadValue(tr("Not a date; write it as 2026-03-01 or 2026/3/1."))


TIME_OF_DAY = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def time_iso(value, field: str) -> str:
    """A moment a person gives, as stored (stamp): a datetime, an ISO time with or without
    its offset (2026-03-01T14:30:00+08:00), or a date and a time of day as people write
    them (2026-03-01 14:30, 2026/3/1 14:30, 2026年3月1日 14:30). Without an offset it is
    local time; a date alone is its midnight. BadValue naming the field otherwise."""
    moment: datetime | None
    if isinstance(value, datetime):
        moment = value
    else:
        written = "" if value is None else str(value).strip()
        try:
            moment = datetime.fromisoformat(written)
        except ValueError:
            moment = _written_time(written)
        if moment is None:
            raise BadValue(
                tr(
                    "{field}: {text} is not a time; write it as 2026-03-01 14:30.",
                    field=field,
                    text=written[:40],
                )
            )
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise BadValue(
            tr("{field}: {text} is not a time; write it as 2026-03-01 14:30.", field=field,
               text=str(value)[:40])
        )  # fmt: skip
    return stamp(moment)


def _written_time(written: str) -> datetime | None:
    parts = written.replace("日", " ").split(None, 1)
    if not parts or len(written) > 40:
        return None
    try:
        day = _date_iso(parts[0])
    except BadValue:
        return None
    hour = minute = second = 0
    if len(parts) == 2:
        match = TIME_OF_DAY.fullmatch(parts[1].strip())
        if match is None:
            return None
        hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        return datetime.fromisoformat(f"{day}T00:00:00").replace(
            hour=hour, minute=minute, second=second
        )
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------- yes / no


def yes_no(value) -> int | None:
    """1 for 是/yes/…, 0 for 否/no/…, None when empty."""
    if blank(value):
        return None
    if isinstance(value, bool):
        return int(value)
    written = text(value).lower()
    if written in YES:
        return 1
    if written in NO:
        return 0
    raise BadValue(tr("Write 是 or 否."))


# ---------------------------------------------------------------- personal data


def mask_id(text: str) -> str:
    """430422********1234: the region and the last four characters. A text too short to be
    an ID number (a typing error) is shown as it is, so that a refusal shows what was typed."""
    text = text or ""
    if len(text) < 10:
        return text
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


MOBILE = re.compile(r"1[0-9]{10}")  # a mainland mobile number, spaces and hyphens removed
LANDLINE = re.compile(r"(0[0-9]{2,3})-?([0-9]{7,8})")  # area code and local number


def half_width(text: str) -> str:
    """Full-width digits and signs (１３８, －, ／) as ASCII, as a Chinese input method may
    type them (NFKC); other text as it is."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def mask_phone(text: str) -> str:
    """138****5678 for a mobile; a landline keeps its area code and last four digits
    (0734-***3456); any other number its first three and last four digits, all of it hidden
    when it has fewer than eight. A number already masked (a list the core masked for the
    actor's role) is shown as it is, never masked twice."""
    text = text or ""
    if "*" in text:
        return text
    compact = re.sub(r"[\s\-]", "", text)
    if MOBILE.fullmatch(compact):
        return f"{compact[:3]}****{compact[-4:]}"
    if LANDLINE.fullmatch(compact):
        area = 3 if compact[:2] in ("01", "02") else 4
        hyphen = re.fullmatch(r"\s*(0\d{2,3})-", text[:6])
        if hyphen:
            area = len(hyphen.group(1))
        local = compact[area:]
        return f"{compact[:area]}-{'*' * (len(local) - 4)}{local[-4:]}"
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if len(digits) < 8:
        return "*" * len(text)
    hidden = set(digits[3:-4])
    return "".join("*" if i in hidden else c for i, c in enumerate(text))
