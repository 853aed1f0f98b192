"""备份数据库… and 从备份恢复… in the 文件 menu. The dialogs they open (backup_dialog.py)
are imported when first used: not on the way to the window's first frame."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from desktop.core.access import roles
from desktop.ui.access import gate


def add_file_actions(window, file_menu) -> None:
    """备份数据库… and 从备份恢复… at the end of the 文件 menu so far, for the roles with
    the BACKUP right (the administrator's)."""
    window.action_backup = gate.needs(
        QAction(window, text=QCoreApplication.translate("Backups", "&Back up database…")),
        roles.BACKUP,
    )
    window.action_backup.triggered.connect(lambda: _dialogs().save_backup(window))
    window.action_restore = gate.needs(
        QAction(window, text=QCoreApplication.translate("Backups", "&Restore from backup…")),
        roles.BACKUP,
    )
    window.action_restore.triggered.connect(lambda: _dialogs().open_backups(window))
    file_menu.addAction(window.action_backup)
    file_menu.addAction(window.action_restore)


def _dialogs():
    from desktop.ui.shell import backup_dialog

    return backup_dialog
