"""A spreadsheet import asks the write path's question of each row while it checks the
file (policy.refusal): a keeper's stock rows for a depot it does not keep are row errors
like any other, and --skip-invalid imports the rest; a kind the role never writes is
refused before the file is read, naming the role (trial 17, finding 5)."""

import csv

import pytest

from desktop.core.access import accounts, policy
from desktop.core.imports import run, validate

KEEPER_DEPOT, OTHER_DEPOT = "HY-CK01", "HY-CK02"  # the demo keeper keeps HY-CK01 only


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


def receipts(path, db, depots):
    item = db.execute("SELECT code FROM item WHERE deleted = 0 ORDER BY code LIMIT 1").fetchone()
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["仓库编码", "物资编码", "批号", "有效期至", "数量"])
        for n, depot in enumerate(depots):
            out.writerow([depot, item[0], f"RIGHTS-{n}", "2030-01-01", 10])
    return path


def received(db) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT d.code FROM stock_move m JOIN depot d ON d.id = m.depot_id "
            "JOIN lot l ON l.id = m.lot_id WHERE l.batch_no LIKE 'RIGHTS-%' ORDER BY d.code"
        )
    ]


def test_a_keepers_row_for_another_depot_is_a_row_error(demo_db, tmp_path):
    keeper = accounts.find(demo_db, "keeper").ctx()
    path = receipts(tmp_path / "stock.csv", demo_db, [KEEPER_DEPOT, OTHER_DEPOT])
    report = run(demo_db, keeper, "stock", path)
    assert report.imported == 0 and received(demo_db) == []
    (error,) = report.errors
    assert (error.row, error.column) == (3, "仓库编码")
    assert error.reason.startswith(f"“{OTHER_DEPOT}”: keeper (")
    assert "only the depots the account keeps" in error.reason
    assert validate(demo_db, "stock", path, ctx=keeper).errors == report.errors

    report = run(demo_db, keeper, "stock", path, skip_invalid=True)
    assert (report.imported, report.skipped) == (1, 1)
    assert received(demo_db) == [KEEPER_DEPOT]


def test_a_coordinator_imports_every_depots_rows(demo_db, tmp_path):
    coordinator = accounts.find(demo_db, "coordinator").ctx()
    path = receipts(tmp_path / "stock.csv", demo_db, [KEEPER_DEPOT, OTHER_DEPOT])
    assert run(demo_db, coordinator, "stock", path).imported == 2


@pytest.mark.parametrize("role, kind", [("keeper", "items"), ("liaison", "stock"),
                                        ("viewer", "experts")])  # fmt: skip
def test_a_kind_the_role_never_writes_is_refused_before_the_file_is_read(
    demo_db, tmp_path, role, kind
):
    ctx = accounts.find(demo_db, role).ctx()
    missing = tmp_path / "not-there.xlsx"  # never opened
    with pytest.raises(policy.NotAllowed, match=rf"^{role} \(.*\) may not change"):
        run(demo_db, ctx, kind, missing)
    with pytest.raises(policy.NotAllowed):
        validate(demo_db, kind, missing, ctx=ctx)
