"""调拨单 as a user meets it: the page is built on first show, lists the orders with
their status and the oral-order deadline, filters them, and shows the detail of the
selected one."""

from datetime import datetime, timedelta

import pytest

from desktop.core import orders
from desktop.ui.orders.page import OrdersPage
from tests.helpers.orders_ui import (
    CTX,
    INCIDENT_TITLE,
    TIMEOUT,
    make_orders,
    open_page,
    select,
    shown_status,
)


@pytest.fixture
def made(demo_db):
    return make_orders(demo_db)


def test_the_page_is_built_on_first_show_only(qtbot, worker):
    page = OrdersPage(worker)
    qtbot.addWidget(page)
    assert page.model is None and page.table is None
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    assert page.model is not None


def test_the_list_shows_status_priority_and_the_oral_deadline(qtbot, worker, made):
    page = open_page(qtbot, worker)
    assert page.model.rowCount() == 3
    assert shown_status(page, made["draft"]) == "草稿"
    assert shown_status(page, made["submitted"]) == "已提交"
    assert shown_status(page, made["oral"]) == "已批准"
    oral = page.model.row(page.model.find(made["oral"]))
    assert oral["due"] and not oral["overdue"]
    marker = page.model.index(page.model.find(made["oral"]), 9).data()
    assert marker and oral["due"][5:10] in marker
    assert page.model.index(page.model.find(made["draft"]), 9).data() == ""


def test_an_overdue_deadline_is_red(qtbot, worker, made):
    from PySide6.QtCore import Qt

    from desktop.ui.widgets import style

    page = open_page(qtbot, worker)
    row = page.model.find(made["oral"])
    page.model.rows[row]["overdue"] = True
    colour = page.model.index(row, 9).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == style.EXPIRED


def test_filters_by_status_search_and_outstanding_paperwork(qtbot, worker, made):
    page = open_page(qtbot, worker)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.status_filter.setCurrentIndex(page.status_filter.findData("submitted"))
    assert [r["number"] for r in page.model.rows] == [made["submitted"]]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.status_filter.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.pending_only.setChecked(True)
    assert [r["number"] for r in page.model.rows] == [made["oral"]]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.pending_only.setChecked(False)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.search.setText("衡南县")
    assert [r["number"] for r in page.model.rows] == [made["oral"]]


def test_the_detail_shows_parties_lines_picks_and_times(qtbot, worker, made):
    page = open_page(qtbot, worker)
    order = select(qtbot, page, made["submitted"])
    detail = page.detail
    assert detail.title.text().startswith(made["submitted"])
    assert "HY-CK03" in detail.values["to"].text()
    assert "HY-CK01" in detail.values["from"].text()
    assert detail.values["incident"].text() == f"{made['incident']} {INCIDENT_TITLE}"
    assert detail.values["submitted_at"].text().startswith(order["submitted_at"][:10])
    assert detail.lines_model.rowCount() == 2
    assert detail.picks_model.rowCount() >= 2
    assert detail.deadline.isHidden()


def test_actions_follow_the_status_of_the_selected_order(qtbot, worker, made):
    page = open_page(qtbot, worker)
    actions = page.actions_by_key
    select(qtbot, page, made["draft"])
    assert actions["submit"].isEnabled()
    assert actions["approve"].isEnabled()  # it says to submit the draft first
    assert actions["cancel"].isEnabled() and not actions["paperwork"].isEnabled()
    select(qtbot, page, made["submitted"])
    assert actions["approve"].isEnabled() and not actions["submit"].isEnabled()
    select(qtbot, page, made["oral"])
    assert actions["dispatch"].isEnabled() and actions["paperwork"].isEnabled()
    page.table.selectAll()
    assert actions["print_batch"].isEnabled() and not actions["preview"].isEnabled()
    assert len(page.selected_numbers()) == 3


def test_a_refused_step_is_said_in_red_on_the_page(qtbot, worker, made, demo_db):
    page = open_page(qtbot, worker)
    select(qtbot, page, made["draft"])
    orders.submit(demo_db, CTX, made["draft"])  # another station or window did it first
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT):
        page.submit()
    assert made["draft"] in page.message.text()
    assert page.message.palette().color(page.message.foregroundRole()).name() == "#b3261e"


def test_the_main_window_lists_the_orders_page_after_reserves(qtbot, demo_path, worker):
    from desktop.core.store import db as dbmod
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    db = dbmod.open_db(demo_path)
    details = info.identity(db)
    db.conn.close()
    window = MainWindow(worker, details, "zh_CN")
    qtbot.addWidget(window)
    assert window.pages.indexOf(window.orders) == 3
    assert window.orders.model is None  # nothing built until shown
    with qtbot.waitSignal(window.orders.loaded, timeout=TIMEOUT):
        window.show()
        window.nav.setCurrentRow(3)


def test_deadline_rules(made, demo_db):
    """The oral order's deadline is 48 hours after it was given."""
    order = orders.detail(demo_db, made["oral"])
    given = datetime.fromisoformat(order["oral_at"])
    assert datetime.fromisoformat(order["paperwork_due"]) == given + timedelta(hours=48)


def test_an_order_chosen_while_the_list_is_read_again_stays_chosen(qtbot, worker, made):
    """A click while a refresh is under way is the user's latest choice: the list arriving
    afterwards keeps it, not the order chosen when the read began."""
    page = open_page(qtbot, worker)
    select(qtbot, page, made["oral"])
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()  # the read runs on the worker thread ...
        assert page.select(made["draft"])  # ... while the user chooses another order
    assert page.selected_number() == made["draft"]
    qtbot.waitUntil(lambda: page.current and page.current["number"] == made["draft"],
                    timeout=TIMEOUT)  # fmt: skip


def test_a_keeper_is_offered_dispatch_only_from_the_depots_it_keeps(qtbot, worker, demo_db):
    """发运 was offered for an order leaving another depot, and refused at 确定."""
    from desktop.core.context import Ctx
    from desktop.ui.shell import session

    made = make_orders(demo_db)
    orders.approve(demo_db, CTX, made["submitted"], "王局长")  # from HY-CK01
    depot = {code: demo_db.execute("SELECT id FROM depot WHERE code = ?", [code]).fetchone()[0]
             for code in ("HY-CK01", "HY-CK02")}  # fmt: skip
    for kept, offered in (("HY-CK02", False), ("HY-CK01", True)):
        session.start(Ctx("user:keeper", role="keeper", depot_ids=frozenset({depot[kept]})))
        page = open_page(qtbot, worker)
        select(qtbot, page, made["submitted"])
        assert page.actions_by_key["dispatch"].isEnabled() is offered, kept
