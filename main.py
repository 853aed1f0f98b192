"""`python main.py` opens BioReserve; `python main.py COMMAND …` runs the CLI.

`--lang en|zh_CN` chooses the language of either (default: Chinese).
"""

import os
import sys


def _take_lang(argv: list[str]) -> list[str]:
    """Remove --lang X / --lang=X from argv and put it in BIORESERVE_LANG."""
    out, it = [], iter(argv)
    for arg in it:
        if arg == "--lang":
            os.environ["BIORESERVE_LANG"] = next(it, "zh_CN")
        elif arg.startswith("--lang="):
            os.environ["BIORESERVE_LANG"] = arg.split("=", 1)[1]
        else:
            out.append(arg)
    return out


def main() -> None:
    argv = _take_lang(sys.argv[1:])
    from desktop import COMMANDS

    if any(arg in COMMANDS or arg in ("--help", "-h", "--json") for arg in argv):
        from desktop.cli import main as cli_main

        cli_main(argv)
    else:
        from desktop.ui.shell.app import main as gui_main

        sys.exit(gui_main(argv))


if __name__ == "__main__":
    main()
