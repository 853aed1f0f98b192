"""Logging in: a name and a password give the account's context, or a refusal.

Five wrong passwords in a row lock the account for fifteen minutes (GB/T 22239-2019,
8.1.4.1: 登录失败处理); every login, failed login and lockout is an audit event. The
refusal does not say whether the name exists: a name no account has is refused as a wrong
password is, takes as long (passwords.matches), and locks as an account does after five
tries (login_failure, any case of the name; rows a day old are dropped).
"""

from datetime import datetime, timedelta

from desktop.core import values
from desktop.core.access import accounts, audit, passwords
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction

LOCK_AFTER = 5
LOCK_MINUTES = 15


class LoginRefused(BioError):
    pass


class NoAccounts(BioError):
    """The station has no account yet: its administrator must be created first."""


def no_accounts_message() -> str:
    return tr(
        "This database has no user accounts yet. Create its administrator first: in the "
        "desktop (it asks at the first start), or with `bioreserve user add --name admin "
        "--role admin --password-file FILE`."
    )


def authenticate(db: Database, name: str, password: str, via: str = "desktop") -> Ctx:
    """The context of the account whose password this is (LoginRefused otherwise)."""
    if not accounts.has_accounts(db):
        raise NoAccounts(no_accounts_message())
    name = accounts.same_name((name or "").strip()[:64])
    acc = accounts.find(db, name) if accounts.NAME.match(name) else None
    secret = (
        db.execute(
            "SELECT hash, failures, locked_until FROM account_secret WHERE account_id = ?",
            [acc.id],
        ).fetchone()
        if acc
        else None
    )
    now = values.now()
    shown = acc.name if acc is not None else name
    locked_until = secret[2] if acc is not None and secret is not None else _unknown(db, name)[1]
    if locked_until and datetime.fromisoformat(locked_until) > now:
        audit.record(db, f"user:{shown}", "login_failed", via=via, reason="locked")
        raise LoginRefused(
            tr(
                "The account {name} is locked after {n} wrong passwords until {until}.",
                name=shown,
                n=LOCK_AFTER,
                until=values.shown_time(locked_until),
            )
        )
    right = passwords.matches(secret[0] if secret else None, password)
    if acc is None or secret is None or not right:
        # an account without a password here (made at another station) counts as unknown
        until = _failed(db, acc if secret is not None else None, name, secret, via)
        if until:
            raise LoginRefused(
                tr(
                    "Wrong password. The account {name} is locked after {n} wrong passwords "
                    "until {until}.",
                    name=shown,
                    n=LOCK_AFTER,
                    until=values.shown_time(until),
                )
            )
        raise LoginRefused(tr("Wrong account name or password."))
    if acc.disabled:
        audit.record(db, f"user:{acc.name}", "login_failed", via=via, reason="disabled")
        raise LoginRefused(tr("The account {name} is disabled.", name=acc.name))
    if not db.read_only:
        with transaction(db, touches=("account_secret", "audit_event")):
            db.execute(
                "UPDATE account_secret SET failures = 0, locked_until = NULL WHERE account_id = ?",
                [acc.id],
            )
            audit.record(db, f"user:{acc.name}", "login", via=via)
        audit.seal(db)
    return acc.ctx()


def _failed(db: Database, acc, name: str, secret, via: str) -> str | None:
    """Count a failed login — an account's in account_secret, a name no account has in
    login_failure, the same way; returns the time it is now locked until, if this failure
    locked it."""
    if db.read_only:
        return None
    now = values.now()
    with transaction(db, touches=("account_secret", "login_failure", "audit_event")):
        if acc is None:
            actor, reason = f"user:{name}", "unknown"
            db.execute(
                "DELETE FROM login_failure WHERE at < ?", [values.stamp(now - timedelta(days=1))]
            )
            failures = _unknown(db, name)[0] + 1
        else:
            actor, reason = f"user:{acc.name}", "password"
            failures = secret[1] + 1
        until = None
        if failures >= LOCK_AFTER:
            until = values.stamp(now + timedelta(minutes=LOCK_MINUTES))
        kept = 0 if until else failures  # a lockout starts the count again
        if acc is None:
            db.execute(
                "INSERT INTO login_failure (name, failures, locked_until, at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "failures = excluded.failures, locked_until = excluded.locked_until, "
                "at = excluded.at",
                [name.lower(), kept, until, values.stamp(now)],
            )
        else:
            db.execute(
                "UPDATE account_secret SET failures = ?, locked_until = ? WHERE account_id = ?",
                [kept, until, acc.id],
            )
        audit.record(db, actor, "login_failed", via=via, reason=reason)
        if until:
            audit.record(db, actor, "lockout", until=until, failures=failures)
    return until


def _unknown(db: Database, name: str) -> tuple[int, str | None]:
    """(failures in a row, locked until) of a name no account has."""
    row = db.execute(
        "SELECT failures, locked_until FROM login_failure WHERE name = ?", [name.lower()]
    ).fetchone()
    return (row[0], row[1]) if row else (0, None)


def check_password(db: Database, ctx: Ctx, password: str) -> bool:
    """Whether the logged-in account's password is this one (unlocking an idle lock): a
    wrong one counts towards the lockout like a failed login."""
    try:
        authenticate(db, ctx.user, password, via="unlock")
    except LoginRefused:
        return False
    return True
