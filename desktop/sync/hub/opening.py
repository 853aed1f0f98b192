"""A store from a `--store` value: a postgresql:// URL, or a SQLite file's path.

A mistyped value creates nothing: a URL of another scheme is refused, and so is a file
whose folder does not exist (only the default store's folder, the user data folder, is
made); a command that only reads or changes enrolments (must_exist) refuses a file that
is not there rather than starting an empty hub in it.
"""

from pathlib import Path

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.sync.hub.limits import Limits
from desktop.sync.hub.store import Store

SCHEMES = ("postgresql://", "postgres://")


def is_postgresql(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def check_target(target: str | Path, *, must_exist: bool = False, default: bool = False):
    """The target as given, or a refusal that changed nothing: an unknown URL scheme, a
    file in a folder that does not exist (unless default: the user data folder), or, with
    must_exist, a file that is not there."""
    if is_postgresql(target):
        return target
    if isinstance(target, str) and "://" in target:
        raise BioError(
            tr(
                "{store} is not a hub store: give a SQLite file's path or a PostgreSQL "
                "address (postgresql://user@host/database or postgres://…).",
                store=target,
            )
        )
    path = Path(target)
    if not default and not path.parent.is_dir():
        raise BioError(
            tr(
                "The folder {folder} does not exist: check the store's path (the hub "
                "creates its file, never its folder).",
                folder=path.parent,
            )
        )
    if must_exist and not path.exists():
        raise BioError(
            tr(
                "There is no hub store at {path}: check the path (`bioreserve sync hub "
                "enrol` or `sync serve` creates one).",
                path=path,
            )
        )
    return target


def open_store(
    target: str | Path,
    limits: Limits | None = None,
    *,
    must_exist: bool = False,
    default: bool = False,
) -> Store:
    """A store from a `--store` value: a postgresql:// URL, or a SQLite file path
    (checked first: check_target)."""
    check_target(target, must_exist=must_exist, default=default)
    limits = limits or Limits()
    if is_postgresql(target):
        from desktop.sync.hub import pg_store

        return pg_store.PgStore(str(target), limits)
    from desktop.sync.hub import sqlite_store

    return sqlite_store.SqliteStore(Path(target), limits)
