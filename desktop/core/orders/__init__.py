"""Allocation orders (调拨单): request → submit → approve → dispatch → receive, or cancel.

An order names its receiving party (a depot, or a unit and address), lines of items
and quantities, and is filled from lots picked earliest-expiry-first (FEFO) at the
issuing depot, the rest proposed from other depots when it is short. Approval
reserves the picked stock (available = on hand − reserved); dispatch writes the
issue movements (a transfer in transit when the destination is a depot); receipt
books what arrived and the reason for any difference. Status only moves forward,
here and in merges (tables.FORWARD). An oral or telephone order (口头/电话指令) is
approved when recorded and may be dispatched at once; its written paperwork is due
within 48 hours and alerted until completed.

Numbers are TB-<station code>-<yyyymmdd>-<seq>: unique across offline stations because
each station numbers only its own orders.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import catalog, stock
from desktop.core.store import station
from desktop.core.store.db import like_pattern
from desktop.core.store.writepath import write
from desktop.core.vocab import order_status as label

STATUSES = ("draft", "submitted", "approved", "dispatched", "received", "cancelled")
PRIORITIES = ("特急", "紧急", "一般")
PAPERWORK_HOURS = 48
LEVEL_ORDER = {"市级储备库": 0, "协议储备": 1, "县级储备库": 2, "医疗机构": 3}


@dataclass
class Planned:
    """What FEFO found for one line: the picks and any shortfall."""

    item: dict
    qty: int
    picks: list[tuple[dict, stock.Pick]]  # (depot, pick)
    short: int


def now() -> datetime:
    return datetime.now().astimezone()


def _stamp(when: datetime | None = None) -> str:
    return (when or now()).isoformat(timespec="seconds")


def next_number(db, code: str, day: date) -> str:
    prefix = f"TB-{code}-{day:%Y%m%d}-"
    count = db.execute(
        "SELECT count(*) FROM alloc_order WHERE number LIKE ? || '%'", [prefix]
    ).fetchone()[0]
    return f"{prefix}{count + 1:03d}"


def get(db, number: str) -> dict:
    row = next(
        db.query("SELECT * FROM alloc_order WHERE number = ? AND deleted = 0", [number.strip()]),
        None,
    )
    if row is None:
        raise BioError(tr("No allocation order {number}.", number=number))
    return row


def lines(db, order_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT l.id, l.line_no, l.qty_requested, l.note, i.id AS item_id, i.code AS item, "
            "i.name AS item_name, i.spec, i.unit FROM order_line l JOIN item i ON i.id = l.item_id "
            "WHERE l.order_id = ? AND l.deleted = 0 ORDER BY l.line_no",
            [order_id],
        )
    )


def picks(db, order_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT p.id, p.line_id, p.qty, p.qty_dispatched, p.qty_received, p.diff_reason, "
            "p.transfer_id, d.id AS depot_id, d.code AS depot, d.name AS depot_name, "
            "l.id AS lot_id, l.batch_no AS lot, l.expires_on AS expiry, i.code AS item, "
            "i.name AS item_name, i.spec, i.unit, ol.line_no "
            "FROM order_pick p JOIN depot d ON d.id = p.depot_id JOIN lot l ON l.id = p.lot_id "
            "JOIN order_line ol ON ol.id = p.line_id JOIN item i ON i.id = ol.item_id "
            "WHERE p.order_id = ? AND p.deleted = 0 ORDER BY ol.line_no, l.expires_on, l.batch_no",
            [order_id],
        )
    )


def detail(db, number: str) -> dict:
    """The order with its lines and picks, party names resolved."""
    order = get(db, number)
    for side in ("from", "to"):
        depot_id = order[f"{side}_depot_id"]
        depot = db["depot"].get(depot_id) if depot_id else None
        order[f"{side}_depot"] = depot["code"] if depot else None
        order[f"{side}_depot_name"] = depot["name"] if depot else None
        if side == "to" and depot and not order["to_address"]:
            order["to_address"] = depot["address"]
    order["lines"] = lines(db, order["id"])
    order["picks"] = picks(db, order["id"])
    order["paperwork_due"] = paperwork_due(order)
    return order


def paperwork_due(order: dict) -> str | None:
    """When the written paperwork of an oral order is due (None once done or not oral)."""
    if not order["oral"] or order["paperwork_done_at"] or not order["oral_at"]:
        return None
    due = datetime.fromisoformat(order["oral_at"]) + timedelta(hours=PAPERWORK_HOURS)
    return _stamp(due)


# -- planning -------------------------------------------------------------------------


def _depots_in_order(db, first: dict | None) -> list[dict]:
    depots = list(db.query("SELECT * FROM depot WHERE deleted = 0"))
    depots.sort(key=lambda d: (LEVEL_ORDER.get(d["level"], 9), d["code"]))
    if first is not None:
        depots = [first] + [d for d in depots if d["id"] != first["id"]]
    return depots


def plan(
    db,
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


def _requested(db, items: list[tuple[str, object]]) -> list[tuple[dict, int]]:
    if not items:
        raise BioError(tr("An order needs at least one line (item and quantity)."))
    out, seen = [], set()
    for code, qty in items:
        item = catalog.item_by_code(db, code)
        if item["id"] in seen:
            raise BioError(tr("Item {item} is on two lines; put it on one.", item=item["code"]))
        seen.add(item["id"])
        out.append((item, stock.whole(qty, tr("Quantity of {item}", item=item["code"]))))
    return out


def _write_plan(w, order_id: str, line_ids: dict[str, str], planned: list[Planned]) -> None:
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


# -- the lifecycle --------------------------------------------------------------------


def create(
    db,
    ctx: Ctx,
    source: str | None,
    destination: str,
    items: list[tuple[str, object]],
    *,
    incident: str = "",
    needed_by=None,
    priority: str = "一般",
    oral: bool = False,
    requesting_unit: str = "",
    to_address: str = "",
    from_contact: str = "",
    from_phone: str = "",
    to_contact: str = "",
    to_phone: str = "",
    vehicle: str = "",
    driver: str = "",
    driver_phone: str = "",
    approver: str = "",
    notes: str = "",
    drill: bool | None = None,
    today: date | None = None,
) -> dict:
    """A new order (draft; an oral order is approved at once), with FEFO picks planned.

    destination is a depot code or the name of a receiving unit.
    """
    today = today or date.today()
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    from_depot = catalog.depot_by_code(db, source) if source else None
    destination = (destination or "").strip()
    if not destination:
        raise BioError(tr("Name the receiving depot (its code) or the receiving unit."))
    to_depot = next(
        db.query("SELECT * FROM depot WHERE code = ? AND deleted = 0", [destination]), None
    )
    if from_depot and to_depot and from_depot["id"] == to_depot["id"]:
        raise BioError(tr("The issuing and the receiving depot are the same."))
    if priority not in PRIORITIES:
        raise BioError(tr("Priority must be 特急, 紧急 or 一般."))
    needed = stock.parse_date(needed_by, tr("Needed by")) if needed_by else None
    requested = _requested(db, items)
    planned = plan(db, requested, from_depot, to_depot["id"] if to_depot else None, today)
    if oral and not approver.strip():
        raise BioError(tr("An oral or telephone order names who gave it (approver)."))
    if drill is None:
        drill = bool(
            db.execute("SELECT 1 FROM meta WHERE key = 'drill' AND value = '1'").fetchone()
        )
    created = _stamp()
    with write(db, ctx) as w:
        number = next_number(db, st.code, today)
        order_id = w.insert(
            "alloc_order",
            {
                "number": number,
                "station": st.code,
                "incident": incident.strip(),
                "requesting_unit": requesting_unit.strip(),
                "from_depot_id": from_depot["id"] if from_depot else None,
                "to_depot_id": to_depot["id"] if to_depot else None,
                "to_unit": "" if to_depot else destination,
                "to_address": to_address.strip(),
                "from_contact": from_contact.strip(),
                "from_phone": from_phone.strip(),
                "to_contact": to_contact.strip(),
                "to_phone": to_phone.strip(),
                "needed_by": needed,
                "priority": priority,
                "vehicle": vehicle.strip(),
                "driver": driver.strip(),
                "driver_phone": driver_phone.strip(),
                "approver": approver.strip(),
                "status": "approved" if oral else "draft",
                "oral": int(oral),
                "oral_at": created if oral else None,
                "created_at": created,
                "submitted_at": created if oral else None,
                "approved_at": created if oral else None,
                "drill": int(drill),
                "notes": notes.strip(),
            },
        )
        line_ids = {}
        for n, (item, qty) in enumerate(requested, 1):
            line_ids[item["id"]] = w.insert(
                "order_line",
                {"order_id": order_id, "line_no": n, "item_id": item["id"], "qty_requested": qty},
            )
        if oral:
            _require_covered(planned)
        _write_plan(w, order_id, line_ids, planned)
    return summary(db, number, planned)


def summary(db, number: str, planned: list[Planned] | None = None) -> dict:
    """number, status and the picked lines {item, lot, expiry, qty, depot} (+ shortfalls)."""
    order = detail(db, number)
    out = {
        "number": order["number"],
        "status": order["status"],
        "lines": [
            {
                "item": p["item"],
                "lot": p["lot"],
                "expiry": p["expiry"],
                "qty": p["qty"],
                "depot": p["depot"],
            }
            for p in order["picks"]
        ],
    }
    short = [{"item": line.item["code"], "qty": line.short} for line in planned or [] if line.short]
    if short:
        out["short"] = short
    return out


def _require_covered(planned: list[Planned]) -> None:
    short = [line for line in planned if line.short]
    if short:
        raise BioError(
            tr(
                "Not enough usable stock in any depot for: {lines}.",
                lines="; ".join(
                    tr(
                        "{item} short by {qty} {unit}",
                        item=line.item["name"],
                        qty=line.short,
                        unit=line.item["unit"],
                    )
                    for line in short
                ),
            )
        )


def _move(order: dict, to: str, allowed: tuple[str, ...]) -> None:
    if order["status"] not in allowed:
        raise BioError(
            tr(
                "Order {number} is {status}; it cannot become {target}.",
                number=order["number"],
                status=label(order["status"]),
                target=label(to),
            )
        )


def submit(db, ctx: Ctx, number: str) -> dict:
    order = get(db, number)
    _move(order, "submitted", ("draft",))
    with write(db, ctx) as w:
        w.update("alloc_order", order["id"], {"status": "submitted", "submitted_at": _stamp()})
    return summary(db, number)


def approve(db, ctx: Ctx, number: str, approver: str = "", today: date | None = None) -> dict:
    """Approve and reserve: the picks are checked against what is available now and
    planned again (FEFO) when stock moved since the draft."""
    today = today or date.today()
    order = get(db, number)
    _move(order, "approved", ("submitted",))
    approver = approver.strip() or order["approver"]
    if not approver:
        raise BioError(tr("Name the approver (批准人)."))
    current = picks(db, order["id"])
    with write(db, ctx) as w:
        if not _still_available(db, current, today):
            for p in current:
                w.delete("order_pick", p["id"])
            requested = [
                (catalog.item_by_code(db, line["item"]), line["qty_requested"])
                for line in lines(db, order["id"])
            ]
            source = db["depot"].get(order["from_depot_id"]) if order["from_depot_id"] else None
            planned = plan(db, requested, source, order["to_depot_id"], today)
            _require_covered(planned)
            line_ids = {line["item_id"]: line["id"] for line in lines(db, order["id"])}
            _write_plan(w, order["id"], line_ids, planned)
        else:
            _require_lines_covered(db, order["id"], current)
        w.update(
            "alloc_order",
            order["id"],
            {"status": "approved", "approved_at": _stamp(), "approver": approver},
        )
    return summary(db, number)


def _still_available(db, current: list[dict], today: date) -> bool:
    for p in current:
        lot = db["lot"].get(p["lot_id"])
        if stock.unusable_reason(lot, today):
            return False
        free = stock.balance(db, p["depot_id"], p["lot_id"]) - stock.reserved(
            db, p["depot_id"], p["lot_id"]
        )
        if p["qty"] > free:
            return False
    return bool(current)


def _require_lines_covered(db, order_id: str, current: list[dict]) -> None:
    picked: dict[str, int] = {}
    for p in current:
        picked[p["line_id"]] = picked.get(p["line_id"], 0) + p["qty"]
    for line in lines(db, order_id):
        if picked.get(line["id"], 0) < line["qty_requested"]:
            raise BioError(
                tr(
                    "Not enough usable stock in any depot for: {lines}.",
                    lines=tr(
                        "{item} short by {qty} {unit}",
                        item=line["item_name"],
                        qty=line["qty_requested"] - picked.get(line["id"], 0),
                        unit=line["unit"],
                    ),
                )
            )


def dispatch(
    db,
    ctx: Ctx,
    number: str,
    vehicle: str = "",
    driver: str = "",
    driver_phone: str = "",
    today: date | None = None,
) -> dict:
    """Stock leaves: issue movements, or transfers in transit to a receiving depot."""
    today = today or date.today()
    order = get(db, number)
    _move(order, "dispatched", ("approved",))
    current = picks(db, order["id"])
    to_depot = db["depot"].get(order["to_depot_id"]) if order["to_depot_id"] else None
    with write(db, ctx) as w:
        for p in current:
            lot = db["lot"].get(p["lot_id"])
            reason = stock.unusable_reason(lot, today)
            if reason:
                raise BioError(
                    tr(
                        "Cannot issue from {reason}; such stock leaves only by write-off.",
                        reason=reason,
                    )
                )
            free = stock.balance(db, p["depot_id"], p["lot_id"]) - stock.reserved(
                db, p["depot_id"], p["lot_id"], except_order=order["id"]
            )
            if p["qty"] > free:
                raise BioError(
                    tr(
                        "Only {held} {unit} of lot {batch} are at {depot}; {qty} requested.",
                        held=free,
                        unit=p["unit"],
                        batch=p["lot"],
                        depot=p["depot"],
                        qty=p["qty"],
                    )
                )
            changes = {"qty_dispatched": p["qty"]}
            if to_depot is not None:
                transfer_id = w.insert(
                    "transfer",
                    {
                        "from_depot": p["depot_id"],
                        "to_depot": to_depot["id"],
                        "item_id": lot["item_id"],
                        "lot_id": p["lot_id"],
                        "qty_sent": p["qty"],
                        "status": "in_transit",
                        "sent_at": _stamp(),
                        "ref": number,
                    },
                )
                kind, note = "transfer_out", tr("to {depot}", depot=to_depot["code"])
                changes["transfer_id"] = transfer_id
            else:
                kind, note = "issue", order["to_unit"]
            w.insert(
                "stock_move",
                stock.move_row(
                    kind, p["depot_id"], lot["item_id"], p["lot_id"], -p["qty"], note, number
                ),
            )
            w.update("order_pick", p["id"], changes)
        transport = {
            k: v.strip()
            for k, v in (("vehicle", vehicle), ("driver", driver), ("driver_phone", driver_phone))
            if v.strip()
        }
        w.update(
            "alloc_order",
            order["id"],
            {"status": "dispatched", "dispatched_at": _stamp(), **transport},
        )
    return summary(db, number)


def receive(
    db, ctx: Ctx, number: str, received: dict[str, int] | None = None, reason: str = ""
) -> dict:
    """Book the arrival. received maps pick ids to the quantity that arrived (default:
    as dispatched); any difference needs its reason. At a receiving depot the stock is
    booked in (the transfer in transit is received)."""
    order = get(db, number)
    _move(order, "received", ("dispatched",))
    received = received or {}
    current = picks(db, order["id"])
    unknown = set(received) - {p["id"] for p in current}
    if unknown:
        raise BioError(tr("Order {number} has no pick {id}.", number=number, id=sorted(unknown)[0]))
    with write(db, ctx) as w:
        for p in current:
            sent = p["qty_dispatched"] or 0
            got = stock.whole(received.get(p["id"], sent), tr("Quantity received"), True)
            if got > sent:
                raise BioError(
                    tr(
                        "More received ({received}) than sent ({sent}): check the count.",
                        received=got,
                        sent=sent,
                    )
                )
            if got != sent and not reason.strip():
                raise BioError(
                    tr(
                        "{sent} were sent and {received} received: give the reason for "
                        "the difference.",
                        sent=sent,
                        received=got,
                    )
                )
            if p["transfer_id"]:
                transfer = db["transfer"].get(p["transfer_id"])
                if got:
                    w.insert(
                        "stock_move",
                        stock.move_row(
                            "transfer_in",
                            transfer["to_depot"],
                            transfer["item_id"],
                            transfer["lot_id"],
                            got,
                            reason.strip(),
                            number,
                        ),
                    )
                w.update(
                    "transfer",
                    p["transfer_id"],
                    {
                        "status": "received",
                        "qty_received": got,
                        "received_at": _stamp(),
                        "reason": reason.strip() if got != sent else "",
                    },
                )
            w.update(
                "order_pick",
                p["id"],
                {"qty_received": got, "diff_reason": reason.strip() if got != sent else ""},
            )
        w.update("alloc_order", order["id"], {"status": "received", "received_at": _stamp()})
    return summary(db, number)


def cancel(db, ctx: Ctx, number: str, reason: str) -> dict:
    """Cancel before dispatch (reservations are released); the reason is required."""
    order = get(db, number)
    _move(order, "cancelled", ("draft", "submitted", "approved"))
    if not reason.strip():
        raise BioError(tr("Give the reason for cancelling."))
    with write(db, ctx) as w:
        w.update(
            "alloc_order", order["id"], {"status": "cancelled", "cancel_reason": reason.strip()}
        )
    return summary(db, number)


def complete_paperwork(db, ctx: Ctx, number: str) -> dict:
    """The written paperwork of an oral order is done: its 48-hour alert ends."""
    order = get(db, number)
    if not order["oral"]:
        raise BioError(tr("Order {number} was not an oral order.", number=number))
    with write(db, ctx) as w:
        w.update("alloc_order", order["id"], {"paperwork_done_at": _stamp()})
    return summary(db, number)


def paperwork_alerts(db, at: datetime | None = None) -> list[dict]:
    """Oral orders whose written paperwork is outstanding, with due time and whether overdue."""
    at = at or now()
    out = []
    for order in db.query(
        "SELECT * FROM alloc_order WHERE oral = 1 AND paperwork_done_at IS NULL AND deleted = 0 "
        "AND status != 'cancelled' ORDER BY oral_at"
    ):
        due = paperwork_due(order)
        out.append(
            {
                "number": order["number"],
                "oral_at": order["oral_at"],
                "due": due,
                "overdue": datetime.fromisoformat(due) < at,
                "approver": order["approver"],
            }
        )
    return out


def listing(
    db,
    status: str | None = None,
    incident: str | None = None,
    search: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """Orders newest first, with the receiving party and the number of lines."""
    where, params = ["o.deleted = 0"], {"limit": limit}
    if status:
        where.append("o.status = :status")
        params["status"] = status
    if incident:
        where.append("o.incident = :incident")
        params["incident"] = incident
    if search and search.strip():
        where.append(
            "(o.number LIKE :q OR o.to_unit LIKE :q OR d.name LIKE :q OR o.requesting_unit LIKE :q)"
        )
        params["q"] = like_pattern(search.strip())
    return list(
        db.query(
            "SELECT o.number, o.status, o.priority, o.oral, o.drill, o.incident, o.created_at, "
            "o.needed_by, o.requesting_unit, coalesce(d.name, o.to_unit) AS destination, "
            "s.name AS source, o.paperwork_done_at, o.oral_at, "
            "(SELECT count(*) FROM order_line l WHERE l.order_id = o.id AND l.deleted = 0) "
            "AS lines "
            "FROM alloc_order o LEFT JOIN depot d ON d.id = o.to_depot_id "
            "LEFT JOIN depot s ON s.id = o.from_depot_id "
            f"WHERE {' AND '.join(where)} ORDER BY o.created_at DESC, o.number DESC LIMIT :limit",
            params,
        )
    )
