"""Date and time fields that take what people type — 2026-01-15, 2026/1/15, 20260115,
2026年1月15日 (full-width digits too) — or a day chosen in a calendar that speaks the
application's language, not the system's.

QDateEdit edits section by section: text that does not fit its sections is refused key by
key or reverted on leaving (an empty optional date, shown as —, became —20260115 and then
nothing). These fields are line edits instead: the text stays as typed and is read with the
core's reader (values.date_iso) as it changes. Text that is no date is shown in red with
the reason and kept, never reverted; value() hands it to the core, which refuses it naming
the field, and FormDialog refuses it before that (problem()). A year typed alone over a
date replaces that date's year; ↑/↓ step the year, month or day under the cursor;
Alt+↓ or F4 opens the calendar.
"""

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core import i18n, values
from desktop.core.errors import BioError
from desktop.ui.widgets import style

FIRST = date(values.FIRST_YEAR, 1, 1)
LAST = date(values.LAST_YEAR, 12, 31)
MAX_TYPED = 40  # characters: the longest way of writing a time is far shorter
SEPARATOR = r"\s*[-/.]\s*"
# Text on its way to a date: digits, then - / . or 年 月 日 between year, month and day.
PARTIAL_DATE = re.compile(
    rf"\d{{0,8}}|\d{{4}}{SEPARATOR}(\d{{1,2}}({SEPARATOR}\d{{0,2}})?)?"
    r"|\d{4}\s*年\s*(\d{1,2}\s*(月\s*(\d{1,2}\s*日?)?)?)?"
)
# Text that is a whole date as written (the day's two digits, all eight, or 日): if it is
# no date, more typing will not make it one.
WHOLE_DATE = re.compile(rf"\d{{8}}|\d{{4}}{SEPARATOR}\d{{1,2}}{SEPARATOR}\d{{2}}|.*日")
TIME_TAIL = re.compile(r"(?P<day>.+?)(\s*[Tt]\s*|\s+)(?P<hour>\d{1,2})[:：]?(?P<minute>\d{2})")
PARTIAL_TIME = re.compile(r"(?P<day>.+?)\s+\d{0,2}([:：]\d{0,2})?")
YEAR = re.compile(r"\d{4}")
ISO_PARTS = ((0, 4, "year"), (5, 7, "month"), (8, 10, "day"), (11, 13, "hour"), (14, 16, "minute"))


def app_locale() -> QLocale:
    """The locale of the application's language — the calendar's month and day names —
    whatever the system's locale is."""
    return QLocale("en_GB" if i18n.current_language() == "en" else "zh_CN")


def typed(text: str) -> str:
    """What was typed, with full-width digits and punctuation (a Chinese input method's
    ２０２６／１／１５) read as ASCII."""
    return unicodedata.normalize("NFKC", text).strip()


def named(field: str | None, message: str) -> str:
    """A field's problem as a form shows it: the field's label, then the reason."""
    if not field:
        return message
    return QCoreApplication.translate("DateField", "{field}: {message}").format(
        field=field, message=message
    )


def _calendar_icon(colour: QColor) -> QIcon:
    """A small calendar (Qt's styles have none)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(colour)
    painter.drawRect(1, 3, 13, 11)
    painter.fillRect(1, 3, 14, 3, colour)
    painter.fillRect(4, 1, 2, 3, colour)
    painter.fillRect(10, 1, 2, 3, colour)
    for row in (8, 11):
        for column in (3, 6, 9, 12):
            painter.fillRect(column, row, 2, 2, colour)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """The calendar under a field, in the application's language.

    Signals:
        chosen(QDate): a day was clicked or chosen with Enter (the popup has closed).
    """

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def show_at(self, field: QWidget, day: date, first: date, last: date) -> None:
        locale = app_locale()
        self.setLocale(locale)
        self.calendar.setLocale(locale)
        self.calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
        self.calendar.setDateRange(QDate(first), QDate(last))
        self.calendar.setSelectedDate(QDate(min(max(day, first), last)))
        self.adjustSize()
        below = field.mapToGlobal(QPoint(0, field.height()))
        place = QRect(below, self.sizeHint())
        screen = field.screen().availableGeometry() if field.screen() else None
        if screen is not None:
            if place.bottom() > screen.bottom():  # no room below: open above the field
                place.moveBottom(field.mapToGlobal(QPoint(0, 0)).y() - 1)
            place.moveLeft(max(screen.left(), min(place.left(), screen.right() - place.width())))
        self.move(place.topLeft())
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _chosen(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day)


class TypedField(QLineEdit):
    """What DateField and TimeField share: text as typed, read as it changes, a calendar.

    Subclasses hold a value (a date, or a datetime to the minute) and say how it is
    written, read and stepped.
    """

    SAMPLES: tuple[str, ...] = ()

    def __init__(self, optional: bool, parent=None):
        super().__init__(parent)
        self.optional = optional
        self.minimum, self.maximum = FIRST, LAST
        self._value = None  # what the text says; None when empty or not a date
        self._problem: str | None = None  # why the text is not accepted (unnamed)
        self._last = None  # the last value read: a year typed alone replaces its year
        self.popup: CalendarPopup | None = None
        self.setMaxLength(MAX_TYPED)
        self.calendar_action = self.addAction(
            _calendar_icon(self.palette().color(QPalette.ColorRole.Text)),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip(
            QCoreApplication.translate("DateField", "Choose in the calendar (Alt+Down)")
        )
        self.calendar_action.triggered.connect(self.open_calendar)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._reread)
        self.editingFinished.connect(self._tidy)

    # ------------------------------------------------------------------ subclass hooks
    def parse(self, text: str, field: str | None = None):
        """The value of complete text; BadValue (naming the field, if given) otherwise."""
        raise NotImplementedError

    def write(self, value) -> str:
        raise NotImplementedError

    def iso(self, value) -> str:
        raise NotImplementedError

    def day_of(self, value) -> date:
        raise NotImplementedError

    def with_day(self, value, day: date):
        raise NotImplementedError

    def partial(self, text: str) -> bool:
        """Whether text may still become a value as more is typed."""
        raise NotImplementedError

    def empty_message(self) -> str:
        raise NotImplementedError

    def coerce(self, given):
        """A value from a date, datetime, QDate, QDateTime or ISO text (None: empty)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ reading
    def value(self) -> str | None:
        """ISO text; None when empty or disabled; the text as typed when it is not a date
        (the core then refuses it, naming the field)."""
        if not self.isEnabled():
            return None
        text = typed(self.text())
        if not text:
            return None
        return self.iso(self._value) if self._value is not None else text

    def set_value(self, given) -> None:
        self._set(self.coerce(given))

    def clear_value(self) -> None:
        self._set(None)

    def is_empty(self) -> bool:
        return not typed(self.text())

    def problem(self, field: str | None = None) -> str | None:
        """Why the text is not accepted, naming the field if given; None when it is."""
        text = typed(self.text())
        if not text:
            return None if self.optional else named(field, self.empty_message())
        if self._value is None:
            try:
                self.parse(text, field)
            except BioError as error:
                return str(error)
            return named(field, self._problem or "")
        return named(field, self._problem) if self._problem else None

    def setMinimumDate(self, day) -> None:  # noqa: N802 (QDateEdit's name)
        self.minimum = _as_date(day) or FIRST
        self._reread(self.text())

    def setMaximumDate(self, day) -> None:  # noqa: N802
        self.maximum = _as_date(day) or LAST
        self._reread(self.text())

    def minimumDate(self) -> QDate:  # noqa: N802
        return QDate(self.minimum)

    def maximumDate(self) -> QDate:  # noqa: N802
        return QDate(self.maximum)

    # ------------------------------------------------------------------ behaviour
    def _set(self, value) -> None:
        self.setText(self.write(value) if value is not None else "")
        self._show_state(finished=True)

    def _reread(self, text: str) -> None:
        before = self._value
        self._value, self._problem = None, None
        written = typed(text)
        if written:
            try:
                found = self.parse(written)
            except BioError as error:
                self._problem = str(error)
            else:
                self._value = found
                self._last = found
                if not self.minimum <= self.day_of(found) <= self.maximum:
                    self._problem = self._range_message()
        if self._value != before:
            self.changed(self._value)
        self._show_state(finished=not self.hasFocus())

    def changed(self, value) -> None:
        """The value read from the text changed (subclasses emit their signal)."""

    def _range_message(self) -> str:
        if self.minimum == FIRST:
            return QCoreApplication.translate(
                "DateField", "The date must be {last} or earlier."
            ).format(last=self.maximum.isoformat())
        if self.maximum == LAST:
            return QCoreApplication.translate(
                "DateField", "The date must be {first} or later."
            ).format(first=self.minimum.isoformat())
        return QCoreApplication.translate(
            "DateField", "The date must lie between {first} and {last}."
        ).format(first=self.minimum.isoformat(), last=self.maximum.isoformat())

    def _tidy(self) -> None:
        """On leaving the field: the text written the usual way; a year typed alone over a
        date replaces its year; anything else that is no date stays, marked."""
        text = typed(self.text())
        if self._value is not None:
            if self.text() != self.write(self._value):
                self.setText(self.write(self._value))
        elif YEAR.fullmatch(text) and self._last is not None:
            year = int(text)
            if values.FIRST_YEAR <= year <= values.LAST_YEAR:
                self.setText(self.write(_with_year(self._last, year)))
        self._show_state(finished=True)

    def _show_state(self, finished: bool) -> None:
        text = typed(self.text())
        bad = self._problem is not None or (not text and not self.optional and finished)
        if bad and not finished and self._value is None and self.partial(text):
            bad = False  # still being typed
        palette = QPalette()
        if bad:
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.Text, QColor(style.RED))
        self.setPalette(palette)
        message = (self.problem() or "") if bad else ""
        self.setToolTip(message)
        self.setAccessibleDescription(message)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._show_state(finished=True)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return
        if (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not modifiers & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._step(1 if key == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def _step(self, delta: int) -> None:
        """↑/↓: the year, month, day (hour, minute) under the cursor, one up or down."""
        if self._value is None:
            if self.is_empty():
                self._set(self.default())
            return
        cursor = self.cursorPosition()
        self.setText(self.write(self._value))  # positions of the parts as written
        part = next((name for start, end, name in ISO_PARTS if start <= cursor <= end), "day")
        stepped = _stepped(self._value, part, delta)
        if stepped is not None and self.minimum <= self.day_of(stepped) <= self.maximum:
            self.setText(self.write(stepped))
        self.setCursorPosition(cursor)

    def default(self):
        """The value a calendar opens at and ↑/↓ start from in an empty field: today."""
        return self.coerce(date.today())

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.chosen.connect(self._chosen)
        shown = self._value if self._value is not None else self.default()
        self.popup.show_at(self, self.day_of(shown), self.minimum, self.maximum)

    def _chosen(self, day: QDate) -> None:
        base = self._value if self._value is not None else self.default()
        self.setText(self.write(self.with_day(base, day.toPython())))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self._show_state(finished=True)

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance(sample) for sample in self.SAMPLES)
        hint.setWidth(text + metrics.averageCharWidth() + 30)  # frame and margins, calendar
        return hint

    def minimumSizeHint(self):  # noqa: N802
        return self.sizeHint()


class DateField(TypedField):
    """A day: typed (2026-01-15, 2026/1/15, 20260115, 2026年1月15日) or chosen in the
    calendar. An optional field may stay empty; a required one starts at today.

    Signals:
        dateChanged(QDate): the day the text says changed (invalid: empty or no date).
    """

    dateChanged = Signal(QDate)  # noqa: N815 (QDateEdit's name)
    SAMPLES = ("2026-12-31",)  # wider text scrolls; the field is as wide as a QDateEdit

    def __init__(self, day=None, optional: bool = False, parent=None):
        super().__init__(optional, parent)
        self.setPlaceholderText(QCoreApplication.translate("DateField", "yyyy-mm-dd"))
        start = self.coerce(day)
        self._set(start if start is not None or optional else date.today())

    def parse(self, text: str, field: str | None = None) -> date:
        iso = values.date_iso(text, field)
        if iso is None:
            raise values.BadValue(QCoreApplication.translate("DateField", "Give a date."))
        return date.fromisoformat(iso)

    def write(self, value: date) -> str:
        return value.isoformat()

    def empty_message(self) -> str:
        return QCoreApplication.translate("DateField", "Give a date.")

    def iso(self, value: date) -> str:
        return value.isoformat()

    def day_of(self, value: date) -> date:
        return value

    def with_day(self, value, day: date) -> date:
        return day

    def partial(self, text: str) -> bool:
        return bool(PARTIAL_DATE.fullmatch(text)) and not WHOLE_DATE.fullmatch(text)

    def coerce(self, given) -> date | None:
        return _as_date(given)

    def changed(self, value) -> None:
        self.dateChanged.emit(QDate(value) if value is not None else QDate())

    def date(self) -> QDate:
        """The day as a QDate (invalid when empty or no date), as QDateEdit gives it."""
        return QDate(self._value) if self._value is not None else QDate()

    def setDate(self, day) -> None:  # noqa: N802
        self.set_value(day)


class TimeField(TypedField):
    """A local time to the minute: typed (2026-01-15 14:30, 2026/1/15 14:30, a day alone
    keeping the time given before) or its day chosen in the calendar; value() is ISO text
    without an offset, which the core reads as local time.

    Signals:
        dateTimeChanged(QDateTime): the time the text says changed.
    """

    dateTimeChanged = Signal(QDateTime)  # noqa: N815 (QDateTimeEdit's name)
    SAMPLES = ("2026-12-31 23:59",)

    def __init__(self, moment=None, optional: bool = False, parent=None):
        super().__init__(optional, parent)
        self.setPlaceholderText(QCoreApplication.translate("DateField", "yyyy-mm-dd hh:mm"))
        start = self.coerce(moment)
        self._set(start if start is not None or optional else self.default())

    def parse(self, text: str, field: str | None = None) -> datetime:
        if any(p.fullmatch(text) for p in (values.CN_DATE, values.COMPACT_DATE, values.PLAIN_DATE)):
            day = values.date_iso(text, field)
            if day is not None:  # a day alone keeps the time of day given before
                kept = self._last.time() if self._last is not None else time(0, 0)
                return datetime.combine(date.fromisoformat(day), kept)
        tail = TIME_TAIL.fullmatch(text)
        if tail is not None:
            hour, minute = int(tail["hour"]), int(tail["minute"])
            try:
                day = values.date_iso(tail["day"])
            except BioError:
                day = None
            if day is not None and hour < 24 and minute < 60:
                return datetime.combine(date.fromisoformat(day), time(hour, minute))
        try:
            stored = values.time_iso(text, field or "")
        except BioError:
            if field:
                raise
            raise values.BadValue(
                QCoreApplication.translate("DateField", "Not a time; write it as 2026-03-01 14:30.")
            ) from None
        return _local(datetime.fromisoformat(stored))

    def write(self, value: datetime) -> str:
        return value.strftime("%Y-%m-%d %H:%M")

    def empty_message(self) -> str:
        return QCoreApplication.translate("DateField", "Give a date and time.")

    def iso(self, value: datetime) -> str:
        return value.replace(second=0, microsecond=0).isoformat()

    def day_of(self, value: datetime) -> date:
        return value.date()

    def with_day(self, value: datetime, day: date) -> datetime:
        return datetime.combine(day, value.time())

    def partial(self, text: str) -> bool:
        if PARTIAL_DATE.fullmatch(text) and not WHOLE_DATE.fullmatch(text):
            return True
        found = PARTIAL_TIME.fullmatch(text)
        if found is None or re.search(r"[:：]\d{2}$", text):
            return False  # no time on its way, or a whole one
        try:
            return values.date_iso(found["day"]) is not None
        except BioError:
            return False

    def coerce(self, given) -> datetime | None:
        if given is None or given == "":
            return None
        if isinstance(given, QDateTime):
            given = given.toPython()
        elif isinstance(given, QDate):
            given = given.toPython()
        if isinstance(given, str):
            given = datetime.fromisoformat(given)
        if isinstance(given, datetime):
            return _local(given)
        if isinstance(given, date):
            return datetime.combine(given, time(0, 0))
        raise TypeError(f"not a time: {given!r}")

    def default(self) -> datetime:
        return datetime.now().replace(second=0, microsecond=0)

    def set_value(self, given) -> None:
        """A stored time (any offset: shown in local time); None: now, or empty when the
        field is optional."""
        moment = self.coerce(given)
        self._set(moment if moment is not None or self.optional else self.default())

    def changed(self, value) -> None:
        self.dateTimeChanged.emit(QDateTime(value) if value is not None else QDateTime())

    def dateTime(self) -> QDateTime:  # noqa: N802
        return QDateTime(self._value) if self._value is not None else QDateTime()

    def setDateTime(self, moment) -> None:  # noqa: N802
        self.set_value(moment)


def _as_date(given) -> date | None:
    if given is None or given == "":
        return None
    if isinstance(given, QDate):
        return given.toPython() if given.isValid() else None
    if isinstance(given, datetime):
        return given.date()
    if isinstance(given, date):
        return given
    if isinstance(given, str):
        return date.fromisoformat(given[:10])
    raise TypeError(f"not a date: {given!r}")


def _local(moment: datetime) -> datetime:
    """A time as the field shows it: local, without offset, to the minute."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def _with_year(value, year: int):
    """The same day in another year (29 February becomes the 28th)."""
    try:
        return value.replace(year=year)
    except ValueError:
        return value.replace(year=year, day=28)


def _stepped(value, part: str, delta: int):
    try:
        if part == "year":
            return _with_year(value, value.year + delta)
        if part == "month":
            month = value.month - 1 + delta
            year, month = value.year + month // 12, month % 12 + 1
            day = min(value.day, _days_in(year, month))
            return value.replace(year=year, month=month, day=day)
        if part == "hour":
            return value + timedelta(hours=delta)
        if part == "minute":
            return value + timedelta(minutes=delta)
        return value + timedelta(days=delta)
    except (ValueError, OverflowError):
        return None


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
