"""A new station's first synchronization from a snapshot: it equals the exporter (synced
tables, conflicts), later bundles from the exporter and from a third station apply and
converge, `check` and `audit verify` are clean, personal rows stay out for a station not
entitled, and a tampered, untrusted or oversize snapshot is refused naming the cause with
nothing changed."""

import json
import zipfile

import pytest

from desktop.core.access import audit
from desktop.core.store import check, conflicts, station
from desktop.core.store.writepath import write
from desktop.sync import snapshot, snapshot_load
from desktop.sync.snapshot_load import SnapshotRefused
from tests.helpers.stations import (
    ALICE,
    BOB,
    content,
    enrol_all,
    make_station,
    stock_up,
    sync,
    synced,
    transfer,
)

pytestmark = pytest.mark.usefixtures("english")


def origin(db) -> str:
    return station.get(db).origin


@pytest.fixture
def world(tmp_path):
    """A and C with stock, an item edited at both apart (a conflict), merged at A; N new,
    trusting A and C, entitled at A to everything."""
    a, c, n = (make_station(tmp_path, f"HY-{x}", f"{x}站") for x in "ACN")
    enrol_all(tmp_path, [a, c, n])
    stock_up(a, "A")
    stock_up(c, "C")
    sync(a, c)
    sync(c, a)
    item = a.execute("SELECT id FROM item WHERE code = 'A-KZ'").fetchone()[0]
    with write(a, ALICE) as w:
        w.update("item", item, {"spec": "N95"})
    with write(c, BOB) as w:
        w.update("item", item, {"spec": "KN95"})
    sync(c, a)
    yield a, c, n
    for db in (a, c, n):
        db.conn.close()


def load(tmp_path, src, dst, name="s.zip", for_dst=True):
    path = tmp_path / name
    snapshot.export(src, path, origin(dst) if for_dst else None)
    return snapshot_load.load(dst, path)


def test_a_loaded_station_equals_its_exporter_and_checks_clean(tmp_path, world):
    a, c, n = world
    load(tmp_path, a, n)
    assert synced(n) == synced(a)
    assert [x.key for x in conflicts.listing(n)] == [x.key for x in conflicts.listing(a)]
    assert conflicts.listing(n)
    assert check.run(n) == []
    assert audit.verify(n).ok


def test_later_bundles_from_the_exporter_and_a_third_station_converge(tmp_path, world):
    a, c, n = world
    load(tmp_path, a, n)
    stock_up(a, "A2")
    stock_up(c, "C2")
    stock_up(n, "N")
    transfer(a, n, tmp_path / "a-n.zip")
    transfer(c, n, tmp_path / "c-n.zip")
    transfer(n, a, tmp_path / "n-a.zip")
    transfer(c, a, tmp_path / "c-a.zip")
    transfer(n, c, tmp_path / "n-c.zip")
    transfer(a, c, tmp_path / "a-c.zip")
    assert synced(n) == synced(a) == synced(c)
    keys = [x.key for x in conflicts.listing(a)]
    assert [x.key for x in conflicts.listing(n)] == keys == [x.key for x in conflicts.listing(c)]
    # an edit at N settles the conflict everywhere
    conflict = conflicts.listing(n)[0]
    conflicts.resolve(n, ALICE, conflict.key, conflict.others[0].ref)
    transfer(n, a, tmp_path / "n-a2.zip")
    assert conflicts.listing(a) == [] and conflicts.listing(n) == []
    assert check.run(n) == [] and check.run(a) == []
    assert audit.verify(n).ok


def test_personal_rows_stay_out_for_a_station_not_entitled(tmp_path, world):
    a, c, n = world
    with write(a, ALICE) as w:
        w.insert("expert", {"name": "王医生", "mobile": "13911112222"})
    load(tmp_path, a, n, for_dst=False)  # for any station: no personal rows
    assert n.execute("SELECT count(*) FROM expert").fetchone()[0] == 0
    assert b"13911112222" not in (tmp_path / "s.zip").read_bytes()
    assert check.run(n) == []


def test_only_a_new_station_loads_a_snapshot(tmp_path, world):
    a, c, n = world
    path = tmp_path / "s.zip"
    snapshot.export(a, path, origin(c))
    before = content(c)
    with pytest.raises(SnapshotRefused) as refused:
        snapshot_load.load(c, path)
    assert refused.value.cause == "has_ops"
    assert content(c) == before


def rewrite(path, out, manifest=None, state=None, signature=None, extra=None):
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    if manifest is not None:
        parts["manifest.json"] = manifest(parts["manifest.json"])
    if state is not None:
        parts["state.db"] = state(parts["state.db"])
    if signature is not None:
        parts["signature"] = signature
    parts.update(extra or {})
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _changed_row(data: bytes) -> bytes:
    return data.replace("医用防护口罩".encode(), "医用防护口照".encode(), 1)


def _changed_digest(data: bytes) -> bytes:
    manifest = json.loads(data)
    manifest["tables"]["item"][1] = "0" * 64
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    ("case", "cause"),
    [
        ("row", "tampered"),
        ("digest", "tampered"),
        ("signature", "tampered"),
        ("entries", "damaged"),
        ("bomb", "too_large"),
    ],
)
def test_a_tampered_snapshot_is_refused_and_nothing_changes(tmp_path, world, case, cause):
    a, c, n = world
    good = tmp_path / "good.zip"
    snapshot.export(a, good, origin(n))
    bad = tmp_path / "bad.zip"
    if case == "row":
        rewrite(good, bad, state=_changed_row)
    elif case == "digest":
        rewrite(good, bad, manifest=_changed_digest)
    elif case == "signature":
        rewrite(good, bad, signature=bytes(64))
    elif case == "entries":
        rewrite(good, bad, extra={"other": b"x"})
    else:  # a state of zeros as large as the manifest says: far beyond any real ratio

        def zeros(data: bytes) -> bytes:
            return bytes(len(data) * 200)

        def grown(data: bytes) -> bytes:
            return data  # the signed size no longer matches either way

        rewrite(good, bad, state=zeros, manifest=grown)
    before = content(n)
    with pytest.raises(SnapshotRefused) as refused:
        snapshot_load.load(n, bad)
    assert refused.value.cause == cause
    assert str(refused.value)
    assert content(n) == before


def test_an_untrusted_signer_and_an_oversize_file_are_refused(tmp_path, world, monkeypatch):
    a, c, n = world
    stranger = make_station(tmp_path, "HY-X", "X站")
    stock_up(stranger, "X")
    path = tmp_path / "x.zip"
    snapshot.export(stranger, path)
    before = content(n)
    with pytest.raises(SnapshotRefused) as refused:
        snapshot_load.load(n, path)
    assert refused.value.cause == "unknown_sender"
    monkeypatch.setattr(snapshot_load, "MAX_FILE", 100)
    snapshot.export(a, tmp_path / "a.zip", origin(n))
    with pytest.raises(SnapshotRefused) as refused:
        snapshot_load.load(n, tmp_path / "a.zip")
    assert refused.value.cause == "too_large"
    assert content(n) == before
    stranger.conn.close()


def test_check_finds_a_loaded_row_changed_behind_the_write_path(tmp_path, world):
    a, c, n = world
    load(tmp_path, a, n)
    n.conn.in_write_path = True
    n.execute("UPDATE item SET spec = 'X' WHERE code = 'C-KZ'")
    n.conn.commit()
    n.conn.in_write_path = False
    kinds = {p.kind for p in check.run(n)}
    assert "row" in kinds


def schema_of(db) -> list[tuple]:
    return db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()


def test_a_load_failing_after_the_ledger_went_in_changes_nothing(tmp_path, world, monkeypatch):
    """The ledger goes in with its triggers and indexes set aside: a failure after that
    (here computing the figures) leaves the station as it was, schema included, and the
    same snapshot then loads."""
    a, c, n = world
    path = tmp_path / "s.zip"
    snapshot.export(a, path, origin(n))
    before, shape = content(n), schema_of(n)

    def boom(db):
        assert db.execute("SELECT count(*) FROM stock_move").fetchone()[0] > 0
        raise RuntimeError("disk gone")

    with monkeypatch.context() as patch:
        patch.setattr(snapshot_load.figures, "rebuild", boom)
        with pytest.raises(RuntimeError):
            snapshot_load.load(n, path)
    assert content(n) == before
    assert schema_of(n) == shape
    snapshot_load.load(n, path)
    assert synced(n) == synced(a)
    assert check.run(n) == []


def test_balances_usable_stock_and_norm_figures_follow_the_loaded_ledger(tmp_path, world):
    a, c, n = world
    depot, item = a.execute("SELECT depot_id, item_id FROM stock_balance LIMIT 1").fetchone()
    with write(a, ALICE) as w:
        w.insert("norm", {"depot_id": depot, "item_id": item, "qty": 10**6})
    load(tmp_path, a, n)
    for table in ("stock_balance", "item_stock", "usable_stock", "norm_line", "norm_group"):
        mine = n.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert mine == a.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall(), table
    assert n.execute("SELECT count(*) FROM norm_line").fetchone()[0] == 1
    assert check.run(n) == []
