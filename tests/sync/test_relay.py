"""Relayed operations and the bundle's text: revoked origins, layout, byte-identical export."""

import hashlib
import json
import zipfile

import pytest

from desktop.core.context import Ctx
from desktop.core.reserves import catalog
from desktop.core.store import check, oplog, station
from desktop.core.store.writepath import write
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE, BundleRefused
from tests.helpers.stations import content, enrol_all, make_station, stock_up, synced

# Quotes, backslashes, control characters, CJK and an astral character in names and actor.
ODD = 'a"b\\c\n\t 中文 🧪 \u2028'  # quotes, backslash, line breaks, emoji, U+2028


def odd_item(db) -> None:
    """An item named ODD, written by the write path itself: the catalogue's form refuses
    control characters in a name, but another station's operations may still carry them."""
    with write(db, Ctx(ODD)) as w:
        w.insert("item", {"code": "A-ODD", "name": ODD, "unit": "个", "gbt_code": None})


@pytest.fixture
def trio(tmp_path):
    """A, B and C all enrolled with each other."""
    dbs = [make_station(tmp_path, f"HY-{c}", f"{c}站") for c in "ABC"]
    enrol_all(tmp_path, dbs)
    yield dbs
    for db in dbs:
        db.conn.close()


def test_export_lines_are_the_canonical_ops_byte_for_byte(tmp_path, trio):
    a, b, _ = trio
    stock_up(a, "A")
    odd_item(a)
    stock_up(b, "B")
    bundles.import_(a, bundles.export(b, tmp_path / "b-a.zip", "HY-A").path)  # A relays B's
    for known in ({}, {station.get(a).origin: 3}, oplog.vector(b)):
        ops = [op for op in oplog.ops_since(a, known) if not bundles.is_reference(op.origin)]
        assert bundles.export_lines(a, known) == bundles.encode_ops(ops)
    assert json.dumps(ODD, ensure_ascii=False) in "".join(bundles.export_lines(a, {}))


def test_a_name_with_a_unicode_line_separator_travels(tmp_path, trio):
    """U+2028 stays raw in ops.jsonl (ensure_ascii=False): lines are split on \\n only."""
    a, b, _ = trio
    odd_item(a)
    result = bundles.import_(b, bundles.export(a, tmp_path / "a-b.zip", "HY-B").path)
    assert result.applied == result.ops and synced(a) == synced(b)


def test_ops_read_back_from_the_log_hash_as_written(trio):
    a, _, _ = trio
    odd_item(a)
    for op in oplog.ops_since(a):
        fresh = oplog.Op(*[getattr(op, f) for f in oplog.COLUMNS.replace(" ", "").split(",")])
        assert op.canonical() == fresh.canonical()
    assert check.run(a) == []


def test_relayed_ops_of_a_revoked_station_already_held_do_not_block(tmp_path, trio):
    """B held A's operations before revoking A; C's bundle repeats them with C's own."""
    a, b, c = trio
    stock_up(a, "A")
    bundles.import_(b, bundles.export(a, tmp_path / "a-b.zip", "HY-B").path)
    bundles.import_(c, bundles.export(a, tmp_path / "a-c.zip", "HY-C").path)
    sync_keys.revoke(b, "HY-A")
    stock_up(c, "C")
    relayed = bundles.import_(b, bundles.export(c, tmp_path / "c-b.zip", "HY-B").path)
    assert relayed.known > 0 and relayed.applied > 0 and relayed.deferred == 0
    assert synced(b) == synced(c)
    assert check.run(b) == []


def test_relayed_ops_of_a_revoked_station_beyond_what_is_held_refuse_the_bundle(tmp_path, trio):
    a, b, c = trio
    stock_up(a, "A")
    bundles.import_(b, bundles.export(a, tmp_path / "a-b.zip", "HY-B").path)
    sync_keys.revoke(b, "HY-A")
    catalog.save_item(a, Ctx("os:clerk"), {"code": "A-XD", "name": "含氯消毒片", "unit": "瓶"})
    bundles.import_(c, bundles.export(a, tmp_path / "a-c.zip", "HY-C").path)
    before = content(b)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, bundles.export(c, tmp_path / "c-b.zip", "HY-B").path)
    assert refused.value.cause == "revoked_origin"
    assert content(b) == before


def relay_rewritten(tmp_path, src, dst, rewrite_line):
    """A bundle of src for dst whose ops.jsonl lines are rewritten, re-hashed and re-signed by
    src (a sender whose encoder lays JSON out another way)."""
    path = bundles.export(src, tmp_path / "x.zip", station.get(dst).origin).path
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    lines = [rewrite_line(json.loads(line)) for line in parts[OPS].decode().split("\n") if line]
    parts[OPS] = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(parts[MANIFEST])
    manifest["sha256"] = hashlib.sha256(parts[OPS]).hexdigest()
    parts[MANIFEST] = oplog.dumps(manifest).encode()
    parts[SIGNATURE] = station.sign(src, parts[MANIFEST])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "rewrite_line",
    [
        lambda fields: json.dumps(fields, ensure_ascii=False),  # spaces after separators
        lambda fields: json.dumps(fields),  # \\u escapes
        lambda fields: json.dumps(  # payload keys in reverse order, compact
            fields[:7] + [dict(reversed(fields[7].items()))] + fields[8:],
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    ],
    ids=["spaces", "ascii", "unsorted"],
)
def test_a_bundle_laid_out_otherwise_imports_as_its_canonical_ops(tmp_path, trio, rewrite_line):
    a, b, _ = trio
    stock_up(a, "A")
    odd_item(a)
    result = bundles.import_(b, relay_rewritten(tmp_path, a, b, rewrite_line))
    assert result.applied == result.ops and result.deferred == 0
    origin = station.get(a).origin
    assert oplog.head(b, origin) == oplog.head(a, origin)
    stored = "SELECT payload, bases, hash FROM oplog WHERE origin = ? ORDER BY seq"
    assert b.execute(stored, [origin]).fetchall() == a.execute(stored, [origin]).fetchall()
    assert synced(a) == synced(b)
    assert check.run(b) == []
