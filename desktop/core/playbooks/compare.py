"""Differences between two playbook versions, for a side-by-side view.

compare(old, new) takes two documents (playbook_io.document) and returns

    {"header":  [{"field", "old", "new"}],
     "phases":  {"added": [title], "removed": [title],
                 "changed": [{"title", "fields": [{"field", "old", "new"}]}]},
     "tasks":   {"added": [{"phase", "title"}], "removed": [{"phase", "title"}],
                 "changed": [{"phase", "title", "fields": [{"field", "old", "new"}]}]},
     "factors": {"added": [key], "removed": [key], "changed": [{"key", "fields"}]},
     "same": bool}

Phases are matched by title, tasks by title (a task moved to another phase shows as a
changed "phase" field), factors by item or category and basis.
"""

from typing import Any

HEADER = ("title", "hazard", "grades", "clauses", "summary", "example", "sources")
TASK = (
    "instructions",
    "lead_agency",
    "support_agencies",
    "deadline_hours",
    "min_grade",
    "checklist",
    "specialties",
    "clause",
    "clause_note",
    "quotes",
    "sources",
)
FACTOR = ("qty_per_day", "days", "buffer_pct", "note")


def _fields(old: dict, new: dict, names) -> list[dict]:
    return [
        {"field": name, "old": old.get(name), "new": new.get(name)}
        for name in names
        if old.get(name) != new.get(name)
    ]


def _matched(old: dict, new: dict) -> dict:
    return {
        "added": [k for k in new if k not in old],
        "removed": [k for k in old if k not in new],
        "changed": [],
    }


def compare(old: dict, new: dict) -> dict:
    out: dict[str, Any] = {"header": _fields(old, new, HEADER)}

    old_phases = {p["title"]: p for p in old["phases"]}
    new_phases = {p["title"]: p for p in new["phases"]}
    phases = _matched(old_phases, new_phases)
    for title, phase in new_phases.items():
        if title in old_phases:
            fields = _fields(old_phases[title], phase, ("phase",))
            old_order = [p["title"] for p in old["phases"]].index(title)
            new_order = [p["title"] for p in new["phases"]].index(title)
            if old_order != new_order:
                fields.append({"field": "position", "old": old_order + 1, "new": new_order + 1})
            if fields:
                phases["changed"].append({"title": title, "fields": fields})
    out["phases"] = phases

    def tasks_of(doc):
        return {t["title"]: {**t, "phase": p["title"]} for p in doc["phases"] for t in p["tasks"]}

    old_tasks, new_tasks = tasks_of(old), tasks_of(new)
    tasks = {
        "added": [
            {"phase": t["phase"], "title": k} for k, t in new_tasks.items() if k not in old_tasks
        ],
        "removed": [
            {"phase": t["phase"], "title": k} for k, t in old_tasks.items() if k not in new_tasks
        ],
        "changed": [],
    }
    for title, task in new_tasks.items():
        if title in old_tasks:
            fields = _fields(old_tasks[title], task, ("phase", *TASK))
            if fields:
                tasks["changed"].append({"phase": task["phase"], "title": title, "fields": fields})
    out["tasks"] = tasks

    def factors_of(doc):
        return {f"{f['item'] or f['category']}/{f['basis']}": f for f in doc["factors"]}

    old_factors, new_factors = factors_of(old), factors_of(new)
    factors = _matched(old_factors, new_factors)
    for key, factor in new_factors.items():
        if key in old_factors:
            fields = _fields(old_factors[key], factor, FACTOR)
            if fields:
                factors["changed"].append({"key": key, "fields": fields})
    out["factors"] = factors
    out["same"] = not out["header"] and all(
        not any(out[part][kind] for kind in ("added", "removed", "changed"))
        for part in ("phases", "tasks", "factors")
    )
    return out
