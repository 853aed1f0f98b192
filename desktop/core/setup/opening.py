"""Opening a station: the database file (store.db), then what a station needs on top of
it — derived tables recomputed after a schema upgrade, the reference data and playbooks a
newer program ships, and the day's backup (backup_actions.daily). The app, the CLI and the
sync transport open stations through here; store.db alone opens the file. A bad page met
on the way (the reference data, the day's backup) is the damaged database's refusal
naming its newest good backup (backups.Damaged), never an unexpected error."""

import os
import sqlite3

from desktop.core.setup import refdata
from desktop.core.store.db import Database, explain, open_db


def open_station(
    path: str | os.PathLike, create: bool = False, read_only: bool | None = None, daily=True
) -> Database:
    """Open a station's database, up to date in schema, derived tables and reference data.
    daily=False: without the day's backup (the window makes it after the login, beside its
    work: desktop/ui/shell/daily_backup.py)."""
    db = open_db(path, create=create, read_only=read_only)
    if db.read_only:
        return db
    try:
        if db.migrated:
            # A migration may add derived tables (search indexes, merge state) that start
            # empty: recompute them from the facts.
            from desktop.core.store import check

            check.rebuild(db)
        refdata.ensure(db)
        if db.backups or daily:  # imported when used: the window's opening needs neither
            from desktop.core.setup import backup_actions

            backup_actions.migrations_done(db)
            if daily:
                backup_actions.daily(db)
    except sqlite3.DatabaseError as exc:
        db.close()  # a bad page met on the way in: the newest good backup (explain)
        raise explain(exc, db.path) from exc
    except BaseException:
        db.close()
        raise
    return db
