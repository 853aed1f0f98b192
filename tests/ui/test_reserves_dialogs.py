"""The movement dialogs over a demo database: a valid entry changes the balance, a
refused one shows the core's message in the dialog and changes nothing."""

from datetime import date

import pytest

from desktop.core.reserves import alerts, ledger, stock
from desktop.ui.reserves import lookups
from desktop.ui.reserves.movement_dialogs import (
    CountDialog,
    IssueDialog,
    ReceiveDialog,
    TransferDialog,
    WriteoffDialog,
)
from tests.helpers.stations import days

TIMEOUT = 5000


@pytest.fixture
def lists(demo_db):
    return lookups.load(demo_db)


def moves(db) -> int:
    return db.execute("SELECT count(*) FROM stock_move").fetchone()[0]


def held(db, depot: str, item: str, lot: str | None = None) -> int:
    rows = ledger.balances(db, depot=depot, item=item, by_lot=lot is not None)
    return sum(r["qty"] for r in rows if lot is None or r["lot"] == lot)


def usable_lot(db) -> dict:
    today = date.today().isoformat()
    return next(
        r
        for r in ledger.balances(db, by_lot=True)
        if r["status"] == "合格" and r["qty"] > 20 and (r["expiry"] or "9999") > today
    )


def make(qtbot, cls, worker, lists, depot: str, item: str):
    dialog = cls(worker, lists)
    qtbot.addWidget(dialog)
    dialog.depot.setCurrentIndex(dialog.depot.findData(depot))
    with qtbot.waitSignal(dialog.item.item_changed, timeout=TIMEOUT):
        dialog.item.select_code(item)
    lot = getattr(dialog, "lot", None)
    if lot is not None:
        qtbot.waitUntil(lambda: lot.count() > 0, timeout=TIMEOUT)
    return dialog


def submit_ok(qtbot, dialog):
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    return blocker.args[0]


def submit_refused(qtbot, dialog) -> str:
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert dialog.isVisibleTo(dialog) or dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text() == blocker.args[0]
    return blocker.args[0]


def test_receiving_stock_adds_to_the_balance(qtbot, worker, lists, demo_db):
    before = held(demo_db, "HY-CK01", "PPE-0001")
    dialog = make(qtbot, ReceiveDialog, worker, lists, "HY-CK01", "PPE-0001")
    dialog.batch.setText("UI-TEST-001")
    dialog.expiry.set_value(days(1300))  # a lot that is neither expired nor near expiry
    dialog.qty.setValue(1500)
    result = submit_ok(qtbot, dialog)
    assert result["qty"] == 1500
    assert held(demo_db, "HY-CK01", "PPE-0001") == before + 1500
    assert "UI-TEST-001" in dialog.summary(result)


def test_a_receipt_without_expiry_is_refused_inline_and_nothing_changes(
    qtbot, worker, lists, demo_db
):
    count = moves(demo_db)
    dialog = make(qtbot, ReceiveDialog, worker, lists, "HY-CK01", "PPE-0001")
    assert not dialog.no_expiry.isChecked()  # masks are managed by expiry date
    dialog.batch.setText("UI-TEST-002")
    dialog.qty.setValue(10)
    message = submit_refused(qtbot, dialog)
    assert "有效期" in message and "医用防护口罩" in message
    assert dialog.batch.text() == "UI-TEST-002"  # the form keeps what was typed
    assert not dialog.error.isHidden()
    assert moves(demo_db) == count


def test_an_item_without_shelf_life_needs_no_expiry(qtbot, worker, lists, demo_db):
    code = demo_db.execute("SELECT code FROM item WHERE shelf_life = 0 LIMIT 1").fetchone()[0]
    dialog = make(qtbot, ReceiveDialog, worker, lists, "HY-CK02", code)
    assert dialog.no_expiry.isChecked() and not dialog.expiry.isEnabled()
    dialog.batch.setText("UI-NOEXP")
    dialog.qty.setValue(3)
    submit_ok(qtbot, dialog)
    assert held(demo_db, "HY-CK02", code, "UI-NOEXP") == 3


def test_issuing_fefo_takes_from_the_balance(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    before = held(demo_db, lot["depot"], lot["item"])
    dialog = make(qtbot, IssueDialog, worker, lists, lot["depot"], lot["item"])
    assert dialog.lot.currentData() is None  # FEFO by default
    assert "FEFO" in dialog.lot.currentText()
    dialog.qty.setValue(5)
    dialog.reason.setText("演练")
    picks = submit_ok(qtbot, dialog)
    assert sum(p.qty for p in picks) == 5
    assert held(demo_db, lot["depot"], lot["item"]) == before - 5


def test_issuing_more_than_available_is_refused_inline(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    count = moves(demo_db)
    dialog = make(qtbot, IssueDialog, worker, lists, lot["depot"], lot["item"])
    dialog.qty.setValue(1_000_000_000)
    message = submit_refused(qtbot, dialog)
    assert "可出库数量仅" in message and "1,000,000,000" in message  # as the form writes it
    assert moves(demo_db) == count


def test_issuing_from_an_expired_lot_is_refused_inline(qtbot, worker, lists, demo_db):
    expired = alerts.compute(demo_db)["expired"][0]
    count = moves(demo_db)
    dialog = make(qtbot, IssueDialog, worker, lists, expired["depot"], expired["item"])
    qtbot.waitUntil(lambda: dialog.lot.findData(expired["lot"]) >= 0, timeout=TIMEOUT)
    dialog.lot.setCurrentIndex(dialog.lot.findData(expired["lot"]))
    assert "已过期" in dialog.lot.currentText() or "expired" in dialog.lot.currentText()
    dialog.qty.setValue(1)
    message = submit_refused(qtbot, dialog)
    assert "报废" in message and expired["lot"] in message
    assert moves(demo_db) == count


def test_a_transfer_puts_stock_in_transit(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    target = next(d["code"] for d in lists["depots"] if d["code"] != lot["depot"])
    before = held(demo_db, lot["depot"], lot["item"])
    dialog = make(qtbot, TransferDialog, worker, lists, lot["depot"], lot["item"])
    dialog.target.setCurrentIndex(dialog.target.findData(target))
    dialog.lot.setCurrentIndex(dialog.lot.findData(lot["lot"]))
    dialog.qty.setValue(4)
    submit_ok(qtbot, dialog)
    assert held(demo_db, lot["depot"], lot["item"]) == before - 4
    [moving] = stock.in_transit(demo_db)
    assert (moving["to_depot"], moving["lot"], moving["qty_sent"]) == (target, lot["lot"], 4)


def test_a_transfer_to_the_same_depot_is_refused(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    dialog = make(qtbot, TransferDialog, worker, lists, lot["depot"], lot["item"])
    dialog.target.setCurrentIndex(dialog.target.findData(lot["depot"]))
    assert "两个不同的仓库" in submit_refused(qtbot, dialog)
    assert stock.in_transit(demo_db) == []


def test_a_count_books_the_difference_and_shows_the_book_quantity(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    dialog = make(qtbot, CountDialog, worker, lists, lot["depot"], lot["item"])
    qtbot.waitUntil(lambda: dialog.lot.count() > 0, timeout=TIMEOUT)
    dialog.lot.setCurrentIndex(dialog.lot.findData(lot["lot"]))
    assert dialog.book.text().startswith(f"{lot['qty']:,}")
    dialog.counted.setValue(lot["qty"] - 3)
    result = submit_ok(qtbot, dialog)
    assert result["difference"] == -3
    assert held(demo_db, lot["depot"], lot["item"], lot["lot"]) == lot["qty"] - 3


def test_writing_off_an_expired_lot(qtbot, worker, lists, demo_db):
    expired = alerts.compute(demo_db)["expired"][0]
    dialog = make(qtbot, WriteoffDialog, worker, lists, expired["depot"], expired["item"])
    qtbot.waitUntil(lambda: dialog.lot.findData(expired["lot"]) >= 0, timeout=TIMEOUT)
    dialog.lot.setCurrentIndex(dialog.lot.findData(expired["lot"]))
    assert dialog.qty.value() == expired["qty"]  # an expired lot goes whole
    assert dialog.reason.currentData() == "过期"
    submit_ok(qtbot, dialog)
    assert held(demo_db, expired["depot"], expired["item"], expired["lot"]) == 0


def test_writing_off_more_than_held_is_refused(qtbot, worker, lists, demo_db):
    lot = usable_lot(demo_db)
    count = moves(demo_db)
    dialog = make(qtbot, WriteoffDialog, worker, lists, lot["depot"], lot["item"])
    dialog.lot.setCurrentIndex(dialog.lot.findData(lot["lot"]))
    dialog.qty.setValue(lot["qty"] + 1)
    message = submit_refused(qtbot, dialog)
    assert f"仅有 {lot['qty']:,}" in message
    assert moves(demo_db) == count


def test_a_dialog_without_an_item_says_so_without_calling_the_core(qtbot, worker, lists):
    dialog = IssueDialog(worker, lists)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()
    assert dialog.error.text()
    assert dialog.focusWidget() is dialog.item


def test_english_messages_come_from_the_core_in_english(qtbot, worker, lists, demo_db):
    from desktop.core import i18n

    i18n.set_language("en")
    try:
        lot = usable_lot(demo_db)
        dialog = make(qtbot, IssueDialog, worker, lists, lot["depot"], lot["item"])
        dialog.qty.setValue(1_000_000_000)
        assert "can be issued" in submit_refused(qtbot, dialog)
    finally:
        i18n.set_language("zh_CN")


def test_a_keepers_forms_offer_the_depots_it_keeps_and_any_transfer_target(
    qtbot, worker, demo_db, lists
):
    """The core refuses a keeper's movement at a depot it does not keep: the forms offer
    only those (the 入库 form listed all 17 and chose another's), a transfer goes anywhere."""
    from desktop.core.context import Ctx
    from desktop.ui.shell import session

    kept = demo_db.execute("SELECT id FROM depot WHERE code = 'HY-CK02'").fetchone()[0]
    session.start(Ctx("user:keeper", role="keeper", depot_ids=frozenset({kept})))
    receive = ReceiveDialog(worker, lists)
    qtbot.addWidget(receive)
    assert [receive.depot.itemData(i) for i in range(receive.depot.count())] == ["HY-CK02"]
    transfer = TransferDialog(worker, lists)
    qtbot.addWidget(transfer)
    assert transfer.depot.count() == 1 and transfer.target.count() == len(lists["depots"])
