"""The expert roster (生物安全专家库) as a spreadsheet: the import kind "experts" and the
export in the same columns (with full mobile numbers the export imports again).

Rows follow the roster's rules (experts.validate_expert). A row with the name AND mobile
number of an expert in the roster UPDATES that expert (empty optional cells keep its
values); the same pair twice in one file, or a pair that several experts in the roster
share, is an error. 专业领域 takes names or codes separated by 、; 资质证书 with
证书有效期至 adds a qualification or sets the expiry of the expert's certificate of that
name (several certificates in one cell separated by 、, with as many dates).
"""

import json
import re
from datetime import date

import desktop.core.imports.lists as lists
from desktop.core import disclosure, paths, spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind, column, date_format
from desktop.core.imports.job import Job
from desktop.core.roster.experts import (
    GENDERS,
    check_gender,
    check_landline,
    check_mobile,
    identity,
    mask_phone,
    specialty_names,
    split_list,
    validate_expert,
)
from desktop.core.store import reference
from desktop.core.store.handle import Database
from desktop.core.store.ids import uuid7

CERT_SEPARATORS = re.compile(r"[、;；\n]+")  # between certificates (and their dates)

COLUMNS = (
    column("name", "姓名", ("name",), True),
    column("gender", "性别", ("gender", "sex"), True, "choice"),
    column("organisation", "工作单位", ("organisation", "organization", "employer"), True),
    column("title", "职称", ("title", "professional title")),
    column("specialties", "专业领域", ("specialties", "specialty"), True, "choice"),
    column("division", "所属区划", ("division", "division code"), False, "code"),
    column("mobile", "手机", ("mobile", "mobile phone", "cell phone"), False, "code"),
    column("office_phone", "办公电话", ("office phone", "office telephone", "landline"), False,
           "code"),
    column("certificate", "资质证书", ("certificate", "qualification"), multiline=True),
    column("expires_on", "证书有效期至", ("certificate expiry", "expires on", "expiry"), False,
           "date", multiline=True),
)  # fmt: skip
SHEET = "专家"


class Experts(Job):
    """Rows of the expert roster: new experts, updates (same name and mobile, or without one
    the same name and organisation) and their certificates (see the module's docstring)."""

    MASKED = {"mobile": mask_phone, "office_phone": mask_phone}
    FACTS = (
        "SELECT id, name, mobile FROM expert WHERE deleted = 0 ORDER BY id",
        "SELECT code, name FROM specialty WHERE deleted = 0 ORDER BY code",
        "SELECT code, name FROM division WHERE deleted = 0 ORDER BY code",
    )

    def __init__(self, *args):
        super().__init__(*args)
        self.divisions = {
            name: code
            for code, name in self.db.execute("SELECT code, name FROM division WHERE deleted = 0")
        }
        self.divisions.update({code: code for code in self.divisions.values()})
        self.existing: dict[tuple[str, str, str], list[str]] = {}
        for expert_id, name, mobile, organisation in self.db.execute(
            "SELECT id, name, mobile, organisation FROM expert WHERE deleted = 0 ORDER BY id"
        ):
            key = identity(name, mobile or "", organisation or "")
            self.existing.setdefault(key, []).append(expert_id)
        self.seen: dict[tuple[str, str, str], int] = {}

    def _cell(self, row, key, check, value):
        try:
            return check(value)
        except (Invalid, values.BadValue) as exc:
            self.bad(row, key, str(exc))
        return None

    def check(self, row, cells):
        keys = ("name", "gender", "organisation", "title", "specialties", "division", "mobile",
                "office_phone", "certificate")  # fmt: skip
        text = {k: values.text(cells.get(k)) for k in keys}
        gender = self._cell(row, "gender", check_gender, text["gender"]) if text["gender"] else None
        specialties = self._specialties(row, text["specialties"]) if text["specialties"] else None
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
        key = identity(text["name"], mobile or "", text["organisation"])
        expert_id = None
        if text["name"] and (mobile or (not text["mobile"] and text["organisation"])):
            # named by the mobile number, else (none given) by the organisation
            column = "mobile" if mobile else "organisation"
            if key in self.seen:
                self.bad(row, column, tr(
                    "An expert with this name and mobile number is already in row {row} "
                    "of this file.", row=self.seen[key],
                ) if mobile else tr(
                    "An expert with this name and organisation, and no mobile number, is "
                    "already in row {row} of this file.", row=self.seen[key],
                ))  # fmt: skip
            else:
                self.seen[key] = row
            matches = self.existing.get(key, [])
            if len(matches) > 1:
                self.bad(
                    row,
                    column,
                    tr(
                        "{count} experts in the roster have this name and mobile number "
                        "(without one: this organisation); resolve the duplicates first "
                        "(bioreserve expert duplicates).",
                        count=len(matches),
                    ),
                )
            expert_id = matches[0] if matches else None
        if row in self.bad_rows or not (text["name"] and text["organisation"]):
            return None
        if not (gender and specialties):
            return None
        # Values being added are not in the table yet: the form's rule checks the others
        # (any known one when all are new) and the row keeps them all.
        vocab = self.vocab.get("specialty")
        held = [code for code in json.loads(specialties) if code in vocab.names]
        entered = {
            "name": text["name"],
            "gender": gender,
            "organisation": text["organisation"],
            "specialties": json.dumps(held or list(vocab.names)[:1]),
        }
        for key_, value in (("title", text["title"]), ("division", division),
                            ("mobile", mobile), ("office_phone", office)):  # fmt: skip
            if value or expert_id is None:  # empty: keep an existing expert's value
                entered[key_] = value or ("" if key_ != "division" else None)
        try:
            clean = validate_expert(self.db, entered, expert_id)
        except Invalid as exc:
            self.bad(row, exc.field if exc.field in self.texts else "name", str(exc))
            return None
        clean["specialties"] = specialties
        return (row, expert_id, clean, certificates)

    def _specialties(self, row, text: str) -> str | None:
        """The JSON list of the cell's specialties as codes — names, codes, synonyms, values
        being added — or None (reported: an unknown value, or none at all)."""
        vocab = self.vocab.get("specialty")
        codes, reasons = [], []
        for part in split_list(text):
            code = vocab.resolve(row, part)
            if code is None:
                reasons.append(vocab.reason(part))
            elif code not in codes:
                codes.append(code)
        if reasons:
            self.bad(row, "specialties", " ".join(reasons))
        elif not codes:
            self.bad(row, "specialties", tr("Give at least one specialty."))
        return json.dumps(codes) if codes and not reasons else None

    def _certificates(self, row, names: str, expiry) -> list[tuple[str, str | None]]:
        """(certificate, expiry) pairs of one row."""
        parts = [p.strip() for p in CERT_SEPARATORS.split(names) if p.strip()]
        if values.blank(expiry):
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
                parsed.append(values.date_iso(value))
            except values.BadValue as exc:
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
        done = self.insert_chunks(w, "expert", new, tick)
        for expert_id, clean in updates:
            w.update("expert", expert_id, clean)
            done += 1
            tick(done)
        held: dict[tuple[str, str], str] = {}  # (expert, certificate) → qualification id
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


def describe() -> dict[str, tuple[str, str]]:
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
            date_format(),
        ),
    }  # fmt: skip


def template(db: Database) -> tuple[dict, list, list]:
    """Suggested values, the example row and the lists of valid values for the template."""
    if db is not None:
        specialties = db.execute(
            "SELECT name, code FROM specialty WHERE deleted = 0 ORDER BY rowid"
        ).fetchall()
    else:
        specialties = [(s["name"], s["code"]) for s in reference.rows("specialties.json")]
    example = ["张三（示例）", "男", "衡阳市疾病预防控制中心", "主任医师", "流行病学、病原检测",
               "430400", "13800000000", "0734-8000000", "生物安全培训合格证",
               date(2028, 12, 31)]  # fmt: skip
    return (
        {"gender": list(GENDERS)},
        example,
        [
            (tr("Specialties"), ["专业领域", "代码"], specialties),
            lists.divisions_list(lists.divisions(db)),
        ],
    )


def guidance() -> list[str]:
    return [
        lists.vocabulary_guidance(),
        tr("An expert already in the roster with the same name AND the same mobile number "
           "(without a mobile number: the same name AND organisation) is UPDATED by the row, "
           "not added again; other experts with the same name are added as other people "
           "(bioreserve expert duplicates lists the possible duplicates)."),
    ]  # fmt: skip


KIND = Kind(
    name="experts",
    columns=COLUMNS,
    job=Experts,
    sheet=SHEET,
    command="expert",
    describe=describe,
    template=template,
    guidance=guidance,
    writes=("expert",),
)


def export_rows(db: Database, masked: bool = True) -> list[list]:
    """The roster as rows under the template's headers (the export imports again when
    unmasked); masked: mobile numbers as 138****1234 (export_xlsx asks who may have them
    unmasked)."""
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


def export_xlsx(db: Database, path, masked: bool = True, ctx: Ctx | None = None) -> int:
    """Write the roster to an .xlsx file (sheet 专家); returns the experts written.
    Unmasked only for an actor who may see personal data (refused before anything is
    written), and recorded in the audit log."""
    if not masked:
        disclosure.require(ctx)
    counts = spreadsheet.write_xlsx(
        path, [(SHEET, [c.header for c in COLUMNS], export_rows(db, masked))]
    )
    if not masked:
        disclosure.exported(db, ctx, "experts", counts[SHEET], file=paths.shown_name(path))
    return counts[SHEET]
