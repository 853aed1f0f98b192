"""Starting the desktop app: settings, language, database, main window.

The controller owns the one worker and the window; opening another database
or switching language rebuilds the window over the new state.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication  # dialogs: imported where used (their enums)

from desktop import APP_NAME
from desktop.core import i18n, paths
from desktop.core.errors import BioError
from desktop.ui.shell import session, translations
from desktop.ui.shell import settings as opts
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.worker import DbWorker

if TYPE_CHECKING:  # imported where used: not on the way to the first frame
    from desktop.ui.access.login_flow import LoginFlow
    from desktop.ui.shell.daily_backup import DailyBackup


def __getattr__(name: str):
    """desktop.ui.shell.app.QMessageBox / QFileDialog for callers and tests (imported late)."""
    if name in ("QMessageBox", "QFileDialog"):
        from PySide6 import QtWidgets

        return getattr(QtWidgets, name)
    raise AttributeError(name)


def _identity(db) -> dict:
    """A worker job: what the window shows of the database, and whether it has accounts
    yet (none: its administrator is made first). Core imported off start-up."""
    from desktop.core.access import accounts
    from desktop.core.store import info

    details = info.identity(db)
    details["accounts"] = details["station"] is not None and accounts.has_accounts(db)
    return details


def open_for_window(path):
    """The worker's opening of the window's database: a station without the day's backup,
    which is made once someone has logged in, beside the worker (daily_backup.py). An ended
    drill's sandbox is opened to evaluate the drill: nothing more is played in it."""
    from desktop.core.setup.opening import open_station
    from desktop.core.store import info

    db = open_station(path, daily=False)
    drill = info.drill_of(db)
    if drill is not None:
        from desktop.core.drills import sandbox

        sandbox.close_play(db, drill)
    return db


USAGE = "bioreserve-gui [--db FILE] [--lang en|zh_CN] [--screenshot FILE] [--exit-when-shown]"


def _refuse(message: str) -> None:
    """A wrong argument: one message in the user's language, exit 1 (not argparse's 2)."""
    sys.stderr.write(message + "\n")
    sys.exit(1)


# the options of plain form read without argparse (see _plain_args), with their types
_VALUED = {"--db": Path, "--lang": str, "--screenshot": Path}
_FLAGS = ("--exit-when-shown",)


def _plain_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when each is exactly one of the options, a valued one followed by a
    value (`--db FILE`, `--db=FILE`): what a start from the menu, a script or the bench
    gives. None for anything else — help, an abbreviation, a missing value, an unknown
    argument —, which argparse reads (and refuses) as before: making its parser costs
    ~3 ms on the way to the first frame (gettext's catalogue look-ups)."""
    found: dict = {"db": None, "lang": None, "screenshot": None, "exit_when_shown": False}
    it = iter(argv)
    for arg in it:
        name, equals, value = arg.partition("=")
        if name in _VALUED:
            if not equals:
                value = next(it, None)
                if value is None or value.startswith("-"):
                    return None
            found[name[2:]] = _VALUED[name](value)
        elif arg in _FLAGS:
            found["exit_when_shown"] = True
        else:
            return None
    return argparse.Namespace(**found)


def parse_args(argv: list[str]) -> argparse.Namespace:
    from desktop.core import arguments  # core messages: the window's translator is not yet

    plain = _plain_args(argv)
    if plain is not None:
        refused = None if plain.lang is None else arguments.language_refused(plain.lang)
        if refused:
            _refuse(refused)
        return plain

    parser = argparse.ArgumentParser(prog="bioreserve-gui", exit_on_error=False)
    parser.add_argument("--db", type=Path, help="database file")
    parser.add_argument("--lang", help="interface language: zh_CN or en")
    parser.add_argument(
        "--screenshot",
        type=Path,
        help="save the window as PNG once loaded, then quit (logged in as BIORESERVE_USER "
        "with BIORESERVE_PASSWORD, or on a demo database as its administrator)",
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="print 'shown' once the window is shown, 'login' once someone can log in (the "
        "login dialog open, or BIORESERVE_USER logged in), then quit (bench)",
    )
    try:
        args, extra = parser.parse_known_args(argv)
    except argparse.ArgumentError as exc:
        if exc.argument_name == "--lang":
            _refuse(arguments.language_refused(None) or "")
        _refuse(arguments.value_missing(exc.argument_name or "?"))
    if extra:
        _refuse(arguments.unknown(extra, USAGE))
    refused = None if args.lang is None else arguments.language_refused(args.lang)
    if refused:
        _refuse(refused)
    return args


class Controller:
    def __init__(self, app: QApplication, settings: opts.Settings):
        self.app = app
        self.settings = settings
        self.window: MainWindow | None = None
        self.worker: DbWorker | None = None
        self.language = settings.get(opts.LANGUAGE)
        self._login: LoginFlow | None = None  # made when first needed (after the first paint)
        self.live_path: Path | None = None  # the live database of the window's (drills)
        self.daily: DailyBackup | None = None  # the day's backup being made after a login
        self._daily_done: set[tuple[str, object]] = set()  # (database, day) settled
        # called once someone can log in at start-up: the login dialog is open, or the
        # environment's login was accepted (--exit-when-shown: the bench's second figure)
        self.login_ready: Callable[[], None] | None = None

    @property
    def login(self) -> LoginFlow:
        """Who uses the window: the login, the idle lock, 切换用户 (one per program)."""
        if self._login is None:
            from desktop.ui.access.login_flow import LoginFlow

            self._login = LoginFlow(self)
        return self._login

    def start(self, path: Path) -> None:
        """Start-up: show the window at once and let the worker open the database (and
        upgrade its schema if need be); its identity (demo marker, station) fills in
        when known. If it cannot be opened: the message, then a file dialog (quit if
        none is chosen)."""
        worker = DbWorker(path, start=False, opener=open_for_window)  # once painted
        worker.run(_identity, self._started, self._start_failed)  # first in the queue
        provisional = {"path": str(path), "schema_version": None, "demo": False, "station": None}
        self.live_path = path
        self._show(path, provisional, worker, report_failures=False)
        self.window.pages_held = True  # built once someone can log in (_started)
        self.window.first_painted.connect(worker.start)
        QTimer.singleShot(500, worker.start)  # in case no frame is ever painted

    def _started(self, details: dict) -> None:
        self.worker.failed.connect(self._job_failed)
        if not details.get("drill"):  # a drill's sandbox is never the one opened at start
            self.settings.set(opts.LAST_DATABASE, details["path"])
        self.window.set_db_info(details)
        ready, self.login_ready = self.login_ready, None
        if ready is not None:
            self.window.session_started.connect(lambda _ctx: ready())
        self.login.begin(details)
        dialog = self.login.dialog
        if dialog is None:  # a login from the environment, checked on the worker
            self.window.release_pages()
            return
        if ready is not None:  # the dialog is open
            ready()
        # the pages under the cover are built once the dialog is painted
        after_paint(dialog, self.window.release_pages)

    def _start_failed(self, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.shell import backup_dialog

        self.window.release_pages()

        if backup_dialog.can_restore(error):  # a damaged database: its newest good backup
            # restored by an account of that backup, else another file is chosen
            backup_dialog.offer_restore(self, error, otherwise=self.choose_another)
            return
        if isinstance(error, BioError):
            QMessageBox.warning(self.window, APP_NAME, str(error))
        else:
            report_unexpected(error, self.window)
        self.choose_another()

    def choose_another(self) -> None:
        """The database given at start-up did not open: choose another (quit if none)."""
        from PySide6.QtWidgets import QFileDialog

        self.worker.close()  # drops the results of the jobs queued behind it
        path = Path(self.window.db_info["path"])
        while True:
            chosen, _ = QFileDialog.getOpenFileName(
                None, QApplication.translate("App", "Open database"), str(path.parent)
            )
            if not chosen:
                self.app.exit(1)
                return
            path = Path(chosen)
            if self.open(path):
                return

    def open(self, path: Path, create_demo: bool = False) -> bool:
        """Open (or on first run create) a database and show it; False if it failed."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.core.setup.opening import open_station

        try:
            if create_demo and not path.exists():
                from desktop.core.setup import initdb  # first run only: keep start-up light

                initdb.init_database(path, with_demo=True).conn.close()
            db = open_station(path, daily=False)  # the day's backup: after the login
            details = _identity(db)
            remembered = path
            if details["drill"]:  # the next start opens the live database, not the drill
                from desktop.core.drills import sandbox

                try:
                    remembered = sandbox.live_path(db)
                except BioError:  # a sandbox moved away from its live database
                    remembered = path
            db.conn.close()
        except BioError as exc:
            QMessageBox.warning(self.window, APP_NAME, str(exc))
            return False
        self.settings.set(opts.LAST_DATABASE, str(remembered))
        if self.live_path is None or remembered.resolve() != self.live_path.resolve():
            self.login.quit_recorded()  # another station: its own accounts, a new login
        self.live_path = remembered  # entering or leaving a drill keeps who is logged in
        self._show(path, details)
        self.login.begin(details)
        return True

    def _show(
        self, path: Path, details: dict, worker: DbWorker | None = None, report_failures=True
    ) -> None:
        old_window, old_worker = self.window, self.worker
        self.worker = worker or DbWorker(path, opener=open_for_window)
        if report_failures:
            self.worker.failed.connect(self._job_failed)
        self.window = MainWindow(self.worker, details, self.language)
        self.window.open_requested.connect(lambda p: self.open(Path(p)))
        self.window.new_requested.connect(self.create)
        self.window.language_requested.connect(self.set_language)
        self.window.switch_requested.connect(lambda: self.login.switch_user())
        self.window.logout_requested.connect(lambda: self.login.logout())
        self.window.lock_requested.connect(lambda: self.login.lock("manual"))
        self.window.restore_requested.connect(self._restore_from)
        self.window.session_started.connect(lambda _ctx: self.start_daily_backup())
        if old_window is not None:
            self.window.setGeometry(old_window.geometry())
            old_window.close()
            old_window.deleteLater()
        if old_worker is not None:
            old_worker.close()
        self.window.show()

    def _restore_from(self, path: str) -> None:
        from desktop.ui.shell import backup_dialog

        backup_dialog.restore_from(self, Path(path))

    def reopen(self) -> None:
        self.open(Path(self.window.db_info["path"]))

    def rebuild(self) -> None:
        """A new window over the same database (another account logged in, or nobody)."""
        details = dict(self.window.db_info)
        self._show(Path(details["path"]), details)
        self.login.begin(details)

    def create(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        folder = str(paths.user_data_dir() / "station.db")
        from desktop.ui.shell.new_database_dialog import NewDatabaseDialog

        dialog = NewDatabaseDialog(folder, self.window)
        if not dialog.exec():
            return
        path, code, name, demo = dialog.values()
        from desktop.core.setup import initdb

        try:
            initdb.init_database(Path(path), code, name, with_demo=demo).conn.close()
        except BioError as exc:
            QMessageBox.warning(self.window, APP_NAME, str(exc))
            return
        self.open(Path(path))

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self.settings.set(opts.LANGUAGE, language)
        translations.install(self.app, language)
        self.reopen()

    def _job_failed(self, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(error, BioError):
            QMessageBox.warning(self.window, APP_NAME, str(error))
        else:
            report_unexpected(error, self.window)

    # ------------------------------------------------------------ the day's backup

    def start_daily_backup(self) -> None:
        """Someone logged in: the day's backup of the window's database, if it is still to
        make, on a thread of its own (the window and its worker go on meanwhile)."""
        from datetime import date

        from desktop.ui.shell.daily_backup import DailyBackup

        path = Path(self.window.db_info["path"])
        if (str(path), date.today()) in self._daily_done:
            return
        if self.daily is not None:
            if self.daily.running and self.daily.path == path:
                return
            self.daily.stop()  # another database's: given up, tried again at its next login
        daily = self.daily = DailyBackup(path)
        daily.settled.connect(lambda made, error: self._daily_settled(daily, made, error))
        daily.start()

    def stop_daily_backup(self) -> None:
        """Before the database is closed or replaced: the backup being made is given up."""
        if self.daily is not None:
            self.daily.stop()

    def when_daily_settled(self, then: Callable[[], None]) -> None:
        """`then` once the day's backup being made is done or failed (at once when none is)."""
        daily = self.daily
        if daily is None or not daily.running:
            then()
        else:
            daily.settled.connect(lambda *_: then())

    def _daily_settled(self, daily: DailyBackup, made, error) -> None:
        from datetime import date

        from desktop.ui.shell.daily_backup import announce

        if error is None:
            self._daily_done.add((str(daily.path), date.today()))
        if self.window is not None:
            announce(self.window, made, error)

    def close(self) -> None:
        self.stop_daily_backup()  # before the worker: a half copy is deleted, never kept
        if self.worker is not None:
            self.login.quit_recorded()
            self.worker.close()


class _AfterPaint(QObject):
    """Calls `then` once `widget` has painted its first frame (then forgets it)."""

    def __init__(self, widget, then: Callable[[], None]):
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def after_paint(widget, then: Callable[[], None]) -> None:
    _AfterPaint(widget, then)


def report_unexpected(exc: BaseException, parent=None) -> None:
    """A plain message naming the log file instead of a traceback dialog."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.crashlog import report_unexpected as describe

    QMessageBox.critical(parent, APP_NAME, describe(exc))


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(opts.ORGANIZATION)
    app.setApplicationName(opts.APPLICATION)
    settings = opts.Settings()
    chosen = args.lang or os.environ.get("BIORESERVE_LANG") or settings.get(opts.LANGUAGE)
    language = i18n.normalize(chosen)
    translations.install(app, language)
    controller = Controller(app, settings)
    controller.language = language
    # --screenshot renders the window unattended: on a demo database without a login in the
    # environment, its documented administrator's
    if args.screenshot:
        controller.login.demo_login = True

    sys.excepthook = lambda kind, exc, tb: report_unexpected(exc, controller.window)

    last = settings.get(opts.LAST_DATABASE)
    path = args.db or (Path(last) if last and Path(last).exists() else paths.default_db_path())
    first_run = args.db is None and not path.exists()
    if first_run:  # creates the database with demo data, before the window
        from PySide6.QtWidgets import QFileDialog

        while not controller.open(path, create_demo=first_run):
            chosen, _ = QFileDialog.getOpenFileName(
                None, QApplication.translate("App", "Open database"), str(path.parent)
            )
            if not chosen:
                return 1
            path, first_run = Path(chosen), False
    else:
        controller.start(path)

    if args.exit_when_shown:
        QTimer.singleShot(0, lambda: print("shown", flush=True))

        def ready() -> None:
            print("login", flush=True)
            if session.logged_in() is None:
                app.quit()
            else:  # someone logged in (the bench's first start of a day): its backup too
                controller.when_daily_settled(lambda: (print("backup", flush=True), app.quit()))

        controller.login_ready = ready
        QTimer.singleShot(60_000, app.quit)  # never opened (a damaged file): the bench fails
    elif args.screenshot:
        # the shot once someone is logged in (BIORESERVE_USER and BIORESERVE_PASSWORD, or a
        # demo database's administrator) and every part of 总览 has loaded: its figures,
        # incidents and monitoring
        overview = controller.window.overview
        waiting = {"figures", "incidents", "monitoring", "session"}
        if session.logged_in() is not None:
            waiting.discard("session")
        controller.window.session_started.connect(lambda _ctx: part_loaded("session"))

        def part_loaded(part: str) -> None:
            waiting.discard(part)
            if not waiting:
                controller.window.grab().save(str(args.screenshot))
                app.quit()

        overview.loaded.connect(lambda _data: part_loaded("figures"))
        overview.incidents_loaded.connect(lambda _data: part_loaded("incidents"))
        overview.monitoring_loaded.connect(lambda _data: part_loaded("monitoring"))
        # a part that fails says so on the page: the shot is taken all the same
        QTimer.singleShot(15_000, lambda: [part_loaded(p) for p in list(waiting)])
    code = app.exec()
    controller.close()
    return code


def run() -> None:
    """Entry point of the `bioreserve-gui` script."""
    sys.exit(main(sys.argv[1:]))
