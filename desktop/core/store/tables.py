"""Which tables are synced, and how.

SHARED tables merge field by field, last writer wins by (HLC, origin, seq);
their rows are never deleted, only marked deleted. LEDGER tables hold
insert-only facts. Everything else in the schema is local to the station.
A test checks this registry against the guard triggers in db/schema.sql.
"""

from desktop.core.store.handle import Database

SHARED = (
    "division",
    "agency",
    "category",
    "unit",
    "specialty",
    "depot",
    "item",
    "lot",
    "expert",
    "norm",
    "transfer",
    "alloc_order",
    "order_line",
    "order_pick",
    "expert_qualification",
    "playbook",
    "playbook_phase",
    "playbook_task",
    "playbook_factor",
    "incident",
    "incident_grade",
    "incident_playbook",
    "incident_task",
    "incident_need",
    "incident_report",
    "incident_log",
    "incident_expert",
    "drill",
    "drill_objective",
    "drill_playbook",
    "drill_person",
    "drill_inject",
    "drill_expect",
    "drill_clock",
    "drill_fired",
    "drill_mark",
    "drill_observation",
    "drill_rating",
    "drill_improvement",
    "monitor_person",
    "monitor_site",
    "monitor_schedule",
    "monitor_result",
    "monitor_note",
    "account",
)
LEDGER = ("stock_move",)
SYNCED = SHARED + LEDGER

# Status fields that only move forward. An order is dispatched at its station and received
# at another; a merge keeps the furthest state whatever the stamps say, so a late-arriving
# older edit can never move a status back. An order is cancelled before it leaves: a
# dispatch made meanwhile at another station outranks the cancel (the goods are on the
# road), a cancel outranks a draft, a submission or an approval.
FORWARD: dict[str, dict[str, tuple[str, ...]]] = {
    "alloc_order": {
        "status": ("draft", "submitted", "approved", "cancelled", "dispatched", "received")
    },
    "transfer": {"status": ("in_transit", "received")},
    "playbook": {"status": ("draft", "approved", "retired")},
    "incident": {"status": ("reported", "responding", "recovery", "monitoring", "closed")},
    "drill": {"status": ("planned", "prepared", "running", "ended", "evaluated")},
    "drill_fired": {"state": ("fired", "acknowledged", "done")},
    "drill_improvement": {"status": ("open", "in_progress", "done", "cancelled")},
}


def wins(table: str, field: str, new: tuple, old: tuple | None) -> bool:
    """Whether (value, stamp) `new` replaces `old` for a field: the furthest status for
    forward-only fields, else the later stamp (last writer wins)."""
    if old is None:
        return True
    order = FORWARD.get(table, {}).get(field)
    if order:
        rank_new = order.index(new[0]) if new[0] in order else -1
        rank_old = order.index(old[0]) if old[0] in order else -1
        if rank_new != rank_old:
            return rank_new > rank_old
    return new[1] > old[1]


def columns(db: Database, table: str) -> tuple[str, ...]:
    """Column names of a table, cached on the connection (schemas change only on open)."""
    cache = db.conn.__dict__.setdefault("_br_columns", {})
    if table not in cache:
        cache[table] = tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})"))
    return cache[table]
