"""The CLI as a script or an administrator uses it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import invoke, password_file

ROOT = Path(__file__).resolve().parents[2]


def test_init_gives_the_station_an_identity_and_reference_data(capsys, db_path):
    code, out, _ = invoke(
        capsys,
        "--db",
        str(db_path),
        "--json",
        "init",
        "--admin-password-file",
        str(password_file(db_path.parent)),
        "--station",
        "hy-city",
        "--station-name",
        "衡阳市应急管理局",
    )
    assert code == 0
    data = json.loads(out)
    assert data["station"]["code"] == "HY-CITY"
    assert data["station"]["name"] == "衡阳市应急管理局"
    assert len(data["station"]["fingerprint"].split()) == 8
    assert data["counts"]["division"] == 13 and data["demo"] is False


def test_init_demo_is_marked_in_info(capsys, db_path):
    assert invoke(capsys, "--db", str(db_path), "init", "--demo")[0] == 0
    code, out, _ = invoke(capsys, "--db", str(db_path), "info")
    assert code == 0
    from desktop.core.store import migrate

    assert "演示数据" in out and f"数据库结构版本：{migrate.schema_version()}" in out
    code, out, _ = invoke(capsys, "--db", str(db_path), "--json", "info")
    data = json.loads(out)
    assert data["demo"] is True and data["counts"]["item"] >= 90
    assert set(data) >= {"schema_version", "station", "counts", "path"}


def test_init_never_overwrites_a_station(capsys, db_path):
    password = str(password_file(db_path.parent))
    init = ("--db", str(db_path), "init", "--admin-password-file", password)
    invoke(capsys, *init, "--station", "HY-A", "--station-name", "甲")
    code, out, err = invoke(capsys, *init, "--station", "HY-B")
    assert code == 1 and "未作任何改动" in err and "Traceback" not in err
    assert "HY-A" in invoke(capsys, "--db", str(db_path), "info")[1]


def test_check_reports_ok_and_problems_with_exit_codes(capsys, demo_path):
    code, out, _ = invoke(capsys, "--db", str(demo_path), "--json", "check")
    assert code == 0 and json.loads(out) == {"ok": True, "rebuilt": None, "problems": []}
    import sqlite3

    raw = sqlite3.connect(demo_path)
    raw.execute(
        "UPDATE stock_balance SET qty = qty + 1 WHERE lot_id IN "
        "(SELECT lot_id FROM stock_balance LIMIT 1)"
    )
    raw.commit()
    raw.close()
    code, out, _ = invoke(capsys, "--db", str(demo_path), "check")
    assert code == 1 and "check --rebuild" in out
    code, out, _ = invoke(capsys, "--db", str(demo_path), "check", "--rebuild")
    assert code == 0 and "未发现问题" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["info"], "bioreserve init"),
        (["init", "--station", "错误 代码"], "站点代码"),
    ],
)
def test_errors_are_one_message_and_a_non_zero_exit(capsys, db_path, args, message):
    code, out, err = invoke(capsys, "--db", str(db_path), *args)
    assert code == 1 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_damaged_file_is_named_not_traced(capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 1000)
    code, _, err = invoke(capsys, "--db", str(bad), "info")
    assert code == 1 and "已损坏" in err and "Traceback" not in err


def test_the_database_defaults_to_env_then_the_user_data_folder(capsys, tmp_path, monkeypatch):
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("BIORESERVE_DB", str(target))
    assert invoke(capsys, "init", "--admin-password-file", str(password_file(tmp_path)))[0] == 0
    assert target.exists()
    monkeypatch.delenv("BIORESERVE_DB")
    from desktop.core import paths

    assert paths.default_db_path().parent == paths.user_data_dir()


def test_english_messages_with_lang(db_path):
    out = subprocess.run(
        [sys.executable, "main.py", "--lang", "en", "--db", str(db_path), "info"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert out.returncode == 1 and "No database at" in out.stderr


def test_main_py_and_the_console_script_run_the_same_cli(db_path):
    py = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(db_path),
            "--json",
            "init",
            "--admin-password-file",
            str(password_file(db_path.parent)),
        ],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert py.returncode == 0, py.stderr
    script = Path(sys.executable).with_name("bioreserve")
    assert script.exists(), "pip install -e . installs the bioreserve console script"
    out = subprocess.run(
        [str(script), "--db", str(db_path), "--json", "check"], capture_output=True, text=True
    )
    assert out.returncode == 0 and json.loads(out.stdout)["ok"] is True


def test_every_command_is_documented_in_the_readme():
    from desktop.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"bioreserve {name}" in readme or f"`{name}`" in readme, name
    for option in ("--db", "--json", "--demo", "--station", "--station-name", "--rebuild"):
        assert option in readme, option


def test_main_py_knows_every_command():
    from desktop import COMMANDS
    from desktop.cli import cli

    assert set(COMMANDS) == set(cli.commands)


def test_an_empty_db_option_is_refused_not_taken_as_the_current_folder(capsys):
    """`--db "$DB"` with DB unset in a script: exit 1 saying what is missing."""
    code, _, err = invoke(capsys, "--db", "", "stock", "balance")
    assert code == 1 and "--db" in err and "数据库文件" in err and "Traceback" not in err


def test_json_may_follow_the_command_as_the_readme_writes_it(capsys, tmp_path):
    """`check --json`, `stock balance --json`: the same as `--json check`, …"""
    db = str(tmp_path / "j.db")
    assert invoke(capsys, "--db", db, "init", "--demo")[0] == 0
    for command in (["check"], ["stock", "balance", "--depot", "HY-CK01"], ["playbook", "list"]):
        before = invoke(capsys, "--db", db, "--json", *command)
        after = invoke(capsys, "--db", db, *command, "--json")
        assert before[0] == after[0] == 0 and json.loads(before[1]) == json.loads(after[1])
    code, out, err = invoke(capsys, "--db", db, "sync", "stations", "--json")
    assert code == 0 and isinstance(json.loads(out), dict | list), err


def test_every_file_option_refuses_an_empty_name(capsys, tmp_path):
    """`--out ""` crashed `sync export` (exit 2) and gave others a wrong reason."""
    db = str(tmp_path / "e.db")
    assert invoke(capsys, "--db", db, "init", "--demo")[0] == 0
    for command in (["sync", "export"], ["order", "print", "TB-DEMO-20261207-001"],
                    ["stock", "export"], ["backup"]):  # fmt: skip
        code, _, err = invoke(capsys, "--db", db, *command, "--out", "")
        assert code == 1 and "--out" in err and "文件名" in err, (command, err)
