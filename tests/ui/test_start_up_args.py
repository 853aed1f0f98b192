"""The window's arguments: those of plain form are read without argparse at start-up
(app._plain_args), and give what argparse gives; anything else is argparse's to read or
refuse, as before (exit 1, the message in the user's language)."""

from pathlib import Path

import pytest

from desktop.ui.shell import app

PLAIN = [
    [],
    ["--db", "city.db"],
    ["--db=city.db", "--exit-when-shown"],
    ["--exit-when-shown", "--db", "a b.db", "--lang", "en"],
    ["--screenshot", "/tmp/shot.png", "--lang=zh_CN"],
    ["--db", "one.db", "--db", "two.db"],  # the last one wins, as with argparse
    ["--db="],
]


@pytest.mark.parametrize("argv", PLAIN)
def test_plain_arguments_read_as_argparse_reads_them(argv, monkeypatch):
    fast = app.parse_args(argv)
    assert app._plain_args(argv) is not None
    monkeypatch.setattr(app, "_plain_args", lambda _argv: None)  # argparse's reading
    assert vars(fast) == vars(app.parse_args(argv))


def test_plain_arguments_have_their_types():
    args = app.parse_args(["--db", "x.db", "--screenshot", "s.png", "--exit-when-shown"])
    assert args.db == Path("x.db") and args.screenshot == Path("s.png")
    assert args.exit_when_shown and args.lang is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--db"],  # no value
        ["--db", "--exit-when-shown"],  # an option where the value should be
        ["--exit-when-shown=yes"],
        ["--scr", "s.png"],  # an abbreviation: argparse's
        ["stray"],
        ["--help"],
    ],
)
def test_anything_else_is_left_to_argparse(argv):
    assert app._plain_args(argv) is None


@pytest.mark.parametrize("argv", [["--lang", "fr"], ["--lang="], ["--db"], ["stray"]])
def test_wrong_arguments_are_refused_with_exit_1(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        app.parse_args(argv)
    assert exit_.value.code == 1
    assert capsys.readouterr().err.strip()
