"""Sync bundles: one file (USB stick) carrying operations from one station to others.

A bundle is a zip (stored or deflated entries only) of three entries:

    manifest.json  {"format": "bioreserve-bundle/2", "schema": N,
                    "from": {"origin", "code", "name"}, "to": origin or null,
                    "sequence": n, "vector": {origin: seq}, "ops": count,
                    "heads": {origin: [seq, hash, signature]},
                    "withheld": {origin: [[first, last, [classes]], …]},
                    "sha256": hex of ops.jsonl, "created_at": ISO time}
    ops.jsonl      one operation per line, its canonical JSON list (Op.canonical())
                   [origin, seq, hlc, actor, kind, tbl, row_id, payload, bases], in
                   origin then seq order; the last op of each origin's run also carries
                   its hash as a tenth element, and an op its origin signed a mark at
                   (below) its hash and that signature (base64) as tenth and eleventh; a
                   withheld operation is the line [origin, seq, hlc, class, hash]
    signature      the raw 64-byte Ed25519 signature of manifest.json's bytes

Personal rows (desktop/sync/entitlement.py): a bundle for a station not entitled to the
expert roster or the monitoring cohorts — and any bundle for no particular station —
carries each operation of those classes withheld: its place in its origin's chain, its
stamp, class and hash, never its content. The receiver keeps it in withheld_op, so its
chains still verify and later operations of that origin still apply. A hash chain cannot
be checked through a withheld operation (its hash covers the content), so the operation
before one carries a mark: its origin's signature of the chain's head there ("BRH1|…",
signed by the origin at export just before each of its personal operations, kept in
signed_mark and relayed with the operations), and a withheld operation's hash counts only
where the real operations after it chain from it up to a mark or the signed head (a run
of withheld operations binds the last one's; the others are kept without a hash). A relay
lacking a mark it would need sends the run only up to the last head its origin signed
before it. `withheld` tells the recipient which operations the sender holds only so; an
entitled recipient is then sent them in full, and the real operation replaces the stub
only when it hashes to the committed hash (merge._replace). Bundles of schema 18 may hold
withheld lines: an older station refuses them by their schema.

The sender's signature covers the manifest, the manifest covers ops.jsonl by its SHA-256:
nothing beyond the small manifest is decompressed before both check out, and ops.jsonl is
read with a limit that follows the declared count (importing.py lists every check).

Trust model: operations are vouched for by their origin, not by whoever relays them. At
every export a station signs the head of its own chain, "BRH1|origin|seq|hash" (oplog.
head_text), and the manifest's `heads` carries one signed head per origin whose
operations the bundle holds: the sender's own, freshly signed, and for other stations the
newest head they signed that the sender holds every operation of (kept in signed_head when
their bundles arrived). A receiver applies an origin's run only if the origin's key is
enrolled here, the head verifies with it, the run ends at that head and the hash chain
computed from the chain held here arrives at its hash — so a relay can neither forge nor
alter another station's operations. Operations of stations not enrolled here are left out
(ImportResult.unvouched) and come with a later bundle once their key is trusted; new
operations under the receiver's own identity, or reference data, are refused as forged.
Operations of a station whose key was revoked here are not taken from a relay either.

Why only one hash per run: each op's hash is sha256(previous hash + canonical op), so the
importer recomputes the run from the hash it holds for the op before it, and the run's
last hash must come out equal to the one its origin signed. That checks every op of the
run as strictly as a hash per op would, and saves the 32 incompressible bytes each hash
costs (81 → 39 bytes per op on the demo data set, deflated).

What to send: the operations the recipient lacks according to the version vector it last
acknowledged (the `vector` of its last bundle imported here, kept in
trusted_station.acked); with no recipient, what not every enrolled station has
acknowledged. Reference data (REF-* origins) is identical everywhere and never sent.
A refused bundle is recorded in bundle_refused with its cause (sync pull then passes it
over for good).
"""

from desktop.sync.bundles.export import ExportResult, acked, baseline, export, export_lines
from desktop.sync.bundles.importing import (
    ImportResult,
    import_,
    read,
    record_refusal,
    refuse_revoked_origins,
)
from desktop.sync.bundles.log import history
from desktop.sync.bundles.wire import (
    FORMAT,
    MANIFEST,
    OPS,
    SIGNATURE,
    BundleRefused,
    decode_op,
    decode_ops,
    encode_ops,
    is_reference,
    rechain,
)

__all__ = [
    "FORMAT",
    "MANIFEST",
    "OPS",
    "SIGNATURE",
    "BundleRefused",
    "ExportResult",
    "ImportResult",
    "acked",
    "baseline",
    "decode_op",
    "decode_ops",
    "encode_ops",
    "export",
    "export_lines",
    "history",
    "import_",
    "is_reference",
    "read",
    "rechain",
    "record_refusal",
    "refuse_revoked_origins",
]
