"""`sync serve`, `sync push URL`, `sync pull URL` as station administrators use them."""

import json
import signal
import sys
from pathlib import Path

import pytest

from desktop.core.store import check
from desktop.core.store import db as dbmod
from desktop.sync.hub import sqlite_store
from tests.helpers.cli import enrol_both, two_stations
from tests.helpers.hub import SERVE_OPEN, open_door, running_hub, served
from tests.helpers.stations import stock_up, synced

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stations(tmp_path, capsys):
    """Stations HY-A and HY-B, each enrolled at the other."""
    run = two_stations(tmp_path, capsys)
    enrol_both(run, tmp_path)
    return run


def stock(run, code, prefix):
    db = dbmod.open_db(run.paths[code])
    stock_up(db, prefix)
    db.close()


def same(run):
    a, b = (dbmod.open_db(run.paths[c]) for c in ("HY-A", "HY-B"))
    try:
        assert synced(a) == synced(b)
        assert check.run(a) == [] and check.run(b) == []
    finally:
        a.close()
        b.close()


def test_push_then_pull_both_ways(stations, hub_server):
    url = hub_server.url
    stock(stations, "HY-A", "A")
    status, out, err = stations("HY-A", "--json", "sync", "push", url)
    pushed = json.loads(out)
    assert status == 0, err
    assert pushed["stored"] is True and pushed["ops"] > 0 and pushed["url"] == url
    status, out, err = stations("HY-B", "--json", "sync", "pull", url)
    pulled = json.loads(out)
    assert status == 0, err
    assert pulled["applied"] == pushed["ops"] and pulled["refused"] == []
    assert pulled["conflicts_open"] == 0
    stock(stations, "HY-B", "B")
    status, out, _ = stations("HY-B", "sync", "push", url)
    assert status == 0 and url in out
    status, out, _ = stations("HY-A", "sync", "pull", url)
    assert status == 0 and "HY-B" in out
    same(stations)
    status, out, _ = stations("HY-A", "sync", "pull", url)
    assert status == 0 and url in out  # nothing new
    assert json.loads(stations("HY-A", "--json", "sync", "pull", url)[1])["received"] == 0


def test_a_refused_bundle_is_reported_and_pull_goes_on(stations, hub_server, tmp_path):
    url = hub_server.url
    stations("HY-B", "sync", "revoke", "HY-A")
    stock(stations, "HY-A", "A")
    assert stations("HY-A", "sync", "push", url)[0] == 0
    status, out, _ = stations("HY-B", "sync", "pull", url)
    assert status == 1 and "HY-A" in out  # said, and the exit status says it too
    status, out, _ = stations("HY-B", "--json", "sync", "pull", url, "--from-start")
    data = json.loads(out)
    assert status == 1 and [r["cause"] for r in data["refused"]] == ["revoked"]
    assert data["imported"] == []


def test_an_unreachable_hub_exits_1_with_its_address(stations, tmp_path):
    with running_hub(tmp_path / "gone.db") as server:
        url = server.url
    for command in ("push", "pull"):
        status, out, err = stations("HY-A", "sync", command, url)
        assert status == 1 and out == "" and url in err
    status, _, err = stations("HY-A", "sync", "pull", "not-a-url")
    assert status == 1 and "not-a-url" in err


def test_serve_refuses_a_bad_port_and_a_busy_one(stations, hub_server, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.cli.hub.authenticator", lambda store: open_door)
    store = str(tmp_path / "hub.db")
    status, _, err = stations("HY-A", "sync", "serve", "--port", "70000", "--store", store)
    assert status == 1 and "70000" in err
    port = str(hub_server.server_address[1])
    status, _, err = stations("HY-A", "sync", "serve", "--port", port, "--store", store)
    assert status == 1 and port in err


STOPS = [signal.SIGINT] + ([signal.SIGTERM] if sys.platform != "win32" else [])


@pytest.mark.parametrize("stop", STOPS, ids=lambda s: s.name)
def test_serve_runs_a_hub_until_interrupted(stations, tmp_path, stop):
    """Ctrl+C, and SIGTERM (systemd's and Docker's stop), end the hub in order: exit 0,
    the store closed whole."""
    store = tmp_path / "served.db"
    with served("--store", str(store), code=SERVE_OPEN, stop=stop) as (proc, url):
        stock(stations, "HY-A", "A")
        assert stations("HY-A", "sync", "push", url)[0] == 0
        assert stations("HY-B", "sync", "pull", url)[0] == 0
        # each station has its administrator's account: B's travels back to A
        assert stations("HY-B", "sync", "push", url)[0] == 0
        assert stations("HY-A", "sync", "pull", url)[0] == 0
        same(stations)
    assert proc.returncode == 0
    err = proc.stderr.read()
    assert "POST /bundles" in err  # the hub logs each request
    # closed in order: the last connection checkpointed the log into the file
    assert not Path(f"{store}-wal").exists()
    reopened = sqlite_store.SqliteStore(store)
    try:
        assert reopened.count() == 2
    finally:
        reopened.close()


def test_serve_takes_the_per_address_cap_and_refuses_a_negative_one(
    stations, tmp_path, monkeypatch
):
    """Behind a proxy on another computer every station has the proxy's address: the
    administrator lifts the cap with --per-address 0 (README)."""
    seen = {}

    def make_server(store, host, port, authenticate, limits, verbose=False):
        seen["limits"] = limits
        raise KeyboardInterrupt  # stands for Ctrl+C before serving anything

    monkeypatch.setattr("desktop.cli.hub.authenticator", lambda store: open_door)
    monkeypatch.setattr("desktop.sync.hub.server.make_server", make_server)
    store = str(tmp_path / "hub.db")
    status, _, err = stations("HY-A", "sync", "serve", "--per-address", "-1", "--store", store)
    assert status == 1 and "-1" in err and "limits" not in seen
    stations("HY-A", "sync", "serve", "--per-address", "0", "--store", store)
    assert seen["limits"].per_ip_connections == 0
    stations("HY-A", "sync", "serve", "--store", store)
    assert seen["limits"].per_ip_connections == 32
