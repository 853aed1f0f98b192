"""The lifecycle of an allocation order: create → submit → approve (reserves the stock)
→ dispatch (issues it, or sends it in transit to a receiving depot) → receive, or
cancel; the written paperwork of an oral order. Status only moves forward, here and in
merges (tables.FORWARD)."""

from dataclasses import dataclass
from datetime import date

from desktop.core import values
from desktop.core.access import field_words, policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.orders.planning import (
    Planned,
    plan,
    requested_items,
    require_covered,
    write_plan,
)
from desktop.core.orders.records import (
    PRIORITIES,
    get,
    lines,
    next_number,
    picks,
    stamp,
    summary,
)
from desktop.core.reserves import catalog, stock
from desktop.core.store import info, station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write
from desktop.core.vocab import order_status as label


@dataclass
class Draft:
    """An order checked and planned, ready to be written (write_draft)."""

    station: str
    fields: dict
    requested: list[tuple[dict, int]]
    planned: list[Planned]
    oral: bool


def incident_ref(db: Database, ref: str) -> dict | None:
    """The incident an order serves, by id or number (None for none); refused when unknown
    or closed."""
    ref = (ref or "").strip()
    if not ref:
        return None
    row = next(
        db.query(
            "SELECT id, number, status FROM incident WHERE (id = ? OR number = ?) AND deleted = 0",
            [ref, ref],
        ),
        None,
    )
    if row is None:
        raise BioError(tr("No incident {ref}.", ref=ref))
    if row["status"] == "closed":
        raise BioError(tr("Incident {number} is closed; orders can no longer be made for it.",
                          number=row["number"]))  # fmt: skip
    return row


def prepare(
    db: Database,
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
) -> Draft:
    """Check an order and plan its FEFO picks; nothing is written.

    destination is a depot code or the name of a receiving unit; incident the id or number
    of the incident it serves."""
    today = today or date.today()
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    from_depot = catalog.depot_by_code(db, source) if source else None
    texts = {
        name: typed(name, value)
        for name, value in (
            ("to_unit", destination), ("requesting_unit", requesting_unit),
            ("to_address", to_address), ("from_contact", from_contact),
            ("from_phone", from_phone), ("to_contact", to_contact), ("to_phone", to_phone),
            ("vehicle", vehicle), ("driver", driver), ("driver_phone", driver_phone),
            ("approver", approver), ("notes", notes),
        )
    }  # fmt: skip
    destination = texts.pop("to_unit")
    if not destination:
        raise BioError(tr("Name the receiving depot (its code) or the receiving unit."))
    to_depot = next(
        db.query("SELECT * FROM depot WHERE code = ? AND deleted = 0", [destination]), None
    )
    if from_depot and to_depot and from_depot["id"] == to_depot["id"]:
        raise BioError(tr("The issuing and the receiving depot are the same."))
    if priority not in PRIORITIES:
        raise BioError(tr("Priority must be 特急, 紧急 or 一般."))
    needed = values.date_iso(needed_by, tr("Needed by")) if needed_by else None
    served = incident_ref(db, incident)
    requested = requested_items(db, items)
    planned = plan(db, requested, from_depot, to_depot["id"] if to_depot else None, today)
    if oral and not texts["approver"]:
        raise BioError(tr("An oral or telephone order names who gave it (approver)."))
    in_drill = info.drill_of(db) is not None
    if drill and not in_drill:  # a drill's orders live in its sandbox, never in real stock
        raise BioError(
            tr(
                "Orders for a drill are made inside the drill (its sandbox: bioreserve --drill "
                "ID order create …, or the 演练 page); in the live database they would issue "
                "real stock."
            )
        )
    drill = in_drill
    created = stamp()
    fields = {
        "station": st.code,
        "incident": served["number"] if served else "",
        "incident_id": served["id"] if served else None,
        "from_depot_id": from_depot["id"] if from_depot else None,
        "to_depot_id": to_depot["id"] if to_depot else None,
        "to_unit": "" if to_depot else destination,
        "needed_by": needed,
        "priority": priority,
        "status": "approved" if oral else "draft",
        "oral": int(oral),
        "oral_at": created if oral else None,
        "created_at": created,
        "submitted_at": created if oral else None,
        "approved_at": created if oral else None,
        "drill": int(drill),
        **texts,
    }
    if oral:
        require_covered(planned)
    return Draft(st.code, fields, requested, planned, oral)


# What an order's typed texts may hold: characters (a receiving unit's name fits a line of
# the printed order); the phones are phone numbers; the notes may have line breaks.
TEXT_LIMITS = {
    "to_unit": 100, "requesting_unit": 100, "to_address": 500, "from_contact": 100,
    "to_contact": 100, "vehicle": 100, "driver": 50, "approver": 50, "notes": 2000,
}  # fmt: skip
PHONES = ("from_phone", "to_phone", "driver_phone")


def typed(field: str, value) -> str:
    """One of an order's typed texts, checked (control characters, length, a phone number
    where one is asked); BioError naming the field otherwise."""
    try:
        if field in PHONES:
            return values.phone(value, field)
        return values.bounded(value or "", field, TEXT_LIMITS[field], field == "notes")
    except (Invalid, values.BadValue) as exc:
        words = {**field_words.labels(), **field_words.labels_in("alloc_order")}
        label = words.get(field, field)
        raise BioError(tr("{field}: {reason}", field=label, reason=exc)) from None


def write_draft(w, draft: Draft, today: date) -> str:
    """Write a prepared order, its lines and picks inside the caller's transaction; returns
    its number."""
    number = next_number(w.db, draft.station, today)
    order_id = w.insert("alloc_order", {"number": number, **draft.fields})
    line_ids = {}
    for n, (item, qty) in enumerate(draft.requested, 1):
        line_ids[item["id"]] = w.insert(
            "order_line",
            {"order_id": order_id, "line_no": n, "item_id": item["id"], "qty_requested": qty},
        )
    write_plan(w, order_id, line_ids, draft.planned)
    return number


def create(
    db: Database,
    ctx: Ctx,
    source: str | None,
    destination: str,
    items: list[tuple[str, object]],
    **details,
) -> dict:
    """A new order (draft; an oral order is approved at once), with FEFO picks planned.

    destination is a depot code or the name of a receiving unit; details are prepare()'s
    keywords (incident, needed_by, priority, oral, contacts, transport, approver, notes,
    drill, today)."""
    today = details.get("today") or date.today()
    draft = prepare(db, source, destination, items, **details)
    with write(db, ctx) as w:
        number = write_draft(w, draft, today)
    return summary(db, number, draft.planned)


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


def submit(db: Database, ctx: Ctx, number: str) -> dict:
    order = get(db, number)
    _move(order, "submitted", ("draft",))
    with write(db, ctx) as w:
        w.update("alloc_order", order["id"], {"status": "submitted", "submitted_at": stamp()})
    return summary(db, number)


def approve(
    db: Database, ctx: Ctx, number: str, approver: str = "", today: date | None = None
) -> dict:
    """Approve and reserve: the picks are checked against what is available now and
    planned again (FEFO) when stock moved since the draft. The APPROVE right (in a drill's
    sandbox its controller's too)."""
    policy.require_at(db, ctx, roles.APPROVE)
    today = today or date.today()
    order = get(db, number)
    if order["status"] == "draft":
        raise BioError(
            tr("Order {number} is a draft: submit it first, then approve it.", number=number)
        )
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
            require_covered(planned)
            line_ids = {line["item_id"]: line["id"] for line in lines(db, order["id"])}
            write_plan(w, order["id"], line_ids, planned)
        else:
            _require_lines_covered(db, order["id"], current)
        w.update(
            "alloc_order",
            order["id"],
            {"status": "approved", "approved_at": stamp(), "approver": approver},
        )
    return summary(db, number)


def _still_available(db: Database, current: list[dict], today: date) -> bool:
    for p in current:
        lot = db["lot"].get(p["lot_id"])
        assert lot is not None  # order_pick.lot_id references lot
        if stock.unusable_reason(lot, today):
            return False
        free = stock.balance(db, p["depot_id"], p["lot_id"]) - stock.reserved(
            db, p["depot_id"], p["lot_id"]
        )
        if p["qty"] > free:
            return False
    return bool(current)


def _require_lines_covered(db: Database, order_id: str, current: list[dict]) -> None:
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
    db: Database,
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
            assert lot is not None  # order_pick.lot_id references lot
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
                        held=f"{free:,}",
                        unit=p["unit"],
                        batch=p["lot"],
                        depot=p["depot"],
                        qty=f"{p['qty']:,}",
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
                        "sent_at": stamp(),
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
            k: typed(k, v)
            for k, v in (("vehicle", vehicle), ("driver", driver), ("driver_phone", driver_phone))
            if v.strip()
        }
        w.update(
            "alloc_order",
            order["id"],
            {"status": "dispatched", "dispatched_at": stamp(), **transport},
        )
    return summary(db, number)


def receive(
    db: Database, ctx: Ctx, number: str, received: dict[str, int] | None = None, reason: str = ""
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
            transfer = db["transfer"].get(p["transfer_id"]) if p["transfer_id"] else None
            if transfer is not None and transfer["status"] == "received":
                # booked in at the depot already (`stock arrive`, 在途 → 确认到货): the order
                # records what arrived then, and nothing is booked twice
                got = transfer["qty_received"] or 0
                w.update("order_pick", p["id"], {
                    "qty_received": got, "diff_reason": transfer["reason"] if got != sent else ""
                })  # fmt: skip
                continue
            got = values.whole(received.get(p["id"], sent), True, tr("Quantity received"))
            if got > sent:
                raise BioError(
                    tr(
                        "More received ({received}) than sent ({sent}): check the count.",
                        received=f"{got:,}",
                        sent=f"{sent:,}",
                    )
                )
            if got != sent and not reason.strip():
                raise BioError(
                    tr(
                        "{sent} were sent and {received} received: give the reason for "
                        "the difference.",
                        sent=f"{sent:,}",
                        received=f"{got:,}",
                    )
                )
            if transfer is not None:
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
                        "received_at": stamp(),
                        "reason": reason.strip() if got != sent else "",
                    },
                )
            w.update(
                "order_pick",
                p["id"],
                {"qty_received": got, "diff_reason": reason.strip() if got != sent else ""},
            )
        w.update("alloc_order", order["id"], {"status": "received", "received_at": stamp()})
    return summary(db, number)


def cancel(db: Database, ctx: Ctx, number: str, reason: str) -> dict:
    """Cancel before dispatch (reservations are released); the reason is required."""
    order = get(db, number)
    _move(order, "cancelled", ("draft", "submitted", "approved"))
    if not reason.strip():
        raise BioError(tr("Give the reason for cancelling."))
    with write(db, ctx) as w:
        cancel_in(w, order, reason)
    return summary(db, number)


def cancel_in(w, order: dict, reason: str) -> None:
    """Cancel a checked order inside the caller's transaction."""
    w.update(
        "alloc_order",
        order["id"],
        {"status": "cancelled", "cancel_reason": reason.strip(), "cancelled_at": stamp()},
    )


def complete_paperwork(db: Database, ctx: Ctx, number: str) -> dict:
    """The written paperwork of an oral order is done: its 48-hour alert ends."""
    order = get(db, number)
    if not order["oral"]:
        raise BioError(tr("Order {number} was not an oral order.", number=number))
    if order["paperwork_done_at"]:  # the time it was done stays what it was
        raise BioError(
            tr(
                "The paperwork of order {number} was completed on {when} already.",
                number=number,
                when=values.shown_time(order["paperwork_done_at"]),
            )
        )
    with write(db, ctx) as w:
        w.update("alloc_order", order["id"], {"paperwork_done_at": stamp()})
    return summary(db, number)
