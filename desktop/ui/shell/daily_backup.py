"""The day's backup of the window's database, made once someone has logged in.

The CLI makes it on opening a station (setup/opening.py); the window opens its database
without it, so that neither the login dialog nor the window waits for a copy of the whole
file (seconds on a city's database). After a login it is made on a thread and a
connection of its own, not on the worker that serves the pages: SQLite's online backup in
steps inside one read transaction (the worker keeps reading and writing meanwhile), then
the copy's quick_check — only a checked copy counts as the day's backup, once a day
(backup_actions.daily_due). Closing the window stops it between two steps, or during its
check, and the partial file is deleted (backups.Stopped): a half copy never counts.
"""

import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal


class DailyBackup(QObject):
    """The day's backup of one database file, on a thread of its own (one run).

    Signals:
        settled(object, object): the backup made (backups.Backup; None when none was due)
            and the error (None, a BioError such as backups.Damaged, or another
            exception). Not emitted when stopped.
    """

    settled = Signal(object, object)

    def __init__(self, path, now: datetime | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.now = now
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="bioreserve-daily-backup", daemon=True
        )

    def start(self) -> None:
        if self._thread.ident is None and not self._stopping.is_set():
            self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Give the backup up (if it is still being made) and wait for its thread: a step
        of the copy (4 MiB) or of its check at most."""
        self._stopping.set()
        if self._thread.ident is not None:
            self._thread.join()

    def _run(self) -> None:
        from desktop.core import crashlog
        from desktop.core.errors import BioError
        from desktop.core.setup import backup_actions, backups
        from desktop.core.store.db import open_db

        made: backups.Backup | None = None
        error: Exception | None = None
        try:
            db = open_db(self.path)
            try:
                moment = self.now or datetime.now()
                if backup_actions.daily_due(db, moment):
                    made = backup_actions.automatic(
                        db, "daily", now=moment, stop=self._stopping.is_set
                    )
            finally:
                db.close()
        except backups.Stopped:
            return
        except backups.Damaged as exc:
            error = exc
        except BioError as exc:  # a full disk: noted, not in the way of the work
            crashlog.note(str(exc))
            error = exc
        except Exception as exc:  # noqa: BLE001 (said on the status bar, never a traceback)
            crashlog.note(f"daily backup: {exc!r}")
            error = exc
        if not self._stopping.is_set():
            self.settled.emit(made, error)  # queued to the GUI thread


def announce(window, made, error) -> None:
    """What the window's status bar says of the day's backup settled: made (for ten
    seconds), nothing when none was due, or why it failed — a damaged database in a
    message box as well, naming its newest good backup."""
    from desktop.core.errors import BioError
    from desktop.core.setup import backups

    bar = window.statusBar()
    if error is None:
        if made is not None:
            text = QCoreApplication.translate(
                "App", "Today's backup is made and checked: {file}"
            ).format(file=made.path)
            bar.showMessage(text, 10_000)
        return
    reason = str(error) if isinstance(error, BioError) else repr(error)
    bar.showMessage(
        QCoreApplication.translate("App", "Today's backup failed: {reason}").format(
            reason=reason.splitlines()[0]
        )
    )
    if isinstance(error, backups.Damaged):  # the database itself: said at once
        from PySide6.QtWidgets import QMessageBox

        from desktop import APP_NAME

        QMessageBox.critical(window, APP_NAME, str(error))
