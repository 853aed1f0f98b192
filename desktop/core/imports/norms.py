"""Reserve norms (储备定额) from a spreadsheet: one norm per depot × item (norms.norm_id),
a whole number ≥ 0. An existing norm is replaced (a deleted one comes back, as set_norms
does); the same depot and item twice in one file is an error."""

import desktop.core.imports.lists as lists
import desktop.core.imports.refs as refs
from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind, column
from desktop.core.imports.job import Job
from desktop.core.reserves.norms import norm_id
from desktop.core.store.handle import Database

COLUMNS = (
    column("depot", "仓库编码", ("depot", "depot code"), True, "code"),
    column("item", "物资编码", ("item", "item code"), True, "code"),
    column("qty", "储备定额", ("norm", "reserve norm", "qty", "quantity"), True, "number"),
)  # fmt: skip


class Norms(Job):
    FACTS = refs.FACTS

    def __init__(self, *args):
        super().__init__(*args)
        self.refs = refs.Refs(self.db)
        self.seen: dict[tuple[str, str], int] = {}

    def check(self, row, cells):
        depot_id = self.refs.depot(self, row, cells)
        item = self.refs.item(self, row, cells)
        qty = None
        if not values.blank(cells.get("qty")):
            try:
                qty = values.whole(cells["qty"], allow_zero=True)
            except values.BadValue as exc:
                self.bad(row, "qty", str(exc))
        if depot_id is None or item is None:
            return None
        pair = (depot_id, item["id"])
        if pair in self.seen:
            self.bad(
                row,
                "item",
                tr(
                    "The norm of {item} at {depot} is already in row {row} of this file.",
                    item=item["code"],
                    depot=values.text(cells.get("depot")),
                    row=self.seen[pair],
                ),
            )
        else:
            self.seen[pair] = row
        return None if qty is None else (depot_id, item["id"], qty)

    def write(self, w, rows, tick):
        # Every norm, deleted ones too (setting one again brings it back), as set_norms does.
        existing = {row_id for (row_id,) in self.db.execute("SELECT id FROM norm")}
        new, done = [], 0
        for depot_id, item_id, qty in rows:
            row_id = norm_id(depot_id, item_id)
            if row_id in existing:
                w.update("norm", row_id, {"qty": qty, "deleted": 0})
                done += 1
                tick(done)
            else:
                new.append({"id": row_id, "depot_id": depot_id, "item_id": item_id, "qty": qty})
        self.insert_chunks(w, "norm", new, tick, done)


def describe() -> dict[str, tuple[str, str]]:
    return {
        **refs.described(),
        "qty": (
            tr("The reserve norm (储备定额) in the item's base unit; an existing norm of the "
               "depot and item is replaced."),
            tr("a whole number, 0 or more"),
        ),
    }  # fmt: skip


def template(db: Database) -> tuple[dict, list, list]:
    depots, items = lists.depots(db), lists.items(db)
    depot, item = lists.example_codes(depots, items)
    return {}, [depot, item, 5000], [lists.depots_list(depots), lists.items_list(items)]


def guidance() -> list[str]:
    return [tr("The depots and items must exist (import them first).")]


KIND = Kind(
    name="norms",
    columns=COLUMNS,
    job=Norms,
    sheet="储备定额",
    command="norms",
    describe=describe,
    template=template,
    guidance=guidance,
    writes=("norm",),
)
