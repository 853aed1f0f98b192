"""What the after-action report and improvement plan (AAR/IP, HSEEP) say, gathered from a
drill's sandbox: overview, objectives with their ratings and expected actions, the time
line of injects and actions, strengths, areas for improvement, shortages and the
improvement plan. documents/after_action.py lays it out."""

from datetime import datetime

from desktop.core import vocab
from desktop.core.drills import clock, evaluation, improvements, injects, records
from desktop.core.store.handle import Database


def data(db: Database, ref, at: datetime | None = None) -> dict:
    """{drill, clock: {sim_s, shown, t0}, objectives: [{code, text, citation, rating,
    rating_note, expected: tally}], expected: [...], timeline: [{at_s, shown, kind
    ('inject'|'action'), text, by}], strengths, improvements_observed, shortages,
    improvement_plan, tally}"""
    drill = records.detail(db, ref)
    c = clock.load(db, drill["id"])
    now = c.now(at)
    expected = evaluation.expected(db, drill["id"], at)
    rated = evaluation.ratings(db, drill["id"])
    objectives = []
    for objective in drill["objectives"]:
        mine = [e for e in expected if e["objective_id"] == objective["id"]]
        rating = rated.get(objective["id"])
        objectives.append({
            **objective,
            "rating": rating["rating"] if rating else None,
            "rating_name": vocab.name("rating", rating["rating"]) if rating else "",
            "rating_note": rating["note"] if rating else "",
            "tally": evaluation.tally(mine),
        })  # fmt: skip
    timeline = []
    done = injects.fired(db, drill["id"])
    for inject in injects.plan(db, drill["id"]):
        row = done.get(inject["id"])
        if row is None:
            continue
        timeline.append({
            "at_s": row["fired_s"], "shown": clock.shown(row["fired_s"]), "kind": "inject",
            "text": inject["message"], "no": inject["position"],
            "by": inject["sender"], "to": inject["to_agency_name"] or "",
        })  # fmt: skip
    for action in evaluation.actions(db, drill["id"]):
        timeline.append({
            "at_s": action["at_s"], "shown": clock.shown(action["at_s"]), "kind": "action",
            "text": f"{vocab.name('action', action['action'])} {action['text']}".strip(),
            "by": action["actor"], "to": "", "no": None,
        })  # fmt: skip
    timeline.sort(key=lambda t: (t["at_s"], t["kind"] != "inject"))
    observed = evaluation.observations(db, drill["id"])
    return {
        "drill": drill,
        "clock": {
            "sim_s": now,
            "shown": clock.shown(now),
            "t0": c.t0.isoformat(timespec="minutes") if c.t0 else None,
        },  # fmt: skip
        "objectives": objectives,
        "expected": expected,
        "tally": evaluation.tally(expected),
        "timeline": timeline,
        "strengths": [o for o in observed if o["kind"] == "strength"],
        "areas": [o for o in observed if o["kind"] == "improvement"],
        "shortages": [s for s in evaluation.shortages(db) if s["shortage"] > 0],
        "improvement_plan": improvements.listing(db, drill["id"]),
    }
