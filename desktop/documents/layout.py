"""Page machinery for documents of record: A4 pages grouped in sections (an order, or one
copy of it), each numbered within itself (第 x 页 共 y 页), with a running header on
continuation pages, a footer, an optional diagonal watermark, and atomic file writes.

The page count of a section is known only at the end, so the canvas keeps every page
until save() (the NumberedCanvas pattern) and then writes each page's number counted
within its section.

Texts of any length print whole: a Title longer than the page goes on over the next; a
table row whose text is taller than PIECE is cut into rows of its own before layout
(Flowing, used by grid), so a cell longer than a page flows over pages; Keep keeps a
heading with the start of what follows it, and a signature with the end of what precedes
it, without moving a long text whole to the next page; the running header and the footer
are cut with … where they would run out of their place (the text is in the body).
"""

import math
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
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import _listWrapOn

from desktop.core import reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import info, station

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
FOOTER_Y = 10 * mm  # the page number's baseline; the footer's two lines around it
HEADER_Y = PAGE_HEIGHT - 11 * mm
FOOTER_MIDDLE = 30 * mm  # kept for the page number between the footer's two sides
PAGE_WORDS = "第 {page} 页 共 {total} 页"
NONE = "—"
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
PIECE = 36 * mm  # the most text one table row holds; a taller row is cut (Flowing)
ELLIPSIS = "…"


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
        self.given: list[str] | None = None  # the lines of a part of a split title

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.lines = self.given or self._lines(avail_width)
        return avail_width, len(self.lines) * self.size * 1.3 + self.space_after

    def split(self, avail_width, avail_height):
        """A title longer than the room left: its first lines here (two at least), the
        others on the next page."""
        lines = self.given or self._lines(avail_width)
        fit = int(avail_height // (self.size * 1.3))
        if fit < 2 or len(lines) - fit < 2:
            return []
        return [self._part(lines[:fit], 0), self._part(lines[fit:], self.space_after)]

    def _part(self, lines: list[str], space_after: float) -> "Title":
        part = Title(self.text, self.font, self.size, space_after, self.align)
        part.given = lines
        return part

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
        for n, line in enumerate(self.lines):  # top down: the text reads in order
            text = canv.beginText()
            text.setTextRenderMode(2)  # fill and stroke: a bold face from a regular one
            width = canv.stringWidth(line, self.font, self.size)
            left = (self.width - width) / 2 if self.align == "centre" else 0
            above = len(self.lines) - 1 - n  # lines below this one
            text.setTextOrigin(left, self.space_after + self.size * 0.3 + above * self.size * 1.3)
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


def grid(
    rows, widths_mm, font: str, centred=(), extra=(), size: float = 9, repeat_rows: int = 0
) -> Table:
    """A bordered form block: thin inner lines, a heavier outline, centred label columns.
    A row whose text is taller than PIECE is cut into rows that flow over pages (flowing);
    repeat_rows: header rows repeated on each page."""
    style = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    style += [("ALIGN", (c, 0), (c, -1), "CENTER") for c in centred]
    return flowing(rows, [w * mm for w in widths_mm], style + list(extra), repeat_rows)


class Flowing(Table):
    """A table whose rows were cut (see flowing): the style commands set later name the
    rows as built and are moved to the rows made; where a page ends between the parts of
    a cut row, which have no line between them, both pages' parts are closed by a line."""

    moves: tuple[list[int], list[int], int] | None = None  # first, last row made; columns
    closing = 0.0  # the width of the line that closes a part, 0: none added

    def setStyle(self, tblstyle):
        if self.moves:
            tblstyle = _moved(_commands(tblstyle), *self.moves)
        super().setStyle(tblstyle)

    def onSplit(self, T, byRow=1):
        if not self.closing:
            return
        T.closing = self.closing
        style = [("LINEBELOW", (0, -1), (-1, -1), self.closing, colors.black)]
        if not T.repeatRows:  # under a repeated header row its own line closes the part
            style.append(("LINEABOVE", (0, 0), (-1, 0), self.closing, colors.black))
        Table.setStyle(T, style)


def flowing(rows, widths, style, repeat_rows: int = 0, closed: bool = False) -> Flowing:
    """A table (widths in points) with its style commands. A row whose paragraphs are
    taller than PIECE is cut into several rows, each with a part of every long paragraph
    (reportlab's own lines: nothing is lost) and the row's other cells in the first, with
    no line between them: a text longer than a page then flows over pages between rows,
    where reportlab would refuse a row taller than the page (and splits rows with spanned
    cells badly). Rows as tall as PIECE or less are left as built. closed: every part of
    the table split by a page is closed by a line (else only when rows were cut)."""
    commands = _commands(style)
    made, first, last, cut = _cut(rows, widths, commands)
    box = max((c[3] for c in commands if c[0] in ("BOX", "OUTLINE")), default=1)
    if len(made) == len(rows):
        table = Flowing(rows, colWidths=widths, repeatRows=repeat_rows)
        table.setStyle(TableStyle(commands))
        table.closing = box if closed else 0.0
        return table
    repeat = last[repeat_rows - 1] + 1 if repeat_rows else 0
    table = Flowing(made, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle(_moved(commands, first, last, len(widths))))
    # the parts of a cut row read as one text: close together, each under the one before
    joins = [("VALIGN", (c, row), (c, row), "TOP") for c, row in cut]
    for start, end in zip(first, last, strict=True):
        for row in range(start, end):
            joins += [("BOTTOMPADDING", (0, row), (-1, row), 0.5),
                      ("TOPPADDING", (0, row + 1), (-1, row + 1), 0.5),
                      ("VALIGN", (0, row + 1), (-1, row + 1), "TOP")]  # fmt: skip
    table.setStyle(TableStyle(joins))
    table.moves, table.closing = (first, last, len(widths)), box
    return table


def _commands(style) -> list[tuple]:
    commands = style.getCommands() if hasattr(style, "getCommands") else style
    return [tuple(c) for c in commands]


PADDINGS = {"LEFTPADDING": 6, "RIGHTPADDING": 6, "TOPPADDING": 3, "BOTTOMPADDING": 3}


def _cut(rows, widths, commands) -> tuple[list[list], list[int], list[int], list[tuple]]:
    """The rows with those taller than PIECE cut; the first and last row made of each; the
    cells cut (column, first row made)."""
    nrows, ncols = len(rows), len(widths)
    pads = {op: [[value] * ncols for _ in rows] for op, value in PADDINGS.items()}
    ends: dict[tuple[int, int], int] = {}  # a spanned cell: its last column
    hidden: set[tuple[int, int]] = set()
    for op, (c0, r0), (c1, r1), *args in commands:
        if (op not in pads and op != "SPAN") or isinstance(r0, str) or isinstance(r1, str):
            continue
        c0, c1, r0, r1 = c0 % ncols, c1 % ncols, r0 % nrows, r1 % nrows
        if op == "SPAN":
            ends[(c0, r0)] = c1
            hidden |= {(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)}
            hidden.discard((c0, r0))
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                pads[op][r][c] = args[0]
    made: list[list] = []
    first, last, cut = [], [], []
    for r, row in enumerate(rows):
        parts: dict[int, list] = {}
        for c, cell in enumerate(row):
            if not isinstance(cell, Paragraph) or (c, r) in hidden:
                continue
            width = sum(widths[c : ends.get((c, r), c) + 1])
            width -= pads["LEFTPADDING"][r][c] + pads["RIGHTPADDING"][r][c]
            room = PIECE - pads["TOPPADDING"][r][c] - pads["BOTTOMPADDING"][r][c]
            pieces = _pieces(cell, width, room)
            if len(pieces) > 1:
                parts[c] = pieces
        first.append(len(made))
        cut += [(c, len(made)) for c in parts]
        count = max((len(p) for p in parts.values()), default=1)
        for k in range(count):
            made.append([
                parts[c][k] if k < len(parts.get(c, ())) else cell if k == 0 else ""
                for c, cell in enumerate(row)
            ])  # fmt: skip
        last.append(len(made) - 1)
    return made, first, last, cut


def _pieces(paragraph: Paragraph, width: float, room: float) -> list[Paragraph]:
    """The paragraph in parts at most `room` tall at `width`: the first as much as fits,
    the rest cut in halves of whole parts (n log n: cutting part after part would wrap
    what is left each time)."""
    if paragraph.wrap(width, room)[1] <= room:
        return [paragraph]
    parts = paragraph.split(width, room)
    if len(parts) != 2:
        return [paragraph]
    unit = parts[0].wrap(width, room)[1] or room  # the height of as many lines as fit
    return [parts[0], *_halves(parts[1], width, unit, room)]


def _halves(paragraph: Paragraph, width: float, unit: float, room: float) -> list[Paragraph]:
    height = paragraph.wrap(width, room)[1]
    if height <= room:
        return [paragraph]
    half = math.ceil(height / unit - 0.01) // 2
    parts = paragraph.split(width, half * unit + 0.01)
    if len(parts) != 2:
        return [paragraph]
    return [*_halves(parts[0], width, unit, room), *_halves(parts[1], width, unit, room)]


def _moved(commands, first: list[int], last: list[int], ncols: int) -> list[tuple]:
    """Style commands of the rows as built, for the rows made: a line below a row is
    drawn below its last part, a line above it above its first, a span spans each part,
    the inner lines of a grid are drawn between rows as built only."""
    nrows = len(first)
    out = []
    for command in commands:
        op, (c0, r0), (c1, r1), *args = command
        if isinstance(r0, str) or isinstance(r1, str):
            out.append(command)
            continue
        r0, r1 = r0 % nrows, r1 % nrows
        if op == "SPAN" and r0 == r1:
            out += [(op, (c0, r), (c1, r)) for r in range(first[r0], last[r0] + 1)]
        elif op in ("GRID", "INNERGRID"):
            if op == "GRID":
                out.append(("BOX", (c0, first[r0]), (c1, last[r1]), *args))
            if c1 % ncols > c0 % ncols:
                out.append(("LINEAFTER", (c0 % ncols, first[r0]), (c1 % ncols - 1, last[r1]),
                            *args))  # fmt: skip
            out += [("LINEBELOW", (c0, last[r]), (c1, last[r]), *args) for r in range(r0, r1)]
        elif op == "LINEBELOW":
            out += [(op, (c0, last[r]), (c1, last[r]), *args) for r in range(r0, r1 + 1)]
        elif op == "LINEABOVE":
            out += [(op, (c0, first[r]), (c1, first[r]), *args) for r in range(r0, r1 + 1)]
        else:
            out.append((op, (c0, first[r0]), (c1, last[r1]), *args))
    return out


class Keep(KeepTogether):
    """Keeps flowables together around a long one (at index `long`: a paragraph, a table, a
    title): those before it with its start (a heading never ends a page), those after it
    with its end (a signature never begins one). When all fits on the page, all is set
    here; when not, a group no taller than `whole` goes whole to the next page, as
    KeepTogether would take it; a taller one is split where the page ends (the long
    flowable's first lines here, the rest after), never moved whole."""

    def __init__(self, flowables, long: int = -1, whole: float = 0.0):
        super().__init__(flowables)
        self.long = long % len(self._content)
        self.whole = whole

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        if self._H <= aH:
            return content
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", False))
        if self._H <= self.whole and not at_top:
            return [FrameBreak(), *content]
        heads, item, tails = content[: self.long], content[self.long], content[self.long + 1 :]
        room = aH
        if heads:
            room -= _listWrapOn(heads, aW, self.canv)[1] + 1
            room -= max(heads[-1].getSpaceAfter(), item.getSpaceBefore())
        if tails:  # when all of it fits here but not what follows, its last lines go along
            room = min(room, item.wrapOn(self.canv, aW, room)[1] - 1)
        parts = item.splitOn(self.canv, aW, room) if room > 0 else []
        if len(parts) >= 2:
            rest = parts[1:]
            after = [Keep([*rest, *tails], 0, self.whole)] if tails else rest
            return [*heads, parts[0], *after]
        if at_top:  # nothing better: as it comes
            return content
        return [FrameBreak(), Keep(content, self.long, self.whole)]


def fitted(text: str, font: str, size: float, width: float, end: str = "") -> str:
    """The text and its end as drawn in `width`: the text cut with … when too wide."""
    if stringWidth(text + end, font, size) <= width:
        return text + end
    low, high = 0, len(text)  # the longest beginning that fits with … and the end
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + ELLIPSIS + end, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low] + ELLIPSIS + end


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
            # the document's font from the first page on: reportlab's default, Helvetica,
            # would be referenced unembedded on every page
            initialFontName=font,
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
            draw_watermark(canv, self.font, section.watermark)
        canv.setFillGray(0)
        canv.setStrokeGray(0)
        right = PAGE_WIDTH - MARGIN_X
        box = self._label_box(canv, right, HEADER_Y, section.label) if section.label else 0
        if self.section_page > 1:
            canv.setFont(self.font, 9)
            end = right - box - (2 * mm if box else 0)
            heading = fitted(section.heading, self.font, 9, end - MARGIN_X, "（续）")
            canv.drawString(MARGIN_X, HEADER_Y, heading)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, HEADER_Y - 2.5 * mm, end, HEADER_Y - 2.5 * mm)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, FOOTER_Y + 6 * mm, right, FOOTER_Y + 6 * mm)
        canv.setFont(self.font, 8)
        side = PAGE_WIDTH / 2 - MARGIN_X - FOOTER_MIDDLE / 2  # each side of the page number
        for n, (left, tail) in enumerate(zip(section.footer, section.reference, strict=True)):
            y = FOOTER_Y + (1 - n) * 3.6 * mm - 1.8 * mm
            canv.drawString(MARGIN_X, y, fitted(left, self.font, 8, side))
            canv.drawRightString(right, y, fitted(tail, self.font, 8, side))
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
            reason=reasons.reason(error),
        )
    )


def draw_watermark(canv, font: str, text: str, width: float = PAGE_WIDTH,
                   height: float = PAGE_HEIGHT) -> None:  # fmt: skip
    """The large, light, diagonal word across a page (演练, 演示数据)."""
    canv.saveState()
    canv.setFillGray(0.86)
    canv.setFont(font, 150)
    canv.translate(width / 2, height / 2)
    canv.rotate(40)
    canv.drawCentredString(0, -50, text)
    canv.restoreState()


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
    if info.drill_of(db):  # printed in a drill's sandbox: never passes for real
        return Imprint((tr("[Drill] {station}", station=st.name), printed), st.name, "演练")
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
