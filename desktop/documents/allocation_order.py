"""The printed allocation order (调拨单), the document of record.

A4, black on white: title, a bordered header block with 制单人 and the signed QR code
(扫码核验, order_seal; large enough to be read from a 100-dpi scan), the parties — every
issuing depot with its contact and phone (the depot's own unless the order names
another, as orders.detail gives them) — transport, the oral-order note, the lines (one
row per lot picked; the header row repeats on every page) closed by a 合计 row, the
signature blocks (a 发货人 per issuing depot) beside a 盖章 area, and a footer with
第 x 页 共 y 页 counted within each copy. copies=3 prints 存根, 出库联 and 接收联 as
sections of one PDF; an order whose lots leave from several depots has an 出库联 per
depot, listing that depot's lots. Drill orders carry a diagonal 演练 watermark. The
Chinese font is the system TrueType CJK font, embedded as a subset (fonts.cjk_font), and
the only font the PDF names.

    render(db, "TB-HY-CITY-20260301-001", "order.pdf", copies=3) -> RenderResult
    render_many(db, numbers, folder, progress=lambda done, total: ...)
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.core import orders
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.orders import seal as order_seal
from desktop.core.store import info, station
from desktop.core.vocab import ORDER_STATUSES
from desktop.documents import fonts
from desktop.documents.layout import (
    Call,
    QrCode,
    Section,
    SectionedDoc,
    Title,
    grid,
    write_atomically,
)

TITLE = "衡阳市生物安全应急物资调拨单"
COPY_LABELS = ("存根", "出库联", "接收联")
COPY_ORDINALS = ("第一联", "第二联", "第三联")
SIGNERS = ("批准人", "发货人", "运输人", "接收人")
SIGNATURES_WIDTH = 134  # mm; the 盖章 area takes the rest of the 180
PER_ROW = 4  # signature blocks in a row; more issuing depots add rows
QR_SIZE = 40 * mm  # ~0.68 mm a module: 2.7 pixels a module in a 100-dpi scan
HEADER_WIDTHS = (20, 52, 20, 44, 44)  # mm: the header block, its last column the QR code
ISSUING_WIDTHS = (60, 70, 22, 28)  # mm: depot, address, contact, phone
LINE_HEADER = ("序号", "物资编码", "品名", "规格", "单位", "批号", "有效期", "数量")
LINE_WIDTHS = (8, 22, 28, 40, 8, 20, 17, 12)  # mm; 备注 takes the rest of the 180
WIDE = (20, 64, 26, 70)  # mm: the column grid of the header, parties and transport blocks
NONE = "—"


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int
    warning: str = ""  # the font warning; empty when a TrueType font was embedded

    @property
    def font_warning(self) -> str:
        return self.warning


def render(db, number: str, path, copies: int = 1) -> RenderResult:
    """One order to a PDF at path: one copy, or three (存根, 出库联, 接收联)."""
    return _render(db, [number], Path(path), copies, None)


def render_many(db, numbers, path_or_folder, copies: int = 1, progress=None) -> RenderResult:
    """Several orders in one PDF, each on new pages and numbered within itself (within
    each copy). progress(done, total) is called as each order is laid out; if it
    raises, the exception propagates and no file is left. A folder gets a file named
    调拨单-<time>.pdf."""
    target = Path(path_or_folder)
    if target.is_dir():
        target = target / f"调拨单-{datetime.now():%Y%m%d-%H%M%S}.pdf"
    return _render(db, list(numbers), target, copies, progress)


def _render(db, numbers: list[str], target: Path, copies: int, progress) -> RenderResult:
    if copies not in (1, 3):
        raise BioError(tr("Print 1 copy, or 3 copies (存根, 出库联, 接收联)."))
    if not numbers:
        raise BioError(tr("Choose at least one allocation order to print."))
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    font = fonts.cjk_font()
    form = _Form(db, font.name, (st.name, f"打印时间：{datetime.now():%Y-%m-%d %H:%M}"), copies)
    sections = []
    for done, number in enumerate(numbers, 1):
        sections.extend(form.sections(orders.detail(db, number)))
        if progress is not None:
            sections[-1][1].append(Call(lambda done=done: progress(done, len(numbers))))

    def produce(temporary: str) -> int:
        doc = SectionedDoc(temporary, font.name, title=sections[0][0].heading, author=st.name)
        return doc.build_sections(sections)

    return RenderResult(target, write_atomically(target, produce), font.warning)


def _text(value) -> str:
    """Printable text: — for nothing; ℃ as °C (WenQuanYi Micro Hei's ℃ glyph is blank)."""
    if value is None or value == "":
        return NONE
    return str(value).replace("℃", "°C")


def _day(value) -> str:
    if not value:
        return NONE
    day = datetime.fromisoformat(str(value)[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def _when(value) -> str:
    return datetime.fromisoformat(str(value)).strftime("%Y-%m-%d %H:%M") if value else NONE


def _sent(pick: dict) -> int:
    """The quantity printed: dispatched once dispatched, else picked."""
    return pick["qty"] if pick["qty_dispatched"] is None else pick["qty_dispatched"]


def _rows(order: dict, depot: dict | None = None):
    """(line, pick or None, notes) per printed row: one per pick; a line with no pick once.
    For one depot's 出库联 (depot given): that depot's picks only."""
    by_line = defaultdict(list)
    for pick in order["picks"]:
        if depot is None or pick["depot_id"] == depot["id"]:
            by_line[pick["line_id"]].append(pick)
    for line in order["lines"]:
        if depot is not None and not by_line.get(line["id"]):
            continue
        picks = by_line.get(line["id"]) or [None]
        short = line["qty_requested"] - sum(p["qty"] for p in picks if p)
        for n, pick in enumerate(picks):
            notes = [line["note"]] if line["note"] and n == 0 else []
            if depot is None and pick and pick["depot_id"] != order["from_depot_id"]:
                notes.append(f"发自{pick['depot']}")
            if pick and pick["qty_received"] not in (None, _sent(pick)) and pick["diff_reason"]:
                notes.append(f"差异：{pick['diff_reason']}")
            if depot is None and short > 0 and n == len(picks) - 1:
                notes.append(f"申请{line['qty_requested']:,}，缺{short:,}")
            yield line, pick, notes


class _Form:
    """Builds the flowables of an order's sections."""

    def __init__(self, db, font: str, printed: tuple[str, str], copies: int):
        self.db, self.font, self.printed, self.copies = db, font, printed, copies
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11.5)
        self.cell.wordWrap = "CJK"
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=8, leading=10)
        self.centre = ParagraphStyle("centre", parent=self.small, alignment=TA_CENTER)
        self.label = ParagraphStyle("label", parent=self.cell, alignment=TA_CENTER)
        self.stamp = ParagraphStyle("stamp", parent=self.label, fontSize=13, leading=16)
        # An order printed from a demonstration database must never pass for a real one.
        self.demo = info.is_demo(db)

    def p(self, text, style=None) -> Paragraph:
        return Paragraph(escape(_text(text)), style or self.cell)

    def fit(self, text: str, width: float):
        """Plain text when it fits the column (fast), else a wrapping paragraph."""
        if stringWidth(text, self.font, 8) <= width * mm - 6:
            return text
        return self.p(text, self.small)

    def number(self, text: str, width: float, size: float = 8):
        """A quantity on one line, never broken between its digits: in a smaller type when
        it does not fit the column at `size` (down to 5 points), wrapped only beyond."""
        room = width * mm - 6
        used = stringWidth(text, self.font, size)
        if used <= room:
            return text
        smaller = max(5.0, size * room / used)
        style = ParagraphStyle("number", parent=self.small, fontSize=smaller,
                               leading=smaller + 2, alignment=TA_RIGHT)  # fmt: skip
        return Paragraph(escape(text), style)

    def party(self, depot: dict, width: float) -> Paragraph:
        """Name and code on one line, or the code on a line of its own (never a "（"
        left at the end of a line)."""
        name, code = escape(depot["name"]), f"（{escape(depot['code'])}）"
        fits = stringWidth(name + code, self.font, 9) <= width * mm - 12
        return Paragraph(name + ("" if fits else "<br/>") + code, self.cell)

    def grid(self, rows, widths, centred=(0, 2), extra=()) -> Table:
        return grid(rows, widths, self.font, centred, extra)

    def copies_of(self, order: dict) -> list[tuple[str, str, dict | None]]:
        """(ordinal, label, issuing depot or None for the whole order) of each copy."""
        if self.copies == 1:
            return [("", "", None)]
        depots = order["issuing"]
        issue = [(COPY_ORDINALS[1], COPY_LABELS[1], None)]
        if len(depots) > 1:  # the 出库联 of each depot, listing what leaves it
            issue = [(COPY_ORDINALS[1], f"{COPY_LABELS[1]}（{d['code']}）", d) for d in depots]
        return [(COPY_ORDINALS[0], COPY_LABELS[0], None), *issue,
                (COPY_ORDINALS[2], COPY_LABELS[2], None)]  # fmt: skip

    def sections(self, order: dict) -> list[tuple[Section, list]]:
        seal = QrCode(order_seal.payload(self.db, order), QR_SIZE)
        drill = "（演练）" if order["drill"] else ""
        out = []
        for ordinal, label, depot in self.copies_of(order):
            section = Section(
                heading=f"{TITLE}{drill}　编号：{order['number']}",
                footer=(f"【演示数据】{self.printed[0]}", self.printed[1])
                if self.demo
                else self.printed,
                reference=(f"编号：{order['number']}", label),
                label=label and f"{ordinal}　{label}",
                watermark="演练" if order["drill"] else "演示数据" if self.demo else "",
            )
            out.append((section, self.story(order, seal, drill, depot)))
        return out

    def story(self, order: dict, seal: QrCode, drill: str, depot: dict | None) -> list:
        story = [Title(TITLE + drill, self.font, 18)]
        marking = self.marking(order)
        if marking:
            stamp = Table([[self.p(marking, self.stamp)]], colWidths=[110 * mm])
            stamp.setStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.font, 13),  # not reportlab's Helvetica
                    ("BOX", (0, 0), (-1, -1), 1.5, "black"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                ]
            )
            story.append(stamp)
        depots = [depot] if depot else order["issuing"]
        story += [Spacer(1, 2 * mm), self.header(order, seal), *self.parties(order, depots)]
        story.append(self.transport(order))
        if order["oral"]:
            story.append(self.row(Paragraph("口头/<br/>电话指令", self.label), self.oral(order)))
        if order["notes"]:
            story.append(self.row("备　　注", order["notes"]))
        story += [Spacer(1, 4 * mm), self.lines(order, depot), Spacer(1, 5 * mm)]
        story.append(
            KeepTogether(
                [self.signatures(depots), Spacer(1, 2 * mm), self.explanation(order, depot)]
            )
        )
        return story

    def marking(self, order: dict) -> str:
        """The status marking of an order that does not authorise a dispatch."""
        status = order["status"]
        if status in ("draft", "submitted"):
            return f"{ORDER_STATUSES[status]} — 未批准，不得据此发货"
        if status == "cancelled":
            reason = f"（原因：{order['cancel_reason']}）" if order["cancel_reason"] else ""
            return f"已作废 — 不得据此发货{reason}"
        return ""

    def header(self, order: dict, seal: QrCode) -> Table:
        priority = "　".join(
            ("■ " if p == order["priority"] else "□ ") + p for p in orders.PRIORITIES
        )
        status = ORDER_STATUSES.get(order["status"], order["status"])
        stamp = order.get(f"{order['status']}_at") or (
            order["status"] == "draft" and order["created_at"]
        )
        if stamp:
            status += f"（{_when(stamp)}）"
        rows = [
            [
                "编　　号",
                order["number"],
                "填单日期",
                _day(order["created_at"]),
                [seal, Paragraph("扫码核验", self.centre)],
            ],
            ["优 先 级", priority, "需求时间", _day(order["needed_by"]), ""],
            ["关联事件", self.p(order["incident"]), "", "", ""],
            ["单据状态", self.p(status), "申请单位", self.p(order["requesting_unit"]), ""],
            ["制 单 人", self.p(order["created_by"]), "批 准 人", self.p(order["approver"]), ""],
        ]
        extra = [("SPAN", (4, 0), (4, 4)), ("ALIGN", (4, 0), (4, 4), "CENTER")]
        extra += [("TOPPADDING", (4, 0), (4, 4), 2), ("BOTTOMPADDING", (4, 0), (4, 4), 3)]
        extra += [("LEFTPADDING", (4, 0), (4, 4), 2), ("RIGHTPADDING", (4, 0), (4, 4), 2)]
        extra += [("SPAN", (1, 2), (3, 2)), ("FONTSIZE", (1, 0), (1, 0), 10.5)]
        return self.grid(rows, HEADER_WIDTHS, extra=extra)

    def parties(self, order: dict, depots: list[dict]) -> list[Table]:
        """The issuing and receiving parties side by side; when the goods leave from
        several depots, the receiving party, then a table of the issuing depots."""
        target = order["to_depot_id"] and {
            "name": order["to_depot_name"],
            "code": order["to_depot"],
        }
        to_name = self.party(target, WIDE[3]) if target else self.p(order["to_unit"])
        if len(depots) > 1:
            receiving = [
                ["接收单位或仓库", to_name, "地　　址", self.p(order["to_address"])],
                ["联 系 人", self.p(order["to_contact"]), "电　　话", self.p(order["to_phone"])],
            ]
            return [
                self.grid(receiving, (26, 64, 20, 70)),
                self.issuing(depots),
            ]
        source = depots[0] if depots else {}
        from_name = self.party(source, WIDE[1]) if source else self.p("按库存分配，见明细")
        rows = [
            ["发出仓库", from_name, "接收单位或仓库", to_name],
            ["地　　址", self.p(source.get("address")), "地　　址", self.p(order["to_address"])],
            ["联 系 人", self.p(source.get("contact")), "联 系 人", self.p(order["to_contact"])],
            ["电　　话", self.p(source.get("phone")), "电　　话", self.p(order["to_phone"])],
        ]
        return [self.grid(rows, WIDE)]

    def issuing(self, depots: list[dict]) -> Table:
        rows: list[list] = [
            [f"发出仓库（共 {len(depots)} 个）", "地　　址", "联 系 人", "电　　话"]
        ]
        for depot in depots:
            rows.append(
                [
                    self.party(depot, ISSUING_WIDTHS[0]),
                    self.p(depot["address"]),
                    self.p(depot["contact"]),
                    self.p(depot["phone"]),
                ]
            )
        return self.grid(
            rows, ISSUING_WIDTHS, centred=(), extra=[("ALIGN", (0, 0), (-1, 0), "CENTER")]
        )

    def transport(self, order: dict) -> Table:
        driver, phone = self.p(order["driver"]), self.p(order["driver_phone"])
        rows = [["运输车辆", self.p(order["vehicle"]), "驾 驶 员", driver, "电话", phone]]
        return self.grid(rows, WIDE[:3] + (26, 14, 30), centred=(0, 2, 4))

    def oral(self, order: dict) -> str:
        text = (
            f"本单依据{order['approver']}的口头/电话指令办理，"
            f"指令记录于 {_when(order['oral_at'])}；"
        )
        if order["paperwork_due"]:
            return text + f"书面手续须于 {_when(order['paperwork_due'])} 前补办。"
        return text + f"书面手续已于 {_when(order['paperwork_done_at'])} 补办。"

    def row(self, label, text: str) -> Table:
        return self.grid([[label, self.p(text)]], (WIDE[0], 180 - WIDE[0]), centred=(0,))

    def lines(self, order: dict, depot: dict | None) -> Table:
        received = any(p["qty_received"] is not None for p in order["picks"])
        header, widths = list(LINE_HEADER), list(LINE_WIDTHS)
        if received:  # 实收 takes room from 品名 and 规格
            header.append("实收")
            widths[2:4] = [widths[2] - 2, widths[3] - 7]
            widths.append(12)
        header.append("备注")
        widths.append(180 - sum(widths))
        rows = [header]
        items, lots = set(), 0
        sent: dict[str, int] = {}  # by unit: 只 and 瓶 are not added together
        arrived: dict[str, int] = {}
        for line, pick, notes in _rows(order, depot):
            items.add(line["id"])
            lots += pick is not None
            unit = line["unit"]
            sent[unit] = sent.get(unit, 0) + (_sent(pick) if pick else 0)
            arrived[unit] = arrived.get(unit, 0) + ((pick and pick["qty_received"]) or 0)
            row = [
                str(line["line_no"]),
                self.fit(line["item"], widths[1]),
                self.p(line["item_name"], self.small),
                self.p(line["spec"], self.small),
                self.fit(line["unit"], widths[4]),
                self.fit(pick["lot"], widths[5]) if pick else "缺货",
                _text(pick and pick["expiry"]),
                self.number(f"{_sent(pick):,}", widths[7]) if pick else "0",
            ]
            if received:
                got = pick and pick["qty_received"]
                row.append(self.number(NONE if got is None else f"{got:,}", widths[8]))
            note = "<br/>".join(escape(_text(n)) for n in notes)
            row.append(Paragraph(note, self.small) if notes else "")
            rows.append(row)
        counted = f"共 {len(items)} 项物资、{lots} 个批次"
        if len(sent) == 1:  # one unit: the sums under 数量 and 实收
            total = ["合计", "", counted, "", "", "", ""]
            total += [self.number(f"{sum(sent.values()):,}", widths[7], 9)]
            if received:
                total.append(self.number(f"{sum(arrived.values()):,}", widths[8], 9))
        else:  # several: the sum of each unit written out, none under 数量
            counted += "：" + "、".join(f"{qty:,} {unit}" for unit, qty in sent.items())
            if received:
                counted += "；实收 " + "、".join(f"{q:,} {u}" for u, q in arrived.items())
            total = ["合计", "", self.p(counted), "", "", "", "", NONE]
            if received:
                total.append(NONE)
        rows.append([*total, ""])
        table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 8),
            ("FONTSIZE", (0, 0), (-1, 0), 9),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("BOX", (0, 0), (-1, -1), 1, "black"),
            ("LINEBELOW", (0, 0), (-1, 0), 1, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            # 合计: its label over 序号 and 物资编码, the counts up to 有效期
            ("SPAN", (0, -1), (1, -1)),
            ("SPAN", (2, -1), (6, -1)),
            ("ALIGN", (0, -1), (1, -1), "CENTER"),
            ("FONTSIZE", (0, -1), (-1, -1), 9),
            ("LINEABOVE", (0, -1), (-1, -1), 1, "black"),
        ]
        style += [("ALIGN", (c, 1), (c, -2), "CENTER") for c in (0, 4, 6)]
        style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in ((7, 8) if received else (7,))]
        table.setStyle(TableStyle(style))
        return table

    def signatures(self, depots: list[dict]) -> Table:
        """The signature blocks (批准人, a 发货人 per issuing depot, 运输人, 接收人), four
        to a row, beside the 盖章 area."""
        signers = [(who, "") for who in SIGNERS]
        if len(depots) > 1:
            signers[1:2] = [("发货人", d["code"]) for d in depots]
        rows: list[list] = []
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 9),
            ("BOX", (0, 0), (-1, -1), 1, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("SPAN", (-1, 0), (-1, -1)),
            ("VALIGN", (-1, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (-1, 0), (-1, -1), 6),
            ("LINEBEFORE", (-1, 0), (-1, -1), 0.5, "black"),
        ]
        for start in range(0, len(signers), PER_ROW):
            group = signers[start : start + PER_ROW]
            top = len(rows)
            rows.append([self.signer(who, depot) for who, depot in group])
            rows.append([""] * len(group))
            rows.append(["年　　月　　日"] * len(group))
            for row in rows[top:]:
                row += [""] * (PER_ROW - len(group) + 1)
            style.append(("ALIGN", (0, top + 2), (-2, top + 2), "RIGHT"))
            style.append(("LINEAFTER", (0, top), (len(group) - 1, top + 2), 0.5, "black"))
            if top:
                style.append(("LINEABOVE", (0, top), (len(group) - 1, top), 0.5, "black"))
        rows[0][-1] = Paragraph("单位（盖章）：", self.cell)
        width = SIGNATURES_WIDTH / PER_ROW * mm
        table = Table(
            rows,
            colWidths=[width] * PER_ROW + [(180 - SIGNATURES_WIDTH) * mm],
            rowHeights=[10 * mm, 12 * mm, 8 * mm] * (len(rows) // 3),
        )
        table.setStyle(TableStyle(style))
        return table

    def signer(self, who: str, depot: str):
        """A block's heading: who signs, and for a depot's 发货人 the depot's code."""
        if not depot:
            return f"{who}（签字）："
        text = f"{escape(who)}（签字）：<br/><font size=8>{escape(depot)}</font>"
        return Paragraph(text, ParagraphStyle("signer", parent=self.cell, leading=11))

    def explanation(self, order: dict, depot: dict | None) -> Paragraph:
        text = "说明：扫描右上方二维码可离线核验本单真伪（编号、物资明细与发单站点签名）。"
        depots = order["issuing"]
        if self.copies > 1:
            text += (
                "本单一式三联：第一联存根（填单单位留存），第二联出库联（发出仓库留存），"
                "第三联接收联（接收单位留存）。"
            )
            if len(depots) > 1:
                text += (
                    f"本单物资由 {len(depots)} 个仓库发出，出库联每库一份，列出自该库发出的批次。"
                )
        if depot is not None:
            text += f"本联为{depot['name']}（{depot['code']}）的出库联。"
        return Paragraph(escape(text), self.small)
