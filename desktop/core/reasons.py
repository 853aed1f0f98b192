"""Why a file or database operation failed, in the user's language.

The operating system's messages (`exc.strerror`) and SQLite's (`str(exc)`) are English
whatever language the program speaks; a message shown to a person puts `reason(exc)` in
their place: the common causes by errno or by SQLite's words, translated, and anything else
as the system said it.
"""

import errno
import socket
import sqlite3

from desktop.core.i18n import tr


def _by_errno() -> dict[int, str]:
    return {
        errno.ENOENT: tr("no such file or folder"),
        errno.EACCES: tr("permission denied"),
        errno.EPERM: tr("operation not permitted"),
        errno.ENOSPC: tr("no space left on the disk"),
        errno.EROFS: tr("the disk is read-only"),
        errno.EISDIR: tr("it is a folder, not a file"),
        errno.ENOTDIR: tr("a part of the path is not a folder"),
        errno.EEXIST: tr("the file exists already"),
        errno.ENAMETOOLONG: tr("the file name is too long"),
        errno.EXDEV: tr("it cannot be moved to another disk"),
        errno.EBUSY: tr("the file is in use"),
        errno.EADDRINUSE: tr("the port is in use by another program"),
        errno.EADDRNOTAVAIL: tr("the address is not one of this computer's"),
        errno.ECONNREFUSED: tr("the connection was refused (nothing listens on that port)"),
        errno.ECONNRESET: tr("the connection was cut by the other side"),
        errno.ETIMEDOUT: tr("no answer in time"),
        errno.EHOSTUNREACH: tr("the computer cannot be reached"),
        errno.ENETUNREACH: tr("the network cannot be reached"),
    }


def _by_words() -> tuple[tuple[str, str], ...]:
    return (
        ("database disk image is malformed", tr("the database file is damaged")),
        ("file is not a database", tr("the file is not a database or is damaged")),
        ("disk i/o error", tr("the disk could not be read or written")),
        ("database or disk is full", tr("no space left on the disk")),
        ("attempt to write a readonly database", tr("the database is read-only")),
        ("unable to open database file", tr("the database file cannot be opened")),
        ("database is locked", tr("the database is in use by another program")),
        # PostgreSQL's (psycopg's) words for the commonest failures to connect
        ("failed to resolve host", tr("the host name cannot be resolved")),
        ("could not translate host name", tr("the host name cannot be resolved")),
        ("connection refused", tr("the connection was refused (nothing listens on that port)")),
        ("password authentication failed", tr("the user name or password is wrong")),
        ("no password supplied", tr("the server asks for a password and none was given")),
        ("timeout expired", tr("no answer in time")),
        ("timed out", tr("no answer in time")),
    )


def reason(exc: BaseException | str) -> str:
    """The cause of a failure as a person reads it: translated when it is a known one."""
    if isinstance(exc, socket.gaierror):
        return tr("the host name cannot be resolved")
    if isinstance(exc, TimeoutError):
        return tr("no answer in time")
    if isinstance(exc, OSError) and exc.errno in _by_errno():
        return _by_errno()[exc.errno]
    text = exc if isinstance(exc, str) else str(exc)
    lowered = text.lower()
    for words, said in _by_words():
        if words in lowered:
            return said
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return text


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite failure says the file is damaged (a bad page, not a database)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text
