"""The drill console's tables, updated in place twice a second: new injects inserted at
the top, injects gone removed, changed rows repainted, the selection kept; the models
behave as Qt expects (qtmodeltester)."""

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.ui.drills.expected_panel import ExpectedModel, shown_row
from desktop.ui.drills.injects_panel import FiredModel
from desktop.ui.drills.msel_model import MselModel, moment_text

pytestmark = pytest.mark.usefixtures("chinese")


def sent(no: int, state: str = "fired") -> dict:
    return {"id": f"i{no}", "at": f"T+0:0{no}:00", "no": no, "sender": "来电", "to": "市卫生健康委",
            "channel": "phone", "message": f"第{no}条", "state": state}  # fmt: skip


def test_new_injects_are_inserted_above_and_the_selection_stays(qtmodeltester, qtbot):
    model = FiredModel()
    assert model.update([sent(2), sent(1)])  # filled: the view fits its columns
    selection = QItemSelectionModel(model)
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Rows
                     | QItemSelectionModel.SelectionFlag.Select)  # fmt: skip
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: inserted.append("reset"))
    assert not model.update([sent(4), sent(3), sent(2), sent(1, "acknowledged")])
    assert inserted == [(0, 1)]
    assert [row["no"] for row in model.rows] == [4, 3, 2, 1]
    assert model.rows[3]["state"] == "acknowledged"
    assert [i.row() for i in selection.selectedRows()] == [3]  # still inject 1
    qtmodeltester.check(model)


def test_injects_gone_are_removed_and_a_new_order_resets(qtmodeltester):
    model = FiredModel()
    model.update([sent(n) for n in (5, 4, 3, 2, 1)])
    events = []
    model.rowsRemoved.connect(lambda _parent, first, last: events.append((first, last)))
    model.modelReset.connect(lambda: events.append("reset"))
    assert not model.update([sent(n) for n in (5, 3, 1)])
    assert sorted(events) == [(1, 1), (3, 3)]
    assert model.update([sent(n) for n in (1, 3, 5)])
    assert events[-1] == "reset" and [row["no"] for row in model.rows] == [1, 3, 5]
    qtmodeltester.check(model)


def test_expected_actions_show_their_result_and_deadline(qtmodeltester):
    item = {"id": "e1", "inject": 3, "action": "report", "agency": "HY-WJW",
            "agency_name": "衡阳市卫生健康委员会", "text": "首次信息报告", "objective": "O1",
            "objective_id": "o1", "within_min": 30, "fired_s": 600.0, "deadline_s": 2400.0,
            "done_s": 2700.0, "by": "首次报告", "result": "late", "judged": False,
            "note": ""}  # fmt: skip
    model = ExpectedModel()
    model.update([shown_row(item, {"HY-WJW": "市卫生健康委"})])
    row = model.rows[0]
    assert (row["deadline"], row["done"], row["agency_shown"]) == ("T+0:40:00", "T+0:45:00",
                                                                   "市卫生健康委")  # fmt: skip
    assert model.data(model.index(0, 7)) == "超时完成"
    pending = shown_row({**item, "fired_s": None, "deadline_s": None, "done_s": None,
                         "result": "pending"}, {})  # fmt: skip
    assert pending["deadline"] == "注入发出后 30 分钟内" and pending["done"] == ""
    qtmodeltester.check(model)


def test_the_msel_says_when_each_inject_fires(qtmodeltester):
    base = {"offset_min": 5, "after_no": 2, "after_state": "acknowledged", "contingency": 0}
    assert moment_text({**base, "trigger": "time"}) == "T+0:05:00"
    assert moment_text({**base, "trigger": "delay"}) == "#2 发出后 5 分钟"
    assert moment_text({**base, "trigger": "delay", "after_no": None}) == "上一条发出后 5 分钟"
    assert moment_text({**base, "trigger": "after"}) == "#2 已接收后 5 分钟"
    assert moment_text({**base, "trigger": "manual"}) == "导调员发出"
    assert moment_text({**base, "trigger": "time", "contingency": 1}) == "导调员发出"
    model = MselModel()
    inject = {"id": "i1", "position": 1, "trigger": "time", "sender": "市民", "to_agency": "HY-GAJ",
              "to_agency_name": "衡阳市公安局", "channel": "fax", "message": "发现可疑信件",
              "objective": "O1", "expects": [{"action": "incident", "agency": None,
                                               "within_min": 30}], **base}  # fmt: skip
    model.set_plan([inject], {"HY-GAJ": "市公安局"})
    assert model.data(model.index(0, 4)) == "市公安局"
    assert model.data(model.index(0, 5)) == "传真"
    assert model.data(model.index(0, 7)) == "登记事件，30 分钟内"
    qtmodeltester.check(model)
