"""The CLI authenticates: no login, no command on a database; login and its token, the
lockout, roles refused at the write path, accounts, `init`'s administrator, the audit
trail's verification after raw tampering, and its export."""

import io
import json
import os
import sqlite3
import stat
import sys

import pytest

from desktop.core import i18n
from desktop.core.access import sessions
from tests.helpers.cli import PASSWORD, cli_station, invoke, log_in, password_file
from tests.helpers.stations import days, new_station

pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


def logged_out(monkeypatch):
    monkeypatch.delenv("BIORESERVE_USER", raising=False)
    monkeypatch.delenv("BIORESERVE_PASSWORD", raising=False)


@pytest.fixture
def bio(capsys, db_path):
    """A station with its administrator admin; bio(*args) runs `bioreserve --db … ARGS`."""
    cli_station(db_path, "HY-T", "测试站").close()

    def run(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    run.path = db_path
    return run


@pytest.fixture
def demo(capsys, demo_path):
    """A demo database (its demo logins, password demo-2026)."""

    def run(*args):
        return invoke(capsys, "--db", str(demo_path), *args)

    run.path = demo_path
    return run


def sql(path, *statements):
    raw = sqlite3.connect(path)
    try:
        for statement in statements:
            raw.execute(statement)
        raw.commit()
    finally:
        raw.close()


# ---------------------------------------------------------------- logging in


def test_without_a_login_a_command_on_a_database_is_refused(bio, monkeypatch, tmp_path):
    logged_out(monkeypatch)
    for args in (["info"], ["stock", "balance"], ["audit", "verify"], ["user", "list"]):
        code, out, err = bio(*args)
        assert code == 1 and out == "" and "Traceback" not in err
        assert "Nobody is logged in" in err and "bioreserve login --user NAME" in err
        assert "BIORESERVE_USER" in err and "BIORESERVE_PASSWORD" in err
    # what opens no database needs no login
    assert bio("--help")[0] == 0
    assert bio("template", "items", "--out", str(tmp_path / "items.xlsx"))[0] == 0


def test_the_environment_logs_a_script_in(bio, monkeypatch):
    code, out, _ = bio("--json", "whoami")
    assert code == 0 and json.loads(out)["user"] == "admin"
    monkeypatch.setenv("BIORESERVE_PASSWORD", "not-the-password-1")
    code, _, err = bio("info")
    assert code == 1 and "Wrong account name or password" in err
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    code, _, err = bio("info")
    assert code == 1 and "BIORESERVE_PASSWORD is not" in err


def test_a_login_leaves_a_token_its_owner_alone_reads_until_idle(bio, monkeypatch):
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)  # as a prompt would give it
    code, out, err = bio("login", "--user", "admin")
    assert code == 0, err
    assert "Logged in" in out and "admin" in out and "15 minutes" in out
    token = sessions.token_file(bio.path)
    if sys.platform != "win32":
        assert stat.S_IMODE(token.stat().st_mode) == 0o600
        assert stat.S_IMODE(token.parent.stat().st_mode) == 0o700
    assert PASSWORD not in token.read_text(encoding="utf-8")
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    code, out, _ = bio("whoami")
    assert code == 0 and "admin" in out and "System administrator" in out
    assert bio("info")[0] == 0
    # 16 minutes without a command: the login has ended (the session's last use set back)
    sql(bio.path, "UPDATE session SET last_used_ms = last_used_ms - 16 * 60000")
    code, _, err = bio("info")
    assert code == 1 and "has ended" in err and "15 minutes" in err
    assert "bioreserve login --user NAME" in err


def test_the_idle_time_is_the_stations_setting(bio, monkeypatch):
    code, out, _ = bio("station", "idle-minutes", "30")
    assert code == 0 and "30 minutes" in out
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)
    code, out, _ = bio("--json", "login", "--user", "admin")
    assert code == 0 and json.loads(out)["idle_minutes"] == 30
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    sql(bio.path, "UPDATE session SET last_used_ms = last_used_ms - 20 * 60000")
    assert bio("info")[0] == 0  # 20 minutes is within 30
    code, _, err = bio("station", "idle-minutes", "481")
    assert code == 1 and "481" in err and "Traceback" not in err


def test_logout_ends_the_login(bio, monkeypatch):
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)
    assert bio("login", "--user", "admin")[0] == 0
    monkeypatch.delenv("BIORESERVE_PASSWORD")
    code, out, _ = bio("logout")
    assert code == 0 and "Logged out admin" in out
    assert not sessions.token_file(bio.path).exists()
    code, _, err = bio("info")
    assert code == 1 and "Nobody is logged in" in err
    code, out, _ = bio("logout")
    assert code == 0 and "Nobody was logged in" in out


def test_five_wrong_passwords_lock_the_account_and_say_until_when(bio, monkeypatch):
    monkeypatch.setenv("BIORESERVE_PASSWORD", "wrong-password-1")
    for _ in range(4):
        code, _, err = bio("info")
        assert code == 1 and "Wrong account name or password" in err
    code, _, err = bio("info")  # the fifth says the account is now locked
    assert code == 1 and "Wrong password. The account admin is locked" in err
    log_in(monkeypatch)  # the right password, too late
    code, out, err = bio("info")
    assert code == 1 and out == ""
    assert "locked after 5 wrong passwords until" in err
    until = err.split("until")[-1].strip()
    assert until[:4].isdigit() and ":" in until  # a time: 2026-03-01 14:30
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)
    code, _, err = bio("login", "--user", "admin")
    assert code == 1 and "locked" in err


def test_a_disabled_account_is_refused(demo, monkeypatch):
    assert demo("user", "disable", "viewer")[0] == 0
    log_in(monkeypatch, "viewer")
    code, _, err = demo("info")
    assert code == 1 and "viewer is disabled" in err
    log_in(monkeypatch)
    assert demo("user", "enable", "viewer")[0] == 0
    log_in(monkeypatch, "viewer")
    assert demo("info")[0] == 0


def test_a_viewer_reads_but_may_not_write(demo, monkeypatch):
    log_in(monkeypatch, "viewer")
    assert demo("stock", "balance")[0] == 0
    code, out, err = demo("stock", "receive", "--depot", "HY-CK01", "--item", "PPE-0001",
                          "--lot", "V1", "--qty", "5", "--expiry", days(400))  # fmt: skip
    assert code == 1 and out == "" and "Traceback" not in err
    assert "viewer (Read only) may not change" in err


def test_a_keeper_moves_stock_at_its_depots_only(demo, monkeypatch):
    log_in(monkeypatch, "keeper")  # keeps HY-CK01
    receive = ["stock", "receive", "--item", "PPE-0001", "--qty", "5", "--expiry", days(400)]
    code, _, err = demo(*receive, "--depot", "HY-CK02", "--lot", "K2")
    assert code == 1 and "keeper (Depot keeper) may not change" in err
    assert "only the depots the account keeps" in err
    code, _, err = demo(*receive, "--depot", "HY-CK01", "--lot", "K1")
    assert code == 0, err


def test_a_role_without_the_right_is_refused_naming_it(demo, monkeypatch):
    log_in(monkeypatch, "coordinator")
    code, _, err = demo("user", "list")
    assert code == 1 and "coordinator (Emergency coordinator) may not manage user accounts" in err
    code, _, err = demo("audit", "verify")
    assert code == 1 and "may not read or verify the audit log" in err


# ---------------------------------------------------------------- accounts

ROLES = [
    ("admin", "系统管理员", []),
    ("coordinator", "应急协调员", []),
    ("keeper", "仓库管理员", ["--depot", "HY-CK01", "--depot", "HY-CK02"]),
    ("liaison", "成员单位联络员", ["--agency", "HY-WJW"]),
    ("controller", "演练导调员", []),
    ("viewer", "只读", []),
]


@pytest.mark.parametrize("code, chinese, bound", ROLES)
def test_user_add_takes_a_role_by_its_chinese_name_or_its_code(
    demo, tmp_path, monkeypatch, code, chinese, bound
):
    password = password_file(tmp_path, "Secret-pass-9")
    for name, role in ((f"{code}_zh", chinese), (f"{code}_en", code)):
        status, out, err = demo("--json", "user", "add", "--name", name, "--role", role,
                                "--password-file", str(password), *bound)  # fmt: skip
        assert status == 0, err
        made = json.loads(out)
        assert made["role"] == code and made["name"] == name
        assert made["depots"] == ["HY-CK01", "HY-CK02"] if code == "keeper" else not made["depots"]
        assert made["agency"] == ("HY-WJW" if code == "liaison" else "")
    listed = {row["name"]: row["role"] for row in json.loads(demo("--json", "user", "list")[1])}
    assert listed[f"{code}_zh"] == listed[f"{code}_en"] == code
    log_in(monkeypatch, f"{code}_zh", "Secret-pass-9")
    code_, out, _ = demo("--json", "whoami")
    assert code_ == 0 and json.loads(out)["role"] == code


@pytest.mark.parametrize(
    "args, cause",
    [
        (["--role", "boss"], "Unknown role 'boss'"),
        (["--role", "keeper", "--depot", "NOPE"], "No depot with code NOPE"),
        (["--role", "keeper"], "needs at least one depot"),
        (["--role", "liaison", "--agency", "NOPE"], "No agency with code NOPE"),
        (["--role", "viewer", "--agency", "HY-WJW"], "Only a member agency liaison"),
        (["--role", "viewer", "--name", "has space"], "is not one"),
    ],
)
def test_a_bad_account_is_refused_with_its_cause_and_nothing_is_added(demo, tmp_path, args, cause):
    before = demo("--json", "user", "list")[1]
    password = password_file(tmp_path, "Secret-pass-9")
    code, out, err = demo("user", "add", "--name", "new", "--password-file", str(password),
                          *args)  # fmt: skip
    assert code == 1 and out == "" and cause in err and "Traceback" not in err
    assert demo("--json", "user", "list")[1] == before


@pytest.mark.parametrize(
    "content, cause",
    [
        (None, "does not exist"),
        ("", "is empty"),
        ("abc\n", "shorter than 8"),
        ("abcdefghijk\n", "at least two of"),
        ("x" * 5000, "larger than 4096 bytes"),
    ],
)
def test_a_weak_or_missing_password_file_is_refused(demo, tmp_path, content, cause):
    path = tmp_path / "pw.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = demo("user", "add", "--name", "new", "--role", "viewer",
                        "--password-file", str(path))  # fmt: skip
    assert code == 1 and cause in err and "Traceback" not in err


def test_an_administrator_resets_a_password_and_one_changes_ones_own(demo, tmp_path, monkeypatch):
    new = password_file(tmp_path, "Fresh-pass-42")
    assert demo("user", "password", "viewer", "--password-file", str(new))[0] == 0
    log_in(monkeypatch, "viewer", "Fresh-pass-42")
    assert demo("info")[0] == 0
    # one's own: the current password (a script's, from the environment) checked first
    other = tmp_path / "other"
    other.mkdir()
    code, out, err = demo("user", "password", "viewer", "--password-file",
                          str(password_file(other, "Other-pass-43")))  # fmt: skip
    assert code == 0, err
    log_in(monkeypatch, "viewer", "Other-pass-43")
    assert demo("info")[0] == 0
    # a viewer may not reset another's
    code, _, err = demo("user", "password", "keeper", "--password-file", str(new))
    assert code == 1 and "may not manage user accounts" in err


def test_user_change_binds_a_role_to_its_depots(demo, monkeypatch):
    code, out, err = demo("--json", "user", "change", "viewer", "--role", "仓库管理员",
                          "--depot", "HY-CK02")  # fmt: skip
    assert code == 0, err
    assert (json.loads(out)["role"], json.loads(out)["depots"]) == ("keeper", ["HY-CK02"])
    code, out, _ = demo("user", "list")
    assert code == 0 and "HY-CK02" in out and "Depot keeper" in out


def test_a_station_without_accounts_is_given_its_administrator_and_only_then(
    capsys, tmp_path, monkeypatch
):
    path = tmp_path / "old.db"
    new_station(path, "HY-OLD", "旧站").close()  # as a database from before accounts
    password = password_file(tmp_path)

    def bio(*args):
        return invoke(capsys, "--db", str(path), *args)

    code, _, err = bio("info")
    assert code == 1 and "no user accounts yet" in err and "user add --name admin" in err
    logged_out(monkeypatch)
    code, _, err = bio("user", "add", "--name", "boss", "--role", "viewer",
                       "--password-file", str(password))  # fmt: skip
    assert code == 1 and "first account of a station is its administrator" in err
    code, out, err = bio("user", "add", "--name", "admin", "--role", "系统管理员",
                         "--password-file", str(password))  # fmt: skip
    assert code == 0 and "bioreserve login --user admin" in out, err
    code, _, err = bio("user", "add", "--name", "second", "--role", "admin",
                       "--password-file", str(password))  # fmt: skip
    assert code == 1 and "Nobody is logged in" in err
    log_in(monkeypatch)
    assert bio("info")[0] == 0


# ---------------------------------------------------------------- init


def test_init_creates_the_administrator_from_a_password_file(capsys, tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    password = password_file(tmp_path, "Admin-pass-1")
    code, out, err = invoke(capsys, "--db", str(path), "--json", "init", "--admin", "chief",
                            "--admin-password-file", str(password))  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["accounts"] == ["chief"]
    log_in(monkeypatch, "chief", "Admin-pass-1")
    code, out, _ = invoke(capsys, "--db", str(path), "--json", "whoami")
    assert code == 0 and json.loads(out)["role"] == "admin"


@pytest.mark.parametrize(
    "content, cause",
    [(None, "does not exist"), ("", "is empty"), ("\nSecret-1\n", "is empty"),
     ("short1\n", "shorter than 8"), ("admin\n", "shorter than 8")],
)  # fmt: skip
def test_init_refuses_a_weak_or_missing_password_and_creates_nothing(
    capsys, tmp_path, content, cause
):
    path, password = tmp_path / "new.db", tmp_path / "pw.txt"
    if content is not None:
        password.write_text(content, encoding="utf-8")
    code, out, err = invoke(capsys, "--db", str(path), "init", "--admin-password-file",
                            str(password))  # fmt: skip
    assert code == 1 and out == "" and cause in err and "Traceback" not in err
    assert not path.exists()


def test_init_without_a_terminal_or_a_file_asks_for_the_file(capsys, tmp_path):
    path = tmp_path / "new.db"
    code, _, err = invoke(capsys, "--db", str(path), "init")
    assert code == 1 and "--admin-password-file" in err and not path.exists()


def test_a_demo_database_has_the_demo_logins(capsys, tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    code, out, err = invoke(capsys, "--db", str(path), "init", "--demo")
    assert code == 0, err
    assert "demo-2026" in out and "keeper" in out
    log_in(monkeypatch, "liaison", "demo-2026")
    code, out, _ = invoke(capsys, "--db", str(path), "--json", "whoami")
    assert code == 0 and json.loads(out)["agency"] == "HY-WJW"


# ---------------------------------------------------------------- the audit trail


def test_audit_verify_holds_then_names_an_edited_operation(demo):
    code, out, err = demo("audit", "verify")
    assert code == 0 and "The audit trail holds" in out, err
    sql(
        demo.path,
        "DROP TRIGGER oplog_no_update",
        "UPDATE oplog SET payload = json_set(payload, '$.name', 'forged') "
        "WHERE seq = 5 AND origin = (SELECT origin FROM station)",
    )
    code, out, _ = demo("--json", "audit", "verify")
    data = json.loads(out)
    assert code == 1 and not data["ok"]
    assert any(f["where"] == "oplog" for f in data["findings"])
    code, out, _ = demo("audit", "verify")
    assert code == 1 and "finding(s)" in out and "[operation log]" in out


def test_audit_verify_names_a_deleted_operation(demo):
    sql(
        demo.path,
        "DROP TRIGGER oplog_no_delete",
        "DELETE FROM oplog WHERE seq = 3 AND origin = (SELECT origin FROM station)",
    )
    code, out, _ = demo("--json", "audit", "verify")
    assert code == 1
    assert any(f["where"] == "oplog" for f in json.loads(out)["findings"])


def test_audit_verify_names_an_edited_audit_event(demo):
    assert demo("info")[0] == 0  # a login: an event, and a seal on it
    sql(
        demo.path,
        "DROP TRIGGER audit_event_no_update",
        "UPDATE audit_event SET actor = 'user:nobody' WHERE seq = 2",
    )
    code, out, _ = demo("audit", "verify")
    assert code == 1 and "Audit event 2 was altered" in out


def test_audit_verify_names_a_deleted_audit_event(demo):
    assert demo("info")[0] == 0
    sql(demo.path, "DROP TRIGGER audit_event_no_delete", "DELETE FROM audit_event WHERE seq = 3")
    code, out, _ = demo("audit", "verify")
    assert code == 1 and "Audit event 3 is missing" in out


def test_audit_list_filters_and_export_writes_rows_that_read_back(demo, tmp_path, monkeypatch):
    log_in(monkeypatch, "keeper")
    receive = ["stock", "receive", "--depot", "HY-CK01", "--item", "PPE-0001", "--qty", "5",
               "--expiry", days(400), "--lot", "AUD1"]  # fmt: skip
    assert demo(*receive)[0] == 0
    log_in(monkeypatch)
    code, out, err = demo("--json", "audit", "list", "--user", "keeper", "--table", "stock_move")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and {r["user"] for r in rows} == {"user:keeper"}
    assert {r["table"] for r in rows} == {"stock_move"}
    code, out, _ = demo("audit", "list", "--user", "keeper", "--limit", "1")
    assert code == 0 and len(out.strip().splitlines()) == 2  # heading and one entry
    for bad, cause in (
        (["--since", "yesterday-ish"], "--since"),
        (["--table", "nope"], "nope"),
        (["--agency", "NOPE"], "NOPE"),
        (["--limit", "0"], "0"),
    ):
        code, _, err = demo("audit", "list", *bad)
        assert code == 1 and cause in err and "Traceback" not in err
    out_file = tmp_path / "audit.xlsx"
    code, out, err = demo("--json", "audit", "export", "--user", "keeper", "--out",
                          str(out_file))  # fmt: skip
    assert code == 0, err
    written = json.loads(out)["rows"]
    import openpyxl

    sheet = openpyxl.load_workbook(out_file, read_only=True).worksheets[0]
    read = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert read[0][:3] == ["Time", "Station", "User"]
    assert len(read) - 1 == written and {r[2] for r in read[1:]} == {"user:keeper"}
    assert any(r[7] == "stock_move" for r in read[1:])
    code, _, err = demo("audit", "export", "--out", str(tmp_path / "audit.csv"))
    assert code == 1 and ".xlsx" in err


def test_every_new_command_answers_its_help_in_chinese(capsys, monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "zh_CN")
    i18n.set_language("zh_CN")
    for args in (["login"], ["user", "add"], ["audit", "list"], ["station", "idle-minutes"]):
        code, out, _ = invoke(capsys, "--lang", "zh_CN", *args, "--help")
        assert code == 0 and "用法：" in out
        text = out.split("\n", 2)[-1]
        assert sum(1 for c in text if "\u4e00" <= c <= "\u9fff") > 10, out


def test_no_password_reaches_the_output_or_the_token(bio, monkeypatch, capsys):
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)
    code, out, err = bio("--json", "login", "--user", "admin")
    assert code == 0 and PASSWORD not in out + err
    assert PASSWORD not in sessions.token_file(bio.path).read_text(encoding="utf-8")
    assert os.environ["BIORESERVE_PASSWORD"] == PASSWORD


# ---------------------------------------------------------------- at a terminal


class Terminal:
    """A terminal's stdin: hidden prompts answered in turn, as a person types them."""

    def __init__(self, monkeypatch, *answers):
        import click

        self.answers = list(answers)
        self.asked: list[str] = []
        monkeypatch.setattr(sys, "stdin", self)
        monkeypatch.setattr(click.termui, "hidden_prompt_func", self.answer)

    def isatty(self) -> bool:
        return True

    def answer(self, prompt: str) -> str:
        self.asked.append(prompt)
        return self.answers.pop(0)


def test_init_asks_the_administrators_password_twice(capsys, tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    terminal = Terminal(monkeypatch, "Typed-pass-1", "Typo-pass-1", "Typed-pass-1", "Typed-pass-1")
    code, out, err = invoke(capsys, "--db", str(path), "init", "--admin", "chief")
    assert code == 0, err
    assert len(terminal.asked) == 4 and "chief" in terminal.asked[0]  # a mismatch: again
    assert "Typed-pass-1" not in out + err
    log_in(monkeypatch, "chief", "Typed-pass-1")
    assert invoke(capsys, "--db", str(path), "info")[0] == 0


def test_login_asks_the_password_and_ones_own_change_asks_the_current_one(
    bio, monkeypatch, tmp_path
):
    logged_out(monkeypatch)
    Terminal(monkeypatch, PASSWORD)
    code, out, err = bio("login", "--user", "admin")
    assert code == 0 and "Logged in" in out, err
    terminal = Terminal(monkeypatch, "wrong-current-1")
    new = password_file(tmp_path, "Changed-pass-7")
    code, _, err = bio("user", "password", "admin", "--password-file", str(new))
    assert code == 1 and "current password is not right" in err
    assert terminal.asked and "Current password" in terminal.asked[0]
    Terminal(monkeypatch, PASSWORD)
    assert bio("user", "password", "admin", "--password-file", str(new))[0] == 0
    log_in(monkeypatch, "admin", "Changed-pass-7")
    assert bio("info")[0] == 0


def test_logging_in_never_asks_for_the_station_keys_passphrase(bio, monkeypatch):
    from desktop.core.store import keyprotect

    monkeypatch.setenv(keyprotect.PASSPHRASE_ENV, "key-passphrase-1")
    assert bio("station", "protect", "--method", "passphrase")[0] == 0
    monkeypatch.delenv(keyprotect.PASSPHRASE_ENV)
    terminal = Terminal(monkeypatch)  # would answer nothing: any question fails the test
    code, out, err = bio("info")
    assert code == 0 and terminal.asked == [], err
    logged_out(monkeypatch)
    monkeypatch.setenv("BIORESERVE_PASSWORD", PASSWORD)
    assert bio("login", "--user", "admin")[0] == 0 and terminal.asked == []


def test_login_without_a_terminal_names_the_environment_variable(bio, monkeypatch):
    """login has no --password-file: without a terminal a script gives the password in
    BIORESERVE_PASSWORD (the refusal named an option login does not have)."""
    logged_out(monkeypatch)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = bio("login", "--user", "admin")
    assert code == 1 and "BIORESERVE_PASSWORD" in err and "--password-file" not in err
