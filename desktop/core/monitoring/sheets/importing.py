"""Importing a cohort list or a list of results into an incident's monitoring, from an
.xlsx (or .csv) file as hospitals and township health centres send them.

The file is hostile until read: its size is capped before anything is parsed, and
spreadsheet.read_sheets checks the zip and its XML and caps the cells calamine lays out;
the rows are capped as they are read. Nothing is evaluated: a formula in a column that
is imported is refused (the file holds the value last saved, which Excel may show
otherwise), and so are merged cells among the rows. A title row or two above the header
row is skipped; the header row tells which list it is (columns.identify).

Every row is checked before anything is written (people_rows, result_rows), inside the
write transaction so that nothing changes between the check and the write; every problem
is reported — row, column as the file heads it, the value at fault — and while there is
one nothing is written (SheetRefused). Then all rows are written in that one transaction
through the monitoring core (people.add_in, results.record_in).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

import desktop.core.monitoring.sheets.columns as columns
from desktop.core import paths, spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.job import RowError
from desktop.core.incidents import records
from desktop.core.monitoring.sheets.people_rows import PeopleRows
from desktop.core.monitoring.sheets.result_rows import ResultRows
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

MAX_FILE = 32 << 20  # 100,000 rows of a dozen columns take about 8 MB
MAX_ROWS = 100_000  # data rows: 5,000 people's temperatures for 20 days
MAX_CELLS = 4_000_000  # the sheets' rectangles together (calamine lays them out)
MAX_COLUMNS = 100
HEADER_ROWS = 5  # the header row is among the first five (titles may stand above it)
MAX_LISTED = 100  # problems the message lists (SheetRefused.errors holds them all)
CELL = re.compile(r"([A-Z]{1,3})([1-9]\d{0,6})")  # a cell's reference: C7
JOBS = {columns.PEOPLE: PeopleRows, columns.RESULTS: ResultRows}


class SheetRefused(BioError):
    """The file has problems, each in `errors` (row, column, reason); nothing changed."""

    def __init__(self, summary: str, errors: list[RowError], more: bool = False):
        self.errors = errors
        lines = [summary]
        for e in errors[:MAX_LISTED]:
            lines.append(
                tr("Row {row}, {column}: {reason}", row=e.row, column=e.column, reason=e.reason)
                if e.column
                else tr("Row {row}: {reason}", row=e.row, reason=e.reason)
            )
        if more or len(errors) > MAX_LISTED:
            lines.append(tr("… and more: correct these and try again."))
        super().__init__("\n".join(lines))


@dataclass
class Table:
    """A sheet's rows as read, before the database is asked anything."""

    kind: str
    header_row: int
    positions: dict[str, int]  # column key → index
    texts: dict[str, str]  # column key → header as written
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, {key: value})
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (row, key, reason)


def import_file(db: Database, ctx: Ctx, incident_ref, path) -> dict:
    """Import a cohort list or a list of results into the incident's monitoring; returns
    {"kind": "people" | "results", "rows", "added", …} (people: "cohorts", the people
    added by cohort; results: "updated", "unchanged", "alerts" raised). SheetRefused
    listing every problem, with nothing written, otherwise."""
    incident = records.get(db, incident_ref)
    path = Path(path)
    table = read(path)
    with write(db, ctx) as w:
        options = {}
        if table.kind == columns.RESULTS:
            options["measure"] = columns.measure_named(table.texts)
        job = JOBS[table.kind](
            db, path, table.texts, [], incident, present=frozenset(table.positions), **options
        )
        for row, key, reason in table.problems:
            job.bad(row, key, reason)
        checked = [job.check(number, given) for number, given in table.rows]
        good = job.finish([c for c in checked if c is not None])
        if job.errors or job.bad_rows:
            at = {table.texts[key]: i for key, i in table.positions.items()}
            job.errors.sort(key=lambda e: (e.row, at.get(e.column, MAX_COLUMNS)))
            raise SheetRefused(
                tr(
                    "Nothing was imported from {file}: {bad} of {total} rows have "
                    "problems. Correct them and import the file again.",
                    file=paths.shown_name(path),
                    bad=len(job.bad_rows),
                    total=len(table.rows),
                ),
                job.errors,
                job.unlisted,
            )
        done = job.write_rows(w, good)
    return {"kind": table.kind, "rows": len(table.rows), **done}


# ---------------------------------------------------------------- reading


def read(path: Path) -> Table:
    """The sheet's kind, header and rows, checked for what needs no database: sizes,
    formulas, merged cells, the header, control characters, empty required cells."""
    if path.is_file() and path.stat().st_size > MAX_FILE:
        size = -(-path.stat().st_size // (1 << 20))  # MB, rounded up
        raise BioError(
            tr(
                "{file} is too large for a monitoring list ({size} MB; at most {max} "
                "MB): split it.",
                file=paths.shown_name(path),
                size=size,
                max=MAX_FILE >> 20,
            )
        )
    sheet = _first_sheet(path)
    try:
        if sheet.rows.estimate > MAX_ROWS + HEADER_ROWS:
            raise _too_many(path)
        number, header, rest = _header_row(sheet.header, sheet.rows)
        if len(header) > MAX_COLUMNS:
            raise BioError(
                tr(
                    "{file} is refused: its header row has more than {max} columns.",
                    file=paths.shown_name(path),
                    max=MAX_COLUMNS,
                )
            )
        kind, positions, texts, errors = columns.identify(header, number)
        if kind is None or errors:
            raise SheetRefused(_header_summary(path, kind), errors)
        table = Table(kind, number, positions, texts)
        _check_cells(table, sheet.formulas, sheet.merged)
        _read_rows(path, table, rest)
    finally:
        sheet.rows.close()
    if not table.rows:
        raise BioError(
            tr(
                "{file} has no rows under its header row (row {row}); nothing was imported.",
                file=paths.shown_name(path),
                row=number,
            )
        )
    return table


def _first_sheet(path: Path) -> spreadsheet.Sheet:
    """The first sheet of an .xlsx file (with its formulas and merged cells), or a .csv
    file's rows (read_rows refuses other files, naming the reason)."""
    if path.suffix.lower() == ".xlsx":
        sheets = spreadsheet.read_sheets(path, MAX_CELLS)
        for other in sheets[1:]:
            other.rows.close()
        return sheets[0]
    header, rows = spreadsheet.read_rows(path)
    return spreadsheet.Sheet(
        paths.shown_name(path), header, spreadsheet.Rows(rows, getattr(rows, "estimate", 0)), [], []
    )


def _too_many(path: Path) -> BioError:
    return BioError(
        tr(
            "{file} has more than {max} rows, the most one import takes: split it.",
            file=paths.shown_name(path),
            max=f"{MAX_ROWS:,}",
        )
    )


def _header_row(header: list[str], rows) -> tuple[int, list[str], Iterator]:
    """The header row among the first HEADER_ROWS (row 1 unless a title stands above it),
    its names (at most MAX_COLUMNS + 1 of them), and the rows below it."""
    ahead = list(islice(rows, HEADER_ROWS - 1))
    candidates = [(1, header)] + [(n, _names(row)) for n, row in ahead]
    for i, (number, names) in enumerate(candidates):
        scores = columns.score(names[: MAX_COLUMNS + 1])
        if scores[columns.PEOPLE] != scores[columns.RESULTS]:
            return number, names, chain(ahead[i:], rows)
    return 1, header, chain(ahead, rows)


def _names(row: list) -> list[str]:
    names = [values.text(v) for v in row[: MAX_COLUMNS + 1]]
    while names and not names[-1]:
        names.pop()
    return names


def _header_summary(path: Path, kind: str | None) -> str:
    if kind is None:
        return tr(
            "Nothing was imported from {file}: it is neither a cohort list nor a list of results.",
            file=paths.shown_name(path),
        )
    template = "monitoring-people" if kind == columns.PEOPLE else "monitoring-results"
    return tr(
        "Nothing was imported from {file}: its header row does not match {kind} "
        "(`bioreserve template {template} --out FILE.xlsx` writes one).",
        file=paths.shown_name(path),
        kind=columns.kind_name(kind),
        template=template,
    )


def _check_cells(table: Table, formulas: list[str], merged: list) -> None:
    """Formulas and merged cells below the header row, in the columns imported."""
    from openpyxl.utils.cell import column_index_from_string

    by_index = {i: key for key, i in table.positions.items()}
    first = (table.header_row + 1, next(iter(table.positions)))  # where the data begins
    formula = tr(
        "This cell holds a formula; type the value itself (or copy the column and paste it "
        "as values)."
    )
    skipped = 0
    for ref in formulas:
        found = CELL.fullmatch(ref)
        if found is None:  # a formula without its cell's reference
            table.problems.append((*first, formula))
            continue
        row = int(found.group(2))
        key = by_index.get(column_index_from_string(found.group(1)) - 1)
        if row > table.header_row and key is not None:
            table.problems.append((row, key, formula))
        else:
            skipped += 1
    if skipped == len(formulas) == spreadsheet.MAX_FORMULAS_LISTED:  # more may follow unseen
        reason = tr(
            "The sheet holds too many formulas to check one by one; copy it and paste it as values."
        )
        table.problems.append((*first, reason))
    for top, left, bottom, right in merged:
        keys = [by_index[i] for i in range(left - 1, right) if i in by_index]
        if bottom > table.header_row and keys:
            reason = tr(
                "Merged cells ({rows} rows × {columns} columns); unmerge them and fill in "
                "every cell.",
                rows=bottom - top + 1,
                columns=right - left + 1,
            )
            table.problems.append((max(top, table.header_row + 1), keys[0], reason))


def _read_rows(path: Path, table: Table, rows) -> None:
    """The data rows as {key: value}; a text with a control character, or an empty
    required cell, is a problem (and the value is not looked at again)."""
    kind_columns = columns.COLUMNS[table.kind]
    required = [c.key for c in kind_columns if c.required and c.key in table.positions]
    multiline = {c.key for c in kind_columns if c.multiline}
    fields = list(table.positions.items())
    for number, row in rows:
        if len(table.rows) == MAX_ROWS:
            raise _too_many(path)
        width = len(row)
        given = {key: row[i] if i < width else None for key, i in fields}
        if all(values.blank(v) for v in given.values()):
            continue  # only ignored columns (序号) filled in
        for key, value in given.items():
            if isinstance(value, str):
                try:
                    values.clean_text(value, multiline=key in multiline)
                except values.BadValue as exc:
                    table.problems.append((number, key, str(exc)))
                    given[key] = None
        for key in required:
            if values.blank(given[key]):
                table.problems.append((number, key, tr("Required; this cell is empty.")))
        table.rows.append((number, given))
