"""Lazy table models: rows arrive a page at a time from the worker as the view
scrolls (canFetchMore/fetchMore), so a million movements cost what one page does."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Signal

NO_PARENT = QModelIndex()
PAGE = 200


class PagedModel(QAbstractTableModel):
    """Rows fetched page by page; subclasses say how to fetch a page and show a row.

    A fetch is asynchronous: canFetchMore() is False while a page is on its way, so
    a view never asks twice; results of a query replaced by reload() are dropped.

    Signals:
        page_loaded(int): a page arrived (its row count, possibly 0).
        load_failed(str): a page could not be read.
    """

    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, worker, page_size: int = PAGE, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.page_size = page_size
        self.rows: list = []
        self.pages_requested = 0
        self._generation = 0
        self._pending = False
        self._done = True  # nothing to fetch until the first reload()

    def page_job(self, count: int, last):
        """A function of the database returning the next page (after `count` rows, `last`)."""
        raise NotImplementedError

    def prepare(self) -> None:
        """Called inside the reset, before the first page: change columns here."""

    def convert(self, rows: list[dict]) -> list:
        """What the model keeps of each row (tuples take less memory than dicts)."""
        return rows

    def reload(self) -> None:
        """Forget the rows and fetch the first page of the current query."""
        self.beginResetModel()
        self.prepare()
        self.rows = []
        self._generation += 1
        self._pending = False
        self._done = False
        self.endResetModel()
        self.fetchMore(NO_PARENT)

    @property
    def loading(self) -> bool:
        return self._pending

    @property
    def complete(self) -> bool:
        return self._done and not self._pending

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.rows)

    def canFetchMore(self, parent=NO_PARENT):
        return not parent.isValid() and not self._done and not self._pending

    def fetchMore(self, parent=NO_PARENT):
        if not self.canFetchMore(parent):
            return
        self._pending = True
        self.pages_requested += 1
        generation = self._generation
        fetch = self.page_job(len(self.rows), self.rows[-1] if self.rows else None)
        self.worker.run(lambda db: (generation, fetch(db)), self._arrived, self._failed)

    def _arrived(self, result) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # the query changed while this page was read
        self._pending = False
        self._done = len(rows) < self.page_size
        if rows:
            first = len(self.rows)
            self.beginInsertRows(NO_PARENT, first, first + len(rows) - 1)
            self.rows.extend(self.convert(rows))
            self.endInsertRows()
        self.page_loaded.emit(len(rows))

    def _failed(self, error: Exception) -> None:
        self._pending = False
        self._done = True
        self.load_failed.emit(str(error))
