"""A short hint in place of an empty table.

A list with no rows shows a sentence across its viewport — what would be listed here, or
why nothing is — instead of a header of columns bunched to their titles over white space;
its header comes back with the first row. Until the model has been filled once (a page
still loading), the table is left as it is: "nothing" would not be true yet.

    hint = empty_hint(table, self.tr("Nothing is in transit."))
    hint.set_text(…)  # when what "nothing" means changes (a filter)
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from desktop.ui.widgets import style

MARGIN = 16  # px around the hint inside the viewport


class EmptyHint(QLabel):
    """The hint of one view; follows its model's resets, inserted and removed rows."""

    def __init__(self, view: QAbstractItemView, text: str):
        super().__init__(text, view.viewport())
        self.view = view
        self.filled = False  # the model has been filled (reset or rows added) once
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        style.apply(self, "muted")
        self.hide()
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self._filled)
        model.rowsInserted.connect(self._filled)
        model.rowsRemoved.connect(self.refresh)
        model.layoutChanged.connect(self.refresh)

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.refresh()

    def is_shown(self) -> bool:
        """The hint stands in for the table (shown once the view is)."""
        return not self.isHidden()

    def _filled(self, *_args) -> None:
        self.filled = True
        self.refresh()

    def refresh(self, *_args) -> None:
        empty = self.filled and self.view.model().rowCount() == 0
        header = getattr(self.view, "horizontalHeader", None)
        if header is not None:
            header().setHidden(empty)
        self.setVisible(empty)
        if empty:
            self._place()

    def _place(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False


def empty_hint(view: QAbstractItemView, text: str) -> EmptyHint:
    """Show text instead of the view while its model has no rows (set the model first)."""
    return EmptyHint(view, text)
