"""Member agencies (成员单位): the list, validated edits of the shipped rows, new agencies."""

import pytest

from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.roster import agencies
from desktop.core.store import check

KEEPER = Ctx("os:keeper")


def test_the_list_has_the_city_agencies_first_then_the_counties(fresh_db):
    rows = agencies.list(fresh_db)
    assert len(rows) == 51  # 11 city, 协调机制办公室, 3 per county × 12, 3 事发地
    levels = [r["level"] for r in rows]
    assert levels == sorted(levels, key=lambda level: level != "city")
    assert rows[0]["level"] == "city" and rows[-1]["level"] == "county"
    assert {"HY-WJW", "HY-YJJ", "430422-WJJ"} <= {r["code"] for r in rows}


def test_contact_and_duty_phone_of_a_shipped_agency_are_editable(fresh_db):
    health = agencies.agency_by_code(fresh_db, "HY-WJW")
    agencies.save_agency(
        fresh_db, KEEPER, {"contact": " 张三 ", "duty_phone": "0734 8123456"}, health["id"]
    )
    row = agencies.agency_by_code(fresh_db, "HY-WJW")
    assert (row["contact"], row["duty_phone"], row["name"]) == (
        "张三",
        "07348123456",
        "衡阳市卫生健康委员会",
    )
    agencies.save_agency(fresh_db, KEEPER, {"duty_phone": "138-0000-1234"}, health["id"])
    assert agencies.agency_by_code(fresh_db, "HY-WJW")["duty_phone"] == "13800001234"
    assert check.run(fresh_db) == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"duty_phone": "8123456"}, "duty_phone"),
        ({"duty_phone": "1380000123"}, "duty_phone"),
        ({"duty_phone": "电话"}, "duty_phone"),
        ({"code": "HY-YJJ"}, "code"),  # another agency's code
        ({"code": ""}, "code"),
        ({"name": " "}, "name"),
        ({"level": "province"}, "level"),
        ({"division": "999999"}, "division"),
    ],
)
def test_bad_changes_are_refused_by_field(fresh_db, changes, field):
    health = agencies.agency_by_code(fresh_db, "HY-WJW")
    with pytest.raises(Invalid) as refused:
        agencies.save_agency(fresh_db, KEEPER, changes, health["id"])
    assert refused.value.field == field
    assert agencies.agency_by_code(fresh_db, "HY-WJW") == health


def test_a_new_agency_needs_a_unique_code_and_a_name(fresh_db):
    with pytest.raises(Invalid) as refused:
        agencies.save_agency(fresh_db, KEEPER, {"name": "衡阳海关"})
    assert refused.value.field == "code"
    with pytest.raises(Invalid) as refused:
        agencies.save_agency(fresh_db, KEEPER, {"code": "HY-HG"})
    assert refused.value.field == "name"
    with pytest.raises(Invalid):
        agencies.save_agency(fresh_db, KEEPER, {"code": "HY-WJW", "name": "重复"})
    agency_id = agencies.save_agency(
        fresh_db,
        KEEPER,
        {"code": "HY-HG", "name": "衡阳海关", "level": "city", "division": "430400",
         "duty_phone": "0734-8000000"},
    )  # fmt: skip
    assert agencies.agency_by_code(fresh_db, "HY-HG")["id"] == agency_id
    assert len(agencies.list(fresh_db)) == 52
    with pytest.raises(BioError):
        agencies.agency_by_code(fresh_db, "HY-NONE")
    assert check.run(fresh_db) == []
