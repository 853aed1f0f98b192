"""Writing a snapshot: a new station's first synchronization in one file.

A snapshot is a zip of three entries:

    manifest.json  {"format": "bioreserve-snapshot/1", "schema": N,
                    "from": {"origin", "code", "name"}, "to": origin or null,
                    "vector": {origin: [seq, hash]}   the heads it summarises,
                    "reference": {REF origin: [seq, hash]}  must equal the recipient's,
                    "classes": [classes of personal rows it carries],
                    "tables": {table: [rows, sha256]}, "past": [ops, sha256],
                    "state": {"bytes", "sha256"}, "hlc": the exporter's clock,
                    "created_at"}
    state.db       an SQLite file: each synced table's rows (personal rows the recipient
                   is not entitled to left out, as bundles leave them out), row_clock of
                   the shared rows, past_op: the summarised operations the row clocks
                   name and every operation of a deleted row
    signature      Ed25519 of the manifest's bytes by the exporting station's key

It never holds local tables (identity, keys, accounts' secrets, sessions, audit, import
logs, backups, entitlements, trusted stations) nor the summarised operations themselves.
The copy is consistent: one read transaction of the live database (WAL: others keep
writing) copies every table into a new file through ATTACH.
"""

import base64
import hashlib
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths, reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import hlc, info, migrate, oplog, snapbase, station, tables
from desktop.core.store.handle import Database
from desktop.core.store.snapbase import FORMAT
from desktop.core.store.writepath import load_clock
from desktop.sync import entitlement
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.wire import is_reference

MANIFEST, STATE, SIGNATURE = "manifest.json", "state.db", "signature"
COMPRESSLEVEL = 1  # a fast deflate: the file is made once and loaded once


@dataclass
class SnapshotResult:
    path: str
    to: str | None
    rows: int
    ops: int  # the operations it summarises
    bytes: int
    seconds: float


def _filters(classes: frozenset[str]) -> dict[str, str]:
    """WHERE clauses leaving out personal rows of classes the recipient lacks."""
    out = {}
    for tbl, cls in entitlement.TABLES.items():
        if cls in classes:
            continue
        out[tbl] = "WHERE person_id IS NULL" if tbl == "monitor_result" else "WHERE 0"
    return out


def _copy(db: Database, target: Path, classes: frozenset[str]) -> dict:
    """Copy the synced state into `target` in one read transaction; the manifest's
    vector, reference, tables, past and hlc."""
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS snap", [str(target)])
    try:
        conn.execute("PRAGMA snap.journal_mode = OFF")
        conn.execute("PRAGMA snap.synchronous = OFF")
        conn.execute("BEGIN")
        try:
            filters = _filters(classes)
            for tbl in tables.SYNCED:
                conn.execute(
                    f"CREATE TABLE snap.{tbl} AS SELECT * FROM main.{tbl} "
                    f"{filters.get(tbl, '')} ORDER BY id"
                )
            conn.execute("CREATE TABLE snap.row_clock AS SELECT * FROM main.row_clock WHERE 0")
            for tbl in tables.SHARED:
                conn.execute(
                    "INSERT INTO snap.row_clock SELECT c.* FROM main.row_clock c "
                    f"JOIN snap.{tbl} t ON t.id = c.row_id WHERE c.tbl = ?",
                    [tbl],
                )
            conn.execute("CREATE INDEX snap.row_clock_row ON row_clock (tbl, row_id)")
            _past(db)
            vector: dict[str, list] = {}
            reference: dict[str, list] = {}
            for origin, seq, digest in conn.execute("SELECT origin, seq, hash FROM main.vector"):
                (reference if is_reference(origin) else vector)[origin] = [seq, digest]
            made: dict = {
                "vector": vector,
                "reference": reference,
                "tables": {},
                "hlc": load_clock(db).last,
            }
            for tbl in tables.SYNCED:
                sql = (
                    snapbase.state_sql(db, "snap", tbl)
                    if tbl in tables.SHARED
                    else snapbase.ledger_sql(db, "snap", tbl)
                )
                made["tables"][tbl] = list(snapbase.digest(db, sql))
            made["past"] = list(snapbase.digest(db, snapbase.ops_sql("snap")))
        finally:
            conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE snap")
    return made


def _past(db: Database) -> None:
    """snap.past_op: the summarised operations that the row clocks copied name (each
    field's version, each losing version) and every operation of a deleted row."""
    conn = db.conn
    refs = "snap_refs (origin TEXT, seq INTEGER, PRIMARY KEY (origin, seq))"
    conn.execute(f"CREATE TEMP TABLE {refs}")
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
            f"CREATE TABLE snap.past_op AS SELECT {oplog.COLUMNS} FROM main.oplog "
            "WHERE (origin, seq) IN (SELECT origin, seq FROM temp.snap_refs) "
            "AND origin != 'REF' AND origin NOT LIKE 'REF-%' ORDER BY origin, seq"
        )
    finally:
        conn.execute("DROP TABLE temp.snap_refs")


def export(
    db: Database, path: Path, for_origin: str | None = None, ctx: Ctx | None = None
) -> SnapshotResult:
    """Write a signed snapshot of this station's synced state for a new station
    (for_origin: a trusted station's origin or code, which then gets the personal rows it
    is entitled to; None: any station, no personal rows). The SYNC right."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    started = time.perf_counter()
    if info.drill_of(db) is not None:
        raise BioError(tr("A drill's sandbox makes no snapshot; make it from the live database."))
    st = sync_keys.own(db)
    to = None
    if for_origin is not None:
        peer = sync_keys.find(db, for_origin)
        if peer["revoked"]:
            raise BioError(
                tr(
                    "The key of station {code} is revoked; no snapshot is made for it.",
                    code=peer["code"],
                )
            )
        to = peer["origin"]
    classes = entitlement.entitled(db, to)
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        work = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=folder))
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    try:
        state = work / STATE
        paths.private_file(state)
        made = _copy(db, state, classes)
        h = hashlib.sha256()
        with open(state, "rb") as stream:
            while block := stream.read(1 << 20):
                h.update(block)
        manifest = {
            "format": FORMAT,
            "schema": migrate.current_version(db),
            "from": {"origin": st.origin, "code": st.code, "name": st.name},
            "to": to,
            "classes": sorted(classes),
            **made,
            "state": {"bytes": state.stat().st_size, "sha256": h.hexdigest()},
            "created_at": values.now_iso(),
        }
        manifest_bytes = oplog.dumps(manifest).encode("utf-8")
        signature = station.sign(db, manifest_bytes)
        temporary = work / (path.name + ".part")
        paths.private_file(temporary)
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.write(state, STATE, compresslevel=COMPRESSLEVEL)
            archive.writestr(SIGNATURE, signature, compress_type=zipfile.ZIP_STORED)
        os.replace(temporary, path)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = sum(v[0] for v in manifest["tables"].values())
    ops = sum(v[0] for v in manifest["vector"].values())
    return SnapshotResult(
        str(path), to, rows, ops, path.stat().st_size, time.perf_counter() - started
    )


def clock_of(manifest: dict) -> int:
    value = manifest.get("hlc")
    return value if type(value) is int and 0 <= value < hlc.pack(1 << 46, 0) else 0


def signature_text(signature: bytes) -> str:
    return base64.b64encode(signature).decode("ascii")
