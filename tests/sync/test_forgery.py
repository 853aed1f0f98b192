"""Nothing is forged: operations are vouched for by their origin, not by the station that
relays them, and a bundle built to exhaust or crash the reader is refused by name.

Each case was reproduced against the earlier design: an enrolled station could forge
operations under another station's identity — even the receiver's own —, and ops forged
under a station not yet seen made every later genuine bundle of that station refused.
"""

import base64
import hashlib
import io
import json
import zipfile
import zlib

import pytest

from desktop.core.orders import seal
from desktop.core.store import hlc, oplog, station
from desktop.core.store.oplog import Op, head_text
from desktop.sync import bundles
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE, BundleRefused
from desktop.sync.bundles.wire import FORMAT, encode_ops
from tests.helpers.stations import content, enrol, enrol_all, make_station, stock_up, transfer


@pytest.fixture
def trio(tmp_path):
    """A, B and C, each enrolled at the other two; A has stock that B and C hold."""
    dbs = [make_station(tmp_path, code, name) for code, name in
           (("HY-A", "甲站"), ("HY-B", "乙站"), ("HY-C", "丙站"))]  # fmt: skip
    enrol_all(tmp_path, dbs)
    a, b, c = dbs
    stock_up(a, "A")
    transfer(a, b, tmp_path / "a-b.zip")
    transfer(a, c, tmp_path / "a-c.zip")
    yield dbs
    for db in dbs:
        db.conn.close()


def forged_op(origin: str, seq: int, previous: str, name: str) -> Op:
    """A new unit, as if made at `origin`: numbered and chained correctly."""
    stamp = hlc.pack(hlc.wall_ms(), 0)
    return Op(origin, seq, stamp, "os:mallory", "insert", "unit", f"forged-{seq}-{name}",
              {"name": name}, []).chained(previous)  # fmt: skip


def bundle_from(sender, path, ops: list[Op], heads: dict, to=None) -> None:
    """A bundle `sender` signs, carrying any operations and any heads it likes."""
    lines = encode_ops(ops)
    body = ("\n".join(lines) + "\n").encode("utf-8")
    own = station.get(sender)
    manifest = {
        "format": FORMAT, "schema": 10, "from": {"origin": own.origin, "code": own.code,
        "name": own.name}, "to": to, "sequence": 99, "vector": oplog.vector(sender),
        "ops": len(lines), "heads": heads, "sha256": hashlib.sha256(body).hexdigest(),
        "created_at": "2026-12-07T10:00:00+08:00",
    }  # fmt: skip
    raw = oplog.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, raw)
        archive.writestr(OPS, body)
        archive.writestr(SIGNATURE, station.sign(sender, raw))


def signed_by(db, origin: str, seq: int, digest: str) -> list:
    signature = station.sign(db, head_text(origin, seq, digest))
    return [seq, digest, base64.b64encode(signature).decode("ascii")]


def test_an_enrolled_station_cannot_forge_another_stations_operations(tmp_path, trio):
    a, b, c = trio
    origin_a = station.get(a).origin
    seq, digest = oplog.head(b, origin_a)  # B holds A's chain and continues it
    op = forged_op(origin_a, seq + 1, digest, "伪造单位")
    path = tmp_path / "forged.zip"
    bundle_from(b, path, [op], {origin_a: signed_by(b, origin_a, op.seq, op.hash)})
    before = content(c)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(c, path)
    assert refused.value.cause == "forged" and "HY-A" in str(refused.value)
    assert content(c) == before


def test_an_enrolled_station_cannot_forge_the_receivers_own_operations(tmp_path, trio):
    a, b, c = trio
    origin_c = station.get(c).origin
    seq, digest = oplog.head(b, origin_c)
    op = forged_op(origin_c, seq + 1, digest, "冒名单位")
    path = tmp_path / "forged.zip"
    bundle_from(b, path, [op], {origin_c: signed_by(b, origin_c, op.seq, op.hash)})
    before = content(c)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(c, path)
    assert refused.value.cause == "forged" and "本站" in str(refused.value)
    assert content(c) == before


def test_forgeries_under_a_station_not_yet_seen_never_block_its_genuine_bundles(tmp_path):
    """B invents A's first operations before C has A's key: they are left out, so A's
    real operations 1, 2, … apply once C trusts A (before, they were refused for good)."""
    a, b, c = (make_station(tmp_path, code, code) for code in ("HY-A", "HY-B", "HY-C"))
    enrol(tmp_path, c, b)
    enrol(tmp_path, b, c)
    origin_a = station.get(a).origin
    fake = forged_op(origin_a, 1, "", "伪造")
    path = tmp_path / "forged.zip"
    bundle_from(b, path, [fake], {origin_a: signed_by(b, origin_a, 1, fake.hash)})
    result = bundles.import_(c, path)
    assert result.unvouched == {origin_a: 1} and result.applied == 0
    assert oplog.head(c, origin_a) == (0, "")
    enrol(tmp_path, c, a)
    enrol(tmp_path, a, c)
    stock_up(a, "A")
    _, genuine = transfer(a, c, tmp_path / "a-c.zip")
    assert genuine.applied == genuine.ops > 0 and genuine.unvouched == {}


def test_a_relayed_run_must_end_at_the_head_its_origin_signed(tmp_path, trio):
    """B relays A's genuine operations but drops the last ones: A's signature covers the
    whole run, so a shortened (or lengthened) run is refused."""
    a, b, c = trio
    stock_up(a, "A2")
    transfer(a, b, tmp_path / "a-b-2.zip")
    bundles.export(b, tmp_path / "b-c.zip", "HY-C")
    parts = {}
    with zipfile.ZipFile(tmp_path / "b-c.zip") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(parts[MANIFEST])
    lines = parts[OPS].decode().split("\n")[:-1]
    origin_a = station.get(a).origin
    kept = [line for line in lines if json.loads(line)[0] == origin_a][:-1]
    ops = [bundles.decode_op(line) for line in kept]
    shortened = tmp_path / "short.zip"
    bundle_from(b, shortened, ops, {origin_a: manifest["heads"][origin_a]})
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(c, shortened)
    assert refused.value.cause in ("forged", "damaged")


def test_a_qr_code_is_genuine_only_from_the_station_its_number_names(tmp_path, trio):
    """Station B may not seal an order numbered as station A's (TB-HY-A-…)."""
    a, b, c = trio
    body = f"{seal.VERSION}|TB-HY-A-20261207-001|ABCDEFGHIJKLMNOPQRSTUVWXYZ|{station.get(b).origin}"
    signature = base64.urlsafe_b64encode(station.sign(b, body.encode())).decode().rstrip("=")
    verdict = seal.verify(c, f"{body}|{signature}")
    assert not verdict.valid and "伪造" in verdict.message
    own = f"{seal.VERSION}|TB-HY-B-20261207-001|ABCDEFGHIJKLMNOPQRSTUVWXYZ|{station.get(b).origin}"
    signature = base64.urlsafe_b64encode(station.sign(b, own.encode())).decode().rstrip("=")
    assert seal.verify(c, f"{own}|{signature}").valid


# ---------------------------------------------------------------- files built to hurt


@pytest.fixture
def genuine(tmp_path, trio):
    a, b, _ = trio
    stock_up(a, "A3")
    path = tmp_path / "genuine.zip"
    bundles.export(a, path, "HY-B")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return a, b, parts


NESTED = b"[" * 200_000 + b"]" * 200_000


def write_zip(path, parts: dict, compression=zipfile.ZIP_DEFLATED, flags=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    if flags is not None:  # set the "encrypted" bit in every local and central header
        for marker, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(marker)
            while at >= 0:
                data[at + offset] |= flags
                at = data.find(marker, at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda parts, path: write_zip(path, parts, flags=0x1), id="encrypted"),
        pytest.param(
            lambda parts, path: write_zip(path, parts, compression=zipfile.ZIP_BZIP2), id="bzip2"
        ),
        pytest.param(
            lambda parts, path: write_zip(path, {**parts, "extra.txt": b"x"}), id="extra_entry"
        ),
        pytest.param(
            lambda parts, path: write_zip(
                path, {**parts, MANIFEST: b"[" * 200_000 + b"]" * 200_000}
            ),
            id="nested_manifest",
        ),
        pytest.param(
            lambda parts, path: write_zip(path, {**parts, MANIFEST: b" " * (2 << 20)}),
            id="huge_manifest",
        ),
    ],
)
def test_a_bundle_built_to_crash_the_reader_is_refused_by_name(tmp_path, genuine, build):
    _a, b, parts = genuine
    path = tmp_path / "evil.zip"
    build(parts, path)
    before = content(b)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, path)
    assert refused.value.cause in ("damaged", "too_large") and str(refused.value)
    assert content(b) == before


def test_a_decompression_bomb_is_stopped_at_the_limit_its_count_allows(tmp_path, genuine):
    """ops.jsonl that inflates to 64 MB while the signed manifest declares 3 operations:
    reading stops at the limit, without inflating the rest."""
    a, b, parts = genuine
    manifest = json.loads(parts[MANIFEST])
    manifest["ops"] = 3
    bomb = b"\n" * (64 << 20)
    manifest["sha256"] = hashlib.sha256(bomb).hexdigest()
    raw = oplog.dumps(manifest).encode()
    assert len(zlib.compress(bomb, 9)) < 200_000  # small on disk
    path = tmp_path / "bomb.zip"
    write_zip(path, {MANIFEST: raw, OPS: bomb, SIGNATURE: station.sign(a, raw)})
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, path)
    assert refused.value.cause == "too_large"


def test_a_crafted_upload_to_the_hub_is_recorded_and_passed_over(tmp_path, genuine, hub_server):
    """An anonymous 455-byte upload with an "encrypted" entry made every pull exit 2,
    forever. The hub now refuses such a body; one it stores (a bundle whose manifest is
    not what its sender signed) is refused at the station, recorded, passed over for
    good, and the next genuine bundle is taken."""
    from desktop.sync import hub_client
    from tests.helpers.hub import post

    a, b, parts = genuine
    encrypted = tmp_path / "encrypted.zip"
    write_zip(encrypted, parts, flags=0x1)
    assert post(hub_server.url, encrypted.read_bytes())[0] == 400
    manifest = json.loads(parts[MANIFEST])
    manifest["sequence"] = 7  # no longer what A signed
    forged = tmp_path / "forged.zip"
    write_zip(forged, {**parts, MANIFEST: oplog.dumps(manifest).encode()})
    assert post(hub_server.url, forged.read_bytes())[0] == 201
    good = tmp_path / "good.zip"
    bundles.export(a, good, "HY-B")
    assert post(hub_server.url, good.read_bytes())[0] == 201
    pulled = hub_client.pull(b, hub_server.url)
    assert [r["cause"] for r in pulled["refused"]] == ["tampered"]
    assert pulled["applied"] > 0
    [(cause,)] = b.execute("SELECT cause FROM bundle_refused").fetchall()
    assert cause == "tampered"
    assert hub_client.pull(b, hub_server.url)["received"] == 0  # passed over for good
