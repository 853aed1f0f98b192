"""Running a core call of the drills area on the worker: a refusal (BioError) is said by
the widget that asked (its `message` signal, or `refused`), anything else goes to `done`;
nothing reaches a widget that was deleted while the job ran (the window left the drill)."""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from desktop.ui.shell.jobs import Refused, refusable


def run(
    owner: QObject,
    job: Callable,
    done: Callable,
    refused: Callable[[str], None] | None = None,
) -> None:
    """job(db) on owner.worker; done(result) or the refusal said (owner.message, error)."""

    def arrived(result) -> None:
        if not shiboken6.isValid(owner):
            return
        if isinstance(result, Refused):
            if refused is not None:
                refused(result.message)
            else:
                owner.message.emit(result.message, "error")
        else:
            done(result)

    owner.worker.run(refusable(job), arrived)
