"""Templates, imports and the export on the command line: exit codes, stderr, --json."""

import csv
import json

import openpyxl
import pytest

from tests.helpers.cli import invoke

STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]


@pytest.fixture
def bio(capsys, fresh_db, db_path):
    """bioreserve … on a new station (reference data, no demo data)."""

    def call(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    return call


def filled(path, kind, rows, bio):
    """The template from the CLI, filled in like a user would."""
    assert bio("template", kind, "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    for row in rows:
        book.worksheets[0].append(row)
    book.save(path)
    return path


def test_template_for_every_kind_with_and_without_a_database(bio, capsys, tmp_path):
    for kind in ("items", "depots", "stock", "norms"):
        code, out, _ = bio("--json", "template", kind, "--out", str(tmp_path / f"{kind}.xlsx"))
        assert code == 0 and json.loads(out) == {
            "kind": kind,
            "path": str(tmp_path / f"{kind}.xlsx"),
        }
        assert openpyxl.load_workbook(tmp_path / f"{kind}.xlsx").sheetnames[1] == "说明"
    alone = tmp_path / "none.db"
    code, _, _ = invoke(
        capsys, "--db", str(alone), "template", "depots", "--out", str(tmp_path / "d.xlsx")
    )
    assert code == 0 and not alone.exists()  # no database needed, none created
    code, _, err = bio("template", "stock", "--out", str(tmp_path / "t.csv"))
    assert code == 1 and ".xlsx" in err and "Traceback" not in err
    code, _, err = bio("template", "widgets", "--out", str(tmp_path / "w.xlsx"))
    assert code == 1 and "widgets" in err  # a wrong value: refused by name, exit 1


def test_items_depots_stock_and_norms_import_through_their_groups(bio, tmp_path):
    items = filled(
        tmp_path / "items.xlsx",
        "items",
        [["KZ", "医用防护口罩", "N95", "只", "防护用品", "是", "常温"],
         ["HXJ", "呼吸机", "", "台", "医疗设备", "否", ""]],
        bio,
    )  # fmt: skip
    code, out, err = bio("--json", "items", "import", str(items))
    assert code == 0 and json.loads(out) == {"imported": 2, "skipped": 0, "errors": []}, err
    depots = filled(
        tmp_path / "depots.xlsx",
        "depots",
        [["CK1", "市级库", "430400", "市卫生健康委", "市级储备库", "", "", ""]],
        bio,
    )
    assert bio("depots", "import", str(depots))[0] == 0
    stock = filled(
        tmp_path / "stock.xlsx",
        "stock",
        [["CK1", "KZ", "B1", None, "2030-01-01", 100, None, None],
         ["CK1", "HXJ", "S1", None, None, 2, None, "捐赠"]],
        bio,
    )  # fmt: skip
    code, out, _ = bio("stock", "import", str(stock))
    assert code == 0 and "2" in out
    norms = filled(tmp_path / "norms.xlsx", "norms", [["CK1", "KZ", 500]], bio)
    assert bio("norms", "import", str(norms))[0] == 0
    code, out, _ = bio("--json", "stock", "balance", "--by-lot")
    assert sorted((r["item"], r["qty"]) for r in json.loads(out)) == [("HXJ", 2), ("KZ", 100)]
    code, out, _ = bio("--json", "norms", "compliance")
    assert json.loads(out)["city"]["lines"] == 1


@pytest.fixture
def stocked(bio, tmp_path):
    items = tmp_path / "items.csv"
    with items.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["物资编码", "物资名称", "计量单位", "物资类别", "效期管理"])
        writer.writerow(["KZ", "医用防护口罩", "只", "防护用品", "是"])
    assert bio("items", "import", str(items))[0] == 0
    depots = tmp_path / "depots.csv"
    depots.write_text(
        "仓库编码,仓库名称,所属区划,仓库级别\nCK1,市级库,430400,市级储备库\n", "utf-8-sig"
    )
    assert bio("depots", "import", str(depots))[0] == 0
    return bio


BAD_STOCK = [
    ["CK1", "KZ", "B1", None, "2030-01-01", 100, None, None],  # row 2: good
    ["CK1", "KZ", "B2", None, "2030-01-01", 1.5, None, None],  # row 3: 数量
    ["CK1", "KZ", "B3", None, "2030-01-01", 7, None, None],  # row 4: good
    ["CK9", "KZ", "B4", None, "明年", -1, None, None],  # row 5: 仓库编码, 有效期至, 数量
]


def test_a_refused_import_exits_1_with_one_line_per_bad_row(stocked, tmp_path):
    path = tmp_path / "stock.xlsx"
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in BAD_STOCK:
        book.active.append(row)
    book.save(path)
    code, out, err = stocked("stock", "import", str(path))
    lines = err.strip().splitlines()
    assert code == 1 and out == "" and "Traceback" not in err
    assert len(lines) == 3  # two bad rows and the summary
    assert "3" in lines[0] and "数量" in lines[0]
    assert "5" in lines[1] and all(c in lines[1] for c in ("仓库编码", "有效期至", "数量"))
    assert "--skip-invalid" in lines[2]
    code, out, _ = stocked("--json", "stock", "balance")
    assert json.loads(out) == []  # nothing was imported

    code, out, err = stocked("--json", "stock", "import", str(path))
    data = json.loads(out)
    assert code == 1 and set(data) == {"imported", "skipped", "errors"}
    assert (data["imported"], data["skipped"]) == (0, 0)  # nothing imported, none skipped
    assert [(e["row"], e["column"]) for e in data["errors"]] == [
        (3, "数量"), (5, "仓库编码"), (5, "有效期至"), (5, "数量"),
    ]  # fmt: skip
    assert all(set(e) == {"row", "column", "reason"} and e["reason"] for e in data["errors"])


def test_skip_invalid_imports_the_good_rows_and_exits_0(stocked, tmp_path):
    path = tmp_path / "stock.xlsx"
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in BAD_STOCK:
        book.active.append(row)
    book.save(path)
    code, out, err = stocked("--json", "stock", "import", str(path), "--skip-invalid")
    data = json.loads(out)
    assert code == 0 and (data["imported"], data["skipped"]) == (2, 2)
    assert len(err.strip().splitlines()) == 2  # the skipped rows are still reported
    code, out, _ = stocked("--json", "stock", "balance")
    assert [r["qty"] for r in json.loads(out)] == [107]


def test_header_problems_and_unreadable_files_exit_1(stocked, tmp_path):
    path = tmp_path / "stock.csv"
    path.write_text("仓库编码,物资编码,数量,颜色\nCK1,KZ,5,红\n", encoding="utf-8")
    code, _, err = stocked("stock", "import", str(path), "--skip-invalid")
    assert code == 1 and "批号" in err and "颜色" in err
    code, _, err = stocked("stock", "import", str(tmp_path / "nothing.xlsx"))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = stocked("stock", "import", str(tmp_path / "old.xls"))
    assert code == 1 and ".xlsx" in err


def test_stock_export_writes_the_three_sheets(capsys, demo_path, tmp_path):
    out_path = tmp_path / "export.xlsx"
    code, out, _ = invoke(
        capsys, "--db", str(demo_path), "--json", "stock", "export", "--out", str(out_path)
    )
    data = json.loads(out)
    assert code == 0 and data["path"] == str(out_path)
    book = openpyxl.load_workbook(out_path, read_only=True)
    assert book.sheetnames == ["库存", "台账", "预警"]
    assert [c.value for c in next(book["台账"].iter_rows(max_row=1))][:2] == ["时间", "类型"]
    assert data["sheets"]["台账"] == data["ledger_total"] > 0
    book.close()
    code, out, _ = invoke(capsys, "--db", str(demo_path), "stock", "export", "--out", str(out_path))
    assert code == 0 and str(out_path) in out


def test_files_named_in_gbk_import_under_their_chinese_name(stocked, tmp_path):
    """A file named on a Windows machine in GBK reaches Python from a Linux USB stick with
    undecodable bytes: it imports, recorded and shown under its Chinese name."""
    import os

    if os.name == "nt":
        pytest.skip("Windows names are Unicode")
    stock = filled(tmp_path / "a.xlsx", "stock",
                   [["CK1", "KZ", "G1", None, "2030-01-01", 5, None, None]], stocked)  # fmt: skip
    norms = filled(tmp_path / "n.xlsx", "norms", [["CK1", "KZ", 50]], stocked)
    for made, kind, name in ((stock, "stock", "库存"), (norms, "norms", "定额")):
        gbk = os.fsdecode(os.path.join(os.fsencode(str(tmp_path)), name.encode("gbk") + b".xlsx"))
        os.rename(made, gbk)
        code, out, err = stocked(kind, "import", gbk)
        assert code == 0, err
        code, _, err = stocked(kind, "import", gbk)  # the second time: refused, named
        assert code == 1 and f"{name}.xlsx" in err, err
    code, out, _ = stocked("--json", "stock", "ledger")
    assert "库存.xlsx" in {r["ref"] for r in json.loads(out)}
