"""The expert roster: validation of every field, pinyin search, specialty and availability
filters, possible duplicates (flagged, not merged), phone masking, qualification alerts."""

from datetime import date, timedelta

import pytest

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.roster import experts
from desktop.core.store import check

KEEPER = Ctx("os:keeper")
TODAY = date(2026, 11, 29)
GOOD = {
    "name": "张三",
    "gender": "男",
    "organisation": "衡阳市疾病预防控制中心",
    "title": "主任医师",
    "specialties": ["epidemiology", "病原检测"],
    "division": "430422",
    "mobile": "13800001234",
    "office_phone": "0734-8123456",
    "notes": "测试",
}


def names(rows):
    return [r["name"] for r in rows]


def by_name(db, name):
    return next(db.query("SELECT * FROM expert WHERE name = ? AND deleted = 0", [name]))


def test_a_valid_expert_is_saved_indexed_and_sound(fresh_db):
    expert_id = experts.save_expert(fresh_db, KEEPER, GOOD)
    row = fresh_db["expert"].get(expert_id)
    assert row["specialties"] == '["epidemiology", "pathogen_testing"]'  # names become codes
    assert row["availability"] == "available"
    assert names(experts.search(fresh_db, "zs")) == ["张三"]
    assert names(experts.search(fresh_db, "zhangsan")) == ["张三"]
    assert check.run(fresh_db) == []


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", ""),
        ("name", "   "),
        ("gender", ""),
        ("gender", "M"),
        ("gender", "男性"),
        ("organisation", ""),
        ("specialties", []),
        ("specialties", ""),
        ("specialties", ["epidemiology", "astrology"]),
        ("specialties", "流行病学、占星术"),
        ("division", "999999"),
        ("division", "衡南"),
        ("mobile", "1380000123"),  # 10 digits
        ("mobile", "138000012345"),  # 12 digits
        ("mobile", "23800001234"),  # does not start with 1
        ("mobile", "1380000123a"),
        ("mobile", "0734-8123456"),  # a landline
        ("office_phone", "8123456"),  # no area code
        ("office_phone", "0734-123456"),  # 6 digits
        ("office_phone", "0734-812345678"),  # 9 digits
        ("office_phone", "734-8123456"),  # area code without 0
        ("office_phone", "07348-123456"),  # area code of 5 digits
        ("office_phone", "13800001234"),  # a mobile
        ("availability", "busy"),
        ("name", "张" * 51),  # 10,000 characters were taken
        ("organisation", "单" * 101),
        ("notes", "注" * 2_001),
    ],
)
def test_every_bad_field_is_refused_by_name(fresh_db, field, value):
    with pytest.raises(Invalid) as refused:
        experts.save_expert(fresh_db, KEEPER, {**GOOD, field: value})
    assert refused.value.field == field
    assert fresh_db["expert"].count == 0


@pytest.mark.parametrize(
    "field, value, stored",
    [
        ("mobile", "138 0000 1234", "13800001234"),
        ("mobile", "138-0000-1234", "13800001234"),
        ("office_phone", "07348123456", "07348123456"),
        ("office_phone", "0734-81234567", "0734-81234567"),
        ("office_phone", "010-12345678", "010-12345678"),
        ("office_phone", "", ""),
        ("division", "", None),
        ("specialties", "流行病学、lab_biosafety", '["epidemiology", "lab_biosafety"]'),
        ("specialties", "流行病学, 流行病学", '["epidemiology"]'),
    ],
)
def test_good_values_are_accepted_and_normalised(fresh_db, field, value, stored):
    expert_id = experts.save_expert(fresh_db, KEEPER, {**GOOD, field: value})
    assert fresh_db["expert"].get(expert_id)[field] == stored


def test_a_phone_is_required(fresh_db):
    with pytest.raises(Invalid) as refused:
        experts.save_expert(fresh_db, KEEPER, {**GOOD, "mobile": "", "office_phone": ""})
    assert refused.value.field == "mobile"
    experts.save_expert(fresh_db, KEEPER, {**GOOD, "mobile": ""})  # the office phone will do


def test_unavailability_needs_its_dates_in_order(fresh_db):
    expert_id = experts.save_expert(fresh_db, KEEPER, GOOD)
    for from_, to, field in (
        (None, "2026-12-10", "unavailable_from"),
        ("2026-12-01", None, "unavailable_to"),
        ("2026-12-10", "2026-12-01", "unavailable_to"),
        ("2026-13-01", "2026-12-01", "unavailable_from"),
    ):
        with pytest.raises(Invalid) as refused:
            experts.set_availability(fresh_db, KEEPER, expert_id, "unavailable", from_, to)
        assert refused.value.field == field
    with pytest.raises(Invalid):
        experts.set_availability(fresh_db, KEEPER, expert_id, "holiday")
    experts.set_availability(fresh_db, KEEPER, expert_id, "unavailable", "2026/12/1", "2026-12-10")
    row = fresh_db["expert"].get(expert_id)
    assert (row["unavailable_from"], row["unavailable_to"]) == ("2026-12-01", "2026-12-10")
    experts.set_availability(fresh_db, KEEPER, expert_id, "available")
    row = fresh_db["expert"].get(expert_id)
    assert (row["availability"], row["unavailable_from"]) == ("available", None)
    assert check.run(fresh_db) == []


# ---------------------------------------------------------------- search


@pytest.mark.parametrize(
    "text, found",
    [
        ("hal", ["贺安澜"]),  # pinyin initials
        ("HAL", ["贺安澜"]),
        ("tsy", ["谭思远"]),
        ("oyzx", ["欧阳蒸霞"]),  # a two-syllable surname
        ("zengruoxi", ["曾若溪"]),  # full pinyin (曾 as a surname: zeng)
        ("若溪", ["曾若溪"]),  # part of the name
        ("南华大学", ["欧阳蒸霞", "罗慕衡", "谭思远"]),  # organisation
        ("qqqq", []),
    ],
)
def test_search_by_name_pinyin_and_organisation(demo_db, text, found):
    assert sorted(names(experts.search(demo_db, text))) == sorted(found)


def test_search_without_text_lists_the_roster(demo_db):
    rows = experts.search(demo_db)
    assert len(rows) == 12
    assert all(isinstance(r["specialties"], list) for r in rows)
    out = [r["name"] for r in rows if not r["available"]]  # dispatched to the demo incident
    assert len(out) == 1 and rows[[r["name"] for r in rows].index(out[0])]["availability"] == (
        "on_mission")  # fmt: skip
    assert len(experts.search(demo_db, limit=5)) == 5


def test_specialty_filter_by_code_or_name(demo_db):
    lab = ["彭雁秋", "廖石砚", "罗慕衡"]
    assert sorted(names(experts.search(demo_db, specialty="lab_biosafety"))) == sorted(lab)
    assert sorted(names(experts.search(demo_db, specialty="实验室生物安全"))) == sorted(lab)
    assert names(experts.search(demo_db, "pyq", specialty="lab_biosafety")) == ["彭雁秋"]
    assert experts.search(demo_db, specialty="ethics")[0]["name"] == "欧阳蒸霞"
    with pytest.raises(BioError):
        experts.search(demo_db, specialty="astrology")


def test_availability_filter_with_missions_and_unavailable_windows(demo_db):
    mission, away = by_name(demo_db, "贺安澜"), by_name(demo_db, "彭雁秋")
    experts.set_availability(demo_db, KEEPER, mission["id"], "on_mission")
    experts.set_availability(demo_db, KEEPER, away["id"], "unavailable", "2026-12-01", "2026-12-10")

    def free(day):
        return set(names(experts.search(demo_db, available_only=True, today=day)))

    assert "贺安澜" not in free(TODAY)
    assert "彭雁秋" in free(date(2026, 11, 30))  # before the window
    assert "彭雁秋" not in free(date(2026, 12, 1))  # first day
    assert "彭雁秋" not in free(date(2026, 12, 5))
    assert "彭雁秋" not in free(date(2026, 12, 10))  # last day
    assert "彭雁秋" in free(date(2026, 12, 11))  # after
    assert len(free(date(2026, 12, 5))) == 9  # and one out for the demo incident
    rows = {r["name"]: r for r in experts.search(demo_db, today=date(2026, 12, 5))}
    assert rows["彭雁秋"]["available"] is False and rows["贺安澜"]["available"] is False
    assert rows["谭思远"]["available"] is True
    lab_free = names(
        experts.search(demo_db, specialty="lab_biosafety", available_only=True, today="2026-12-05")
    )
    assert sorted(lab_free) == ["廖石砚", "罗慕衡"]


def test_available_of_one_expert():
    window = {"availability": "unavailable", "unavailable_from": "2026-12-01",
              "unavailable_to": "2026-12-10"}  # fmt: skip
    assert experts.available({"availability": "available"}, TODAY)
    assert not experts.available({"availability": "on_mission"}, TODAY)
    assert experts.available(window, date(2026, 11, 30))
    assert not experts.available(window, date(2026, 12, 1))
    assert not experts.available(window, "2026-12-10")
    assert experts.available(window, date(2026, 12, 11))


# ---------------------------------------------------------------- duplicates, masking


def test_possible_duplicates_are_flagged_not_merged(demo_db):
    original = by_name(demo_db, "贺安澜")
    twin = experts.save_expert(
        demo_db,
        KEEPER,
        {**GOOD, "name": "贺安澜", "gender": "女", "mobile": original["mobile"]},
    )
    experts.save_expert(demo_db, KEEPER, {**GOOD, "name": "贺安澜", "gender": "女",
                                          "mobile": "13912345678"})  # fmt: skip
    assert demo_db.execute("SELECT count(*) FROM expert WHERE name = '贺安澜'").fetchone()[0] == 3
    groups = experts.duplicates(demo_db)
    assert [sorted(e["id"] for e in g) for g in groups] == [sorted([original["id"], twin])]
    experts.delete_expert(demo_db, KEEPER, twin)
    assert experts.duplicates(demo_db) == []
    assert check.run(demo_db) == []


def test_full_width_digits_are_read_as_digits():
    assert experts.check_mobile("１３８ ００００ １２３４") == "13800001234"
    assert experts.check_landline("０７３４－８１２３４５６") == "0734-8123456"
    with pytest.raises(Invalid):
        experts.check_mobile("١٣٨٠٠٠٠١٢٣٤")  # digits of another script are not a number here


@pytest.mark.parametrize(
    "phone, masked",
    [
        ("13800001234", "138****1234"),
        ("138 0000 1234", "138****1234"),
        ("0734-8123456", "0734-***3456"),
        ("07348123456", "0734-***3456"),
        ("0734-81234567", "0734-****4567"),
        ("010-12345678", "010-****5678"),
        ("02012345678", "020-****5678"),
        ("", ""),
    ],
)
def test_masking(phone, masked):
    assert values.mask_phone(phone) == masked


# ---------------------------------------------------------------- qualifications


def test_qualification_alerts_within_90_days_and_expired(fresh_db):
    expert_id = experts.save_expert(fresh_db, KEEPER, GOOD)
    other = experts.save_expert(fresh_db, KEEPER, {**GOOD, "name": "李四", "mobile": "13900001111"})

    def add(name, days, who=expert_id):
        expires = (TODAY + timedelta(days=days)).isoformat()
        return experts.add_qualification(fresh_db, KEEPER, who, name, "NO-1", "2020-01-01", expires)

    add("八十九天", 89)
    add("九十天", 90)
    add("九十一天", 91)
    add("已过期", -3)
    add("今天到期", 0, other)
    experts.add_qualification(fresh_db, KEEPER, expert_id, "无有效期")
    alerts = experts.qualification_alerts(fresh_db, today=TODAY)
    assert [(a["certificate"], a["days_left"]) for a in alerts] == [
        ("已过期", -3), ("今天到期", 0), ("八十九天", 89), ("九十天", 90)
    ]  # fmt: skip
    assert alerts[0]["expert"] == "张三" and alerts[1]["expert"] == "李四"
    assert [a["certificate"] for a in experts.qualification_alerts(fresh_db, TODAY, days=30)] == [
        "已过期",
        "今天到期",
    ]
    experts.delete_expert(fresh_db, KEEPER, other)
    assert "今天到期" not in {
        a["certificate"] for a in experts.qualification_alerts(fresh_db, TODAY)
    }
    assert check.run(fresh_db) == []


def test_qualification_rules(fresh_db):
    expert_id = experts.save_expert(fresh_db, KEEPER, GOOD)
    with pytest.raises(Invalid) as refused:
        experts.add_qualification(fresh_db, KEEPER, expert_id, "  ")
    assert refused.value.field == "name"
    with pytest.raises(Invalid) as refused:
        experts.add_qualification(fresh_db, KEEPER, expert_id, "证", "", "2026-01-01", "2025-01-01")
    assert refused.value.field == "expires_on"
    with pytest.raises(Invalid) as refused:
        experts.add_qualification(fresh_db, KEEPER, expert_id, "证", "", None, "明年")
    assert refused.value.field == "expires_on"
    with pytest.raises(BioError):
        experts.add_qualification(fresh_db, KEEPER, "no-such-expert", "证")
    qid = experts.add_qualification(fresh_db, KEEPER, expert_id, "证", "A1", None, "2027/1/31")
    experts.save_qualification(
        fresh_db, KEEPER, expert_id, "证", "A2", "2024-02-01", "2028-01-31", qualification_id=qid
    )
    [held] = experts.qualifications(fresh_db, expert_id)
    assert (held["number"], held["issued_on"], held["expires_on"]) == (
        "A2",
        "2024-02-01",
        "2028-01-31",
    )
    experts.delete_qualification(fresh_db, KEEPER, qid)
    assert experts.qualifications(fresh_db, expert_id) == []
    assert check.run(fresh_db) == []


# ---------------------------------------------------------------- derived index


def test_the_pinyin_index_follows_edits_and_check_sees_a_stale_one(fresh_db):
    expert_id = experts.save_expert(fresh_db, KEEPER, GOOD)
    experts.save_expert(fresh_db, KEEPER, {**GOOD, "name": "李四"}, expert_id)
    assert names(experts.search(fresh_db, "ls")) == ["李四"]
    assert experts.search(fresh_db, "zs") == []
    fresh_db.execute("UPDATE expert_search SET initials = 'x' WHERE expert_id = ?", [expert_id])
    fresh_db.execute("INSERT INTO expert_search VALUES ('ghost', 'g', 'g')")
    problems = check.run(fresh_db)
    assert [p.kind for p in problems] == ["derived", "derived"]
    assert check.rebuild(fresh_db)["search_index"] == 1 + fresh_db["item"].count
    assert check.run(fresh_db) == []


def test_a_viewer_sees_a_mobile_masked_once_as_138_stars_1234(fresh_db):
    """The list masks for a viewer's role; a caller masking again (the CLI's and the
    desktop's expert lists do) keeps 138****1234, never *******1234 (trial 17, finding 19)."""

    experts.save_expert(fresh_db, KEEPER, GOOD)
    viewer = Ctx("user:v", role="viewer")
    (row,) = experts.search(fresh_db, "张三", ctx=viewer)
    assert row["mobile"] == "138****1234"
    assert experts.mask_phone(row["mobile"]) == "138****1234"
    assert values.mask_phone(row["mobile"]) == "138****1234"
    assert values.mask_phone(GOOD["mobile"]) == "138****1234"
