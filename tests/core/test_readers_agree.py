"""The two .xlsx readers agree (issue 18, point 2): what spreadsheet.py reads with
python-calamine is what openpyxl reads from the same file, cell by cell, as an import sees
the values (values.text and values.date_iso read 1000 and 1000.0 alike, a date cell and a
midnight datetime alike). On the templates of every import kind, on files like the
bench's (written by bench.xlsx_import's own code, small), and on a workbook of the cells
that could differ: date cells, times, numbers large and small, text that looks like a
number, empty cells and rows, merged cells, a sheet that begins lower and to the right,
the 1900 and 1904 date systems."""

import sqlite3
import zipfile
from datetime import date, datetime, time

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from bench import xlsx_import as bench
from desktop.core import imports as importer
from desktop.core import spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.reserves import catalog

KEEPER = Ctx("os:keeper")


def seen(value):
    """A cell as an import sees it: its kind and its value in that kind."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return ("yes/no", value)
    if isinstance(value, int | float):
        return ("number", float(value), values.text(value))
    if isinstance(value, datetime | date):
        return ("date", values.text(value), values.date_iso(value))
    if isinstance(value, time):
        return ("time", value.isoformat())
    return ("text", value)


def trimmed(cells) -> list:
    found = [seen(v) for v in cells]
    while found and found[-1] is None:
        found.pop()
    return found


def by_openpyxl(path) -> list[tuple[str, list, list]]:
    """(sheet name, header, numbered non-empty rows) of every sheet, read by openpyxl the
    way spreadsheet.py reads: the header is row 1, empty rows are skipped but counted."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in book.worksheets:
        grid = sheet.iter_rows(
            min_row=1, max_row=sheet.max_row, min_col=1, max_col=sheet.max_column,
            values_only=True,
        )  # fmt: skip
        rows = [(n, trimmed(cells)) for n, cells in enumerate(grid, start=1)]
        header = spreadsheet._header(next(iter(sheet.iter_rows(max_row=1, values_only=True)), []))
        sheets.append((sheet.title, header, [(n, r) for n, r in rows[1:] if r]))
    return sheets


def by_calamine(path) -> list[tuple[str, list, list]]:
    return [
        (sheet.name, sheet.header, [(n, trimmed(cells)) for n, cells in sheet.rows])
        for sheet in spreadsheet.read_sheets(path)
    ]


def agree(path) -> int:
    """Both readers give the same sheets, headers, row numbers and cells; the cells
    compared. read_rows (what imports use) gives the first sheet as read_sheets does."""
    ours, theirs = by_calamine(path), by_openpyxl(path)
    assert [s[0] for s in ours] == [s[0] for s in theirs]
    compared = 0
    for (name, header, rows), (_, their_header, their_rows) in zip(ours, theirs, strict=True):
        assert header == their_header, name
        assert [n for n, _ in rows] == [n for n, _ in their_rows], name
        for (n, cells), (_, their_cells) in zip(rows, their_rows, strict=True):
            assert cells == their_cells, (name, n)
            compared += len(cells)
    header, rows = spreadsheet.read_rows(path)
    assert (header, [(n, trimmed(c)) for n, c in rows]) == (ours[0][1], ours[0][2])
    return compared


@pytest.mark.parametrize("kind", importer.KINDS)
def test_the_templates_read_alike(fresh_db, tmp_path, kind):
    catalog.save_depot(
        fresh_db, KEEPER, {"code": "CK1", "name": "市级库", "level": "市级储备库",
                           "division": "430400"},
    )  # fmt: skip
    catalog.save_item(
        fresh_db, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只", "category": "防护用品"}
    )
    path = tmp_path / f"{kind}.xlsx"
    importer.write_template(kind, path, fresh_db)
    assert agree(path) > 20  # the instructions sheet holds the example row and the lists
    importer.write_template(kind, tmp_path / "bare.xlsx")  # without a database
    agree(tmp_path / "bare.xlsx")


def bench_like_database() -> sqlite3.Connection:
    """What bench.xlsx_import.make_files asks of a database, in memory."""
    db = sqlite3.connect(":memory:")
    db.executescript(
        "CREATE TABLE depot (code TEXT, deleted INTEGER DEFAULT 0);"
        "CREATE TABLE item (id TEXT, code TEXT, shelf_life INTEGER, deleted INTEGER DEFAULT 0);"
        "CREATE TABLE lot (id INTEGER PRIMARY KEY, item_id TEXT, batch_no TEXT, "
        "expires_on TEXT, deleted INTEGER DEFAULT 0);"
        "INSERT INTO depot (code) VALUES ('CK1'), ('430400-01'), ('0007');"
        "INSERT INTO item (id, code, shelf_life) VALUES ('i1', 'KZ', 1), ('i2', '0001', 0),"
        " ('i3', '20260301', 1);"
        "INSERT INTO lot (item_id, batch_no, expires_on) VALUES ('i1', 'B1', '2027-05-01'),"
        " ('i2', '000123', NULL), ('i3', '1E5', '2030-12-31');"
    )
    return db


def test_files_like_the_benchs_read_alike(tmp_path):
    files = bench.make_files(bench_like_database(), tmp_path, rows=300)
    for path in files.values():
        assert agree(path) >= 300 * 5


def test_the_cells_that_could_differ_read_alike(tmp_path):
    """Values written by openpyxl in both date systems: where Excel can hold the value,
    both readers give it alike."""
    rows = [
        ["0001", 1, 2.5, date(2026, 3, 1), "1,000"],
        ["1e5", 2**53, 10**15, datetime(2026, 3, 1, 13, 5), " 100 "],
        [" padded ", 123456789012345, -0.1, date(2199, 12, 31), "20260301"],
        ["20260301", True, None, date(2026, 2, 28), False],
        [None, None, None, None, None],  # an empty row, skipped but counted
        ["中文，全角１２３", 1e20, 0.1 + 0.2, datetime(2026, 3, 1, 0, 0, 0), 1e-300],
        ["-5", 3.0, 1.5e-10, time(12, 30), 10**12],
        ["2026年3月1日", 10**12 + 1, float(2**63), date(1999, 12, 31), -(10**12)],
        ["1.0", 20260301, 46082, 46082.5, "46082"],
    ]
    for epoch in (None, CALENDAR_MAC_1904):
        book = openpyxl.Workbook()
        if epoch:
            book.epoch = epoch
        sheet = book.active
        sheet.append(bench.HEADER[:5])
        for row in rows:
            sheet.append(row)
        sheet.merge_cells("B12:C13")
        sheet["B12"] = "merged"
        sheet["E14"] = date(2026, 3, 1)
        sheet["E14"].number_format = "yyyy/m/d"
        sheet["D15"] = 46082  # a serial day shown as a number, as some files hold dates
        second = book.create_sheet("lower and right")
        second["C3"], second["D5"] = "x", date(2030, 1, 1)
        path = tmp_path / f"cells-{'1904' if epoch else '1900'}.xlsx"
        book.save(path)
        assert agree(path) > 40


def test_dates_of_the_1900_system_before_march_1900_read_alike(tmp_path):
    """Excel's serial days 1 to 60 (its phantom 29 February 1900 included): both readers
    give the same date for each date openpyxl writes there."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["有效期至"])
    for day in (date(1900, 1, 1), date(1900, 1, 31), date(1900, 2, 28), date(1900, 3, 1)):
        sheet.append([day])
    book.save(tmp_path / "early.xlsx")
    assert agree(tmp_path / "early.xlsx") == 4


def test_numbers_as_excel_stores_them_read_alike(tmp_path):
    """A sheet written by hand as Excel and WPS write it: shared and inline strings, numbers
    in exponent form, digits beyond a double's precision (Excel keeps 15; a quantity that
    large is refused whichever reader read it)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    cells = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1E+5</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>0042</t></is></c>'
        '<c r="B3"><v>1.5E-3</v></c></row>'
        '<row r="4"><c r="A4" t="str"><v>text result</v></c>'
        '<c r="B4"><v>123456789012345</v></c></row>'
        '<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6"><v>-0</v></c></row>'
    )  # fmt: skip
    strings = (
        f"<sst {ns}><si><t>批号</t></si><si><t>数量</t></si>"
        '<si><t xml:space="preserve"> 007 </t></si></sst>'
    )
    path = tmp_path / "handmade.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
            '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets'
            '/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument'
            '.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.sharedStrings+xml"/></Types>',
        )
        z.writestr("_rels/.rels", spreadsheet.PACKAGE_RELS)
        z.writestr(
            "xl/workbook.xml",
            f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="库存入库" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        sheet = f"<worksheet {ns}><sheetData>{cells}</sheetData></worksheet>"
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", strings)
    assert agree(path) == 8


def test_where_they_differ_excel_cannot_write_the_value(tmp_path):
    """A date before 1904 in a workbook counting from 1904 is a negative serial day, which
    Excel cannot hold (it shows ####): openpyxl counts back to a date, calamine gives a
    time of day, which an import refuses as no date — the safer reading."""
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["有效期至"])
    book.active.append([date(1903, 12, 31)])
    book.save(tmp_path / "before1904.xlsx")
    _, rows = spreadsheet.read_rows(tmp_path / "before1904.xlsx")
    (_, (cell,)), *_ = list(rows)
    with pytest.raises(values.BadValue):
        values.date_iso(cell)
