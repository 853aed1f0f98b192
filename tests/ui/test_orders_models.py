"""The models of the 调拨单 area are well-behaved Qt models (qtmodeltester) and show
what they hold: statuses in words, the oral-order marker, editable quantities."""

from PySide6.QtCore import Qt

from desktop.core import orders
from desktop.core.reserves import catalog
from desktop.ui.orders.models import LinesModel, OrdersModel, PicksModel, paperwork_caption
from desktop.ui.orders.order_list import listing_job
from desktop.ui.widgets import style
from tests.helpers.orders_ui import CTX, make_orders


def test_the_orders_model_is_well_behaved(qtmodeltester, demo_db):
    made = make_orders(demo_db)
    model = OrdersModel()
    model.set_orders(listing_job(None, "", False)(demo_db))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    row = model.find(made["oral"])
    assert model.index(row, 3).data()  # 任一仓库 when no issuing depot was named
    assert model.index(row, 8).data() == "1"
    urgent = model.index(model.find(made["draft"]), 2)  # 紧急
    assert urgent.data(Qt.ItemDataRole.ForegroundRole) is None
    model.rows[urgent.row()]["priority"] = "特急"
    assert urgent.data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    model.set_orders([])
    qtmodeltester.check(model)


def test_the_paperwork_marker(demo_db):
    assert paperwork_caption({"oral": 0}) == ""
    due = {"oral": 1, "due": "2026-03-03T10:00:00+08:00", "overdue": True}
    assert "03-03" in paperwork_caption(due)
    done = {"oral": 1, "paperwork_done_at": "2026-03-02T10:00:00+08:00"}
    assert paperwork_caption(done) and "03-" not in paperwork_caption(done)


def test_the_lines_model_is_well_behaved(qtmodeltester, demo_db):
    model = LinesModel()
    qtmodeltester.check(model)
    model.add(catalog.item_by_code(demo_db, "PPE-0001"), 10)
    model.add(catalog.item_by_code(demo_db, "PPE-0005"), 3)
    model.set_available(catalog.item_by_code(demo_db, "PPE-0005")["id"], 1)
    qtmodeltester.check(model)
    short = model.index(1, 5)
    assert short.data() == "1" and short.data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    assert model.index(0, 5).data() == "…"  # not read yet
    assert model.flags(model.index(0, LinesModel.QTY)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    model.remove([0])
    assert model.lines() == [("PPE-0005", 3)]


def test_the_picks_model_edits_received_quantities(qtmodeltester, demo_db):
    made = make_orders(demo_db)
    number = made["oral"]  # approved at once
    orders.dispatch(demo_db, CTX, number)
    picks = orders.detail(demo_db, number)["picks"]
    model = PicksModel(editable=True)
    model.set_picks(picks)
    qtmodeltester.check(model)
    column = model.received_column
    assert model.received() == {p["id"]: p["qty_dispatched"] for p in picks}
    assert not model.differs()
    assert model.setData(model.index(0, column), 0)
    assert model.differs()
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == style.NEAR_EXPIRY
    assert not model.setData(model.index(0, 0), 1)  # only 实收 is editable
    shown = PicksModel()
    shown.set_picks(picks)
    qtmodeltester.check(shown)
    assert not shown.flags(shown.index(0, shown.received_column)) & Qt.ItemFlag.ItemIsEditable
