"""`sync hub enrol|revoke|stations --store STORE`, and `sync serve` serving only the
stations enrolled with it (signed requests), as a city's hub administrator runs them."""

import json

import pytest

from desktop.core.store import db as dbmod
from desktop.sync import hub_auth
from desktop.sync.hub import opening, sqlite_store
from tests.helpers.cli import enrol_both, identity, invoke, two_stations
from tests.helpers.hub import running_hub, served
from tests.helpers.stations import synced


@pytest.fixture
def stations(tmp_path, capsys):
    run = two_stations(tmp_path, capsys)
    enrol_both(run, tmp_path)
    return run


def key_file(run, folder, code):
    path = folder / f"hub-{code}.key"
    assert run(code, "sync", "export-key", "--out", str(path))[0] == 0
    return path


def hub(capsys, *args):
    return invoke(capsys, "sync", "hub", *args)


def test_enrol_list_and_revoke(stations, tmp_path, capsys):
    store = str(tmp_path / "hub.db")
    a = identity(stations, "HY-A")
    status, out, err = hub(capsys, "enrol", str(key_file(stations, tmp_path, "HY-A")),
                           "--store", store, "--scope", "4304")  # fmt: skip
    assert status == 0, err
    assert a["fingerprint"] in out and "HY-A" in out and "4304" in out
    status, out, _ = hub(
        capsys, "enrol", str(key_file(stations, tmp_path, "HY-B")), "--store", store
    )
    assert status == 0
    status, out, _ = hub(capsys, "stations", "--store", store)
    assert status == 0 and "HY-A" in out and "HY-B" in out and a["fingerprint"] in out
    status, out, _ = invoke(capsys, "--json", "sync", "hub", "stations", "--store", store)
    rows = json.loads(out)
    assert [(r["code"], r["scope"], r["revoked"]) for r in rows] == [
        ("HY-A", "4304", False),
        ("HY-B", "", False),
    ]
    status, out, _ = hub(capsys, "revoke", "hy-b", "--store", store)  # a code, any case
    assert status == 0 and "HY-B" in out
    status, out, _ = hub(capsys, "revoke", a["origin"], "--store", store)  # or an origin
    assert status == 0
    rows = json.loads(invoke(capsys, "--json", "sync", "hub", "stations", "--store", store)[1])
    assert [r["revoked"] for r in rows] == [True, True]


def test_refusals_exit_1_and_change_nothing(stations, tmp_path, capsys):
    store = tmp_path / "hub.db"
    key = key_file(stations, tmp_path, "HY-A")
    assert hub(capsys, "enrol", str(key), "--store", str(store))[0] == 0
    before = sqlite_store.SqliteStore(store).stations()
    garbage = tmp_path / "garbage.key"
    garbage.write_bytes(b"\xff" * 200_000)
    forged = tmp_path / "forged.key"
    data = json.loads(key.read_text(encoding="utf-8"))
    forged.write_text(json.dumps({**data, "origin": "../../etc"}), encoding="utf-8")
    for args in (
        ("enrol", str(tmp_path / "missing.key"), "--store", str(store)),
        ("enrol", str(garbage), "--store", str(store)),
        ("enrol", str(forged), "--store", str(store)),
        ("enrol", str(key), "--store", str(store), "--scope", "43' OR 1=1"),
        ("revoke", "HY-NOBODY", "--store", str(store)),
    ):
        status, out, err = hub(capsys, *args)
        assert status == 1 and out == "" and err.strip(), args
        assert "Traceback" not in err
    assert sqlite_store.SqliteStore(store).stations() == before


def test_an_unenrolled_station_is_refused_and_told_why(stations, tmp_path):
    store = opening.open_store(tmp_path / "hub.db")
    try:
        with running_hub(store, authenticate=hub_auth.authenticator(store)) as server:
            status, out, err = stations("HY-A", "sync", "push", server.url)
            assert status == 1 and out == "" and "401" in err and "sync hub enrol" in err
            assert store.count() == 0
    finally:
        store.close()


def test_serve_authenticates_the_stations_enrolled_with_it(stations, tmp_path, capsys):
    store = tmp_path / "served.db"
    for code in ("HY-A", "HY-B"):
        key = key_file(stations, tmp_path, code)
        assert hub(capsys, "enrol", str(key), "--store", str(store))[0] == 0
    with served("--store", str(store)) as (proc, url):
        assert stations("HY-A", "sync", "push", url)[0] == 0
        assert stations("HY-B", "sync", "pull", url)[0] == 0
        assert stations("HY-B", "sync", "push", url)[0] == 0
        assert stations("HY-A", "sync", "pull", url)[0] == 0
        assert hub(capsys, "revoke", "HY-B", "--store", str(store))[0] == 0
        status, _, err = stations("HY-B", "sync", "pull", url)
        assert status == 1 and "401" in err
    assert proc.returncode == 0
    assert sqlite_store.SqliteStore(store).count() == 2
    a, b = (dbmod.open_db(stations.paths[c]) for c in ("HY-A", "HY-B"))
    try:
        assert synced(a) == synced(b)
    finally:
        a.close()
        b.close()


def test_a_key_file_with_another_key_for_an_enrolled_station_is_refused(stations, tmp_path, capsys):
    """A file giving HY-A's origin with another key may be forged (`sync trust` refuses it
    too): refused while HY-A is enrolled; its holder would have fetched HY-A's bundles."""
    store = str(tmp_path / "hub.db")
    key = key_file(stations, tmp_path, "HY-A")
    assert hub(capsys, "enrol", str(key), "--store", store)[0] == 0
    data = json.loads(key.read_text(encoding="utf-8"))
    other = json.loads(key_file(stations, tmp_path, "HY-B").read_text(encoding="utf-8"))
    forged = tmp_path / "forged.key"
    given = {"public_key": other["public_key"], "fingerprint": other["fingerprint"]}
    forged.write_text(json.dumps({**data, **given}), encoding="utf-8")
    before = sqlite_store.SqliteStore(store).stations()
    status, out, err = hub(capsys, "enrol", str(forged), "--store", store)
    assert status == 1 and "sync hub revoke HY-A" in err
    assert data["fingerprint"] in err and other["fingerprint"] in err
    assert sqlite_store.SqliteStore(store).stations() == before


def test_a_station_with_a_new_key_is_enrolled_once_the_old_one_is_revoked(
    stations, tmp_path, capsys
):
    """`station new-key` makes a new origin under the same code: the hub enrols it once the
    old key is revoked (it said to remove the old one, which no command does)."""
    store = str(tmp_path / "hub.db")
    old = identity(stations, "HY-A")
    assert hub(capsys, "enrol", str(key_file(stations, tmp_path, "HY-A")), "--store", store)[0] == 0
    assert stations("HY-A", "station", "new-key", "--yes")[0] == 0
    renewed = tmp_path / "renewed"
    renewed.mkdir()
    new_key = key_file(stations, renewed, "HY-A")
    status, _, err = hub(capsys, "enrol", str(new_key), "--store", store)
    assert status == 1 and f"revoke {old['origin']}" in err  # the old key is still enrolled
    assert hub(capsys, "revoke", "HY-A", "--store", store)[0] == 0
    status, _, err = hub(capsys, "enrol", str(new_key), "--store", store)
    assert status == 0, err
    rows = json.loads(invoke(capsys, "--json", "sync", "hub", "stations", "--store", store)[1])
    listed = {r["origin"]: (r["code"], r["revoked"]) for r in rows}
    assert listed[identity(stations, "HY-A")["origin"]] == ("HY-A", False)
    assert listed[old["origin"]] == (f"HY-A#{old['origin']}", True)
