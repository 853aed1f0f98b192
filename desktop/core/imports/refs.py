"""Depots and items as stock and norms rows name them: by code, looked up with one query
each for the whole file, and described alike in both templates."""

from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.imports.job import Job
from desktop.core.store.handle import Database

# What the checks of Refs rely on, as Job.FACTS: not an item's name, which only goes into
# messages (renaming an item meanwhile does not refuse an import).
FACTS = (
    "SELECT code, id FROM depot WHERE deleted = 0 ORDER BY code",
    "SELECT id, code, shelf_life FROM item WHERE deleted = 0 ORDER BY code",
)


class Refs:
    """Depots and items by code: one query each."""

    def __init__(self, db: Database):
        self.depots = dict(db.execute("SELECT code, id FROM depot WHERE deleted = 0"))
        self.items = {
            code: {"id": item_id, "code": code, "name": name, "shelf_life": shelf_life}
            for item_id, code, name, shelf_life in db.execute(
                "SELECT id, code, name, shelf_life FROM item WHERE deleted = 0"
            )
        }

    def depot(self, job: Job, row: int, cells: dict) -> str | None:
        """The id of the row's depot; an unknown code is reported (an empty one already is)."""
        code = values.text(cells.get("depot"))
        depot_id = self.depots.get(code)
        if depot_id is None and code:
            job.bad(row, "depot", tr("No depot with code {code}.", code=code))
        return depot_id

    def item(self, job: Job, row: int, cells: dict) -> dict | None:
        """The row's item (id, code, name, shelf_life); an unknown code is reported."""
        code = values.text(cells.get("item"))
        item = self.items.get(code)
        if item is None and code:
            job.bad(row, "item", tr("No catalogue item with code {code}.", code=code))
        return item


def described() -> dict[str, tuple[str, str]]:
    """The instructions' description of the depot and item columns."""
    return {
        "depot": (tr("The code of an existing depot (see the list below)."), ""),
        "item": (tr("The code of an existing catalogue item (see the list below)."), ""),
    }
