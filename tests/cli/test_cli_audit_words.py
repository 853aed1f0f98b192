"""The audit trail and the account list read in the user's words (trial 17, findings 4,
10, 18): events' details in words, fields by their labels, --table by the names the 数据
column shows, the lock time as local time, unknown filters and an empty time range
refused naming them."""

import json

import pytest

from desktop.core import i18n, values
from desktop.core.access import login
from desktop.core.store import db as dbmod
from tests.helpers.cli import invoke, log_in


@pytest.fixture
def demo(capsys, demo_path, monkeypatch):
    log_in(monkeypatch)

    def run(*args):
        return invoke(capsys, "--db", str(demo_path), *args)

    run.path = demo_path
    return run


def lock_viewer(path):
    db = dbmod.open_db(path)
    for _ in range(5):
        with pytest.raises(login.LoginRefused):
            login.authenticate(db, "viewer", "wrong-password-1", via="cli")
    until = db.execute(
        "SELECT s.locked_until FROM account_secret s JOIN account a ON a.id = s.account_id "
        "WHERE a.name = 'viewer'"
    ).fetchone()[0]
    db.close()
    return until


def test_chinese_details_and_labels_in_audit_list(demo):
    until = lock_viewer(demo.path)
    code, out, err = demo("--json", "audit", "list", "--user", "viewer")
    assert code == 0, err
    details = {r["action"]: r["detail"] for r in json.loads(out)}
    assert details["登录失败"] == "方式：命令行；原因：密码错误"
    assert details["账户锁定"] == f"锁定至 {values.shown_time(until)}，连续失败 5 次"
    code, out, err = demo("--json", "audit", "list", "--table", "用户账户")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and {r["table"] for r in rows} == {"account"}
    assert all("agency_id" not in r["detail"] and "=" not in r["detail"] for r in rows)
    assert any("所属单位" in r["detail"] or "单位" in r["detail"] for r in rows)


def test_a_name_covering_several_tables_filters_by_all_of_them(demo, monkeypatch):
    code, out, err = demo("--json", "audit", "list", "--table", "长期监测", "--limit", "5000")
    assert code == 0, err
    tables = {r["table"] for r in json.loads(out)}
    assert len(tables) > 1 and all(t.startswith("monitor") for t in tables)
    code, _, err = demo("audit", "list", "--table", "不存在")
    assert code == 1 and "长期监测" in err and "stock_move" not in err


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def test_english_in_english_and_the_lock_time_local(demo, english):
    until = lock_viewer(demo.path)
    code, out, err = demo("user", "list")
    assert code == 0, err
    assert f"locked until {values.shown_time(until)}" in out and "+00:00" not in out
    code, out, err = demo("--json", "audit", "list", "--user", "viewer")
    details = {r["action"]: r["detail"] for r in json.loads(out)}
    assert details["failed login"] == "Via: command line; reason: wrong password"


def test_unknown_user_or_agency_and_since_after_until_are_refused(demo, english):
    for args, words in (
        (["--user", "ghost"], "No user ghost"),
        (["--agency", "NOPE"], "NOPE"),
        (["--since", "2027-01-01", "--until", "2026-01-01"], "--since 2027-01-01 is after"),
    ):
        code, out, err = demo("audit", "list", *args)
        assert code == 1 and words in err and "Traceback" not in err, (args, err)
    assert "--until 2026-01-01" in err
    code, out, err = demo("audit", "list", "--user", "keeper")  # an account: fine
    assert code == 0, err
