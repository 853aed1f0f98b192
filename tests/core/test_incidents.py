"""Incidents: the record, activation, escalation, tasks, reports' deadlines, needs against
stock, draft orders, experts and the 大事记 — each rule as a user meets it."""

from datetime import date, datetime, timedelta

import pytest

from desktop.core import incidents, orders
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.incidents import experts, journal, needs, records, reports, tasks
from desktop.core.playbooks import editing
from desktop.core.playbooks import files as io
from desktop.core.reserves import catalog, stock
from desktop.core.roster import experts as roster
from tests.helpers.stations import content, days

CTX = Ctx("os:duty")
NOW = datetime.now().astimezone().replace(microsecond=0)


def at(hours: float) -> str:
    """A time `hours` from now, as stored."""
    return (NOW + timedelta(hours=hours)).isoformat()


def new_incident(db, **given) -> dict:
    fields = {"title": "某小区聚集性发热", "hazard": "infectious_disease", "grade": "III",
              "division": "430422", "exposed": 100, "patients": 10, "responders": 20,
              "sites": 2, **given}  # fmt: skip
    return incidents.create(db, CTX, fields)


# ---------------------------------------------------------------- a small world of our own


def playbook(db, code="PB-T", hazard="infectious_disease", grades=("II", "III", "IV"),
             factors=None, tasks_=None):  # fmt: skip
    """An approved playbook of our own: three tasks (IV, III and II), one factor per item."""
    doc = {
        "format": io.FORMAT, "code": code, "title": "测试预案", "hazard": hazard,
        "grades": list(grades), "version": 1, "status": "draft", "clauses": ["三（一）"],
        "summary": "", "example": False,
        "phases": [{"phase": "treatment", "title": "救治", "tasks": tasks_ or [
            {"title": "流调", "lead_agency": "HY-WJW", "support_agencies": ["HY-GAJ"],
             "deadline_hours": 2, "min_grade": "IV", "checklist": ["画出流调图"],
             "specialties": [{"code": "epidemiology", "count": 1}], "clause": "三（一）"},
            {"title": "封控", "lead_agency": "HY-GAJ", "deadline_hours": 12, "min_grade": "III"},
            {"title": "市级督导", "lead_agency": "HY-WJW", "deadline_hours": 24, "min_grade": "II"},
        ]}],
        "factors": factors if factors is not None else [
            {"item": "KZ", "basis": "per_responder", "qty_per_day": 4, "days": 7,
             "buffer_pct": 20},
            {"item": "XD", "basis": "per_site", "qty_per_day": 2.5, "days": 10, "buffer_pct": 0},
        ],
    }  # fmt: skip
    parsed = io.parse(doc, io.database_vocabulary(db))
    version = editing.write_document(db, CTX, parsed, None)
    editing.approve(db, CTX, code, version)
    return code


@pytest.fixture
def world(fresh_db):
    """Depots in 衡南县 (430422) and 衡阳县 (430421), a city reserve; masks and disinfectant."""
    db = fresh_db
    depots = (("HN-K", "430422", "县级储备库"), ("HY-K", "430421", "县级储备库"),
              ("CITY-K", "430400", "市级储备库"))  # fmt: skip
    for code, division, level in depots:
        catalog.save_depot(db, CTX, {"code": code, "name": f"{code}库", "division": division,
                                     "level": level})  # fmt: skip
    catalog.save_item(db, CTX, {"code": "KZ", "name": "口罩", "unit": "只", "category": "PPE"})
    catalog.save_item(db, CTX, {"code": "XD", "name": "消毒片", "unit": "瓶", "category": "DISINF"})
    playbook(db)
    return db


# ---------------------------------------------------------------- the record


def test_an_incident_is_numbered_by_its_station_and_day(world):
    first = new_incident(world)
    second = new_incident(world, title="另一起")
    day = date.today().strftime("%Y%m%d")
    assert first["number"] == f"SJ-HY-TEST-{day}-001"
    assert second["number"] == f"SJ-HY-TEST-{day}-002"
    row = records.get(world, first["number"])
    assert (row["status"], row["grade"], row["confirmation"]) == ("reported", "III", "possible")
    assert records.get(world, first["id"])["number"] == first["number"]
    assert [g["grade"] for g in records.grade_history(world, first["id"])] == ["III"]


@pytest.mark.parametrize(
    "given, field",
    [
        ({"hazard": "meteor"}, "hazard"),
        ({"grade": "V"}, "grade"),
        ({"grade": "0"}, "grade"),
        ({"exposed": -5}, "exposed"),
        ({"patients": "many"}, "patients"),
        ({"area_km2": "-1"}, "area_km2"),
        ({"area_km2": "nan"}, "area_km2"),
        ({"days": 99999}, "days"),
        ({"division": "999999"}, "division"),
        ({"title": "  "}, "title"),
        ({"title": "bad\x00title"}, "title"),
        ({"lead_agency": "NOPE"}, "lead_agency"),
        ({"reported_at": "yesterday"}, "reported_at"),
        ({"reported_at": at(72)}, "reported_at"),
    ],
)
def test_bad_input_is_refused_by_name_and_changes_nothing(world, given, field):
    before = content(world)
    with pytest.raises(BioError) as refused:
        new_incident(world, **given)
    assert str(refused.value)
    assert getattr(refused.value, "field", field) == field
    assert content(world) == before


def test_grades_statuses_and_hazards_are_accepted_by_their_chinese_names(world):
    made = new_incident(world, grade="重大", hazard="新发突发传染病", confirmation="疑似")
    row = records.get(world, made["id"])
    assert (row["grade"], row["hazard"], row["confirmation"]) == ("II", "infectious_disease",
                                                                  "suspected")  # fmt: skip
    incidents.advance(world, CTX, made["id"], "恢复")
    assert records.get(world, made["id"])["status"] == "recovery"


def test_status_moves_forward_only_and_stamps_each_step(world):
    made = new_incident(world)
    row = incidents.advance(world, CTX, made["id"], "monitoring")
    assert row["status"] == "monitoring" and row["activated_at"] and row["recovery_at"]
    with pytest.raises(BioError, match="向前"):
        incidents.advance(world, CTX, made["id"], "responding")
    closed = incidents.close(world, CTX, made["id"])
    assert closed["status"] == "closed" and closed["closed_at"]
    with pytest.raises(BioError, match="已关闭"):
        incidents.update(world, CTX, made["id"], {"patients": 3})


def test_the_hazard_cannot_change_once_a_playbook_is_activated(world):
    made = new_incident(world)
    assert incidents.update(world, CTX, made["id"], {"patients": 12, "place": "云集街道"}) == [
        "patients",
        "place",
    ]
    incidents.activate(world, CTX, made["id"], "PB-T")
    with pytest.raises(BioError, match="事件类型"):
        incidents.update(world, CTX, made["id"], {"hazard": "bioterror"})


# ---------------------------------------------------------------- activation and escalation


def test_playbooks_are_suggested_by_hazard_and_grade(world):
    playbook(world, code="PB-T2", grades=("I",))
    playbook(world, code="PB-OTHER", hazard="bioterror")
    made = new_incident(world)
    suggested = {p["code"]: p for p in incidents.suggestions(world, made["id"])}
    assert "PB-OTHER" not in suggested and "PB-EID" in suggested  # the shipped one too
    assert suggested["PB-T"]["fits"] and not suggested["PB-T2"]["fits"]
    assert suggested["PB-T"]["tasks_now"] == 2 and suggested["PB-T"]["tasks_all"] == 3


def test_activation_gives_the_tasks_of_the_grade_due_from_activation(world):
    made = new_incident(world)
    result = incidents.activate(world, CTX, made["id"], "PB-T", at=at(-1))
    assert (result["tasks"], result["lines"]) == (2, 2)
    board = tasks.listing(world, made["id"])
    assert [t["title"] for t in board] == ["流调", "封控"]
    first = board[0]
    assert first["lead_agency"] == "HY-WJW" and first["support_agencies"] == ["HY-GAJ"]
    assert datetime.fromisoformat(first["due"]) == NOW + timedelta(hours=1)  # -1 h + 2 h
    assert first["status"] == "not_started" and first["checklist"] == ["画出流调图"]
    row = records.get(world, made["id"])
    assert row["status"] == "responding" and row["activated_at"] == at(-1)


def test_a_playbook_of_another_hazard_or_not_approved_is_refused_and_nothing_changes(world):
    made = new_incident(world)
    before = content(world)
    with pytest.raises(BioError, match="PB-BIOTERROR"):
        incidents.activate(world, CTX, made["id"], "PB-BIOTERROR")
    with pytest.raises(BioError, match="NO-SUCH"):
        incidents.activate(world, CTX, made["id"], "NO-SUCH")
    version = editing.new_version(world, CTX, "PB-T", 1)
    assert version == 2  # a draft: the approved v1 is still the one activated
    assert content(world) != before
    incidents.activate(world, CTX, made["id"], "PB-T")
    with pytest.raises(BioError, match="已为事件"):
        incidents.activate(world, CTX, made["id"], "PB-T")


def test_escalation_adds_the_tasks_now_due_and_de_escalation_removes_none(world):
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-T")
    up = incidents.escalate(world, CTX, made["id"], "II", "病例数增加")
    assert up == {"grade": "II", "previous": "III", "tasks": 1}
    assert [t["title"] for t in tasks.listing(world, made["id"])] == ["流调", "封控", "市级督导"]
    down = incidents.escalate(world, CTX, made["id"], "一般", "研判后降级")
    assert down["tasks"] == 0 and len(tasks.listing(world, made["id"])) == 3
    again = incidents.escalate(world, CTX, made["id"], "II", "反复")
    assert again["tasks"] == 0 and len(tasks.listing(world, made["id"])) == 3
    history = records.grade_history(world, made["id"])
    assert [(g["previous"], g["grade"]) for g in history] == [
        (None, "III"), ("III", "II"), ("II", "IV"), ("IV", "II")]  # fmt: skip
    assert history[1]["reason"] == "病例数增加" and history[1]["actor"] == "duty"
    with pytest.raises(BioError, match="已是"):
        incidents.escalate(world, CTX, made["id"], "II", "再次")
    with pytest.raises(BioError):
        incidents.escalate(world, CTX, made["id"], "I", "  ")
    with pytest.raises(BioError):
        incidents.escalate(world, CTX, made["id"], "V", "超级")


# ---------------------------------------------------------------- the task board


def test_task_status_records_note_who_and_when_and_overdue_is_counted(world):
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-T", at=at(-3))  # 流调 due 1 h ago
    first, second = tasks.listing(world, made["id"])
    assert first["overdue"] and not second["overdue"]
    assert tasks.overdue_count(world) == 1
    assert [t["title"] for t in tasks.listing(world, made["id"], overdue_only=True)] == ["流调"]
    with pytest.raises(BioError):
        tasks.set_status(world, CTX, first["id"], "受阻")  # a blocked task says why
    done = tasks.set_status(world, CTX, first["id"][:8], "已完成", "流调报告已报送")
    assert (done["status"], done["note"], done["by"]) == ("done", "流调报告已报送", "os:duty")
    assert done["at"] and not done["overdue"] and tasks.overdue_count(world) == 0
    assert [t["title"] for t in tasks.listing(world, made["id"], agency="HY-GAJ")] == [
        "流调", "封控"]  # supports 流调, leads 封控 # fmt: skip
    assert [t["title"] for t in tasks.listing(world, made["id"], status="done")] == ["流调"]
    with pytest.raises(BioError):
        tasks.set_status(world, CTX, first["id"], "finished")


# ---------------------------------------------------------------- needs against stock


def test_required_is_factor_times_scale_times_days_with_buffer(world):
    made = new_incident(world, responders=20, sites=3)
    incidents.activate(world, CTX, made["id"], "PB-T")
    by_item = {n["item"]: n for n in needs.compute(world, made["id"])}
    assert by_item["KZ"]["required"] == 4 * 20 * 7 * 120 // 100  # 672
    assert by_item["XD"]["required"] == 75  # 2.5 × 3 × 10, no buffer
    incidents.update(world, CTX, made["id"], {"days": 5, "responders": 21})
    by_item = {n["item"]: n for n in needs.compute(world, made["id"])}
    assert by_item["KZ"]["required"] == 504  # 4 × 21 × 5 × 1.2: days capped by the incident
    assert by_item["XD"]["required"] == 38  # 2.5 × 3 × 5 = 37.5, rounded up


def test_have_counts_only_usable_unreserved_stock_in_the_depots_it_may_draw_on(world):
    made = new_incident(world, responders=20)
    incidents.activate(world, CTX, made["id"], "PB-T")
    stock.receive(world, CTX, "HN-K", "KZ", "GOOD", 100, expiry=days(300))
    stock.receive(world, CTX, "CITY-K", "KZ", "CITY", 50, expiry=days(300))
    stock.receive(world, CTX, "HY-K", "KZ", "ELSEWHERE", 1000, expiry=days(300))  # other county
    stock.receive(world, CTX, "HN-K", "KZ", "OLD", 500, expiry=days(-1))  # expired
    stock.receive(world, CTX, "HN-K", "KZ", "HELD", 300, expiry=days(300))
    catalog.set_lot_status(world, CTX, catalog.lot_by_batch(world, catalog.item_by_code(
        world, "KZ")["id"], "HELD")["id"], "待检")  # fmt: skip
    other = orders.create(world, CTX, "HN-K", "某医院", [("KZ", 30)])["number"]
    orders.submit(world, CTX, other)
    orders.approve(world, CTX, other, "王局长")  # reserves 30 of GOOD
    kz = next(n for n in needs.compute(world, made["id"]) if n["item"] == "KZ")
    assert kz["have"] == 100 - 30 + 50
    assert kz["need"] == 672 - 120
    assert [(d["code"], d["qty"]) for d in kz["depots"]] == [("HN-K", 70), ("CITY-K", 50)]
    incidents.update(world, CTX, made["id"], {"depots": ["HY-K"]})  # chosen depots only
    kz = next(n for n in needs.compute(world, made["id"]) if n["item"] == "KZ")
    assert kz["have"] == 1000 and kz["need"] == 0


def test_draft_orders_take_fefo_from_the_best_depots_and_name_the_shortage(world):
    made = new_incident(world, responders=20, sites=3)
    incidents.activate(world, CTX, made["id"], "PB-T")
    stock.receive(world, CTX, "HN-K", "KZ", "LATE", 400, expiry=days(500))
    stock.receive(world, CTX, "HN-K", "KZ", "SOON", 100, expiry=days(100))
    stock.receive(world, CTX, "CITY-K", "KZ", "C1", 1000, expiry=days(200))
    stock.receive(world, CTX, "CITY-K", "XD", "X1", 50, expiry=days(200))
    drafted = needs.draft_orders(world, CTX, made["id"])
    by_depot = {o["from_depot"]: o for o in drafted.orders}
    assert set(by_depot) == {"HN-K", "CITY-K"}  # the county's own depot first
    assert by_depot["HN-K"]["lines"][0]["qty"] == 500
    assert {(x["item"], x["qty"]) for x in by_depot["CITY-K"]["lines"]} == {("KZ", 172),
                                                                           ("XD", 50)}  # fmt: skip
    assert drafted.short == [{"item": "XD", "item_name": "消毒片", "qty": 25, "unit": "瓶"}]
    order = orders.detail(world, by_depot["HN-K"]["number"])
    assert order["incident_id"] == made["id"] and order["status"] == "draft"
    assert [(p["lot"], p["qty"]) for p in order["picks"]] == [("SOON", 100), ("LATE", 400)]
    listed = {o["number"] for o in needs.incident_orders(world, made["id"])}
    assert listed == {o["number"] for o in drafted.orders}
    assert {o["number"] for o in orders.listing(world, incident=made["number"])} == listed
    kz = next(n for n in needs.compute(world, made["id"]) if n["item"] == "KZ")
    assert (kz["ordered"], kz["to_order"]) == (672, 0)
    logged = len(journal.entries(world, made["id"]))
    again = needs.draft_orders(world, CTX, made["id"])  # XD's shortage is not in stock
    assert again.orders == [] and again.short == drafted.short
    assert len(journal.entries(world, made["id"])) == logged
    texts = " ".join(e["text"] for e in journal.entries(world, made["id"]))
    assert by_depot["HN-K"]["number"] in texts and "消毒片" in texts


def test_an_approved_order_for_the_incident_still_counts_as_what_it_has(world):
    made = new_incident(world, responders=20, sites=0)
    incidents.activate(world, CTX, made["id"], "PB-T")
    stock.receive(world, CTX, "HN-K", "KZ", "B1", 1000, expiry=days(300))
    number = needs.draft_orders(world, CTX, made["id"]).orders[0]["number"]
    orders.submit(world, CTX, number)
    orders.approve(world, CTX, number, "王局长")
    kz = next(n for n in needs.compute(world, made["id"]) if n["item"] == "KZ")
    assert (kz["have"], kz["need"]) == (1000, 0)
    orders.dispatch(world, CTX, number)
    kz = next(n for n in needs.compute(world, made["id"]) if n["item"] == "KZ")
    assert (kz["have"], kz["need"]) == (1000, 0)
    entries = [e["text"] for e in journal.entries(world, made["id"]) if e["kind"] == "order"]
    assert any("dispatched" in t or "发运" in t for t in entries)


def test_a_category_factor_stands_for_the_category_item_best_stocked(world):
    catalog.save_item(world, CTX, {"code": "FHF", "name": "防护服", "unit": "件",
                                   "category": "PPE"})  # fmt: skip
    stock.receive(world, CTX, "CITY-K", "FHF", "F1", 900, expiry=days(300))
    playbook(world, code="PB-CAT", factors=[{"item": None, "category": "PPE",
             "basis": "fixed", "qty_per_day": 10, "days": 2, "buffer_pct": 0}])  # fmt: skip
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-CAT")
    (line,) = needs.compute(world, made["id"])
    assert (line["item"], line["required"], line["have"]) == ("FHF", 20, 900)


def test_material_lines_can_be_changed_added_and_removed(world):
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-T")
    kz_line = next(n for n in needs.lines(world, records.get(world, made["id"]))
                   if n["item"] == "KZ")  # fmt: skip
    needs.save_line(world, CTX, kz_line["id"], {"qty_per_day": 1, "buffer_pct": 0})
    added = needs.add_line(world, CTX, made["id"], {"item": "XD", "basis": "fixed",
                                                    "qty_per_day": 5, "days": 2})  # fmt: skip
    by_item = {n["item"]: n for n in needs.compute(world, made["id"])}
    assert by_item["KZ"]["required"] == 1 * 20 * 7
    assert by_item["XD"]["required"] == 2.5 * 2 * 10 + 10
    needs.remove_line(world, CTX, added)
    assert {n["item"]: n["required"] for n in needs.compute(world, made["id"])}["XD"] == 50
    with pytest.raises(BioError):
        needs.add_line(world, CTX, made["id"], {"item": "NOPE", "qty_per_day": 1})
    with pytest.raises(BioError):
        needs.save_line(world, CTX, kz_line["id"], {"qty_per_day": -1})


# ---------------------------------------------------------------- information reports


def test_the_reporting_chain_sets_each_deadline_from_the_link_before(world):
    made = new_incident(world, reported_at=at(-3))
    chain = {e["step"]: e for e in reports.schedule(world, made["id"])}
    due = {s: datetime.fromisoformat(e["due"]) for s, e in chain.items()}
    assert due["unit_to_county_health"] == NOW - timedelta(hours=1)
    assert due["county_health_to_county_government"] == NOW + timedelta(hours=1)
    assert due["province_to_national"] == NOW + timedelta(hours=6)
    assert chain["unit_to_county_health"]["overdue"]
    assert "第二十条" in chain["unit_to_county_health"]["basis"]
    assert "第十九条" in chain["province_to_national"]["basis"]
    assert chain["unit_to_county_health"]["receiver"] == "衡南县卫生健康主管部门"
    report = reports.add(world, CTX, made["id"], "首次报告",
                         {"reported_at": at(-2.5), "signer": "李主任"})  # fmt: skip
    assert report["step"] == "unit_to_county_health" and report["number"].endswith("-01")
    assert report["late"] is False and report["from_unit"] == "发现单位"
    chain = {e["step"]: e for e in reports.schedule(world, made["id"])}
    assert chain["unit_to_county_health"]["done"]["id"] == report["id"]
    assert datetime.fromisoformat(chain["county_health_to_county_government"]["due"]) == (
        NOW - timedelta(hours=0.5))  # fmt: skip
    assert [r["step"] for r in reports.overdue(world)] == ["county_health_to_county_government"]
    with pytest.raises(BioError, match="已经报告"):
        reports.add(world, CTX, made["id"], "first", {"step": "unit_to_county_health"})


def test_report_deadlines_are_configurable(world):
    made = new_incident(world, reported_at=at(-3))
    reports.set_deadlines(world, {"unit_to_county_health": 4})
    chain = {e["step"]: e for e in reports.schedule(world, made["id"])}
    assert not chain["unit_to_county_health"]["overdue"]
    with pytest.raises(BioError):
        reports.set_deadlines(world, {"unit_to_county_health": -1})
    with pytest.raises(BioError):
        reports.set_deadlines(world, {"no_such_step": 1})
    reports.set_deadlines(world, {"unit_to_county_health": "default"})
    assert reports.deadlines(world)["steps"]["unit_to_county_health"] == 2


def test_serious_incidents_owe_daily_progress_and_every_incident_a_final_report(world):
    made = new_incident(world, grade="II", reported_at=at(-30))
    incidents.activate(world, CTX, made["id"], "PB-T", at=at(-29))
    progress = next(e for e in reports.schedule(world, made["id"]) if e["kind"] == "progress")
    assert progress["overdue"] and datetime.fromisoformat(progress["due"]) == NOW - timedelta(
        hours=5)  # fmt: skip
    reports.add(world, CTX, made["id"], "progress", {"summary": "新增病例2例"})
    progress = next(e for e in reports.schedule(world, made["id"]) if e["kind"] == "progress")
    assert not progress["overdue"]
    incidents.advance(world, CTX, made["id"], "recovery", at=at(-24 * 15))
    final = next(e for e in reports.schedule(world, made["id"]) if e["kind"] == "final")
    assert final["overdue"] and "2周" in final["basis"]
    reports.add(world, CTX, made["id"], "final", {"summary": "结案"})
    expected = reports.schedule(world, made["id"])
    assert not any(e["overdue"] for e in expected if e["kind"] == "final")
    with pytest.raises(BioError):
        reports.add(world, CTX, made["id"], "final", {})


def test_a_report_is_found_by_its_number(world):
    made = new_incident(world)
    report = reports.add(world, CTX, made["id"], "first", {"summary": "发现"})
    assert reports.get(world, report["number"])["id"] == report["id"]
    with pytest.raises(BioError):
        reports.get(world, made["number"] + "-99")


# ---------------------------------------------------------------- experts


def _expert(db, name, specialties, expires):
    expert_id = roster.save_expert(db, CTX, {"name": name, "specialties": specialties,
                                              "gender": "男", "organisation": "市疾控中心",
                                              "mobile": "13800000000"})  # fmt: skip
    if expires:
        roster.add_qualification(db, CTX, expert_id, "生物安全培训合格证", expires_on=expires)
    return expert_id


def test_experts_with_the_specialty_and_a_valid_qualification_are_suggested(world):
    valid = _expert(world, "张三", "流行病学", days(100))
    _expert(world, "李四", "流行病学", days(-1))  # qualification expired
    _expert(world, "王五", "流行病学", None)  # none recorded
    _expert(world, "赵六", "消毒", days(100))  # another specialty
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-T")
    (task,) = experts.suggestions(world, made["id"])
    (wanted,) = task["specialties"]
    assert [e["name"] for e in wanted["experts"]] == ["张三"]
    experts.dispatch(world, CTX, made["id"], "张三", task=task["task"])
    assert world["expert"].get(valid)["availability"] == "on_mission"
    (task,) = experts.suggestions(world, made["id"])
    assert task["specialties"][0]["experts"] == [] and task["specialties"][0]["dispatched"] == 1
    other = new_incident(world, title="另一起")
    with pytest.raises(BioError, match="已派往"):
        experts.dispatch(world, CTX, other["id"], valid)
    out = experts.listing(world, made["id"])
    assert out[0]["name"] == "张三" and out[0]["task"] == "流调" and out[0]["released_at"] is None
    experts.release(world, CTX, made["id"], valid)
    assert world["expert"].get(valid)["availability"] == "available"
    with pytest.raises(BioError):
        experts.release(world, CTX, made["id"], valid)


def test_closing_an_incident_releases_its_experts(world):
    expert_id = _expert(world, "张三", "流行病学", days(100))
    made = new_incident(world)
    experts.dispatch(world, CTX, made["id"], expert_id)
    incidents.close(world, CTX, made["id"])
    assert world["expert"].get(expert_id)["availability"] == "available"
    assert experts.listing(world, made["id"])[0]["released_at"]


# ---------------------------------------------------------------- the 大事记 and 总览


def test_the_log_records_each_action_and_typed_entries_in_time_order(world):
    made = new_incident(world, reported_at=at(-5))
    incidents.activate(world, CTX, made["id"], "PB-T", at=at(-4))
    incidents.escalate(world, CTX, made["id"], "II", "扩散", at=at(-3))
    journal.add(world, CTX, records.get(world, made["id"]), "指挥部成立", at(-3.5))
    kinds = [e["kind"] for e in journal.entries(world, made["id"])]
    assert kinds == ["created", "activation", "manual", "grade"]
    with pytest.raises(BioError):
        journal.add(world, CTX, records.get(world, made["id"]), "   ")


def test_the_overview_counts_active_incidents_overdue_tasks_and_reports(world):
    made = new_incident(world, reported_at=at(-10))
    incidents.activate(world, CTX, made["id"], "PB-T", at=at(-10))
    closed = new_incident(world, title="已结束")
    incidents.close(world, CTX, closed["id"])
    summary = incidents.summary(world)
    assert summary["active"] == 1
    assert summary["overdue_tasks"] == 1  # 流调 (2 h); 封控 is due in 2 h
    assert summary["overdue_reports"] >= 4
    assert summary["incidents"][0]["number"] == made["number"]


def test_any_available_expert_is_found_with_whether_a_qualification_is_valid(demo_db):
    today = date.today()
    found = {row["name"]: row for row in experts.find(demo_db, "", today)}
    assert set(found) == {r["name"] for r in roster.search(demo_db, available_only=True)}
    unqualified = found["蒋知行"]  # the demo holds no certificate of his
    assert (unqualified["qualified"], unqualified["expired_on"]) == (False, None)
    roster.add_qualification(demo_db, CTX, unqualified["id"], "生物安全培训合格证",
                             expires_on=today - timedelta(days=3))  # fmt: skip
    again = experts.find(demo_db, "jzx", today)
    assert [r["name"] for r in again] == ["蒋知行"]
    assert again[0]["expired_on"] == (today - timedelta(days=3)).isoformat()
    assert not again[0]["qualified"]
    roster.add_qualification(demo_db, CTX, unqualified["id"], "中医师执业证书")  # no expiry
    again = experts.find(demo_db, "中医医院", today)
    assert (again[0]["qualified"], again[0]["valid_until"], again[0]["expired_on"]) == (
        True, "9999-12-31", None,
    )  # fmt: skip
    out = next(r for r in found.values() if r["qualified"])
    made = new_incident(demo_db)
    experts.dispatch(demo_db, CTX, made["id"], out["id"])
    assert out["id"] not in {r["id"] for r in experts.find(demo_db, "", today)}  # on a mission


def test_the_default_depots_are_the_divisions_and_the_city_reserves(demo_db):
    made = new_incident(demo_db, division="430481")
    depots = list(demo_db.query("SELECT * FROM depot WHERE deleted = 0"))
    expected = {d["code"] for d in depots if records.by_default(d, "430481")}
    allowed = records.allowed_depots(demo_db, incidents.get(demo_db, made["id"]))
    assert {d["code"] for d in allowed} == expected
    assert "430481-CK01" in expected and allowed[0]["code"] == "430481-CK01"


# ---------------------------------------------------------------- what a tester tried


def test_report_and_log_times_keep_to_the_incidents_own_timeline(world):
    made = new_incident(world, reported_at=at(-3))
    before = content(world)
    for bad in (at(-4), at(1), "2020-01-01 02:00"):  # before it was reported; ahead; years back
        with pytest.raises(BioError):
            reports.add(world, CTX, made["id"], "first", {"reported_at": bad})
    assert content(world) == before
    reports.add(world, CTX, made["id"], "first", {"reported_at": at(-2)})
    with pytest.raises(BioError):  # the county cannot report before it was told
        step = {"step": "county_health_to_county_government", "reported_at": at(-2.5)}
        reports.add(world, CTX, made["id"], "first", step)
    for bad in ("1901-01-01 00:00", at(24 * 365)):
        with pytest.raises(BioError):
            journal.add(world, CTX, records.get(world, made["id"]), "记事", bad)
    with pytest.raises(BioError):  # reported after a report was already made on it
        incidents.update(world, CTX, made["id"], {"reported_at": at(-1)})
    with pytest.raises(BioError):
        new_incident(world, reported_at="1900-01-01")


def test_texts_are_bounded_visible_and_clean(world):
    for given in ({"title": "x" * 201}, {"title": "\u200b\ufeff"}, {"title": "a\x85b"},
                  {"title": "\udcff\udcfe"}, {"commander_phone": "abc"},
                  {"description": "长" * 20_001}):  # fmt: skip
        with pytest.raises(BioError):
            new_incident(world, **given)
    made = new_incident(world, commander_phone="0734-8000001 转 123".replace(" 转 ", "转"))
    assert records.get(world, made["id"])["commander_phone"] == "0734-8000001转123"
    with pytest.raises(BioError):
        reports.add(world, CTX, made["id"], "first", {"title": "题" * 201})


def test_a_task_prefix_is_an_id_never_a_pattern(world):
    made = new_incident(world)
    incidents.activate(world, CTX, made["id"], "PB-T")
    first = tasks.listing(world, made["id"])[0]["id"]
    for pattern in (first[:7] + "_", "%%%%%%%%", "________"):
        with pytest.raises(BioError):
            tasks.set_status(world, CTX, pattern, "received")
    assert tasks.set_status(world, CTX, first[:8].upper(), "received")["status"] == "received"


def test_english_names_and_codes_in_any_case_are_understood(world):
    from desktop.core import vocab

    assert vocab.parse("incident_status", "Long-term monitoring") == "monitoring"
    assert vocab.parse("grade", "Serious") == "II" and vocab.parse("grade", "general") == "IV"
    assert vocab.parse("grade", "Especially serious") == "I"
    assert vocab.parse("task_status", "not-applicable") == "not_applicable"
    made = new_incident(world)
    assert records.get(world, made["number"].lower())["id"] == made["id"]
    assert incidents.activate(world, CTX, made["id"], "pb-t")["playbook"] == "PB-T"


def test_closing_cancels_the_drafts_and_keeps_orders_further_along(world):
    made = new_incident(world, responders=20, sites=3)
    incidents.activate(world, CTX, made["id"], "PB-T")
    stock.receive(world, CTX, "HN-K", "KZ", "B1", 1000, expiry=days(300))
    stock.receive(world, CTX, "CITY-K", "XD", "X1", 100, expiry=days(300))
    kz, xd = sorted(
        needs.draft_orders(world, CTX, made["id"]).orders, key=lambda o: o["from_depot"]
    )[::-1]
    orders.submit(world, CTX, kz["number"])
    incidents.close(world, CTX, made["id"])
    assert orders.get(world, xd["number"])["status"] == "cancelled"
    assert made["number"] in orders.get(world, xd["number"])["cancel_reason"]
    assert orders.get(world, kz["number"])["status"] == "submitted"


def test_report_numbers_name_the_station_that_made_them(world):
    made = new_incident(world)
    first = reports.add(world, CTX, made["id"], "first", {})
    assert first["number"] == made["number"] + "-01"
    with world.conn:  # as if another station (HY-HN) had made the next, merged here
        world.execute("UPDATE station SET code = 'HY-HN' WHERE id = 1")
    other = reports.add(world, CTX, made["id"], "progress", {})
    assert other["number"] == made["number"] + "-HY-HN-01"
    assert reports.get(world, other["number"].lower())["id"] == other["id"]
    assert reports.get(world, first["number"])["id"] == first["id"]
