"""The monitoring summary report (长期监测总结报告) of an incident, or of one cohort, over a
period, on A4 portrait: what report.summary says, laid out.

一、监测概况 (the incident, the period, the plan's basis — 三（六）三, led by 市生态环境局 and
市卫生健康委 —, the people followed per cohort and status, the sampling sites); 二、监测覆盖
情况 (per schedule: checks due, done, missing, coverage and its state with the reason of an
early end); 三、监测结果 (normal and abnormal counts, the range of numeric values); 四、异常
发现 (each abnormal result, its subject a masked name, and how it was handled); 五、分析与
建议 (the analyst's recommendations) and the analyst's signature. An empty section says so
in a sentence. ID numbers and phones are never printed: a person appears only by the
masked name the core gives.

The title is the form's fixed Chinese name (like the other documents); every other label is
translated (Chinese by default).

    render(db, "SJ-HY-CITY-20261207-001", "monitoring.pdf", cohort="密切接触者",
           start=date(2026, 12, 1), end="2027-01-31") -> RenderResult
"""

from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core import choices, values, vocab
from desktop.core.errors import Invalid
from desktop.core.i18n import current_language, tr
from desktop.core.monitoring import report
from desktop.core.roster import agencies
from desktop.documents import fonts
from desktop.documents.allocation_order import RenderResult
from desktop.documents.layout import (
    FRAME_HEIGHT,
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

TITLE = "长期监测总结报告"
TITLE_EN = "Long-term monitoring summary report"
PLAN = "《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》"
LEADS = ("HY-STHJJ", "HY-WJW")  # 市生态环境局, 市卫生健康委: the plan's 三（六）三
SHADE = (0.94, 0.94, 0.94)
WHOLE = FRAME_HEIGHT / 2  # a heading and what follows, this tall or less, stay on one page


def render(db, incident_ref, path, cohort=None, start=None, end=None) -> RenderResult:
    """The summary of the incident's monitoring (of one cohort when given) over the period
    from start to end (dates or date texts; by default from the first check to today)."""
    start, end = _day(start, tr("Period from")), _day(end, tr("Period to"))
    if start and start > min(end or date.max, values.now().date()):
        raise Invalid(
            "start",
            tr("The period starts on {start}, after its end {end}: nothing to report.",
               start=start, end=min(end or date.max, values.now().date())),
        )  # fmt: skip
    found = report.summary(db, incident_ref, cohort, start, end)
    mark = imprint(db)
    font = fonts.cjk_font()
    number = found["incident"]["number"]
    section = Section(
        heading=f"{TITLE}　{number}",
        footer=mark.footer,
        reference=(tr("Incident No. {number}", number=number), _period(found)),
        watermark=mark.watermark,
    )
    story = _Report(db, font.name, found).story()

    def produce(temporary: str) -> int:
        words = tr("Page {page} of {total}")
        doc = SectionedDoc(temporary, font.name, section.heading, mark.author, words)
        return doc.build_sections([(section, story)])

    target = Path(path)
    return RenderResult(target, write_atomically(target, produce), font.warning)


def _day(value, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(values.date_iso(str(value)[:40], field) or "")
    except (values.BadValue, ValueError) as error:
        raise Invalid("period", str(error)) from None


def _period(found: dict) -> str:
    first, last = found["period"]
    return tr("Period: {start} to {end}", start=first, end=last)


def _figure(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"


def _degrees(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _count(value) -> str:
    return NONE if value is None else f"{value:,}"


class _Report:
    """Builds the flowables of the report from report.summary."""

    def __init__(self, db, font: str, found: dict):
        self.db, self.font, self.found = db, font, found
        self.english = current_language() == "en"
        cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
        words = None if self.english else "CJK"  # English labels break between words
        centred = {"alignment": TA_CENTER}
        head = 8 if self.english else 9  # a narrow table's header row
        self.styles = {
            "cell": cell,
            "label": ParagraphStyle("label", cell, wordWrap=words, **centred),
            "head": ParagraphStyle("head", cell, wordWrap=words, fontSize=head, leading=10),
            "name": ParagraphStyle("name", cell, wordWrap=words),  # agencies' names
            "centre": ParagraphStyle("centre", cell, **centred),
            "right": ParagraphStyle("right", cell, alignment=TA_RIGHT),
            "small": ParagraphStyle("small", cell, fontSize=8, leading=10.5),
            "body": ParagraphStyle("body", cell, fontSize=10, leading=15, leftIndent=6 * mm),
            "sub": ParagraphStyle("sub", cell, fontSize=13, leading=17, **centred),
        }
        self.styles["head"].alignment = TA_CENTER
        self.agencies = {}  # a stored name or code → the short name in the user's language
        for a in agencies.list(db):
            shown = vocab.local_name(a["short_name"] or a["name"], a["name_en"])
            self.agencies[a["name"]] = self.agencies[a["code"]] = shown

    def p(self, value, style: str = "cell", bullet: str | None = None) -> Paragraph:
        """A text as a paragraph: escaped, its line breaks kept, — for nothing."""
        lines = printable(value).splitlines() or [NONE]
        markup = "<br/>".join(escape(line) for line in lines)
        return Paragraph(markup, self.styles[style], bulletText=bullet)

    def table(self, header: list[str], rows: list[list], widths, align: str = "",
              head: str = "label") -> Table:  # fmt: skip
        """A bordered table, its shaded header row repeated on every page. `align` has a
        letter a column: l (left), c (centred), r (right, numbers), n (a name: English
        breaks between words); head: the header row's style."""
        kinds = {"l": "cell", "c": "centre", "r": "right", "n": "name"}
        body = [[self.p(h, head) for h in header]]
        for row in rows:
            body.append([
                cell if isinstance(cell, Paragraph)
                else self.p(cell, kinds[align[c] if c < len(align) else "l"])
                for c, cell in enumerate(row)
            ])  # fmt: skip
        style = [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 3)]  # fmt: skip
        return grid(body, widths, self.font, extra=style, repeat_rows=1)

    def section(self, heading: str, first, *rest) -> list:
        """A numbered section: the heading kept with the start of what follows (the whole
        of it when short)."""
        title = Title(heading, self.font, 12, space_after=2 * mm, align="left")
        return [Spacer(1, 5 * mm), Keep([title, first], 1, WHOLE), *rest]

    def subheading(self, text: str, first) -> Keep:
        title = Title(text, self.font, 10.5, space_after=1.5 * mm, align="left")
        return Keep([Spacer(1, 3 * mm), title, first], 2, WHOLE)

    def agency(self, name: str) -> str:
        return self.agencies.get(name or "", name or "")

    # ------------------------------------------------------------ the story

    def story(self) -> list:
        incident = self.found["incident"]
        story: list = [Title(TITLE, self.font, 20, space_after=1.5 * mm)]
        if self.english:
            story.append(Title(TITLE_EN, self.font, 11, space_after=1 * mm))
        story += [self.p(incident["title"], "sub"), Spacer(1, 1 * mm)]
        heading = [tr("Incident No. {number}", number=incident["number"]), _period(self.found)]
        if self.found["cohort"]:
            heading.append(tr("Cohort: {cohort}",
                              cohort=vocab.name("cohort", self.found["cohort"])))  # fmt: skip
        story.append(self.p("　".join(heading), "centre"))
        story += self.section(tr("1. Overview of the monitoring"), self.overview(),
                              self.people(), self.sites())  # fmt: skip
        story += self.section(tr("2. Coverage"), self.coverage())
        story += self.section(tr("3. Results"), *self.results())
        story += self.section(tr("4. Abnormal findings"), *self.findings())
        story += self.section(tr("5. Analysis and recommendations"), *self.recommendations())
        return story

    def overview(self) -> Table:
        found, incident = self.found, self.found["incident"]
        lw = 28 if self.english else 20
        half = (180 - 2 * lw) / 2
        active = sum(s["state"] == "active" for s in found["schedules"])
        if active:
            state = tr("In progress ({count} of {total} schedules)", count=active,
                       total=len(found["schedules"]))  # fmt: skip
        else:
            state = tr("Ended") if found["schedules"] else tr("No schedule")
        cohort = found["cohort"]
        leads = [self.agencies.get(code, "") for code in LEADS]
        leads_text = ("、" if not self.english else ", ").join(x for x in leads if x)
        basis = tr(
            "The city's plan {plan}, 三（六）三: long-term environmental and health monitoring "
            "of the areas and people contaminated, led by {agencies}, with recommendations "
            "drawn from it.",
            plan=PLAN, agencies=leads_text or "市生态环境局、市卫生健康委",
        )  # fmt: skip

        def label(text: str) -> Paragraph:
            return self.p(text, "label")

        rows = [
            [label(tr("Incident No.")), incident["number"], label(tr("Incident status")),
             self.p(vocab.name("incident_status", incident["status"]))],
            [label(tr("Incident")), self.p(incident["title"]), "", ""],
            [label(tr("Monitoring period")), self.p(tr("{start} to {end}", start=found["period"][0],
                                                       end=found["period"][1])),
             label(tr("Cohort")), self.p(vocab.name("cohort", cohort) if cohort
                                         else tr("All cohorts and sites"))],
            [label(tr("Monitoring")), self.p(state), label(tr("Reported at")),
             when(incident["reported_at"])],
            [label(tr("Basis")), self.p(basis), "", ""],
        ]  # fmt: skip
        spans = [("SPAN", (1, r), (3, r)) for r in (1, 4)]
        return grid(rows, (lw, half, lw, half), self.font, extra=spans)

    def people(self) -> Keep:
        counts = self.found["people"]
        title = tr("People followed")
        if not counts:
            return self.subheading(title, self.p(tr("No person is followed.")))
        statuses = list(vocab.MONITOR_STATUSES)
        rows, totals = [], [0] * (len(statuses) + 1)
        for code in (c for c in vocab.COHORTS if c in counts):
            figures = [counts[code].get(s, 0) for s in statuses]
            figures.append(sum(counts[code].values()))
            totals = [a + b for a, b in zip(totals, figures, strict=True)]
            rows.append([vocab.name("cohort", code), *map(_count, figures)])
        if len(rows) > 1:
            rows.append([tr("Total"), *map(_count, totals)])
        header = [tr("Cohort"), *(vocab.name("monitor_status", s) for s in statuses), tr("Total")]
        table = self.table(header, rows, (40, 28, 28, 28, 28, 28), "lrrrrr")
        return self.subheading(title, table)

    def sites(self) -> Keep:
        title = tr("Sampling sites")
        if self.found["cohort"]:
            return self.subheading(title, self.p(tr("A report on one cohort leaves out the "
                                                    "sampling sites.")))  # fmt: skip
        found = self.found["sites"]
        if not found:
            return self.subheading(title, self.p(tr("No sampling site has been set up.")))
        names = {d["code"]: vocab.local_name(d["name"], d["name_en"])
                 for d in choices.load(self.db, "divisions")["divisions"]}  # fmt: skip
        rows = []
        for n, s in enumerate(found, 1):
            spot = NONE
            if s["latitude"] is not None and s["longitude"] is not None:
                spot = f"{_degrees(s['latitude'])},\n{_degrees(s['longitude'])}"
            rows.append([n, vocab.name("site_kind", s["kind"]), s["place"],
                         names.get(s["division"], s["division_name"]), spot,
                         self.agency(s["agency_name"])])  # fmt: skip
        header = [tr("No."), tr("Site kind"), tr("Site place"), tr("Division"),
                  tr("Coordinates"), tr("Responsible agency")]  # fmt: skip
        return self.subheading(title, self.table(header, rows, (10, 18, 58, 30, 28, 36), "ccllcn"))

    def coverage(self):
        plans = self.found["schedules"]
        if not plans:
            return self.p(tr("No monitoring schedule has been set up."))
        states = {"active": tr("In progress"), "finished": tr("Finished"),
                  "ended": tr("Ended early")}  # fmt: skip
        rows = []
        for s in plans:
            state = states.get(s["state"], s["state"])
            if s["state"] == "ended" and s["end_reason"]:
                state += "\n" + tr("Reason: {reason}", reason=s["end_reason"])
            rows.append([s["measure"], s["subject"], self.agency(s["agency"]),
                         tr("Every {every} day(s)", every=s["every_days"]) + "\n"
                         + tr("for {days} days", days=s["for_days"]),
                         _count(s["subjects"]), _count(s["due"]), _count(s["done"]),
                         _count(s["missing"]), self.percent(s["coverage"]), state])  # fmt: skip
        due = sum(s["due"] for s in plans)
        done = sum(min(s["done"], s["due"]) for s in plans)
        rows.append([tr("Total"), "", "", "", "", _count(due), _count(done),
                     _count(sum(s["missing"] for s in plans)),
                     self.percent(round(100 * done / due, 1) if due else None), ""])  # fmt: skip
        header = [tr("Measure"), tr("Subject"), tr("Agency"), tr("Frequency and duration"),
                  tr("Subjects"), tr("Checks due"), tr("Done"), tr("Missing"), tr("Coverage"),
                  tr("State")]  # fmt: skip
        widths = (18, 22, 24, 20, 13, 12, 11, 13, 15, 32)
        table = self.table(header, rows, widths, "lnncrrrrr", head="head")
        table.setStyle([("SPAN", (0, -1), (4, -1)), ("LINEABOVE", (0, -1), (-1, -1), 1, "black")])
        return table

    def percent(self, value) -> str:
        return NONE if value is None else f"{value:g}%"

    def results(self) -> list:
        plans = self.found["schedules"]
        if not plans:
            return [self.p(tr("No result: no monitoring schedule has been set up."))]
        rows = []
        for s in plans:
            unit = s["unit"] or ""
            if s["min"] is None:
                spread = NONE
            elif s["min"] == s["max"]:
                spread = f"{_figure(s['min'])}{unit}"
            else:
                spread = f"{_figure(s['min'])}{unit} – {_figure(s['max'])}{unit}"
            counts = [s["done"], s["done"] - s["abnormal"], s["abnormal"]]
            rows.append([s["measure"], s["subject"], *map(_count, counts), spread])
        done = sum(s["done"] for s in plans)
        flagged = sum(s["abnormal"] for s in plans)
        line = tr("{done} result(s) recorded in the period, {abnormal} of them abnormal.",
                  done=f"{done:,}", abnormal=f"{flagged:,}")  # fmt: skip
        header = [tr("Measure"), tr("Subject"), tr("Results"), tr("Normal"), tr("Abnormal"),
                  tr("Range of values")]  # fmt: skip
        table = self.table(header, rows, (36, 48, 20, 20, 20, 36), "lnrrrc")
        return [self.p(line), Spacer(1, 1.5 * mm), table]

    def findings(self) -> list:
        found = self.found["abnormal"]
        if not found:
            return [self.p(tr("No abnormal result was recorded in the period."))]
        rows = []
        for n, r in enumerate(found, 1):
            how = (tr("Handled: {note}", note=r["handled_note"]) if r["handled"]
                   else tr("Not handled yet"))  # fmt: skip
            rows.append([n, r["due_on"], r["subject"], r["measure"],
                         f"{r['value']}{r['unit'] or ''}", r["note"], how])  # fmt: skip
        done = sum(bool(r["handled"]) for r in found)
        line = tr("{count} abnormal result(s): {handled} handled, {open} not handled yet.",
                  count=f"{len(found):,}", handled=f"{done:,}",
                  open=f"{len(found) - done:,}")  # fmt: skip
        header = [tr("No."), tr("Date"), tr("Subject"), tr("Measure"), tr("Result"), tr("Note"),
                  tr("Handling")]  # fmt: skip
        table = self.table(header, rows, (11, 19, 26, 24, 22, 40, 38), "cc")
        return [self.p(line), Spacer(1, 1.5 * mm), table]

    def recommendations(self) -> list:
        """Each recommendation with who entered it and when; the analyst's signature kept
        with the end of the last (the whole of it when short)."""
        notes = self.found["recommendations"]
        out: list = []
        if not notes:
            out.append(self.p(tr("The analyst has entered no recommendation.")))
        for n, note in enumerate(notes, 1):
            said = tr("Entered by {actor} at {time}.", actor=note["actor"],
                      time=when(note["created_at"]))  # fmt: skip
            if note["cohort"]:
                said += " " + tr("Cohort: {cohort}", cohort=vocab.name("cohort", note["cohort"]))
            bullet = f"{n}." if len(notes) > 1 else None
            out += [self.p(note["text"], "body", bullet), self.p(said, "small"),
                    Spacer(1, 2 * mm)]  # fmt: skip
        last = 0 if not notes else -3  # the last text, its attribution and the signature
        signed = Keep([*out[last:], Spacer(1, 8 * mm), self.signature()], 0, WHOLE)
        return [*out[:last], signed] if last else [signed]

    def signature(self) -> Table:
        rows = [[tr("Analyst (signature):"), tr("Date:")]]
        table = Table(rows, colWidths=[90 * mm, 90 * mm], rowHeights=[10 * mm])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font, 10),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))  # fmt: skip
        return table
