"""The bundle's wire format: its entries, the encoding of operations as ops.jsonl lines,
reading them back, and checking each origin's run against the hash chain this station
holds (see the package's docstring for the format and the trust model)."""

import hashlib
import json

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.oplog import Op

FORMAT = "bioreserve-bundle/2"
MANIFEST, OPS, SIGNATURE = "manifest.json", "ops.jsonl", "signature"
REFERENCE_PREFIX = station.REFERENCE_ORIGIN + "-"
OPS_COMPRESSLEVEL = 9

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
        fields = json.loads(line)
    except RecursionError as exc:  # nested beyond reason
        raise ValueError("operation nested too deep") from exc
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
            + (op.payload, op.bases, op.hash),
            (op.payload_json, op.bases_json, op.canonical()),
        )
        for op in ops
    ]
    return chain_runs(db, parsed, path)


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
    origin, seq, hlc, actor, kind, tbl, row_id = fields[:7]
    text = oplog.canonical_text(
        origin, seq, hlc, actor, kind, tbl, row_id, payload_json, bases_json
    )
    return payload_json, bases_json, text


def chain_runs(db: Database, parsed: list[_Parsed], path) -> list[Op]:
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
