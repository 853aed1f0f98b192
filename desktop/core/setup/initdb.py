"""Creating a station's database: schema, identity, reference data, demo data."""

import socket
from pathlib import Path

from desktop.core.access import accounts, passwords
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups, demo, refdata
from desktop.core.store import db as dbmod
from desktop.core.store import station

DEMO_STATION = ("DEMO", "演示站（衡阳市应急管理局）")


def default_code() -> str:
    """A code from the host name, so that two stations rarely collide by default."""
    host = "".join(c for c in socket.gethostname().upper() if c.isalnum())[:10]
    return f"ST-{host or 'LOCAL'}"


def _emptied(path: Path) -> BioError:
    damage = backups.damaged(path, tr("the file is empty (0 bytes)")).damage
    return BioError(
        tr(
            "{path} is empty, but it held a station: its backups are in {folder}. Restore "
            "it rather than creating a new station over it.",
            path=path,
            folder=", ".join(str(f) for f in backups.folders(path)),
        )
        + "\n"
        + damage.summary
        + "\n"
        + damage.command
        + "\n"
        + tr(
            'To create a new station in it all the same: bioreserve --db "{path}" init --force',
            path=path,
        )
    )


def init_database(
    path: Path,
    code: str | None = None,
    name: str | None = None,
    with_demo: bool = False,
    admin: str | None = None,
    admin_password: str | None = None,
    force: bool = False,
):
    """Create a database with a station identity, reference data and optionally demo data;
    with admin and admin_password, its administrator account (checked before anything is
    written; without, the first start asks for it — a demo database has the demo logins).

    Refused when the file already holds a station: an existing database is
    never overwritten. An empty file with backups of an earlier database at its path is an
    emptied station: refused, naming its newest backup and the restore to run, unless
    force. Returns the open database.
    """
    path = Path(path)
    if not force and path.exists() and path.stat().st_size == 0 and backups.listing(path):
        raise _emptied(path)
    if path.exists() and path.stat().st_size > 0:
        existing = dbmod.open_db(path)
        if station.get(existing) is not None:
            existing.conn.close()
            raise BioError(
                tr(
                    "{path} already holds a BioReserve station; it was left unchanged. "
                    "Choose another file with --db to create a new one.",
                    path=path,
                )
            )
    else:
        existing = None
    if with_demo and code is None:
        code, name = DEMO_STATION
    code = station.validate_code(code or default_code())
    if admin is not None:
        accounts.check_name(admin)
        passwords.check_new(admin_password or "", admin)
    name = name or tr("Station {code}", code=code)
    db = existing or dbmod.open_db(path, create=True)
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        station.create(db, code, name)
        db.conn.execute("COMMIT")
        refdata.load(db)
        if admin is not None:
            accounts.add(db, None, admin, "admin", admin_password or "")
        if with_demo:
            demo.load(db)
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        db.conn.close()
        raise
    return db
