"""Who is logged in at this window: the one context every change the desktop makes
carries (jobs.actor() reads it).

The controller starts it when a login succeeds and ends it at 注销 or 切换用户. Pages ask
it what the role may do, to leave out what the core would refuse (access/policy.py
refuses it anyway, whatever the way in). Nobody logged in: no change can be made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import BioError

if TYPE_CHECKING:  # not imported on the way to the first frame (its dataclass)
    from desktop.core.context import Ctx

_current: Ctx | None = None


class NotLoggedIn(BioError):
    pass


def start(ctx: Ctx) -> None:
    global _current
    _current = ctx


def end() -> None:
    global _current
    _current = None


def logged_in() -> Ctx | None:
    """The logged-in account's context, None before a login or after 注销."""
    return _current


def current() -> Ctx:
    """The logged-in account's context (NotLoggedIn when nobody is)."""
    if _current is None:
        from PySide6.QtCore import QCoreApplication

        raise NotLoggedIn(QCoreApplication.translate("Session", "Log in first."))
    return _current


def role() -> str | None:
    return _current.role if _current else None


def may_write(*tables: str) -> bool:
    """Whether the logged-in role writes any of these tables (some rows of them)."""
    if _current is None:
        return False
    from desktop.core.access import policy  # the core's rules, imported off start-up

    return any(policy.may_write(_current.role, table) for table in tables)


def writes_all(*tables: str) -> bool:
    """Whether the logged-in role writes any of these tables whatever the row (not only
    at its depots or for its agency)."""
    if _current is None:
        return False
    from desktop.core.access import policy

    role = _current.role
    return any(
        policy.may_write(role, table) and (role, table) not in policy.RULES for table in tables
    )


def has(right: str) -> bool:
    """Whether the logged-in role has this right (access/roles.py)."""
    if _current is None:
        return False
    from desktop.core.access import roles

    return roles.has(_current.role, right)
