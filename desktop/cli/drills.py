"""CLI for drills (演练): plan, play in the drill's sandbox, evaluate, report, close.

    bioreserve drill create --name TEXT --type 桌面推演|专项演练|综合演练 [--playbook CODE]…
    bioreserve drill import-msel ID FILE.xlsx
    bioreserve drill start|pause|resume|end ID
    bioreserve drill status ID
    bioreserve drill report ID --out FILE.pdf
    bioreserve drill close ID
    bioreserve drill list
    bioreserve drill run SCENARIO.xlsx --auto --out AAR.pdf

ID is a drill's id, its number (YL-…) or the sequence its number ends with. The global
option --drill ID runs any other command inside that drill's sandbox."""

import sys
from pathlib import Path

import click

from desktop.cli.common import OPENED, State, table, wrote
from desktop.core import vocab
from desktop.core.drills import (
    clock,
    evaluation,
    improvements,
    injects,
    records,
    sandbox,
)
from desktop.core.errors import BioError
from desktop.core.i18n import tr

FILE = click.Path(dir_okay=False, path_type=Path)
PLAN_OPTIONS = (
    ("--scenario", "scenario", tr("The scenario narrative.")),
    ("--hazard", "hazard", tr("The simulated incident's hazard (a playbook hazard code).")),
    ("--grade", "grade", tr("Its grade: I, II, III or IV.")),
    ("--division", "division", tr("Its division code, e.g. 430422.")),
    ("--place", "place", tr("Its place.")),
    ("--exposed", "exposed", tr("People exposed.")),
    ("--patients", "patients", tr("Patients.")),
    ("--responders", "responders", tr("Responders.")),
    ("--sites", "sites", tr("Sites.")),
    ("--area", "area_km2", tr("Area affected, km².")),
    ("--days", "days", tr("Expected duration in days.")),
    ("--speed", "speed", tr("Clock speed ×1 to ×60 (default 1).")),
    ("--sim-start", "sim_start", tr("The scenario's time T+0 (default: when it starts).")),
)


def _plan_options(command):
    for flag, name, text in reversed(PLAN_OPTIONS):
        command = click.option(flag, name, help=text)(command)
    return command


@click.group(help=tr("Drills (演练): sandboxed exercises with injects, evaluation and report."))
def drill():
    pass


def _live(state: State):
    if state.drill is not None:
        raise BioError(tr("Drill commands act from the live database: leave out --drill."))
    return state.open_live()


@drill.command("create", help=tr("Plan a new drill (status 计划)."))
@click.option("--name", required=True, help=tr("The drill's name."))
@click.option("--type", "kind", required=True, help=tr("桌面推演, 专项演练 or 综合演练."))
@click.option(
    "--playbook", "playbooks", multiple=True, help=tr("A playbook it exercises (repeat).")
)
@_plan_options
@click.pass_obj
def drill_create(state: State, name, kind, playbooks, **options):
    given = {k: v for k, v in options.items() if v is not None}
    made = records.create(_live(state), state.ctx, {**given, "name": name, "kind": kind},
                          playbooks)  # fmt: skip
    state.emit(made, tr("Drill {number} planned (id {id}).", **made))


@drill.command("edit", help=tr("Change a drill's plan before it starts."))
@click.argument("ref", metavar="ID")
@click.option("--name", help=tr("The drill's name."))
@click.option("--type", "kind", help=tr("桌面推演, 专项演练 or 综合演练."))
@click.option(
    "--playbook", "playbooks", multiple=True, help=tr("A playbook it exercises (repeat).")
)
@_plan_options
@click.pass_obj
def drill_edit(state: State, ref, playbooks, **options):
    given = {k: v for k, v in options.items() if v is not None}
    changed = records.update(_live(state), state.ctx, ref, given, list(playbooks) or None)
    state.emit({"changed": changed}, tr("Changed: {fields}", fields=", ".join(changed) or "—"))


@drill.command("list", help=tr("The drills, newest first."))
@click.option("--status", help=tr("Only drills of this status."))
@click.pass_obj
def drill_list(state: State, status):
    code = None
    if status:
        code = vocab.parse("drill_status", status)
        if code is None:
            raise BioError(tr("{value} is not one of: {codes}.", value=status,
                              codes=vocab.choices_text("drill_status")))  # fmt: skip
    rows = records.listing(_live(state), status=code)
    for row in rows:
        row["kind_name"] = vocab.name("drill_kind", row["kind"])
        row["status_name"] = vocab.name("drill_status", row["status_shown"])
    state.emit(rows, table(rows, [("number", tr("Number")), ("name", tr("Name")),
                                  ("kind_name", tr("Kind")), ("status_name", tr("Status")),
                                  ("injects", tr("Injects"))]) if rows
               else tr("No drills yet."))  # fmt: skip


@drill.command("show", help=tr("A drill's plan: objectives, playbooks, participants, MSEL."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def drill_show(state: State, ref):
    db = _live(state)
    data = records.detail(db, ref, state.ctx)
    data["injects"] = injects.plan(db, data["id"])
    lines = [
        f"{data['number']}  {data['name']}",
        tr(
            "Kind: {kind}  Status: {status}",
            kind=vocab.name("drill_kind", data["kind"]),
            status=vocab.name("drill_status", data["status_shown"]),
        ),  # fmt: skip
        tr("Playbooks: {codes}", codes=", ".join(p["code"] for p in data["playbooks"]) or "—"),
    ]
    for o in data["objectives"]:
        lines.append(f"  {o['code']}  {o['text']}  [{o['citation'] or '—'}]")
    for i in data["injects"]:
        lines.append(
            f"  #{i['position']:<3} {vocab.name('trigger', i['trigger'])} T+{i['offset_min']}′ "
            f"{i['sender'] or '—'} → {i['to_agency_name'] or '—'}: {i['message'][:60]}"
        )
    state.emit(data, "\n".join(lines))


@drill.command("import-msel", help=tr("Import the scenario and MSEL from an .xlsx file."))
@click.argument("ref", metavar="ID")
@click.argument("path", metavar="FILE.xlsx", type=FILE)
@click.pass_obj
def drill_import_msel(state: State, ref, path):
    from desktop.core.drills import msel

    counts = msel.import_plan(_live(state), state.ctx, ref, path)
    state.emit(counts, tr("Imported {injects} injects, {expects} expected actions, {objectives} "
                          "objectives and {people} participants.", **counts))  # fmt: skip


@drill.command("export-msel", help=tr("Write a drill's scenario and MSEL to an .xlsx file."))
@click.argument("ref", metavar="ID")
@click.option("--out", "path", required=True, type=FILE, help=tr("The .xlsx file to write."))
@click.pass_obj
def drill_export_msel(state: State, ref, path):
    from desktop.core.drills import msel

    msel.export(_live(state), ref, path, state.ctx)
    state.emit({"path": str(path)}, tr("Wrote {path}.", path=path))


@drill.command("start", help=tr("Start a drill (its sandbox made on first start) or resume it."))
@click.argument("ref", metavar="ID")
@click.pass_obj
def drill_start(state: State, ref):
    inside = sandbox.start(_live(state), state.ctx, ref)
    try:
        fired = injects.tick(inside, state.ctx, records.get(inside, ref)["id"])
        drill_row = records.get(inside, ref)
    finally:
        inside.close()
    data = {"number": drill_row["number"], "sandbox": str(inside.path), "fired": len(fired)}
    state.emit(data, tr("Drill {number} running in its sandbox {sandbox}; act in it with "
                        "`bioreserve --drill {number} …`.", **data))  # fmt: skip


def _clock_command(name: str, action, text: str):
    @drill.command(name, help=text)
    @click.argument("ref", metavar="ID")
    @click.pass_obj
    def command(state: State, ref):
        db = _live(state)
        action(db, state.ctx, ref)
        row = records.get(db, ref)
        data = {"number": row["number"], "status": records.shown_status(row)}
        state.emit(data, tr("Drill {number}: {status}.", number=row["number"],
                            status=records.status_name(row)))  # fmt: skip

    return command


_clock_command("pause", sandbox.pause, tr("Pause a drill's clock."))
_clock_command("resume", sandbox.resume, tr("Resume a paused drill."))
_clock_command("end", sandbox.end, tr("End a drill's play (evaluation and report follow)."))


@drill.command("speed", help=tr("Set a running drill's clock speed (×1 to ×60)."))
@click.argument("ref", metavar="ID")
@click.argument("speed")
@click.pass_obj
def drill_speed(state: State, ref, speed):
    sandbox.set_speed(_live(state), state.ctx, ref, speed)
    state.emit({"speed": records.speed(speed)}, tr("Speed ×{speed}.", speed=records.speed(speed)))


def _inside(state: State, ref):
    """The drill's sandbox and the drill as recorded there."""
    inside = sandbox.enter(_live(state), state.ctx, ref)
    OPENED.append(inside)
    return inside, records.get(inside, ref)


def _status(db, ctx, drill_row: dict, agency=None) -> dict:
    if drill_row["status"] == "running":
        injects.tick(db, ctx, drill_row["id"])
    drill_row = records.get(db, drill_row["id"])
    view = injects.console(db, drill_row["id"], agency)
    expected = evaluation.expected(db, drill_row["id"])
    c = clock.load(db, drill_row["id"])
    return {
        "drill": drill_row["id"],
        "number": drill_row["number"],
        "status": records.shown_status(drill_row),
        "clock": {
            "sim_s": round(view["sim_s"], 1),
            "shown": view["clock"],
            "speed": view["speed"],
            "paused": view["paused"],
            "sim_time": view["sim_time"].isoformat(timespec="seconds")
            if view["sim_time"]
            else None,
        },  # fmt: skip
        "injects_fired": view["fired"],
        "injects": [
            {
                "no": i["no"],
                "state": i["state"],
                "trigger": i["trigger"],
                "fired": clock.shown(i["fired_s"]) if i["fired_s"] is not None else None,
                "due": clock.shown(i["due_s"]) if i["due_s"] is not None else None,
                "to": i["to_agency"],
                "channel": i["channel"],
                "message": i["message"],
            }
            for i in view["injects"]
        ],  # fmt: skip
        "expected": [
            {
                "id": e["id"],
                "inject": e["inject"],
                "action": e["action"],
                "text": e["text"],
                "agency": e["agency"],
                "objective": e["objective"],
                "result": e["result"],
                "deadline": clock.shown(e["deadline_s"]) if e["deadline_s"] is not None else None,
                "done": clock.shown(e["done_s"]) if e["done_s"] is not None else None,
                "judged": e["judged"],
            }
            for e in expected
        ],  # fmt: skip
        "tally": evaluation.tally(expected),
        "started": c.started,
    }


@drill.command("status", help=tr("A drill's clock, injects fired and expected actions."))
@click.argument("ref", metavar="ID")
@click.option("--agency", help=tr("Only the injects addressed to this agency."))
@click.pass_obj
def drill_status(state: State, ref, agency):
    inside, row = _inside(state, ref)
    data = _status(inside, state.ctx, row, agency)
    lines = [
        tr(
            "{number}  {status}  {clock} ×{speed}",
            number=data["number"],
            status=vocab.name("drill_status", data["status"]),
            clock=data["clock"]["shown"],
            speed=data["clock"]["speed"],
        ),  # fmt: skip
        tr(
            "Injects fired: {fired} of {count}",
            fired=data["injects_fired"],
            count=len(data["injects"]),
        ),  # fmt: skip
    ]
    for i in data["injects"]:
        lines.append(f"  #{i['no']:<3} {vocab.name('inject_state', i['state']):<4} "
                     f"{i['fired'] or i['due'] or '—':>10}  {i['message'][:50]}")  # fmt: skip
    lines.append(tr("Expected actions:"))
    for e in data["expected"]:
        lines.append(f"  {e['inject']}  {vocab.name('action', e['action'])}  "
                     f"{vocab.name('result', e['result'])}  {e['deadline'] or '—'}  "
                     f"{e['text'][:40]}")  # fmt: skip
    counts = data["tally"]
    lines.append(" ".join(f"{vocab.name('result', k)} {v}" for k, v in counts.items()))
    state.emit(data, "\n".join(lines))


@drill.command("fire", help=tr("Fire an inject now (manual and contingency injects)."))
@click.argument("ref", metavar="ID")
@click.argument("inject", metavar="NO")
@click.pass_obj
def drill_fire(state: State, ref, inject):
    inside, row = _inside(state, ref)
    done = injects.fire(inside, state.ctx, row["id"], inject)
    state.emit({"no": done["position"], "fired": clock.shown(done["fired_s"])},
               tr("Inject {no} fired at {at}.", no=done["position"],
                  at=clock.shown(done["fired_s"])))  # fmt: skip


@drill.command("ack", help=tr("Acknowledge an inject (--done: report it handled)."))
@click.argument("ref", metavar="ID")
@click.argument("inject", metavar="NO")
@click.option("--done", is_flag=True, help=tr("The inject has been handled."))
@click.option("--note", default="", help=tr("A note."))
@click.pass_obj
def drill_ack(state: State, ref, inject, done, note):
    inside, row = _inside(state, ref)
    result = injects.set_state(inside, state.ctx, row["id"], inject,
                               "done" if done else "acknowledged", note)  # fmt: skip
    state.emit({"no": result["position"], "state": result["state"]},
               tr("Inject {no}: {state}.", no=result["position"],
                  state=vocab.name("inject_state", result["state"])))  # fmt: skip


@drill.command("mark", help=tr("An evaluator judges an expected action (3.1: inject 3's first)."))
@click.argument("ref", metavar="ID")
@click.argument("expect", metavar="ACTION")
@click.argument("result")
@click.option("--note", default="", help=tr("A note."))
@click.pass_obj
def drill_mark(state: State, ref, expect, result, note):
    inside, row = _inside(state, ref)
    item = evaluation.mark(inside, state.ctx, row["id"], expect, result, note)
    state.emit({"id": item["id"], "result": item["result"]},
               tr("{action}: {result}.", action=vocab.name("action", item["action"]),
                  result=vocab.name("result", item["result"])))  # fmt: skip


@drill.command("observe", help=tr("An evaluator's observation: a strength or an area to improve."))
@click.argument("ref", metavar="ID")
@click.option("--kind", required=True, help=tr("strength (做得好的) or improvement (待改进)."))
@click.option("--text", required=True, help=tr("What was observed."))
@click.option("--objective", help=tr("The objective it concerns (O1, …)."))
@click.pass_obj
def drill_observe(state: State, ref, kind, text, objective):
    inside, row = _inside(state, ref)
    made = evaluation.observe(inside, state.ctx, row["id"], kind, text, objective)
    state.emit({"id": made}, tr("Observation recorded."))


@drill.command("rate", help=tr("Rate an objective P, S, M or U."))
@click.argument("ref", metavar="ID")
@click.argument("objective")
@click.argument("rating")
@click.option("--note", default="", help=tr("A note."))
@click.pass_obj
def drill_rate(state: State, ref, objective, rating, note):
    inside, row = _inside(state, ref)
    evaluation.rate(inside, state.ctx, row["id"], objective, rating, note)
    state.emit({"objective": objective, "rating": rating.upper()[:1]},
               tr("Objective {objective} rated {rating}.", objective=objective,
                  rating=vocab.name("rating", rating.upper()[:1])))  # fmt: skip


@drill.command("improve", help=tr("Add an item to the drill's improvement plan."))
@click.argument("ref", metavar="ID")
@click.option("--issue", required=True, help=tr("The issue found."))
@click.option("--action", required=True, help=tr("The corrective action."))
@click.option("--agency", help=tr("The responsible agency (code or name)."))
@click.option("--due", "due_on", help=tr("Due date (2027-03-01)."))
@click.option("--objective", help=tr("The objective it concerns (O1, …)."))
@click.pass_obj
def drill_improve(state: State, ref, **given):
    inside, row = _inside(state, ref)
    made = improvements.add(inside, state.ctx, row["id"], given)
    state.emit({"id": made}, tr("Improvement item added."))


@drill.command("report", help=tr("Write the after-action report and improvement plan (PDF)."))
@click.argument("ref", metavar="ID")
@click.option("--out", "path", required=True, type=FILE, help=tr("The PDF file to write."))
@click.pass_obj
def drill_report(state: State, ref, path):
    from desktop.documents import after_action

    inside, row = _inside(state, ref)
    if row["status"] == "running":
        injects.tick(inside, state.ctx, row["id"])
    wrote(state, after_action.render(inside, row["id"], path))


@drill.command(
    "close", help=tr("Close an ended drill: its improvement items enter the live database.")
)
@click.argument("ref", metavar="ID")
@click.option("--yes", is_flag=True, help=tr("Confirm without asking."))
@click.pass_obj
def drill_close(state: State, ref, yes):
    live = _live(state)
    inside = sandbox.open_sandbox(live, ref)
    OPENED.append(inside)
    row = records.get(live, ref)
    count = len(improvements.listing(inside, row["id"]))
    if not yes and not state.as_json and sys.stdin.isatty():  # scripts: --yes
        yes = click.confirm(
            tr(
                "Write the {count} improvement item(s) of drill {number} into the live database?",
                count=count,
                number=row["number"],
            ),  # fmt: skip
            default=False,
        )
    result = improvements.close(live, inside, state.ctx, ref, yes)
    state.emit(result, tr("Drill {number} closed; {improvements} improvement item(s) are now "
                          "tracked in the live database.", **result))  # fmt: skip


@drill.command("improvements", help=tr("The improvement items tracked in the live database."))
@click.option("--open", "open_only", is_flag=True, help=tr("Only those not done."))
@click.pass_obj
def drill_improvements(state: State, open_only):
    rows = improvements.listing(_live(state), open_only=open_only)
    for row in rows:
        row["status_name"] = vocab.name("improvement_status", row["status"])
        row["short"] = row["id"][-8:]  # what improvement-status takes
    state.emit(rows, table(rows, [("short", "ID"), ("drill_number", tr("Drill")),
                                  ("issue", tr("Issue")),
                                  ("action", tr("Corrective action")),
                                  ("agency_name", tr("Agency")), ("due_on", tr("Due")),
                                  ("status_name", tr("Status"))]) if rows
               else tr("No improvement items."))  # fmt: skip


@drill.command("improvement-status", help=tr("Move an improvement item forward."))
@click.argument("item", metavar="ITEM")
@click.argument("status")
@click.option("--note", help=tr("A note."))
@click.pass_obj
def drill_improvement_status(state: State, item, status, note):
    given = {"status": status} | ({"note": note} if note else {})
    improvements.update(_live(state), state.ctx, item, given)
    state.emit({"id": item, "status": status}, tr("Improvement item updated."))


@drill.command("run", help=tr("Play a scenario automatically and report what stock would lack."))
@click.argument("path", metavar="SCENARIO.xlsx", type=FILE)
@click.option("--auto", is_flag=True, required=True, help=tr("Automatic responses (required)."))
@click.option("--out", "out", type=FILE, help=tr("The after-action report (PDF) to write."))
@click.pass_obj
def drill_run(state: State, path, auto, out):
    from desktop.core.drills import gap

    def render(db, drill_id, items):
        from desktop.documents import after_action

        return str(after_action.render(db, drill_id, out, gap=items).path)

    result = gap.play(_live(state), state.ctx, path, render if out else None)
    result.pop("drill_id", None)
    lines = [
        tr("Scenario played on a copy of the live database (nothing real changed): drill "
           "{drill}, incident {incident}, playbooks {playbooks}, {fired} injects.",
           drill=result["drill"], incident=result["incident"],
           playbooks=", ".join(result["playbooks"]) or "—", fired=result["injects_fired"]),
    ]  # fmt: skip
    shown = [
        {**i, "days": "—" if i["days_of_supply"] is None else f"{i['days_of_supply']:,}",
         "required_s": f"{i['required']:,}", "have_s": f"{i['have']:,}",
         "shortage_s": f"{i['shortage']:,}" if i["shortage"] else "—"}
        for i in result["items"]
    ]  # fmt: skip
    lines.append(table(shown, [("item", tr("Item")), ("item_name", tr("Name")),
                               ("unit", tr("Unit")), ("required_s", tr("Required quantity")),
                               ("have_s", tr("Have")), ("shortage_s", tr("Shortage")),
                               ("days", tr("Days of supply"))]))  # fmt: skip
    if result["report"]:
        lines.append(tr("Wrote {path}.", path=result["report"]))
    state.emit(result, "\n".join(lines))


def register(cli: click.Group) -> None:
    cli.add_command(drill)
