"""Imports on the command line: a file or receipts imported before are refused (exit 1,
when and by whom) unless --again; an import that imported nothing says imported 0 and
skipped 0 in --json and lists its errors, each with the bad value."""

import json

import openpyxl
import pytest

from tests.helpers.cli import invoke

STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
RECEIPTS = [
    ["CK1", "KZ", "B1", None, "2030-01-01", 100, None, None],
    ["CK1", "KZ", "B2", None, "2030-06-01", 7, None, "捐赠"],
]


@pytest.fixture
def bio(capsys, fresh_db, db_path, tmp_path):
    """bioreserve … on a new station with a depot CK1 and an item KZ."""

    def call(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    items = tmp_path / "items.csv"
    items.write_text("物资编码,物资名称,计量单位,物资类别\nKZ,医用防护口罩,只,防护用品\n", "utf-8")
    depots = tmp_path / "depots.csv"
    depots.write_text(
        "仓库编码,仓库名称,所属区划,仓库级别\nCK1,市级库,430400,市级储备库\n", "utf-8"
    )
    assert call("items", "import", str(items))[0] == 0
    assert call("depots", "import", str(depots))[0] == 0
    return call


def sheet(path, rows):
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def held(bio) -> int:
    code, out, _ = bio("--json", "stock", "balance")
    return sum(r["qty"] for r in json.loads(out))


def test_the_same_file_again_exits_1_naming_when_and_who(bio, tmp_path):
    path = sheet(tmp_path / "入库.xlsx", RECEIPTS)
    assert bio("stock", "import", str(path))[0] == 0
    code, out, err = bio("stock", "import", str(path))
    assert code == 1 and out == "" and "Traceback" not in err
    assert "入库.xlsx" in err and "--again" in err and len(err.strip().splitlines()) == 1
    assert held(bio) == 107

    code, out, err = bio("--json", "stock", "import", str(path))
    data = json.loads(out)
    assert code == 1 and (data["imported"], data["skipped"]) == (0, 0)
    assert [e["row"] for e in data["errors"]] == [None] and "--again" in data["errors"][0]["reason"]
    [earlier] = data["imported_before"]
    assert (earlier["file"], earlier["rows"], earlier["same_file"]) == ("入库.xlsx", 2, True)
    assert earlier["by"] == "user:admin" and earlier["at"][:4].isdigit()


def test_again_imports_it_all_the_same(bio, tmp_path):
    path = sheet(tmp_path / "入库.xlsx", RECEIPTS)
    assert bio("stock", "import", str(path))[0] == 0
    code, out, err = bio("--json", "stock", "import", str(path), "--again")
    assert code == 0, err
    assert json.loads(out) == {"imported": 2, "skipped": 0, "errors": []}
    assert held(bio) == 214


def test_the_same_receipts_in_another_file_are_refused(bio, tmp_path):
    assert bio("stock", "import", str(sheet(tmp_path / "一月.xlsx", RECEIPTS)))[0] == 0
    other = tmp_path / "二月.csv"
    other.write_text(
        ",".join(STOCK) + "\nCK1,KZ,B2,,2030-06-01,7,,捐赠\nCK1,KZ,B3,,2031-01-01,5,,\n", "utf-8"
    )
    code, _, err = bio("stock", "import", str(other))
    assert code == 1 and "一月.xlsx" in err and "1" in err
    assert held(bio) == 107


def test_experts_take_again_too(bio, tmp_path):
    path = tmp_path / "experts.csv"
    path.write_text(
        "姓名,性别,工作单位,专业领域,手机\n张三,男,市疾控中心,流行病学,13800001234\n", "utf-8"
    )
    assert bio("expert", "import", str(path))[0] == 0
    assert bio("expert", "import", str(path))[0] == 1
    assert bio("expert", "import", str(path), "--again")[0] == 0


def test_nothing_imported_says_0_and_0_and_lists_the_errors(bio, tmp_path):
    rows = [RECEIPTS[0], ["CK1", "KZ", "B2", None, "2030-01-01", 12.5, None, None]]
    path = sheet(tmp_path / "bad.xlsx", rows)
    code, out, err = bio("--json", "stock", "import", str(path))
    data = json.loads(out)
    assert code == 1 and (data["imported"], data["skipped"]) == (0, 0)
    assert data["errors"] == [{"row": 3, "column": "数量", "reason": "“12.5” 不是整数。"}]
    assert "第 3 行「数量」：“12.5” 不是整数。" in err

    code, out, _ = bio("--json", "stock", "import", str(sheet(tmp_path / "all.xlsx", rows[1:])),
                       "--skip-invalid")  # fmt: skip
    assert code == 1 and (json.loads(out)["imported"], json.loads(out)["skipped"]) == (0, 0)


def test_a_file_refused_whole_gives_json_too(bio, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    for path in (tmp_path / "old.xls", tmp_path / "missing.xlsx"):
        code, out, err = bio("--json", "stock", "import", str(path))
        data = json.loads(out)
        assert code == 1 and "Traceback" not in err
        assert (data["imported"], data["skipped"], len(data["errors"])) == (0, 0, 1)
        assert data["errors"][0]["row"] is None and data["errors"][0]["reason"]
