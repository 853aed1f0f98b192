"""The incident documents: the information report (one page, shrunk a step or continued,
never cut), the assignment list of one agency, the incident summary and the 大事记 — their
text as pdftotext reads it, their page numbers, and the refusals of bad references."""

import re
from datetime import datetime, timedelta

import pytest

from desktop.core import i18n, incidents
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.incidents import journal, needs, records, reports, tasks
from desktop.core.roster import agencies
from desktop.documents import assignment_list, incident_log, incident_report, incident_summary
from desktop.documents.layout import when
from tests.helpers.pdf import text

CTX = Ctx("os:test")


def squeezed(pdf, page: int | None = None) -> str:
    """The text without white space (lines wrap anywhere in Chinese)."""
    return re.sub(r"\s+", "", text(pdf, page))


def new_incident(db, grade: str = "III", hours_ago: float = 0, **given) -> dict:
    fields = {
        "title": "石鼓区某小区聚集性不明原因肺炎",
        "hazard": "infectious_disease",
        "grade": grade,
        "division": "430407",
        "place": "石鼓区人民路某小区",
        "description": "某小区出现聚集性发热病例12例，已排除常见病原。",
        "lead_agency": "HY-WJW",
        "commander": "王建国",
        "commander_phone": "13907340000",
        "exposed": 200,
        "patients": 12,
        "responders": 50,
        "sites": 3,
        "days": 14,
        **given,
    }
    if hours_ago:
        fields["reported_at"] = datetime.now().astimezone() - timedelta(hours=hours_ago)
    return incidents.create(db, CTX, fields)


def first_report(db, incident: dict, **given) -> dict:
    texts = {"measures": "已对病例隔离治疗，对密切接触者实施医学观察。",
             "next_steps": "继续开展流行病学调查和病原检测。", "signer": "李卫东"}  # fmt: skip
    return reports.add(db, CTX, incident["id"], "first", {**texts, **given})


# ---------------------------------------------------------------- the information report


def test_a_report_prints_on_one_page_in_the_government_layout(demo_db, tmp_path):
    incident = new_incident(demo_db)
    report = first_report(demo_db, incident)
    result = incident_report.render(demo_db, report["number"], tmp_path / "report.pdf")
    assert result.pages == 1 and result.warning == ""
    page = text(result.path)
    assert "生物安全事件信息报告" in page and "首次报告" in page and "第 1 期" in page
    for label in ("报告单位", "报告对象", "报告时间", "事件编号", "报告时限", "时限执行",
                  "时限依据", "一、事件概况", "二、已采取措施", "三、下一步工作"):  # fmt: skip
        assert label in page, label
    assert "发现单位" in page and "石鼓区卫生健康主管部门" in page
    assert incident["number"] in page and report["number"] in page
    assert report["title"] in page
    assert "已排除常见病原" in page and "医学观察" in page and "病原检测" in page
    assert "签发人：李卫东" in page
    assert "按时报告" in page
    assert "《突发公共卫生事件应急条例》第二十条：2 小时内" in page
    assert "第 1 页 共 1 页" in page and "打印时间" in page


def test_a_late_report_says_by_how_much(demo_db, tmp_path):
    incident = new_incident(demo_db, hours_ago=5)
    report = first_report(demo_db, incident)
    result = incident_report.render(demo_db, report["id"], tmp_path / "late.pdf")
    page = text(result.path)
    assert re.search(r"逾期 [23] 小时 \d+ 分钟", page), page


def test_a_progress_report_cites_the_reporting_rules(demo_db, tmp_path):
    incident = new_incident(demo_db, grade="II")
    incidents.activate(demo_db, CTX, incident["id"], "PB-EID")
    report = reports.add(demo_db, CTX, incident["id"], "progress", {"signer": "李卫东"})
    result = incident_report.render(demo_db, report["number"], tmp_path / "progress.pdf")
    page = squeezed(result.path)
    assert "进程报告" in page and "第1期" in page
    assert "《国家突发公共卫生事件相关信息报告管理工作规范（试行）》" in page


def paragraphs(count: int, size: int) -> str:
    filler = "对病例居住地、工作场所开展终末消毒并评价效果，" * (size // 24 + 1)
    return "\n".join(f"第{n:03d}段起。{filler[:size]}第{n:03d}段止。" for n in range(count))


def test_a_long_report_is_set_smaller_to_stay_on_one_page(demo_db, tmp_path, monkeypatch):
    incident = new_incident(demo_db)
    report = first_report(demo_db, incident, measures=paragraphs(6, 90))
    fitted = incident_report.render(demo_db, report["number"], tmp_path / "fitted.pdf")
    assert fitted.pages == 1
    page = squeezed(fitted.path)
    for n in range(6):
        assert f"第{n:03d}段起" in page and f"第{n:03d}段止" in page
    assert "签发人：李卫东" in page
    monkeypatch.setattr(incident_report, "BODY_SIZES", (12,))  # the normal size only
    assert incident_report.render(demo_db, report["number"], tmp_path / "12pt.pdf").pages == 2


def test_a_report_too_long_for_one_page_continues_and_loses_nothing(demo_db, tmp_path):
    incident = new_incident(demo_db)
    report = first_report(demo_db, incident, measures=paragraphs(20, 150))
    result = incident_report.render(demo_db, report["number"], tmp_path / "long.pdf")
    assert result.pages >= 2
    everything = squeezed(result.path)
    for n in range(20):
        assert f"第{n:03d}段起" in everything and f"第{n:03d}段止" in everything, n
    assert "三、下一步工作" in everything and "签发人：李卫东" in everything
    second = text(result.path, 2)
    assert re.search(rf"{report['title']}\s+{report['number']}（续）", second)
    assert f"第 2 页 共 {result.pages} 页" in second


def test_a_report_title_wider_than_the_page_wraps(demo_db, tmp_path):
    title = "衡南县某养殖场周边村庄发生不明原因发热伴出血症状聚集性病例并波及相邻乡镇学校"
    incident = new_incident(demo_db, title=title, division="430422")
    report = first_report(demo_db, incident)
    result = incident_report.render(demo_db, report["number"], tmp_path / "title.pdf")
    assert result.pages == 1
    page = re.sub("[演示数据]", "", squeezed(result.path))  # the demo watermark falls between
    assert f"关于{title}的首次报告" in page


def test_a_report_prints_english_labels_in_the_english_interface(demo_db, tmp_path):
    incident = new_incident(demo_db)
    report = first_report(demo_db, incident)
    try:
        i18n.set_language("en")
        result = incident_report.render(demo_db, report["number"], tmp_path / "en.pdf")
    finally:
        i18n.set_language("zh_CN")
    page = text(result.path)
    assert "生物安全事件信息报告" in page  # the form's name stays
    assert "Reporting unit" in page and "Measures taken" in page and "Page 1 of 1" in page


def test_an_unknown_report_is_refused(demo_db, tmp_path):
    with pytest.raises(BioError, match="SJ-NONE-01"):
        incident_report.render(demo_db, "SJ-NONE-01", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


# ---------------------------------------------------------------- the 大事记


def test_the_log_lists_every_entry_with_its_header_on_each_page(demo_db, tmp_path):
    incident = new_incident(demo_db)
    incidents.activate(demo_db, CTX, incident["id"], "PB-EID")
    first_report(demo_db, incident)
    held = records.get(demo_db, incident["id"])
    for n in range(100):
        journal.add(
            demo_db, CTX, held, f"现场指挥部第{n:03d}号记事：" + "消毒组报告进展，" * (n % 5)
        )
    result = incident_log.render(demo_db, incident["number"], tmp_path / "log.pdf")
    entries = journal.entries(demo_db, incident["id"])
    assert len(entries) == 103 and result.pages >= 3
    everything = squeezed(result.path)
    for n in range(100):
        assert f"第{n:03d}号记事" in everything, n
    assert "启动预案" in everything and "信息报告" in everything and "事件登记" in everything
    assert f"共{len(entries)}条" in everything
    for page in range(1, result.pages + 1):
        words = text(result.path, page)
        assert "序号" in words and "事项" in words and "记录人" in words, page
        assert f"第 {page} 页 共 {result.pages} 页" in words
        if page > 1:
            assert f"{incident_log.TITLE}" in words and "（续）" in words
    first_page = text(result.path, 1)
    assert "生物安全事件大事记" in first_page and incident["number"] in first_page
    assert "较大（III级）" in first_page


def test_a_long_entry_continues_over_pages_and_loses_nothing(demo_db, tmp_path):
    incident = new_incident(demo_db)
    entry = "".join(f"第{n:03d}句，各组按要求开展工作并及时报告。" for n in range(180))
    journal.add(demo_db, CTX, records.get(demo_db, incident["id"]), entry)
    result = incident_log.render(demo_db, incident["id"], tmp_path / "long.pdf")
    assert result.pages >= 2
    everything = squeezed(result.path)
    for n in range(180):
        assert f"第{n:03d}句" in everything, n


def test_the_log_of_an_unknown_incident_is_refused(demo_db, tmp_path):
    with pytest.raises(BioError, match="SJ-NONE"):
        incident_log.render(demo_db, "SJ-NONE", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


# ---------------------------------------------------------------- the assignment list


def responding(db, grade: str = "III") -> dict:
    """An incident with the infectious-disease playbook activated and orders drafted."""
    incident = new_incident(db, grade=grade)
    incidents.activate(db, CTX, incident["id"], "PB-EID")
    incidents.draft_orders(db, CTX, incident["id"])
    return incident


def test_an_assignment_list_holds_the_agencys_tasks_only(demo_db, tmp_path):
    incident = responding(demo_db)
    agencies.save_agency(
        demo_db, CTX, {"contact": "周海燕", "duty_phone": "0734-8888123"},
        agencies.agency_by_code(demo_db, "HY-STHJJ")["id"],
    )  # fmt: skip
    result = assignment_list.render(demo_db, incident["number"], "HY-STHJJ", tmp_path / "a.pdf")
    page = text(result.path)
    mine = tasks.listing(demo_db, incident["id"], agency="HY-STHJJ")
    others = [t for t in tasks.listing(demo_db, incident["id"]) if t not in mine]
    assert mine and others
    assert "生物安全事件任务分工单" in page and "衡阳市生态环境局" in page
    for task in mine:
        assert task["title"] in page
        assert when(task["due"]) in page
        for item in task["checklist"]:
            assert f"□ {item}" in page
    for task in others:
        assert task["title"] not in page, task["title"]
    assert "牵头" in page and "周海燕" in page and "0734-8888123" in page
    assert "王建国" in page and "13907340000" in page
    assert (
        incident["number"] in page
        and "较大（III级）" in page
        and "《国家突发公共卫生事件应急预案》" in page
    )
    assert "作业时段" in page and f"至 {when(max(t['due'] for t in mine))}" in page
    for order in needs.incident_orders(demo_db, incident["id"]):
        assert order["number"] in page
    assert f"第 1 页 共 {result.pages} 页" in page


def test_an_assignment_list_says_which_tasks_the_agency_leads_and_which_it_supports(
    demo_db, tmp_path
):
    incident = responding(demo_db)
    mine = tasks.listing(demo_db, incident["id"], agency="HY-WJW")
    supported = [t for t in mine if t["lead_agency"] != "HY-WJW"]
    assert supported and len(supported) < len(mine)
    tasks.set_status(demo_db, CTX, mine[0]["id"], "blocked", note="等待检测试剂到位")
    incidents.dispatch(demo_db, CTX, incident["id"], "贺安澜", task=mine[0]["id"])
    result = assignment_list.render(demo_db, incident["id"], "HY-WJW", tmp_path / "wjw.pdf")
    everything = squeezed(result.path)
    lead = len(mine) - len(supported)
    assert f"本单位牵头任务{lead}项、配合任务{len(supported)}项" in everything
    for task in supported:
        assert f"牵头单位：{task['lead_agency_name']}" in everything
    assert "等待检测试剂到位" in everything and "已派：贺安澜" in everything
    assert "受阻" in everything
    for task in mine:
        assert task["clause"] in everything
    if result.pages > 1:
        assert "（续）" in text(result.path, 2)


def test_an_assignment_list_is_refused_for_an_unknown_agency_or_one_without_tasks(
    demo_db, tmp_path
):
    incident = responding(demo_db)
    target = tmp_path / "none.pdf"
    with pytest.raises(BioError, match="HY-NOPE"):
        assignment_list.render(demo_db, incident["number"], "HY-NOPE", target)
    with pytest.raises(BioError, match="衡阳市国家安全局"):
        assignment_list.render(demo_db, incident["number"], "HY-GAQJ", target)
    with pytest.raises(BioError, match="SJ-NONE"):
        assignment_list.render(demo_db, "SJ-NONE", "HY-WJW", target)
    idle = new_incident(demo_db)  # nothing activated: nobody has a task
    with pytest.raises(BioError, match=idle["number"]):
        assignment_list.render(demo_db, idle["number"], "HY-WJW", target)
    assert not target.exists()


# ---------------------------------------------------------------- the summary report


def worked(db) -> dict:
    """An incident a day into its response: activated 30 hours ago (some tasks overdue),
    a late first report, orders drafted, an expert out, tasks moving, escalated to II."""
    incident = new_incident(db, hours_ago=31)
    incidents.activate(db, CTX, incident["id"], "PB-EID", at=datetime.now().astimezone()
                       - timedelta(hours=30))  # fmt: skip
    first_report(db, incident)
    incidents.draft_orders(db, CTX, incident["id"])
    board = tasks.listing(db, incident["id"])
    incidents.dispatch(db, CTX, incident["id"], "贺安澜", task=board[0]["id"])
    tasks.set_status(db, CTX, board[0]["id"], "done")
    tasks.set_status(db, CTX, board[1]["id"], "in_progress", note="已收治12例")
    incidents.escalate(db, CTX, incident["id"], "II", "病例增至30例，出现死亡病例")
    return incident


def test_the_summary_report_holds_the_whole_record(demo_db, tmp_path):
    incident = worked(demo_db)
    result = incident_summary.render(demo_db, incident["number"], tmp_path / "summary.pdf")
    everything = squeezed(result.path)
    assert "生物安全事件总结报告" in everything and incident["number"] in everything
    headings = ("一、事件信息", "二、级别调整", "三、启动预案", "四、任务完成情况",
                "五、物资需求与调拨", "六、专家派遣", "七、信息报告", "八、大事记摘要")  # fmt: skip
    for heading in headings:
        assert heading in everything, heading
    assert "初始定级：较大（III级）" in everything and "较大（III级）→重大（II级）" in everything
    assert "病例增至30例，出现死亡病例" in everything
    assert "《国家突发公共卫生事件应急预案》" in everything
    assert "PB-EID" in everything and "重大新发突发传染病疫情处置预案" in everything
    board = tasks.listing(demo_db, incident["id"])
    late = [t for t in board if t["overdue"]]
    assert late and f"逾期任务（{len(late)}项）" in everything
    for task in late:
        assert task["title"] in everything
    assert "衡阳市生态环境局" in everything and "合计" in everything
    for need in needs.compute(demo_db, incident["id"]):
        assert f"{need['item_name']}（{need['item']}）" in everything
        assert f"{need['required']:,}" in everything
    for order in needs.incident_orders(demo_db, incident["id"]):
        assert order["number"] in everything
    assert "草稿" in everything
    assert "贺安澜" in everything and "衡阳市疾病预防控制中心" in everything
    assert "已报告1份：按时0份，逾期1份" in everything
    assert "未报告" in everything
    layout = text(result.path)  # a wrapped cell's lines stay apart here
    assert "《突发公共卫生事件应急条例" in layout
    assert re.search(r"第二十条：2 小时内", layout) and re.search(r"第十九条：1 小时内", layout)
    entries = journal.entries(demo_db, incident["id"])
    assert f"共{len(entries)}条记录" in everything and "启动预案" in everything
    assert "编制人（签字）" in everything
    for page in range(1, result.pages + 1):
        assert f"第 {page} 页 共 {result.pages} 页" in text(result.path, page)


def test_the_summary_of_a_new_incident_says_what_is_not_there_yet(demo_db, tmp_path):
    incident = new_incident(demo_db)
    result = incident_summary.render(demo_db, incident["id"], tmp_path / "new.pdf")
    everything = squeezed(result.path)
    assert "尚未启动预案。" in everything and "本事件尚无任务。" in everything
    assert "未派遣专家。" in everything and "本事件尚无调拨单。" in everything
    assert "已报告0份" in everything


def test_the_summary_prints_english_labels_in_the_english_interface(demo_db, tmp_path):
    incident = worked(demo_db)
    try:
        i18n.set_language("en")
        result = incident_summary.render(demo_db, incident["id"], tmp_path / "en.pdf")
    finally:
        i18n.set_language("zh_CN")
    everything = text(result.path)
    assert "生物安全事件总结报告" in everything and "Incident summary report" in everything
    assert "Grade history" in everything and "Information reports" in everything
    assert "Serious (II)" in everything


def test_the_summary_of_an_unknown_incident_is_refused(demo_db, tmp_path):
    with pytest.raises(BioError, match="SJ-NONE"):
        incident_summary.render(demo_db, "SJ-NONE", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
