"""CLI for playbooks (处置预案): list, show, export, import, approve, new-version and the
responsibility matrix PDF (thin over desktop.core.playbooks)."""

from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.core import playbooks
from desktop.core.i18n import tr
from desktop.core.playbooks import files as playbook_io


@click.group(help=tr("Playbooks (处置预案): versions, tasks, responsibility matrix."))
def playbook():
    pass


@playbook.command("list", help=tr("List the playbook versions."))
@click.pass_obj
def playbook_list(state: State):
    rows = playbooks.listing(state.open())
    data = [{k: r[k] for k in ("code", "title", "hazard", "version", "status")} for r in rows]
    shown = [{**r, "status": playbook_io.status_label(r["status"])} for r in data]
    state.emit(
        data,
        table(
            shown,
            [
                ("code", tr("Code")),
                ("version", tr("Version")),
                ("status", tr("Status")),
                ("hazard", tr("Hazard")),
                ("title", tr("Title")),
            ],
        ),
    )


def _agency(agency) -> str:
    return (agency["short_name"] or agency["name"]) if agency else "—"


def _show_text(doc: dict) -> str:
    lines = [
        f"{doc['code']} v{doc['version']}  {doc['title']}",
        tr(
            "Hazard: {hazard}  Grades: {grades}  Status: {status}",
            hazard=doc["hazard"],
            grades="/".join(doc["grades"]),
            status=playbook_io.status_label(doc["status"]),
        ),
        tr("Plan clauses: {clauses}", clauses="、".join(doc["clauses"]) or "—"),
    ]
    if doc["example"]:
        lines.append(tr("Shipped example: adapt it to local conditions before use."))
    for n, phase in enumerate(doc["phases"], 1):
        lines.append("")
        lines.append(f"{n}. {phase['title']} [{phase['phase']}]")
        for m, task in enumerate(phase["tasks"], 1):
            support = "、".join(_agency(a) for a in task["support_agencies"]) or "—"
            hours = "—" if task["deadline_hours"] is None else f"{task['deadline_hours']} h"
            lines.append(
                f"  {n}.{m} {task['title']}  "
                + tr(
                    "lead {lead}; support {support}; within {hours}; from grade {grade}; "
                    "clause {clause}",
                    lead=_agency(task["lead_agency"]),
                    support=support,
                    hours=hours,
                    grade=task["min_grade"],
                    clause=task["clause"] or "—",
                )
            )
    if doc["factors"]:
        lines.append("")
        lines.append(tr("Material planning factors (editable examples, not official norms):"))
        for f in doc["factors"]:
            lines.append(
                f"  {f['item'] or f['category']}  {f['basis']}  {f['qty_per_day']:g} × "
                f"{f['days']} d + {f['buffer_pct']}%  {f['note']}"
            )
    return "\n".join(lines)


@playbook.command("show", help=tr("Show a playbook version with its phases, tasks and factors."))
@click.argument("code")
@click.option(
    "--version",
    "version",
    type=click.IntRange(1, 100_000),
    help=tr("Version number (default: the latest)."),
)
@click.pass_obj
def playbook_show(state: State, code, version):
    doc = playbooks.get(state.open(), code, version)
    state.emit(doc, _show_text(doc))


@playbook.command("export", help=tr("Write a playbook version to a JSON file."))
@click.argument("code")
@click.option(
    "--version",
    "version",
    type=click.IntRange(1, 100_000),
    help=tr("Version number (default: the latest)."),
)
@click.option("--out", "path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def playbook_export(state: State, code, version, path):
    target = playbooks.export_json(state.open(), code, version, path)
    state.emit({"path": str(target), "code": code}, tr("Wrote {path}.", path=target))


@playbook.command(
    "import", help=tr("Read a playbook JSON file as a new draft version (all or nothing).")
)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def playbook_import(state: State, path):
    db = state.open()
    code, version = playbooks.import_json(db, state.ctx, path)
    warnings = _departures(db, code, version)
    state.emit(
        {"code": code, "version": version, "status": "draft"}
        | ({"departures": warnings} if warnings else {}),
        tr("Imported {code} as version {version} (draft).", code=code, version=version),
    )


def _departures(db, code: str, version: int) -> list[dict]:
    """Warn (stderr) of the tasks whose agencies the plan does not name in their clauses."""
    from desktop.core.playbooks import reading

    found = reading.plan_mismatches(db, code, version)
    for item in found:
        click.echo(
            tr("Note: task “{task}” names {agencies}, which the clauses it cites do not name "
               "(a departure from the plan: say why in its note, or correct it).",
               task=item["task"], agencies="、".join(item["agencies"])),
            err=True,
        )  # fmt: skip
    return found


@playbook.command("approve", help=tr("Approve a draft version (earlier approved ones retire)."))
@click.argument("code")
@click.argument("version", type=click.IntRange(1, 100_000))
@click.pass_obj
def playbook_approve(state: State, code, version):
    db = state.open()
    playbooks.approve(db, state.ctx, code, version)
    warnings = _departures(db, code.upper(), version)
    state.emit(
        {"code": code, "version": version, "status": "approved"}
        | ({"departures": warnings} if warnings else {}),
        tr("Approved {code} version {version}.", code=code, version=version),
    )


@playbook.command("retire", help=tr("Retire a playbook version."))
@click.argument("code")
@click.argument("version", type=click.IntRange(1, 100_000))
@click.pass_obj
def playbook_retire(state: State, code, version):
    playbooks.retire(state.open(), state.ctx, code, version)
    state.emit(
        {"code": code, "version": version, "status": "retired"},
        tr("Retired {code} version {version}.", code=code, version=version),
    )


@playbook.command("new-version", help=tr("Copy a version into a new draft to edit."))
@click.argument("code")
@click.option(
    "--from",
    "from_version",
    type=click.IntRange(1, 100_000),
    help=tr("Version to copy (default: the latest)."),
)
@click.pass_obj
def playbook_new_version(state: State, code, from_version):
    db = state.open()
    source = from_version or playbooks.get(db, code)["version"]
    version = playbooks.new_version(db, state.ctx, code, source)
    state.emit(
        {"code": code, "version": version, "based_on": source, "status": "draft"},
        tr(
            "Made {code} version {version} (draft) from version {source}.",
            code=code,
            version=version,
            source=source,
        ),
    )


@playbook.command(
    "matrix", help=tr("Print the responsibility matrix (agencies × playbooks) as PDF.")
)
@click.option("--out", "path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def playbook_matrix(state: State, path):
    from desktop.documents import responsibility_matrix

    result = responsibility_matrix.render(state.open(), path)
    if result.warning:
        click.echo(result.warning, err=True)
    state.emit(
        {"path": str(result.path), "pages": result.pages},
        tr("Wrote {path} ({pages} pages).", path=result.path, pages=result.pages),
    )


def register(cli: click.Group) -> None:
    cli.add_command(playbook, "playbook")
