"""Reading and writing spreadsheets: .xlsx (openpyxl) and .csv.

`read_rows(path)` gives the header names of the first sheet and an iterator of
(row number, cell values) with the row numbers the user sees in the
spreadsheet (the header is row 1); fully empty rows are skipped but counted.
CSV files are read as UTF-8 (with or without BOM) and, when that fails, as
GB18030 — what Chinese Excel writes for "CSV". The iterator has an `estimate`
attribute: the number of data rows to expect, for progress bars.

`write_xlsx(path, sheets)` streams rows into a new workbook (write-only mode),
with a bold, frozen header row; the file appears only once it is complete.
"""

import csv
import io
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from desktop.core.errors import BioError
from desktop.core.i18n import tr

READABLE = (".xlsx", ".csv")
ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>]")


class Rows:
    """(row number, values) of the data rows; `estimate` rows are expected."""

    def __init__(self, rows: Iterator[tuple[int, list]], estimate: int, on_close=None):
        self._rows = rows
        self.estimate = max(estimate, 0)
        self._on_close = on_close

    def __iter__(self) -> "Rows":
        return self

    def __next__(self) -> tuple[int, list]:
        return next(self._rows)

    def close(self) -> None:
        """Release the file (also when the rows were not read to the end, or not at all)."""
        close = getattr(self._rows, "close", None)
        if close:
            close()
        if self._on_close:
            self._on_close()
            self._on_close = None


def read_rows(path) -> tuple[list[str], Iterator[tuple[int, list]]]:
    """Header names and (row number, cell values) of the first sheet of a .xlsx or .csv file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise BioError(
            tr(
                "{file} is not a spreadsheet BioReserve can read: use an .xlsx or .csv file "
                "(an old .xls file: open it in Excel or WPS and save it as .xlsx).",
                file=path.name,
            )
        )
    if not path.is_file():
        raise BioError(tr("No file at {path}.", path=path))
    if suffix == ".csv":
        return _read_csv(path)
    return _read_xlsx(path)


def _is_empty(values) -> bool:
    for value in values:
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return False
    return True


def _header(values) -> list[str]:
    names = ["" if v is None else str(v).strip() for v in values]
    while names and not names[-1]:
        names.pop()
    return names


def _read_csv(path: Path) -> tuple[list[str], Rows]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BioError(tr("Cannot read {path}: {reason}", path=path, reason=exc)) from exc
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
                    file=path.name,
                )
            ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(next(reader, []))
    except csv.Error as exc:
        raise BioError(tr("Cannot read {path}: {reason}", path=path, reason=exc)) from exc

    def rows() -> Iterator[tuple[int, list]]:
        number = 1
        try:
            for values in reader:
                number += 1
                if values and not _is_empty(values):
                    yield number, values
        except csv.Error as exc:
            raise BioError(
                tr("Cannot read {path} at row {row}: {reason}", path=path, row=number, reason=exc)
            ) from exc

    return header, Rows(rows(), text.count("\n") - 1)


def _read_xlsx(path: Path) -> tuple[list[str], Rows]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise BioError(
            tr(
                "{file} cannot be read as an Excel workbook ({reason}); open it in Excel or "
                "WPS and save it as .xlsx again.",
                file=path.name,
                reason=exc,
            )
        ) from exc
    if not book.worksheets:
        book.close()
        return [], Rows(iter(()), 0)
    sheet = book.worksheets[0]
    estimate = (sheet.max_row - 1) if sheet.max_row else _count_rows(book, sheet) - 1
    # The <dimension> element may be missing or wrong (some programs write A1 only):
    # read every row there is rather than trust it.
    sheet.reset_dimensions()
    values = sheet.iter_rows(min_row=1, values_only=True)
    try:
        header = _header(next(values, ()))
    except Exception as exc:
        book.close()
        raise BioError(
            tr("{file} cannot be read as an Excel workbook ({reason}).", file=path.name, reason=exc)
        ) from exc

    def rows() -> Iterator[tuple[int, list]]:
        number = 1
        try:
            for number, cells in enumerate(values, start=2):
                if cells and not _is_empty(cells):
                    yield number, list(cells)
        except Exception as exc:  # a damaged sheet: XML or zip errors from openpyxl
            raise BioError(
                tr("Cannot read {path} at row {row}: {reason}", path=path, row=number, reason=exc)
            ) from exc
        finally:
            book.close()

    return header, Rows(rows(), estimate, book.close)


def _count_rows(book, sheet) -> int:
    """Rows in a sheet without a <dimension>: count its <row> elements (fast, no parsing)."""
    try:
        with book._archive.open(sheet._worksheet_path) as raw:
            count, tail = 0, b""
            while block := raw.read(1 << 20):
                chunk = tail + block  # the tail's rows were counted with the last block
                count += len(ROW_TAG.findall(chunk)) - len(ROW_TAG.findall(tail))
                tail = chunk[-8:]
            return count
    except (AttributeError, KeyError, OSError, zipfile.BadZipFile):
        return 0


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
        append(row)
        n += 1
    return n


def save_workbook(book, path) -> None:
    """Save a workbook under a temporary name beside the target, then move it into place:
    a failure (or a cancelled export) never leaves half a file under the target's name."""
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(suffix=".xlsx", prefix=".~", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    try:
        book.save(tmp_name)
        os.replace(tmp_name, path)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    finally:
        if os.path.exists(tmp_name):
            os.remove(tmp_name)
