"""Stations for tests that sync: fresh databases, key enrolment, merging, an overdrawn lot."""

from desktop.core import catalog, initdb, oplog, station, stock, sync_keys
from desktop.core.context import Ctx
from desktop.core.merge import apply_ops

ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")


def make_station(folder, code, name):
    return initdb.init_database(folder / f"{code}.db", code, name)


def enrol(folder, db, peer):
    """db trusts peer's key (as after comparing fingerprints)."""
    key = folder / f"{station.get(peer).code}.key"
    sync_keys.export_key(peer, key)
    return sync_keys.trust(db, key, station.get(peer).fingerprint)


def enrol_all(folder, dbs) -> None:
    """Every station trusts every other's key."""
    for db in dbs:
        for peer in dbs:
            if peer is not db:
                enrol(folder, db, peer)


def sync(src, dst):
    """Merge into dst what src holds and dst lacks (the merge core, no bundle file)."""
    return apply_ops(dst, list(oplog.ops_since(src, oplog.vector(dst))))


def overdraw(a, b) -> None:
    """Both stations issue 8 of the same 10 masks (lot B1 of KZ at CK1) while apart; after
    b's issue reaches a, a's balance is -6 (a reconciliation item)."""
    catalog.save_depot(a, ALICE, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(a, ALICE, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    stock.receive(a, ALICE, "CK1", "KZ", "B1", 10, expiry="2030-01-01")
    sync(a, b)
    stock.issue(a, ALICE, "CK1", "KZ", 8, "B1", reason="甲站发放")
    stock.issue(b, BOB, "CK1", "KZ", 8, "B1", reason="乙站发放")
    sync(b, a)
