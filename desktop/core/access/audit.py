"""The audit trail: who did what, proven unaltered.

Two chains make it. Changes to synced data are operations in the oplog, already chained
per station (store/oplog.py). Everything else worth a record — logins, failed logins,
lockouts, logouts, idle locks, account changes, exports of personal data, unmasking,
backups, restores — is an `audit_event`, chained the same way: each event's hash covers
the one before it. `seal` signs both heads with the station's key, whose sealing key is
not in the database file, so someone who edits or deletes rows with raw SQL and
recomputes the hashes still cannot sign the new heads; `verify` finds them.
"""

import base64
import hashlib
import json
from dataclasses import dataclass

from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.store import check, oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.keyprotect import KeyLocked
from desktop.core.store.writepath import transaction

KINDS = (
    "login",
    "login_failed",
    "lockout",
    "logout",
    "idle_lock",
    "unlock",
    "account",
    "personal_export",
    "unmask",
    "backup",
    "restore",
    "audit_export",
)


def kind_name(kind: str) -> str:
    return {
        "login": tr("login"),
        "login_failed": tr("failed login"),
        "lockout": tr("account locked"),
        "logout": tr("logout"),
        "idle_lock": tr("idle lock"),
        "unlock": tr("unlocked"),
        "account": tr("account changed"),
        "personal_export": tr("export of personal data"),
        "unmask": tr("personal data shown"),
        "backup": tr("backup"),
        "restore": tr("restore"),
        "audit_export": tr("audit log exported"),
    }.get(kind, kind)


def _hash(previous: str, seq: int, at: str, actor: str, kind: str, detail: str) -> str:
    text = json.dumps([previous, seq, at, actor, kind, detail], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _head(db: Database) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "")


def record(db: Database, actor: str, kind: str, **detail) -> None:
    """Add an event (inside the caller's transaction, or in one of its own). A read-only
    database records nothing: it cannot be changed either."""
    if db.conn.in_write_path:
        _append(db, actor, kind, detail)
    elif not db.read_only:
        with transaction(db, touches=("audit_event",)):
            _append(db, actor, kind, detail)


def _append(db: Database, actor: str, kind: str, detail: dict) -> None:
    seq, previous = _head(db)
    at = values.now_iso()
    role = _role_now(db, actor)
    if role and "actor_role" not in detail:  # the role then: a later change never rewrites it
        detail = {**detail, "actor_role": role}
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    db.execute(
        "INSERT INTO audit_event (seq, at, actor, kind, detail, hash) VALUES (?, ?, ?, ?, ?, ?)",
        [seq + 1, at, actor, kind, text, _hash(previous, seq + 1, at, actor, kind, text)],
    )
    db.conn.touched.add("audit_event")


def _role_now(db: Database, actor: str) -> str:
    """The role of the account acting (user:NAME) at this station, '' for the program."""
    if not actor.startswith("user:"):
        return ""
    row = db.execute(
        "SELECT a.role FROM account a JOIN station s ON s.id = 1 AND a.station = s.origin "
        "WHERE a.name = ? AND a.deleted = 0",
        [actor.removeprefix("user:")],
    ).fetchone()
    return row[0] if row else ""


def _seal_text(origin: str, op_seq: int, op_hash: str, audit_seq: int, audit_hash: str) -> bytes:
    return f"bioreserve-audit-seal/1|{origin}|{op_seq}|{op_hash}|{audit_seq}|{audit_hash}".encode()


def seal(db: Database) -> bool:
    """Sign the heads of this station's chains (when the key can be unlocked, and something
    happened since the last seal). Returns whether a seal was added."""
    st = station.get(db)
    if st is None or db.read_only:
        return False
    op_seq, op_hash = oplog.head(db, st.origin)
    audit_seq, audit_hash = _head(db)
    last = db.execute(
        "SELECT op_seq, audit_seq FROM audit_seal ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if last and tuple(last) == (op_seq, audit_seq):
        return False
    try:
        signature = station.sign(db, _seal_text(st.origin, op_seq, op_hash, audit_seq, audit_hash))
    except KeyLocked:
        return False

    def add() -> None:
        db.execute(
            "INSERT INTO audit_seal (at, origin, op_seq, op_hash, audit_seq, audit_hash, "
            "signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [values.now_iso(), st.origin, op_seq, op_hash, audit_seq, audit_hash,
             base64.b64encode(signature).decode()],
        )  # fmt: skip

    if db.conn.in_write_path:
        add()
    else:
        with transaction(db, touches=("audit_seal",)):
            add()
    return True


@dataclass(frozen=True)
class Finding:
    where: str  # oplog | audit | seal
    text: str


@dataclass(frozen=True)
class Verdict:
    operations: int
    events: int
    seals: int
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not self.findings


def verify(db: Database) -> Verdict:
    """Check every chain: each station's operations (numbered without gaps, each hash the
    hash of its content and its predecessor, the version vector at the head), the audit
    events likewise, and every seal: signed by this station's key, naming heads the
    chains still hold."""
    findings = [Finding("oplog", p.message) for p in check.chains(db)]
    findings += _audit_chain(db)
    findings += _seals(db)
    operations = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    events = db.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    seals = db.execute("SELECT count(*) FROM audit_seal").fetchone()[0]
    return Verdict(operations, events, seals, findings)


def _audit_chain(db: Database) -> list[Finding]:
    previous, expected = "", 1
    for seq, at, actor, kind, detail, digest in db.execute(
        "SELECT seq, at, actor, kind, detail, hash FROM audit_event ORDER BY seq"
    ):
        if seq != expected:
            return [Finding("audit", tr("Audit event {seq} is missing.", seq=expected))]
        if _hash(previous, seq, at, actor, kind, detail) != digest:
            return [
                Finding(
                    "audit", tr("Audit event {seq} was altered after it was recorded.", seq=seq)
                )
            ]
        previous, expected = digest, expected + 1
    return []


def _seals(db: Database) -> list[Finding]:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    st = station.get(db)
    if st is None:
        return []
    key = Ed25519PublicKey.from_public_bytes(st.public_key)
    out: list[Finding] = []
    rows = db.execute(
        "SELECT id, origin, op_seq, op_hash, audit_seq, audit_hash, signature FROM audit_seal "
        "ORDER BY id"
    ).fetchall()
    for seal_id, origin, op_seq, op_hash, audit_seq, audit_hash, signature in rows:
        try:
            key.verify(
                base64.b64decode(signature),
                _seal_text(origin, op_seq, op_hash, audit_seq, audit_hash),
            )
        except (InvalidSignature, ValueError):
            out.append(Finding("seal", tr("Seal {n} is not signed by this station.", n=seal_id)))
            continue
        held = db.execute(
            "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [origin, op_seq]
        ).fetchone()
        if op_seq and (held is None or held[0] != op_hash):
            out.append(
                Finding(
                    "seal",
                    tr(
                        "Operation {seq} of this station is not the one sealed on {at}: the "
                        "log was rewritten or cut.",
                        seq=op_seq,
                        at=_seal_time(db, seal_id),
                    ),
                )
            )
        event = db.execute("SELECT hash FROM audit_event WHERE seq = ?", [audit_seq]).fetchone()
        if audit_seq and (event is None or event[0] != audit_hash):
            out.append(
                Finding(
                    "seal",
                    tr(
                        "Audit event {seq} is not the one sealed on {at}: the audit log was "
                        "rewritten or cut.",
                        seq=audit_seq,
                        at=_seal_time(db, seal_id),
                    ),
                )
            )
    return out


def _seal_time(db: Database, seal_id: int) -> str:
    row = db.execute("SELECT at FROM audit_seal WHERE id = ?", [seal_id]).fetchone()
    return row[0] if row else ""
