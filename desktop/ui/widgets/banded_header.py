"""A horizontal header in two bands, read top-down: above, the title of each group of
columns (a playbook over its phases), below, each column's own title (the phase). A
column outside any group has its title over both bands (成员单位).

The model names each column's group with headerData(section, Horizontal, GROUP_ROLE);
neighbouring columns with the same group form one, whose title is drawn once across
them (each section paints its part of the band, so scrolling and resizing need nothing
more). The group's title may have two lines (its name, then its code and version).
"""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
LINES = 2  # lines of a group's title
PADDING = 6  # px above and below the text of a band


class BandedHeader(QHeaderView):
    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHighlightSections(False)
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    # the model's groups -------------------------------------------------------------------
    def group(self, section: int) -> str:
        model = self.model()
        if model is None or not 0 <= section < model.columnCount():
            return ""
        return model.headerData(section, Qt.Orientation.Horizontal, GROUP_ROLE) or ""

    def group_range(self, section: int) -> tuple[int, int]:
        """The first and last section of the group this section belongs to."""
        group = self.group(section)
        first = last = section
        while first > 0 and self.group(first - 1) == group:
            first -= 1
        while last + 1 < self.count() and self.group(last + 1) == group:
            last += 1
        return first, last

    def band(self) -> int:
        """The height of the upper band."""
        return self.fontMetrics().height() * LINES + 2 * PADDING

    # sizes --------------------------------------------------------------------------------
    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        return QSize(size.width(), size.height() + self.band())

    # painting -----------------------------------------------------------------------------
    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        group = self.group(logical)
        if not group:  # one title over both bands
            super().paintSection(painter, rect, logical)
            return
        band = self.band()
        painter.save()
        super().paintSection(painter, rect.adjusted(0, band, 0, 0), logical)
        painter.restore()
        first, last = self.group_range(logical)
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = QRect(left, rect.top(), right - left, band)
        option.section = first
        option.textAlignment = Qt.AlignmentFlag.AlignCenter
        option.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
        metrics = self.fontMetrics()
        option.text = "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, right - left - 2 * PADDING)
            for line in group.split("\n")
        )
        painter.save()
        painter.setClipRect(QRect(rect.left(), rect.top(), rect.width(), band))
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        # the group's edges and foot, which the style leaves out of a band this wide
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(right - 1, rect.top(), right - 1, rect.top() + band - 1)
        painter.drawLine(rect.left(), rect.top() + band - 1, rect.right(), rect.top() + band - 1)
        painter.restore()
