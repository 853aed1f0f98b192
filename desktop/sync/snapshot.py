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
    state.db       a complete database of this program's schema (snapshot_state.py):
                   each synced table's rows (personal rows the recipient is not entitled
                   to left out, as bundles leave them out), row_clock of the shared rows,
                   snapshot_op: the summarised operations the row clocks name and every
                   operation of a deleted row, the reference operations, and every
                   derived table computed; `init --from-snapshot` takes it as the file
    signature      Ed25519 of the manifest's bytes by the exporting station's key

It never holds local tables (identity, keys, accounts' secrets, sessions, audit, import
logs, backups, entitlements, trusted stations) nor the summarised operations themselves.
The copy is consistent: one read transaction of the live database (WAL: others keep
writing) copies every synced table into a new file through ATTACH.
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
from desktop.core.store import hlc, info, migrate, oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.snapbase import FORMAT
from desktop.sync import entitlement, snapshot_state
from desktop.sync import keys as sync_keys

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
        made = snapshot_state.build(db, state, classes)
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
