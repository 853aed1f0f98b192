"""What a database holds: schema, station, demo marker, counts per table."""

from desktop.core.store import migrate, station, tables
from desktop.core.store.handle import Database


def is_demo(db: Database) -> bool:
    """Whether the database holds the demonstration data set (meta demo=1)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
    return bool(row and row[0] == "1")


def drill_of(db: Database) -> str | None:
    """The id of the drill whose sandbox this database is (meta drill), None for a live
    database: everything done here is the drill's, never real (drills/sandbox.py)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'drill'").fetchone()
    return row[0] if row and row[0] not in ("", "0", "1") else None


def number_prefix(db: Database) -> str:
    """What a drill's numbers start with (YL-: 演练), so that an incident or an order of a
    drill never reads as a real one; nothing in a live database."""
    return "YL-" if drill_of(db) else ""


def identity(db: Database) -> dict:
    """The cheap part: path, schema, demo marker, station (what the window needs to open)."""
    st = station.get(db)
    return {
        "path": str(getattr(db, "path", "")),
        "schema_version": migrate.current_version(db),
        "demo": is_demo(db),
        "drill": drill_of(db),
        "station": None
        if st is None
        else {
            "code": st.code,
            "name": st.name,
            "origin": st.origin,
            "fingerprint": st.fingerprint,
            "created_at": st.created_at,
        },
    }


def counts(db: Database) -> dict[str, int]:
    """Live rows per synced table, and operations in the log (a full count: not for start-up)."""
    out = {}
    for table in tables.SYNCED:
        live = "" if table in tables.LEDGER else " WHERE deleted = 0"
        out[table] = db.execute(f"SELECT count(*) FROM {table}{live}").fetchone()[0]
    out["oplog"] = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    return out


def describe(db: Database) -> dict:
    return {
        **identity(db),
        "key": station.protection(db),
        "counts": counts(db),
        "origins": {
            origin: seq
            for origin, seq in db.execute("SELECT origin, seq FROM vector ORDER BY origin")
        },
    }
