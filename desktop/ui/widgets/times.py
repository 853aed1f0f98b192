"""Stored times as a person reads them."""

from datetime import datetime


def when(iso: str | None, seconds: bool = False) -> str:
    """A stored time stamp in local time, to the minute or second ('' when absent; a date
    alone and text that is not a time are shown as they are)."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if len(iso) <= 10:
        return iso  # a date alone
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
