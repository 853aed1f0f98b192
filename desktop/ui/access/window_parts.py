"""The window's parts for accounts: the 文件 menu's 切换用户 / 注销 / 修改密码 / 锁定, the
系统 menu's 用户管理 and 审计日志 (administrators), who is logged in on the status bar,
and the cover that hides the pages while nobody is logged in or the window is locked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

from desktop.core.access import roles
from desktop.ui.access import gate
from desktop.ui.widgets import style

if TYPE_CHECKING:  # not imported on the way to the first frame (its dataclass)
    from desktop.core.context import Ctx


def add_file_actions(window, file_menu: QMenu, before: QAction) -> None:
    """切换用户… 注销 修改密码… 锁定 in the 文件 menu, above `before` (退出)."""
    window.action_switch_user = QAction(
        window, text=QCoreApplication.translate("AccountMenus", "S&witch user…")
    )
    window.action_switch_user.triggered.connect(window.switch_requested)
    # &g: &o is 打开数据库's (no two entries of a menu share a letter)
    window.action_logout = QAction(
        window, text=QCoreApplication.translate("AccountMenus", "Lo&g out")
    )
    window.action_logout.triggered.connect(window.logout_requested)
    window.action_password = QAction(
        window, text=QCoreApplication.translate("AccountMenus", "Change &password…")
    )
    window.action_password.triggered.connect(lambda: change_password(window))
    window.action_lock = QAction(window, text=QCoreApplication.translate("AccountMenus", "&Lock"))
    window.action_lock.triggered.connect(window.lock_requested)
    for action in (
        window.action_switch_user,
        window.action_logout,
        window.action_password,
        window.action_lock,
    ):
        file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)


def add_shortcuts(window) -> None:
    """锁定's Ctrl+L, wherever the focus is: set once the window's first frame is painted
    (the window calls this), as its other shortcuts are — a key sequence's first use
    creates all of PySide6's `Qt` enums (~14 ms of start-up)."""
    from PySide6.QtCore import Qt

    window.action_lock.setShortcut("Ctrl+L")
    window.action_lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)


def add_system_menu(window) -> QMenu:
    """系统: 用户管理 and 审计日志, offered to the roles with those rights."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("AccountMenus", "S&ystem"))
    window.action_users = gate.needs(
        QAction(window, text=QCoreApplication.translate("AccountMenus", "&User accounts…")),
        roles.USERS,
    )
    window.action_users.triggered.connect(lambda: open_users(window))
    window.action_audit = gate.needs(
        QAction(window, text=QCoreApplication.translate("AccountMenus", "&Audit log…")), roles.AUDIT
    )
    window.action_audit.triggered.connect(lambda: open_audit(window))
    menu.addAction(window.action_users)
    menu.addAction(window.action_audit)
    return menu


def show_menus(window) -> None:
    """Hide a menu of the menu bar that has nothing the role may use (系统 for a viewer),
    show it again when it has (after 切换用户 to an administrator)."""
    for action in window.menuBar().actions():
        if action.menu() is not None:
            action.setVisible(_offers_any(action.menu()))


def _offers_any(menu: QMenu) -> bool:
    """Whether the menu shows an entry; a submenu is shown only if it has one itself."""
    found = False
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            action.setVisible(_offers_any(action.menu()))
        found = found or action.isVisible()
    return found


def open_users(window):
    from desktop.ui.access.users_dialog import UsersDialog

    dialog = UsersDialog(window.worker, window)
    dialog.show()
    return dialog


def open_audit(window):
    from desktop.ui.access.audit_view import AuditDialog

    dialog = AuditDialog(window.worker, window)
    dialog.show()
    return dialog


def change_password(window):
    from desktop.ui.access.login_dialogs import PasswordDialog
    from desktop.ui.shell import session

    ctx = session.logged_in()
    if ctx is None:
        return None
    dialog = PasswordDialog(window.worker, ctx, window)
    dialog.succeeded.connect(
        lambda _: window.statusBar().showMessage(
            QCoreApplication.translate("AccountMenus", "The password was changed."), 5000
        )
    )
    dialog.show()
    return dialog


def who(ctx: Ctx | None) -> str:
    """The status bar's words for the account logged in."""
    if ctx is None:
        return QCoreApplication.translate("AccountMenus", "Not logged in")
    return QCoreApplication.translate("AccountMenus", "User: {user} ({role})").format(
        user=ctx.user, role=roles.name(ctx.role)
    )


class Cover(QWidget):
    """What the window shows in place of its pages while locked or before a login."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.message = style.apply(QLabel(), "heading")
        # by name, not Qt.AlignmentFlag: the cover is built before the window's first paint
        self.message.setProperty("alignment", "AlignCenter")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def say(self, ctx: Ctx | None) -> None:
        if ctx is None:
            self.message.setText(
                QCoreApplication.translate("AccountMenus", "Log in to use BioReserve.")
            )
        else:
            self.message.setText(
                QCoreApplication.translate(
                    "AccountMenus", "Locked. {user} is logged in; type the password to go on."
                ).format(user=ctx.user)
            )
