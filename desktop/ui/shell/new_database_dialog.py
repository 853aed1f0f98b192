"""Asks for the file, station code and name of a new database."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from desktop.core.errors import BioError
from desktop.core.store import station
from desktop.ui.widgets import style

MIN_WIDTH = 520  # px: room for a refusal to wrap in a few lines
PATH_MARGIN = 8  # px beside a path's text inside the field: its margins and the cursor
BESIDE_PATH = 200  # px of the screen's width left for the label, 浏览… and the margins


class NewDatabaseDialog(QDialog):
    """The file (shown whole, however long its path), the station's code and name, and
    the demonstration data; a refusal is said under the form and clears when the field it
    names changes."""

    def __init__(self, folder: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New database"))
        self.path = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.path, 1)
        row_layout.addWidget(browse)
        self.code = QLineEdit()
        self.code.setPlaceholderText("HY-CITY")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Hengyang Emergency Management Bureau"))
        self.demo = QCheckBox(self.tr("Add the demonstration data set"))
        self.error = QLabel()
        style.apply(self.error, "error")
        self.error.setWordWrap(True)
        self.error_field: QLineEdit | None = None
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Station code"), self.code)
        form.addRow(self.tr("Station name"), self.name)
        form.addRow("", self.demo)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for field in (self.path, self.code, self.name):
            field.textChanged.connect(lambda _text, field=field: self._changed(field))
        self._fit_path()

    def _fit_path(self) -> None:
        """The path field as wide as its text (within most of the screen), so that the
        whole path shows; its tooltip holds it too."""
        text = self.path.text()
        self.path.setToolTip(text)
        margins = self.path.textMargins()
        inner = QSize(
            self.path.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
            + PATH_MARGIN,
            self.path.height(),
        )  # fmt: skip
        option = QStyleOptionFrame()
        self.path.initStyleOption(option)
        width = (
            self.path.style()
            .sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner, self.path)
            .width()
        )
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width() - BESIDE_PATH)
        self.path.setMinimumWidth(width)
        layout = self.layout()
        if layout is None:
            return
        # the dialog grows with the path (never below MIN_WIDTH, never past the screen):
        # the path's row and the form cache their sizes, so both are asked afresh
        row = self.path.parentWidget()
        if row is not None and row.layout() is not None:
            row.layout().invalidate()
            row.layout().activate()
        layout.invalidate()
        layout.activate()
        wanted = max(MIN_WIDTH, layout.totalMinimumSize().width())
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width())
        self.setMinimumWidth(wanted)
        if self.width() < wanted:
            self.resize(wanted, self.height())
            if screen is not None and self.isVisible():  # grown past the screen's edge
                frame, room = self.frameGeometry(), screen.availableGeometry()
                if frame.right() > room.right():
                    self.move(max(room.left(), room.right() - frame.width()), self.y())

    def _changed(self, field: QLineEdit) -> None:
        if field is self.path:
            self._fit_path()
        if field is self.error_field:
            self.error_field = None
            self.error.clear()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), self.path.text(), self.tr("BioReserve databases (*.db)")
        )
        if path:
            self.path.setText(path)

    def _refuse(self, message: str, field: QLineEdit) -> None:
        """Say why under the form (the dialog grows to show it whole) and focus the field."""
        self.error.setText(message)
        self.error_field = field
        field.setFocus()
        layout = self.layout()
        layout.activate()
        height = layout.totalHeightForWidth(self.width())
        if height > self.height():
            self.resize(self.width(), height)

    def _accept(self) -> None:
        if not self.path.text().strip():
            self._refuse(self.tr("Choose a file for the new database."), self.path)
            return
        if not self.code.text().strip():
            self._refuse(self.tr("Give the station a code, e.g. HY-CITY."), self.code)
            return
        try:
            station.validate_code(self.code.text())
        except BioError as exc:
            self._refuse(str(exc), self.code)
            return
        if not self.name.text().strip():
            self._refuse(self.tr("Give the station a name."), self.name)
            return
        self.accept()

    def values(self) -> tuple[str, str, str, bool]:
        return (
            self.path.text().strip(),
            self.code.text().strip(),
            self.name.text().strip(),
            self.demo.isChecked(),
        )
