"""Waiting in UI tests: for a signal, or for the worker to have nothing left to do —
never for a fixed time."""

TIMEOUT = 5000  # ms: a signal that takes longer has gone missing


def wait_idle(qtbot, worker, timeout: int = TIMEOUT) -> None:
    """Until every job queued on the worker has run and its result was delivered (then
    "nothing happened" can be asserted)."""
    if worker.busy:
        with qtbot.waitSignal(worker.idle, timeout=timeout):
            pass


# ---------------------------------------------------------------- the 事件 page


def open_incidents(qtbot, worker, size=(1366, 768)):
    """The 事件 page, shown and listed, as a user opens it (everything loaded)."""
    from desktop.ui.incidents.page import IncidentsPage

    page = IncidentsPage(worker)
    qtbot.addWidget(page)
    page.resize(*size)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    wait_idle(qtbot, worker)
    return page


def choose_incident(qtbot, page, ref: str) -> dict:
    """Choose an incident (id or number) in the list and wait for its detail."""
    current = page.current
    if current is not None and ref in (current["id"], current["number"]):
        if page.detail_pending:
            qtbot.waitUntil(lambda: not page.detail_pending, timeout=TIMEOUT)
        return page.current
    with qtbot.waitSignal(
        page.detail_loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda d: bool(d) and ref in (d["id"], d["number"]),
    ):
        assert page.select(ref), ref
    return page.current


def show_tab(qtbot, page, key: str):
    """Show a tab of the incident's detail and wait until it shows the incident."""
    tab = page.detail.tab(key)
    if tab.stale or tab.pending:
        with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
            page.detail.show_tab(key)
    else:
        page.detail.show_tab(key)
    return tab


def opened(qtbot, source, open_it):
    """The dialog `open_it()` opens (announced by source.dialog_opened)."""
    with qtbot.waitSignal(source.dialog_opened, timeout=TIMEOUT) as blocker:
        open_it()
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    return dialog
