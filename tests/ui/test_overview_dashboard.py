"""总览's alerts and charts show what the core computes."""

from datetime import date

import pytest

from desktop.core import overview
from desktop.core.reserves import alerts, norms
from desktop.ui.overview.page import OverviewPage

TIMEOUT = 5000


@pytest.fixture
def page(qtbot, worker):
    page = OverviewPage(worker, demo=True)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()
    return page


def test_the_alert_counts_are_the_cores(page, demo_db):
    expected = alerts.counts(alerts.compute(demo_db))
    for kind in ("below_norm", "out_of_stock", "near_expiry", "expired"):
        assert page.alert_cards[kind].value.text() == f"{expected[kind]:,}", kind
    assert page.alert_cards["negative"].isVisibleTo(page) == bool(expected.get("negative"))
    assert not page.alert_cards["conflicts"].isVisibleTo(page)  # none in the demo data


def test_the_charts_show_compliance_by_category_and_the_expiry_timeline(page, demo_db):
    categories = norms.compliance(demo_db)["categories"]
    bars = page.compliance_chart.bars
    assert [bar.value for bar in bars] == [row["percent"] for row in categories]
    assert page.compliance_chart.reference == 100
    timeline = overview.expiry_timeline(demo_db)
    columns = page.timeline_chart.bars
    assert len(columns) == 13
    assert columns[0].value == timeline["expired"]["lots"]
    assert [c.value for c in columns[1:]] == [m["lots"] for m in timeline["months"]]
    assert columns[1].label == f"{date.today().month}月"
    assert str(timeline["months"][0]["lots"]) in columns[1].tooltip.replace(",", "")


def test_the_charts_paint_something(page):
    for chart in (page.compliance_chart, page.timeline_chart):
        image = chart.grab().toImage()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 5)
            for y in range(0, image.height(), 5)
        }
        assert len(colours) > 3


def test_the_expiry_timeline_counts_stock_lots_by_month(demo_db):
    today = date.today()
    timeline = overview.expiry_timeline(demo_db, today)
    found = alerts.compute(demo_db, today, days=(400,))
    assert timeline["expired"]["lots"] == len(found["expired"])
    within = [
        r for r in found["near_expiry"] if r["expiry"] < timeline["months"][-1]["month"] + "-32"
    ]
    assert sum(m["lots"] for m in timeline["months"]) == len(within)
    assert timeline["months"][0]["month"] == today.isoformat()[:7]
    assert len({m["month"] for m in timeline["months"]}) == 12


def test_the_dashboard_is_one_job_with_every_figure(demo_db):
    figures = overview.dashboard(demo_db)
    assert figures["alert_counts"] == {**alerts.counts(alerts.compute(demo_db)), "conflicts": 0}
    assert figures["depots"] == overview.figures(demo_db)["depots"]
    assert all("name_en" in row for row in figures["compliance"]["categories"])
