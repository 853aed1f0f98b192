"""Spreadsheets that cannot crash or abuse BioReserve (issue 11, points 5 and 7): no formula
ever written, files checked before any XML is parsed (zip and entity bombs, rectangles and
shared strings too large, lying headers, odd compression), control characters refused in
every text, quantities and dates within their bounds. Every bomb is made here, small and
in memory."""

import io
import struct
import warnings
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest

from desktop.core import i18n, spreadsheet, values
from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.reserves import catalog, export, stock
from desktop.core.roster import agencies, experts

KEEPER = Ctx("os:keeper")
LATER = (date.today() + timedelta(days=400)).isoformat()
ITEMS = ["物资编码", "物资名称", "规格型号", "计量单位", "物资类别", "效期管理", "储存条件"]
STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
EXPERTS = ["姓名", "性别", "工作单位", "职称", "专业领域", "所属区划", "手机", "办公电话",
           "资质证书", "证书有效期至"]  # fmt: skip
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0"]  # fmt: skip


@pytest.fixture(autouse=True)
def english():
    """Messages in English, so that tests can look for words in them."""
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def db(fresh_db):
    catalog.save_depot(
        fresh_db, KEEPER, {"code": "CK1", "name": "市级库", "level": "市级储备库",
                           "division": "430400"},
    )  # fmt: skip
    catalog.save_item(
        fresh_db, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只", "category": "防护用品"}
    )
    return fresh_db


def write_csv(path, header, rows):
    lines = [header, *rows]
    text = "\n".join(",".join(_csv_cell(v) for v in row) for row in lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


def workbook(path, sheet: str, strings: str | None = None, parts=(), method=zipfile.ZIP_DEFLATED):
    """A minimal .xlsx built by hand: the sheet's XML (inside <worksheet>), optional shared
    strings, more (name, bytes) parts."""
    shared = (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
              if strings is not None else "")  # fmt: skip
    members = [
        ("xl/workbook.xml", f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="S" '
                            'sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", f'<Relationships {RELS_NS}><Relationship Id="rId1" '
         f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>{shared}</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet if sheet.startswith("<?xml")
         else f"<worksheet {NS}><sheetData>{sheet}</sheetData></worksheet>"),
        *([("xl/sharedStrings.xml", strings)] if strings is not None else []),
        *parts,
    ]  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicated name, on purpose
        for name, data in members:
            z.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = '<row r="1">' + inline("A1", "仓库编码") + inline("B1", "物资编码") + "</row>"


def refused(path, *words):
    with pytest.raises(BioError) as caught:
        spreadsheet.read_rows(path)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message, message
    return message


# ---------------------------------------------------------------- 1. no formulas out


def no_formulas(path) -> set[str]:
    """The texts of every cell of every sheet, after checking none is a formula."""
    book = openpyxl.load_workbook(path)  # not data_only: a formula would show as one
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    return texts


def test_text_that_looks_like_a_formula_is_exported_as_text(db, tmp_path):
    rows = [
        [f"F{i}", name, name, "只", "防护用品", "否", "常温"] for i, name in enumerate(FORMULAS)
    ]
    assert importer.run(db, KEEPER, "items", write_csv(tmp_path / "i.csv", ITEMS, rows)).ok
    stock_rows = [["CK1", f"F{i}", name, "", "", 5, name, ""] for i, name in enumerate(FORMULAS)]
    assert importer.run(db, KEEPER, "stock", write_csv(tmp_path / "s.csv", STOCK, stock_rows)).ok
    stock.issue(db, KEEPER, "CK1", "F0", 2, reason=FORMULAS[1])
    experts.save_expert(
        db, KEEPER, {"name": FORMULAS[0], "gender": "男", "organisation": FORMULAS[2],
                     "specialties": "流行病学", "mobile": "13800001234"},
    )  # fmt: skip

    export.write_workbook(db, tmp_path / "stock.xlsx")
    assert set(FORMULAS) <= no_formulas(tmp_path / "stock.xlsx")
    ledger = openpyxl.load_workbook(tmp_path / "stock.xlsx")["台账"]
    assert -2 in [row[7] for row in ledger.iter_rows(min_row=2, values_only=True)]  # a number
    importer.export_xlsx(db, tmp_path / "experts.xlsx")
    assert {FORMULAS[0], FORMULAS[2]} <= no_formulas(tmp_path / "experts.xlsx")
    importer.write_template("stock", tmp_path / "template.xlsx", db)  # lists the items
    assert FORMULAS[0] in no_formulas(tmp_path / "template.xlsx")


def test_formula_like_decides_as_spreadsheet_programs_do():
    for text in ("=1+1", "+A1", "-A1", "@SUM(A1)", "-(1)", "+cmd|x", "-1+2", "=", "- 5"):
        assert spreadsheet.formula_like(text), text
    for text in ("-5", "+1.5", "-1e3", "-.5", "", "a=b", "口罩", "5-3", "1,000"):
        assert not spreadsheet.formula_like(text), text


# ---------------------------------------------------------------- 2. the reader's caps


def test_a_sparse_rectangle_too_large_is_refused_before_calamine_lays_it_out(tmp_path):
    path = workbook(
        tmp_path / "sparse.xlsx",
        HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    )
    assert path.stat().st_size < 2000
    refused(path, "1,048,576", "16,384")


def test_entity_bombs_and_external_entities_are_refused(tmp_path):
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    body = f"<worksheet {NS}><sheetData><row>{inline('A1', '&j;')}</row></sheetData></worksheet>"
    bomb = workbook(tmp_path / "laughs.xlsx", f'<?xml version="1.0"?><!DOCTYPE w [{laughs}]>{body}')
    refused(bomb, "DTD")
    external = '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    body = body.replace("&j;", "&x;")
    refused(workbook(tmp_path / "xxe.xlsx", f'<?xml version="1.0"?>{external}{body}'), "DTD")
    # an undefined entity without a DTD is no XML at all
    refused(workbook(tmp_path / "undefined.xlsx", body))
    # the shared strings and the workbook part are read the same way
    strings = f'<?xml version="1.0"?><!DOCTYPE s [{laughs}]><sst {NS}><si><t>&j;</t></si></sst>'
    refused(workbook(tmp_path / "strings.xlsx", HEADER_ROW, strings), "DTD")


def test_sizes_are_capped_as_declared_and_as_read(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_SHEET", 10_000)
    rows = "".join(f'<row r="{n}">{inline(f"A{n}", "x" * 50)}</row>' for n in range(2, 400))
    big = workbook(tmp_path / "big.xlsx", HEADER_ROW + rows)
    refused(big, "xl/worksheets/sheet1.xml", "MB")

    # the same file with its headers claiming 100 bytes unpacked: what comes out is counted
    data = bytearray(big.read_bytes())
    with zipfile.ZipFile(big) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        actual = info.file_size
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            if struct.unpack_from("<I", data, at + offset)[0] == actual:
                struct.pack_into("<I", data, at + offset, 100)
            at = data.find(signature, at + 4)
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(data))
    refused(liar)


def test_shared_strings_are_counted_as_declared_and_as_read(tmp_path, monkeypatch):
    declared = f'<sst {NS} count="30000000" uniqueCount="30000000"><si><t>a</t></si></sst>'
    refused(workbook(tmp_path / "declared.xlsx", HEADER_ROW, declared), "shared strings")
    monkeypatch.setattr(spreadsheet, "MAX_STRINGS", 100)
    many = f"<sst {NS}>" + "<si><t>a</t></si>" * 101 + "</sst>"
    refused(workbook(tmp_path / "many.xlsx", HEADER_ROW, many), "shared strings", "100")
    enough = f"<sst {NS}>" + "<si><t>a</t></si>" * 100 + "</sst>"
    header, rows = spreadsheet.read_rows(workbook(tmp_path / "ok.xlsx", HEADER_ROW, enough))
    assert header == ["仓库编码", "物资编码"] and list(rows) == []


def test_odd_zips_are_named_refusals(tmp_path):
    refused(workbook(tmp_path / "bzip2.xlsx", HEADER_ROW, method=zipfile.ZIP_BZIP2), "compress")
    twice = workbook(
        tmp_path / "twice.xlsx", HEADER_ROW, parts=[("xl/worksheets/sheet1.xml", "<x/>")]
    )
    refused(twice, "twice")
    encrypted = bytearray(workbook(tmp_path / "plain.xlsx", HEADER_ROW).read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = encrypted.find(signature)
        while at >= 0:
            encrypted[at + offset] |= 1  # the "encrypted" flag bit
            at = encrypted.find(signature, at + 4)
    (tmp_path / "encrypted.xlsx").write_bytes(bytes(encrypted))
    refused(tmp_path / "encrypted.xlsx", "encrypted")
    whole = workbook(tmp_path / "whole.xlsx", HEADER_ROW).read_bytes()
    (tmp_path / "truncated.xlsx").write_bytes(whole[: len(whole) // 2])
    refused(tmp_path / "truncated.xlsx")
    refused(workbook(tmp_path / "noref.xlsx", '<row><c t="inlineStr"><is><t>a</t></is></c></row>'))
    refused(workbook(tmp_path / "badref.xlsx", '<row><c r="ABCD1"><v>1</v></c></row>'))
    no_sheet = tmp_path / "nosheet.xlsx"
    with zipfile.ZipFile(no_sheet, "w") as z:
        z.writestr("xl/workbook.xml", f"<workbook {NS}/>")
        z.writestr("xl/_rels/workbook.xml.rels", f"<Relationships {RELS_NS}/>")
    refused(no_sheet, "worksheet")


def test_csv_files_have_a_size_cap_and_a_line_cap(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "wide.csv", STOCK, [["CK1", "KZ"] + [""] * 200])
    monkeypatch.setattr(spreadsheet, "MAX_CSV_LINE", 100)
    with pytest.raises(BioError, match="wide.csv"):
        list(spreadsheet.read_rows(path)[1])
    monkeypatch.setattr(spreadsheet, "MAX_FILE", 100)
    with pytest.raises(BioError, match="wide.csv"):
        spreadsheet.read_rows(path)


def test_a_real_workbook_reads_as_before(tmp_path):
    """Dates, numbers, codes as text, empty rows counted, a sheet starting lower and right."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(STOCK)
    sheet.append(["CK1", "0001", "B1", date(2026, 3, 1), None, 1000, None, None])
    sheet.cell(row=5, column=6, value=2.5)
    book.save(tmp_path / "real.xlsx")
    header, rows = spreadsheet.read_rows(tmp_path / "real.xlsx")
    assert header == STOCK and rows.estimate == 4
    found = list(rows)
    assert found[0] == (2, ["CK1", "0001", "B1", date(2026, 3, 1), None, 1000, None, None])
    assert found[1] == (5, [None, None, None, None, None, 2.5, None, None])
    shifted = openpyxl.Workbook()
    shifted.active.cell(row=3, column=2, value="x")
    shifted.save(tmp_path / "shifted.xlsx")
    header, rows = spreadsheet.read_rows(tmp_path / "shifted.xlsx")
    assert header == [] and list(rows) == [(3, [None, "x"])]


def test_a_formula_without_its_result_is_a_bad_cell_with_its_result_read_as_a_value(db, tmp_path):
    """A file written by a program that does not calculate (openpyxl, scripts) keeps a
    formula without its result: it read as an empty cell (a quantity of nothing, a lot
    without a number). That cell is reported, naming why; a formula saved with its result
    (Excel, WPS) reads as that result, and one whose result is empty text as empty."""
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    book.active.append(["CK1", "KZ", "B1", None, LATER, "=100*2", None, None])
    book.active.append(["CK1", "KZ", "B2", None, LATER, 50, None, None])
    book.save(tmp_path / "script.xlsx")
    report = importer.validate(db, "stock", tmp_path / "script.xlsx")
    [error] = report.errors
    assert (error.row, error.column) == (2, "数量") and "formula" in error.reason
    report = importer.run(db, KEEPER, "stock", tmp_path / "script.xlsx", skip_invalid=True)
    assert report.imported == 1 and report.skipped == 1
    saved = (HEADER_ROW + '<row r="2"><c r="A2"><f>"CK"&amp;1</f><v>CK1</v></c>'
             '<c r="B2" t="str"><f>IF(1,"","x")</f><v></v></c></row>')  # fmt: skip
    header, rows = spreadsheet.read_rows(workbook(tmp_path / "excel.xlsx", saved))
    assert list(rows) == [(2, ["CK1", None])] and rows.unvalued == set()
    late = '<row r="3"><c r="C3"><v>1</v></c><c r="D3"><f>C3*2</f></c></row>'  # no <v> at all
    header, rows = spreadsheet.read_rows(workbook(tmp_path / "late.xlsx", late))
    assert rows.unvalued == {(3, 3)}
    late = '<row r="3"><c r="C3"><f>1</f><v>1</v></c><c r="D3"><f>C3*2</f><v>2</v></c></row>'
    header, rows = spreadsheet.read_rows(workbook(tmp_path / "late.xlsx", late))
    assert list(rows) == [(3, [None, None, 1, 2])] and rows.unvalued == set()


# ---------------------------------------------------------------- 3. control characters


def test_control_characters_in_cells_are_bad_cells_and_nul_is_no_empty_marker(db, tmp_path):
    rows = [["_x0000_", "_x0000_", "", "_x0000_", "防护用品", "", ""],
            ["OK1", "口罩_x001B_[31m", "", "只", "防护用品", "", ""],
            ["OK2", "好口罩", "", "只", "防护用品", "", ""]]  # fmt: skip
    book = openpyxl.Workbook()
    book.active.append(ITEMS)
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "nul.xlsx")
    report = importer.run(db, KEEPER, "items", tmp_path / "nul.xlsx")
    assert not report.ok and report.imported == 0
    assert {(e.row, e.column) for e in report.errors} == {
        (2, "物资编码"), (2, "物资名称"), (2, "计量单位"), (3, "物资名称")
    }  # fmt: skip
    assert all("U+0000" in e.reason for e in report.errors if e.row == 2)
    assert "U+001B" in report.errors[-1].reason
    assert db.execute("SELECT count(*) FROM item WHERE code NOT IN ('KZ')").fetchone()[0] == 0

    csv_rows = [["CK1", "KZ", "B\x00", "", LATER, 5, "", ""],
                ["CK1", "KZ", "B2", "", LATER, 5, "厂家\x07", ""]]  # fmt: skip
    report = importer.validate(db, "stock", write_csv(tmp_path / "s.csv", STOCK, csv_rows))
    assert [(e.row, e.column) for e in report.errors] == [(2, "批号"), (3, "生产厂家")]


def test_free_text_columns_keep_line_breaks_others_refuse_them(db, tmp_path):
    header = ["仓库编码", "仓库名称", "所属区划", "仓库级别", "地址"]
    rows = [["D1", "一号库", "430400", "市级储备库", "衡阳市\n某路\t1 号"],
            ["D2", "二号\n库", "430400", "市级储备库", ""]]  # fmt: skip
    report = importer.validate(db, "depots", write_csv(tmp_path / "d.csv", header, rows))
    assert [(e.row, e.column) for e in report.errors] == [(3, "仓库名称")]


def test_save_validators_refuse_control_characters(db):
    bad = "a\x00b"
    for validate, values_, field in (
        (catalog.validate_item, {"code": "X", "name": bad, "unit": "只"}, "name"),
        (catalog.validate_item, {"code": "X", "name": "n", "unit": "只", "notes": "\x1b"}, "notes"),
        (catalog.validate_depot, {"code": "D\x01", "name": "n"}, "code"),
        (agencies.validate_agency, {"code": "A", "name": "n", "contact": "\x00"}, "contact"),
        (experts.validate_expert, {"name": "张\x00", "gender": "男", "organisation": "o",
                                   "specialties": "流行病学", "mobile": "13800001234"}, "name"),
    ):  # fmt: skip
        with pytest.raises(Invalid) as caught:
            validate(db, values_)
        assert caught.value.field == field and "U+00" in str(caught.value)
    notes = catalog.validate_item(db, {"code": "X", "name": "n", "unit": "只", "notes": "a\n\tb"})
    assert notes["notes"] == "a\n\tb"
    with pytest.raises(Invalid):
        experts.validate_qualification("证书\x00", "", None, None)
    with pytest.raises(Invalid):
        catalog.validate_lot("B1", "厂\x00家")
    with pytest.raises(Invalid) as caught:
        stock.receive(db, KEEPER, "CK1", "KZ", "\x00", 5, expiry=LATER)
    assert caught.value.field == "batch_no"
    with pytest.raises(Invalid):
        values.clean_text("x" * (values.MAX_TEXT + 1), "notes")


# ---------------------------------------------------------------- 5. quantities


def test_huge_quantities_are_bad_rows_not_crashes(db, tmp_path):
    huge = [10**13, 2**63, "10000000000000", "9223372036854775808", 1e300, "1e13", -(2**63)]
    rows = [["CK1", "KZ", f"Q{i}", "", LATER, qty, "", ""] for i, qty in enumerate(huge)]
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "q.xlsx")
    for path in (tmp_path / "q.xlsx", write_csv(tmp_path / "q.csv", STOCK, rows)):
        report = importer.run(db, KEEPER, "stock", path)
        assert report.imported == 0 and report.skipped == len(huge), report.errors
        assert {e.column for e in report.errors} == {"数量"}
    norms = write_csv(
        tmp_path / "n.csv", ["仓库编码", "物资编码", "储备定额"], [["CK1", "KZ", 2**63]]
    )
    assert [e.column for e in importer.validate(db, "norms", norms).errors] == ["储备定额"]
