"""Times of incident actions: now, a time a person gives, and the window it must lie in."""

from datetime import datetime, timedelta

from desktop.core import values
from desktop.core.errors import Invalid
from desktop.core.i18n import tr

MAX_AHEAD = timedelta(minutes=10)  # a time later than now (and workstation clocks' drift)
MAX_BEHIND = timedelta(days=5 * 365)  # an incident recorded years later: a typing error


def now() -> datetime:
    return values.now()


def at_or_now(at) -> str:
    """A stored time for an action: `at` as given (a datetime or text), or now."""
    return values.time_iso(at, tr("Time")) if at is not None else values.now_iso()


def moment(stored: str) -> datetime:
    return datetime.fromisoformat(stored)


def in_window(stored: str, at: datetime, field: str, earliest: str | None = None) -> str:
    """A stored time that lies neither in the future (beyond clock drift) nor years back,
    nor before `earliest` (the incident's report, the link before, …)."""
    when = moment(stored)
    if when > at + MAX_AHEAD:
        raise Invalid(field, tr("{time} lies in the future.", time=values.shown_time(stored)))
    if when < at - MAX_BEHIND:
        raise Invalid(
            field, tr("{time} lies more than five years back.", time=values.shown_time(stored))
        )
    # to the minute: a form gives 14:30 for an incident reported at 14:30:41
    if earliest and when < moment(earliest).replace(second=0, microsecond=0):
        raise Invalid(
            field,
            tr("{time} is before {earliest}.", time=values.shown_time(stored),
               earliest=values.shown_time(earliest)),
        )  # fmt: skip
    return stored
