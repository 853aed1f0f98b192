"""Long-term monitoring: ID numbers and their check digit, masking and its record, people
and sites, schedules across month ends and leap days, due and overdue checks, results with
abnormal alerts in the 大事记, ending, and monitoring that outlives its incident."""

from datetime import date, timedelta

import pytest

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.incidents import journal
from desktop.core.monitoring import people, personal, report, results, schedules, sites
from tests.helpers.stations import content

CTX = Ctx("os:analyst")
TODAY = values.now().date()


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


def an_id(born: str = "19900101", seq: str = "123", region: str = "430422") -> str:
    first = region + born + seq
    return first + personal.check_character(first)


@pytest.fixture
def incident(demo_db):
    return incidents.create(demo_db, CTX, {
        "title": "某地生物恐怖袭击", "hazard": "bioterror", "grade": "II", "division": "430422",
        "exposed": 40})  # fmt: skip


def test_the_id_number_check_digit_and_birth_date():
    assert personal.check_character("11010519491231002") == "X"  # GB 11643's own example
    assert personal.id_number("11010519491231002x") == "11010519491231002X"
    good = an_id()
    assert personal.id_number(f" {good} ") == good
    for bad in (good[:-1], good + "1", good[:-1] + ("0" if good[-1] != "0" else "1"),
                "43042219901301123" + personal.check_character("43042219901301123"),
                "0" + good[1:], "4304221990010112A3", "", None):  # fmt: skip
        with pytest.raises(BioError):
            personal.id_number(bad)
    future = (TODAY + timedelta(days=400)).strftime("%Y%m%d")
    with pytest.raises(BioError, match="birth date"):
        personal.id_number(an_id(born=future))


def test_masking():
    assert personal.mask_id("430422199001011234") == "430422********1234"
    assert personal.mask_phone("13807341234") == "138****1234"
    assert personal.mask_phone("0734-8888 1234") == "0734-****1234"
    assert personal.mask_phone("12") == "**"


def test_people_are_listed_masked_unless_shown_with_a_reason_which_is_recorded(demo_db, incident):
    made = people.add(demo_db, CTX, incident["number"], {
        "name": "张小明", "id_number": an_id(), "phone": "13807341234", "division": "430422",
        "exposed_on": (TODAY - timedelta(days=2)).isoformat(), "exposure": "同住",
        "cohort": "密切接触者"})  # fmt: skip
    [row] = people.listing(demo_db, incident["number"])
    assert row["id"] == made["id"] and row["cohort"] == "close_contact"
    assert row["id_number"] == personal.mask_id(an_id()) and row["phone"] == "138****1234"
    with pytest.raises(BioError, match="why"):
        people.listing(demo_db, incident["number"], reveal=True, ctx=CTX)
    [shown] = people.listing(demo_db, incident["number"], reveal=True, ctx=CTX,
                             reason="流调复核")  # fmt: skip
    assert shown["id_number"] == an_id() and shown["phone"] == "13807341234"
    [logged] = personal.disclosures(demo_db)
    assert (logged["actor"], logged["what"], logged["reason"]) == (CTX.actor, "list", "流调复核")
    # the same person again is refused; a second person of another cohort is added
    with pytest.raises(BioError, match="already"):
        people.add(demo_db, CTX, incident["number"], {"name": "张小明", "id_number": an_id(),
                                                      "cohort": "exposed"})  # fmt: skip
    for given, words in (({"id_number": "123"}, "ID number"),
                         ({"phone": "call me"}, "phone"),
                         ({"cohort": "friends"}, "friends"),
                         ({"exposed_on": (TODAY + timedelta(days=3)).isoformat()}, "future"),
                         ({"division": "999999"}, "999999")):  # fmt: skip
        before = content(demo_db)
        with pytest.raises(BioError, match=words):
            people.add(
                demo_db,
                CTX,
                incident["number"],
                {"name": "李四", "id_number": an_id(seq="456"), "cohort": "exposed", **given},
            )
        assert content(demo_db) == before


@pytest.mark.parametrize(
    "start, every, days, ended, expected",
    [
        ("2027-01-30", 1, 4, None, ["2027-01-30", "2027-01-31", "2027-02-01", "2027-02-02"]),
        ("2028-02-27", 1, 4, None, ["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]),
        ("2027-02-27", 1, 3, None, ["2027-02-27", "2027-02-28", "2027-03-01"]),
        ("2026-12-29", 7, 21, None, ["2026-12-29", "2027-01-05", "2027-01-12"]),
        ("2027-01-31", 30, 183, None,
         ["2027-01-31", "2027-03-02", "2027-04-01", "2027-05-01", "2027-05-31", "2027-06-30",
          "2027-07-30"]),
        ("2027-01-01", 1, 21, "2027-01-03", ["2027-01-01", "2027-01-02", "2027-01-03"]),
        ("2027-01-01", 7, 1, None, ["2027-01-01"]),
    ],
)  # fmt: skip
def test_schedule_days_across_month_ends_and_leap_days(start, every, days, ended, expected):
    got = schedules.dates(date.fromisoformat(start), every, days,
                          date.fromisoformat(ended) if ended else None)  # fmt: skip
    assert [d.isoformat() for d in got] == expected


def follow(db, incident, n: int, exposed_days_ago: int, cohort="close_contact") -> list[str]:
    out = []
    for k in range(n):
        out.append(people.add(db, CTX, incident["number"], {
            "name": f"密接{k}", "id_number": an_id(seq=f"{k:03d}"), "cohort": cohort,
            "exposed_on": (TODAY - timedelta(days=exposed_days_ago)).isoformat(),
        })["id"])  # fmt: skip
    return out


def test_due_and_overdue_checks_results_and_abnormal_alerts(demo_db, incident):
    follow(demo_db, incident, 2, exposed_days_ago=3)
    sched = schedules.add(demo_db, CTX, incident["number"], {
        "cohort": "密切接触者", "measure": "体温", "unit": "℃", "every_days": 1, "for_days": 21,
        "start_on": (TODAY - timedelta(days=5)).isoformat(), "normal_max": 37.2})["id"]  # fmt: skip
    # exposed 3 days ago: days 3, 2, 1 ago are overdue, today's are due (per person)
    checks = schedules.due(demo_db, TODAY, incident=incident["number"])
    assert sum(c["overdue"] for c in checks) == 6 and sum(not c["overdue"] for c in checks) == 2
    assert {c["agency"] for c in checks} == {"HY-WJW"}
    assert schedules.due(demo_db, TODAY, agency="HY-STHJJ", incident=incident["number"]) == []
    late = next(c for c in checks if c["overdue"] and c["days_overdue"] == 3)
    for written in ("1e2", "inf", "1_000", "37,5"):  # a measurement is written as one
        with pytest.raises(Invalid, match="not a number|不是数值"):
            results.record(demo_db, CTX, late["check"], written)
    done = results.record(demo_db, CTX, late["check"], "36.6")
    assert not done["abnormal"]
    hot = next(c for c in checks if not c["overdue"])
    flagged = results.record(demo_db, CTX, hot["check"], "38.1", note="伴咳嗽")
    assert flagged["abnormal"] and flagged["alert"]  # above the normal range
    assert len(schedules.due(demo_db, TODAY, incident=incident["number"])) == 6
    [alert] = results.alerts(demo_db, incident["number"])
    assert alert["value"] == "38.1" and alert["subject"].endswith("*")
    entries = journal.entries(demo_db, incident["id"])
    assert any(e["kind"] == "monitoring" and "38.1" in e["text"] and "密接" not in e["text"]
               for e in entries)  # fmt: skip
    results.handle(demo_db, CTX, alert["id"][:8], "已安排复查并转定点医院")
    assert results.alerts(demo_db, incident["number"]) == []
    mine = schedules.due(demo_db, TODAY, incident=incident["number"])
    assert (sum(not c["overdue"] for c in mine), sum(c["overdue"] for c in mine)) == (1, 5)
    counts = report.attention(demo_db, TODAY)
    assert counts["alerts"] == 0 and counts["overdue"] >= 5 and counts["due_today"] >= 1
    # a day to come, or a token that names no check, is refused
    tomorrow = schedules.token(sched, hot["subject_id"], TODAY + timedelta(days=1))
    with pytest.raises(BioError, match="to come"):
        results.record(demo_db, CTX, tomorrow, "36.5")
    with pytest.raises(BioError):
        month_ago = schedules.token(sched, hot["subject_id"], TODAY - timedelta(days=30))
        results.record(demo_db, CTX, month_ago, "36.5")
    with pytest.raises(BioError):
        results.record(demo_db, CTX, "not-a-check", "36.5")


def test_people_out_of_monitoring_and_ended_schedules_have_no_due_checks(demo_db, incident):
    first, second = follow(demo_db, incident, 2, exposed_days_ago=1)
    sched = schedules.add(demo_db, CTX, incident["number"], {
        "cohort": "close_contact", "measure": "症状", "every_days": 1, "for_days": 14,
        "start_on": (TODAY - timedelta(days=1)).isoformat()})["id"]  # fmt: skip
    assert len(schedules.due(demo_db, TODAY, incident=incident["number"])) == 4
    with pytest.raises(BioError):
        people.set_status(demo_db, CTX, first[:8], "失访")  # needs a note
    people.set_status(demo_db, CTX, first[:8], "失访", "电话停机，社区走访未遇")
    assert len(schedules.due(demo_db, TODAY, incident=incident["number"])) == 2
    yesterday = TODAY - timedelta(days=1)
    with pytest.raises(Invalid, match="尚未到来|still to come"):  # not an end yet
        schedules.end(demo_db, CTX, sched[-8:], "提前", on=TODAY + timedelta(days=400))
    schedules.end(demo_db, CTX, sched[-8:], "疫情解除，专家组建议终止", on=yesterday)
    assert (
        len(schedules.due(demo_db, TODAY, incident=incident["number"])) == 1
    )  # only yesterday's, the day it ended
    [row] = schedules.listing(demo_db, incident["number"])
    assert row["state"] == "ended" and row["end_reason"].startswith("疫情解除")


def test_monitoring_outlives_its_closed_incident(demo_db, incident):
    site = sites.add(demo_db, CTX, incident["number"], {
        "kind": "水体", "place": "湘江某取水口", "division": "430422", "latitude": "26.89",
        "longitude": "112.57"})["id"]  # fmt: skip
    schedules.add(demo_db, CTX, incident["number"], {
        "site": site[-8:], "measure": "水样检测", "every_days": 7, "for_days": 183})  # fmt: skip
    incidents.close(demo_db, CTX, incident["number"], "处置结束，转入长期监测")
    [check] = schedules.due(demo_db, TODAY, incident=incident["number"])
    assert check["agency"] == "HY-STHJJ" and check["subject_kind"] == "site"
    results.record(demo_db, CTX, check["check"], "阴性")
    summary = report.summary(demo_db, incident["number"])
    assert summary["open"] and summary["schedules"][0]["coverage"] == 100.0
    report.recommend(demo_db, CTX, incident["number"], "建议继续按周采样至满六个月。")
    assert [n["text"] for n in report.summary(demo_db, incident["number"])["recommendations"]] \
        == ["建议继续按周采样至满六个月。"]  # fmt: skip
    with pytest.raises(BioError, match="coordinate"):
        sites.add(
            demo_db,
            CTX,
            incident["number"],
            {"kind": "土壤", "place": "x", "division": "430422", "latitude": "95"},
        )


def test_the_demo_incident_has_monitoring_under_way(demo_db):
    [incident] = [i for i in incidents.listing(demo_db) if i["title"].startswith("【演示】")]
    followed = people.listing(demo_db, incident["number"])
    assert len(followed) == 6 and all("*" in p["id_number"] for p in followed)
    checks = schedules.due(demo_db, TODAY)
    assert any(c["overdue"] for c in checks) and any(c["subject_kind"] == "site" for c in checks)
    [handled] = results.alerts(demo_db, incident["number"], open_only=False)
    assert handled["handled"] and handled["subject"].startswith("【演示】")
    assert results.masked_name("张小明") == "张**"


def test_after_a_trial_numbers_where_a_range_is_set_agencies_by_name_and_closing_twice(
    demo_db, incident
):
    follow(demo_db, incident, 1, exposed_days_ago=0)
    schedules.add(demo_db, CTX, incident["number"], {
        "cohort": "close_contact", "measure": "体温", "every_days": 1, "for_days": 7,
        "normal_min": 36, "normal_max": 37.3})  # fmt: skip
    [check] = schedules.due(demo_db, TODAY, incident=incident["number"])
    for bad in ("abc", "37,5", "nan", "inf", "1e400"):
        with pytest.raises(BioError, match="not a number"):
            results.record(demo_db, CTX, check["check"], bad)
    typed = results.record(demo_db, CTX, check["check"], "３６．６")  # a Chinese input method's
    assert typed["value"] == "36.6" and not typed["abnormal"]
    again = results.record(demo_db, CTX, check["check"], "38.2")
    assert again["replaced"] == "36.6" and again["abnormal"]
    assert schedules.due(demo_db, TODAY, agency="市卫生健康委", incident=incident["number"]) == []
    with pytest.raises(BioError, match="NOPE"):
        schedules.due(demo_db, TODAY, agency="NOPE")
    [alert] = results.alerts(demo_db, incident["number"])
    results.handle(demo_db, CTX, alert["id"], "已复测")
    with pytest.raises(BioError, match="closed already"):
        results.handle(demo_db, CTX, alert["id"], "again")
    with pytest.raises(BioError, match="both"):
        sites.add(
            demo_db,
            CTX,
            incident["number"],
            {"kind": "土壤", "place": "x", "division": "430422", "latitude": "27"},
        )
    with pytest.raises(BioError, match="phone"):
        people.add(
            demo_db,
            CTX,
            incident["number"],
            {"name": "孙八", "id_number": an_id(seq="888"), "cohort": "exposed", "phone": "123"},
        )
    with pytest.raises(BioError, match="密接0"):  # the person already followed is named
        people.add(
            demo_db,
            CTX,
            incident["number"],
            {"name": "孙八", "id_number": an_id(seq="000"), "cohort": "exposed"},
        )


def test_the_alerts_of_an_unknown_incident_are_refused_not_none(demo_db):
    from desktop.core.monitoring import results

    with pytest.raises(BioError, match="NOPE"):
        results.alerts(demo_db, "NOPE")
    assert isinstance(results.alerts(demo_db), list)
