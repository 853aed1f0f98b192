"""Drill participants' phones are personal data: a role without the right to see them (演练导调员
plans drills without it) gets them masked in the plan and in its MSEL export, and saving the
plan as shown — in the editor or through the exported workbook — keeps the numbers stored;
a masked number can only stay with the participant it was shown for. An export with the
numbers in full is recorded in the audit log."""

import json

import openpyxl
import pytest

from desktop.core.context import Ctx
from desktop.core.drills import injects, msel, records
from desktop.core.errors import Invalid

PLANNER = Ctx("user:daoyuan", role="controller")
COORDINATOR = Ctx("user:xietiao", role="coordinator")
PLAN = {
    "people": [
        {"role": "controller", "name": "王导调", "phone": "13807341234"},
        {"role": "evaluator", "name": "李评估", "phone": "0734-8123456"},
        {"role": "player", "agency": "HY-WJW", "phone": ""},
    ],
    "injects": [{"no": 1, "message": "接报", "time": 5}],
}


@pytest.fixture
def drill(fresh_db):
    made = records.create(fresh_db, PLANNER, {"name": "电话演练", "kind": "专项演练"})
    injects.replace(fresh_db, PLANNER, made["id"], PLAN)
    return made


def exports(db) -> list[tuple[str, dict]]:
    """The personal-data exports in the audit log: (actor, detail)."""
    return [
        (actor, json.loads(detail))
        for actor, detail in db.execute(
            "SELECT actor, detail FROM audit_event WHERE kind = 'personal_export' ORDER BY seq"
        )
    ]


def phones(db, drill_id) -> dict:
    return {p["name"] or p["agency"]: p["phone"] for p in records.people(db, drill_id)}


STORED = {"王导调": "13807341234", "李评估": "0734-8123456", "HY-WJW": ""}


def test_a_planner_without_the_right_sees_them_masked_a_coordinator_in_full(fresh_db, drill):
    shown = {
        p["name"]: p["phone"] for p in records.detail(fresh_db, drill["id"], PLANNER)["people"]
    }
    assert shown["王导调"] == "138****1234"
    assert "8123456" not in shown["李评估"] and shown["李评估"].endswith("3456")
    full = records.detail(fresh_db, drill["id"], COORDINATOR)["people"]
    assert {p["name"]: p["phone"] for p in full}["王导调"] == "13807341234"


def test_saving_the_plan_as_shown_keeps_the_numbers_stored(fresh_db, drill):
    shown = records.detail(fresh_db, drill["id"], PLANNER)["people"]
    plan = {**PLAN, "people": [{**p, "agency": p["agency"]} for p in shown]}
    plan["people"].append({"role": "player", "name": "新参演", "phone": "13907340000"})
    injects.replace(fresh_db, PLANNER, drill["id"], plan)
    assert phones(fresh_db, drill["id"]) == {**STORED, "新参演": "13907340000"}


def test_a_masked_number_moved_to_another_participant_is_refused(fresh_db, drill):
    shown = records.detail(fresh_db, drill["id"], PLANNER)["people"]
    renamed = [{**p, "name": "张三"} if p["name"] == "王导调" else p for p in shown]
    with pytest.raises(Invalid, match="138\\*\\*\\*\\*1234"):
        injects.replace(fresh_db, PLANNER, drill["id"], {**PLAN, "people": renamed})
    assert phones(fresh_db, drill["id"]) == STORED  # nothing written


def test_the_msel_export_masks_for_the_planner_and_reads_back_to_the_stored_numbers(
    fresh_db, drill, tmp_path
):
    out = tmp_path / "plan.xlsx"
    msel.export(fresh_db, drill["id"], out, PLANNER)
    cells = {c for row in openpyxl.load_workbook(out)["参演人员"].values for c in row}
    assert "138****1234" in cells and "13807341234" not in cells
    msel.import_plan(fresh_db, PLANNER, drill["id"], out)
    assert phones(fresh_db, drill["id"]) == STORED
    assert exports(fresh_db) == []


def test_an_export_in_full_is_recorded(fresh_db, drill, tmp_path):
    out = tmp_path / "plan.xlsx"
    msel.export(fresh_db, drill["id"], out, COORDINATOR)
    cells = {c for row in openpyxl.load_workbook(out)["参演人员"].values for c in row}
    assert "13807341234" in cells
    [(actor, detail)] = exports(fresh_db)
    assert actor == "user:xietiao"
    assert (detail["what"], detail["rows"], detail["file"]) == ("drill_people", 2, "plan.xlsx")
