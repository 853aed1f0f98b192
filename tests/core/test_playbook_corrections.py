"""The shipped playbooks read against the city plan (issue 15): every clause resolves to its
passage, every quote is verbatim there, every agency is one the cited clauses name, every
field the plan does not set says where it comes from; the corrections named in the issue,
task by task; and stations that had the first versions take the corrections cleanly."""

import json
import re

import pytest

from desktop.core import incidents, playbooks
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.incidents import tasks
from desktop.core.playbooks import clauses, plan, provenance, shipped
from desktop.core.setup import initdb, refdata
from desktop.core.store import check, payloads
from desktop.core.store.oplog import Op
from desktop.core.store.writepath import write
from tests.helpers.stations import ALICE, make_station, sync

CTX = Ctx("os:test")
DOCS = shipped.shipped_documents()
CURRENT = shipped.latest_documents()  # PB-LAB-ANIMAL 2 and version 3 of the first six
FULL = shipped.SHIPPED
SECOND = shipped.SHIPPED[: shipped.SHIPPED.index("lab-animal.json") + 1]  # up to version 2


def every_task(docs):
    for doc in docs:
        for phase in doc["phases"]:
            for task in phase["tasks"]:
                yield doc, task


def task_of(code: str, title: str) -> dict:
    return next(t for d, t in every_task(CURRENT) if d["code"] == code and t["title"] == title)


def doc_of(code: str) -> dict:
    return next(d for d in CURRENT if d["code"] == code)


# ---------------------------------------------------------------- every playbook, every task


def test_every_clause_of_every_shipped_playbook_resolves_to_its_passage():
    for doc in DOCS:
        for cited in doc["clauses"]:
            assert plan.passage(clauses.citation(cited).ref)["text"], (doc["code"], cited)
    for doc, task in every_task(DOCS):
        cited = clauses.citations(task["clause"])
        assert cited, (doc["code"], doc["version"], task["title"])
        for citation in cited:
            assert plan.passage(citation.ref)["text"]


def test_the_current_versions_cite_the_item_and_say_why_for_every_analogy():
    for doc, task in every_task(CURRENT):
        where = (doc["code"], task["title"])
        cited = clauses.citations(task["clause"])
        for c in cited:  # the item, where the sub-section has items (一是…)
            assert c.clause.item is not None or "一是" not in plan.cited_text(c.ref), where
        assert {str(c) for c in cited} <= set(doc["clauses"]), where
        analogies = [c.ref for c in cited if c.analogy]
        if analogies:
            assert all(ref in task["clause_note"] for ref in analogies), where


def test_every_phrase_a_task_quotes_is_the_plans_word_for_word():
    quoted = 0
    for doc, task in every_task(CURRENT):
        assert task["quotes"], (doc["code"], task["title"])
        refs = [c.ref for c in clauses.citations(task["clause"])]
        for quote in task["quotes"]:
            assert any(plan.quoted(ref, quote) for ref in refs), (doc["code"], task["title"], quote)
            quoted += 1
    assert quoted >= 60


def test_every_agency_of_a_task_is_named_by_the_plan_in_the_clauses_it_cites():
    for doc, task in every_task(CURRENT):
        agencies = [task["lead_agency"], *task["support_agencies"]]
        assert clauses.unnamed(task["clause"], agencies) == [], (doc["code"], task["title"])


def test_every_field_the_plan_does_not_set_says_where_it_comes_from():
    for doc in CURRENT:
        assert doc["sources"] == {"grades": "national_plan", "factors": "example"}, doc["code"]
        assert all("示例参数" in f["note"] for f in doc["factors"])
    for doc, task in every_task(CURRENT):
        sources = task["sources"]
        assert set(sources) == set(provenance.TASK_FIELDS), (doc["code"], task["title"])
        assert set(sources.values()) <= {"example", "regulation"}


def test_the_plan_is_never_claimed_for_what_it_does_not_set():
    with pytest.raises(Invalid) as refused:
        provenance.clean({"deadline_hours": "plan"}, provenance.TASK_FIELDS)
    assert "deadline_hours" in str(refused.value)
    with pytest.raises(Invalid):
        provenance.clean({"grades": "plan"}, provenance.PLAYBOOK_FIELDS)
    with pytest.raises(Invalid):
        provenance.clean({"deadline_hours": "rumour"}, provenance.TASK_FIELDS)
    assert provenance.clean({"checklist": "plan"}, provenance.TASK_FIELDS) == {"checklist": "plan"}


# ---------------------------------------------------------------- the corrections, one by one


def test_eid_disinfection_and_long_term_monitoring_apply_clause_three_six_by_analogy():
    # 三（一）一 has neither disinfection nor long-term monitoring
    assert "消毒" not in plan.cited_text("三（一）一")
    assert "长期" not in plan.cited_text("三（一）一")
    disinfection = task_of("PB-EID", "疫点疫区消毒")
    assert disinfection["clause"] == "三（一）一；参照三（六）二"
    assert "环境消毒" in disinfection["quotes"]
    for title in ("康复者与密切接触者健康监测", "环境与污水病原监测"):
        assert "参照三（六）三" in task_of("PB-EID", title)["clause"], title
    summary = doc_of("PB-EID")["summary"]
    assert "参照三（六）二" in summary and "参照三（六）三" in summary


def test_asf_contact_monitoring_names_only_what_the_plan_names():
    task = task_of("PB-ASF-AI", "接触人员健康监测")
    assert task["clause"] == "三（一）一；参照三（六）三"
    assert task["lead_agency"] == "HY-WJW" and task["support_agencies"] == []
    assert "HY-NYJ" not in plan.agencies("三（六）三")


def test_fire_ant_stings_are_said_to_be_outside_the_plan():
    task = task_of("PB-INVASIVE", "红火蚁蜇伤人员救治")
    assert task["clause"] == "三（四）三；参照三（六）二"
    assert "没有规定" in task["clause_note"]
    assert plan.agencies("三（四）三") == ["HY-NYJ", "HY-LYJ", "HY-GAJ"]


def test_no_two_year_monitoring_the_plan_does_not_set():
    task = task_of("PB-INVASIVE", "发生区持续监测")
    assert "两年" not in task["instructions"]
    assert "两年" not in plan.passage("三")["text"]
    assert task["sources"]["deadline_hours"] == "example"
    restoration = task_of("PB-INVASIVE", "除治迹地生态修复")
    assert "参照三（六）二" in restoration["clause"] and "生态修复" in restoration["clause_note"]


def test_the_county_health_bureau_assesses_and_warns():
    task = task_of("PB-EID", "传染病和不明原因疾病研判与预警")
    assert task["lead_agency"] == "COUNTY-WJJ" and task["clause"] == "三（一）一"
    assert any(q.startswith("各县市区卫生健康局对传染病") for q in task["quotes"])
    assert task["deadline_hours"] == 2 and task["sources"]["deadline_hours"] == "regulation"
    network = task_of("PB-EID", "四级监测网络主动监测与病原检测")
    assert network["lead_agency"] == "HY-WJW" and network["support_agencies"] == ["COUNTY-WJJ"]


def test_foreign_affairs_arrange_our_people_going_abroad_not_foreigners_formalities():
    task = task_of("PB-EID", "涉外疫情防控协调")
    assert (
        "办理紧急情况下我人员出国（境）相关手续，根据需要派出专家、医疗技术人员提供涉外服务"
        in (task["quotes"])
    )
    assert "出入境" not in task["instructions"] and "我方人员" in task["instructions"]
    bioterror = task_of("PB-BIOTERROR", "涉外协调与舆情处置")
    assert "撤离" not in bioterror["instructions"]


def test_laboratory_inspection_goes_to_the_county_and_its_health_inspectors():
    human = task_of("PB-LAB", "实验室资格复核与专项督查")
    assert human["lead_agency"] == "COUNTY-WJJ"
    assert "COUNTY-WSJD" in human["support_agencies"]
    assert any(q.startswith("县市区卫健局及卫生监督机构、兽医主管部门") for q in human["quotes"])
    animal = next(
        t
        for d, t in every_task(CURRENT)
        if d["code"] == "PB-LAB-ANIMAL" and t["title"] == "实验室资格复核与专项督查"
    )
    assert animal["lead_agency"] == "COUNTY-NYJ"


def test_human_health_and_animal_laboratories_are_led_apart():
    lab, animal = doc_of("PB-LAB"), doc_of("PB-LAB-ANIMAL")
    assert "与人体健康有关的实验室" in lab["title"] and "与动物有关的实验室" in animal["title"]
    leads = {t["title"]: t["lead_agency"] for p in lab["phases"] for t in p["tasks"]}
    assert "HY-NYJ" not in leads.values() and "COUNTY-NYJ" not in leads.values()
    animal_leads = {t["title"]: t["lead_agency"] for p in animal["phases"] for t in p["tasks"]}
    for title in ("事件报告与风险研判", "菌（毒）种和样本流向核查", "实验室及周边区域消毒"):
        assert leads[title] == "HY-WJW" and animal_leads[title] == "HY-NYJ", title
    assert animal_leads["暴露人员医学观察与救治"] == "HY-WJW"  # people stay with health


def test_the_emergency_bureau_leads_the_rescue_it_is_listed_first_for():
    assert plan.agencies("三（六）二")[0] == "HY-YJJ"
    led = [t for _, t in every_task(CURRENT) if t["lead_agency"] == "HY-YJJ"]
    assert [t["title"] for t in led] == ["救援处置组织协调"]
    assert led[0]["clause"] == "三（六）二"
    assert led[0]["support_agencies"] == plan.agencies("三（六）二")[1:]


def test_every_clause_three_six_outside_the_bioterror_playbook_is_by_analogy():
    for doc, task in every_task(CURRENT):
        if doc["code"] == "PB-BIOTERROR":
            continue
        for cited in clauses.citations(task["clause"]):
            if cited.ref.startswith("三（六）"):
                assert cited.analogy, (doc["code"], task["title"])


# ---------------------------------------------------------------- what version 3 corrected

_REF = r"[一二三四](?:（[一二三四五六七八九十]{1,2}）[一二三四五六七八九]?)?"
_ACCORDING = re.compile(r"依据(?:实施方案)?((?:" + _REF + r"[、和]?)+)：([^。]*)。")
_QUOTED = re.compile(r"「([^」]*)」|“([^”]*)”")


def presented_as_the_plans_words(summary: str) -> list[tuple[list[str] | None, str]]:
    """What a summary gives as the plan's words: each ；-part of the sentence after
    依据<clause>： (with that clause), and whatever it puts in 「」 or “” (any clause)."""
    out: list[tuple[list[str] | None, str]] = []
    for match in _ACCORDING.finditer(summary):
        refs = re.findall(_REF, match.group(1))
        out += [(refs, part) for part in match.group(2).split("；")]
    out += [(None, m.group(1) or m.group(2)) for m in _QUOTED.finditer(summary)]
    return out


def test_what_a_summary_presents_as_the_plans_words_is_verbatim_in_the_clause_it_cites():
    for doc in CURRENT:
        cited = [clauses.citation(c).ref for c in doc["clauses"]]
        found = presented_as_the_plans_words(doc["summary"])
        assert found, doc["code"]
        for refs, words in found:
            assert any(plan.quoted(ref, words) for ref in refs or cited), (doc["code"], words)
    eid, bioterror = doc_of("PB-EID")["summary"], doc_of("PB-BIOTERROR")["summary"]
    assert "对传染病和列入监测范围的不明原因疾病进行研判" in eid
    assert "「可被用于生物恐怖活动、制造生物武器的生物体" in bioterror


def test_the_summary_check_catches_a_paraphrase_given_as_the_plans_words():
    paraphrase = "依据实施方案三（一）一：各县市区卫生健康局对传染病和不明原因疾病进行研判。"
    [(refs, words)] = presented_as_the_plans_words(paraphrase)
    assert refs == ["三（一）一"] and not plan.quoted("三（一）一", words)
    [(_, quoted)] = presented_as_the_plans_words("对「可被用于生物恐怖活动的生物体」加强监管")
    assert not any(plan.quoted(ref, quoted) for ref in ("三（六）一", "三（六）"))
    for doc in DOCS:  # the second versions' summaries were paraphrases; the third are not
        if doc["version"] == 2 and doc["code"] in ("PB-EID", "PB-BIOTERROR"):
            given = presented_as_the_plans_words(doc["summary"])
            assert not all(any(plan.quoted(r, w) for r in refs or []) for refs, w in given)


def test_the_rescue_coordination_names_and_claims_only_what_the_plan_says():
    task = task_of("PB-BIOTERROR", "救援处置组织协调")
    assert task["clause"] == "三（六）二" and task["clause_note"] == ""
    assert task["lead_agency"] == "HY-YJJ" and "HY-XTJZ" not in task["support_agencies"]
    assert [task["lead_agency"], *task["support_agencies"]] == plan.agencies("三（六）二")
    assert all(plan.quoted("三（六）二", q) for q in task["quotes"])
    for claim in ("统一组织", "牵头组织协调", "协调机制办公室"):
        assert claim not in task["instructions"], claim
    assert "没有规定由哪个单位牵头" in task["instructions"]
    assert task["sources"]["instructions"] == "example"
    doc = doc_of("PB-BIOTERROR")
    assert "牵头组织协调" not in doc["summary"] and "没有规定牵头单位" in doc["summary"]
    assert "四（一）" not in doc["clauses"]  # routine organisation, not incident command


def test_laboratory_exposure_applies_the_epidemic_treatment_clause_by_analogy():
    for code in ("PB-LAB", "PB-LAB-ANIMAL"):
        task = task_of(code, "暴露人员医学观察与救治")
        assert task["clause"] == "三（七）三；参照三（一）一", code
        assert "重大传染病" in task["clause_note"] and "实验室暴露" in task["clause_note"]
        assert "统筹优化医疗救治资源配置" in task["quotes"]
        doc = doc_of(code)
        assert "参照三（一）一" in doc["clauses"] and "三（一）一" not in doc["clauses"]
        for _, other in every_task([doc]):
            cited = clauses.citations(other["clause"])
            assert all(c.analogy for c in cited if c.ref == "三（一）一"), (code, other["title"])


def test_eid_disinfection_no_longer_rests_on_the_county_bureau_reporting_to_its_government():
    report = "并报告本级政府采取相应的防控措施"
    disinfection = task_of("PB-EID", "疫点疫区消毒")
    assert all(report not in q for q in disinfection["quotes"])
    assert "采取相应的防控措施" not in disinfection["clause_note"]
    warning = task_of("PB-EID", "传染病和不明原因疾病研判与预警")  # where it belongs
    assert any(q.endswith(report) for q in warning["quotes"])


def test_both_laboratory_playbooks_give_the_two_hour_report_to_the_regulation():
    for code in ("PB-LAB", "PB-LAB-ANIMAL"):
        task = task_of(code, "事件报告与风险研判")
        assert task["deadline_hours"] == 2, code
        assert task["sources"]["deadline_hours"] == "regulation", code
        assert "《突发公共卫生事件应急条例》第十九条、第二十条" in task["instructions"], code
    animal = task_of("PB-LAB-ANIMAL", "事件报告与风险研判")
    assert "只感染动物的病原体不属该条例的范围" in animal["instructions"]


# ---------------------------------------------------------------- in a station


def test_a_new_station_has_the_corrections_in_force_and_the_originals_retired(fresh_db):
    versions = {(r["code"], r["version"]): r["status"] for r in playbooks.listing(fresh_db)}
    for code in shipped.ORIGINAL_CODES:
        assert versions[(code, 1)] == versions[(code, 2)] == "retired"
        assert versions[(code, 3)] == "approved"
    assert versions[("PB-LAB-ANIMAL", 1)] == "retired"
    assert versions[("PB-LAB-ANIMAL", 2)] == "approved"
    eid = playbooks.get(fresh_db, "PB-EID")
    assert eid["version"] == 3 and eid["based_on"] == 2
    assert eid["sources"] == {"grades": "national_plan", "factors": "example"}
    assert check.run(fresh_db) == []


def test_a_county_duty_goes_to_the_incident_county_and_stays_generic_for_the_city(fresh_db):
    fields = {"title": "疑似聚集性疫情", "hazard": "infectious_disease", "grade": "III"}
    county = incidents.create(fresh_db, CTX, {**fields, "division": "430422"})
    city = incidents.create(fresh_db, CTX, {**fields, "division": "430400"})
    for made in (county, city):
        incidents.activate(fresh_db, CTX, made["id"], "PB-EID")
    title = "传染病和不明原因疾病研判与预警"
    board = {t["title"]: t for t in tasks.listing(fresh_db, county["id"])}
    assert board[title]["lead_agency"] == "430422-WJJ"
    assert board["四级监测网络主动监测与病原检测"]["support_agencies"] == ["430422-WJJ"]
    assert [t["title"] for t in tasks.listing(fresh_db, county["id"], agency="430422-WJJ")] == [
        "四级监测网络主动监测与病原检测",
        title,
        "疫点疫区消毒",
    ]
    board = {t["title"]: t for t in tasks.listing(fresh_db, city["id"])}
    assert board[title]["lead_agency"] == "COUNTY-WJJ"


def test_sources_quotes_and_notes_survive_export_import_and_a_new_version(fresh_db, tmp_path):
    path = tmp_path / "eid.json"
    playbooks.export_json(fresh_db, "PB-EID", 3, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "bioreserve-playbook/2" and doc["sources"]["grades"] == "national_plan"
    assert playbooks.import_json(fresh_db, CTX, path) == ("PB-EID", 4)
    copied = playbooks.new_version(fresh_db, CTX, "PB-EID", 4)
    for version in (4, copied):
        again = playbooks.get(fresh_db, "PB-EID", version)
        assert again["sources"] == doc["sources"]
        for phase, original in zip(again["phases"], doc["phases"], strict=True):
            for task, shipped_task in zip(phase["tasks"], original["tasks"], strict=True):
                for name in ("clause", "clause_note", "quotes", "sources"):
                    assert task[name] == shipped_task[name], (task["title"], name)


def test_an_edit_that_changes_a_field_makes_it_the_stations_own(fresh_db):
    version = playbooks.new_version(fresh_db, CTX, "PB-EID", 3)
    draft = playbooks.get(fresh_db, "PB-EID", version)
    task = draft["phases"][1]["tasks"][0]
    values = {
        "title": task["title"],
        "instructions": task["instructions"],
        "lead_agency": task["lead_agency"]["code"],
        "support_agencies": [a["code"] for a in task["support_agencies"]],
        "deadline_hours": 8,
        "min_grade": task["min_grade"],
        "checklist": task["checklist"],
        "specialties": task["specialties"],
        "clause": task["clause"],
    }  # what the editor gives: no clause note, quotes or sources
    playbooks.save_task(fresh_db, CTX, task["id"], values)
    saved = playbooks.get(fresh_db, "PB-EID", version)["phases"][1]["tasks"][0]
    assert saved["sources"]["deadline_hours"] == "local"
    assert saved["sources"]["min_grade"] == "example"  # unchanged, its source kept
    assert saved["quotes"] == task["quotes"] and saved["clause_note"] == task["clause_note"]
    sentinel = {"title": "哨点医院强化监测", "lead_agency": "HY-WJW"}
    added = playbooks.add_task(fresh_db, CTX, draft["phases"][0]["id"], sentinel)
    new = next(t for p in playbooks.get(fresh_db, "PB-EID", version)["phases"]
               for t in p["tasks"] if t["id"] == added)  # fmt: skip
    assert set(new["sources"].values()) == {"local"}
    playbooks.add_factor(fresh_db, CTX, draft["id"], {"category": "PPE", "qty_per_day": 1})
    assert playbooks.get(fresh_db, "PB-EID", version)["sources"]["factors"] == "local"


def test_a_draft_with_a_clause_written_before_the_checks_is_copied_but_not_approved(fresh_db):
    version = playbooks.new_version(fresh_db, CTX, "PB-FAW", 3)
    task = playbooks.get(fresh_db, "PB-FAW", version)["phases"][0]["tasks"][0]
    with write(fresh_db, CTX) as w:  # as an older program let anyone write
        w.update("playbook_task", task["id"], {"clause": "第三条", "quotes": "[]"})
    copy = playbooks.new_version(fresh_db, CTX, "PB-FAW", version)
    assert playbooks.get(fresh_db, "PB-FAW", copy)["phases"][0]["tasks"][0]["clause"] == "第三条"
    with pytest.raises(BioError) as refused:
        playbooks.approve(fresh_db, CTX, "PB-FAW", version)
    assert task["title"] in str(refused.value) and "第三条" in str(refused.value)


def test_sources_travel_between_stations_and_a_bad_one_is_refused(tmp_path):
    a = make_station(tmp_path, "HY-A", "甲站")
    b = make_station(tmp_path, "HY-B", "乙站")
    version = playbooks.new_version(a, ALICE, "PB-LAB", 3)
    doc = playbooks.get(a, "PB-LAB", version)
    sync(a, b)
    assert playbooks.get(b, "PB-LAB", version) == doc
    row = doc["phases"][0]["tasks"][0]["id"]
    for payload in ({"sources": "[]"}, {"sources": '{"min_grade": 3}'}, {"quotes": "{}"}):
        op = Op("X", 1, 1, "x", "update", "playbook_task", row, payload, [])
        with pytest.raises(payloads.BadOperation):
            payloads.check(b, op)
    good = Op("X", 1, 1, "x", "update", "playbook_task", row, {"sources": '{"min_grade": "local"}'})
    payloads.check(b, good)
    a.close()
    b.close()


# ---------------------------------------------------------------- stations made before


def _old_station(path, monkeypatch, files=shipped.ORIGINAL):
    """A station made by the program that shipped only these files (the first six)."""
    monkeypatch.setattr(shipped, "SHIPPED", files)
    db = initdb.init_database(path, "HY-OLD", "旧站")
    monkeypatch.setattr(shipped, "SHIPPED", FULL)
    return db


def _ref_ops(db):
    return db.execute(
        "SELECT origin, seq, hash FROM oplog WHERE origin LIKE 'REF-playbook%' ORDER BY 1, 2"
    ).fetchall()


def test_an_old_station_takes_the_corrections_and_keeps_what_it_was_given(db_path, monkeypatch):
    db = _old_station(db_path, monkeypatch)
    made = incidents.create(
        db, CTX, {"title": "旧事件", "hazard": "infectious_disease", "grade": "III",
                  "division": "430422"}
    )  # fmt: skip
    incidents.activate(db, CTX, made["id"], "PB-EID")
    before = tasks.listing(db, made["id"])
    old_ops = _ref_ops(db)
    refdata.load(db)  # what opening does when the program ships more (refdata.ensure)
    assert set(old_ops) <= set(_ref_ops(db))  # the first six's operations unchanged
    assert tasks.listing(db, made["id"]) == before  # the incident keeps what it was given
    assert [t["title"] for t in before][0] == "疫情监测与病原检测"
    eid = playbooks.get(db, "PB-EID")
    assert (eid["version"], eid["status"]) == (3, "approved")
    assert playbooks.get(db, "PB-EID", 1)["status"] == "retired"
    assert playbooks.get(db, "PB-EID", 2)["status"] == "retired"
    assert check.run(db) == []
    count = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    assert refdata.load(db).applied == 0
    assert db.execute("SELECT count(*) FROM oplog").fetchone()[0] == count


def test_a_station_with_versions_of_its_own_keeps_them(db_path, monkeypatch):
    db = _old_station(db_path, monkeypatch)
    draft = playbooks.new_version(db, CTX, "PB-EID", 1)  # a draft of its own: version 2
    own = playbooks.new_version(db, CTX, "PB-LAB", 1)
    playbooks.approve(db, CTX, "PB-LAB", own)  # its own approved PB-LAB 2
    mine = playbooks.get(db, "PB-EID", draft)
    refdata.load(db)
    assert playbooks.get(db, "PB-EID", draft) == mine  # nothing of the shipped one mixed in
    second = playbooks.get(db, "PB-EID", 3)
    assert second["id"] == shipped.shipped_id("PB-EID", 2)  # renumbered, same row
    assert (second["status"], second["based_on"]) == ("retired", 1)
    eid = playbooks.get(db, "PB-EID")  # the third, after it, in the same order
    assert (eid["version"], eid["status"], eid["based_on"]) == (4, "approved", 3)
    assert eid["id"] == shipped.shipped_id("PB-EID", 3)
    lab = {r["version"]: r["status"] for r in playbooks.listing(db) if r["code"] == "PB-LAB"}
    assert lab == {1: "retired", 2: "approved", 3: "retired", 4: "retired"}  # its own in force
    columns = {c["playbook"]: c["version"] for c in playbooks.matrix(db)["columns"]}
    assert columns["PB-LAB"] == 2 and columns["PB-EID"] == 4
    assert check.run(db) == []
    assert shipped.settle(db) == []  # settled once


def test_a_station_that_had_the_second_versions_takes_the_third(db_path, monkeypatch):
    db = _old_station(db_path, monkeypatch, SECOND)
    assert playbooks.get(db, "PB-EID")["version"] == 2
    made = incidents.create(
        db, CTX, {"title": "实验室事件", "hazard": "lab_incident", "grade": "III",
                  "division": "430422"}
    )  # fmt: skip
    incidents.activate(db, CTX, made["id"], "PB-LAB")
    before = tasks.listing(db, made["id"])
    old_ops = _ref_ops(db)
    refdata.load(db)
    assert set(old_ops) <= set(_ref_ops(db))  # the second versions' operations unchanged
    assert tasks.listing(db, made["id"]) == before
    for code in shipped.ORIGINAL_CODES:
        current = playbooks.get(db, code)
        assert (current["version"], current["based_on"]) == (3, 2), code
        assert playbooks.get(db, code, 2)["status"] == "retired", code
    animal = playbooks.get(db, "PB-LAB-ANIMAL")
    assert (animal["version"], animal["based_on"]) == (2, 1)
    assert playbooks.get(db, "PB-LAB-ANIMAL", 1)["status"] == "retired"
    assert check.run(db) == [] and shipped.settle(db) == []


def test_a_station_whose_second_version_was_renumbered_takes_the_third_after_it(
    db_path, monkeypatch
):
    monkeypatch.setattr(shipped, "SHIPPED", shipped.ORIGINAL)
    db = initdb.init_database(db_path, "HY-OLD", "旧站")
    playbooks.new_version(db, CTX, "PB-EID", 1)  # its own draft 2
    monkeypatch.setattr(shipped, "SHIPPED", SECOND)
    refdata.load(db)
    assert playbooks.get(db, "PB-EID")["version"] == 3  # the shipped second, renumbered
    monkeypatch.setattr(shipped, "SHIPPED", FULL)
    refdata.load(db)
    eid = playbooks.get(db, "PB-EID")
    assert eid["id"] == shipped.shipped_id("PB-EID", 3)
    assert (eid["version"], eid["status"], eid["based_on"]) == (4, "approved", 3)
    assert playbooks.get(db, "PB-EID", 3)["status"] == "retired"
    assert check.run(db) == [] and shipped.settle(db) == []
