"""Fields the incident dialogs share: a time to the minute, a multi-line text, and the
marking of the field a refusal names (its label in red)."""

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop.ui.widgets import style


class TimeField(QDateTimeEdit):
    """A local time to the minute; value() is ISO text the core reads as local time."""

    def __init__(self, parent=None):
        super().__init__(QDateTime.currentDateTime(), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")

    def value(self) -> str:
        return self.dateTime().toPython().replace(second=0, microsecond=0).isoformat()

    def set_value(self, iso: str | None) -> None:
        if not iso:
            self.setDateTime(QDateTime.currentDateTime())
            return
        moment = datetime.fromisoformat(iso)
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        self.setDateTime(moment.replace(tzinfo=None))


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
