"""Catalogue items from a spreadsheet, by the rules of the item form (catalog.validate_item).

A code that exists already UPDATES that item (empty optional cells keep its current
values); a code twice in one file is an error. 效期管理 takes 是/否 (also Y/N, yes/no,
true/false, 1/0); a new item is managed by expiry and stored at 常温 unless told.
物资类别 and 计量单位 are controlled vocabularies (vocabulary.py): a synonym is read as the
value it means (付 as 副), an unknown value is refused unless added; an item's own current
unit passes as it is.
"""

import desktop.core.imports.lists as lists
from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind, column
from desktop.core.imports.job import Job
from desktop.core.reserves import catalog
from desktop.core.store.handle import Database
from desktop.core.vocab import STORAGE

COLUMNS = (
    column("code", "物资编码", ("code", "item code"), True, "code"),
    column("name", "物资名称", ("name", "item name"), True),
    column("spec", "规格型号", ("spec", "specification", "model")),
    column("unit", "计量单位", ("unit", "unit of measure", "uom"), True),
    column("category", "物资类别", ("category", "category name"), True, "choice"),
    column("shelf_life", "效期管理", ("shelf life", "expiry managed"), False, "choice"),
    column("storage", "储存条件", ("storage", "storage condition"), False, "choice"),
)  # fmt: skip


REQUIRED_TEXTS = ("code", "name", "unit")


class Items(Job):
    FIELDS = {"code": "code", "name": "name", "unit": "unit", "category": "category",
              "spec": "spec", "storage": "storage", "shelf_life": "shelf_life"}  # fmt: skip
    NEW_KEYS = ("code", "name", "spec", "unit", "category", "shelf_life", "storage")
    FACTS = (
        "SELECT code, id FROM item WHERE deleted = 0 ORDER BY code",
        "SELECT code, name FROM category WHERE scheme = 'practical' AND deleted = 0 ORDER BY code",
        "SELECT name FROM unit WHERE deleted = 0 ORDER BY name",
    )

    def __init__(self, *args):
        super().__init__(*args)
        self.existing = dict(self.db.execute("SELECT code, id FROM item WHERE deleted = 0"))
        self.units = dict(self.db.execute("SELECT id, unit FROM item WHERE deleted = 0"))
        self.seen: dict[str, int] = {}

    def check(self, row, cells):
        code = values.text(cells.get("code"))
        self.unique(row, "code", code, self.seen)
        item_id = self.existing.get(code)
        entered: dict[str, object] = {k: values.text(cells.get(k)) for k in REQUIRED_TEXTS}
        entered["unit"] = self._unit(row, str(entered["unit"]), item_id)
        category, adding = self._category(row, values.text(cells.get("category")))
        if category:
            entered["category"] = category
        for key in ("spec", "storage"):
            text = values.text(cells.get(key))
            if text or item_id is None:  # empty: keep an existing item's value
                entered[key] = text
        try:
            shelf_life = values.yes_no(cells.get("shelf_life"))
        except values.BadValue as exc:
            self.bad(row, "shelf_life", str(exc))
            shelf_life = None
        if shelf_life is not None:
            entered["shelf_life"] = shelf_life
        if item_id is None:
            entered.setdefault("shelf_life", 1)
            entered["storage"] = entered["storage"] or "常温"
        given = set(entered) | ({"category"} if adding else set())
        clean = self.validated(
            row,
            entered,
            lambda v: catalog.validate_item(self.db, v, item_id),
            self.FIELDS,
            REQUIRED_TEXTS,
        )
        if clean is None:
            return None
        if adding:  # not in the table until the import adds it: the form's rule cannot know it
            clean["category"] = adding
        return (row, item_id, {k: v for k, v in clean.items() if k in given})

    def _unit(self, row, text: str, item_id) -> str:
        """The unit as the vocabulary writes it (a synonym as the unit it means), or the
        item's own current unit; an unknown one is reported."""
        vocab = self.vocab.get("unit")
        if not text:
            return text
        unit = vocab.lookup(text)
        if unit is None and item_id is not None and text == self.units.get(item_id):
            return text
        unit = unit or vocab.resolve(row, text)
        if unit is None:
            self.bad(row, "unit", vocab.reason(text))
            return text
        return unit

    def _category(self, row, text: str) -> tuple[str, str]:
        """(the category's code for the form's rule, or the code of a category being added);
        an unknown one is reported and left out."""
        if not text:
            return "", ""
        vocab = self.vocab.get("category")
        code = vocab.resolve(row, text)
        if code is None:
            self.bad(row, "category", vocab.reason(text))
            return "", ""
        return ("", code) if vocab.is_pending(code) else (code, "")

    def write(self, w, rows, tick):
        self.write_new_then_updates(w, "item", rows, self.NEW_KEYS, tick)


def describe() -> dict[str, tuple[str, str]]:
    return {
        "code": (
            tr("The item's code, unique in the catalogue. A code that exists already "
               "updates that item (empty optional cells keep its values)."),
            "",
        ),
        "name": (tr("The item's name."), ""),
        "spec": (tr("Specification or model."), ""),
        "unit": (
            tr("The base unit that quantities count, one of the units listed below (usual "
               "spellings such as 付 for 副 or ml for 毫升 are read as the unit they mean)."),
            "",
        ),
        "category": (
            tr("The material category, by name or code (see the list below; usual other "
               "names such as 个人防护用品 are read as the category they mean)."),
            "",
        ),
        "shelf_life": (
            tr("Whether lots are managed by expiry date; empty: 是."),
            tr("是 or 否 (also Y/N, yes/no, true/false, 1/0)"),
        ),
        "storage": (tr("Storage condition; empty: 常温."), " / ".join(STORAGE)),
    }  # fmt: skip


def template(db: Database) -> tuple[dict, list, list]:
    categories, units = lists.categories(db), lists.units(db)
    suggested = {
        "unit": [name for (name,) in units],
        "shelf_life": ["是", "否"],
        "storage": list(STORAGE),
        "category": [name for name, _ in categories],
    }
    # the example is a mask: its category is PPE's (防护用品), whatever its name here
    category = next((name for name, code in categories if code == "PPE"), None)
    category = category or (categories[0][0] if categories else "防护用品")
    example = ["PPE-9001", "医用防护口罩（示例）", "N95 折叠式 耳挂", "只", category, "是", "常温"]
    return (
        suggested,
        example,
        [
            (tr("Material categories"), ["物资类别", "代码"], categories),
            (tr("Units of measure"), ["计量单位"], units),
            (tr("Storage conditions"), ["储存条件"], [[s] for s in STORAGE]),
        ],
    )


KIND = Kind(
    name="items",
    columns=COLUMNS,
    job=Items,
    sheet="物资目录",
    command="items",
    describe=describe,
    template=template,
    guidance=lambda: [lists.vocabulary_guidance()],
    writes=("item",),
)
