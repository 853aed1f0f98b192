"""The printed significant-events log (大事记) of an incident.

A4 portrait: the title, a block naming the incident (number, title, grade of the national
plan, status), then every entry oldest first — 序号, time, kind, what happened, who — in a
table whose header row repeats on each page under the running header; an entry taller
than a few lines is set in several rows (layout.flowing), so that a long one flows over
pages, never cut. The title is the form's fixed Chinese name
(like the allocation order's); every other label is translated (Chinese by default).

    render(db, "SJ-HY-CITY-20261207-001", "log.pdf") -> RenderResult
"""

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desktop.core import vocab
from desktop.core.i18n import current_language, tr
from desktop.core.incidents import journal, records
from desktop.documents import fonts
from desktop.documents.allocation_order import RenderResult
from desktop.documents.layout import (
    Section,
    SectionedDoc,
    Title,
    flowing,
    grid,
    imprint,
    printable,
    when,
    write_atomically,
)

TITLE = "生物安全事件大事记"
TITLE_EN = "Significant events log"
# mm: 序号, time, kind, entry, who (180 in all); English kinds are longer words
WIDTHS = {"zh_CN": (10, 27, 20, 98, 25), "en": (10, 27, 25, 93, 25)}


def render(db, incident_ref: str, path) -> RenderResult:
    """The incident's 大事记 (by id or number) to a PDF at path."""
    incident = records.detail(db, incident_ref)
    entries = journal.entries(db, incident["id"])
    mark = imprint(db)
    font = fonts.cjk_font()
    section = Section(
        heading=f"{TITLE}　{incident['number']}",
        footer=mark.footer,
        reference=(tr("Incident No. {number}", number=incident["number"]), ""),
        watermark=mark.watermark,
    )
    story = _story(font.name, incident, entries)

    def produce(temporary: str) -> int:
        doc = SectionedDoc(
            temporary,
            font.name,
            title=section.heading,
            author=mark.author,
            page_words=tr("Page {page} of {total}"),
        )
        return doc.build_sections([(section, story)])

    target = Path(path)
    return RenderResult(target, write_atomically(target, produce), font.warning)


def paragraph_text(value) -> str:
    """Escaped text with its line breaks kept."""
    return "<br/>".join(escape(line) for line in printable(value).splitlines()) or "—"


def _story(font: str, incident: dict, entries: list[dict]) -> list:
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("head", parent=centre, fontSize=9.5)
    english = current_language() == "en"
    word = ParagraphStyle("word", parent=centre, wordWrap=None if english else "CJK")

    def p(value, style=cell) -> Paragraph:
        return Paragraph(paragraph_text(value), style)

    story: list = [Title(TITLE, font, 20, space_after=1.5 * mm)]
    if english:
        story.append(Title(TITLE_EN, font, 11, space_after=1.5 * mm))
    story.append(Spacer(1, 2 * mm))
    label = 26 if english else 20
    rows = [
        [p(tr("Incident No."), centre), incident["number"], p(tr("Incident grade"), centre),
         p(vocab.name("grade", incident["grade"]))],
        [p(tr("Incident"), centre), p(incident["title"]), p(tr("Incident status"), centre),
         p(vocab.name("incident_status", incident["status"]))],
    ]  # fmt: skip
    story.append(grid(rows, (label, 90 - label, label, 90 - label), font, size=9))
    story.append(Spacer(1, 4 * mm))
    header = [p(h, head) for h in (tr("No."), tr("Time"), tr("Entry kind"), tr("Event"), tr("By"))]
    rows = [header]
    for n, entry in enumerate(entries, 1):
        rows.append([str(n), when(entry["at"]), p(entry["kind_name"], word), p(entry["text"]),
                     p(entry["actor"] or "—", centre)])  # fmt: skip
    if not entries:
        rows.append(["", "", "", p(tr("No entries yet.")), ""])
    widths = WIDTHS["en" if english else "zh_CN"]
    style = [
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("BOX", (0, 0), (-1, -1), 1, "black"),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, "black"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, "black"),
        ("BACKGROUND", (0, 0), (-1, 0), (0.94, 0.94, 0.94)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, "black"),  # under each entry (its last row)
    ]
    # closed by a line at the foot of every page, also between the rows of one entry
    table = flowing(rows, [w * mm for w in widths], style, repeat_rows=1, closed=True)
    story.append(table)
    story.append(Spacer(1, 2 * mm))
    story.append(p(tr("{count} entries in all.", count=len(entries))))
    return story
