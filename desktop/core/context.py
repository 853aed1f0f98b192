"""Who is acting: every change carries its actor into the oplog."""

import getpass
from dataclasses import dataclass


@dataclass(frozen=True)
class Ctx:
    """The actor of a change: a user once login exists; until then the OS user."""

    actor: str

    @classmethod
    def from_os(cls) -> "Ctx":
        try:
            user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            user = "unknown"
        return cls(f"os:{user}")
