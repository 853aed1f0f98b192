"""Catalogue items, depots and lots: lookups, validated saves, search.

Codes are what people and spreadsheets use; ids are what rows reference.
Lots get an id derived from item and batch number, so the same batch received
at two stations is one lot everywhere.
"""

import re

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write
from desktop.core.values import clean_text, clean_texts
from desktop.core.vocab import DEPOT_LEVELS, LOT_STATUSES, STORAGE

ITEM_FIELDS = (
    "code", "name", "spec", "unit", "pack_size", "pack_unit", "category", "gbt_code",
    "shelf_life", "storage", "notes",
)  # fmt: skip
DEPOT_FIELDS = (
    "code", "name", "division", "agency_id", "level", "address", "contact", "phone", "notes",
)  # fmt: skip
PHONE = re.compile(r"^[0-9+()\- ]{5,20}$")
GBT_CODE = re.compile(r"^\d{7}$")


def lot_id(item_id: str, batch_no: str) -> str:
    return reference_id("lot", f"{item_id}/{batch_no}")


def validate_lot(batch, manufacturer=None) -> dict:
    """A lot's texts as a receipt gives them: the batch number (required) and the
    manufacturer; Invalid naming the field."""
    batch = clean_text(batch, "batch_no")
    if not batch:
        raise Invalid("batch_no", tr("The batch number is required."))
    return {"batch_no": batch, "manufacturer": clean_text(manufacturer, "manufacturer")}


def _by_code(db: Database, table: str, code: str) -> dict | None:
    """The row with this code; else the only one whose code differs only in case
    (hy-ck01 typed for HY-CK01)."""
    code = values.trimmed(code)
    row = next(db.query(f"SELECT * FROM {table} WHERE code = ? AND deleted = 0", [code]), None)
    if row is None:
        rows = list(
            db.query(
                f"SELECT * FROM {table} WHERE code = ? COLLATE NOCASE AND deleted = 0 LIMIT 2",
                [code],
            )
        )
        row = rows[0] if len(rows) == 1 else None
    return row


def item_by_code(db: Database, code: str) -> dict:
    row = _by_code(db, "item", code)
    if row is None:
        raise BioError(tr("No catalogue item with code {code}.", code=code))
    return row


def depot_by_code(db: Database, code: str) -> dict:
    row = _by_code(db, "depot", code)
    if row is None:
        raise BioError(tr("No depot with code {code}.", code=code))
    return row


def lot_by_batch(db: Database, item_id: str, batch_no: str) -> dict | None:
    return db["lot"].get(lot_id(item_id, batch_no.strip()))


def category_codes(db: Database) -> dict[str, str]:
    """Practical category names and codes → code (either may be typed)."""
    out = {}
    for code, name in db.execute(
        "SELECT code, name FROM category WHERE scheme = 'practical' AND deleted = 0"
    ):
        out[code] = code
        out[name] = code
    return out


def validate_item(db: Database, values: dict, item_id: str | None = None) -> dict:
    """A clean copy of an item's fields, or Invalid naming the first bad field."""
    v = clean_texts({k: values[k] for k in ITEM_FIELDS if k in values})
    if not v.get("code"):
        raise Invalid("code", tr("The item code is required."))
    if not v.get("name"):
        raise Invalid("name", tr("The item name is required."))
    if not v.get("unit"):
        raise Invalid("unit", tr("The unit of measure is required, e.g. 个, 盒, 瓶."))
    clash = db.execute(
        "SELECT id FROM item WHERE code = ? AND deleted = 0 AND id != ?", [v["code"], item_id or ""]
    ).fetchone()
    if clash:
        raise Invalid("code", tr("Item code {code} is already used.", code=v["code"]))
    if item_id and "unit" in v:
        held = db.execute("SELECT unit FROM item WHERE id = ?", [item_id]).fetchone()
        if held and held[0] != v["unit"] and _counted(db, item_id):
            raise Invalid(
                "unit",
                tr(
                    "The stock, norms or orders of {code} are counted in {unit}: its unit "
                    "cannot change to {new} (that would change what every quantity means). "
                    "Add a new item for the new unit.",
                    code=v["code"],
                    unit=held[0],
                    new=v["unit"],
                ),
            )
    if "category" in v:
        codes = category_codes(db)
        if v["category"] not in codes:
            raise Invalid(
                "category",
                tr(
                    "Unknown category {category}; use one of {choices}.",
                    category=v["category"],
                    choices="、".join(sorted(k for k in codes if not k.isascii())),
                ),
            )
        v["category"] = codes[v["category"]]
    if v.get("gbt_code") and not GBT_CODE.match(v["gbt_code"]):
        raise Invalid("gbt_code", tr("A GB/T 38565 code has 7 digits, e.g. 2010101."))
    if not v.get("gbt_code"):
        v["gbt_code"] = None
    if "storage" in v and v["storage"] not in STORAGE:
        raise Invalid("storage", tr("Storage must be 常温, 阴凉 or 冷链."))
    if "pack_size" in v:
        if not isinstance(v["pack_size"], int) or v["pack_size"] < 1:
            raise Invalid("pack_size", tr("The pack size is a whole number of at least 1."))
    if "shelf_life" in v:
        v["shelf_life"] = int(bool(v["shelf_life"]))
    return v


# The tables whose quantities count an item in its unit.
COUNTED_IN_UNITS = ("stock_move", "norm", "transfer", "order_line")


def _counted(db: Database, item_id: str) -> bool:
    """Whether a movement, a norm, a transfer or an order line counts the item."""
    return any(
        db.execute(f"SELECT 1 FROM {table} WHERE item_id = ? LIMIT 1", [item_id]).fetchone()
        for table in COUNTED_IN_UNITS
    )


def save_item(db: Database, ctx: Ctx, values: dict, item_id: str | None = None) -> str:
    """Add (item_id None) or change a catalogue item; returns its id."""
    with write(db, ctx) as w:
        clean = validate_item(db, values, item_id)
        if item_id is None:
            return w.insert("item", clean)
        w.update("item", item_id, clean)
        return item_id


def validate_depot(db: Database, values: dict, depot_id: str | None = None) -> dict:
    v = clean_texts({k: values[k] for k in DEPOT_FIELDS if k in values})
    if not v.get("code"):
        raise Invalid("code", tr("The depot code is required."))
    if not v.get("name"):
        raise Invalid("name", tr("The depot name is required."))
    clash = db.execute(
        "SELECT id FROM depot WHERE code = ? AND deleted = 0 AND id != ?",
        [v["code"], depot_id or ""],
    ).fetchone()
    if clash:
        raise Invalid("code", tr("Depot code {code} is already used.", code=v["code"]))
    if (
        v.get("division")
        and not db.execute(
            "SELECT 1 FROM division WHERE code = ? AND deleted = 0", [v["division"]]
        ).fetchone()
    ):
        raise Invalid(
            "division",
            tr("Unknown division code {code}; Hengyang's codes are 4304xx.", code=v["division"]),
        )
    if (
        v.get("agency_id")
        and not db.execute(
            "SELECT 1 FROM agency WHERE id = ? AND deleted = 0", [v["agency_id"]]
        ).fetchone()
    ):
        raise Invalid("agency_id", tr("Unknown managing agency."))
    if "level" in v and v["level"] not in DEPOT_LEVELS:
        raise Invalid(
            "level",
            tr("The depot level must be one of {choices}.", choices="、".join(DEPOT_LEVELS)),
        )
    if v.get("phone") and not PHONE.match(v["phone"]):
        raise Invalid("phone", tr("The phone number {phone} is not valid.", phone=v["phone"]))
    return v


def save_depot(db: Database, ctx: Ctx, values: dict, depot_id: str | None = None) -> str:
    with write(db, ctx) as w:
        clean = validate_depot(db, values, depot_id)
        if depot_id is None:
            return w.insert("depot", clean)
        w.update("depot", depot_id, clean)
        return depot_id


def agency_by_name(db: Database, name: str) -> dict | None:
    """An agency by its full name, short name or code."""
    name = name.strip()
    return next(
        db.query(
            "SELECT * FROM agency WHERE deleted = 0 AND (name = ? OR short_name = ? OR code = ?)",
            [name, name, name],
        ),
        None,
    )


def set_lot_status(db: Database, ctx: Ctx, lot: str, status: str) -> None:
    """Release, quarantine (待检), freeze (冻结) or scrap (报废) a lot."""
    if status not in LOT_STATUSES:
        raise BioError(
            tr("A lot's status must be one of {choices}.", choices="、".join(LOT_STATUSES))
        )
    with write(db, ctx) as w:
        w.update("lot", lot, {"status": status})


def lots_of_item(db: Database, item_id: str) -> list[dict]:
    """An item's lots, earliest expiry first (those without expiry last)."""
    return list(
        db.query(
            "SELECT id, batch_no, expires_on, status FROM lot WHERE item_id = ? AND deleted = 0 "
            "ORDER BY expires_on IS NULL, expires_on, batch_no",
            [item_id],
        )
    )


def set_lot_status_by_batch(
    db: Database, ctx: Ctx, item_code: str, batch: str, status: str
) -> dict:
    """The same by item code and batch number (CLI, forms); returns what was set."""
    item = item_by_code(db, item_code)
    lot = lot_by_batch(db, item["id"], batch or "")
    if lot is None:
        raise BioError(tr("Item {item} has no lot {batch}.", item=item["code"], batch=batch))
    set_lot_status(db, ctx, lot["id"], status)
    return {"item": item["code"], "lot": lot["batch_no"], "status": status, "was": lot["status"]}


def delete_item(db: Database, ctx: Ctx, item_id: str) -> None:
    """Retire an item from the catalogue; refused while any depot holds it."""
    held = db.execute(
        "SELECT coalesce(sum(qty), 0) FROM stock_balance WHERE item_id = ?", [item_id]
    ).fetchone()[0]
    if held:
        raise BioError(
            tr(
                "The item is still held in stock ({qty}); issue or write it off first.",
                qty=f"{held:,}",
            )
        )
    with write(db, ctx) as w:
        w.delete("item", item_id)


ITEM_MATCH = (
    "(lower(i.code) LIKE :q ESCAPE '\\' OR i.name LIKE :q ESCAPE '\\' "
    "OR s.initials LIKE :q ESCAPE '\\' OR s.pinyin LIKE :q ESCAPE '\\')"
)  # with item i and item_search s joined, and :q from like_pattern()


def search_items(db: Database, text: str, limit: int = 50) -> list[dict]:
    """Items whose code, name or pinyin (initials or full) contains the text."""
    text = text.strip().lower()
    if not text:
        return list(db.query("SELECT * FROM item WHERE deleted = 0 ORDER BY code LIMIT ?", [limit]))
    return list(
        db.query(
            "SELECT i.* FROM item i JOIN item_search s ON s.item_id = i.id "
            f"WHERE i.deleted = 0 AND {ITEM_MATCH} ORDER BY i.code LIMIT :limit",
            {"q": like_pattern(text), "limit": limit},
        )
    )
