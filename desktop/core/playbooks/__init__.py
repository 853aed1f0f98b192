"""Playbooks (处置预案): versions, phases, tasks and material planning factors.

A playbook version is named by (code, version) and has a status that only moves forward:
draft → approved → retired (tables.FORWARD). Only a draft is edited; an approved version
is never changed — `new_version` copies it into a new draft (based_on names the source) —
and approving a version retires the code's earlier approved versions. The shipped
playbooks (resources/playbooks, see shipped.py) are reference data: approved, marked as
examples to adapt locally; a correction ships as a later version that retires the one it
corrects. Tasks cite the city plan's clauses, checked against its text (plan.py,
clauses.py), and say where the fields the plan does not set come from (provenance.py).

Agencies are given by code in edits and documents and returned with code and names.
Every edit goes through the write path; refusals are BioError (Invalid names the field).
"""

from desktop.core.playbooks.editing import (
    FACTOR_NOTE,
    add_factor,
    add_phase,
    add_task,
    approve,
    move_factor,
    move_phase,
    move_task,
    new_version,
    remove_factor,
    remove_phase,
    remove_task,
    retire,
    save_factor,
    save_phase,
    save_playbook_header,
    save_task,
    validate,
)
from desktop.core.playbooks.exchange import export_json, import_json
from desktop.core.playbooks.reading import (
    diff,
    get,
    listing,
    matrix,
    reference_playbook_id,
    task_provenance,
)
from desktop.core.playbooks.shipped import reference_ops

__all__ = [
    "FACTOR_NOTE",
    "add_factor",
    "add_phase",
    "add_task",
    "approve",
    "diff",
    "export_json",
    "get",
    "import_json",
    "listing",
    "matrix",
    "move_factor",
    "move_phase",
    "move_task",
    "new_version",
    "reference_ops",
    "reference_playbook_id",
    "remove_factor",
    "remove_phase",
    "remove_task",
    "retire",
    "save_factor",
    "save_phase",
    "save_playbook_header",
    "save_task",
    "task_provenance",
    "validate",
]
