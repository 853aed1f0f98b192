"""Reading allocation orders: one order with its lines and picks, the list, the summary
the CLI prints, and the oral orders whose written paperwork is due."""

from datetime import date, datetime, timedelta

from desktop.core.access import accounts
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import info
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database

STATUSES = ("draft", "submitted", "approved", "dispatched", "received", "cancelled")
PRIORITIES = ("特急", "紧急", "一般")
PAPERWORK_HOURS = 48


def now() -> datetime:
    return datetime.now().astimezone()


def stamp(when: datetime | None = None) -> str:
    return (when or now()).isoformat(timespec="seconds")


def next_number(db: Database, code: str, day: date) -> str:
    prefix = f"{info.number_prefix(db)}TB-{code}-{day:%Y%m%d}-"
    count = db.execute(
        "SELECT count(*) FROM alloc_order WHERE number LIKE ? || '%'", [prefix]
    ).fetchone()[0]
    return f"{prefix}{count + 1:03d}"


def get(db: Database, number: str) -> dict:
    row = next(
        db.query("SELECT * FROM alloc_order WHERE number = ? AND deleted = 0", [number.strip()]),
        None,
    )
    if row is None:
        raise BioError(tr("No allocation order {number}.", number=number))
    return row


def lines(db: Database, order_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT l.id, l.line_no, l.qty_requested, l.note, i.id AS item_id, i.code AS item, "
            "i.name AS item_name, i.spec, i.unit FROM order_line l JOIN item i ON i.id = l.item_id "
            "WHERE l.order_id = ? AND l.deleted = 0 ORDER BY l.line_no",
            [order_id],
        )
    )


def picks(db: Database, order_id: str) -> list[dict]:
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


def detail(db: Database, number: str) -> dict:
    """The order with its lines and picks, party names resolved."""
    order = get(db, number)
    for side in ("from", "to"):
        depot_id = order[f"{side}_depot_id"]
        depot = db["depot"].get(depot_id) if depot_id else None
        order[f"{side}_depot"] = depot["code"] if depot else None
        order[f"{side}_depot_name"] = depot["name"] if depot else None
        if side == "to" and depot and not order["to_address"]:
            order["to_address"] = depot["address"]
        for field in ("contact", "phone"):  # the depot's own when none was typed
            if depot and not order[f"{side}_{field}"]:
                order[f"{side}_{field}"] = depot[field]
    served = (
        db.execute(
            "SELECT number, title FROM incident WHERE id = ?", [order["incident_id"]]
        ).fetchone()
        if order["incident_id"]
        else None
    )
    order["incident_number"] = served[0] if served else ""
    order["incident_title"] = served[1] if served else ""
    if served:  # the incident as people name it: its number and title
        order["incident"] = f"{served[0]} {served[1]}"
    order["lines"] = lines(db, order["id"])
    order["picks"] = picks(db, order["id"])
    order["paperwork_due"] = paperwork_due(order)
    order["created_by"] = creator(db, order["id"])
    order["issuing"] = issuing(db, order)
    return order


def creator(db: Database, order_id: str) -> str:
    """Who made the order (制单人): the actor of the operation that inserted it, as people
    read it (accounts.person: the account's full name)."""
    row = db.execute(
        "SELECT actor, origin FROM oplog WHERE tbl = 'alloc_order' AND row_id = ? "
        "AND kind = 'insert' ORDER BY hlc LIMIT 1",
        [order_id],
    ).fetchone()
    return accounts.person(db, row[0], row[1]) if row else ""


def issuing(db: Database, order: dict) -> list[dict]:
    """The depots the order's goods leave from, each once: the issuing depot first, then
    the others its picks name (by code); each {id, code, name, address, contact, phone} —
    for the issuing depot the contact and phone typed on the order, else the depot's own.
    An order with neither an issuing depot nor picks has none."""
    ids = [order["from_depot_id"]] if order["from_depot_id"] else []
    codes = {p["depot_id"]: p["depot"] for p in order["picks"]}
    ids += sorted(set(codes) - set(ids), key=lambda depot_id: codes[depot_id])
    out = []
    for depot_id in ids:
        depot = db["depot"].get(depot_id)
        if depot is None:  # a depot this station has not received yet
            continue
        entry = {key: depot[key] for key in ("id", "code", "name", "address", "contact", "phone")}
        if depot_id == order["from_depot_id"]:
            entry["contact"], entry["phone"] = order["from_contact"], order["from_phone"]
        out.append(entry)
    return out


def paperwork_due(order: dict) -> str | None:
    """When the written paperwork of an oral order is due (None once done or not oral)."""
    if not order["oral"] or order["paperwork_done_at"] or not order["oral_at"]:
        return None
    due = datetime.fromisoformat(order["oral_at"]) + timedelta(hours=PAPERWORK_HOURS)
    return stamp(due)


def summary(db: Database, number: str, planned: list | None = None) -> dict:
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


def paperwork_alerts(db: Database, at: datetime | None = None) -> list[dict]:
    """Oral orders whose written paperwork is outstanding, with due time and whether overdue."""
    at = at or now()
    out = []
    for order in db.query(
        "SELECT * FROM alloc_order WHERE oral = 1 AND paperwork_done_at IS NULL AND deleted = 0 "
        "AND status != 'cancelled' ORDER BY oral_at"
    ):
        due = paperwork_due(order)
        if due is None:  # no time the order was given (create() always sets it): no deadline
            continue
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
    db: Database,
    status: str | None = None,
    incident: str | None = None,
    search: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """Orders newest first, with the receiving party and the number of lines."""
    where = ["o.deleted = 0"]
    params: dict[str, object] = {"limit": limit}
    if status:
        where.append("o.status = :status")
        params["status"] = status
    if incident:
        known = db.execute(
            "SELECT 1 FROM incident WHERE (id = ? OR number = ?) AND deleted = 0",
            [incident, incident],
        ).fetchone()
        if known is None:  # a typing error would read as "no orders"
            raise BioError(tr("No incident {ref}.", ref=incident))
        where.append(
            "o.incident_id IN (SELECT id FROM incident WHERE id = :incident OR number = :incident)"
        )
        params["incident"] = incident
    if search and search.strip():
        where.append(
            "(o.number LIKE :q OR o.to_unit LIKE :q OR d.name LIKE :q OR o.requesting_unit LIKE :q)"
        )
        params["q"] = like_pattern(search.strip())
    return list(
        db.query(
            "SELECT o.number, o.status, o.priority, o.oral, o.drill, o.incident, o.incident_id, "
            "o.created_at, "
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
