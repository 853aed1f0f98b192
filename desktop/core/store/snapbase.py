"""A station loaded from a snapshot: the base its chains and rows continue from.

A snapshot (desktop/sync/snapshot.py) summarises each origin's operations up to a head
(seq, hash): the station holds their result — the synced rows and their row clocks — not
the operations. It keeps (migration 0020) the signed manifest (snapshot_source), the heads
(snapshot_base), every shared row as loaded (snapshot_row: json [values, fields, seen,
losers]) and the summarised operations that rows' clocks still name (snapshot_op). Chains
continue from the base heads; a row's later operations are replayed over its base state;
rows the snapshot summarises are checked against the digests its exporter signed.

The digests are the same SQL text at the exporter, at loading and in `check`: for a
ledger table sha256 over json_array(every column) of each row in id order; for a shared
table over each row's state (state_sql) in id order; for the summarised operations over
json_array(oplog's columns) in (origin, seq) order — one line each, "\\n" after each.
"""

import base64
import hashlib
import json

from desktop.core.i18n import tr
from desktop.core.store import tables
from desktop.core.store.handle import Database
from desktop.core.store.oplog import COLUMNS
from desktop.core.store.rowstate import RowState

FORMAT = "bioreserve-snapshot/1"


def columns_json(db: Database, tbl: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return "json_array(" + ", ".join(prefix + c for c in tables.columns(db, tbl)) + ")"


def _order(schema: str) -> str:
    """A snapshot's state.db holds each table in id order (CREATE TABLE … AS … ORDER BY
    id) without an index on id: its rows are read in rowid order, which is the same order
    without a sort. A file whose rowids are in another order hashes to another digest and
    is refused, so the signed digest still covers the rows in id order."""
    return "t.id" if schema == "main" else "t.rowid"


def state_sql(db: Database, schema: str, tbl: str) -> str:
    """SELECT id, state of a shared table's rows (with their row clocks) in `schema`, by id."""
    return (
        f"SELECT t.id, json_array({columns_json(db, tbl, 't')}, json(c.fields), json(c.seen), "
        f"json(c.losers)) FROM {schema}.{tbl} t LEFT JOIN {schema}.row_clock c "
        f"ON c.tbl = '{tbl}' AND c.row_id = t.id ORDER BY {_order(schema)}"
    )


def ledger_sql(db: Database, schema: str, tbl: str, where: str = "") -> str:
    return (
        f"SELECT t.id, {columns_json(db, tbl, 't')} FROM {schema}.{tbl} t {where} "
        f"ORDER BY {_order(schema)}"
    )


def ops_sql(schema: str) -> str:
    """The summarised operations of `schema` (main, or a snapshot's state.db attached)."""
    columns = ", ".join(c.strip() for c in COLUMNS.split(","))
    return f"SELECT origin, json_array({columns}) FROM {schema}.snapshot_op ORDER BY origin, seq"


BATCH = 8192  # rows hashed at once: one join and one update per batch, not per row


def digest(db: Database, sql: str, params=()) -> tuple[int, str]:
    """(rows, sha256) of the second column of each row of `sql`, one line each."""
    h = hashlib.sha256()
    count = 0
    cursor = db.execute(sql, list(params))
    while rows := cursor.fetchmany(BATCH):
        h.update(("\n".join([r[1] for r in rows]) + "\n").encode("utf-8"))
        count += len(rows)
    return count, h.hexdigest()


def loaded(db: Database) -> bool:
    return db.execute("SELECT 1 FROM snapshot_source").fetchone() is not None


def heads(db: Database) -> dict[str, tuple[int, str]]:
    return {o: (s, h) for o, s, h in db.execute("SELECT origin, seq, hash FROM snapshot_base")}


def base_hash(db: Database, origin: str, seq: int) -> str | None:
    """The hash the snapshot summarised an origin's chain at, when seq is its head."""
    row = db.execute(
        "SELECT hash FROM snapshot_base WHERE origin = ? AND seq = ?", [origin, seq]
    ).fetchone()
    return row[0] if row else None


def base_states(db: Database, tbl: str) -> dict[str, str]:
    return dict(db.execute("SELECT row_id, state FROM snapshot_row WHERE tbl = ?", [tbl]))


def parse_state(db: Database, tbl: str, text: str) -> tuple[dict, RowState]:
    row, fields, seen, losers = json.loads(text)
    values = dict(zip(tables.columns(db, tbl), row, strict=True))
    state = RowState({k: tuple(v) for k, v in (fields or {}).items()}, seen or {}, losers or {})
    return values, state


def manifest(db: Database) -> dict | None:
    row = db.execute("SELECT manifest FROM snapshot_source").fetchone()
    return json.loads(bytes(row[0]).decode("utf-8")) if row else None


def problems(db: Database) -> list[str]:
    """The base checked against the exporter's signature: the manifest verifies with the
    key kept, the heads are the manifest's, and each shared table's loaded rows and the
    summarised operations hash to the signed digests. Messages; [] when sound or none."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    row = db.execute("SELECT manifest, signature, key FROM snapshot_source").fetchone()
    if row is None:
        return []
    text, signature, key = (bytes(v) for v in row)
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, text)
    except (InvalidSignature, ValueError):
        return [tr("The snapshot this station was loaded from no longer matches its signature.")]
    signed = json.loads(text.decode("utf-8"))
    out = []
    expected = {o: (v[0], v[1]) for o, v in {**signed["vector"], **signed["reference"]}.items()}
    if heads(db) != expected:
        out.append(tr("The heads this station's chains continue from differ from the snapshot's."))
    for tbl in tables.SHARED:
        sql = f"SELECT row_id, state FROM snapshot_row WHERE tbl = '{tbl}' ORDER BY row_id"
        if list(digest(db, sql)) != list(signed["tables"][tbl]):
            out.append(
                tr(
                    "{table}: the rows loaded from the snapshot differ from what its "
                    "exporter signed.",
                    table=tbl,
                )
            )
    if list(digest(db, ops_sql("main"))) != list(signed["past"]):
        out.append(tr("The summarised operations kept from the snapshot were altered."))
    return out


def ledger_problems(db: Database, tbl: str) -> list[str]:
    """Ledger rows without an operation here must be exactly the snapshot's."""
    signed = manifest(db)
    if signed is None:
        return []
    where = f"WHERE NOT EXISTS (SELECT 1 FROM oplog o WHERE o.tbl = '{tbl}' AND o.row_id = t.id)"
    if list(digest(db, ledger_sql(db, "main", tbl, where))) != list(signed["tables"][tbl]):
        return [
            tr(
                "{table}: the rows loaded from the snapshot differ from what its exporter "
                "signed (a row was changed, added or removed outside the write path).",
                table=tbl,
            )
        ]
    return []


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
