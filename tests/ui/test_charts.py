"""The painted charts: honest axes, exact figures on hover, nothing blank."""

import pytest
from PySide6.QtCore import QPoint

from desktop.ui.widgets.charts import Bar, ColumnChart, HBarChart, nice_ceiling


@pytest.mark.parametrize(
    "value, ceiling", [(0, 1), (0.4, 1), (1, 1), (7, 8), (87.3, 100), (100, 100), (294, 300)]
)
def test_axes_end_at_a_round_number_at_or_above_the_largest_value(value, ceiling):
    assert nice_ceiling(value) == ceiling


def painted_colours(widget) -> int:
    image = widget.grab().toImage()
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    )


@pytest.mark.parametrize("cls", [HBarChart, ColumnChart])
def test_a_chart_paints_bars_and_finds_them_under_the_mouse(qtbot, cls):
    chart = cls()
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_bars([Bar("防护用品", 92.5, "防护用品：92.5 %"), Bar("药品", 40, "药品：40 %")])
    assert painted_colours(chart) > 3
    hits = {
        bar.label
        for x in range(0, 400, 10)
        for y in range(0, 240, 10)
        if (bar := chart.bar_at(QPoint(x, y)))
    }
    assert hits == {"防护用品", "药品"}


def test_an_empty_chart_says_so(qtbot):
    chart = ColumnChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    assert chart.bar_at(QPoint(150, 100)) is None
    assert painted_colours(chart) > 1  # the "no data" text


def test_a_reference_line_is_drawn_at_100_percent(qtbot):
    chart = HBarChart(unit=" %", reference=100)
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_bars([Bar("A", 50)])
    image = chart.grab().toImage()
    red = sum(
        1
        for x in range(image.width())
        for y in range(0, image.height(), 4)
        if image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).green() < 100
    )
    assert red > 5
