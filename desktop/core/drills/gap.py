"""Headless gap analysis: play a scenario automatically on a throw-away copy of the live
database and say, per item, what the scenario's scale requires, what stock holds, the
shortage and the days of supply — "if this happened tomorrow, what would we lack?".

The copy (online backup, like a drill's sandbox, but in a temporary folder deleted at
the end) gets the drill planned from the scenario workbook (msel.read: 情景, 目标,
事件清单, 预期行动). Every inject is fired on the drill's clock, acknowledged and done at
once; the automatic responder records the incident, activates the playbooks (the
scenario's, else those suggested for its hazard and grade), logs every inject in the
大事记, makes the first information report, dispatches the experts the tasks ask for,
drafts the orders and issues them. The shortages are taken before anything is issued;
each expected action the responder performed is marked met at its inject's time, the
others not applicable (an evaluator's judgement: 自动推演). The live database is only read.
"""

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from desktop.core import incidents, orders, paths, values
from desktop.core.context import Ctx
from desktop.core.drills import evaluation, injects, records, sandbox
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.incidents import experts, journal, needs, reports
from desktop.core.setup.opening import open_station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

AUTO = "自动推演"
Render = Callable[[Database, str, list], object]
MAX_HORIZON_S = injects.MAX_MINUTES * 60 * 2


def play(live: Database, ctx: Ctx, workbook, render: Render | None = None,
         at: datetime | None = None) -> dict:  # fmt: skip
    """Play the scenario of `workbook` on a copy of `live`. Returns {drill, incident,
    playbooks, injects_fired, expected (tally), items: [{item, item_name, unit, required,
    have, shortage, days_of_supply}]}; render(copy, drill id, items), when given, is called
    before the copy is deleted (the after-action report is written from it)."""
    from desktop.core.drills import msel

    sandbox.require_live(live)
    plan = msel.read(workbook, live)
    scenario = dict(plan["scenario"])
    missing = [k for k in ("hazard", "grade", "division") if not scenario.get(k)]
    if missing:
        raise BioError(
            tr(
                "An automatic run needs the simulated incident: the 情景 sheet names its "
                "hazard, grade and division (missing: {fields}).",
                fields=", ".join(missing),
            )
        )
    folder = Path(tempfile.mkdtemp(prefix="bioreserve-gap-"))
    try:
        copy = _copy(live, folder / "gap.db")
        try:
            result = _play(copy, ctx, plan, scenario, at or values.now())
            if render is not None:
                result["report"] = render(copy, result["drill_id"], result["items"])
            return result
        finally:
            copy.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy(live: Database, path: Path) -> Database:
    paths.private_file(path)  # names and phones: private from the first byte
    target = sqlite3.connect(path)
    try:
        live.conn.backup(target)
    finally:
        target.close()
    return open_station(path)


def _play(db: Database, ctx: Ctx, plan: dict, scenario: dict, wall: datetime) -> dict:
    codes = scenario.pop("playbooks", None) or []
    scenario.setdefault("name", tr("Automatic gap analysis"))
    scenario.setdefault("kind", "tabletop")
    made = records.create(db, ctx, scenario, codes, kind="YL-AUTO")
    with db.conn:
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('drill', ?)", [made["id"]])
    injects.replace(db, ctx, made["id"], plan)
    sandbox.run(db, ctx, made["id"], wall, paused=False, speed=1)
    drill = records.get(db, made["id"])
    fired = _fire_all(db, ctx, drill["id"], wall)
    incident, performed, gap = _respond(db, ctx, drill, codes, fired, wall)
    _mark(db, ctx, drill["id"], performed, wall)
    # the play ends when every timed inject and its expected actions are due
    sandbox.run(db, ctx, drill["id"], values.now(), paused=True, status="ended",
                jump_to=_horizon(db, drill["id"]))  # fmt: skip
    return {
        "drill": drill["number"],
        "drill_id": drill["id"],
        "incident": incident["number"],
        "playbooks": performed.get("playbooks", []),
        "injects_fired": len(fired),
        "expected": evaluation.tally(evaluation.expected(db, drill["id"])),
        "items": gap,
        "report": None,
    }


def _horizon(db: Database, drill_id: str) -> float:
    """The drill's time by which every timed inject and its expected actions are due."""
    longest = 0.0
    for inject in injects.plan(db, drill_id):
        within = max((e["within_min"] for e in inject["expects"]), default=0)
        longest = max(longest, (inject["offset_min"] + within) * 60.0)
    return min(longest, MAX_HORIZON_S) + 60.0


def _fire_all(db: Database, ctx: Ctx, drill_id: str, wall: datetime) -> list[dict]:
    """Fire every inject the clock and the chain of states reach; each acknowledged and
    done at the moment it fired (the automatic players answer at once)."""
    horizon = wall + timedelta(seconds=_horizon(db, drill_id) * 4)
    fired: list[dict] = []
    while True:
        new = injects.tick(db, ctx, drill_id, at=horizon)
        if not new:
            return sorted(fired, key=lambda f: (f["fired_s"], f["position"]))
        for item in new:
            moment = wall + timedelta(seconds=item["fired_s"])
            injects.set_state(db, ctx, drill_id, item["position"], "done", AUTO, at=moment)
        fired += new


def _respond(db: Database, ctx: Ctx, drill: dict, codes: list[str], fired: list[dict],
             wall: datetime) -> tuple[dict, dict, list[dict]]:  # fmt: skip
    given = {
        k: drill[k]
        for k in (
            "hazard",
            "grade",
            "division",
            "place",
            "exposed",
            "patients",
            "responders",
            "sites",
            "area_km2",
            "days",
        )
    }
    given["title"] = drill["name"]
    given["description"] = drill["scenario"]
    incident = incidents.create(db, ctx, given)
    performed: dict = {"incident": True}
    # the scenario's playbooks, else the first made for its hazard and grade (one: two
    # playbooks of one hazard — a laboratory's human-health and animal variants — would
    # count every need twice)
    fitting = [s["code"] for s in incidents.suggestions(db, incident["id"]) if s["fits"]]
    chosen = codes or fitting[:1]
    activated, refused = [], []
    for code in chosen:
        try:
            incidents.activate(db, ctx, incident["id"], code)
            activated.append(code)
        except BioError as exc:
            refused.append(str(exc))  # one that does not apply: the report lists the others
    if codes and not activated:  # the scenario's own choice, none applying: say why
        raise BioError(tr("None of the scenario's playbooks can be activated: {reasons}",
                          reasons=" ".join(refused)))  # fmt: skip
    performed["playbooks"] = activated
    performed["activate"] = bool(activated)
    gap = items(db, incident["id"])
    with write(db, ctx) as w:
        for item in fired:
            journal.note(w, incident["id"], "manual",
                         tr("Inject {no} received: {message}", no=item["position"],
                            message=item["message"][:500]))  # fmt: skip
    performed["log"] = bool(fired)
    try:
        reports.add(db, ctx, incident["id"], "first")
        performed["report"] = True
    except BioError:
        performed["report"] = False
    performed["dispatch"] = _dispatch(db, ctx, incident["id"])
    performed["task"] = _acknowledge_tasks(db, ctx, incident["id"])
    drafted = needs.draft_orders(db, ctx, incident["id"])
    performed["order"] = bool(drafted.orders)
    performed["issue"] = _issue(db, ctx, drafted.orders)
    return incident, performed, gap


def items(db: Database, incident_id: str) -> list[dict]:
    """Per item: required, have, shortage, days of supply (shortages first)."""
    incident = incidents.get(db, incident_id)
    out = []
    for row in needs.compute(db, incident_id):
        daily = evaluation.daily_need(row, incident)
        out.append({
            "item": row["item"] or "", "item_name": row["item_name"] or
            row["category_name"] or row["category"] or "", "unit": row["unit"],
            "required": row["required"], "have": row["have"], "shortage": row["need"],
            "days_of_supply": round(row["have"] / daily, 1) if daily else None,
        })  # fmt: skip
    out.sort(key=lambda r: (-r["shortage"], r["days_of_supply"] or 0, r["item"]))
    return out


def _dispatch(db: Database, ctx: Ctx, incident_id: str) -> bool:
    sent = False
    for task in experts.suggestions(db, incident_id):
        for specialty in task["specialties"]:
            wanted = specialty["count"] - specialty["dispatched"]
            for person in specialty["experts"]:
                if wanted <= 0:
                    break
                try:
                    experts.dispatch(db, ctx, incident_id, person["id"], task=task["task"],
                                     note=AUTO)  # fmt: skip
                except BioError:
                    continue  # out on another task already
                wanted -= 1
                sent = True
    return sent


def _acknowledge_tasks(db: Database, ctx: Ctx, incident_id: str) -> bool:
    done = False
    for (task_id,) in db.execute(
        "SELECT id FROM incident_task WHERE incident_id = ? AND deleted = 0 "
        "AND status = 'not_started'",
        [incident_id],
    ).fetchall():
        incidents.set_task_status(db, ctx, task_id, "received", AUTO)
        done = True
    return done


def _issue(db: Database, ctx: Ctx, drafted: list[dict]) -> bool:
    issued = False
    for order in drafted:
        try:
            orders.submit(db, ctx, order["number"])
            orders.approve(db, ctx, order["number"], approver=AUTO)
            orders.dispatch(db, ctx, order["number"])
            issued = True
        except BioError:
            continue  # stock moved meanwhile: left as approved
    return issued


def _mark(db: Database, ctx: Ctx, drill_id: str, performed: dict, wall: datetime) -> None:
    for item in evaluation.expected(db, drill_id):
        if item["fired_s"] is None:
            continue
        done = bool(performed.get(item["action"]))
        at = wall + timedelta(seconds=item["fired_s"])
        note = AUTO if done else tr("Not played by the automatic run.")
        evaluation.mark(db, ctx, drill_id, item["id"], "met" if done else "na", note, at=at)
