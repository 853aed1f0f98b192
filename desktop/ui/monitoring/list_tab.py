"""A tab of the 长期监测 page that shows one list of the chosen incident: its buttons and
filters above (with the count on the right), the table below; what is chosen in it."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import list_table
from desktop.ui.widgets import style


class ListTab(IncidentTab):
    """An IncidentTab over one table; subclasses call lay_out() once their bar is made."""

    def lay_out(self, bar: QHBoxLayout, model, stretch: int, *between) -> None:
        """The bar (its count added on the right), any layouts between, the table of
        `model` with column `stretch` taking the room left."""
        self.count = style.apply(QLabel(), "muted")
        bar.addStretch(1)
        bar.addWidget(self.count)
        self.model = model
        self.table = list_table(model, stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        for item in between:
            layout.addLayout(item)
        layout.addWidget(self.table, 1)
        self.update_actions()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None
