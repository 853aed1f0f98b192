"""Who sees personal data — ID numbers and phone numbers — unmasked.

Roles with the PERSONAL right (系统管理员 admin, 应急协调员 coordinator) see an expert's
phones in the roster; every other role sees them masked (138****1234), whatever the way
in: the core functions that list them take the actor's ctx and mask for them. Exporting
them unmasked and unmasking the people followed in the monitoring need the right and are
recorded as audit events (access/audit.py: personal_export, unmask).

A ctx of None is the program acting for itself (imports, tests, the benchmarks), as
Ctx.from_os() is: it keeps the administrator's role.
"""

from desktop.core.access import audit, policy, roles
from desktop.core.context import Ctx
from desktop.core.store.handle import Database


def acting(ctx: Ctx | None) -> Ctx:
    return ctx if ctx is not None else Ctx.from_os()


def may_see(ctx: Ctx | None) -> bool:
    """Whether the actor sees ID numbers and phones unmasked in lists."""
    return roles.has(acting(ctx).role, roles.PERSONAL)


def require(ctx: Ctx | None) -> Ctx:
    """Refuse (policy.NotAllowed, nothing done) unless the actor may see personal data."""
    ctx = acting(ctx)
    policy.require(ctx, roles.PERSONAL)
    return ctx


def exported(db: Database, ctx: Ctx | None, what: str, rows: int, **detail) -> None:
    """Record an export of personal data unmasked (after `require`)."""
    audit.record(db, acting(ctx).actor, "personal_export", what=what, rows=rows, **detail)


def unmasked(db: Database, ctx: Ctx | None, what: str, **detail) -> None:
    """Record that personal data was shown unmasked (after `require`)."""
    audit.record(db, acting(ctx).actor, "unmask", what=what, **detail)
