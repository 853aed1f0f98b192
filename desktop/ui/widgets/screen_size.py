"""Windows within the screen they open on. An office PC's 1366×768 screen less its
taskbar leaves about 1366×700, and the window system adds a title bar and a frame: a size
asked for is cut to what is left, and a filter's combo box takes a set width rather than
its longest entry's."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QFrame, QScrollArea, QWidget

from desktop.ui.widgets.screen_room import FRAME, resize_within_screen, room

__all__ = ["FRAME", "Scrolled", "filter_combo", "resize_within_screen", "room"]


def filter_combo(combo: QComboBox, characters: int = 16) -> QComboBox:
    """A combo box as wide as `characters` characters whatever its entries; its list is as
    wide as the longest entry, and its tooltip is the chosen entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)

    def entries_changed(*_args) -> None:
        view = combo.view()
        widest = view.sizeHintForColumn(0) if combo.count() else 0
        view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width() + 8)

    def chosen(text: str) -> None:
        combo.setToolTip(text)

    model = combo.model()
    model.rowsInserted.connect(entries_changed)
    model.rowsRemoved.connect(entries_changed)
    model.modelReset.connect(entries_changed)
    combo.currentTextChanged.connect(chosen)
    entries_changed()
    chosen(combo.currentText())
    return combo


class Scrolled(QScrollArea):
    """A part of a page or dialog that scrolls when the window is lower (or narrower) than
    it: as large as its content where there is room (QScrollArea's own size hint stops at
    24 lines), and never what makes the window too tall for the screen."""

    def __init__(self, content: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth()
        return self.widget().sizeHint() + QSize(frame, frame)
