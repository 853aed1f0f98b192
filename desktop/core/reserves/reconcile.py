"""Reconciliation items (对账事项): lots whose balance at a depot went below zero.

Two stations may each issue the same stock while offline; once their operations
merge, the sum of the ledger can be negative. That is never fixed silently: each
such (depot, lot) becomes an item listing the movements that led there, who made
them and at which station, until a physical count (stock.count) sets the book
right. The list is derived from the ledger, not stored, so it is the same on
every station that holds the same movements, and the count syncs like any other
movement.
"""

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import stock
from desktop.core.store.handle import Database

NEGATIVE = """
SELECT b.depot_id, b.lot_id, d.code AS depot, d.name AS depot_name, i.code AS item,
       i.name AS item_name, i.unit, l.batch_no AS batch, l.expires_on AS expiry,
       b.qty AS balance
FROM stock_balance b
JOIN depot d ON d.id = b.depot_id JOIN item i ON i.id = b.item_id JOIN lot l ON l.id = b.lot_id
WHERE b.qty < 0
ORDER BY d.code, i.code, l.batch_no
"""

# Movements of one depot × lot with the operation that recorded them (who, which station).
MOVES = """
SELECT m.rowid AS seen, m.id, m.kind, m.qty, m.occurred_at, m.reason, m.ref, m.note,
       o.origin, o.seq, o.hlc, o.actor,
       coalesce(s.code, t.code, o.origin, '') AS station,
       coalesce(s.name, t.name, '') AS station_name
FROM stock_move m
LEFT JOIN oplog o ON o.tbl = 'stock_move' AND o.row_id = m.id AND o.kind = 'insert'
LEFT JOIN station s ON s.origin = o.origin
LEFT JOIN trusted_station t ON t.origin = o.origin
WHERE m.depot_id = ? AND m.lot_id = ?
"""

MOVE_KEYS = (
    "kind",
    "qty",
    "occurred_at",
    "reason",
    "ref",
    "note",
    "actor",
    "origin",
    "station",
    "station_name",
)


def _stamp(move: dict) -> tuple:
    """The operation's stamp (hlc, origin, seq): the same order on every station."""
    return (move["hlc"] or 0, move["origin"] or "", move["seq"] or 0)


def movements(db: Database, depot_id: str, lot_id: str) -> tuple[list[dict], dict | None]:
    """(movements since the last count, newest first; that count or None).

    "Since the count" means stamped after it, or learned here after it was recorded:
    an issue made offline before a count elsewhere and merged later is part of what
    the count did not see, so it belongs to the item.
    """
    moves = [dict(r) for r in db.query(MOVES, [depot_id, lot_id])]
    counts = [m for m in moves if m["kind"] == "count"]
    last = max(counts, key=_stamp) if counts else None
    if last is not None:
        moves = [
            m
            for m in moves
            if m is not last and (_stamp(m) > _stamp(last) or m["seen"] > last["seen"])
        ]
    moves.sort(key=lambda m: (_stamp(m), m["occurred_at"], m["seen"]), reverse=True)
    view = [{k: m[k] for k in MOVE_KEYS} for m in moves]
    return view, ({k: last[k] for k in MOVE_KEYS} if last else None)


def items(db: Database) -> list[dict]:
    """Every (depot, lot) with a negative balance, with the movements that explain it."""
    out = []
    for row in list(db.query(NEGATIVE)):
        moves, last_count = movements(db, row["depot_id"], row["lot_id"])
        involved = []
        for move in reversed(moves):  # oldest first: the order the stations issued in
            if move["qty"] < 0 and move["kind"] != "count" and move["station"] not in involved:
                involved.append(move["station"])
        out.append(
            {
                "depot": row["depot"],
                "depot_name": row["depot_name"],
                "item": row["item"],
                "item_name": row["item_name"],
                "unit": row["unit"],
                "batch": row["batch"],
                "expiry": row["expiry"],
                "balance": row["balance"],
                "stations_involved": involved,
                "last_count": last_count,
                "movements": moves,
            }
        )
    return out


def find(db: Database, depot_code: str, item_code: str, batch: str) -> dict | None:
    """The item of one depot × lot, or None once its balance is no longer negative."""
    return next(
        (
            found
            for found in items(db)
            if (found["depot"], found["item"], found["batch"]) == (depot_code, item_code, batch)
        ),
        None,
    )


def resolve(
    db: Database, ctx: Ctx, depot_code: str, item_code: str, batch: str, counted, reason: str
) -> dict:
    """Settle an item by the physical count of the lot at the depot (a stock count whose
    reason says it reconciles the overdrawn balance); returns stock.count's result."""
    reason = (reason or "").strip()
    if not reason:
        raise BioError(tr("A reconciliation needs its reason: say what the count found and why."))
    return stock.count(
        db,
        ctx,
        depot_code,
        item_code,
        batch,
        counted,
        tr("Reconciles a negative balance after a merge: {reason}", reason=reason),
    )
