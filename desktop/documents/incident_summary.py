"""The incident summary report (事件总结报告): the whole record of an incident on A4.

一、基本情况 (details, times, scale); 二、级别调整 (the grade history, grades of the national
plan); 三、启动预案; 四、任务完成情况 (task status counts per lead agency, then the overdue
tasks); 五、物资需求与调拨 (required / have / need per item, the orders with their status);
六、专家派遣; 七、信息报告 (each report with its deadline met or missed and the deadline's
basis, and the reports due but not made); 八、大事记摘要 (the log without task updates,
which 四 sums up; each entry's first lines — the 大事记 prints in full on its own);
signatures. Tables repeat their header row when they continue on the next page.

The title is the form's fixed Chinese name (like the allocation order's); every other
label is translated (Chinese by default).

    render(db, "SJ-HY-CITY-20261207-001", "summary.pdf") -> RenderResult
"""

from collections import Counter
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.core import vocab
from desktop.core.i18n import current_language, tr
from desktop.core.incidents import experts, journal, needs, records, reports, tasks
from desktop.documents import fonts
from desktop.documents.allocation_order import RenderResult
from desktop.documents.incident_report import deadline_basis
from desktop.documents.layout import (
    FRAME_HEIGHT,
    NONE,
    Keep,
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

TITLE = "生物安全事件总结报告"
TITLE_EN = "Incident summary report"
GRADE_BASIS = "《国家突发公共卫生事件应急预案》"
LOG_LINE = 90  # characters of a 大事记 entry shown in brief
LOG_ENDS = 20  # entries shown from its beginning and from its end
LOG_LEFT_OUT = ("task",)  # task updates: section 四 counts them
HEADER_SHADE = (0.94, 0.94, 0.94)
WHOLE = FRAME_HEIGHT / 2  # a heading and a table this tall or less go on one page together


def render(db, incident_ref: str, path) -> RenderResult:
    """The summary report of the incident (by id or number) to a PDF at path."""
    incident = records.detail(db, incident_ref)
    mark = imprint(db)
    font = fonts.cjk_font()
    section = Section(
        heading=f"{TITLE}　{incident['number']}",
        footer=mark.footer,
        reference=(tr("Incident No. {number}", number=incident["number"]), ""),
        watermark=mark.watermark,
    )
    story = _Report(db, font.name, incident).story()

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


def _duration(start: str, end: datetime) -> str:
    seconds = max(int((end - records.moment(start)).total_seconds()), 0)
    days, rest = divmod(seconds, 86400)
    return tr("{days} d {hours} h", days=days, hours=rest // 3600)


class _Report:
    """Builds the flowables of the report."""

    def __init__(self, db, font: str, incident: dict):
        self.db, self.font, self.incident = db, font, incident
        self.now = records.now()
        self.english = current_language() == "en"
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=8, leading=10.5)
        # English words in the narrow centred columns break at spaces, not inside words
        self.centre = ParagraphStyle(
            "centre", parent=self.cell, alignment=TA_CENTER,
            wordWrap=None if self.english else "CJK",
        )  # fmt: skip
        self.number = ParagraphStyle("number", parent=self.cell, alignment=TA_RIGHT)
        self.label = ParagraphStyle(
            "label", parent=self.centre, wordWrap=None if self.english else "CJK"
        )

    # ------------------------------------------------------------ pieces

    def p(self, value, style=None) -> Paragraph:
        lines = printable(value).splitlines() or [NONE]
        return Paragraph("<br/>".join(escape(line) for line in lines), style or self.cell)

    def heading(self, text: str) -> Title:
        return Title(text, self.font, 12, space_after=2 * mm, align="left")

    def table(self, header, rows, widths, right=(), centre=(), times=(), head=None) -> Table:
        """A bordered table with a shaded header row that repeats on each page; the
        columns in `times` hold times, centred on one line; head: the header's style."""
        body = [[self.p(h, head or self.label) for h in header]]
        for row in rows:
            body.append(
                [
                    cell if c in times or not isinstance(cell, str | int | float | None) else
                    self.p(f"{cell:,}" if isinstance(cell, int) else cell,
                           self.number if c in right else self.centre if c in centre
                           else self.cell)
                    for c, cell in enumerate(row)
                ]
            )  # fmt: skip
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("BOX", (0, 0), (-1, -1), 1, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        for c in times:
            style += [("FONTSIZE", (c, 1), (c, -1), 8.5), ("ALIGN", (c, 1), (c, -1), "CENTER")]
        return flowing(body, [w * mm for w in widths], style, repeat_rows=1)

    def note(self, text: str) -> Paragraph:
        return self.p(text, self.small)

    def part(self, heading: str, *flowables) -> list:
        """A section: its heading kept with what follows when short, with its start when
        long (more than half a page: a long table or text is not moved whole)."""
        first, *rest = flowables
        return [Spacer(1, 5 * mm), Keep([self.heading(heading), first], 1, WHOLE), *rest]

    # ------------------------------------------------------------ the story

    def story(self) -> list:
        incident = self.incident
        story: list = [Title(TITLE, self.font, 20, space_after=1.5 * mm)]
        if self.english:
            story.append(Title(TITLE_EN, self.font, 11, space_after=1 * mm))
        story.append(self.p(incident["title"], ParagraphStyle(
            "sub", parent=self.centre, fontSize=13, leading=17)))  # fmt: skip
        story.append(Spacer(1, 1 * mm))
        story.append(self.p(tr("Incident No. {number}", number=incident["number"]), self.centre))
        story += self.part(tr("1. The incident"), self.facts(), Spacer(1, 2 * mm), self.scale())
        story += self.part(
            tr("2. Grade history"),
            self.grades(),
            Spacer(1, 1.5 * mm),
            self.note(tr("Grades of the national plan ({basis}).", basis=GRADE_BASIS)),
        )
        story += self.part(tr("3. Playbooks activated"), self.playbooks())
        story += self.part(tr("4. Tasks"), *self.tasks())
        story += self.part(tr("5. Material needs and allocation orders"), *self.materials())
        story += self.part(tr("6. Experts dispatched"), self.experts())
        story += self.part(tr("7. Information reports"), *self.reports())
        story += self.part(tr("8. Significant events in brief"), *self.log())
        story += [Spacer(1, 8 * mm), KeepTogether([self.signatures()])]
        return story

    def facts(self) -> Table:
        incident = self.incident
        lw = 26 if self.english else 20
        half = (180 - 2 * lw) / 2
        end = records.moment(incident["closed_at"]) if incident["closed_at"] else self.now
        lasted = _duration(incident["reported_at"], end)
        if not incident["closed_at"]:
            lasted = tr("{duration} so far", duration=lasted)
        place = " ".join(x for x in (incident["division_name"], incident["place"]) if x)

        def label(text) -> Paragraph:
            return self.p(text, self.label)

        rows = [
            [label(tr("Incident No.")), incident["number"], label(tr("Incident grade")),
             self.p(vocab.name("grade", incident["grade"]))],
            [label(tr("Incident")), self.p(incident["title"]), "", ""],
            [label(tr("Hazard")), self.p(vocab.name("hazard", incident["hazard"])),
             label(tr("Confirmation")),
             self.p(vocab.name("confirmation", incident["confirmation"]))],
            [label(tr("Place")), self.p(place), "", ""],
            [label(tr("Lead agency")), self.p(incident["lead_agency_name"]),
             label(tr("Incident status")),
             self.p(vocab.name("incident_status", incident["status"]))],
            [label(tr("Commander")), self.p(incident["commander"]), label(tr("Phone")),
             self.p(incident["commander_phone"])],
            [label(tr("Reported at")), when(incident["reported_at"]),
             label(tr("Response from")), when(incident["activated_at"])],
            [label(tr("Recovery from")), when(incident["recovery_at"]),
             label(tr("Monitoring from")), when(incident["monitoring_at"])],
            [label(tr("Closed at")), when(incident["closed_at"]), label(tr("Duration")),
             self.p(lasted)],
            [label(tr("Overview")), self.p(incident["description"]), "", ""],
        ]  # fmt: skip
        spans = [("SPAN", (1, r), (3, r)) for r in (1, 3, 9)]
        return grid(rows, (lw, half, lw, half), self.font, extra=spans, size=9)

    def scale(self) -> Table:
        incident = self.incident
        header = [tr("Exposed people"), tr("Patients"), tr("Responders"), tr("Sites"),
                  tr("Area (km²)"), tr("Expected days")]  # fmt: skip
        area = f"{incident['area_km2']:g}"
        row = [incident["exposed"], incident["patients"], incident["responders"],
               incident["sites"], area, incident["days"] or NONE]  # fmt: skip
        return self.table(header, [row], [30] * 6, centre=range(6), right=())

    def grades(self) -> Table:
        rows = []
        for g in self.incident["grades"]:
            new = vocab.name("grade", g["grade"])
            change = (
                tr("Graded {grade}", grade=new)
                if g["previous"] is None
                else f"{vocab.name('grade', g['previous'])} → {new}"
            )
            rows.append([when(g["at"]), change, g["reason"], g["actor"]])
        header = [tr("Time"), tr("Grade"), tr("Reason"), tr("By")]
        return self.table(header, rows, (28, 55, 72, 25), centre=(3,), times=(0,))

    def playbooks(self):
        made = self.incident["playbooks"]
        if not made:
            return self.p(tr("No playbook has been activated."))
        rows = [[p["code"], p["version"], p["title"], vocab.name("grade", p["grade"]),
                 when(p["activated_at"])] for p in made]  # fmt: skip
        header = [tr("Playbook"), tr("Version"), tr("Playbook title"), tr("Grade at activation"),
                  tr("Activated at")]  # fmt: skip
        return self.table(header, rows, (28, 14, 84, 26, 28), centre=(1, 3), times=(4,))

    def tasks(self) -> list:
        board = tasks.listing(self.db, self.incident["id"], at=self.now)
        if not board:
            return [self.p(tr("The incident has no tasks."))]
        statuses = list(vocab.TASK_STATUSES)
        per: dict[str, Counter] = {}
        names: dict[str, str] = {}
        for task in board:
            key = task["lead_agency"] or ""
            names[key] = task["lead_agency_name"] or NONE
            count = per.setdefault(key, Counter())
            count[task["status"]] += 1
            count["all"] += 1
            count["overdue"] += task["overdue"]
        total = sum(per.values(), Counter())
        named = [vocab.name("task_status", s) for s in statuses]
        header = [tr("Lead agency"), tr("Task count"), *named, tr("Overdue count")]
        rows = [
            [names[k], c["all"], *(c[s] for s in statuses), c["overdue"]] for k, c in per.items()
        ]
        rows.append([tr("Total"), total["all"], *(total[s] for s in statuses), total["overdue"]])
        numbers = range(1, len(header))
        if self.english:  # the English names of statuses are long words: a smaller header
            head = ParagraphStyle("head", parent=self.label, fontSize=7, leading=9)
            widths = (34, 14, *[18] * len(statuses), 24)
        else:
            head, widths = self.label, (44, 16, *[16] * len(statuses), 24)
        counts = self.table(header, rows, widths, centre=numbers, head=head)
        counts.setStyle([("LEFTPADDING", (0, 0), (-1, 0), 2), ("RIGHTPADDING", (0, 0), (-1, 0), 2)])
        counts.setStyle([("LINEABOVE", (0, -1), (-1, -1), 1, "black")])
        late = [t for t in board if t["overdue"]]
        out: list = [counts, Spacer(1, 3 * mm)]
        if not late:
            out.append(self.p(tr("No task is overdue.")))
            return out
        rows = [[t["title"], t["lead_agency_name"], when(t["due"]), t["status_name"],
                 _duration(t["due"], self.now)] for t in late]  # fmt: skip
        header = [tr("Task"), tr("Lead agency"), tr("Due"), tr("Status"), tr("Overdue by")]
        table = self.table(header, rows, (58, 44, 28, 20, 30), centre=(3, 4), times=(2,))
        title = self.p(tr("Overdue tasks ({count}):", count=len(late)))
        out.append(Keep([title, Spacer(1, 1.5 * mm), table], 2, WHOLE))
        return out

    def materials(self) -> list:
        out: list = []
        rows = []
        for n in needs.compute(self.db, self.incident["id"]):
            name = n["item_name"] or n["category_name"] or n["category"]
            rows.append([f"{name}（{n['item']}）" if n["item"] else name, n["unit"],
                         n["required"], n["have"], n["need"]])  # fmt: skip
        if rows:
            header = [tr("Item"), tr("Unit"), tr("Quantity required"), tr("Have"), tr("Need")]
            out.append(self.table(header, rows, (80, 16, 28, 28, 28), right=(2, 3, 4),
                                  centre=(1,)))  # fmt: skip
            out.append(Spacer(1, 1.5 * mm))
            out.append(
                self.note(
                    tr("Have: usable stock (released, unexpired, not reserved) in the depots "
                       "the incident may draw on, and what its own orders hold; need = "
                       "required − have, at least 0. Planning factors are editable examples, "
                       "not official norms.")
                )
            )  # fmt: skip
        else:
            out.append(self.p(tr("The incident has no material lines.")))
        out.append(Spacer(1, 3 * mm))
        made = needs.incident_orders(self.db, self.incident["id"])
        if not made:
            out.append(self.p(tr("No allocation order has been made for the incident yet.")))
            return out
        by_status = Counter(vocab.order_status(o["status"]) for o in made)
        statuses = "，".join(f"{k} {v}" for k, v in by_status.items())
        out.append(
            self.p(
                tr("Allocation orders: {count} ({statuses}).", count=len(made), statuses=statuses)
            )
        )
        out.append(Spacer(1, 1.5 * mm))
        rows = [[o["number"], vocab.order_status(o["status"]), o["source"] or NONE,
                 o["destination"], o["lines"], when(o["created_at"])]
                for o in sorted(made, key=lambda o: o["number"])]  # fmt: skip
        header = [tr("Order No."), tr("Status"), tr("Issuing depot"), tr("Receiving party"),
                  tr("Line count"), tr("Made at")]  # fmt: skip
        out.append(self.table(header, rows, (40, 16, 42, 38, 16, 28), centre=(1, 4), times=(5,)))
        return out

    def experts(self):
        sent = experts.listing(self.db, self.incident["id"])
        if not sent:
            return self.p(tr("No expert has been dispatched."))
        rows = [[e["name"], e["organisation"], e["task"] or NONE, when(e["dispatched_at"]),
                 when(e["released_at"]) if e["released_at"] else tr("Still out")]
                for e in sent]  # fmt: skip
        header = [
            tr("Expert name"),
            tr("Organisation"),
            tr("Task"),
            tr("Dispatched"),
            tr("Released"),
        ]
        return self.table(header, rows, (22, 50, 52, 28, 28), centre=(0, 4), times=(3,))

    def reports(self) -> list:
        made = reports.listing(self.db, self.incident["id"])
        expected = reports.schedule(self.db, self.incident["id"], self.now)
        rows = []
        for r in made:
            step = r["step_name"] or f"{r['from_unit']} → {r['to_unit']}"
            if not r["due_at"]:
                kept = tr("No deadline set")
            else:
                kept = tr("Late") if r["late"] else tr("On time")
            rows.append([r["seq"], f"{r['kind_name']}：{step}", when(r["reported_at"]),
                         when(r["due_at"]), kept,
                         deadline_basis(self.db, r) if r["due_at"] else NONE])  # fmt: skip
        missing = [e for e in expected if e["done"] is None]
        for e in missing:
            state = tr("Not made, overdue") if e["overdue"] else tr("Not yet due")
            kind = vocab.name("report_kind", e["kind"])
            name = kind if e["name"] == kind else f"{kind}：{e['name']}"
            basis = e["basis"]
            if e["kind"] == "first":
                basis = tr("{basis}: within {hours} h", basis=basis, hours=f"{e['hours']:g}")
            rows.append([NONE, name, tr("Not made"), when(e["due"]), state, basis])
        header = [tr("No."), tr("Report"), tr("Report time"), tr("Deadline"), tr("Deadline met"),
                  tr("Basis of the deadline")]  # fmt: skip
        late = sum(r["late"] for r in made)
        timed = sum(bool(r["due_at"]) for r in made)
        overdue = sum(e["overdue"] for e in missing)
        line = tr(
            "{made} report(s) made: {on_time} on time, {late} late; {missing} expected but "
            "not made, {overdue} of them overdue.",
            made=len(made), on_time=timed - late, late=late, missing=len(missing),
            overdue=overdue,
        )  # fmt: skip
        table = self.table(header, rows, (10, 47, 28, 28, 20, 47), centre=(0, 4), times=(2, 3))
        table.setStyle([("FONTSIZE", (5, 1), (5, -1), 8)])
        return [self.p(line), Spacer(1, 1.5 * mm), table]

    def log(self) -> list:
        entries = journal.entries(self.db, self.incident["id"])
        kept = [e for e in entries if e["kind"] not in LOG_LEFT_OUT]
        rows: list[list] = []
        for e in kept:
            text = " ".join(e["text"].split())
            if len(text) > LOG_LINE:
                text = text[: LOG_LINE - 1] + "…"
            rows.append([when(e["at"]), e["kind_name"], text])
        shown, left_out = len(rows), len(rows) - 2 * LOG_ENDS
        if left_out > 1:  # the beginning and the latest, the middle said to be left out
            middle = [NONE, NONE, tr("… {count} entries left out here …", count=left_out)]
            rows = [*rows[:LOG_ENDS], middle, *rows[-LOG_ENDS:]]
            shown = 2 * LOG_ENDS
        out: list = [
            self.p(tr("{shown} of {count} entries; task updates are summed up in 4. The full "
                      "log prints as the 大事记.", shown=shown, count=len(entries))),
        ]  # fmt: skip
        if rows:
            out += [Spacer(1, 1.5 * mm),
                    self.table([tr("Time"), tr("Entry kind"), tr("Event")], rows, (28, 22, 130),
                               centre=(1,), times=(0,))]  # fmt: skip
        return out

    def signatures(self) -> Table:
        rows = [
            [tr("{who} (signature):", who=who)
             for who in (tr("Prepared by"), tr("Reviewed by"), tr("Issued by"))],
            [""] * 3,
            [tr("Date:")] * 3,
        ]  # fmt: skip
        table = Table(rows, colWidths=[60 * mm] * 3, rowHeights=[8 * mm, 12 * mm, 8 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.font, 9),
                    ("BOX", (0, 0), (-1, -1), 1, "black"),
                    ("LINEAFTER", (0, 0), (-2, -1), 0.5, "black"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table
