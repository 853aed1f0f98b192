"""A store from a `--store` value: a postgresql:// URL, or a SQLite file's path."""

from pathlib import Path

from desktop.sync.hub.limits import Limits
from desktop.sync.hub.store import Store


def is_postgresql(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path, limits: Limits | None = None) -> Store:
    """A store from a `--store` value: a postgresql:// URL, or a SQLite file path."""
    limits = limits or Limits()
    if is_postgresql(target):
        from desktop.sync.hub import pg_store

        return pg_store.PgStore(str(target), limits)
    from desktop.sync.hub import sqlite_store

    return sqlite_store.SqliteStore(Path(target), limits)
