"""Conflicts from bases: concurrent edits of one field are found, kept, shown and settled;
far-ahead clocks are not adopted and are flagged."""

import pytest

from desktop.core import overview
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.store import check, conflicts, hlc, oplog
from desktop.core.store.hlc import wall_ms
from desktop.core.store.writepath import load_clock, write
from tests.helpers.stations import enrol_all, new_station, sync

ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")


def shape(found):
    """What every replica must agree on (station names depend on whom each enrolled)."""
    return [(c.key, c.kept.ref, c.kept.value, [(v.ref, v.value) for v in c.others]) for c in found]


def both_ways(a, b):
    sync(a, b)
    sync(b, a)


@pytest.fixture
def pair(tmp_path):
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    enrol_all(tmp_path, [a, b])  # enrolled: versions name the station by its code
    b.conn.wall_clock = lambda: wall_ms() + 1000  # B's edits are the newer ones
    yield a, b
    a.conn.close()
    b.conn.close()


@pytest.fixture
def expert(pair):
    a, b = pair
    with write(a, ALICE) as w:
        expert_id = w.insert("expert", {"name": "王医生", "mobile": "13800000000"})
    sync(a, b)
    return expert_id


def edit(db, ctx, expert_id, **fields):
    with write(db, ctx) as w:
        w.update("expert", expert_id, fields)


def phone(db, expert_id):
    return db.execute("SELECT mobile FROM expert WHERE id = ?", [expert_id]).fetchone()[0]


def test_concurrent_edits_of_one_field_are_a_conflict_with_both_versions(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    assert phone(a, expert) == phone(b, expert) == "13922222222"  # B's edit is newer
    found = [conflicts.listing(db) for db in (a, b)]
    assert shape(found[0]) == shape(found[1]) and len(found[0]) == 1
    conflict = found[0][0]
    assert (conflict.table, conflict.field, conflict.label) == ("expert", "mobile", "王医生")
    assert conflict.kept.value == "13922222222" and conflict.kept.station == "HY-B"
    assert conflict.kept.actor == "os:bob"
    assert [v.value for v in conflict.others] == ["13811111111"]
    assert conflict.others[0].station == "HY-A"
    for db in (a, b):
        assert check.run(db) == []
        assert overview.attention(db)["alert_counts"]["conflicts"] == 1  # a card on 总览


def test_choosing_the_losing_version_restores_it_everywhere(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    conflict = conflicts.listing(b)[0]
    conflicts.resolve(b, BOB, conflict.key, conflict.others[0].ref)
    assert phone(b, expert) == "13811111111" and conflicts.listing(b) == []
    sync(b, a)
    assert phone(a, expert) == "13811111111" and conflicts.listing(a) == []
    for db in (a, b):
        assert check.run(db) == []


def test_keeping_the_current_version_settles_it_too(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    conflict = conflicts.listing(a)[0]
    conflicts.resolve(a, ALICE, conflict.key, conflict.kept.ref)
    sync(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []
    assert phone(a, expert) == phone(b, expert) == "13922222222"


def test_an_unknown_choice_is_refused_and_changes_nothing(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    key = conflicts.listing(a)[0].key
    before = oplog.vector(a)
    with pytest.raises(BioError, match="不是|not one of"):
        conflicts.resolve(a, ALICE, key, "nobody:1")
    with pytest.raises(BioError):
        conflicts.resolve(a, ALICE, "expert:nope:phone", "nobody:1")
    assert oplog.vector(a) == before and len(conflicts.listing(a)) == 1


def test_a_key_naming_no_synced_table_is_no_conflict_and_never_reaches_sql(pair, expert):
    """The key is typed by a person: its table is one of the synced tables or there is no
    such conflict — never an SQL error, never SQL of the key's own."""
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    before = oplog.vector(a)
    for key in ("nope:1:2", "incident WHERE 1=1 UNION SELECT name FROM sqlite_master --:1:2",
                "sqlite_master:x:y", ":x:y"):  # fmt: skip
        with pytest.raises(BioError, match="没有未解决的冲突|no open conflict"):
            conflicts.resolve(a, ALICE, key, "a:1")
        assert conflicts.listing(a, key.partition(":")[0]) == [] or key.startswith(":")
    assert oplog.vector(a) == before and len(conflicts.listing(a)) == 1


def test_a_role_that_may_not_edit_the_table_is_refused_before_anything(pair, expert):
    from desktop.core.access.policy import NotAllowed

    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    conflict = conflicts.listing(a)[0]
    with pytest.raises(NotAllowed):
        conflicts.resolve(a, Ctx("os:v", role="viewer"), conflict.key, conflict.kept.ref)
    assert len(conflicts.listing(a)) == 1


def test_an_edit_made_after_seeing_the_other_is_no_conflict(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    sync(a, b)
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []


def test_concurrent_edits_of_different_fields_merge_without_conflict(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, title="主任医师")
    both_ways(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []
    row = "SELECT mobile, title FROM expert WHERE id = ?"
    assert a.execute(row, [expert]).fetchone() == b.execute(row, [expert]).fetchone()


def test_the_same_value_set_at_two_stations_is_not_shown(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13811111111")
    both_ways(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []


def test_a_later_plain_edit_settles_the_conflict(pair, expert):
    a, b = pair
    edit(a, ALICE, expert, mobile="13811111111")
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    edit(a, ALICE, expert, mobile="13733333333")
    sync(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []
    assert phone(b, expert) == "13733333333"


def test_concurrent_delete_and_restore_is_a_conflict(pair, expert):
    a, b = pair
    with write(a, ALICE) as w:  # A deletes the expert, then takes it back
        w.delete("expert", expert)
    with write(a, ALICE) as w:
        w.update("expert", expert, {"deleted": 0})
    with write(b, BOB) as w:  # meanwhile B deletes it
        w.delete("expert", expert)
    both_ways(a, b)
    found = conflicts.listing(a)
    assert shape(found) == shape(conflicts.listing(b)) and [c.field for c in found] == ["deleted"]


def test_conflicts_do_not_depend_on_the_order_ops_arrive_in(tmp_path):
    stations = [new_station(tmp_path / f"s{n}.db", f"HY-{n}", f"站{n}") for n in range(3)]
    with write(stations[0], ALICE) as w:
        expert_id = w.insert("expert", {"name": "李专家"})
    for db in stations[1:]:
        sync(stations[0], db)
    for n, db in enumerate(stations):
        edit(db, Ctx(f"os:user{n}"), expert_id, mobile=f"1380000000{n}")
    sync(stations[1], stations[2])
    edit(stations[2], Ctx("os:user2"), expert_id, title="教授")  # saw station 1's phone
    for src in (2, 1, 0):
        for dst in range(3):
            if src != dst:
                sync(stations[src], stations[dst])
    found = [conflicts.listing(db) for db in stations]
    assert shape(found[0]) == shape(found[1]) == shape(found[2])
    assert len(found[0]) == 1 and len(found[0][0].others) == 2


def test_a_far_ahead_clock_is_not_adopted_and_is_flagged(pair, expert):
    a, b = pair
    day = 24 * 3600 * 1000
    b.conn.wall_clock = lambda: wall_ms() + day  # station B's date is a day ahead
    edit(b, BOB, expert, mobile="13922222222")
    result = sync(b, a)
    assert "HY-B" not in result.clock_ahead  # keyed by origin
    assert list(result.clock_ahead.values())[0] > hlc.MAX_AHEAD_MS
    flagged = a.execute("SELECT origin, ahead_ms FROM clock_flag").fetchall()
    assert len(flagged) == 1 and flagged[0][1] > day - 60_000
    assert hlc.unpack(load_clock(a).last)[0] < wall_ms() + hlc.MAX_AHEAD_MS
    # An edit made here after seeing B's still wins, everywhere, without a conflict.
    edit(a, ALICE, expert, mobile="13811111111")
    sync(a, b)
    assert phone(a, expert) == phone(b, expert) == "13811111111"
    assert conflicts.listing(a) == conflicts.listing(b) == []
    for db in (a, b):
        assert check.run(db) == []


def test_an_edit_made_while_another_station_deleted_the_record_is_a_conflict(pair, expert):
    a, b = pair
    with write(a, ALICE) as w:
        w.delete("expert", expert)
    edit(b, BOB, expert, mobile="13922222222")  # B has not heard of the delete
    both_ways(a, b)
    found = [conflicts.listing(db) for db in (a, b)]
    assert shape(found[0]) == shape(found[1]) and len(found[0]) == 1
    conflict = found[0][0]
    assert conflict.field == "deleted" and conflict.kept.value == 1
    assert conflict.kept.station == "HY-A" and conflict.others[0].station == "HY-B"
    # Restoring takes B's edit back into use, at both stations.
    conflicts.resolve(a, ALICE, conflict.key, conflict.others[0].ref)
    sync(a, b)
    for db in (a, b):
        row = db.execute("SELECT deleted, mobile FROM expert WHERE id = ?", [expert]).fetchone()
        assert row == (0, "13922222222")
        assert conflicts.listing(db) == [] and check.run(db) == []


def test_keeping_the_delete_settles_it(pair, expert):
    a, b = pair
    with write(a, ALICE) as w:
        w.delete("expert", expert)
    edit(b, BOB, expert, mobile="13922222222")
    both_ways(a, b)
    conflict = conflicts.listing(b)[0]
    conflicts.resolve(b, BOB, conflict.key, conflict.kept.ref)
    sync(b, a)
    assert conflicts.listing(a) == conflicts.listing(b) == []
    assert a.execute("SELECT deleted FROM expert WHERE id = ?", [expert]).fetchone() == (1,)


def test_editing_a_record_known_to_be_deleted_is_no_conflict(pair, expert):
    a, b = pair
    with write(a, ALICE) as w:
        w.delete("expert", expert)
    sync(a, b)
    edit(b, BOB, expert, notes="已退休")  # B saw the delete and annotates the tombstone
    both_ways(a, b)
    assert conflicts.listing(a) == conflicts.listing(b) == []


def test_a_version_of_a_reference_field_shows_the_record_it_names(pair):
    a, b = pair
    with write(a, ALICE) as w:
        depots = [
            w.insert("depot", {"code": f"CK{n}", "name": f"{n}号库", "level": "县级储备库"})
            for n in (1, 2, 3)
        ]
        item = w.insert("item", {"code": "KZ", "name": "口罩"})
        norm = w.insert("norm", {"depot_id": depots[0], "item_id": item, "qty": 10})
    sync(a, b)
    with write(a, ALICE) as w:
        w.update("norm", norm, {"depot_id": depots[1]})
    with write(b, BOB) as w:
        w.update("norm", norm, {"depot_id": depots[2]})
    both_ways(a, b)
    (conflict,) = conflicts.listing(a)
    assert conflict.kept.shown == "CK3 3号库" and conflict.others[0].shown == "CK2 2号库"
