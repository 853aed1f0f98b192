"""Backups in the desktop: 文件 → 备份数据库… and 从备份恢复… (the list of this database's
backups, automatic and manual), the restore itself, and the offer to restore the newest
good backup when the database at start-up is damaged.

A restore replaces the database file, so nothing may hold it open: the controller's worker
(the window's one connection) is closed first, and the window is made again over the
restored file afterwards (Controller.open). The core refuses a file still open elsewhere.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop import APP_NAME
from desktop.core.errors import BioError
from desktop.ui.shell import session
from desktop.ui.shell.jobs import Refused, actor, refusable


def _size(n: int) -> str:
    return f"{n / 1_048_576:,.1f} MB" if n >= 1_048_576 else f"{n / 1024:,.0f} KB"


def save_backup(window) -> None:
    """备份数据库…: a checked copy to a file the person chooses (never rotated)."""
    from desktop.ui.widgets.documents_folder import documents_folder

    station = window.db_info.get("station") or {}
    suggested = documents_folder() / f"{station.get('code') or 'bioreserve'}-backup.db"
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Backups", "Back up database"),
        str(suggested),
        QCoreApplication.translate(
            "Backups", "BioReserve databases (*.db *.sqlite);;All files (*)"
        ),
    )
    if not path:
        return
    from desktop.core.setup import backup_actions

    ctx = actor()
    window.statusBar().showMessage(
        QCoreApplication.translate("Backups", "Backing up the database…")
    )
    window.worker.run(
        refusable(lambda db: backup_actions.manual(db, ctx, out=path, replace=True)),
        lambda made: _saved(window, made),
    )


def _saved(window, made) -> None:
    window.statusBar().clearMessage()
    if isinstance(made, Refused):
        QMessageBox.warning(
            window, QCoreApplication.translate("Backups", "Back up database"), made.message
        )
        return
    QMessageBox.information(
        window,
        QCoreApplication.translate("Backups", "Back up database"),
        QCoreApplication.translate(
            "Backups", "The backup {path} was written ({size}) and checked."
        ).format(path=made.path, size=_size(made.size)),
    )


def open_backups(window) -> "BackupDialog":
    dialog = BackupDialog(window)
    dialog.restore_requested.connect(window.restore_requested)
    dialog.show()
    return dialog


class BackupDialog(QDialog):
    """This database's backups, newest first: back up now, restore the one chosen or
    another file.

    Signals:
        restore_requested(str): restore this backup file over the database (the controller
            closes the database, restores and reopens).
    """

    restore_requested = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.db_path = Path(window.db_info["path"])
        self.setWindowTitle(QCoreApplication.translate("Backups", "Backups"))
        self.resize(820, 420)
        self.note = QLabel(
            QCoreApplication.translate(
                "Backups",
                "Automatic backups are made every day, before every schema upgrade, "
                "spreadsheet import and bundle import, and kept {days} days (the newest good "
                "one always).",
            )
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Backups", "Made"),
                QCoreApplication.translate("Backups", "Reason"),
                QCoreApplication.translate("Backups", "Size"),
                QCoreApplication.translate("Backups", "Check result"),
                QCoreApplication.translate("Backups", "File"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        self.back_up = QPushButton(QCoreApplication.translate("Backups", "Back up &now"))
        self.back_up.clicked.connect(self._back_up)
        self.restore = QPushButton(QCoreApplication.translate("Backups", "&Restore this backup…"))
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self._restore_chosen)
        self.other = QPushButton(
            QCoreApplication.translate("Backups", "Restore from another &file…")
        )
        self.other.clicked.connect(self._restore_other)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.back_up, self.restore, self.other):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.backups: list = []
        self.refresh()
        self.window_.worker.run(self._keep_days, self._show_keep_days)

    @staticmethod
    def _keep_days(db) -> int:
        from desktop.core.setup import backups

        return backups.keep_days(db)

    def _show_keep_days(self, days: int) -> None:
        self.note.setText(self.note.text().replace("{days}", str(days)))

    def refresh(self) -> None:
        from PySide6.QtCore import Qt  # here, not at the top: `Qt`'s enums cost start-up

        from desktop.core.setup import backups

        self.backups = backups.listing(self.db_path)  # files only: quick, no database
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (
                backup.made.strftime("%Y-%m-%d %H:%M:%S"),
                backups.reason_name(backup.reason),
                _size(backup.size),
                QCoreApplication.translate("Backups", "ok")
                if backup.ok
                else QCoreApplication.translate("Backups", "FAILED"),
                backup.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._selected()

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selected(self) -> None:
        backup = self.chosen()
        self.restore.setEnabled(backup is not None and backup.ok)

    def _back_up(self) -> None:
        from desktop.core.setup import backup_actions

        ctx = actor()
        self.back_up.setEnabled(False)
        self.window_.worker.run(
            refusable(lambda db: backup_actions.manual(db, ctx)), self._backed_up
        )

    def _backed_up(self, made) -> None:
        self.back_up.setEnabled(True)
        if isinstance(made, Refused):
            QMessageBox.warning(
                self, QCoreApplication.translate("Backups", "Backups"), made.message
            )
        self.refresh()

    def _restore_chosen(self) -> None:
        backup = self.chosen()
        if backup is not None:
            self._confirm(backup.path)

    def _restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Backups", "Restore from backup"),
            str(self.db_path.parent),
            QCoreApplication.translate(
                "Backups", "BioReserve databases (*.db *.sqlite);;All files (*)"
            ),
        )
        if path:
            self._confirm(Path(path))

    def _confirm(self, path: Path) -> None:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Backups", "Restore from backup"),
            QCoreApplication.translate(
                "Backups",
                "Replace the database {database} with the backup {backup}?\n\nWhat was "
                "changed since that backup is lost (the current file is kept as a "
                "before-restore backup). The window closes the database and opens it again.",
            ).format(database=self.db_path, backup=path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self.restore_requested.emit(str(path))


def restore_from(controller, backup: Path) -> bool:
    """Close the window's database, restore the backup over it, open it again, and say
    what happened. True when the backup was restored."""
    window = controller.window
    db_path = Path(window.db_info["path"])
    if window.db_info.get("drill"):
        QMessageBox.warning(
            window,
            APP_NAME,
            QCoreApplication.translate(
                "Backups", "A drill's sandbox is not restored: leave the drill first."
            ),
        )
        return False
    ctx = session.logged_in()
    if ctx is None:
        QMessageBox.warning(
            window, APP_NAME, QCoreApplication.translate("Backups", "Log in first.")
        )
        return False
    return _restore(controller, ctx, backup, db_path)


def _restore(controller, ctx, backup: Path, db_path: Path) -> bool:
    from desktop.core.setup import restoring

    controller.stop_daily_backup()  # the day's backup being made reads the file: given up
    if controller.worker is not None:
        controller.worker.close()  # its connection closed: the file is free to replace
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = restoring.restore(ctx, backup, db_path)
        failure = None
    except BioError as exc:
        result, failure = None, str(exc)
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        QMessageBox.warning(
            controller.window, QCoreApplication.translate("Backups", "Restore from backup"), failure
        )
    opened = controller.open(db_path)
    if result is not None:
        text = QCoreApplication.translate(
            "Backups", "The database was restored from {backup}."
        ).format(backup=backup)
        if result.before is not None:
            text += "\n" + QCoreApplication.translate(
                "Backups", "The replaced file is kept as {before}."
            ).format(before=result.before)
        if result.problems:
            text += "\n\n" + QCoreApplication.translate(
                "Backups", "The check found {count} problem(s):"
            ).format(count=len(result.problems))
            text += "\n" + "\n".join(result.problems[:20])
            QMessageBox.warning(
                controller.window,
                QCoreApplication.translate("Backups", "Restore from backup"),
                text,
            )
        else:
            text += "\n" + QCoreApplication.translate("Backups", "Check: no problems found.")
            QMessageBox.information(
                controller.window,
                QCoreApplication.translate("Backups", "Restore from backup"),
                text,
            )
    return result is not None and opened


def can_restore(error: Exception) -> bool:
    """Whether the failure to open is a damaged database with a good backup to offer."""
    from desktop.core.setup import backups

    return isinstance(error, backups.Damaged) and error.damage.backup is not None


def offer_restore(controller, error: Exception, otherwise: Callable[[], None]) -> None:
    """At start-up, a damaged or unreadable database (can_restore): say so and offer its
    newest good backup, restored once an account of that backup with the BACKUP right
    has logged in (access/restore_login.py: nobody can log in to the damaged file). Another
    file chosen, or the restore cancelled or failed: `otherwise` (choose another file).
    退出, Escape or the box closed: the program ends (exit status 1) with the file as it
    was — Escape never restores."""
    damage = error.damage  # type: ignore[attr-defined]
    box = QMessageBox(controller.window)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    box.setText(damage.summary)
    box.setInformativeText(
        QCoreApplication.translate(
            "Backups",
            "Restore the newest good backup? The damaged file is kept (as a before-restore "
            "copy) and nothing else is deleted. An administrator of the backup logs in first.",
        )
    )
    restore = box.addButton(
        QCoreApplication.translate("Backups", "&Restore the backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    restore.setObjectName("restoreBackup")
    other = box.addButton(
        QCoreApplication.translate("Backups", "&Choose another file…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    other.setObjectName("chooseAnother")
    leave = box.addButton(
        QCoreApplication.translate("Backups", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    leave.setObjectName("quit")
    box.setDefaultButton(restore)
    box.setEscapeButton(leave)  # Escape (or closing the box) quits, never restores
    box.setObjectName("damagedDatabase")
    controller.damage_box = box  # for tests: the box shown
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        otherwise()
        return
    if clicked is not restore:  # 退出, Escape, the box closed
        controller.worker.close()  # drops the jobs queued behind the failed opening
        controller.app.exit(1)
        return
    from desktop.ui.access.restore_login import BackupLogin

    try:
        login = BackupLogin(damage.backup.path, controller.window)
    except BioError as exc:
        QMessageBox.warning(controller.window, APP_NAME, str(exc))
        otherwise()
        return
    controller.restore_login = login  # for tests: the login asked

    def answered(ctx) -> None:
        controller.restore_login = None
        if ctx is None or not _restore(controller, ctx, damage.backup.path, damage.path):
            otherwise()

    login.finished.connect(answered)
    login.start()
