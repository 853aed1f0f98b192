"""Fields of the movement dialogs: an optional date, and the lots of an item at a depot."""

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox

from desktop.core.reserves import ledger
from desktop.core.vocab import label
from desktop.ui.widgets import date_field, style

USABLE = "合格"
MAX_WIDTH = 1000  # px: a lot combo as wide as its longest lot, but never wider


class DateField(date_field.DateField):
    """A date that may be left empty (widgets/date_field: typed as 2026-01-15, 2026/1/15 or
    20260115, or chosen in the calendar); value() is an ISO date, or None when empty."""

    def __init__(self, parent=None):
        super().__init__(optional=True, parent=parent)


def is_expired(row: dict, today: date) -> bool:
    return bool(row["expiry"]) and row["expiry"] < today.isoformat()


def is_usable(row: dict, today: date) -> bool:
    return row["status"] == USABLE and not is_expired(row, today)


def lot_state(row: dict, today: date) -> str:
    """Why a lot cannot be issued, in words, or '' when it can."""
    if is_expired(row, today):
        return QCoreApplication.translate("MovementFields", "expired")
    if row["status"] != USABLE:
        return label(row["status"])
    return ""


def lot_caption(row: dict, today: date) -> str:
    expiry = row["expiry"] or QCoreApplication.translate("MovementFields", "no expiry date")
    text = QCoreApplication.translate(
        "MovementFields", "{lot} · expires {expiry} · {qty} {unit}"
    ).format(lot=row["lot"], expiry=expiry, qty=f"{row['qty']:,}", unit=row["unit"])
    state = lot_state(row, today)
    return f"{text} ({state})" if state else text


class LotCombo(QComboBox):
    """Lots of one item held at one depot, loaded on the worker.

    Modes: "issue" offers FEFO first, then the usable lots, then the others (marked:
    the core refuses them and says why); "held" lists every lot with stock;
    "count" is editable, so that a batch not on the books can be typed.

    Signals:
        loaded(int): the lots of the current depot and item are in the list.
    """

    loaded = Signal(int)

    def __init__(self, worker, mode: str = "issue", parent=None):
        super().__init__(parent)
        self.worker = worker
        self.mode = mode
        self.rows: list[dict] = []
        self.today = date.today()
        self._load_no = 0
        self._prefer: str | None = None
        self._shown: tuple[str | None, str | None] = (None, None)  # depot, item loaded
        # As wide as its longest lot, so that a lot's state — (已过期) — is never cut off;
        # at least 28 characters while the lots load, and no wider than a screen.
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(MAX_WIDTH)
        if mode == "count":
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.lineEdit().setPlaceholderText(
                QCoreApplication.translate("MovementFields", "Batch number")
            )

    def load(self, depot: str | None, item: str | None, prefer: str | None = None) -> None:
        self._load_no += 1
        self._prefer = prefer
        self._shown = (depot, item)
        self.rows = []
        self.clear()
        if not depot or not item:
            return
        number = self._load_no
        self.worker.run(
            lambda db: (number, ledger.balances(db, depot=depot, item=item, by_lot=True)),
            self._loaded,
        )

    def _loaded(self, result) -> None:
        number, rows = result
        if number != self._load_no:
            return
        self.rows = [row for row in rows if row["qty"] > 0 or self.mode == "count"]
        self.clear()
        if self.mode == "issue":
            self.addItem(
                QCoreApplication.translate("MovementFields", "Earliest expiry first (FEFO)"), None
            )
            usable = [row for row in self.rows if is_usable(row, self.today)]
            others = [row for row in self.rows if not is_usable(row, self.today)]
            self.rows = usable + others
        for row in self.rows:
            if self.mode == "count":
                self.addItem(row["lot"], row["lot"])
            else:
                self.addItem(lot_caption(row, self.today), row["lot"])
            if not is_usable(row, self.today):
                colour = style.EXPIRED if is_expired(row, self.today) else style.UNUSABLE
                self.setItemData(self.count() - 1, colour, Qt.ItemDataRole.ForegroundRole)
        if self._prefer:
            found = self.findData(self._prefer)
            if found >= 0:
                self.setCurrentIndex(found)
            elif self.mode == "count":
                self.setEditText(self._prefer)
        elif self.mode == "count":
            self.setCurrentIndex(-1)
        self.loaded.emit(len(self.rows))

    def reload(self) -> None:
        """The same depot and item again (their stock changed), keeping the chosen lot."""
        self.load(*self._shown, prefer=self.batch())

    def batch(self) -> str | None:
        """The chosen batch number; None for FEFO."""
        if self.mode == "count":
            return self.currentText().strip() or None
        return self.currentData()

    def row(self) -> dict | None:
        batch = self.batch()
        return next((row for row in self.rows if row["lot"] == batch), None)

    def usable_total(self) -> int:
        return sum(row["qty"] for row in self.rows if is_usable(row, self.today))
