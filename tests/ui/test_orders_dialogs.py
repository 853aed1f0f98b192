"""The dialogs of an allocation order over a demo database: creating (the FEFO plan and
shortfalls shown after saving, refusals inline), the whole lifecycle through the page's
dialogs, cancelling with a reason, and an oral order's paperwork."""

from desktop.core import orders
from desktop.core.reserves import catalog, ledger
from desktop.core.vocab import order_status
from tests.helpers.orders_ui import (
    INCIDENT_TITLE,
    TIMEOUT,
    make_incident,
    make_orders,
    open_page,
    reload,
    select,
)


def open_create(qtbot, page, prefill=None):
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        page.new_order(prefill)
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    return dialog


def add_line(qtbot, dialog, code: str, qty: int) -> None:
    lines = dialog.lines
    with qtbot.waitSignal(lines.picker.item_changed, timeout=TIMEOUT):
        lines.picker.select_code(code)
    lines.qty.setValue(qty)
    count = lines.model.rowCount()
    assert lines.add_chosen()
    assert lines.model.rowCount() == count + 1
    qtbot.waitUntil(lambda: lines.model.entries[-1]["available"] is not None, timeout=TIMEOUT)


def submit_ok(qtbot, dialog):
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as blocker:
        dialog.submit()
    return blocker.args[0]


def submit_refused(qtbot, dialog) -> str:
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and dialog.error.text() == blocker.args[0]
    return blocker.args[0]


def orders_count(db) -> int:
    return db.execute("SELECT count(*) FROM alloc_order").fetchone()[0]


def test_a_valid_order_is_saved_as_a_draft_and_listed(qtbot, worker, demo_db):
    incident = make_incident(demo_db)
    page = open_page(qtbot, worker)
    dialog = open_create(qtbot, page)
    qtbot.waitUntil(lambda: dialog.incident.findData(incident["id"]) >= 0, timeout=TIMEOUT)
    assert dialog.incident.currentData() is None  # no incident unless chosen
    dialog.source.setCurrentIndex(dialog.source.findData("HY-CK01"))
    dialog.to_depot.setCurrentIndex(dialog.to_depot.findData("HY-CK02"))
    dialog.priority.setCurrentIndex(dialog.priority.findData("特急"))
    dialog.incident.setCurrentIndex(dialog.incident.findData(incident["id"]))
    dialog.to_contact.setText("李科长")
    add_line(qtbot, dialog, "PPE-0001", 40)
    assert dialog.lines.model.entries[0]["available"] >= 40
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        result = submit_ok(qtbot, dialog)
    assert result["status"] == "draft" and not result.get("short")
    assert not dialog.plan_view.isHidden() and dialog.body.isHidden()
    assert dialog.plan_model.rowCount() >= 1 and dialog.shortfall.isHidden()
    assert sum(r["qty"] for r in dialog.plan_model.rows) == 40
    number = result["number"]
    assert page.model.find(number) >= 0
    assert page.model.index(page.model.find(number), 1).data() == "草稿"
    order = orders.detail(demo_db, number)
    assert (order["priority"], order["incident"], order["to_contact"]) == (
        "特急",
        f"{incident['number']} {INCIDENT_TITLE}",
        "李科长",
    )
    assert order["incident_id"] == incident["id"]


def test_a_line_beyond_all_stock_shows_the_shortfall(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    dialog = open_create(qtbot, page)
    dialog.by_unit.setChecked(True)
    dialog.to_unit.setText("衡阳市第一人民医院")
    add_line(qtbot, dialog, "PPE-0001", 50_000_000)
    entry = dialog.lines.model.entries[0]
    assert entry["available"] < entry["qty"]  # the editor warns before saving
    result = submit_ok(qtbot, dialog)
    assert result["short"][0]["item"] == "PPE-0001"
    assert not dialog.shortfall.isHidden()
    text = dialog.shortfall.text()
    assert "PPE-0001" in text and f"{result['short'][0]['qty']:,}" in text


def test_a_missing_destination_is_refused_inline(qtbot, worker, demo_db):
    count = orders_count(demo_db)
    page = open_page(qtbot, worker)
    dialog = open_create(qtbot, page)
    dialog.by_unit.setChecked(True)
    add_line(qtbot, dialog, "PPE-0001", 5)
    message = submit_refused(qtbot, dialog)
    assert message
    assert dialog.body.isVisibleTo(dialog)  # the form stays, as typed
    assert dialog.lines.model.rowCount() == 1
    assert orders_count(demo_db) == count


def test_an_order_without_lines_is_refused_inline(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    dialog = open_create(qtbot, page)
    assert submit_refused(qtbot, dialog)


def test_prefill_from_alerts_sets_the_destination_and_lines(qtbot, worker):
    page = open_page(qtbot, worker)
    prefill = {"to": "HY-YY01", "lines": [("PPE-0001", 30), ("PPE-0005", 12), ("NOPE-1", 1)]}
    dialog = open_create(qtbot, page, prefill)
    qtbot.waitUntil(lambda: dialog.lines.model.rowCount() == 2, timeout=TIMEOUT)
    assert dialog.to_depot.currentData() == "HY-YY01" and dialog.by_depot.isChecked()
    assert dialog.lines.lines() == [("PPE-0001", 30), ("PPE-0005", 12)]
    assert "NOPE-1" in dialog.lines.hint.text()


def test_the_lines_editor_merges_edits_and_removes(qtbot, worker, demo_db):
    from desktop.ui.orders.lines_editor import LinesEditor

    editor = LinesEditor(worker)
    qtbot.addWidget(editor)
    mask = catalog.item_by_code(demo_db, "PPE-0001")
    editor.add(mask, 5, available=100)
    editor.add(mask, 7, available=100)
    assert editor.lines() == [("PPE-0001", 12)]
    index = editor.model.index(0, editor.model.QTY)
    assert editor.model.setData(index, 20)
    assert not editor.model.setData(index, 0)
    assert editor.lines() == [("PPE-0001", 20)]
    editor.table.selectRow(0)
    editor.remove_selected()
    assert editor.lines() == []
    assert not editor.add_chosen()  # no item chosen: a hint, no line
    assert editor.hint.text()


def test_the_lifecycle_through_the_dialogs(qtbot, worker, demo_db):
    made = make_orders(demo_db)
    number = made["draft"]  # HY-CK01 → HY-CK02, 10 masks
    page = open_page(qtbot, worker)
    select(qtbot, page, number)

    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.actions_by_key["submit"].trigger()
    assert select(qtbot, page, number)["status"] == "submitted"

    approve = page.approve()
    qtbot.addWidget(approve)
    approve.approver.setText("王主任")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        submit_ok(qtbot, approve)
    order = select(qtbot, page, number)
    assert (order["status"], order["approver"]) == ("approved", "王主任")
    assert order_status("approved") in page.message.text()

    dispatch = page.dispatch()
    qtbot.addWidget(dispatch)
    dispatch.vehicle.setText("湘D·A1234")
    dispatch.driver.setText("赵师傅")
    dispatch.driver_phone.setText("13800000000")
    with qtbot.waitSignal(worker.data_changed, timeout=TIMEOUT):
        submit_ok(qtbot, dispatch)
    reload(qtbot, page)
    order = select(qtbot, page, number)
    assert order["status"] == "dispatched" and order["vehicle"] == "湘D·A1234"
    assert all(p["qty_dispatched"] == p["qty"] for p in order["picks"])

    receive = page.receive()
    qtbot.addWidget(receive)
    model = receive.model
    assert [model.rows[n]["qty_received"] for n in range(model.rowCount())] == [
        p["qty_dispatched"] for p in order["picks"]
    ]
    first = model.index(0, model.received_column)
    sent = model.rows[0]["qty_dispatched"]
    assert model.setData(first, sent - 2)
    assert not model.setData(first, sent + 1)  # more than was sent
    assert model.differs()
    assert submit_refused(qtbot, receive)  # the reason is required
    assert receive.reason.hasFocus() or receive.focusWidget() is receive.reason
    receive.reason.setText("运输途中破损 2 只")
    before = ledger.balances(demo_db, depot="HY-CK02", item="PPE-0001")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        submit_ok(qtbot, receive)
    order = select(qtbot, page, number)
    assert order["status"] == "received"
    assert order["picks"][0]["qty_received"] == sent - 2
    assert order["picks"][0]["diff_reason"] == "运输途中破损 2 只"
    after = ledger.balances(demo_db, depot="HY-CK02", item="PPE-0001")
    assert sum(r["qty"] for r in after) - sum(r["qty"] for r in before) == 10 - 2
    assert page.detail.picks_model.rowCount() == len(order["picks"])


def test_cancelling_needs_a_reason(qtbot, worker, demo_db):
    made = make_orders(demo_db)
    page = open_page(qtbot, worker)
    select(qtbot, page, made["submitted"])
    dialog = page.cancel()
    qtbot.addWidget(dialog)
    assert submit_refused(qtbot, dialog)
    assert orders.get(demo_db, made["submitted"])["status"] == "submitted"
    dialog.reason.setText("需求已由县级储备满足")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        submit_ok(qtbot, dialog)
    order = orders.get(demo_db, made["submitted"])
    assert (order["status"], order["cancel_reason"]) == ("cancelled", "需求已由县级储备满足")
    assert page.model.index(page.model.find(made["submitted"]), 1).data() == "已作废"
    select(qtbot, page, made["submitted"])
    assert not page.actions_by_key["cancel"].isEnabled()


def test_an_oral_order_shows_its_deadline_and_paperwork_clears_it(qtbot, worker, demo_db):
    made = make_orders(demo_db)
    page = open_page(qtbot, worker)
    order = select(qtbot, page, made["oral"])
    assert order["paperwork_due"]
    assert not page.detail.deadline.isHidden()
    assert order["paperwork_due"][:10] in page.detail.deadline.text()
    assert page.actions_by_key["paperwork"].isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.actions_by_key["paperwork"].trigger()
    order = select(qtbot, page, made["oral"])
    assert order["paperwork_done_at"] and order["paperwork_due"] is None
    assert not page.actions_by_key["paperwork"].isEnabled()
    assert orders.paperwork_alerts(demo_db) == []
    row = page.model.row(page.model.find(made["oral"]))
    assert row["due"] is None and not row["overdue"]


def test_an_oral_order_from_the_dialog_needs_who_gave_it(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    dialog = open_create(qtbot, page)
    dialog.to_depot.setCurrentIndex(dialog.to_depot.findData("HY-YY02"))
    dialog.oral.setChecked(True)
    add_line(qtbot, dialog, "PPE-0001", 3)
    assert submit_refused(qtbot, dialog)
    dialog.approver.setText("市指挥部 刘副指挥长")
    result = submit_ok(qtbot, dialog)
    assert result["status"] == "approved"
    assert orders.detail(demo_db, result["number"])["paperwork_due"]
    assert orders.paperwork_alerts(demo_db)[0]["number"] == result["number"]
