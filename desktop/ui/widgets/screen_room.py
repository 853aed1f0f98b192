"""The room a window has on the screen it opens on (an office PC's 1366×768 less its
taskbar and the window's frame). Apart from screen_size.py, whose scroll area and combo
box import widgets the main window does not need before its first frame."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)  # a title bar and the borders around a window


def room(widget: QWidget) -> QSize:
    """The largest client size a window of this widget can have on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16_777_215, 16_777_215)
    return screen.availableGeometry().size() - FRAME


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen has no room for it."""
    space = room(widget)
    widget.resize(min(width, space.width()), min(height, space.height()))
