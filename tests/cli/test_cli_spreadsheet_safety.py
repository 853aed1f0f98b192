"""On the command line, a hostile spreadsheet and an out-of-range date or day count are
named refusals (exit 1, one line, no traceback), never an unexpected error (exit 2)."""

import io
import zipfile

import openpyxl
import pytest

from tests.helpers.cli import invoke

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture
def bio(capsys, fresh_db, db_path):
    def call(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    assert call("depots", "list")[0] == 0
    return call


def bomb(path, sheet: str):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    path.write_bytes(buffer.getvalue())
    return path


def test_hostile_workbooks_are_refused_with_exit_1(bio, tmp_path):
    laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    files = {
        "sparse.xlsx": f'<worksheet {NS}><sheetData><row><c r="A1"><v>1</v></c>'
        '<c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
        "laughs.xlsx": f'<?xml version="1.0"?>{laughs}<worksheet {NS}><sheetData><row>'
        '<c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
        "broken.xlsx": "<worksheet",
    }
    for name, sheet in files.items():
        for kind in ("stock", "expert"):
            code, _, err = bio(kind, "import", str(bomb(tmp_path / name, sheet)))
            assert code == 1 and name in err and "Traceback" not in err, (name, err)
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    code, _, err = bio("stock", "import", str(corrupt))
    assert code == 1 and "corrupt.xlsx" in err


def test_dates_and_day_counts_out_of_range_are_refused(bio, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["物资编码", "物资名称", "计量单位", "物资类别", "效期管理"])
    book.active.append(["KZ", "口罩", "只", "防护用品", "是"])
    book.save(tmp_path / "items.xlsx")
    assert bio("items", "import", str(tmp_path / "items.xlsx"))[0] == 0
    depot = tmp_path / "depots.csv"
    depot.write_text("仓库编码,仓库名称,所属区划,仓库级别\nCK1,市级库,430400,市级储备库\n")
    assert bio("depots", "import", str(depot))[0] == 0
    receive = ("stock", "receive", "--depot", "CK1", "--item", "KZ", "--lot", "L1", "--qty", "5")
    for expiry in ("1-1-1", "0001-01-01", "2200-01-01", "1899-12-31"):
        code, _, err = bio(*receive, "--expiry", expiry)
        assert code == 1 and expiry in err, err
    code, _, err = bio(*receive, "--expiry", "2030-01-01", "--produced", "9999-12-31")
    assert code == 1 and "9999-12-31" in err
    for args in (
        ("stock", "rotation", "--days", "99999999999"),
        ("stock", "alerts", "--near-days", "99999999999"),
        ("expert", "alerts", "--days", "99999999999"),
        ("expert", "alerts", "--days", "-1"),
    ):
        code, _, err = bio(*args)
        assert code == 1 and "Traceback" not in err, (args, err)
    assert bio(*receive, "--expiry", "2030-01-01")[0] == 0


def test_files_that_are_not_workbooks_are_refused_saying_what_they_are(bio, tmp_path):
    """A password-protected workbook (an OLE container, as is an old .xls renamed), an empty
    file and a cut-off one: each refused with its cause in Chinese, not Python's words."""
    made = {
        "locked.xlsx": bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000,
        "empty.xlsx": b"",
        "cut.xlsx": b"PK\x03\x04" + b"\0" * 100,
    }
    expected = {"locked.xlsx": "密码", "empty.xlsx": "空", "cut.xlsx": "损坏"}
    for name, content in made.items():
        (tmp_path / name).write_bytes(content)
        code, _, err = bio("stock", "import", str(tmp_path / name))
        assert code == 1 and expected[name] in err and "zip" not in err.lower(), err
