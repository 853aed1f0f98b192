"""批次状态 from the desktop: freezing a lot stops issues from it until it is released."""

import pytest

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, stock
from desktop.ui.reserves import lookups
from desktop.ui.reserves.lot_status_dialog import LotStatusDialog

TIMEOUT = 5000


@pytest.fixture
def lists(demo_db):
    return lookups.load(demo_db)


def test_freezing_a_lot_in_the_dialog_blocks_issues(qtbot, chinese, worker, lists, demo_db):
    row = next(
        r
        for r in demo_db.query(
            "SELECT i.code AS item, l.batch_no, l.id FROM lot l JOIN item i ON i.id = l.item_id "
            "WHERE l.status = '合格' AND l.expires_on > date('now', '+60 days') LIMIT 1"
        )
    )
    dialog = LotStatusDialog(worker, lists)
    qtbot.addWidget(dialog)
    dialog.preset(item=row["item"], batch=row["batch_no"])
    qtbot.waitUntil(lambda: dialog.lot.count() > 0, timeout=TIMEOUT)
    assert dialog.lot.currentData()["batch_no"] == row["batch_no"]
    assert dialog.status.currentData() == "合格"
    dialog.status.setCurrentIndex(dialog.status.findData("冻结"))
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert blocker.args[0]["was"] == "合格"
    assert "冻结" in dialog.summary(blocker.args[0])
    assert demo_db["lot"].get(row["id"])["status"] == "冻结"
    depot = demo_db.execute(
        "SELECT d.code FROM stock_balance b JOIN depot d ON d.id = b.depot_id "
        "WHERE b.lot_id = ? AND b.qty > 0",
        [row["id"]],
    ).fetchone()
    if depot:
        with pytest.raises(BioError, match="冻结"):
            stock.issue(demo_db, Ctx("os:t"), depot[0], row["item"], 1, row["batch_no"])
    catalog.set_lot_status(demo_db, Ctx("os:t"), row["id"], "合格")
