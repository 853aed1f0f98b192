"""`bioreserve init --from-snapshot`: the snapshot's state.db becomes the new station's
file. The station equals its exporter (synced tables, conflicts, balances, usable stock),
checks clean, and takes later bundles from the exporter and a third station; a tampered
state, a wrong key or fingerprint, an oversize or zip-bomb file are refused naming the
cause, with no file left at the target."""

import zipfile

import pytest

from desktop.core.access import audit
from desktop.core.errors import BioError
from desktop.core.store import check, conflicts, station
from desktop.core.store.writepath import write
from desktop.sync import keys as sync_keys
from desktop.sync import snapshot, snapshot_init, snapshot_load
from desktop.sync.snapshot_load import SnapshotRefused
from tests.helpers.stations import (
    ALICE,
    BOB,
    enrol,
    enrol_all,
    make_station,
    stock_up,
    sync,
    synced,
    transfer,
)
from tests.sync.test_snapshot import rewrite

pytestmark = pytest.mark.usefixtures("english")
PASSWORD = "correct horse battery 7"


@pytest.fixture
def world(tmp_path):
    """A and C with stock, an item edited at both apart (a conflict), merged at A; A's
    snapshot for any station and its key file."""
    a, c = (make_station(tmp_path, f"HY-{x}", f"{x}站") for x in "AC")
    enrol_all(tmp_path, [a, c])
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
    snapshot.export(a, tmp_path / "s.zip")
    sync_keys.export_key(a, tmp_path / "a.key")
    yield a, c
    for db in (a, c):
        db.conn.close()


def make(tmp_path, path=None, key=None, fingerprint=None, a=None):
    return snapshot_init.init_from_snapshot(
        tmp_path / "n.db",
        path or tmp_path / "s.zip",
        key or tmp_path / "a.key",
        fingerprint if fingerprint is not None else station.get(a).fingerprint,
        "HY-N",
        "N站",
        "chief",
        PASSWORD,
    ).db


def test_a_station_made_from_a_snapshot_equals_its_exporter(tmp_path, world):
    a, c = world
    n = make(tmp_path, a=a)
    mine = synced(n)
    own = [r for r in mine["account"] if r[1] == station.get(n).origin]
    assert [r[2] for r in own] == ["chief"]  # its administrator, made here
    mine["account"] = [r for r in mine["account"] if r not in own]
    assert mine == synced(a)
    keys = [x.key for x in conflicts.listing(a)]
    assert keys and [x.key for x in conflicts.listing(n)] == keys
    for table in ("stock_balance", "item_stock", "usable_stock", "norm_line", "item_search"):
        mine = n.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert mine == a.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall(), table
    assert station.get(n).code == "HY-N" and station.get(n).origin != station.get(a).origin
    assert sync_keys.find(n, "HY-A")["origin"] == station.get(a).origin
    assert n.execute("SELECT count(*) FROM account_secret").fetchone()[0] == 1
    assert check.run(n) == []
    assert audit.verify(n).ok
    n.close()


def test_later_bundles_from_the_exporter_and_a_third_station_apply(tmp_path, world):
    a, c = world
    n = make(tmp_path, a=a)
    enrol(tmp_path, a, n)
    enrol(tmp_path, c, n)
    enrol(tmp_path, n, c)
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
    assert [x.key for x in conflicts.listing(n)] == [x.key for x in conflicts.listing(a)]
    assert check.run(n) == [] and check.run(a) == []
    assert audit.verify(n).ok
    n.close()


def _bomb(data: bytes) -> bytes:
    return bytes(len(data) * 200)


@pytest.mark.parametrize(
    ("case", "cause"),
    [("byte", "tampered"), ("signature", "tampered"), ("bomb", "too_large"),
     ("entries", "damaged")],
)  # fmt: skip
def test_a_tampered_snapshot_is_refused_leaving_no_file(tmp_path, world, case, cause):
    a, c = world
    bad = tmp_path / "bad.zip"
    if case == "byte":  # one byte of the state, deep inside

        def flip(data: bytes) -> bytes:
            at = len(data) // 2
            return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]

        rewrite(tmp_path / "s.zip", bad, state=flip)
    elif case == "signature":
        rewrite(tmp_path / "s.zip", bad, signature=bytes(64))
    elif case == "bomb":
        rewrite(tmp_path / "s.zip", bad, state=_bomb)
    else:
        rewrite(tmp_path / "s.zip", bad, extra={"other": b"x"})
    with pytest.raises(SnapshotRefused) as refused:
        make(tmp_path, path=bad, a=a)
    assert refused.value.cause == cause and str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("n.db", ".n.db"))) == []


def test_a_wrong_key_or_fingerprint_or_an_oversize_file_is_refused(tmp_path, world, monkeypatch):
    a, c = world
    sync_keys.export_key(c, tmp_path / "c.key")
    with pytest.raises(SnapshotRefused) as refused:  # C's key: not the signer
        make(tmp_path, key=tmp_path / "c.key", fingerprint=station.get(c).fingerprint, a=a)
    assert refused.value.cause == "unknown_sender"
    with pytest.raises(SnapshotRefused) as refused:  # A's key, C's fingerprint
        make(tmp_path, fingerprint=station.get(c).fingerprint, a=a)
    assert refused.value.cause == "fingerprint"
    monkeypatch.setattr(snapshot_load, "MAX_FILE", 100)
    monkeypatch.setattr(snapshot_init, "MAX_FILE", 100)
    with pytest.raises(SnapshotRefused) as refused:
        make(tmp_path, a=a)
    assert refused.value.cause == "too_large"
    assert not any(p.name.startswith(("n.db", ".n.db")) for p in tmp_path.iterdir())


def test_an_existing_file_is_never_replaced(tmp_path, world):
    a, c = world
    (tmp_path / "n.db").write_bytes(b"x")
    with pytest.raises(BioError):
        make(tmp_path, a=a)
    assert (tmp_path / "n.db").read_bytes() == b"x"


def test_a_snapshot_of_other_reference_data_is_refused(tmp_path, world, monkeypatch):
    a, c = world
    monkeypatch.setattr(snapshot_init.refdata, "fingerprint", lambda: "other")
    with pytest.raises(SnapshotRefused) as refused:
        make(tmp_path, a=a)
    assert refused.value.cause == "schema"
    assert not any(p.name.startswith(("n.db", ".n.db")) for p in tmp_path.iterdir())


def test_the_state_holds_no_local_secret(tmp_path, world):
    with zipfile.ZipFile(tmp_path / "s.zip") as archive:
        (tmp_path / "state.db").write_bytes(archive.read("state.db"))
    import sqlite3

    state = sqlite3.connect(tmp_path / "state.db")
    for table in snapshot_init.LOCAL:
        assert state.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    state.close()


def test_the_command_makes_the_station_or_refuses_with_exit_1(tmp_path, world, capsys):
    from tests.helpers.cli import invoke, password_file

    a, c = world
    fingerprint = station.get(a).fingerprint
    common = ["--trust", str(tmp_path / "a.key"), "--admin-password-file"]
    common += [str(password_file(tmp_path)), "--station", "HY-N"]
    target = str(tmp_path / "n.db")
    code, out, _ = invoke(
        capsys, "--db", target, "--json", "init", "--from-snapshot", str(tmp_path / "s.zip"),
        "--fingerprint", fingerprint, *common,
    )  # fmt: skip
    assert code == 0 and '"HY-N"' in out
    code, _, err = invoke(
        capsys, "--lang", "en", "--db", str(tmp_path / "m.db"), "init", "--from-snapshot",
        str(tmp_path / "s.zip"), "--fingerprint", station.get(c).fingerprint, *common,
    )  # fmt: skip
    assert code == 1 and "fingerprint" in err and not (tmp_path / "m.db").exists()


def test_a_station_made_without_the_roster_takes_rows_of_experts_it_lacks_as_withheld(tmp_path):
    """A snapshot for any station carries no expert; entitled later, the station is sent
    rows naming experts it never received (a qualification, a dispatch). The whole bundle
    failed on the foreign key, and every bundle after it: such rows are held as withheld
    (their place in the chain kept), the rest applies, and they are not asked for again."""
    from desktop.core.roster import experts as roster

    a = make_station(tmp_path, "HY-A", "A站")
    earlier = roster.save_expert(a, ALICE, {"name": "贺安澜", "gender": "女",
                                            "organisation": "市疾控中心",
                                            "mobile": "13800000001",
                                            "specialties": "流行病学"})  # fmt: skip
    snapshot.export(a, tmp_path / "s.zip")
    sync_keys.export_key(a, tmp_path / "a.key")
    n = make(tmp_path, a=a)
    assert n.execute("SELECT count(*) FROM expert").fetchone()[0] == 0
    enrol(tmp_path, a, n)  # entitled to the roster from now on
    enrol(tmp_path, n, a)
    roster.save_qualification(a, ALICE, earlier, "注册医师", "110000")
    later = roster.save_expert(a, ALICE, {"name": "蒋明远", "gender": "男",
                                          "organisation": "市人民医院",
                                          "mobile": "13800000002",
                                          "specialties": "临床感染病"})  # fmt: skip
    roster.save_qualification(a, ALICE, later, "主任医师", "220000")
    stock_up(a, "A")
    _, imported = transfer(a, n, tmp_path / "a-n.zip")
    assert imported.withheld == 1  # the qualification of the expert n never received
    assert [r[0] for r in n.execute("SELECT name FROM expert")] == ["蒋明远"]
    assert n.execute("SELECT count(*) FROM expert_qualification").fetchone()[0] == 1
    assert n.execute("SELECT count(*) FROM stock_move").fetchone()[0] == 1
    assert check.run(n) == []
    transfer(n, a, tmp_path / "n-a.zip")  # n's report of what it holds withheld reaches a
    stock_up(a, "A2")
    exported, imported = transfer(a, n, tmp_path / "a-n2.zip")
    assert exported.ops < 20  # not every operation since the withheld one, again
    assert n.execute("SELECT count(*) FROM stock_move").fetchone()[0] == 2
    assert check.run(n) == []
    n.close()
    a.conn.close()
