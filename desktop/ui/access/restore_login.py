"""The login a restore at start-up needs. A damaged database cannot be logged in to, so
whoever restores its newest good backup logs in with an account of that backup, one with
the BACKUP right (the administrator's) — as the CLI's `restore` does on a damaged file.

The core checks the password (login.authenticate, then policy.require) on a worker of its
own over a private copy of the backup in a temporary folder: logging in writes (failures,
lockouts), and never to the backup itself. The copy is kept while the dialog is open, so
five wrong passwords lock the account out here too; it is deleted when the dialog closes.
"""

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.core.errors import BioError
from desktop.ui.access.login_dialogs import LoginDialog, fit
from desktop.ui.shell.worker import DbWorker
from desktop.ui.widgets import style


class BackupLoginDialog(LoginDialog):
    """登录 against a backup's accounts: succeeded(Ctx) once the core accepts the name and
    password and the account may restore backups."""

    def __init__(self, worker, backup: Path, parent=None):
        from desktop.core.access import roles

        super().__init__(worker, parent=parent)
        self.setObjectName("backupLoginDialog")
        self.setWindowTitle(self.tr("Log in to restore — BioReserve"))
        note = style.apply(
            QLabel(
                self.tr(
                    "The database cannot be opened, so nobody can log in to it. Log in "
                    "with an account of the backup {backup} that may restore backups "
                    "({role}): the backup's accounts are restored with it."
                ).format(backup=backup.name, role=roles.name("admin"))
            ),
            "muted",
        )
        note.setWordWrap(True)
        note.setToolTip(str(backup))
        self.form.insertRow(0, note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Log in and restore")
        )
        fit(self)

    def job(self):
        signed_in = super().job()  # login.authenticate on the backup's copy

        def may_restore(db):
            from desktop.core.access import policy, roles

            ctx = signed_in(db)
            policy.require(ctx, roles.BACKUP)
            return ctx

        return may_restore

    def show_error(self, message: str, field: str | None = None) -> None:
        """The refusal under the form, the dialog grown to hold it (the note is not
        squeezed)."""
        super().show_error(message, field)
        fit(self)

    def _failed(self, error: Exception) -> None:
        """The copy did not open (another program's file, a newer schema): its cause."""
        if isinstance(error, BioError):
            self._set_busy(False)
            self.show_error(str(error))
        else:
            super()._failed(error)


def _open_copy(path):
    from desktop.core.store import db as dbmod  # the file only: no daily backup of a copy

    return dbmod.open_db(path)


class BackupLogin(QObject):
    """The copy of the backup, its worker and the dialog, for one restore.

    Signals:
        finished(object): once the dialog has closed and the copy is deleted: the Ctx of
            the account that may restore, or None when the dialog was cancelled.
    """

    finished = Signal(object)

    def __init__(self, backup: Path, parent_window=None):
        super().__init__(parent_window)
        self.folder = Path(tempfile.mkdtemp(prefix="bioreserve-restore-"))  # private (0700)
        copy = self.folder / "backup.db"
        try:
            shutil.copyfile(backup, copy)
        except OSError as exc:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise BioError(
                QCoreApplication.translate(
                    "BackupLoginDialog", "Cannot read the backup {backup}: {reason}"
                ).format(backup=backup, reason=exc.strerror or exc)
            ) from exc
        self.ctx = None
        self.worker = DbWorker(copy, opener=_open_copy)
        self.dialog = BackupLoginDialog(self.worker, backup, parent_window)
        self.dialog.succeeded.connect(self._accepted)
        self.dialog.finished.connect(self._closed)

    def start(self) -> None:
        self.dialog.open()  # window-modal; never a nested event loop

    def _accepted(self, ctx) -> None:
        self.ctx = ctx

    def _closed(self, _result: int) -> None:
        ctx = self.ctx
        # after the worker's delivery that closed the dialog has returned
        QTimer.singleShot(0, self, lambda: self._end(ctx))

    def _end(self, ctx) -> None:
        self.worker.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        self.dialog.deleteLater()
        self.finished.emit(ctx)
