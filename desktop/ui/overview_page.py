"""总览: the figures that tell a duty officer where the reserves stand."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import overview
from desktop.ui import style
from desktop.ui.depot_summary_model import DepotSummaryModel


class FigureCard(QFrame):
    """A large number with its caption."""

    def __init__(self, caption: str, parent=None, warn: bool = False):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        style.apply(self.value, "figureWarn" if warn else "figure")
        self.caption = QLabel(caption)
        style.apply(self.caption, "caption")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")


class OverviewPage(QWidget):
    """Cards with counts, and a stock summary per depot, loaded on the worker.

    Signals:
        loaded(dict): new figures are on screen.
    """

    loaded = Signal(dict)

    def __init__(self, worker, demo: bool, parent=None):
        super().__init__(parent)
        self.worker = worker
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Overview"))
        style.apply(title, "pageTitle")
        layout.addWidget(title)
        if demo:
            banner = QLabel(
                self.tr(
                    "DEMONSTRATION DATA: this database holds a demonstration data set and "
                    "must not be used for real operations."
                )
            )
            banner.setObjectName("demoBanner")
            style.apply(banner, "banner")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        self.cards = {
            "depots": FigureCard(self.tr("Depots")),
            "items": FigureCard(self.tr("Catalogue items")),
            "lots_in_stock": FigureCard(self.tr("Lots in stock")),
            "near_expiry_lots": FigureCard(
                self.tr("Lots expiring within {days} days").format(days=overview.NEAR_EXPIRY_DAYS),
                warn=True,
            ),
            "expired_lots": FigureCard(self.tr("Expired lots in stock"), warn=True),
            "experts": FigureCard(self.tr("Experts")),
            "agencies": FigureCard(self.tr("Member agencies")),
            "divisions": FigureCard(self.tr("Administrative divisions")),
        }
        grid = QGridLayout()
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 4, n % 4)
        layout.addLayout(grid)
        heading = QLabel(self.tr("Stock by depot"))
        style.apply(heading, "heading")
        layout.addWidget(heading)
        self.model = DepotSummaryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        style.apply(self.status, "muted")
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self.worker.run(overview.figures, self._show)

    def _show(self, figures: dict) -> None:
        for key, card in self.cards.items():
            card.set_value(figures[key])
        self.model.set_rows(figures["depot_rows"])
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status.setText(self.tr("Updated"))
        self.loaded.emit(figures)
