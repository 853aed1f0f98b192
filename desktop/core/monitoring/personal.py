"""Personal data of the people followed: the ID number's check (GB 11643: 17 digits and a
check character, a real birth date), and masking — ID numbers and phones are shown masked
in every list and export unless a person who may see them (the PERSONAL right: 系统管理员,
应急协调员) chooses to, which is recorded here (disclosure_log: who, when, what, why; this
station's own record) and in the audit log (unmask, personal_export)."""

import re
from datetime import date

from desktop.core import disclosure, values
from desktop.core.context import Ctx
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.values import mask_id, mask_phone

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
ID_SHAPE = re.compile(r"[1-9]\d{16}[\dX]")


def check_character(first17: str) -> str:
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


def id_number(value, field: str = "id_number") -> str:
    """A resident ID number: 18 characters, the last its check character (x read as X), a
    birth date that exists and is not in the future."""
    text = str(value or "").strip().replace(" ", "").upper()
    if not ID_SHAPE.fullmatch(text):
        raise Invalid(field, tr("“{value}” is not an ID number: 18 characters, 17 digits and a "
                                "check digit or X.", value=value))  # fmt: skip
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        born = None
    if born is None or not date(1880, 1, 1) <= born <= date.today():
        raise Invalid(field, tr("ID number {value}: the birth date {born} does not exist.",
                                value=mask_id(text), born=text[6:14]))  # fmt: skip
    if check_character(text[:17]) != text[17]:
        raise Invalid(field, tr("ID number {value}: the check digit does not match (a typing "
                                "error?).", value=mask_id(text)))  # fmt: skip
    return text


def phone(value, field: str = "phone") -> str:
    return values.phone(value, field)


def masked(row: dict, reveal: bool) -> dict:
    """A person's row as a list shows it: ID number and phone masked unless revealed."""
    if reveal:
        return row
    return {**row, "id_number": mask_id(row.get("id_number", "")),
            "phone": mask_phone(row.get("phone", ""))}  # fmt: skip


def disclose(db: Database, ctx: Ctx | None, what: str, scope: str, reason: str) -> None:
    """Record that the actor chose to see personal data unmasked (`what`: list or export);
    refused without a reason, or when the actor's role may not see personal data."""
    reason = str(reason or "").strip()
    if not reason:
        raise Invalid("reason", tr("Say why the ID numbers and phones are to be shown "
                                   "unmasked (it is recorded)."))  # fmt: skip
    ctx = disclosure.require(ctx)
    with db.conn:
        db.execute(
            "INSERT INTO disclosure_log (at, actor, what, scope, reason) VALUES (?, ?, ?, ?, ?)",
            [values.now_iso(), ctx.actor, what, scope, reason[:500]],
        )
    if what != "export":  # an export is recorded once written, with its rows
        disclosure.unmasked(db, ctx, what, scope=scope, reason=reason[:500])


def disclosures(db: Database, limit: int = 500) -> list[dict]:
    return list(db.query("SELECT * FROM disclosure_log ORDER BY id DESC LIMIT ?", [limit]))
