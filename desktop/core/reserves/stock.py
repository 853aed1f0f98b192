"""The stock ledger: receive, issue, transfer, count and write off.

Every operation is a set of insert-only movements (stock_move) written through
the write path; balances follow by trigger. Nothing is ever updated: a
correction is a new movement. Rules that hold on every path (UI, CLI, import):
quantities are whole positive numbers of the item's base unit; nothing is
issued or transferred beyond the balance at this depot, or from a lot that is
expired, quarantined (待检), frozen (冻结) or scrapped (报废) — such stock leaves
only by write-off.
"""

from dataclasses import dataclass
from datetime import date

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.reserves import catalog
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

RECEIPT_SOURCES = {
    "采购": "采购",
    "捐赠": "捐赠",
    "调入": "调入",
    "退库": "退库",
    "purchase": "采购",
    "donation": "捐赠",
    "transfer": "调入",
    "return": "退库",
}
WRITE_OFF_REASONS = {
    "过期": "过期",
    "损坏": "损坏",
    "丢失": "丢失",
    "expired": "过期",
    "damaged": "损坏",
    "lost": "丢失",
}
USABLE = "合格"


@dataclass(frozen=True)
class Pick:
    """Stock taken from one lot."""

    lot_id: str
    batch_no: str
    expires_on: str | None
    qty: int


def balance(db: Database, depot_id: str, lot_id: str) -> int:
    row = db.execute(
        "SELECT qty FROM stock_balance WHERE depot_id = ? AND lot_id = ?", [depot_id, lot_id]
    ).fetchone()
    return row[0] if row else 0


def unusable_reason(lot: dict, today: date) -> str | None:
    """Why stock of this lot cannot be issued, or None when it can."""
    if lot["status"] != USABLE:
        return tr("lot {batch} is {status}", batch=lot["batch_no"], status=lot["status"])
    if lot["expires_on"] and lot["expires_on"] < today.isoformat():
        return tr("lot {batch} expired on {date}", batch=lot["batch_no"], date=lot["expires_on"])
    return None


# Stock reserved by approved allocation orders not yet dispatched (desktop/core/orders.py).
# the picks of approved orders at a depot's lot: what they reserve, and which orders
APPROVED_PICKS = """
FROM order_pick p JOIN alloc_order o ON o.id = p.order_id
WHERE p.lot_id = {lot} AND p.depot_id = {depot} AND p.deleted = 0 AND o.deleted = 0
  AND o.status = 'approved'{exclude}
"""
RESERVED = "SELECT coalesce(sum(p.qty), 0) " + APPROVED_PICKS


def reserved(db: Database, depot_id: str, lot_id: str, except_order: str | None = None) -> int:
    exclude = " AND o.id != ?" if except_order else ""
    params = [lot_id, depot_id] + ([except_order] if except_order else [])
    sql = RESERVED.format(lot="?", depot="?", exclude=exclude)
    return db.execute(sql, params).fetchone()[0]


def usable_lots(db: Database, depot_id: str, item_id: str, today: date) -> list[Pick]:
    """Stock of an item at a depot that can be issued, earliest expiry first (FEFO):
    released, unexpired lots, less what approved orders have reserved."""
    available = "b.qty - (" + RESERVED.format(lot="b.lot_id", depot="b.depot_id", exclude="") + ")"
    rows = db.execute(
        f"SELECT l.id, l.batch_no, l.expires_on, {available} AS available "
        "FROM stock_balance b JOIN lot l ON l.id = b.lot_id "
        "WHERE b.depot_id = ? AND b.item_id = ? AND b.qty > 0 AND l.status = ? "
        "AND (l.expires_on IS NULL OR l.expires_on >= ?) AND available > 0 "
        "ORDER BY l.expires_on IS NULL, l.expires_on, l.batch_no",
        [depot_id, item_id, USABLE, today.isoformat()],
    ).fetchall()
    return [Pick(*row) for row in rows]


def usable_total(db: Database, item_id: str, today: date) -> int:
    """What an order could pick of an item across every depot: released, unexpired lots
    less what approved orders have reserved (usable_lots summed, in one query)."""
    available = "b.qty - (" + RESERVED.format(lot="b.lot_id", depot="b.depot_id", exclude="") + ")"
    row = db.execute(
        f"SELECT coalesce(sum(available), 0) FROM (SELECT {available} AS available "
        "FROM stock_balance b JOIN lot l ON l.id = b.lot_id "
        "JOIN depot d ON d.id = b.depot_id AND d.deleted = 0 "
        "WHERE b.item_id = ? AND b.qty > 0 AND l.status = ? "
        "AND (l.expires_on IS NULL OR l.expires_on >= ?)) WHERE available > 0",
        [item_id, USABLE, today.isoformat()],
    ).fetchone()
    return row[0]


def pick(
    db: Database, depot: dict, item: dict, qty: int, batch: str | None, today: date
) -> list[Pick]:
    """Lots to take qty from: the named lot, or FEFO across usable lots."""
    if batch:
        lot = catalog.lot_by_batch(db, item["id"], batch)
        if lot is None:
            raise BioError(tr("Item {item} has no lot {batch}.", item=item["code"], batch=batch))
        reason = unusable_reason(lot, today)
        if reason:
            raise BioError(
                tr(
                    "Cannot issue from {reason}; such stock leaves only by write-off.",
                    reason=reason,
                )
            )
        held = balance(db, depot["id"], lot["id"]) - reserved(db, depot["id"], lot["id"])
        if qty > held:
            raise BioError(
                tr(
                    "Only {held} {unit} of lot {batch} are at {depot}; {qty} requested.",
                    held=f"{held:,}",
                    unit=item["unit"],
                    batch=batch,
                    depot=depot["code"],
                    qty=f"{qty:,}",
                )
            )
        return [Pick(lot["id"], lot["batch_no"], lot["expires_on"], qty)]
    picks, wanted = [], qty
    for found in usable_lots(db, depot["id"], item["id"], today):
        take = min(wanted, found.qty)
        picks.append(Pick(found.lot_id, found.batch_no, found.expires_on, take))
        wanted -= take
        if not wanted:
            return picks
    usable = qty - wanted
    raise BioError(
        tr(
            "Only {usable} {unit} of {item} can be issued at {depot} (unexpired, released lots); "
            "{qty} requested.",
            usable=f"{usable:,}",
            unit=item["unit"],
            item=item["name"],
            depot=depot["code"],
            qty=f"{qty:,}",
        )
    )


def move_row(
    kind, depot_id, item_id, lot_id, qty, reason="", ref="", note="", occurred_at=None
) -> dict:
    """The fields of a stock movement as every path records it."""
    return {
        "kind": kind,
        "depot_id": depot_id,
        "item_id": item_id,
        "lot_id": lot_id,
        "qty": qty,
        "reason": reason,
        "ref": ref,
        "occurred_at": occurred_at or values.now_iso(),
        "note": note,
    }


def lot_row(
    item_id: str, batch: str, manufacturer: str = "", produced=None, expiry=None, lot_id=None
) -> dict:
    """The fields of a lot created at its first receipt (id derived from item and batch;
    lot_id: that id, derived already)."""
    return {
        "id": lot_id or catalog.lot_id(item_id, batch),
        "item_id": item_id,
        "batch_no": batch,
        "manufacturer": (manufacturer or "").strip(),
        "produced_on": produced,
        "expires_on": expiry,
        "status": USABLE,
    }


def check_receipt(
    item: dict, batch: str, lot: dict | None, expiry: str | None, produced: str | None
) -> None:
    """The lot rules of a receipt (receive and the importer): a new lot of an item managed by
    expiry needs its expiry date; a given expiry must match the lot's; production before
    expiry. Raises Invalid naming the field ("expires_on" or "produced_on")."""
    if lot is None and item["shelf_life"] and not expiry:
        raise Invalid(
            "expires_on",
            tr("{item} is managed by expiry date: give the lot's expiry date.", item=item["name"]),
        )
    if lot is not None and expiry and lot["expires_on"] and expiry != lot["expires_on"]:
        raise Invalid(
            "expires_on",
            tr(
                "Lot {batch} of {item} is recorded with expiry {recorded}, not {given}.",
                batch=batch,
                item=item["code"],
                recorded=lot["expires_on"],
                given=expiry,
            ),
        )
    if produced and expiry and produced > expiry:
        raise Invalid("produced_on", tr("The production date is after the expiry date."))


def _move(w, kind, depot_id, item_id, lot_id, qty, reason="", ref="", note="") -> str:
    return w.insert("stock_move", move_row(kind, depot_id, item_id, lot_id, qty, reason, ref, note))


def receive(
    db: Database,
    ctx: Ctx,
    depot_code: str,
    item_code: str,
    batch: str,
    qty,
    expiry=None,
    produced=None,
    manufacturer: str = "",
    source: str = "采购",
    ref: str = "",
    note: str = "",
) -> dict:
    """Stock in (入库): creates the lot at first receipt. Expired stock may be received
    (it is on the shelf) and shows among the alerts."""
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    qty = values.whole(qty, field=tr("Quantity"))
    lot_texts = catalog.validate_lot(batch, manufacturer)
    batch = lot_texts["batch_no"]
    if source not in RECEIPT_SOURCES:
        raise BioError(tr("The source must be one of 采购, 捐赠, 调入, 退库."))
    expiry = values.date_iso(expiry, tr("Expiry date"))
    produced = values.date_iso(produced, tr("Production date"))
    lot = catalog.lot_by_batch(db, item["id"], batch)
    check_receipt(item, batch, lot, expiry, produced)
    with write(db, ctx) as w:
        if lot is None:
            lot_id = w.insert(
                "lot", lot_row(item["id"], batch, lot_texts["manufacturer"], produced, expiry)
            )
        else:
            lot_id = lot["id"]
        move = _move(
            w, "receive", depot["id"], item["id"], lot_id, qty, RECEIPT_SOURCES[source], ref, note
        )
    return {
        "movement": move,
        "depot": depot["code"],
        "item": item["code"],
        "lot": batch,
        "expiry": expiry or (lot or {}).get("expires_on"),
        "qty": qty,
    }


def issue(
    db: Database,
    ctx: Ctx,
    depot_code: str,
    item_code: str,
    qty,
    batch: str | None = None,
    reason: str = "",
    ref: str = "",
    today: date | None = None,
) -> list[Pick]:
    """Stock out (出库), FEFO when no lot is named."""
    today = today or date.today()
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    qty = values.whole(qty, field=tr("Quantity"))
    with write(db, ctx) as w:
        picks = pick(db, depot, item, qty, batch, today)
        for p in picks:
            _move(w, "issue", depot["id"], item["id"], p.lot_id, -p.qty, reason.strip(), ref)
    return picks


def transfer(
    db: Database,
    ctx: Ctx,
    from_code: str,
    to_code: str,
    item_code: str,
    qty,
    batch: str | None = None,
    ref: str = "",
    today: date | None = None,
) -> list[dict]:
    """Send stock to another depot: out of the source now, in transit until received."""
    today = today or date.today()
    source = catalog.depot_by_code(db, from_code)
    target = catalog.depot_by_code(db, to_code)
    if source["id"] == target["id"]:
        raise BioError(tr("A transfer needs two different depots."))
    item = catalog.item_by_code(db, item_code)
    qty = values.whole(qty, field=tr("Quantity"))
    sent = []
    with write(db, ctx) as w:
        for p in pick(db, source, item, qty, batch, today):
            transfer_id = w.insert(
                "transfer",
                {
                    "from_depot": source["id"],
                    "to_depot": target["id"],
                    "item_id": item["id"],
                    "lot_id": p.lot_id,
                    "qty_sent": p.qty,
                    "status": "in_transit",
                    "sent_at": values.now_iso(),
                    "ref": ref,
                },
            )
            _move(
                w,
                "transfer_out",
                source["id"],
                item["id"],
                p.lot_id,
                -p.qty,
                tr("to {depot}", depot=target["code"]),
                transfer_id,
            )
            sent.append(
                {"transfer": transfer_id, "lot": p.batch_no, "expiry": p.expires_on, "qty": p.qty}
            )
    return sent


def receive_transfer(db: Database, ctx: Ctx, transfer_id: str, qty=None, reason: str = "") -> dict:
    """Book a transfer in at its destination; a difference needs its reason."""
    row = db["transfer"].get(transfer_id)
    if row is None or row["deleted"]:
        raise BioError(tr("No transfer {id}.", id=transfer_id))
    if row["status"] != "in_transit":
        raise BioError(tr("This transfer was received already."))
    received = row["qty_sent"] if qty is None else values.whole(qty, True, tr("Quantity received"))
    if received > row["qty_sent"]:
        raise BioError(
            tr(
                "More received ({received}) than sent ({sent}): check the count.",
                received=f"{received:,}",
                sent=f"{row['qty_sent']:,}",
            )
        )
    if received != row["qty_sent"] and not reason.strip():
        raise BioError(
            tr(
                "{sent} were sent and {received} received: give the reason for the difference.",
                sent=f"{row['qty_sent']:,}",
                received=f"{received:,}",
            )
        )
    with write(db, ctx) as w:
        if received:
            _move(
                w,
                "transfer_in",
                row["to_depot"],
                row["item_id"],
                row["lot_id"],
                received,
                reason.strip(),
                transfer_id,
            )
        w.update(
            "transfer",
            transfer_id,
            {
                "status": "received",
                "qty_received": received,
                "received_at": values.now_iso(),
                "reason": reason.strip(),
            },
        )
    return {"transfer": transfer_id, "sent": row["qty_sent"], "received": received}


def in_transit(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT t.id, s.code AS from_depot, d.code AS to_depot, i.code AS item, i.name, "
            "l.batch_no AS lot, t.qty_sent, t.sent_at, t.ref FROM transfer t "
            "JOIN depot s ON s.id = t.from_depot JOIN depot d ON d.id = t.to_depot "
            "JOIN item i ON i.id = t.item_id JOIN lot l ON l.id = t.lot_id "
            "WHERE t.status = 'in_transit' AND t.deleted = 0 ORDER BY t.sent_at"
        )
    )


def count(
    db: Database, ctx: Ctx, depot_code: str, item_code: str, batch: str, counted, reason: str = ""
) -> dict:
    """A stock count (盘点): the difference to the book becomes an adjusting movement."""
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    counted = values.whole(counted, True, tr("Counted quantity"))
    lot = catalog.lot_by_batch(db, item["id"], batch or "")
    if lot is None:
        raise BioError(
            tr(
                "Item {item} has no lot {batch}; receive it instead.",
                item=item["code"],
                batch=batch,
            )
        )
    book = balance(db, depot["id"], lot["id"])
    diff = counted - book
    with write(db, ctx) as w:
        _move(
            w,
            "count",
            depot["id"],
            item["id"],
            lot["id"],
            diff,
            reason.strip() or tr("stock count"),
            note=tr("book {book}, counted {counted}", book=book, counted=counted),
        )
    return {
        "depot": depot["code"],
        "item": item["code"],
        "lot": batch,
        "book": book,
        "counted": counted,
        "difference": diff,
    }


def writeoff(
    db: Database, ctx: Ctx, depot_code: str, item_code: str, batch: str, qty, reason: str
) -> dict:
    """Write stock off (报废): expired, damaged or lost. Any lot status is allowed."""
    depot = catalog.depot_by_code(db, depot_code)
    item = catalog.item_by_code(db, item_code)
    qty = values.whole(qty, field=tr("Quantity"))
    if reason not in WRITE_OFF_REASONS:
        raise BioError(tr("The write-off reason must be 过期, 损坏 or 丢失."))
    lot = catalog.lot_by_batch(db, item["id"], batch or "")
    if lot is None:
        raise BioError(tr("Item {item} has no lot {batch}.", item=item["code"], batch=batch))
    held = balance(db, depot["id"], lot["id"])
    if qty > held:
        raise BioError(
            tr(
                "Only {held} {unit} of lot {batch} are at {depot}; {qty} requested.",
                held=f"{held:,}",
                unit=item["unit"],
                batch=batch,
                depot=depot["code"],
                qty=f"{qty:,}",
            )
        )
    kept = reserved(db, depot["id"], lot["id"])
    if qty > held - kept:  # an approved order would be left with stock that is gone
        picks = APPROVED_PICKS.format(lot="?", depot="?", exclude="")
        reserving = f"SELECT DISTINCT o.number {picks} ORDER BY o.number"
        orders = [row[0] for row in db.execute(reserving, [lot["id"], depot["id"]])]
        raise BioError(
            tr(
                "{reserved} {unit} of lot {batch} at {depot} are reserved by approved order(s) "
                "{orders}; at most {free} may be written off. Cancel the order (its reservation "
                "is released), then write the stock off.",
                reserved=f"{kept:,}",
                unit=item["unit"],
                batch=batch,
                depot=depot["code"],
                orders="、".join(orders),
                free=f"{held - kept:,}",
            )
        )
    with write(db, ctx) as w:
        _move(w, "writeoff", depot["id"], item["id"], lot["id"], -qty, WRITE_OFF_REASONS[reason])
    return {
        "depot": depot["code"],
        "item": item["code"],
        "lot": batch,
        "qty": qty,
        "reason": WRITE_OFF_REASONS[reason],
    }
