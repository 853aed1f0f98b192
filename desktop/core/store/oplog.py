"""Operations: the unit of change that stations exchange, and the audit trail.

An operation sets fields of one row of a synced table. Its identity is
(origin, seq); its order is its stamp (hlc, origin, seq). Each origin's
operations form a hash chain, so a changed or removed past operation shows.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

import orjson

from desktop.core.store.handle import Database

Stamp = tuple[int, str, int]


@dataclass(frozen=True)
class Op:
    origin: str
    seq: int
    hlc: int
    actor: str
    kind: str  # insert | update | delete
    tbl: str
    row_id: str
    payload: dict
    bases: list = field(default_factory=list)
    hash: str = ""

    @property
    def stamp(self) -> Stamp:
        return (self.hlc, self.origin, self.seq)

    @property
    def ref(self) -> str:
        return f"{self.origin}:{self.seq}"

    @cached_property
    def payload_json(self) -> str:
        return dumps(self.payload)

    @cached_property
    def bases_json(self) -> str:
        return dumps(self.bases)

    def canonical(self) -> str:
        """The JSON list [origin, seq, hlc, actor, kind, tbl, row_id, payload, bases].

        Built from the payload's JSON, which to_row() stores too: encoded once per op.
        """
        head = canonical_head(
            self.origin, self.seq, self.hlc, self.actor, self.kind, self.tbl, self.row_id
        )
        return f"{head}{self.payload_json},{self.bases_json}]"

    def chained(self, previous_hash: str) -> "Op":
        """This op with its hash computed from the previous op of its origin."""
        digest = chain_hash(previous_hash, self)  # encodes payload_json and bases_json
        op = object.__new__(Op)  # a copy with another hash, as dataclasses.replace makes
        op.__dict__.update(self.__dict__)
        op.__dict__["hash"] = digest
        return op

    @classmethod
    def made(
        cls,
        origin: str,
        seq: int,
        hlc: int,
        actor: str,
        kind: str,
        tbl: str,
        row_id: str,
        payload: dict,
        bases: list,
        digest: str,
        payload_json: str,
        bases_json: str,
    ) -> "Op":
        """An op whose payload and bases are already encoded (payload_json is dumps(payload),
        bases_json dumps(bases)) and hashed (digest): the write path's bulk inserts."""
        op = object.__new__(cls)
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
        )
        return op

    def to_row(self) -> tuple:
        return (
            self.origin,
            self.seq,
            self.hlc,
            self.actor,
            self.kind,
            self.tbl,
            self.row_id,
            self.payload_json,
            self.bases_json,
            self.hash,
        )

    @classmethod
    def from_row(cls, row) -> "Op":
        origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, digest = row
        op = cls(
            origin,
            seq,
            hlc,
            actor,
            kind,
            tbl,
            row_id,
            json.loads(payload),
            json.loads(bases),
            digest,
        )
        # The stored texts are what to_row() wrote, dumps() of these values: canonical()
        # uses them as they are instead of encoding the values again.
        op.__dict__.update(payload_json=payload, bases_json=bases)
        return op


COLUMNS = "origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, hash"
INSERT_SQL = f"INSERT INTO oplog ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The values orjson writes as the encoder above does: texts (escaped alike, keys sorted by
# code point as UTF-8 bytes sort), whole numbers, true, false, null. Floats it writes
# otherwise (1e16 for 1e+16), and objects the standard encoder refuses it may take (dates,
# UUIDs): a payload holding anything else goes to the standard encoder.
_SCALARS = frozenset({str, int, bool, type(None)})
_SORTED = orjson.OPT_SORT_KEYS


def dumps(value) -> str:
    """The canonical JSON text: json.dumps(value, ensure_ascii=False, sort_keys=True,
    separators=(",", ":")) — the text operations are hashed by. A flat object of texts,
    whole numbers, booleans and nulls (every payload of the stock tables) is written by
    orjson, the same characters four times faster; anything orjson refuses (a number
    beyond 64 bits, a lone surrogate, a key that is not text) and everything else by the
    standard encoder, made once instead of one per call."""
    if type(value) is dict and _SCALARS.issuperset(map(type, value.values())):
        try:
            return orjson.dumps(value, option=_SORTED).decode()
        except TypeError:  # orjson.JSONEncodeError
            pass
    return _ENCODER.encode(value)


def chain_hash(previous_hash: str, op: Op) -> str:
    return hashlib.sha256((previous_hash + op.canonical()).encode("utf-8")).hexdigest()


def vector(db: Database) -> dict[str, int]:
    """The newest seq known from each origin."""
    return {origin: seq for origin, seq in db.execute("SELECT origin, seq FROM vector")}


def advance(db: Database, origin: str, seq: int, digest: str) -> None:
    """Record the newest op of an origin in the version vector."""
    db.execute(
        "INSERT INTO vector (origin, seq, hash) VALUES (?, ?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET seq = excluded.seq, hash = excluded.hash "
        "WHERE excluded.seq > vector.seq",
        [origin, seq, digest],
    )


HEAD = "BRH1"  # what an origin signs to vouch for its operations: "BRH1|origin|seq|hash"


def head_text(origin: str, seq: int, digest: str) -> bytes:
    """The bytes an origin signs to vouch for its operations up to seq (its chain head);
    bundles carry them, signed_head keeps the ones other stations signed."""
    return f"{HEAD}|{origin}|{seq}|{digest}".encode("ascii")


def head(db: Database, origin: str) -> tuple[int, str]:
    """(seq, hash) of the newest op known from an origin; (0, "") if none."""
    row = db.execute("SELECT seq, hash FROM vector WHERE origin = ?", [origin]).fetchone()
    return (row[0], row[1]) if row else (0, "")


def held_hash(db: Database, origin: str, seq: int) -> str | None:
    """The hash of an origin's operation `seq` as this station holds it: the operation's, or
    a withheld operation's committed hash ("" when none is bound yet, see withheld_op);
    None when this station holds neither. seq 0 is the start of every chain ("")."""
    if seq == 0:
        return ""
    row = db.execute(
        "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [origin, seq]
    ).fetchone()
    if row is None:
        row = db.execute(
            "SELECT hash FROM withheld_op WHERE origin = ? AND seq = ?", [origin, seq]
        ).fetchone()
    if row is None:  # the head a snapshot summarised the chain at (store/snapbase.py)
        row = db.execute(
            "SELECT hash FROM snapshot_base WHERE origin = ? AND seq = ?", [origin, seq]
        ).fetchone()
    return row[0] if row else None


def ops_since(db: Database, known: dict[str, int] | None = None) -> Iterator[Op]:
    """Every op not covered by a version vector, each origin's in sequence order."""
    for origin, after in runs_since(db, known):
        cursor = db.execute(
            f"SELECT {COLUMNS} FROM oplog WHERE origin = ? AND seq > ? ORDER BY seq",
            [origin, after],
        )
        for row in cursor:
            yield Op.from_row(row)


def runs_since(db: Database, known: dict[str, int] | None = None) -> list[tuple[str, int]]:
    """(origin, seq known) for every origin with ops not covered by a version vector, by
    origin."""
    known = known or {}
    return [
        (origin, known.get(origin, 0))
        for origin, newest in db.execute("SELECT origin, seq FROM vector ORDER BY origin")
        if newest > known.get(origin, 0)
    ]


_string = json.encoder.encode_basestring  # how dumps() writes a string (ensure_ascii=False)
encode_json = dumps  # the name the bulk paths and the bundle reader know it by


def canonical_head(origin, seq, hlc, actor, kind, tbl, row_id) -> str:
    """The start of Op.canonical() up to the payload: '[origin,seq,hlc,actor,kind,tbl,row_id,'."""
    if (
        type(seq) is int
        and type(hlc) is int
        and type(origin) is str
        and type(actor) is str
        and type(kind) is str
        and type(tbl) is str
        and type(row_id) is str
    ):
        return (
            f"[{_string(origin)},{seq},{hlc},{_string(actor)},{_string(kind)},"
            f"{_string(tbl)},{_string(row_id)},"
        )
    return dumps([origin, seq, hlc, actor, kind, tbl, row_id])[:-1] + ","


def canonical_text(origin, seq, hlc, actor, kind, tbl, row_id, payload_json, bases_json) -> str:
    """Op.canonical() from an op's fields, its payload and bases given as their dumps() text
    (as stored in oplog): the same characters, without decoding and encoding them again."""
    head = canonical_head(origin, seq, hlc, actor, kind, tbl, row_id)
    return f"{head}{payload_json},{bases_json}]"


def canonical_run(
    db: Database, origin: str, after: int = 0, upto: int | None = None
) -> tuple[list[str], str]:
    """The canonical text (Op.canonical()) of each op of an origin after seq `after` (up to
    `upto`), in sequence order, built from the stored JSON without decoding it; and the last
    op's hash ("" when there is none)."""
    rows = db.execute(
        "SELECT hlc, actor, kind, tbl, row_id, payload, bases, seq, hash FROM oplog "
        "WHERE origin = ? AND seq > ? AND seq <= ? ORDER BY seq",
        [origin, after, upto if upto is not None else 1 << 62],
    ).fetchall()
    texts = [
        canonical_text(origin, seq, hlc, actor, kind, tbl, row_id, payload, bases)
        for hlc, actor, kind, tbl, row_id, payload, bases, seq, _ in rows
    ]
    return texts, rows[-1][8] if rows else ""


def history(db: Database, tbl: str, row_id: str) -> list[Op]:
    """Every op that touched one row, oldest first."""
    rows = db.execute(
        f"SELECT {COLUMNS} FROM oplog WHERE tbl = ? AND row_id = ? UNION ALL "
        f"SELECT {COLUMNS} FROM snapshot_op WHERE tbl = ? AND row_id = ?",
        [tbl, row_id, tbl, row_id],
    ).fetchall()
    return sorted((Op.from_row(r) for r in rows), key=lambda op: op.stamp)
