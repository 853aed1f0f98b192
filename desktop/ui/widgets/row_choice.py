"""Choosing a row of a list in code (after a refresh, a search, a record named elsewhere).

QTableView.selectRow reads the keyboard as a click does: Ctrl held adds the row to the
selection, Shift extends it to the row — so a list refreshed while Shift was down (it
switches a Chinese input method between 中 and 英) chose several rows and its detail went
blank. choose_row chooses exactly that row, whatever keys are held."""

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

_CHOOSE = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def choose_row(view: QAbstractItemView, row: int) -> None:
    """Make `row` the one selected row of the view and its current row."""
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None:
        return
    index = model.index(row, max(view.currentIndex().column(), 0), view.rootIndex())
    if not index.isValid():
        return
    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    selection.select(index, _CHOOSE)
