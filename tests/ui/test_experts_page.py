"""专家库 as a user sees it: the roster filtered by pinyin initials, specialty and
availability, possible duplicates marked, import and export from the toolbar."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core.context import Ctx
from desktop.core.roster import experts
from desktop.ui.roster.page import ExpertsPage

TIMEOUT = 5000
CTX = Ctx("test:tester")


def expert(db, name: str) -> dict:
    return next(row for row in experts.search(db, name) if row["name"] == name)


def shown(qtbot, worker) -> ExpertsPage:
    """The page, shown, with its 专家 tab listed."""
    page = ExpertsPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show()
    view = page.tab("experts")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    return page


def names(view) -> list[str]:
    return [row["name"] for row in view.model.rows]


def test_the_page_builds_nothing_until_it_is_shown(qtbot, worker):
    page = ExpertsPage(worker)
    qtbot.addWidget(page)
    assert page.tabs is None and page.layout() is None
    page.refresh()  # before the first show: nothing to refresh, no error
    assert page.lists is None


def test_the_roster_lists_the_demo_experts(qtbot, qtmodeltester, worker, demo_db):
    page = shown(qtbot, worker)
    view = page.tab("experts")
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == demo_db["expert"].count
    row = next(n for n, r in enumerate(view.model.rows) if r["name"] == "贺安澜")
    column = {c.key: n for n, c in enumerate(view.model.columns)}
    cell = lambda key: view.model.index(row, column[key]).data()  # noqa: E731
    assert cell("masked_mobile") == "138****0001"
    assert cell("specialty_names") == "流行病学、生物防御"
    assert cell("division") == "衡阳市"


def test_pinyin_initials_narrow_the_list(qtbot, worker):
    view = shown(qtbot, worker).tab("experts")
    with qtbot.waitSignal(view.listed, timeout=TIMEOUT):
        view.search.setText("hal")  # 贺安澜
    assert names(view) == ["贺安澜"]
    with qtbot.waitSignal(view.listed, timeout=TIMEOUT):
        view.search.setText("南华大学")
    assert set(names(view)) == {"谭思远", "罗慕衡", "欧阳蒸霞"}


def test_the_specialty_filter(qtbot, worker):
    view = shown(qtbot, worker).tab("experts")
    with qtbot.waitSignal(view.listed, timeout=TIMEOUT):
        view.specialty.setCurrentIndex(view.specialty.findData("veterinary"))
    assert names(view) == ["廖石砚"]


def test_only_available_hides_an_expert_inside_an_unavailable_window(qtbot, worker, demo_db):
    today = date.today()
    he = expert(demo_db, "贺安澜")
    experts.set_availability(
        demo_db, CTX, he["id"], "unavailable", today - timedelta(days=1), today + timedelta(days=3)
    )
    view = shown(qtbot, worker).tab("experts")
    assert "贺安澜" in names(view)
    row = names(view).index("贺安澜")
    status = view.model.index(row, 7).data()
    assert (today - timedelta(days=1)).isoformat() in status
    assert view.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    with qtbot.waitSignal(view.listed, timeout=TIMEOUT):
        view.available_only.setChecked(True)
    available = [e for e in demo_db["expert"].rows if experts.available(e, today)]
    assert "贺安澜" not in names(view) and len(names(view)) == len(available)


def test_possible_duplicates_are_marked(qtbot, worker, demo_db):
    he = expert(demo_db, "贺安澜")
    copy = {k: he[k] for k in experts.FIELDS if k in he}
    experts.save_expert(demo_db, CTX, copy)
    view = shown(qtbot, worker).tab("experts")
    marked = [
        n for n in range(view.model.rowCount()) if view.model.index(n, 0).data().startswith("⚠")
    ]
    assert len(marked) == 2
    assert all(view.model.rows[n]["name"] == "贺安澜" for n in marked)
    tip = view.model.index(marked[0], 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip
    other = next(n for n in range(view.model.rowCount()) if n not in marked)
    assert view.model.index(other, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_import_opens_on_the_experts_kind(qtbot, worker):
    page = shown(qtbot, worker)
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "experts"
    dialog.close()


@pytest.mark.parametrize("masked", [True, False])
def test_export_writes_the_roster_masked_or_not(qtbot, worker, tmp_path, demo_db, masked):
    from openpyxl import load_workbook

    page = shown(qtbot, worker)
    path = tmp_path / "experts.xlsx"
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as blocker:
        page.export_to(path, masked)
    assert blocker.args[0] == demo_db["expert"].count
    sheet = load_workbook(path).active
    mobiles = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(("****" in m) == masked for m in mobiles)
    assert str(path) in page.message.text()


def test_the_main_window_builds_the_page_when_it_is_first_shown(qtbot, worker, demo_path):
    from desktop.core.store import db as dbmod
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    db.conn.close()
    window = MainWindow(worker, details, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    page = window.experts
    number = window.pages.indexOf(page)
    assert number == window.pages.indexOf(window.orders) + 1
    assert page.tabs is None
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        window.nav.setCurrentRow(number)
    assert page.tab("experts") is not None and page.tab("calendar") is None
    with qtbot.waitSignal(page.tab("experts").listed, timeout=TIMEOUT):
        window.action_refresh.trigger()
