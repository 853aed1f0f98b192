"""The command line: `bioreserve [--db PATH] [--json] [--lang en|zh_CN] COMMAND`, thin over
desktop.core.

Errors print one message to stderr and exit non-zero; no traceback reaches
the user (an unexpected error's traceback goes to the log file named).
"""

import os
import sqlite3
import sys
from pathlib import Path

import click

import desktop.cli.common as common
import desktop.cli.language as language
from desktop.cli import audit_log as cli_audit
from desktop.cli import backup as cli_backup
from desktop.cli import drills as cli_drills
from desktop.cli import hub as cli_hub
from desktop.cli import incidents as cli_incidents
from desktop.cli import monitoring as cli_monitoring
from desktop.cli import orders as cli_orders
from desktop.cli import playbooks as cli_playbooks
from desktop.cli import roster as cli_roster
from desktop.cli import session as cli_session
from desktop.cli import signin
from desktop.cli import spreadsheets as cli_io
from desktop.cli import station as cli_station
from desktop.cli import stock as cli_stock
from desktop.cli import sync as cli_sync
from desktop.cli import users as cli_users
from desktop.cli.common import State, close_all
from desktop.core import i18n, paths
from desktop.core.access import accounts, passwords
from desktop.core.crashlog import report_unexpected
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups, initdb
from desktop.core.setup import demo as demo_data
from desktop.core.store import check as checkmod
from desktop.core.store import db as dbmod
from desktop.core.store import info as infomod
from desktop.core.store import station

EXIT_ERROR = 1
EXIT_UNEXPECTED = 2


def _named_file(value: Path | None) -> Path | None:
    """--db "" (a script's unset variable) is refused, not taken as the current folder."""
    if value is not None and not value.name:
        raise click.BadParameter(tr("give the database file's name"))
    return value


@click.group(
    help=tr("BioReserve — biosafety emergency reserves and response (生物安全应急储备与处置系统).")
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=lambda _ctx, _param, value: _named_file(value),
    help=tr("Database file (default: $BIORESERVE_DB, else bioreserve.db in the user data folder)."),
)
@click.option("--json", "as_json", is_flag=True, help=tr("Print machine-readable JSON."))
@click.option(
    "--drill",
    "drill",
    metavar="ID",
    help=tr("Act inside this drill's sandbox (its id, number or sequence), not on live data."),
)
@click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    expose_value=False,
    is_eager=True,
    callback=lambda _ctx, _param, value: language.switch(value) if value else None,
    help=tr("Language: zh_CN (the default) or en; $BIORESERVE_LANG does the same."),
)
@click.pass_context
def cli(ctx, db_path, as_json, drill):
    ctx.obj = State(db_path or paths.default_db_path(), as_json, drill)


@cli.command(
    help=tr("Create a database for this station: identity, key pair, Hengyang reference data.")
)
@click.option("--demo", is_flag=True, help=tr("Add the demonstration data set (clearly marked)."))
@click.option("--station", "code", help=tr("Station code used in order numbers, e.g. HY-CITY."))
@click.option("--station-name", "name", help=tr("Station name, e.g. 衡阳市应急管理局."))
@click.option(
    "--admin",
    "admin",
    metavar="NAME",
    help=tr(
        "The administrator account's name (default: admin; a demo database without it has "
        "the demo logins)."
    ),
)
@click.option(
    "--admin-password-file",
    "password_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("A file whose first line is the administrator's password (else it is asked twice)."),
)
@click.option(
    "--force",
    is_flag=True,
    help=tr(
        "Create the station in an empty file even though backups of an earlier database "
        "at that path exist (restore one instead, unless it is really gone for good)."
    ),
)
@click.option(
    "--from-snapshot",
    "snapshot_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr(
        "Make the station from a snapshot (bioreserve sync snapshot at another station): "
        "its data become this station's database file at once."
    ),
)
@click.option(
    "--trust",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("With --from-snapshot: the key file of the station that made the snapshot."),
)
@click.option("--fingerprint", help=tr("The fingerprint the other station shows; must match."))
@click.option(
    "--yes", is_flag=True, help=tr("Trust without asking (fingerprint already compared).")
)
@click.pass_obj
def init(state: State, demo, code, name, admin, password_file, force, snapshot_file, key_file,
         fingerprint, yes):  # fmt: skip
    if snapshot_file is not None or key_file is not None:
        cli_sync.init_from_snapshot(
            state, snapshot_file, key_file, fingerprint, yes, code, name, admin, password_file,
            demo or force,
        )  # fmt: skip
        return
    if code is not None:  # a wrong code is refused before the password is asked for
        station.validate_code(code)
    password = None
    if admin is not None or password_file is not None or not demo:
        admin = accounts.check_name(admin if admin is not None else "admin")
        password = signin.new_password(
            password_file,
            tr("Password of the administrator {name}", name=admin),
            "--admin-password-file",
        )
        passwords.check_new(password, admin)
    db = initdb.init_database(
        state.db_path, code, name, with_demo=demo, admin=admin, admin_password=password,
        force=force,
    )  # fmt: skip
    common.OPENED.append(db)  # closed when the command ends: no -wal or -shm left behind
    data = infomod.describe(db)
    st = data["station"]
    data["accounts"] = [row["name"] for row in accounts.listing(db)]
    if admin is not None:
        logins = tr(
            "Administrator: {name}. Log in with `bioreserve login --user {name}`.", name=admin
        )
    else:
        logins = tr(
            "Demo logins (password {password}): {names}.",
            password=demo_data.DEMO_PASSWORD,
            names=", ".join(data["accounts"]),
        )
    state.emit(
        data,
        tr(
            "Created {path}\nStation: {name} ({code})\nKey fingerprint: {fingerprint}{demo}",
            path=data["path"],
            name=st["name"],
            code=st["code"],
            fingerprint=st["fingerprint"],
            demo=tr("\nThis database holds DEMONSTRATION data.") if data["demo"] else "",
        )
        + "\n"
        + logins,
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
        cli_station.key_line(data["key"]),
    ]
    if data["drill"]:
        lines.append(
            tr("DRILL SANDBOX (演练) — nothing here is real; the live database is untouched.")
        )
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
    try:
        db = state.open()
    except backups.Damaged as exc:  # the worst finding of all: said as one, JSON too
        if state.as_json:
            state.emit({"ok": False, "rebuilt": None,
                        "problems": [{"kind": "damaged", "message": str(exc)}]}, "")  # fmt: skip
            sys.exit(EXIT_ERROR)
        raise
    rebuilt = checkmod.rebuild(db, state.ctx) if rebuild else None
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
cli_incidents.register(cli)
cli_drills.register(cli)
cli_monitoring.register(cli)
cli_sync.register(cli)
cli_hub.register_hub(cli_sync.sync)
cli_station.register(cli)
cli_backup.register(cli)
cli_session.register(cli)
cli_users.register(cli)
cli_audit.register(cli)


def _json_option(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.find_root().obj.as_json = True


def _file_named(param: click.Parameter) -> None:
    """A file parameter given "" (a script's unset variable) is refused naming itself, not
    taken as the current folder; a file to write (--out) is refused when it is a SQLite
    database: `sync export --out` given the station's own file wrote a bundle over it."""
    kind = param.type
    if not isinstance(kind, click.Path) or kind.dir_okay:
        return
    before = param.callback

    written = "--out" in param.opts

    def check(ctx, this, value):
        named = value if isinstance(value, tuple | list) else [value]
        if any(v is not None and not Path(v).name for v in named):
            raise click.BadParameter(tr("give a file name"), ctx=ctx, param=this)
        if written and any(v is not None and paths.is_database(Path(v)) for v in named):
            raise click.BadParameter(
                tr("it is a database (a station's or a backup), which nothing is written over"),
                ctx=ctx,
                param=this,
            )
        return before(ctx, this, value) if before else value

    param.callback = check


def _json_after_every_command(group: click.Group) -> None:
    """`bioreserve COMMAND … --json` as `bioreserve --json COMMAND …` (both are written in
    the README and by scripts): every command takes the option too. Every file parameter
    refuses an empty name (_file_named)."""
    for command in group.commands.values():
        for param in command.params:
            _file_named(param)
        if isinstance(command, click.Group):
            _json_after_every_command(command)
        elif not any(p.name == "as_json" for p in command.params):
            command.params.append(
                click.Option(
                    ["--json", "as_json"],
                    is_flag=True,
                    expose_value=False,
                    callback=_json_option,
                    help=tr("Print machine-readable JSON."),
                )
            )


_json_after_every_command(cli)
language.remember(cli)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    # A path given in bytes that are not UTF-8 (a GBK file name on a Linux USB stick) reaches
    # Python as lone surrogates: written back escaped, never a crash while saying where.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        with language.speaking(language.asked(argv)):  # before click reads anything
            _refuse_unknown_language(argv)
            _run(argv)
    finally:
        close_all()


def _refuse_unknown_language(argv: list[str]) -> None:
    """$BIORESERVE_LANG naming no language of ours is refused as --lang would be (unless
    --lang is given): it was read as Chinese without a word."""
    wanted = os.environ.get("BIORESERVE_LANG", "")
    if wanted and not i18n.recognized(wanted) and language.asked(argv) is None:
        message = tr("BIORESERVE_LANG={value} is no language of BioReserve: set zh_CN or en.",
                     value=wanted)  # fmt: skip
        click.echo(tr("Error: {message}", message=message), err=True)
        sys.exit(EXIT_ERROR)


def _run(argv: list[str]) -> None:
    try:
        cli.main(args=argv, prog_name="bioreserve", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(tr("Aborted."), err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:  # a wrong option or value: a refusal, like any other
        exc.show()
        sys.exit(EXIT_ERROR)
    except BioError as exc:
        click.echo(tr("Error: {message}", message=exc), err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except sqlite3.DatabaseError as exc:  # a bad page met mid-command: name the backup
        text = str(exc).lower()
        if common.OPENED and ("malformed" in text or "not a database" in text):
            damaged = dbmod.explain(exc, common.OPENED[0].path)
            click.echo(tr("Error: {message}", message=damaged), err=True)
            sys.exit(EXIT_ERROR)
        click.echo(report_unexpected(exc), err=True)
        sys.exit(EXIT_UNEXPECTED)
    except Exception as exc:  # the last guard: a message, never a traceback
        click.echo(report_unexpected(exc), err=True)
        sys.exit(EXIT_UNEXPECTED)


if __name__ == "__main__":
    main()
