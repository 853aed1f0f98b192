"""CLI for this station's private key: its protection, a backup, a restore, a new key pair.

Passphrases come from $BIORESERVE_KEY_PASSPHRASE (scripts) or are asked in the terminal;
register() gives the core that prompt, for every command that needs the key unlocked.
"""

import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import click

import desktop.cli.signin as signin
from desktop.cli.common import State
from desktop.core.access import sessions
from desktop.core.i18n import tr
from desktop.core.store import db as dbmod
from desktop.core.store import keyprotect, station

FILE = click.Path(dir_okay=False, path_type=Path)
METHOD = click.option(
    "--method",
    type=click.Choice(["auto", "file", "passphrase"]),
    default="auto",
    show_default=True,
    help=tr(
        "Where the key-encryption key lives: auto (Windows DPAPI, else the desktop keyring "
        "when there is one, else a key file), a key file, or a passphrase."
    ),
)


def key_line(key: dict | None) -> str:
    """Whether the private key is encrypted and where its key-encryption key lives."""
    if not key:
        return tr("Private key: —")
    if key["encrypted"]:
        return tr("Private key: encrypted; key-encryption key: {kek}", kek=key["kek"])
    return tr("Private key: NOT encrypted ({kek})", kek=key["kek"])


def _ask(question: str, new: bool) -> str | None:
    """The passphrase prompt in a terminal (hidden, asked twice for a new one); never
    while logging in, which only seals its audit event if the key opens unasked."""
    if not sys.stdin.isatty() or signin.logging_in():
        return None
    return click.prompt(question, hide_input=True, confirmation_prompt=new)


@contextmanager
def _explained(state: State):
    """SQLite failures (a database locked by the window …) as a message, not a traceback."""
    try:
        yield
    except sqlite3.Error as exc:
        raise dbmod.explain(exc, Path(state.db_path)) from exc


def _method(value: str) -> str | None:
    return None if value == "auto" else value


@click.group(
    "station", help=tr("This station's private key: protection, backup, restore, new key pair.")
)
def station_group():
    pass


@station_group.command(
    "protect",
    help=tr("Encrypt the private key again under a key-encryption key of the kind chosen."),
)
@METHOD
@click.pass_obj
def protect(state: State, method):
    with _explained(state):
        key = station.reprotect(state.open(), _method(method), ctx=state.ctx)
    state.emit(key, key_line(key))


@station_group.command(
    "backup-key",
    help=tr("Write the private key, encrypted with a passphrase, to a file kept apart."),
)
@click.option("--out", "out", type=FILE, required=True, help=tr("Backup file to write."))
@click.pass_obj
def backup_key(state: State, out):
    result = station.backup_key(state.open(), out, ctx=state.ctx)
    state.emit(
        result,
        tr(
            "Wrote the private key of {code} (fingerprint {fingerprint}) to {path}, encrypted "
            "with the passphrase. Keep the file and the passphrase apart: with both, "
            "`bioreserve station restore-key` puts the key back.",
            code=result["code"],
            fingerprint=result["fingerprint"],
            path=out,
        )
        + "\n"
        + key_line(result["key"]),
    )


@station_group.command(
    "restore-key",
    help=tr(
        "Put this station's private key back from a backup (after reinstalling, or on a new "
        "computer)."
    ),
)
@click.argument("backup", type=FILE)
@METHOD
@click.pass_obj
def restore_key(state: State, backup, method):
    with _explained(state):
        result = station.restore_key(state.open(), backup, _method(method), ctx=state.ctx)
    state.emit(
        result,
        tr(
            "Restored the private key of {code} (fingerprint {fingerprint}) from {path}.",
            code=result["code"],
            fingerprint=result["fingerprint"],
            path=backup,
        )
        + "\n"
        + key_line(result["key"]),
    )


@station_group.command(
    "new-key",
    help=tr(
        "Make a new key pair (and origin) for this station, when its key is lost or may have "
        "been stolen; other stations must then trust the new key."
    ),
)
@METHOD
@click.option("--yes", is_flag=True, help=tr("Do not ask for confirmation."))
@click.pass_obj
def new_key(state: State, method, yes):
    db = state.open()
    if not yes:
        click.confirm(
            tr(
                "Make a new key pair for this station? Its fingerprint and origin change: "
                "other stations accept its bundles only once they trust the new key, and "
                "orders printed with the old key no longer verify here."
            ),
            abort=True,
        )
    with _explained(state):
        result = station.new_key(db, _method(method), ctx=state.ctx)
    state.emit(
        result,
        tr(
            "New key pair for {code}.\nOrigin: {old_origin} → {origin}\nKey fingerprint: "
            "{old_fingerprint} → {fingerprint}\nOther stations must trust the new key: "
            "export it with `bioreserve sync export-key` and enrol it there with `bioreserve "
            "sync trust`; they may then revoke the old one with `bioreserve sync revoke "
            "{old_origin}`.",
            code=result["code"],
            old_origin=result["old_origin"],
            origin=result["origin"],
            old_fingerprint=result["old_fingerprint"],
            fingerprint=result["fingerprint"],
        )
        + "\n"
        + key_line(result["key"]),
    )


@station_group.command(
    "idle-minutes",
    help=tr(
        "Show or set the idle time: the desktop locks, and a `bioreserve login` ends, after "
        "this many minutes unused (1–480; 15 until set)."
    ),
)
@click.argument("minutes", required=False, type=click.IntRange(1, sessions.MAX_IDLE))
@click.pass_obj
def idle_minutes(state: State, minutes):
    db = state.open_live()
    if minutes is not None:
        sessions.set_idle_minutes(db, state.ctx, minutes)
    value = sessions.idle_minutes(db)
    state.emit(
        {"idle_minutes": value},
        tr("Idle time: {minutes} minutes.", minutes=value),
    )


def register(cli) -> None:
    cli.add_command(station_group)
    keyprotect.set_prompt(_ask)
