"""Who a CLI command acts as: every command that opens a database logs in first.

Scripts give the account in $BIORESERVE_USER with its password in $BIORESERVE_PASSWORD;
a person runs `bioreserve login --user NAME` once, which leaves a token readable by its
owner only (access/sessions.py) until it is unused for the station's idle time. Without
either the command is refused, before it reads or changes anything. Passwords for new
accounts come from a file (its first line) or a hidden prompt, never from an option.
"""

import os
import sys
from pathlib import Path

import click

from desktop.core import i18n, reasons
from desktop.core.access import accounts, login, sessions
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

ENV_USER = "BIORESERVE_USER"
ENV_PASSWORD = "BIORESERVE_PASSWORD"
MAX_PASSWORD_FILE = 4096  # bytes: a password file holds one line


class NotLoggedIn(BioError):
    """No login for this database: the message says how to log in."""


def how_to_log_in() -> str:
    return tr(
        "Log in with `bioreserve login --user NAME`, or set {user} and {password} (scripts).",
        user=ENV_USER,
        password=ENV_PASSWORD,
    )


def context(db: Database, db_path: Path) -> Ctx:
    """The logged-in account's context: from the environment, else from `login`'s token;
    NotLoggedIn (or login.LoginRefused) otherwise."""
    if not accounts.has_accounts(db):
        raise NotLoggedIn(login.no_accounts_message())
    user = os.environ.get(ENV_USER, "").strip()
    if user:
        password = os.environ.get(ENV_PASSWORD)
        if not password:
            raise NotLoggedIn(
                tr(
                    "{user} is set but {password} is not: a script gives both.",
                    user=ENV_USER,
                    password=ENV_PASSWORD,
                )
                + _space()
                + how_to_log_in()
            )
        return authenticate(db, user, password, via="env")
    had_token = sessions.token_file(db_path).exists()  # an ended login's file is deleted
    ctx = sessions.resume(db, db_path)
    if ctx is not None:
        return ctx
    if had_token:
        raise NotLoggedIn(
            tr(
                "The login to this database has ended: unused for more than {minutes} "
                "minutes, logged out, or its account disabled.",
                minutes=sessions.idle_minutes(db),
            )
            + _space()
            + how_to_log_in()
        )
    nobody = tr("Nobody is logged in to {path}.", path=db_path)
    raise NotLoggedIn(nobody + _space() + how_to_log_in())


def _space() -> str:
    """Between two sentences: a space in English, none after a Chinese full stop."""
    return "" if i18n.current_language().startswith("zh") else " "


_logging_in = False


def authenticate(db: Database, name: str, password: str, via: str) -> Ctx:
    """login.authenticate, without asking for the station key's passphrase: the login's
    audit event is sealed when the key opens without asking, else by the next seal."""
    global _logging_in
    _logging_in = True
    try:
        return login.authenticate(db, name, password, via=via)
    finally:
        _logging_in = False


def logging_in() -> bool:
    """Whether a login is under way (the key's passphrase prompt then stays silent)."""
    return _logging_in


def password_file(path: Path) -> str:
    """The password on the first line of a file (its line end removed), the file's size
    checked before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BioError(tr("The password file {path} does not exist.", path=path)) from None
    except OSError as exc:
        raise BioError(
            tr(
                "The password file {path} cannot be read: {error}",
                path=path,
                error=reasons.reason(exc),
            )
        ) from None
    if not path.is_file():
        raise BioError(tr("The password file {path} is not a file.", path=path))
    if size > MAX_PASSWORD_FILE:
        raise BioError(
            tr(
                "The password file {path} is larger than {n} bytes; it holds the password "
                "on its first line only.",
                path=path,
                n=MAX_PASSWORD_FILE,
            )
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise BioError(
            tr(
                "The password file {path} cannot be read: {error}",
                path=path,
                error=reasons.reason(exc),
            )
        ) from None
    except UnicodeDecodeError:
        raise BioError(tr("The password file {path} is not UTF-8 text.", path=path)) from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise BioError(
            tr("The password file {path} is empty (the password is its first line).", path=path)
        )
    return first


def ask(question: str, new: bool = False, option: str | None = "--password-file") -> str:
    """A password typed in the terminal (hidden; a new one asked twice). Without a
    terminal there is nobody to ask: refused, naming the other way — the option's file,
    or (option None: a login's password) the environment variable."""
    if not sys.stdin.isatty():
        if option is None:
            raise BioError(
                tr(
                    "No terminal to ask for the password in: a script gives it in the "
                    "environment variable {variable}.",
                    variable=ENV_PASSWORD,
                )
            )
        raise BioError(
            tr(
                "No terminal to ask for the password in: give it in a file ({option} FILE).",
                option=option,
            )
        )
    return click.prompt(question, hide_input=True, confirmation_prompt=new)


def new_password(path: Path | None, question: str, option: str = "--password-file") -> str:
    """A new password: from the file given, else asked twice."""
    return password_file(path) if path is not None else ask(question, True, option)
