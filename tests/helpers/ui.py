"""Waiting in UI tests: for a signal, or for the worker to have nothing left to do —
never for a fixed time."""

TIMEOUT = 5000  # ms: a signal that takes longer has gone missing


def wait_idle(qtbot, worker, timeout: int = TIMEOUT) -> None:
    """Until every job queued on the worker has run and its result was delivered (then
    "nothing happened" can be asserted)."""
    if worker.busy:
        with qtbot.waitSignal(worker.idle, timeout=timeout):
            pass
