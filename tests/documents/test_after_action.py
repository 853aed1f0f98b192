"""The after-action report and improvement plan of a drill, printed from its sandbox: a
drill planned, started, played (injects fired on its clock, an incident recorded and a
playbook activated inside the sandbox), evaluated and ended the way the core does it;
every section's content as pdftotext reads it, 演练 on every page, English labels, empty
sections said in a sentence, an automatic run's gap analysis, and texts at their caps
(a 20,000-character scenario, 4,000-character observations, 200 rows of time line)
printed whole."""

import re
from datetime import timedelta

import pytest

from desktop.core import i18n, incidents, values
from desktop.core.context import Ctx
from desktop.core.drills import evaluation, improvements, injects, records, sandbox
from desktop.core.errors import BioError
from desktop.documents import after_action
from tests.documents.test_incident_documents_long import (
    body,
    body_words,
    check,
    made,
    pages,
    squeeze,
)
from tests.helpers.pdf import text

CTX = Ctx("os:test")
NAME = "石鼓区不明原因肺炎聚集性疫情应急处置桌面推演"
SCENARIO = "某日上午，石鼓区某小区出现聚集性发热病例，已排除常见病原。"
PLAN = {
    "objectives": [
        {"code": "O1", "text": "检验首次报告时限执行情况", "citation": "条例第十九条"},
        {"code": "O2", "text": "检验预案启动和物资调拨", "citation": "PB-EID"},
    ],
    "people": [
        {"role": "player", "agency": "HY-WJW"},
        {"role": "player", "agency": "HY-YJJ"},
        {"role": "controller", "name": "张导调", "agency": "HY-YJJ"},
        {"role": "evaluator", "name": "李评估"},
    ],
    "injects": [
        {"no": 1, "offset_min": 0, "sender": "石鼓区疾控中心", "to_agency": "HY-WJW",
         "message": "报告某小区发热病例聚集", "objective": "O1"},
        {"no": 2, "trigger": "delay", "offset_min": 30, "sender": "市应急管理局",
         "to_agency": "HY-WJW", "channel": "document", "message": "要求启动传染病预案",
         "objective": "O2"},
        {"no": 3, "trigger": "manual", "contingency": 1, "message": "备用：媒体询问"},
    ],
    "expects": [
        {"inject": 1, "action": "incident", "agency": "HY-WJW", "within_min": 120,
         "text": "登记事件", "objective": "O1"},
        {"inject": 1, "action": "report", "agency": "HY-WJW", "within_min": 30,
         "text": "网络直报首次报告", "objective": "O1"},
        {"inject": 2, "action": "activate", "within_min": 20, "text": "启动 PB-EID",
         "objective": "O2"},
        {"inject": 2, "action": "dispatch", "within_min": 60, "text": "派遣流调专家",
         "objective": "O2"},
        {"inject": 3, "action": "other", "within_min": 10, "text": "回应媒体询问"},
    ],
}  # fmt: skip
INCIDENT = {"title": "石鼓区聚集性发热（演练）", "hazard": "infectious_disease", "grade": "III",
            "division": "430407", "lead_agency": "HY-WJW", "exposed": 50_000, "patients": 120,
            "responders": 300, "sites": 5, "days": 14}  # fmt: skip
IMPROVEMENTS = [
    {"issue": "首次报告超时", "action": "修订报告流程，明确值班人员职责", "agency": "HY-WJW",
     "due_on": "2027-03-31", "objective": "O1"},
    {"issue": "采样管储备不足", "action": "增加病毒采样管储备", "agency": "HY-YJJ",
     "due_on": "2027-06-30"},
]  # fmt: skip
PLAYED = timedelta(minutes=90)  # the drill's clock when the players act: T+1:30:00


def plan_drill(live, plan: dict, **given) -> dict:
    fields = {"name": NAME, "kind": "tabletop", "scenario": SCENARIO,
              "sim_start": "2026-03-01 08:00", **given}  # fmt: skip
    drill = records.create(live, CTX, fields, playbooks=["PB-EID"])
    injects.replace(live, CTX, drill["id"], plan)
    return drill


def start(live, drill: dict):
    """The drill started 90 minutes ago and paused now: what the players do next happens
    at T+1:30:00 on its clock, whatever the time the test takes."""
    began = values.now() - PLAYED
    box = sandbox.start(live, CTX, drill["id"], at=began)
    injects.tick(box, CTX, drill["id"], at=began + PLAYED)
    sandbox.pause(live, CTX, drill["id"], at=began + PLAYED)
    return box


def play(box, drill: dict) -> None:
    """Players record the incident and activate the playbook; evaluators judge, observe,
    rate and draft the improvement plan."""
    incident = incidents.create(box, CTX, INCIDENT)
    incidents.activate(box, CTX, incident["id"], "PB-EID")
    evaluation.mark(box, CTX, drill["id"], "2.2", "met", "专家由电话通知，系统外完成")
    evaluation.observe(box, CTX, drill["id"], "strength", "接报后登记及时，信息清楚", "O1")
    evaluation.observe(box, CTX, drill["id"], "improvement", "首次报告未在时限内完成", "O1")
    evaluation.rate(box, CTX, drill["id"], "O1", "S", "报告环节有延误")
    evaluation.rate(box, CTX, drill["id"], "O2", "M")
    for item in IMPROVEMENTS:
        improvements.add(box, CTX, drill["id"], item)


@pytest.fixture
def played(demo_db):
    """A drill played and ended: (its sandbox, the drill)."""
    drill = plan_drill(demo_db, PLAN)
    box = start(demo_db, drill)
    try:
        play(box, drill)
        sandbox.end(demo_db, CTX, drill["id"])
        yield box, drill
    finally:
        box.close()


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def marked_on_every_page(pdf, pages_count: int) -> None:
    """The diagonal 演练 (letters some 150 pt tall) and the boxed 演练 at the top of every
    page; the running header names the report on every page after the first."""
    read = pages(pdf)
    assert len(read) == pages_count
    for n, (_, _, words) in enumerate(read, 1):
        large = "".join(w[4] for w in words if w[3] - w[1] > 100)
        assert large == "演练", (n, large)
        top = [w[4] for w in words if w[3] < 40]  # the header line, above the frame
        assert "演练" in top, (n, top)
        if n > 1:
            assert any("演练总结评估报告" in w for w in top), (n, top)


# ---------------------------------------------------------------- the report's text


def test_the_report_says_what_the_drill_did_section_by_section(played, tmp_path):
    box, drill = played
    result = after_action.render(box, drill["number"], tmp_path / "aar.pdf")
    assert result.pages >= 2 and result.warning == ""
    marked_on_every_page(result.path, result.pages)
    page = text(result.path)
    flat = body(result.path)
    assert "生物安全应急演练总结评估报告" in page and NAME in page
    assert f"演练编号 {drill['number']}" in page
    headings = ("一、演练概况", "二、演练目标与评估结果", "三、预期行动完成情况",
                "四、演练过程时间线", "五、做得好的方面", "六、待改进的方面", "七、物资缺口",
                "八、改进计划")  # fmt: skip
    at = [flat.index(h) for h in headings]
    assert at == sorted(at)  # in order
    overview = flat[at[0] : at[1]]
    for said in ("演练类型桌面推演", "演练状态结束", SCENARIO,
                 "演练预案PB-EID重大新发突发传染病疫情处置预案",
                 "参演单位衡阳市卫生健康委员会衡阳市应急管理局",
                 "导调人员衡阳市应急管理局（张导调）", "评估人员李评估",
                 "T+0:00:00至T+1:30:00（模拟时间2026-03-0108:00至2026-03-0109:30）"):  # fmt: skip
        assert said in overview, said
    objectives = flat[at[1] : at[2]]
    assert "O1检验首次报告时限执行情况依据：条例第十九条S基本完成" in objectives
    assert "按时完成1超时完成0未完成1待完成0报告环节有延误" in objectives
    assert "O2检验预案启动和物资调拨依据：PB-EIDM困难较大按时完成1超时完成1未完成0" in objectives
    total = "预期行动共5项：按时完成2项，超时完成1项，未完成1项，待完成0项，不适用1项。"
    assert total in objectives
    assert "P顺利完成；S基本完成；M困难较大；U未能完成" in objectives
    expected = flat[at[2] : at[3]]
    for row in ("1登记事件：登记事件衡阳市卫生健康委员会T+2:00:00120分钟内T+1:30:00按时完成",
                "1信息报告：网络直报首次报告衡阳市卫生健康委员会T+0:30:0030分钟内—未完成",
                "2启动预案：启动PB-EID—T+0:50:0020分钟内T+1:30:00超时完成",
                "2派遣专家：派遣流调专家评估员：专家由电话通知，系统外完成—T+1:30:0060分钟内"
                "T+1:30:00按时完成（评估员判定）",
                "3其他（评估员判定）：回应媒体询问—10分钟内—不适用"):  # fmt: skip
        assert row in expected, row
    timeline = flat[at[3] : at[4]]
    assert re.search(
        r"T\+0:00:00情景注入1报告某小区发热病例聚集石鼓区疾控中心→衡阳市卫生健康委员会"
        r"T\+0:30:00情景注入2要求启动传染病预案市应急管理局→衡阳市卫生健康委员会"
        r"T\+1:30:00处置行动登记事件YL-[A-Z0-9-]+石鼓区聚集性发热（演练）os:test"
        r"T\+1:30:00处置行动启动预案PB-EIDos:test",
        timeline,
    ), timeline
    assert "备用：媒体询问" not in timeline  # a contingency inject never fired
    assert "1.接报后登记及时，信息清楚（目标O1，T+1:30:00）" in flat[at[4] : at[5]]
    assert "1.首次报告未在时限内完成（目标O1，T+1:30:00）" in flat[at[5] : at[6]]
    shortages = flat[at[6] : at[7]]
    assert "演练事件中库存无法满足的需求" in shortages
    assert re.search(r"病毒采样管（REAGENT-0011）支1,207,500192,6681,014,8321\.1", shortages)
    assert "医用外科口罩" not in shortages  # met by stock: not a shortage
    plan = flat[at[7] :]
    for row in ("1首次报告超时目标O1修订报告流程，明确值班人员职责衡阳市卫生健康委员会2027-03-31"
                "未开始",
                "2采样管储备不足增加病毒采样管储备衡阳市应急管理局2027-06-30未开始"):  # fmt: skip
        assert row in plan, row
    assert "评估组长（签字）：日期：年月日" in plan
    last = body(result.path, result.pages)
    assert "评估组长（签字）" in last  # with the end of the plan, never alone


def test_the_footer_names_the_drill_and_the_station(played, tmp_path):
    box, drill = played
    result = after_action.render(box, drill["id"], tmp_path / "aar.pdf")
    for n in range(1, result.pages + 1):
        page = text(result.path, n)
        assert f"演练编号 {drill['number']}" in page
        assert "【演练】演示站" in page, page
        assert f"第 {n} 页 共 {result.pages} 页" in page


def test_labels_are_in_english_when_the_language_is(played, tmp_path, english):
    box, drill = played
    result = after_action.render(box, drill["number"], tmp_path / "aar.pdf")
    marked_on_every_page(result.path, result.pages)
    page = text(result.path)
    flat = body(result.path)
    assert "生物安全应急演练总结评估报告" in page  # the form's fixed title
    assert "Biosafety drill after-action report and improvement plan" in page
    for heading in ("1. Overview of the drill", "2. Objectives and their ratings",
                    "3. Expected actions", "4. Time line of the drill", "5. Strengths",
                    "6. Areas for improvement", "7. Material shortages",
                    "8. Improvement plan"):  # fmt: skip
        assert squeeze(heading) in flat, heading
    for said in ("Tabletop exercise", "Hengyang Municipal Health Commission",
                 "S Performed with some challenges", "M Performed with major challenges",
                 "Met 1", "Late 0", "Missed 1", "Pending 0", "Record the incident: 登记事件",
                 "Inject 1", "(Objective O1, T+1:30:00)", "Days of supply", "2027-03-31Open",
                 "Evaluation lead (signature):", "Controllers", "Simulated time span"
                 "T+0:00:00 to T+1:30:00 (simulated time 2026-03-01 08:00 to 2026-03-01 09:30)",
                 ):  # fmt: skip
        assert squeeze(said) in flat, said
    assert "Page 1 of" in page and f"Drill No. {drill['number']}" in page
    for chinese in ("演练概况", "评估组长", "按时完成", "目标编号", "卫生健康委员会"):
        assert chinese not in page, chinese


# ---------------------------------------------------------------- empty and gap


def test_empty_sections_say_so_in_a_sentence(demo_db, tmp_path):
    drill = plan_drill(demo_db, {}, scenario=None)
    box = start(demo_db, drill)
    try:
        sandbox.end(demo_db, CTX, drill["id"])
        result = after_action.render(box, drill["number"], tmp_path / "empty.pdf")
    finally:
        box.close()
    marked_on_every_page(result.path, result.pages)
    flat = body(result.path)
    for sentence in ("本次演练未设定演练目标。", "预期行动共0项", "演练情景未设预期行动。",
                     "演练时间线上没有记录：未发出情景注入，也未记录处置行动。",
                     "评估员未记录做得好的方面。", "评估员未记录待改进的方面。",
                     "无物资缺口：库存满足演练事件的全部需求。", "改进计划尚无条目。"):  # fmt: skip
        assert sentence in flat, sentence
    for header in ("目标编号", "情景序号", "演练时间类型", "可保障天数", "整改措施"):
        assert header not in flat, header  # no empty table
    assert "演练情景—" in flat and "参演单位—" in flat


def test_an_automatic_runs_gap_analysis_lists_every_item_shortages_first(played, tmp_path):
    box, drill = played
    gap = [
        {"item": "PPE-0003", "item_name": "医用外科口罩", "unit": "只", "required": 20_160,
         "have": 1_150_022, "shortage": 0, "days_of_supply": 798.6},
        {"item": "REAGENT-0011", "item_name": "病毒采样管", "unit": "支", "required": 1_207_500,
         "have": 192_668, "shortage": 1_014_832, "days_of_supply": 1.1},
        {"item": "", "item_name": "防护服（类别）", "unit": "套", "required": 300, "have": 0,
         "shortage": 300, "days_of_supply": None},
        {"item": "DISINF-0001", "item_name": "含氯消毒片", "unit": "瓶", "required": 420,
         "have": 29_382, "shortage": 0, "days_of_supply": 489.7},
    ]  # fmt: skip
    result = after_action.render(box, drill["number"], tmp_path / "gap.pdf", gap=gap)
    flat = body(result.path)
    shortages = flat[flat.index("七、物资缺口") : flat.index("八、改进计划")]
    assert "自动推演的缺口分析：情景所需的全部物资，有缺口的在前。" in shortages
    rows = ["病毒采样管（REAGENT-0011）支1,207,500192,6681,014,8321.1",
            "防护服（类别）套3000300—", "医用外科口罩（PPE-0003）只20,1601,150,0220798.6",
            "含氯消毒片（DISINF-0001）瓶42029,3820489.7"]  # fmt: skip
    at = [shortages.index(row) for row in rows]
    assert at == sorted(at)
    empty = after_action.render(box, drill["number"], tmp_path / "none.pdf", gap=[])
    assert "自动推演未算出物资需求。" in body(empty.path)


def test_the_report_is_printed_from_the_drills_sandbox_only(played, demo_db, tmp_path):
    box, drill = played
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BioError, match="演练自己的数据库"):
        after_action.render(demo_db, drill["number"], out / "live.pdf")
    with pytest.raises(BioError, match="YL-NONE"):
        after_action.render(box, "YL-NONE", out / "none.pdf")
    assert list(out.iterdir()) == []  # nothing written


# ---------------------------------------------------------------- long texts


KINDS = ("prose", "run", "latin", "lines")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_texts_at_their_caps_and_200_rows_of_time_line_print_whole(demo_db, tmp_path, language):
    texts = {
        "name": made("run", 200, "NAME"),
        "scenario": made("lines", 20_000, "SCENARIO"),
        "objective": made("prose", 2_000, "GOAL"),
        "citation": made("latin", 200, "CITE"),
        "expect": made("run", 2_000, "EXPECT"),
        "evaluator": made("latin", 100, "EVAL"),
        "first inject": made("prose", 4_000, "INJ1"),
        "sender": made("run", 200, "SENDER"),
        "last inject": made("latin", 4_000, "INJ200"),
    }
    plan = {
        "objectives": [{"code": "O1", "text": texts["objective"], "citation": texts["citation"]}],
        "people": [{"role": "evaluator", "name": texts["evaluator"]}],
        "injects": [{"no": n, "offset_min": n // 3, "to_agency": "HY-WJW",
                     "message": f"第{n:03d}号情景：某点位报告新增病例",
                     "sender": "石鼓区疾控中心"} for n in range(1, 201)],
        "expects": [{"inject": 1, "action": "report", "within_min": 15, "text": texts["expect"],
                     "objective": "O1"}],
    }  # fmt: skip
    plan["injects"][0].update(message=texts["first inject"], sender=texts["sender"])
    plan["injects"][-1]["message"] = texts["last inject"]
    drill = plan_drill(demo_db, plan, name=texts["name"], scenario=texts["scenario"])
    held = records.detail(demo_db, drill["id"])
    assert held["name"] == texts["name"] and held["scenario"] == texts["scenario"]
    box = start(demo_db, drill)
    try:
        assert len(injects.fired(box, drill["id"])) == 200
        for n, kind in enumerate(KINDS):
            texts[f"strength {n}"] = made(kind, 4_000, f"GOOD{n}")
            texts[f"area {n}"] = made(kind, 4_000, f"BAD{n}")
            evaluation.observe(box, CTX, drill["id"], "strength", texts[f"strength {n}"], "O1")
            evaluation.observe(box, CTX, drill["id"], "improvement", texts[f"area {n}"])
        texts["rating"] = made("run", 2_000, "RATING")
        evaluation.rate(box, CTX, drill["id"], "O1", "U", texts["rating"])
        texts["mark"] = made("prose", 2_000, "MARK")
        evaluation.mark(box, CTX, drill["id"], "1.1", "late", texts["mark"])
        for n, kind in enumerate(KINDS):
            given = {"issue": made(kind, 2_000, f"ISSUE{n}"),
                     "action": made(kind, 2_000, f"ACTION{n}"),
                     "note": made(kind, 2_000, f"NOTE{n}"), "agency": "HY-WJW"}  # fmt: skip
            improvements.add(box, CTX, drill["id"], given)
            texts |= {f"{k} {n}": v for k, v in given.items() if k != "agency"}
        sandbox.end(demo_db, CTX, drill["id"])
        i18n.set_language(language)
        result = after_action.render(box, drill["number"], tmp_path / "long.pdf")
    finally:
        i18n.set_language("zh_CN")
        box.close()
    read = check(result, texts, 200)
    marked_on_every_page(result.path, result.pages)
    if language == "en":
        header, heading = "DrilltimeEventkindEventFrom→to/by", "4.Timelineofthedrill"
    else:
        header, heading = "演练时间类型事项发出→接收／执行人", "四、演练过程时间线"
    texts_of = [squeeze("".join(w[4] for w in body_words(height, words)))
                for _, height, words in read]  # fmt: skip
    first = next(n for n, page in enumerate(texts_of, 1) if heading in page)
    last = max(n for n, page in enumerate(texts_of, 1) if "号情景：某点位" in page)
    assert last - first >= 3  # 200 rows over several pages
    for n in range(first, last + 1):  # the header row repeated on every page of the time line
        assert header in texts_of[n - 1], n
    everything = "".join(texts_of)
    at = [everything.index(f"第{n:03d}号情景") for n in range(2, 200)]
    assert at == sorted(at)  # every inject, in order
