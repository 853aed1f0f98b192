"""Importing a bundle, which is hostile input until proven otherwise.

Order of the checks, each a named refusal that changes nothing:
1. the file: its size, its zip directory, exactly the three entries, each stored or
   deflated (no other compression, nothing encrypted), the small ones within their caps;
2. the manifest (at most 1 MB, read before anything else is decompressed): its format,
   its world (a drill's bundle only into the same drill's sandbox, a live one only into a
   live database), the sender enrolled and not revoked, the sender's signature, the
   recipient, the schema;
3. ops.jsonl, decompressed with a limit that follows the declared count of operations,
   hashed as it is read, against the manifest's SHA-256;
4. the operations: parsed; none new under this station's own identity; each origin's
   run vouched for by that origin — its signed head (origin, seq, hash) in the manifest,
   verified with the origin's enrolled key, ends the run and the hash chain computed from
   the chain this station holds arrives at it. Operations of stations not enrolled here
   are left out (and said so): no relay can vouch for another station's work.
5. the merge: every payload checked, then applied in one durable transaction.
"""

import base64
import gc
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import desktop.sync.bundles.orphans as orphans
from desktop.core import reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backup_actions
from desktop.core.store import merge, migrate, oplog
from desktop.core.store.handle import Database
from desktop.core.store.info import drill_of
from desktop.core.store.oplog import head_text
from desktop.core.store.writepath import touch, transaction
from desktop.sync import entitlement
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.export import acked
from desktop.sync.bundles.wire import (
    FORMAT,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_OPS,
    MAX_SIGNATURE_BYTES,
    OPS,
    SIGNATURE,
    ZIP_DAMAGE,
    BundleRefused,
    chain_runs,
    is_reference,
    ops_limit,
    parse_line,
    split_lines,
)

CHUNK = 1 << 20


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
    # Operations left out because their station is not enrolled here: {origin: count}.
    unvouched: dict[str, int] = field(default_factory=dict)
    # Operations received withheld (their place in their origin's chain, not their content:
    # this station is not entitled to their class at the sender, entitlement.py).
    withheld: int = 0


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


def _damaged(path, reason: str = "") -> BundleRefused:
    return BundleRefused(
        "damaged",
        tr(
            "{path} is not a complete BioReserve bundle (truncated or damaged). Copy it "
            "from the sending station again; nothing was imported.",
            path=path,
        )
        + (f" ({reason})" if reason else ""),
    )


def _too_large(path, what: str) -> BundleRefused:
    return BundleRefused(
        "too_large",
        tr(
            "{path} is refused: its {what} is larger than any bundle BioReserve writes. "
            "Nothing was imported.",
            path=path,
            what=what,
        ),
    )


# ---------------------------------------------------------------- reading the file


def _entries(archive: zipfile.ZipFile, path) -> dict[str, zipfile.ZipInfo]:
    """The entries (manifest and operations, and the signature unless it was dropped),
    each stored or deflated and not encrypted; nothing else."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names) or not {MANIFEST, OPS} <= set(names) <= {
        MANIFEST,
        OPS,
        SIGNATURE,
    }:
        raise _damaged(path, tr("unexpected entries"))
    for info in infos:
        if info.flag_bits & 0x1:
            raise _damaged(path, tr("an encrypted entry"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(path, tr("an unsupported compression"))
    return {info.filename: info for info in infos}


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, path, what: str):
    """The entry's bytes and SHA-256, read with a limit (its declared size may lie)."""
    if info.file_size > limit:
        raise _too_large(path, what)
    digest, parts, size = hashlib.sha256(), [], 0
    with archive.open(info) as stream:
        while block := stream.read(CHUNK):
            size += len(block)
            if size > limit:
                raise _too_large(path, what)
            digest.update(block)
            parts.append(block)
    return b"".join(parts), digest.hexdigest()


def read(db: Database, path: Path) -> tuple[dict, bytes]:
    """Verify a bundle; returns (manifest, ops.jsonl bytes). Raises BundleRefused (or
    BioError when the file cannot be read at all)."""
    path = Path(path)
    try:
        if os.path.getsize(path) > MAX_BUNDLE_BYTES:
            raise _too_large(path, tr("file"))
        with zipfile.ZipFile(path) as archive:
            entries = _entries(archive, path)
            manifest_bytes, _ = _read_entry(
                archive, entries[MANIFEST], MAX_MANIFEST_BYTES, path, tr("manifest")
            )
            signature = b""  # a bundle without one is refused as not signed
            if SIGNATURE in entries:
                signature, _ = _read_entry(
                    archive, entries[SIGNATURE], MAX_SIGNATURE_BYTES, path, tr("signature")
                )
            manifest = _manifest(db, path, manifest_bytes, signature)
            body, digest = _read_entry(
                archive, entries[OPS], ops_limit(manifest["ops"]), path, tr("operations")
            )
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    except ZIP_DAMAGE as exc:
        raise _damaged(path) from exc
    if digest != manifest["sha256"]:
        raise BundleRefused(
            "tampered",
            tr(
                "{path} is tampered: its operations do not match the signed manifest. Nothing "
                "was imported; get a fresh bundle from station {code}.",
                path=path,
                code=_code(db, manifest["from"]["origin"]),
            ),
        )
    return manifest, body


def _manifest(db: Database, path, manifest_bytes: bytes, signature: bytes) -> dict:
    """The manifest, verified: shape, sender, signature, recipient, schema."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        sender = manifest["from"]
        origin = sender["origin"]
        if (
            type(manifest) is not dict
            or manifest.get("format") != FORMAT
            or type(origin) is not str
            or type(manifest.get("ops")) is not int
            or not 0 <= manifest["ops"] <= MAX_OPS
            or type(manifest.get("sha256")) is not str
        ):
            raise ValueError("manifest")
    except (ValueError, KeyError, TypeError, RecursionError, UnicodeDecodeError) as exc:
        raise _damaged(path) from exc
    # Before the sender: a drill's origins are enrolled only in its sandboxes, so a drill's
    # bundle would otherwise read as one from an unknown station (and its refusal ask to
    # trust that key). A refusal on a field not yet verified imports nothing either way.
    _same_world(db, path, manifest)
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
                code=str(sender.get("code", "?"))[:40],
                origin=origin[:40],
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
    schema = manifest.get("schema")
    if type(schema) is not int or schema > migrate.current_version(db):
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
    return manifest


def _same_world(db: Database, path, manifest: dict) -> None:
    """A drill's bundle goes only into the same drill's sandbox; a live bundle never into a
    sandbox (drills/sandbox.py). The drill's id is in the signed manifest."""
    theirs, ours = manifest.get("drill"), drill_of(db)
    if theirs is not None and (type(theirs) is not str or not 0 < len(theirs) <= 100):
        raise _damaged(path)
    if theirs == ours:
        return
    if ours is None:
        raise BundleRefused(
            "drill_into_live",
            tr(
                "{path} is a bundle of a drill (演练): drill data never enters the live "
                "database. Import it inside the same drill (bioreserve --drill … sync "
                "import); nothing was imported.",
                path=path,
            ),
        )
    if theirs is None:
        raise BundleRefused(
            "live_into_drill",
            tr(
                "{path} is a bundle of live data and this is the sandbox of a drill: a drill "
                "takes bundles of the same drill only. Import it into the live database; "
                "nothing was imported.",
                path=path,
            ),
        )
    raise BundleRefused(
        "other_drill",
        tr(
            "{path} belongs to another drill than this sandbox's; import it inside that "
            "drill. Nothing was imported.",
            path=path,
        ),
    )


# ---------------------------------------------------------------- vouching


def _runs(parsed: list) -> dict[str, list]:
    """The parsed lines grouped by origin (each origin's lines are consecutive)."""
    runs: dict[str, list] = {}
    for item in parsed:
        runs.setdefault(item[0][0], []).append(item)
    return runs


def _heads(manifest: dict, path) -> dict[str, tuple[int, str, bytes]]:
    heads = manifest.get("heads")
    if type(heads) is not dict:
        raise _damaged(path, tr("no signed heads"))
    out = {}
    try:
        for origin, (seq, digest, signature) in heads.items():
            if type(seq) is not int or type(digest) is not str or type(signature) is not str:
                raise ValueError("head")
            out[origin] = (seq, digest, base64.b64decode(signature, validate=True))
    except (ValueError, TypeError) as exc:
        raise _damaged(path, tr("a malformed signed head")) from exc
    return out


def vouched(db: Database, manifest: dict, parsed: list, path) -> tuple[list, dict, dict]:
    """The lines to apply, the verified heads to keep, and {origin: operations left out}
    of stations not enrolled here. Refuses new operations under this station's own
    identity, unsigned or forged runs of enrolled stations, and reference data."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    heads = _heads(manifest, path)
    own = sync_keys.own(db)
    keys = dict(db.execute("SELECT origin, public_key FROM trusted_station WHERE revoked = 0"))
    sender_code = _code(db, manifest["from"]["origin"])
    kept, verified, left_out = [], {}, {}
    for origin, run in _runs(parsed).items():
        last = run[-1][0]
        if is_reference(origin):
            raise BundleRefused(
                "forged",
                tr(
                    "{path} carries reference data, which every station builds itself and "
                    "never receives: it was forged by station {sender}. Nothing was imported.",
                    path=path,
                    sender=sender_code,
                ),
            )
        if origin == own.origin:
            if last[1] > oplog.head(db, origin)[0]:
                raise BundleRefused(
                    "forged",
                    tr(
                        "{path} from station {sender} carries operations under this "
                        "station's own identity that this station never made: they are "
                        "forged. Nothing was imported.",
                        path=path,
                        sender=sender_code,
                    ),
                )
            kept += run  # ones this station made: merge checks they are the same
            continue
        if origin not in keys:
            if last[1] <= oplog.head(db, origin)[0]:
                kept += run  # held already (enrolled once, or revoked since): merge checks
            else:
                left_out[origin] = len(run)
            continue
        head = heads.get(origin)
        if head is None:
            raise BundleRefused(
                "unsigned",
                tr(
                    "{path} carries operations of station {code} without that station's "
                    "signature; nothing was imported.",
                    path=path,
                    code=_code(db, origin),
                ),
            )
        seq, digest, signature = head
        try:
            Ed25519PublicKey.from_public_bytes(keys[origin]).verify(
                signature, head_text(origin, seq, digest)
            )
        except (InvalidSignature, ValueError):
            raise BundleRefused(
                "forged",
                tr(
                    "{path} carries operations of station {code} that station did not "
                    "sign: they are forged (relayed by station {sender}). Nothing was "
                    "imported.",
                    path=path,
                    code=_code(db, origin),
                    sender=sender_code,
                ),
            ) from None
        if last[1] != seq or last[9] != digest:
            raise BundleRefused(
                "forged",
                tr(
                    "The operations of station {code} in {path} do not end at the head that "
                    "station signed: they were altered. Nothing was imported.",
                    path=path,
                    code=_code(db, origin),
                ),
            )
        kept += run
        verified[origin] = head
    return kept, verified, left_out


def _keep_heads(db: Database, heads: dict[str, tuple[int, str, bytes]]) -> None:
    """Store the heads others signed (to relay their operations with), and forget older
    ones this station holds every operation of."""
    touch(db, "signed_head")
    for origin, (seq, digest, signature) in heads.items():
        db.execute(
            "INSERT OR IGNORE INTO signed_head (origin, seq, hash, signature) VALUES (?, ?, ?, ?)",
            [origin, seq, digest, signature],
        )
        held = oplog.head(db, origin)[0]
        db.execute(
            "DELETE FROM signed_head WHERE origin = ? AND seq < (SELECT max(seq) FROM "
            "signed_head WHERE origin = ? AND seq <= ?)",
            [origin, origin, held],
        )


# ---------------------------------------------------------------- importing


def import_(db: Database, path: Path, ctx: Ctx | None = None) -> ImportResult:
    """Verify and apply a bundle, all or nothing. Refusals leave the database unchanged.
    The SYNC right (ctx None: the program itself)."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    # A bundle's operations are hundreds of thousands of small, acyclic objects: the cyclic
    # collector would walk them again and again as they are made (a third of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(db, path)
    finally:
        if collecting:
            gc.enable()


def _import(db: Database, path: Path) -> ImportResult:
    manifest, body = read(db, path)
    sender = manifest["from"]
    origin = str(sender["origin"])
    try:
        parsed = [parse_line(line) for line in split_lines(body)]
        if len(parsed) != manifest["ops"]:
            raise ValueError("count")
        refuse_revoked_origins(db, [fields[:2] for fields, _ in parsed], origin, path)
        kept, heads, left_out = vouched(db, manifest, parsed, path)
        marks: list = []
        ops = chain_runs(db, kept, path, marks)
        ops, taken_as_withheld = orphans.withhold_orphans(db, ops)
        report = _report(manifest)
        vector = {str(k): int(v) for k, v in dict(manifest.get("vector") or {}).items()}
        sequence = int(manifest.get("sequence") or 0)
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise _damaged(path) from exc

    def record(result: merge.MergeResult) -> None:
        """What the bundle tells about its sender, committed with its operations."""
        already = (
            result.applied == 0 and not result.withheld and not result.deferred and not left_out
        )
        touch(db, "trusted_station", "bundle_log", "signed_mark", "peer_withheld")
        orphans.record(db, taken_as_withheld)
        _keep_heads(db, heads)
        db.conn.executemany(
            "INSERT OR IGNORE INTO signed_mark (origin, seq, hash, signature) VALUES (?, ?, ?, ?)",
            marks,
        )
        if report is not None:
            db.execute("DELETE FROM peer_withheld WHERE peer = ?", [origin])
            db.conn.executemany(
                "INSERT OR IGNORE INTO peer_withheld (peer, origin, first, last, classes) "
                "VALUES (?, ?, ?, ?, ?)",
                [(origin, *r) for r in report],
            )
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
                "known, deferred, sha256, at, note) VALUES ('in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    origin,
                    sequence,
                    str(path),
                    len(parsed),
                    result.applied,
                    result.known,
                    len(result.deferred),
                    manifest["sha256"],
                    at,
                    _left_out_note(left_out),
                ],
            )

    backup_actions.before_bundle(db, ops)  # a copy before a merge, audited at once
    try:
        result = merge.apply_ops(db, ops, then=record)
    except BundleRefused:
        raise
    except BioError as exc:  # a payload or chain the merge refused: the bundle is refused
        raise BundleRefused("invalid", str(exc)) from exc
    already = result.applied == 0 and not result.withheld and not result.deferred and not left_out
    return ImportResult(
        applied=result.applied,
        withheld=result.withheld,
        known=result.known,
        deferred=len(result.deferred),
        sender={k: sender.get(k) for k in ("origin", "code", "name")},
        sequence=sequence,
        already_imported=already,
        ops=len(parsed),
        deferred_refs=[op.ref for op in result.deferred],
        clock_ahead=result.clock_ahead,
        unvouched=left_out,
    )


MAX_REPORT = 10_000


def _report(manifest: dict) -> list[tuple] | None:
    """The sender's ranges of operations it holds withheld (export.withheld_report), as
    peer_withheld rows; None when the manifest has none (an older sender). Raises
    ValueError when malformed."""
    report = manifest.get("withheld")
    if report is None:
        return None
    if type(report) is not dict:
        raise ValueError("withheld")
    rows = []
    for origin, ranges in report.items():
        if type(ranges) is not list:
            raise ValueError("withheld")
        for item in ranges:
            first, last, names = item
            if not (
                type(first) is int
                and type(last) is int
                and 1 <= first <= last
                and type(names) is list
                and names
                and all(n in entitlement.CLASSES for n in names)
            ):
                raise ValueError("withheld")
            rows.append((origin, first, last, oplog.dumps(sorted(set(names)))))
            if len(rows) > MAX_REPORT:
                raise ValueError("withheld")
    return rows


def _left_out_note(left_out: dict[str, int]) -> str:
    if not left_out:
        return ""
    return tr(
        "{count} operation(s) of stations not enrolled here were left out: {origins}",
        count=sum(left_out.values()),
        origins=", ".join(sorted(left_out)),
    )


def record_refusal(db: Database, source: str, refusal: BioError, data_path=None) -> None:
    """Keep a refused bundle's cause (a hub's bundle is then passed over for good)."""
    sender, digest = "", ""
    if data_path is not None:
        try:
            digest = hashlib.sha256(Path(data_path).read_bytes()).hexdigest()
        except OSError:
            pass
    with transaction(db, touches=("bundle_refused",)):
        db.execute(
            "INSERT INTO bundle_refused (source, sender, sha256, cause, message, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                source,
                sender,
                digest,
                getattr(refusal, "cause", "refused"),
                str(refusal),
                values.now_iso(),
            ],
        )
