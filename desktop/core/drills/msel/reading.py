"""Reading the workbook whole — every sheet, row and cell checked, every problem named —
and importing it into a drill."""

from dataclasses import dataclass
from pathlib import Path

from desktop.core import spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.drills import injects, records
from desktop.core.drills.msel.cells import Cells, shown
from desktop.core.drills.msel.layout import (
    EXPECTS,
    FIELD_SHEETS,
    IGNORED_SHEETS,
    INJECTS,
    ITEMS,
    OBJECTIVES,
    PARTS,
    PEOPLE,
    SCENARIO,
    Part,
    header_of,
)
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.imports.columns import map_header, normal
from desktop.core.imports.templates import INSTRUCTIONS
from desktop.core.store.handle import Database

MAX_FILE = 16 << 20  # an MSEL of 2,000 long injects is a few MB
MAX_CELLS = 2_000_000  # all sheets' rectangles together (calamine lays them out)
MAX_PROBLEMS = 100


@dataclass
class Problem:
    sheet: str
    row: int | None  # as the spreadsheet shows it (the header is row 1); None: the sheet's
    column: str  # the header as the file writes it ("" for the sheet as a whole)
    reason: str

    def __str__(self) -> str:
        if self.row is None:
            return tr("{sheet}: {reason}", sheet=self.sheet, reason=self.reason)
        return tr("{sheet}, row {row}, {column}: {reason}", sheet=self.sheet, row=self.row,
                  column=self.column, reason=self.reason)  # fmt: skip


class MselError(BioError):
    """The workbook has problems (every one listed, up to MAX_PROBLEMS); nothing changed."""

    def __init__(self, file: str, problems: list[Problem], more: bool = False):
        self.problems = problems
        lines = [tr("{file} has {count} problem(s); nothing was changed:", file=file,
                    count=len(problems) if not more else f"{len(problems)}+")]  # fmt: skip
        lines += [str(p) for p in problems]
        if more:
            lines.append(tr("… and more: correct these and try again."))
        super().__init__("\n".join(lines))


class _Full(Exception):
    """MAX_PROBLEMS found: stop reading."""


class Problems:
    """What is wrong with the workbook, one reason per cell."""

    def __init__(self, path: Path):
        self.path = path
        self.found: list[Problem] = []
        self._cells: set[tuple] = set()

    def add(self, sheet: str, row: int | None, column: str, reason) -> None:
        if row is not None:
            if (sheet, row, column) in self._cells:
                return
            self._cells.add((sheet, row, column))
        self.found.append(Problem(sheet, row, column, str(reason)))
        if len(self.found) >= MAX_PROBLEMS:
            raise _Full

    def check(self, more: bool = False) -> None:
        """Raise MselError listing the problems by sheet and row (in the order found within
        a row: its cells left to right, then the rules across rows)."""
        if self.found:
            order = {p.title: n for n, p in enumerate(PARTS)}
            self.found.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
            raise MselError(self.path.name, self.found, more)


def read(path, db: Database) -> dict:
    """The workbook's scenario and plan, checked against the database (agencies,
    divisions, playbooks): {"scenario": drill fields as records.validate gives them, with
    "playbooks": [codes] when listed; "objectives", "people", "injects", "expects": as
    injects.check_plan takes them}. MselError listing every problem otherwise."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise BioError(tr("{file} is not an .xlsx workbook; a drill's scenario is read from "
                          "one (`bioreserve template msel` writes it).",
                          file=path.name))  # fmt: skip
    if path.is_file() and path.stat().st_size > MAX_FILE:
        raise BioError(tr("{file} is too large for a drill's scenario ({size} MB; at most "
                          "{max} MB).", file=path.name, size=path.stat().st_size >> 20,
                          max=MAX_FILE >> 20))  # fmt: skip
    sheets = spreadsheet.read_sheets(path, MAX_CELLS)
    problems = Problems(path)
    try:
        plan = _read(sheets, Cells(db), problems)
        if not problems.found:
            try:
                injects.check_plan(db, plan)  # the rules across rows the checks above leave out
            except Invalid as exc:  # an inject that waits for itself through others
                problems.add(FIELD_SHEETS.get(exc.field, INJECTS.title), None, "", exc)
    except _Full:
        problems.check(more=True)
    finally:
        for sheet in sheets:
            sheet.rows.close()
    problems.check()
    return plan


def _read(sheets: list[spreadsheet.Sheet], cells: Cells, problems: Problems) -> dict:
    found = _identify(sheets, problems)
    if INJECTS.key not in found:
        problems.add(INJECTS.title, None, "", tr("Required sheet missing."))
    tables = {
        part.key: _table(found[part.key], part, cells, problems) if part.key in found else []
        for part in PARTS
    }
    plan = {
        "scenario": _scenario(tables[SCENARIO.key], cells, problems),
        **{key: [row for _, row in tables[key]]
           for key in ("objectives", "people", "injects", "expects")},
    }  # fmt: skip
    for n, objective in enumerate(plan["objectives"], 1):
        objective["code"] = objective["code"] or f"O{n}"  # as check_plan names them
    _check_references(tables, problems)
    return plan


def _identify(sheets: list[spreadsheet.Sheet], problems: Problems) -> dict:
    """The workbook's sheets by the key of their part; an unknown sheet holding anything is
    refused (it may be a misspelt one whose rows would be lost)."""
    names = {normal(n): part for part in PARTS for n in (part.title, *part.aliases)}
    found: dict[str, spreadsheet.Sheet] = {}
    for sheet in sheets:
        part = names.get(normal(sheet.name))
        title = shown(sheet.name)
        if part is None:
            if normal(sheet.name) not in IGNORED_SHEETS and (sheet.header or sheet.rows.estimate):
                problems.add(title, None, "", tr("Unknown sheet; the sheets are {sheets} ({help} "
                             "is not read).", sheets="、".join(p.title for p in PARTS),
                             help=INSTRUCTIONS))  # fmt: skip
        elif part.key in found:
            problems.add(title, None, "", tr("This sheet appears twice."))
        else:
            found[part.key] = sheet
    return found


def _table(sheet: spreadsheet.Sheet, part: Part, cells: Cells, problems: Problems) -> list:
    """(row number, {column key: value}) of one sheet's rows; None for a cell empty or
    refused (refusals noted)."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    def header(index: int) -> str:
        return sheet.header[index - 1] if index <= len(sheet.header) else f"#{index}"

    for ref in sheet.formulas:
        letters, at = coordinate_from_string(ref)
        problems.add(part.title, at, header(column_index_from_string(letters)),
                     tr("This cell holds a formula; type the value itself (or copy the "
                        "column and paste it as values)."))  # fmt: skip
    for top, left, bottom, right in sheet.merged:
        problems.add(part.title, top, header(left), tr("Merged cells ({rows} rows × {columns} "
                     "columns); unmerge them and fill in every cell.",
                     rows=bottom - top + 1, columns=right - left + 1))  # fmt: skip
    positions, texts, errors, missing = map_header(part.columns, sheet.header)
    for error in errors:
        problems.add(part.title, error.row, error.column, error.reason)
    if missing:
        return []
    out: list[tuple[int, dict]] = []
    for number, row in sheet.rows:
        if len(out) == part.most:
            problems.add(part.title, None, "", tr("More than {max} rows, the most it may hold.",
                                                  max=f"{part.most:,}"))  # fmt: skip
            break
        given: dict = {}
        for col in part.columns:
            i = positions.get(col.key)
            value = row[i] if i is not None and i < len(row) else None
            given[col.key] = None
            if values.blank(value):
                if col.required:
                    problems.add(part.title, number, texts[col.key], tr("Required; this cell "
                                                                        "is empty."))  # fmt: skip
                continue
            if part is SCENARIO:  # its values are read by their item (_scenario)
                given[col.key] = value
                continue
            try:
                given[col.key] = cells.parse(col.key, value)
            except BioError as exc:
                problems.add(part.title, number, texts[col.key], exc)
        out.append((number, given))
    return out


def _scenario(rows: list, cells: Cells, problems: Problems) -> dict:
    """The drill's fields from the rows of 情景 (项目, 内容); an empty item is left out."""
    out: dict = {}
    seen: dict[str, int] = {}
    for number, row in rows:
        if row["item"] is None:  # reported: required
            continue
        name = values.text(row["item"])
        positions, _, errors, _ = map_header(ITEMS, [name])
        if errors or not positions:
            problems.add(SCENARIO.title, number, name, tr("Unknown item; the items are {items}.",
                         items="、".join(c.header for c in ITEMS)))  # fmt: skip
            continue
        key = next(iter(positions))
        if key in seen:
            problems.add(SCENARIO.title, number, name, tr("This item is already in row {row}.",
                                                          row=seen[key]))  # fmt: skip
            continue
        seen[key] = number
        if row["value"] is None:
            continue
        try:
            out[key] = cells.item(key, row["value"])
        except BioError as exc:
            problems.add(SCENARIO.title, number, name, exc)
    return out


def _check_references(tables: dict, problems: Problems) -> None:
    """The rules across rows, each problem at its row: numbers and codes unique, injects
    and objectives referred to that exist, participants named."""
    objectives: dict[str, int] = {}
    for number, row in tables["objectives"]:
        if row["code"] in objectives:
            problems.add(OBJECTIVES.title, number, header_of("code", OBJECTIVES),
                         tr("Objective {code} is listed twice.", code=row["code"]))  # fmt: skip
        objectives.setdefault(row["code"], number)
    for part, key in ((INJECTS, "objective"), (EXPECTS, "objective")):
        for number, row in tables[part.key]:
            if row[key] and row[key] not in objectives:
                problems.add(part.title, number, header_of(key, part),
                             tr("No objective {code} in the plan.", code=row[key]))  # fmt: skip
    for number, row in tables["people"]:
        if not row["name"] and not row["agency"]:
            problems.add(PEOPLE.title, number, header_of("name", PEOPLE),
                         tr("A participant needs a name or an agency."))  # fmt: skip
    numbers: dict[int, int] = {}
    for number, row in tables["injects"]:
        if row["no"] in numbers:
            problems.add(INJECTS.title, number, header_of("no", INJECTS),
                         tr("Inject {no} is already in row {row}.", no=row["no"],
                            row=numbers[row["no"]]))  # fmt: skip
        elif row["no"] is not None:
            numbers[row["no"]] = number
    for number, row in tables["injects"]:
        after, column = row["after"], header_of("after", INJECTS)
        if after is None and row["trigger"] == "after":
            problems.add(INJECTS.title, number, column,
                         tr("Give the number of the inject it follows."))  # fmt: skip
        elif after is not None and after not in numbers:
            problems.add(INJECTS.title, number, column, tr("No inject {no} in the list.", no=after))
        elif after is not None and after == row["no"]:
            problems.add(INJECTS.title, number, column, tr("An inject cannot follow itself."))
    for number, row in tables["expects"]:
        if row["inject"] is not None and row["inject"] not in numbers:
            problems.add(EXPECTS.title, number, header_of("inject", EXPECTS),
                         tr("No inject {no} in the list.", no=row["inject"]))  # fmt: skip


def import_plan(db: Database, ctx: Ctx, drill_ref, path) -> dict:
    """Make the workbook the drill's plan: its objectives, participants, injects and
    expected actions replace the drill's; the items of 情景 given change its fields and
    playbooks (empty ones keep them). Everything is read and checked first; refused with
    nothing changed when there is any problem or the drill has started. Returns the
    counts written and the fields changed."""
    drill = records.get(db, drill_ref)
    records.require_editable(drill)
    plan = read(path, db)
    scenario = dict(plan["scenario"])
    playbooks = scenario.pop("playbooks", None)
    counts = injects.replace(db, ctx, drill["id"], plan)
    fields = records.update(db, ctx, drill["id"], scenario, playbooks)
    return {**counts, "fields": fields}
