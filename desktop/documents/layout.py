"""Page machinery for documents of record: A4 pages grouped in sections (an order, or one
copy of it), each numbered within itself (第 x 页 共 y 页), with a running header on
continuation pages, a footer, an optional diagonal watermark, and atomic file writes.

The page count of a section is known only at the end, so the canvas keeps every page
until save() (the NumberedCanvas pattern) and then writes each page's number counted
within its section.
"""

import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import info, station

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
FOOTER_Y = 10 * mm  # the page number's baseline; the footer's two lines around it
HEADER_Y = PAGE_HEIGHT - 11 * mm
PAGE_WORDS = "第 {page} 页 共 {total} 页"
NONE = "—"


@dataclass(frozen=True)
class Section:
    """What every page of one section shows besides its flowables."""

    heading: str  # running header of continuation pages (…（续）)
    footer: tuple[str, str]  # two lines left of the page number: station, print time
    reference: tuple[str, str] = ("", "")  # two lines right of it: number, copy label
    label: str = ""  # copy label (存根, 出库联, 接收联), boxed at the top right
    watermark: str = ""  # large, light, diagonal: 演练


class Title(Flowable):
    """A title in a heavier stroke (the CJK fonts found have one weight), centred or, for
    a heading, at the left; a title wider than the frame wraps (after a space when the
    line has one, else between any two characters, as Chinese does)."""

    def __init__(
        self, text: str, font: str, size: float, space_after: float = 2 * mm, align="centre"
    ):
        super().__init__()
        self.text, self.font, self.size, self.space_after = text, font, size, space_after
        self.align = align
        self.lines = [text]

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.lines = self._lines(avail_width)
        return avail_width, len(self.lines) * self.size * 1.3 + self.space_after

    def _lines(self, width: float) -> list[str]:
        if stringWidth(self.text, self.font, self.size) <= width:
            return [self.text]
        lines, line = [], ""
        for char in self.text:
            if line and stringWidth(line + char, self.font, self.size) > width:
                cut = line.rfind(" ")
                if char != " " and cut > 0:
                    lines.append(line[:cut])
                    line = line[cut + 1 :]
                else:
                    lines.append(line)
                    line = ""
            line = (line + char).lstrip(" ")
        return [*lines, line] if line else lines

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.setLineWidth(self.size / 40)
        for n, line in enumerate(reversed(self.lines)):
            text = canv.beginText()
            text.setTextRenderMode(2)  # fill and stroke: a bold face from a regular one
            width = canv.stringWidth(line, self.font, self.size)
            left = (self.width - width) / 2 if self.align == "centre" else 0
            text.setTextOrigin(left, self.space_after + self.size * 0.3 + n * self.size * 1.3)
            text.textOut(line)
            canv.drawText(text)
        canv.restoreState()


class QrCode(Flowable):
    """A square QR code with a quiet zone of `border` modules, encoded once by
    QrCodeWidget's encoder (level M) however often it is drawn, and drawn as one filled
    path: drawing the widget itself (~700 validated shapes) cost ~35 ms per code."""

    def __init__(self, text: str, size: float, border: int = 3):
        super().__init__()
        widget = QrCodeWidget(text, barLevel="M")
        widget.qr.make()
        self.modules = [list(map(bool, row)) for row in widget.qr.modules]
        self.size, self.border = size, border

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        box = self.size / (len(self.modules) + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            for dark, run in groupby(row):
                n = len(list(run))
                if dark:
                    path.rect((c + self.border) * box, y, n * box, box)
                c += n
        self.canv.saveState()
        self.canv.setFillGray(0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


def grid(rows, widths_mm, font: str, centred=(), extra=(), size: float = 9) -> Table:
    """A bordered form block: thin inner lines, a heavier outline, centred label columns."""
    table = Table(rows, colWidths=[w * mm for w in widths_mm])
    style = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    style += [("ALIGN", (c, 0), (c, -1), "CENTER") for c in centred]
    table.setStyle(TableStyle(style + list(extra)))
    return table


class _StartSection(ActionFlowable):
    """Begins a new section on a new page."""

    def __init__(self, section: Section):
        super().__init__()
        self.section = section

    def apply(self, doc):
        doc.pending = self.section
        doc.handle_pageBreak()


class Call(ActionFlowable):
    """Calls fn() when the layout reaches this point (progress reports)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def apply(self, doc):
        self.fn()


class _NumberedCanvas(Canvas):
    """Holds every page until save() to number it within its section."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held = []
        self.section_key = 0
        self.numbering = None  # (font, size)
        self.page_words = PAGE_WORDS

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals = Counter(state["section_key"] for state in self._held)
        seen = Counter()
        for state in self._held:
            self.__dict__.update(state)
            seen[self.section_key] += 1
            if self.numbering:
                self._page_number(seen[self.section_key], totals[self.section_key])
            Canvas.showPage(self)
        Canvas.save(self)

    def _page_number(self, page: int, total: int) -> None:
        # Wider spaces: with plain ones pdftotext -layout reads "第1页共1页".
        words, spacing = self.page_words.format(page=page, total=total), 2
        font, size = self.numbering
        width = self.stringWidth(words, font, size) + 4 * spacing
        text = self.beginText((PAGE_WIDTH - width) / 2, FOOTER_Y)
        text.setFont(font, size)
        text.setWordSpace(spacing)
        text.textOut(words)
        self.setFillGray(0)
        self.drawText(text)


class SectionedDoc(BaseDocTemplate):
    """A4 portrait; build_sections() lays out [(Section, flowables)], one page run each.
    page_words numbers the pages ({page}, {total}); path may be a file object."""

    def __init__(self, path, font: str, title: str = "", author: str = "", page_words: str = ""):
        super().__init__(
            path,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            creator="BioReserve",
        )
        self.font = font
        self.page_words = page_words or PAGE_WORDS
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])
        self.section: Section | None = None
        self.pending: Section | None = None
        self.serial = 0
        self.section_page = 0

    def build_sections(self, sections: list[tuple[Section, list]]) -> int:
        """Lay out the sections; returns the number of pages written."""
        story = []
        for n, (section, flowables) in enumerate(sections):
            if n:
                story.append(_StartSection(section))
            else:
                self.pending = section
            story.extend(flowables)
        self.build(story, canvasmaker=_NumberedCanvas)
        return self.page

    def _decorate(self, canv, doc):
        if self.pending is not None:
            self.section, self.pending = self.pending, None
            self.serial += 1
            self.section_page = 0
        self.section_page += 1
        section = self.section
        canv.section_key = self.serial
        canv.numbering = (self.font, 9)
        canv.page_words = self.page_words
        canv.saveState()
        if section.watermark:
            canv.saveState()
            canv.setFillGray(0.86)
            canv.setFont(self.font, 150)
            canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canv.rotate(40)
            canv.drawCentredString(0, -50, section.watermark)
            canv.restoreState()
        canv.setFillGray(0)
        canv.setStrokeGray(0)
        right = PAGE_WIDTH - MARGIN_X
        box = self._label_box(canv, right, HEADER_Y, section.label) if section.label else 0
        if self.section_page > 1:
            canv.setFont(self.font, 9)
            canv.drawString(MARGIN_X, HEADER_Y, f"{section.heading}（续）")
            canv.setLineWidth(0.5)
            end = right - box - (2 * mm if box else 0)
            canv.line(MARGIN_X, HEADER_Y - 2.5 * mm, end, HEADER_Y - 2.5 * mm)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, FOOTER_Y + 6 * mm, right, FOOTER_Y + 6 * mm)
        canv.setFont(self.font, 8)
        for n, (left, tail) in enumerate(zip(section.footer, section.reference, strict=True)):
            y = FOOTER_Y + (1 - n) * 3.6 * mm - 1.8 * mm
            canv.drawString(MARGIN_X, y, left)
            canv.drawRightString(right, y, tail)
        canv.restoreState()

    def _label_box(self, canv, right: float, y: float, label: str) -> float:
        """The copy label boxed, its text's baseline at y; returns the box's width."""
        size = 10.5
        width = canv.stringWidth(label, self.font, size) + 4 * mm
        canv.setLineWidth(0.8)
        canv.rect(right - width, y - 1.6 * mm, width, size + 2.2 * mm)
        canv.setFont(self.font, size)
        canv.drawCentredString(right - width / 2, y, label)
        return width


def write_atomically(target: Path, produce) -> int:
    """produce(temporary path) writes the file; it replaces target only when complete.
    On any failure nothing is left behind. Returns what produce returns."""
    target = Path(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".part", dir=target.parent
        )
        os.close(handle)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        result = produce(temporary)
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _cannot_write(target, error) from None
    except BaseException:
        _remove(temporary)
        raise
    return result


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _cannot_write(target: Path, error: OSError) -> BioError:
    return BioError(
        tr(
            "Cannot write {path}: {reason}. Choose a folder you can write to, and close the "
            "file if another program has it open.",
            path=target,
            reason=error.strerror or error,
        )
    )


@dataclass(frozen=True)
class Imprint:
    """Who prints and when: the footer's two lines, the PDF's author, and the watermark
    that keeps a document printed from a demonstration database from passing for real."""

    footer: tuple[str, str]
    author: str
    watermark: str


def imprint(db) -> Imprint:
    """The station's imprint in the user's language (refused without a station)."""
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    printed = tr("Printed: {time}", time=f"{datetime.now():%Y-%m-%d %H:%M}")
    if info.is_demo(db):
        # the watermark of the allocation order, whatever the language
        return Imprint((tr("[Demo data] {station}", station=st.name), printed), st.name,
                       "演示数据")  # fmt: skip
    return Imprint((st.name, printed), st.name, "")


def printable(value) -> str:
    """Text for a cell: — for nothing; ℃ as °C (WenQuanYi Micro Hei's ℃ glyph is blank)."""
    if value is None or value == "":
        return NONE
    return str(value).replace("℃", "°C")


def when(value) -> str:
    """A stored time as printed: 2026-03-01 14:05 (in the offset it was recorded with)."""
    if not value:
        return NONE
    return datetime.fromisoformat(str(value)).strftime("%Y-%m-%d %H:%M")
