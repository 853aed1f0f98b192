"""Sync bundles: one file (USB stick) carrying operations from one station to others.

A bundle is a zip (deflated) of three entries:

    manifest.json  {"format": "bioreserve-bundle/1", "schema": N,
                    "from": {"origin", "code", "name"}, "to": origin or null,
                    "sequence": n, "vector": {origin: seq}, "ops": count,
                    "sha256": hex of ops.jsonl, "created_at": ISO time}
    ops.jsonl      one operation per line, its canonical JSON list (Op.canonical())
                   [origin, seq, hlc, actor, kind, tbl, row_id, payload, bases], in
                   origin then seq order; the last op of each origin's run also carries
                   its hash as a tenth element
    signature      the raw 64-byte Ed25519 signature of manifest.json's bytes

The signature covers the manifest, the manifest covers ops.jsonl by its SHA-256: nothing
is parsed beyond the manifest before both check out. Import verifies in this order: the
zip is complete, the manifest parses, the sender is enrolled and not revoked, the
signature, the recipient (`to` is this station or null), the hash, the schema version;
only then are the operations parsed, checked for operations of revoked stations, rechained
and merged (desktop.core.store.merge, one durable transaction, all or nothing).

Why only one hash per run: each op's hash is sha256(previous hash + canonical op), so the
importer recomputes the run from the hash it holds for the op before it, and the run's
last hash must come out equal to the one sent. That checks every op of the run against
its origin's chain as strictly as a hash per op would, and saves the 32 incompressible
bytes each hash costs (81 → 39 bytes per op on the demo data set, deflated).

Trust model: a bundle is vouched for by its sender's signature, whatever the origin of
the operations inside. A station relays what it holds, so C accepts A's operations from
B's bundle when C trusts B; the operations keep A's origin, and A's hash chain still
protects them (merge refuses an op that does not continue its origin's chain, so a relay
cannot alter operations already held elsewhere without the change showing). Operations
of a station whose key this station revoked are not taken from a relay either: a bundle
that carries ones this station does not already hold is refused whole (revoked_origin).
Operations of stations never enrolled here are taken: the relay vouches for them.

What to send: the operations the recipient lacks according to the version vector it last
acknowledged (the `vector` of its last bundle imported here, kept in
trusted_station.acked); with no recipient, what not every enrolled station has
acknowledged. Reference data (REF-* origins) is identical everywhere and never sent.
"""

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import merge, migrate, oplog, station
from desktop.core.store.oplog import Op
from desktop.core.store.writepath import touch, transaction
from desktop.sync import keys as sync_keys

FORMAT = "bioreserve-bundle/1"
MANIFEST, OPS, SIGNATURE = "manifest.json", "ops.jsonl", "signature"
REFERENCE_PREFIX = station.REFERENCE_ORIGIN + "-"
OPS_COMPRESSLEVEL = 9


class BundleRefused(BioError):
    """A bundle that was not imported; `cause` names why, for programs and tests:
    damaged | unknown_sender | revoked | own | tampered | not_for_us | schema |
    revoked_origin | chain."""

    def __init__(self, cause: str, message: str):
        super().__init__(message)
        self.cause = cause


@dataclass
class ExportResult:
    path: str
    to: str | None
    sequence: int
    ops: int
    bytes: int
    sha256: str


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


def is_reference(origin: str) -> bool:
    return origin == station.REFERENCE_ORIGIN or origin.startswith(REFERENCE_PREFIX)


def encode_ops(ops: list[Op]) -> list[str]:
    """ops.jsonl lines: canonical lists; the last op of each origin's run with its hash."""
    lines = []
    for i, op in enumerate(ops):
        last = i + 1 == len(ops) or ops[i + 1].origin != op.origin
        lines.append(f'{op.canonical()[:-1]},"{op.hash}"]' if last else op.canonical())
    return lines


def export_lines(db, known: dict[str, int]) -> list[str]:
    """ops.jsonl lines of every op not covered by `known`, reference data left out: what
    encode_ops(ops_since(db, known)) makes, assembled from the stored (canonical) JSON text
    of each op without decoding it."""
    lines: list[str] = []
    for origin, after in oplog.runs_since(db, known):
        if is_reference(origin):
            continue
        texts, digest = oplog.canonical_run(db, origin, after)
        if texts:
            texts[-1] = f'{texts[-1][:-1]},"{digest}"]'
            lines += texts
    return lines


class _Canonical(Op):
    """An op read from a bundle that keeps the canonical text its hash is computed from, so
    that hashing it again (merge) neither encodes nor copies it. `chained_after`: the hash of
    the previous op of its origin that `hash` was computed from here (None: as sent)."""

    def canonical(self) -> str:
        text = self.__dict__.get("canonical_text")
        return text if text is not None else super().canonical()


# An ops.jsonl line, parsed: the op's ten fields (hash "" if the line has none), and its
# payload, its bases and its canonical text as text.
_Parsed = tuple[tuple, tuple[str, str, str]]


def _parse(line: str) -> _Parsed:
    """Parse one ops.jsonl line. Raises ValueError if it is not a well-formed operation.

    The payload's text is taken from the line, not encoded again: the line is the text the
    hash covers (the hash, when there, comes after it). Where the head, the bases or the
    layout differ from what dumps() writes, the canonical encoding of the values is used
    instead; and a run whose lines do not hash to the hash it ends with is hashed again
    from the canonical encoding of its values (_chain), so every bundle accepted before is
    accepted. Either way the text hashed is the text stored, so this station's chains verify
    (check); other text can only pass if its signer hashed it so, as it could any content."""
    fields = json.loads(line)
    if type(fields) is not list or len(fields) not in (9, 10):
        raise ValueError("operation fields")
    origin, seq, hlc, actor, kind, tbl, row_id, payload, bases = fields[:9]
    digest = fields[9] if len(fields) == 10 else ""
    if not (
        type(origin) is str
        and type(seq) is int
        and seq >= 1
        and type(hlc) is int
        and type(payload) is dict
        and type(bases) is list
        and type(actor) is str
        and type(kind) is str
        and type(tbl) is str
        and type(row_id) is str
        and type(digest) is str
    ):
        raise ValueError("operation fields")
    head = oplog.canonical_head(origin, seq, hlc, actor, kind, tbl, row_id)
    bases_json = oplog.encode_json(bases) if bases else "[]"
    tail = f",{bases_json}]"
    text = line if not digest else line[: -len(digest) - 4] + "]"
    payload_json = text[len(head) : -len(tail)]
    if not (
        (not digest or line.endswith(f',"{digest}"]'))
        and text.startswith(head)
        and text.endswith(tail)
        and payload_json[:1] == "{"
        and payload_json[-1:] == "}"
        and len(text) > len(head) + len(tail)
    ):
        payload_json = oplog.encode_json(payload)
        text = f"{head}{payload_json}{tail}"
    return (origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, digest), (
        payload_json,
        bases_json,
        text,
    )


def _op(fields: tuple, texts: tuple, digest: str, chained_after: str | None) -> Op:
    """The Op of parsed fields with `digest` as its hash (built without the dataclass's
    __init__, which sets each field through object.__setattr__: 100,000 ops a second)."""
    op = _Canonical.__new__(_Canonical)
    origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, _ = fields
    payload_json, bases_json, text = texts
    op.__dict__.update(
        origin=origin,
        seq=seq,
        hlc=hlc,
        actor=actor,
        kind=kind,
        tbl=tbl,
        row_id=row_id,
        payload=payload,
        bases=bases,
        hash=digest,
        payload_json=payload_json,
        bases_json=bases_json,
        canonical_text=text,
        chained_after=chained_after,
    )
    return op


def decode_op(line: str) -> Op:
    """One ops.jsonl line; the hash is "" where the line carries none."""
    fields, texts = _parse(line)
    return _op(fields, texts, fields[9], None)


def _lines(body: bytes) -> list[str]:
    # Split on "\n" only: str.splitlines() also splits at U+2028, U+2029 and U+0085, which
    # JSON written with ensure_ascii=False leaves unescaped inside strings.
    return [line for line in body.decode("utf-8").split("\n") if line]


def decode_ops(body: bytes) -> list[Op]:
    """Every op of ops.jsonl as sent. Raises ValueError if malformed."""
    return [decode_op(line) for line in _lines(body)]


def rechain(db, ops: list[Op], path) -> list[Op]:
    """The ops with every hash recomputed from the chain this station holds, checked
    against the hash each origin's run ends with. A run whose predecessor this station
    lacks is left as sent: merge defers it (a later bundle fills the gap)."""
    parsed = [
        (
            (op.origin, op.seq, op.hlc, op.actor, op.kind, op.tbl, op.row_id)
            + (op.payload, op.bases, op.hash),
            (op.payload_json, op.bases_json, op.canonical()),
        )
        for op in ops
    ]
    return _chain(db, parsed, path)


def _hashes(previous: str, texts: list[str]) -> list[str]:
    """The chain hashes of consecutive canonical texts after `previous`."""
    out = []
    sha256 = hashlib.sha256
    for text in texts:
        previous = sha256((previous + text).encode("utf-8")).hexdigest()
        out.append(previous)
    return out


def _canonical_texts(fields: tuple) -> tuple[str, str, str]:
    """(payload, bases, whole op) text of an op's fields as dumps() writes them."""
    payload_json, bases_json = oplog.encode_json(fields[7]), oplog.encode_json(fields[8])
    return payload_json, bases_json, oplog.canonical_text(*fields[:7], payload_json, bases_json)


def _chain(db, parsed: list[_Parsed], path) -> list[Op]:
    """rechain() of parsed lines: each op is built once, with its hash computed here."""
    out: list[Op] = []
    start = 0
    while start < len(parsed):
        origin = parsed[start][0][0]
        end = start
        while end + 1 < len(parsed) and parsed[end + 1][0][0] == origin:
            end += 1
        run = parsed[start : end + 1]
        start = end + 1
        first_seq = run[0][0][1]
        sent = run[-1][0][9]
        if not sent or any(f[1] != first_seq + i for i, (f, _) in enumerate(run)):
            raise ValueError("run")
        row = db.execute(
            "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [origin, first_seq - 1]
        ).fetchone()
        if first_seq > 1 and row is None:
            out += [_op(fields, texts, fields[9], None) for fields, texts in run]
            continue
        held = row[0] if row else ""
        chained = _hashes(held, [texts[2] for _, texts in run])
        if chained[-1] != sent:
            # Lines laid out otherwise than dumps() would write them: the hash is the one of
            # the canonical encoding of their values (as every importer computed it before).
            run = [(fields, _canonical_texts(fields)) for fields, _ in run]
            chained = _hashes(held, [texts[2] for _, texts in run])
        if chained[-1] != sent:
            raise BundleRefused(
                "chain",
                tr(
                    "The operations of station {origin} in {path} do not continue the hash "
                    "chain this station holds: one of the databases was altered or forked. "
                    "Nothing was imported.",
                    origin=origin,
                    path=path,
                ),
            )
        out += [
            _op(fields, texts, digest, previous)
            for (fields, texts), digest, previous in zip(
                run, chained, [held, *chained[:-1]], strict=True
            )
        ]
    return out


def _code(db, origin: str) -> str:
    """A trusted station's code, or its origin id when not enrolled."""
    row = db.execute("SELECT code FROM trusted_station WHERE origin = ?", [origin]).fetchone()
    return row[0] if row else origin


def refuse_revoked_origins(db, ops: list[tuple[str, int]], sender: str, path) -> None:
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


def history(db, limit: int = 500) -> list[dict]:
    """Bundles exported and imported here, newest first, with the peer's code and name."""
    return list(
        db.query(
            "SELECT b.id, b.direction, b.peer_origin, t.code AS peer_code, "
            "t.name AS peer_name, b.sequence, b.path, b.ops, b.applied, b.known, b.deferred, "
            "b.at FROM bundle_log b LEFT JOIN trusted_station t ON t.origin = b.peer_origin "
            "ORDER BY b.id DESC LIMIT ?",
            [limit],
        )
    )


def acked(db, origin: str) -> dict[str, int]:
    row = db.execute("SELECT acked FROM trusted_station WHERE origin = ?", [origin]).fetchone()
    return json.loads(row[0]) if row else {}


def baseline(db, for_origin: str | None) -> dict[str, int]:
    """What the recipient (or, with none, every enrolled station) is known to hold."""
    if for_origin is not None:
        return acked(db, for_origin)
    vectors = [
        json.loads(r[0]) for r in db.execute("SELECT acked FROM trusted_station WHERE revoked = 0")
    ]
    if not vectors:
        return {}
    common = set(vectors[0]).intersection(*vectors[1:])
    return {origin: min(v[origin] for v in vectors) for origin in common}


def export(db, path: Path, for_origin: str | None = None) -> ExportResult:
    """Write a signed bundle of what the recipient lacks. for_origin: a trusted station's
    origin (or code), None for any station."""
    st = sync_keys.own(db)
    to = None
    if for_origin is not None:
        peer = sync_keys.find(db, for_origin)
        if peer["revoked"]:
            raise BioError(
                tr(
                    "The key of station {code} is revoked; no bundle is made for it.",
                    code=peer["code"],
                )
            )
        to = peer["origin"]
    known = baseline(db, to)
    vector = oplog.vector(db)
    lines = export_lines(db, known)
    body = ("\n".join(lines) + "\n" if lines else "").encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    sent = db.execute("SELECT count(*) FROM bundle_log WHERE direction = 'out'").fetchone()[0]
    sequence = sent + 1
    manifest = {
        "format": FORMAT,
        "schema": migrate.current_version(db),
        "from": {"origin": st.origin, "code": st.code, "name": st.name},
        "to": to,
        "sequence": sequence,
        "vector": vector,
        "ops": len(lines),
        "sha256": digest,
        "created_at": values.now_iso(),
    }
    manifest_bytes = oplog.dumps(manifest).encode("utf-8")
    signature = station.sign(db, manifest_bytes)
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(OPS, body, compresslevel=OPS_COMPRESSLEVEL)
            archive.writestr(SIGNATURE, signature, compress_type=zipfile.ZIP_STORED)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    with transaction(db, touches=("bundle_log",)):
        db.execute(
            "INSERT INTO bundle_log (direction, peer_origin, sequence, path, ops, sha256, at) "
            "VALUES ('out', ?, ?, ?, ?, ?, ?)",
            [to, sequence, str(path), len(lines), digest, manifest["created_at"]],
        )
    return ExportResult(str(path), to, sequence, len(lines), path.stat().st_size, digest)


def _damaged(path) -> BundleRefused:
    return BundleRefused(
        "damaged",
        tr(
            "{path} is not a complete BioReserve bundle (truncated or damaged). Copy it "
            "from the sending station again; nothing was imported.",
            path=path,
        ),
    )


def read(db, path: Path) -> tuple[dict, bytes]:
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


def import_(db, path: Path) -> ImportResult:
    """Verify and apply a bundle, all or nothing. Refusals leave the database unchanged."""
    manifest, body = read(db, path)
    sender = manifest["from"]
    origin = str(sender["origin"])
    try:
        parsed = [_parse(line) for line in _lines(body)]
        if len(parsed) != manifest.get("ops"):
            raise ValueError("count")
        refuse_revoked_origins(db, [fields[:2] for fields, _ in parsed], origin, path)
        ops = _chain(db, parsed, path)
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
