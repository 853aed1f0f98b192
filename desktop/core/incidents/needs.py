"""What an incident needs against what the reserves hold (ICS-215: required / have / need).

Each material line gives a required quantity:

    quantity per day × scale × days × (1 + buffer %), rounded up

where the scale is the incident's exposed people, patients, responders, sites or area (km²)
as the line's basis says (1 for a fixed quantity), and the days are the line's own, capped
by the incident's expected days when they are estimated (a 14-day course of tablets is not
given for 30 days; nothing is planned beyond the days the incident is expected to last).

have = usable stock of the item in the depots the incident may draw on — released (合格),
unexpired and not reserved by an approved order — plus what its own orders have already
reserved or sent; need = max(required − have, 0). Drafting orders takes what is still to
order (required less what its live orders ask) from those depots, earliest expiry first
(FEFO), one draft order per issuing depot, and names the shortage for the rest."""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
from desktop.core import orders, values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.reserves import catalog, stock
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

BASES = ("per_exposed", "per_patient", "per_responder", "per_site", "per_km2", "fixed")
SCALE_OF = {"per_exposed": "exposed", "per_patient": "patients", "per_responder": "responders",
            "per_site": "sites", "per_km2": "area_km2"}  # fmt: skip
MAX_PER_DAY = 1_000_000
MAX_BUFFER = 1_000


def line_days(line: dict, incident: dict) -> int:
    days = line["days"]
    return min(days, incident["days"]) if incident["days"] > 0 else days


def required(line: dict, incident: dict) -> int:
    """The quantity one line asks for (see the module's formula)."""
    basis = line["basis"]
    scale = 1 if basis == "fixed" else incident[SCALE_OF[basis]]
    exact = (
        Decimal(str(line["qty_per_day"]))
        * Decimal(str(scale))
        * line_days(line, incident)
        * (100 + line["buffer_pct"])
        / 100
    )
    return min(math.ceil(exact), values.MAX_QTY)


def lines(db: Database, incident: dict) -> list[dict]:
    """The material lines, each with the item it names and the quantity it requires."""
    out = []
    for row in db.query(
        "SELECT n.*, i.code AS item, i.name AS item_name, i.spec, i.unit, p.code AS playbook, "
        "c.name AS category_name, c.name_en AS category_name_en FROM incident_need n "
        "LEFT JOIN item i ON i.id = n.item_id "
        "LEFT JOIN incident_playbook a ON a.id = n.activation_id "
        "LEFT JOIN playbook p ON p.id = a.playbook_id "
        "LEFT JOIN category c ON c.code = n.category AND c.scheme = 'practical' "
        "WHERE n.incident_id = ? AND n.deleted = 0 ORDER BY a.activated_at IS NULL, "
        "a.activated_at, p.code, n.position, n.id",
        [incident["id"]],
    ):
        row["category_name"] = vocab.local_name(row["category_name"], row.pop("category_name_en"))
        row["days_used"] = line_days(row, incident)
        row["required"] = required(row, incident)
        out.append(row)
    return out


def _free_by_depot(db: Database, item_id: str, depot_ids: list[str], today: date) -> dict:
    """Usable, unreserved stock of an item per depot (stock.usable_lots summed)."""
    if not depot_ids:
        return {}
    available = (
        "b.qty - (" + stock.RESERVED.format(lot="b.lot_id", depot="b.depot_id", exclude="") + ")"
    )
    marks = ", ".join("?" * len(depot_ids))
    return dict(
        db.execute(
            f"SELECT depot_id, sum(available) FROM (SELECT b.depot_id, {available} AS available "
            "FROM stock_balance b JOIN lot l ON l.id = b.lot_id "
            f"WHERE b.item_id = ? AND b.depot_id IN ({marks}) AND b.qty > 0 AND l.status = ? "
            "AND (l.expires_on IS NULL OR l.expires_on >= ?)) WHERE available > 0 "
            "GROUP BY depot_id",
            [item_id, *depot_ids, stock.USABLE, today.isoformat()],
        ).fetchall()
    )


def _orders_by_item(db: Database, incident_id: str) -> dict[str, dict[str, int]]:
    """Per item: what the incident's live orders ask (ordered) and what they hold for it
    (committed: reserved by an approved order, or sent)."""
    out: dict[str, dict[str, int]] = {}
    for item_id, ordered in db.execute(
        "SELECT l.item_id, sum(l.qty_requested) FROM order_line l "
        "JOIN alloc_order o ON o.id = l.order_id WHERE o.incident_id = ? AND o.deleted = 0 "
        "AND l.deleted = 0 AND o.status != 'cancelled' GROUP BY l.item_id",
        [incident_id],
    ):
        out.setdefault(item_id, {"ordered": 0, "committed": 0})["ordered"] = ordered
    for item_id, committed in db.execute(
        "SELECT l.item_id, sum(CASE WHEN o.status = 'approved' THEN p.qty "
        "ELSE coalesce(p.qty_dispatched, 0) END) FROM order_pick p "
        "JOIN order_line l ON l.id = p.line_id JOIN alloc_order o ON o.id = p.order_id "
        "WHERE o.incident_id = ? AND o.deleted = 0 AND p.deleted = 0 "
        "AND o.status IN ('approved', 'dispatched', 'received') GROUP BY l.item_id",
        [incident_id],
    ):
        out.setdefault(item_id, {"ordered": 0, "committed": 0})["committed"] = committed
    return out


def compute(db: Database, ref: str, today: date | None = None) -> list[dict]:
    """Required / have / need per item (and per category without items), with the depots
    holding it: {item, item_name, spec, unit, category, required, have, need, ordered (on
    its live orders), to_order, over (ordered beyond what is required: orders drafted at two
    stations apart), depots: [{code, name, qty}], lines}."""
    today = today or date.today()
    incident = records.get(db, ref)
    depots = records.allowed_depots(db, incident)
    depot_ids = [d["id"] for d in depots]
    by_item: dict[str, dict] = {}
    for line in lines(db, incident):
        key = line["item_id"] or f"category:{line['category']}"
        row = by_item.setdefault(
            key,
            {"item_id": line["item_id"], "item": line["item"], "item_name": line["item_name"],
             "spec": line["spec"] or "", "unit": line["unit"] or "",
             "category": line["category"], "category_name": line["category_name"] or "",
             "required": 0, "lines": []},
        )  # fmt: skip
        row["required"] = min(row["required"] + line["required"], values.MAX_QTY)
        row["lines"].append(line)
    orders_of = _orders_by_item(db, incident["id"])
    out = []
    for row in by_item.values():
        free = _free_by_depot(db, row["item_id"], depot_ids, today) if row["item_id"] else {}
        mine = orders_of.get(row["item_id"], {"ordered": 0, "committed": 0})
        have = sum(free.values()) + mine["committed"]
        row.update(
            have=have,
            need=max(row["required"] - have, 0),
            ordered=mine["ordered"],
            to_order=max(row["required"] - mine["ordered"], 0),
            over=max(mine["ordered"] - row["required"], 0),
            depots=[
                {"id": d["id"], "code": d["code"], "name": d["name"], "qty": free[d["id"]]}
                for d in depots
                if free.get(d["id"])
            ],
        )
        out.append(row)
    return out


@dataclass
class Drafted:
    orders: list[dict]  # {number, from_depot, from_depot_name, lines: [{item, qty, unit}]}
    short: list[dict]  # {item, item_name, qty, unit}


def draft_orders(db: Database, ctx: Ctx, ref: str, today: date | None = None) -> Drafted:
    """Draft allocation orders for what the incident still has to order: FEFO from the
    depots it may draw on (its division's first), one order per issuing depot; the
    shortage is returned (and noted in the 大事记)."""
    today = today or date.today()
    incident = records.open_incident(db, ref)
    needs = compute(db, incident["id"], today)
    if not needs:
        raise BioError(
            tr("Incident {number} has no material lines: activate a playbook or add lines "
               "first.", number=incident["number"])
        )  # fmt: skip
    depots = {d["id"]: d for d in records.allowed_depots(db, incident)}
    # stock its own drafts already plan to take (not reserved until approved)
    planned = {
        (depot_id, item_id): qty
        for depot_id, item_id, qty in db.execute(
            "SELECT p.depot_id, l.item_id, sum(p.qty) FROM order_pick p "
            "JOIN order_line l ON l.id = p.line_id JOIN alloc_order o ON o.id = p.order_id "
            "WHERE o.incident_id = ? AND o.status IN ('draft', 'submitted') AND o.deleted = 0 "
            "AND p.deleted = 0 GROUP BY p.depot_id, l.item_id",
            [incident["id"]],
        )
    }
    per_depot: dict[str, list[tuple[str, object]]] = {}
    short = []
    for row in needs:
        wanted = row["to_order"]
        if not wanted:
            continue
        if row["item_id"] is None:
            short.append({"item": None, "item_name": row["category_name"] or row["category"],
                          "qty": wanted, "unit": ""})  # fmt: skip
            continue
        for held in row["depots"]:
            take = min(wanted, held["qty"] - planned.get((held["id"], row["item_id"]), 0))
            if take <= 0:
                continue
            per_depot.setdefault(held["id"], []).append((row["item"], take))
            wanted -= take
            if not wanted:
                break
        if wanted:
            short.append({"item": row["item"], "item_name": row["item_name"], "qty": wanted,
                          "unit": row["unit"]})  # fmt: skip
    detail = records.detail(db, incident["id"])
    destination = detail["lead_agency_name"] or tr("{title} site", title=incident["title"])
    priority = "特急" if incident["grade"] in ("I", "II") else "紧急"
    drafts = [
        (
            depots[depot_id],
            orders.prepare(
                db,
                depots[depot_id]["code"],
                destination,
                items,
                incident=incident["id"],
                needed_by=today,
                priority=priority,
                requesting_unit=detail["lead_agency_name"],
                to_address=incident["place"],
                notes=tr("Drafted from the needs of incident {number}.", number=incident["number"]),
                today=today,
            ),
        )  # fmt: skip
        for depot_id, items in per_depot.items()
    ]
    made: list[dict] = []
    if not drafts:  # nothing in stock to order: the shortage alone, nothing written
        return Drafted(made, short)
    with write(db, ctx) as w:
        for depot, draft in drafts:
            number = orders.write_draft(w, draft, today)
            made.append(
                {"number": number, "from_depot": depot["code"], "from_depot_name": depot["name"],
                 "lines": [{"item": item["code"], "item_name": item["name"], "qty": qty,
                            "unit": item["unit"]} for item, qty in draft.requested]}
            )  # fmt: skip
        if short:
            journal.note(
                w,
                incident["id"],
                "order",
                tr("Not in the reserves it may draw on: {lines}.", lines="; ".join(
                    f"{s['item_name']} {s['qty']:,} {s['unit']}".strip() for s in short)),
            )  # fmt: skip
    return Drafted(made, short)


def incident_orders(db: Database, ref: str) -> list[dict]:
    """The orders made for the incident, with their status."""
    incident = records.get(db, ref)
    return orders.listing(db, incident=incident["id"])


# ---------------------------------------------------------------- editing lines


def _line_values(db: Database, given: dict) -> dict:
    out: dict = {}
    if "item" in given:
        try:
            out["item_id"] = catalog.item_by_code(db, str(given["item"] or ""))["id"]
        except BioError as error:
            raise Invalid("item", str(error)) from None
    if "basis" in given:
        if given["basis"] not in BASES:
            raise Invalid("basis", tr("Basis must be one of: {bases}.", bases=", ".join(BASES)))
        out["basis"] = given["basis"]
    if "qty_per_day" in given:
        try:
            qty = float(str(given["qty_per_day"]).strip())
        except ValueError:
            qty = -1.0
        if not 0 < qty <= MAX_PER_DAY:
            raise Invalid(
                "qty_per_day",
                tr("The quantity per day is a number above 0 and at most {max}.",
                   max=f"{MAX_PER_DAY:,}"),
            )  # fmt: skip
        out["qty_per_day"] = round(qty, 4)
    if "days" in given:
        days = values.whole(given["days"], field=tr("Days"))
        if days > records.MAX_DAYS:
            raise Invalid("days", tr("Days can be at most {max}.", max=records.MAX_DAYS))
        out["days"] = days
    if "buffer_pct" in given:
        buffer = values.whole(given["buffer_pct"], allow_zero=True, field=tr("Buffer %"))
        if buffer > MAX_BUFFER:
            raise Invalid("buffer_pct", tr("The buffer is at most {max} %.", max=MAX_BUFFER))
        out["buffer_pct"] = buffer
    if "note" in given:
        out["note"] = values.clean_text(given["note"], "note", multiline=True)
    return out


def add_line(db: Database, ctx: Ctx, ref: str, given: dict) -> str:
    """A material line added by hand: item, basis, qty_per_day, days, buffer_pct, note."""
    incident = records.open_incident(db, ref)
    fields = {"basis": "fixed", "days": 1, "buffer_pct": 0, "note": ""}
    fields.update(_line_values(db, given))
    if "item_id" not in fields or "qty_per_day" not in fields:
        raise Invalid("item", tr("A line names an item and a quantity per day."))
    position = db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM incident_need WHERE incident_id = ?",
        [incident["id"]],
    ).fetchone()[0]
    with write(db, ctx) as w:
        return w.insert(
            "incident_need", {"incident_id": incident["id"], "position": position, **fields}
        )


def _line(db: Database, line_id: str) -> dict:
    row = db["incident_need"].get(line_id) if line_id else None
    if row is None or row["deleted"]:
        raise BioError(tr("No material line {id}.", id=line_id))
    records.open_incident(db, row["incident_id"])
    return row


def save_line(db: Database, ctx: Ctx, line_id: str, given: dict) -> None:
    """Change a line: its item (a category's line may name another item), basis, quantity
    per day, days, buffer or note."""
    line = _line(db, line_id)
    fields = _line_values(db, given)
    with write(db, ctx) as w:
        w.update("incident_need", line["id"], fields)


def remove_line(db: Database, ctx: Ctx, line_id: str) -> None:
    line = _line(db, line_id)
    with write(db, ctx) as w:
        w.delete("incident_need", line["id"])
