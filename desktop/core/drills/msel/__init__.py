"""The drill's workbook (演练脚本, the MSEL as drill teams draft it in a spreadsheet): read
and checked whole, imported into a drill before it starts, exported in the same layout,
and its template.

Sheets, by their Chinese names (English ones accepted): 情景 — one item a row (项目,
内容): the drill's fields and playbooks; 目标; 参演人员; 事件清单, the one required; 预期行动.
说明 explains them and is not read. Values of the closed lists (trigger, channel, action,
role, state, kind, hazard, grade) are their Chinese or English names or codes; agencies
their code, name or short name; times after the start (T+) minutes, or hours:minutes
(1:30, 01:30:00, an Excel time cell).

Files are hostile until read: spreadsheet.read_sheets checks the zip and its XML before
anything is parsed, with caps made for a drill (MAX_FILE, MAX_CELLS, a row cap per
sheet). Formulas are refused (Excel shows what it recalculates, the file holds what was
saved: they may differ) and so are merged cells (one value for several rows). Every
problem is named by sheet, row, column and the value at fault, up to MAX_PROBLEMS, and
nothing is written while there is one (MselError).
"""

from desktop.core.drills.msel.cells import minutes, shown
from desktop.core.drills.msel.reading import (
    MAX_CELLS,
    MAX_FILE,
    MAX_PROBLEMS,
    MselError,
    Problem,
    import_plan,
    read,
)
from desktop.core.drills.msel.writing import export, write_template

__all__ = [
    "MAX_CELLS",
    "MAX_FILE",
    "MAX_PROBLEMS",
    "MselError",
    "Problem",
    "export",
    "import_plan",
    "minutes",
    "read",
    "shown",
    "write_template",
]
