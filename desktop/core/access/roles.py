"""The six roles and the rights that are not a table written.

Table writes are decided per table and row by policy.py; the rights here are the
actions around them: managing accounts, backups, the station's keys and trust, settings,
synchronisation, seeing personal data unmasked, the audit log, approving, running drills.
"""

from desktop.core import vocab

ROLES = tuple(vocab.ROLES)  # admin, coordinator, keeper, liaison, controller, viewer

USERS = "users"  # add, change, disable accounts
BACKUP = "backup"  # make a backup, restore one
STATION = "station"  # the station's key, trusted stations, idle time, rebuild
SETTINGS = "settings"  # alert thresholds, reporting deadlines
SYNC = "sync"  # export and import bundles, push and pull
PERSONAL = "personal"  # ID numbers and phones unmasked, in lists and exports
AUDIT = "audit"  # the audit log and its verification
APPROVE = "approve"  # approve allocation orders and playbook versions
DRILL_CONTROL = "drill_control"  # plan drills, run their clock and injects, evaluate

RIGHTS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {USERS, BACKUP, STATION, SETTINGS, SYNC, PERSONAL, AUDIT, APPROVE, DRILL_CONTROL}
    ),
    "coordinator": frozenset({SETTINGS, SYNC, PERSONAL, APPROVE, DRILL_CONTROL}),
    "keeper": frozenset({SYNC}),
    "liaison": frozenset({SYNC}),
    "controller": frozenset({SYNC, DRILL_CONTROL}),
    "viewer": frozenset(),
}


def parse(text: str) -> str | None:
    """A role from its code or its Chinese or English name (系统管理员, admin, Depot keeper)."""
    return vocab.parse("role", text)


def name(role: str) -> str:
    """A role as the user's language shows it."""
    return vocab.name("role", role)


def has(role: str, right: str) -> bool:
    return right in RIGHTS.get(role, frozenset())
