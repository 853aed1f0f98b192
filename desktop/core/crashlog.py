"""The log file: tracebacks of unexpected errors, and notes for the administrator.

The CLI and the desktop both end here for an unexpected error (no traceback ever reaches
the user: they get a message naming the file). Notes are single lines of what BioReserve
did on its own that an administrator should know, such as a database file made private.
The file holds paths and data from tracebacks, so it is private (0600 in a 0700 folder).
"""

import traceback
from datetime import datetime
from pathlib import Path

from desktop.core import paths
from desktop.core.i18n import tr


def log_path() -> Path:
    return paths.user_data_dir() / "bioreserve.log"


def _append(text: str) -> None:
    path = log_path()
    if path.parent == paths.user_data_dir():
        paths.private_data_dir()
    else:
        paths.make_private_dir(path.parent)
    with paths.private_file(path).open("a", encoding="utf-8") as log:
        log.write(text)


def report_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return a message naming it."""
    try:
        _append("".join(traceback.format_exception(exc)))
        where = str(log_path())
    except OSError:
        where = "-"
    return tr(
        "Unexpected error: {error}. Details were written to {log}; please send that file to "
        "your administrator.",
        error=exc,
        log=where,
    )


def note(message: str) -> None:
    """Add a line, with the time, to the log. Never fails: a note is not worth an error."""
    try:
        _append(f"{datetime.now().isoformat(timespec='seconds')} {message}\n")
    except OSError:
        pass
