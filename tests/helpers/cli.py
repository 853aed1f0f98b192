"""Running the CLI in-process as a user would: exit code, stdout, stderr; two stations
run side by side, and their enrolment of each other's keys."""

import json

from desktop.cli import main
from tests.helpers.stations import new_station


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
        new_station(paths[code], code, name).close()

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
