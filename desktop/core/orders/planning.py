"""Planning an order: lots picked earliest-expiry-first (FEFO) at the issuing depot, the
rest from other depots (city reserves first), never from the destination; a shortfall
is named."""

from dataclasses import dataclass
from datetime import date

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import catalog, stock
from desktop.core.store.handle import Database

LEVEL_ORDER = {"市级储备库": 0, "协议储备": 1, "县级储备库": 2, "医疗机构": 3}


@dataclass
class Planned:
    """What FEFO found for one line: the picks and any shortfall."""

    item: dict
    qty: int
    picks: list[tuple[dict, stock.Pick]]  # (depot, pick)
    short: int


def _depots_in_order(db: Database, first: dict | None) -> list[dict]:
    depots = list(db.query("SELECT * FROM depot WHERE deleted = 0"))
    depots.sort(key=lambda d: (LEVEL_ORDER.get(d["level"], 9), d["code"]))
    if first is not None:
        depots = [first] + [d for d in depots if d["id"] != first["id"]]
    return depots


def plan(
    db: Database,
    requested: list[tuple[dict, int]],
    source: dict | None,
    exclude: str | None = None,
    today: date | None = None,
) -> list[Planned]:
    """FEFO picks for each (item, qty): the issuing depot first, then other depots (city
    reserves first), never the destination depot."""
    today = today or date.today()
    depots = [d for d in _depots_in_order(db, source) if d["id"] != exclude]
    out = []
    for item, qty in requested:
        wanted, chosen = qty, []
        for depot in depots:
            if not wanted:
                break
            for lot in stock.usable_lots(db, depot["id"], item["id"], today):
                take = min(wanted, lot.qty)
                chosen.append((depot, stock.Pick(lot.lot_id, lot.batch_no, lot.expires_on, take)))
                wanted -= take
                if not wanted:
                    break
        out.append(Planned(item, qty, chosen, wanted))
    return out


def requested_items(db: Database, items: list[tuple[str, object]]) -> list[tuple[dict, int]]:
    if not items:
        raise BioError(tr("An order needs at least one line (item and quantity)."))
    out, seen = [], set()
    for code, qty in items:
        item = catalog.item_by_code(db, code)
        if item["id"] in seen:
            raise BioError(tr("Item {item} is on two lines; put it on one.", item=item["code"]))
        seen.add(item["id"])
        out.append((item, values.whole(qty, field=tr("Quantity of {item}", item=item["code"]))))
    return out


def write_plan(w, order_id: str, line_ids: dict[str, str], planned: list[Planned]) -> None:
    for line in planned:
        for depot, p in line.picks:
            w.insert(
                "order_pick",
                {
                    "order_id": order_id,
                    "line_id": line_ids[line.item["id"]],
                    "depot_id": depot["id"],
                    "lot_id": p.lot_id,
                    "qty": p.qty,
                },
            )


def require_covered(planned: list[Planned]) -> None:
    short = [line for line in planned if line.short]
    if short:
        raise BioError(
            tr(
                "Not enough usable stock in any depot for: {lines}.",
                lines="; ".join(
                    tr(
                        "{item} short by {qty} {unit}",
                        item=line.item["name"],
                        qty=f"{line.short:,}",
                        unit=line.item["unit"],
                    )
                    for line in short
                ),
            )
        )
