"""The county duties of the plan, given to the county where an incident happens.

The plan gives some duties to every county: 各县市区卫生健康局 assess infectious diseases
and issue warnings (三（一）一); 县市区卫健局及卫生监督机构、兽医主管部门 supervise and inspect
laboratories where they are (三（三）二). A city playbook names them by the COUNTY-* reference
agencies (事发地县市区卫健局, 事发地卫生监督机构, 事发地兽医主管部门); an incident in a county gives
such a task to that county's own agency: COUNTY-WJJ → 430422-WJJ for an incident in 衡南县.
An incident of the whole city (430400), or a county without that agency, keeps COUNTY-*.
"""

import json
from collections.abc import Callable

from desktop.core.store.handle import Database

PREFIX = "COUNTY-"


def localiser(db: Database, division: str | None) -> Callable[[str | None], str | None]:
    """agency id → the id of the incident county's own agency for a COUNTY-* agency, else
    the same id."""
    agencies = {
        row[0]: (row[1], row[2])
        for row in db.execute("SELECT id, code, division FROM agency WHERE deleted = 0")
    }
    by_code = {code: agency_id for agency_id, (code, _) in agencies.items()}
    level = db.execute(
        "SELECT level FROM division WHERE code = ? AND deleted = 0", [division or ""]
    ).fetchone()
    county = division if level is not None and level[0] != "city" else None

    def local(agency_id: str | None) -> str | None:
        code = agencies.get(agency_id or "", ("", None))[0]
        if county is None or not code.startswith(PREFIX):
            return agency_id
        return by_code.get(f"{county}-{code[len(PREFIX) :]}", agency_id)

    return local


def localise_task(local: Callable, lead_id: str | None, support_json: str) -> tuple:
    """(lead id, support ids as JSON) of a task with its county duties given locally; an
    agency named twice once (the lead not among the supporting)."""
    lead = local(lead_id)
    support: list[str] = []
    for agency_id in json.loads(support_json or "[]"):
        mine = local(agency_id)
        if mine and mine != lead and mine not in support:
            support.append(mine)
    return lead, json.dumps(support, ensure_ascii=False)
