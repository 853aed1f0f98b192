"""The export workbook: 库存, 台账 and 预警 with Chinese headers and the right rows."""

from datetime import date

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core import spreadsheet
from desktop.core.errors import BioError
from desktop.core.reserves import alerts, export, ledger


def sheet_rows(path, title):
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book[title].iter_rows(values_only=True)]
    book.close()
    return rows


def test_the_workbook_has_three_sheets_with_chinese_headers_and_every_row(demo_db, tmp_path):
    path = tmp_path / "export.xlsx"
    counts = export.write_workbook(demo_db, path)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["库存", "台账", "预警"]
    book.close()

    stock = sheet_rows(path, "库存")
    assert stock[0] == export.BALANCE_HEADER and "批号" in stock[0] and "有效期至" in stock[0]
    balances = ledger.balances(demo_db, by_lot=True)
    assert len(stock) - 1 == len(balances) == counts["库存"]
    assert sum(r[stock[0].index("数量")] for r in stock[1:]) == sum(b["qty"] for b in balances)

    moves = sheet_rows(path, "台账")
    assert moves[0] == export.LEDGER_HEADER
    assert len(moves) - 1 == ledger.ledger_count(demo_db) == counts["台账"]
    assert {r[1] for r in moves[1:]} <= set(export.MOVE_KINDS.values())  # kinds in Chinese
    newest = ledger.ledger_page(demo_db, limit=1)[0]
    assert (moves[1][3], moves[1][6], moves[1][7]) == (newest["item"], newest["lot"], newest["qty"])

    found = sheet_rows(path, "预警")
    assert found[0] == export.ALERT_HEADER
    expected = alerts.counts(alerts.compute(demo_db))
    assert len(found) - 1 == sum(expected.values()) == counts["预警"]
    kinds = [r[0] for r in found[1:]]
    assert kinds.count("已过期") == expected["expired"] > 0  # the demo set has expired lots
    assert kinds.count("低于定额") == expected["below_norm"]
    assert sum(k.startswith("近效期") for k in kinds) == expected["near_expiry"] > 0


def test_the_ledger_sheet_is_capped_at_the_newest_movements(demo_db, tmp_path):
    path = tmp_path / "export.xlsx"
    counts = export.write_workbook(demo_db, path, cap=25)
    moves = sheet_rows(path, "台账")
    assert counts["台账"] == 25 and len(moves) == 26
    newest = ledger.ledger_page(demo_db, limit=25)
    assert [r[7] for r in moves[1:]] == [m["qty"] for m in newest]


def test_expiry_dates_are_excel_dates(demo_db, tmp_path):
    path = tmp_path / "export.xlsx"
    export.write_workbook(demo_db, path)
    stock = sheet_rows(path, "库存")
    at = stock[0].index("有效期至")
    assert any(isinstance(r[at], date) for r in stock[1:])


def test_progress_is_reported_and_a_cancelled_export_leaves_no_file(demo_db, tmp_path):
    path = tmp_path / "export.xlsx"
    calls = []
    counts = export.write_workbook(demo_db, path, progress=lambda d, t: calls.append((d, t)))
    total = sum(counts.values())
    assert calls[-1] == (total, total) and all(d <= t for d, t in calls)

    def cancel(done, total):
        raise importer.Cancelled()

    with pytest.raises(importer.Cancelled):
        export.write_workbook(demo_db, tmp_path / "cancelled.xlsx", progress=cancel)
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == ["export.xlsx"]


def test_an_empty_database_exports_headers_only(fresh_db, tmp_path):
    path = tmp_path / "export.xlsx"
    assert export.write_workbook(fresh_db, path) == {"库存": 0, "台账": 0, "预警": 0}
    assert sheet_rows(path, "台账") == [export.LEDGER_HEADER]


def test_write_xlsx_freezes_and_bolds_the_header_and_refuses_unwritable_places(tmp_path):
    path = tmp_path / "t.xlsx"
    spreadsheet.write_xlsx(path, [("表", ["编码", "名称"], ([i, f"物资{i}"] for i in range(3)))])
    book = openpyxl.load_workbook(path)
    sheet = book["表"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    assert sheet.column_dimensions["B"].width >= 8
    assert [c.value for c in sheet[4]] == [2, "物资2"]
    with pytest.raises(BioError):
        spreadsheet.write_xlsx(tmp_path / "missing" / "t.xlsx", [("表", ["a"], [])])
