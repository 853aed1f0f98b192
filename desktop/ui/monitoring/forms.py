"""What the 长期监测 dialogs share: a form whose refused field has its label marked (and
focused), the combos of divisions and agencies, and a day's field."""

from PySide6.QtWidgets import QComboBox

from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import FieldMarks
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.form_dialog import FormDialog


class MarkedForm(FormDialog):
    """A FormDialog that marks the label of the field a refusal names."""

    def __init__(self, worker, title: str, parent=None):
        super().__init__(worker, title, parent)
        self.marks = FieldMarks([self.form])

    def submit(self) -> None:
        self.marks.clear()
        super().submit()

    def show_error(self, message: str, field: str | None = None) -> None:
        self.marks.mark(self.fields.get(field or ""))
        super().show_error(message, field)


def division_combo(lists: dict, first: str | None = None) -> QComboBox:
    """The divisions by code and name (data: the code), optionally led by `first` (None)."""
    combo = QComboBox()
    combo.setMaxVisibleItems(20)
    if first is not None:
        combo.addItem(first, None)
    for row in lists.get("divisions", []):
        combo.addItem(f"{row['code']}  {labels.localized(row)}", row["code"])
    return combo


def agency_combo(lists: dict, first: str | None = None) -> QComboBox:
    """The agencies by their short names (data: the code), optionally led by `first`."""
    combo = QComboBox()
    combo.setMaxVisibleItems(20)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    if first is not None:
        combo.addItem(first, None)
    for row in lists.get("agencies", []):
        combo.addItem(labels.agency_caption(row), row["code"])
    return combo


def choose(combo: QComboBox, data) -> None:
    """Choose the item whose data is `data`, if there is one."""
    found = combo.findData(data)
    if found >= 0:
        combo.setCurrentIndex(found)


def date_edit(day=None, optional: bool = False) -> DateField:
    """A day typed or chosen in its calendar: today unless given; empty if optional."""
    return DateField(day, optional=optional)
