"""Printing allocation orders: preview, print and export of the one PDF that
desktop/documents/allocation_order.py lays out (1 联, or 3 联: 存根, 出库联 and 接收联), and
batch printing of the selected orders in one PDF (batch.py)."""

from datetime import date
from pathlib import Path

from desktop.ui.orders.batch import BatchJob
from desktop.ui.widgets.document_printer import DocumentPrinter, pdf_job


def render_job(number: str, copies: int, path: Path):
    def render(db):
        from desktop.documents import allocation_order  # reportlab: only when printing

        return allocation_order.render(db, number, path, copies=copies)

    return pdf_job(render, path)


class OrderPrinter(DocumentPrinter):
    """Preview, print, export and batch-print orders for one page."""

    def __init__(self, worker, parent_widget):
        super().__init__(worker, parent_widget, render_job, self._title)
        self.batch = None  # the running BatchJob

    def _title(self, number: str) -> str:
        return self.tr("Allocation order {number}").format(number=number)

    def print_batch(self, numbers: list[str], copies: int = 1):
        if not self.ensure_printer(lambda: self.export_batch(numbers, copies)):
            return None
        return self._start_batch(numbers, copies, self.temp_path("batch"), to_printer=True)

    def export_batch(self, numbers: list[str], copies: int = 1, path: Path | None = None):
        path = path or self.ask_path(
            self.tr("Allocation orders {date}.pdf").format(date=date.today().isoformat())
        )
        if path is None:
            return None
        return self._start_batch(numbers, copies, path, to_printer=False)

    def _start_batch(self, numbers, copies, path, to_printer: bool) -> BatchJob:
        self.batch = BatchJob(self, list(numbers), copies, path, to_printer)
        self.batch.start()
        return self.batch
