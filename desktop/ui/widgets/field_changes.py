"""Which signals say that a form field was changed, whatever the widget: a form clears the
error that names a field as soon as that field changes (FormDialog.show_error)."""

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QAbstractButton, QDateTimeEdit, QSpinBox, QDoubleSpinBox)


def signals(widget: QWidget) -> list[SignalInstance]:
    """The signals a change of the field emits; for a composite field (a row of widgets),
    those of the inputs inside it."""
    own = getattr(widget, "item_changed", None)  # the item picker: an item chosen or cleared
    if isinstance(own, SignalInstance):
        return [own]
    if isinstance(widget, QComboBox):
        found = [widget.currentIndexChanged]
        if widget.isEditable():
            found.append(widget.editTextChanged)
        return found
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled] if widget.isCheckable() else []
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        return [model.dataChanged] if model is not None else []
    found = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, INPUTS) and child.parentWidget() is widget:
            found += signals(child)
    return found
