"""Negative balances after a merge become reconciliation items, settled by a count."""

import pytest

from desktop.core import i18n
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, reconcile, stock
from desktop.core.store import check
from desktop.sync import keys as sync_keys
from tests.helpers.stations import days, new_station, sync

ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")
EXPIRY = days(400)  # lot B1 stays usable however late the tests run
REASON_NEEDED = "A reconciliation needs its reason: say what the count found and why."


def enrol(db, peer, folder):
    """db trusts peer's key (as 同步 → 信任站点 does): its code then names its movements."""
    path = folder / f"{sync_keys.own(peer).code}.key"
    sync_keys.export_key(peer, path)
    sync_keys.trust(db, path)


@pytest.fixture
def strangers(tmp_path):
    """Two stations that have not enrolled each other."""
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    yield a, b
    a.conn.close()
    b.conn.close()


@pytest.fixture
def pair(strangers, tmp_path):
    """Two enrolled stations holding the same 10 masks of lot B1 at depot CK1."""
    a, b = strangers
    enrol(a, b, tmp_path)
    enrol(b, a, tmp_path)
    catalog.save_depot(a, ALICE, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(
        a, ALICE, {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "PPE"}
    )
    stock.receive(a, ALICE, "CK1", "KZ", "B1", 10, expiry=EXPIRY)
    sync(a, b)
    return a, b


def overdraw(a, b):
    """Both stations issue 8 of the 10 while offline, then exchange their operations."""
    stock.issue(a, ALICE, "CK1", "KZ", 8, "B1", reason="甲站发放")
    stock.issue(b, BOB, "CK1", "KZ", 8, "B1", reason="乙站发放")
    sync(a, b)
    sync(b, a)


def test_no_items_while_every_balance_is_positive(pair):
    a, b = pair
    assert reconcile.items(a) == [] and reconcile.items(b) == []


def test_an_overdrawn_lot_lists_both_stations_and_their_issues(pair):
    a, b = pair
    overdraw(a, b)
    for db in (a, b):
        [found] = reconcile.items(db)
        assert {k: found[k] for k in ("depot", "item", "batch", "expiry", "balance", "unit")} == {
            "depot": "CK1",
            "item": "KZ",
            "batch": "B1",
            "expiry": EXPIRY,
            "balance": -6,
            "unit": "只",
        }
        assert found["depot_name"] == "市级库" and found["item_name"] == "医用防护口罩"
        assert sorted(found["stations_involved"]) == ["HY-A", "HY-B"]
        assert found["last_count"] is None
        kinds = [(m["kind"], m["qty"]) for m in found["movements"]]
        assert sorted(kinds) == [("issue", -8), ("issue", -8), ("receive", 10)]
        assert found["movements"][-1]["kind"] == "receive"  # newest first
        issues = {m["station"]: m for m in found["movements"] if m["kind"] == "issue"}
        assert issues["HY-A"]["actor"] == "os:alice" and issues["HY-A"]["reason"] == "甲站发放"
        assert issues["HY-B"]["actor"] == "os:bob" and issues["HY-B"]["reason"] == "乙站发放"
        assert all(m["occurred_at"] for m in found["movements"])


def test_a_peer_not_enrolled_is_named_by_its_origin(strangers):
    a, b = strangers
    catalog.save_depot(a, ALICE, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(a, ALICE, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    stock.receive(a, ALICE, "CK1", "KZ", "B1", 10, expiry=EXPIRY)
    sync(a, b)
    overdraw(a, b)
    b_origin = sync_keys.own(b).origin
    [found] = reconcile.items(a)
    issues = {m["origin"]: m for m in found["movements"] if m["kind"] == "issue"}
    assert (issues[b_origin]["station"], issues[b_origin]["station_name"]) == (b_origin, "")
    assert sorted(found["stations_involved"]) == sorted(["HY-A", b_origin])


def test_the_count_that_reconciles_removes_the_item(pair):
    a, b = pair
    overdraw(a, b)
    done = reconcile.resolve(a, ALICE, "CK1", "KZ", "B1", 0, "两站重复发放，实盘为零")
    assert done == {
        "depot": "CK1",
        "item": "KZ",
        "lot": "B1",
        "book": -6,
        "counted": 0,
        "difference": 6,
    }
    assert reconcile.items(a) == []
    assert check.run(a) == []
    move = a.execute(
        "SELECT reason, note FROM stock_move WHERE kind = 'count' ORDER BY rowid DESC"
    ).fetchone()
    assert "两站重复发放，实盘为零" in move[0] and move[0] != "两站重复发放，实盘为零"
    # The count syncs like any movement: the other station's item goes too.
    sync(a, b)
    assert reconcile.items(b) == [] and check.run(b) == []


def test_an_empty_reason_is_refused_in_the_users_language(pair):
    a, b = pair
    overdraw(a, b)
    before = a.execute("SELECT count(*) FROM stock_move").fetchone()
    with pytest.raises(BioError) as refused:
        reconcile.resolve(a, ALICE, "CK1", "KZ", "B1", 0, "  ")
    assert str(refused.value) == i18n.tr(REASON_NEEDED)  # 中文 once the catalogue has it
    try:
        i18n.set_language("en")
        with pytest.raises(BioError, match="needs its reason"):
            reconcile.resolve(a, ALICE, "CK1", "KZ", "B1", 0, "")
    finally:
        i18n.set_language("zh_CN")
    with pytest.raises(BioError):
        reconcile.resolve(a, ALICE, "CK1", "KZ", "B1", -1, "盘点")
    assert a.execute("SELECT count(*) FROM stock_move").fetchone() == before
    assert len(reconcile.items(a)) == 1


def test_movements_start_after_the_last_count(pair):
    a, b = pair
    overdraw(a, b)
    reconcile.resolve(a, ALICE, "CK1", "KZ", "B1", 1, "实盘 1")
    sync(a, b)
    stock.issue(a, ALICE, "CK1", "KZ", 1, "B1", reason="甲站再发放")
    stock.issue(b, BOB, "CK1", "KZ", 1, "B1", reason="乙站再发放")
    sync(a, b)
    sync(b, a)
    for db in (a, b):
        [found] = reconcile.items(db)
        assert found["balance"] == -1
        last = found["last_count"]
        assert (last["kind"], last["qty"], last["actor"], last["station"]) == (
            "count",
            7,
            "os:alice",
            "HY-A",
        )
        assert sorted((m["reason"], m["qty"]) for m in found["movements"]) == [
            ("乙站再发放", -1),
            ("甲站再发放", -1),
        ]
        assert sorted(found["stations_involved"]) == ["HY-A", "HY-B"]
        assert check.run(db) == []


def test_an_issue_learned_after_a_count_belongs_to_the_item(pair):
    """b issued offline; a counted without knowing and issued; the merge overdraws at a."""
    a, b = pair
    stock.issue(b, BOB, "CK1", "KZ", 4, "B1", reason="乙站离线发放")
    stock.count(a, ALICE, "CK1", "KZ", "B1", 10, "月度盘点")
    stock.issue(a, ALICE, "CK1", "KZ", 8, "B1", reason="甲站发放")
    sync(b, a)
    [found] = reconcile.items(a)
    assert found["balance"] == -2
    assert sorted(m["reason"] for m in found["movements"]) == ["乙站离线发放", "甲站发放"]
    assert found["last_count"]["reason"] == "月度盘点"
    assert sorted(found["stations_involved"]) == ["HY-A", "HY-B"]
