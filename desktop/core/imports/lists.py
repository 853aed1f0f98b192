"""The valid values a template's instructions list — categories, divisions, agencies,
depots, items — from the open database, else from the shipped reference data (a template
written before any database exists lists no depots or items).

A list is (title, header, rows): the instructions sheet writes the title with the number
of rows, the header in bold, then the rows.
"""

from desktop.core.i18n import tr
from desktop.core.store import reference
from desktop.core.store.handle import Database

EXAMPLE_DEPOT, EXAMPLE_ITEM = "HY-CK01", "PPE-0001"  # example codes when the database has none


def categories(db: Database) -> list[tuple]:
    """(name, code) of the practical categories, by code."""
    if db is None:
        return sorted(
            (c["name"], c["code"])
            for c in reference.rows("categories.json")
            if c.get("scheme", "practical") == "practical"
        )
    return db.execute(
        "SELECT name, code FROM category WHERE scheme = 'practical' AND deleted = 0 ORDER BY code"
    ).fetchall()


def units(db: Database) -> list[tuple]:
    """(name,) of the units of measure, in the vocabulary's order."""
    if db is None:
        return [(u["name"],) for u in reference.rows("units.json")]
    return db.execute("SELECT name FROM unit WHERE deleted = 0 ORDER BY rowid").fetchall()


def vocabulary_guidance() -> str:
    """The instructions' line on the controlled vocabularies (specialties, categories, units)."""
    return tr(
        "Specialties, material categories and units are taken from their lists; usual other "
        "names are read as the value they mean (传染病学 as 临床感染病, 付 as 副). A value not "
        "in the list is refused with the nearest ones, unless you add it to the list when "
        "importing (the import dialog offers it; on the command line: --add-missing)."
    )


def divisions(db: Database) -> list[tuple]:
    """(code, name) of the divisions, by code."""
    if db is None:
        return sorted((d["code"], d["name"]) for d in reference.rows("divisions.json"))
    return db.execute("SELECT code, name FROM division WHERE deleted = 0 ORDER BY code").fetchall()


def agencies(db: Database) -> list[tuple]:
    """(name, short name, code) of the agencies, by code (the shipped file's order without
    a database)."""
    if db is None:
        return [(a["name"], a["short_name"], a["code"]) for a in reference.rows("agencies.json")]
    return db.execute(
        "SELECT name, short_name, code FROM agency WHERE deleted = 0 ORDER BY code"
    ).fetchall()


def depots(db: Database) -> list[tuple]:
    """(code, name) of the database's depots, by code."""
    if db is None:
        return []
    return db.execute("SELECT code, name FROM depot WHERE deleted = 0 ORDER BY code").fetchall()


def items(db: Database) -> list[tuple]:
    """(code, name, spec, unit, 是/否 managed by expiry) of the database's items, by code."""
    if db is None:
        return []
    return [
        (code, name, spec, unit, "是" if shelf_life else "否")
        for code, name, spec, unit, shelf_life in db.execute(
            "SELECT code, name, spec, unit, shelf_life FROM item WHERE deleted = 0 ORDER BY code"
        )
    ]


def divisions_list(rows: list) -> tuple[str, list[str], list]:
    return (tr("Divisions"), ["区划代码", "名称"], rows)


def depots_list(rows: list) -> tuple[str, list[str], list]:
    return (tr("Depots in this database"), ["仓库编码", "仓库名称"], rows)


def items_list(rows: list) -> tuple[str, list[str], list]:
    return (
        tr("Items in this database"),
        ["物资编码", "物资名称", "规格型号", "计量单位", "效期管理"],
        rows,
    )


def example_codes(depot_rows: list, item_rows: list) -> tuple[str, str]:
    """The depot and item codes an example row names: the database's first ones."""
    depot = depot_rows[0][0] if depot_rows else EXAMPLE_DEPOT
    item = item_rows[0][0] if item_rows else EXAMPLE_ITEM
    return depot, item
