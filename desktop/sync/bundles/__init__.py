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
