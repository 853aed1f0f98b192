"""What each role may write, asked by the write path for every operation it makes.

The desktop hides what a role may not do; this is what refuses it, whatever the way in
(forms, the CLI, spreadsheet imports, drills). Operations merged from other stations are
not asked again: they are what their users were allowed to do at their own station, and
each carries its actor (store/merge.py applies them as they are).

| role | writes |
|---|---|
| 系统管理员 admin | everything, accounts included |
| 应急协调员 coordinator | everything but accounts |
| 仓库管理员 keeper | lots (received; status where held); stock, transfers, orders at its depots |
| 成员单位联络员 liaison | its agency's tasks' progress, 大事记 entries, its agency's results |
| 演练导调员 controller | drills; in a drill's sandbox what a coordinator may |
| 只读 viewer | nothing |
"""

from collections.abc import Callable

from desktop.core.access import roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

Row = Callable[[], dict]  # the row as it is now (before this operation), read when needed


class NotAllowed(BioError):
    """The actor's role may not do this; the message names who, what and why."""


def require(ctx: Ctx, right: str) -> None:
    """Refuse unless the actor's role has this right (roles.RIGHTS)."""
    if not roles.has(ctx.role, right):
        raise NotAllowed(
            tr(
                "{user} ({role}) may not {action}.",
                user=ctx.user,
                role=roles.name(ctx.role),
                action=action_name(right),
            )
        )


def require_at(db: Database, ctx: Ctx, right: str) -> None:
    """`require`, where a drill's sandbox gives its controller the coordinator's rights:
    in the play a 演练导调员 acts as the coordinator (approves orders, for one)."""
    if ctx.role == "controller" and _in_drill(db) and roles.has("coordinator", right):
        return
    require(ctx, right)


def action_name(right: str) -> str:
    return {
        roles.USERS: tr("manage user accounts"),
        roles.BACKUP: tr("make or restore backups"),
        roles.STATION: tr("change the station's keys, trusted stations or security settings"),
        roles.SETTINGS: tr("change the station's settings"),
        roles.SYNC: tr("exchange data with other stations"),
        roles.PERSONAL: tr("see or export ID numbers and phone numbers unmasked"),
        roles.AUDIT: tr("read or verify the audit log"),
        roles.APPROVE: tr("approve orders or playbook versions"),
        roles.DRILL_CONTROL: tr("plan or control drills"),
    }.get(right, right)


def check_write(db: Database, ctx: Ctx, kind: str, tbl: str, payload: dict, current: Row) -> None:
    """Refuse an operation the actor's role may not make (NotAllowed, nothing written)."""
    refused = refusal(db, ctx, kind, tbl, payload, current)
    if refused:
        raise NotAllowed(refused)


def refusal(db: Database, ctx: Ctx, kind: str, tbl: str, payload: dict, current: Row) -> str:
    """Why the actor's role may not make this operation, in a sentence naming who, the role
    and what ('' when it may): what check_write refuses, asked without raising (a
    spreadsheet import's check asks it of each row, so that the check and the write agree)."""
    role = ctx.role
    if role == "admin":
        return ""
    if role == "coordinator" and tbl != "account":
        return ""
    if role == "controller":
        if tbl.startswith("drill") or (tbl != "account" and _in_drill(db)):
            return ""
    rule = RULES.get((role, tbl))
    why = rule(db, ctx, kind, payload, current) if rule else _no_table(role)
    return _refused(ctx, tbl, why) if why else ""


def require_table(db: Database, ctx: Ctx, tbl: str) -> None:
    """Refuse (NotAllowed, naming who and the role) unless the actor's role writes some
    rows of this table here (may_write; in a drill's sandbox a controller writes what a
    coordinator does): a spreadsheet import of a kind the role never writes is refused
    before its file is read."""
    drilling = ctx.role == "controller" and tbl != "account" and _in_drill(db)
    if drilling or may_write(ctx.role, tbl):
        return
    raise NotAllowed(_refused(ctx, tbl, _no_table(ctx.role)))


def _refused(ctx: Ctx, tbl: str, why: str) -> str:
    return tr(
        "{user} ({role}) may not change {what}: {why}.",
        user=ctx.user,
        role=roles.name(ctx.role),
        what=table_name(tbl),
        why=why,
    )


def _in_drill(db: Database) -> bool:
    """A drill's sandbox (store/info.drill_of, read here without the store's imports)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'drill'").fetchone()
    return bool(row and row[0] not in ("", "0", "1"))


def _no_table(role: str) -> str:
    if role == "viewer":
        return tr("the role only reads")
    return tr("not part of the role's work")


def _merged(payload: dict, current: Row, kind: str) -> dict:
    return dict(payload) if kind == "insert" else {**current(), **payload}


def _depots(ctx: Ctx, *depot_ids) -> str:
    if any(d in ctx.depot_ids for d in depot_ids if d):
        return ""
    return tr("only the depots the account keeps")


def _keeper_lot(db, ctx, kind, payload, current) -> str:
    # a lot is an item's batch, not a depot's: a receipt records it; its status (待检,
    # 冻结, 报废) applies wherever it is held, so a keeper sets it only when every depot
    # holding it now is one it keeps (none holding it: one that held it); never deletes one
    if kind == "insert":
        return ""
    if kind == "delete":
        return tr("not part of the role's work")
    lot_id = current()["id"]
    holding = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT depot_id FROM stock_balance WHERE lot_id = ? AND qty != 0", [lot_id]
        )
    ]
    if holding:
        if all(d in ctx.depot_ids for d in holding):
            return ""
        return tr("the lot is also held at depots the account does not keep")
    held = db.execute("SELECT DISTINCT depot_id FROM stock_move WHERE lot_id = ?", [lot_id])
    return _depots(ctx, *(row[0] for row in held.fetchall()))


def _keeper_move(db, ctx, kind, payload, current) -> str:
    return _depots(ctx, _merged(payload, current, kind).get("depot_id"))


def _keeper_transfer(db, ctx, kind, payload, current) -> str:
    row = _merged(payload, current, kind)
    if kind == "insert":
        return _depots(ctx, row.get("from_depot"))
    return _depots(ctx, row.get("from_depot"), row.get("to_depot"))


def _order_depots(db: Database, order_id: str) -> list:
    row = db.execute(
        "SELECT from_depot_id, to_depot_id FROM alloc_order WHERE id = ?", [order_id]
    ).fetchone()
    picks = db.execute(
        "SELECT DISTINCT depot_id FROM order_pick WHERE order_id = ?", [order_id]
    ).fetchall()
    return [*(row or ()), *(p[0] for p in picks)]


def _keeper_order(db, ctx, kind, payload, current) -> str:
    if kind == "insert" or payload.get("status", "dispatched") not in ("dispatched", "received"):
        return tr("a keeper dispatches and receives orders; others make and approve them")
    return _depots(ctx, *_order_depots(db, current()["id"]))


def _keeper_pick(db, ctx, kind, payload, current) -> str:
    if kind == "insert":
        return tr("a keeper dispatches and receives orders; others make and approve them")
    return _depots(ctx, *_order_depots(db, current()["order_id"]))


TASK_PROGRESS = frozenset({"status", "status_note", "status_by", "status_at"})


def _liaison_task(db, ctx, kind, payload, current) -> str:
    if kind == "insert":
        return tr("tasks come from activating a playbook")
    if kind == "delete" or set(payload) - TASK_PROGRESS:
        return tr("a liaison records the progress of a task only")
    # The lead agency (牵头) reports a task's progress; the agencies that support it (配合)
    # report theirs in the incident's 大事记.
    if ctx.agency_id and current().get("lead_agency_id") == ctx.agency_id:
        return ""
    return tr("only the tasks the account's agency leads")


def _liaison_log(db, ctx, kind, payload, current) -> str:
    if kind != "insert":
        return tr("大事记 entries are only added")
    incident = payload.get("incident_id")
    part = db.execute(
        "SELECT 1 FROM incident WHERE id = ? AND lead_agency_id = ? UNION ALL "
        "SELECT 1 FROM incident_task WHERE incident_id = ? AND deleted = 0 AND "
        "(lead_agency_id = ? OR EXISTS (SELECT 1 FROM json_each(support_agency_ids) "
        "WHERE value = ?)) LIMIT 1",
        [incident, ctx.agency_id, incident, ctx.agency_id, ctx.agency_id],
    ).fetchone()
    if ctx.agency_id and part:
        return ""
    return tr("only for incidents the account's agency leads or has a task in")


def _liaison_result(db, ctx, kind, payload, current) -> str:
    row = _merged(payload, current, kind)
    agency = db.execute(
        "SELECT agency_id FROM monitor_schedule WHERE id = ?", [row.get("schedule_id")]
    ).fetchone()
    if ctx.agency_id and agency and agency[0] == ctx.agency_id:
        return ""
    return tr("only the checks the account's agency does")


RULES = {
    ("keeper", "lot"): _keeper_lot,
    ("keeper", "stock_move"): _keeper_move,
    ("keeper", "transfer"): _keeper_transfer,
    ("keeper", "alloc_order"): _keeper_order,
    ("keeper", "order_pick"): _keeper_pick,
    ("liaison", "incident_task"): _liaison_task,
    ("liaison", "incident_log"): _liaison_log,
    ("liaison", "monitor_result"): _liaison_result,
}


def may_write(role: str, tbl: str) -> bool:
    """Whether the role writes this table at all (some rows of it, at least): what the
    desktop asks to hide a button; the write path still checks each row."""
    if role == "admin" or (role == "coordinator" and tbl != "account"):
        return True
    if role == "controller" and tbl.startswith("drill"):
        return True
    return (role, tbl) in RULES


def table_name(tbl: str) -> str:
    """What a table holds, in words a user knows."""
    names = {
        "division": tr("administrative divisions"),
        "agency": tr("member agencies"),
        "category": tr("item categories"),
        "unit": tr("units of measure"),
        "specialty": tr("expert specialties"),
        "depot": tr("depots"),
        "item": tr("items"),
        "lot": tr("lots"),
        "stock_move": tr("stock movements"),
        "norm": tr("reserve norms"),
        "transfer": tr("transfers"),
        "alloc_order": tr("allocation orders"),
        "order_line": tr("allocation orders"),
        "order_pick": tr("allocation orders"),
        "expert": tr("the expert roster"),
        "expert_qualification": tr("the expert roster"),
        "incident_task": tr("incident tasks"),
        "incident_log": tr("the incident's 大事记"),
        "account": tr("user accounts"),
    }
    if tbl in names:
        return names[tbl]
    for prefix, words in (
        ("playbook", tr("playbooks")),
        ("incident", tr("incidents")),
        ("drill", tr("drills")),
        ("monitor", tr("long-term monitoring")),
    ):
        if tbl.startswith(prefix):
            return words
    return tbl
