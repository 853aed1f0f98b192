"""A new station made from a snapshot: its state.db becomes the station's database file
(`bioreserve init --from-snapshot FILE --trust KEYFILE`).

The exporter's key file is checked against the fingerprint given (as `sync trust` does),
the manifest's signature against that key, the file's sizes and compression before
anything is unpacked; state.db is unpacked beside the target while it is hashed, and its
sha256 compared with the signed one: a match proves every byte, so the per-table digests
are not recomputed here (they stay in the manifest for `check`, which recomputes them).
The schema (user_version and every table, index and trigger) and the reference data must
equal this program's. Then, in the unpacked file: the station's identity, the exporter
trusted (entitled to the classes of personal rows the snapshot carries), the snapshot's
base (snapbase's tables, as `sync load-snapshot` records it), the vector and the clock, the
administrator. The file is moved to the target only at the end: a refusal or an error
leaves no file there.
"""

import os
import sqlite3
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths, reasons, values
from desktop.core.access import accounts
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import refdata
from desktop.core.store import db as dbmod
from desktop.core.store import migrate, oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import load_clock, save_clock, transaction
from desktop.sync import entitlement
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.wire import ZIP_DAMAGE
from desktop.sync.snapshot import STATE, clock_of
from desktop.sync.snapshot_load import (
    MAX_FILE,
    SnapshotRefused,
    _damaged,
    _read_entries,
    _too_large,
    _unpack,
    check_manifest,
)

PROGRAM = Ctx("init")  # the program setting up a station (the administrator's role)
# local tables that must be empty in a snapshot's state.db (never a secret of the exporter)
LOCAL = ("station", "account_secret", "login_failure", "session", "audit_event", "audit_seal",
         "trusted_station", "station_entitlement", "import_log", "import_row", "bundle_log",
         "signed_head", "bundle_refused", "withheld_op", "peer_withheld", "signed_mark",
         "snapshot_source", "snapshot_base")  # fmt: skip


@dataclass
class InitResult:
    db: Database
    sender: dict
    ops: int
    seconds: float


def _refuse_target(target: Path) -> None:
    if target.exists() and target.stat().st_size > 0 or Path(f"{target}-wal").exists():
        raise BioError(
            tr(
                "{path} already exists; a station is made from a snapshot only in a new "
                "file. Choose another file with --db. Nothing was changed.",
                path=target,
            )
        )


def init_from_snapshot(
    target: Path,
    path: Path,
    key_file: Path,
    fingerprint: str | None,
    code: str,
    name: str,
    admin: str,
    password: str,
) -> InitResult:
    """Make the station at `target` from the snapshot `path` signed by the key in
    `key_file` (fingerprint None: already compared by the person)."""
    started = time.perf_counter()
    target, path = Path(target), Path(path)
    _refuse_target(target)
    code = station.validate_code(code)
    admin = accounts.check_name(admin)
    peer = sync_keys.read_key(key_file)
    if fingerprint is not None and sync_keys.normalize_fingerprint(
        fingerprint
    ) != sync_keys.normalize_fingerprint(peer["fingerprint"]):
        raise SnapshotRefused(
            "fingerprint",
            tr(
                "The fingerprint of {path} is {actual}, not {expected}: this is not the key "
                "the other station showed. Nothing was made.",
                path=key_file,
                actual=peer["fingerprint"],
                expected=fingerprint,
            ),
        )
    folder = target.parent if str(target.parent) else Path(".")
    paths.make_private_dir(folder)
    work = folder / f".{target.name}.snapshot-{os.urandom(4).hex()}"
    try:
        manifest, text, signature = _unpacked(path, peer, work)
        db = _complete(work, path, manifest, text, signature, peer, code, name, admin, password)
        db.close()
        os.replace(work, target)
    except BaseException:
        for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    db = dbmod.open_db(target)
    return InitResult(
        db,
        {k: manifest["from"].get(k) for k in ("origin", "code", "name")},
        sum(v[0] for v in manifest["vector"].values()),
        time.perf_counter() - started,
    )


def _unpacked(path: Path, peer: dict, work: Path) -> tuple[dict, bytes, bytes]:
    try:
        if path.stat().st_size > MAX_FILE:
            raise _too_large(path, tr("file"))
        with zipfile.ZipFile(path) as archive:
            entries, text, signature = _read_entries(path, archive)
            manifest = check_manifest(path, text, signature, peer)
            if manifest.get("to") is not None:
                raise SnapshotRefused(
                    "not_for_us",
                    tr(
                        "{path} was made for another station; a new station is made only "
                        "from a snapshot made for any station (sync snapshot without --for). "
                        "Nothing was made.",
                        path=path,
                    ),
                )
            paths.private_file(work)
            _unpack(archive, entries[STATE], manifest, work, path)
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    except ZIP_DAMAGE as exc:
        raise _damaged(path) from exc
    return manifest, text, signature


def _schema_refusal(path, why: str) -> SnapshotRefused:
    return SnapshotRefused(
        "schema",
        tr(
            "{path} was made by a BioReserve of another schema or other reference data "
            "({why}): bring both to the same version first. Nothing was made.",
            path=path,
            why=why,
        ),
    )


def _check_schema(work: Path, path: Path, manifest: dict) -> None:
    """The file's schema and reference data equal this program's (before it is opened as
    a database: open_db would migrate an older one)."""
    with open(work, "rb") as stream:
        header = stream.read(100)
    if len(header) < 100 or not header.startswith(paths.SQLITE_MAGIC):
        raise _damaged(path)
    known = migrate.schema_version()
    found = int.from_bytes(header[60:64], "big")
    if found != known or manifest.get("schema") != known:
        raise _schema_refusal(path, f"{found}/{known}")
    fresh = sqlite3.connect(":memory:")
    state = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
    try:
        fresh.executescript(paths.schema_file().read_text(encoding="utf-8"))
        listed = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        if fresh.execute(listed).fetchall() != state.execute(listed).fetchall():
            raise _schema_refusal(path, tr("tables"))
        row = state.execute("SELECT value FROM meta WHERE key = ?", [refdata.FINGERPRINT_KEY])
        mark = row.fetchone()
        if mark is None or mark[0] != refdata.fingerprint():
            raise _schema_refusal(path, tr("reference data"))
        heads = {
            o: [s, h]
            for o, s, h in state.execute("SELECT origin, seq, hash FROM vector ORDER BY origin")
        }
        if heads != manifest.get("reference"):
            raise _schema_refusal(path, tr("reference data"))
        for tbl in LOCAL:
            if state.execute(f"SELECT 1 FROM {tbl} LIMIT 1").fetchone():
                raise _damaged(path, tr("the table {table}", table=tbl))
        if state.execute(
            "SELECT 1 FROM oplog WHERE origin != 'REF' AND origin NOT LIKE 'REF-%' LIMIT 1"
        ).fetchone():
            raise _damaged(path, tr("the table {table}", table="oplog"))
    except sqlite3.DatabaseError as exc:
        raise _damaged(path) from exc
    finally:
        fresh.close()
        state.close()


def _complete(work, path, manifest, text, signature, peer, code, name, admin, password):
    _check_schema(work, path, manifest)
    db = dbmod.open_db(work)
    try:
        signer = manifest["from"]["origin"]
        with transaction(db, durable=True):
            station.create(db, code, name)
            db.execute(
                "INSERT INTO trusted_station (origin, code, name, public_key, fingerprint, "
                "trusted_at, acked, last_heard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [signer, peer["code"], peer["name"], peer["public_key"], peer["fingerprint"],
                 values.now_iso(), oplog.dumps({o: s for o, (s, _) in
                                                manifest["vector"].items()}),
                 values.now_iso()],
            )  # fmt: skip
            granted = sorted(set(manifest.get("classes", [])) & set(entitlement.CLASSES))
            db.conn.executemany(
                "INSERT INTO station_entitlement (origin, class, granted_at) VALUES (?, ?, ?)",
                [(signer, cls, values.now_iso()) for cls in granted],
            )
            heads = {**manifest["reference"], **manifest["vector"]}
            db.conn.executemany(
                "INSERT INTO snapshot_base (origin, seq, hash) VALUES (?, ?, ?)",
                [(o, s, h) for o, (s, h) in heads.items()],
            )
            for origin, (seq, digest) in manifest["vector"].items():
                oplog.advance(db, origin, seq, digest)
            db.execute(
                "INSERT INTO snapshot_source (id, manifest, signature, signer, key, loaded_at) "
                "VALUES (1, ?, ?, ?, ?, ?)",
                [text, signature, signer, peer["public_key"], values.now_iso()],
            )
            clock = load_clock(db)
            stamp = clock_of(manifest)
            if stamp and stamp <= clock.last_adoptable():
                clock.receive(stamp)
            save_clock(db, clock)
        accounts.add(db, None, admin, "admin", password)
    except BaseException:
        db.close()
        raise
    return db
