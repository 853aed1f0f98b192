"""Depots from a spreadsheet, by the rules of the depot form (catalog.validate_depot).

A code that exists already UPDATES that depot (empty optional cells keep its values); a
code twice in one file is an error. 管理单位 is given by full name, short name or code
(catalog.agency_by_name); 所属区划 by division code (a division's name works too).
"""

import desktop.core.imports.lists as lists
from desktop.core import values
from desktop.core.i18n import tr
from desktop.core.imports.columns import Kind, column
from desktop.core.imports.job import Job
from desktop.core.reserves import catalog
from desktop.core.store.handle import Database
from desktop.core.vocab import DEPOT_LEVELS

COLUMNS = (
    column("code", "仓库编码", ("code", "depot code"), True, "code"),
    column("name", "仓库名称", ("name", "depot name"), True),
    column("division", "所属区划", ("division", "division code"), True, "code"),
    column("agency", "管理单位", ("agency", "managing agency")),
    column("level", "仓库级别", ("level", "depot level"), True, "choice"),
    column("address", "地址", ("address",), multiline=True),
    column("contact", "联系人", ("contact", "contact person")),
    column("phone", "联系电话", ("phone", "telephone", "contact phone"), False, "code"),
)  # fmt: skip


class Depots(Job):
    FIELDS = {"code": "code", "name": "name", "division": "division", "agency_id": "agency",
              "level": "level", "phone": "phone"}  # fmt: skip
    NEW_KEYS = ("code", "name", "division", "agency_id", "level", "address", "contact", "phone")
    FACTS = (
        "SELECT code, id FROM depot WHERE deleted = 0 ORDER BY code",
        "SELECT code, name FROM division WHERE deleted = 0 ORDER BY code",
        "SELECT id, name, short_name, code FROM agency WHERE deleted = 0 ORDER BY id",
    )

    def __init__(self, *args):
        super().__init__(*args)
        self.existing = dict(self.db.execute("SELECT code, id FROM depot WHERE deleted = 0"))
        self.division_names = {
            name: code
            for code, name in self.db.execute("SELECT code, name FROM division WHERE deleted = 0")
        }
        self.seen: dict[str, int] = {}

    def check(self, row, cells):
        code = values.text(cells.get("code"))
        self.unique(row, "code", code, self.seen)
        depot_id = self.existing.get(code)
        entered: dict[str, str | None] = {k: values.text(cells.get(k)) for k in ("code", "name")}
        for key in ("division", "level"):  # required: an empty cell is reported already
            text = values.text(cells.get(key))
            if text:
                entered[key] = text
        if "division" in entered:
            entered["division"] = self.division_names.get(entered["division"], entered["division"])
        for key in ("address", "contact", "phone"):
            text = values.text(cells.get(key))
            if text or depot_id is None:  # empty: keep an existing depot's value
                entered[key] = text
        agency_name = values.text(cells.get("agency"))
        if agency_name:
            agency = catalog.agency_by_name(self.db, agency_name)
            if agency is None:
                self.bad(
                    row,
                    "agency",
                    tr(
                        "Unknown agency {name}; give its full name, short name or code.",
                        name=agency_name,
                    ),
                )
            else:
                entered["agency_id"] = agency["id"]
        elif depot_id is None:
            entered["agency_id"] = None
        given = set(entered)
        clean = self.validated(
            row,
            entered,
            lambda v: catalog.validate_depot(self.db, v, depot_id),
            self.FIELDS,
            ("code", "name"),
        )
        if clean is None:
            return None
        return (row, depot_id, {k: v for k, v in clean.items() if k in given})

    def write(self, w, rows, tick):
        self.write_new_then_updates(w, "depot", rows, self.NEW_KEYS, tick)


def describe() -> dict[str, tuple[str, str]]:
    return {
        "code": (
            tr("The depot's code, unique. A code that exists already updates that depot "
               "(empty optional cells keep its values)."),
            "",
        ),
        "name": (tr("The depot's name."), ""),
        "division": (
            tr("The division (GB/T 2260 code, e.g. 430422) the depot belongs to; see the "
               "list below."),
            "",
        ),
        "agency": (
            tr("The managing agency: full name, short name or code (see the list below)."),
            "",
        ),
        "level": (tr("The depot's level."), " / ".join(DEPOT_LEVELS)),
        "address": (tr("Address."), ""),
        "contact": (tr("Contact person."), ""),
        "phone": (tr("Contact phone."), tr("digits, spaces and + - ( ), e.g. 0734-8000001")),
    }  # fmt: skip


def template(db: Database) -> tuple[dict, list, list]:
    agencies = lists.agencies(db)
    agency = next(
        (a[0] for a in agencies if a[2].startswith("430422")),  # 衡南县: the example's division
        agencies[0][0] if agencies else "",
    )
    example = ["HY-CK99", "示例县级应急物资储备库", "430422", agency, "县级储备库",
               "衡南县某某路 1 号（示例地址）", "张三", "0734-0000000"]  # fmt: skip
    return (
        {"level": list(DEPOT_LEVELS)},
        example,
        [
            (tr("Depot levels"), ["仓库级别"], [[level] for level in DEPOT_LEVELS]),
            lists.divisions_list(lists.divisions(db)),
            (tr("Agencies"), ["管理单位", "简称", "代码"], agencies),
        ],
    )


KIND = Kind(
    name="depots",
    columns=COLUMNS,
    job=Depots,
    sheet="仓库",
    command="depots",
    describe=describe,
    template=template,
    guidance=lambda: [],
    writes=("depot",),
)
