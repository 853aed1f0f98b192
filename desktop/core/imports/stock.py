"""Stock receipts (入库) from a spreadsheet, recorded as stock.receive records them.

Each row receives one lot at one depot: the lot id comes from the item and the batch and
the lot is created at its first receipt; a new lot of an item managed by expiry needs
its expiry date, and a given expiry must match the lot's (lots that earlier rows of the
same file create count too). 来源 is one of stock.RECEIPT_SOURCES (empty: 采购). Expired
stock may be imported (it is on the shelf) and shows among the alerts.
"""

from dataclasses import dataclass
from datetime import date

import desktop.core.imports.lists as lists
import desktop.core.imports.refs as refs
from desktop.core import paths, values
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind, column, date_format
from desktop.core.imports.job import WRITE_CHUNK, Job, write_chunk
from desktop.core.reserves import catalog, stock
from desktop.core.store.handle import Database

COLUMNS = (
    column("depot", "仓库编码", ("depot", "depot code"), True, "code"),
    column("item", "物资编码", ("item", "item code"), True, "code"),
    column("batch", "批号", ("batch", "batch no", "lot"), True, "code"),
    column("produced", "生产日期", ("produced", "production date", "produced on"), False, "date"),
    column("expiry", "有效期至", ("expiry", "expiry date", "expires on"), False, "date"),
    column("qty", "数量", ("qty", "quantity"), True, "number"),
    column("manufacturer", "生产厂家", ("manufacturer", "maker")),
    column("source", "来源", ("source",), False, "choice"),
)  # fmt: skip
LOTS_PER_QUERY = 900  # below SQLite's limit on bound parameters


def sources() -> list[str]:
    """The receipt sources a sheet writes (the Chinese ones; English keys work too)."""
    return [k for k in stock.RECEIPT_SOURCES if not k.isascii()]


@dataclass(slots=True)
class Receipt:
    row: int
    depot_id: str
    item: dict
    lot_id: str
    batch: str
    produced: str | None
    expiry: str | None
    qty: int
    manufacturer: str
    source: str
    new_lot: bool = False


class Stock(Job):
    FACTS = refs.FACTS

    def __init__(self, *args):
        super().__init__(*args)
        self.refs = refs.Refs(self.db)
        self.wanted: dict[str, None] = {}  # the lots the good rows receive into
        self.lots: dict[str, str | None] = {}  # those in the database: their expiry

    def read_lots(self, wanted: list[str]) -> dict[str, str | None]:
        """Lot id → expiry of the lots among `wanted` that exist."""
        found: dict[str, str | None] = {}
        for start in range(0, len(wanted), LOTS_PER_QUERY):
            chunk = wanted[start : start + LOTS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            found.update(
                self.db.execute(f"SELECT id, expires_on FROM lot WHERE id IN ({marks})", chunk)
            )
        return found

    def still_valid(self) -> bool:
        """The depots, items and the file's lots (created meanwhile? expiry changed?)."""
        return super().still_valid() and self.read_lots(list(self.wanted)) == self.lots

    def check(self, row, cells):
        get = cells.get
        depot_id = self.refs.depot(self, row, cells)
        if depot_id and not self.permitted(row, "depot", "stock_move", {"depot_id": depot_id}):
            depot_id = None  # a depot the actor's role may not receive into
        item = self.refs.item(self, row, cells)
        batch = values.text(get("batch"))
        produced = expiry = qty = None
        try:
            produced = values.date_iso(get("produced"))
        except values.BadValue as exc:
            self.bad(row, "produced", str(exc))
        try:
            expiry = values.date_iso(get("expiry"))
        except values.BadValue as exc:
            self.bad(row, "expiry", str(exc))
        value = get("qty")
        if not values.blank(value):
            try:
                qty = values.whole(value)
            except values.BadValue as exc:
                self.bad(row, "qty", str(exc))
        written = values.text(get("source")) or "采购"
        source = stock.RECEIPT_SOURCES.get(written) or stock.RECEIPT_SOURCES.get(written.lower())
        if source is None:
            self.bad(row, "source", tr("The source must be one of 采购, 捐赠, 调入, 退库."))
        if source is None or row in self.bad_rows or not (depot_id and item and batch and qty):
            return None
        return Receipt(
            row,
            depot_id,
            item,
            catalog.lot_id(item["id"], batch),
            batch,
            produced,
            expiry,
            qty,
            values.text(get("manufacturer")),
            source,
        )

    def finish(self, parsed):
        """The lot rules in row order; lots that earlier good rows create count too. A row
        the same as an earlier one of the file (depot, lot, quantity, dates: what tells a
        receipt imported before) is refused as a repeat, as in another file."""
        self.wanted = {r.lot_id: None for r in parsed}
        self.lots = self.read_lots(list(self.wanted))
        known = {lot_id: {"expires_on": expires} for lot_id, expires in self.lots.items()}
        good = []
        first: dict[str, int] = {}
        for r in parsed:
            receipt = self.batch(r)
            if receipt in first:
                self.bad_value(r.row, "qty", tr(
                    "The same receipt (depot, lot, quantity and dates) as row {row} of this "
                    "file: enter it once, with the whole quantity received.",
                    row=first[receipt],
                ), r.qty)  # fmt: skip
                continue
            first[receipt] = r.row
            lot = known.get(r.lot_id)
            try:
                stock.check_receipt(r.item, r.batch, lot, r.expiry, r.produced)
            except Invalid as exc:
                if exc.field == "produced_on":
                    self.bad_value(r.row, "produced", str(exc), r.produced)
                else:
                    self.bad_value(r.row, "expiry", str(exc), r.expiry)
                continue
            if lot is None:
                known[r.lot_id] = {"expires_on": r.expiry}
                r.new_lot = True
            good.append(r)
        return good

    def batch(self, r: Receipt) -> str:
        """A receipt as delivered: depot, lot (item and batch number), quantity, dates."""
        return f"{r.depot_id}|{r.lot_id}|{r.qty}|{r.produced or ''}|{r.expiry or ''}"

    def write(self, w, rows, tick):
        """The movements grouped by depot, item and lot — the order of the balances and
        figures their triggers keep, so that SQLite finds the rows it updates in its cache
        instead of all over a large database (a fifth to half of SQLite's time saved on the
        city data set) — each chunk after the new lots it receives into, in id order. One
        transaction holds them all; only the ledger shows the import's rows in this order."""
        ref, now = paths.shown_name(self.source), values.now_iso()
        ordered = sorted(rows, key=lambda r: (r.depot_id, r.item["id"], r.lot_id))
        new = {r.lot_id: r for r in rows if r.new_lot}  # the row that creates each lot
        size = write_chunk(len(ordered), WRITE_CHUNK)
        for start in range(0, len(ordered), size):
            chunk = ordered[start : start + size]
            created = {m.lot_id: new.pop(m.lot_id) for m in chunk if m.lot_id in new}
            lots = [
                stock.lot_row(r.item["id"], r.batch, r.manufacturer, r.produced, r.expiry, lot_id)
                for lot_id, r in sorted(created.items())
            ]
            if lots:
                w.insert_many("lot", lots)
            moves = [
                stock.move_row(
                    "receive", r.depot_id, r.item["id"], r.lot_id, r.qty, r.source, ref,
                    occurred_at=now,
                )
                for r in chunk
            ]  # fmt: skip
            w.insert_many("stock_move", moves)
            tick(start + len(chunk))


def describe() -> dict[str, tuple[str, str]]:
    return {
        **refs.described(),
        "batch": (tr("The lot's batch number; a new batch number creates the lot."), ""),
        "produced": (tr("Production date."), date_format()),
        "expiry": (
            tr("Expiry date: required for a new lot of an item managed by expiry; must "
               "match the date already recorded for the lot. Expired stock may be entered "
               "(it is on the shelf) and shows among the alerts."),
            date_format(),
        ),
        "qty": (
            tr("Quantity received, in the item's base unit."),
            tr("a whole number greater than zero"),
        ),
        "manufacturer": (tr("Manufacturer (free text), recorded with a new lot."), ""),
        "source": (tr("Where the stock came from; empty: 采购."), " / ".join(sources())),
    }  # fmt: skip


def template(db: Database) -> tuple[dict, list, list]:
    depots, items = lists.depots(db), lists.items(db)
    depot, item = lists.example_codes(depots, items)
    example = [depot, item, "20260301", date(2026, 3, 1), date(2029, 2, 28), 1000,
               "某某医疗用品有限公司", "采购"]  # fmt: skip
    return (
        {"source": sources()},
        example,
        [
            (tr("Sources"), ["来源"], [[k] for k in sources()]),
            lists.depots_list(depots),
            lists.items_list(items),
        ],
    )


def guidance() -> list[str]:
    return [
        tr("Each row is a receipt (opening balance or stock in) of one lot at one depot; "
           "the depots and items must exist (import them first)."),
    ]  # fmt: skip


KIND = Kind(
    name="stock",
    columns=COLUMNS,
    job=Stock,
    sheet="库存入库",
    command="stock",
    describe=describe,
    template=template,
    guidance=guidance,
    writes=("lot", "stock_move"),
)
