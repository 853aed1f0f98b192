"""The incident documents with every long field at its cap: each renders completely, in
Chinese and in English, whatever the text is made of — sentences, one unbroken run of
characters (Chinese or Latin, no space anywhere), many line breaks. Nothing is lost (the
end of every long text is in the PDF), nothing is drawn outside the page, and no page but
the last is left mostly empty (a heading waits for the start of its text, never for all
of it)."""

import html
import re
import subprocess
from types import SimpleNamespace

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from desktop.core import i18n, incidents
from desktop.core.incidents import journal, records, reports, tasks
from desktop.core.roster import agencies
from desktop.documents import (
    assignment_list,
    fonts,
    incident_log,
    incident_report,
    incident_summary,
    layout,
)
from tests.documents.test_incident_documents import CTX, new_incident
from tests.helpers.pdf import tool

# the caps of the core (desktop/core/incidents/records.py, reports.py, tasks.py, journal.py)
TITLE, PLACE, COMMANDER, PHONE = 200, 500, 100, 40
DESCRIPTION = NOTES = REPORT_TEXT = 20_000
REPORT_TITLE, UNIT, SIGNER = 200, 200, 100
TASK_NOTE, ENTRY = 2_000, 4_000
KINDS = ("prose", "run", "latin", "lines")  # the last only where line breaks are allowed
RUN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东南西北中"  # no 演示数据
TAIL = 30  # characters of the end of a text that must be found


def made(kind: str, size: int, mark: str) -> str:
    """A text of exactly `size` characters of a kind, ending with END{mark} (unique)."""
    end = f"END{mark}"
    if kind == "prose":
        body = "".join(f"第{n:04d}句：对病例居住地、工作场所开展终末消毒并评价效果。"
                       for n in range(size // 20 + 1))  # fmt: skip
    elif kind == "run":
        body = RUN * (size // len(RUN) + 1)
    elif kind == "latin":
        body = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * (size // 36 + 1)
    elif kind == "lines":
        body = "".join(f"第{n:04d}行\n" + ("\n" if n % 7 == 0 else "") for n in range(size // 6))
    else:  # words, with characters that must be escaped
        body = "".join(f"Site {n} disinfected <ok> & checked; " for n in range(size // 30 + 1))
    head = body[: size - len(end)].rstrip()  # the core strips white space at the ends
    return head + "X" * (size - len(end) - len(head)) + end


def phone() -> str:
    """A phone at its cap: digits, spaces, + - and brackets."""
    value = "+86 (0734) 8888-1234 139-0734-0000 98765"
    assert len(value) == PHONE
    return value


# ---------------------------------------------------------------- reading the PDF


def pages(pdf) -> list[tuple[float, float, list]]:
    """Each page's width, height and words (x0, y0, x1, y1, text) in the order drawn."""
    raw = subprocess.run(
        [tool("pdftotext"), "-raw", "-bbox", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    out = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', raw, re.S):
        words = [
            (float(a), float(b), float(c), float(d), html.unescape(w))
            for a, b, c, d, w in re.findall(
                r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">'
                r"(.*?)</word>",
                page.group(3),
            )
        ]
        out.append((float(page.group(1)), float(page.group(2)), words))
    return out


def printed(words) -> list:
    """The words but the demonstration watermark (its letters are some 115 pt tall)."""
    return [w for w in words if w[3] - w[1] < 40]


def body_words(height: float, words) -> list:
    """The words of the frame: not the running header, not the footer."""
    top, bottom = layout.MARGIN_TOP - 2, height - layout.MARGIN_BOTTOM + 2
    return [w for w in printed(words) if w[1] >= top and w[3] <= bottom]


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def body(pdf, page: int | None = None) -> str:
    """The text of the frames (of one page, or all), white space left out, in drawn order:
    a text continued on the next page reads on without the page's header and footer."""
    read = pages(pdf)
    chosen = [read[page - 1]] if page else read
    return squeeze("".join(w[4] for _, height, words in chosen for w in body_words(height, words)))


def columns(read) -> list[str]:
    """The text of each column of the frames (words starting at one x), in drawn order:
    the parts of a long table cell read on here when the cells beside it are long too
    (the drawn order goes from cell to cell)."""
    found: dict[int, list[str]] = {}
    for _, height, words in read:
        for word in body_words(height, words):
            found.setdefault(round(word[0]), []).append(word[4])
    return [squeeze("".join(column)) for column in found.values()]


def check(result, texts: dict[str, str], most_pages: int) -> list:
    """Every text's end printed, every word inside the margins (but a Chinese full stop
    hanging at the end of a line), every page but the last filled at least to 40% of the
    frame (nothing left empty waiting for something long)."""
    read = pages(result.path)
    assert len(read) == result.pages and 1 <= result.pages <= most_pages, result.pages
    everything = body(result.path)
    for name, value in texts.items():
        tail = squeeze(value)[-TAIL:]
        if tail not in everything:
            assert any(tail in column for column in columns(read)), f"{name} lost: {tail}"
    frame = layout.PAGE_HEIGHT - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
    hanging = 12  # points: a punctuation mark never begins a line in Chinese
    for n, (width, height, words) in enumerate(read, 1):
        for x0, y0, x1, y1, word in printed(words):
            assert x0 >= layout.MARGIN_X - hanging / 2, (n, word)  # centred, a mark hanging
            assert x1 <= width - layout.MARGIN_X + hanging, (n, word)
            assert y0 >= 0 and y1 <= height, (n, word)
        if n < len(read):
            lowest = max((w[3] for w in body_words(height, words)), default=0)
            assert lowest - layout.MARGIN_TOP >= 0.4 * frame, f"page {n} left mostly empty"
    return read


@pytest.fixture(params=["zh_CN", "en"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("zh_CN")


def capped_incident(db, kind: str, grade: str = "III") -> tuple[dict, dict]:
    """An incident with every text at its cap; the description of the kind given."""
    line = "prose" if kind == "lines" else kind  # one-line fields take no line break
    texts = {
        "title": made("run" if kind == "prose" else line, TITLE, "TITLE"),
        "place": made(line, PLACE, "PLACE"),
        "commander": made(line, COMMANDER, "CMDR"),
        "commander_phone": phone(),
        "description": made(kind, DESCRIPTION, "DESC"),
        "notes": made(kind, NOTES, "NOTES"),
    }
    incident = new_incident(db, grade=grade, **texts)
    held = records.detail(db, incident["id"])
    for name, value in texts.items():
        assert held[name] == value, name  # stored whole: the core took it at its cap
    return incident, texts


# ---------------------------------------------------------------- the summary report


@pytest.mark.parametrize("kind", KINDS)
def test_a_summary_with_every_text_at_its_cap_prints_whole(demo_db, tmp_path, language, kind):
    incident, texts = capped_incident(demo_db, kind)
    incidents.activate(demo_db, CTX, incident["id"], "PB-EID")
    reason = made(kind, 500, "REASON")
    incidents.escalate(demo_db, CTX, incident["id"], "II", reason)
    result = incident_summary.render(demo_db, incident["number"], tmp_path / "summary.pdf")
    del texts["notes"]  # the summary does not print the notes
    most = 70 if kind == "lines" else 25
    check(result, {**texts, "reason": reason}, most)
    first = body(result.path, 1)
    assert squeeze(texts["description"])[:TAIL] in first  # the description begins on page 1


# ---------------------------------------------------------------- the information report


def capped_report(db, kind: str) -> tuple[dict, dict]:
    incident, _ = capped_incident(db, "prose" if kind == "lines" else kind)
    line = "prose" if kind == "lines" else kind
    texts = {
        "title": made(line, REPORT_TITLE, "RTITLE"),
        "from_unit": made(line, UNIT, "FROM"),
        "to_unit": made(line, UNIT, "TO"),
        "signer": made(line, SIGNER, "SIGNER"),
        "summary": made(kind, REPORT_TEXT, "SUMMARY"),
        "measures": made(kind, REPORT_TEXT, "MEASURES"),
        "next_steps": made(kind, REPORT_TEXT, "NEXT"),
    }
    report = reports.add(db, CTX, incident["id"], "first", texts)
    for name, value in texts.items():
        assert report[name] == value, name
    return report, texts


@pytest.mark.parametrize("kind", KINDS)
def test_a_report_with_every_text_at_its_cap_prints_whole(demo_db, tmp_path, language, kind):
    report, texts = capped_report(demo_db, kind)
    result = incident_report.render(demo_db, report["number"], tmp_path / "report.pdf")
    check(result, texts, 300 if kind == "lines" else 60)
    first = body(result.path, 1)
    # the summary starts under its heading on page 1: the heading waits for no more
    heading = "1.Overviewoftheincident" if language == "en" else "一、事件概况"
    assert heading + squeeze(texts["summary"])[:TAIL] in first
    last = body(result.path, result.pages)
    signed = "Signedby:" if language == "en" else "签发人："
    assert signed + squeeze(texts["signer"]) in last  # never alone: with the end of the text
    assert squeeze(texts["next_steps"])[-TAIL:] in last


def test_a_report_title_longer_than_a_page_wraps_over_pages(demo_db, tmp_path, monkeypatch):
    """Below the cap nothing this long is stored; the layout itself loses nothing."""
    incident = new_incident(demo_db)
    report = reports.add(demo_db, CTX, incident["id"], "first", {"signer": "李卫东"})
    title = made("run", 6_000, "HUGE")
    monkeypatch.setattr(incident_report, "_title", lambda report, incident: title)
    result = incident_report.render(demo_db, report["number"], tmp_path / "title.pdf")
    check(result, {"title": title}, 10)
    assert squeeze(title)[:TAIL] in body(result.path, 1)


# ---------------------------------------------------------------- the 大事记


def test_a_log_of_300_entries_at_their_cap_prints_every_one_whole(demo_db, tmp_path):
    incident, texts = capped_incident(demo_db, "prose")
    held = records.get(demo_db, incident["id"])
    entries = {}
    for n in range(300):
        kind = ("prose", "run", "latin", "lines", "words")[n % 5]
        entries[f"entry {n}"] = made(kind, ENTRY, f"E{n:03d}")
        journal.add(demo_db, CTX, held, entries[f"entry {n}"])
    result = incident_log.render(demo_db, incident["number"], tmp_path / "log.pdf")
    read = check(result, {"title": texts["title"], **entries}, 1_500)
    for n, (_, _, words) in enumerate(read[1:], 2):  # the header row on every page
        assert {"序号", "事项", "记录人"} <= {w[4] for w in words}, n


@pytest.mark.parametrize("kind", ("run", "latin", "lines", "words"))
def test_a_log_entry_at_its_cap_prints_whole_in_english(demo_db, tmp_path, kind):
    incident, texts = capped_incident(demo_db, kind)
    held = records.get(demo_db, incident["id"])
    entries = {f"entry {n}": made(kind, ENTRY, f"E{n:03d}") for n in range(6)}
    for entry in entries.values():
        journal.add(demo_db, CTX, held, entry)
    try:
        i18n.set_language("en")
        result = incident_log.render(demo_db, incident["number"], tmp_path / "log.pdf")
    finally:
        i18n.set_language("zh_CN")
    check(result, {"title": texts["title"], **entries}, 100)


# ---------------------------------------------------------------- the assignment list


@pytest.mark.parametrize("kind", ("prose", "run", "latin"))
def test_an_assignment_list_with_long_texts_prints_whole(demo_db, tmp_path, language, kind):
    incident, texts = capped_incident(demo_db, kind, grade="I")
    incidents.activate(demo_db, CTX, incident["id"], "PB-EID")
    incidents.draft_orders(demo_db, CTX, incident["id"])
    agency = {"name": made(kind, 200, "AGENCY"), "contact": made(kind, 100, "CONTACT")}
    agencies.save_agency(demo_db, CTX, agency, agencies.agency_by_code(demo_db, "HY-WJW")["id"])
    mine = tasks.listing(demo_db, incident["id"], agency="HY-WJW")
    assert len(mine) >= 8
    notes = {}
    for n, task in enumerate(mine):
        note = made(("prose", "run", "latin", "lines", "words")[n % 5], TASK_NOTE, f"N{n}")
        tasks.set_status(demo_db, CTX, task["id"], "in_progress", note=note)
        notes[f"note {n}"] = note
    texts.pop("description"), texts.pop("notes")  # the list does not print them
    result = assignment_list.render(demo_db, incident["number"], "HY-WJW", tmp_path / "a.pdf")
    check(result, {**texts, **agency, **notes}, 40)


# ---------------------------------------------------------------- the page machinery


def cell_style():
    font = fonts.cjk_font().name
    return ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")


def test_a_title_a_table_cell_and_a_kept_heading_longer_than_a_page_flow_over_pages(tmp_path):
    """What any document may hold: a Title, grid cells and a heading kept with the start of
    a paragraph, each longer than a page; running header and footer cut to fit."""
    font, style = fonts.cjk_font().name, cell_style()
    kinds = {"title": "run", "cell": "lines", "other": "latin", "text": "prose"}
    texts = {name: made(kind, 12_000, name.upper()) for name, kind in kinds.items()}
    rows = [["标签", Paragraph(texts["cell"].replace("\n", "<br/>"), style)],
            ["标签", Paragraph(texts["other"], style)]]  # fmt: skip
    story = [
        layout.Title(texts["title"], font, 16),
        layout.grid(rows, (30, 150), font, centred=(0,)),
        layout.Keep([layout.Title("标题", font, 12), Paragraph(texts["text"], style)], 1),
    ]
    section = layout.Section(heading="很长的标题" * 60, footer=("站" * 80, "打印时间"),
                             reference=("编号" * 60, "单位" * 60))  # fmt: skip
    path = tmp_path / "flow.pdf"
    count = layout.SectionedDoc(str(path), font).build_sections([(section, story)])
    check(SimpleNamespace(path=path, pages=count), texts, 60)
    header = squeeze("".join(w[4] for w in printed(pages(path)[1][2]) if w[3] < 40))
    assert header.startswith("很长的标题很长") and header.endswith("…（续）")


def test_only_rows_taller_than_a_piece_are_cut():
    font, style = fonts.cjk_font().name, cell_style()
    short = [["a", Paragraph("短文本", style)], ["b", Paragraph("<br/>".join(["一行"] * 6), style)]]
    assert len(layout.grid(short, (30, 150), font)._cellvalues) == 2  # as built
    long = [["a", Paragraph("<br/>".join(["一行"] * 200), style)], ["b", "c"]]
    cut = layout.grid(long, (30, 150), font)._cellvalues
    assert len(cut) > 10 and cut[0][0] == "a" and cut[1][0] == "" and cut[-1] == ["b", "c"]
