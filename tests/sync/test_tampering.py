"""Every way a bundle can be wrong is refused by name, and the database stays as it was."""

import hashlib
import json
import zipfile

import pytest

from desktop.core import i18n
from desktop.core.store import migrate, station
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE, BundleRefused
from tests.helpers.stations import content, enrol, make_station, stock_up, transfer


def entries(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(path, parts):
    """Write the entries back as a well-formed zip (a tamperer fixes the zip's CRCs)."""
    path.unlink()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


@pytest.fixture
def world(tmp_path):
    """A sends a bundle to B; C is a third station B does not know."""
    a = make_station(tmp_path, "HY-A", "甲站")
    b = make_station(tmp_path, "HY-B", "乙站")
    c = make_station(tmp_path, "HY-C", "丙站")
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    stock_up(a, "A")
    path = tmp_path / "bundle.zip"
    bundles.export(a, path, "HY-B")
    yield {"a": a, "b": b, "c": c, "path": path, "tmp": tmp_path}
    for db in (a, b, c):
        db.conn.close()


def flip_ops(w):
    parts = entries(w["path"])
    parts[OPS] = flip(parts[OPS], len(parts[OPS]) // 2)
    rewrite(w["path"], parts)


def flip_manifest(w):
    parts = entries(w["path"])
    at = parts[MANIFEST].index(b'"sha256":"') + len(b'"sha256":"')
    parts[MANIFEST] = flip(parts[MANIFEST], at)  # still valid JSON, no longer what was signed
    rewrite(w["path"], parts)


def flip_signature(w):
    parts = entries(w["path"])
    parts[SIGNATURE] = flip(parts[SIGNATURE], 7)
    rewrite(w["path"], parts)


def flip_file_byte(w):
    data = w["path"].read_bytes()
    w["path"].write_bytes(flip(data, len(data) // 2))


def truncate(w):
    data = w["path"].read_bytes()
    w["path"].write_bytes(data[: len(data) // 2])


def truncate_ops(w):
    parts = entries(w["path"])
    parts[OPS] = parts[OPS][: len(parts[OPS]) // 2]
    rewrite(w["path"], parts)


def drop_signature(w):
    parts = entries(w["path"])
    del parts[SIGNATURE]
    rewrite(w["path"], parts)


def resign(w, manifest: dict, signer) -> None:
    parts = entries(w["path"])
    parts[MANIFEST] = json.dumps(manifest).encode()
    parts[SIGNATURE] = station.sign(signer, parts[MANIFEST])
    rewrite(w["path"], parts)


def other_key(w):
    manifest = json.loads(entries(w["path"])[MANIFEST])
    resign(w, manifest, w["c"])  # claims to be A, signed by C


def future_schema(w):
    manifest = json.loads(entries(w["path"])[MANIFEST])
    manifest["schema"] = migrate.current_version(w["a"]) + 1
    resign(w, manifest, w["a"])  # genuinely signed by A: only the version is wrong


def altered_op_resigned(w):
    """A sender that rewrites history: ops changed, manifest re-hashed and re-signed."""
    parts = entries(w["path"])
    lines = parts[OPS].decode().splitlines()
    first = json.loads(lines[0])
    first[7]["name"] = "伪造"
    lines[0] = json.dumps(first, ensure_ascii=False, separators=(",", ":"))
    parts[OPS] = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(parts[MANIFEST])
    manifest["sha256"] = hashlib.sha256(parts[OPS]).hexdigest()
    rewrite(w["path"], parts)
    resign(w, manifest, w["a"])


def revoked_sender(w):
    sync_keys.revoke(w["b"], "HY-A")


def unknown_sender(w):
    bundles.export(w["c"], w["path"])  # C is not enrolled at B


def own_bundle(w):
    bundles.export(w["b"], w["path"])


def for_another_station(w):
    """A genuine bundle of A's, made for C (whom B knows too), taken to B."""
    enrol(w["tmp"], w["a"], w["c"])
    enrol(w["tmp"], w["b"], w["c"])
    bundles.export(w["a"], w["path"], "HY-C")


def for_an_unknown_station(w):
    """Made for C, whom B has never enrolled: the refusal names C's origin id."""
    enrol(w["tmp"], w["a"], w["c"])
    bundles.export(w["a"], w["path"], "HY-C")
    w["words"] = station.get(w["c"]).origin


def relays_a_revoked_station(w):
    """C relays to B the operations of A, whose key B revoked (after A's own bundle)."""
    for db, peer in ((w["c"], w["a"]), (w["c"], w["b"]), (w["b"], w["c"])):
        enrol(w["tmp"], db, peer)
    bundles.import_(w["c"], bundles.export(w["a"], w["tmp"] / "a-any.zip").path)
    stock_up(w["c"], "C")
    sync_keys.revoke(w["b"], "HY-A")
    bundles.export(w["c"], w["path"], "HY-B")


CASES = [
    (flip_ops, "tampered", "tampered"),
    (flip_manifest, "tampered", "tampered or not signed"),
    (flip_signature, "tampered", "tampered or not signed"),
    (flip_file_byte, "damaged", "truncated or damaged"),
    (truncate, "damaged", "truncated or damaged"),
    (truncate_ops, "tampered", "tampered"),
    (drop_signature, "tampered", "not signed"),
    (other_key, "tampered", "tampered or not signed"),
    (future_schema, "schema", "update this station first"),
    (altered_op_resigned, "chain", "hash chain"),
    (revoked_sender, "revoked", "HY-A"),
    (unknown_sender, "unknown_sender", "HY-C"),
    (own_bundle, "own", "this station itself"),
    (for_another_station, "not_for_us", "made for station HY-C"),
    (for_an_unknown_station, "not_for_us", "not for this station (HY-B)"),
    (
        relays_a_revoked_station,
        "revoked_origin",
        "from station HY-C relays operations of station HY-A",
    ),
]


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


@pytest.mark.parametrize(("tamper", "cause", "words"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_bad_bundle_is_refused_by_name_and_changes_nothing(world, english, tamper, cause, words):
    tamper(world)
    b = world["b"]
    before = content(b)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, world["path"])
    assert refused.value.cause == cause
    assert words in str(refused.value)
    assert world.get("words", words) in str(refused.value)
    if cause in ("not_for_us", "revoked_origin"):
        assert "nothing was imported" in str(refused.value)
    assert content(b) == before


def test_a_bundle_that_rewrites_ops_already_held_is_refused(world):
    """The same op numbers with other content: merge's check of held ops refuses it."""
    b = world["b"]
    bundles.import_(b, world["path"])
    altered_op_resigned(world)
    before = content(b)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, world["path"])
    assert refused.value.cause == "chain"
    assert content(b) == before


def test_replaying_an_old_bundle_changes_nothing(world):
    a, b, tmp = world["a"], world["b"], world["tmp"]
    old = tmp / "old.zip"
    world["path"].rename(old)
    bundles.import_(b, old)
    stock_up(a, "A2")
    transfer(a, b, tmp / "new.zip")
    transfer(b, a, tmp / "back.zip")
    before = content(b)
    replay = bundles.import_(b, old)
    assert replay.already_imported and replay.applied == 0 and replay.deferred == 0
    assert content(b) == before
