"""Drills (演练): a sandboxed exercise with timed injects, evaluation and an after-action
report.

A drill is planned in the live database (records: name, kind 桌面推演/专项演练/综合演练,
objectives citing the plan clause or playbook they test, playbooks, scenario, participants,
the MSEL of injects and expected actions), then played in its own copy of the database
(sandbox) on a simulated clock (clock) that fires the injects (injects). Evaluation
compares what the players did with what was expected, with the evaluators' marks,
observations and P/S/M/U ratings (evaluation); the after-action report gathers it
(report); the improvement plan is the only thing written back to the live database, on
closing (improvements). gap.py plays a scenario automatically: what would we lack?
"""

from desktop.core.drills.records import create, detail, get, listing, update

__all__ = ["create", "detail", "get", "listing", "update"]
