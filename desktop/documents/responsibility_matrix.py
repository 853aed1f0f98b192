"""The responsibility matrix (责任矩阵): member agencies × playbooks × phases, 牵头 / 配合.

A4 landscape. One table per group of playbooks that fits the page width: a header row of
playbook titles spanning their phases, a row of phase titles (both repeated when a table
continues on the next page), then one row per agency named in any task. Built from the
latest approved version of each playbook (playbooks.matrix). After the tables, 说明: for
each playbook the plan's clauses it cites and, by source, the fields that are not the
plan's (grades, hours, checklists, quantities; playbooks/provenance.py). The Chinese font
is the system TrueType CJK font, embedded as a subset (fonts.cjk_font).

    render(db, "matrix.pdf") -> RenderResult(path, pages, warning)
"""

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core import playbooks
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.playbooks import provenance
from desktop.core.store import station
from desktop.documents import fonts, layout
from desktop.documents.allocation_order import RenderResult
from desktop.documents.layout import Title, write_atomically

TITLE = "衡阳市生物安全事件处置责任矩阵"
MARKS = {"lead": "牵头", "support": "配合", "": ""}
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN_X = 15 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
AGENCY_WIDTH = 34 * mm
PHASE_WIDTH = 16.5 * mm
LEAD_SHADE = colors.Color(0.85, 0.85, 0.85)


class _Canvas(Canvas):
    """Holds the pages until save() to print 第 x 页 共 y 页 on each."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held = []
        self.font = "Helvetica"

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            # Wider spaces: with plain ones pdftotext -layout reads "第1页共1页".
            words = f"第 {number} 页 共 {total} 页"
            text = self.beginText()
            text.setFont(self.font, 9)
            text.setWordSpace(2)
            width = self.stringWidth(words, self.font, 9) + 8
            text.setTextOrigin((PAGE_WIDTH - width) / 2, 9 * mm)
            text.textOut(words)
            self.drawText(text)
            Canvas.showPage(self)
        Canvas.save(self)


def _groups(columns: list[dict], room: int) -> list[list[int]]:
    """Column indexes grouped by playbook, playbooks packed into tables of ≤ room columns."""
    playbook_runs, current = [], []
    for index, column in enumerate(columns):
        if current and columns[current[0]]["playbook"] != column["playbook"]:
            playbook_runs.append(current)
            current = []
        current.append(index)
    if current:
        playbook_runs.append(current)
    groups = []
    for run in playbook_runs:
        if groups and len(groups[-1]) + len(run) <= room:
            groups[-1] += run
        else:
            groups.append(list(run))
    return groups


def _table(data: dict, group: list[int], font: str) -> Table:
    head = ParagraphStyle(
        "head", fontName=font, fontSize=8, leading=10, alignment=TA_CENTER, wordWrap="CJK"
    )
    phase = ParagraphStyle(
        "phase", fontName=font, fontSize=7.5, leading=9, alignment=TA_CENTER, wordWrap="CJK"
    )
    columns = [data["columns"][i] for i in group]
    top = ["成员单位"]
    spans, start = [], 1
    for n, column in enumerate(columns, 1):
        last = n == len(columns) or columns[n]["playbook"] != column["playbook"]
        if n == start:
            code = f"{column['playbook']} 第{column['version']}版"
            top.append(Paragraph(f"{escape(column['playbook_title'])}<br/>{escape(code)}", head))
        else:
            top.append("")
        if last:
            spans.append((start, n))
            start = n + 1
    second = [""] + [Paragraph(escape(c["phase_title"]), phase) for c in columns]
    body = [[row["short_name"]] + [MARKS[row["cells"][i]] for i in group] for row in data["rows"]]
    table = Table(
        [top, second, *body],
        colWidths=[AGENCY_WIDTH] + [PHASE_WIDTH] * len(columns),
        repeatRows=2,
        hAlign="LEFT",
    )
    style = [
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("SPAN", (0, 0), (0, 1)),
        ("BACKGROUND", (0, 0), (-1, 1), colors.Color(0.94, 0.94, 0.94)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1.5),
    ]
    for first, last in spans:
        style.append(("SPAN", (first, 0), (last, 0)))
        style.append(("LINEBEFORE", (first, 0), (first, -1), 1, colors.black))
    for r, row in enumerate(data["rows"], 2):
        for c, index in enumerate(group, 1):
            if row["cells"][index] == "lead":
                style.append(("BACKGROUND", (c, r), (c, r), LEAD_SHADE))
    table.setStyle(TableStyle(style))
    return table


SOURCE_WIDTHS = (58 * mm, 62 * mm, 147 * mm)  # playbook, the plan's clauses, other sources


def sources_table(db, data: dict, font: str) -> Table:
    """方案依据 and where the rest comes from, one row per playbook of the matrix: the plan
    gives the agencies and duties; grades, hours, checklists and quantities are not its."""
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10.5, wordWrap="CJK")
    head = ParagraphStyle("shead", parent=cell, alignment=TA_CENTER)
    titles = ("预案", "方案依据（条款）", "不是方案内容的各项及其来源")
    rows = [[Paragraph(escape(title), head) for title in titles]]
    seen: list[tuple[str, int]] = []
    for column in data["columns"]:
        if (column["playbook"], column["version"]) not in seen:
            seen.append((column["playbook"], column["version"]))
    for code, version in seen:
        doc = playbooks.get(db, code, version)
        parts = []
        for group in provenance.summary(doc):
            named = "、".join(
                f"{f['field_label']}（{f['tasks']}项任务）" if f["tasks"] else f["field_label"]
                for f in group["fields"]
            )
            parts.append(f"{group['label']}：{named}")
        rows.append(
            [
                Paragraph(escape(f"{doc['title']}（{code} 第{version}版）"), cell),
                Paragraph(escape("、".join(doc["clauses"]) or "—"), cell),
                Paragraph(escape("；".join(parts)), cell),
            ]
        )
    table = Table(rows, colWidths=SOURCE_WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.94, 0.94, 0.94)),
            ]
        )
    )
    return table


def render(db, path) -> RenderResult:
    """The matrix of the latest approved playbooks to a PDF at path."""
    data = playbooks.matrix(db)
    if not data["columns"]:
        raise BioError(tr("No approved playbook: the responsibility matrix would be empty."))
    font = fonts.cjk_font()
    me = station.get(db)
    printed = datetime.now().strftime("%Y-%m-%d %H:%M")
    footer = f"{me.name}（{me.code}） 打印时间 {printed}" if me else f"打印时间 {printed}"
    mark = layout.imprint(db).watermark if me else ""  # 演练 in a drill's sandbox, 演示数据
    if mark == "演练":
        footer = f"【演练】{footer}"
    note_style = ParagraphStyle(
        "note", fontName=font.name, fontSize=8.5, leading=12, wordWrap="CJK"
    )
    room = int((PAGE_WIDTH - 2 * MARGIN_X - AGENCY_WIDTH) // PHASE_WIDTH)
    story = [
        Title(TITLE, font.name, 16),
        Paragraph(
            escape(
                "牵头：负责组织实施该阶段任务的单位；配合：协助实施的单位（底色加深为牵头）。"
                "依据各处置预案的最新批准版本；系统内置预案中，各任务的牵头、配合单位是其所引"
                "《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》条款列明的单位（“参照”的条款"
                "另注理由），本站修订的版本以其所写为准；“事发地”单位在启动预案时交由事件所在县市区的单位。响应级别、时限、"
                "适用起始级别、检查清单、所需专家和物资测算参数不是方案的内容，来源见文末说明；"
                "系统内置预案为示例内容，须按本地实际修订后使用。"
            ),
            note_style,
        ),
        Spacer(1, 3 * mm),
    ]
    for group in _groups(data["columns"], room):
        story += [KeepTogether([_table(data, group, font.name)]), Spacer(1, 4 * mm)]
    story += [
        Paragraph(escape("说明：方案依据与不是方案内容的各项的来源"), note_style),
        Spacer(1, 1.5 * mm),
        sources_table(db, data, font.name),
    ]
    target = Path(path)

    def decorate(canv, doc):
        canv.font = font.name
        if mark:
            layout.draw_watermark(canv, font.name, mark, PAGE_WIDTH, PAGE_HEIGHT)
        canv.saveState()
        canv.setFont(font.name, 8)
        if doc.page > 1:
            canv.drawString(MARGIN_X, PAGE_HEIGHT - 10 * mm, f"{TITLE}（续）")
            canv.setLineWidth(0.5)
            canv.line(
                MARGIN_X, PAGE_HEIGHT - 11.5 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 11.5 * mm
            )
        canv.drawString(MARGIN_X, 9 * mm, footer)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, 9 * mm, "处置责任矩阵")
        canv.restoreState()

    def produce(temporary: str) -> int:
        doc = BaseDocTemplate(
            temporary,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=TITLE,
            creator="BioReserve",
            initialFontName=font.name,  # else Helvetica is named, unembedded, on every page
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            doc.width,
            doc.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=decorate)])
        doc.build(story, canvasmaker=_Canvas)
        return doc.page

    pages = write_atomically(target, produce)
    return RenderResult(target, pages, font.warning)
