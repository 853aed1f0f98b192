"""The idle lock's clock: no key pressed and no mouse used anywhere in the program for
the station's idle time (sessions.idle_minutes, set in 用户管理) → `idle` is emitted once;
the controller then locks the window.

An application event filter notes the time of the last input (a number set, nothing
more, for each event); one timer, due when the idle time would be up, looks at it then
and is set again for the rest when there was input since.
"""

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatch(QObject):
    """Signals:
    idle(): no input for the interval since the watch started or the last input.
    """

    idle = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.interval_ms = 15 * 60_000
        self._last = time.monotonic()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(int(minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self.interval_ms = max(1, int(ms))
        if self._running:
            self.start()

    def start(self) -> None:
        """Watch from now (after a login or an unlock)."""
        if not self._running:
            QCoreApplication.instance().installEventFilter(self)
            self._running = True
        self._last = time.monotonic()
        self._timer.start(self.interval_ms)

    def stop(self) -> None:
        """While locked or logged out: nothing to watch."""
        if self._running:
            QCoreApplication.instance().removeEventFilter(self)
            self._running = False
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._running

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if not self._running:
            return
        left = self.interval_ms - (time.monotonic() - self._last) * 1000
        if left > 0:
            self._timer.start(int(left) + 1)
            return
        self.stop()
        self.idle.emit()
