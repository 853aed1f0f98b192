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
from desktop.core.imports.columns import Kind
from desktop.core.store.handle import Database

INSTRUCTIONS = "说明"
DROP_DOWN_CHARS = 250  # Excel refuses longer lists written into a validation formula
DROP_DOWN_ROWS = 10000  # rows offered the drop-down suggestion


def write_template(kind: str, path, db: Database | None = None) -> None:
    """An .xlsx template: the header row on the first sheet (which imports cleanly once
    filled in) and the instructions on a second sheet 说明 — every column, required or
    not, allowed values, an example row and the valid categories, levels, divisions and
    agencies (from the open database, else from the shipped reference data)."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    spec = kinds.get(kind)
    columns = spec.columns
    notes = spec.describe()
    suggested, example, lists = spec.template(db)
    bold, grey = Font(bold=True), Font(italic=True, color="808080")
    fill = PatternFill("solid", fgColor="DDEBF7")
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]  # the one sheet a new workbook has (book.active)
    sheet.title = spec.sheet
    _append(sheet, [c.header for c in columns])
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        cell = sheet.cell(row=1, column=i)
        cell.font, cell.fill = bold, fill
        sheet.column_dimensions[letter].width = max(spreadsheet.display_width(col.header) + 4, 14)
        if col.kind == "code":
            sheet.column_dimensions[letter].number_format = "@"  # keeps 0001 and 430422 as typed
        elif col.kind == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
        choices = suggested.get(col.key)
        listed = ",".join(choices or [])
        if choices and len(listed) < DROP_DOWN_CHARS and '"' not in listed:
            rule = DataValidation(
                type="list",
                formula1=f'"{listed}"',
                allow_blank=True,
                showErrorMessage=False,  # a suggestion: codes and English names work too
            )
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{DROP_DOWN_ROWS}")
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet(INSTRUCTIONS)
    _append(help_sheet, [tr("How to fill in the sheet {sheet}", sheet=spec.sheet)])
    help_sheet["A1"].font = Font(bold=True, size=13)
    for line in guidance(spec):
        _append(help_sheet, [line])
    _append(help_sheet, [])
    _append(
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
        cell.font, cell.fill = bold, fill
    for col in columns:
        description, allowed = notes[col.key]
        if not allowed and col.key in suggested:  # 物资类别: the categories
            allowed = "、".join(suggested[col.key])
        _append(
            help_sheet,
            [
                col.header,
                tr("Required") if col.required else tr("Optional"),
                description,
                allowed,
                ", ".join(col.aliases),
            ],
        )
    _append(help_sheet, [])
    _append(help_sheet, [tr("Example row (an illustration only: it is not imported)")])
    help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
    _append(help_sheet, [c.header for c in columns])
    for cell in help_sheet[help_sheet.max_row]:
        cell.font = bold
    _append(help_sheet, example)
    for cell in help_sheet[help_sheet.max_row]:
        cell.font = grey
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for title, header, rows in lists:
        _append(help_sheet, [])
        _append(help_sheet, [f"{title}（{len(rows)}）"])
        help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
        _append(help_sheet, header)
        for cell in help_sheet[help_sheet.max_row]:
            cell.font = bold
        for row in rows:
            _append(help_sheet, list(row))
    for letter, width in zip("ABCDE", (22, 16, 70, 40, 30), strict=True):
        help_sheet.column_dimensions[letter].width = width
    spreadsheet.save_workbook(book, path)


def _append(sheet, row: list) -> None:
    """Append a row; texts from the database stay texts (spreadsheet.cells)."""
    sheet.append(spreadsheet.cells(sheet, row))


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
