"""sqlite-utils over a BioReserve connection, where it serves: schema introspection
(check), table.transform() in migrations, FTS5 (playbook search).

Imported on first use: importing sqlite-utils costs about 60 ms, which the window's
start-up must not pay (a test checks that showing the window does not import it).
"""

from typing import TYPE_CHECKING

from desktop.core.store.handle import Database

if TYPE_CHECKING:  # for the annotation only: the import itself waits for first use
    import sqlite_utils


def database(db: Database) -> "sqlite_utils.Database":
    """The open database as a sqlite_utils.Database on the same connection, without its
    plugins (none are wanted, and they could run code on this connection) and without
    switching on SQLite's recursive triggers as sqlite-utils does by default (our triggers
    assume them off)."""
    import sqlite_utils

    return sqlite_utils.Database(db.conn, recursive_triggers=False, execute_plugins=False)
