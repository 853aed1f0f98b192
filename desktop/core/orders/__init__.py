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

from desktop.core.orders.lifecycle import (
    Draft,
    approve,
    cancel,
    cancel_in,
    complete_paperwork,
    create,
    dispatch,
    prepare,
    receive,
    submit,
    write_draft,
)
from desktop.core.orders.planning import Planned, plan
from desktop.core.orders.records import (
    PAPERWORK_HOURS,
    PRIORITIES,
    STATUSES,
    detail,
    get,
    lines,
    listing,
    now,
    paperwork_alerts,
    paperwork_due,
    picks,
    summary,
)

__all__ = [
    "Draft",
    "PAPERWORK_HOURS",
    "PRIORITIES",
    "STATUSES",
    "Planned",
    "approve",
    "cancel",
    "cancel_in",
    "complete_paperwork",
    "create",
    "detail",
    "dispatch",
    "get",
    "lines",
    "listing",
    "now",
    "paperwork_alerts",
    "paperwork_due",
    "picks",
    "plan",
    "prepare",
    "receive",
    "submit",
    "summary",
    "write_draft",
]
