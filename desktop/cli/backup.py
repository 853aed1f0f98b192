"""CLI for backups: `backup [--out FILE]`, `backup list`, `backup keep-days [DAYS]`, and
`restore FILE [--yes] [--force]`.

Automatic backups are made by the core (daily, before a migration, an import or a bundle
import); these commands make one by hand, list them and restore one. `restore` works on
a damaged database too: it never needs the current file to open.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import click

import desktop.cli.common as common
from desktop.cli.common import State
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backup_actions, backups, restoring
from desktop.core.store import db as dbmod

FILE = click.Path(dir_okay=False, path_type=Path)


def _size(n: int) -> str:
    return f"{n / 1_048_576:,.1f} MB" if n >= 1_048_576 else f"{n / 1024:,.0f} KB"


@click.group(
    "backup",
    invoke_without_command=True,
    help=tr(
        "Back the database up (a consistent copy, checked): to --out FILE, else into "
        "its backup folder. `backup list` lists the backups."
    ),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),  # as typed: a trailing slash names a folder
    help=tr("Write the backup to this file (it must not exist yet)."),
)
@click.pass_context
def backup_group(click_ctx, out):
    if click_ctx.invoked_subcommand is not None:
        if out is not None:
            raise click.UsageError(tr("--out goes with `backup` alone, not with a subcommand."))
        return
    state: State = click_ctx.obj
    db = state.open_live()
    made = backup_actions.manual(db, state.ctx, out=out)
    state.emit(
        made.as_dict(),
        tr(
            "Wrote the backup {path} ({size}, checked).",
            path=made.path,
            size=_size(made.size),
        ),
    )


@backup_group.command("list", help=tr("List this database's backups, newest first."))
@click.pass_obj
def backup_list(state: State):
    found = backups.listing(state.db_path)
    rows = [
        {
            **b.as_dict(),
            "reason_name": backups.reason_name(b.reason),
            "size_text": _size(b.size),
            "check": tr("ok") if b.ok else tr("FAILED"),
        }
        for b in found
    ]
    if not rows:
        text = tr("No backups of {path} yet.", path=state.db_path)
    else:
        text = common.table(
            rows,
            [
                ("made", tr("Made")),
                ("reason_name", tr("Reason")),
                ("size_text", tr("Size")),
                ("check", tr("Check result")),  # not "Check": 待检项 (monitoring)
                ("path", tr("File")),
            ],
        )
    state.emit([b.as_dict() for b in found], text)


@backup_group.command(
    "keep-days",
    help=tr(
        "Show or set how many days automatic backups are kept (1–3650, 30 until set); "
        "the newest good backup is always kept."
    ),
)
@click.argument("days", required=False)
@click.pass_obj
def keep_days(state: State, days):
    db = state.open_live()
    if days is not None:
        backup_actions.set_keep_days(db, state.ctx, days)
    value = backups.keep_days(db)
    state.emit({"keep_days": value}, tr("Automatic backups are kept {days} days.", days=value))


@click.command(
    "restore",
    help=tr(
        "Replace the database with a backup: the backup is checked first, the current "
        "file kept as a before-restore backup, then the restored database is checked."
    ),
)
@click.argument("backup_file", metavar="FILE", type=FILE)
@click.option("--yes", is_flag=True, help=tr("Do not ask for confirmation."))
@click.option(
    "--force",
    is_flag=True,
    help=tr("Restore a backup of another station (its identity replaces this one's)."),
)
@click.pass_obj
def restore(state: State, backup_file: Path, yes: bool, force: bool):
    db_path = Path(state.db_path)
    found = restoring.verify(backup_file, db_path, force)  # refusals before any question
    ctx = _who_restores(state, backup_file)
    if not yes:
        click.confirm(
            tr(
                "Replace {path} with the backup {backup} of {name} ({code})?",
                path=db_path,
                backup=backup_file,
                name=found["name"],
                code=found["code"],
            ),
            abort=True,
        )
    result = restoring.restore(ctx, backup_file, db_path, force=force)
    lines = [tr("Restored {path} from {backup}.", path=db_path, backup=backup_file)]
    if result.before is not None:
        lines.append(tr("The replaced file is kept as {before}.", before=result.before))
    if result.problems:
        lines += result.problems
        lines.append(tr("{count} problem(s) found.", count=len(result.problems)))
    else:
        lines.append(tr("Check: no problems found."))
    state.emit(result.as_dict(), "\n".join(lines))
    if result.problems:
        sys.exit(1)


def _who_restores(state: State, backup_file: Path):
    """Who acts, with every connection to the current file closed again (a restore needs
    the file to itself). A damaged or missing file cannot be logged in to: then the
    accounts of the backup say who may restore it."""
    try:
        db = state.open_live()
    except backups.Damaged:
        return _signed_in_to_backup(state, backup_file)
    except BioError:
        if Path(state.db_path).exists():
            raise
        return _signed_in_to_backup(state, backup_file)  # no file yet: the restore makes it
    ctx = state.ctx
    db.close()
    if db in common.OPENED:
        common.OPENED.remove(db)
    return ctx


def _signed_in_to_backup(state: State, backup_file: Path):
    """Log in against a copy of the backup (logging in writes: failures, lockouts), in a
    private temporary folder deleted afterwards."""
    sign_in = getattr(state, "sign_in", None)
    if sign_in is None:  # a CLI without login: the program's user
        return state.ctx
    with tempfile.TemporaryDirectory(prefix="bioreserve-restore-") as folder:
        copy = Path(folder) / "backup.db"
        shutil.copyfile(backup_file, copy)
        db = dbmod.open_db(copy)
        try:
            sign_in(db)
        finally:
            db.close()
    return state.ctx


def register(cli) -> None:
    cli.add_command(backup_group)
    cli.add_command(restore)
