"""The people followed after an incident, by cohort (暴露人员, 密切接触者, 处置人员,
康复患者), with their status (监测中 → 已解除 / 失访 / 转诊). A person's id is derived from the
incident and the ID number, so the same person entered at two stations is one row."""

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import records
from desktop.core.incidents.records import _division, choice, text_field
from desktop.core.monitoring import personal
from desktop.core.store import shortids
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import Writer, write

LIMITS = {"name": 100, "exposure": 200, "status_note": 1_000}
FIELDS = ("name", "id_number", "phone", "division", "exposed_on", "exposure", "cohort")


def person_id(incident_id: str, id_number: str) -> str:
    return reference_id("monitor_person", f"{incident_id}/{id_number}")


def validate(db: Database, given: dict) -> dict:
    """A person's fields from what was typed or imported; refused with the field."""
    out: dict = {}
    if given.get("name") is not None:
        out["name"] = text_field({"name": str(given["name"])}, "name", LIMITS["name"])
    if given.get("id_number") is not None:
        out["id_number"] = personal.id_number(given["id_number"])
    if given.get("phone") is not None:
        out["phone"] = personal.phone(given["phone"])
    if given.get("division"):
        out["division"] = _division(db, given["division"])
    if given.get("exposed_on"):
        out["exposed_on"] = values.date_iso(given["exposed_on"], tr("Exposure date"))
        if out["exposed_on"] > values.now().date().isoformat():
            raise Invalid("exposed_on", tr("The exposure date {date} lies in the future.",
                                           date=out["exposed_on"]))  # fmt: skip
    if given.get("exposure") is not None:
        out["exposure"] = text_field({"exposure": str(given["exposure"])}, "exposure",
                                     LIMITS["exposure"])  # fmt: skip
    if given.get("cohort"):
        out["cohort"] = choice("cohort", given["cohort"], "cohort")
    return out


def add(db: Database, ctx: Ctx, incident_ref, given: dict) -> dict:
    """Add a person to the incident's monitoring; returns {id}. Required: name, ID number,
    cohort. A person already followed for the incident is refused (update instead)."""
    incident = records.get(db, incident_ref)
    fields = validate(db, given)
    for name, message in (("name", tr("Give the person's name.")),
                          ("id_number", tr("Give the person's ID number.")),
                          ("cohort", tr("Give the cohort: 暴露人员, 密切接触者, 处置人员 or "
                                        "康复患者.")),):  # fmt: skip
        if not fields.get(name):
            raise Invalid(name, message)
    with write(db, ctx) as w:
        return {"id": add_in(w, incident["id"], fields)}


def add_in(w: Writer, incident_id: str, fields: dict) -> str:
    """Write a checked person inside the caller's transaction (the import's too)."""
    row_id = person_id(incident_id, fields["id_number"])
    old = w.db.execute("SELECT deleted, name FROM monitor_person WHERE id = ?",
                       [row_id]).fetchone()  # fmt: skip
    if old is not None and not old[0]:
        shown = personal.mask_id(fields["id_number"])
        raise BioError(tr("{name} ({id}) is already followed for this incident.",
                          name=old[1], id=shown))  # fmt: skip
    if old is not None:
        w.update("monitor_person", row_id, {**fields, "deleted": 0, "status": "monitoring"})
        return row_id
    return w.insert(
        "monitor_person",
        {"id": row_id, "incident_id": incident_id, "status": "monitoring",
         "created_at": values.now_iso(), **fields},
    )  # fmt: skip


def get(db: Database, ref: str) -> dict:
    """A person by id, or its first or last characters."""
    rows = shortids.matches(db, "monitor_person", ref)
    if len(rows) != 1:
        raise BioError(tr("No person {ref} in the monitoring.", ref=ref) if not rows else
                       tr("{ref} names several people; give more of the id.", ref=ref))  # fmt: skip
    return rows[0]


def update(db: Database, ctx: Ctx, ref: str, given: dict) -> dict:
    """Correct a person's name, phone, division, exposure date and type or cohort (the
    ID number names the person and stays); returns the person masked."""
    person = get(db, ref)
    fields = validate(db, {k: v for k, v in given.items() if k != "id_number"})
    if "name" in fields and not fields["name"]:
        raise Invalid("name", tr("Give the person's name."))
    changed = {k: v for k, v in fields.items() if v != person[k]}
    if changed:
        with write(db, ctx) as w:
            w.update("monitor_person", person["id"], changed)
    return personal.masked({**person, **changed}, False)


def set_status(db: Database, ctx: Ctx, ref: str, status: str, note: str = "") -> dict:
    """监测中, 已解除, 失访 or 转诊, with a note (needed for 失访 and 转诊)."""
    person = get(db, ref)
    status = choice("monitor_status", status, "status")
    note = text_field({"status_note": note}, "status_note", LIMITS["status_note"], True)
    if status in ("lost", "referred") and not note:
        raise Invalid("status_note", tr("Say where the person was referred or how contact "
                                        "was lost."))  # fmt: skip
    with write(db, ctx) as w:
        w.update("monitor_person", person["id"], {"status": status, "status_note": note})
    return {**person, "status": status, "status_note": note}


def listing(db: Database, incident_ref, cohort: str | None = None, status: str | None = None,
            reveal: bool = False, ctx: Ctx | None = None,
            reason: str = "") -> list[dict]:  # fmt: skip
    """The incident's people (ID numbers and phones masked unless revealed — which needs
    the PERSONAL right and is recorded with its reason)."""
    incident = records.get(db, incident_ref)
    where, params = ["p.incident_id = ?", "p.deleted = 0"], [incident["id"]]
    if cohort:
        where.append("p.cohort = ?")
        params.append(choice("cohort", cohort, "cohort"))
    if status:
        where.append("p.status = ?")
        params.append(choice("monitor_status", status, "status"))
    if reveal:
        personal.disclose(db, ctx, "list", incident["number"] + (f"/{cohort}" if cohort else ""),
                          reason)  # fmt: skip
    rows = db.query(
        "SELECT p.id, p.name, p.id_number, p.phone, p.division, d.name AS division_name, "
        "p.exposed_on, p.exposure, p.cohort, p.status, p.status_note, p.created_at "
        "FROM monitor_person p LEFT JOIN division d ON d.code = p.division "
        f"WHERE {' AND '.join(where)} ORDER BY p.cohort, p.name",
        params,
    )
    return [personal.masked(row, reveal) for row in rows]
