"""Writing a bundle: what the recipient lacks by the version vector it last acknowledged
(or what not every enrolled station has), signed by this station."""

import base64
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import info, migrate, oplog, station
from desktop.core.store.handle import Database
from desktop.core.store.oplog import head_text
from desktop.core.store.writepath import transaction
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.wire import (
    FORMAT,
    MANIFEST,
    OPS,
    OPS_COMPRESSLEVEL,
    SIGNATURE,
    is_reference,
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
    db: Database, known: dict[str, int], heads: dict[str, list] | None = None
) -> list[str]:
    """ops.jsonl lines of every op not covered by `known` — of each origin only up to the
    head it signed (`heads`, from signed_heads(); all when None) —, reference data left
    out: what encode_ops() of those ops makes, assembled from the stored (canonical) JSON
    text of each op without decoding it."""
    lines: list[str] = []
    for origin, after in oplog.runs_since(db, known):
        if is_reference(origin) or (heads is not None and origin not in heads):
            continue
        upto = heads[origin][0] if heads is not None else None
        texts, digest = oplog.canonical_run(db, origin, after, upto)
        if texts:
            texts[-1] = f'{texts[-1][:-1]},"{digest}"]'
            lines += texts
    return lines


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
    known = baseline(db, to)
    vector = oplog.vector(db)
    heads = signed_heads(db, known)
    lines = export_lines(db, known, heads)
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
            tr("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    with transaction(db, touches=("bundle_log",)):
        db.execute(
            "INSERT INTO bundle_log (direction, peer_origin, sequence, path, ops, sha256, at) "
            "VALUES ('out', ?, ?, ?, ?, ?, ?)",
            [to, sequence, str(path), len(lines), digest, manifest["created_at"]],
        )
    return ExportResult(str(path), to, sequence, len(lines), path.stat().st_size, digest)
