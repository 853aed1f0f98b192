"""The printed information report (信息报告) of an incident: one A4 page in the usual layout
of a government report.

A masthead and the report's kind and number (首次报告　第 1 期); a bordered block with who
reports to whom and when, the incident's number, the deadline the reporting chain set and
whether it was met, and the deadline's legal basis (《突发公共卫生事件应急条例》第十九、二十条
or the national reporting rules, as reports.schedule cites them); a rule; the report's title,
the addressee, 一、事件概况 二、已采取措施 三、下一步工作; 签发人 and the date at the foot.

A long report is set a step smaller (12 → 11 → 10 pt) to stay on one page; when even that
does not fit, it continues at the normal size on further pages under a running header:
nothing is ever cut. A heading stays with the first lines of its text and the signature
with the last lines, never with all of a long text (which would leave a page empty). The
masthead is the form's fixed Chinese name (like the allocation order's); every other
label is translated (Chinese by default).

    render(db, "SJ-HY-CITY-20261207-001-01", "report.pdf") -> RenderResult
"""

import io
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.core.i18n import current_language, tr
from desktop.core.incidents import reports
from desktop.documents import fonts
from desktop.documents.allocation_order import RenderResult
from desktop.documents.layout import (
    NONE,
    Keep,
    Section,
    SectionedDoc,
    Title,
    grid,
    imprint,
    printable,
    when,
    write_atomically,
)

MASTHEAD = "生物安全事件信息报告"
MASTHEAD_EN = "Biosafety incident information report"
BODY_SIZES = (12, 11, 10)  # pt: the normal size, then a step smaller, then another
LABEL_WIDTHS = {"zh_CN": 22, "en": 30}  # mm: the label columns of the header block


def render(db, report_ref: str, path) -> RenderResult:
    """One information report (by id or number, e.g. SJ-HY-CITY-20261207-001-02) to a PDF."""
    data = reports.document(db, report_ref)
    mark = imprint(db)
    font = fonts.cjk_font()
    report = data["report"]
    section = Section(
        heading=f"{_title(report, data['incident'])}　{report['number']}",
        footer=mark.footer,
        reference=(tr("Report No. {number}", number=report["number"]), ""),
        watermark=mark.watermark,
    )
    facts = _Facts.of(db, report, data["incident"])

    def build(size: float) -> tuple[int, bytes]:
        out = io.BytesIO()
        doc = SectionedDoc(
            out,
            font.name,
            title=section.heading,
            author=mark.author,
            page_words=tr("Page {page} of {total}"),
        )
        pages = doc.build_sections([(section, _story(font.name, size, report, facts))])
        return pages, out.getvalue()

    pages, pdf = build(BODY_SIZES[0])
    if pages == 2:  # a step or two smaller may keep it on one page; never three pages' worth
        for size in BODY_SIZES[1:]:
            smaller = build(size)
            if smaller[0] == 1:
                pages, pdf = smaller
                break

    def produce(temporary: str) -> int:
        Path(temporary).write_bytes(pdf)
        return pages

    target = Path(path)
    return RenderResult(target, write_atomically(target, produce), font.warning)


def _title(report: dict, incident: dict) -> str:
    return report["title"] or f"{report['kind_name']}：{incident['title']}"


class _Facts:
    """What the header block says of the report's deadline."""

    def __init__(self, report, incident, due: str, met: str, basis: str):
        self.report, self.incident = report, incident
        self.due, self.met, self.basis = due, met, basis

    @classmethod
    def of(cls, db, report: dict, incident: dict) -> "_Facts":
        if not report["due_at"]:
            return cls(report, incident, tr("No deadline set"), NONE, NONE)
        late = _moment(report["reported_at"]) - _moment(report["due_at"])
        if late.total_seconds() > 0:
            minutes = int(late.total_seconds() // 60)
            met = tr("Late by {hours} h {minutes} min", hours=minutes // 60, minutes=minutes % 60)
        else:
            met = tr("On time")
        return cls(report, incident, when(report["due_at"]), met, deadline_basis(db, report))


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def deadline_basis(db, report: dict) -> str:
    """The rule that set the report's deadline, and this station's hours when changed."""
    if report["kind"] == "first":
        step = next((s for s in reports.CHAIN if s.code == report["step"]), None)
        if step is None:
            return NONE
        hours = reports.deadlines(db)["steps"].get(step.code, step.hours)
        basis = tr(
            "{basis}: within {hours} h",
            basis=reports.basis_text(step.basis),
            hours=_hours(step.hours),
        )
        if hours != step.hours:
            basis += tr("; this station's deadline: {hours} h", hours=_hours(hours))
        return basis
    expected = next(
        (e for e in reports.schedule(db, report["incident_id"]) if e["kind"] == report["kind"]),
        None,
    )
    if expected:
        return expected["basis"]
    return reports.basis_text("progress" if report["kind"] == "progress" else "final")


def _hours(value: float) -> str:
    return f"{value:g}"


class _Rule(Flowable):
    """The rule under a government document's header: a heavy line over a thin one."""

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, 3 * mm

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(1.6)
        canv.line(0, 2.2 * mm, self.width, 2.2 * mm)
        canv.setLineWidth(0.5)
        canv.line(0, 1.2 * mm, self.width, 1.2 * mm)
        canv.restoreState()


def _story(font: str, size: float, report: dict, facts: _Facts) -> list:
    cell = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=12.5, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=cell, fontSize=12, leading=16, alignment=TA_CENTER)
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=size,
        leading=size * 1.65,
        firstLineIndent=2 * size,
        wordWrap="CJK",
        spaceAfter=size * 0.2,
        allowWidows=0,  # a paragraph split by the page leaves two lines at least
    )
    plain = ParagraphStyle("plain", parent=body, firstLineIndent=0)
    right = ParagraphStyle("right", parent=plain, alignment=TA_RIGHT)

    english = current_language() == "en"
    label = ParagraphStyle(
        "label", parent=cell, alignment=TA_CENTER, wordWrap=None if english else "CJK"
    )

    def p(text, style=cell) -> Paragraph:
        return Paragraph(escape(printable(text)), style)

    def row(*cells) -> list:
        return [p(c, label) if n % 2 == 0 else c for n, c in enumerate(cells)]

    incident = facts.incident
    story: list = [Title(MASTHEAD, font, 22, space_after=1 * mm)]
    if english:
        story.append(Title(MASTHEAD_EN, font, 11, space_after=1 * mm))
    story.append(
        p(f"{report['kind_name']}　" + tr("Issue {seq}", seq=report["seq"]), centre),
    )
    story.append(Spacer(1, 3 * mm))
    label_width = LABEL_WIDTHS["en" if english else "zh_CN"]
    half = (180 - 2 * label_width) / 2
    step = report["step_name"] or report["kind_name"]
    rows = [
        row(tr("Reporting unit"), p(report["from_unit"]), tr("Reported to"), p(report["to_unit"])),
        row(tr("Report time"), when(report["reported_at"]), tr("Incident No."), incident["number"]),
        row(tr("Report No."), report["number"], tr("Reporting step"), p(step)),
        row(tr("Deadline"), p(facts.due), tr("Deadline met"), p(facts.met)),
        row(tr("Basis of the deadline"), p(facts.basis), "", ""),
    ]
    story.append(
        grid(
            rows,
            (label_width, half, label_width, half),
            font,
            centred=(0, 2),
            extra=[("SPAN", (1, 4), (3, 4))],
            size=9.5,
        )
    )
    story += [Spacer(1, 4 * mm), _Rule(), Spacer(1, 5 * mm)]
    story.append(Title(_title(report, incident), font, 16, space_after=3 * mm))
    story.append(p(f"{report['to_unit']}：", plain))
    parts = []
    for heading, text in (
        (tr("1. Overview of the incident"), report["summary"]),
        (tr("2. Measures taken"), report["measures"]),
        (tr("3. Next steps"), report["next_steps"]),
    ):
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        title = Title(heading, font, size + 0.5, space_after=size * 0.35, align="left")
        parts.append([Spacer(1, size * 0.3), title, *[p(x, body) for x in lines or [NONE]]])
    signed = [
        Spacer(1, 6 * mm),
        p(tr("Signed by: {signer}", signer=report["signer"] or "　" * 6), right),
        p(_date(report["reported_at"]), right),
    ]
    # A heading never ends a page alone (it goes with the first lines of its paragraph),
    # nor the signature begins one (it goes with the last lines).
    parts[-1], tail = parts[-1][:-1], [parts[-1][-1], *signed]
    for part in parts:
        story.append(Keep(part[:3], 2))
        story += part[3:]
    if len(parts[-1]) < 3:  # the heading and its only paragraph go with the signature
        story.pop()
        tail = [*parts[-1], *tail]
    story.append(Keep(tail, len(tail) - len(signed) - 1))
    return story


def _date(value: str) -> str:
    day = _moment(value)
    return tr("{year}-{month}-{day}", year=day.year, month=day.month, day=day.day)
