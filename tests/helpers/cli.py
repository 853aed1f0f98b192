"""Running the CLI in-process as a user would: exit code, stdout, stderr; two stations
run side by side, and their enrolment of each other's keys.

The CLI logs in like a script: tests/cli/conftest.py sets BIORESERVE_USER=admin and
BIORESERVE_PASSWORD=PASSWORD, the demo logins' password, so that one login opens the
stations made here (cli_station: an administrator `admin` with that password) and the
copies of a demo database alike.
"""

import json
from pathlib import Path

from desktop.cli import main
from desktop.core.access import accounts
from desktop.core.setup.demo import DEMO_PASSWORD
from tests.helpers.stations import content as every_row
from tests.helpers.stations import new_station

ADMIN = "admin"
PASSWORD = DEMO_PASSWORD


def with_admin(db, name: str = ADMIN, password: str = PASSWORD):
    """The station's first account, its administrator (as `init` makes it); returns db."""
    accounts.add(db, None, name, "admin", password)
    return db


def cli_station(path: Path, code: str = "HY-TEST", name: str = "测试站"):
    """A station as `bioreserve init --admin-password-file` makes it: new_station and its
    administrator. Returns it open."""
    return with_admin(new_station(path, code, name))


def password_file(folder: Path, password: str = PASSWORD) -> Path:
    """A file whose first line is the password, for --admin-password-file/--password-file."""
    path = Path(folder) / "password.txt"
    path.write_text(password + "\n", encoding="utf-8")
    return path


def log_in(monkeypatch, user: str = ADMIN, password: str = PASSWORD) -> None:
    """Every command that follows acts as this account (a script's login)."""
    monkeypatch.setenv("BIORESERVE_USER", user)
    monkeypatch.setenv("BIORESERVE_PASSWORD", password)


# what opening a database and logging in record by themselves: the login, and the
# automatic daily backup of the first opening of the day
BOOKKEEPING = ("login", "login_failed", "backup")


def content(db):
    """Every row of every table but what a command's login and opening record by
    themselves (their audit events, the seal after them, the session's last use): for
    'the command changed nothing'."""
    rows = every_row(db)
    for name in ("audit_seal", "session"):
        rows.pop(name, None)
    rows["audit_event"] = [
        repr(r)
        for r in db.execute(
            "SELECT kind, detail FROM audit_event WHERE kind NOT IN (?, ?, ?) ORDER BY seq",
            BOOKKEEPING,
        )
    ]
    return rows


def invoke(capsys, *args):
    """Run `bioreserve ARGS…`; returns (exit code, stdout, stderr)."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def two_stations(folder, capsys):
    """Stations HY-A and HY-B; run(code, *args) runs the CLI against one (run.paths)."""
    paths = {}
    for code, name in (("HY-A", "甲站"), ("HY-B", "乙站")):
        paths[code] = folder / f"{code}.db"
        cli_station(paths[code], code, name).close()

    def run(code, *args):
        return invoke(capsys, "--db", str(paths[code]), *args)

    run.paths = paths
    return run


def identity(run, code):
    status, out, _ = run(code, "--json", "sync", "identity")
    assert status == 0
    return json.loads(out)


def enrol_both(run, folder):
    """Each station trusts the other's key, as two administrators do with the CLI."""
    for me, peer in (("HY-A", "HY-B"), ("HY-B", "HY-A")):
        key = folder / f"{peer}.key"
        assert run(peer, "sync", "export-key", "--out", str(key))[0] == 0
        status, out, err = run(me, "sync", "trust", str(key), "--yes")
        assert status == 0, err
