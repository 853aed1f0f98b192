"""The stock ledger (台账), newest first by when movements happened, in keyset pages from
ledger.ledger_page().

Page 5,000 costs what page 1 does: each page starts below the last (moment, seq) seen.
Rows are kept as tuples; display text is made only for the rows painted.
"""

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.reserves import ledger
from desktop.ui.widgets.paged_model import PagedModel
from desktop.ui.widgets.times import when

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The columns shown, then the page key (the moment in UTC).
FIELDS = (
    "seq", "occurred_at", "kind", "depot", "item", "item_name", "lot", "qty", "unit",
    "reason", "ref", "note", "moment",
)  # fmt: skip
MOMENT = FIELDS.index("moment")
KINDS = ("receive", "issue", "transfer_out", "transfer_in", "count", "writeoff")


def kind_names() -> dict[str, str]:
    return {
        "receive": QCoreApplication.translate("LedgerModel", "Receipt"),
        "issue": QCoreApplication.translate("LedgerModel", "Issue"),
        "transfer_out": QCoreApplication.translate("LedgerModel", "Transfer out"),
        "transfer_in": QCoreApplication.translate("LedgerModel", "Transfer in"),
        "count": QCoreApplication.translate("LedgerModel", "Count"),
        "writeoff": QCoreApplication.translate("LedgerModel", "Write-off"),
    }


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("LedgerModel", "No."),
        QCoreApplication.translate("LedgerModel", "Time"),
        QCoreApplication.translate("LedgerModel", "Movement"),
        QCoreApplication.translate("LedgerModel", "Depot"),
        QCoreApplication.translate("LedgerModel", "Item code"),
        QCoreApplication.translate("LedgerModel", "Item"),
        QCoreApplication.translate("LedgerModel", "Batch number"),
        QCoreApplication.translate("LedgerModel", "Quantity"),
        QCoreApplication.translate("LedgerModel", "Unit"),
        QCoreApplication.translate("LedgerModel", "Reason"),
        QCoreApplication.translate("LedgerModel", "Document"),
        QCoreApplication.translate("LedgerModel", "Note"),
    ]


class LedgerModel(PagedModel):
    """Movements filtered by depot, item and kind, fetched as the view scrolls."""

    QTY = FIELDS.index("qty")

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent=parent)
        self.filters: dict = {"depot": None, "item": None, "kind": None}
        self._kinds = kind_names()
        self._headers = _headers()

    def set_filters(self, **changes) -> None:
        self.filters.update(changes)
        self.reload()

    def page_job(self, count: int, last):
        before = (last[MOMENT], last[0]) if last is not None else None
        query, size = dict(self.filters), self.page_size
        return lambda db: ledger.ledger_page(db, before=before, limit=size, **query)

    def convert(self, rows: list[dict]) -> list[tuple]:
        return [tuple(row[name] for name in FIELDS) for row in rows]

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        column = index.column()
        value = self.rows[index.row()][column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.QTY:
                return f"{value:+,}" if value else "0"
            if column == 0:
                return f"{value:,}"  # as the count under the table: 34,496
            if column == 1:
                return when(value)  # stored with its offset, shown in local time
            if column == 2:
                return self._kinds.get(value, value)
            return "" if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, self.QTY):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return value
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
