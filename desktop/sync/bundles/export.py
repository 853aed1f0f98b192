"""Writing a bundle: what the recipient lacks by the version vector it last acknowledged
(or what not every enrolled station has), signed by this station."""

import base64
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import desktop.sync.bundles.orphans as orphans
from desktop.core import paths, reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import info, migrate, oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.oplog import head_text
from desktop.core.store.writepath import transaction
from desktop.sync import entitlement
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.wire import (
    FORMAT,
    MANIFEST,
    OPS,
    OPS_COMPRESSLEVEL,
    SIGNATURE,
    is_reference,
    stub_line,
)


@dataclass
class ExportResult:
    path: str
    to: str | None
    sequence: int
    ops: int
    bytes: int
    sha256: str


def export_lines(
    db: Database,
    known: dict[str, int],
    heads: dict[str, list] | None = None,
    classes: frozenset[str] | None = None,
) -> list[str]:
    """ops.jsonl lines of every op not covered by `known` — of each origin only up to the
    head it signed (`heads`, from signed_heads(); all when None) —, reference data left
    out: what encode_ops() of those ops makes, assembled from the stored (canonical) JSON
    text of each op without decoding it.

    classes: the classes of personal rows the recipient is entitled to (None: every class).
    An operation of another class, and one this station holds only withheld, goes as a
    stub line [origin, seq, hlc, class, hash]; the real operation before a stub carries its
    origin's mark (signed_mark). A run that would need a mark this station lacks ends at
    the last head its origin signed before it, and `heads` is changed to that head."""
    lines: list[str] = []
    classifier = entitlement.Classifier(db)
    for origin, after in oplog.runs_since(db, known):
        if is_reference(origin) or (heads is not None and origin not in heads):
            continue
        upto = heads[origin][0] if heads is not None else None
        run = _run_lines(db, origin, after, upto, classes, classifier)
        if run is None:
            if heads is not None:
                del heads[origin]
            continue
        texts, head = run
        if heads is not None and head is not None:
            heads[origin] = head
        lines += texts
    return lines


def _run_lines(db, origin, after, upto, classes, classifier):
    """(lines, head to end at or None when the run ends at `upto`) of one origin's run, or
    None when nothing of it can be sent vouched for."""
    limit = upto if upto is not None else 1 << 62
    stubs = db.execute(
        "SELECT seq, NULL, hash, hlc, class FROM withheld_op WHERE origin = ? AND seq > ? "
        "AND seq <= ? ORDER BY seq",
        [origin, after, limit],
    ).fetchall()
    if not stubs and (classes is None or not _has_personal(db, origin, after, limit)):
        return _plain_run(db, origin, after, upto)
    entries: list[tuple] = []  # (seq, canonical text or None for a stub, hash, hlc, class)
    personal = entitlement.TABLES
    for hlc, actor, kind, tbl, row_id, payload, bases, seq, digest in db.execute(
        "SELECT hlc, actor, kind, tbl, row_id, payload, bases, seq, hash FROM oplog "
        "WHERE origin = ? AND seq > ? AND seq <= ? ORDER BY seq",
        [origin, after, limit],
    ):
        cls = classifier.of(tbl, row_id) if tbl in personal else None
        if cls is not None and classes is not None and cls not in classes:
            entries.append((seq, None, digest, hlc, cls))
        else:
            text = oplog.canonical_text(origin, seq, hlc, actor, kind, tbl, row_id, payload, bases)
            entries.append((seq, text, digest, hlc, cls))
    if stubs:
        entries = sorted(entries + [tuple(r) for r in stubs])
    for i, entry in enumerate(entries):  # never past a gap (none where the vector is kept)
        if entry[0] != after + 1 + i:
            entries = entries[:i]
            break
    if not entries:
        return None
    marks = {
        seq: (digest, signature)
        for seq, digest, signature in db.execute(
            "SELECT seq, hash, signature FROM signed_mark WHERE origin = ? AND seq > ? "
            "AND seq <= ?",
            [origin, after, limit],
        )
    }
    head = None
    for i in range(len(entries) - 1):
        if entries[i][1] is not None and entries[i + 1][1] is None:
            mark = marks.get(entries[i][0])
            if mark is None or mark[0] != entries[i][2]:
                cut = _signed_point(db, origin, entries[:i], marks)
                if cut is None:
                    return None
                entries = entries[: cut + 1]
                seq, _, digest = entries[-1][:3]
                signature = marks[seq][1] if seq in marks else _head_signature(db, origin, seq)
                head = [seq, digest, base64.b64encode(signature).decode("ascii")]
                break
    lines = []
    count = len(entries)
    for i, (seq, text, digest, hlc, cls) in enumerate(entries):
        last = i + 1 == count
        if text is None:
            bound = last or entries[i + 1][1] is not None
            lines.append(stub_line(origin, seq, hlc, cls, digest if bound else ""))
            continue
        mark = marks.get(seq)
        if mark is not None and mark[0] == digest:
            signature = base64.b64encode(mark[1]).decode("ascii")
            lines.append(f'{text[:-1]},"{digest}","{signature}"]')
        elif last:
            lines.append(f'{text[:-1]},"{digest}"]')
        else:
            lines.append(text)
    return lines, head


def _has_personal(db: Database, origin: str, after: int, limit: int) -> bool:
    names = tuple(entitlement.TABLES)
    marks = ", ".join("?" * len(names))
    return (
        db.execute(
            f"SELECT 1 FROM oplog WHERE origin = ? AND seq > ? AND seq <= ? AND tbl IN ({marks}) "
            "LIMIT 1",
            [origin, after, limit, *names],
        ).fetchone()
        is not None
    )


def _plain_run(db: Database, origin: str, after: int, upto: int | None):
    """A run with nothing to leave out, from the stored canonical text (the marks its
    origin signed in it carried along for relays)."""
    texts, digest = oplog.canonical_run(db, origin, after, upto)
    if not texts:
        return None
    for seq, mark_hash, signature in db.execute(
        "SELECT seq, hash, signature FROM signed_mark WHERE origin = ? AND seq > ? AND seq < ?",
        [origin, after, after + len(texts)],
    ).fetchall():
        i = seq - after - 1
        encoded = base64.b64encode(signature).decode("ascii")
        texts[i] = f'{texts[i][:-1]},"{mark_hash}","{encoded}"]'
    texts[-1] = f'{texts[-1][:-1]},"{digest}"]'
    return texts, None


def _head_signature(db: Database, origin: str, seq: int) -> bytes:
    row = db.execute(
        "SELECT signature FROM signed_head WHERE origin = ? AND seq = ?", [origin, seq]
    ).fetchone()
    return bytes(row[0])


def _signed_point(db, origin, entries, marks) -> int | None:
    """The index of the last entry its origin signed a head or a mark at (a stub only when
    its hash is bound), None when there is none."""
    heads = {
        seq: digest
        for seq, digest in db.execute(
            "SELECT seq, hash FROM signed_head WHERE origin = ?", [origin]
        )
    }
    for i in range(len(entries) - 1, -1, -1):
        seq, _, digest = entries[i][:3]
        if digest and ((seq in marks and marks[seq][0] == digest) or heads.get(seq) == digest):
            return i
    return None


def sign_marks(db: Database) -> int:
    """Sign this station's marks: the head of its chain just before each of its personal
    operations whose class differs from the operation before it (entitlement.py), so that
    any station may leave those operations out for a station not entitled to them and the
    rest still be checked against this station's signature. Signs only the ones not yet
    signed (meta entitlement.marked.<origin>: the seq up to which they are); returns how
    many it signed."""
    origin = sync_keys.own(db).origin
    key = "entitlement.marked." + origin
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    done = int(row[0]) if row else 0
    held = oplog.head(db, origin)[0]
    if held <= done:
        return 0
    classifier = entitlement.Classifier(db)
    tables_ = tuple(entitlement.TABLES)
    marks = ", ".join("?" * len(tables_))
    classes = {
        seq: classifier.of(tbl, row_id)
        for seq, tbl, row_id in db.execute(
            "SELECT seq, tbl, row_id FROM oplog WHERE origin = ? AND seq >= ? "
            f"AND tbl IN ({marks})",
            [origin, max(done, 1), *tables_],
        )
    }
    wanted = sorted(
        seq - 1
        for seq, cls in classes.items()
        if cls is not None and seq > max(done, 1) and classes.get(seq - 1) != cls
    )
    with transaction(db, touches=("signed_mark", "meta")):
        for seq in wanted:
            digest = db.execute(
                "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [origin, seq]
            ).fetchone()[0]
            db.execute(
                "INSERT OR IGNORE INTO signed_mark (origin, seq, hash, signature) "
                "VALUES (?, ?, ?, ?)",
                [origin, seq, digest, station.sign(db, head_text(origin, seq, digest))],
            )
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, str(held)],
        )
    return len(wanted)


def withheld_report(db: Database) -> dict[str, list]:
    """What this station holds only withheld: {origin: [[first, last, [classes]], …]},
    consecutive operations in one range, at most MAX_REPORT ranges (the lowest)."""
    report: dict[str, list] = {}
    count = 0
    current: list | None = None
    rows = db.execute("SELECT origin, seq, class FROM withheld_op ORDER BY origin, seq")
    never = orphans.noted(db)  # no bundle can bring them: not asked for (bundles/orphans.py)
    for origin, seq, cls in rows:
        if (origin, seq) in never:
            continue
        ranges = report.setdefault(origin, [])
        current = ranges[-1] if ranges else None
        if current is not None and current[1] + 1 == seq:
            current[1] = seq
            if cls not in current[2]:
                current[2].append(cls)
            continue
        if count >= MAX_REPORT:
            break
        ranges.append([seq, seq, [cls]])
        count += 1
    for ranges in report.values():
        for r in ranges:
            r[2].sort()
    return report


MAX_REPORT = 10_000


def fill_in(db: Database, peer: str, known: dict[str, int], classes: frozenset[str]) -> dict:
    """`known` lowered to just before the lowest range of operations `peer` said it holds
    only withheld and this station can now send it in full (it holds them and the peer is
    entitled to their class), so that the bundle carries them again, really."""
    if not classes:
        return known
    out = dict(known)
    done: set[str] = set()
    classifier = entitlement.Classifier(db)
    for origin, first, last, names in db.execute(
        "SELECT origin, first, last, classes FROM peer_withheld WHERE peer = ? "
        "ORDER BY origin, first",
        [peer],
    ).fetchall():
        if origin in done or first - 1 >= out.get(origin, 0):
            continue
        wanted = classes & set(json.loads(names))
        if not wanted:
            continue
        for tbl, row_id in db.execute(
            "SELECT tbl, row_id FROM oplog WHERE origin = ? AND seq BETWEEN ? AND ?",
            [origin, first, last],
        ):
            if tbl in entitlement.TABLES and classifier.of(tbl, row_id) in wanted:
                out[origin] = first - 1
                done.add(origin)
                break
    return out


def signed_heads(db: Database, known: dict[str, int]) -> dict[str, list]:
    """The head each origin vouches for, [seq, hash, signature (base64)], for every origin
    with operations the recipient lacks: this station signs its own now; another station's
    operations travel only up to the newest head that station signed which this station
    holds every operation of (they came with it)."""
    own = sync_keys.own(db).origin
    heads: dict[str, list] = {}
    for origin, after in oplog.runs_since(db, known):
        if is_reference(origin):
            continue
        held, digest = oplog.head(db, origin)
        if origin == own:
            signature = station.sign(db, head_text(origin, held, digest))
            heads[origin] = [held, digest, base64.b64encode(signature).decode("ascii")]
            continue
        row = db.execute(
            "SELECT seq, hash, signature FROM signed_head WHERE origin = ? AND seq > ? "
            "AND seq <= ? ORDER BY seq DESC LIMIT 1",
            [origin, after, held],
        ).fetchone()
        if row is not None:
            heads[origin] = [row[0], row[1], base64.b64encode(row[2]).decode("ascii")]
    return heads


def acked(db: Database, origin: str) -> dict[str, int]:
    row = db.execute("SELECT acked FROM trusted_station WHERE origin = ?", [origin]).fetchone()
    return json.loads(row[0]) if row else {}


def baseline(db: Database, for_origin: str | None) -> dict[str, int]:
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


def _recipient(db: Database, ref: str) -> dict:
    """The trusted station a bundle is for, by its origin or code. In a drill's sandbox a
    station is enrolled under its live origin and its drill origin (station.fork), both
    with its code: a drill's bundle is for the drill origin."""
    drill = info.drill_of(db)
    if drill is not None:
        rows = list(db.query("SELECT * FROM trusted_station WHERE code = ?", [ref.strip().upper()]))
        forked = {station.drill_origin(row["origin"], drill) for row in rows}
        in_drill = [row for row in rows if row["origin"] in forked]
        if len(in_drill) == 1:
            return in_drill[0]
    return sync_keys.find(db, ref)


def export(
    db: Database, path: Path, for_origin: str | None = None, ctx: Ctx | None = None
) -> ExportResult:
    """Write a signed bundle of what the recipient lacks. for_origin: a trusted station's
    origin (or code), None for any station. The SYNC right (ctx None: the program)."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    st = sync_keys.own(db)
    to = None
    if for_origin is not None:
        peer = _recipient(db, for_origin)
        if peer["revoked"]:
            raise BioError(
                tr(
                    "The key of station {code} is revoked; no bundle is made for it.",
                    code=peer["code"],
                )
            )
        to = peer["origin"]
    classes = entitlement.entitled(db, to)
    known = baseline(db, to)
    if to is not None:
        known = fill_in(db, to, known, classes)
    sign_marks(db)
    vector = oplog.vector(db)
    heads = signed_heads(db, known)
    lines = export_lines(db, known, heads, classes)
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
        "heads": heads,
        "withheld": withheld_report(db),
        "sha256": digest,
        "created_at": values.now_iso(),
    }
    drill = info.drill_of(db)
    if drill is not None:  # accepted only by the same drill's sandbox elsewhere
        manifest["drill"] = drill
    manifest_bytes = oplog.dumps(manifest).encode("utf-8")
    signature = station.sign(db, manifest_bytes)
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    try:
        paths.private_file(temporary)  # names and telephone numbers: private (paths.py)
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(OPS, body, compresslevel=OPS_COMPRESSLEVEL)
            archive.writestr(SIGNATURE, signature, compress_type=zipfile.ZIP_STORED)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    with transaction(db, touches=("bundle_log",)):
        db.execute(
            "INSERT INTO bundle_log (direction, peer_origin, sequence, path, ops, sha256, at) "
            "VALUES ('out', ?, ?, ?, ?, ?, ?)",
            [to, sequence, str(path), len(lines), digest, manifest["created_at"]],
        )
    return ExportResult(str(path), to, sequence, len(lines), path.stat().st_size, digest)
