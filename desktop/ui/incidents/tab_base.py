"""What every tab of an incident's detail shares: the incident it shows, loading its
contents on the worker when it is on screen (or when next shown), dropping results
that arrived for an incident no longer selected, and how it speaks to the page.

The page watches the tables (widgets/change_watcher.py) and hands the reloaded incident
to its tabs, so a write anywhere — a dialog, another page, a merged bundle — reaches the
tab on screen once."""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.ui.shell.jobs import Refused, refusable


class IncidentTab(QWidget):
    """Base of the detail's tabs: subclasses give `load_job(incident)` (a function of the
    database, or None when the incident's detail is all they show) and `show_data(data)`.

    Signals:
        loaded(object): the tab shows the incident's data (what load_job returned).
        message(str, str): something to say on the page (text, style role).
        dialog_opened(object): a dialog of this tab was opened.
    """

    loaded = Signal(object)
    message = Signal(str, str)
    dialog_opened = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.incident: dict | None = None
        self.data = None
        self.stale = False
        self.pending = False
        self._ticket = 0

    # the incident --------------------------------------------------------------------------
    def set_incident(self, incident: dict | None) -> None:
        """Show this incident (its detail dict), now when on screen, else when shown."""
        if incident is None or self.incident is None or incident["id"] != self.incident["id"]:
            self.data = None
        self.incident = incident
        self.stale = True
        self.update_actions()
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self._ticket += 1
        ticket, incident = self._ticket, self.incident
        if incident is None:
            self.pending = False
            self.data = None
            self.show_data(None)
            self.update_actions()
            return
        job = self.load_job(incident)
        if job is None:
            self._arrived((ticket, None))
            return
        self.pending = True
        self.worker.run(lambda db: (ticket, job(db)), self._arrived)

    def _arrived(self, result) -> None:
        ticket, data = result
        if ticket != self._ticket:
            return  # another incident was chosen meanwhile
        self.pending = False
        self.data = data
        self.show_data(data)
        self.update_actions()
        self.loaded.emit(data)

    def load_job(self, incident: dict) -> Callable | None:
        return None

    def show_data(self, data) -> None:
        raise NotImplementedError

    def update_actions(self) -> None:
        """Enable the tab's buttons for the incident and selection shown."""

    @property
    def closed(self) -> bool:
        return self.incident is None or self.incident["status"] == "closed"

    # acting --------------------------------------------------------------------------------
    def buttons(self, entries, layout: QHBoxLayout | None = None) -> QHBoxLayout:
        """A row of buttons, (key, caption) calling the method `key`; None: a stretch."""
        row = layout or QHBoxLayout()
        self.tab_buttons = getattr(self, "tab_buttons", {})
        for entry in entries:
            if entry is None:
                row.addStretch(1)
                continue
            key, caption = entry
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: getattr(self, k)())
            self.tab_buttons[key] = button
            row.addWidget(button)
        return row

    def open_dialog(self, dialog, summary: Callable[[object], str] | None = None):
        """Open a dialog of this tab; its result is said on the page."""
        if summary is not None:
            dialog.succeeded.connect(lambda result: self.message.emit(summary(result), "ok"))
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def run_write(self, fn: Callable, said: Callable[[object], str]) -> None:
        """A write the tab makes itself; the result (or the refusal) is said on the page.
        The callback is no method of the tab: the change is announced to it too."""
        self.worker.run(refusable(fn), lambda result: self._written(result, said))

    def _written(self, result, said: Callable[[object], str]) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed while the job ran
        if isinstance(result, Refused):
            self.message.emit(result.message, "error")
        else:
            self.message.emit(said(result), "ok")
