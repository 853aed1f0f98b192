"""CLI for long-term monitoring (长期监测): people by cohort, sampling sites, schedules, due
checks, results, alerts, recommendations, the summary report, import and export.

ID is an incident's number or id; cohorts, statuses and site kinds are accepted by their
codes and their Chinese or English names. ID numbers and phones are masked in every list
and export unless --show-personal is given with --reason (recorded)."""

import sys
from datetime import date
from pathlib import Path

import click

from desktop.cli.common import State, table, wrote
from desktop.core import values, vocab
from desktop.core.i18n import tr
from desktop.core.monitoring import people, report, results, schedules, sites

FILE = click.Path(dir_okay=False, path_type=Path)


@click.group(help=tr("Long-term monitoring (长期监测): cohorts, sites, schedules, results."))
def monitoring():
    pass


def _day(text, field: str) -> date | None:
    found = values.date_iso(text, field) if text else None
    return date.fromisoformat(found) if found else None


def _incident_option(command):
    return click.option("--incident", required=True, metavar="ID",
                        help=tr("The incident (its number or id)."))(command)  # fmt: skip


@monitoring.command("person-add", help=tr("Follow a person (exposed, close contact, …)."))
@_incident_option
@click.option("--name", required=True, help=tr("Name."))
@click.option("--id-number", "id_number", required=True, help=tr("Resident ID number (18)."))
@click.option("--phone", default="", help=tr("Phone."))
@click.option("--division", help=tr("Division code (GB/T 2260), e.g. 430422."))
@click.option("--cohort", required=True, help=tr("暴露人员, 密切接触者, 处置人员 or 康复患者."))
@click.option("--exposed", "exposed_on", help=tr("Exposure date (2026-12-01)."))
@click.option("--exposure", help=tr("How exposed (直接接触, 同住, …)."))
@click.pass_obj
def person_add(state: State, incident, **given):
    made = people.add(state.open(), state.ctx, incident, given)
    state.emit(made, tr("Person added (id {id}).", **made))


@monitoring.command("person-status", help=tr("监测中, 已解除, 失访 or 转诊 (with a note)."))
@click.argument("person", metavar="PERSON")
@click.argument("status")
@click.option("--note", default="", help=tr("A note (needed for 失访 and 转诊)."))
@click.pass_obj
def person_status(state: State, person, status, note):
    row = people.set_status(state.open(), state.ctx, person, status, note)
    state.emit({"id": row["id"], "status": row["status"]},
               tr("{name}: {status}.", name=row["name"],
                  status=vocab.name("monitor_status", row["status"])))  # fmt: skip


@monitoring.command("site-add", help=tr("Add an environmental sampling site."))
@_incident_option
@click.option("--kind", required=True, help=tr("水体, 土壤, 空气, 物体表面, 动物 or 植物."))
@click.option("--place", required=True, help=tr("Address or description of the place."))
@click.option("--division", required=True, help=tr("Division code (GB/T 2260), e.g. 430422."))
@click.option("--agency", help=tr("Responsible agency (default 市生态环境局)."))
@click.option("--latitude", help=tr("Latitude (optional)."))
@click.option("--longitude", help=tr("Longitude (optional)."))
@click.pass_obj
def site_add(state: State, incident, **given):
    made = sites.add(state.open(), state.ctx, incident, given)
    state.emit(made, tr("Site added (id {id}).", **made))


@monitoring.command("schedule-add", help=tr("Check a cohort or a site every N days for M days."))
@_incident_option
@click.option("--cohort", help=tr("The cohort checked."))
@click.option("--site", help=tr("The site checked (its id, or its first or last 8 characters)."))
@click.option("--measure", required=True, help=tr("What is measured (体温, 症状, 水样检测, …)."))
@click.option("--unit", default="", help=tr("Unit of the value (℃, …)."))
@click.option("--every-days", "every_days", required=True, help=tr("Every N days."))
@click.option("--for-days", "for_days", required=True, help=tr("For M days."))
@click.option("--start", "start_on", help=tr("First day (default today)."))
@click.option("--normal-min", "normal_min", help=tr("Lowest normal value (numbers)."))
@click.option("--normal-max", "normal_max", help=tr("Highest normal value (numbers)."))
@click.option("--agency", help=tr("Responsible agency (default 市卫生健康委, or the site's)."))
@click.pass_obj
def schedule_add(state: State, incident, **given):
    made = schedules.add(state.open(), state.ctx, incident, given)
    state.emit(made, tr("Schedule added (id {id}).", **made))


@monitoring.command("schedule-end", help=tr("End a schedule early, with a reason."))
@click.argument("schedule", metavar="SCHEDULE")
@click.option("--reason", required=True, help=tr("Why it ends."))
@click.option("--date", "on", help=tr("Last day (default today)."))
@click.pass_obj
def schedule_end(state: State, schedule, reason, on):
    row = schedules.end(state.open(), state.ctx, schedule, reason, on)
    state.emit({"id": row["id"], "ended_on": row["ended_on"]},
               tr("Schedule ended on {date}.", date=row["ended_on"]))  # fmt: skip


@monitoring.command("schedules", help=tr("An incident's schedules with their state."))
@_incident_option
@click.pass_obj
def schedule_list(state: State, incident):
    rows = schedules.listing(state.open(), incident)
    for row in rows:
        row["subject"] = (vocab.name("cohort", row["cohort"]) if row["cohort"]
                          else row["site_place"])  # fmt: skip
        row["every"] = tr("every {n} d for {m} d", n=row["every_days"], m=row["for_days"])
        row["state_name"] = {"active": tr("Under way"), "finished": tr("Completed"),
                             "ended": tr("Ended early")}[row["state"]]  # fmt: skip
    state.emit(rows, table(rows, [("id", "ID"), ("measure", tr("Measure")),
                                  ("subject", tr("Subject")), ("every", tr("Frequency")),
                                  ("agency", tr("Agency")), ("state_name", tr("State"))]) if rows
               else tr("No schedules."))  # fmt: skip


@monitoring.command("due", help=tr("Checks due on a day and overdue before it."))
@click.option("--date", "on", help=tr("The day (default today)."))
@click.option("--agency", help=tr("Only this agency's checks (its code)."))
@click.option("--incident", metavar="ID", help=tr("Only this incident's checks."))
@click.pass_obj
def due(state: State, on, agency, incident):
    day = _day(on, tr("Date"))
    rows = schedules.due(state.open(), day, agency, incident)
    data = [{k: r[k] for k in ("check", "subject", "measure", "due")} for r in rows]
    for row in rows:
        row["late"] = tr("{days} d overdue", days=row["days_overdue"]) if row["overdue"] else ""
    state.emit(data, table(rows, [("check", tr("Check")), ("subject", tr("Subject")),
                                  ("measure", tr("Measure")), ("due", tr("Due")),
                                  ("late", tr("Overdue")), ("agency", tr("Agency")),
                                  ("incident", tr("Incident"))]) if rows
               else tr("No checks due."))  # fmt: skip


@monitoring.command("result", help=tr("Record the result of a check."))
@click.argument("check", metavar="CHECK")
@click.option("--value", required=True, help=tr("The value measured or observed."))
@click.option("--abnormal", is_flag=True, help=tr("The result is abnormal."))
@click.option("--note", default="", help=tr("A note."))
@click.pass_obj
def result(state: State, check, value, abnormal, note):
    done = results.record(state.open(), state.ctx, check, value, abnormal, note)
    data = {"id": done["id"], "check": check, "abnormal": done["abnormal"],
            "replaced": done["replaced"]}  # fmt: skip
    text = tr("Result recorded.")
    if done["replaced"] is not None and done["replaced"] != done["value"]:
        text += " " + tr("It replaces the value recorded before ({value}).", value=done["replaced"])
    if done["abnormal"]:
        text += " " + tr("Abnormal: an alert is raised and the 大事记 notes it.")
    state.emit(data, text)


@monitoring.command("alerts", help=tr("Abnormal results not yet handled."))
@click.option("--incident", metavar="ID", help=tr("Only this incident's."))
@click.option("--all", "everything", is_flag=True, help=tr("Handled ones too."))
@click.pass_obj
def alerts(state: State, incident, everything):
    rows = results.alerts(state.open(), incident, open_only=not everything)
    state.emit(rows, table(rows, [("id", "ID"), ("incident", tr("Incident")),
                                  ("subject", tr("Subject")), ("measure", tr("Measure")),
                                  ("value", tr("Value")), ("due_on", tr("Date"))]) if rows
               else tr("No open alerts."))  # fmt: skip


@monitoring.command("handle", help=tr("Close an abnormal result's alert with what was done."))
@click.argument("alert", metavar="RESULT")
@click.option("--note", required=True, help=tr("What was done (复查, 转诊, …)."))
@click.pass_obj
def handle(state: State, alert, note):
    results.handle(state.open(), state.ctx, alert, note)
    state.emit({"id": alert, "handled": True}, tr("Alert closed."))


def _reveal_options(command):
    command = click.option("--reason", default="",
                           help=tr("Why personal data is shown (recorded)."))(command)  # fmt: skip
    shown = tr("Show ID numbers and phones unmasked (needs --reason).")
    return click.option("--show-personal", "reveal", is_flag=True, help=shown)(command)


@monitoring.command("list", help=tr("The people followed for an incident (masked)."))
@_incident_option
@click.option("--cohort", help=tr("Only this cohort."))
@click.option("--status", help=tr("Only this status."))
@_reveal_options
@click.pass_obj
def person_list(state: State, incident, cohort, status, reveal, reason):
    rows = people.listing(state.open(), incident, cohort, status, reveal, state.ctx,
                          reason)  # fmt: skip
    for row in rows:
        row["cohort_name"] = vocab.name("cohort", row["cohort"])
        row["status_name"] = vocab.name("monitor_status", row["status"])
    state.emit(rows, table(rows, [("name", tr("Name")), ("id_number", tr("ID number")),
                                  ("phone", tr("Phone")), ("cohort_name", tr("Cohort")),
                                  ("exposed_on", tr("Exposed")), ("status_name", tr("Status")),
                                  ("division_name", tr("Division"))]) if rows
               else tr("No one is followed for this incident yet."))  # fmt: skip


@monitoring.command("sites", help=tr("An incident's sampling sites."))
@_incident_option
@click.pass_obj
def site_list(state: State, incident):
    rows = sites.listing(state.open(), incident)
    for row in rows:
        row["kind_name"] = vocab.name("site_kind", row["kind"])
    state.emit(rows, table(rows, [("id", "ID"), ("kind_name", tr("Kind")),
                                  ("place", tr("Place")), ("division_name", tr("Division")),
                                  ("agency_name", tr("Agency"))]) if rows
               else tr("No sampling sites."))  # fmt: skip


@monitoring.command("recommend", help=tr("Record the analyst's recommendation."))
@_incident_option
@click.option("--text", required=True, help=tr("The recommendation."))
@click.option("--cohort", help=tr("For this cohort only."))
@click.pass_obj
def recommend(state: State, incident, text, cohort):
    made = report.recommend(state.open(), state.ctx, incident, text, cohort)
    state.emit({"id": made}, tr("Recommendation recorded."))


@monitoring.command("report", help=tr("The monitoring summary report (PDF)."))
@_incident_option
@click.option("--cohort", help=tr("For this cohort only."))
@click.option("--from", "start", help=tr("First day of the period."))
@click.option("--to", "end", help=tr("Last day of the period."))
@click.option("--out", "path", required=True, type=FILE, help=tr("The PDF file to write."))
@click.pass_obj
def monitoring_report(state: State, incident, cohort, start, end, path):
    from desktop.documents import monitoring_summary

    first, last = _day(start, tr("Period from")), _day(end, tr("Period to"))
    wrote(state, monitoring_summary.render(state.open(), incident, path, cohort, first, last))


@monitoring.command("import", help=tr("Import a cohort list or results from an .xlsx file."))
@_incident_option
@click.argument("path", metavar="FILE", type=FILE)
@click.pass_obj
def monitoring_import(state: State, incident, path):
    from desktop.core.monitoring import sheets

    try:
        done = sheets.import_file(state.open(), state.ctx, incident, path)
    except sheets.SheetRefused as refused:
        if not state.as_json:
            raise
        errors = [{"row": e.row, "column": e.column, "reason": e.reason} for e in refused.errors]
        click.echo(str(refused), err=True)
        state.emit({"imported": 0, "errors": errors}, "")
        sys.exit(1)
    state.emit(done, tr("Imported {rows} rows.", rows=done.get("rows", 0)))


@monitoring.command("export", help=tr("Export the people and results to .xlsx (masked)."))
@_incident_option
@click.option("--out", "path", required=True, type=FILE, help=tr("The .xlsx file to write."))
@_reveal_options
@click.pass_obj
def monitoring_export(state: State, incident, path, reveal, reason):
    from desktop.core.monitoring import sheets

    sheets.export(state.open(), incident, path, reveal, state.ctx, reason)
    state.emit({"path": str(path)}, tr("Wrote {path}.", path=path))


def register(cli: click.Group) -> None:
    cli.add_command(monitoring)
