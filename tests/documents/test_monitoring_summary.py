"""The monitoring summary report (长期监测总结报告): built through the monitoring core on a
demo database, read back as pdftotext reads it — every section, the figures of coverage
and results, abnormal findings naming people only by masked names (no ID number, phone or
full name anywhere), English labels, the cohort and period filters, empty sections said in
a sentence, refusals that write nothing, and long texts printed whole."""

import html
import re
import subprocess
from datetime import timedelta

import pytest

from desktop.core import i18n, incidents, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.monitoring import people, personal, report, results, schedules, sites
from desktop.documents import layout, monitoring_summary
from tests.helpers.pdf import text, tool

CTX = Ctx("os:analyst")
TODAY = values.now().date()
PLAN = "《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》三（六）三"
# name, cohort, phone, days since exposure
PEOPLE = [
    ("张小明", "密切接触者", "13807341234", 6),
    ("李华", "密切接触者", "0734-8221 5678", 6),
    ("王芳芳", "密切接触者", "", 6),
    ("周建国", "处置人员", "13974001122", None),
    ("孙丽", "康复患者", "15073409876", None),
]


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def an_id(seq: int) -> str:
    first = f"430422198{seq % 10}0315{seq:03d}"
    return first + personal.check_character(first)


def squeezed(pdf) -> str:
    """The text in the order drawn (a table row reads cell by cell), without white space."""
    raw = subprocess.run([tool("pdftotext"), "-raw", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return re.sub(r"\s+", "", raw)


def new_incident(db, title: str = "某县生物恐怖袭击事件") -> dict:
    return incidents.create(db, CTX, {"title": title, "hazard": "bioterror", "grade": "II",
                                      "division": "430422", "exposed": 40})  # fmt: skip


def record(db, schedule: str, subject: str, days: int, value: str, **given) -> dict:
    check = schedules.token(schedule, subject, TODAY - timedelta(days=days))
    return results.record(db, CTX, check, value, **given)


@pytest.fixture
def monitored(demo_db) -> dict:
    """Three close contacts followed for temperature (two abnormal readings, one handled;
    today's reading of one missing), a responder's symptom checks ended early (one missing)
    and lost to follow-up later, a released recovered patient, a water intake sampled weekly
    (one abnormal finding, today's sample missing), a soil site, two recommendations."""
    incident = new_incident(demo_db)
    number = incident["number"]
    ids = {}
    for seq, (name, cohort, phone, exposed) in enumerate(PEOPLE, 1):
        given = {"name": name, "id_number": an_id(seq), "phone": phone, "cohort": cohort,
                 "division": "430422", "exposed_on": ago(exposed) if exposed else None}  # fmt: skip
        ids[name] = people.add(demo_db, CTX, number, given)["id"]
    people.set_status(demo_db, CTX, ids["孙丽"], "已解除")
    water = sites.add(demo_db, CTX, number, {"kind": "水体", "place": "湘江东洲取水口",
                                             "division": "430422", "latitude": "26.8935",
                                             "longitude": "112.6012"})["id"]  # fmt: skip
    sites.add(demo_db, CTX, number, {"kind": "土壤", "place": "袭击现场东侧农田",
                                     "division": "430422", "agency": "HY-NYJ"})  # fmt: skip
    fever = schedules.add(demo_db, CTX, number, {
        "cohort": "密切接触者", "measure": "体温", "unit": "℃", "every_days": 1,
        "for_days": 21, "start_on": ago(10), "normal_max": 37.2})["id"]  # fmt: skip
    for name in ("张小明", "李华", "王芳芳"):
        for days in range(7):  # from the exposure six days ago to today
            if (name, days) == ("王芳芳", 0):
                continue  # today's reading not in yet
            value = {("张小明", 5): "38.6", ("李华", 1): "37.9"}.get((name, days), "36.5")
            note = {"38.6": "伴咳嗽、乏力", "37.9": "自述午后低热"}.get(value, "")
            record(demo_db, fever, ids[name], days, value, note=note)
    [handled] = [a for a in results.alerts(demo_db, number) if a["value"] == "37.9"]
    results.handle(demo_db, CTX, handled["id"], "已上门复查，体温恢复正常")
    symptoms = schedules.add(demo_db, CTX, number, {
        "cohort": "处置人员", "measure": "症状", "every_days": 1, "for_days": 14,
        "start_on": ago(8)})["id"]  # fmt: skip
    schedules.end(demo_db, CTX, symptoms, "处置人员隔离期满，专家组建议终止", on=ago(4))
    for days in (8, 7, 5, 4):  # six days ago missed
        record(demo_db, symptoms, ids["周建国"], days, "无症状")
    people.set_status(demo_db, CTX, ids["周建国"], "失访", "调离本市，电话停机")
    samples = schedules.add(demo_db, CTX, number, {
        "site": water, "measure": "水样检测", "every_days": 7, "for_days": 183,
        "start_on": ago(14)})["id"]  # fmt: skip
    record(demo_db, samples, water, 14, "未检出")
    record(demo_db, samples, water, 7, "检出", abnormal=True, note="检出炭疽芽孢杆菌核酸")
    report.recommend(demo_db, CTX, number, "建议水样检测继续按周开展至满六个月。")
    report.recommend(demo_db, CTX, number, "密切接触者医学观察延长 7 天。", cohort="密切接触者")
    return {"number": number, "title": "某县生物恐怖袭击事件", "db": demo_db}


def render(monitored, path, **given):
    return monitoring_summary.render(monitored["db"], monitored["number"], path, **given)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


# ---------------------------------------------------------------- what it says


def test_the_report_says_each_section(monitored, tmp_path):
    result = render(monitored, tmp_path / "m.pdf")
    read = squeezed(result.path)
    assert result.pages >= 1 and result.path.exists()
    heading = ["长期监测总结报告", monitored["title"], f"事件编号：{monitored['number']}",
               f"监测期间：{ago(14)}至{TODAY.isoformat()}"]  # fmt: skip
    assert "".join(heading) in read
    # 一: the incident, the period, the plan, people per cohort and status, the sites
    for part in (
        "一、监测概况", f"监测期间{ago(14)}至{TODAY.isoformat()}监测人群全部人群和点位",
        "监测状态进行中（3项监测计划中的2项）",
        f"依据{PLAN}：由市生态环境局、市卫生健康委牵头",
        "监测人员监测人群监测中已解除失访转诊合计",
        "密切接触者30003", "处置人员00101", "康复患者01001", "合计31105",
        "采样点位", "1水体湘江东洲取水口衡南县26.8935,112.6012市生态环境局",
        "2土壤袭击现场东侧农田衡南县—市农业农村局",
    ):  # fmt: skip
        assert part in read, part
    # 二: per schedule, due / done / missing / coverage and the state (with an end's reason)
    for part in (
        "二、监测覆盖情况",
        "体温密切接触者市卫生健康委每1天1次共21天32120195.2%进行中",
        "症状处置人员市卫生健康委每1天1次共14天154180%提前终止原因：处置人员隔离期满",
        "水样检测水体：湘江东洲取水口市生态环境局每7天1次共183天132166.7%进行中",
        "合计29263",
    ):  # fmt: skip
        assert part in read, part
    # 三: results, normal / abnormal, the range of numbers with their unit
    assert "期间共记录监测结果26条，其中异常3条。" in read
    for part in ("体温密切接触者20182" + "36.5°C–38.6°C", "症状处置人员440—",
                 "水样检测水体：湘江东洲取水口211—"):  # fmt: skip
        assert part in read, part
    # 四: each abnormal result, by date, a person by a masked name; handled or not
    assert "四、异常发现异常结果3条：已处置1条，未处置2条。" in read
    for part in (
        f"1{ago(7)}湘江东洲取水口水样检测检出检出炭疽芽孢杆菌核酸未处置",
        f"2{ago(5)}张**体温38.6°C伴咳嗽、乏力未处置",
        f"3{ago(1)}李*体温37.9°C自述午后低热已处置：已上门复查，体温恢复正常",
    ):
        assert part in read, part
    # 五: the recommendations with who entered them; the analyst's signature
    for part in (
        "五、分析与建议",
        "1.建议水样检测继续按周开展至满六个月。录入人：os:analyst",
        "2.密切接触者医学观察延长7天。",
        "监测人群：密切接触者",
        "分析人（签名）：",
    ):
        assert part in read, part
    assert read.index("一、") < read.index("二、") < read.index("三、") < read.index("四、") \
        < read.index("五、") < read.index("分析人（签名）")  # fmt: skip


def test_no_id_number_phone_or_full_name_is_printed(monitored, tmp_path):
    result = render(monitored, tmp_path / "m.pdf")
    read = squeezed(result.path)
    meta = subprocess.run([tool("pdfinfo"), str(result.path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for seq, (name, _, phone, _) in enumerate(PEOPLE, 1):
        for shown in (read, re.sub(r"\s+", "", meta)):
            assert an_id(seq) not in shown and an_id(seq)[6:14] not in shown
            assert personal.mask_id(an_id(seq)) not in shown
            assert not phone or re.sub(r"\D", "", phone) not in re.sub(r"\D", "", shown)
            assert name not in shown  # 张** at most
    assert "张**" in read and "李*" in read


def test_the_demo_imprint_marks_every_page(monitored, tmp_path):
    result = render(monitored, tmp_path / "m.pdf")
    for page in range(1, result.pages + 1):
        read = text(result.path, page)
        assert "【演示数据】" in read and f"第 {page} 页 共 {result.pages} 页" in read
    marked = {n for n, word in tall_words(result.path) if word == "演"}
    assert marked == set(range(1, result.pages + 1))  # the diagonal watermark on each page


def test_a_station_of_record_prints_without_the_demo_marks(fresh_db, tmp_path):
    incident = new_incident(fresh_db)
    result = monitoring_summary.render(fresh_db, incident["number"], tmp_path / "m.pdf")
    read = text(result.path)
    assert "演示" not in read and "测试站" in read


def test_labels_are_in_english_under_english(monitored, tmp_path, english):
    read = squeezed(render(monitored, tmp_path / "m.pdf").path)
    for part in (
        "长期监测总结报告", "Long-termmonitoringsummaryreport", "1.Overviewofthemonitoring",
        "Thecity'splan《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》,三（六）三",
        "HengyangMunicipalBureauofEcologyandEnvironment", "Peoplefollowed", "Closecontacts",
        "Lostto", "Samplingsites", "2.Coverage", "Endedearly", "Reason:处置人员隔离期满",
        "Every1day(s)for21days", "3.Results", "26result(s)recordedintheperiod",
        "4.Abnormalfindings", "Handled:已上门复查", "Nothandledyet",
        "5.Analysisandrecommendations", "Analyst(signature):", "Page1of",
    ):  # fmt: skip
        assert part in read, part
    for chinese in ("监测概况", "覆盖率", "异常发现", "分析人", "已处置", "进行中", "第1页"):
        assert chinese not in read, chinese


def test_one_cohort(monitored, tmp_path):
    read = squeezed(render(monitored, tmp_path / "m.pdf", cohort="close_contact").path)
    assert "监测人群：密切接触者" in read and "监测人群密切接触者" in read
    assert "体温密切接触者" in read and "水样检测水体" not in read and "症状" not in read
    assert "密切接触者30003" in read and "处置人员" not in read and "康复患者" not in read
    assert "本报告仅针对一个监测人群，不含环境采样点位。" in read and "湘江东洲" not in read
    assert "异常结果2条：已处置1条，未处置1条。" in read and "检出炭疽" not in read
    # the recommendations for all and for this cohort
    assert "建议水样检测继续按周开展" in read and "医学观察延长7天" in read


def test_a_period(monitored, tmp_path):
    start, end = ago(6), ago(2)
    result = render(monitored, tmp_path / "m.pdf", start=start, end=TODAY - timedelta(days=2))
    read = squeezed(result.path)
    assert f"监测期间：{start}至{end}" in read
    # temperature: three people, five days each, all recorded; symptoms: 6 to 4 days ago
    assert "体温密切接触者市卫生健康委每1天1次共21天315150100%" in read
    assert "症状处置人员市卫生健康委每1天1次共14天132166.7%提前终止" in read
    assert f"1{ago(5)}张**体温38.6°C" in read and "李*" not in read and "检出炭疽" not in read
    assert "异常结果1条：已处置0条，未处置1条。" in read


def test_empty_sections_say_so(demo_db, tmp_path):
    incident = new_incident(demo_db, "尚未开展监测的事件")
    result = monitoring_summary.render(demo_db, incident["number"], tmp_path / "m.pdf")
    read = squeezed(result.path)
    for sentence in (
        "监测状态尚无监测计划",
        "尚无监测人员。",
        "尚未设置环境采样点位。",
        "二、监测覆盖情况尚未制定监测计划。",
        "三、监测结果尚未制定监测计划，没有监测结果。",
        "四、异常发现期间未发现异常结果。",
        "分析人员尚未录入分析与建议。",
        "分析人（签名）：",
    ):
        assert sentence in read, sentence
    assert result.pages == 1


@pytest.mark.parametrize(
    "given, words",
    [
        ({"start": "2026-13-45"}, "监测期间起"),
        ({"end": "next week"}, "监测期间止"),
        ({"start": "x" * 100_000}, "监测期间起"),
        ({"start": TODAY + timedelta(days=3)}, "晚于截止日"),
        ({"start": ago(3), "end": ago(5)}, "晚于截止日"),
        ({"cohort": "friends"}, "friends"),
        ({"incident_ref": "SJ-NOPE-1"}, "SJ-NOPE-1"),
    ],
)
def test_refusals_name_their_cause_and_write_nothing(monitored, tmp_path, given, words):
    folder = tmp_path / "out"
    folder.mkdir()
    ref = given.pop("incident_ref", monitored["number"])
    with pytest.raises(BioError, match=words):
        monitoring_summary.render(monitored["db"], ref, folder / "m.pdf", **given)
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_is_refused(monitored, tmp_path):
    with pytest.raises(BioError, match="Cannot write|无法写入"):
        render(monitored, tmp_path / "missing" / "m.pdf")


# ---------------------------------------------------------------- long texts


def bboxes(pdf):
    """Each word as (page, x0, y0, x1, y1, text, page width, page height)."""
    raw = subprocess.run([tool("pdftotext"), "-raw", "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    pattern = r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)<'
    pages = re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', raw, re.S)
    for n, page in enumerate(pages, 1):
        width, height = float(page.group(1)), float(page.group(2))
        for box in re.findall(pattern, page.group(3)):
            x0, y0, x1, y1 = map(float, box[:4])
            yield n, x0, y0, x1, y1, html.unescape(box[4]), width, height


def tall_words(pdf) -> list[tuple[int, str]]:
    """The watermark's letters (some 115 pt tall) with their page."""
    return [(b[0], b[5]) for b in bboxes(pdf) if b[4] - b[2] >= 40]


def frames(pdf, pages: int) -> str:
    """The text of the pages' frames in drawn order without white space (no running
    header, footer or watermark), with a check that nothing is drawn outside the margins
    and that no page but the last is left mostly empty (a heading waits for the start of
    a long text, not for all of it)."""
    frame = layout.PAGE_HEIGHT - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
    lowest = dict.fromkeys(range(1, pages + 1), 0.0)
    out = []
    for n, x0, y0, x1, y1, word, width, height in bboxes(pdf):
        if y1 - y0 >= 40:
            continue
        assert layout.MARGIN_X - 6 <= x0 and x1 <= width - layout.MARGIN_X + 12, (n, word)
        if y0 >= layout.MARGIN_TOP - 2 and y1 <= height - layout.MARGIN_BOTTOM + 2:
            out.append(word)
            lowest[n] = max(lowest[n], y1)
    for n in range(1, pages):
        assert lowest[n] - layout.MARGIN_TOP >= 0.4 * frame, f"page {n} left mostly empty"
    return re.sub(r"\s+", "", "".join(out))


PATTERNS = {
    "prose": "对密切接触者延长医学观察，加强体温监测，发现异常及时复查并转诊。",
    "run": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东南西北中",
    "latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "lines": "第一行建议\n\n第二行",
}


def long_text(kind: str, size: int, end: str) -> str:
    """A text of `size` characters of a kind (sentences, an unbroken run of Chinese or
    Latin, many line breaks), ending with `end`."""
    body = PATTERNS[kind] * (size // len(PATTERNS[kind]) + 1)
    return body[: size - len(end)] + end


@pytest.fixture(params=["zh_CN", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("zh_CN")


@pytest.mark.parametrize("kind", PATTERNS)
def test_recommendations_at_their_cap_print_whole(monitored, tmp_path, language, kind):
    db, number = monitored["db"], monitored["number"]
    made = [long_text(kind, 10_000, f"END{n}") for n in range(2)]
    for said in made:
        report.recommend(db, CTX, number, said)
    result = render(monitored, tmp_path / "m.pdf")
    assert 4 <= result.pages <= (160 if kind == "lines" else 25)
    read = frames(result.path, result.pages)
    english = language == "en"
    heading = "5.Analysisandrecommendations" if english else "五、分析与建议"
    assert heading + "1.建议水样检测" in read  # the monitored incident's two, then these
    assert read.index("END0") < read.index("END1")
    assert "3." + re.sub(r"\s+", "", made[0])[:20] in read
    signed = "Analyst(signature):" if english else "分析人（签名）："
    assert read.endswith(signed + ("Date:" if english else "日期：年月日"))


@pytest.mark.parametrize("kind, lang", [("run", "zh_CN"), ("latin", "en")])
def test_200_schedules_and_2000_abnormal_findings_print_whole(demo_db, tmp_path, kind, lang):
    """Texts at their caps (a site's place 500, a measure 100, a reason 1,000, a value 200,
    notes 2,000), one long text a row."""
    number = new_incident(demo_db)["number"]
    water = sites.add(demo_db, CTX, number, {"kind": "水体", "place": "湘江东洲取水口",
                                             "division": "430422"})["id"]  # fmt: skip
    place = long_text(kind, 500, "PLACEEND")
    far = sites.add(demo_db, CTX, number, {"kind": "土壤", "place": place,
                                           "division": "430422"})["id"]  # fmt: skip
    ends = {"place": "PLACEEND"}
    made = []
    for n in range(200):
        measure = long_text(kind, 100, f"M{n:03d}END") if n % 50 == 7 else f"指标{n:03d}"
        made.append(schedules.add(demo_db, CTX, number, {
            "site": far if n == 199 else water, "measure": measure, "unit": "mg/L",
            "every_days": 1, "for_days": 30, "start_on": ago(12)})["id"])  # fmt: skip
        if n % 50 == 7:
            ends[f"measure {n}"] = f"M{n:03d}END"
    for n in (3, 120):
        schedules.end(demo_db, CTX, made[n], long_text(kind, 1_000, f"WHY{n}"), on=ago(3))
        ends[f"reason {n}"] = f"WHY{n}"
    for n, schedule in enumerate(made):
        for days in range(3, 13):  # ten days each: 2,000 results
            long = n % 40 == 11 and days == 5
            value = long_text(kind, 200, f"V{n}") if long and n % 80 == 11 else f"{n}.{days}"
            note = long_text(kind, 2_000, f"NOTE{n}") if long and n % 80 != 11 else "超标"
            record(demo_db, schedule, far if n == 199 else water, days, value, abnormal=True,
                   note=note)  # fmt: skip
            if long:
                ends[f"finding {n}"] = f"V{n}" if n % 80 == 11 else f"NOTE{n}"
    i18n.set_language(lang)
    try:
        result = render({"db": demo_db, "number": number}, tmp_path / "m.pdf")
    finally:
        i18n.set_language("zh_CN")
    read = frames(result.path, result.pages)
    for name, end in ends.items():
        assert end in read, name
    assert "2,000abnormalresult(s)" in read or "异常结果2,000条" in read
    assert f"2000{ago(3)}" in read  # the last finding: its number and date
