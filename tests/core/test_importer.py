"""Importing items, depots, stock and norms from spreadsheets: templates, every kind of bad
input (reported with the row and column the user sees, nothing imported), --skip-invalid."""

import csv
import shutil
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import imports as importer
from desktop.core import spreadsheet
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.reserves import catalog, ledger, stock
from desktop.core.store import db as dbmod

KEEPER = Ctx("os:keeper")
TODAY = date.today()
LATER = TODAY + timedelta(days=400)
STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
ITEMS = ["物资编码", "物资名称", "规格型号", "计量单位", "物资类别", "效期管理", "储存条件"]
DEPOTS = ["仓库编码", "仓库名称", "所属区划", "管理单位", "仓库级别", "地址", "联系人", "联系电话"]
NORMS = ["仓库编码", "物资编码", "储备定额"]


@pytest.fixture
def db(fresh_db):
    """A fresh station with two depots, an item managed by expiry (KZ) and one not (HXJ)."""
    for code, name, level, division in (
        ("CK1", "市级库", "市级储备库", "430400"),
        ("YY1", "医院库", "医疗机构", "430407"),
    ):
        catalog.save_depot(
            fresh_db, KEEPER, {"code": code, "name": name, "level": level, "division": division}
        )
    for code, name, unit, category, shelf_life in (
        ("KZ", "医用防护口罩", "只", "防护用品", True),
        ("HXJ", "呼吸机", "台", "医疗设备", False),
    ):
        catalog.save_item(
            fresh_db,
            KEEPER,
            {"code": code, "name": name, "unit": unit, "category": category,
             "shelf_life": shelf_life, "spec": "原规格"},
        )  # fmt: skip
    return fresh_db


def xlsx(path, header, rows, title="Sheet1"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def from_template(tmp_path, kind, rows, db=None):
    """The user's way: export the template, fill in its first sheet, save."""
    path = tmp_path / f"{kind}.xlsx"
    importer.write_template(kind, path, db)
    book = openpyxl.load_workbook(path)
    for row in rows:
        book.worksheets[0].append(row)
    book.save(path)
    return path


def snapshot(db):
    """Everything an import may change, to compare before and after."""
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("item", "depot", "lot", "stock_move", "norm", "oplog")
    }
    counts["qty"] = db.execute("SELECT coalesce(sum(qty), 0) FROM stock_balance").fetchone()[0]
    counts["items"] = db.execute("SELECT * FROM item ORDER BY id").fetchall()
    counts["depots"] = db.execute("SELECT * FROM depot ORDER BY id").fetchall()
    counts["norms"] = db.execute("SELECT * FROM norm ORDER BY id").fetchall()
    return counts


def cells(report):
    return [(e.row, e.column) for e in report.errors]


def held(db, depot, item):
    return sum(r["qty"] for r in ledger.balances(db, depot, item, by_lot=True))


# ---------------------------------------------------------------- templates


def test_every_template_round_trips(db, tmp_path):
    items = from_template(
        tmp_path,
        "items",
        [
            ["FHF", "医用一次性防护服", "XL", "件", "防护用品", "是", "常温"],
            ["XDY", "含氯消毒液", None, "瓶", "DISINF", "否", "阴凉"],
        ],
        db,
    )
    report = importer.run(db, KEEPER, "items", items)
    assert report.ok and (report.total, report.imported, report.skipped) == (2, 2, 0)
    suit = catalog.item_by_code(db, "FHF")
    assert (suit["category"], suit["shelf_life"], suit["spec"], suit["storage"]) == (
        "PPE", 1, "XL", "常温",
    )  # fmt: skip
    assert catalog.item_by_code(db, "XDY")["shelf_life"] == 0
    assert catalog.search_items(db, "cxfh")[0]["code"] == "FHF"  # pinyin index kept too

    depots = from_template(
        tmp_path,
        "depots",
        [["HN1", "衡南县应急物资储备库", 430422, "衡南县卫生健康局", "县级储备库",
          "衡南县某路 1 号", "张三", "0734-1234567"]],
        db,
    )  # fmt: skip
    report = importer.run(db, KEEPER, "depots", depots)
    assert report.ok and report.imported == 1
    depot = catalog.depot_by_code(db, "HN1")
    assert depot["division"] == "430422" and depot["level"] == "县级储备库"
    assert depot["agency_id"] == catalog.agency_by_name(db, "衡南县卫健局")["id"]

    stock_file = from_template(
        tmp_path,
        "stock",
        [
            ["HN1", "FHF", "20260301", date(2026, 3, 1), LATER, 500, "稳健医疗", "采购"],
            ["HN1", "XDY", "X1", None, None, 30, None, "捐赠"],
            ["CK1", "FHF", "20260301", None, None, 200, None, None],
        ],
        db,
    )
    report = importer.run(db, KEEPER, "stock", stock_file)
    assert report.ok and report.imported == 3
    assert held(db, "HN1", "FHF") == 500 and held(db, "CK1", "FHF") == 200
    lot = catalog.lot_by_batch(db, suit["id"], "20260301")
    assert lot["expires_on"] == LATER.isoformat() and lot["manufacturer"] == "稳健医疗"
    reasons = {r[0] for r in db.execute("SELECT reason FROM stock_move WHERE kind = 'receive'")}
    assert {"采购", "捐赠"} <= reasons

    norms_file = from_template(tmp_path, "norms", [["HN1", "FHF", 1000], ["HN1", "XDY", 0]], db)
    report = importer.run(db, KEEPER, "norms", norms_file)
    assert report.ok and report.imported == 2
    assert db.execute("SELECT count(*) FROM norm").fetchone()[0] == 2


def test_the_items_templates_example_mask_is_in_the_protective_category(db):
    from desktop.core.imports import items as items_kind

    example = items_kind.template(db)[1]
    assert example[1].startswith("医用防护口罩") and example[4] == "防护用品"


def test_an_unfilled_template_imports_nothing_and_cleanly(db, tmp_path):
    for kind in importer.KINDS:
        path = tmp_path / f"{kind}.xlsx"
        importer.write_template(kind, path)
        report = importer.run(db, KEEPER, kind, path)
        assert report.ok and report.total == 0 and report.imported == 0


def test_instructions_list_columns_example_and_valid_values(db, tmp_path):
    path = tmp_path / "depots.xlsx"
    importer.write_template("depots", path, db)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[1] == "说明"
    assert [c.value for c in book.worksheets[0][1]] == DEPOTS
    assert book.worksheets[0].max_row == 1  # the example lives on 说明, not on the sheet
    text = {str(c.value) for row in book["说明"].iter_rows() for c in row if c.value is not None}
    assert set(DEPOTS) <= text
    assert {"市级储备库", "县级储备库", "医疗机构", "协议储备"} <= text
    assert {"430422", "衡南县", "衡阳市卫生健康委员会", "HY-CK99"} <= text

    importer.write_template("items", path)  # no database: the shipped reference data
    text = {str(c.value) for row in openpyxl.load_workbook(path)["说明"].iter_rows() for c in row}
    assert {"防护用品", "药品", "常温", "冷链"} <= text

    importer.write_template("stock", path, db)  # depots and items of the open database
    text = {str(c.value) for row in openpyxl.load_workbook(path)["说明"].iter_rows() for c in row}
    assert {"CK1", "YY1", "KZ", "HXJ", "采购", "退库"} <= text


# ---------------------------------------------------------------- bad input

GOOD = ["CK1", "HXJ", "H1", None, None, 5, None, None]
CASES = {
    "missing required column": (
        "stock", ["仓库编码", "物资编码", "批号", "有效期至"], [["CK1", "HXJ", "H1", None]],
        [(1, "数量")],
    ),
    "unknown column": ("stock", [*STOCK, "备注"], [[*GOOD, "x"]], [(1, "备注")]),
    "the same column twice": ("stock", [*STOCK, "数量"], [[*GOOD, 5]], [(1, "数量")]),
    "bad date": ("stock", STOCK, [GOOD, ["CK1", "KZ", "K1", None, "2026-13-45", 5, None, None]],
                 [(3, "有效期至")]),
    "non-integer quantity": ("stock", STOCK, [GOOD, [*GOOD[:5], 1.5, None, None]], [(3, "数量")]),
    "text quantity": ("stock", STOCK, [GOOD, [*GOOD[:5], "十", None, None]], [(3, "数量")]),
    "negative quantity": ("stock", STOCK, [GOOD, [*GOOD[:5], -5, None, None]], [(3, "数量")]),
    "zero quantity": ("stock", STOCK, [GOOD, [*GOOD[:5], 0, None, None]], [(3, "数量")]),
    "unknown depot": ("stock", STOCK, [GOOD, ["CK9", *GOOD[1:]]], [(3, "仓库编码")]),
    "unknown item": ("stock", STOCK, [GOOD, ["CK1", "NOPE", *GOOD[2:]]], [(3, "物资编码")]),
    "empty batch": ("stock", STOCK, [GOOD, ["CK1", "HXJ", "  ", *GOOD[3:]]], [(3, "批号")]),
    "expiry missing for a new lot of an item managed by expiry": (
        "stock", STOCK, [GOOD, ["CK1", "KZ", "K1", None, None, 5, None, None]], [(3, "有效期至")],
    ),
    "expiry mismatch with the existing lot": (
        "stock", STOCK, [GOOD, ["CK1", "KZ", "OLD", None, "2030-01-02", 5, None, None]],
        [(3, "有效期至")],
    ),
    "produced after expiry": (
        "stock", STOCK, [GOOD, ["CK1", "KZ", "K1", "2031-01-01", "2030-01-01", 5, None, None]],
        [(3, "生产日期")],
    ),
    "bad source": ("stock", STOCK, [GOOD, [*GOOD[:7], "偷来"]], [(3, "来源")]),
    "several bad cells in one row": (
        "stock", STOCK, [GOOD, ["CK9", "NOPE", "B", "昨天", None, -1, None, "x"]],
        [(3, "仓库编码"), (3, "物资编码"), (3, "生产日期"), (3, "数量"), (3, "来源")],
    ),
    "unknown category": (
        "items", ITEMS, [["A1", "甲", "", "个", "防护用品", "是", "常温"],
                         ["A2", "乙", "", "个", "火箭", "是", "常温"]], [(3, "物资类别")],
    ),
    "bad 是/否": (
        "items", ITEMS, [["A1", "甲", "", "个", "防护用品", "是", "常温"],
                         ["A2", "乙", "", "个", "药品", "也许", "常温"]], [(3, "效期管理")],
    ),
    "bad storage": (
        "items", ITEMS, [["A1", "甲", "", "个", "防护用品", "是", "常温"],
                         ["A2", "乙", "", "个", "药品", "否", "冷冻"]], [(3, "储存条件")],
    ),
    "duplicate code in the file": (
        "items", ITEMS, [["A1", "甲", "", "个", "防护用品", "是", "常温"],
                         ["A1", "乙", "", "个", "药品", "否", "常温"]], [(3, "物资编码")],
    ),
    "empty required cells": (
        "items", ITEMS, [["A1", "甲", "", "个", "防护用品", "是", "常温"],
                         ["A2", None, "", "", "防护用品", "是", "常温"]],
        [(3, "物资名称"), (3, "计量单位")],
    ),
    "unknown division": (
        "depots", DEPOTS, [["D1", "甲库", "430422", "", "县级储备库", "", "", ""],
                           ["D2", "乙库", "439999", "", "县级储备库", "", "", ""]],
        [(3, "所属区划")],
    ),
    "unknown agency": (
        "depots", DEPOTS, [["D1", "甲库", "430422", "衡南县卫健局", "县级储备库", "", "", ""],
                           ["D2", "乙库", "430422", "火星局", "县级储备库", "", "", ""]],
        [(3, "管理单位")],
    ),
    "unknown depot level": (
        "depots", DEPOTS, [["D1", "甲库", "430422", "", "县级储备库", "", "", ""],
                           ["D2", "乙库", "430422", "", "乡级库", "", "", ""]], [(3, "仓库级别")],
    ),
    "bad phone": (
        "depots", DEPOTS, [["D1", "甲库", "430422", "", "县级储备库", "", "", "0734-1"],
                           ["D2", "乙库", "430422", "", "县级储备库", "", "", "call me"]],
        [(3, "联系电话")],
    ),
    "duplicate depot code": (
        "depots", DEPOTS, [["D1", "甲库", "430422", "", "县级储备库", "", "", ""],
                           ["D1", "乙库", "430422", "", "县级储备库", "", "", ""]],
        [(3, "仓库编码")],
    ),
    "negative norm": ("norms", NORMS, [["CK1", "KZ", 10], ["CK1", "HXJ", -1]], [(3, "储备定额")]),
    "unknown depot and item in norms": (
        "norms", NORMS, [["CK1", "KZ", 10], ["CK9", "NOPE", 5]], [(3, "仓库编码"), (3, "物资编码")],
    ),
    "the same norm twice": (
        "norms", NORMS, [["CK1", "KZ", 10], ["CK1", "KZ", 20]], [(3, "物资编码")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_where_it_is_and_nothing_is_imported(db, tmp_path, case):
    kind, header, rows, expected = CASES[case]
    stock.receive(db, KEEPER, "CK1", "KZ", "OLD", 1, expiry="2030-01-01")
    path = xlsx(tmp_path / "in.xlsx", header, rows)
    before = snapshot(db)

    checked = importer.validate(db, kind, path)
    report = importer.run(db, KEEPER, kind, path)

    assert cells(report) == expected, report.errors
    assert cells(checked) == expected
    assert all(e.reason for e in report.errors)
    assert report.imported == 0 and not report.ok
    assert snapshot(db) == before


def test_skip_invalid_imports_exactly_the_good_rows(db, tmp_path):
    rows = [
        ["CK1", "HXJ", "H1", None, None, 5, None, None],
        ["CK1", "HXJ", "H2", None, None, "五", None, None],  # row 3: bad quantity
        ["YY1", "KZ", "K1", None, LATER, 7, None, "退库"],
        ["CK9", "KZ", "K1", None, LATER, 9, None, None],  # row 5: unknown depot
        ["YY1", "KZ", "K2", None, None, 11, None, None],  # row 6: new lot without expiry
        ["CK1", "KZ", "K1", None, None, 13, None, None],  # lot K1 from row 4 counts
    ]
    path = xlsx(tmp_path / "in.xlsx", STOCK, rows)
    before = snapshot(db)
    report = importer.run(db, KEEPER, "stock", path, skip_invalid=True)
    assert cells(report) == [(3, "数量"), (5, "仓库编码"), (6, "有效期至")]
    assert (report.total, report.imported, report.skipped) == (6, 3, 3)
    after = snapshot(db)
    assert after["stock_move"] - before["stock_move"] == 3
    assert after["lot"] - before["lot"] == 2  # H1 and K1
    assert (
        held(db, "CK1", "HXJ") == 5 and held(db, "YY1", "KZ") == 7 and held(db, "CK1", "KZ") == 13
    )
    assert catalog.lot_by_batch(db, catalog.item_by_code(db, "KZ")["id"], "K2") is None


def test_header_errors_stop_the_import_even_with_skip_invalid(db, tmp_path):
    path = xlsx(tmp_path / "in.xlsx", [*STOCK, "有效期"], [[*GOOD, "2030-01-01"]])
    before = snapshot(db)
    report = importer.run(db, KEEPER, "stock", path, skip_invalid=True)
    assert cells(report) == [(1, "有效期")] and report.imported == 0
    assert snapshot(db) == before


def test_data_on_a_later_sheet_is_named_when_the_first_sheet_has_none_of_it(db, tmp_path):
    """A cover or 说明 sheet put first: the refusal names the sheet that holds the data, not
    the cover's header; nothing is imported. A later sheet of other data adds nothing."""
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表为2026年度储备物资入库清单"])
    data = book.create_sheet("入库")
    data.append(STOCK)
    data.append(GOOD)
    book.save(tmp_path / "cover.xlsx")
    before = snapshot(db)
    report = importer.run(db, KEEPER, "stock", tmp_path / "cover.xlsx")
    [error] = report.errors
    assert (error.row, error.column) == (1, "说明") and "入库" in error.reason
    assert report.imported == 0 and snapshot(db) == before
    book.remove(data)
    book.create_sheet("备注").append(["备注", "说明"])
    book.save(tmp_path / "cover.xlsx")
    report = importer.run(db, KEEPER, "stock", tmp_path / "cover.xlsx")
    assert not any("入库" in e.reason or "备注" in e.reason for e in report.errors)
    assert cells(report)[0] == (1, "本表为2026年度储备物资入库清单")


def test_a_hidden_row_is_reported_not_imported_unseen(db, tmp_path):
    """A row hidden in Excel (a line someone meant to drop) was booked without a word."""
    path = xlsx(tmp_path / "in.xlsx", STOCK, [GOOD, ["CK1", "HXJ", "H2", None, None, 900,
                                                     None, None]])  # fmt: skip
    book = openpyxl.load_workbook(path)
    book.active.row_dimensions[3].hidden = True
    book.save(path)
    before = snapshot(db)
    report = importer.run(db, KEEPER, "stock", path)
    assert [(e.row, e.column) for e in report.errors] == [(3, "仓库编码")]
    assert "hidden" in report.errors[0].reason or "隐藏" in report.errors[0].reason
    assert report.imported == 0 and snapshot(db) == before
    report = importer.run(db, KEEPER, "stock", path, skip_invalid=True)
    assert report.imported == 1 and report.skipped == 1


def test_a_required_cell_under_merged_cells_says_so(db, tmp_path):
    """CK1 shown across A2:A3 belongs to A2 alone: row 3 said its depot was empty."""
    path = xlsx(tmp_path / "in.xlsx", STOCK, [GOOD, [None, "HXJ", "H2", None, None, 5,
                                                     None, None]])  # fmt: skip
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("A2:A3")
    book.save(path)
    [error] = importer.validate(db, "stock", path).errors
    assert (error.row, error.column) == (3, "仓库编码") and "A2:A3" in error.reason


def test_an_existing_code_updates_the_item_and_empty_optional_cells_keep_values(db, tmp_path):
    path = xlsx(
        tmp_path / "in.xlsx",
        ITEMS,
        [["KZ", "医用防护口罩（N95）", None, "只", "防护用品", None, None]],
    )
    items_before = db.execute("SELECT count(*) FROM item").fetchone()[0]
    report = importer.run(db, KEEPER, "items", path)
    assert report.ok and report.imported == 1
    item = catalog.item_by_code(db, "KZ")
    assert item["name"] == "医用防护口罩（N95）"
    assert item["spec"] == "原规格" and item["shelf_life"] == 1  # kept
    assert db.execute("SELECT count(*) FROM item").fetchone()[0] == items_before


def test_an_existing_code_updates_the_depot(db, tmp_path):
    row = ["CK1", "市级库（新）", "430400", "市卫生健康委", "市级储备库", "", "", "13900000001"]
    path = xlsx(tmp_path / "in.xlsx", DEPOTS, [row])
    report = importer.run(db, KEEPER, "depots", path)
    assert report.ok
    depot = catalog.depot_by_code(db, "CK1")
    assert depot["name"] == "市级库（新）" and depot["phone"] == "13900000001"
    assert depot["agency_id"] == catalog.agency_by_name(db, "HY-WJW")["id"]


def test_norms_replace_existing_ones(db, tmp_path):
    path = xlsx(tmp_path / "n.xlsx", NORMS, [["CK1", "KZ", 100]])
    assert importer.run(db, KEEPER, "norms", path).ok
    path = xlsx(tmp_path / "n.xlsx", NORMS, [["CK1", "KZ", 250.0], ["YY1", "KZ", "0"]])
    assert importer.run(db, KEEPER, "norms", path).ok
    assert sorted(r[0] for r in db.execute("SELECT qty FROM norm")) == [0, 250]


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_and_gb18030(db, tmp_path, encoding):
    path = tmp_path / "stock.csv"
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(STOCK)
        writer.writerow(["CK1", "KZ", "批号甲", "2026/1/5", "2030/3/1", "1,000", "某某厂", "捐赠"])
        writer.writerow([])
        writer.writerow(["CK1", "KZ", "批号乙", "", "2030-3-1", "x", "", ""])
    report = importer.run(db, KEEPER, "stock", path, skip_invalid=True)
    assert cells(report) == [(4, "数量")]  # the empty line is row 3, as Excel shows it
    assert report.imported == 1 and held(db, "CK1", "KZ") == 1000
    lot = catalog.lot_by_batch(db, catalog.item_by_code(db, "KZ")["id"], "批号甲")
    assert (lot["produced_on"], lot["expires_on"]) == ("2026-01-05", "2030-03-01")


def test_dates_from_excel_cells_serials_and_text(db, tmp_path):
    rows = [
        ["CK1", "KZ", "A", datetime(2026, 3, 1, 0, 0), datetime(2030, 3, 1), 1, None, None],
        ["CK1", "KZ", "B", None, date(2030, 3, 1), 1, None, None],
        ["CK1", "KZ", "C", None, 47543, 1, None, None],  # a serial: cell formatted as number
        ["CK1", "KZ", "D", None, "2030/3/1", 1, None, None],
        ["CK1", "KZ", "E", None, "2030年3月1日", 1, None, None],
        ["CK1", "KZ", "F", None, 20300301, 1, None, None],
        ["CK1", "KZ", "G", None, "2030-03-01 00:00:00", 1.0, None, None],
        ["CK1", "KZ", "FW", None, "２０３０年３月１日", 1, None, None],  # full-width digits
    ]
    path = xlsx(tmp_path / "in.xlsx", STOCK, rows)
    report = importer.run(db, KEEPER, "stock", path)
    assert report.ok, report.errors
    expiries = {
        r[0]: r[1] for r in db.execute("SELECT batch_no, expires_on FROM lot WHERE batch_no < 'H'")
    }
    assert expiries == dict.fromkeys(["A", "B", "C", "D", "E", "F", "FW", "G"], "2030-03-01")
    assert held(db, "CK1", "KZ") == 8


def test_a_shelf_life_or_a_year_in_a_date_column_is_refused_not_read_as_the_1900s(db, tmp_path):
    """36 (months) or 2029 in 有效期至 would be 1900-02-05 and 1905-07-21 as Excel counts
    days: refused with what it would have been; nothing is written."""
    rows = [
        ["CK1", "KZ", "S1", None, 36, 5, None, None],
        ["CK1", "KZ", "S2", None, 2029, 5, None, None],
        ["CK1", "KZ", "S3", 12, 47543, 5, None, None],
    ]
    report = importer.run(db, KEEPER, "stock", xlsx(tmp_path / "in.xlsx", STOCK, rows))
    assert cells(report) == [(2, "有效期至"), (3, "有效期至"), (4, "生产日期")]
    assert "1905-07-21" in report.errors[1].reason and "2029" in report.errors[1].reason
    assert held(db, "CK1", "KZ") == 0


def test_zero_width_characters_at_the_ends_of_a_cell_are_not_part_of_it(db, tmp_path):
    """Pasted from a web page or a chat: "\u200b" alone is an empty cell, "H03\u200b" is
    the lot H03 — not a lot of its own that looks the same."""
    rows = [
        ["CK1", "KZ", "\u200b", None, "2030-01-01", 5, None, None],
        ["CK1", "KZ\u200b", "H03\u200b", None, "2030-01-01", 5, None, None],
        ["\ufeffCK1", "KZ", "\u200bH03 ", None, "2030-01-01", 7, None, None],
    ]
    report = importer.run(
        db, KEEPER, "stock", xlsx(tmp_path / "in.xlsx", STOCK, rows), skip_invalid=True
    )
    assert cells(report) == [(2, "批号")] and report.imported == 2
    assert [r[0] for r in db.execute("SELECT batch_no FROM lot WHERE batch_no LIKE '%H03%'")] == [
        "H03"
    ]
    assert held(db, "CK1", "KZ") == 12


def test_a_receipt_repeated_in_one_file_is_refused_as_in_another_file(db, tmp_path):
    """A row pasted twice would double the stock: refused naming the first, as the same
    receipt in a second file is; the same lot with another quantity is another receipt."""
    row = ["CK1", "KZ", "DUP1", "2026-03-01", "2030-01-01", 50, None, None]
    other = ["CK1", "KZ", "DUP1", "2026-03-01", "2030-01-01", 20, None, None]
    path = xlsx(tmp_path / "in.xlsx", STOCK, [row, other, row])
    report = importer.run(db, KEEPER, "stock", path)
    assert cells(report) == [(4, "数量")] and "2" in report.errors[0].reason
    assert not report.ok and held(db, "CK1", "KZ") == 0
    report = importer.run(db, KEEPER, "stock", path, skip_invalid=True)
    assert report.imported == 2 and held(db, "CK1", "KZ") == 70


def test_a_refusal_names_a_value_its_example_happens_to_contain(db, tmp_path):
    """ "2026-03" is part of the example 2026-03-01 the reason gives: still named."""
    rows = [["CK1", "KZ", "V1", "2026-03", "2030-01-01", 5, None, None]]
    report = importer.run(db, KEEPER, "stock", xlsx(tmp_path / "in.xlsx", STOCK, rows))
    assert cells(report) == [(2, "生产日期")]
    assert report.errors[0].reason.startswith("“2026-03”"), report.errors[0].reason


def test_the_unit_of_an_item_already_counted_cannot_change(db, tmp_path):
    """7382 只 would become 7382 箱: refused once a movement (or a norm, a transfer, an order
    line) counts the item; an item nothing counts yet may still change its unit."""
    stock = [["CK1", "KZ", "U1", None, "2030-01-01", 100, None, None]]
    assert importer.run(db, KEEPER, "stock", xlsx(tmp_path / "s.xlsx", STOCK, stock)).ok
    rows = [["KZ", "医用防护口罩", "", "箱", "防护用品", "是", ""],
            ["HXJ", "呼吸机", "", "套", "医疗设备", "否", ""]]  # fmt: skip
    report = importer.run(db, KEEPER, "items", xlsx(tmp_path / "i.xlsx", ITEMS, rows))
    assert cells(report) == [(2, "计量单位")] and "只" in report.errors[0].reason
    assert catalog.item_by_code(db, "KZ")["unit"] == "只"
    report = importer.run(db, KEEPER, "items", xlsx(tmp_path / "j.xlsx", ITEMS, rows[1:]))
    assert report.ok and catalog.item_by_code(db, "HXJ")["unit"] == "套"
    item = catalog.item_by_code(db, "KZ")
    with pytest.raises(Invalid, match="只"):
        catalog.save_item(db, KEEPER, {**item, "unit": "箱"}, item["id"])


def test_values_under_a_column_without_a_header_are_not_dropped_silently(db, tmp_path):
    """The second cell of a merged 有效期至 header, or a column past the header: the import
    stops naming the column and the first row with a value there; an empty one is fine."""
    header = ["仓库编码", "物资编码", "批号", "有效期至", "", "数量", ""]
    rows = [["CK1", "KZ", "M1", None, "2030-01-01", 5, None],
            ["CK1", "KZ", "M2", "2030-01-01", None, 5, None, "备注"]]  # fmt: skip
    report = importer.run(db, KEEPER, "stock", xlsx(tmp_path / "m.xlsx", header, rows))
    assert cells(report)[:2] == [(1, "E"), (1, "H")], report.errors
    assert "3" in report.errors[1].reason and held(db, "CK1", "KZ") == 0
    header = ["仓库编码", "物资编码", "批号", "有效期至", "", "数量"]
    rows = [["CK1", "KZ", "M3", "2030-01-01", None, 5]]
    assert importer.run(db, KEEPER, "stock", xlsx(tmp_path / "n.xlsx", header, rows)).ok


def test_a_date_followed_by_what_is_no_time_is_refused_not_read_as_midnight():
    from desktop.core import values

    assert (
        values.date_iso("2030-03-01 00:00:00")
        == values.date_iso("2030-03-01T08:30")
        == ("2030-03-01")
    )
    for bad in ("2030-03-01T99:99", "2030-03-01Tfoo", "2030-03-01 24:00", "2030-03-01 x"):
        with pytest.raises(values.BadValue):
            values.date_iso(bad)
        with pytest.raises(values.BadValue):
            values.time_iso(bad, "时间")


def test_english_column_names_and_marked_headers_are_accepted(db, tmp_path):
    header = ["depot code", "Item_Code", "Batch", "Expiry Date", "Quantity"]
    path = xlsx(tmp_path / "in.xlsx", header, [["CK1", "KZ", "E1", "2030-01-01", 3]])
    assert importer.run(db, KEEPER, "stock", path).ok
    path = xlsx(
        tmp_path / "in2.xlsx", ["仓库编码*", "物资编码（必填）", "储备定额"], [["CK1", "KZ", 3]]
    )
    assert importer.run(db, KEEPER, "norms", path).ok


def test_row_numbers_count_the_empty_rows_the_user_sees(db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(STOCK)
    sheet.append(GOOD)
    sheet.cell(row=6, column=1, value="CK9")  # rows 3-5 empty; row 6 bad
    for col, value in enumerate(GOOD[1:], start=2):
        sheet.cell(row=6, column=col, value=value)
    book.save(tmp_path / "gaps.xlsx")
    report = importer.validate(db, "stock", tmp_path / "gaps.xlsx")
    assert cells(report) == [(6, "仓库编码")] and report.total == 2


def test_sheets_without_or_with_a_wrong_dimension_are_read_whole(db, tmp_path):
    import re
    import zipfile

    rows = [["CK1", "HXJ", f"W{i}", None, None, 1, None, None] for i in range(30)]
    streamed = tmp_path / "streamed.xlsx"  # write-only files have no <dimension>
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("s")
    for row in [STOCK, *rows]:
        sheet.append(row)
    book.save(streamed)
    header, found = spreadsheet.read_rows(streamed)
    assert header == STOCK and found.estimate == 30 and len(list(found)) == 30

    normal = xlsx(tmp_path / "normal.xlsx", STOCK, rows)
    wrong = tmp_path / "wrong.xlsx"  # some programs write <dimension ref="A1"/>
    with zipfile.ZipFile(normal) as src, zipfile.ZipFile(wrong, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data, n = re.subn(rb'<dimension ref="A1:H31"\s*/>', b'<dimension ref="A1"/>', data)
                assert n == 1
            dst.writestr(info, data)
    report = importer.run(db, KEEPER, "stock", wrong)
    assert report.ok and report.imported == 30


def test_expired_stock_is_imported_and_shows_among_the_alerts(db, tmp_path):
    from desktop.core.reserves import alerts

    past = (TODAY - timedelta(days=10)).isoformat()
    path = xlsx(tmp_path / "in.xlsx", STOCK, [["CK1", "KZ", "OLDLOT", None, past, 20, None, None]])
    assert importer.run(db, KEEPER, "stock", path).ok
    assert [a["lot"] for a in alerts.compute(db)["expired"]] == ["OLDLOT"]


def test_files_other_than_xlsx_and_csv_are_refused(db, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"not really")
    with pytest.raises(BioError):
        importer.validate(db, "stock", path)
    with pytest.raises(BioError):
        importer.validate(db, "stock", tmp_path / "missing.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK not a zip")
    with pytest.raises(BioError):
        importer.validate(db, "stock", broken)
    with pytest.raises(BioError):
        importer.validate(db, "widgets", broken)


# ---------------------------------------------------------------- progress and cancel


def test_progress_is_reported_and_cancel_imports_nothing(db, tmp_path):
    rows = [["CK1", "HXJ", f"P{i}", None, None, 1, None, None] for i in range(1200)]
    path = xlsx(tmp_path / "in.xlsx", STOCK, rows)
    calls = []
    report = importer.run(db, KEEPER, "stock", path, progress=lambda d, t: calls.append((d, t)))
    assert report.imported == 1200
    assert (500, 1200) in calls and (1200, 1200) in calls
    assert all(d <= t for d, t in calls)

    def cancel(done, total):
        if done >= 1000:
            raise importer.Cancelled()

    before = snapshot(db)
    with pytest.raises(importer.Cancelled):
        importer.run(
            db, KEEPER, "stock", xlsx(tmp_path / "again.xlsx", STOCK, rows), progress=cancel
        )
    assert snapshot(db) == before

    # cancelled while writing (the second pass over the rows)
    seen = []

    def cancel_writing(done, total):
        seen.append(done)
        if len(seen) > 4 and done >= 500:
            raise importer.Cancelled()

    with pytest.raises(importer.Cancelled):
        importer.run(
            db, KEEPER, "stock", tmp_path / "again.xlsx", progress=cancel_writing, again=True
        )  # the same receipts again, on purpose: cancelled while writing
    assert snapshot(db) == before


# ---------------------------------------------------------------- property


BAD = ("fraction", "negative", "zero", "depot", "item", "date", "source", "batch", "no_expiry")


def row_for(i, defect, depot, item, pool, qty):
    """A stock row, good (defect None) or with exactly one defect."""
    batch = f"P{pool}" if pool is not None else f"U{i}"
    expiry = LATER.isoformat() if item == "KZ" else None
    row = [depot, item, batch, None, expiry, qty, None, None]
    if defect == "fraction":
        row[5] = qty + 0.5
    elif defect == "negative":
        row[5] = -qty
    elif defect == "zero":
        row[5] = 0
    elif defect == "depot":
        row[0] = "CK-NONE"
    elif defect == "item":
        row[1] = "NONE"
    elif defect == "date":
        row[4] = "2030-02-30"
    elif defect == "source":
        row[7] = "借来"
    elif defect == "batch":
        row[2] = None
    elif defect == "no_expiry":
        row[1], row[2], row[4] = "KZ", f"NEW{i}", None
    return row


ROWS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.none(), st.sampled_from(BAD)),
        st.sampled_from(["CK1", "YY1"]),
        st.sampled_from(["KZ", "HXJ"]),
        st.one_of(st.none(), st.integers(0, 2)),
        st.integers(1, 10_000),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=ROWS)
def test_property_exactly_the_bad_rows_are_reported_and_the_good_ones_imported(
    db_path, db, tmp_path, spec
):
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    work = dbmod.open_db(copy)
    try:
        rows = [row_for(i, *s) for i, s in enumerate(spec)]
        path = xlsx(tmp_path / "p.xlsx", STOCK, rows)
        report = importer.run(work, KEEPER, "stock", path, skip_invalid=True)
        bad_rows = {i + 2 for i, s in enumerate(spec) if s[0] is not None}
        seen: set[tuple] = set()  # a good row the same as an earlier good one: a repeat
        for i, s in enumerate(spec):
            if s[0] is None:
                if tuple(rows[i]) in seen:
                    bad_rows.add(i + 2)
                seen.add(tuple(rows[i]))
        assert {e.row for e in report.errors} == bad_rows
        assert report.skipped == len(bad_rows) and report.imported == len(spec) - len(bad_rows)
        expected = {}
        for i, s in enumerate(spec):
            if i + 2 not in bad_rows:
                expected[(s[1], s[2])] = expected.get((s[1], s[2]), 0) + s[4]
        for depot in ("CK1", "YY1"):
            for item in ("KZ", "HXJ"):
                assert held(work, depot, item) == expected.get((depot, item), 0)
    finally:
        work.close()
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"copy.db{suffix}").unlink(missing_ok=True)
