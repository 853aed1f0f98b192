"""Reading and writing spreadsheets: .xlsx (read by calamine, written by openpyxl) and .csv.

`read_rows(path)` gives the header names of the first sheet and an iterator of
(row number, cell values) with the row numbers the user sees in the
spreadsheet (the header is row 1); fully empty rows are skipped but counted.
CSV files are read as UTF-8 (with or without BOM) and, when that fails, as
GB18030 — what Chinese Excel writes for "CSV". The iterator has an `estimate`
attribute: the number of data rows to expect, for progress bars.

Files are untrusted. Before calamine (a Rust reader, 4× faster than openpyxl here)
parses anything, the parts it will read are checked and copied into a workbook of
those parts alone (`_checked_copy`): sizes, compression, encryption, XML without a
DTD, the shared strings' count and the rectangle of cells it will allocate, each
within the caps below. A file that breaks a rule is refused with a BioError naming
it and the cause. CSV files have a size cap and a line cap.

`read_sheets(path)` gives every worksheet of an .xlsx file the same way (a workbook of
several sheets, such as a drill's scenario), with the cells that hold a formula and the
merged ranges, for readers that refuse them; the caps apply to the sheets together.

`write_xlsx(path, sheets)` streams rows into a new workbook (write-only mode),
with a bold, frozen header row; the file appears only once it is complete. Text is
always written as text: a name such as =HYPERLINK(…) never becomes a formula
(`cells`, which the template writer uses too).
"""

import csv
import io
import os
import posixpath
import pyexpat
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from desktop.core import paths, reasons, values
from desktop.core.errors import BioError
from desktop.core.i18n import tr

READABLE = (".xlsx", ".csv")
NOT_CALAMINES = (KeyboardInterrupt, SystemExit, GeneratorExit)  # passed on, not refused

# Caps of the readers: generous for real files (a sheet of 1,000,000 rows of a template's
# columns unpacks to about 450 MB of XML, its distinct strings to some 100 MB), far below
# what would exhaust the machine (calamine lays out every cell of the sheet's rectangle:
# 32,000,000 cells, the most allowed, took 1 GB and 4 s; a 1,000,000-row stock sheet
# 750 MB).
MAX_FILE = 256 << 20  # the .xlsx or .csv file itself
MAX_SHEET = 1 << 30  # the worksheets read, unpacked (shared among them by read_sheets)
MAX_STRINGS_XML = 256 << 20  # the shared strings, unpacked
MAX_PART = 32 << 20  # workbook, its relationships, styles: unpacked
MAX_STRINGS = 10_000_000  # shared strings (declared and read): 1,000,000 rows × 10 columns
MAX_CELLS = 32_000_000  # rows × columns of the sheet's rectangle: 1,000,000 rows × 32 columns
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's own limits
MAX_SHEETS = 32  # worksheets read_sheets reads
MAX_FORMULAS_LISTED = 20  # formula cells a Sheet names
TEXT_TYPES = ("s", "str", "inlineStr")  # a cell's types (t="…") whose value is text
HIDDEN = ("1", "true")  # a row's hidden="…" that hides it
MAX_CSV_LINE = 1 << 20  # characters on one line of a CSV file
BLOCK = 1 << 20  # bytes read at a time from a zip member
FORMULA_START = ("=", "+", "-", "@")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

CELL_REFS = re.compile(r"(?:[A-Za-z]{1,3}[0-9]{1,7} )*")  # cell references, each followed by " "
LETTERS, DIGITS = re.compile(r"[A-Za-z]+"), re.compile(r"[0-9]+")
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)


class Rows:
    """(row number, values) of the data rows; `estimate` rows are expected. `unvalued`:
    the cells (row number, column from 0) that hold a formula without its result saved,
    which read as empty (a file written by a program that does not calculate)."""

    def __init__(self, rows: Iterator[tuple[int, list]], estimate: int):
        self._rows = rows
        self.estimate = max(estimate, 0)
        self.unvalued: set[tuple[int, int]] = set()
        self.hidden: set[int] = set()  # rows hidden in the sheet (their numbers)
        self.merged: list[tuple[int, int, int, int]] = []  # merged ranges (first row, column…)

    def __iter__(self) -> "Rows":
        return self

    def __next__(self) -> tuple[int, list]:
        return next(self._rows)

    def close(self) -> None:
        """Stop reading (also when the rows were not read to the end, or not at all)."""
        close = getattr(self._rows, "close", None)
        if close:
            close()


@dataclass
class Sheet:
    """One worksheet as read_sheets gives it."""

    name: str
    header: list[str]
    rows: Rows
    formulas: list[str]  # references of the first cells that hold a formula (C7)
    merged: list[tuple[int, int, int, int]]  # merged ranges: first row, column, last row, column
    # the first cells holding a formula without its result saved (a file written by a
    # program that does not calculate): calamine reads them as empty
    unvalued: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)  # row numbers hidden in the sheet


def read_rows(path) -> tuple[list[str], Iterator[tuple[int, list]]]:
    """Header names and (row number, cell values) of the first sheet of a .xlsx or .csv file."""
    path = _readable(path, READABLE)
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    sheet = _read_xlsx(path, every=False, max_cells=MAX_CELLS)[0]
    sheet.rows.unvalued = {_cell(ref) for ref in sheet.unvalued}
    sheet.rows.hidden = set(sheet.hidden_rows)
    sheet.rows.merged = sheet.merged
    return sheet.header, sheet.rows


def read_sheets(path, max_cells: int = MAX_CELLS) -> list[Sheet]:
    """Every worksheet of an .xlsx file (at most MAX_SHEETS), in the workbook's order, each
    checked and read as read_rows reads the first; their rectangles hold at most max_cells
    cells together."""
    return _read_xlsx(_readable(path, (".xlsx",)), every=True, max_cells=max_cells)


def _readable(path, suffixes: tuple[str, ...]) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        raise BioError(
            tr(
                "{file} is not a spreadsheet BioReserve can read: use an .xlsx or .csv file "
                "(an old .xls file: open it in Excel or WPS and save it as .xlsx).",
                file=paths.shown_name(path),
            )
        )
    if not path.is_file():
        raise BioError(tr("No file at {path}.", path=path))
    return path


def _is_empty(values) -> bool:
    for value in values:
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return False
    return True


def _header(cells) -> list[str]:
    names = ["" if v is None else values.text(v) for v in cells]
    while names and not names[-1]:
        names.pop()
    return names


def _read_csv(path: Path) -> tuple[list[str], Rows]:
    try:
        _check_size(path)
        data = path.read_bytes()
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise BioError(
                tr(
                    "{file} is neither UTF-8 nor GBK/GB18030 text; save it again as "
                    "“CSV UTF-8” or as .xlsx.",
                    file=paths.shown_name(path),
                )
            ) from None
    reader = csv.reader(_lines(path, io.StringIO(text, newline="")))
    try:
        header = _header(next(reader, []))
    except csv.Error as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc

    def rows() -> Iterator[tuple[int, list]]:
        number = 1
        try:
            for values in reader:
                number += 1
                if values and not _is_empty(values):
                    yield number, values
        except csv.Error as exc:
            raise BioError(
                tr(
                    "Cannot read {path} at row {row}: {reason}",
                    path=path,
                    row=number,
                    reason=reasons.reason(exc),
                )
            ) from exc

    return header, Rows(rows(), text.count("\n") - 1)


def _lines(path: Path, lines: Iterable[str]) -> Iterator[str]:
    """The lines of a CSV file, refusing one too long (a line of a million commas would be
    a million cells)."""
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_CSV_LINE:
            raise BioError(
                tr(
                    "{file} is refused: its line {line} has more than {max} characters.",
                    file=paths.shown_name(path),
                    line=number,
                    max=f"{MAX_CSV_LINE:,}",
                )
            )
        yield line


def _read_xlsx(path: Path, every: bool, max_cells: int) -> list[Sheet]:
    """The first sheet, or every sheet, read by calamine from a copy holding only the parts
    checked here."""
    import python_calamine

    _check_size(path)
    fd, copy = tempfile.mkstemp(suffix=".xlsx", prefix="bioreserve-")
    os.close(fd)
    try:
        found = _checked_copy(path, copy, every, max_cells)
        book = python_calamine.CalamineWorkbook.from_path(copy)
        try:
            data = [book.get_sheet_by_index(i) for i in range(len(found))]
        finally:
            book.close()
    except (BioError, *NOT_CALAMINES):
        raise
    except BaseException as exc:  # its errors, and a Rust panic (a BaseException in Python)
        raise _unreadable(path, exc) from exc
    finally:
        os.remove(copy)
    return [
        _sheet(path, name, formulas, sheet, _unvalued(sheet, numeric), hidden)
        for (name, formulas, numeric, hidden), sheet in zip(found, data, strict=True)
    ]


def _unvalued(sheet, cells: list[str]) -> list[str]:
    """Those of the cells (formulas whose result is no text) that calamine reads empty:
    their result was not saved."""
    if not cells or sheet.start is None:
        return []
    rows = sheet.to_python(skip_empty_area=False)  # from A1
    out = []
    for ref in cells:
        row, column = _cell(ref)
        row -= 1
        found = rows[row][column] if row < len(rows) and 0 <= column < len(rows[row]) else ""
        if found == "":
            out.append(ref)
    return out


def _cell(ref: str) -> tuple[int, int]:
    """(row number, column from 0) of a reference such as C7."""
    letters = ref.rstrip("0123456789")
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(ref[len(letters) :]), column - 1


def _sheet(
    path: Path, name: str, formulas: list[str], sheet, unvalued: list[str], hidden: list[int]
) -> Sheet:
    merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges]
    if sheet.start is None:  # no cell at all (iter_rows would panic)
        return Sheet(name, [], Rows(iter(()), 0), formulas, merged, unvalued, hidden)
    # calamine's rows begin at row 1 (empty ones first) but at the first column used
    found, pad = sheet.iter_rows(), [None] * sheet.start[1]
    header = _header(pad + next(found, []))

    def rows() -> Iterator[tuple[int, list]]:
        number = 1  # row numbers as the user sees them: the header is row 1
        try:
            for cells in found:
                number += 1
                if not _is_empty(cells):
                    yield number, pad + [None if v == "" else v for v in cells]
        except NOT_CALAMINES:
            raise
        except BaseException as exc:  # converting a value it holds
            raise BioError(
                tr(
                    "Cannot read {path} at row {row}: {reason}",
                    path=path,
                    row=number,
                    reason=reasons.reason(exc),
                )
            ) from exc

    estimate = sheet.end[0] if sheet.end else 0
    return Sheet(name, header, Rows(rows(), estimate), formulas, merged, unvalued, hidden)


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE:
        raise BioError(
            tr(
                "{file} is too large to import ({size} MB; at most {max} MB): split it into "
                "several files.",
                file=paths.shown_name(path),
                size=size >> 20,
                max=MAX_FILE >> 20,
            )
        )


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx, or an old .xls


def _unreadable(path: Path, exc: BaseException) -> BioError:
    return BioError(
        tr(
            "{file} cannot be read as an Excel workbook ({reason}); open it in Excel or WPS and "
            "save it as .xlsx again.",
            file=paths.shown_name(path),
            reason=_why(path, exc),
        )
    )


def _why(path: Path, exc: BaseException) -> str:
    """Why a file is not a workbook, in the user's words."""
    try:
        with open(path, "rb") as f:
            start = f.read(len(OLE_MAGIC))
    except OSError as error:
        return reasons.reason(error)
    if not start:
        return tr("the file is empty")
    if start == OLE_MAGIC:
        return tr("it is protected by a password, or an old .xls workbook")
    if isinstance(exc, zipfile.BadZipFile | EOFError):
        return tr("it is not an .xlsx file, or it is damaged or incomplete")
    return reasons.reason(exc)


class Refused(Exception):
    """A part of an .xlsx file breaks a rule of the reader; the message says which."""


def _checked_copy(path: Path, copy: str, every: bool, max_cells: int) -> list:
    """Write to `copy` a workbook of the parts the reader needs — the first worksheet (or
    every one), the shared strings and the styles, under a workbook part of our own — each
    checked before calamine parses anything: stored or deflated, not encrypted, unpacked
    size within its cap (as declared and as read), well-formed XML without a DTD (no
    entity expansion, no external entities), and for the sheets and the strings the bounds
    of what calamine will lay out in memory. Returns (name, formula cells) of each sheet
    copied, in order."""
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
            sheets, others, date1904 = _needed_parts(source, _parts(source), every)
            target.writestr("_rels/.rels", PACKAGE_RELS)
            target.writestr("xl/workbook.xml", _workbook(date1904, len(sheets)))
            target.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
            found, cells = [], 0
            for n, (name, part) in enumerate(sheets, start=1):
                rectangle = _SheetScan()
                _copy_part(source, part, target, f"xl/worksheets/sheet{n}.xml",
                           MAX_SHEET // len(sheets), rectangle)  # fmt: skip
                cells += rectangle.rows * rectangle.columns
                if cells > max_cells:
                    raise Refused(tr("its worksheets span {cells} cells, more than {max}",
                                     cells=f"{cells:,}", max=f"{max_cells:,}"))  # fmt: skip
                found.append((name, rectangle.formulas, rectangle.numeric, rectangle.hidden))
            for name, part, cap, scan in (
                ("xl/sharedStrings.xml", others.get("strings"), MAX_STRINGS_XML, _StringsScan),
                ("xl/styles.xml", others.get("styles"), MAX_PART, _Scan),
            ):
                if part is not None:
                    _copy_part(source, part, target, name, cap, scan())
            return found
    except Refused as exc:
        name = paths.shown_name(path)
        raise BioError(tr("{file} is refused: {reason}.", file=name, reason=exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _unreadable(path, exc) from exc


def _parts(source: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The members by lower-case name (as Excel treats them); a name twice is refused."""
    parts: dict[str, zipfile.ZipInfo] = {}
    for info in source.infolist():
        key = info.filename.lower()
        if key in parts:
            raise Refused(tr("it holds the part {part} twice", part=info.filename))
        parts[key] = info
    return parts


def _needed_parts(source: zipfile.ZipFile, parts: dict, every: bool) -> tuple[list, dict, bool]:
    """(name, member) of the first worksheet or of every one; the members of the shared
    strings and the styles (by "strings", "styles"); whether the workbook counts dates
    from 1904."""
    book, rels = _Workbook(), _Relations()
    for name, scan in (("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels)):
        if name not in parts:
            raise Refused(tr("it has no part {part}", part=name))
        _copy_part(source, parts[name], None, name, MAX_PART, scan)
    sheets = [(name, rels.worksheets[i]) for name, i in book.sheets if i in rels.worksheets]
    if not sheets:
        raise Refused(tr("it has no worksheet"))
    if len(sheets) > MAX_SHEETS and every:
        raise Refused(tr("it has more than {max} worksheets", max=MAX_SHEETS))

    def member(target: str) -> zipfile.ZipInfo:
        name = posixpath.normpath(target[1:] if target.startswith("/") else "xl/" + target)
        if name.lower() not in parts:
            raise Refused(tr("it has no part {part}", part=name))
        return parts[name.lower()]

    chosen = [(name, member(target)) for name, target in (sheets if every else sheets[:1])]
    return chosen, {key: member(t) for key, t in rels.others.items()}, book.date1904


def _copy_part(source, info: zipfile.ZipInfo, target, name: str, cap: int, scan) -> None:
    """Check one member while copying it (stored) into the target, if any."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Refused(tr("its part {part} uses an unsupported compression", part=info.filename))
    if info.flag_bits & 0x1:
        raise Refused(tr("its part {part} is encrypted", part=info.filename))
    too_large = Refused(
        tr("its part {part} unpacks to more than {max} MB", part=info.filename, max=cap >> 20)
    )
    if info.file_size > cap:
        raise too_large
    parser = scan.parser()
    read = 0
    with source.open(info) as raw, target.open(name, "w") if target else nullcontext() as out:
        while block := raw.read(BLOCK):  # the declared size may lie: count what comes out
            read += len(block)
            if read > cap:
                raise too_large
            try:
                parser.Parse(block, False)
            except pyexpat.ExpatError as exc:
                raise Refused(tr("its part {part} is not valid XML ({reason})",
                                 part=info.filename, reason=exc)) from None  # fmt: skip
            scan.flush()
            if out is not None:
                out.write(block)
        try:
            parser.Parse(b"", True)
        except pyexpat.ExpatError as exc:
            raise Refused(tr("its part {part} is not valid XML ({reason})",
                             part=info.filename, reason=exc)) from None  # fmt: skip
    scan.finish()


def _workbook(date1904: bool, sheets: int) -> str:
    listed = "".join(
        f'<sheet name="Sheet{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, sheets + 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<workbookPr date1904="{int(date1904)}"/><sheets>{listed}</sheets></workbook>'
    )


def _workbook_rels(sheets: int) -> str:
    listed = "".join(
        f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships">{listed}</Relationships>'
    )


class _Scan:
    """Reads a part with expat, refusing any DTD; subclasses look at the elements."""

    def parser(self):
        parser = pyexpat.ParserCreate(encoding="UTF-8")  # xlsx parts are UTF-8
        parser.StartDoctypeDeclHandler = self._doctype
        parser.StartElementHandler = self.start
        return parser

    @staticmethod
    def _doctype(*_):
        raise Refused(tr("it declares a document type (DTD), which no spreadsheet needs"))

    def start(self, name: str, attrs: dict) -> None:
        """An element begins."""

    def flush(self) -> None:
        """Called after each block read."""

    def finish(self) -> None:
        """Called at the end of the part."""


class _Workbook(_Scan):
    def __init__(self):
        self.sheets: list[tuple[str, str]] = []  # (name, relationship id)
        self.date1904 = False

    def start(self, name, attrs):
        local = name.rpartition(":")[2]
        if local == "sheet":
            ids = [v for k, v in attrs.items() if k.rpartition(":")[2] == "id"][:1]
            self.sheets += [(attrs.get("name", ""), i) for i in ids]
        elif local == "workbookPr":
            self.date1904 = attrs.get("date1904") in ("1", "true")


class _Relations(_Scan):
    """The workbook's worksheets by relationship id, its shared strings and styles."""

    OTHERS = {"/sharedStrings": "strings", "/styles": "styles"}

    def __init__(self):
        self.worksheets: dict[str, str] = {}
        self.others: dict[str, str] = {}

    def start(self, name, attrs):
        kind = "/" + attrs.get("Type", "").rpartition("/")[2]
        if kind == "/worksheet" and "Id" in attrs:
            self.worksheets[attrs["Id"]] = attrs.get("Target", "")
        elif kind in self.OTHERS:
            self.others.setdefault(self.OTHERS[kind], attrs.get("Target", ""))


class _StringsScan(_Scan):
    """Counts the shared strings (<si>), declared and read."""

    def __init__(self):
        self.count = 0

    def start(self, name, attrs):
        local = name.rpartition(":")[2]
        if local == "si":
            self.count += 1
            if self.count > MAX_STRINGS:
                raise self._too_many()
        elif local == "sst":
            for key in ("count", "uniqueCount"):
                declared = attrs.get(key, "0")
                if not declared.isdigit() or int(declared) > MAX_STRINGS:
                    raise self._too_many()

    @staticmethod
    def _too_many() -> Refused:
        return Refused(tr("it has more than {max} shared strings", max=f"{MAX_STRINGS:,}"))


class _SheetScan(_Scan):
    """The rows × columns calamine will lay out, from the cells' references.

    calamine allocates the rectangle of every cell (a sheet of two cells, A1 and XFD1048576,
    would take 550 GB). It places a cell at its reference (r="C7"), or without one after
    the cell before it; Excel, WPS and every library we know write the reference, so a
    cell without one is refused and the references alone bound the rectangle. (calamine
    matches the raw attribute: one with an entity in it is an error there, not a cell.)
    """

    def __init__(self):
        self.refs: list[str] = []
        self.formulas: list[str] = []  # the first cells holding a formula (<f>)
        # those of them whose result is no text (a number, a date, a truth value): one that
        # reads empty has no result saved
        self.numeric: list[str] = []
        self.hidden: list[int] = []  # the rows hidden (<row r="7" hidden="1">)
        self.rows = self.columns = 0

    def parser(self):
        parser = super().parser()
        refs, formulas, numeric, hidden = self.refs, self.formulas, self.numeric, self.hidden
        cell = ""  # the reference of the cell being read
        text = False  # whether its value is text (t="s", "str", "inlineStr")

        def start(name: str, attrs: dict) -> None:
            nonlocal cell, text
            if name == "c" or name.endswith(":c"):
                cell = attrs.get("r", "")
                text = attrs.get("t") in TEXT_TYPES
                refs.append(cell)
            elif (name == "f" or name.endswith(":f")) and len(formulas) < MAX_FORMULAS_LISTED:
                formulas.append(cell)
                if not text:
                    numeric.append(cell)
            elif (name == "row" or name.endswith(":row")) and attrs.get("hidden") in HIDDEN:
                number = attrs.get("r", "")
                if number.isdigit():
                    hidden.append(int(number))

        parser.StartElementHandler = start
        parser.EndElementHandler = None
        return parser

    def flush(self) -> None:
        if not self.refs:
            return
        joined = " ".join(self.refs) + " "
        self.refs.clear()
        if not CELL_REFS.fullmatch(joined):
            bad = next(r for r in joined.split(" ")[:-1] if not CELL_REFS.fullmatch(r + " "))
            raise Refused(tr("its sheet has a cell without a valid reference ({ref})",
                             ref=repr(bad[:20])))  # fmt: skip
        self.rows = max(self.rows, max(map(int, DIGITS.findall(joined))))
        for letters in set(LETTERS.findall(joined)):
            column = 0
            for letter in letters.upper():
                column = column * 26 + ord(letter) - 64
            self.columns = max(self.columns, column)

    def finish(self):
        self.flush()
        if self.rows > MAX_ROWS or self.columns > MAX_COLUMNS:
            raise Refused(tr("its sheet has a cell beyond Excel's last row or column"))
        if self.rows * self.columns > MAX_CELLS:
            raise Refused(
                tr(
                    "its sheet spans {rows} rows × {columns} columns, more than {max} cells",
                    rows=f"{self.rows:,}",
                    columns=f"{self.columns:,}",
                    max=f"{MAX_CELLS:,}",
                )
            )


# ---------------------------------------------------------------- writing


def display_width(value) -> int:
    """Columns a value takes (Chinese characters count two)."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def write_xlsx(path, sheets: list[tuple[str, list[str], Iterable[list]]]) -> dict[str, int]:
    """A new workbook with one sheet per (title, header, rows); returns the rows per sheet.

    Rows are streamed (write-only mode): any iterable works, a generator of a million
    rows too. The header is bold and frozen; column widths follow the header and the
    first rows. The file is written beside the target and moved into place at the end,
    so a failure never leaves half a workbook under the target's name.
    """
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    try:
        return _write_sheets(book, path, sheets)
    except BaseException:
        _discard(book)
        raise


def _write_sheets(book, path, sheets) -> dict[str, int]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    counts = {}
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        rows = iter(rows)
        first = list(islice(rows, 200))
        widths = [display_width(h) for h in header]
        for row in first:
            for i, value in enumerate(row[: len(widths)]):
                if value is not None:
                    widths[i] = max(widths[i], display_width(value))
        for i, w in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = min(max(w + 2, 8), 60)
        sheet.freeze_panes = "A2"
        cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        counts[title] = _append(sheet, chain(first, rows))
        if header:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{counts[title] + 1}"
    save_workbook(book, path)
    return counts


def _discard(book) -> None:
    """Close the sheets of an abandoned write-only workbook and remove their temporary files
    (left open, they fail noisily when garbage-collected)."""
    for sheet in getattr(book, "_sheets", []):
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        try:
            sheet.close()
        except Exception:  # already saved, or the stream is broken: nothing to keep
            pass
        try:
            writer.cleanup()
        except Exception:
            pass


def _append(sheet, rows: Iterable[list]) -> int:
    n = 0
    append = sheet.append
    for row in rows:
        append(cells(sheet, row))
        n += 1
    return n


def formula_like(text: str) -> bool:
    """Whether a spreadsheet program would take this text, typed into a cell, for a formula:
    it begins with =, or with +, - or @ and is not a plain number (-5 and +1.5 are numbers;
    -A1, +cmd|… and @SUM(…) are formulas)."""
    return text[:1] in FORMULA_START and not (text[0] in "+-" and NUMBER.fullmatch(text))


def cells(sheet, row: Iterable) -> list:
    """A row to append to a sheet, with every formula-like text as a text cell that says so
    (quote prefix: Excel keeps it text even when someone edits the cell). openpyxl would
    otherwise write any text beginning with = as a formula. Numbers stay numbers."""
    from openpyxl.cell import WriteOnlyCell

    out = list(row)
    for i, value in enumerate(out):
        if value.__class__ is str and value[:1] in FORMULA_START and formula_like(value):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            cell.quotePrefix = True
            out[i] = cell
    return out


def save_workbook(book, path) -> None:
    """Save a workbook under a temporary name beside the target, then move it into place:
    a failure (or a cancelled export) never leaves half a file under the target's name."""
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(suffix=".xlsx", prefix=".~", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    try:
        book.save(tmp_name)
        os.replace(tmp_name, path)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    finally:
        if os.path.exists(tmp_name):
            os.remove(tmp_name)
