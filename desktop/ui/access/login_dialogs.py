"""Logging in at the window: 登录 (name and password; a demo database names its demo
logins), the first administrator of a real database that has no account yet, 解锁 after
the idle lock (the same account's password, or 切换用户), and 修改密码.

Each asks the core on the worker; its refusals (a wrong password, a lockout with its
time, a password too weak) are shown as the core words them, in red under the form.
"""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog

MAX_TYPED = 256  # the core refuses a longer password; the field takes no more


def _line(secret: bool = False, text: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setMaxLength(MAX_TYPED)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def fit(dialog) -> None:
    """As tall as the form needs at its width: wrapped notes are measured at the dialog's
    minimum width, not at the narrower width of its size hint."""
    width = max(dialog.minimumWidth(), dialog.sizeHint().width())
    dialog.resize(width, dialog.layout().totalHeightForWidth(width))


def grow(dialog) -> None:
    """Taller if the form needs it at the dialog's width now (a refusal shown under it),
    so that no wrapped note is squeezed; never narrower or shorter."""
    width = dialog.width()
    needed = dialog.layout().totalHeightForWidth(width)
    if needed > dialog.height():
        dialog.resize(width, needed)


class _AccountForm(FormDialog):
    """The account dialogs: a refusal (a lockout with its time) grows the dialog."""

    def show_error(self, message: str, field: str | None = None) -> None:
        super().show_error(message, field)
        grow(self)


def _note(text: str) -> QLabel:
    label = style.apply(QLabel(text), "muted")
    label.setWordWrap(True)
    return label


class LoginDialog(_AccountForm):
    """登录: succeeded(Ctx) once the core accepts the name and password.

    Closing it is the caller's business (at start-up it quits the program)."""

    def __init__(self, worker, station: str = "", demo: bool = False, name: str = "",
                 parent=None):  # fmt: skip
        super().__init__(worker, self.tr("Log in — BioReserve"), parent)
        self.setObjectName("loginDialog")
        if station:
            self.form.addRow(_note(self.tr("Station: {station}").format(station=station)))
        self.name = _line(text=name)
        self.password = _line(secret=True)
        self.form.addRow(self.tr("Account name"), self.name)
        self.form.addRow(self.tr("Password"), self.password)
        self.fields.update({"name": self.name, "password": self.password})
        self.hint = None
        if demo:
            from desktop.core.setup.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

            names = " / ".join(account[0] for account in DEMO_ACCOUNTS)
            self.hint = style.apply(
                QLabel(
                    self.tr(
                        "Demonstration database: log in as {names} with the password "
                        "{password} (one account per role)."
                    ).format(names=names, password=DEMO_PASSWORD)
                ),
                "banner",
            )
            self.hint.setObjectName("demoLoginHint")
            self.hint.setWordWrap(True)
            self.form.addRow(self.hint)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        (self.password if name else self.name).setFocus()
        fit(self)

    def job(self):
        from desktop.core.access import login

        name, password = self.name.text().strip(), self.password.text()
        if not name:
            raise _Missing(self.tr("Give the account name."), "name")
        self.password.clear()  # never kept in the form after it was sent
        return lambda db: login.authenticate(db, name, password, via="desktop")


class _Missing(BioError):
    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class FirstAdminDialog(_AccountForm):
    """A real database with no account yet: its administrator (name, password twice).
    succeeded(Ctx): the account was made and is logged in."""

    def __init__(self, worker, station: str = "", parent=None):
        super().__init__(worker, self.tr("Create the administrator — BioReserve"), parent)
        self.setObjectName("firstAdminDialog")
        intro = self.tr(
            "This database has no user accounts yet. Create its administrator: the account "
            "that adds the others (用户管理) and sets their roles."
        )
        if station:
            intro += "\n" + self.tr("Station: {station}").format(station=station)
        self.form.addRow(_note(intro))
        self.name = _line(text="admin")
        self.full_name = _line()
        self.full_name.setMaxLength(100)
        self.password = _line(secret=True)
        self.again = _line(secret=True)
        self.form.addRow(self.tr("Account name"), self.name)
        self.form.addRow(self.tr("Full name"), self.full_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.form.addRow(
            _note(
                self.tr(
                    "At least 8 characters, of at least two kinds (letters, digits, other "
                    "characters), not the account's name."
                )
            )
        )
        self.fields.update({"name": self.name, "password": self.password, "again": self.again})
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create and log in")
        )
        self.password.setFocus()
        fit(self)

    def job(self):
        from desktop.core.access import accounts, login

        name, full_name = self.name.text().strip(), self.full_name.text()
        password = same_twice(self.password, self.again)

        def make(db) -> Ctx:
            accounts.add(db, None, name, "admin", password, full_name=full_name)
            return login.authenticate(db, name, password, via="desktop")

        return make


def same_twice(first: QLineEdit, second: QLineEdit) -> str:
    """The new password typed twice, or a refusal naming the second field."""
    if first.text() != second.text():
        raise _Missing(
            QCoreApplication.translate(
                "LoginDialogs", "The two passwords are not the same: type the new password twice."
            ),
            "again",
        )
    return first.text()


class UnlockDialog(_AccountForm):
    """The window locked after the idle time (or 锁定): the same account's password
    unlocks it; a wrong one counts towards the lockout like a failed login.

    Signals:
        succeeded(Ctx): unlocked.
        switch_requested(): 切换用户 (another account logs in instead).
    """

    switch_requested = Signal()

    def __init__(self, worker, ctx: Ctx, parent=None):
        super().__init__(worker, self.tr("Locked — BioReserve"), parent)
        self.setObjectName("unlockDialog")
        self.ctx = ctx
        self.form.addRow(
            _note(
                self.tr(
                    "The window is locked. {user} is logged in: type the password to go on."
                ).format(user=ctx.user)
            )
        )
        self.password = _line(secret=True)
        self.form.addRow(self.tr("Password"), self.password)
        self.fields["password"] = self.password
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Unlock"))
        self.buttons.removeButton(self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.switch_button = QPushButton(self.tr("Switch user…"))
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self._switch)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.password.setFocus()
        fit(self)

    def job(self):
        from desktop.core.access import audit, login

        ctx, password = self.ctx, self.password.text()
        self.password.clear()

        def unlock(db) -> Ctx:
            # login.check_password, with the core's words for a refusal (a lockout's time)
            found = login.authenticate(db, ctx.user, password, via="unlock")
            audit.record(db, ctx.actor, "unlock", via="desktop")
            return found

        return unlock

    def reject(self) -> None:
        """Escape or the close button: the window stays locked."""

    def _switch(self) -> None:
        self.done(2)
        self.switch_requested.emit()


class PasswordDialog(_AccountForm):
    """修改密码: the logged-in account's own password (the current one, the new twice)."""

    def __init__(self, worker, ctx: Ctx, parent=None):
        super().__init__(worker, self.tr("Change password"), parent)
        self.setObjectName("passwordDialog")
        self.ctx = ctx
        self.old = _line(secret=True)
        self.password = _line(secret=True)
        self.again = _line(secret=True)
        self.form.addRow(_note(self.tr("Account: {user}").format(user=ctx.user)))
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("New password again"), self.again)
        self.fields.update({"old": self.old, "password": self.password, "again": self.again})
        self.old.setFocus()

    def job(self):
        from desktop.core.access import accounts

        ctx, old = self.ctx, self.old.text()
        new = same_twice(self.password, self.again)
        return lambda db: accounts.set_password(db, ctx, ctx.user, new, old=old)
