"""The CLI on an emptied station, a bad page met at opening, `init` leaving no -wal,
`backup --out` into a folder that is not there, and login tokens others could read
(trial 17, findings 1, 2, 8, 9 and 11)."""

import json
import os
import sqlite3
import sys

import pytest

from desktop.core import i18n
from desktop.core.access import sessions
from desktop.core.setup import backups
from desktop.core.setup.demo import DEMO_PASSWORD
from tests.helpers.cli import invoke, password_file


@pytest.fixture(autouse=True)
def english_admin(monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    monkeypatch.setenv("BIORESERVE_USER", "admin")
    monkeypatch.setenv("BIORESERVE_PASSWORD", DEMO_PASSWORD)
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def run(demo_path, capsys):
    def run(*args):
        return invoke(capsys, "--db", str(demo_path), *args)

    return run


def test_a_read_of_an_emptied_station_names_the_backup_and_writes_nothing(run, demo_path):
    assert run("stock", "balance")[0] == 0  # today's backup
    newest = backups.newest_good(demo_path)
    demo_path.write_bytes(b"")
    for args in (("stock", "balance"), ("info",), ("init", "--demo")):
        code, _, err = run(*args)
        assert code == 1, err
        assert str(newest.path) in err and "restore" in err
        assert demo_path.stat().st_size == 0
    code, _, err = run("restore", str(newest.path), "--yes")
    assert code == 0, err
    assert run("stock", "balance")[0] == 0


def test_check_json_on_a_damaged_station_is_json_naming_the_damage(run, demo_path):
    """`check --json` as the README documents it, {"ok": false, "problems": […]}, even when
    the file cannot be opened (a script reads it; it printed a line of text)."""
    assert run("stock", "balance")[0] == 0  # today's backup
    newest = backups.newest_good(demo_path)
    size = demo_path.stat().st_size
    with open(demo_path, "r+b") as file:
        file.truncate(size // 3)
    code, out, _ = run("--json", "check")
    found = json.loads(out)
    assert code == 1 and found["ok"] is False
    [problem] = found["problems"]
    assert problem["kind"] == "damaged" and str(newest.path) in problem["message"]


def test_a_bad_page_in_meta_is_a_refusal_naming_the_backup_not_an_unexpected_error(run, demo_path):
    assert run("info")[0] == 0  # today's backup
    conn = sqlite3.connect(demo_path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    conn.close()
    with open(demo_path, "r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(os.urandom(8192))
    code, _, err = run("stock", "balance")
    assert code == 1, err
    assert "restore" in err and str(backups.newest_good(demo_path).path) in err


def test_init_closes_its_database_leaving_no_write_ahead_log(capsys, tmp_path):
    path = tmp_path / "new.db"
    code, _, err = invoke(
        capsys, "--db", str(path), "init", "--admin-password-file", str(password_file(tmp_path))
    )
    assert code == 0, err
    assert path.exists()
    assert not path.with_name("new.db-wal").exists()
    assert not path.with_name("new.db-shm").exists()


def test_backup_out_into_a_missing_folder_names_it_and_writes_nothing(run, tmp_path):
    for out in (f"{tmp_path / 'newdir'}{os.sep}", str(tmp_path / "newdir" / "b.db")):
        code, _, err = run("backup", "--out", out)
        assert code == 1 and "newdir does not exist" in err, err
        assert not (tmp_path / "newdir").exists()
    (tmp_path / "there").mkdir()
    code, _, err = run("backup", "--out", f"{tmp_path / 'there'}{os.sep}")
    assert code == 1 and "there" in err  # a folder: refused (by click, or the core)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a /proc file system")
def test_backup_out_into_proc_gives_the_real_cause(run):
    code, _, err = run("backup", "--out", "/proc/b.db")
    assert code == 1
    assert "disk space" not in err and "/proc/b.db" in err


def logged_in(run, monkeypatch):
    monkeypatch.delenv("BIORESERVE_USER")
    code, _, err = run("login", "--user", "admin")
    assert code == 0, err
    monkeypatch.delenv("BIORESERVE_PASSWORD")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_token_file_others_can_read_ends_the_login(run, demo_path, monkeypatch):
    logged_in(run, monkeypatch)
    token = sessions.token_file(demo_path)
    token.chmod(0o644)
    code, _, err = run("whoami")
    assert code == 1 and "other users" in err and "login" in err
    assert not token.exists()
    code, _, err = run("whoami")  # the session is gone, not merely the file
    assert code == 1


def test_an_expired_or_unknown_tokens_file_is_deleted(run, demo_path, monkeypatch):
    logged_in(run, monkeypatch)
    token = sessions.token_file(demo_path)
    text = token.read_text(encoding="utf-8")
    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE session SET last_used_ms = last_used_ms - 16 * 60000")
    conn.commit()
    conn.close()
    code, _, err = run("whoami")
    assert code == 1 and "has ended" in err
    assert not token.exists()
    token.write_text(text, encoding="utf-8")  # its session is gone here: unknown
    token.chmod(0o600)
    assert run("whoami")[0] == 1
    assert not token.exists()
