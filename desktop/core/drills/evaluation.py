"""Evaluation: what the players did, placed on the drill's time line, against what the
MSEL expected of them; evaluators' marks, observations and P/S/M/U ratings; shortages.

Every action of the play is an operation in the sandbox's log, made under the drill's
origins (this station's in the drill and those of the other stations of a 综合演练):
recording the incident, activating a playbook, changing the grade, an information report,
an order, stock issued, an expert dispatched, a 大事记 entry, a task's progress. Its time
on the drill's clock comes from the wall time of its stamp (clock.Clock.at), so actions
are recorded with their simulated time without anything written twice.

An expected action is met when an action of its kind (by its agency, where both name one)
comes after its inject fired and within its minutes; late when after; missed when none
came and its time is up (or the drill ended); pending otherwise. An evaluator's mark
overrides what was computed (an oral notification leaves no trace in the log)."""

import json
from datetime import datetime

from desktop.core import values, vocab
from desktop.core.access import accounts
from desktop.core.context import Ctx
from desktop.core.drills import clock, injects, records
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import needs
from desktop.core.incidents.records import choice, text_field
from desktop.core.store import hlc, station
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

PLAY_TABLES = ("incident", "incident_playbook", "incident_grade", "incident_report",
               "alloc_order", "stock_move", "incident_expert", "incident_log",
               "incident_task")  # fmt: skip
ISSUES = ("issue", "transfer_out")


def origins(db: Database, drill_id: str) -> list[str]:
    """The origins of the drill's play: this station's in the drill, and the drill
    origins of every station trusted here (station.drill_origin)."""
    own = station.get(db)
    mine = [own.origin] if own else []
    peers = [row[0] for row in db.execute("SELECT origin FROM trusted_station")]
    return sorted({*mine, *(station.drill_origin(p, drill_id) for p in peers)})


def _classify(db: Database, tbl: str, kind: str, row_id: str, payload: dict) -> tuple | None:
    """(action, agency id, words) for an operation of the play, None for the others."""
    if tbl == "incident" and kind == "insert":
        return "incident", None, f"{payload.get('number', '')} {payload.get('title', '')}"
    if tbl == "incident_playbook" and kind == "insert":
        code = db.execute(
            "SELECT code FROM playbook WHERE id = ?", [payload.get("playbook_id")]
        ).fetchone()
        return "activate", None, code[0] if code else ""
    if tbl == "incident_grade" and kind == "insert" and payload.get("previous"):
        return "escalate", None, vocab.name("grade", str(payload.get("grade")))
    if tbl == "incident_report" and kind == "insert":
        return "report", None, vocab.name("report_kind", str(payload.get("kind")))
    if tbl == "alloc_order" and kind == "insert":
        return "order", None, str(payload.get("number", ""))
    if tbl == "stock_move" and payload.get("kind") in ISSUES:
        return "issue", None, f"{abs(int(payload.get('qty') or 0)):,}"
    if tbl == "incident_expert" and kind == "insert":
        name = db.execute(
            "SELECT name FROM expert WHERE id = ?", [payload.get("expert_id")]
        ).fetchone()
        return "dispatch", None, name[0] if name else ""
    if tbl == "incident_log" and kind == "insert" and payload.get("kind") == "manual":
        return "log", None, str(payload.get("text", ""))[:80]
    if tbl == "incident_task" and kind == "update" and "status" in payload:
        task = db.execute(
            "SELECT title, lead_agency_id FROM incident_task WHERE id = ?", [row_id]
        ).fetchone()
        status = vocab.name("task_status", str(payload["status"]))
        return "task", task[1] if task else None, f"{task[0] if task else ''}：{status}"
    return None


def actions(db: Database, drill_id: str) -> list[dict]:
    """What the players did, in the order of the drill's time: {at_s, action, agency_id,
    text, actor, wall_at}."""
    drill = records.get(db, drill_id)
    c = clock.load(db, drill["id"])
    if not c.started:
        return []
    mine = origins(db, drill["id"])
    marks = ",".join("?" * len(mine))
    tables = ",".join("?" * len(PLAY_TABLES))
    out = []
    for stamp, actor, kind, tbl, row_id, payload in db.execute(
        f"SELECT hlc, actor, kind, tbl, row_id, payload FROM oplog WHERE origin IN ({marks}) "
        f"AND tbl IN ({tables}) ORDER BY hlc",
        [*mine, *PLAY_TABLES],
    ):
        found = _classify(db, tbl, kind, row_id, json.loads(payload))
        if found is None:
            continue
        wall = datetime.fromtimestamp(hlc.unpack(stamp)[0] / 1000).astimezone()
        if wall < c.settings[0].wall:
            continue
        action, agency, text = found
        out.append({"at_s": round(c.at(wall), 1), "action": action, "agency_id": agency,
                    "text": text.strip(), "actor": actor,
                    "wall_at": wall.isoformat(timespec="seconds")})  # fmt: skip
    out.sort(key=lambda a: a["at_s"])
    return out


def marks(db: Database, drill_id: str) -> dict[str, dict]:
    return {
        row["expect_id"]: row
        for row in db.query(
            "SELECT * FROM drill_mark WHERE drill_id = ? AND deleted = 0", [drill_id]
        )
    }


def expected(db: Database, drill_id: str, at: datetime | None = None) -> list[dict]:
    """Every expected action with its result: met / late / missed / pending / na, the
    inject's fired time, the deadline and the action that met it (times in drill seconds)."""
    drill = records.get(db, drill_id)
    now = clock.load(db, drill["id"]).now(at)
    over = drill["status"] in ("ended", "evaluated")
    done = injects.fired(db, drill["id"])
    played = actions(db, drill["id"])
    judged = marks(db, drill["id"])
    out = []
    for inject in injects.plan(db, drill["id"]):
        row = done.get(inject["id"])
        for e in inject["expects"]:
            item = {"id": e["id"], "inject": inject["position"], "action": e["action"],
                    "agency": e["agency"], "agency_name": e["agency_name"],
                    "text": e["text"], "objective": e["objective"],
                    "objective_id": e["objective_id"], "within_min": e["within_min"],
                    "fired_s": None, "deadline_s": None, "done_s": None, "by": None,
                    "result": "pending", "judged": False, "note": ""}  # fmt: skip
            if row is not None:
                start = row["fired_s"]
                item["fired_s"] = start
                item["deadline_s"] = start + e["within_min"] * 60
                match = next(
                    (a for a in played if a["action"] == e["action"] and a["at_s"] >= start - 1
                     and (not e["agency_id"] or not a["agency_id"]
                          or a["agency_id"] == e["agency_id"])),
                    None,
                )  # fmt: skip
                if match:
                    item["done_s"], item["by"] = match["at_s"], match["text"]
                    item["result"] = "met" if match["at_s"] <= item["deadline_s"] else "late"
                elif over or now > item["deadline_s"]:
                    item["result"] = "missed"
            elif over:
                item["result"] = "na" if inject["contingency"] else "missed"
            mark = judged.get(e["id"])
            if mark:
                item.update(result=mark["result"], judged=True, note=mark["note"])
                if mark["at_s"] is not None:
                    item["done_s"] = mark["at_s"]
            out.append(item)
    return out


def tally(items: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(vocab.EXPECT_RESULTS, 0)
    for item in items:
        counts[item["result"]] += 1
    return counts


# ---------------------------------------------------------------- evaluators


def _expect(db: Database, drill_id: str, ref) -> dict:
    """An expected action by its id, or "inject.position" (3.1: the first of inject 3)."""
    text = str(ref or "").strip()
    for item in expected(db, drill_id):
        if text == item["id"]:
            return item
    if "." in text:
        no, _, k = text.partition(".")
        listed = [i for i in expected(db, drill_id) if str(i["inject"]) == no.strip()]
        if k.strip().isdigit() and 1 <= int(k) <= len(listed):
            return listed[int(k) - 1]
    raise BioError(tr("No expected action {ref} in this drill (e.g. 3.1: inject 3's first).",
                      ref=ref))  # fmt: skip


def mark(db: Database, ctx: Ctx, drill_id: str, ref, result: str, note: str = "",
         at: datetime | None = None) -> dict:  # fmt: skip
    """An evaluator's judgement of an expected action (met, late, missed, na)."""
    result = choice("result", result, "result")
    if result == "pending":
        raise Invalid("result", tr("Judge an action met, late, missed or not applicable."))
    item = _expect(db, drill_id, ref)
    drill = records.get(db, drill_id)
    note = text_field({"note": note}, "note", 2_000, True)
    fields = {"drill_id": drill["id"], "expect_id": item["id"], "result": result,
              "at_s": round(clock.load(db, drill["id"]).now(at), 1), "note": note,
              "actor": ctx.actor}  # fmt: skip
    row_id = reference_id("drill_mark", item["id"])
    with write(db, ctx) as w:
        if db.execute("SELECT 1 FROM drill_mark WHERE id = ?", [row_id]).fetchone():
            w.update("drill_mark", row_id, {**fields, "deleted": 0})
        else:
            w.insert("drill_mark", {"id": row_id, **fields})
    return {**item, "result": result}


def _objective(db: Database, drill_id: str, ref) -> dict:
    text = str(ref or "").strip().upper()
    for objective in records.objectives(db, drill_id):
        if text in (objective["id"].upper(), objective["code"].upper()):
            return objective
    raise BioError(tr("No objective {ref} in this drill.", ref=ref))


def observe(db: Database, ctx: Ctx, drill_id: str, kind: str, text: str,
            objective=None, at: datetime | None = None) -> str:  # fmt: skip
    """An evaluator's observation: a strength or an area for improvement."""
    kind = choice("observation", kind, "kind")
    text = text_field({"text": text}, "text", 4_000, True)
    if not text:
        raise Invalid("text", tr("Write what was observed."))
    drill = records.get(db, drill_id)
    objective_id = _objective(db, drill["id"], objective)["id"] if objective else None
    with write(db, ctx) as w:
        return w.insert(
            "drill_observation",
            {"drill_id": drill["id"], "objective_id": objective_id, "kind": kind, "text": text,
             "at_s": round(clock.load(db, drill["id"]).now(at), 1), "actor": ctx.actor,
             "created_at": values.now_iso()},
        )  # fmt: skip


def observations(db: Database, drill_id: str) -> list[dict]:
    """The observations, each with its evaluator as people read the name (actor_name)."""
    rows = db.query(
        "SELECT o.*, j.code AS objective FROM drill_observation o "
        "LEFT JOIN drill_objective j ON j.id = o.objective_id "
        "WHERE o.drill_id = ? AND o.deleted = 0 ORDER BY o.at_s, o.created_at",
        [drill_id],
    )
    return accounts.name_people(db, rows, into="actor_name")


def rate(db: Database, ctx: Ctx, drill_id: str, objective, rating: str, note: str = "") -> None:
    """Rate an objective P, S, M or U (HSEEP); the last rating given stands."""
    rating = choice("rating", str(rating or "").strip().upper()[:1], "rating")
    drill = records.get(db, drill_id)
    target = _objective(db, drill["id"], objective)
    row_id = reference_id("drill_rating", target["id"])
    fields = {"drill_id": drill["id"], "objective_id": target["id"], "rating": rating,
              "note": text_field({"note": note}, "note", 2_000, True), "actor": ctx.actor,
              "created_at": values.now_iso()}  # fmt: skip
    with write(db, ctx) as w:
        if db.execute("SELECT 1 FROM drill_rating WHERE id = ?", [row_id]).fetchone():
            w.update("drill_rating", row_id, {**fields, "deleted": 0})
        else:
            w.insert("drill_rating", {"id": row_id, **fields})


def ratings(db: Database, drill_id: str) -> dict[str, dict]:
    return {
        row["objective_id"]: row
        for row in db.query(
            "SELECT * FROM drill_rating WHERE drill_id = ? AND deleted = 0", [drill_id]
        )
    }


# ---------------------------------------------------------------- shortages


def drill_incidents(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT id, number, title, days FROM incident WHERE deleted = 0 AND number LIKE 'YL-%' "
            "ORDER BY created_at"
        )
    )


def shortages(db: Database) -> list[dict]:
    """Per item the drill's incidents required and stock could not meet: required, have,
    shortage, days of supply (have over the daily need), by incident."""
    out = []
    for incident in drill_incidents(db):
        for row in needs.compute(db, incident["id"]):
            daily = daily_need(row, incident)
            out.append({
                "incident": incident["number"], "item": row["item"] or "",
                "item_name": row["item_name"] or row["category_name"] or row["category"] or "",
                "unit": row["unit"], "required": row["required"], "have": row["have"],
                "shortage": row["need"], "daily": daily,
                "days_of_supply": round(row["have"] / daily, 1) if daily else None,
            })  # fmt: skip
    return out


def daily_need(row: dict, incident: dict) -> float:
    """What the lines of an item require per day (a line over its days)."""
    total = 0.0
    for line in row["lines"]:
        days = needs.line_days(line, incident) or 1
        total += line["required"] / days
    return round(total, 2)
