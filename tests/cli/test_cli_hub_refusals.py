"""What a new user mistypes with the hub's commands is refused with its cause, exit 1,
nothing created (issue 19's trial: a mistyped --store, bad addresses, repeated enrolments
and revocations)."""

import json
import socket
import sqlite3
import threading

import pytest

from desktop.cli import hub as cli_hub
from desktop.core import i18n
from desktop.sync import hub_client
from tests.helpers.cli import enrol_both, invoke, two_stations
from tests.helpers.hub import open_door, running_hub

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def stations(tmp_path, capsys):
    run = two_stations(tmp_path, capsys)
    enrol_both(run, tmp_path)
    return run


@pytest.fixture
def key(stations, tmp_path):
    path = tmp_path / "A.key"
    assert stations("HY-A", "sync", "export-key", "--out", str(path))[0] == 0
    return path


def hub(capsys, *args):
    return invoke(capsys, "sync", "hub", *args)


def refused(result, *words):
    status, out, err = result
    assert status == 1 and out == "" and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    return err


def test_a_mistyped_store_is_refused_and_nothing_is_created(key, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nonexistent" / "dir"
    store = str(missing / "hub.db")
    refused(hub(capsys, "stations", "--store", store), str(missing))
    refused(hub(capsys, "enrol", str(key), "--store", store), str(missing))
    refused(hub(capsys, "revoke", "HY-A", "--store", store), str(missing))
    refused(invoke(capsys, "sync", "serve", "--port", "0", "--store", store), str(missing))
    for url in ("mysql://x/y", "sqlite:///hub.db"):
        refused(hub(capsys, "stations", "--store", url), url, "postgresql://")
        refused(hub(capsys, "enrol", str(key), "--store", url), url, "postgresql://")
    assert not (tmp_path / "nonexistent").exists()
    assert not (tmp_path / "mysql:").exists() and not (tmp_path / "sqlite:").exists()


def test_stations_and_revoke_need_a_store_that_exists(key, tmp_path, capsys):
    store = tmp_path / "hub.db"
    refused(hub(capsys, "stations", "--store", str(store)), "no hub store", str(store))
    refused(hub(capsys, "revoke", "HY-A", "--store", str(store)), "no hub store")
    refused(hub(capsys, "enrol", str(tmp_path / "missing.key"), "--store", str(store)))
    assert not store.exists()
    assert hub(capsys, "enrol", str(key), "--store", str(store))[0] == 0  # enrol creates it
    assert hub(capsys, "stations", "--store", str(store))[0] == 0


def test_a_file_that_is_not_a_hub_store_is_refused_unchanged(stations, key, tmp_path, capsys):
    before = key.read_bytes(), key.stat().st_mode
    err = refused(hub(capsys, "stations", "--store", str(key)), "not a hub store")
    assert "restore" not in err.lower()
    assert (key.read_bytes(), key.stat().st_mode) == before
    station_db = stations.paths["HY-B"]
    for args in (("stations",), ("enrol", str(key)), ("revoke", "HY-A")):
        refused(hub(capsys, *args, "--store", str(station_db)), "station's database")
    refused(invoke(capsys, "sync", "serve", "--port", "0", "--store", str(station_db)),
            "station's database")  # fmt: skip
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE patient (id INTEGER)")
    refused(hub(capsys, "enrol", str(key), "--store", str(other)), "another kind")
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["patient"]


def test_a_scope_must_begin_with_a_province(key, tmp_path, capsys):
    store = str(tmp_path / "hub.db")
    for scope in ("99", "9", "1999", "72", "83"):
        refused(hub(capsys, "enrol", str(key), "--store", store, "--scope", scope), scope)
    for scope in ("1", "11", "4304", "430421", "71", "82", "6"):
        assert hub(capsys, "enrol", str(key), "--store", store, "--scope", scope)[0] == 0


def test_enrolling_again_says_so_and_what_changed(key, tmp_path, capsys):
    store = str(tmp_path / "hub.db")
    status, out, _ = hub(capsys, "enrol", str(key), "--store", store, "--scope", "4304")
    assert status == 0 and "again with" not in out
    status, out, _ = hub(capsys, "enrol", str(key), "--store", store, "--scope", "430421")
    assert status == 0 and "again with" in out and "4304 → 430421" in out
    status, out, _ = hub(capsys, "enrol", str(key), "--store", store, "--scope", "430421")
    assert status == 0 and "again with" in out and "Scope changed" not in out
    assert hub(capsys, "revoke", "HY-A", "--store", store)[0] == 0
    status, out, _ = hub(capsys, "enrol", str(key), "--store", store)
    assert status == 0 and "revocation is lifted" in out and "430421 → all stations" in out


def test_revoking_twice_says_it_was_revoked_already(key, tmp_path, capsys):
    store = str(tmp_path / "hub.db")
    assert hub(capsys, "enrol", str(key), "--store", store)[0] == 0
    status, out, _ = hub(capsys, "revoke", "HY-A", "--store", store)
    assert status == 0 and "Revoked" in out
    status, out, _ = hub(capsys, "revoke", "HY-A", "--store", store)
    assert status == 0 and "revoked already" in out and "nothing changed" in out
    status, out, _ = invoke(capsys, "--json", "sync", "hub", "revoke", "HY-A", "--store", store)
    assert json.loads(out)["already"] is True


def test_help_names_keyfile_and_what_a_second_revocation_does(capsys):
    status, out, _ = hub(capsys, "enrol", "--help")
    assert status == 0 and "KEYFILE" in out and "KEY_FILE" not in out
    status, out, _ = hub(capsys, "revoke", "--help")
    assert status == 0 and "exits 0" in " ".join(out.split())


def test_bad_hub_addresses_exit_1_naming_the_cause(stations):
    refused(stations("HY-A", "sync", "push", "http://[::1"), "IPv6")
    refused(stations("HY-A", "sync", "push", "http://127.0.0.1:99999"), "99999", "1 to 65535")
    refused(stations("HY-A", "sync", "pull", "http://127.0.0.1:0"), "1 to 65535")


def test_serve_refuses_an_address_that_is_not_a_host(stations, tmp_path):
    store = tmp_path / "hub.db"
    refused(stations("HY-A", "sync", "serve", "--host", "999.1.1.1", "--store", str(store)),
            "999.1.1.1", "cannot be resolved")  # fmt: skip
    assert not store.exists()


def test_network_and_file_reasons_are_the_programs_words(stations, tmp_path, monkeypatch):
    with running_hub(tmp_path / "gone.db") as server:
        url = server.url
    err = refused(stations("HY-A", "sync", "push", url), url, "nothing listens")
    assert "Connection refused" not in err
    err = refused(
        stations("HY-A", "sync", "pull", "https://127.0.0.1:1", "--ca-file", "/nonexistent.pem"),
        "no such file or folder",
    )
    assert "No such file or directory" not in err


def test_https_to_an_http_hub_says_it_did_not_answer_as_https(stations, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.cli.hub.authenticator", lambda store: open_door)
    monkeypatch.setattr(hub_client, "TIMEOUT", 2)  # the http server waits for more headers
    with running_hub(tmp_path / "hub.db") as server:
        url = server.url.replace("http://", "https://")
        err = refused(stations("HY-A", "sync", "pull", url), "did not answer as an https")
    assert "_ssl" not in err


def test_messages_are_chinese_in_chinese(stations, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "zh_CN")
    i18n.set_language("zh_CN")
    try:
        err = refused(stations("HY-A", "sync", "push", "http://[::1"))
        assert "IPv6" in err and "Invalid" not in err
        err = refused(hub(capsys, "stations", "--store", str(tmp_path / "no" / "hub.db")))
        assert "does not exist" not in err
    finally:
        i18n.set_language("en")


def test_a_pulled_bundle_counts_its_withheld_operations():
    entry = {"sequence": 3, "sender": {"code": "HY-A"}, "applied": 5234, "known": 0,
             "deferred": 0, "withheld": 50}  # fmt: skip
    text = cli_hub.imported_text(entry)
    assert "5234 applied" in text and "50 operation(s) came withheld" in text
    assert "withheld" not in cli_hub.imported_text({**entry, "withheld": 0})


@pytest.mark.parametrize(
    ("answer", "said"),
    [(b"SSH-2.0-OpenSSH_9.2\r\n", "not a BioReserve hub"), (b"", "closed the connection")],
)
def test_a_port_that_is_no_hub_is_told_apart(stations, answer, said):
    """Another program's port, or one that hangs up: exit 1, not a crash."""
    with socket.create_server(("127.0.0.1", 0)) as listener:

        def serve():
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(answer)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        refused(stations("HY-A", "sync", "pull", url), said)
        thread.join(timeout=10)
