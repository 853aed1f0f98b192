"""Stations for tests: fresh databases (copied from a template built once per run), key
enrolment, merging, stock to exchange, an overdrawn lot, and table contents to compare."""

import atexit
import shutil
import tempfile
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from desktop.core.context import Ctx
from desktop.core.reserves import catalog, stock
from desktop.core.setup import refdata
from desktop.core.store import db as dbmod
from desktop.core.store import oplog, station
from desktop.core.store.merge import apply_ops
from desktop.core.store.tables import SYNCED
from desktop.sync import bundles, entitlement
from desktop.sync import keys as sync_keys

ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")
ADMIN = Ctx("os:admin")
CLERK = Ctx("os:clerk")


def days(n: int) -> str:
    """The ISO date n days from today: expiries stay in the future however late the test runs."""
    return (date.today() + timedelta(days=n)).isoformat()


@cache
def _template() -> Path:
    """A database with the schema and the reference data but no station yet, made once per
    process (39–74 ms) so that each new station is a file copy (3–5 ms)."""
    folder = Path(tempfile.mkdtemp(prefix="bioreserve-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "template.db"
    db = dbmod.open_db(path, create=True)
    refdata.load(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def new_station(path: Path, code: str = "HY-TEST", name: str = "测试站"):
    """A station database at path, as `bioreserve init` makes it: its own identity and key
    pair, the reference data. Returns it open."""
    shutil.copy(_template(), path)
    db = dbmod.open_db(path)
    db.conn.execute("BEGIN IMMEDIATE")
    station.create(db, code, name)
    db.conn.execute("COMMIT")
    return db


def make_station(folder, code, name):
    return new_station(Path(folder) / f"{code}.db", code, name)


def enrol(folder, db, peer, entitle=entitlement.CLASSES):
    """db trusts peer's key (as after comparing fingerprints) and entitles it to the
    classes of personal rows `entitle` (both unless told: these stations share a roster)."""
    key = folder / f"{station.get(peer).code}.key"
    sync_keys.export_key(peer, key)
    info = sync_keys.trust(db, key, station.get(peer).fingerprint)
    if entitle:
        entitlement.set_entitlement(db, ADMIN, info["origin"], dict.fromkeys(entitle, True))
    return info


def enrol_all(folder, dbs, entitle=entitlement.CLASSES) -> None:
    """Every station trusts every other's key (and entitles it, see enrol)."""
    for db in dbs:
        for peer in dbs:
            if peer is not db:
                enrol(folder, db, peer, entitle)


def sync(src, dst):
    """Merge into dst what src holds and dst lacks (the merge core, no bundle file)."""
    return apply_ops(dst, list(oplog.ops_since(src, oplog.vector(dst))))


def overdraw(a, b) -> None:
    """Both stations issue 8 of the same 10 masks (lot B1 of KZ at CK1) while apart; after
    b's issue reaches a, a's balance is -6 (a reconciliation item)."""
    catalog.save_depot(a, ALICE, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(a, ALICE, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    stock.receive(a, ALICE, "CK1", "KZ", "B1", 10, expiry=days(400))
    sync(a, b)
    stock.issue(a, ALICE, "CK1", "KZ", 8, "B1", reason="甲站发放")
    stock.issue(b, BOB, "CK1", "KZ", 8, "B1", reason="乙站发放")
    sync(b, a)


def synced(db):
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in SYNCED}


def content(db):
    """Every row of every table, for 'the database did not change': the audit trail's
    bookkeeping aside (the event of a backup made before a change that was then refused,
    and the seals), as tests/helpers/cli.py leaves it aside."""
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    rows = {
        n: sorted(map(repr, db.execute(f"SELECT * FROM {n}")))
        for n in names
        if n not in ("audit_event", "audit_seal")
    }
    if "audit_event" in names:
        rows["audit_event"] = [
            repr(r)
            for r in db.execute(
                "SELECT actor, kind, detail FROM audit_event WHERE kind != 'backup' ORDER BY seq"
            )
        ]
    return rows


def stock_up(db, prefix):
    """A depot, an item and a receipt made at this station."""
    catalog.save_depot(
        db, CLERK, {"code": f"{prefix}K", "name": f"{prefix}库", "level": "市级储备库"}
    )
    catalog.save_depot(
        db, CLERK, {"code": f"{prefix}Y", "name": f"{prefix}医院", "level": "医疗机构"}
    )
    catalog.save_item(db, CLERK, {"code": f"{prefix}-KZ", "name": "医用防护口罩", "unit": "只"})
    stock.receive(db, CLERK, f"{prefix}K", f"{prefix}-KZ", "B1", 100, days(400))


def transfer(src, dst, path, to_peer=True):
    """Export from src (for dst) and import at dst."""
    export = bundles.export(src, path, station.get(dst).origin if to_peer else None)
    return export, bundles.import_(dst, path)
