"""Who uses the window, from opening a database to quitting: the login (or the first
administrator of a database without accounts), the idle lock and 锁定, 切换用户 and 注销.

The controller hands each window it opens to `begin`. Nobody is logged in until the core
accepts a password on the worker; until then the window's pages are covered. A login
from the environment (BIORESERVE_USER and BIORESERVE_PASSWORD, as the CLI takes them for
scripts) is tried first; `--screenshot` on a demo database logs in as its documented
administrator when none is given. A refusal of either shows the login dialog with it.
"""

import os

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.core.context import Ctx
from desktop.ui.access.idle import IdleWatch
from desktop.ui.shell import session
from desktop.ui.shell.jobs import Refused, refusable


def env_credentials() -> tuple[str, str] | None:
    user, password = os.environ.get("BIORESERVE_USER"), os.environ.get("BIORESERVE_PASSWORD")
    return (user, password) if user and password else None


def _station(details: dict) -> str:
    st = details.get("station") or {}
    return f"{st['name']} ({st['code']})" if st else ""


class LoginFlow(QObject):
    """The controller's gatekeeper (one per program).

    `demo_login`: when no login is in the environment, log in to a demo database as its
    administrator without asking (--screenshot only).
    """

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.demo_login = False
        self.dialog = None  # the login, first-administrator or unlock dialog shown
        self.env_spent = False  # after 注销 or 切换用户 the environment's login is not used
        self.hidden: list = []  # the windows hidden while locked
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock)

    @property
    def window(self):
        return self.controller.window

    @property
    def worker(self):
        return self.controller.worker

    # ------------------------------------------------------------ logging in

    def begin(self, details: dict) -> None:
        """A database was opened in the window: whoever is logged in (entering or leaving a
        drill keeps them: the controller decides) goes on, or someone logs in."""
        if session.logged_in() is not None:
            self.window.set_session(session.logged_in())
            self._watch()
            return
        self.window.set_session(None)
        given = None if self.env_spent else env_credentials()
        if given is None and self.demo_login and details.get("demo"):
            from desktop.core.setup.demo import DEMO_PASSWORD

            given = ("admin", DEMO_PASSWORD)
        if given is not None and details.get("accounts"):
            from desktop.core.access import login

            name, password = given
            job = refusable(lambda db: login.authenticate(db, name, password, via="desktop"))
            self.worker.run(job, lambda result: self._given_answered(result, details))
            return
        self.ask(details)

    def _given_answered(self, result, details: dict) -> None:
        if isinstance(result, Refused):
            self.ask(details, refusal=result.message)
        else:
            self.logged_in(result)

    def ask(self, details: dict | None = None, refusal: str = "", cancel_quits=True) -> None:
        """The login dialog (or the first administrator's when there is no account)."""
        from desktop.ui.access.login_dialogs import FirstAdminDialog, LoginDialog

        details = details or self.window.db_info
        self._close_dialog()
        if details.get("accounts") is False:
            dialog = FirstAdminDialog(self.worker, _station(details), self.window)
        else:
            dialog = LoginDialog(self.worker, _station(details), bool(details.get("demo")),
                                 parent=self.window)  # fmt: skip
        if cancel_quits:  # nobody is logged in: closing it closes the program
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                QCoreApplication.translate("LoginFlow", "Quit")
            )
        if refusal:
            dialog.show_error(refusal)
        dialog.succeeded.connect(self.logged_in)
        dialog.rejected.connect(self._quit if cancel_quits else self._back_to_unlock)
        self._show_dialog(dialog)

    def logged_in(self, ctx: Ctx) -> None:
        before = session.logged_in()
        self.dialog = None
        session.start(ctx)
        if self.window.db_info.get("accounts") is False:
            self.window.db_info["accounts"] = True
        if before is not None and before.actor != ctx.actor:
            # another account: a new window, nothing of the last one's left on screen
            self.controller.rebuild()
            return
        self.window.set_session(ctx)
        self._watch()

    def _watch(self) -> None:
        from desktop.core.access import sessions

        self.worker.run(sessions.idle_minutes, self._idle_minutes)

    def _idle_minutes(self, minutes: int) -> None:
        if session.logged_in() is None:
            return
        if not self.idle_ms_fixed:
            self.idle.set_minutes(minutes)
        self.idle.start()

    idle_ms_fixed = False  # tests set a short interval on the watch and keep it

    def set_idle_ms(self, ms: int) -> None:
        """A fixed idle time (tests), whatever the station's setting."""
        self.idle_ms_fixed = True
        self.idle.set_interval_ms(ms)

    # ------------------------------------------------------------ the lock

    def lock(self, reason: str = "idle") -> None:
        """Cover the window and ask the same account's password (or 切换用户)."""
        ctx = session.logged_in()
        if ctx is None or self.window is None:
            return
        from desktop.core.access import audit
        from desktop.ui.access.login_dialogs import UnlockDialog

        self.idle.stop()
        self.worker.run(lambda db: audit.record(db, ctx.actor, "idle_lock", reason=reason))
        self.window.set_locked(True)
        self._close_dialog()
        self._hide_open_windows()
        dialog = UnlockDialog(self.worker, ctx, self.window)
        dialog.succeeded.connect(self._unlocked)
        dialog.switch_requested.connect(self.switch_user)
        self._show_dialog(dialog)

    def _unlocked(self, _ctx) -> None:
        self.dialog = None
        self.window.set_locked(False)
        for widget in self.hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self.hidden = []
        self.idle.start()

    def _hide_open_windows(self) -> None:
        """The forms and dialogs open over the window are hidden with it while locked (and
        shown again as they were once unlocked)."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self.window and widget is not self.dialog:
                widget.hide()
                self.hidden.append(widget)

    def _back_to_unlock(self) -> None:
        self.dialog = None
        if session.logged_in() is not None:
            self.lock(reason="switch_cancelled")
        else:
            self._quit()

    # ------------------------------------------------------------ 切换用户, 注销

    def switch_user(self) -> None:
        """Another account logs in; cancelled, the window stays locked for this one."""
        if session.logged_in() is None:
            return
        self.idle.stop()
        self.env_spent = True
        self.window.set_locked(True)
        self.ask(cancel_quits=False)

    def logout(self) -> None:
        """注销: the session ends here (audited); the login dialog, or quit if cancelled."""
        ctx = session.logged_in()
        if ctx is None:
            return
        self._record_logout(ctx)
        session.end()
        self.env_spent = True
        self.idle.stop()
        self.controller.rebuild()

    def _record_logout(self, ctx: Ctx) -> None:
        from desktop.core.access import audit

        self.worker.run(lambda db: audit.record(db, ctx.actor, "logout", via="desktop"))

    def quit_recorded(self) -> None:
        """The program closes: a logout is recorded for whoever was logged in."""
        ctx = session.logged_in()
        if ctx is not None and self.worker is not None:
            self._record_logout(ctx)
        session.end()
        self.idle.stop()

    # ------------------------------------------------------------ dialogs

    def _show_dialog(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()  # window-modal; never a nested event loop

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.blockSignals(True)
            dialog.done(0)  # not close(): the unlock dialog refuses to be closed
            dialog.deleteLater()

    def _quit(self) -> None:
        self.dialog = None
        self.controller.app.exit(0)
