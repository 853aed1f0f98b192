"""Two small charts painted with QPainter (QtCharts is not installed and would cost
start-up time): horizontal bars (compliance by category, against a 100 % line) and
columns (lots expiring per month). Axes start at zero; hovering shows exact figures."""

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.ui.widgets import style


class Bar(NamedTuple):
    label: str
    value: float
    tooltip: str = ""
    colour: QColor | None = None


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2 … 8 × 10ⁿ) at or above value: an axis end."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class _Chart(QWidget):
    """What both charts share: bars, hit areas for tooltips, an empty state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self._areas: list[QRectF] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def bar_at(self, point) -> Bar | None:
        for bar, area in zip(self.bars, self._areas, strict=False):
            if area.contains(QPointF(point)):
                return bar
        return None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            bar = self.bar_at(event.pos())
            if bar is not None:
                QToolTip.showText(event.globalPos(), bar.tooltip or bar.label, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _empty(self, painter: QPainter) -> bool:
        if self.bars:
            return False
        painter.setPen(QColor(style.GREY))
        painter.drawText(
            self.rect(),
            Qt.AlignmentFlag.AlignCenter,
            QCoreApplication.translate("Chart", "No data"),
        )
        return True


class HBarChart(_Chart):
    """Horizontal bars from a zero axis, with an optional reference line (e.g. 100 %)."""

    def __init__(self, unit: str = "", reference: float | None = None, parent=None):
        super().__init__(parent)
        self.unit = unit
        self.reference = reference

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._areas = []
        if self._empty(painter):
            return
        metrics = self.fontMetrics()
        top_value = max([bar.value for bar in self.bars] + [self.reference or 0])
        axis_end = nice_ceiling(top_value)
        left = min(max(metrics.horizontalAdvance(bar.label) for bar in self.bars) + 12, 200)
        right = metrics.horizontalAdvance(f"{_number(axis_end)} {self.unit}") + 8
        bottom = metrics.height() + 8
        plot = QRectF(left, 6, max(self.width() - left - right, 10), self.height() - 6 - bottom)
        row = plot.height() / len(self.bars)
        thickness = max(min(row * 0.65, 26), 3)

        def x_of(value: float) -> float:
            return plot.left() + plot.width() * value / axis_end

        ticks = 4
        for n in range(ticks + 1):
            value = axis_end * n / ticks
            x = x_of(value)
            painter.setPen(QPen(style.CHART_GRID, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(self.palette().text().color())
            text = f"{_number(value)}{self.unit}"
            painter.drawText(
                QRectF(x - 40, plot.bottom() + 2, 80, metrics.height() + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )
        for n, bar in enumerate(self.bars):
            centre = plot.top() + row * (n + 0.5)
            area = QRectF(
                plot.left(), centre - thickness / 2, x_of(bar.value) - plot.left(), thickness
            )
            painter.fillRect(area, bar.colour or style.CHART_BAR)
            self._areas.append(QRectF(0, centre - row / 2, self.width(), row))
            painter.setPen(self.palette().text().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, left - 10)
            painter.drawText(
                QRectF(0, centre - row / 2, left - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            value_text = f"{_number(bar.value)}{self.unit}"
            inside = metrics.horizontalAdvance(value_text) + 8 < area.width()
            painter.setPen(QColor("white") if inside else self.palette().text().color())
            text_x = (
                area.right() - metrics.horizontalAdvance(value_text) - 4
                if inside
                else area.right() + 4
            )
            painter.drawText(
                QRectF(text_x, centre - row / 2, metrics.horizontalAdvance(value_text) + 2, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                value_text,
            )
        if self.reference is not None:
            x = x_of(self.reference)
            painter.setPen(QPen(style.CHART_LINE, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))


class ColumnChart(_Chart):
    """Vertical columns from a zero axis with gridlines and the value above each column."""

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._areas = []
        if self._empty(painter):
            return
        metrics = self.fontMetrics()
        axis_end = nice_ceiling(max(bar.value for bar in self.bars))
        left = metrics.horizontalAdvance(_number(axis_end)) + 10
        bottom = metrics.height() + 8
        top = metrics.height() + 4
        plot = QRectF(left, top, max(self.width() - left - 6, 10), self.height() - top - bottom)
        slot = plot.width() / len(self.bars)
        width = max(slot * 0.7, 2)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / axis_end

        ticks = 4
        for n in range(ticks + 1):
            value = axis_end * n / ticks
            y = y_of(value)
            painter.setPen(QPen(style.CHART_GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _number(value),
            )
        for n, bar in enumerate(self.bars):
            x = plot.left() + slot * n + (slot - width) / 2
            area = QRectF(x, y_of(bar.value), width, plot.bottom() - y_of(bar.value))
            painter.fillRect(area, bar.colour or style.CHART_BAR)
            self._areas.append(
                QRectF(plot.left() + slot * n, plot.top(), slot, plot.height() + bottom)
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(plot.left() + slot * n, plot.bottom() + 2, slot, metrics.height() + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot)),
            )
            if bar.value and metrics.horizontalAdvance(_number(bar.value)) <= slot:
                painter.drawText(
                    QRectF(
                        plot.left() + slot * n,
                        area.top() - metrics.height() - 2,
                        slot,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    _number(bar.value),
                )
