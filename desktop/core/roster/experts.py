"""The biosafety expert roster (生物安全专家库): validated saves, availability, search,
possible duplicates, qualifications expiring, phone masking, and the spreadsheet kind
"experts" of desktop.core.imports.

Specialties are stored as a JSON list of specialty codes (the specialty table); forms
and spreadsheets may give codes or Chinese names. Phones: a mobile number has 11 digits
starting with 1; a landline starts with its area code (0 and 2–3 more digits), then 7–8
digits, e.g. 0734-8123456 or 07348123456. Two experts with the same name and mobile
number are flagged as possible duplicates (`duplicates`), never merged silently.
"""

import json
import re
from datetime import date, timedelta

from desktop.core import imports as importer
from desktop.core import spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store import reference
from desktop.core.store.db import like_pattern
from desktop.core.store.ids import uuid7
from desktop.core.store.writepath import write

FIELDS = (
    "name", "gender", "organisation", "title", "specialties", "division", "mobile",
    "office_phone", "availability", "unavailable_from", "unavailable_to", "notes",
)  # fmt: skip
GENDERS = ("男", "女")
AVAILABILITY = ("available", "on_mission", "unavailable")
MOBILE = re.compile(r"1\d{10}")
LANDLINE = re.compile(r"(0\d{2,3})-?(\d{7,8})")
SEPARATORS = re.compile(r"[、,，;；/]+")  # between specialties
CERT_SEPARATORS = re.compile(r"[、;；\n]+")  # between certificates (and their dates)
ALERT_DAYS = 90


# ---------------------------------------------------------------- field rules


def specialty_codes(db) -> dict[str, str]:
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
    text = re.sub(r"[\s\-]", "", value or "")
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
    text = re.sub(r"\s", "", value or "")
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


def check_division(db, value: str | None) -> str | None:
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


def validate_expert(db, values: dict, expert_id: str | None = None) -> dict:
    """A clean copy of an expert's fields, or Invalid naming the first bad field.

    Required: name, gender, organisation, at least one specialty, and a mobile or an
    office phone. `expert_id` is the expert being changed (None for a new one).
    """
    v = {k: values[k] for k in FIELDS if k in values}
    for name, value in list(v.items()):
        if isinstance(value, str):
            v[name] = value.strip()
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


def save_expert(db, ctx: Ctx, values: dict, expert_id: str | None = None) -> str:
    """Add (expert_id None) or change an expert; returns the id. A possible duplicate (same
    name and mobile as another expert) is saved and flagged by `duplicates`."""
    with write(db, ctx) as w:
        clean = validate_expert(db, values, expert_id)
        if expert_id is None:
            return w.insert("expert", clean)
        w.update("expert", expert_id, clean)
        return expert_id


def delete_expert(db, ctx: Ctx, expert_id: str) -> None:
    """Remove an expert from the roster, with the expert's qualifications."""
    with write(db, ctx) as w:
        for (qualification_id,) in db.execute(
            "SELECT id FROM expert_qualification WHERE expert_id = ? AND deleted = 0",
            [expert_id],
        ).fetchall():
            w.delete("expert_qualification", qualification_id)
        w.delete("expert", expert_id)


def set_availability(db, ctx: Ctx, expert_id: str, status: str, from_=None, to=None) -> dict:
    """Available, on a mission, or unavailable from–to (both dates, inclusive)."""
    status, start, end = check_availability(status, from_, to)
    changes = {"availability": status, "unavailable_from": start, "unavailable_to": end}
    with write(db, ctx) as w:
        if db["expert"].get(expert_id) is None:
            raise BioError(tr("No expert with id {id}.", id=expert_id))
        w.update("expert", expert_id, changes)
    return changes


def validate_qualification(name: str, number: str, issued_on, expires_on) -> dict:
    name = (name or "").strip()
    if not name:
        raise Invalid("name", tr("The certificate's name is required."))
    issued = check_date(issued_on, "issued_on")
    expires = check_date(expires_on, "expires_on")
    if issued and expires and expires < issued:
        raise Invalid("expires_on", tr("The certificate expires before it was issued."))
    return {
        "name": name,
        "number": (number or "").strip(),
        "issued_on": issued,
        "expires_on": expires,
    }


def save_qualification(
    db,
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
    db, ctx: Ctx, expert_id: str, name: str, number: str = "", issued_on=None, expires_on=None
) -> str:
    return save_qualification(db, ctx, expert_id, name, number, issued_on, expires_on)


def delete_qualification(db, ctx: Ctx, qualification_id: str) -> None:
    with write(db, ctx) as w:
        w.delete("expert_qualification", qualification_id)


def qualifications(db, expert_id: str) -> list[dict]:
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


def search(
    db,
    text: str = "",
    specialty: str | None = None,
    available_only: bool = False,
    today=None,
    limit: int = 200,
) -> list[dict]:
    """Experts, by name; text matches the name, its pinyin (initials or full) or the
    organisation; specialty is a code or a name. Rows carry `specialties` as a list of codes
    and `available` (today) as a bool."""
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
    return [_shape(r, day) for r in rows]


def duplicates(db) -> list[list[dict]]:
    """Possible duplicates: groups of experts with the same name and the same mobile number.
    Flagged for a person to resolve, never merged automatically."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in db.query(
        "SELECT e.* FROM expert e JOIN (SELECT name, mobile FROM expert WHERE deleted = 0 "
        "AND mobile != '' GROUP BY name, mobile HAVING count(*) > 1) d "
        "ON d.name = e.name AND d.mobile = e.mobile WHERE e.deleted = 0 ORDER BY e.name, e.id"
    ):
        groups.setdefault((row["name"], row["mobile"]), []).append(row)
    return [*groups.values()]


def mask_phone(phone: str) -> str:
    """138****1234 for a mobile; a landline keeps its area code and last 4 digits
    (0734-***3456); anything else keeps its last 4 characters."""
    text = re.sub(r"[\s\-]", "", phone or "")
    if not text:
        return ""
    if MOBILE.fullmatch(text):
        return f"{text[:3]}****{text[-4:]}"
    if LANDLINE.fullmatch(text):
        area = 3 if text[:2] in ("01", "02") else 4
        hyphen = re.fullmatch(r"\s*(0\d{2,3})-", (phone or "")[:6])
        if hyphen:
            area = len(hyphen.group(1))
        local = text[area:]
        return f"{text[:area]}-{'*' * (len(local) - 4)}{local[-4:]}"
    return "*" * max(len(text) - 4, 0) + text[-4:]


def nearest_expiries(db) -> dict[str, str]:
    """Each expert's earliest certificate expiry (expert id → ISO date)."""
    return dict(
        db.execute(
            "SELECT expert_id, min(expires_on) FROM expert_qualification "
            "WHERE deleted = 0 AND expires_on IS NOT NULL GROUP BY expert_id"
        ).fetchall()
    )


def qualification_alerts(db, today=None, days: int = ALERT_DAYS) -> list[dict]:
    """Qualifications that expired or expire within `days` days, earliest first:
    expert_id, expert (name), certificate, number, expires_on, days_left (< 0: expired)."""
    day = _today(today)
    until = (day + timedelta(days=days)).isoformat()
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


def specialty_names(db) -> dict[str, str]:
    return dict(db.execute("SELECT code, name FROM specialty WHERE deleted = 0"))


# ---------------------------------------------------------------- spreadsheets

_col = importer._col
COLUMNS = (
    _col("name", "姓名", ("name",), True),
    _col("gender", "性别", ("gender", "sex"), True, "choice"),
    _col("organisation", "工作单位", ("organisation", "organization", "employer"), True),
    _col("title", "职称", ("title", "professional title")),
    _col("specialties", "专业领域", ("specialties", "specialty"), True, "choice"),
    _col("division", "所属区划", ("division", "division code"), False, "code"),
    _col("mobile", "手机", ("mobile", "mobile phone", "cell phone"), False, "code"),
    _col("office_phone", "办公电话", ("office phone", "office telephone", "landline"), False,
         "code"),
    _col("certificate", "资质证书", ("certificate", "qualification")),
    _col("expires_on", "证书有效期至", ("certificate expiry", "expires on", "expiry"), False,
         "date"),
)  # fmt: skip
SHEET = "专家"


class _Experts(importer._Job):
    """Rows of the expert roster. An expert with the same name AND mobile number as an
    existing one is updated (empty optional cells keep its values); 资质证书 with 证书有效期至
    adds a qualification (or sets the expiry of the expert's qualification of that name).
    Several certificates in one cell are separated by 、, with as many dates."""

    def __init__(self, *args):
        super().__init__(*args)
        self.codes = specialty_codes(self.db)
        self.divisions = {
            name: code
            for code, name in self.db.execute("SELECT code, name FROM division WHERE deleted = 0")
        }
        self.divisions.update({code: code for code in self.divisions.values()})
        self.existing: dict[tuple[str, str], list[str]] = {}
        for expert_id, name, mobile in self.db.execute(
            "SELECT id, name, mobile FROM expert WHERE deleted = 0 AND mobile != '' ORDER BY id"
        ):
            self.existing.setdefault((name, mobile), []).append(expert_id)
        self.seen: dict[tuple[str, str], int] = {}

    def _cell(self, row, key, check, value):
        try:
            return check(value)
        except (Invalid, importer._Bad) as exc:
            self.bad(row, key, str(exc))
        return None

    def check(self, row, cells):
        keys = ("name", "gender", "organisation", "title", "specialties", "division", "mobile",
                "office_phone", "certificate")  # fmt: skip
        text = {k: importer._text(cells.get(k)) for k in keys}
        gender = self._cell(row, "gender", check_gender, text["gender"]) if text["gender"] else None
        specialties = None
        if text["specialties"]:
            specialties = self._cell(
                row, "specialties", lambda v: check_specialties(v, self.codes), text["specialties"]
            )
        division = None
        if text["division"]:
            code = self.divisions.get(text["division"])
            if code is None:
                self.bad(
                    row,
                    "division",
                    tr(
                        "Unknown division code {code}; Hengyang's codes are 4304xx.",
                        code=text["division"],
                    ),
                )
            division = code
        mobile = self._cell(row, "mobile", check_mobile, text["mobile"])
        office = self._cell(row, "office_phone", check_landline, text["office_phone"])
        certificates = self._certificates(row, text["certificate"], cells.get("expires_on"))
        key = (text["name"], mobile or "")
        expert_id = None
        if mobile and text["name"]:
            if key in self.seen:
                self.bad(
                    row,
                    "mobile",
                    tr(
                        "An expert with this name and mobile number is already in row {row} "
                        "of this file.",
                        row=self.seen[key],
                    ),
                )
            else:
                self.seen[key] = row
            matches = self.existing.get(key, [])
            if len(matches) > 1:
                self.bad(
                    row,
                    "mobile",
                    tr(
                        "{count} experts in the roster have this name and mobile number; "
                        "resolve the duplicates first (bioreserve expert duplicates).",
                        count=len(matches),
                    ),
                )
            expert_id = matches[0] if matches else None
        if row in self.bad_rows or not (text["name"] and text["organisation"]):
            return None
        if not (gender and specialties):
            return None
        values = {
            "name": text["name"],
            "gender": gender,
            "organisation": text["organisation"],
            "specialties": specialties,
        }
        for key_, value in (("title", text["title"]), ("division", division),
                            ("mobile", mobile), ("office_phone", office)):  # fmt: skip
            if value or expert_id is None:  # empty: keep an existing expert's value
                values[key_] = value or ("" if key_ != "division" else None)
        try:
            clean = validate_expert(self.db, values, expert_id)
        except Invalid as exc:
            self.bad(row, exc.field if exc.field in self.texts else "name", str(exc))
            return None
        return (row, expert_id, clean, certificates)

    def _certificates(self, row, names: str, expiry) -> list[tuple[str, str | None]]:
        """(certificate, expiry) pairs of one row."""
        parts = [p.strip() for p in CERT_SEPARATORS.split(names) if p.strip()]
        if importer._blank(expiry):
            dates = []
        elif isinstance(expiry, str):
            dates = [d.strip() for d in CERT_SEPARATORS.split(expiry) if d.strip()]
        else:
            dates = [expiry]
        if dates and not parts:
            self.bad(row, "certificate", tr("Give the certificate whose expiry date is given."))
            return []
        if dates and len(dates) != len(parts):
            self.bad(
                row,
                "expires_on",
                tr(
                    "Give one expiry date per certificate ({count}), separated by 、.",
                    count=len(parts),
                ),
            )
            return []
        parsed = []
        for value in dates:
            try:
                parsed.append(importer._date(value))
            except importer._Bad as exc:
                self.bad(row, "expires_on", str(exc))
                return []
        return [(p, parsed[i] if parsed else None) for i, p in enumerate(parts)]

    def write(self, w, rows, tick):
        keys = ("name", "gender", "organisation", "title", "specialties", "division", "mobile",
                "office_phone")  # fmt: skip
        new, updates, certificates = [], [], []
        for _, expert_id, clean, certs in rows:
            if expert_id is None:
                expert_id = uuid7()
                new.append({"id": expert_id, **{k: clean.get(k) for k in keys}})
            else:
                updates.append((expert_id, clean))
            certificates += [(expert_id, name, expires) for name, expires in certs]
        done = 0
        for start in range(0, len(new), importer.WRITE_CHUNK):
            chunk = new[start : start + importer.WRITE_CHUNK]
            w.insert_many("expert", chunk)
            done += len(chunk)
            tick(done)
        for expert_id, clean in updates:
            w.update("expert", expert_id, clean)
            done += 1
            tick(done)
        held = {}
        for qualification_id, expert_id, name in self.db.execute(
            "SELECT id, expert_id, name FROM expert_qualification WHERE deleted = 0 ORDER BY id"
        ):
            held.setdefault((expert_id, name), qualification_id)
        for expert_id, name, expires in certificates:
            if (expert_id, name) in held:
                w.update("expert_qualification", held[(expert_id, name)], {"expires_on": expires})
            else:
                held[(expert_id, name)] = w.insert(
                    "expert_qualification",
                    {"expert_id": expert_id, "name": name, "expires_on": expires},
                )


def _describe() -> dict[str, tuple[str, str]]:
    return {
        "name": (
            tr("The expert's name. A row with the name AND mobile number of an expert in the "
               "roster updates that expert (empty optional cells keep its values)."),
            "",
        ),
        "gender": (tr("Gender."), "男 / 女"),
        "organisation": (tr("Organisation (工作单位)."), ""),
        "title": (tr("Professional title (职称), e.g. 主任医师."), ""),
        "specialties": (
            tr("One or more specialties by name or code, separated by 、 (see the list below)."),
            tr("e.g. 流行病学、病原检测"),
        ),
        "division": (
            tr("The division (GB/T 2260 code, e.g. 430422, or its name) the expert belongs to."),
            "",
        ),
        "mobile": (
            tr("Mobile number; with the name it identifies the expert on a later import. A "
               "mobile number or an office phone is required."),
            tr("11 digits starting with 1"),
        ),
        "office_phone": (
            tr("Office phone (landline)."),
            tr("area code, then 7 or 8 digits, e.g. 0734-8123456"),
        ),
        "certificate": (
            tr("A qualification or certificate; several are separated by 、. An existing "
               "certificate of the same name gets the new expiry date."),
            "",
        ),
        "expires_on": (
            tr("Expiry date of the certificate (one per certificate, separated by 、)."),
            tr("2026-03-01 or 2026/3/1, or an Excel date"),
        ),
    }  # fmt: skip


def _template(db) -> tuple[dict, list, list]:
    """Suggested values, the example row and the lists of valid values for the template."""
    if db is not None:
        specialties = db.execute(
            "SELECT name, code FROM specialty WHERE deleted = 0 ORDER BY rowid"
        ).fetchall()
        divisions = db.execute(
            "SELECT code, name FROM division WHERE deleted = 0 ORDER BY code"
        ).fetchall()
    else:
        specialties = [(s["name"], s["code"]) for s in reference.rows("specialties.json")]
        divisions = sorted((d["code"], d["name"]) for d in reference.rows("divisions.json"))
    example = ["张三（示例）", "男", "衡阳市疾病预防控制中心", "主任医师", "流行病学、病原检测",
               "430400", "13800000000", "0734-8000000", "生物安全培训合格证",
               date(2028, 12, 31)]  # fmt: skip
    lists = [
        (tr("Specialties"), ["专业领域", "代码"], specialties),
        (tr("Divisions"), ["区划代码", "名称"], divisions),
    ]
    return {"gender": list(GENDERS)}, example, lists


def _guidance() -> list[str]:
    return [
        tr("An expert already in the roster with the same name AND the same mobile number is "
           "UPDATED by the row, not added again; other experts with the same name are added "
           "and flagged as possible duplicates (bioreserve expert duplicates)."),
    ]  # fmt: skip


IMPORT_KIND = importer.Kind(
    columns=COLUMNS,
    job=_Experts,
    sheet=SHEET,
    command="expert",
    describe=_describe,
    template=_template,
    guidance=_guidance,
)


def export_rows(db, masked: bool = True) -> list[list]:
    """The roster as rows under the template's headers (the export imports again when
    unmasked); masked: mobile numbers as 138****1234."""
    names = specialty_names(db)
    certs: dict[str, list[tuple[str, str]]] = {}
    for expert_id, name, expires in db.execute(
        "SELECT expert_id, name, expires_on FROM expert_qualification WHERE deleted = 0 "
        "ORDER BY expert_id, expires_on IS NULL, expires_on, name"
    ):
        certs.setdefault(expert_id, []).append((name, expires or ""))
    out = []
    for e in db.query("SELECT * FROM expert WHERE deleted = 0 ORDER BY name, id"):
        held = certs.get(e["id"], [])
        dated = all(expires for _, expires in held)  # else no dates: they would not pair up
        out.append(
            [
                e["name"],
                e["gender"],
                e["organisation"],
                e["title"],
                "、".join(names.get(c, c) for c in json.loads(e["specialties"] or "[]")),
                e["division"] or "",
                mask_phone(e["mobile"]) if masked else e["mobile"],
                e["office_phone"],
                "、".join(name for name, _ in held),
                "、".join(expires for _, expires in held) if dated else "",
            ]
        )
    return out


def export_xlsx(db, path, masked: bool = True) -> int:
    """Write the roster to an .xlsx file (sheet 专家); returns the experts written."""
    counts = spreadsheet.write_xlsx(
        path, [(SHEET, [c.header for c in COLUMNS], export_rows(db, masked))]
    )
    return counts[SHEET]
