"""`backup --out FILE`, `backup list`, `restore FILE`: exit codes, messages, and a damaged
database whose every command names the newest good backup and the restore to run."""

import json
import sqlite3

import pytest

from desktop.core import i18n
from desktop.core.setup import backups
from desktop.core.setup.demo import DEMO_PASSWORD
from tests.helpers.cli import invoke


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


def rows(path, table: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def test_backup_out_writes_a_checked_copy_and_refuses_to_overwrite(run, tmp_path):
    out = tmp_path / "copy.db"
    status, stdout, err = run("--json", "backup", "--out", str(out))
    assert status == 0, err
    made = json.loads(stdout)
    assert made["path"] == str(out) and made["ok"] and made["reason"] == "manual"
    assert backups.quick_check(out) is None
    status, _, err = run("backup", "--out", str(out))
    assert status == 1 and "database" in err  # a backup is written over by nothing
    (tmp_path / "notes.txt").write_text("x")
    status, _, err = run("backup", "--out", str(tmp_path / "notes.txt"))
    assert status == 1 and "exists already" in err


def test_backup_list_shows_the_automatic_and_manual_backups(run):
    assert run("backup")[0] == 0
    status, out, err = run("backup", "list")
    assert status == 0, err
    assert "daily" in out and "manual" in out and "ok" in out
    status, out, _ = run("--json", "backup", "list")
    listed = json.loads(out)
    assert {b["reason"] for b in listed} == {"daily", "manual"}


def test_backup_list_heads_its_check_column_in_chinese_as_a_result(run, monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "zh_CN")
    i18n.set_language("zh_CN")
    assert run("backup")[0] == 0
    status, out, err = run("backup", "list")
    assert status == 0, err
    heading = out.splitlines()[0]
    assert "检查结果" in heading and "待检项" not in heading  # 待检项: checks due (monitoring)
    assert "正常" in out


def test_restore_brings_the_data_back_and_check_is_clean(run, demo_path, tmp_path):
    out = tmp_path / "before.db"
    assert run("backup", "--out", str(out))[0] == 0
    kept = rows(demo_path, "stock_move")
    status, _, err = run(
        "stock", "transfer", "--from", "HY-CK01", "--to", "HY-CK02", "--item", "PPE-0001",
        "--qty", "5",
    )  # fmt: skip
    assert status == 0, err
    assert rows(demo_path, "stock_move") != kept
    status, stdout, err = run("restore", str(out), "--yes")
    assert status == 0, err
    assert "Restored" in stdout and "no problems" in stdout
    assert rows(demo_path, "stock_move") == kept
    assert run("check")[0] == 0


def test_restore_asks_first_and_a_no_changes_nothing(run, demo_path, tmp_path, monkeypatch):
    out = tmp_path / "b.db"
    assert run("backup", "--out", str(out))[0] == 0
    before = rows(demo_path, "stock_move")
    monkeypatch.setattr("sys.stdin", open(__file__))  # noqa: SIM115 - no "y" to read
    status, _, err = run("restore", str(out))
    assert status == 1
    assert rows(demo_path, "stock_move") == before


@pytest.mark.parametrize(
    ("content", "cause"),
    [(b"", "empty"), (b"hello " * 500, "not an SQLite database")],
)
def test_restore_refuses_what_is_not_a_backup(run, demo_path, tmp_path, content, cause):
    wrong = tmp_path / "wrong.db"
    wrong.write_bytes(content)
    before = demo_path.read_bytes()
    status, out, err = run("restore", str(wrong), "--yes")
    assert status == 1 and cause in err and "Traceback" not in err
    assert demo_path.read_bytes() == before


def test_a_damaged_database_names_the_newest_backup_and_the_restore_command(run, demo_path):
    assert run("info")[0] == 0  # opening makes today's backup
    newest = backups.newest_good(demo_path)
    with open(demo_path, "r+b") as file:
        file.truncate(demo_path.stat().st_size // 2)
    for command in (["info"], ["check"], ["stock", "balance"]):
        status, _, err = run(*command)
        assert status == 1, command
        assert str(newest.path) in err and "restore" in err and "Traceback" not in err
    status, _, err = run("restore", str(newest.path), "--yes")
    assert status == 0, err
    assert run("check")[0] == 0


def test_a_bad_page_met_in_the_middle_of_a_command_names_the_backup(run, demo_path):
    """The file opens (its first pages are whole) but a page a command reads is garbage:
    a refusal naming the newest good backup, not an unexpected error."""
    assert run("info")[0] == 0
    newest = backups.newest_good(demo_path)
    size = demo_path.stat().st_size
    with open(demo_path, "r+b") as file:
        for offset in range(size // 4, size - 4096, 4096):
            file.seek(offset)
            file.write(b"\xa5" * 64)
    statuses = []
    for command in (["stock", "balance"], ["stock", "ledger"], ["check"]):
        status, _, err = run(*command)
        assert "Traceback" not in err and "Unexpected" not in err, err
        statuses.append(status)
        if status:
            assert status == 1 and str(newest.path) in err, err
    assert 1 in statuses
