"""The improvement plan (改进计划): issue, corrective action, responsible agency, due date.

Items are written in the drill's sandbox, with the after-action report; closing the drill
copies them into the live database (same ids), where they are tracked — open → in
progress → done, or cancelled. That copy is the only thing a drill writes back, and only
when a person confirms it (close)."""

from datetime import date

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.drills import records
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.records import choice, text_field
from desktop.core.store import info, shortids
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

FIELDS = ("objective_id", "position", "issue", "action", "agency_id", "due_on", "status",
          "note", "created_at")  # fmt: skip


def _fields(db: Database, drill_id: str, given: dict) -> dict:
    out: dict = {}
    for name, limit in (("issue", 2_000), ("action", 2_000), ("note", 2_000)):
        if given.get(name) is not None:
            out[name] = text_field({name: str(given[name])}, name, limit, True)
    if given.get("agency") is not None:
        out["agency_id"] = records.agency_id(db, given["agency"])
    if given.get("due_on") not in (None, ""):
        out["due_on"] = values.date_iso(given["due_on"], tr("Due"))
    if given.get("objective"):
        code = str(given["objective"]).strip().upper()
        match = [o for o in records.objectives(db, drill_id) if o["code"].upper() == code]
        if not match:
            raise Invalid("objective", tr("No objective {ref} in this drill.", ref=code))
        out["objective_id"] = match[0]["id"]
    if given.get("status"):
        out["status"] = choice("improvement_status", given["status"], "status")
    return out


def add(db: Database, ctx: Ctx, drill_id: str, given: dict) -> str:
    """A new item of the drill's improvement plan (in its sandbox)."""
    drill = records.get(db, drill_id)
    if info.drill_of(db) != drill["id"]:
        raise BioError(tr("The improvement plan is written inside the drill."))
    fields = _fields(db, drill["id"], given)
    if not fields.get("issue") or not fields.get("action"):
        raise Invalid("issue", tr("An improvement names the issue and the corrective action."))
    position = db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM drill_improvement WHERE drill_id = ?",
        [drill["id"]],
    ).fetchone()[0]
    with write(db, ctx) as w:
        return w.insert(
            "drill_improvement",
            {"drill_id": drill["id"], "position": position, "status": "open",
             "created_at": values.now_iso(), **fields},
        )  # fmt: skip


def update(db: Database, ctx: Ctx, item_id: str, given: dict) -> None:
    """Change an item (in the sandbox while drafting, in the live database to track it)."""
    rows = shortids.matches(db, "drill_improvement", item_id)
    if len(rows) != 1:
        several = tr("{ref} names several items; give more of the id.", ref=item_id)
        raise BioError(several if rows else tr("No improvement item {ref}.", ref=item_id))
    row, item_id = rows[0], rows[0]["id"]
    fields = {k: v for k, v in _fields(db, row["drill_id"], given).items() if row[k] != v}
    order = ("open", "in_progress", "done", "cancelled")
    if "status" in fields and order.index(fields["status"]) < order.index(row["status"]):
        raise BioError(tr("An improvement's status only moves forward."))
    if fields:
        with write(db, ctx) as w:
            w.update("drill_improvement", item_id, fields)


def listing(db: Database, drill_id: str | None = None, open_only: bool = False) -> list[dict]:
    where, params = ["i.deleted = 0"], []
    if drill_id:
        where.append("i.drill_id = ?")
        params.append(drill_id)
    if open_only:
        where.append("i.status IN ('open', 'in_progress')")
    return list(
        db.query(
            "SELECT i.*, a.code AS agency, a.name AS agency_name, o.code AS objective, "
            "d.number AS drill_number, d.name AS drill_name FROM drill_improvement i "
            "LEFT JOIN agency a ON a.id = i.agency_id "
            "LEFT JOIN drill_objective o ON o.id = i.objective_id "
            "LEFT JOIN drill d ON d.id = i.drill_id "
            f"WHERE {' AND '.join(where)} ORDER BY d.number, i.position",
            params,
        )
    )


def overdue(db: Database, today: date | None = None) -> list[dict]:
    today = today or date.today()
    return [
        i for i in listing(db, open_only=True) if i["due_on"] and i["due_on"] < today.isoformat()
    ]


def close(live: Database, sandbox: Database, ctx: Ctx, ref, confirmed: bool) -> dict:
    """Close an ended drill: its improvement items become tracked items of the live
    database (refused unless confirmed), and the drill is 评估完成."""
    drill = records.get(live, ref)
    if info.drill_of(live) is not None or info.drill_of(sandbox) != drill["id"]:
        raise BioError(tr("Close a drill from the live database, with its own sandbox."))
    if drill["status"] not in ("ended", "evaluated"):
        raise BioError(
            tr("Drill {number} has not ended; end it first (bioreserve drill end {number}).",
               number=drill["number"])
        )  # fmt: skip
    items = listing(sandbox, drill["id"])
    if not confirmed:
        raise BioError(
            tr(
                "Closing drill {number} writes its {count} improvement item(s) into the live "
                "database; confirm it (--yes).",
                number=drill["number"],
                count=len(items),
            )
        )
    known = {row[0] for row in live.execute("SELECT id FROM drill_improvement")}
    agencies = {row[0] for row in live.execute("SELECT id FROM agency WHERE deleted = 0")}
    objectives = {o["id"] for o in records.objectives(live, drill["id"])}
    copied = 0
    with write(live, ctx) as w:
        for item in items:
            if item["id"] in known:
                continue
            fields = {k: item[k] for k in FIELDS}
            if fields["agency_id"] not in agencies:
                fields["agency_id"] = None
            if fields["objective_id"] not in objectives:
                fields["objective_id"] = None
            w.insert("drill_improvement", {"id": item["id"], "drill_id": drill["id"], **fields})
            copied += 1
        records.set_status(w, drill, "evaluated", closed_at=values.now_iso())
    with write(sandbox, ctx) as w:  # the drill's own record says so too
        records.set_status(w, records.get(sandbox, drill["id"]), "evaluated",
                           closed_at=values.now_iso())  # fmt: skip
    return {"number": drill["number"], "improvements": copied}
