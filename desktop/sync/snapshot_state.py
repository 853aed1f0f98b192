"""A snapshot's state.db: a complete database of this program's schema that a new station
takes as its own file (`bioreserve init --from-snapshot`, snapshot_init.py).

It holds the synced tables (personal rows the recipient is not entitled to left out), the
row clocks of the shared rows, the reference operations and heads (identical on every
station of this version), the summarised operations the row clocks name (snapshot_op),
each shared row as summarised (snapshot_row), and every derived table computed as `check
--rebuild` computes it, with all the schema's indexes and triggers. Never a local table's
rows: no station row, keys, accounts' secrets, sessions, audit events, import logs,
trusted stations, entitlements, backups.

The copy is consistent: the synced rows go in from one read transaction of the live
database (ATTACH); the derived tables are then computed in the new file alone.
"""

from pathlib import Path

from desktop.core.setup import refdata
from desktop.core.store import db as dbmod
from desktop.core.store import derived, figures, oplog, snapbase, tables
from desktop.core.store.handle import Database
from desktop.core.store.writepath import load_clock, transaction
from desktop.sync import entitlement
from desktop.sync.bundles.wire import is_reference

REFERENCE = "(origin = 'REF' OR origin LIKE 'REF-%')"


def filters(classes: frozenset[str]) -> dict[str, str]:
    """WHERE clauses leaving out personal rows of classes the recipient lacks."""
    out = {}
    for tbl, cls in entitlement.TABLES.items():
        if cls in classes:
            continue
        out[tbl] = "WHERE person_id IS NULL" if tbl == "monitor_result" else "WHERE 0"
    return out


def build(db: Database, target: Path, classes: frozenset[str]) -> dict:
    """Write the complete state into `target` (a new file); the manifest's vector,
    reference, tables, past and hlc."""
    dbmod.open_db(target, create=True).close()  # the schema, nothing else
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS snap", [str(target)])
    try:
        conn.execute("PRAGMA snap.journal_mode = OFF")
        conn.execute("PRAGMA snap.synchronous = OFF")
        aside = _set_aside(db, "snap")
        conn.execute("BEGIN")
        try:
            made = _copy(db, classes)
        finally:
            conn.execute("COMMIT")
        for sql in aside:
            conn.execute(_in_snap(sql))
    finally:
        conn.execute("DETACH DATABASE snap")
    _derive(target)
    return made


def _set_aside(db: Database, schema: str) -> list[str]:
    """Drop the new file's triggers and secondary indexes while its rows go in (their SQL,
    indexes before triggers, to put them back): the guard triggers stay out of a copy,
    and building an index sorts once."""
    rows = db.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master WHERE type IN ('index', "
        "'trigger') AND sql IS NOT NULL ORDER BY type, name"
    ).fetchall()
    for kind, name, _ in rows:
        db.execute(f'DROP {kind.upper()} {schema}."{name}"')
    return [sql for _, _, sql in rows]


def _in_snap(sql: str) -> str:
    """CREATE INDEX|TRIGGER name … → the same in schema snap (an attached file's trigger
    may only name its own tables, unqualified, as the schema's do)."""
    words = sql.split(None, 3)
    if words[1].upper() == "UNIQUE":
        words = sql.split(None, 4)
        return " ".join([*words[:3], "snap." + words[3], words[4]])
    return " ".join([*words[:2], "snap." + words[2], words[3]])


def _copy(db: Database, classes: frozenset[str]) -> dict:
    conn = db.conn
    where = filters(classes)
    for tbl in tables.SYNCED:
        listed = ", ".join(tables.columns(db, tbl))
        conn.execute(
            f"INSERT INTO snap.{tbl} ({listed}) SELECT {listed} FROM main.{tbl} "
            f"{where.get(tbl, '')} ORDER BY id"
        )
    for tbl in tables.SHARED:
        conn.execute(
            "INSERT INTO snap.row_clock SELECT c.* FROM main.row_clock c "
            f"JOIN snap.{tbl} t ON t.id = c.row_id WHERE c.tbl = ?",
            [tbl],
        )
    conn.execute(
        f"INSERT INTO snap.oplog ({oplog.COLUMNS}) SELECT {oplog.COLUMNS} FROM main.oplog "
        f"WHERE {REFERENCE}"
    )
    conn.execute(f"INSERT INTO snap.vector SELECT * FROM main.vector WHERE {REFERENCE}")
    conn.execute(
        "INSERT INTO snap.meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
        "value = excluded.value",
        [refdata.FINGERPRINT_KEY, refdata.fingerprint()],
    )
    _past(db)
    vector: dict[str, list] = {}
    reference: dict[str, list] = {}
    for origin, seq, digest in conn.execute("SELECT origin, seq, hash FROM main.vector"):
        (reference if is_reference(origin) else vector)[origin] = [seq, digest]
    made: dict = {"vector": vector, "reference": reference, "tables": {}}
    made["hlc"] = load_clock(db).last
    for tbl in tables.SYNCED:
        sql = (
            snapbase.state_sql(db, "snap", tbl)
            if tbl in tables.SHARED
            else snapbase.ledger_sql(db, "snap", tbl)
        )
        made["tables"][tbl] = list(snapbase.digest(db, sql))
    made["past"] = list(snapbase.digest(db, snapbase.ops_sql("snap")))
    for tbl in tables.SHARED:
        conn.execute(
            "INSERT INTO snap.snapshot_row (tbl, row_id, state) SELECT ?, t.id, "
            f"json_array({snapbase.columns_json(db, tbl, 't')}, json(c.fields), "
            f"json(c.seen), json(c.losers)) FROM snap.{tbl} t LEFT JOIN snap.row_clock c "
            "ON c.tbl = ? AND c.row_id = t.id",
            [tbl, tbl],
        )
    return made


def _past(db: Database) -> None:
    """snap.snapshot_op: the summarised operations that the row clocks copied name (each
    field's version, each losing version) and every operation of a deleted row."""
    conn = db.conn
    conn.execute(
        "CREATE TEMP TABLE snap_refs (origin TEXT, seq INTEGER, PRIMARY KEY (origin, seq))"
    )
    try:
        conn.execute(
            "INSERT OR IGNORE INTO snap_refs SELECT json_extract(f.value, '$[1]'), "
            "json_extract(f.value, '$[2]') FROM snap.row_clock c, json_each(c.fields) f"
        )
        conn.execute(
            "INSERT OR IGNORE INTO snap_refs SELECT json_extract(v.value, '$[1]'), "
            "json_extract(v.value, '$[2]') FROM snap.row_clock c, json_each(c.losers) l, "
            "json_each(l.value) v"
        )
        for tbl in tables.SHARED:
            conn.execute(
                "INSERT OR IGNORE INTO snap_refs SELECT o.origin, o.seq FROM main.oplog o "
                f"JOIN snap.{tbl} t ON o.tbl = ? AND o.row_id = t.id WHERE t.deleted = 1",
                [tbl],
            )
        conn.execute(
            f"INSERT INTO snap.snapshot_op ({oplog.COLUMNS}) SELECT {oplog.COLUMNS} "
            "FROM main.oplog WHERE (origin, seq) IN (SELECT origin, seq FROM temp.snap_refs) "
            f"AND NOT {REFERENCE}"
        )
    finally:
        conn.execute("DROP TABLE temp.snap_refs")


def _derive(target: Path) -> None:
    """Every derived table of the new file, as `check --rebuild` computes it."""
    state = dbmod.open_db(target)
    try:
        with transaction(state):
            state.execute(
                "INSERT INTO stock_balance (depot_id, item_id, lot_id, qty) "
                "SELECT depot_id, item_id, lot_id, sum(qty) FROM stock_move "
                "GROUP BY depot_id, item_id, lot_id"
            )
            state.execute("DELETE FROM item_stock")
            state.execute(
                "INSERT INTO item_stock (depot_id, item_id, qty) SELECT depot_id, item_id, "
                "sum(qty) FROM stock_balance GROUP BY depot_id, item_id"
            )
            derived.rebuild_usable_stock(state)
            figures.rebuild(state)
            derived.rebuild(state)
            derived.rebuild_words(state)
            if state.execute("SELECT 1 FROM sqlite_master WHERE name = 'fulltext_fts'").fetchone():
                state.execute("INSERT INTO fulltext_fts (fulltext_fts) VALUES ('rebuild')")
    finally:
        state.close()
