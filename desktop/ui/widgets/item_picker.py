"""Choosing a catalogue item by typing its code, name or pinyin initials ("kz" → 口罩).

The search runs in SQL on the worker (catalog.search_items over item_search),
150 ms after the last keystroke, and its matches drop down under the field.
"""

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.core.reserves import catalog

DEBOUNCE_MS = 150
MATCHES = 30


def caption(item: dict) -> str:
    spec = f"（{item['spec']}）" if item.get("spec") else ""
    return f"{item['code']}  {item['name']}{spec}"


class ItemPicker(QLineEdit):
    """A line edit that searches the catalogue as you type and holds the chosen item.

    Signals:
        item_changed(object): the chosen item (a dict of the item row), or None when cleared.
        matches_changed(int): a search came back with this many matches.
    """

    item_changed = Signal(object)
    matches_changed = Signal(int)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.matches: list[dict] = []
        self._item: dict | None = None
        self._search_no = 0
        self.setPlaceholderText(self.tr("Code, name or pinyin initials (e.g. kz for 口罩)"))
        self.setClearButtonEnabled(True)
        self._list = QStringListModel(self)
        self._completer = QCompleter(self._list, self)
        # Matches come filtered from SQL (pinyin too): the popup must not filter them again.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._take_first)

    def item(self) -> dict | None:
        return self._item

    def choose(self, item: dict | None) -> None:
        """Make an item (a row from the item table) the choice, or clear it."""
        self._completer.popup().hide()
        self._item = item
        self.setText(caption(item) if item else "")
        self.setCursorPosition(0)  # the code and name, not the end of the spec
        self.item_changed.emit(item)

    def select_code(self, code: str) -> None:
        """Choose the item with this code (looked up on the worker)."""
        self.setText(code)
        self.search()

    def search(self) -> None:
        self._timer.stop()
        self._search_no += 1
        number, text = self._search_no, self.text()
        self.worker.run(lambda db: (number, catalog.search_items(db, text, MATCHES)), self._found)

    def _edited(self, _text: str) -> None:
        if self._item is not None:
            self._item = None
            self.item_changed.emit(None)
        self._timer.start()

    def _found(self, result) -> None:
        number, rows = result
        if number != self._search_no:
            return  # the user typed on; a newer search is coming
        self.matches = rows
        exact = [row for row in rows if row["code"].lower() == self.text().strip().lower()]
        if exact and self._item is None:
            self.choose(exact[0])
        else:
            self._list.setStringList([caption(row) for row in rows])
            if rows and self.hasFocus():
                self._completer.complete()
        self.matches_changed.emit(len(rows))

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.matches):
            self.choose(self.matches[index.row()])

    def _take_first(self) -> None:
        if self._item is None and self.matches:
            self.choose(self.matches[0])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and not self._completer.popup().isVisible():
            if self.matches:
                self._list.setStringList([caption(row) for row in self.matches])
                self._completer.complete()
                return
        super().keyPressEvent(event)
