"""核验二维码: a real payload is accepted (green), an altered one refused (red), with
the core's verdict message; Enter in the field (a USB scanner's last key) checks."""

from PySide6.QtCore import Qt

from desktop.core import orders
from desktop.core.orders import seal as order_seal
from desktop.ui.orders.verify_dialog import VerifyDialog
from desktop.ui.widgets import style
from tests.helpers.orders_ui import TIMEOUT, make_orders


def scan(qtbot, dialog: VerifyDialog, text: str):
    dialog.text.setText(text)
    with qtbot.waitSignal(dialog.verified, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    return blocker.args[0]


def colour(label) -> str:
    return label.palette().color(label.foregroundRole()).name()


def test_a_genuine_payload_is_accepted_and_an_altered_one_refused(qtbot, worker, demo_db):
    number = make_orders(demo_db)["draft"]
    payload = order_seal.payload(demo_db, orders.detail(demo_db, number))
    dialog = VerifyDialog(worker)
    qtbot.addWidget(dialog)
    dialog.show()

    verdict = scan(qtbot, dialog, payload)
    assert verdict.valid and verdict.matches_record
    assert verdict.message in dialog.result.text()
    assert colour(dialog.result) == style.GREEN
    assert number in dialog.details.text()
    assert dialog.text.selectedText() == payload  # the next scan replaces it

    parts = payload.split("|")  # BR1|number|digest|origin|signature
    parts[2] = ("A" if parts[2][0] != "A" else "B") + parts[2][1:]  # a line changed
    altered = "|".join(parts)
    verdict = scan(qtbot, dialog, altered)
    assert not verdict.valid
    assert verdict.message in dialog.result.text()
    assert colour(dialog.result) == style.RED


def test_text_that_is_no_order_code_is_refused(qtbot, worker):
    dialog = VerifyDialog(worker)
    qtbot.addWidget(dialog)
    verdict = scan(qtbot, dialog, "https://example.org/not-an-order")
    assert not verdict.valid and colour(dialog.result) == style.RED


def test_the_page_opens_the_verify_dialog(qtbot, worker):
    from tests.helpers.orders_ui import open_page

    page = open_page(qtbot, worker)
    assert page.actions_by_key["verify"].isEnabled()
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        page.actions_by_key["verify"].trigger()
    assert isinstance(blocker.args[0], VerifyDialog)
    blocker.args[0].close()
