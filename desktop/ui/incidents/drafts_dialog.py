"""What 生成调拨单 made: the draft orders (number, issuing depot, lines) and, in red, what
the reserves the incident may draw on do not hold. Double-clicking an order (or 打开调拨单)
shows it on the 调拨单 page, where it is submitted and approved."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.widgets import style
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel


class DraftsDialog(QDialog):
    """Signals:
    order_requested(str): show this order on the 调拨单 page.
    """

    order_requested = Signal(str)

    def __init__(self, drafted, parent=None):
        super().__init__(parent)
        self.drafted = drafted
        self.setWindowTitle(self.tr("Draft allocation orders"))
        self.setMinimumWidth(760)
        heading = style.apply(
            QLabel(self.tr("{count} draft order(s) made, earliest expiry first (FEFO):").format(
                count=len(drafted.orders))),
            "heading",
        )  # fmt: skip
        heading.setWordWrap(True)
        self.model = RowsModel(
            [
                Column("number", self.tr("Number")),
                Column("depot", self.tr("Issuing depot")),
                Column("count", self.tr("Lines"), "number"),
                Column("what", self.tr("Items")),
            ],
            parent=self,
        )
        self.model.set_rows(
            [
                {
                    "number": order["number"],
                    # the code first: a long name may be cut, the code never
                    "depot": f"{order['from_depot']} {order['from_depot_name']}",
                    "count": len(order["lines"]),
                    "what": "；".join(
                        f"{line['item_name']} {line['qty']:,} {line['unit']}"
                        for line in order["lines"]
                    ),
                }
                for order in drafted.orders
            ]
        )
        self.table = list_table(self.model, 3)
        fit(self.table, widest=300)
        self.table.doubleClicked.connect(lambda _index: self.open_order())
        self.short = style.apply(QLabel(), "error")
        self.short.setWordWrap(True)
        if drafted.short:
            bold = self.short.font()
            bold.setBold(True)
            self.short.setFont(bold)
            self.short.setText(
                self.tr("Not in the reserves the incident may draw on:")
                + "\n"
                + "\n".join(
                    f"{s['item'] or ''} {s['item_name']}: {s['qty']:,} {s['unit']}".strip()
                    for s in drafted.short
                )
            )
        else:
            self.short.hide()
        note = style.apply(
            QLabel(self.tr("The orders are drafts: submit and approve them on the Orders page.")),
            "muted",
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("Open order"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_order)
        self.open_button.setEnabled(bool(drafted.orders))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.short)
        layout.addWidget(note)
        layout.addWidget(buttons)
        if drafted.orders:
            choose_row(self.table, 0)
        self.resize(860, 420)

    def open_order(self) -> None:
        row = self.model.row(self.table.currentIndex().row())
        if row is not None:
            self.order_requested.emit(row["number"])
            self.accept()
