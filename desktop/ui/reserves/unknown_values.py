"""The import dialog's list of the values a file names that their vocabularies lack
(specialties, material categories, units), each with a box to add it to its vocabulary.

The core says which values are unknown and whether each can be added (vocabulary.py); the
person ticks those to add — one resembling a known value reads "add all the same" — and the
import runs with them (`additions`). Ticked values stay listed and ticked until the file or
its kind changes or the import succeeds, since the core no longer calls a value unknown once
asked to add it.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.imports import Additions, Unknown
from desktop.core.imports.vocabulary import noun
from desktop.ui.widgets import style

ADD = 4  # the column of the boxes


class UnknownValues(QGroupBox):
    """Unknown values with a box each to add it; hidden while there are none.

    Signals:
        add_requested(): import with the ticked values added.
    """

    add_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(self.tr("Values not in the vocabularies"), parent)
        self.entries: dict[tuple[str, str], Unknown] = {}
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        note = QLabel(
            self.tr(
                "Tick the values to add to their vocabulary (they become values like the "
                "others, at every station), or correct the file."
            )
        )
        note.setWordWrap(True)
        style.apply(note, "caption")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Vocabulary"), self.tr("Value"), self.tr("Rows"),
             self.tr("Nearest known values"), self.tr("Add")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(160)
        self.add_button = QPushButton(self.tr("Add the ticked values and import"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.hide()

    def show_report(self, report) -> None:
        """List the report's unknown values, keeping those ticked before."""
        ticked = {k: u for k, u in self.entries.items() if self.boxes[k].isChecked()}
        self.entries = dict(ticked)
        for unknown in report.unknown:
            self.entries.setdefault((unknown.vocabulary, unknown.value), unknown)
        self._fill(set(ticked))

    def clear(self) -> None:
        self.entries = {}
        self._fill(set())

    def box(self, vocabulary: str, value: str) -> QCheckBox:
        return self.boxes[(vocabulary, value)]

    def additions(self) -> Additions | None:
        """The ticked values, to add while importing; None when none is ticked."""
        ticked = [u for k, u in self.entries.items() if self.boxes[k].isChecked()]
        if not ticked:
            return None
        return Additions(
            values=frozenset((u.vocabulary, u.value) for u in ticked),
            similar=frozenset(u.value for u in ticked if u.similar),
        )

    def set_busy(self, busy: bool) -> None:
        self.table.setEnabled(not busy)
        self.add_button.setEnabled(not busy and self.additions() is not None)

    def _fill(self, ticked: set) -> None:
        self.boxes = {}
        self.table.setRowCount(len(self.entries))
        for row, (k, unknown) in enumerate(self.entries.items()):
            rows = ", ".join(map(str, unknown.rows))
            if unknown.count > len(unknown.rows):
                rows += "…"
            cells = (noun(unknown.vocabulary), unknown.value, rows, "、".join(unknown.nearest))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(unknown.reason)
                self.table.setItem(row, column, item)
            self.boxes[k] = box = self._box(unknown)
            box.setChecked(k in ticked)
            box.toggled.connect(self._ticked)
            self.table.setCellWidget(row, ADD, box)
        self.table.resizeColumnsToContents()
        self.add_button.setEnabled(self.additions() is not None)
        self.setVisible(bool(self.entries))

    def _box(self, unknown: Unknown) -> QCheckBox:
        if not unknown.addable:
            box = QCheckBox(self.tr("Cannot be added"))
            box.setEnabled(False)
            box.setToolTip(unknown.refusal)
        elif unknown.similar:
            text = self.tr("Add all the same (close to “{value}”)")
            box = QCheckBox(text.format(value=unknown.similar))
            box.setToolTip(unknown.reason)
        else:
            box = QCheckBox(self.tr("Add to the vocabulary"))
        return box

    def _ticked(self, _checked: bool) -> None:
        self.add_button.setEnabled(self.additions() is not None)
