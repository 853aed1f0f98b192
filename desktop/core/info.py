"""What a database holds: schema, station, demo marker, counts per table."""

from desktop.core import demo, migrate, station, tables


def describe(db) -> dict:
    st = station.get(db)
    counts = {}
    for table in tables.SYNCED:
        live = "" if table in tables.LEDGER else " WHERE deleted = 0"
        counts[table] = db.execute(f"SELECT count(*) FROM {table}{live}").fetchone()[0]
    counts["oplog"] = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    return {
        "path": str(getattr(db, "path", "")),
        "schema_version": migrate.current_version(db),
        "demo": demo.is_demo(db),
        "station": None
        if st is None
        else {
            "code": st.code,
            "name": st.name,
            "origin": st.origin,
            "fingerprint": st.fingerprint,
            "created_at": st.created_at,
        },
        "counts": counts,
        "origins": {
            origin: seq
            for origin, seq in db.execute("SELECT origin, seq FROM vector ORDER BY origin")
        },
    }
