"""The CLI speaks one language throughout: `--lang en|zh_CN` (Chinese by default) for its
messages, its commands' help and click's own words (用法, 选项, errors); the ledger names
its kinds of movement and gives local times; an unknown language is refused (exit 1)."""

import gettext
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import language
from desktop.core import i18n
from desktop.core.context import Ctx
from desktop.core.reserves import catalog
from tests.helpers.cli import cli_station, invoke, password_file
from tests.helpers.stations import days

ROOT = Path(__file__).resolve().parents[2]
LATER = days(800)


@pytest.fixture
def station(capsys, db_path):
    """A station with a depot and an item; bio(*args) runs `bioreserve --db … ARGS`."""

    def bio(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    db = cli_station(db_path, "HY-T", "测试站")
    ctx = Ctx("os:test")
    catalog.save_depot(db, ctx, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(
        db, ctx, {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "PPE"}
    )
    db.close()
    return bio


@pytest.fixture
def clock(monkeypatch):
    """Set the computer's time zone: clock("Asia/Shanghai"); put back afterwards."""

    def set_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def moved(station, clock):
    """A receipt and an issue, made on a computer in UTC."""
    clock("UTC")
    receive = ["stock", "receive", "--depot", "CK1", "--item", "KZ", "--lot", "B1"]
    assert station(*receive, "--expiry", LATER, "--qty", "100")[0] == 0
    assert station("stock", "issue", "--depot", "CK1", "--item", "KZ", "--qty", "30")[0] == 0
    return station


def test_help_speaks_chinese_by_default(station):
    code, out, _ = station("--help")
    assert code == 0
    assert out.startswith("用法：")
    assert "选项：" in out and "命令：" in out and "显示本帮助并退出。" in out
    assert "--lang [zh_CN|en]" in out
    code, out, _ = station("stock", "ledger", "--help")
    assert "最新的台账记录。" in out and "仅此仓库（编码）。" in out and "默认：50" in out
    assert not re.search(r"Usage|Options|Show this", out)


def test_lang_en_speaks_english_throughout_then_chinese_again(station):
    code, out, _ = station("--lang", "en", "stock", "ledger", "--help")
    assert code == 0
    assert out.startswith("Usage: bioreserve stock ledger")
    assert "The newest movements of the ledger." in out and "Only this depot (code)." in out
    assert "Show this message and exit." in out and "[default: 50" in out
    assert not re.search(r"[\u4e00-\u9fff]", out)
    code, out, _ = station("--lang", "en", "--help")
    assert "Options:" in out and "Commands:" in out and "Catalogue items." in out
    code, out, _ = station("stock", "ledger", "--help")  # the next command: Chinese again
    assert out.startswith("用法：") and "最新的台账记录。" in out
    assert i18n.current_language() == "zh_CN"


def test_lang_en_for_messages_and_tables(moved):
    code, out, _ = moved("--lang", "en", "stock", "balance")
    assert code == 0 and out.split()[:3] == ["Depot", "Item", "Name"]
    code, out, err = moved("--lang=en", "stock", "issue", "--depot", "CK1", "--item", "KZ",
                           "--qty", "1000")  # fmt: skip
    assert code == 1 and err.startswith("Error: Only 70 只 of 医用防护口罩 can be issued")


def test_lang_zh_cn_when_the_environment_says_english(moved, monkeypatch):
    i18n.set_language("en")
    try:
        code, out, _ = moved("--lang", "zh_CN", "stock", "balance")
        assert code == 0 and out.split()[:3] == ["仓库", "物资", "名称"]
        assert i18n.current_language() == "en"  # as it was before the command
    finally:
        i18n.set_language("zh_CN")


@pytest.mark.parametrize("args", [["--lang", "fr"], ["--lang", "EN"], ["--lang=zh"], ["--lang"]])
def test_an_unknown_language_is_refused(station, args):
    code, out, err = station(*args, "stock", "balance")
    assert code == 1 and out == ""
    assert "--lang" in err and "错误：" in err and "Traceback" not in err


def test_clicks_errors_in_the_users_language(station):
    code, _, err = station("stock", "ledger", "--limit", "0")
    assert code == 1
    assert "'--limit' 的值无效" in err and "运行“bioreserve stock ledger --help”查看帮助。" in err
    code, _, err = station("stock", "ledger", "--nope")
    assert "没有 '--nope' 这个选项。" in err
    code, _, err = station("--lang", "en", "stock", "ledger", "--limit", "0")
    assert "Invalid value for '--limit'" in err and "Try 'bioreserve stock ledger --help'" in err


def test_the_ledger_names_kinds_and_gives_local_times(moved, clock):
    clock("Asia/Shanghai")  # the movements were made in UTC: shown 8 hours later
    code, out, _ = moved("stock", "ledger")
    assert code == 0
    header, *lines = out.strip().splitlines()
    assert header.split()[:2] == ["时间", "类型"]
    assert [line.split()[2] for line in lines] == ["出库", "入库"]
    code, out, _ = moved("--json", "stock", "ledger")
    stored = json.loads(out)
    assert [row["kind"] for row in stored] == ["issue", "receive"]
    from datetime import datetime

    moment = datetime.fromisoformat(stored[0]["occurred_at"])
    shown = moment.astimezone().strftime("%Y-%m-%d %H:%M")  # China Standard Time
    assert moment.utcoffset().total_seconds() == 0 and shown in lines[0]
    assert "T" not in lines[0].split()[1] and "+" not in lines[0]


def test_the_ledger_in_english(moved):
    code, out, _ = moved("--lang", "en", "stock", "ledger")
    assert code == 0
    assert [line.split()[2:4] for line in out.strip().splitlines()[1:]] == [
        ["Stock", "out"],
        ["Stock", "in"],
    ]


def test_clicks_catalogue_is_a_gettext_catalogue():
    entries = {
        "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
        "Usage:": "用法：",
        "One ({args})\0Many ({args})": "一（{args}）\0多（{args}）",
    }
    parsed = gettext.GNUTranslations(io.BytesIO(language.mo_file(entries)))
    assert parsed.gettext("Usage:") == "用法："
    assert parsed.ngettext("One ({args})", "Many ({args})", 1) == "一（{args}）"
    assert parsed.ngettext("One ({args})", "Many ({args})", 3) == "多（{args}）"
    assert parsed.gettext("Options") == "Options"


def test_every_click_message_keeps_its_placeholders():
    from desktop.cli import click_messages

    def fields(text):
        return sorted(re.findall(r"\{(\w+)[^}]*\}", text))

    for source, text in click_messages.singular().items():
        assert fields(source) == fields(text), source
    for sources, texts in click_messages.plural().items():
        assert [fields(s) for s in sources] == [fields(t) for t in texts], sources


def test_main_py_takes_lang_for_the_cli_and_refuses_an_unknown_one(db_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "BIORESERVE_LANG": "zh_CN"},
        )  # fmt: skip

    password = password_file(db_path.parent)
    assert run("--db", str(db_path), "init", "--admin-password-file", str(password)).returncode == 0
    english = run("--lang", "en", "--db", str(db_path), "stock", "balance")
    assert english.returncode == 0 and english.stdout.split()[:2] == ["Depot", "Item"]
    for wrong in (["--lang", "fr"], ["--lang"]):
        refused = run(*wrong, "--db", str(db_path), "stock", "balance")
        assert refused.returncode == 1 and refused.stdout == ""
        assert "en 或 zh_CN" in refused.stderr and "Traceback" not in refused.stderr


def test_clicks_type_names_headings_and_summaries_in_chinese(station):
    code, _, err = station("stock", "ledger", "--limit", "abc")
    assert code == 1 and "'abc' 不是有效的整数。" in err and "integer" not in err
    code, out, _ = station("stock", "--help")
    assert code == 0 and "用法：" in out and "选项：" in out and "命令：" in out
    assert "选项:" not in out and "命令:" not in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "对账" in lines["reconcile"] and "..." not in lines["reconcile"]
    code, out, err = station("--lang", "en", "stock", "--help")
    assert "Options:" in out and "Commands:" in out and "Negative balances" in out
    code, _, err = station("--lang", "en", "stock", "ledger", "--limit", "abc")
    assert "'abc' is not a valid integer." in err


def test_a_language_the_program_does_not_speak_is_refused_from_the_environment_too(
    station, monkeypatch
):
    monkeypatch.setenv("BIORESERVE_LANG", "de")
    code, out, err = station("info")
    assert code == 1 and out == "" and "BIORESERVE_LANG=de" in err and "zh_CN" in err
    assert station("--lang", "en", "info")[0] == 0  # --lang wins
    monkeypatch.setenv("BIORESERVE_LANG", "en_US.UTF-8")  # a locale's spelling is one
    assert station("info")[0] == 0
