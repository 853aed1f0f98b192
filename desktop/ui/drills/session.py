"""The drill the window is in: its sandbox is the worker's database.

Twice a second (TICK_MS) the session asks the worker to fire the injects whose moment
has come (injects.tick) and to read what the console shows (injects.console, the expected
actions of evaluation.expected); the result comes back as one snapshot by `updated`. A tick
is not queued while the last one is on its way, so a busy worker never piles them up. The
clock shown between snapshots runs on from the last one (T+ at the drill's speed), so it
moves even while the worker prints a report.

Pausing, resuming, the speed and ending are the live database's business (sandbox.pause …
keep the drill's record there and set the sandbox's clock): the job opens the live
database beside the sandbox for the call. Leaving a running drill stops its clock first —
paused time never counts — and asks the window to open the live database again."""

import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.drills import jobs
from desktop.ui.shell.jobs import Refused, actor, refusable

TICK_MS = 500


def snapshot(db, drill_id: str, ctx=None) -> dict:
    """What the console shows, after firing what is due when ctx is given (worker job)."""
    from desktop.core.drills import evaluation, injects, records

    if ctx is not None:
        injects.tick(db, ctx, drill_id)
    console = injects.console(db, drill_id)
    stamp = time.monotonic()
    return {
        "drill": records.get(db, drill_id),
        "console": console,
        "expected": evaluation.expected(db, drill_id),
        "stamp": stamp,
    }


def opening(db, drill_id: str, ctx) -> dict:
    """The first snapshot, with the live database's path and the agencies' names."""
    from desktop.core import choices
    from desktop.core.drills import records, sandbox

    return {
        **snapshot(db, drill_id),
        "detail": records.detail(db, drill_id, ctx),
        "live_path": str(sandbox.live_path(db)),
        "agencies": choices.load(db, "agencies")["agencies"],
    }


class DrillSession(QObject):
    """Signals:
    ready(object): the first snapshot arrived (with detail, live_path and agencies).
    updated(object): a snapshot: drill, console, expected, stamp.
    clock_moved(float): the drill's time now, in seconds (every tick, between snapshots).
    message(str, str): something to say (text, style role).
    leave_requested(str): open this live database in place of the sandbox.
    """

    ready = Signal(object)
    updated = Signal(object)
    clock_moved = Signal(float)
    message = Signal(str, str)
    leave_requested = Signal(str)

    def __init__(self, worker, drill_id: str, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.drill_id = drill_id
        self.data: dict | None = None
        self.opened: dict | None = None
        self.live_path: str | None = None
        self.ctx = actor()
        self._ticking = False
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        """Read the drill and its console; the clock ticks from then on."""
        ref, ctx = self.drill_id, self.ctx
        self.worker.run(refusable(lambda db: opening(db, ref, ctx)), self._opened, self._failed)

    def _opened(self, result) -> None:
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
            return
        self.opened = result
        self.live_path = result["live_path"]
        self.ready.emit(result)
        self._show(result)
        self.timer.start()

    # the clock -------------------------------------------------------------------------------
    def tick(self) -> None:
        """Fire what is due and read the console again (unless a tick is on its way)."""
        if self.data is not None:
            self.clock_moved.emit(self.sim_now())
        if self._ticking:
            return
        self._ticking = True
        ref, ctx = self.drill_id, self.ctx
        self.worker.run(refusable(lambda db: snapshot(db, ref, ctx)), self._ticked, self._failed)

    def _ticked(self, result) -> None:
        self._ticking = False
        if isinstance(result, Refused):
            self.timer.stop()
            self.message.emit(result.message, "error")
            return
        self._show(result)

    def _failed(self, _error: Exception) -> None:
        self._ticking = False
        self.timer.stop()  # the controller says what went wrong, once

    def _show(self, data: dict) -> None:
        self.data = data
        self.updated.emit(data)
        self.clock_moved.emit(self.sim_now())

    def refresh(self) -> None:
        """Read the console again now (after a write of the console's own)."""
        ref = self.drill_id
        jobs.run(self, lambda db: snapshot(db, ref), self._show)

    @property
    def running(self) -> bool:
        """The drill's clock runs (started, not paused, not ended)."""
        if self.data is None:
            return False
        console = self.data["console"]
        return (
            self.data["drill"]["status"] == "running"
            and console["started"]
            and not console["paused"]
        )

    @property
    def status(self) -> str:
        """The drill's status as shown (records.shown_status): paused when stopped."""
        from desktop.core.drills import records

        return records.shown_status(self.data["drill"]) if self.data else "planned"

    def sim_now(self) -> float:
        """The drill's time now: the last snapshot's, run on at its speed."""
        if self.data is None:
            return 0.0
        console = self.data["console"]
        seconds = console["sim_s"]
        if self.running:
            seconds += (time.monotonic() - self.data["stamp"]) * console["speed"]
        return seconds

    # controlling -----------------------------------------------------------------------------
    def _control(self, call, said: str, then=None) -> None:
        """call(live, ctx, drill_id) on the live database beside the sandbox, then a new
        snapshot; `said` is the message on success. `then` follows, refused or not."""
        if self.live_path is None:
            return
        from pathlib import Path

        path, ref, ctx = Path(self.live_path), self.drill_id, self.ctx

        def job(db):
            from desktop.core.drills import sandbox
            from desktop.core.setup.opening import open_station

            live = open_station(path)
            try:
                call(live, ctx, ref)
            finally:
                live.close()
            sandbox.close_play(db, ref)  # ended: from now on only evaluated here
            return snapshot(db, ref)

        def done(result) -> None:
            self._show(result)
            self.message.emit(said, "ok")
            if then is not None:
                then()

        def refused(text: str) -> None:
            self.message.emit(text, "error")
            if then is not None:
                then()

        jobs.run(self, job, done, refused)

    def pause(self) -> None:
        from desktop.core.drills import sandbox

        self._control(sandbox.pause, self.tr("The drill's clock is stopped."))

    def resume(self) -> None:
        from desktop.core.drills import sandbox

        self._control(sandbox.resume, self.tr("The drill's clock runs again."))

    def set_speed(self, speed: int) -> None:
        from desktop.core.drills import sandbox

        self._control(
            lambda live, ctx, ref: sandbox.set_speed(live, ctx, ref, speed),
            self.tr("The drill runs at ×{speed}.").format(speed=speed),
        )

    def end(self) -> None:
        from desktop.core.drills import sandbox

        self._control(
            sandbox.end,
            self.tr("The drill has ended. Evaluate it, write its report, then close it."),
        )

    def leave(self) -> None:
        """Back to the live database; a running clock is stopped first."""
        if self.live_path is None:
            return
        if self.running:
            from desktop.core.drills import sandbox

            self._control(sandbox.pause, self.tr("The drill's clock is stopped."), self._left)
        else:
            self._left()

    def _left(self) -> None:
        self.timer.stop()
        self.leave_requested.emit(self.live_path)
