"""The significant-events log (大事记) of an incident: an entry is recorded with each
action taken through the incident (activation, grade changes, reports, task updates,
expert dispatch, status) and people add their own; the allocation orders made for the
incident add theirs from the orders themselves (made, approved, dispatched, received), so
an order handled on the 调拨 page shows here too."""

import json

from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.times import in_window
from desktop.core.store.handle import Database
from desktop.core.store.writepath import Writer, write

MAX_ENTRY = 4_000  # characters in one typed entry


def note(w: Writer, incident_id: str, kind: str, text: str, at: str | None = None) -> str:
    """Record an entry inside the caller's write transaction."""
    return w.insert(
        "incident_log",
        {"incident_id": incident_id, "at": at or values.now_iso(), "kind": kind, "text": text,
         "actor": w.ctx.actor},
    )  # fmt: skip


def add(db: Database, ctx: Ctx, incident: dict, text: str, at=None) -> str:
    """A typed entry (记事), at `at` or now."""
    try:
        text = values.clean_text(text, "text", multiline=True)
    except values.BadValue as error:
        raise Invalid("text", str(error)) from None
    if not text:
        raise Invalid("text", tr("Write what happened."))
    if len(text) > MAX_ENTRY:
        raise Invalid("text", tr("An entry holds at most {max} characters.", max=MAX_ENTRY))
    when = values.now_iso()
    if at not in (None, ""):  # not ahead of now, nor years back
        when = in_window(values.time_iso(at, tr("Time")), values.now(), "at")
    with write(db, ctx) as w:
        return note(w, incident["id"], "manual", text, when)


ORDER_EVENTS = ("created_at", "submitted_at", "approved_at", "dispatched_at", "received_at",
                "cancelled_at")  # fmt: skip


def _order_event(column: str, order: dict) -> str:
    number = order["number"]
    if column == "created_at":
        return tr("Allocation order {number} drafted ({source}, {lines} line(s)).",
                  number=number, source=order["source"], lines=order["lines"])  # fmt: skip
    if column == "submitted_at":
        return tr("Allocation order {number} submitted.", number=number)
    if column == "approved_at":
        return tr("Allocation order {number} approved by {approver}; stock reserved.",
                  number=number, approver=order["approver"])  # fmt: skip
    if column == "dispatched_at":
        return tr("Allocation order {number} dispatched: stock left {source}.", number=number,
                  source=order["source"])  # fmt: skip
    if column == "received_at":
        return tr("Allocation order {number} received by {destination}.", number=number,
                  destination=order["destination"])  # fmt: skip
    return tr("Allocation order {number} cancelled: {reason}.", number=number,
              reason=order["cancel_reason"])  # fmt: skip


def _authors(db: Database, order_id: str) -> dict[str, str]:
    """Who set each field of an order last: the actor of the operation that won it."""
    row = db.execute(
        "SELECT fields FROM row_clock WHERE tbl = 'alloc_order' AND row_id = ?", [order_id]
    ).fetchone()
    out = {}
    for field, (_, origin, seq) in (json.loads(row[0]) if row else {}).items():
        actor = db.execute(
            "SELECT actor FROM oplog WHERE origin = ? AND seq = ?", [origin, seq]
        ).fetchone()
        out[field] = actor[0] if actor else ""
    return out


def _order_entries(db: Database, incident_id: str) -> list[dict]:
    out = []
    for order in db.query(
        "SELECT o.*, coalesce(s.name, '') AS source, coalesce(d.name, o.to_unit) AS destination, "
        "(SELECT count(*) FROM order_line l WHERE l.order_id = o.id AND l.deleted = 0) AS lines "
        "FROM alloc_order o LEFT JOIN depot s ON s.id = o.from_depot_id "
        "LEFT JOIN depot d ON d.id = o.to_depot_id "
        "WHERE o.incident_id = ? AND o.deleted = 0",
        [incident_id],
    ):
        authors = _authors(db, order["id"])
        for column in ORDER_EVENTS:
            if order[column]:
                out.append(
                    {
                        "at": order[column],
                        "kind": "order",
                        "text": _order_event(column, order),
                        "actor": authors.get(column, ""),
                        "ref": order["number"],
                    }
                )  # fmt: skip
    return out


def entries(db: Database, incident_id: str) -> list[dict]:
    """Every entry, oldest first: {at, kind, kind_name, text, actor, ref}."""
    rows = [
        {**row, "ref": ""}
        for row in db.query(
            "SELECT at, kind, text, actor FROM incident_log WHERE incident_id = ? "
            "AND deleted = 0 ORDER BY at, id",
            [incident_id],
        )
    ]
    rows += _order_entries(db, incident_id)
    rows.sort(key=lambda r: values.time_key(r["at"]))
    for row in rows:
        row["kind_name"] = vocab.name("log_kind", row["kind"])
    return rows
