"""The station commands as an administrator uses them: info says how the key is protected;
backup-key, restore-key (after a reinstall), new-key, protect."""

import json
import shutil

import click.termui
import pytest

from desktop.core.store import keyprotect
from tests.helpers.cli import identity, invoke

PASSPHRASE = "长江黄河 correct horse"


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.setenv(keyprotect.PASSPHRASE_ENV, PASSPHRASE)


def test_info_says_the_key_is_encrypted_and_where_its_kek_lives(stations):
    status, out, _ = stations("HY-A", "info")
    origin = identity(stations, "HY-A")["origin"]
    assert status == 0 and str(keyprotect.key_file(origin)) in out
    status, out, _ = stations("HY-A", "--json", "info")
    key = json.loads(out)["key"]
    assert key["encrypted"] is True and key["method"] == "file"


def test_backup_key_and_restore_key_after_a_reinstall(stations, tmp_path, passphrase, monkeypatch):
    backup = tmp_path / "HY-A.key-backup"
    status, out, err = stations("HY-A", "station", "backup-key", "--out", str(backup))
    fingerprint = identity(stations, "HY-A")["fingerprint"]
    assert status == 0, err
    assert str(backup) in out and fingerprint in out and backup.exists()
    # reinstalled: the database is back from a copy, the key-encryption key is gone
    monkeypatch.setenv(keyprotect.KEY_DIR_ENV, str(tmp_path / "reinstalled-keys"))
    status, _, err = stations("HY-A", "sync", "export", "--out", str(tmp_path / "b.zip"))
    assert status == 1 and "restore-key" in err and "new-key" in err
    status, out, err = stations("HY-A", "station", "restore-key", str(backup))
    assert status == 0, err
    assert fingerprint in out and str(tmp_path / "reinstalled-keys") in out
    status, _, err = stations("HY-A", "sync", "export", "--out", str(tmp_path / "b.zip"))
    assert status == 0, err


def test_restore_key_refuses_another_stations_backup(stations, tmp_path, passphrase):
    backup = tmp_path / "HY-B.key-backup"
    assert stations("HY-B", "station", "backup-key", "--out", str(backup))[0] == 0
    status, _, err = stations("HY-A", "station", "restore-key", str(backup))
    assert status == 1 and "HY-B" in err


def test_a_passphrase_is_asked_in_a_terminal(stations, tmp_path, monkeypatch):
    answers = iter([PASSPHRASE, PASSPHRASE])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(click.termui, "hidden_prompt_func", lambda prompt: next(answers))
    backup = tmp_path / "asked.key-backup"
    status, _, err = stations("HY-A", "station", "backup-key", "--out", str(backup))
    assert status == 0, err
    assert keyprotect.read_backup(backup, PASSPHRASE)[0]["code"] == "HY-A"


def test_without_a_terminal_or_variable_the_passphrase_is_named(stations, tmp_path):
    status, _, err = stations("HY-A", "station", "backup-key", "--out", str(tmp_path / "k"))
    assert status == 1 and "BIORESERVE_KEY_PASSPHRASE" in err


def test_new_key_asks_first_then_changes_fingerprint_and_origin(stations, monkeypatch):
    before = identity(stations, "HY-A")
    monkeypatch.setattr(click.termui, "visible_prompt_func", lambda prompt: "n")
    status, _, _ = stations("HY-A", "station", "new-key")
    assert status == 1 and identity(stations, "HY-A") == before
    status, out, err = stations("HY-A", "--json", "station", "new-key", "--yes")
    assert status == 0, err
    after = identity(stations, "HY-A")
    result = json.loads(out)
    assert (result["old_fingerprint"], result["fingerprint"]) == (
        before["fingerprint"],
        after["fingerprint"],
    )
    assert after["fingerprint"] != before["fingerprint"] and after["origin"] != before["origin"]
    status, out, _ = stations("HY-A", "station", "new-key", "--yes")
    assert "sync export-key" in out and "sync trust" in out and "sync revoke" in out


def test_protect_with_a_passphrase_then_back_to_a_key_file(
    stations, tmp_path, passphrase, monkeypatch, capsys
):
    status, out, err = stations("HY-A", "--json", "station", "protect", "--method", "passphrase")
    assert status == 0, err
    assert json.loads(out)["method"] == "passphrase"
    # no key file is needed any more: another computer signs with the passphrase alone
    copy = tmp_path / "elsewhere.db"
    shutil.copy(stations.paths["HY-A"], copy)
    monkeypatch.setenv(keyprotect.KEY_DIR_ENV, str(tmp_path / "elsewhere-keys"))
    status, _, err = invoke(
        capsys, "--db", str(copy), "sync", "export", "--out", str(tmp_path / "b.zip")
    )
    assert status == 0, err
    status, out, _ = stations("HY-A", "--json", "station", "protect")
    assert json.loads(out)["method"] == "file"
