"""The command line: `bioreserve [--db PATH] [--json] COMMAND`, thin over desktop.core.

Errors print one message to stderr and exit non-zero; no traceback reaches
the user (an unexpected error's traceback goes to the log file named).
"""

import sys
import traceback
from pathlib import Path

import click

from desktop import cli_io, cli_orders, cli_playbooks, cli_roster, cli_stock, cli_sync
from desktop.cli_common import State
from desktop.core import check as checkmod
from desktop.core import info as infomod
from desktop.core import initdb, paths
from desktop.core.errors import BioError
from desktop.core.i18n import tr

EXIT_ERROR = 1
EXIT_UNEXPECTED = 2


@click.group(
    help=tr("BioReserve — biosafety emergency reserves and response (生物安全应急储备与处置系统).")
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("Database file (default: $BIORESERVE_DB, else bioreserve.db in the user data folder)."),
)
@click.option("--json", "as_json", is_flag=True, help=tr("Print machine-readable JSON."))
@click.pass_context
def cli(ctx, db_path, as_json):
    ctx.obj = State(db_path or paths.default_db_path(), as_json)


@cli.command(
    help=tr("Create a database for this station: identity, key pair, Hengyang reference data.")
)
@click.option("--demo", is_flag=True, help=tr("Add the demonstration data set (clearly marked)."))
@click.option("--station", "code", help=tr("Station code used in order numbers, e.g. HY-CITY."))
@click.option("--station-name", "name", help=tr("Station name, e.g. 衡阳市应急管理局."))
@click.pass_obj
def init(state: State, demo, code, name):
    db = initdb.init_database(state.db_path, code, name, with_demo=demo)
    data = infomod.describe(db)
    st = data["station"]
    state.emit(
        data,
        tr(
            "Created {path}\nStation: {name} ({code})\nKey fingerprint: {fingerprint}{demo}",
            path=data["path"],
            name=st["name"],
            code=st["code"],
            fingerprint=st["fingerprint"],
            demo=tr("\nThis database holds DEMONSTRATION data.") if data["demo"] else "",
        ),
    )


@cli.command(help=tr("Show the schema version, the station and the counts per table."))
@click.pass_obj
def info(state: State):
    data = infomod.describe(state.open())
    st = data["station"] or {}
    lines = [
        tr("Database: {path}", path=data["path"]),
        tr("Schema version: {version}", version=data["schema_version"]),
        tr("Station: {name} ({code})", name=st.get("name", "—"), code=st.get("code", "—")),
        tr("Key fingerprint: {fingerprint}", fingerprint=st.get("fingerprint", "—")),
    ]
    if data["demo"]:
        lines.append(tr("DEMONSTRATION DATA — not for real operations."))
    lines.append(tr("Rows per table:"))
    width = max(len(t) for t in data["counts"])
    lines += [f"  {table:<{width}}  {n:>9,}" for table, n in data["counts"].items()]
    state.emit(data, "\n".join(lines))


@cli.command(help=tr("Check integrity and that every row matches its operations."))
@click.option(
    "--rebuild", is_flag=True, help=tr("First rebuild the derived tables from the facts.")
)
@click.pass_obj
def check(state: State, rebuild):
    db = state.open()
    rebuilt = checkmod.rebuild(db) if rebuild else None
    problems = checkmod.run(db)
    data = {
        "ok": not problems,
        "rebuilt": rebuilt,
        "problems": [{"kind": p.kind, "message": p.message} for p in problems],
    }
    if problems:
        text = "\n".join(f"[{p.kind}] {p.message}" for p in problems)
        text += "\n" + tr("{count} problem(s) found.", count=len(problems))
    else:
        text = tr("No problems found.")
    if rebuilt:
        text = (
            tr(
                "Rebuilt {balances} balances and {clocks} row clocks.",
                balances=rebuilt["balances"],
                clocks=rebuilt["row_clocks"],
            )
            + "\n"
            + text
        )
    state.emit(data, text)
    if problems:
        sys.exit(EXIT_ERROR)


cli_stock.register(cli)
cli_io.register(cli)
cli_orders.register(cli)
cli_roster.register(cli)
cli_playbooks.register(cli)
cli_sync.register(cli)


def log_path() -> Path:
    return paths.user_data_dir() / "bioreserve.log"


def report_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return a message naming it."""
    try:
        log_path().parent.mkdir(parents=True, exist_ok=True)
        with log_path().open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(exc)))
        where = str(log_path())
    except OSError:
        where = "-"
    return tr(
        "Unexpected error: {error}. Details were written to {log}; please send that file to "
        "your administrator.",
        error=exc,
        log=where,
    )


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="bioreserve", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(tr("Aborted."), err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BioError as exc:
        click.echo(tr("Error: {message}", message=exc), err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except Exception as exc:  # the last guard: a message, never a traceback
        click.echo(report_unexpected(exc), err=True)
        sys.exit(EXIT_UNEXPECTED)


if __name__ == "__main__":
    main()
