"""The city plan shipped with the program and references to its clauses: read, refused
with a reason, resolved to the passage with the item to highlight, the agencies named
there, quotes checked word for word; citations in playbooks (参照 with its reason)."""

import hashlib
import json

import pytest

from desktop.core.errors import Invalid
from desktop.core.paths import resource
from desktop.core.playbooks import clauses, plan


def test_the_plan_ships_as_received():
    data = resource("plan", plan.FILE).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == "ca5a8d03f516f1058a187410140066576489ab502111eb743c8bfacdf84dfdfe"
    assert plan.DOCUMENT_NUMBER in data.decode("utf-8")


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("三（六）二", plan.Clause(3, 6, 2)),
        ("三(六)二", plan.Clause(3, 6, 2)),
        (" 三（六）二是 ", plan.Clause(3, 6, 2)),
        ("三（六）", plan.Clause(3, 6)),
        ("四（三）", plan.Clause(4, 3)),
        ("一", plan.Clause(1)),
        ("三（七）五", plan.Clause(3, 7, 5)),
    ],
)
def test_a_reference_is_read_as_section_subsection_item(ref, expected):
    clause = plan.parse(ref)
    assert clause == expected
    assert plan.parse(clause.ref) == clause  # written back alike


@pytest.mark.parametrize(
    "ref, words",
    [
        ("", "为空"),
        ("三（八）", "（一）至（七）"),
        ("三（六）四", "一至三项"),
        ("四（二）一", "不分项"),
        ("五", "一至四部分"),
        ("一（一）", "不分条"),
        ("3.6.2", "不是方案的条款"),
        ("三（六）二三", "不是方案的条款"),
        ("第三条", "不是方案的条款"),
        ("三" * 60, "不是方案的条款"),
        (None, "为空"),
        (36, "为空"),
    ],
)
def test_a_malformed_or_unknown_reference_is_refused_saying_what_the_plan_has(ref, words):
    with pytest.raises(Invalid) as refused:
        plan.parse(ref)
    assert words in str(refused.value)
    with pytest.raises(Invalid):
        plan.passage(ref)


def test_every_reference_resolves_to_its_passage():
    refs = plan.references()
    assert {"一", "三（一）一", "三（六）三", "三（七）五", "四（三）"} <= set(refs)
    for ref in refs:
        passage = plan.passage(ref)
        assert set(passage) == {"ref", "heading", "text", "highlight"}
        start, end = passage["highlight"]
        assert passage["ref"] == ref and 0 <= start < end <= len(passage["text"])
        assert "**" not in passage["text"]


def test_the_passage_is_the_paragraph_with_the_item_to_highlight():
    passage = plan.passage("三（六）二")
    assert passage["text"].startswith("（六）防范生物恐怖袭击与防御生物武器威胁。一是加大防范力度")
    assert passage["heading"].endswith("二是加强救援处置")
    start, end = passage["highlight"]
    item = passage["text"][start:end]
    assert item.startswith("二是加强救援处置。在遭受生物恐怖袭击与生物武器威胁时")
    # the agency list, printed on the next page of the document, belongs to the item
    assert item.endswith("市民政局、市林业局、市市场监督管理局）")
    assert "三是" not in item
    whole = plan.passage("三（六）")
    assert whole["text"] == passage["text"] and whole["highlight"] == (0, len(whole["text"]))


def test_words_split_by_a_page_break_are_joined():
    assert "病原微生物实验室生物安全管理" in plan.passage("二（一）")["text"]
    assert "（市科技局、市卫生健康委、市农业农村局、市林业局）" in plan.cited_text("三（二）三")
    assert plan.cited_text("三（四）二").startswith("二是加强生物资源保护。")  # bold marks gone


def test_the_agencies_named_in_a_clause_in_the_plans_order():
    assert plan.agencies("三（六）二") == [
        "HY-YJJ",
        "HY-WJW",
        "HY-STHJJ",
        "HY-GAJ",
        "HY-NYJ",
        "HY-MZJ",
        "HY-LYJ",
        "HY-SCJGJ",
    ]
    assert plan.agencies("三（六）三") == ["HY-STHJJ", "HY-WJW"]
    assert plan.agencies("三（一）一") == ["COUNTY-WJJ", "HY-WJW"]  # 各县市区卫生健康局
    assert plan.agencies("三（三）二") == [
        "HY-WJW",
        "HY-NYJ",  # 市卫生健康委和农业农村局
        "COUNTY-WJJ",
        "COUNTY-WSJD",
        "COUNTY-NYJ",  # 县市区卫健局及卫生监督机构、兽医主管部门
        "HY-KJJ",
    ]
    assert plan.agencies("二（四）") == ["HY-XTJZ"]  # 市委国家安全生物领域协调机制
    assert plan.agencies("四（三）") == ["HY-WSB", "HY-WJW"]
    assert plan.agencies("四（四）") == []  # 各相关单位


def test_every_agency_the_plan_names_is_a_reference_agency():
    codes = {
        row["code"]
        for row in json.loads(resource("reference", "agencies.json").read_text(encoding="utf-8"))
    }
    assert set(plan.AGENCY_NAMES.values()) <= codes
    for ref in plan.references():
        assert set(plan.agencies(ref)) <= codes, ref


def test_a_quote_is_the_plans_words_verbatim_in_the_cited_clause():
    assert plan.quoted("三（六）二", "环境消毒")
    assert plan.quoted("三（六）三", "长期环境监测和健康监测")
    assert plan.quoted("四（三）", "办理紧急情况下我人员出国（境）相关手续")
    assert not plan.quoted("三（一）一", "环境消毒")  # the words of another clause
    assert not plan.quoted("三（一）一", "长期")
    assert not plan.quoted("三（四）三", "持续监测不少于两年")  # not in the plan at all
    assert not plan.quoted("四（三）", "办理紧急情况下出入境相关手续")  # a paraphrase
    assert not plan.quoted("三（六）二", "  ")
    assert plan.quoted("三（六）", "环境消毒")  # a whole sub-section holds its items' words


def test_citations_read_analogy_and_are_written_alike():
    cited = clauses.citations("三(一)一; 参照 三（六）二；三（一）一")
    assert [str(c) for c in cited] == ["三（一）一", "参照三（六）二"]
    assert [c.analogy for c in cited] == [False, True]
    assert clauses.canonical("三(一)一;参照：三(六)二") == "三（一）一；参照三（六）二"
    with pytest.raises(Invalid) as refused:
        clauses.citations("三（一）一；三（九）", "phases[1].tasks[2].clause")
    assert refused.value.field == "phases[1].tasks[2].clause"
    assert "（九）" in str(refused.value)
    with pytest.raises(Invalid):
        clauses.citations("；".join(["三（一）一"] * 13) + "；" + "x" * 600)


def test_a_task_applying_a_clause_by_analogy_says_why():
    with pytest.raises(Invalid) as refused:
        clauses.clean_task({"clause": "三（一）一；参照三（六）二"})
    assert refused.value.field == "clause_note" and "参照三（六）二" in str(refused.value)
    clean = clauses.clean_task(
        {
            "clause": "三（一）一；参照三（六）二",
            "clause_note": "三（一）一没有写消毒，环境消毒见于三（六）二。",
            "quotes": ["采取相应的防控措施", "环境消毒", "环境消毒", " "],
        }
    )
    assert clean["quotes"] == ["采取相应的防控措施", "环境消毒"]


def test_a_quote_not_in_the_cited_clauses_is_refused_naming_it():
    with pytest.raises(Invalid) as refused:
        clauses.clean_task({"clause": "三（一）一", "quotes": ["环境消毒"]}, "phases[3].tasks[1].")
    assert refused.value.field == "phases[3].tasks[1].quotes"
    assert "环境消毒" in str(refused.value) and "三（一）一" in str(refused.value)
    with pytest.raises(Invalid):
        clauses.clean_task({"clause": "", "quotes": ["环境消毒"]})
    with pytest.raises(Invalid):
        clauses.clean_task({"clause": "三（六）二", "quotes": "环境消毒"})


def test_the_agencies_a_task_names_beyond_its_clauses():
    assert clauses.named_agencies("三（一）一；参照三（六）三") == [
        "COUNTY-WJJ",
        "HY-WJW",
        "HY-STHJJ",
    ]
    assert clauses.unnamed("三（六）三", ["HY-WJW", "HY-NYJ"]) == ["HY-NYJ"]
    assert clauses.unnamed("not a clause", ["HY-WJW"]) == ["HY-WJW"]
    assert clauses.describe("参照三（六）三")[0]["heading"].endswith("三是加强长期监测")
