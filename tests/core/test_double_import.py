"""Imports remembered: the same file, or the same stock receipts in another file, are
refused the second time (when, by whom, nothing written) unless imported again on purpose;
and every import error shows the bad value itself."""

import shutil

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.reserves import catalog, ledger

KEEPER = Ctx("os:keeper")
CLERK = Ctx("os:clerk")
STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
NORMS = ["仓库编码", "物资编码", "储备定额"]
RECEIPTS = [
    ["CK1", "KZ", "B1", "2026-01-05", "2030-01-01", 100, "某厂", "采购"],
    ["CK1", "KZ", "B2", None, "2030-06-01", 50, None, None],
]


@pytest.fixture
def db(fresh_db):
    """A fresh station with a depot and an item managed by expiry."""
    depot = {"code": "CK1", "name": "市级库", "level": "市级储备库", "division": "430400"}
    catalog.save_depot(fresh_db, KEEPER, depot)
    catalog.save_item(
        fresh_db,
        KEEPER,
        {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "防护用品",
         "shelf_life": True},
    )  # fmt: skip
    return fresh_db


def xlsx(path, header, rows):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def held(db) -> int:
    return sum(r["qty"] for r in ledger.balances(db, "CK1", "KZ", by_lot=True))


def state(db) -> tuple:
    """What an import may change, the record of imports included."""
    return db.execute(
        "SELECT (SELECT count(*) FROM oplog), (SELECT count(*) FROM stock_move), "
        "(SELECT count(*) FROM import_log), (SELECT count(*) FROM import_row)"
    ).fetchone()


def test_the_same_file_twice_is_refused_saying_when_and_by_whom(db, tmp_path):
    path = xlsx(tmp_path / "入库单.xlsx", STOCK, RECEIPTS)
    assert importer.run(db, KEEPER, "stock", path).imported == 2
    before = state(db)
    with pytest.raises(importer.ImportedBefore) as refused:
        importer.run(db, CLERK, "stock", path)
    assert state(db) == before and held(db) == 150
    [earlier] = refused.value.earlier
    assert earlier.same_file and earlier.actor == "os:keeper" and earlier.rows == 2
    message = str(refused.value)
    assert "入库单.xlsx" in message and "keeper" in message and "os:" not in message
    assert earlier.at[:10] in message  # the day it was imported


def test_a_copy_under_another_name_is_the_same_file(db, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", STOCK, RECEIPTS)
    importer.run(db, KEEPER, "stock", path)
    copy = shutil.copy(path, tmp_path / "b.xlsx")
    with pytest.raises(importer.ImportedBefore) as refused:
        importer.run(db, KEEPER, "stock", copy)
    message = str(refused.value)  # names the file imported before, not only this copy
    assert "a.xlsx" in message and "b.xlsx" in message
    assert message.index("b.xlsx") < message.index("a.xlsx")


def test_the_same_receipts_in_another_file_are_caught_by_their_batches(db, tmp_path):
    importer.run(db, KEEPER, "stock", xlsx(tmp_path / "一月.xlsx", STOCK, RECEIPTS))
    new = ["CK1", "KZ", "B3", None, "2031-01-01", 10, None, None]
    other = tmp_path / "二月.csv"  # another format, another row: only the batches match
    other.write_text(
        "\n".join(",".join("" if v is None else str(v) for v in r) for r in [STOCK, new, *RECEIPTS])
        + "\n",
        encoding="utf-8",
    )
    before = state(db)
    with pytest.raises(importer.ImportedBefore) as refused:
        importer.run(db, KEEPER, "stock", other)
    assert state(db) == before
    assert (refused.value.matching, refused.value.total) == (2, 3)
    assert not refused.value.earlier[0].same_file
    assert "一月.xlsx" in str(refused.value) and "2" in str(refused.value)


def test_another_quantity_or_batch_is_another_receipt(db, tmp_path):
    importer.run(db, KEEPER, "stock", xlsx(tmp_path / "a.xlsx", STOCK, RECEIPTS))
    more = [[*RECEIPTS[0][:5], 101, None, None], ["CK1", "KZ", "B9", None, "2030-01-01", 100]]
    assert importer.run(db, KEEPER, "stock", xlsx(tmp_path / "b.xlsx", STOCK, more)).imported == 2
    assert held(db) == 150 + 201


def test_imported_again_on_purpose_and_remembered_again(db, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", STOCK, RECEIPTS)
    importer.run(db, KEEPER, "stock", path)
    assert importer.run(db, CLERK, "stock", path, again=True).imported == 2
    assert held(db) == 300
    with pytest.raises(importer.ImportedBefore) as refused:
        importer.run(db, KEEPER, "stock", path)
    assert [e.actor for e in refused.value.earlier] == ["os:clerk", "os:keeper"]  # newest first
    assert "clerk" in str(refused.value)


def test_a_refused_or_checked_file_is_not_remembered(db, tmp_path):
    bad = xlsx(tmp_path / "bad.xlsx", STOCK, [[*RECEIPTS[0][:5], 12.5, None, None]])
    assert importer.run(db, KEEPER, "stock", bad).imported == 0
    good = xlsx(tmp_path / "good.xlsx", STOCK, RECEIPTS)
    assert importer.validate(db, "stock", good).ok
    assert state(db)[2:] == (0, 0)
    assert importer.run(db, KEEPER, "stock", good).imported == 2  # not refused


def test_cancelled_while_writing_remembers_nothing(db, tmp_path):
    rows = [["CK1", "KZ", f"P{i}", None, "2030-01-01", 1, None, None] for i in range(1200)]
    path = xlsx(tmp_path / "big.xlsx", STOCK, rows)
    seen = []

    def cancel_writing(done, total):
        seen.append(done)
        if len(seen) > 4 and done >= 500:
            raise importer.Cancelled()

    with pytest.raises(importer.Cancelled):
        importer.run(db, KEEPER, "stock", path, progress=cancel_writing)
    assert state(db)[2:] == (0, 0)
    assert importer.run(db, KEEPER, "stock", path).imported == 1200


def test_skipped_rows_are_not_remembered_as_imported(db, tmp_path):
    rows = [RECEIPTS[0], [*RECEIPTS[1][:5], "很多", None, None]]
    report = importer.run(db, KEEPER, "stock", xlsx(tmp_path / "a.xlsx", STOCK, rows), True)
    assert report.imported == 1
    fixed = xlsx(tmp_path / "fixed.xlsx", STOCK, [RECEIPTS[1]])
    assert importer.run(db, KEEPER, "stock", fixed).imported == 1  # the fixed row alone


def test_other_kinds_remember_the_file(db, tmp_path):
    path = xlsx(tmp_path / "定额.xlsx", NORMS, [["CK1", "KZ", 500]])
    importer.run(db, KEEPER, "norms", path)
    with pytest.raises(importer.ImportedBefore):
        importer.run(db, KEEPER, "norms", path)
    changed = xlsx(tmp_path / "定额.xlsx", NORMS, [["CK1", "KZ", 600]])  # same name, new values
    assert importer.run(db, KEEPER, "norms", changed).ok


# ---------------------------------------------------------------- the bad value in each error


def reasons(db, tmp_path, kind, header, rows) -> dict[tuple[int, str], str]:
    report = importer.validate(db, kind, xlsx(tmp_path / f"{kind}.xlsx", header, rows))
    return {(e.row, e.column): e.reason for e in report.errors}


def test_stock_errors_show_the_value(db, tmp_path):
    found = reasons(
        db,
        tmp_path,
        "stock",
        STOCK,
        [["CK9", "KZ", "B1", "明天", "2030-13-01", 12.5, None, "偷来"],
         ["CK1", "KZ", "B2", None, "2030-01-01", "-3", None, None]],
    )  # fmt: skip
    assert found[(2, "数量")] == "“12.5” 不是整数。"
    assert "“明天”" in found[(2, "生产日期")] and "“2030-13-01”" in found[(2, "有效期至")]
    assert "“偷来”" in found[(2, "来源")] and "CK9" in found[(2, "仓库编码")]
    assert found[(3, "数量")].startswith("“-3”")


def test_an_error_across_rows_shows_the_value_too(db, tmp_path):
    importer.run(db, KEEPER, "stock", xlsx(tmp_path / "a.xlsx", STOCK, RECEIPTS))
    found = reasons(
        db, tmp_path, "stock", STOCK, [["CK1", "KZ", "B1", "2031-02-01", "2030-01-01", 1]]
    )
    assert "2031-02-01" in found[(2, "生产日期")] or "2030-01-01" in found[(2, "有效期至")]


def test_items_depots_norms_and_experts_errors_show_the_value(db, tmp_path):
    items = reasons(
        db,
        tmp_path,
        "items",
        ["物资编码", "物资名称", "计量单位", "物资类别", "效期管理", "储存条件"],
        [["KZ2", "口罩", "只", "食品", "也许", "冷冻"]],
    )
    assert [items[(2, c)].split("”")[0] for c in ("效期管理", "储存条件")] == ["“也许", "“冷冻"]
    assert "食品" in items[(2, "物资类别")]
    depots = reasons(
        db,
        tmp_path,
        "depots",
        ["仓库编码", "仓库名称", "所属区划", "仓库级别", "联系电话"],
        [["CK2", "库", "999999", "宇宙级", "abc"]],
    )
    assert all(v in depots[(2, c)] for c, v in
               (("所属区划", "999999"), ("仓库级别", "宇宙级"), ("联系电话", "abc")))  # fmt: skip
    norms = reasons(db, tmp_path, "norms", NORMS, [["CK1", "KZ", "1.5"]])
    assert norms[(2, "储备定额")] == "“1.5” 不是整数。"
    experts = reasons(
        db,
        tmp_path,
        "experts",
        ["姓名", "性别", "工作单位", "专业领域", "手机", "证书有效期至", "资质证书"],
        [["张三", "未知", "某单位", "占星术", "12345", "明年", "证书"],
         ["李四", "男", "某单位", "流行病学", "13800001234", None, None],
         ["李四", "男", "某单位", "流行病学", "13800001234", None, None]],
    )  # fmt: skip
    assert experts[(2, "性别")].startswith("“未知”") and "占星术" in experts[(2, "专业领域")]
    assert "12345" in experts[(2, "手机")] and "“明年”" in experts[(2, "证书有效期至")]
    assert experts[(4, "手机")].startswith("“138****1234”")  # a mobile number masked


def test_a_long_value_or_a_control_character_is_shown_safely(db, tmp_path):
    row = ["CK1", "KZ", "B1", None, "2030-01-01", "9" * 100 + "x", "a_x001B_b"]
    found = reasons(db, tmp_path, "stock", STOCK, [row])
    assert found[(2, "数量")].startswith("“" + "9" * 60 + "…”")
    assert "“a?b”" in found[(2, "生产厂家")]
