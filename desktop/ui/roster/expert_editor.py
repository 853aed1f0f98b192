"""The detail editor of one expert: identity, specialties (checkable, in two columns), division,
phones, notes, availability (available, on a mission, unavailable from–to) and the
qualifications. 保存 runs experts.save_expert on the worker; a refusal is shown in red
under the form with the field at fault focused; 删除 asks for a confirmation inline."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.roster import experts
from desktop.ui.reserves import lookups
from desktop.ui.roster.expert_qualifications import QualificationsTable
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.date_field import DateField

MIN_WIDTH = 360  # px: the narrowest the editor beside the list gets


class ExpertEditor(QWidget):
    """Signals:
    saved(str): an expert was saved (its id).
    refused(str): a save or a deletion was refused (the message shown in red).
    deleted(str): an expert was removed from the roster (its id).
    qualifications_changed(str): a qualification was added, changed or removed (expert id).
    new_requested(): the form was emptied for a new expert.
    """

    saved = Signal(str)
    refused = Signal(str)
    deleted = Signal(str)
    qualifications_changed = Signal(str)
    new_requested = Signal()

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.current_id: str | None = None
        self.current_name = ""
        self.heading = style.apply(QLabel(), "heading")

        self.name = QLineEdit()
        self.gender = QComboBox()
        for gender in experts.GENDERS:
            self.gender.addItem(gender, gender)
        self.organisation = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 主任医师"))
        self.specialties = QWidget()  # a checkable list in two columns, no scrolling
        self.specialty_grid = QGridLayout(self.specialties)
        self.specialty_grid.setContentsMargins(0, 0, 0, 0)
        self.specialty_boxes: dict[str, QCheckBox] = {}
        self.division = QComboBox()
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText(self.tr("11 digits starting with 1"))
        self.office_phone = QLineEdit()
        self.office_phone.setPlaceholderText(self.tr("e.g. 0734-8123456"))
        self.notes = QLineEdit()

        self.availability = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        radios = QHBoxLayout()
        for status, caption in (
            ("available", self.tr("Available")),
            ("on_mission", self.tr("On a mission")),
            ("unavailable", self.tr("Unavailable")),
        ):
            radio = QRadioButton(caption)
            self.radios[status] = radio
            self.availability.addButton(radio)
            radios.addWidget(radio)
        radios.addStretch(1)
        self.unavailable_from = DateField()
        self.unavailable_to = DateField()
        window = QHBoxLayout()
        for edit, caption in (
            (self.unavailable_from, self.tr("from")),
            (self.unavailable_to, self.tr("to")),
        ):
            window.addWidget(QLabel(caption))
            window.addWidget(edit)
        window.addStretch(1)
        self.availability.buttonToggled.connect(lambda _b, _on: self._window_enabled())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Professional title"), self.title)
        form.addRow(self.tr("Specialties"), self.specialties)
        form.addRow(self.tr("Home division"), self.division)
        form.addRow(self.tr("Mobile"), self.mobile)
        form.addRow(self.tr("Office phone"), self.office_phone)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Availability"), radios)
        form.addRow(self.tr("Unavailable"), window)
        self.fields = {
            "name": self.name,
            "gender": self.gender,
            "organisation": self.organisation,
            "title": self.title,
            "specialties": self.specialties,
            "division": self.division,
            "mobile": self.mobile,
            "office_phone": self.office_phone,
            "notes": self.notes,
            "availability": self.radios["available"],
            "unavailable_from": self.unavailable_from,
            "unavailable_to": self.unavailable_to,
        }

        self.qualifications = QualificationsTable(worker)
        self.qualifications.changed.connect(self.qualifications_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.confirm = QWidget()
        confirm = QHBoxLayout(self.confirm)
        confirm.setContentsMargins(0, 0, 0, 0)
        self.confirm_label = style.apply(QLabel(), "error")
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Delete"))
        self.confirm_button.clicked.connect(self.confirm_delete)
        cancel = QPushButton(self.tr("Keep"))
        cancel.clicked.connect(self.confirm.hide)
        confirm.addWidget(self.confirm_label, 1)
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(cancel)
        self.confirm.hide()
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.new)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.ask_delete)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(style.apply(QLabel(self.tr("Qualifications and certificates")), "heading"))
        column.addWidget(self.qualifications)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # never sideways: the editor is as wide as its form (see _fit_width)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll, self.body = scroll, body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm)
        layout.addLayout(buttons)
        self.set_lists(lists)
        self.new()

    def set_lists(self, lists: dict) -> None:
        checked = set(self.checked_specialties())
        for box in self.specialty_boxes.values():
            self.specialty_grid.removeWidget(box)
            box.deleteLater()
        self.specialty_boxes = {}
        for number, row in enumerate(lists.get("specialties", [])):
            box = QCheckBox(lookups.localized(row))
            box.setChecked(row["code"] in checked)
            box.setMinimumWidth(box.sizeHint().width())  # a check box's text is never cut
            self.specialty_grid.addWidget(box, number // 2, number % 2)
            self.specialty_boxes[row["code"]] = box
        first = next(iter(self.specialty_boxes.values()), None)
        self.specialties.setFocusProxy(first)
        self._fit_width()
        entries = [(f"{r['code']}  {lookups.localized(r)}", r["code"]) for r in lists["divisions"]]
        lookups.fill(self.division, entries, first="—")

    def _fit_width(self) -> None:
        """At least as wide as the form (the specialties' two columns in the language
        shown, the fields' right edge) and its vertical scroll bar: the splitter beside
        it then gives the list less room rather than the form scrolling sideways."""
        layout = self.body.layout()
        layout.invalidate()
        layout.activate()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(MIN_WIDTH, self.body.minimumSizeHint().width() + bar))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_width()  # the fields' sizes as the style shows them, once polished

    def checked_specialties(self) -> list[str]:
        return [code for code, box in self.specialty_boxes.items() if box.isChecked()]

    # showing -----------------------------------------------------------------------------
    def new(self) -> None:
        """An empty form for a new expert."""
        self.current_id = None
        self.heading.setText(self.tr("New expert"))
        self._fill({})
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.new_requested.emit()

    def show_expert(self, row: dict) -> None:
        """Show an expert as experts.search gives it."""
        self.current_id = row["id"]
        self.heading.setText(row["name"])
        self._fill(row)

    def _fill(self, row: dict) -> None:
        self.current_name = row.get("name", "")
        self.name.setText(row.get("name", ""))
        self.gender.setCurrentIndex(max(self.gender.findData(row.get("gender")), 0))
        self.organisation.setText(row.get("organisation", ""))
        self.title.setText(row.get("title", ""))
        codes = set(row.get("specialties") or [])
        for code, box in self.specialty_boxes.items():
            box.setChecked(code in codes)
        self.division.setCurrentIndex(max(self.division.findData(row.get("division")), 0))
        self.mobile.setText(row.get("mobile", ""))
        self.office_phone.setText(row.get("office_phone", ""))
        self.notes.setText(row.get("notes", ""))
        self.radios[row.get("availability") or "available"].setChecked(True)
        for edit, key in (
            (self.unavailable_from, "unavailable_from"),
            (self.unavailable_to, "unavailable_to"),
        ):
            edit.set_value(row.get(key) or date.today())
        self._window_enabled()
        self.delete_button.setEnabled(self.current_id is not None)
        self.qualifications.show_expert(self.current_id)
        self.message.clear()
        self.confirm.hide()

    def _window_enabled(self) -> None:
        on = self.radios["unavailable"].isChecked()
        self.unavailable_from.setEnabled(on)
        self.unavailable_to.setEnabled(on)

    def status(self) -> str:
        return next(s for s, radio in self.radios.items() if radio.isChecked())

    def values(self) -> dict:
        status = self.status()
        window = status == "unavailable"
        return {
            "name": self.name.text(),
            "gender": self.gender.currentData(),
            "organisation": self.organisation.text(),
            "title": self.title.text(),
            "specialties": self.checked_specialties(),
            "division": self.division.currentData(),
            "mobile": self.mobile.text(),
            "office_phone": self.office_phone.text(),
            "notes": self.notes.text(),
            "availability": status,
            "unavailable_from": self.unavailable_from.value() if window else None,
            "unavailable_to": self.unavailable_to.value() if window else None,
        }

    # saving ------------------------------------------------------------------------------
    def save(self) -> None:
        values, expert_id, ctx = self.values(), self.current_id, actor()
        self.save_button.setEnabled(False)
        self.confirm.hide()
        self.worker.run(
            refusable(lambda db: experts.save_expert(db, ctx, values, expert_id)), self._saved
        )

    def _saved(self, result) -> None:
        self.save_button.setEnabled(True)
        if self._refused(result):
            return
        self.current_id = result
        self.current_name = self.name.text().strip()
        self.heading.setText(self.current_name)
        self.delete_button.setEnabled(True)
        if self.qualifications.expert_id != result:
            self.qualifications.show_expert(result)
        style.apply(self.message, "ok")
        self.message.setText(self.tr("Saved."))
        self.saved.emit(result)

    def _refused(self, result) -> bool:
        if not isinstance(result, Refused):
            return False
        style.apply(self.message, "error")
        self.message.setText(result.message)
        widget = self.fields.get(result.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refused.emit(result.message)
        return True

    def ask_delete(self) -> None:
        """Ask inline (no modal box) whether to remove the expert shown."""
        if self.current_id is None:
            return
        self.confirm_label.setText(
            self.tr("Remove {name} and the qualifications from the roster?").format(
                name=self.current_name
            )
        )
        self.confirm.show()

    def confirm_delete(self) -> None:
        self.confirm.hide()
        if self.current_id is None:
            return
        expert_id, ctx = self.current_id, actor()
        self.worker.run(
            refusable(lambda db: experts.delete_expert(db, ctx, expert_id) or expert_id),
            self._deleted,
        )

    def _deleted(self, result) -> None:
        if self._refused(result):
            return
        self.new()
        style.apply(self.message, "ok")
        self.message.setText(self.tr("Removed from the roster."))
        self.deleted.emit(result)
