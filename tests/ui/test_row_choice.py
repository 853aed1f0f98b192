"""A row chosen in code (a refresh keeping the record, a record named elsewhere) is the one
row selected whatever keys are held: Shift — which switches a Chinese input method between
中 and 英 — extended the selection and Ctrl added to it, so the detail went blank."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers.orders_ui import make_orders, open_page, select
from tests.helpers.ui import TIMEOUT


@pytest.fixture
def held(qtbot):
    """hold(widget, modifier): the application believes the modifier is down (as after a
    key typed with it); let go after the test."""
    touched = []

    def hold(widget, modifier):
        qtbot.keyClick(widget, Qt.Key.Key_A, modifier)
        assert QGuiApplication.keyboardModifiers() == modifier
        touched.append(widget)

    yield hold
    for widget in touched:
        qtbot.keyClick(widget, Qt.Key.Key_A)  # no modifier: the state is released


@pytest.mark.parametrize(
    "modifier", [Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier]
)
def test_an_order_chosen_while_a_modifier_is_down_is_the_one_selected(
    qtbot, worker, demo_db, held, modifier
):
    made = make_orders(demo_db)
    page = open_page(qtbot, worker)
    held(page.table, modifier)
    assert select(qtbot, page, made["draft"])["number"] == made["draft"]
    assert page.selected_numbers() == [made["draft"]]
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()  # the list read again keeps it, alone
    assert page.selected_numbers() == [made["draft"]]
