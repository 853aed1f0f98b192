"""main.py: a bare word (a command, even mistyped) goes to the CLI, which refuses it in the
user's language with exit 1; options alone open the window, whose wrong arguments are
refused with exit 1 too (never argparse's 2)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from desktop import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "x.db", "stok", "ledger"],
        ["stok"],
        ["--db=x.db", "nope"],
        ["--screenshot", "a.png", "whatever"],
        ["--drill", "3", "stock", "balance"],
    ],
)
def test_a_bare_word_goes_to_the_cli(argv):
    assert main._for_the_cli(argv, COMMANDS)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.db"],
        ["--db=x.db", "--exit-when-shown"],
        ["--screenshot", "shot.png", "--db", "x.db", "--exit-when-shown"],
    ],
)
def test_options_alone_open_the_window(argv):
    assert not main._for_the_cli(argv, COMMANDS)


def _run(*args):
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "BIORESERVE_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def test_a_mistyped_command_is_refused_in_chinese(tmp_path):
    done = _run("--db", str(tmp_path / "x.db"), "stok", "ledger")
    assert done.returncode == 1
    assert "没有 'stok' 这个命令" in done.stderr and "unrecognized" not in done.stderr


@pytest.mark.parametrize(
    "args, said",
    [
        (["--lang", "fr"], "en 或 zh_CN"),
        (["--lang"], "en 或 zh_CN"),
        (["--db"], "--db"),
        (["--nope"], "--nope"),
    ],
)
def test_the_windows_wrong_arguments_exit_1_in_chinese(args, said, capsys):
    from desktop.ui.shell import app

    with pytest.raises(SystemExit) as stopped:
        app.parse_args(args)
    err = capsys.readouterr().err
    assert stopped.value.code == 1 and said in err and "usage:" not in err
