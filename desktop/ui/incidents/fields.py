"""Fields the incident dialogs share: a time to the minute, a multi-line text, and the
marking of the field a refusal names (its label in red)."""

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop.ui.widgets import style
from desktop.ui.widgets.date_field import TimeField

__all__ = ["FieldMarks", "TimeField", "text_box"]  # TimeField: typed or chosen, to the minute


def text_box(lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class FieldMarks:
    """Colours the label of the field a refusal names, in the forms given, and clears it."""

    def __init__(self, forms: list[QFormLayout]):
        self.forms = forms
        self.marked: list[QLabel] = []

    def label_of(self, widget: QWidget) -> QLabel | None:
        for form in self.forms:
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                return label
        return None

    def mark(self, widget: QWidget | None) -> None:
        self.clear()
        label = self.label_of(widget) if widget is not None else None
        if label is not None:
            style.apply(label, "error")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.marked.append(label)

    def clear(self) -> None:
        for label in self.marked:
            label.setPalette(label.parentWidget().palette())
            font = label.font()
            font.setBold(False)
            label.setFont(font)
        self.marked = []
