"""Drills: the plan, the sandbox that keeps the live database untouched, the simulated
clock and its injects, evaluation arithmetic, marks and ratings, the improvement plan
written back on closing — each rule as a controller, player or evaluator meets it."""

from datetime import timedelta

import pytest

from desktop.core import i18n, incidents, orders, values
from desktop.core.context import Ctx
from desktop.core.drills import clock, evaluation, improvements, injects, records, sandbox
from desktop.core.errors import BioError
from desktop.core.store import info, station
from tests.helpers.stations import content

CTX = Ctx("os:controller")
T0 = values.now().replace(microsecond=0)

PLAN = {
    "objectives": [
        {"code": "O1", "text": "2小时内完成首次信息报告", "citation": "三（一）一"},
        {"code": "O2", "text": "启动新发突发传染病处置预案", "citation": "PB-EID"},
    ],
    "people": [
        {"role": "导调员", "name": "张导调"},
        {"role": "evaluator", "name": "李评估", "agency": "市应急管理局"},
        {"role": "player", "agency": "市卫生健康委"},
    ],
    "injects": [
        {"no": 1, "trigger": "定时", "offset_min": 0, "sender": "市第一人民医院",
         "to_agency": "市卫生健康委", "channel": "电话", "message": "发现3例不明原因肺炎",
         "objective": "O1"},
        {"no": 2, "trigger": "time", "offset_min": 50, "to_agency": "市卫生健康委",
         "message": "病例增至12例，1例死亡", "objective": "O2"},
        {"no": 3, "trigger": "delay", "after": 2, "offset_min": 10, "message": "媒体来电询问"},
        {"no": 4, "trigger": "after", "after": 1, "after_state": "acknowledged",
         "offset_min": 5, "message": "疾控中心请求支援采样"},
        {"no": 5, "trigger": "manual", "contingency": True, "message": "备用：专家未到位"},
    ],
    "expects": [
        {"inject": 1, "action": "incident", "within_min": 30, "text": "登记事件",
         "objective": "O1"},
        {"inject": 1, "action": "report", "within_min": 120, "text": "首次报告",
         "objective": "O1"},
        {"inject": 2, "action": "activate", "within_min": 5, "text": "启动预案",
         "objective": "O2"},
        {"inject": 2, "action": "dispatch", "within_min": 5, "text": "派遣专家"},
        {"inject": 5, "action": "other", "within_min": 10, "text": "调整专家"},
    ],
}  # fmt: skip
SCENARIO = {"name": "不明原因肺炎桌面推演", "kind": "桌面推演", "hazard": "infectious_disease",
            "grade": "III", "division": "430405", "exposed": 300, "patients": 12,
            "responders": 60, "sites": 2, "days": 14}  # fmt: skip


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Refusals read in English here (their Chinese is checked by the catalogue's test)."""
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def planned(db, **given) -> dict:
    made = records.create(db, CTX, {**SCENARIO, **given}, ["PB-EID"])
    injects.replace(db, CTX, made["id"], PLAN)
    return records.get(db, made["id"])


def at(minutes: float):
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def drill(demo_db):
    return planned(demo_db)


def test_a_drill_is_planned_numbered_yl_and_prepared_by_its_msel(demo_db, drill):
    assert drill["number"].startswith("YL-DEMO-") and drill["status"] == "prepared"
    shown = records.detail(demo_db, drill["id"])
    assert [o["code"] for o in shown["objectives"]] == ["O1", "O2"]
    assert [p["code"] for p in shown["playbooks"]] == ["PB-EID"]
    assert {p["role"] for p in shown["people"]} == {"controller", "evaluator", "player"}
    plan = injects.plan(demo_db, drill["id"])
    assert [i["position"] for i in plan] == [1, 2, 3, 4, 5]
    assert plan[2]["after_no"] == 2 and plan[3]["after_state"] == "acknowledged"
    assert [e["action"] for e in plan[0]["expects"]] == ["incident", "report"]
    # the number, the sequence and the id all find it
    assert records.get(demo_db, drill["number"].lower())["id"] == drill["id"]
    assert records.get(demo_db, drill["number"].rsplit("-", 1)[1].lstrip("0"))["id"] == drill["id"]


@pytest.mark.parametrize(
    "change, words",
    [
        ({"injects": [{"no": 1, "message": ""}]}, "no message"),
        ({"injects": [{"no": 1, "message": "x", "trigger": "sometimes"}]}, "sometimes"),
        ({"injects": [{"no": 1, "message": "x", "trigger": "after"}]}, "name its number"),
        ({"injects": [{"no": 1, "message": "x", "trigger": "delay", "after": 2},
                      {"no": 2, "message": "y", "trigger": "delay", "after": 1}]}, "itself"),
        ({"injects": [{"no": 1, "message": "x", "after": 9, "trigger": "delay"}]}, "not in"),
        ({"injects": [{"no": 1, "message": "x", "offset_min": "-5"}]}, "minutes"),
        ({"injects": [{"no": 1, "message": "x", "to_agency": "火星局"}]}, "火星局"),
        ({"injects": [{"no": 1, "message": "x", "objective": "O9"}]}, "O9"),
        ({"expects": [{"inject": 7, "action": "report"}]}, "No inject 7"),
        ({"expects": [{"inject": 1, "action": "dance"}]}, "dance"),
    ],
)  # fmt: skip
def test_a_wrong_plan_is_refused_naming_its_problem_and_nothing_changes(
    demo_db, drill, change, words
):
    before = content(demo_db)
    plan = {**PLAN, "expects": [], **change}
    with pytest.raises(BioError, match=words):
        injects.replace(demo_db, CTX, drill["id"], plan)
    assert content(demo_db) == before


def test_injects_fire_on_the_simulated_clock_in_order_and_paused_time_does_not_count(
    demo_db, drill
):
    inside = sandbox.start(demo_db, CTX, drill["id"], at=at(0))
    did = drill["id"]
    assert info.drill_of(inside) == did and inside.path != demo_db.path
    assert [i["position"] for i in injects.tick(inside, CTX, did, at=at(1))] == [1]
    assert injects.tick(inside, CTX, did, at=at(2)) == []
    inside.close()
    # paused from T+10 for two hours of wall time: no inject of T+50 fires meanwhile
    sandbox.pause(demo_db, CTX, did, at=at(10))
    inside = sandbox.open_sandbox(demo_db, did)
    assert clock.load(inside, did).at(at(130)) == pytest.approx(600)
    assert injects.tick(inside, CTX, did, at=at(130)) == []
    inside.close()
    sandbox.resume(demo_db, CTX, did, at=at(130))
    sandbox.set_speed(demo_db, CTX, did, 60, at=at(130))
    inside = sandbox.open_sandbox(demo_db, did)
    # ×60 from T+10 at wall 130 min: one wall minute later the drill is at T+70
    assert clock.load(inside, did).at(at(131)) == pytest.approx(70 * 60)
    fired = injects.tick(inside, CTX, did, at=at(131))
    assert [(i["position"], i["fired_s"]) for i in fired] == [(2, 3000), (3, 3600)]
    # inject 4 waits for inject 1 to be acknowledged, then fires 5 drill minutes later
    assert injects.tick(inside, CTX, did, at=at(131)) == []
    injects.set_state(inside, CTX, did, 1, "acknowledged", at=at(131))
    assert injects.tick(inside, CTX, did, at=at(131)) == []
    assert [i["position"] for i in injects.tick(inside, CTX, did, at=at(131 + 6 / 60))] == [4]
    # the contingency inject only when a controller fires it
    assert injects.fire(inside, CTX, did, 5, at=at(132))["fired_s"] == pytest.approx(130 * 60)
    with pytest.raises(BioError, match="already"):
        injects.fire(inside, CTX, did, 5, at=at(132))
    with pytest.raises(BioError, match="already"):
        injects.set_state(inside, CTX, did, 1, "acknowledged", at=at(132))
    view = injects.console(inside, did, at=at(132))
    assert view["fired"] == 5 and view["speed"] == 60 and not view["paused"]
    assert [r["state"] for r in view["injects"]][:2] == ["acknowledged", "fired"]
    assert [r["no"] for r in injects.console(inside, did, agency="市卫生健康委")["injects"]] == [
        1,
        2,
    ]
    inside.close()


def test_evaluation_meets_late_missed_and_pending_from_what_the_players_did(demo_db):
    drill = planned(demo_db)
    did = drill["id"]
    # started an hour of wall time ago at ×1: the drill is at T+60 now
    inside = sandbox.start(demo_db, CTX, did, at=values.now() - timedelta(minutes=60))
    injects.tick(inside, CTX, did)
    fired = injects.fired(inside, did)
    assert len(fired) == 3  # 1 at T+0, 2 at T+50, 3 at T+60 (delay after 2)
    made = incidents.create(inside, CTX, {"title": "演练：不明原因肺炎", **{
        k: SCENARIO[k] for k in ("hazard", "grade", "division", "exposed", "patients",
                                 "responders", "sites", "days")}})  # fmt: skip
    assert made["number"].startswith("YL-SJ-")
    incidents.activate(inside, CTX, made["id"], "PB-EID")
    results = {(e["inject"], e["action"]): e for e in evaluation.expected(inside, did)}
    # the incident came at T+60: inject 1 allowed 30 minutes → late
    assert results[(1, "incident")]["result"] == "late"
    assert results[(1, "incident")]["done_s"] == pytest.approx(3600, abs=30)
    # the first report is not made, but 120 minutes are not up: pending
    assert results[(1, "report")]["result"] == "pending"
    # inject 2 (T+50) allowed 5 minutes to activate: done at T+60 → late; no one dispatched
    # by T+55 → missed
    assert results[(2, "activate")]["result"] == "late"
    assert results[(2, "dispatch")]["result"] == "missed"
    # the contingency inject never fired: its action stays pending while the drill runs
    assert results[(5, "other")]["result"] == "pending"
    # an evaluator judges what the log cannot show
    evaluation.mark(inside, CTX, did, "2.2", "met", "电话通知专家，已到位")
    judged = {(e["inject"], e["action"]): e for e in evaluation.expected(inside, did)}
    assert judged[(2, "dispatch")]["result"] == "met" and judged[(2, "dispatch")]["judged"]
    assert evaluation.tally(evaluation.expected(inside, did)) == {
        "pending": 2, "met": 1, "late": 2, "missed": 0, "na": 0}  # fmt: skip
    # actions carry their drill time
    kinds = [a["action"] for a in evaluation.actions(inside, did)]
    assert kinds[:2] == ["incident", "activate"]
    inside.close()
    sandbox.end(demo_db, CTX, did)
    inside = sandbox.open_sandbox(demo_db, did)
    final = {(e["inject"], e["action"]): e["result"] for e in evaluation.expected(inside, did)}
    assert final[(1, "report")] == "missed" and final[(5, "other")] == "na"
    inside.close()


def test_ratings_observations_and_the_improvement_plan_written_back_only_on_close(demo_db):
    drill = planned(demo_db)
    did = drill["id"]
    inside = sandbox.start(demo_db, CTX, did, at=at(0))
    evaluation.rate(inside, CTX, did, "O1", "s", "报告略慢")
    evaluation.rate(inside, CTX, did, "o1", "M")  # the last rating stands
    assert (
        evaluation.ratings(inside, did)[records.objectives(inside, did)[0]["id"]]["rating"] == "M"
    )
    with pytest.raises(BioError):
        evaluation.rate(inside, CTX, did, "O1", "X")
    evaluation.observe(inside, CTX, did, "做得好的", "接报后10分钟内到岗", "O1")
    evaluation.observe(inside, CTX, did, "improvement", "首次报告要素不全")
    assert [o["kind"] for o in evaluation.observations(inside, did)] == ["strength", "improvement"]
    given = {"issue": "首次报告要素不全", "action": "修订报告模板并培训",
             "agency": "市卫生健康委", "due_on": "2027-03-01", "objective": "O1"}  # fmt: skip
    item = improvements.add(inside, CTX, did, given)
    with pytest.raises(BioError):  # the live database takes no improvement until closing
        improvements.add(demo_db, CTX, did, {"issue": "x", "action": "y"})
    with pytest.raises(BioError, match="not ended"):
        improvements.close(demo_db, inside, CTX, did, True)
    inside.close()
    sandbox.end(demo_db, CTX, did)
    inside = sandbox.open_sandbox(demo_db, did)
    before = content(demo_db)
    with pytest.raises(BioError, match="confirm"):
        improvements.close(demo_db, inside, CTX, did, confirmed=False)
    assert content(demo_db) == before
    assert improvements.close(demo_db, inside, CTX, did, confirmed=True)["improvements"] == 1
    tracked = improvements.listing(demo_db, open_only=True)
    assert [(i["id"], i["agency_name"], i["due_on"]) for i in tracked] == [
        (item, "衡阳市卫生健康委员会", "2027-03-01")]  # fmt: skip
    assert records.get(demo_db, did)["status"] == "evaluated"
    improvements.update(demo_db, CTX, item, {"status": "in_progress"})
    with pytest.raises(BioError, match="forward"):
        improvements.update(demo_db, CTX, item, {"status": "open"})
    inside.close()


def _real(db) -> dict:
    """Every table but the drill's own plan and what its rows put in the bookkeeping."""
    out = content(db)
    for name in list(out):
        if name.startswith("drill") or name in ("clock", "vector", "row_clock", "fts_drill"):
            out.pop(name)
    out["oplog"] = sorted(
        repr(r) for r in db.execute("SELECT * FROM oplog WHERE tbl NOT LIKE 'drill%'")
    )
    return out


def test_a_whole_drill_leaves_the_live_database_untouched(demo_db):
    drill = planned(demo_db)
    did = drill["id"]
    before = _real(demo_db)
    inside = sandbox.start(demo_db, CTX, did, at=values.now() - timedelta(minutes=5))
    injects.tick(inside, CTX, did)
    made = incidents.create(inside, CTX, {"title": "演练", **{
        k: SCENARIO[k] for k in ("hazard", "grade", "division", "exposed", "patients",
                                 "responders", "sites", "days")}})  # fmt: skip
    incidents.activate(inside, CTX, made["id"], "PB-EID")
    drafted = incidents.draft_orders(inside, CTX, made["id"])
    number = drafted.orders[0]["number"]
    assert number.startswith("YL-TB-")
    orders.submit(inside, CTX, number)
    orders.approve(inside, CTX, number, approver="演练批准人")
    orders.dispatch(inside, CTX, number)
    assert orders.detail(inside, number)["drill"] == 1
    moved = inside.execute("SELECT count(*) FROM stock_move WHERE ref = ?", [number]).fetchone()
    assert moved[0] > 0  # the sandbox's stock moved; the live database's did not (below)
    injects.set_state(inside, CTX, did, 1, "done")
    inside.close()
    sandbox.pause(demo_db, CTX, did)
    sandbox.resume(demo_db, CTX, did)
    sandbox.end(demo_db, CTX, did)
    inside = sandbox.open_sandbox(demo_db, did)
    improvements.add(inside, CTX, did, {"issue": "a", "action": "b"})
    improvements.close(demo_db, inside, CTX, did, confirmed=True)
    inside.close()
    assert _real(demo_db) == before
    assert (
        demo_db.execute("SELECT count(*) FROM stock_move WHERE ref = ?", [number]).fetchone()[0]
        == 0
    )


def test_the_sandbox_has_an_origin_of_its_own_and_resumes(demo_db, drill):
    live = station.get(demo_db)
    inside = sandbox.start(demo_db, CTX, drill["id"], at=at(0))
    mine = station.get(inside)
    assert mine.origin == station.drill_origin(live.origin, drill["id"]) != live.origin
    assert mine.public_key == live.public_key and mine.code == live.code
    path = inside.path
    inside.close()
    again = sandbox.start(demo_db, CTX, drill["id"], at=at(1))  # resumed, not copied again
    assert again.path == path and station.get(again).origin == mine.origin
    again.close()
    with pytest.raises(BioError, match="started"):
        injects.replace(demo_db, CTX, drill["id"], PLAN)
    sandbox.end(demo_db, CTX, drill["id"])
    with pytest.raises(BioError, match="ended"):
        sandbox.start(demo_db, CTX, drill["id"])


def test_no_order_for_a_drill_in_the_live_database(demo_db):
    with pytest.raises(BioError, match="inside the drill"):
        orders.create(demo_db, CTX, "HY-CK01", "HY-YY01", [("PPE-0001", 1)], drill=True)


def test_the_demo_database_has_a_marked_drill_ready_to_start(demo_db):
    [demo] = [d for d in records.listing(demo_db) if d["name"].startswith("【演示】")]
    assert demo["status"] == "prepared" and demo["injects"] == 4
    inside = sandbox.start(demo_db, CTX, demo["id"], at=at(0))
    assert [i["position"] for i in injects.tick(inside, CTX, demo["id"], at=at(1))] == [1]
    inside.close()


def test_an_ended_drills_sandbox_opened_to_play_takes_its_evaluation_and_refuses_play(demo_db):
    """As the window opens an ended drill (进入演练) and the CLI runs a command under --drill:
    ratings, observations and improvement items are still written; anything else is
    refused naming the drill, and nothing of it stays."""
    drill = planned(demo_db)
    did = drill["id"]
    sandbox.start(demo_db, CTX, did, at=at(0)).close()
    sandbox.end(demo_db, CTX, did)
    inside = sandbox.open_sandbox(demo_db, did)
    sandbox.close_play(inside, did)
    evaluation.rate(inside, CTX, did, "O1", "M", "按时报告")
    evaluation.observe(inside, CTX, did, "improvement", "首次报告要素不全")
    improvements.add(inside, CTX, did, {"issue": "报告要素不全", "action": "修订模板"})
    before = content(inside)
    with pytest.raises(BioError, match=drill["number"]) as refused:
        incidents.create(inside, CTX, {"title": "结束后", "hazard": "infectious_disease",
                                       "grade": "IV", "division": "430405"})  # fmt: skip
    assert "ended" in str(refused.value)
    assert content(inside) == before
    inside.close()
    # a sandbox opened for the drill's own commands (its evaluation, closing) is not closed
    inside = sandbox.open_sandbox(demo_db, did)
    assert inside.refusal == ""
    inside.close()
