"""`python main.py` opens BioReserve; `python main.py COMMAND …` runs the CLI.

`--lang en|zh_CN` chooses the language of either (default: Chinese).
"""

import os
import sys

LANGUAGES = ("en", "zh_CN")


def _take_lang(argv: list[str]) -> list[str]:
    """Remove --lang X / --lang=X from argv and put it in BIORESERVE_LANG, before the
    window or the CLI reads it; a language other than en or zh_CN is refused (exit 1)."""
    out, it = [], iter(argv)
    for arg in it:
        if arg == "--lang" or arg.startswith("--lang="):
            lang = arg.split("=", 1)[1] if "=" in arg else next(it, "")
            if lang not in LANGUAGES:
                from desktop.core.i18n import tr

                if lang:
                    sys.stderr.write(tr("Unknown language “{lang}”: use en or zh_CN.", lang=lang))
                else:
                    sys.stderr.write(tr("--lang needs a language: en or zh_CN."))
                sys.stderr.write("\n")
                sys.exit(1)
            os.environ["BIORESERVE_LANG"] = lang
        else:
            out.append(arg)
    return out


# options that take a value, of the window (--db, --screenshot) or of the CLI (--drill)
VALUED = ("--db", "--screenshot", "--drill")


def _for_the_cli(argv: list[str], commands) -> bool:
    """True when argv names a command, asks for help or JSON, or holds any bare word (not an
    option, not an option's value): a mistyped command is the CLI's to refuse, in the
    user's language, not the window's."""
    it = iter(argv)
    for arg in it:
        if arg in commands or arg in ("--help", "-h", "--json"):
            return True
        if arg in VALUED:
            next(it, None)  # its value, not a word
        elif not arg.startswith("-"):
            return True
    return False


def main() -> None:
    argv = _take_lang(sys.argv[1:])
    from desktop import COMMANDS

    if _for_the_cli(argv, COMMANDS):
        from desktop.cli import main as cli_main

        cli_main(argv)
    else:
        from desktop.ui.shell.app import main as gui_main

        sys.exit(gui_main(argv))


if __name__ == "__main__":
    main()
