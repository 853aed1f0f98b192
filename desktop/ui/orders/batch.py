"""批量打印: the selected orders in one PDF (render_many on the worker) with a progress
dialog whose Cancel stops it and leaves no file; then printed through QPrintDialog, or
left at the path chosen for an export.

Progress comes from the worker by a queued signal. A window-modal progress dialog
processes events when its value is set, so the end of the job may arrive while a
progress update is still on the stack: it is handled once that update returns.
"""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from desktop.core.errors import BioError
from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets.printing import unexpected, write_failure


class Cancelled(BioError):
    """Batch printing was cancelled; render_many leaves no file."""


class BatchJob(QObject):
    """One batch of orders, rendered and then printed or exported.

    Signals:
        progressed(int, int): orders rendered so far, of how many (relayed from the worker).
        finished(object): the RenderResult, Refused, or None when cancelled.
    """

    progressed = Signal(int, int)
    finished = Signal(object)

    def __init__(self, owner, numbers: list[str], copies: int, path: Path, to_printer: bool):
        super().__init__(owner)
        self.owner = owner  # the OrderPrinter (orders/printer.py)
        self.numbers = numbers
        self.copies = copies
        self.path = Path(path)
        self.to_printer = to_printer
        self.cancel_event = threading.Event()
        self.reports: list[tuple[int, int]] = []
        self.result = None
        self._depth = 0  # progress updates on the stack
        self._pending = None  # the job's end, arrived during a progress update
        self.dialog = QProgressDialog(
            self.tr("Preparing {count} order(s)…").format(count=len(numbers)),
            self.tr("Cancel"),
            0,
            len(numbers),
            owner.parent_widget,
        )
        self.dialog.setWindowTitle(self.tr("Batch printing"))
        self.dialog.setMinimumWidth(420)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        self.dialog.show()
        numbers, copies, path = self.numbers, self.copies, self.path

        def job(db):
            from desktop.documents import allocation_order

            try:
                return allocation_order.render_many(
                    db, numbers, path, copies=copies, progress=self._report
                )
            except OSError as exc:
                raise BioError(write_failure(path, exc)) from exc

        self.owner.worker.run(
            refusable(job), self._arrived, lambda error: self._arrived(unexpected(error))
        )

    def _report(self, done: int, total: int) -> None:
        """Called on the worker: relay by a queued signal, or stop when cancelled."""
        if self.cancel_event.is_set():
            raise Cancelled(self.tr("Batch printing was cancelled; no file was written."))
        self.progressed.emit(done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.reports.append((done, total))
        dialog = self.dialog
        if dialog is None or self.cancel_event.is_set():
            return
        dialog.setLabelText(
            self.tr("Rendered {done} of {total} order(s)…").format(done=done, total=total)
        )
        dialog.setMaximum(max(total, 1))
        self._depth += 1
        try:
            dialog.setValue(min(done, max(total, 1)))  # processes events (modal)
        finally:
            self._depth -= 1
        if self._depth == 0 and self._pending is not None:
            result, self._pending = self._pending, None
            self._handle(result)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _arrived(self, result) -> None:
        if self._depth:
            self._pending = result
        else:
            self._handle(result)

    def _handle(self, result) -> None:
        if isinstance(result, Refused):
            cancelled = isinstance(result.error, Cancelled) or self.cancel_event.is_set()
            self._finish(None if cancelled else result)
            return
        self.owner.note_warning(result)
        if not self.to_printer:
            self.owner.message.emit(
                self.tr("{count} order(s) exported to {path}.").format(
                    count=len(self.numbers), path=self.path
                ),
                "ok",
            )
            self.owner.exported.emit(str(self.path))
            self._finish(result)
            return
        dialog = self.dialog
        dialog.hide()  # the print dialog comes first
        dialog.setLabelText(self.tr("Sending the pages to the printer…"))
        title = self.tr("Allocation orders ({count})").format(count=len(self.numbers))

        def pages_done(done: int, total: int) -> bool:
            if not dialog.isVisible():
                dialog.show()
            dialog.setMaximum(total)
            dialog.setValue(done)
            return not dialog.wasCanceled()

        self.owner.print_file(result.path, title, pages_done)
        self._finish(result)

    def _finish(self, result) -> None:
        self.result = result
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if result is None:
            self.owner.message.emit(
                self.tr("Batch printing was cancelled; no file was written."), "banner"
            )
        elif isinstance(result, Refused):
            self.owner.message.emit(result.message, "error")
        self.finished.emit(result)
