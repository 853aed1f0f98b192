"""The bundle's wire format: its entries, the encoding of operations as ops.jsonl lines,
reading them back, and checking each origin's run against the hash chain this station
holds (see the package's docstring for the format and the trust model)."""

import base64
import binascii
import hashlib
import json
import re
import zipfile
import zlib

import orjson

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.oplog import Op
from desktop.sync import entitlement

# What reading a damaged or hostile zip raises besides OSError: zipfile's NotImplementedError
# for a compression method it cannot read and RuntimeError for encryption, zlib.error for a
# broken stream, EOFError for a cut one — a damaged file, refused as such (bundles, snapshots).
ZIP_DAMAGE = (
    zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError,
)  # fmt: skip

FORMAT = "bioreserve-bundle/2"
MANIFEST, OPS, SIGNATURE = "manifest.json", "ops.jsonl", "signature"
REFERENCE_PREFIX = station.REFERENCE_ORIGIN + "-"
OPS_COMPRESSLEVEL = 9
# The kind of a withheld operation (a stub) once read: [origin, seq, hlc, class, hash] on
# the wire, its content left out for a station not entitled to its class (entitlement.py).
WITHHELD = "withheld"
_HASH = re.compile(r"[0-9a-f]{64}")

# Limits checked before anything is decompressed or parsed (a bundle is hostile input).
MAX_BUNDLE_BYTES = 1 << 30  # the zip file (a province's first full sync is ~0.5 GB)
MAX_MANIFEST_BYTES = 1 << 20  # the manifest: its version vector and heads list origins
MAX_SIGNATURE_BYTES = 256
MAX_OPS = 20_000_000
MAX_LINE_BYTES = 1 << 20  # one operation (a playbook task's instructions are a few KB)
MAX_OPS_BYTES = 4 << 30  # what ops.jsonl may decompress to, whatever it declares


def ops_limit(count: int) -> int:
    """What ops.jsonl of `count` operations may decompress to at the most: 16 KB an
    operation on average (real ones take about 200 bytes)."""
    return min(MAX_OPS_BYTES, count * (16 << 10) + MAX_LINE_BYTES)


class BundleRefused(BioError):
    """A bundle that was not imported; `cause` names why, for programs and tests:
    damaged | too_large | unknown_sender | revoked | own | tampered | not_for_us | schema |
    revoked_origin | chain | forged | unsigned | invalid | drill_into_live |
    live_into_drill | other_drill."""

    def __init__(self, cause: str, message: str):
        super().__init__(message)
        self.cause = cause


def is_reference(origin: str) -> bool:
    return origin == station.REFERENCE_ORIGIN or origin.startswith(REFERENCE_PREFIX)


def encode_ops(ops: list[Op]) -> list[str]:
    """ops.jsonl lines: canonical lists; the last op of each origin's run with its hash."""
    lines = []
    for i, op in enumerate(ops):
        last = i + 1 == len(ops) or ops[i + 1].origin != op.origin
        lines.append(f'{op.canonical()[:-1]},"{op.hash}"]' if last else op.canonical())
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


def parse_line(line: str) -> _Parsed:
    """Parse one ops.jsonl line. Raises ValueError if it is not a well-formed operation.

    The payload's text is taken from the line, not encoded again: the line is the text the
    hash covers (the hash, when there, comes after it). Where the head, the bases or the
    layout differ from what dumps() writes, the canonical encoding of the values is used
    instead; and a run whose lines do not hash to the hash it ends with is hashed again
    from the canonical encoding of its values (chain_runs), so every bundle accepted before is
    accepted. Either way the text hashed is the text stored, so this station's chains verify
    (check); other text can only pass if its signer hashed it so, as it could any content."""
    if len(line) > MAX_LINE_BYTES:
        raise ValueError("operation too long")
    try:
        # orjson (Rust: about five times faster on ops.jsonl) where it can; what it refuses
        # and the standard parser takes (numbers beyond 64 bits or a double, NaN, lone
        # surrogates, nesting past 1,024) is read by the standard parser, so every line
        # reads as before
        fields = orjson.loads(line)
    except orjson.JSONDecodeError:
        try:
            fields = json.loads(line)
        except RecursionError as exc:  # nested beyond reason
            raise ValueError("operation nested too deep") from exc
    if type(fields) is list and len(fields) == 5:
        return _parse_stub(fields)
    if type(fields) is not list or len(fields) not in (9, 10, 11):
        raise ValueError("operation fields")
    origin, seq, hlc, actor, kind, tbl, row_id, payload, bases = fields[:9]
    digest = fields[9] if len(fields) >= 10 else ""
    mark = fields[10] if len(fields) == 11 else ""
    if not (
        type(mark) is str
        and (not mark or digest)
        and kind != WITHHELD
        and type(origin) is str
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
    suffix = f',"{digest}","{mark}"]' if mark else f',"{digest}"]'
    text = line if not digest else line[: -len(suffix)] + "]"
    payload_json = text[len(head) : -len(tail)]
    if not (
        (not digest or line.endswith(suffix))
        and text.startswith(head)
        and text.endswith(tail)
        and payload_json[:1] == "{"
        and payload_json[-1:] == "}"
        and len(text) > len(head) + len(tail)
    ):
        payload_json = oplog.encode_json(payload)
        text = f"{head}{payload_json}{tail}"
    return (origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, digest, mark), (
        payload_json,
        bases_json,
        text,
    )


def _parse_stub(fields: list) -> _Parsed:
    """A withheld operation's line: [origin, seq, hlc, class, hash] (hash "" when the
    sender holds none bound)."""
    origin, seq, hlc, cls, digest = fields
    if not (
        type(origin) is str
        and type(seq) is int
        and seq >= 1
        and type(hlc) is int
        and cls in entitlement.CLASSES
        and type(digest) is str
        and (not digest or _HASH.fullmatch(digest))
    ):
        raise ValueError("withheld operation fields")
    return (origin, seq, hlc, "", WITHHELD, cls, "", {}, [], digest, ""), ("{}", "[]", "")


def stub_line(origin: str, seq: int, hlc: int, cls: str, digest: str) -> str:
    return oplog.encode_json([origin, seq, hlc, cls, digest])


def is_stub(op: Op) -> bool:
    return op.kind == WITHHELD


def _op(fields: tuple, texts: tuple, digest: str, chained_after: str | None) -> Op:
    """The Op of parsed fields with `digest` as its hash (built without the dataclass's
    __init__, which sets each field through object.__setattr__: 100,000 ops a second)."""
    origin, seq, hlc, actor, kind, tbl, row_id, payload, bases = fields[:9]
    payload_json, bases_json, text = texts
    op = object.__new__(_Canonical)  # Op.made's fields, and the two of a bundle's op
    op.__dict__.update(
        origin=origin, seq=seq, hlc=hlc, actor=actor, kind=kind, tbl=tbl, row_id=row_id,
        payload=payload, bases=bases, hash=digest, payload_json=payload_json,
        bases_json=bases_json, canonical_text=text, chained_after=chained_after,
    )  # fmt: skip
    return op


def decode_op(line: str) -> Op:
    """One ops.jsonl line; the hash is "" where the line carries none."""
    fields, texts = parse_line(line)
    return _op(fields, texts, fields[9], None)


def split_lines(body: bytes) -> list[str]:
    # Split on "\n" only: str.splitlines() also splits at U+2028, U+2029 and U+0085, which
    # JSON written with ensure_ascii=False leaves unescaped inside strings.
    return [line for line in body.decode("utf-8").split("\n") if line]


def decode_ops(body: bytes) -> list[Op]:
    """Every op of ops.jsonl as sent. Raises ValueError if malformed."""
    return [decode_op(line) for line in split_lines(body)]


def rechain(db: Database, ops: list[Op], path) -> list[Op]:
    """The ops with every hash recomputed from the chain this station holds, checked
    against the hash each origin's run ends with. A run whose predecessor this station
    lacks is left as sent: merge defers it (a later bundle fills the gap)."""
    parsed = [
        (
            (op.origin, op.seq, op.hlc, op.actor, op.kind, op.tbl, op.row_id)
            + (op.payload, op.bases, op.hash, ""),
            (op.payload_json, op.bases_json, op.canonical()),
        )
        for op in ops
    ]
    return chain_runs(db, parsed, path)


def _canonical_texts(fields: tuple) -> tuple[str, str, str]:
    """(payload, bases, whole op) text of an op's fields as dumps() writes them."""
    payload_json, bases_json = oplog.encode_json(fields[7]), oplog.encode_json(fields[8])
    origin, seq, hlc, actor, kind, tbl, row_id = fields[:7]
    text = oplog.canonical_text(
        origin, seq, hlc, actor, kind, tbl, row_id, payload_json, bases_json
    )
    return payload_json, bases_json, text


class _Mismatch(Exception):
    """A run's text does not hash to what it states (tried again from the canonical
    encoding of its values before it is refused)."""


def chain_runs(db: Database, parsed: list[_Parsed], path, marks: list | None = None) -> list[Op]:
    """rechain() of parsed lines: each op is built once, with its hash computed here.

    A run may hold withheld operations (stubs: their place, class and hash, not their
    content). The operations before a stub cannot be checked through it (its hash covers
    content this station never sees), so the real operation just before a stub must carry
    its origin's signature of the chain's head there (a mark), verified here; a stub's
    hash is bound by what follows it (the next real operations, checked up to the next
    mark or the signed head) — a stub followed by another stub is kept with no hash.
    marks, when given, receives (origin, seq, hash, signature) of each mark verified."""
    out: list[Op] = []
    start = 0
    keys = dict(db.execute("SELECT origin, public_key FROM trusted_station WHERE revoked = 0"))
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
        held = oplog.held_hash(db, origin, first_seq - 1)
        # Lines this station holds already after a withheld operation with no bound hash:
        # the chain can be taken up only where a hash is held (they are known here).
        while held == "" and first_seq > 1 and len(run) > 1:
            run = run[1:]
            first_seq += 1
            held = oplog.held_hash(db, origin, first_seq - 1)
        if held is None or (held == "" and first_seq > 1):
            out += [_op(fields, texts, fields[9], None) for fields, texts in run]
            continue
        key = keys.get(origin)
        found: list = []

        def lookup(seq: int, origin: str = origin) -> str | None:
            return oplog.held_hash(db, origin, seq)

        try:
            out += _chain(origin, run, held, key, found, lookup)
        except _Mismatch:
            # Lines laid out otherwise than dumps() would write them: the hash is the one of
            # the canonical encoding of their values (as every importer computed it before).
            canonical = [
                (fields, texts if fields[4] == WITHHELD else _canonical_texts(fields))
                for fields, texts in run
            ]
            found = []
            try:
                out += _chain(origin, canonical, held, key, found, lookup)
            except _Mismatch:
                raise BundleRefused(
                    "chain",
                    tr(
                        "The operations of station {origin} in {path} do not continue the "
                        "hash chain this station holds: one of the databases was altered or "
                        "forked. Nothing was imported.",
                        origin=origin,
                        path=path,
                    ),
                ) from None
            except _Unvouched:
                raise _unvouched(origin, path) from None
        except _Unvouched:
            raise _unvouched(origin, path) from None
        if marks is not None:
            marks += found
    return out


class _Unvouched(Exception):
    """Operations before a withheld one without their origin's signature."""


def _unvouched(origin: str, path) -> BundleRefused:
    return BundleRefused(
        "forged",
        tr(
            "{path} leaves out operations of station {origin} after operations that station "
            "did not sign: they cannot be checked. Nothing was imported.",
            path=path,
            origin=origin,
        ),
    )


def _chain(origin: str, run: list[_Parsed], previous: str, key, marks: list, held) -> list[Op]:
    """The run's ops with their hashes chained from `previous` (see chain_runs); held(seq):
    the hash of the origin's operation seq held here (None, or '' when not bound)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    public = Ed25519PublicKey.from_public_bytes(key) if key is not None else None
    out: list[Op] = []
    sha256 = hashlib.sha256
    unvouched = False
    count = len(run)
    for i, (fields, texts) in enumerate(run):
        last = i + 1 == count
        if fields[4] == WITHHELD:
            if unvouched and public is not None:
                raise _Unvouched()
            bound = last or run[i + 1][0][4] != WITHHELD
            if bound and not fields[9]:
                raise _Mismatch()
            out.append(_op(fields, texts, fields[9] if bound else "", previous))
            # the hash the next line chains from: the one held here when bound (a run of
            # withheld operations sent again binds only its last), else the one sent
            previous = held(fields[1]) or fields[9]
            unvouched = False
            continue
        digest = sha256((previous + texts[2]).encode("utf-8")).hexdigest()
        if fields[9] and fields[9] != digest:
            raise _Mismatch()
        mark = fields[10]
        if mark and public is not None:
            try:
                signature = base64.b64decode(mark, validate=True)
                public.verify(signature, oplog.head_text(origin, fields[1], digest))
            except (InvalidSignature, ValueError, binascii.Error):
                raise _Unvouched() from None
            marks.append((origin, fields[1], digest, signature))
            unvouched = False
        else:
            unvouched = True
        out.append(_op(fields, texts, digest, previous))
        previous = digest
    return out
