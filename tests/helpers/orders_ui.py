"""The 调拨单 page in tests: a few orders in every state, the page opened and an order
selected as a user does it."""

from desktop.core import incidents, orders
from desktop.core.context import Ctx
from desktop.ui.orders.page import OrdersPage
from tests.helpers.ui import TIMEOUT

CTX = Ctx("os:test")


INCIDENT_TITLE = "衡南县某镇发现不明白色粉末"


def make_incident(db, title: str = INCIDENT_TITLE) -> dict:
    """An open incident ({id, number}) that orders may serve."""
    return incidents.create(
        db, CTX, {"title": title, "hazard": "bioterror", "grade": "III", "division": "430422"}
    )


def make_orders(db) -> dict[str, str]:
    """A draft to a depot, a submitted order serving an incident, an oral (approved) order to
    a hospital; "incident" is the number of the incident served."""
    draft = orders.create(db, CTX, "HY-CK01", "HY-CK02", [("PPE-0001", 10)], priority="紧急")
    incident = make_incident(db)
    submitted = orders.create(
        db, CTX, "HY-CK01", "HY-CK03", [("PPE-0001", 6), ("PPE-0005", 4)],
        incident=incident["id"],
    )  # fmt: skip
    orders.submit(db, CTX, submitted["number"])
    oral = orders.create(
        db, CTX, None, "衡南县人民医院", [("PPE-0001", 5)], oral=True, approver="张局长"
    )
    return {
        "draft": draft["number"],
        "submitted": submitted["number"],
        "oral": oral["number"],
        "incident": incident["number"],
    }


def open_page(qtbot, worker) -> OrdersPage:
    page = OrdersPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def select(qtbot, page: OrdersPage, number: str) -> dict:
    """Select an order and wait for its detail (read afresh if a read is under way)."""
    current = page.current
    if current is not None and current["number"] == number and page.selected_number() == number:
        if page.detail_pending:
            qtbot.waitUntil(lambda: not page.detail_pending, timeout=TIMEOUT)
        return page.current
    with qtbot.waitSignal(
        page.detail_loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda o: bool(o) and o["number"] == number,
    ):
        assert page.select(number)
    return page.current


def reload(qtbot, page: OrdersPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()


def shown_status(page: OrdersPage, number: str) -> str:
    row = page.model.find(number)
    return page.model.index(row, 1).data()
