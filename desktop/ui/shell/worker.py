"""One background worker for database work (Anki's taskman, in small).

Jobs run one at a time on a single thread that owns its own connection to the
database; results come back to the GUI thread by signal. A job function
receives the worker's database and must not touch widgets.

After a job, the worker announces the tables its committed transactions wrote
(`data_changed`), whatever wrote them: a form, an import, a merge, a settlement. Pages and
dialogs refresh themselves from that one signal (widgets/change_watcher.py), the way
Anki's operations announce their changes; no page refreshes another.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # imported by start(): `queue` takes ~3 ms, before the first frame
    import queue

_STOP = object()


class DbWorker(QObject):
    """Runs `fn(db)` off the GUI thread and hands the result back on it.

    Signals:
        finished(int): a job's callback has run on the GUI thread (its id).
        failed(object): a job raised; carries the exception (also given to on_error).
        idle(): every job queued so far has run and its result was delivered.
        data_changed(frozenset, object): a job wrote these tables; the object is the
            widget whose method received the job's result (it has refreshed itself), or None.
    """

    finished = Signal(int)
    failed = Signal(object)
    idle = Signal()
    data_changed = Signal(frozenset, object)
    # job id, callback, result, error, tables written
    _delivered = Signal(int, object, object, object, object)

    def __init__(self, db_path, parent=None, start: bool = True, opener: Callable | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.opener = opener  # opener(path) → Database; None: a station (open_station)
        # the jobs' queue, made when the thread starts; jobs run() before wait in _early
        self._jobs: queue.SimpleQueue | None = None
        self._early: list[tuple] = []
        self._ids = itertools.count(1)
        self._closed = False
        self._pending = 0  # jobs queued and not yet delivered (counted on the GUI thread)
        self._delivered.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="bioreserve-db", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Start running jobs (once). Start-up makes the worker with start=False and starts
        it after the window's first paint: the thread's imports and opening the database
        would otherwise hold Python's GIL while the window is being built."""
        if self._thread.ident is None and not self._closed:
            import queue

            self._jobs = queue.SimpleQueue()
            for item in self._early:  # in the order they were asked for
                self._jobs.put(item)
            self._early.clear()
            self._thread.start()

    def run(
        self,
        fn: Callable,
        on_success: Callable | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        job = next(self._ids)
        self._pending += 1
        if self._jobs is None:  # not started yet (start-up: until the first paint)
            self._early.append((job, fn, on_success, on_error))
        else:
            self._jobs.put((job, fn, on_success, on_error))
        return job

    @property
    def busy(self) -> bool:
        """Jobs are queued or running, or their results are on their way."""
        return self._pending > 0

    def _loop(self) -> None:
        # imported here, on the worker's thread: off the window's start-up path
        from desktop.core.setup.opening import open_station
        from desktop.core.store.writepath import take_changes

        opener = self.opener or open_station
        jobs = self._jobs
        assert jobs is not None  # made by start()
        db = None
        while (item := jobs.get()) is not _STOP:
            job, fn, on_success, on_error = item
            changed = frozenset()
            try:
                if db is None:
                    db = opener(self.db_path)
                try:
                    result = fn(db)
                finally:
                    changed = take_changes(db)
            except Exception as exc:
                self._delivered.emit(job, on_error, None, exc, changed)
            else:
                self._delivered.emit(job, on_success, result, None, changed)
        if db is not None:
            db.close()

    def _deliver(self, job: int, callback, result, error, changed: frozenset) -> None:
        self._pending -= 1
        if self._closed:
            return  # the window that asked is gone
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            callback = owner = None  # its widget was deleted while the job ran
        if error is not None:
            self.failed.emit(error)
            if callback is not None:
                callback(error)
        elif callback is not None:
            callback(result)
        self.finished.emit(job)
        if changed:
            self.data_changed.emit(changed, owner if isinstance(owner, QObject) else None)
        if self._pending == 0:
            self.idle.emit()

    def close(self) -> None:
        """Finish queued jobs, drop their results, close the worker's connection."""
        self._closed = True
        if self._thread.ident is None:
            return  # never started: nothing ran
        assert self._jobs is not None
        self._jobs.put(_STOP)
        self._thread.join()
