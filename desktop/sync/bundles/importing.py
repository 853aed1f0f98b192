"""Importing a bundle: verified before anything is parsed (complete, sender enrolled and
not revoked, signature, recipient, hash, schema), then its operations checked (revoked
origins, hash chains) and merged in one durable transaction, all or nothing."""

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import merge, migrate, oplog
from desktop.core.store.handle import Database
from desktop.core.store.writepath import touch
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.export import acked
from desktop.sync.bundles.wire import (
    FORMAT,
    MANIFEST,
    OPS,
    SIGNATURE,
    BundleRefused,
    chain_runs,
    parse_line,
    split_lines,
)


@dataclass
class ImportResult:
    applied: int
    known: int
    deferred: int
    sender: dict  # the manifest's "from": origin, code, name
    sequence: int
    already_imported: bool
    ops: int = 0
    deferred_refs: list[str] = field(default_factory=list)
    # Stations whose stamps ran far ahead of this station's clock: {origin: ms ahead}.
    clock_ahead: dict[str, int] = field(default_factory=dict)


def _code(db: Database, origin: str) -> str:
    """A trusted station's code, or its origin id when not enrolled."""
    row = db.execute("SELECT code FROM trusted_station WHERE origin = ?", [origin]).fetchone()
    return row[0] if row else origin


def refuse_revoked_origins(db: Database, ops: list[tuple[str, int]], sender: str, path) -> None:
    """Refuse a bundle that relays operations this station lacks from a station whose key
    it revoked (operations it already holds are harmless: merge checks they are the same).
    ops: (origin, seq) of each operation of the bundle; sender: the relaying station."""
    revoked = dict(db.execute("SELECT origin, code FROM trusted_station WHERE revoked = 1"))
    if not revoked:
        return
    newest: dict[str, int] = {}
    for origin, seq in ops:
        if origin in revoked and seq > newest.get(origin, 0):
            newest[origin] = seq
    for origin, seq in sorted(newest.items()):
        if seq > oplog.head(db, origin)[0]:
            raise BundleRefused(
                "revoked_origin",
                tr(
                    "{path} from station {sender} relays operations of station {code}, whose "
                    "key was revoked here; nothing was imported.",
                    path=path,
                    sender=_code(db, sender),
                    code=revoked[origin],
                ),
            )


def _damaged(path) -> BundleRefused:
    return BundleRefused(
        "damaged",
        tr(
            "{path} is not a complete BioReserve bundle (truncated or damaged). Copy it "
            "from the sending station again; nothing was imported.",
            path=path,
        ),
    )


def read(db: Database, path: Path) -> tuple[dict, bytes]:
    """Verify a bundle; returns (manifest, ops.jsonl bytes). Raises BundleRefused."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names or OPS not in names:
                raise _damaged(path)
            manifest_bytes = archive.read(MANIFEST)
            body = archive.read(OPS)
            signature = archive.read(SIGNATURE) if SIGNATURE in names else b""
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    # zipfile raises NotImplementedError for a compression method it cannot read: to this
    # station that file is as unusable as a damaged one.
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise _damaged(path) from exc
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        sender = manifest["from"]
        origin = str(sender["origin"])
        if manifest.get("format") != FORMAT:
            raise ValueError("format")
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(path) from exc
    own = sync_keys.own(db)
    if origin == own.origin:
        raise BundleRefused(
            "own",
            tr("{path} was made by this station itself; import it at another station.", path=path),
        )
    row = db.execute(
        "SELECT code, public_key, revoked FROM trusted_station WHERE origin = ?", [origin]
    ).fetchone()
    if row is None:
        raise BundleRefused(
            "unknown_sender",
            tr(
                "{path} comes from station {code} ({origin}), whose key this station has not "
                "enrolled. Compare fingerprints and run `bioreserve sync trust` with its key "
                "file first; nothing was imported.",
                path=path,
                code=sender.get("code", "?"),
                origin=origin,
            ),
        )
    code, public_key, revoked = row
    if revoked:
        raise BundleRefused(
            "revoked",
            tr(
                "{path} comes from station {code}, whose key was revoked here; nothing was "
                "imported.",
                path=path,
                code=code,
            ),
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise BundleRefused(
            "tampered",
            tr(
                "{path} is tampered or not signed: its signature does not match the key of "
                "station {code}. Nothing was imported; get a fresh bundle from that station.",
                path=path,
                code=code,
            ),
        ) from exc
    to = manifest.get("to")
    if to is not None and to != own.origin:
        raise BundleRefused(
            "not_for_us",
            tr(
                "{path} was made for station {station}, not for this station ({own}); "
                "nothing was imported. Import it at that station.",
                path=path,
                station=_code(db, str(to)),
                own=own.code,
            ),
        )
    if hashlib.sha256(body).hexdigest() != manifest.get("sha256"):
        raise BundleRefused(
            "tampered",
            tr(
                "{path} is tampered: its operations do not match the signed manifest. Nothing "
                "was imported; get a fresh bundle from station {code}.",
                path=path,
                code=code,
            ),
        )
    schema = manifest.get("schema")
    if not isinstance(schema, int) or schema > migrate.current_version(db):
        raise BundleRefused(
            "schema",
            tr(
                "{path} was made by a newer BioReserve (schema {found}, this station has "
                "{known}): update this station first, then import the bundle again.",
                path=path,
                found=schema,
                known=migrate.current_version(db),
            ),
        )
    return manifest, body


def import_(db: Database, path: Path) -> ImportResult:
    """Verify and apply a bundle, all or nothing. Refusals leave the database unchanged."""
    manifest, body = read(db, path)
    sender = manifest["from"]
    origin = str(sender["origin"])
    try:
        parsed = [parse_line(line) for line in split_lines(body)]
        if len(parsed) != manifest.get("ops"):
            raise ValueError("count")
        refuse_revoked_origins(db, [fields[:2] for fields, _ in parsed], origin, path)
        ops = chain_runs(db, parsed, path)
        vector = {str(k): int(v) for k, v in dict(manifest.get("vector") or {}).items()}
        sequence = int(manifest.get("sequence") or 0)
    except (ValueError, TypeError) as exc:
        raise _damaged(path) from exc

    def record(result: merge.MergeResult) -> None:
        """What the bundle tells about its sender, committed with its operations."""
        already = result.applied == 0 and not result.deferred
        touch(db, "trusted_station", "bundle_log")
        held = acked(db, origin)
        merged = dict(held)
        for key, seq in vector.items():
            merged[key] = max(seq, merged.get(key, 0))
        if merged != held:
            db.execute(
                "UPDATE trusted_station SET acked = ? WHERE origin = ?",
                [oplog.dumps(merged), origin],
            )
        if not already:
            at = values.now_iso()
            db.execute("UPDATE trusted_station SET last_heard = ? WHERE origin = ?", [at, origin])
            db.execute(
                "INSERT INTO bundle_log (direction, peer_origin, sequence, path, ops, applied, "
                "known, deferred, sha256, at) VALUES ('in', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    origin,
                    sequence,
                    str(path),
                    len(ops),
                    result.applied,
                    result.known,
                    len(result.deferred),
                    manifest["sha256"],
                    at,
                ],
            )

    result = merge.apply_ops(db, ops, then=record)
    already = result.applied == 0 and not result.deferred
    return ImportResult(
        applied=result.applied,
        known=result.known,
        deferred=len(result.deferred),
        sender={k: sender.get(k) for k in ("origin", "code", "name")},
        sequence=sequence,
        already_imported=already,
        ops=len(ops),
        deferred_refs=[op.ref for op in result.deferred],
        clock_ahead=result.clock_ahead,
    )
