"""`bioreserve audit verify|list|export`: the audit trail (the administrator's right).

verify proves the chains whole: each station's operation log, the audit events and the
seals that sign their heads (access/audit.py) — any past operation or event edited or
deleted with raw SQL is named, and the command exits 1. list and export show who did
what, newest first, filtered by user, agency, table and time (access/trail.py).
"""

import sys
from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.core import values
from desktop.core.access import audit, policy, roles, trail
from desktop.core.errors import BioError
from desktop.core.i18n import tr

EXIT_FOUND = 1


@click.group("audit", help=tr("The audit trail: verify it, list it, export it to xlsx."))
def audit_group():
    pass


@audit_group.command(
    "verify",
    help=tr(
        "Prove the operation logs and the audit log unaltered: every past operation and "
        "event still there as recorded, every seal signed by this station. Exit 1 naming "
        "what was changed."
    ),
)
@click.pass_obj
def verify(state: State):
    db = state.open_live()
    policy.require(state.ctx, roles.AUDIT)
    verdict = audit.verify(db)
    data = {
        "ok": verdict.ok,
        "operations": verdict.operations,
        "events": verdict.events,
        "seals": verdict.seals,
        "findings": [{"where": f.where, "text": f.text} for f in verdict.findings],
    }
    counts = dict(operations=verdict.operations, events=verdict.events, seals=verdict.seals)
    if verdict.ok:
        text = tr(
            "The audit trail holds: {operations} operations, {events} audit events and "
            "{seals} seals verified, nothing altered or removed.",
            **counts,
        )
    else:
        text = "\n".join(f"[{_where(f.where)}] {f.text}" for f in verdict.findings)
        text += "\n" + tr(
            "{count} finding(s): the audit trail was altered ({operations} operations, "
            "{events} audit events, {seals} seals checked).",
            count=len(verdict.findings),
            **counts,
        )
    state.emit(data, text)
    if not verdict.ok:
        sys.exit(EXIT_FOUND)


def _where(where: str) -> str:
    return {
        "oplog": tr("operation log"),
        "audit": tr("audit log"),
        "seal": tr("seal"),
    }.get(where, where)


def _filters(func):
    for option in reversed(
        [
            click.option("--user", "user", metavar="NAME", help=tr("Only this user's entries.")),
            click.option(
                "--agency",
                "agency",
                metavar="CODE",
                help=tr("Only entries by accounts of this agency."),
            ),
            click.option(
                "--table",
                "tbl",
                metavar="DATA",
                help=tr(
                    "Only operations on this data, by the name the Data column shows "
                    "(e.g. 库存出入库记录) or a table's code (stock_move); no events."
                ),
            ),
            click.option(
                "--since",
                "since",
                metavar="TIME",
                help=tr("From this time or date on (e.g. 2026-03-01 or 2026-03-01 14:30)."),
            ),
            click.option(
                "--until",
                "until",
                metavar="TIME",
                help=tr("Up to this time, or to the end of this date."),
            ),
        ]
    ):
        func = option(func)
    return func


def _checked(db, user, agency, tbl, since, until) -> dict:
    """The filters as trail takes them; a bad one refused, naming it (trail.rows refuses
    an unknown user or agency, and --since after --until)."""
    tables = None
    if tbl:
        try:
            tables = trail.resolve_tables(tbl)
        except BioError as exc:
            raise BioError("--table: " + str(exc)) from exc
    for option, value in (("--since", since), ("--until", until)):
        if value:
            values.time_iso(value, option)
    return {"user": user, "agency": agency, "table": tables, "since": since, "until": until}


@audit_group.command(
    "list", help=tr("List the audit trail, newest first: operations and audit events.")
)
@_filters
@click.option(
    "--limit",
    "limit",
    type=click.IntRange(1, trail.MAX_ROWS),
    default=100,
    show_default=True,
    help=tr("At most this many entries."),
)
@click.pass_obj
def list_entries(state: State, user, agency, tbl, since, until, limit):
    db = state.open_live()
    policy.require(state.ctx, roles.AUDIT)
    rows = trail.rows(db, state.ctx, limit=limit, **_checked(db, user, agency, tbl, since, until))
    columns = [
        ("at", tr("Time")),
        ("station", tr("Station")),
        ("user", tr("User")),
        ("role", tr("Role")),
        ("action", tr("Operation")),
        ("what", tr("Data")),
        ("record", tr("Record")),
        ("detail", tr("Detail")),
    ]
    text = table(rows, columns) if rows else tr("No entries match.")
    state.emit(rows, text)


@audit_group.command(
    "export", help=tr("Write the audit trail (with the filters given) to an .xlsx file.")
)
@_filters
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=tr("The .xlsx file to write."),
)
@click.pass_obj
def export(state: State, user, agency, tbl, since, until, out):
    if out.suffix.lower() != ".xlsx":
        raise BioError(
            tr("Give --out a file name ending in .xlsx (e.g. {name}.xlsx).", name=out.stem)
        )
    db = state.open_live()
    policy.require(state.ctx, roles.AUDIT)
    count = trail.export(db, state.ctx, out, **_checked(db, user, agency, tbl, since, until))
    state.emit(
        {"path": str(out), "rows": count},
        tr("Wrote {count} audit entries to {path}.", count=count, path=out),
    )


def register(cli) -> None:
    cli.add_command(audit_group)
