"""Who is acting: every change carries its actor into the oplog, and the write path asks
the actor's role whether the change is allowed (desktop/core/access/policy.py)."""

import getpass
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ctx:
    """The actor of a change and what it may do.

    The CLI and the desktop make one only by logging in (access/login.py): `user:<name>`
    with the account's role, agency and depots. Code that acts for the program itself —
    setting up a station, the demo data, tests and the benchmarks — names an actor and
    keeps the default role, the administrator's.
    """

    actor: str
    role: str = "admin"
    agency_id: str | None = None
    depot_ids: frozenset[str] = field(default_factory=frozenset)
    account_id: str | None = None

    @property
    def user(self) -> str:
        """The login name (the actor without `user:`)."""
        return self.actor.removeprefix("user:")

    @classmethod
    def from_os(cls) -> "Ctx":
        """The program acting for the person at the keyboard of a tool or a test (never the
        CLI's or the desktop's way in: they log in)."""
        try:
            user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            user = "unknown"
        return cls(f"os:{user}")
