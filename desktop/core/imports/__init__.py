"""Importing catalogue items, depots, stock, reserve norms and experts from .xlsx and .csv
files, and the templates to fill in.

Each kind is a module (items, depots, stock, norms, experts) holding its columns, the Job
that checks and writes its rows by the same rules as the forms and the CLI, and what its
template says; kinds.KINDS lists them. The rest is shared: columns (the header row), job
(the Job base class and the report), running (`validate` and `run`: every row checked,
then one all-or-nothing transaction), templates (`write_template` and its instructions
sheet 说明) and lists (the valid values a template lists).

A file, or stock receipts, imported before are refused unless imported again on purpose
(fingerprints). Every error shows the bad value (“12.5”: not a whole number).

Specialties, categories and units are controlled vocabularies: shipped synonyms map
(传染病学 → 临床感染病, 付 → 副), and an unknown value is refused with the nearest known
ones unless the person importing adds it to the vocabulary (vocabulary.Additions).

Cells are read by desktop.core.values — dates such as 2026-03-01, 2026/3/1, 2026.3.1,
2026年3月1日, 20260301, Excel date cells and serial numbers; whole-number quantities
(100.0 from Excel is 100); 是/否 — the same way the forms read them.
"""

from desktop.core.imports.experts import export_rows, export_xlsx
from desktop.core.imports.fingerprints import Earlier, ImportedBefore
from desktop.core.imports.job import WRITE_CHUNK, Cancelled, Report, RowError
from desktop.core.imports.kinds import NAMES as KINDS
from desktop.core.imports.running import run, validate
from desktop.core.imports.templates import INSTRUCTIONS, write_template
from desktop.core.imports.vocabulary import Added, Additions, Unknown

__all__ = [
    "Added",
    "Additions",
    "INSTRUCTIONS",
    "KINDS",
    "WRITE_CHUNK",
    "Cancelled",
    "Earlier",
    "ImportedBefore",
    "Report",
    "RowError",
    "Unknown",
    "export_rows",
    "export_xlsx",
    "run",
    "validate",
    "write_template",
]
