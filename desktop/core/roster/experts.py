"""The biosafety expert roster (生物安全专家库): validated saves, availability, search,
possible duplicates, qualifications expiring and phone masking. Its spreadsheet import
and export are desktop.core.imports.experts, which uses these rules.

Specialties are stored as a JSON list of specialty codes (the specialty table); forms
and spreadsheets may give codes or Chinese names. Phones: a mobile number has 11 digits
starting with 1; a landline starts with its area code (0 and 2–3 more digits), then 7–8
digits, e.g. 0734-8123456 or 07348123456. Two experts with the same name and mobile
number (without one: the same name and organisation) are flagged as possible duplicates
(`duplicates`), never merged silently.

Lists (`search`, `duplicates`) show mobile numbers in full only to roles that may see personal
data (core/disclosure.py); for the others they are masked (138****1234).
"""

import json
import re
from datetime import date, timedelta

from desktop.core import disclosure, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write
from desktop.core.values import LANDLINE, MOBILE, clean_texts, mask_phone, within

FIELDS = (
    "name", "gender", "organisation", "title", "specialties", "division", "mobile",
    "office_phone", "availability", "unavailable_from", "unavailable_to", "notes",
)  # fmt: skip
# The longest text of each field (characters): a roster printed and read on a phone.
LIMITS = {"name": 50, "organisation": 100, "title": 50, "notes": 2_000}
GENDERS = ("男", "女")
AVAILABILITY = ("available", "on_mission", "unavailable")
SEPARATORS = re.compile(r"[、,，;；/]+")  # between specialties
ALERT_DAYS = 90


# ---------------------------------------------------------------- field rules


def specialty_codes(db: Database) -> dict[str, str]:
    """Specialty codes and Chinese names → code (either may be typed)."""
    out = {}
    for code, name in db.execute("SELECT code, name FROM specialty WHERE deleted = 0"):
        out[code] = code
        out[name] = code
    return out


def split_list(value) -> list[str]:
    """A list, its JSON text, or text separated by 、 , ; / → its non-empty parts."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if isinstance(value, str):
        value = SEPARATORS.split(value)
    return [str(v).strip() for v in value or [] if str(v).strip()]


def check_specialties(value, codes: dict[str, str]) -> str:
    """At least one specialty, each a code or a name; the JSON list of codes, in order."""
    found = []
    for part in split_list(value):
        code = codes.get(part) or codes.get(part.lower())
        if code is None:
            raise Invalid(
                "specialties",
                tr(
                    "Unknown specialty {specialty}; use one of {choices}.",
                    specialty=part,
                    choices="、".join(sorted(k for k in codes if not k.isascii())),
                ),
            )
        if code not in found:
            found.append(code)
    if not found:
        raise Invalid("specialties", tr("Give at least one specialty."))
    return json.dumps(found)


def check_gender(value: str) -> str:
    if value not in GENDERS:
        raise Invalid("gender", tr("The gender must be 男 or 女."))
    return value


def check_mobile(value: str, field: str = "mobile") -> str:
    """A mobile number: 11 digits starting with 1 (spaces and hyphens are dropped)."""
    text = re.sub(r"[\s\-]", "", values.half_width(value or ""))
    if text and not MOBILE.fullmatch(text):
        raise Invalid(
            field,
            tr(
                "The mobile number {phone} is not valid: it has 11 digits and starts with 1.",
                phone=value,
            ),
        )
    return text


def check_landline(value: str, field: str = "office_phone") -> str:
    """A landline with its area code: 0734-8123456 or 07348123456 (spaces dropped)."""
    text = re.sub(r"\s", "", values.half_width(value or ""))
    if text and not LANDLINE.fullmatch(text):
        raise Invalid(
            field,
            tr(
                "The landline number {phone} is not valid: write the area code, then 7 or 8 "
                "digits, e.g. 0734-8123456.",
                phone=value,
            ),
        )
    return text


def check_phone(value: str, field: str) -> str:
    """A mobile or a landline number (normalised as check_mobile / check_landline do)."""
    text = (value or "").strip()
    if not text:
        return ""
    compact = re.sub(r"[\s\-]", "", text)
    if compact.startswith("1"):
        return check_mobile(text, field)
    try:
        return check_landline(text, field)
    except Invalid:
        raise Invalid(
            field,
            tr(
                "The phone number {phone} is not valid: a mobile number has 11 digits starting "
                "with 1, a landline its area code, e.g. 0734-8123456.",
                phone=value,
            ),
        ) from None


def check_division(db: Database, value: str | None) -> str | None:
    if not value:
        return None
    if not db.execute("SELECT 1 FROM division WHERE code = ? AND deleted = 0", [value]).fetchone():
        raise Invalid(
            "division",
            tr("Unknown division code {code}; Hengyang's codes are 4304xx.", code=value),
        )
    return value


def check_date(value, field: str) -> str | None:
    try:
        return values.date_iso(value, field)
    except BioError as exc:
        raise Invalid(field, str(exc)) from None


def check_availability(status: str, from_, to) -> tuple[str, str | None, str | None]:
    """(status, from, to): an unavailable expert needs both dates, from ≤ to; others none."""
    if status not in AVAILABILITY:
        raise Invalid(
            "availability",
            tr("The availability must be one of {choices}.", choices=", ".join(AVAILABILITY)),
        )
    if status != "unavailable":
        return status, None, None
    start = check_date(from_, "unavailable_from")
    end = check_date(to, "unavailable_to")
    if not start:
        raise Invalid("unavailable_from", tr("Give the first day the expert is unavailable."))
    if not end:
        raise Invalid("unavailable_to", tr("Give the last day the expert is unavailable."))
    if end < start:
        raise Invalid("unavailable_to", tr("The last day of unavailability is before the first."))
    return status, start, end


def validate_expert(db: Database, values: dict, expert_id: str | None = None) -> dict:
    """A clean copy of an expert's fields, or Invalid naming the first bad field.

    Required: name, gender, organisation, at least one specialty, and a mobile or an
    office phone. `expert_id` is the expert being changed (None for a new one).
    """
    v = clean_texts({k: values[k] for k in FIELDS if k in values})
    within(v, LIMITS)
    current = db["expert"].get(expert_id) if expert_id else None
    if expert_id and current is None:
        raise BioError(tr("No expert with id {id}.", id=expert_id))
    if not v.get("name"):
        raise Invalid("name", tr("The expert's name is required."))
    v["gender"] = check_gender(v.get("gender", ""))
    if not v.get("organisation"):
        raise Invalid("organisation", tr("The expert's organisation (工作单位) is required."))
    v["specialties"] = check_specialties(v.get("specialties"), specialty_codes(db))
    if "division" in v:
        v["division"] = check_division(db, v["division"])
    if "mobile" in v:
        v["mobile"] = check_mobile(v["mobile"])
    if "office_phone" in v:
        v["office_phone"] = check_landline(v["office_phone"])
    mobile = v.get("mobile", current["mobile"] if current else "")
    office = v.get("office_phone", current["office_phone"] if current else "")
    if not mobile and not office:
        raise Invalid("mobile", tr("Give a mobile number or an office phone."))
    if {"availability", "unavailable_from", "unavailable_to"} & v.keys():
        before = current or {}
        status = v.get("availability", before.get("availability", "available"))
        (
            v["availability"],
            v["unavailable_from"],
            v["unavailable_to"],
        ) = check_availability(
            status,
            v.get("unavailable_from", before.get("unavailable_from")),
            v.get("unavailable_to", before.get("unavailable_to")),
        )
    return v


# ---------------------------------------------------------------- writes


def save_expert(db: Database, ctx: Ctx, values: dict, expert_id: str | None = None) -> str:
    """Add (expert_id None) or change an expert; returns the id. A possible duplicate (same
    name and mobile as another expert) is saved and flagged by `duplicates`."""
    with write(db, ctx) as w:
        clean = validate_expert(db, values, expert_id)
        if expert_id is None:
            return w.insert("expert", clean)
        w.update("expert", expert_id, clean)
        return expert_id


def delete_expert(db: Database, ctx: Ctx, expert_id: str) -> None:
    """Remove an expert from the roster, with the expert's qualifications."""
    with write(db, ctx) as w:
        for (qualification_id,) in db.execute(
            "SELECT id FROM expert_qualification WHERE expert_id = ? AND deleted = 0",
            [expert_id],
        ).fetchall():
            w.delete("expert_qualification", qualification_id)
        w.delete("expert", expert_id)


def set_availability(
    db: Database, ctx: Ctx, expert_id: str, status: str, from_=None, to=None
) -> dict:
    """Available, on a mission, or unavailable from–to (both dates, inclusive)."""
    status, start, end = check_availability(status, from_, to)
    changes = {"availability": status, "unavailable_from": start, "unavailable_to": end}
    with write(db, ctx) as w:
        if db["expert"].get(expert_id) is None:
            raise BioError(tr("No expert with id {id}.", id=expert_id))
        w.update("expert", expert_id, changes)
    return changes


def validate_qualification(name: str, number: str, issued_on, expires_on) -> dict:
    name = values.clean_text(name, "name")
    if not name:
        raise Invalid("name", tr("The certificate's name is required."))
    issued = check_date(issued_on, "issued_on")
    expires = check_date(expires_on, "expires_on")
    if issued and expires and expires < issued:
        raise Invalid("expires_on", tr("The certificate expires before it was issued."))
    return {
        "name": name,
        "number": values.clean_text(number, "number"),
        "issued_on": issued,
        "expires_on": expires,
    }


def save_qualification(
    db: Database,
    ctx: Ctx,
    expert_id: str,
    name: str,
    number: str = "",
    issued_on=None,
    expires_on=None,
    qualification_id: str | None = None,
) -> str:
    """Add (qualification_id None) or change a qualification or certificate; returns its id."""
    clean = validate_qualification(name, number, issued_on, expires_on)
    with write(db, ctx) as w:
        expert = db["expert"].get(expert_id)
        if expert is None or expert["deleted"]:
            raise BioError(tr("No expert with id {id}.", id=expert_id))
        if qualification_id is None:
            return w.insert("expert_qualification", {"expert_id": expert_id, **clean})
        w.update("expert_qualification", qualification_id, clean)
        return qualification_id


def add_qualification(
    db: Database,
    ctx: Ctx,
    expert_id: str,
    name: str,
    number: str = "",
    issued_on=None,
    expires_on=None,
) -> str:
    return save_qualification(db, ctx, expert_id, name, number, issued_on, expires_on)


def delete_qualification(db: Database, ctx: Ctx, qualification_id: str) -> None:
    with write(db, ctx) as w:
        w.delete("expert_qualification", qualification_id)


def qualifications(db: Database, expert_id: str) -> list[dict]:
    return [
        *db.query(
            "SELECT * FROM expert_qualification WHERE expert_id = ? AND deleted = 0 "
            "ORDER BY expires_on IS NULL, expires_on, name",
            [expert_id],
        )
    ]


# ---------------------------------------------------------------- reading


def _today(today) -> date:
    if today is None:
        return date.today()
    return date.fromisoformat(today) if isinstance(today, str) else today


def available(expert: dict, today=None) -> bool:
    """Whether an expert can be called on today: on a mission is not; unavailable is not
    from its first to its last day (inclusive), and is again outside that window."""
    status = expert.get("availability") or "available"
    if status == "available":
        return True
    if status != "unavailable":
        return False
    day = _today(today).isoformat()
    start = expert.get("unavailable_from") or "0000-01-01"
    end = expert.get("unavailable_to") or "9999-12-31"
    return not start <= day <= end


AVAILABLE_SQL = (
    "(e.availability = 'available' OR (e.availability = 'unavailable' AND NOT "
    ":today BETWEEN coalesce(e.unavailable_from, '0000-01-01') "
    "AND coalesce(e.unavailable_to, '9999-12-31')))"
)


def _shape(row: dict, today: date) -> dict:
    row["specialties"] = json.loads(row["specialties"] or "[]")
    row["available"] = available(row, today)
    return row


def shown(row: dict, reveal: bool) -> dict:
    """An expert's row as a list shows it: the mobile number masked unless revealed (the
    office phone is the workplace's line, shown as a depot's or an agency's duty phone is)."""
    if reveal or "mobile" not in row:
        return row
    return {**row, "mobile": mask_phone(row["mobile"] or "")}


def search(
    db: Database,
    text: str = "",
    specialty: str | None = None,
    available_only: bool = False,
    today=None,
    limit: int = 200,
    ctx: Ctx | None = None,
) -> list[dict]:
    """Experts, by name; text matches the name, its pinyin (initials or full) or the
    organisation; specialty is a code or a name. Rows carry `specialties` as a list of codes
    and `available` (today) as a bool; phones masked unless the actor may see them."""
    day = _today(today)
    where = ["e.deleted = 0"]
    params: dict = {"today": day.isoformat(), "limit": limit}
    text = (text or "").strip().lower()
    if text:
        where.append(
            "(e.name LIKE :q ESCAPE '\\' OR s.initials LIKE :q ESCAPE '\\' "
            "OR s.pinyin LIKE :q ESCAPE '\\' OR lower(e.organisation) LIKE :q ESCAPE '\\')"
        )
        params["q"] = like_pattern(text)
    if specialty:
        code = specialty_codes(db).get(specialty.strip())
        if code is None:
            raise BioError(tr("Unknown specialty {specialty}.", specialty=specialty))
        where.append("EXISTS (SELECT 1 FROM json_each(e.specialties) j WHERE j.value = :code)")
        params["code"] = code
    if available_only:
        where.append(AVAILABLE_SQL)
    rows = db.query(
        "SELECT e.* FROM expert e LEFT JOIN expert_search s ON s.expert_id = e.id "
        f"WHERE {' AND '.join(where)} ORDER BY e.name, e.id LIMIT :limit",
        params,
    )
    reveal = disclosure.may_see(ctx)
    return [shown(_shape(r, day), reveal) for r in rows]


def identity(name: str, mobile: str, organisation: str) -> tuple[str, str, str]:
    """What tells one expert from another: the name and the mobile number; without a
    mobile number, the name and the organisation."""
    return (name, mobile, "") if mobile else (name, "", organisation)


def duplicates(db: Database, ctx: Ctx | None = None) -> list[list[dict]]:
    """Possible duplicates: groups of experts with the same identity — the same name and
    mobile number, or without a mobile number the same name and organisation. Flagged for a
    person to resolve, never merged automatically. Phones masked unless the actor may see
    them."""
    reveal = disclosure.may_see(ctx)
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for row in db.query(
        "SELECT e.* FROM expert e JOIN (SELECT name FROM expert WHERE deleted = 0 "
        "GROUP BY name HAVING count(*) > 1) d ON d.name = e.name "
        "WHERE e.deleted = 0 ORDER BY e.name, e.id"
    ):
        key = identity(row["name"], row["mobile"] or "", row["organisation"] or "")
        groups.setdefault(key, []).append(row)
    return [[shown(r, reveal) for r in group] for group in groups.values() if len(group) > 1]


def nearest_expiries(db: Database) -> dict[str, str]:
    """Each expert's earliest certificate expiry (expert id → ISO date)."""
    return dict(
        db.execute(
            "SELECT expert_id, min(expires_on) FROM expert_qualification "
            "WHERE deleted = 0 AND expires_on IS NOT NULL GROUP BY expert_id"
        ).fetchall()
    )


def qualification_alerts(db: Database, today=None, days: int = ALERT_DAYS) -> list[dict]:
    """Qualifications that expired or expire within `days` days, earliest first:
    expert_id, expert (name), certificate, number, expires_on, days_left (< 0: expired)."""
    day = _today(today)
    until = (day + timedelta(days=values.day_count(days, tr("Days")))).isoformat()
    out = []
    for row in db.query(
        "SELECT q.id, q.expert_id, e.name AS expert, q.name AS certificate, q.number, "
        "q.expires_on FROM expert_qualification q JOIN expert e ON e.id = q.expert_id "
        "WHERE q.deleted = 0 AND e.deleted = 0 AND q.expires_on IS NOT NULL "
        "AND q.expires_on <= ? ORDER BY q.expires_on, e.name",
        [until],
    ):
        row["days_left"] = (date.fromisoformat(row["expires_on"]) - day).days
        out.append(row)
    return out


def specialty_names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT code, name FROM specialty WHERE deleted = 0"))
