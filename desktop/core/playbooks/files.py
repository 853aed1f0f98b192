"""The playbook document format (bioreserve-playbook/2) and its validation.

One JSON document is one playbook version. The shipped files (shipped.py), `playbook export`
and `playbook import` all use it:

    {"format": "bioreserve-playbook/2",
     "code": "PB-EID", "title": "…", "hazard": "infectious_disease",
     "grades": ["I", "II", "III", "IV"], "version": 2, "status": "approved",
     "clauses": ["三（一）一", "参照三（六）三"], "summary": "…", "example": true,
     "sources": {"grades": "national_plan", "factors": "example"},
     "phases": [{"phase": "treatment", "title": "救治与安置",
                 "tasks": [{"title": "…", "instructions": "…",
                            "lead_agency": "HY-WJW", "support_agencies": ["HY-SCJGJ"],
                            "deadline_hours": 12, "min_grade": "IV",
                            "checklist": ["…"], "specialties": [{"code": "tcm", "count": 1}],
                            "clause": "三（一）一；参照三（六）二",
                            "clause_note": "why 三（六）二 applies by analogy",
                            "quotes": ["the plan's words, verbatim in a cited clause"],
                            "sources": {"deadline_hours": "example", …}}]}],
     "factors": [{"item": null, "category": "PPE", "basis": "per_responder",
                  "qty_per_day": 4, "days": 14, "buffer_pct": 20,
                  "note": "…；示例参数，可按本地实际修改"}]}

Agencies are agency codes (resources/reference/agencies.json), specialties specialty codes,
`item` a catalogue item code or null, `category` a practical category code (PPE, DISINF,
REAGENT, DRUG, MED-DEV, MED-EQP, OTHER). `deadline_hours` counts from activation (null:
no deadline); a task applies from `min_grade` up (IV is the lowest grade, I the highest).
Clauses are citations of the city plan checked against its text (clauses.py, plan.py);
`sources` say where the fields the plan does not set come from (provenance.py).

bioreserve-playbook/1 files (before clause_note, quotes and sources) are read as well;
their clauses are checked the same way.
"""

import json
import re
from dataclasses import dataclass, field

import desktop.core.playbooks.clauses as clauses
import desktop.core.playbooks.provenance as provenance
import desktop.core.values as values_mod
from desktop.core.errors import Invalid
from desktop.core.i18n import current_language, tr
from desktop.core.store import reference
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id

FORMAT = "bioreserve-playbook/2"
FORMATS = ("bioreserve-playbook/1", FORMAT)  # read; FORMAT is written
HAZARDS = (
    "bioterror",
    "infectious_disease",
    "animal_epidemic",
    "plant_pest",
    "invasive_species",
    "lab_incident",
)
GRADES = ("I", "II", "III", "IV")  # I 特别重大 … IV 一般
STATUSES = ("draft", "approved", "retired")
STATUS_NAMES = {"draft": "草稿", "approved": "已批准", "retired": "已停用"}
PHASES = {
    "monitoring_warning": "监测预警",
    "treatment": "救治与安置",
    "disinfection": "环境消毒",
    "ecological_restoration": "生态修复",
    "safety_monitoring": "安全监测",
    "order_restoration": "社会秩序恢复",
    "long_term_monitoring": "长期监测",
    "other": "其他",
}
BASES = ("per_exposed", "per_patient", "per_responder", "per_site", "per_km2", "fixed")
CODE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{1,39}$")
HEADER_FIELDS = ("title", "hazard", "grades", "clauses", "summary", "example", "sources")
# Columns added after the first shipped playbooks, with their defaults: a row leaves them out
# while they hold the default, so that the rows (and REF operations) of a version without them
# stay what they were.
ADDED_COLUMNS = {
    "playbook": {"sources": "{}"},
    "playbook_task": {"clause_note": "", "quotes": "[]", "sources": "{}"},
}


@dataclass(frozen=True)
class Vocabulary:
    """What a playbook may reference: agency code → id, specialty codes, categories, items."""

    agencies: dict
    specialties: frozenset
    categories: frozenset
    items: dict = field(default_factory=dict)  # item code → id


def reference_vocabulary() -> Vocabulary:
    return Vocabulary(
        {a["code"]: reference_id("agency", a["code"]) for a in reference.rows("agencies.json")},
        frozenset(s["code"] for s in reference.rows("specialties.json")),
        frozenset(
            c["code"] for c in reference.rows("categories.json") if c.get("scheme") == "practical"
        ),
    )


def database_vocabulary(db: Database) -> Vocabulary:
    return Vocabulary(
        dict(db.execute("SELECT code, id FROM agency WHERE deleted = 0").fetchall()),
        frozenset(r[0] for r in db.execute("SELECT code FROM specialty WHERE deleted = 0")),
        frozenset(
            r[0]
            for r in db.execute(
                "SELECT code FROM category WHERE scheme = 'practical' AND deleted = 0"
            )
        ),
        dict(db.execute("SELECT code, id FROM item WHERE deleted = 0").fetchall()),
    )


# The longest text of a field (characters): a line's fields, else free text (instructions,
# a summary, a quote of the plan).
LINE_FIELDS = {"title": 200, "code": 40, "lead_agency": 40, "support_agencies": 40,
               "clauses": 40, "clause": 40}  # fmt: skip
MAX_FREE_TEXT = 20_000


def _checked(value: str, name: str, where: str) -> str:
    """A text of the file: no control character (line breaks only in free text) and not
    longer than its field holds; Invalid naming where it stands otherwise."""
    line = name in LINE_FIELDS
    try:
        text = values_mod.clean_text(value, multiline=not line)
    except values_mod.BadValue as error:
        raise Invalid(f"{where}{name}", f"{where}{name}: {error}") from None
    limit = LINE_FIELDS.get(name, MAX_FREE_TEXT)
    if len(text) > limit:
        raise Invalid(f"{where}{name}", tr("{where}{field}: at most {max} characters ({count} "
                                           "given).", where=where, field=name,
                                           max=f"{limit:,}", count=f"{len(text):,}"))  # fmt: skip
    return text


def _text(values: dict, name: str, where: str, required: bool = False) -> str:
    value = values.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Invalid(
            f"{where}{name}", tr("{where}{field}: text expected.", where=where, field=name)
        )
    value = _checked(value, name, where)
    if required and not value:
        raise Invalid(f"{where}{name}", tr("{where}{field}: required.", where=where, field=name))
    return value


def _texts(values: dict, name: str, where: str) -> list[str]:
    value = values.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(
            f"{where}{name}",
            tr("{where}{field}: a list of texts expected.", where=where, field=name),
        )
    return [text for text in (_checked(v, name, where) for v in value) if text]


def _whole(values: dict, name: str, where: str, low: int, high: int, default=None):
    value = values.get(name, default)
    if value is None and default is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(
            f"{where}{name}",
            tr(
                "{where}{field}: a whole number from {low} to {high} expected, not {value}.",
                where=where,
                field=name,
                low=low,
                high=high,
                value=value,
            ),
        )
    return value


def _choice(value, choices, field_path: str):
    if value not in choices:
        raise Invalid(
            field_path,
            tr(
                "{field}: unknown value {value}; use one of {choices}.",
                field=field_path,
                value=value,
                choices=", ".join(choices),
            ),
        )
    return value


def clean_header(values: dict, where: str = "", strict: bool = True) -> dict:
    """The header fields (title, hazard, grades, clauses, summary, example, sources),
    checked; clauses are citations of the plan (kept as written when not strict: a copy
    of a version made before they were checked)."""
    grades = values.get("grades") or []
    if not isinstance(grades, list) or not grades:
        raise Invalid(
            f"{where}grades",
            tr("{where}grades: list at least one grade of I, II, III, IV.", where=where),
        )
    for grade in grades:
        _choice(grade, GRADES, f"{where}grades")
    return {
        "title": _text(values, "title", where, required=True),
        "hazard": _choice(values.get("hazard"), HAZARDS, f"{where}hazard"),
        "grades": [g for g in GRADES if g in grades],
        "clauses": _header_clauses(values, where, strict),
        "summary": _text(values, "summary", where),
        "example": bool(values.get("example", False)),
        "sources": provenance.clean(values.get("sources"), provenance.PLAYBOOK_FIELDS, where),
    }


def _header_clauses(values: dict, where: str, strict: bool) -> list[str]:
    try:
        return clauses.clean_clauses(values.get("clauses"), where)
    except Invalid:
        if strict:
            raise
        return _texts(values, "clauses", where)


def _task_clauses(values: dict, where: str, strict: bool) -> dict:
    try:
        return clauses.clean_task(values, where)
    except Invalid:
        if strict:
            raise
        return {
            "clause": _text(values, "clause", where),
            "clause_note": _text(values, "clause_note", where),
            "quotes": _texts(values, "quotes", where),
        }


def clean_phase(values: dict, where: str = "") -> dict:
    phase = _choice(values.get("phase"), tuple(PHASES), f"{where}phase")
    return {"phase": phase, "title": _text(values, "title", where) or PHASES[phase]}


def clean_task(values: dict, vocab: Vocabulary, where: str = "", strict: bool = True) -> dict:
    """A task's fields with agency codes checked (they stay codes here), its citations of
    the plan and the quotes checked against the plan's text (kept as written when not
    strict: a copy of a version made before they were checked, fixed in the draft)."""
    lead = _text(values, "lead_agency", where, required=True)
    if lead not in vocab.agencies:
        raise Invalid(
            f"{where}lead_agency",
            tr("{where}lead_agency: unknown agency code {code}.", where=where, code=lead),
        )
    support = _texts(values, "support_agencies", where)
    for code in support:
        if code not in vocab.agencies:
            raise Invalid(
                f"{where}support_agencies",
                tr("{where}support_agencies: unknown agency code {code}.", where=where, code=code),
            )
    if lead in support:
        raise Invalid(
            f"{where}support_agencies",
            tr("{where}support_agencies: {code} already leads the task.", where=where, code=lead),
        )
    specialties = values.get("specialties") or []
    if not isinstance(specialties, list):
        specialties = [None]
    clean_specialties = []
    for n, entry in enumerate(specialties, 1):
        at = f"{where}specialties[{n}]."
        if not isinstance(entry, dict):
            raise Invalid(at, tr("{where}: an object with code and count expected.", where=at))
        specialty = entry.get("code")
        if specialty not in vocab.specialties:
            raise Invalid(
                f"{at}code", tr("{where}code: unknown specialty {code}.", where=at, code=specialty)
            )
        clean_specialties.append(
            {"code": specialty, "count": _whole(entry, "count", at, 1, 999, 1)}
        )
    return {
        "title": _text(values, "title", where, required=True),
        "instructions": _text(values, "instructions", where),
        "lead_agency": lead,
        "support_agencies": list(dict.fromkeys(support)),
        "deadline_hours": _whole(values, "deadline_hours", where, 0, 87600),
        "min_grade": _choice(values.get("min_grade") or "IV", GRADES, f"{where}min_grade"),
        "checklist": _texts(values, "checklist", where),
        "specialties": clean_specialties,
        **_task_clauses(values, where, strict),
        "sources": provenance.clean(values.get("sources"), provenance.TASK_FIELDS, where),
    }


def clean_factor(values: dict, vocab: Vocabulary, where: str = "") -> dict:
    item = values.get("item") or None
    category = values.get("category") or None
    if item is None and category is None:
        raise Invalid(f"{where}category", tr("{where}: name an item or a category.", where=where))
    if item is not None and item not in vocab.items:
        raise Invalid(
            f"{where}item",
            tr("{where}item: no catalogue item with code {code}.", where=where, code=item),
        )
    if category is not None and category not in vocab.categories:
        raise Invalid(
            f"{where}category",
            tr(
                "{where}category: unknown category {code}; use one of {choices}.",
                where=where,
                code=category,
                choices=", ".join(sorted(vocab.categories)),
            ),
        )
    qty = values.get("qty_per_day", 0)
    if isinstance(qty, bool) or not isinstance(qty, int | float) or qty < 0:
        raise Invalid(
            f"{where}qty_per_day",
            tr("{where}qty_per_day: a number of 0 or more expected.", where=where),
        )
    return {
        "item": item,
        "category": category,
        "basis": _choice(values.get("basis", "fixed"), BASES, f"{where}basis"),
        "qty_per_day": float(qty),
        "days": _whole(values, "days", where, 1, 3650, 1),
        "buffer_pct": _whole(values, "buffer_pct", where, 0, 1000, 0),
        "note": _text(values, "note", where),
    }


def parse(doc, vocab: Vocabulary, strict: bool = True) -> dict:
    """A playbook document checked and normalized, or Invalid naming the place, e.g.
    "phases[2].tasks[1].lead_agency: unknown agency code HY-XXX"."""
    if not isinstance(doc, dict) or doc.get("format") not in FORMATS:
        raise Invalid(
            "format",
            tr("Not a playbook file: format must be {format}.", format=" / ".join(FORMATS)),
        )
    code = _text(doc, "code", "", required=True)
    if not CODE.match(code):
        raise Invalid(
            "code",
            tr("code: {code} is not a playbook code such as PB-EID (A–Z, 0–9, -).", code=code),
        )
    out = {"code": code, **clean_header(doc, strict=strict)}
    out["version"] = _whole(doc, "version", "", 1, 100000, 1)
    out["status"] = _choice(doc.get("status", "draft"), STATUSES, "status")
    phases = doc.get("phases")
    if not isinstance(phases, list) or not phases:
        raise Invalid("phases", tr("phases: a playbook needs at least one phase."))
    out["phases"] = []
    for p, phase in enumerate(phases, 1):
        where = f"phases[{p}]."
        if not isinstance(phase, dict):
            raise Invalid(where, tr("{where}: an object expected.", where=where))
        clean = clean_phase(phase, where)
        tasks = phase.get("tasks") or []
        if not isinstance(tasks, list):
            raise Invalid(f"{where}tasks", tr("{where}tasks: a list expected.", where=where))
        clean["tasks"] = []
        for t, task in enumerate(tasks, 1):
            at = f"{where}tasks[{t}]."
            if not isinstance(task, dict):
                raise Invalid(at, tr("{where}: an object expected.", where=at))
            clean["tasks"].append(clean_task(task, vocab, at, strict))
        out["phases"].append(clean)
    factors = doc.get("factors") or []
    if not isinstance(factors, list):
        raise Invalid("factors", tr("factors: a list expected."))
    out["factors"] = []
    for f, factor in enumerate(factors, 1):
        where = f"factors[{f}]."
        if not isinstance(factor, dict):
            raise Invalid(where, tr("{where}: an object expected.", where=where))
        out["factors"].append(clean_factor(factor, vocab, where))
    return out


def status_label(code: str) -> str:
    """A playbook status as the user's language shows it."""
    return code if current_language() == "en" else STATUS_NAMES.get(code, code)


def dump(value) -> str:
    """The JSON text stored in list columns (grades, checklist, …)."""
    return json.dumps(value, ensure_ascii=False)


def header_row(doc: dict, version: int, status: str, based_on: str | None) -> dict:
    return {
        "code": doc["code"],
        "version": version,
        "title": doc["title"],
        "hazard": doc["hazard"],
        "grades": dump(doc["grades"]),
        "status": status,
        "clauses": dump(doc["clauses"]),
        "summary": doc["summary"],
        "based_on": based_on,
        "example": int(doc["example"]),
        "sources": dump(doc.get("sources") or {}),
    }


def task_row(task: dict, vocab: Vocabulary) -> dict:
    return {
        "title": task["title"],
        "instructions": task["instructions"],
        "lead_agency_id": vocab.agencies[task["lead_agency"]],
        "support_agency_ids": dump([vocab.agencies[c] for c in task["support_agencies"]]),
        "deadline_hours": task["deadline_hours"],
        "min_grade": task["min_grade"],
        "checklist": dump(task["checklist"]),
        "specialties": dump(task["specialties"]),
        "clause": task["clause"],
        "clause_note": task.get("clause_note", ""),
        "quotes": dump(task.get("quotes") or []),
        "sources": dump(task.get("sources") or {}),
    }


def factor_row(factor: dict, vocab: Vocabulary) -> dict:
    return {
        "item_id": vocab.items[factor["item"]] if factor["item"] else None,
        "category": factor["category"],
        "basis": factor["basis"],
        "qty_per_day": factor["qty_per_day"],
        "days": factor["days"],
        "buffer_pct": factor["buffer_pct"],
        "note": factor["note"],
    }


def _lean(table: str, values: dict) -> dict:
    """A row without the added columns that hold their defaults (see ADDED_COLUMNS)."""
    added = ADDED_COLUMNS.get(table, {})
    return {k: v for k, v in values.items() if k not in added or v != added[k]}


def rows(doc: dict, vocab: Vocabulary, version: int, status: str, based_on=None, key=None) -> dict:
    """The rows of one playbook version, {table: [(id, values)]}, with ids derived from
    (code, version, position) so that two stations making the same version agree (`key`,
    default "code/version", names the version in those ids)."""
    key = key or f"{doc['code']}/{version}"
    pid = reference_id("playbook", key)
    out = {
        "playbook": [(pid, _lean("playbook", header_row(doc, version, status, based_on)))],
        "playbook_phase": [],
        "playbook_task": [],
        "playbook_factor": [],
    }
    for p, phase in enumerate(doc["phases"]):
        phase_id = reference_id("playbook_phase", f"{key}/{p}")
        out["playbook_phase"].append(
            (
                phase_id,
                {
                    "playbook_id": pid,
                    "position": p,
                    "phase": phase["phase"],
                    "title": phase["title"],
                },
            )
        )
        for t, task in enumerate(phase["tasks"]):
            values = {"playbook_id": pid, "phase_id": phase_id, "position": t}
            values.update(_lean("playbook_task", task_row(task, vocab)))
            out["playbook_task"].append((reference_id("playbook_task", f"{key}/{p}/{t}"), values))
    for f, factor in enumerate(doc["factors"]):
        values = {"playbook_id": pid, "position": f, **factor_row(factor, vocab)}
        out["playbook_factor"].append((reference_id("playbook_factor", f"{key}/{f}"), values))
    return out


def number(value):
    """A quantity as people write it: 4 rather than 4.0."""
    return int(value) if float(value).is_integer() else value


def document(playbook: dict) -> dict:
    """A playbook as playbooks.get() returns it → the document format."""
    return {
        "format": FORMAT,
        "code": playbook["code"],
        "title": playbook["title"],
        "hazard": playbook["hazard"],
        "grades": playbook["grades"],
        "version": playbook["version"],
        "status": playbook["status"],
        "clauses": playbook["clauses"],
        "summary": playbook["summary"],
        "example": playbook["example"],
        "sources": playbook.get("sources") or {},
        "phases": [
            {
                "phase": phase["phase"],
                "title": phase["title"],
                "tasks": [
                    {
                        "title": t["title"],
                        "instructions": t["instructions"],
                        "lead_agency": t["lead_agency"]["code"] if t["lead_agency"] else None,
                        "support_agencies": [a["code"] for a in t["support_agencies"]],
                        "deadline_hours": t["deadline_hours"],
                        "min_grade": t["min_grade"],
                        "checklist": t["checklist"],
                        "specialties": t["specialties"],
                        "clause": t["clause"],
                        "clause_note": t.get("clause_note", ""),
                        "quotes": t.get("quotes") or [],
                        "sources": t.get("sources") or {},
                    }
                    for t in phase["tasks"]
                ],
            }
            for phase in playbook["phases"]
        ],
        "factors": [
            {
                "item": f["item"],
                "category": f["category"],
                "basis": f["basis"],
                "qty_per_day": number(f["qty_per_day"]),
                "days": f["days"],
                "buffer_pct": f["buffer_pct"],
                "note": f["note"],
            }
            for f in playbook["factors"]
        ],
    }
