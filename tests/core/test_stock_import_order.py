"""A stock import writes its movements grouped by depot, item and lot (issue 18, point 2:
the order SQLite's balances and figures are kept in), and still every lot before the first
movement into it, whichever row of the file created it: balances, lots and the operation
log are what the file says, in every chunk of the write."""

from datetime import date, timedelta

import openpyxl
import pytest

import desktop.core.imports.stock as stock_import
from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.reserves import catalog, stock

KEEPER = Ctx("os:keeper")
STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
LATER = date.today() + timedelta(days=400)


@pytest.fixture
def db(fresh_db):
    for code in ("CK1", "CK2", "CK3"):
        catalog.save_depot(
            fresh_db, KEEPER, {"code": code, "name": f"库{code}", "level": "市级储备库",
                               "division": "430400"},
        )  # fmt: skip
    for code in ("KZ", "FHF"):
        catalog.save_item(
            fresh_db, KEEPER,
            {"code": code, "name": f"物资{code}", "unit": "只", "category": "防护用品"},
        )  # fmt: skip
    return fresh_db


def ids(db, table: str) -> dict[str, str]:
    return dict(db.execute(f"SELECT code, id FROM {table} WHERE deleted = 0"))  # noqa: S608


@pytest.mark.parametrize("chunk", [1, 2, 500])
def test_lots_come_before_their_movements_in_any_order_of_rows(db, tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(stock_import, "WRITE_CHUNK", chunk)
    rows = [  # the last depot's row creates B1; rows of the other depots receive into it
        ["CK3", "KZ", "B1", None, LATER, 10, "甲厂", "采购"],
        ["CK1", "KZ", "B1", None, None, 5, None, "调入"],
        ["CK2", "FHF", "F9", None, LATER, 7, "乙厂", None],
        ["CK1", "FHF", "F9", None, None, 3, None, "捐赠"],
        ["CK2", "KZ", "B1", None, LATER, 2, None, None],
        ["CK1", "KZ", "B1", None, None, 1, None, None],
    ]
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in rows:
        book.active.append(row)
    path = tmp_path / "stock.xlsx"
    book.save(path)

    report = importer.run(db, KEEPER, "stock", path)
    assert report.ok and report.imported == len(rows), report.errors

    depots, items = ids(db, "depot"), ids(db, "item")
    b1, f9 = catalog.lot_id(items["KZ"], "B1"), catalog.lot_id(items["FHF"], "F9")
    expected = {("CK3", b1): 10, ("CK1", b1): 6, ("CK2", b1): 2, ("CK2", f9): 7, ("CK1", f9): 3}
    for (depot, lot), qty in expected.items():
        assert stock.balance(db, depots[depot], lot) == qty
    lots = dict(db.execute("SELECT id, manufacturer FROM lot WHERE id IN (?, ?)", [b1, f9]))
    assert lots == {b1: "甲厂", f9: "乙厂"}  # each made by the row that created it
    assert db.execute("SELECT count(*) FROM stock_move").fetchone()[0] == len(rows)

    # in the operation log (what other stations apply, in this order), each lot's insert
    # comes before every movement into it
    ops = db.execute("SELECT seq, tbl, row_id, payload FROM oplog ORDER BY seq").fetchall()
    created = {row_id: seq for seq, tbl, row_id, _ in ops if tbl == "lot"}
    moves = [(seq, payload) for seq, tbl, _, payload in ops if tbl == "stock_move"]
    assert len(moves) == len(rows) and set(created) >= {b1, f9}
    for seq, payload in moves:
        lot = b1 if b1 in payload else f9
        assert created[lot] < seq


def test_receipts_into_lots_the_database_holds_create_none(db, tmp_path):
    items = ids(db, "item")
    first = tmp_path / "first.xlsx"
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    book.active.append(["CK2", "KZ", "B1", None, LATER, 10, None, None])
    book.save(first)
    assert importer.run(db, KEEPER, "stock", first).ok
    lots = db.execute("SELECT count(*) FROM lot").fetchone()[0]
    second = tmp_path / "second.xlsx"
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for depot in ("CK3", "CK1", "CK2"):
        book.active.append([depot, "KZ", "B1", None, None, 4, None, "调入"])
    book.save(second)
    report = importer.run(db, KEEPER, "stock", second)
    assert report.ok and report.imported == 3
    assert db.execute("SELECT count(*) FROM lot").fetchone()[0] == lots
    lot = catalog.lot_id(items["KZ"], "B1")
    depots = ids(db, "depot")
    assert [stock.balance(db, depots[d], lot) for d in ("CK1", "CK2", "CK3")] == [4, 14, 4]
