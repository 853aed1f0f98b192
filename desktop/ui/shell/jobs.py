"""Core calls that a person may be refused (BioError), run on the worker.

The controller shows every failed job in a message box; a refusal that a form
expects (a quantity beyond the balance, a duplicate code) belongs inline in the
form instead, so it comes back as a value and not as a failure.
"""

from dataclasses import dataclass

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.ui.shell import session


@dataclass(frozen=True)
class Refused:
    """The core said no; `error` carries the message (and `.field` for Invalid)."""

    error: BioError

    @property
    def message(self) -> str:
        return str(self.error)

    @property
    def field(self) -> str | None:
        return getattr(self.error, "field", None)


def refusable(fn):
    """Wrap a worker job so that a BioError is returned as Refused, not raised."""

    def job(db):
        try:
            return fn(db)
        except BioError as exc:
            return Refused(exc)

    return job


def actor() -> Ctx:
    """Who is acting: the account logged in at this window (shell/session.py)."""
    return session.current()
