"""Signed bundle files between stations: keys, export, import, relay, increments."""

import json
import zipfile

import pytest

from desktop.core import orders
from desktop.core.errors import BioError
from desktop.core.reserves import catalog
from desktop.core.store import check, oplog, station
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from tests.helpers.stations import CLERK, content, enrol, make_station, stock_up, synced, transfer


@pytest.fixture
def trio(tmp_path):
    dbs = [
        make_station(tmp_path, "HY-A", "甲站"),
        make_station(tmp_path, "HY-B", "乙站"),
        make_station(tmp_path, "HY-C", "丙站"),
    ]
    yield dbs
    for db in dbs:
        db.conn.close()


@pytest.fixture
def pair(tmp_path, trio):
    a, b, _ = trio
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    return a, b


def test_two_stations_exchange_bundles_both_ways_and_converge(tmp_path, pair):
    a, b = pair
    stock_up(a, "A")
    orders.create(a, CLERK, "AK", "AY", [("A-KZ", 10)])
    stock_up(b, "B")
    _, at_b = transfer(a, b, tmp_path / "a-b.zip")
    _, at_a = transfer(b, a, tmp_path / "b-a.zip")
    assert at_b.applied > 0 and at_b.deferred == 0 and not at_b.already_imported
    assert at_b.sender["code"] == "HY-A" and at_b.sequence == 1
    assert at_a.applied > 0 and at_a.known == 0
    assert synced(a) == synced(b)
    assert check.run(a) == [] and check.run(b) == []
    log = b.execute("SELECT direction, sequence, ops, applied FROM bundle_log").fetchall()
    assert ("in", 1, at_b.ops, at_b.applied) in log


def test_the_bundle_file_holds_manifest_ops_and_signature(tmp_path, pair):
    a, b = pair
    stock_up(a, "A")
    result = bundles.export(a, tmp_path / "x.zip", "HY-B")
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "ops.jsonl", "signature"]
        manifest = json.loads(archive.read("manifest.json"))
        lines = archive.read("ops.jsonl").decode().splitlines()
        assert len(archive.read("signature")) == 64
    assert manifest["format"] == "bioreserve-bundle/2"
    assert manifest["from"]["origin"] == station.get(a).origin
    origin = station.get(a).origin
    [(signed, (seq, digest, _signature))] = manifest["heads"].items()
    assert (signed, seq, digest) == (origin, *oplog.head(a, origin))  # A vouches for its own
    assert manifest["to"] == station.get(b).origin
    assert manifest["ops"] == len(lines) == result.ops > 0
    assert manifest["vector"] == oplog.vector(a)
    ops = [bundles.decode_op(line) for line in lines]
    assert [len(json.loads(line)) for line in lines] == [9] * (len(lines) - 1) + [10]
    assert ops[-1].hash == oplog.head(a, station.get(a).origin)[1]
    assert all(op.origin == station.get(a).origin for op in ops)  # REF never sent
    assert [op.seq for op in ops] == list(range(1, len(ops) + 1))


def test_importing_the_same_bundle_again_changes_nothing(tmp_path, pair):
    a, b = pair
    stock_up(a, "A")
    transfer(a, b, tmp_path / "a-b.zip")
    before = content(b)
    again = bundles.import_(b, tmp_path / "a-b.zip")
    assert again.already_imported and again.applied == 0 and again.known == again.ops
    assert content(b) == before


def test_relayed_ops_keep_their_origin_and_need_their_origins_key(tmp_path, trio):
    """B relays A's operations with the head A signed; C applies them once it has enrolled
    A's key — until then they are left out and said so (no relay vouches for another)."""
    a, b, c = trio
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    enrol(tmp_path, b, c)
    enrol(tmp_path, c, b)  # C knows only B
    stock_up(a, "A")
    transfer(a, b, tmp_path / "a-b.zip")
    stock_up(b, "B")
    _, at_c = transfer(b, c, tmp_path / "b-c.zip")
    origin_a = station.get(a).origin
    assert at_c.deferred == 0 and set(at_c.unvouched) == {origin_a}
    assert origin_a not in {r[0] for r in c.execute("SELECT DISTINCT origin FROM oplog")}
    enrol(tmp_path, c, a)  # C's administrator compares A's fingerprint and trusts it
    _, again = transfer(b, c, tmp_path / "b-c-2.zip")
    assert again.unvouched == {} and again.applied == at_c.unvouched[origin_a]
    origins = {r[0] for r in c.execute("SELECT DISTINCT origin FROM oplog")}
    assert {origin_a, station.get(b).origin} <= origins
    assert synced(c) == synced(b)
    assert check.run(c) == []


def test_a_second_export_after_the_ack_holds_only_new_ops(tmp_path, pair):
    a, b = pair
    stock_up(a, "A")
    first, _ = transfer(a, b, tmp_path / "1.zip")
    transfer(b, a, tmp_path / "ack.zip")  # B's bundle acknowledges what B holds
    assert bundles.export(a, tmp_path / "empty.zip", "HY-B").ops == 0
    catalog.save_item(a, CLERK, {"code": "A-XD", "name": "含氯消毒片", "unit": "瓶"})
    second, at_b = transfer(a, b, tmp_path / "2.zip")
    assert 0 < second.ops < first.ops
    assert second.sequence == first.sequence + 2
    assert at_b.applied == second.ops and at_b.known == 0
    assert synced(a) == synced(b)


def test_without_a_recipient_the_export_holds_what_not_every_station_acknowledged(tmp_path, trio):
    a, b, c = trio
    for peer in (b, c):
        enrol(tmp_path, a, peer)
        enrol(tmp_path, peer, a)
    stock_up(a, "A")
    everything = bundles.export(a, tmp_path / "all.zip").ops
    transfer(a, b, tmp_path / "a-b.zip")
    transfer(b, a, tmp_path / "b-a.zip")  # B acknowledged; C has not
    assert bundles.export(a, tmp_path / "any.zip").ops == everything
    transfer(a, c, tmp_path / "a-c.zip")
    transfer(c, a, tmp_path / "c-a.zip")
    assert bundles.export(a, tmp_path / "none.zip").ops == 0
    sync_keys.revoke(a, "HY-C")
    catalog.save_item(a, CLERK, {"code": "A-XD", "name": "含氯消毒片", "unit": "瓶"})
    assert (
        bundles.export(a, tmp_path / "new.zip").ops
        == bundles.export(a, tmp_path / "for-b.zip", "HY-B").ops
    )


def test_ops_after_a_missing_bundle_are_deferred_until_it_arrives(tmp_path, pair):
    a, b = pair
    stock_up(a, "A")
    full = bundles.export(a, tmp_path / "full.zip", "HY-B")
    # Pretend B acknowledged the first three ops (a bundle lost on the way).
    a.execute(
        "UPDATE trusted_station SET acked = ? WHERE origin = ?",
        [json.dumps({station.get(a).origin: 3}), station.get(b).origin],
    )
    gap = bundles.import_(b, bundles.export(a, tmp_path / "gap.zip", "HY-B").path)
    assert gap.applied == 0 and gap.deferred == full.ops - 3 and not gap.already_imported
    done = bundles.import_(b, tmp_path / "full.zip")
    assert done.applied == full.ops and done.deferred == 0
    assert synced(a) == synced(b) and check.run(b) == []


def test_export_for_an_unknown_or_revoked_station_is_refused(tmp_path, pair):
    a, _ = pair
    with pytest.raises(BioError, match="HY-Z"):
        bundles.export(a, tmp_path / "x.zip", "HY-Z")
    sync_keys.revoke(a, "HY-B")
    with pytest.raises(BioError, match="HY-B"):
        bundles.export(a, tmp_path / "x.zip", "HY-B")


def test_key_files_show_the_fingerprint_before_trusting(tmp_path, trio):
    a, b, _ = trio
    sync_keys.export_key(b, tmp_path / "b.key")
    peer = sync_keys.read_key(tmp_path / "b.key")
    assert peer["fingerprint"] == station.get(b).fingerprint
    assert peer["public_key"] == station.get(b).public_key
    assert sync_keys.list_trusted(a) == []
    trusted = sync_keys.trust(a, tmp_path / "b.key", peer["fingerprint"].lower().replace(" ", ""))
    assert trusted["code"] == "HY-B"
    assert sync_keys.trust(a, tmp_path / "b.key")["origin"] == trusted["origin"]  # idempotent
    [listed] = sync_keys.list_trusted(a)
    assert (listed["code"], listed["revoked"], listed["acked"]) == ("HY-B", False, {})


def test_trust_refuses_own_key_wrong_fingerprint_and_a_second_key(tmp_path, trio):
    a, b, c = trio
    sync_keys.export_key(a, tmp_path / "a.key")
    with pytest.raises(BioError, match="a.key"):
        sync_keys.trust(a, tmp_path / "a.key")
    sync_keys.export_key(b, tmp_path / "b.key")
    with pytest.raises(BioError, match="0000"):
        sync_keys.trust(a, tmp_path / "b.key", "0000 0000")
    assert sync_keys.list_trusted(a) == []
    sync_keys.trust(a, tmp_path / "b.key")
    forged = json.loads((tmp_path / "b.key").read_text(encoding="utf-8"))
    forged["public_key"] = json.loads(sync_keys_text(c, tmp_path))["public_key"]
    forged.pop("fingerprint")
    (tmp_path / "forged.key").write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(BioError, match="HY-B"):
        sync_keys.trust(a, tmp_path / "forged.key")
    sync_keys.revoke(a, "HY-B")
    with pytest.raises(BioError, match="HY-B"):
        sync_keys.trust(a, tmp_path / "b.key")


def sync_keys_text(db, tmp_path):
    sync_keys.export_key(db, tmp_path / "other.key")
    return (tmp_path / "other.key").read_text(encoding="utf-8")


def test_a_damaged_or_altered_key_file_is_refused(tmp_path, trio):
    a, b, _ = trio
    sync_keys.export_key(b, tmp_path / "b.key")
    data = json.loads((tmp_path / "b.key").read_text(encoding="utf-8"))
    data["fingerprint"] = "0000 " + data["fingerprint"][5:]
    (tmp_path / "altered.key").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "junk.key").write_text("not json", encoding="utf-8")
    for name in ("altered.key", "junk.key"):
        with pytest.raises(BioError, match=name):
            sync_keys.read_key(tmp_path / name)
    assert sync_keys.list_trusted(a) == []


def test_revoke_by_code_or_origin_and_unknown_station(tmp_path, pair):
    a, b = pair
    revoked = sync_keys.revoke(a, station.get(b).origin)
    assert revoked["revoked"] and revoked["revoked_at"]
    assert sync_keys.revoke(a, "hy-b")["revoked_at"] == revoked["revoked_at"]
    with pytest.raises(BioError, match="HY-Q"):
        sync_keys.revoke(a, "HY-Q")


def test_demo_database_bundle_size(tmp_path, demo_db):
    """The size per operation of a bundle of the whole demo data set (reported in the PR)."""
    peer = make_station(tmp_path, "HY-P", "对端站")
    enrol(tmp_path, peer, demo_db)
    enrol(tmp_path, demo_db, peer)  # entitled to the roster and the monitoring cohorts
    result = bundles.export(demo_db, tmp_path / "demo.zip", station.get(peer).origin)
    assert result.ops > 100
    imported = bundles.import_(peer, tmp_path / "demo.zip")
    assert imported.applied == result.ops and imported.deferred == 0
    assert synced(peer) == synced(demo_db)
    assert check.run(peer) == []
    assert result.bytes / result.ops < 50  # measured: 39 bytes per op
    peer.conn.close()


def test_after_a_new_key_the_operations_of_the_old_origin_still_travel(tmp_path, pair):
    """A makes a new key pair (its old one may be stolen): B trusts the new key, and the
    operations A made under the old one still reach B, vouched for by the old key's last
    signature, with those made since."""
    a, b = pair
    stock_up(a, "A")
    old_origin = station.get(a).origin
    station.new_key(a, "file")
    stock_up(a, "A2")
    enrol(tmp_path, b, a)  # B's administrator compares the new fingerprint and trusts it
    _, result = transfer(a, b, tmp_path / "a-b.zip")
    assert result.unvouched == {} and result.applied == result.ops
    assert oplog.head(b, old_origin) == oplog.head(a, old_origin)
    assert synced(b) == synced(a)
