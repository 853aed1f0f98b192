"""The list tables of the incidents area: read-only rows (widgets/style.table), one column
stretched to take the room left, the others sized to their contents (capped, so that one
long text does not push the figures out of sight; numbers are never cut)."""

from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.ui.widgets import style, table_columns


def list_table(model, stretch: int) -> QTableView:
    table = style.table(QTableView())
    table.setModel(model)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fit(table: QTableView, widest: int = 260) -> None:
    """Size the columns that are not stretched to the rows shown (capped at `widest`,
    except numbers; widths the user set are kept: widgets/table_columns)."""
    table_columns.fit(table, widest)
