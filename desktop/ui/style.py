"""Text roles (page title, heading, figure, caption, banner, …) applied with fonts and
palettes rather than style sheets: a style sheet on the application re-polishes every
widget through QStyleSheetStyle, which doubled the time to build the main window."""

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel

BLUE = "#1f4e79"
RED = "#b3261e"
GREY = "#666666"

ROLES = {
    # role: (point size delta, bold, text colour, background)
    "pageTitle": (6, True, None, None),
    "heading": (2, True, None, None),
    "figure": (10, True, BLUE, None),
    "figureWarn": (10, True, RED, None),
    "caption": (0, False, GREY, None),
    "muted": (0, False, GREY, None),
    "error": (0, False, RED, None),
    "banner": (0, False, "#7a4b00", "#fff4ce"),
    "marker": (0, True, "#ffffff", RED),
}


def apply(label: QLabel, role: str) -> QLabel:
    delta, bold, colour, background = ROLES[role]
    font = QFont(label.font())
    if delta:
        font.setPointSizeF(font.pointSizeF() + delta)
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
