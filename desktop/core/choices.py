"""The reference lists forms choose from — depots, categories, units, divisions, agencies,
specialties — a few hundred rows at most, read together in one worker job (items and
experts are searched, never listed whole)."""

from desktop.core.store.handle import Database

QUERIES = {
    "depots": "SELECT id, code, name, division, agency_id, level, address, contact, phone, "
    "notes FROM depot WHERE deleted = 0 ORDER BY code",
    "categories": "SELECT code, name, name_en FROM category "
    "WHERE scheme = 'practical' AND deleted = 0 ORDER BY rowid",
    "units": "SELECT name, name_en FROM unit WHERE deleted = 0 ORDER BY rowid",
    "divisions": "SELECT code, name, name_en FROM division WHERE deleted = 0 ORDER BY code",
    # in the order of the reference file: the city's agencies first, as the plan lists them
    "agencies": "SELECT id, code, name, short_name, name_en, level, division FROM agency "
    "WHERE deleted = 0 ORDER BY rowid",
    "specialties": "SELECT code, name, name_en FROM specialty WHERE deleted = 0 ORDER BY rowid",
}


def load(db: Database, *names: str) -> dict[str, list[dict]]:
    """The lists named (all of them when none is), each a list of rows."""
    return {name: list(db.query(QUERIES[name])) for name in names or QUERIES}
