"""Passwords: argon2id hashes (argon2-cffi), never the password itself, never logged.

The parameters are OWASP's for argon2id (19 MiB, 2 passes, 1 lane: some 30 ms here); they
travel inside each hash, so stronger ones later verify the older hashes as they are.
"""

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.core.errors import BioError
from desktop.core.i18n import tr

HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
MIN_LENGTH = 8
MAX_LENGTH = 256  # a longer "password" is an attempt to make the hash slow
_dummy: list[str] = []


def _dummy_hash() -> str:
    """Verified when the name is unknown, so that an unknown name takes as long as a wrong
    password (a timing difference would tell which names exist); made at the first need,
    not when the module is imported (on the way to the login dialog)."""
    if not _dummy:
        _dummy.append(HASHER.hash("bioreserve-no-such-account"))
    return _dummy[0]


class WeakPassword(BioError):
    pass


def check_new(password: str, name: str = "") -> str:
    """A new password as GB/T 22239 asks of one: at least 8 characters of at least two
    kinds (letters, digits, other characters), not the account's name."""
    if not isinstance(password, str) or not password:
        raise WeakPassword(tr("The password is empty."))
    if len(password) > MAX_LENGTH:
        raise WeakPassword(tr("The password is longer than {n} characters.", n=MAX_LENGTH))
    if len(password) < MIN_LENGTH:
        raise WeakPassword(tr("The password is shorter than {n} characters.", n=MIN_LENGTH))
    kinds = sum(
        bool(re.search(pattern, password)) for pattern in (r"[A-Za-z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    if kinds < 2:
        raise WeakPassword(
            tr("The password needs at least two of: letters, digits, other characters.")
        )
    if name and password.lower() == name.lower():
        raise WeakPassword(tr("The password may not be the account's name."))
    return password


def make(password: str) -> str:
    return HASHER.hash(password)


def matches(hashed: str | None, password: str) -> bool:
    """Whether the password is the one hashed; an unknown account (None) takes as long."""
    if not isinstance(password, str) or len(password) > MAX_LENGTH:
        return False
    try:
        return HASHER.verify(hashed or _dummy_hash(), password) and hashed is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
