"""Asks for the file, station code and name of a new database."""

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
    QWidget,
)

from desktop.core.errors import BioError
from desktop.core.store import station
from desktop.ui.widgets import style


class NewDatabaseDialog(QDialog):
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

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), self.path.text(), self.tr("BioReserve databases (*.db)")
        )
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose a file for the new database."))
            return
        try:
            station.validate_code(self.code.text())
        except BioError as exc:
            self.error.setText(str(exc))
            return
        if not self.name.text().strip():
            self.error.setText(self.tr("Give the station a name."))
            return
        self.accept()

    def values(self) -> tuple[str, str, str, bool]:
        return (
            self.path.text().strip(),
            self.code.text().strip(),
            self.name.text().strip(),
            self.demo.isChecked(),
        )
