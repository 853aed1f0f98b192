"""Text roles (page title, heading, figure, caption, banner, …) applied with fonts and
palettes rather than style sheets: a style sheet on the application re-polishes every
widget through QStyleSheetStyle, which doubled the time to build the main window."""

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel

BLUE = "#1f4e79"
RED = "#b3261e"
AMBER = "#9a5b00"
GREEN = "#2e7d32"
GREY = "#666666"
LIGHT_GREY = "#9e9e9e"

ROLES = {
    # role: (point size delta, bold, text colour, background)
    "pageTitle": (6, True, None, None),
    "heading": (2, True, None, None),
    "figure": (10, True, BLUE, None),
    "figureWarn": (10, True, RED, None),
    "figureAmber": (10, True, AMBER, None),
    "caption": (0, False, GREY, None),
    "muted": (0, False, GREY, None),
    "error": (0, False, RED, None),
    "ok": (0, False, GREEN, None),
    "banner": (0, False, "#7a4b00", "#fff4ce"),
    "marker": (0, True, "#ffffff", RED),
}

# Table rows: expired stock, stock near expiry, stock that cannot be issued (not 合格).
EXPIRED = QColor(RED)
NEAR_EXPIRY = QColor(AMBER)
UNUSABLE = QColor(LIGHT_GREY)

# Charts: bars, the reference line, and the bars that need attention.
CHART_BAR = QColor("#4a7fb0")
CHART_LINE = QColor(RED)
CHART_WARN = QColor("#e0a030")
CHART_BAD = QColor("#c94c44")
CHART_GRID = QColor("#d8d8d8")


def apply(label: QLabel, role: str) -> QLabel:
    delta, bold, colour, background = ROLES[role]
    font = QFont(label.font())
    # applied again (a status that changes): the size counts from the label's own, never
    # from the last role's. Kept as text: a number's first conversion to a Qt property
    # creates QByteArray's enums (~1 ms, on the way to the window's first frame: its cover)
    held = label.property("style_base_size")
    if held is None:
        base = font.pointSizeF()
        label.setProperty("style_base_size", repr(base))
    else:
        base = float(held)
    font.setPointSizeF(base + delta)
    font.setBold(bold)
    label.setFont(font)
    palette = label.palette()
    if colour:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    if background:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        label.setAutoFillBackground(True)
        label.setMargin(6 if role == "banner" else 2)
    label.setPalette(palette)
    return label


def table(view):
    """A read-only list table: whole rows selected, fixed row heights (a view that sizes
    rows to their contents measures every row, which a long ledger cannot afford), columns
    that fit what they show as rows arrive and keep the widths the user gives them
    (table_columns)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    from desktop.ui.widgets.table_columns import sizer_of

    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    columns = view.horizontalHeader()
    columns.setHighlightSections(False)
    columns.setResizeContentsPrecision(200)  # size columns from the first rows only
    columns.setStretchLastSection(True)
    sizer_of(view)
    return view


def fit_columns(view, stretch: int | None = None, widest: int = 240) -> None:
    """Size columns to the rows loaded so far (text capped at `widest`, numbers never;
    widths the user set are kept), optionally stretching one."""
    from PySide6.QtWidgets import QHeaderView

    from desktop.ui.widgets.table_columns import fit

    header = view.horizontalHeader()
    if stretch is not None and stretch < header.count():
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fit(view, widest)
