"""长期监测 · 人员 as a user meets it: the incidents to choose from (open ones to start in,
closed ones still followed), a person added through the dialog (the ID number checked as
typed, a bad one refused with the message), the list masking ID numbers and phones,
显示身份信息… asking a reason that is recorded and masking again when the page is left,
a correction and a status change."""

import pytest

from desktop.core import incidents
from desktop.core.errors import BioError
from desktop.core.monitoring import people, personal
from tests.helpers.monitoring_ui import (
    CTX,
    an_id,
    choose_incident,
    followed_incident,
    open_monitoring,
    show_tab,
)
from tests.helpers.ui import TIMEOUT, opened, wait_idle


def disclosures(db) -> list[dict]:
    return personal.disclosures(db)


def refusal(fn, *args, **kwargs) -> str:
    """The message with which the core refuses (in the language shown)."""
    with pytest.raises(BioError) as refused:
        fn(*args, **kwargs)
    return str(refused.value)


def test_open_incidents_and_closed_ones_still_followed_are_offered(
    qtbot, chinese, worker, settings, demo_db
):
    followed = followed_incident(demo_db)
    fresh = incidents.create(demo_db, CTX, {"title": "祁东县某实验室样本泄漏",
                                            "hazard": "lab_incident", "grade": "IV",
                                            "division": "430426"})  # fmt: skip
    incidents.close(demo_db, CTX, followed["id"], "现场处置结束")
    page = open_monitoring(qtbot, worker, settings)
    rows = [page.incidents[page.chooser.itemData(i)] for i in range(page.chooser.count())]
    captions = [page.chooser.itemText(i) for i in range(page.chooser.count())]
    order = [row["id"] for row in rows]
    assert "已关闭" in captions[order.index(followed["id"])]
    assert "未开始监测" in captions[order.index(fresh["id"])]
    # followed ones first, open before closed, then the open ones not followed yet
    assert [(row["followed"], row["status"] == "closed") for row in rows] == sorted(
        ((row["followed"], row["status"] == "closed") for row in rows),
        key=lambda key: (not key[0], key[1]),
    )
    assert page.incident["followed"]
    choose_incident(qtbot, page, followed["number"])
    assert "监测继续" in page.state.text()
    tab = show_tab(qtbot, page, "people")
    assert tab.model.rowCount() == 3 and tab.tab_buttons["add_person"].isEnabled()


def test_a_person_is_added_through_the_dialog_and_a_bad_id_number_refused(
    qtbot, chinese, worker, settings, demo_db
):
    made = incidents.create(demo_db, CTX, {"title": "衡南县某镇发现不明白色粉末",
                                           "hazard": "bioterror", "grade": "III",
                                           "division": "430422"})  # fmt: skip
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "people")
    dialog = opened(qtbot, tab, tab.add_person)
    dialog.name.setText("张小明")
    good = an_id(7)
    wrong = good[:-1] + ("1" if good[-1] != "1" else "2")
    qtbot.keyClicks(dialog.id_number, good[:10])
    assert dialog.id_check.text() == "已输入 10/18 位"
    qtbot.keyClicks(dialog.id_number, wrong[10:])
    message = refusal(personal.id_number, wrong)
    assert dialog.id_check.text() == message  # said as typed
    dialog.phone.setText("13807345678")
    dialog.cohort.setCurrentIndex(dialog.cohort.findData("exposed"))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()
    assert blocker.args[0] == message and not dialog.error.isHidden()
    assert dialog.isVisible()
    wait_idle(qtbot, worker)
    assert people.listing(demo_db, made["id"]) == []
    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, good)
    assert dialog.id_check.text().startswith("✓")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):  # the list reloads itself
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    [row] = tab.model.rows
    assert (row["name"], row["cohort"], row["status"]) == ("张小明", "exposed", "monitoring")
    assert row["id_number"] == personal.mask_id(good) and row["phone"] == "138****5678"
    shown = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert good not in shown and "13807345678" not in shown
    assert shown[3:5] == ["暴露人员", "监测中"]
    assert "已添加" in page.message.text()


def test_showing_identity_data_asks_a_reason_records_it_and_masks_again_on_leaving(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db)
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "people")
    assert all("*" in row["id_number"] for row in tab.model.rows)
    dialog = opened(qtbot, tab, tab.reveal)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as blocker:
        dialog.submit()  # no reason
    assert blocker.args[0] == refusal(personal.disclose, demo_db, "os:x", "list", "", "")
    assert disclosures(demo_db) == [] and tab.revealed is False
    dialog.reason.setPlainText("乡镇卫生院电话随访")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert tab.revealed and not tab.banner.isHidden()
    assert {row["id_number"] for row in tab.model.rows} == {an_id(1), an_id(2), an_id(3)}
    assert tab.model.index(0, 2).data().startswith("1380734")
    [logged] = disclosures(demo_db)
    assert (logged["what"], logged["reason"]) == ("list", "乡镇卫生院电话随访")
    assert logged["actor"] == "user:admin"  # the logged-in account (tests/ui/conftest.py)
    page.hide()  # leaving the page masks again
    assert not tab.revealed and all("*" in row["id_number"] for row in tab.model.rows)
    page.show()
    dialog = opened(qtbot, tab, tab.reveal)
    dialog.reason.setPlainText("核对")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    assert tab.revealed
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        page.refresh()  # a refresh masks again too
    assert not tab.revealed and all("*" in row["id_number"] for row in tab.model.rows)
    assert len(disclosures(demo_db)) == 2


def test_a_person_is_corrected_and_their_status_changed_with_a_note(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db)
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "people")
    tab.table.selectRow(0)
    person = tab.selected()
    dialog = opened(qtbot, tab, tab.edit_person)
    assert dialog.id_number.isReadOnly() and "*" in dialog.id_number.text()
    assert dialog.phone.text() == "" and "****" in dialog.phone.placeholderText()
    dialog.exposure.setText("共同进餐")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    [stored] = [p for p in people.listing(demo_db, made["id"]) if p["id"] == person["id"]]
    assert stored["exposure"] == "共同进餐" and stored["phone"] == person["phone"]  # kept
    tab.table.selectRow(0)
    dialog = opened(qtbot, tab, tab.change_status)
    dialog.status.setCurrentIndex(dialog.status.findData("referred"))
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # 转诊 needs a note
    dialog.note.setPlainText("转衡阳市第三人民医院")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    row = next(r for r in tab.model.rows if r["id"] == person["id"])
    assert (row["status"], row["status_note"]) == ("referred", "转衡阳市第三人民医院")
    assert "转诊" in page.message.text()
