"""The list tables of the incidents area: read-only rows (widgets/style.table), one column
stretched to take the room left, the others sized to their contents (capped, so that one
long text does not push the figures out of sight; numbers are never cut)."""

from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.ui.widgets import style


def list_table(model, stretch: int) -> QTableView:
    table = style.table(QTableView())
    table.setModel(model)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fit(table: QTableView, widest: int = 260) -> None:
    """Size the columns that are not stretched to the rows shown (capped at `widest`,
    except numbers)."""
    header = table.horizontalHeader()
    model = table.model()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        table.resizeColumnToContents(column)
        numeric = getattr(model, "columns", None) and model.columns[column].kind == "number"
        if header.sectionSize(column) > widest and not numeric:
            header.resizeSection(column, widest)
