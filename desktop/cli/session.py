"""`bioreserve login --user NAME`, `logout` and `whoami`: a person's login at the
terminal, kept by a token only its owner can read until unused for the idle time."""

import os
from datetime import timedelta

import click

import desktop.cli.signin as signin
from desktop.cli.common import State
from desktop.core import values
from desktop.core.access import accounts, login, roles, sessions
from desktop.core.context import Ctx
from desktop.core.i18n import tr


def _who(db, ctx: Ctx) -> dict:
    acc = accounts.get(db, ctx.account_id) if ctx.account_id else None
    found = next((row for row in accounts.listing(db) if acc and row["name"] == acc.name), None)
    return {
        "user": ctx.user,
        "role": ctx.role,
        "role_name": roles.name(ctx.role),
        "full_name": acc.full_name if acc else "",
        "agency": (found or {}).get("agency", ""),
        "depots": (found or {}).get("depots", []),
    }


def _role_line(who: dict) -> str:
    line = f"{who['user']} ({who['role_name']})"
    if who["agency"]:
        line += " — " + tr("agency {code}", code=who["agency"])
    if who["depots"]:
        line += " — " + tr("depots {codes}", codes=", ".join(who["depots"]))
    return line


@click.command(
    "login", help=tr("Log in to the database as an account, for the commands that follow.")
)
@click.option(
    "--user",
    "name",
    required=True,
    metavar="NAME",
    help=tr("The account's name."),
)
@click.pass_obj
def login_command(state: State, name):
    db = state.open_unchecked()
    if not accounts.has_accounts(db):
        raise signin.NotLoggedIn(login.no_accounts_message())
    password = os.environ.get(signin.ENV_PASSWORD) or signin.ask(
        tr("Password of {name}", name=name[:32]), option=None
    )
    ctx = signin.authenticate(db, name, password, via="cli")
    state.act_as(ctx)
    path = sessions.start(db, ctx, state.db_path)
    minutes = sessions.idle_minutes(db)
    until = values.stamp(values.now() + timedelta(minutes=minutes))
    who = _who(db, ctx)
    state.emit(
        {**who, "idle_minutes": minutes, "until": until, "token_file": str(path)},
        tr(
            "Logged in to {path} as {who}.\nThe login holds until {until}, and each command "
            "keeps it {minutes} minutes longer; `bioreserve logout` ends it.",
            path=state.db_path,
            who=_role_line(who),
            until=values.shown_time(until),
            minutes=minutes,
        ),
    )


@click.command("logout", help=tr("End the login to the database (its token is deleted)."))
@click.pass_obj
def logout_command(state: State):
    name = sessions.end(state.open_unchecked(), state.db_path)
    state.emit(
        {"user": name},
        tr("Logged out {name}.", name=name)
        if name
        else tr("Nobody was logged in to {path}.", path=state.db_path),
    )


@click.command("whoami", help=tr("Show the account the commands act as, and its role."))
@click.pass_obj
def whoami_command(state: State):
    db = state.open_live()
    who = _who(db, state.ctx)
    state.emit(who, _role_line(who))


def register(cli) -> None:
    cli.add_command(login_command)
    cli.add_command(logout_command)
    cli.add_command(whoami_command)
