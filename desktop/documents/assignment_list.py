"""The assignment list (任务分工单) of one agency for an incident, after ICS-204.

A4 portrait: the title and the agency; 一、事件信息 (number, title, grade of the national
plan, hazard, place, lead agency, commander and phone, the operational period);
二、本单位任务 — each task the agency leads or supports (said which), with its phase, due
time, status (overdue said so), instructions, checklist as tick boxes, the agencies it
works with, the experts it needs and those sent, the plan clause it cites (with why, when
it applies a clause by analogy: 参照) and where the fields that are not the plan's come
from (the playbook task it was copied from: playbooks/provenance.py);
三、联络方式 (the commander, the agency's contact and duty phone, the agencies it works
with); 四、调拨物资 (the incident's allocation orders: number, status, from and to, lines);
signature blocks.

The operational period runs from the incident's activation (its report when no playbook
is activated) to the latest due time of the agency's open tasks; when all its tasks are
finished, to the latest due time of any of them; without due times, until further notice.
Due times count from the activation, or from the escalation that added the task.

The title is the form's fixed Chinese name (like the allocation order's); every other
label is translated (Chinese by default).

    render(db, "SJ-HY-CITY-20261207-001", "HY-WJW", "list.pdf") -> RenderResult
"""

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core import orders, playbooks, vocab
from desktop.core.errors import BioError
from desktop.core.i18n import current_language, tr
from desktop.core.incidents import experts, needs, records, tasks
from desktop.core.playbooks import provenance
from desktop.documents import fonts
from desktop.documents.allocation_order import RenderResult
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

TITLE = "生物安全事件任务分工单"
TITLE_EN = "Assignment list"
FINISHED = tasks.FINISHED
GRADE_BASIS = "《国家突发公共卫生事件应急预案》"
# mm: No. (the labels below it), task, role, due, status
TASK_WIDTHS = {"zh_CN": (20, 72, 16, 40, 32), "en": (26, 66, 16, 40, 32)}
WHOLE = FRAME_HEIGHT / 2  # a group this tall or less is kept on one page, a taller one split


def render(db, incident_ref: str, agency_code: str, path) -> RenderResult:
    """The assignment list of the agency (by code) for the incident (by id or number)."""
    incident = records.detail(db, incident_ref)
    code = (agency_code or "").strip()
    agency = next(
        db.query("SELECT * FROM agency WHERE code = ? AND deleted = 0", [code]),
        None,
    )
    if agency is None:
        raise BioError(tr("No agency with code {code}.", code=code))
    assigned = tasks.listing(db, incident["id"], agency=code)
    if not assigned:
        raise BioError(
            tr(
                "{agency} has no task in incident {number}: there is no assignment list to "
                "print. Activate a playbook, or choose an agency with tasks.",
                agency=agency["name"],
                number=incident["number"],
            )
        )
    mark = imprint(db)
    font = fonts.cjk_font()
    section = Section(
        heading=f"{TITLE}　{incident['number']}　{agency['short_name'] or agency['name']}",
        footer=mark.footer,
        reference=(tr("Incident No. {number}", number=incident["number"]), agency["name"]),
        watermark=mark.watermark,
    )
    story = _Form(db, font.name, incident, agency).story(assigned)

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


def operational_period(incident: dict, assigned: list[dict]) -> tuple[str, str | None]:
    """(start, end) as stored times; end None: until further notice (see the docstring)."""
    start = incident["activated_at"] or incident["reported_at"]
    open_due = [t["due"] for t in assigned if t["due"] and t["status"] not in FINISHED]
    due = open_due or [t["due"] for t in assigned if t["due"]]
    return start, max(due, key=records.moment) if due else None


class _Form:
    """Builds the flowables of one agency's list."""

    def __init__(self, db, font: str, incident: dict, agency: dict):
        self.db, self.font, self.incident, self.agency = db, font, incident, agency
        self.english = current_language() == "en"
        self.label_width = 26 if self.english else 20
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
        self.small = ParagraphStyle("small", parent=self.cell, fontSize=8, leading=10.5)
        self.centre = ParagraphStyle("centre", parent=self.cell, alignment=TA_CENTER)
        self.label = ParagraphStyle(
            "label", parent=self.centre, wordWrap=None if self.english else "CJK"
        )
        self.agencies = {a["code"]: a for a in db.query("SELECT * FROM agency WHERE deleted = 0")}
        copied = dict(
            db.execute(
                "SELECT id, playbook_task_id FROM incident_task WHERE incident_id = ?",
                [incident["id"]],
            ).fetchall()
        )
        where = playbooks.task_provenance(db, copied.values())
        self.provenance = {tid: where.get(ptid or "", {}) for tid, ptid in copied.items()}

    def p(self, value, style=None) -> Paragraph:
        lines = printable(value).splitlines() or [NONE]
        return Paragraph("<br/>".join(escape(line) for line in lines), style or self.cell)

    def heading(self, text: str) -> Title:
        return Title(text, self.font, 12, space_after=2 * mm, align="left")

    def story(self, assigned: list[dict]) -> list:
        story: list = [Title(TITLE, self.font, 20, space_after=1.5 * mm)]
        if self.english:
            story.append(Title(TITLE_EN, self.font, 11, space_after=1 * mm))
        story.append(self.p(f"（{self.agency['name']}）", ParagraphStyle(
            "agency", parent=self.centre, fontSize=13, leading=17)))  # fmt: skip
        story += [Spacer(1, 4 * mm), self.heading(tr("1. The incident")), self.facts(assigned)]
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            self.p(
                tr(
                    "Grades as the national plan sets them ({basis}: I especially serious, "
                    "II serious, III relatively serious, IV general). Due times count from "
                    "the activation of the playbook, or from the change of grade that added "
                    "the task.",
                    basis=GRADE_BASIS,
                ),
                self.small,
            )
        )
        story += [Spacer(1, 5 * mm), self.heading(tr("2. Tasks of this agency"))]
        story.append(self.p(self.counts(assigned)))
        story.append(Spacer(1, 2 * mm))
        sent = experts.listing(self.db, self.incident["id"])
        names = {
            code: name_en if self.english and name_en else name
            for code, name, name_en in self.db.execute("SELECT code, name, name_en FROM specialty")
        }
        # A task stays on one page when it is short (half a page); a longer one goes on
        # over the next, its first row repeated.
        for n, task in enumerate(assigned, 1):
            story += [Keep([self.task(n, task, sent, names)], 0, WHOLE), Spacer(1, 3 * mm)]
        # A heading never ends a page alone; a long table repeats its header row.
        contacts = self.contacts(assigned)
        heading = self.heading(tr("3. Contacts"))
        story += [Spacer(1, 2 * mm), Keep([heading, contacts], 1, WHOLE)]
        # the signatures stay with the materials: never alone on a page of their own
        heading = self.heading(tr("4. Materials ordered for the incident"))
        materials = [heading, *self.materials(), Spacer(1, 6 * mm), self.signatures()]
        story += [Spacer(1, 5 * mm), Keep(materials, 1, WHOLE)]
        return story

    def grid(self, rows, widths, extra=(), repeat_rows: int = 0) -> Table:
        return grid(rows, widths, self.font, centred=(), extra=extra, size=9,
                    repeat_rows=repeat_rows)  # fmt: skip

    def facts(self, assigned: list[dict]) -> Table:
        incident, lw = self.incident, self.label_width
        half = (180 - 2 * lw) / 2
        start, end = operational_period(incident, assigned)
        period = tr(
            "{start} to {end}",
            start=when(start),
            end=when(end) if end else tr("until further notice"),
        )
        place = " ".join(x for x in (incident["division_name"], incident["place"]) if x)
        phone = incident["commander_phone"]

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
             self.p(phone)],
            [label(tr("Operational period")), self.p(period), "", ""],
        ]  # fmt: skip
        spans = [("SPAN", (1, r), (3, r)) for r in (1, 3, 6)]
        return self.grid(rows, (lw, half, lw, half), extra=spans)

    def counts(self, assigned: list[dict]) -> str:
        code = self.agency["code"]
        lead = sum(t["lead_agency"] == code for t in assigned)
        late = sum(t["overdue"] for t in assigned)
        done = sum(t["status"] in FINISHED for t in assigned)
        return tr(
            "This agency leads {lead} task(s) and supports {support}; {done} finished, "
            "{late} overdue.",
            lead=lead,
            support=len(assigned) - lead,
            done=done,
            late=late,
        )

    def task(self, n: int, task: dict, sent: list[dict], names: dict) -> Table:
        code = self.agency["code"]
        leads = task["lead_agency"] == code
        status = task["status_name"]
        if task["overdue"]:
            status = tr("{status}, overdue", status=status)
        head = ParagraphStyle("head", parent=self.cell, fontSize=9.5, leading=12.5)
        title = (
            f"{task['title']}（{task['phase_title']}）" if task["phase_title"] else task["title"]
        )
        role = tr("Lead") if leads else tr("Support")
        rows = [
            [self.p(str(n), self.centre), self.p(title, head), self.p(role, self.centre),
             self.p(tr("Due {time}", time=when(task["due"])), self.centre),
             self.p(status, self.centre)],
        ]  # fmt: skip

        def row(label: str, value) -> None:
            rows.append([self.p(label, self.label), value, "", "", ""])

        row(tr("Instructions"), self.p(task["instructions"]))
        if task["checklist"]:
            ticks = "<br/>".join(f"□ {escape(printable(item))}" for item in task["checklist"])
            row(tr("Checklist"), Paragraph(ticks, self.cell))
        if leads:
            others = task["support_agency_names"]
            partners = tr("Supported by: {names}", names="、".join(others) if others else NONE)
        else:
            partners = tr("Led by: {name}", name=task["lead_agency_name"] or NONE)
        row(tr("Working with"), self.p(partners))
        if task["specialties"]:
            wanted = "、".join(
                tr(
                    "{name} ({count})",
                    name=names.get(s["code"], s["code"]),
                    count=s.get("count", 1),
                )
                for s in task["specialties"]
            )
            out = [
                f"{e['name']}（{e['organisation']}）"
                for e in sent
                if e["task_id"] == task["id"] and not e["released_at"]
            ]
            text = tr("Needed: {needed}", needed=wanted)
            if out:
                text += "；" + tr("sent: {names}", names="、".join(out))
            row(tr("Experts"), self.p(text))
        origin = self.provenance.get(task["id"], {})
        clause = task["clause"]
        if origin.get("clause_note"):
            clause = tr("{clause} (by analogy: {why})", clause=clause, why=origin["clause_note"])
        row(tr("Plan clause"), self.p(clause))
        row(tr("Other sources"), self.p(self.sources(origin.get("sources") or {})))
        if task["note"]:
            note = tr("{note} ({by}, {time})", note=task["note"], by=task["by"] or NONE,
                      time=when(task["at"]))  # fmt: skip
            row(tr("Progress"), self.p(note))
        spans = [("SPAN", (1, r), (4, r)) for r in range(1, len(rows))]
        widths = TASK_WIDTHS["en" if self.english else "zh_CN"]
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("BOX", (0, 0), (-1, -1), 1, "black"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), (0.94, 0.94, 0.94)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *spans,
        ]
        if task["overdue"]:  # seen at a glance on a black-and-white page
            style += [("BACKGROUND", (4, 0), (4, 0), (0.75, 0.75, 0.75)),
                      ("BOX", (4, 0), (4, 0), 1.5, "black")]  # fmt: skip
        return flowing(rows, [w * mm for w in widths], style, repeat_rows=1)

    def sources(self, sources: dict) -> str:
        """Where the task's fields that are not the plan's come from, by source."""
        return "；".join(
            f"{group['label']}：{'、'.join(group['fields'])}"
            for group in provenance.grouped(sources, provenance.TASK_FIELDS)
        )

    def contacts(self, assigned: list[dict]) -> Table:
        code = self.agency["code"]
        incident = self.incident
        rows = [[self.p(h, self.label) for h in
                 (tr("Role"), tr("Unit or name"), tr("Contact"), tr("Phone"))]]  # fmt: skip
        rows.append([self.p(tr("Commander"), self.label), self.p(incident["commander"]),
                     self.p(NONE), self.p(incident["commander_phone"])])  # fmt: skip
        seen = {code}
        rows.append(self.agency_row(tr("This agency"), self.agency))
        lead = self.agencies.get(incident["lead_agency"] or "")
        if lead and lead["code"] not in seen:
            seen.add(lead["code"])
            rows.append(self.agency_row(tr("Lead agency"), lead))
        partners = []
        for task in assigned:
            for other in [task["lead_agency"], *task["support_agencies"]]:
                if other and other not in seen and other in self.agencies:
                    seen.add(other)
                    partners.append(self.agencies[other])
        rows += [self.agency_row(tr("Working with"), a) for a in partners]
        widths = (28, 72, 35, 45)
        shade = [("BACKGROUND", (0, 0), (-1, 0), (0.94,) * 3)]
        return self.grid(rows, widths, extra=shade, repeat_rows=1)

    def agency_row(self, role: str, agency: dict) -> list:
        return [self.p(role, self.label), self.p(agency["name"]), self.p(agency["contact"]),
                self.p(agency["duty_phone"])]  # fmt: skip

    def materials(self) -> list:
        made = needs.incident_orders(self.db, self.incident["id"])
        if not made:
            return [self.p(tr("No allocation order has been made for the incident yet."))]
        header = [
            tr("Order No."),
            tr("Status"),
            tr("From → to"),
            tr("Order lines"),
            tr("Needed by"),
        ]
        rows = [[self.p(h, self.label) for h in header]]
        for listed in sorted(made, key=lambda o: o["number"]):
            order = orders.detail(self.db, listed["number"])
            lines = "；".join(
                f"{line['item_name']} {line['qty_requested']:,} {line['unit']}".strip()
                for line in order["lines"]
            )
            route = f"{order['from_depot_name'] or NONE} → {listed['destination'] or NONE}"
            rows.append([self.p(order["number"], self.small),
                         self.p(vocab.order_status(order["status"]), self.centre),
                         self.p(route, self.small), self.p(lines, self.small),
                         self.p(order["needed_by"], self.centre)])  # fmt: skip
        shade = [("BACKGROUND", (0, 0), (-1, 0), (0.94,) * 3)]
        return [self.grid(rows, (38, 18, 52, 50, 22), extra=shade, repeat_rows=1)]

    def signatures(self) -> Table:
        rows = [
            [
                tr("{who} (signature):", who=who)
                for who in (tr("Prepared by"), tr("Approved by (command)"), tr("Received by"))
            ],
            [""] * 3,
            [tr("Date:")] * 3,
        ]
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
