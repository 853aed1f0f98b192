"""The after-action report and improvement plan of a drill (演练总结评估报告, HSEEP's AAR/IP
as Chinese practice writes it), printed from the drill's sandbox.

A4 portrait: the title with the drill's number and name; 一、演练概况 (name, kind, status,
dates, the simulated incident, the simulated time span, playbooks, participating agencies,
controllers, evaluators, the scenario); 二、演练目标与评估结果 (each objective with its
citation, its P/S/M/U rating and what the rating means, the evaluator's note, and its
expected actions met / late / missed / pending); 三、预期行动完成情况 (inject, action,
agency, deadline and time done on the drill's clock, result); 四、演练过程时间线 (injects
and actions at their T+ times); 五、做得好的方面; 六、待改进的方面; 七、物资缺口 (the
shortages of the drill's incidents, or every item of an automatic run's gap analysis,
shortages first); 八、改进计划 (issue, corrective action, responsible agency, due date,
status) and the evaluation lead's signature. An empty section says so in a sentence.

Every page is marked 演练: the diagonal watermark, the boxed label at the top right and the
running header (the title names the drill). The title is the form's fixed Chinese name
(like the other documents); every other label is translated (Chinese by default).

    render(sandbox, "YL-HY-CITY-20261207-001", "aar.pdf") -> RenderResult
    render(copy, drill_id, "aar.pdf", gap=items)  # drill run --auto
"""

from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core import choices, vocab
from desktop.core.drills import clock, records, report
from desktop.core.errors import BioError
from desktop.core.i18n import current_language, tr
from desktop.core.roster import agencies
from desktop.core.store import info
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

TITLE = "生物安全应急演练总结评估报告"
TITLE_EN = "Biosafety drill after-action report and improvement plan"
MARK = "演练"  # the watermark and the boxed label of every page, whatever the language
HEADER_SHADE = (0.94, 0.94, 0.94)
WHOLE = FRAME_HEIGHT / 2  # a heading and a table this tall or less go on one page together
TALLIED = ("met", "late", "missed", "pending")  # and "na", said only when there are some
# the punctuation between the parts of a text: colon, semicolon, comma, brackets
PUNCTUATION = {"zh_CN": ("：", "；", "，", "（{}）"), "en": (": ", "; ", ", ", " ({})")}


def render(db, drill_ref: str, path, gap: list[dict] | None = None) -> RenderResult:
    """The after-action report of the drill (by id or number) from its sandbox to a PDF at
    path. gap: the rows of an automatic run's gap analysis ({item, item_name, unit,
    required, have, shortage, days_of_supply}), printed in 七 in place of the shortages."""
    drill = records.get(db, drill_ref)
    if info.drill_of(db) != drill["id"]:
        raise BioError(
            tr(
                "The after-action report of drill {number} is printed from the drill's own "
                "database, where it was played (bioreserve --drill {number} …).",
                number=drill["number"],
            )
        )
    found = report.data(db, drill["id"])
    mark = imprint(db)
    font = fonts.cjk_font()
    number = drill["number"]
    section = Section(
        heading=f"{TITLE}　{number}",
        footer=mark.footer,
        reference=(tr("Drill No. {number}", number=number), ""),
        label=MARK,
        watermark=MARK,
    )
    story = _Report(db, font.name, found, gap).story()

    def produce(temporary: str) -> int:
        words = tr("Page {page} of {total}")
        doc = SectionedDoc(temporary, font.name, section.heading, mark.author, words)
        return doc.build_sections([(section, story)])

    target = Path(path)
    return RenderResult(target, write_atomically(target, produce), font.warning)


def quantity(value, places: int = 0) -> str:
    """A number as printed, with separators and `places` decimals; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return printable(value)
    if not places and isinstance(value, float) and not value.is_integer():
        places = 1  # a fraction is never shown as a whole number
    return f"{value:,.{places}f}"


def t_plus(seconds) -> str:
    """A moment on the drill's clock (T+h:mm:ss), — for none."""
    return NONE if seconds is None else clock.shown(seconds)


class _Report:
    """Builds the flowables of the report from report.data."""

    def __init__(self, db, font: str, found: dict, gap: list[dict] | None):
        self.font, self.found, self.gap = font, found, gap
        self.drill = found["drill"]
        english = current_language() == "en"
        words = None if english else "CJK"  # English words break at spaces
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=8, leading=10.5)
        self.centre = ParagraphStyle(
            "centre", parent=self.cell, alignment=TA_CENTER, wordWrap=words
        )
        self.right = ParagraphStyle("right", parent=self.cell, alignment=TA_RIGHT)
        self.name = ParagraphStyle("name", parent=self.cell, wordWrap=words)  # agencies
        self.body = ParagraphStyle(
            "body",
            parent=self.cell,
            fontSize=10,
            leading=15,
            leftIndent=6 * mm,
            bulletIndent=0,
            spaceAfter=2,
            allowWidows=0,
        )
        self.label_width = 30 if english else 22  # mm: the label columns of 一
        self.english = english
        self.colon, self.semicolon, self.comma, self.brackets = PUNCTUATION[
            "en" if english else "zh_CN"
        ]
        self.agency_names = {}  # a code or Chinese name → the name in the user's language
        for a in agencies.list(db):
            shown = vocab.local_name(a["name"], a["name_en"])
            self.agency_names[a["code"]] = self.agency_names[a["name"]] = shown
        self.divisions = {
            d["code"]: vocab.local_name(d["name"], d["name_en"])
            for d in choices.load(db, "divisions")["divisions"]
        }

    # ------------------------------------------------------------ pieces

    def p(self, value, style=None, bullet: str | None = None) -> Paragraph:
        """A text as a paragraph: escaped, its line breaks kept, — for nothing."""
        lines = printable(value).splitlines() or [NONE]
        text = "<br/>".join(escape(line) for line in lines)
        return Paragraph(text, style or self.cell, bulletText=bullet)

    def label(self, text: str) -> Paragraph:
        return self.p(text, self.centre)

    def agency(self, code_or_name) -> str:
        return self.agency_names.get(code_or_name or "", code_or_name or "")

    def named(self, code_or_name) -> Paragraph:
        """An agency's name in a cell (English names break between words)."""
        return self.p(self.agency(code_or_name) or NONE, self.name)

    def table(self, header, rows, widths, centre=(), right=()) -> Table:
        """A bordered table whose shaded header row repeats on every page; text cells
        become paragraphs, centred or set right in the columns named."""

        def cell(c: int, value):
            if isinstance(value, Paragraph):
                return value
            return self.p(
                value, self.right if c in right else self.centre if c in centre else self.cell
            )

        body = [[self.p(h, self.centre) for h in header]]
        body += [[cell(c, value) for c, value in enumerate(row)] for row in rows]
        extra = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        return grid(body, widths, self.font, extra=extra, repeat_rows=1)

    def part(self, heading: str, first, *rest, tail=()) -> list:
        """A numbered section: its heading kept with what follows when that is short, with
        its start when long (a long table or text is not moved whole to the next page);
        a tail (the signature) kept with the end of `first`."""
        title = Title(heading, self.font, 12, space_after=2 * mm, align="left")
        return [Spacer(1, 5 * mm), Keep([title, first, *tail], 1, WHOLE), *rest]

    # ------------------------------------------------------------ the story

    def story(self) -> list:
        drill = self.drill
        centred = ParagraphStyle("sub", parent=self.centre, fontSize=13, leading=17, wordWrap="CJK")
        story: list = [Title(TITLE, self.font, 20, space_after=1.5 * mm)]
        if self.english:
            story.append(Title(TITLE_EN, self.font, 11, space_after=1 * mm))
        story += [
            self.p(drill["name"], centred),
            Spacer(1, 1 * mm),
            self.p(tr("Drill No. {number}", number=drill["number"]), self.centre),
        ]
        story += self.part(tr("1. Overview of the drill"), self.overview())
        story += self.part(tr("2. Objectives and their ratings"), *self.objectives())
        story += self.part(tr("3. Expected actions"), self.expected())
        story += self.part(tr("4. Time line of the drill"), self.timeline())
        story += self.part(
            tr("5. Strengths"),
            *self.observed(self.found["strengths"], tr("The evaluators recorded no strength.")),
        )
        story += self.part(
            tr("6. Areas for improvement"),
            *self.observed(
                self.found["areas"], tr("The evaluators recorded no area for improvement.")
            ),
        )
        story += self.part(tr("7. Material shortages"), *self.shortages())
        story += self.part(
            tr("8. Improvement plan"),
            self.improvement_plan(),
            tail=(Spacer(1, 10 * mm), self.signature()),
        )
        return story

    def overview(self) -> Table:
        drill = self.drill
        lw = self.label_width
        half = (180 - 2 * lw) / 2
        people = drill["people"]
        incident = [
            vocab.name("hazard", drill["hazard"]) if drill["hazard"] else "",
            vocab.name("grade", drill["grade"]) if drill["hazard"] else "",
            self.divisions.get(drill["division"] or "", ""),
            drill["place"],
        ]
        playbooks = [f"{p['code']}　{p['title']}" for p in drill["playbooks"]]
        rows = [
            [self.label(tr("Drill name")), self.p(drill["name"]), "", ""],
            [
                self.label(tr("Drill No.")),
                drill["number"],
                self.label(tr("Drill kind")),
                self.p(vocab.name("drill_kind", drill["kind"]), self.cell),
            ],
            [
                self.label(tr("Drill status")),
                self.p(records.status_name(drill)),
                self.label(tr("Planned at")),
                when(drill["created_at"]),
            ],
            [
                self.label(tr("Started at")),
                when(drill["started_at"]),
                self.label(tr("Ended at")),
                when(drill["ended_at"]),
            ],
            [self.label(tr("Simulated time span")), self.p(self.span()), "", ""],
            [
                self.label(tr("Simulated incident")),
                self.p(self.comma.join(x for x in incident if x)),
                "",
                "",
            ],
            [self.label(tr("Simulated scale")), self.p(self.scale()), "", ""],
            [self.label(tr("Playbooks")), self.p("\n".join(playbooks)), "", ""],
            [
                self.label(tr("Participating agencies")),
                self.p(self.people(people, "player")),
                "",
                "",
            ],
            [self.label(tr("Controllers")), self.p(self.people(people, "controller")), "", ""],
            [self.label(tr("Evaluators")), self.p(self.people(people, "evaluator")), "", ""],
            [self.label(tr("Scenario")), self.p(drill["scenario"]), "", ""],
        ]
        spans = [("SPAN", (1, r), (3, r)) for r in (0, 4, 5, 6, 7, 8, 9, 10, 11)]
        return grid(rows, (lw, half, lw, half), self.font, extra=spans)

    def span(self) -> str:
        """The simulated time span: on the drill's clock, and as simulated date and time."""
        shown = self.found["clock"]
        if not shown["t0"]:
            return tr("The drill has not started.")
        start = datetime.fromisoformat(shown["t0"])
        end = start + timedelta(seconds=shown["sim_s"])
        return tr(
            "T+0:00:00 to {end} (simulated time {start} to {finish})",
            end=shown["shown"],
            start=when(start.isoformat()),
            finish=when(end.isoformat()),
        )

    def scale(self) -> str:
        drill = self.drill
        figures = [
            (tr("Exposed people"), drill["exposed"]),
            (tr("Patients"), drill["patients"]),
            (tr("Responders"), drill["responders"]),
            (tr("Sites"), drill["sites"]),
            (tr("Area (km²)"), drill["area_km2"] and f"{drill['area_km2']:g}"),
            (tr("Expected days"), drill["days"]),
        ]
        return self.semicolon.join(f"{name} {quantity(value)}" for name, value in figures if value)

    def people(self, people: list[dict], role: str) -> str:
        """The people of a role: agency (name), one a line."""
        out = []
        for person in (p for p in people if p["role"] == role):
            agency = self.agency(person["agency"]) or person["agency_name"] or ""
            name = person["name"]
            out.append(agency + self.brackets.format(name) if agency and name else agency or name)
        return "\n".join(out)

    def tally(self, counts: dict) -> str:
        shown = [*TALLIED, *(["na"] if counts.get("na") else [])]
        return "\n".join(f"{vocab.name('result', k)} {counts.get(k, 0)}" for k in shown)

    def objectives(self) -> list:
        tally = self.found["tally"]
        total = tr(
            "{count} expected action(s): {met} met, {late} late, {missed} missed, {pending} "
            "pending, {na} not applicable.",
            count=sum(tally.values()),
            **tally,
        )
        made = self.found["objectives"]
        if not made:
            return [
                self.p(tr("No objectives were set for this drill.")),
                Spacer(1, 1.5 * mm),
                self.p(total),
            ]
        rows = []
        for o in made:
            goal = o["text"]
            if o["citation"]:
                goal += "\n" + tr("Basis: {citation}", citation=o["citation"])
            rating = o["rating_name"] or tr("Not rated")
            rows.append([o["code"], goal, rating, self.tally(o["tally"]), o["rating_note"]])
        header = [
            tr("Objective No."),
            tr("Objective"),
            tr("Rating"),
            tr("Expected actions"),
            tr("Evaluator's note"),
        ]
        table = self.table(header, rows, (20, 62, 30, 26, 42), centre=(0, 2))
        meanings = self.semicolon.join(vocab.name("rating", code) for code in vocab.RATINGS)
        return [
            table,
            Spacer(1, 1.5 * mm),
            self.p(total),
            self.p(tr("Ratings (HSEEP): {ratings}.", ratings=meanings), self.small),
        ]

    def expected(self):
        items = self.found["expected"]
        if not items:
            return self.p(tr("The drill's injects expected no action."))
        rows = []
        for e in items:
            action = vocab.name("action", e["action"])
            what = f"{action}{self.colon}{e['text']}" if e["text"] else action
            if e["note"]:
                what += "\n" + tr("Evaluator: {note}", note=e["note"])
            deadline = tr("within {minutes} min", minutes=e["within_min"])
            if e["deadline_s"] is not None:
                deadline = f"{t_plus(e['deadline_s'])}\n{deadline}"
            result = vocab.name("result", e["result"])
            if e["judged"]:
                result += "\n" + tr("(judged)")
            rows.append(
                [e["inject"], what, self.named(e["agency"]), deadline, t_plus(e["done_s"]), result]
            )
        header = [
            tr("Inject No."),
            tr("Expected action"),
            tr("Agency"),
            tr("Due (drill time)"),
            tr("Done at"),
            tr("Result"),
        ]
        return self.table(header, rows, (16, 60, 34, 24, 22, 24), centre=(0, 3, 4, 5))

    def timeline(self):
        events = self.found["timeline"]
        if not events:
            return self.p(
                tr(
                    "Nothing happened on the drill's clock: no inject fired and no "
                    "action was recorded."
                )
            )
        rows = []
        for t in events:
            if t["kind"] == "inject":
                kind = tr("Inject {no}", no=t["no"])
                who = " → ".join(x for x in (t["by"], self.agency(t["to"])) if x)
            else:
                kind, who = tr("Action"), t["by"]
            rows.append([t["shown"], kind, t["text"], self.p(who, self.name)])
        header = [tr("Drill time"), tr("Event kind"), tr("Event"), tr("From → to / by")]
        return self.table(header, rows, (22, 22, 100, 36), centre=(0, 1))

    def observed(self, observations: list[dict], none: str) -> list:
        """The observations numbered, each with its objective and drill time."""
        if not observations:
            return [self.p(none)]
        out = []
        for n, o in enumerate(observations, 1):
            where = [
                tr("Objective {code}", code=o["objective"]) if o["objective"] else "",
                t_plus(o["at_s"]) if o["at_s"] is not None else "",
            ]
            said = self.comma.join(x for x in where if x)
            text = o["text"] + (self.brackets.format(said) if said else "")
            out.append(self.p(text, self.body, bullet=f"{n}."))
        return out

    def shortages(self) -> list:
        note = self.p(
            tr(
                "Have: usable stock in the depots the incident may draw on; days of "
                "supply = have ÷ the daily need. Planning factors are editable "
                "examples, not official norms."
            ),
            self.small,
        )
        if self.gap is not None:
            rows = sorted(self.gap, key=lambda r: not (r.get("shortage") or 0) > 0)
            if not rows:
                return [self.p(tr("The automatic run found no material need."))]
            lead = tr(
                "The automatic run's gap analysis: every item the scenario needs, shortages first."
            )
        else:
            rows = self.found["shortages"]
            if not rows:
                return [self.p(tr("No shortage: stock met every need of the drill's incidents."))]
            lead = tr("Needs of the drill's incidents that stock could not meet.")
        several = len({r.get("incident") for r in rows}) > 1
        body = []
        for r in rows:
            name = r.get("item_name") or NONE
            item = name + self.brackets.format(r["item"]) if r.get("item") else name
            if several:
                item += f"\n{r['incident']}"
            body.append(
                [
                    item,
                    r.get("unit"),
                    quantity(r.get("required")),
                    quantity(r.get("have")),
                    quantity(r.get("shortage")),
                    quantity(r.get("days_of_supply"), places=1),
                ]
            )
        header = [
            tr("Item"),
            tr("Unit"),
            tr("Quantity required"),
            tr("Have"),
            tr("Shortage"),
            tr("Days of supply"),
        ]
        table = self.table(header, body, (66, 16, 26, 26, 24, 22), centre=(1,), right=(2, 3, 4, 5))
        return [self.p(lead), Spacer(1, 1.5 * mm), table, Spacer(1, 1.5 * mm), note]

    def improvement_plan(self):
        items = self.found["improvement_plan"]
        if not items:
            return self.p(tr("The improvement plan has no items."))
        rows = []
        for i in items:
            issue = i["issue"]
            if i["objective"]:
                issue += "\n" + tr("Objective {code}", code=i["objective"])
            action = i["action"] + ("\n" + tr("Note: {note}", note=i["note"]) if i["note"] else "")
            rows.append(
                [
                    i["position"],
                    issue,
                    action,
                    self.named(i["agency"]),
                    i["due_on"] or NONE,
                    vocab.name("improvement_status", i["status"]),
                ]
            )
        header = [
            tr("No."),
            tr("Issue"),
            tr("Corrective action"),
            tr("Responsible agency"),
            tr("Due date"),
            tr("Status"),
        ]
        return self.table(header, rows, (10, 52, 56, 28, 20, 14), centre=(0, 4, 5))

    def signature(self) -> Table:
        who = tr("{who} (signature):", who=tr("Evaluation lead"))
        table = Table([[who, tr("Date:")]], colWidths=[90 * mm, 90 * mm], rowHeights=[12 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.font, 10),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table
