"""Where the fields of a playbook that are not the city plan's come from.

The plan names agencies and duties; it sets no grades, hours, checklists or quantities. A
playbook version's `sources` and each task's `sources` say, field by field, whose they are:

    plan           the city plan (a task's clause says where in it)
    regulation     《突发公共卫生事件应急条例》 (its reporting hours)
    national_plan  《国家突发公共卫生事件应急预案》's grading (I 特别重大 … IV 一般)
    example        示例（可修改）: the program's example, to be set locally
    local          this station's own rule (a field a station changed)

    playbook: grades, factors        task: instructions, deadline_hours, min_grade,
                                           checklist, specialties

A field without a source (versions made before sources were kept) is shown as 未注明.
"""

from desktop.core.errors import Invalid
from desktop.core.i18n import tr

SOURCES = ("plan", "regulation", "national_plan", "example", "local")
PLAYBOOK_FIELDS = ("grades", "factors")
TASK_FIELDS = ("instructions", "deadline_hours", "min_grade", "checklist", "specialties")
# The plan sets none of these: citing it as their source would claim what it does not say.
NOT_IN_PLAN = frozenset({"grades", "factors", "deadline_hours", "min_grade", "specialties"})


def label(source: str | None) -> str:
    """A source as the user's language names it."""
    if source == "plan":
        return tr("The city plan")
    if source == "regulation":
        return tr("Regulation on Public Health Emergencies")
    if source == "national_plan":
        return tr("Grading of the National Public Health Emergency Plan")
    if source == "example":
        return tr("Example (may be changed)")
    if source == "local":
        return tr("Local rule")
    return tr("Source not stated")


def field_label(field: str) -> str:
    """A field that has a source, as the user's language names it."""
    names = {
        "grades": tr("Response grades"),
        "factors": tr("Material planning factors"),
        "instructions": tr("Instructions"),
        "deadline_hours": tr("Deadline after activation"),
        "min_grade": tr("Minimum grade"),
        "checklist": tr("Checklist"),
        "specialties": tr("Required specialties"),
    }
    return names.get(field, field)


def clean(value, fields: tuple[str, ...], where: str = "") -> dict[str, str]:
    """A sources object checked: known fields, known sources, the plan never the source of
    what it does not set. Returned in the order of `fields`."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Invalid(
            f"{where}sources",
            tr("{where}sources: an object of field → source expected.", where=where),
        )
    for name, source in value.items():
        if name not in fields:
            raise Invalid(
                f"{where}sources",
                tr(
                    "{where}sources: {field} has no source to state; use {fields}.",
                    where=where,
                    field=name,
                    fields=", ".join(fields),
                ),
            )
        if source not in SOURCES:
            raise Invalid(
                f"{where}sources",
                tr(
                    "{where}sources.{field}: unknown source {source}; use one of {sources}.",
                    where=where,
                    field=name,
                    source=source,
                    sources=", ".join(SOURCES),
                ),
            )
        if source == "plan" and name in NOT_IN_PLAN:
            raise Invalid(
                f"{where}sources",
                tr(
                    "{where}sources.{field}: the plan sets no grades, hours, planning factors "
                    "or specialties; say where the value comes from (example, local, …).",
                    where=where,
                    field=name,
                ),
            )
    return {name: value[name] for name in fields if name in value}


def describe(sources: dict, fields: tuple[str, ...]) -> list[dict]:
    """[{field, field_label, source, label}] for each field, in order (未注明 when unknown)."""
    return [
        {
            "field": name,
            "field_label": field_label(name),
            "source": sources.get(name),
            "label": label(sources.get(name)),
        }
        for name in fields
    ]


def after_edit(old: dict, new: dict, old_sources: dict, new_sources: dict, fields) -> dict:
    """The sources after an edit: a field whose value changed while its source was left as
    it was becomes this station's own rule (local)."""
    out = dict(new_sources)
    for name in fields:
        if old.get(name) != new.get(name) and new_sources.get(name) == old_sources.get(name):
            out[name] = "local"
    return {name: out[name] for name in fields if name in out}


def grouped(sources: dict, fields: tuple[str, ...]) -> list[dict]:
    """The fields by source, sources in the order of SOURCES (未注明 last):
    [{source, label, fields: [field_label, …]}]."""
    out: dict[str | None, list[str]] = {}
    for name in fields:
        out.setdefault(sources.get(name), []).append(field_label(name))
    order = [*SOURCES, None]
    return [
        {"source": source, "label": label(source), "fields": out[source]}
        for source in sorted(out, key=lambda s: order.index(s) if s in order else len(order))
    ]


def summary(doc: dict) -> list[dict]:
    """Where a version's fields that are not the plan's come from, for a printout: by
    source, the version's fields and the task fields with the number of tasks,
    [{source, label, fields: [{field, field_label, tasks}]}] (tasks None for the version's
    own fields)."""
    counts: dict[tuple[str | None, str], int] = {}
    for name in PLAYBOOK_FIELDS:
        counts[((doc.get("sources") or {}).get(name), name)] = 0
    for phase in doc["phases"]:
        for task in phase["tasks"]:
            sources = task.get("sources") or {}
            for name in TASK_FIELDS:
                key = (sources.get(name), name)
                counts[key] = counts.get(key, 0) + 1
    order = [*SOURCES, None]
    by_source: dict[str | None, list[dict]] = {}
    for (source, name), count in counts.items():
        by_source.setdefault(source, []).append(
            {
                "field": name,
                "field_label": field_label(name),
                "tasks": None if name in PLAYBOOK_FIELDS else count,
            }
        )
    return [
        {"source": source, "label": label(source), "fields": by_source[source]}
        for source in sorted(by_source, key=lambda s: order.index(s) if s in order else 99)
    ]
