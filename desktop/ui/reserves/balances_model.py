"""Stock balances by depot × item or by lot, paged from ledger.balances()."""

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.reserves import ledger
from desktop.core.vocab import label
from desktop.ui.widgets import style
from desktop.ui.widgets.paged_model import PagedModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
USABLE = "合格"
FIELDS = (
    "depot", "depot_name", "item", "item_name", "spec", "unit", "category",
    "lot", "expiry", "status", "qty",
)  # fmt: skip
AT = {name: n for n, name in enumerate(FIELDS)}


def _columns(by_lot: bool) -> list[tuple[str, str]]:
    head = [
        ("depot", QCoreApplication.translate("BalancesModel", "Depot code")),
        ("depot_name", QCoreApplication.translate("BalancesModel", "Depot")),
        ("item", QCoreApplication.translate("BalancesModel", "Item code")),
        ("item_name", QCoreApplication.translate("BalancesModel", "Item")),
    ]
    lot = [
        ("lot", QCoreApplication.translate("BalancesModel", "Batch number")),
        ("expiry", QCoreApplication.translate("BalancesModel", "Expiry date")),
        ("status", QCoreApplication.translate("BalancesModel", "Status")),
    ]
    amount = [
        ("qty", QCoreApplication.translate("BalancesModel", "Quantity")),
        ("unit", QCoreApplication.translate("BalancesModel", "Unit")),
    ]
    tail = [
        ("category", QCoreApplication.translate("BalancesModel", "Category")),
        ("spec", QCoreApplication.translate("BalancesModel", "Specification")),
    ]
    return head + (lot if by_lot else []) + amount + tail


class BalancesModel(PagedModel):
    """Balances filtered in SQL (depot, category, text or pinyin search), a page at a time."""

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent=parent)
        self.filters: dict = {"depot": None, "category": None, "search": "", "by_lot": False}
        self.category_names: dict[str, str] = {}
        self.near_days = 90
        self.today = date.today()
        self._columns = _columns(False)

    def set_filters(self, **changes) -> None:
        """Change depot, category, search or by_lot, and reload from the first page."""
        self.filters.update(changes)
        self.reload()

    def prepare(self) -> None:
        self.today = date.today()
        self._columns = _columns(self.filters["by_lot"])

    def page_job(self, count: int, last):
        query = dict(self.filters)
        size = self.page_size
        return lambda db: ledger.balances(
            db,
            depot=query["depot"],
            category=query["category"],
            search=query["search"] or None,
            by_lot=query["by_lot"],
            limit=size,
            offset=count,
        )

    def convert(self, rows: list[dict]) -> list[tuple]:
        return [tuple(row[name] for name in FIELDS) for row in rows]

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def key(self, column: int) -> str:
        return self._columns[column][0]

    def row_dict(self, number: int) -> dict | None:
        if not 0 <= number < len(self.rows):
            return None
        return dict(zip(FIELDS, self.rows[number], strict=True))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        key = self._columns[index.column()][0]
        value = row[AT[key]]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "qty":
                return f"{value:,}"
            if key == "status":
                return label(value) if value else ""
            if key == "category":
                return self.category_names.get(value, value or "")
            return "" if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "qty":
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row)
        if role == Qt.ItemDataRole.ToolTipRole and key == "expiry" and value:
            left = (date.fromisoformat(value) - self.today).days
            if left < 0:
                return QCoreApplication.translate(
                    "BalancesModel", "Expired {days} days ago"
                ).format(days=-left)
            return QCoreApplication.translate("BalancesModel", "Expires in {days} days").format(
                days=left
            )
        return None

    def _colour(self, row: tuple):
        expiry, status = row[AT["expiry"]], row[AT["status"]]
        today = self.today.isoformat()
        if row[AT["qty"]] < 0 or (expiry and expiry < today):  # negative: count it
            return style.EXPIRED
        if status and status != USABLE:
            return style.UNUSABLE
        if expiry and expiry <= (self.today + timedelta(self.near_days)).isoformat():
            return style.NEAR_EXPIRY
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][1]
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section][0] == "qty":
            return RIGHT
        return None
