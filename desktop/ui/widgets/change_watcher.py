"""Keeping a page, tab or dialog up to date from the worker's one change signal.

The worker announces the tables each job wrote (DbWorker.data_changed), whoever wrote them:
this window's forms, an import, a merged bundle, a settled conflict. A widget that shows
some of those tables refreshes itself — at once when it is on screen, else the next time
it is shown — so no page ever calls another page's refresh. Several announcements in one
turn of the event loop give one refresh. A widget that is not inside a window on screen
(one made by a test, say) refreshes at once.

A widget that receives the result of its own write — in its own method, or in its model's —
refreshes what it needs there (it knows what to keep selected and where the cursor is), so
its watcher leaves that announcement to it. Writes made by its dialogs are announced to it
like any other.
"""

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Tables the stock figures depend on (balances, usable stock, reservations, transfers).
STOCK = frozenset(
    {"stock_move", "lot", "item", "depot", "norm", "transfer", "alloc_order", "order_pick"}
)
CATALOG = frozenset({"item", "category", "unit"})
DEPOTS = frozenset({"depot", "division", "agency"})
ORDERS = frozenset({"alloc_order", "order_line", "order_pick", "transfer"}) | STOCK
ROSTER = frozenset({"expert", "expert_qualification", "specialty", "division", "agency"})
PLAYBOOKS = frozenset(
    {"playbook", "playbook_phase", "playbook_task", "playbook_factor", "agency", "specialty"}
)
# An incident and everything recorded in it; its needs also move with the stock and its
# orders (NEEDS), its expert suggestions with the roster.
INCIDENTS = frozenset(
    {
        "incident",
        "incident_grade",
        "incident_playbook",
        "incident_task",
        "incident_need",
        "incident_report",
        "incident_log",
        "incident_expert",
    }
)
NEEDS = INCIDENTS | STOCK | ORDERS


class ChangeWatcher(QObject):
    """Calls `refresh()` when the worker announces a change to one of `tables` (None: any
    table), now if `widget` is visible (or `hidden_too`: it feeds something always on
    screen, such as a count in a tab's caption), else when it is next shown."""

    def __init__(
        self,
        widget,
        worker,
        tables: Iterable[str] | None,
        refresh: Callable[[], None],
        hidden_too: bool = False,
    ):
        super().__init__(widget)
        self.widget = widget
        self.hidden_too = hidden_too
        self.tables = None if tables is None else frozenset(tables)
        self.refresh = refresh
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)
        worker.data_changed.connect(self._changed)
        widget.installEventFilter(self)

    def concerns(self, tables: frozenset) -> bool:
        return self.tables is None or bool(self.tables & tables)

    def _changed(self, tables: frozenset, source) -> None:
        if not self.concerns(tables) or self._own(source):
            return
        widget = self.widget
        if self.hidden_too or widget.isVisible() or not widget.window().isVisible():
            self._timer.start()
        else:
            self.stale = True  # in a page or tab not shown: refresh when it is

    def _own(self, source) -> bool:
        """The widget made the write itself, or through its model (not through a dialog)."""
        if source is None:
            return False
        if source is self.widget:
            return True
        return not isinstance(source, QWidget) and source.parent() is self.widget

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start()
        return False

    def _run(self) -> None:
        from desktop.ui.shell import session

        if session.logged_in() is None:  # logged out meanwhile: refreshed at the next login
            return
        self.stale = False
        self.refresh()


def watch(
    widget,
    worker,
    tables: Iterable[str] | None,
    refresh: Callable[[], None] | None = None,
    hidden_too: bool = False,
):
    """Keep `widget` up to date with `tables` (see ChangeWatcher); refresh defaults to
    widget.refresh. Returns the watcher (it lives as long as the widget)."""
    return ChangeWatcher(widget, worker, tables, refresh or widget.refresh, hidden_too)
