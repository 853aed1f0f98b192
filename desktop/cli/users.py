"""`bioreserve user …`: this station's accounts (the administrator's right).

Roles are given by their code or their Chinese name (admin or 系统管理员); a keeper is
bound to its depots (--depot, repeated), a liaison to its agency (--agency). Passwords
come from a file (--password-file: its first line) or a hidden prompt, never from an
option on the command line, which other users of the computer may see.
"""

import os
from pathlib import Path

import click

import desktop.cli.signin as signin
from desktop.cli.common import State, table
from desktop.core import values
from desktop.core.access import accounts, policy, roles
from desktop.core.i18n import tr

FILE = click.Path(dir_okay=False, path_type=Path)


def _role_help() -> str:
    return tr(
        "Role: its code or Chinese name — admin 系统管理员, coordinator 应急协调员, keeper "
        "仓库管理员 (with --depot), liaison 成员单位联络员 (with --agency), controller "
        "演练导调员, viewer 只读."
    )


@click.group("user", help=tr("This station's user accounts: add, list, disable, reset passwords."))
def user_group():
    pass


@user_group.command("add", help=tr("Add an account with a role (bound to depots or an agency)."))
@click.option("--name", "name", required=True, metavar="NAME", help=tr("Login name."))
@click.option("--role", "role", required=True, metavar="ROLE", help=_role_help())
@click.option(
    "--depot",
    "depots",
    multiple=True,
    metavar="CODE",
    help=tr("A depot a keeper keeps (repeat for several)."),
)
@click.option("--agency", "agency", metavar="CODE", help=tr("The agency of a liaison."))
@click.option("--full-name", "full_name", default="", help=tr("The person's full name."))
@click.option(
    "--password-file",
    "password_file",
    type=FILE,
    help=tr("A file whose first line is the password (else it is asked twice)."),
)
@click.pass_obj
def add(state: State, name, role, depots, agency, full_name, password_file):
    db = state.open_unchecked()
    # A station without any account (an older database): its first account is its
    # administrator, made without a login — and only then.
    first = not accounts.has_accounts(db)
    if first:
        ctx = None
        if accounts.parse_role(role) != "admin":
            raise signin.NotLoggedIn(
                tr("The first account of a station is its administrator (--role admin).")
            )
    else:
        state.sign_in(db)
        ctx = state.ctx
    # the role, name and bindings are checked before the password is asked for
    accounts.parse_role(role)
    accounts.check_name(name)
    password = signin.new_password(password_file, tr("Password of {name}", name=name[:32]))
    made = accounts.add(
        db, ctx, name, role, password, full_name=full_name, agency=agency, depots=list(depots)
    )
    row = _row(db, made.name)
    state.emit(
        row,
        tr("Added the account {who}.", who=_line(row))
        + ("\n" + tr("Log in with `bioreserve login --user {name}`.", name=made.name)
           if first else ""),
    )  # fmt: skip


def _row(db, name: str) -> dict:
    return next(r for r in accounts.listing(db) if r["name"].lower() == name.lower())


def _line(row: dict) -> str:
    text = f"{row['name']} ({row['role_name']})"
    if row["agency"]:
        text += " — " + tr("agency {code}", code=row["agency"])
    if row["depots"]:
        text += " — " + tr("depots {codes}", codes=", ".join(row["depots"]))
    if row["disabled"]:
        text += " — " + tr("disabled")
    return text


@user_group.command("list", help=tr("List this station's accounts."))
@click.pass_obj
def list_users(state: State):
    db = state.open_live()
    policy.require(state.ctx, roles.USERS)
    rows = accounts.listing(db)
    shown = [
        {
            **r,
            "depots": ", ".join(r["depots"]),
            "state": tr("disabled")
            if r["disabled"]
            else (
                tr("locked until {until}", until=values.shown_time(r["locked_until"]))
                if r["locked_until"]
                else ""
            ),
        }
        for r in rows
    ]
    state.emit(
        rows,
        table(
            shown,
            [
                ("name", tr("Name")),
                ("full_name", tr("Full name")),
                ("role_name", tr("Role")),
                ("agency", tr("Agency")),
                ("depots", tr("Depots")),
                ("state", tr("State")),
            ],
        ),
    )


@user_group.command("disable", help=tr("Disable an account: it can no longer log in."))
@click.argument("name")
@click.pass_obj
def disable(state: State, name):
    db = state.open_live()
    acc = accounts.set_disabled(db, state.ctx, name, True)
    state.emit(_row(db, acc.name), tr("Disabled the account {name}.", name=acc.name))


@user_group.command("enable", help=tr("Enable a disabled account again."))
@click.argument("name")
@click.pass_obj
def enable(state: State, name):
    db = state.open_live()
    acc = accounts.set_disabled(db, state.ctx, name, False)
    state.emit(_row(db, acc.name), tr("Enabled the account {name}.", name=acc.name))


@user_group.command(
    "password",
    help=tr(
        "Set an account's password: your own (the current one is asked), or another's as "
        "its administrator (a reset, which also lifts a lockout)."
    ),
)
@click.argument("name")
@click.option(
    "--password-file",
    "password_file",
    type=FILE,
    help=tr("A file whose first line is the new password (else it is asked twice)."),
)
@click.pass_obj
def password(state: State, name, password_file):
    db = state.open_live()
    acc = accounts.find(db, name)
    own = acc is not None and acc.id == state.ctx.account_id
    old = None
    if own:  # one's own password: the current one first (a script's is in the environment)
        old = os.environ.get(signin.ENV_PASSWORD) or signin.ask(tr("Current password"), option=None)
    new = signin.new_password(password_file, tr("New password of {name}", name=name[:32]))
    accounts.set_password(db, state.ctx, name, new, old)
    state.emit(
        {"name": acc.name if acc else name},
        tr("Set the password of {name}.", name=acc.name if acc else name),
    )


@user_group.command("change", help=tr("Change an account's role, full name, agency or depots."))
@click.argument("name")
@click.option("--role", "role", metavar="ROLE", help=_role_help())
@click.option(
    "--depot",
    "depots",
    multiple=True,
    metavar="CODE",
    help=tr("A depot a keeper keeps (repeat for several; replaces the ones it had)."),
)
@click.option("--agency", "agency", metavar="CODE", help=tr("The agency of a liaison."))
@click.option("--full-name", "full_name", help=tr("The person's full name."))
@click.pass_obj
def change(state: State, name, role, depots, agency, full_name):
    db = state.open_live()
    acc = accounts.change(
        db,
        state.ctx,
        name,
        role=role,
        full_name=full_name,
        agency=agency,
        depots=list(depots) if depots else None,
    )
    row = _row(db, acc.name)
    state.emit(row, tr("Changed the account {who}.", who=_line(row)))


def register(cli) -> None:
    cli.add_command(user_group)
