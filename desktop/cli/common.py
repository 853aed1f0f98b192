"""What every CLI command shares: the open database, JSON or text output, tables."""

import json
import unicodedata
from pathlib import Path

import click

import desktop.cli.signin as signin
from desktop.core.context import Ctx
from desktop.core.i18n import tr
from desktop.core.setup.opening import open_station

OPENED: list = []  # databases the command opened: closed when it ends (root.main)


def close_all() -> None:
    """Close what the command opened: the last connection to close folds the write-ahead
    log into the database file, so the file alone holds everything once the command ends."""
    while OPENED:
        db = OPENED.pop()
        try:
            db.close()
        except Exception:  # closing after a failure: nothing more to do
            pass


class State:
    """The global options (--db, --json) handed to every command, and who acts: the
    account logged in (signin.py), known once the command opens its database."""

    def __init__(self, db_path: Path, as_json: bool, drill: str | None = None):
        self.db_path = db_path
        self.as_json = as_json
        self.drill = drill  # --drill ID: every command acts inside that drill's sandbox
        self._ctx: Ctx | None = None

    @property
    def ctx(self) -> Ctx:
        """The logged-in account's context (the database opened first: open, open_live)."""
        if self._ctx is None:
            raise RuntimeError("State.ctx read before the database was opened")
        return self._ctx

    def open(self):
        """The database the command acts on: the live one, or with --drill the drill's
        sandbox (drills/sandbox.py), as the account logged in."""
        db = self.open_live()
        if self.drill is None:
            return db
        from desktop.core.drills import sandbox

        inside = sandbox.enter(db, self.ctx, self.drill)
        OPENED.append(inside)
        sandbox.close_play(inside, self.drill)
        return inside

    def open_live(self):
        """The live database, as the account logged in (refused without a login)."""
        return self.sign_in(self.open_unchecked())

    def sign_in(self, db):
        """Log in to an open database (the environment's account, or login's token)."""
        if self._ctx is None:
            self._ctx = signin.context(db, Path(self.db_path))
        return db

    def open_unchecked(self):
        """The live database before anyone logged in: for the commands that log in
        (login, logout), and the first account of a station."""
        db = open_station(self.db_path)
        OPENED.append(db)
        return db

    def act_as(self, ctx: Ctx) -> None:
        """Who acts from now on (login, a station's first account)."""
        self._ctx = ctx

    def emit(self, data, text: str) -> None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2) if self.as_json else text)


def wrote(state: State, result) -> None:
    """Say that a document was written (a font warning, if any, on stderr)."""
    if result.warning:
        click.echo(result.warning, err=True)
    state.emit(
        {"path": str(result.path), "pages": result.pages},
        tr("Wrote {path} ({pages} pages).", path=result.path, pages=result.pages),
    )


def width(text: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    """Rows as an aligned text table; columns are (key, heading)."""
    cells = [[heading for _, heading in columns]]
    for row in rows:
        cells.append(["" if row.get(key) is None else str(row.get(key)) for key, _ in columns])
    widths = [max(width(line[i]) for line in cells) for i in range(len(columns))]
    lines = []
    for line in cells:
        lines.append(
            "  ".join(
                text + " " * (widths[i] - width(text)) for i, text in enumerate(line)
            ).rstrip()
        )
    return "\n".join(lines)
