"""Incidents (事件): the record of a real event and what the bureau does for it.

An incident is numbered SJ-<station code>-<yyyymmdd>-<seq> by the station that records it,
graded I–IV (the national public-health emergency plan's grades, not the city plan's) with
its grade history, and moves forward only: 报告 → 响应 → 恢复 → 长期监测 → 关闭.
Activating a playbook gives it tasks per agency (due counted from activation) and material
lines; escalation adds tasks, never removes any (activation). The task board (tasks),
information reports on the reporting chain's deadlines (reports), the significant-events
log (journal), needs against stock with draft allocation orders (needs) and expert dispatch
(experts) complete it; attention is what 总览 shows. Every row is synced like any other:
two stations editing one incident merge field by field, its status by the furthest.
"""

from desktop.core.incidents.activation import activate, suggestions
from desktop.core.incidents.attention import summary
from desktop.core.incidents.experts import close, dispatch, release
from desktop.core.incidents.grading import escalate
from desktop.core.incidents.needs import draft_orders
from desktop.core.incidents.records import (
    advance,
    allowed_depots,
    create,
    detail,
    get,
    listing,
    update,
)
from desktop.core.incidents.tasks import set_status as set_task_status

__all__ = [
    "activate",
    "advance",
    "allowed_depots",
    "close",
    "create",
    "detail",
    "dispatch",
    "draft_orders",
    "escalate",
    "get",
    "listing",
    "release",
    "set_task_status",
    "suggestions",
    "summary",
    "update",
]
