"""A search field that reports what was typed once typing pauses (search-as-you-type
without a query per keystroke), and takes the focus on Ctrl+F in its page."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

SEARCH_DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """Signals:
    settled(str): the text, SEARCH_DEBOUNCE_MS after the last keystroke.
    """

    settled = Signal(str)

    def _settle(self) -> None:
        from desktop.ui.shell import session

        if session.logged_in() is not None:  # a search typed before logging out waits
            self.settled.emit(self.text())

    def __init__(self, placeholder: str, page: QWidget, width: int = 280):
        super().__init__(page)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(width)
        find = QAction(page)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.setFocus(Qt.FocusReason.ShortcutFocusReason))
        page.addAction(find)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self._settle)
        self.textChanged.connect(lambda _text: self.timer.start())
