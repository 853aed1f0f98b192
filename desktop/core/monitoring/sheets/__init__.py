"""Monitoring lists as spreadsheets: importing a cohort list or a list of results as
hospitals and township health centres send them (importing; the rows' checks in
people_rows and result_rows, the columns in columns), their templates (template) and the
export of an incident's people and results, masked unless shown with a reason
(export)."""

from desktop.core.monitoring.sheets.export import export
from desktop.core.monitoring.sheets.importing import SheetRefused, import_file
from desktop.core.monitoring.sheets.template import KINDS, write_template

__all__ = ["KINDS", "SheetRefused", "export", "import_file", "write_template"]
