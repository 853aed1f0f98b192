"""Member agencies (成员单位) of the coordination mechanism and their county-level
counterparts: code, names, level, division, role, contact person and duty phone.

The shipped agencies are reference rows (desktop/core/refdata.py); a station edits them
like any shared row, and its edit wins over the shipped values everywhere.
"""

import builtins

from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.roster.experts import check_division, check_phone
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write
from desktop.core.values import clean_texts, within

FIELDS = (
    "code", "name", "short_name", "name_en", "level", "division", "role", "contact",
    "duty_phone",
)  # fmt: skip
LEVELS = ("city", "county")
# The longest text of each field (characters); the plan's longest duties run to some 1,500.
LIMITS = {"code": 40, "name": 200, "short_name": 50, "name_en": 200, "contact": 100,
          "duty_phone": 40, "role": 5_000}  # fmt: skip


def list(db: Database) -> builtins.list[dict]:
    """Agencies in force: city agencies first, then the counties', by code."""
    return [
        *db.query(
            "SELECT * FROM agency WHERE deleted = 0 "
            "ORDER BY level != 'city', coalesce(division, ''), code"
        )
    ]


def agency_by_code(db: Database, code: str) -> dict:
    row = next(
        db.query("SELECT * FROM agency WHERE code = ? AND deleted = 0", [(code or "").strip()]),
        None,
    )
    if row is None:
        raise BioError(tr("No agency with code {code}.", code=code))
    return row


def validate_agency(db: Database, values: dict, agency_id: str | None = None) -> dict:
    """A clean copy of an agency's fields, or Invalid naming the first bad field."""
    v = clean_texts({k: values[k] for k in FIELDS if k in values}, free_text=("role",))
    within(v, LIMITS)
    if agency_id is not None and db["agency"].get(agency_id) is None:
        raise BioError(tr("No agency with id {id}.", id=agency_id))
    if agency_id is None or "code" in v:
        if not v.get("code"):
            raise Invalid("code", tr("The agency code is required."))
        clash = db.execute(
            "SELECT 1 FROM agency WHERE code = ? AND deleted = 0 AND id != ?",
            [v["code"], agency_id or ""],
        ).fetchone()
        if clash:
            raise Invalid("code", tr("Agency code {code} is already used.", code=v["code"]))
    if (agency_id is None or "name" in v) and not v.get("name"):
        raise Invalid("name", tr("The agency name is required."))
    if "level" in v and v["level"] not in LEVELS:
        raise Invalid("level", tr("The agency level must be city or county."))
    if "division" in v:
        v["division"] = check_division(db, v["division"])
    if "duty_phone" in v:
        v["duty_phone"] = check_phone(v["duty_phone"], "duty_phone")
    return v


def save_agency(db: Database, ctx: Ctx, values: dict, agency_id: str | None = None) -> str:
    """Add (agency_id None) or change an agency; returns its id. When changing, only the
    fields given are set."""
    with write(db, ctx) as w:
        clean = validate_agency(db, values, agency_id)
        if agency_id is None:
            return w.insert("agency", clean)
        w.update("agency", agency_id, clean)
        return agency_id
