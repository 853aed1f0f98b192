"""CLI for incidents (事件): record, activate playbooks, escalate, the task board, needs and
draft orders, information reports, the 大事记, experts, documents, close.

ID is an incident's id or number (SJ-…); statuses, grades and kinds are accepted by their
codes and by their Chinese or English names."""

from pathlib import Path

import click

from desktop.cli.common import State, table, wrote
from desktop.core import incidents, values, vocab
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.incidents import experts, journal, needs, records, reports, tasks

PDF = click.Path(dir_okay=False, path_type=Path)
DETAIL_OPTIONS = (
    ("--title", "title", tr("Title.")),
    (
        "--hazard",
        "hazard",
        tr("Hazard: a playbook hazard code (bioterror, infectious_disease, …)."),
    ),
    ("--confirmation", "confirmation", tr("可疑, 疑似 or 确诊 (possible, suspected, confirmed).")),
    ("--division", "division", tr("Division code (GB/T 2260), e.g. 430422.")),
    ("--place", "place", tr("Place.")),
    ("--description", "description", tr("What happened (事件概况).")),
    ("--lead-agency", "lead_agency", tr("Lead agency code.")),
    ("--commander", "commander", tr("Commander.")),
    ("--commander-phone", "commander_phone", tr("Commander's phone.")),
    ("--exposed", "exposed", tr("People exposed.")),
    ("--patients", "patients", tr("Patients.")),
    ("--responders", "responders", tr("Responders.")),
    ("--sites", "sites", tr("Sites.")),
    ("--area", "area_km2", tr("Area affected, km².")),
    ("--days", "days", tr("Expected duration in days.")),
    ("--reported-at", "reported_at", tr("When it was reported (2026-03-01 14:30; default now).")),
    ("--notes", "notes", tr("Notes.")),
)


def _detail_options(required: tuple[str, ...] = ()):
    def wrap(command):
        for flag, name, text in reversed(DETAIL_OPTIONS):
            command = click.option(flag, name, required=flag in required, help=text)(command)
        return click.option(
            "--depot",
            "depots",
            multiple=True,
            help=tr("A depot it may draw on (repeat); default: its division's and the city's."),
        )(command)

    return wrap


def _given(options: dict) -> dict:
    out = {k: v for k, v in options.items() if v is not None and k != "depots"}
    if options.get("depots"):
        out["depots"] = list(options["depots"])
    return out


@click.group(help=tr("Incidents (事件): activation, tasks, needs, reports, log, experts."))
def incident():
    pass


@incident.command("create", help=tr("Record a new incident (status 报告)."))
@click.option("--grade", required=True, help=tr("I, II, III or IV (特别重大, 重大, 较大, 一般)."))
@_detail_options(required=("--title", "--hazard", "--division"))
@click.pass_obj
def incident_create(state: State, grade, **options):
    made = incidents.create(state.open(), state.ctx, {**_given(options), "grade": grade})
    state.emit(made, tr("Incident {number} recorded (id {id}).", **made))


@incident.command("edit", help=tr("Change an incident's details (not its grade or status)."))
@click.argument("ref", metavar="ID")
@_detail_options()
@click.pass_obj
def incident_edit(state: State, ref, **options):
    given = _given(options)
    if not given:
        raise BioError(tr("Say what to change, e.g. --patients 12."))
    changed = incidents.update(state.open(), state.ctx, ref, given)
    state.emit(
        {"changed": changed},
        tr("Changed: {fields}.", fields=", ".join(records.field_names(changed)))
        if changed
        else tr("No change."),
    )


def _times(row: dict, *names: str) -> dict:
    """The row with these stored times as people read them (text output only)."""
    return {**row, **{n: values.shown_time(row.get(n)) for n in names}}


def _row(row: dict) -> dict:
    return {
        **_times(row, "reported_at"),
        "grade_name": vocab.name("grade", row["grade"]),
        "status_name": vocab.name("incident_status", row["status"]),
        "hazard_name": vocab.name("hazard", row["hazard"]),
    }


@incident.command("list", help=tr("Incidents, newest first."))
@click.option("--status", help=tr("Only this status."))
@click.option("--active", is_flag=True, help=tr("Only incidents not closed."))
@click.option("--search", help=tr("Number, title or place contains this."))
@click.pass_obj
def incident_list(state: State, status, active, search):
    rows = records.listing(state.open(), status, active, search)
    state.emit(
        rows,
        table(
            [_row(r) for r in rows],
            [("number", tr("Number")), ("title", tr("Title")), ("hazard_name", tr("Hazard")),
             ("grade_name", tr("Grade")), ("status_name", tr("Status")),
             ("division_name", tr("Division")), ("tasks", tr("Tasks")),
             ("overdue_tasks", tr("Overdue")), ("reported_at", tr("Reported"))],
        ),
    )  # fmt: skip


@incident.command("show", help=tr("One incident: details, grades, playbooks, depots."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_show(state: State, ref):
    detail = records.detail(state.open(), ref)
    lines = [
        f"{detail['number']}  {detail['title']}",
        tr("Hazard: {hazard}; grade: {grade}; {confirmation}; status: {status}",
           hazard=vocab.name("hazard", detail["hazard"]),
           grade=vocab.name("grade", detail["grade"]),
           confirmation=vocab.name("confirmation", detail["confirmation"]),
           status=vocab.name("incident_status", detail["status"])),
        tr("Division: {division} {place}", division=detail["division_name"], place=detail["place"]),
        tr("Lead agency: {agency}; commander: {commander} {phone}",
           agency=detail["lead_agency_name"] or "—", commander=detail["commander"] or "—",
           phone=detail["commander_phone"]),
        tr("Scale: {exposed} exposed, {patients} patients, {responders} responders, {sites} "
           "sites, {area} km², {days} days expected", exposed=detail["exposed"],
           patients=detail["patients"], responders=detail["responders"], sites=detail["sites"],
           area=detail["area_km2"], days=detail["days"] or "—"),
        tr("Reported {reported}; response {activated}; closed {closed}",
           reported=values.shown_time(detail["reported_at"]),
           activated=values.shown_time(detail["activated_at"]) or "—",
           closed=values.shown_time(detail["closed_at"]) or "—"),
        tr("Depots it may draw on: {depots}",
           depots=", ".join(d["code"] for d in detail["depots"]) or "—"),
        tr("Grades:"),
    ]  # fmt: skip
    for g in detail["grades"]:
        when = values.shown_time(g["at"])
        lines.append(
            f"  {when}  {g['previous'] or '—'} → {g['grade']}  {g['reason']}  ({g['actor']})"
        )
    lines.append(tr("Playbooks:"))
    for p in detail["playbooks"]:
        when = values.shown_time(p["activated_at"])
        lines.append(f"  {p['code']} v{p['version']}  {p['title']}  {when}")
    state.emit(detail, "\n".join(lines))


@incident.command("playbooks", help=tr("Playbooks suggested for the incident (its hazard)."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_playbooks(state: State, ref):
    rows = incidents.suggestions(state.open(), ref)
    shown = [{**r, "fits_text": tr("yes") if r["fits"] else tr("no"),
              "active_text": tr("yes") if r["activated"] else ""} for r in rows]  # fmt: skip
    state.emit(
        rows,
        table(shown, [("code", tr("Code")), ("version", tr("Version")), ("title", tr("Title")),
                      ("fits_text", tr("For its grade")), ("tasks_now", tr("Tasks now")),
                      ("active_text", tr("Activated"))]),
    )  # fmt: skip


@incident.command("activate", help=tr("Activate a playbook: its tasks and material lines."))
@click.argument("ref", metavar="ID")
@click.option("--playbook", "code", required=True, help=tr("Playbook code, e.g. PB-EID."))
@click.pass_obj
def incident_activate(state: State, ref, code):
    result = incidents.activate(state.open(), state.ctx, ref, code)
    state.emit(
        result,
        tr("Playbook {playbook} v{version} activated: {tasks} task(s), {lines} material "
           "line(s).", **result),
    )  # fmt: skip


@incident.command("escalate", help=tr("Change the grade (up or down), with the reason."))
@click.argument("ref", metavar="ID")
@click.option("--grade", required=True, help=tr("I, II, III or IV."))
@click.option("--reason", required=True, help=tr("Why the grade changes."))
@click.pass_obj
def incident_escalate(state: State, ref, grade, reason):
    result = incidents.escalate(state.open(), state.ctx, ref, grade, reason)
    state.emit(
        result,
        tr("Grade {previous} → {grade}; {tasks} task(s) added.", **result),
    )


@incident.command("advance", help=tr("Move the status forward: 响应, 恢复, 长期监测 or 关闭."))
@click.argument("ref", metavar="ID")
@click.option("--status", required=True, help=tr("The new status."))
@click.option("--note", default="", help=tr("A note for the log."))
@click.pass_obj
def incident_advance(state: State, ref, status, note):
    db = state.open()
    if records.choice("incident_status", status, "status") == "closed":
        row = incidents.close(db, state.ctx, ref, note)
    else:
        row = incidents.advance(db, state.ctx, ref, status, note)
    state.emit(
        {"number": row["number"], "status": row["status"]},
        tr("{number}: {status}", number=row["number"],
           status=vocab.name("incident_status", row["status"])),
    )  # fmt: skip


@incident.command("close", help=tr("Close the incident; experts still out are released."))
@click.argument("ref", metavar="ID")
@click.option("--note", default="", help=tr("A note for the log."))
@click.pass_obj
def incident_close(state: State, ref, note):
    row = incidents.close(state.open(), state.ctx, ref, note)
    state.emit(
        {"number": row["number"], "status": row["status"]},
        tr("{number}: {status}", number=row["number"],
           status=vocab.name("incident_status", row["status"])),
    )  # fmt: skip


TASK_KEYS = ("id", "title", "phase", "lead_agency", "support_agencies", "due", "status")


@incident.command("tasks", help=tr("The incident's tasks: agencies, due times, status."))
@click.argument("ref", metavar="ID")
@click.option("--agency", help=tr("Only tasks this agency leads or supports (its code)."))
@click.option("--status", help=tr("Only this status."))
@click.option("--overdue", is_flag=True, help=tr("Only overdue tasks."))
@click.pass_obj
def incident_tasks(state: State, ref, agency, status, overdue):
    rows = tasks.listing(state.open(), ref, agency, status, overdue)
    shown = [
        {**_times(r, "due"), "support": ", ".join(r["support_agencies"]),
         "late": tr("OVERDUE") if r["overdue"] else "", "short_id": r["id"][:8]}
        for r in rows
    ]  # fmt: skip
    state.emit(
        [{k: r[k] for k in TASK_KEYS} for r in rows],
        table(shown, [("short_id", tr("Id")), ("title", tr("Task")), ("phase_title", tr("Phase")),
                      ("lead_agency", tr("Lead")), ("support", tr("Support")), ("due", tr("Due")),
                      ("status_name", tr("Status")), ("late", ""), ("note", tr("Note"))]),
    )  # fmt: skip


@incident.command("task-status", help=tr("Record a task's status, with a note."))
@click.argument("task")
@click.argument("status")
@click.option("--note", default="", help=tr("What was done, what blocks it, or why not."))
@click.pass_obj
def incident_task_status(state: State, task, status, note):
    row = tasks.set_status(state.open(), state.ctx, task, status, note)
    state.emit(
        {k: row[k] for k in (*TASK_KEYS, "note", "by", "at")},
        tr("{title}: {status}", title=row["title"], status=row["status_name"]),
    )


NEED_KEYS = ("item", "required", "have", "need", "unit")


@incident.command("needs", help=tr("Required / have / need per item, with the depots."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_needs(state: State, ref):
    rows = needs.compute(state.open(), ref)
    shown = [
        {**r, "name": r["item_name"] or r["category_name"], "item_text": r["item"] or "—",
         **{k: f"{r[k]:,}" for k in ("required", "have", "need", "ordered")},
         "over_text": tr("{qty} over", qty=f"{r['over']:,}") if r["over"] else "",
         "where": ", ".join(f"{d['code']} {d['qty']:,}" for d in r["depots"])}
        for r in rows
    ]  # fmt: skip
    state.emit(
        [{k: r[k] for k in NEED_KEYS} for r in rows],
        table(shown, [("item_text", tr("Item")), ("name", tr("Name")),
                      ("required", tr("Required qty")), ("have", tr("Have")), ("need", tr("Need")),
                      ("unit", tr("Unit")), ("ordered", tr("Ordered")), ("over_text", ""),
                      ("where", tr("Depots"))]),
    )  # fmt: skip


@incident.command("draft-orders", help=tr("Draft allocation orders for what is still needed."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_draft_orders(state: State, ref):
    made = needs.draft_orders(state.open(), state.ctx, ref)
    lines = [
        tr("{number} from {depot}: {lines}", number=o["number"], depot=o["from_depot"],
           lines="; ".join(f"{x['item']} {x['qty']:,} {x['unit']}" for x in o["lines"]))
        for o in made.orders
    ]  # fmt: skip
    for s in made.short:
        lines.append(tr("Short: {item} by {qty}", item=s["item"] or s["item_name"], qty=s["qty"]))
    if not made.orders and not made.short:
        lines.append(tr("Nothing is left to order: the incident's orders cover what it requires."))
    state.emit({"orders": made.orders, "short": made.short}, "\n".join(lines))


@incident.command("orders", help=tr("The allocation orders made for the incident."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_orders(state: State, ref):
    from desktop.core.vocab import order_status

    rows = needs.incident_orders(state.open(), ref)
    shown = [{**_times(r, "created_at"), "status_label": order_status(r["status"])} for r in rows]
    state.emit(
        rows,
        table(shown, [("number", tr("Number")), ("status_label", tr("Status")),
                      ("source", tr("From")), ("destination", tr("To")),
                      ("lines", tr("Lines")), ("created_at", tr("Created"))]),
    )  # fmt: skip


@incident.command("report", help=tr("Record an information report (first, progress, final)."))
@click.argument("ref", metavar="ID")
@click.option("--kind", required=True, help=tr("first, progress or final (首次, 进程, 结案报告)."))
@click.option("--step", help=tr("First reports: the link of the reporting chain."))
@click.option("--at", "reported_at", help=tr("When it was reported (default now)."))
@click.option("--from", "from_unit", help=tr("Reporting unit."))
@click.option("--to", "to_unit", help=tr("Unit reported to."))
@click.option("--title", help=tr("Title."))
@click.option("--summary", help=tr("事件概况 (default: the incident's description)."))
@click.option("--measures", help=tr("已采取措施."))
@click.option("--next", "next_steps", help=tr("下一步工作."))
@click.option("--signer", help=tr("签发人."))
@click.pass_obj
def incident_report(state: State, ref, kind, **given):
    report = reports.add(state.open(), state.ctx, ref, kind, given)
    text = tr(
        "Report {number}: {kind}, {sender} → {receiver}, {at}; due {due}.",
        number=report["number"],
        kind=report["kind_name"],
        sender=report["from_unit"],
        receiver=report["to_unit"],
        at=values.shown_time(report["reported_at"]),
        due=values.shown_time(report["due_at"]) or "—",
    )
    if report["late"]:
        text += " " + tr("Late.")
    state.emit(report, text)  # fmt: skip


@incident.command("reports", help=tr("Reports expected (deadlines) and made."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_reports(state: State, ref):
    db = state.open()
    expected = reports.schedule(db, ref)
    made = reports.listing(db, ref)
    shown = [
        {**_times(e, "due"),
         "state": (tr("done {at}", at=values.shown_time(e["done"]["reported_at"]))
                   + (" " + tr("(late)") if e["late"] else "") if e["done"]
                        else tr("OVERDUE") if e["overdue"] else tr("due"))}
        for e in expected
    ]  # fmt: skip
    text = table(
        shown,
        [
            ("name", tr("Report")),
            ("receiver", tr("Reported to")),
            ("due", tr("Due")),
            ("state", tr("State")),
            ("basis", tr("Basis")),
        ],
    )
    text += "\n\n" + table(
        [_times(r, "reported_at", "due_at") for r in made],
        [("number", tr("Number")), ("kind_name", tr("Kind")), ("from_unit", tr("Reported by")),
         ("to_unit", tr("Reported to")), ("reported_at", tr("Reported")), ("due_at", tr("Due"))],
    )  # fmt: skip
    for e in expected:
        if e["done"]:
            e["done"] = e["done"]["id"]
    state.emit({"expected": expected, "made": made}, text)


@incident.command("report-deadlines", help=tr("Show or set the reporting deadlines (hours)."))
@click.option(
    "--set",
    "changes",
    multiple=True,
    help=tr("STEP=HOURS, progress_hours=H or final_days=D; =default restores it."),
)
@click.pass_obj
def incident_report_deadlines(state: State, changes):  # fmt: skip
    db = state.open()
    parsed = {}
    for text in changes:
        key, sep, value = text.partition("=")
        if not sep or not value.strip():  # an empty value is no change: =default says it
            raise BioError(tr("Write each change as STEP=HOURS (not {text}).", text=text))
        parsed[key.strip()] = value.strip()
    result = reports.set_deadlines(db, parsed, state.ctx) if parsed else reports.deadlines(db)
    rows = [{"step": s.code, "name": reports.step_name(s.code),
             "hours": f"{result['steps'][s.code]:g}",
             "basis": reports.basis_text(s.basis)} for s in reports.CHAIN]  # fmt: skip
    text = table(rows, [("step", tr("Code")), ("name", tr("Link")), ("hours", tr("Hours")),
                        ("basis", tr("Basis"))])  # fmt: skip
    text += "\n" + tr(
        "Progress reports every {hours} h (grades I, II); final report within {days} days.",
        hours=f"{result['progress_hours']:g}",
        days=f"{result['final_days']:g}",
    )
    state.emit(result, text)  # fmt: skip


@incident.command("report-print", help=tr("Print an information report to PDF (one page)."))
@click.argument("report")
@click.option("--out", "path", required=True, type=PDF, help=tr("The PDF file to write."))
@click.pass_obj
def incident_report_print(state: State, report, path):
    from desktop.documents import incident_report

    wrote(state, incident_report.render(state.open(), report, path))


@incident.command("log", help=tr("The significant-events log (大事记); --add writes an entry."))
@click.argument("ref", metavar="ID")
@click.option("--add", "text", help=tr("An entry to add."))
@click.option("--at", help=tr("When it happened (default now)."))
@click.option("--out", "path", type=PDF, help=tr("Print the log to this PDF."))
@click.pass_obj
def incident_log(state: State, ref, text, at, path):
    db = state.open()
    incident = records.get(db, ref)
    if text is not None:
        journal.add(db, state.ctx, incident, text, at)
    if path is not None:
        from desktop.documents import incident_log as log_document

        wrote(state, log_document.render(db, incident["id"], path))
        return
    rows = journal.entries(db, incident["id"])
    state.emit(
        rows,
        table([_times(r, "at") for r in rows],
              [("at", tr("Time")), ("kind_name", tr("Kind")), ("text", tr("Entry")),
               ("actor", tr("By"))]),
    )  # fmt: skip


@incident.command("experts", help=tr("Experts suggested per task, and those dispatched."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def incident_experts(state: State, ref):
    db = state.open()
    suggested = experts.suggestions(db, ref, ctx=state.ctx)
    out = experts.listing(db, ref, state.ctx)
    lines = []
    for task in suggested:
        lines.append(f"{task['title']} ({task['lead_agency'] or '—'})")
        for s in task["specialties"]:
            names = ", ".join(e["name"] for e in s["experts"]) or tr(
                "none available (available today, with a certificate that has not expired)"
            )
            lines.append(f"  {s['name']} ×{s['count']}: {names}")
    for problem in experts.problems(db):
        lines.insert(0, "⚠ " + experts.problem_text(problem))
    lines.append(tr("Dispatched:"))
    for row in out:
        out_at = values.shown_time(row["dispatched_at"])
        back = values.shown_time(row["released_at"]) or "…"
        lines.append(f"  {row['name']}  {out_at} → {back}")
    state.emit({"suggested": suggested, "dispatched": out}, "\n".join(lines))


@incident.command("dispatch", help=tr("Dispatch an expert (id or name) to the incident."))
@click.argument("ref", metavar="ID")
@click.argument("expert")
@click.option("--task", help=tr("The task they work on (its id)."))
@click.option("--note", default="", help=tr("A note."))
@click.pass_obj
def incident_dispatch(state: State, ref, expert, task, note):
    result = experts.dispatch(state.open(), state.ctx, ref, expert, task, note)
    text = tr("{name} dispatched.", name=result["name"])
    if not result["qualified"]:
        text += " " + tr("Note: {name} holds no certificate that has not expired.",
                         name=result["name"])  # fmt: skip
    state.emit(result, text)


@incident.command("release", help=tr("Release an expert from the incident."))
@click.argument("ref", metavar="ID")
@click.argument("expert")
@click.pass_obj
def incident_release(state: State, ref, expert):
    result = experts.release(state.open(), state.ctx, ref, expert)
    state.emit(result, tr("{name} released.", name=result["name"]))


@incident.command("assignment-list", help=tr("Print an agency's assignment list (PDF)."))
@click.argument("ref", metavar="ID")
@click.option("--agency", required=True, help=tr("Agency code."))
@click.option("--out", "path", required=True, type=PDF, help=tr("The PDF file to write."))
@click.pass_obj
def incident_assignment_list(state: State, ref, agency, path):
    from desktop.documents import assignment_list

    wrote(state, assignment_list.render(state.open(), ref, agency, path))


@incident.command("summary", help=tr("Print the incident summary report (PDF)."))
@click.argument("ref", metavar="ID")
@click.option("--out", "path", required=True, type=PDF, help=tr("The PDF file to write."))
@click.pass_obj
def incident_summary(state: State, ref, path):
    from desktop.documents import incident_summary as summary_document

    wrote(state, summary_document.render(state.open(), ref, path))


def register(cli: click.Group) -> None:
    cli.add_command(incident)
