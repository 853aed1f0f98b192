"""A dialog whose OK runs a core function on the worker and shows refusals inline.

The dialog stays open with what was typed while the core refuses (in red under
the form, the field at fault focused); it closes on success.
"""

import sys

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import BioError
from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets import field_changes, style


class FormDialog(QDialog):
    """Base of the movement and receipt dialogs: a form, an inline error, OK/Cancel.

    Subclasses fill `self.form` and implement `job()`, which reads the widgets on the
    GUI thread and returns a function of the database for the worker.

    Signals:
        succeeded(object): the core accepted; carries its result (then the dialog closes).
        refused(str): the core refused; carries the message shown in the dialog.
    """

    succeeded = Signal(object)
    refused = Signal(str)

    # The fields a refusal naming none is about (a movement's depot, lot, quantity): an
    # error clears as soon as a field it names changes.
    REFUSAL_FIELDS: tuple[str, ...] = ()

    def __init__(self, worker, title: str, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.result_value = None
        self.fields: dict[str, QWidget] = {}  # core field name → widget to focus
        self.error_fields: tuple[str, ...] = ()  # the fields the error shown names
        self._watched: set[str] = set()
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        style.apply(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def job(self):
        """The core call for the worker; raise BioError for what the form itself refuses."""
        raise NotImplementedError

    def submit(self) -> None:
        if self.refuse_typed_dates():
            return
        try:
            fn = self.job()
        except BioError as exc:
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        self._set_busy(True)
        self.worker.run(refusable(fn), self._done, self._failed)

    def refuse_typed_dates(self) -> bool:
        """A date or time typed that is no date (or outside its range) is shown in red as
        it is typed; saving it is refused here, naming the field, before the core is asked.

        date_field is imported by the forms that make such fields, not here: its set-up costs
        ~15 ms on the way to the login dialog, which has none. Not imported yet: no field."""
        date_field = sys.modules.get("desktop.ui.widgets.date_field")
        if date_field is None:
            return False
        for widget in self.findChildren(date_field.TypedField):
            if not widget.isEnabled():
                continue  # not given (its check box unticked)
            message = widget.problem(self._label_of(widget))
            if message:
                name = next((k for k, w in self.fields.items() if w is widget), None)
                self.show_error(message, name)
                if name is None:
                    widget.setFocus()
                return True
        return False

    def _label_of(self, widget: QWidget) -> str | None:
        """The text of the form label beside a field (or beside the row holding it)."""
        forms = [self.form, *self.findChildren(QFormLayout)]
        while widget is not None and widget is not self:
            for form in forms:
                label = form.labelForField(widget)
                if isinstance(label, QLabel) and label.text().strip():
                    return label.text().replace("&", "").rstrip("：:")
            widget = widget.parentWidget()
        return None

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
        self.error_fields = (field,) if field else self.REFUSAL_FIELDS
        for name in self.error_fields:
            self._watch(name)
        self.refused.emit(message)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.error_fields = ()
        marks = getattr(self, "marks", None)  # the label some forms mark in red (FieldMarks)
        if marks is not None:
            marks.clear()

    def _watch(self, name: str) -> None:
        """Clear the error when the field changes (connected once per field)."""
        widget = self.fields.get(name)
        if widget is None or name in self._watched:
            return
        self._watched.add(name)
        for signal in field_changes.signals(widget):
            signal.connect(lambda *_args, name=name: self._field_changed(name))

    def _field_changed(self, name: str) -> None:
        if name in self.error_fields:
            self.clear_error()

    def _done(self, result) -> None:
        self._set_busy(False)
        if isinstance(result, Refused):
            self.show_error(result.message, result.field)
            return
        self.clear_error()
        self.result_value = result
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        # The controller reports the details (and the log file); keep the form as typed.
        self.show_error(
            QCoreApplication.translate(
                "FormDialog", "The entry could not be saved because of an unexpected error."
            )
        )

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
