"""Monitoring worked at two stations — the city's health commission and a county's health
bureau — apart and then exchanged: the same person entered at both is one row; results of
one check entered at both merge into one (the later wins, the other is kept as a conflict);
results of different checks all arrive; an end of a schedule reaches the other station."""

from datetime import date, timedelta

import pytest

from desktop.core import incidents
from desktop.core.monitoring import people, personal, results, schedules
from desktop.core.store import conflicts
from desktop.core.store.writepath import write
from tests.helpers.stations import ALICE, BOB, make_station, sync, synced

TODAY = date.today()


def an_id(seq: str) -> str:
    first = "43042219880808" + seq
    return first + personal.check_character(first)


@pytest.fixture
def pair(tmp_path):
    city = make_station(tmp_path, "HY-CITY", "市卫健委")
    county = make_station(tmp_path, "HY-HN", "衡南县卫健局")
    given = {"title": "炭疽疑似暴露", "hazard": "bioterror", "grade": "II", "division": "430422"}
    made = incidents.create(city, ALICE, given)
    people.add(city, ALICE, made["id"], {
        "name": "陈一", "id_number": an_id("011"), "cohort": "exposed",
        "exposed_on": (TODAY - timedelta(days=1)).isoformat()})  # fmt: skip
    schedules.add(city, ALICE, made["id"], {
        "cohort": "exposed", "measure": "体温", "every_days": 1, "for_days": 14,
        "start_on": (TODAY - timedelta(days=1)).isoformat(), "normal_max": 37.2})  # fmt: skip
    sync(city, county)
    yield city, county, made
    city.close()
    county.close()


def test_results_of_one_check_at_two_stations_merge_into_one(pair):
    city, county, made = pair
    [today] = [c for c in schedules.due(city, TODAY) if not c["overdue"]]
    [yesterday] = [c for c in schedules.due(city, TODAY) if c["overdue"]]
    results.record(city, ALICE, today["check"], "36.8")
    results.record(county, BOB, today["check"], "38.0", note="乡镇卫生院复测")
    results.record(county, BOB, yesterday["check"], "36.5")
    sync(city, county)
    sync(county, city)
    assert synced(city) == synced(county)
    for db in (city, county):
        rows = db.execute("SELECT due_on, value FROM monitor_result ORDER BY due_on").fetchall()
        assert len(rows) == 2  # one row per check, whoever entered it
        assert schedules.due(db, TODAY) == []
    # the two values of today's check: one wins everywhere, the other is kept as a conflict
    value = city.execute("SELECT value FROM monitor_result WHERE due_on = ?",
                         [TODAY.isoformat()]).fetchone()[0]  # fmt: skip
    assert value in ("36.8", "38.0")
    found = conflicts.listing(city, "monitor_result")
    assert found, "the losing value is kept for a person to see"


def test_the_same_person_entered_at_both_stations_is_one_row(pair):
    city, county, made = pair
    given = {"name": "李二", "id_number": an_id("022"), "cohort": "close_contact"}
    people.add(city, ALICE, made["id"], {**given, "phone": "13800000001"})
    people.add(county, BOB, made["id"], {**given, "phone": "13800000002"})
    sync(city, county)
    sync(county, city)
    assert synced(city) == synced(county)
    for db in (city, county):
        assert len(people.listing(db, made["id"], cohort="close_contact")) == 1


def test_ending_a_schedule_and_a_status_change_reach_the_other_station(pair):
    city, county, made = pair
    [schedule] = schedules.listing(city, made["id"])
    schedules.end(county, BOB, schedule["id"], "复核为非暴露", on=TODAY - timedelta(days=1))
    person = people.listing(city, made["id"])[0]
    people.set_status(city, ALICE, person["id"], "released")
    sync(county, city)
    sync(city, county)
    for db in (city, county):
        assert schedules.due(db, TODAY) == []
        assert schedules.listing(db, made["id"])[0]["state"] == "ended"


def test_a_conflict_on_a_phone_shows_it_masked(pair):
    city, county, made = pair
    ref = people.listing(city, made["id"])[0]["id"]
    with write(city, ALICE) as w:
        w.update("monitor_person", ref, {"phone": "13811112222"})
    with write(county, BOB) as w:
        w.update("monitor_person", ref, {"phone": "13933334444"})
    sync(city, county)
    sync(county, city)
    [conflict] = conflicts.listing(city, "monitor_person")
    versions = (conflict.kept, *conflict.others)
    shown = {v.value for v in versions} | {v.shown for v in versions}
    assert "13811112222" not in shown and "13933334444" not in shown
    assert {"138****2222", "139****4444"} <= shown
