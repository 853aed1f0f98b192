"""Backups as actions: the automatic ones the program makes, the manual ones a person asks
for, and the setting of how long they are kept — each an audit event.

Automatic backups (daily on opening a writable station, before every schema upgrade,
spreadsheet import and bundle import) are made by the program, whoever is logged in: no
right is needed, and the audit event's actor is PROGRAM. A manual backup, and changing
the number of days kept, need the BACKUP right (the administrator's). The files
themselves: backups.py; restoring: restoring.py.
"""

import os
from collections.abc import Callable
from datetime import datetime

from desktop.core import crashlog, values
from desktop.core.access import audit, policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups
from desktop.core.store.handle import Database
from desktop.core.store.info import drill_of
from desktop.core.store.oplog import Op
from desktop.core.store.writepath import transaction

PROGRAM = "program"  # the actor of the automatic backups


def _record(db: Database, actor: str, made: backups.Backup) -> None:
    audit.record(
        db, actor, "backup", reason=made.reason, file=str(made.path), size=made.size, ok=made.ok
    )


def automatic(
    db: Database,
    reason: str,
    now: datetime | None = None,
    when_changed: bool = False,
    stop: Callable[[], bool] | None = None,
) -> backups.Backup | None:
    """A backup the program makes before changing much (import, bundle), then rotation;
    its audit event is recorded at once, in a transaction of its own (a change refused
    afterwards leaves the event of the backup that was made). None for a read-only
    database or a drill's sandbox (a copy of live data already), and with when_changed
    when the database holds what its newest good backup holds (nothing to protect anew:
    a repeated refused import fills no disk). `stop`: see backups.make (Stopped)."""
    if db.read_only or not db.path.exists() or drill_of(db):
        return None
    if when_changed and backups.unchanged_since_backup(db) is not None:
        return None
    made = backups.make(db, reason, now=now, stop=stop)
    note(db, made)
    backups.rotate(db.path, backups.keep_days(db), (now or datetime.now()).date())
    return made


def note(db: Database, made: backups.Backup | None) -> None:
    """The audit event of an automatic backup (none: nothing)."""
    if made is not None:
        _record(db, PROGRAM, made)


def daily_due(db: Database, now: datetime | None = None) -> bool:
    """Whether the day's backup is still to make: a writable station, not a drill's sandbox,
    no good backup of it made today."""
    day = (now or datetime.now()).date()
    return not (db.read_only or drill_of(db) or backups.has_good_since(db.path, day))


def daily(db: Database, now: datetime | None = None) -> backups.Backup | None:
    """The day's backup, on opening a writable station, unless one was made today (the
    window makes it once someone has logged in, beside its work: ui/shell/daily_backup.py).
    A copy that fails its check means the database is damaged: backups.Damaged, naming the
    newest good backup (no copy of the damaged file is kept). Any other failure (a full
    disk) is noted in the log, not in the way of the work."""
    moment = now or datetime.now()
    if not daily_due(db, moment):
        return None
    try:
        return automatic(db, "daily", now=moment)
    except backups.Damaged:
        raise
    except BioError as exc:
        crashlog.note(str(exc))
        return None


def migrations_done(db: Database) -> None:
    """The audit events of the backups open_db made before upgrading (the audit table may
    not have existed before the upgrade)."""
    for path in db.backups:
        audit.record(db, PROGRAM, "backup", reason="migration", file=str(path))


def before_bundle(db: Database, ops: list[Op]) -> backups.Backup | None:
    """Before a bundle is merged, when it brings operations this station lacks (a bundle
    of known operations changes nothing: no backup for it, which matters to a hub
    client that fetches often), and the database changed since its newest good backup."""
    known = dict(db.execute("SELECT origin, seq FROM vector").fetchall())
    if not any(op.seq > known.get(op.origin, 0) for op in ops):
        return None
    return automatic(db, "bundle", when_changed=True)


def before_import(db: Database, ctx: Ctx, tables: tuple[str, ...]) -> backups.Backup | None:
    """Before a spreadsheet import whose rows were checked: none when the actor's role may
    not write the import's tables at all (the write path refuses it, nothing changes) or
    when the database changed nothing since its newest good backup."""
    if not all(policy.may_write(ctx.role, table) for table in tables):
        return None
    return automatic(db, "import", when_changed=True)


def manual(
    db: Database, ctx: Ctx, out: str | os.PathLike | None = None, replace: bool = False
) -> backups.Backup:
    """A backup a person asks for: to `out`, or into the backup folder (never rotated)."""
    policy.require(ctx, roles.BACKUP)
    made = backups.make(db, "manual", out=out, replace=replace)
    _record(db, ctx.actor, made)
    return made


def set_keep_days(db: Database, ctx: Ctx, days) -> int:
    """How many days automatic backups are kept (1–3650); the newest good one always is."""
    policy.require(ctx, roles.BACKUP)
    try:
        value = values.whole(days, allow_zero=True)
    except values.BadValue:
        value = 0  # not a whole number: said with the range below
    if not 1 <= value <= backups.MAX_KEEP_DAYS:
        raise BioError(
            tr("Backups are kept 1 to {max} days; {days} is not among them.",
               max=backups.MAX_KEEP_DAYS, days=days)
        )  # fmt: skip
    with transaction(db, touches=("meta",)):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [backups.KEEP_KEY, str(value)],
        )
    return value
