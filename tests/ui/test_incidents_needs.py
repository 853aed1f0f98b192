"""物资需求: required / have / need per item with the depots holding it, planning lines
added, changed and removed, 生成调拨单 showing the orders made and the shortage, the
incident's orders listed — and one of them opened on the 调拨单 page."""

from PySide6.QtCore import Qt

from desktop.core import incidents, orders
from desktop.core.context import Ctx
from desktop.core.incidents import needs
from desktop.core.store import info
from desktop.ui.incidents.drafts_dialog import DraftsDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.widgets import style
from tests.helpers.ui import (
    TIMEOUT,
    choose_incident,
    open_incidents,
    opened,
    show_tab,
    wait_idle,
)

CTX = Ctx("os:test")


def make(db, **scale) -> dict:
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": "bioterror", "grade": "III",
             "division": "430422", "responders": 60, "exposed": 120, "patients": 8,
             "area_km2": 1.5, "days": 10, **scale}  # fmt: skip
    made = incidents.create(db, CTX, given)
    incidents.activate(db, CTX, made["id"], "PB-BIOTERROR")
    return made


def needs_tab(qtbot, worker, ref):
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, ref)
    return page, show_tab(qtbot, page, "needs")


def test_the_needs_show_required_have_and_need_with_the_depots(qtbot, chinese, worker, demo_db):
    made = make(demo_db, responders=50_000)  # more masks than the reserves hold
    expected = needs.compute(demo_db, made["id"])
    page, tab = needs_tab(qtbot, worker, made["id"])
    rows = tab.needs_model.rows
    assert [(r["item"], r["required"], r["have"], r["need"]) for r in rows] == [
        (e["item"], e["required"], e["have"], e["need"]) for e in expected
    ]
    short = next(n for n, r in enumerate(rows) if r["need"])
    cell = tab.needs_model.index(short, 5)
    assert cell.data() == f"{rows[short]['need']:,}"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    held = tab.needs_model.index(short, 8).data()
    assert all(d["code"] in held for d in rows[short]["depots"])
    lines = sum(len(e["lines"]) for e in expected)
    assert tab.lines_model.rowCount() == lines
    assert tab.lines_model.row(0)["source"] == "PB-BIOTERROR"


def test_a_line_is_added_changed_and_removed(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    page, tab = needs_tab(qtbot, worker, made["id"])
    count = tab.lines_model.rowCount()
    dialog = opened(qtbot, tab, tab.add_line)
    with qtbot.waitSignal(dialog.item.item_changed, timeout=TIMEOUT):
        dialog.item.select_code("PPE-0001")
    dialog.basis.setCurrentIndex(dialog.basis.findData("per_patient"))
    dialog.per_day.setValue(2)
    dialog.days.setValue(5)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert tab.lines_model.rowCount() == count + 1
    added = next(r for r in tab.lines_model.rows if r["source"] == "手工添加")
    assert (added["item"], added["required"]) == ("PPE-0001", 2 * 8 * 5)
    # change it: 4 a day
    tab.lower.setCurrentIndex(0)
    tab.lines_table.selectRow(tab.lines_model.rows.index(added))
    assert tab.tab_buttons["edit_line"].isEnabled()
    dialog = opened(qtbot, tab, tab.edit_line)
    assert dialog.item.item()["code"] == "PPE-0001" and dialog.per_day.value() == 2
    dialog.per_day.setValue(4)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    changed = next(r for r in tab.lines_model.rows if r["source"] == "手工添加")
    assert changed["required"] == 4 * 8 * 5
    # remove it
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        tab.remove_line_now(changed)
    assert tab.lines_model.rowCount() == count
    assert "已删除测算行" in page.message.text()


def test_drafting_orders_shows_them_and_the_shortage_then_lists_them(
    qtbot, chinese, worker, demo_db
):
    made = make(demo_db, responders=50_000)
    page, tab = needs_tab(qtbot, worker, made["id"])
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(tab.drafted, timeout=TIMEOUT) as blocker:
            tab.draft_orders()
    drafted = blocker.args[0]
    assert drafted.orders and drafted.short
    shown = [d for d in tab.findChildren(DraftsDialog) if d.isVisible()]
    assert len(shown) == 1
    drafts = shown[0]
    assert [r["number"] for r in drafts.model.rows] == [o["number"] for o in drafted.orders]
    assert not drafts.short.isHidden() and drafted.short[0]["item_name"] in drafts.short.text()
    listed = {o["number"] for o in orders.listing(demo_db, incident=made["id"])}
    assert listed == {o["number"] for o in drafted.orders}
    assert {r["number"] for r in tab.orders_model.rows} == listed
    assert all(r["status_name"] == "草稿" for r in tab.orders_model.rows)
    assert "本事件调拨单（" in tab.lower.tabText(1)
    with qtbot.waitSignal(tab.order_requested, timeout=TIMEOUT) as asked:
        drafts.open_order()
    assert asked.args == [drafted.orders[0]["number"]]
    # nothing more to order: said in red, nothing made
    with qtbot.waitSignal(tab.message, timeout=TIMEOUT) as said:
        tab.draft_orders()
    assert said.args[1] == "error"
    assert {o["number"] for o in orders.listing(demo_db, incident=made["id"])} == listed


def test_an_order_of_the_incident_opens_on_the_orders_page(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    drafted = needs.draft_orders(demo_db, CTX, made["id"])
    number = drafted.orders[-1]["number"]
    window = MainWindow(worker, info.describe(demo_db), "zh_CN")
    qtbot.addWidget(window)
    window.show()
    page = window.incidents
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        window.show_incidents()
    wait_idle(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "needs")
    tab.lower.setCurrentIndex(1)
    tab.orders_table.selectRow(next(n for n, r in enumerate(tab.orders_model.rows)
                                    if r["number"] == number))  # fmt: skip
    with qtbot.waitSignal(
        window.orders.detail_loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda order: bool(order) and order["number"] == number,
    ):
        tab.open_order()
    assert window.pages.currentWidget() is window.orders
    assert window.orders.selected_number() == number
    assert window.orders.detail.values["incident"].text().startswith(made["number"])
