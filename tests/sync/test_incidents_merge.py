"""An incident worked on at two stations: the city's and a county's, apart and then
exchanged. Everything merges by the existing rules: fields by last writer, the status by
the furthest, rows made from the same source (an escalation's tasks) made once."""

import pytest

from desktop.core import incidents
from desktop.core.incidents import journal, records, tasks
from desktop.core.store import payloads
from desktop.core.store.oplog import Op
from tests.helpers.stations import ALICE, BOB, make_station, sync, synced


@pytest.fixture
def pair(tmp_path):
    city = make_station(tmp_path, "HY-CITY", "市局")
    county = make_station(tmp_path, "HY-HN", "衡南县")
    yield city, county
    city.close()
    county.close()


def _incident(db):
    fields = {"title": "疑似聚集性疫情", "hazard": "infectious_disease", "grade": "III",
              "division": "430422", "responders": 10}  # fmt: skip
    made = incidents.create(db, ALICE, fields)
    incidents.activate(db, ALICE, made["id"], "PB-EID")
    return made


def test_two_stations_working_one_incident_converge(pair):
    city, county = pair
    made = _incident(city)
    sync(city, county)
    assert records.get(county, made["number"])["status"] == "responding"
    first = tasks.listing(county, made["id"])[0]
    # apart: the county works a task and logs; the city escalates and edits the scale
    tasks.set_status(county, BOB, first["id"], "in_progress", "流调队已出发")
    journal.add(county, BOB, records.get(county, made["id"]), "县指挥部成立")
    incidents.update(county, BOB, made["id"], {"patients": 30})
    incidents.escalate(city, ALICE, made["id"], "II", "出现死亡病例")
    incidents.update(city, ALICE, made["id"], {"patients": 20, "place": "云集街道"})
    # both escalate: the tasks given are the same rows, made once
    incidents.escalate(county, BOB, made["id"], "II", "县级研判")
    sync(city, county)
    sync(county, city)
    assert synced(city) == synced(county)
    for db in pair:
        board = tasks.listing(db, made["id"])
        assert len(board) == len({t["title"] for t in board}) == 9
        assert board[0]["status"] == "in_progress"
        row = records.get(db, made["id"])
        assert row["grade"] == "II" and row["place"] == "云集街道"
        assert len(records.grade_history(db, made["id"])) == 3
        texts = [e["text"] for e in journal.entries(db, made["id"])]
        assert "县指挥部成立" in texts


def test_the_status_keeps_the_furthest_whatever_the_order_of_arrival(pair):
    city, county = pair
    made = _incident(city)
    sync(city, county)
    incidents.advance(county, BOB, made["id"], "recovery")
    incidents.update(city, ALICE, made["id"], {"notes": "later edit at the city"})
    sync(county, city)
    sync(city, county)
    for db in pair:
        assert records.get(db, made["id"])["status"] == "recovery"
    assert synced(city) == synced(county)


def test_an_incident_operation_with_a_value_outside_its_vocabulary_is_refused(pair):
    city, _ = pair
    made = _incident(city)
    for field, value in (("grade", "V"), ("status", "escalated"), ("hazard", "meteor"),
                         ("confirmation", "sure"), ("depot_ids", "not json")):  # fmt: skip
        op = Op("X", 1, 1, "x", "update", "incident", made["id"], {field: value}, [])
        with pytest.raises(payloads.BadOperation):
            payloads.check(city, op)
    op = Op("X", 1, 1, "x", "update", "incident_task", "t1", {"status": "finished"}, [])
    with pytest.raises(payloads.BadOperation):
        payloads.check(city, op)


def test_reports_made_apart_keep_distinct_numbers(pair):
    city, county = pair
    made = _incident(city)
    sync(city, county)
    from desktop.core.incidents import reports

    ours = reports.add(city, ALICE, made["id"], "progress", {})
    theirs = reports.add(county, BOB, made["id"], "first", {})
    sync(city, county)
    sync(county, city)
    numbers = {r["number"] for r in reports.listing(city, made["id"])}
    assert numbers == {ours["number"], theirs["number"]} and len(numbers) == 2
    assert theirs["number"].startswith(made["number"] + "-HY-HN-")
    assert numbers == {r["number"] for r in reports.listing(county, made["id"])}


def test_an_expert_dispatched_apart_to_two_incidents_is_shown_and_released_cleanly(pair):
    from desktop.core.incidents import experts
    from desktop.core.roster import experts as roster

    city, county = pair
    one, two = _incident(city), _incident(city)
    expert = roster.save_expert(city, ALICE, {"name": "贺安澜", "gender": "女",
                                              "organisation": "市疾控中心",
                                              "mobile": "13800000001",
                                              "specialties": "流行病学"})  # fmt: skip
    sync(city, county)
    experts.dispatch(city, ALICE, one["id"], expert)
    experts.dispatch(county, BOB, two["id"], expert)
    sync(city, county)
    sync(county, city)
    for db in pair:
        (problem,) = experts.problems(db)
        assert problem["kind"] == "twice" and one["number"] in problem["numbers"]
    experts.release(city, ALICE, one["id"], expert)
    assert city["expert"].get(expert)["availability"] == "on_mission"  # still out for two
    assert experts.problems(city) == []


def test_orders_drafted_apart_for_one_incident_show_as_over_ordered(pair):
    from desktop.core.incidents import needs
    from desktop.core.reserves import catalog, stock
    from tests.helpers.stations import days

    city, county = pair
    catalog.save_depot(city, ALICE, {"code": "CK", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(city, ALICE, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    stock.receive(city, ALICE, "CK", "KZ", "B1", 100_000, expiry=days(300))
    made = _incident(city)
    sync(city, county)
    needs.draft_orders(city, ALICE, made["id"])
    needs.draft_orders(county, BOB, made["id"])
    sync(city, county)
    sync(county, city)
    kz = next(n for n in needs.compute(city, made["id"]) if n["item"] == "KZ")
    assert kz["ordered"] == 2 * kz["required"] and kz["over"] == kz["required"]


def test_a_conflict_on_a_task_status_names_the_statuses(pair):
    from desktop.core.store import conflicts

    city, county = pair
    made = _incident(city)
    sync(city, county)
    task = tasks.listing(city, made["id"])[0]["id"]
    tasks.set_status(city, ALICE, task, "done", "完成")
    tasks.set_status(county, BOB, task, "blocked", "缺试剂")
    sync(city, county)
    sync(county, city)
    found = {c.field: c for c in conflicts.listing(city) if c.table == "incident_task"}
    shown = {found["status"].kept.shown, *(v.shown for v in found["status"].others)}
    assert shown == {"已完成", "受阻"}
