"""Operations merged from another station are applied as what their users were allowed to
do there (issue 17): a keeper here imports a bundle carrying a coordinator's catalogue
changes from there, and each operation keeps its actor, whom the audit trail names with
the role and agency the account has at its own station."""

import pytest

from desktop.core.access import accounts, login, policy, trail
from desktop.core.reserves import catalog
from tests.helpers.stations import enrol, new_station, transfer

PASSWORD = "Merged-ops-1"


@pytest.fixture
def pair(tmp_path):
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    enrol(tmp_path, a, b)
    enrol(tmp_path, b, a)
    yield a, b, tmp_path
    a.close()
    b.close()


def test_a_keeper_here_receives_what_a_coordinator_there_did(pair):
    a, b, folder = pair
    accounts.add(a, None, "admin", "admin", PASSWORD)
    admin_a = login.authenticate(a, "admin", PASSWORD)
    accounts.add(a, admin_a, "wang", "应急协调员", PASSWORD)
    wang = login.authenticate(a, "wang", PASSWORD)
    catalog.save_depot(a, wang, {"code": "A-CK01", "name": "甲站仓库", "level": "市级储备库"})
    item = catalog.save_item(a, wang, {"code": "PPE-9001", "name": "医用防护服", "unit": "件",
                                       "category": "PPE"})  # fmt: skip

    accounts.add(b, None, "admin", "admin", PASSWORD)
    admin_b = login.authenticate(b, "admin", PASSWORD)
    transfer(a, b, folder / "a-to-b.zip")  # b learns the depot it keeps from a
    depot = b.execute("SELECT code FROM depot WHERE code = 'A-CK01'").fetchone()[0]
    accounts.add(b, admin_b, "keeper", "仓库管理员", PASSWORD, depots=[depot])
    keeper = login.authenticate(b, "keeper", PASSWORD)
    with pytest.raises(policy.NotAllowed):  # the keeper may not change the catalogue here
        catalog.save_item(b, keeper, {"code": "PPE-9002", "name": "护目镜", "unit": "个",
                                      "category": "PPE"})  # fmt: skip

    catalog.save_item(a, wang, {"code": "PPE-9001", "name": "医用防护服（连体）", "unit": "件",
                                "category": "PPE"}, item)  # fmt: skip
    from desktop.core.store import station
    from desktop.sync import bundles

    path = folder / "again.zip"
    bundles.export(a, path, station.get(b).origin)
    result = bundles.import_(b, path, ctx=keeper)  # applied as wang was allowed at a
    assert result.applied >= 1
    name = b.execute("SELECT name FROM item WHERE id = ?", [item]).fetchone()[0]
    assert name == "医用防护服（连体）"
    actors = {r[0] for r in b.execute("SELECT actor FROM oplog WHERE row_id = ?", [item])}
    assert actors == {"user:wang"}
    rows = [r for r in trail.rows(b, admin_b, table="item") if r["record"] == item]
    assert rows and {r["user"] for r in rows} == {"user:wang"}
    assert {r["station"] for r in rows} == {"HY-A"}
    assert {r["role"] for r in rows} <= {"应急协调员", "Emergency coordinator"}
