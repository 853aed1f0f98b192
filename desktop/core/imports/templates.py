"""An .xlsx template for each import kind, with its instructions.

The first sheet holds the header row in Chinese (English column names are accepted too)
and imports cleanly once filled in; codes are text cells (0001 and 430422 stay as typed),
and columns with a short list of values offer it as a drop-down suggestion. The second
sheet 说明 describes every column — required or not, allowed values, other accepted
names — with an example row and the lists of valid values, from the open database when
there is one, else from the shipped reference data.
"""

from datetime import date

import desktop.core.imports.kinds as kinds
from desktop.core import spreadsheet
from desktop.core.i18n import tr
from desktop.core.imports.columns import Column, Kind
from desktop.core.store.handle import Database

INSTRUCTIONS = "说明"
DROP_DOWN_CHARS = 250  # Excel refuses longer lists written into a validation formula
DROP_DOWN_ROWS = 10000  # rows offered the drop-down suggestion
HEADER_FILL = "DDEBF7"  # light blue behind header rows
HELP_WIDTHS = (22, 16, 70, 40, 30)  # the instructions sheet's columns A to E


def write_template(kind: str, path, db: Database | None = None) -> None:
    """An .xlsx template: the header row on the first sheet (which imports cleanly once
    filled in) and the instructions on a second sheet 说明 — every column, required or
    not, allowed values, an example row and the valid categories, levels, divisions and
    agencies (from the open database, else from the shipped reference data)."""
    import openpyxl
    from openpyxl.styles import Font

    spec = kinds.get(kind)
    columns = spec.columns
    suggested, example, lists = spec.template(db)
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]  # the one sheet a new workbook has (book.active)
    sheet.title = spec.sheet
    header_row(sheet, columns, suggested)

    help_sheet = book.create_sheet(INSTRUCTIONS)
    append(help_sheet, [tr("How to fill in the sheet {sheet}", sheet=spec.sheet)])
    help_sheet["A1"].font = Font(bold=True, size=13)
    for line in guidance(spec):
        append(help_sheet, [line])
    append(help_sheet, [])
    column_table(help_sheet, columns, spec.describe(), suggested)
    append(help_sheet, [])
    append(help_sheet, [tr("Example row (an illustration only: it is not imported)")])
    help_sheet.cell(row=help_sheet.max_row, column=1).font = Font(bold=True)
    append(help_sheet, [c.header for c in columns], Font(bold=True))
    append(help_sheet, example, Font(italic=True, color="808080"))
    for cell in help_sheet[help_sheet.max_row]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for listed in lists:
        append(help_sheet, [])
        value_list(help_sheet, *listed)
    for letter, width in zip("ABCDE", HELP_WIDTHS, strict=True):
        help_sheet.column_dimensions[letter].width = width
    spreadsheet.save_workbook(book, path)


# ---------------------------------------------------------------- pieces (also msel's)


def append(sheet, row: list, font=None) -> None:
    """Append a row (in `font`, when given); texts from the database stay texts
    (spreadsheet.cells)."""
    sheet.append(spreadsheet.cells(sheet, row))
    if font is not None:
        for cell in sheet[sheet.max_row]:
            cell.font = font


def header_row(sheet, columns: tuple[Column, ...], suggested: dict[str, list[str]]) -> None:
    """Row 1: the columns' headers, bold on blue, frozen; code columns keep what is typed
    as text (0001, 430422), date columns show dates, and a column with a short list of
    values offers it as a drop-down suggestion."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    append(sheet, [c.header for c in columns])
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        cell = sheet.cell(row=1, column=i)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions[letter].width = max(spreadsheet.display_width(col.header) + 4, 14)
        if col.kind == "code":
            sheet.column_dimensions[letter].number_format = "@"  # keeps 0001 and 430422 as typed
        elif col.kind == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
        suggest(sheet, suggested.get(col.key), f"{letter}2:{letter}{DROP_DOWN_ROWS}")
    sheet.freeze_panes = "A2"


def suggest(sheet, choices: list[str] | None, cells: str) -> None:
    """Offer a short list of values in these cells as a drop-down suggestion (not a rule:
    codes and English names work too); a list too long for Excel is left out."""
    from openpyxl.worksheet.datavalidation import DataValidation

    listed = ",".join(choices or [])
    if choices and len(listed) < DROP_DOWN_CHARS and '"' not in listed:
        rule = DataValidation(
            type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=False
        )
        sheet.add_data_validation(rule)
        rule.add(cells)


def column_table(help_sheet, columns, notes: dict, suggested: dict[str, list[str]]) -> None:
    """The instructions' table of a sheet's columns: each with required or optional, its
    description, allowed values and other accepted names."""
    from openpyxl.styles import Font, PatternFill

    append(
        help_sheet,
        [
            tr("Column"),
            tr("Required or optional"),
            tr("Description"),
            tr("Allowed values or format"),
            tr("Other accepted names"),
        ],
    )
    for cell in help_sheet[help_sheet.max_row]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for col in columns:
        description, allowed = notes[col.key]
        if not allowed and col.key in suggested:  # 物资类别: the categories
            allowed = "、".join(suggested[col.key])
        append(
            help_sheet,
            [
                col.header,
                tr("Required") if col.required else tr("Optional"),
                description,
                allowed,
                ", ".join(col.aliases),
            ],
        )


def value_list(help_sheet, title: str, header: list[str], rows: list) -> None:
    """A list of valid values under the title with their count (lists.py)."""
    from openpyxl.styles import Font

    append(help_sheet, [f"{title}（{len(rows)}）"])
    help_sheet.cell(row=help_sheet.max_row, column=1).font = Font(bold=True)
    append(help_sheet, header, Font(bold=True))
    for row in rows:
        append(help_sheet, list(row))


def guidance(spec: Kind) -> list[str]:
    """The instructions' opening lines: how to fill in the sheet and import it, then the
    kind's own."""
    return [
        tr("Fill in the first sheet: one row per line under the header row, which must stay "
           "as it is. Required columns must be filled in on every row. English column names "
           "are accepted too. The sheet may also be saved as CSV (UTF-8 or GBK)."),
        tr("Import: bioreserve {kind} import FILE.xlsx. Every bad row is reported with its "
           "row number and nothing is imported; add --skip-invalid to import the good rows "
           "and skip the bad ones.", kind=spec.command),
        *spec.guidance(),
    ]  # fmt: skip
