"""Unexpected errors: the traceback goes to a log file, the person gets a message naming it.

The CLI and the desktop both end here (no traceback ever reaches the user).
"""

import traceback
from pathlib import Path

from desktop.core import paths
from desktop.core.i18n import tr


def log_path() -> Path:
    return paths.user_data_dir() / "bioreserve.log"


def report_unexpected(exc: BaseException) -> str:
    """Write the traceback to the log file; return a message naming it."""
    try:
        log_path().parent.mkdir(parents=True, exist_ok=True)
        with log_path().open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(exc)))
        where = str(log_path())
    except OSError:
        where = "-"
    return tr(
        "Unexpected error: {error}. Details were written to {log}; please send that file to "
        "your administrator.",
        error=exc,
        log=where,
    )
