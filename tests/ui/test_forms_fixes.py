"""Forms as a clerk meets them (issue 16, points 4 and 6): an import of a file imported
before asks first, saying when and by whom, and each bad row shows its value; a form's
error clears when the field it names changes; the lot combo, the item field and the new
database's path show their whole text; approving a draft says to submit it first; the
receive-difference error is said once."""

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.core import orders
from desktop.core.errors import BioError
from desktop.core.reserves import alerts
from desktop.ui.orders.step_dialogs import ReceiveDialog as OrderReceiveDialog
from desktop.ui.reserves import lookups
from desktop.ui.reserves.import_dialog import ImportDialog
from desktop.ui.reserves.movement_dialogs import IssueDialog
from desktop.ui.shell.new_database_dialog import NewDatabaseDialog
from tests.helpers.orders_ui import CTX, make_orders, open_page, select
from tests.helpers.ui import TIMEOUT, wait_idle

STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
RECEIPT = ["HY-CK01", "PPE-0001", "TWICE-1", "2026-01-01", "2029-01-01", 100, "某厂", "采购"]


def stock_file(path, rows):
    book = openpyxl.Workbook()
    book.active.append(STOCK)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def moves(db) -> int:
    return db.execute("SELECT count(*) FROM stock_move").fetchone()[0]


def fits(widget, text: str) -> bool:
    """Whether the widget is at least as wide as its text."""
    return widget.width() >= widget.fontMetrics().horizontalAdvance(text)


# ---------------------------------------------------------------- imports


@pytest.fixture
def importing(qtbot, chinese, worker):
    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("stock"))
    dialog.show()
    return dialog


def import_once(qtbot, dialog, path) -> None:
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT):
        dialog.run_import()


def asked_again(qtbot, dialog) -> QMessageBox:
    with qtbot.waitSignal(dialog.asked, timeout=TIMEOUT) as blocker:
        dialog.run_import()
    return blocker.args[0]


def test_a_file_imported_before_asks_first_saying_when_and_by_whom(
    qtbot, importing, demo_db, tmp_path
):
    path = stock_file(tmp_path / "入库单.xlsx", [RECEIPT])
    import_once(qtbot, importing, path)
    [(at, actor)] = demo_db.execute("SELECT at, actor FROM import_log").fetchall()
    before = moves(demo_db)
    box = asked_again(qtbot, importing)
    qtbot.addWidget(box)
    text = box.text() + box.informativeText()
    assert "入库单.xlsx" in text and at[:10] in text and actor.removeprefix("os:") in text
    assert "导入过" in text and box.isVisible()
    assert "导入过" in importing.status.text()  # the dialog says it too
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_idle(qtbot, importing.worker)
    assert moves(demo_db) == before and not importing._busy


def test_importing_again_after_the_question_imports(qtbot, importing, demo_db, tmp_path):
    path = stock_file(tmp_path / "入库单.xlsx", [RECEIPT])
    import_once(qtbot, importing, path)
    before = moves(demo_db)
    box = asked_again(qtbot, importing)
    qtbot.addWidget(box)
    [again] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    assert again.text() == "再次导入"
    with qtbot.waitSignal(importing.imported, timeout=TIMEOUT) as blocker:
        again.click()
    assert blocker.args[0].imported == 1 and moves(demo_db) == before + 1


def test_the_same_receipt_in_another_file_asks_too(qtbot, importing, demo_db, tmp_path):
    import_once(qtbot, importing, stock_file(tmp_path / "一月.xlsx", [RECEIPT]))
    other = [*RECEIPT[:2], "NEW-1", *RECEIPT[3:]]
    importing.path.setText(str(stock_file(tmp_path / "二月.xlsx", [other, RECEIPT])))
    box = asked_again(qtbot, importing)
    qtbot.addWidget(box)
    assert "一月.xlsx" in box.text() and "二月.xlsx" in box.text()


def test_each_bad_row_shows_its_value(qtbot, importing, tmp_path):
    bad = [*RECEIPT[:5], "很多", "某厂", "偷来"]
    importing.path.setText(str(stock_file(tmp_path / "bad.xlsx", [bad])))
    with qtbot.waitSignal(importing.checked, timeout=TIMEOUT):
        importing.check()
    reasons = {r["column"]: r["reason"] for r in importing.errors.rows}
    assert reasons["数量"] == "“很多” 不是整数。"
    assert reasons["来源"].startswith("“偷来”")


# ---------------------------------------------------------------- 出库


@pytest.fixture
def lists(demo_db):
    return lookups.load(demo_db)


@pytest.fixture
def expired(demo_db) -> dict:
    return alerts.compute(demo_db)["expired"][0]


def issue_dialog(qtbot, worker, lists, depot: str, item: str) -> IssueDialog:
    dialog = IssueDialog(worker, lists)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.depot.setCurrentIndex(dialog.depot.findData(depot))
    with qtbot.waitSignal(dialog.lot.loaded, timeout=TIMEOUT):
        dialog.item.select_code(item)
    return dialog


def refused(qtbot, dialog) -> str:
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert not dialog.error.isHidden()
    return blocker.args[0]


def test_an_issue_refusal_clears_when_the_quantity_or_lot_changes(
    qtbot, chinese, worker, lists, expired
):
    dialog = issue_dialog(qtbot, worker, lists, expired["depot"], expired["item"])
    dialog.lot.setCurrentIndex(dialog.lot.findData(expired["lot"]))
    dialog.qty.setValue(1)
    assert "报废" in refused(qtbot, dialog)
    dialog.reason.setText("应急处置")  # a field the refusal does not name
    assert not dialog.error.isHidden()
    dialog.qty.setValue(2)
    assert dialog.error.isHidden() and dialog.error.text() == ""
    refused(qtbot, dialog)
    dialog.lot.setCurrentIndex(0)  # earliest expiry first
    assert dialog.error.isHidden()


def test_a_named_field_clears_its_error_when_it_changes(qtbot, chinese, worker, lists, expired):
    dialog = IssueDialog(worker, lists)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()  # no item chosen: refused by the form, naming the item
    assert not dialog.error.isHidden() and dialog.error_fields == ("item",)
    dialog.qty.setValue(3)
    assert not dialog.error.isHidden()
    with qtbot.waitSignal(dialog.item.item_changed, timeout=TIMEOUT):
        dialog.item.select_code(expired["item"])
    assert dialog.error.isHidden()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_lot_combo_and_the_item_show_their_whole_text(
    qtbot, qapp, worker, lists, expired, language
):
    from desktop.ui.shell import translations

    translations.install(qapp, language)
    try:
        dialog = issue_dialog(qtbot, worker, lists, expired["depot"], expired["item"])
        dialog.lot.setCurrentIndex(dialog.lot.findData(expired["lot"]))
        qtbot.waitUntil(lambda: fits(dialog.lot, dialog.lot.currentText()), timeout=TIMEOUT)
        assert dialog.lot.currentText().endswith(("(已过期)", "(expired)"))
        assert fits(dialog.item, dialog.item.text())
        assert dialog.width() <= dialog.screen().availableGeometry().width()
    finally:
        translations.install(qapp, "zh_CN")


# ---------------------------------------------------------------- 新建数据库


def test_the_new_database_dialog_shows_the_whole_path(qtbot, chinese):
    path = r"C:\Users\张三\AppData\Local\BioReserve\衡阳市应急管理局\衡阳市本级站点\station.db"
    dialog = NewDatabaseDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert fits(dialog.path, path)
    longer = path.replace("station.db", "2026\\station.db")
    dialog.path.setText(longer)  # as 浏览… sets it
    qtbot.waitUntil(lambda: fits(dialog.path, longer), timeout=TIMEOUT)
    huge = longer * 4  # no wider than most of the screen; the tooltip holds it whole
    dialog.path.setText(huge)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    assert dialog.path.toolTip() == huge


def test_the_new_database_dialog_grows_with_a_changed_path(qtbot, chinese):
    dialog = NewDatabaseDialog("/tmp/station.db")
    qtbot.addWidget(dialog)
    dialog.show()
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "浏览…")
    longer = "/home/clerk/Documents/衡阳市应急管理局/储备数据库/2026年度/bioreserve-hengyang.db"
    dialog.path.setText(longer)  # as typed or as 浏览… sets it

    def shown_whole():
        path = dialog.path.geometry()
        return (
            fits(dialog.path, longer)
            and path.right() < browse.geometry().left()
            and browse.geometry().right() < dialog.width()
        )

    qtbot.waitUntil(shown_whole, timeout=TIMEOUT)
    assert dialog.width() <= dialog.screen().availableGeometry().width()


def test_a_new_database_refusal_clears_when_its_field_changes(qtbot, chinese):
    dialog = NewDatabaseDialog("/tmp/station.db")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._accept()
    assert "站点代码" in dialog.error.text() and dialog.focusWidget() is dialog.code
    dialog.name.setText("测试站")
    assert dialog.error.text()  # another field: the refusal stays
    dialog.code.setText("!!")
    assert dialog.error.text() == ""
    dialog._accept()
    assert "“!!”" in dialog.error.text()
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())


# ---------------------------------------------------------------- 调拨单


def test_approving_a_draft_says_to_submit_it_first(qtbot, chinese, worker, demo_db):
    made = make_orders(demo_db)
    page = open_page(qtbot, worker)
    select(qtbot, page, made["draft"])
    assert page.actions_by_key["approve"].isEnabled()
    opened = []
    page.dialog_opened.connect(opened.append)
    page.actions_by_key["approve"].trigger()
    assert opened == [] and made["draft"] in page.message.text()
    assert "草稿" in page.message.text() and "先提交" in page.message.text()
    with pytest.raises(BioError, match="先提交"):
        orders.approve(demo_db, CTX, made["draft"], "王主任")  # the CLI's path says it too


def test_the_receive_difference_error_is_said_once(qtbot, chinese, worker, demo_db):
    made = make_orders(demo_db)
    number = made["submitted"]
    orders.approve(demo_db, CTX, number, "王主任")
    orders.dispatch(demo_db, CTX, number, "湘D·A1234", "赵师傅", "13800000000")
    page = open_page(qtbot, worker)
    order = select(qtbot, page, number)
    dialog = OrderReceiveDialog(worker, order)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    first = model.index(0, model.received_column)
    sent = model.rows[0]["qty_dispatched"]
    assert model.setData(first, sent - 1)
    assert "1" in dialog.hint.text() and "原因" not in dialog.hint.text()  # counted only
    message = refused(qtbot, dialog)
    assert "原因" in message and dialog.focusWidget() is dialog.reason
    said = [label.text() for label in (dialog.hint, dialog.error) if label.isVisible()]
    assert sum("原因" in text for text in said) == 1  # once, as the form's error
    dialog.reason.setText("破损 1 只")
    assert dialog.error.isHidden()
    dialog.reason.clear()
    assert refused(qtbot, dialog) == message
    assert model.setData(first, sent)  # nothing differs any more: no reason needed
    assert dialog.error.isHidden()
