"""The catalogue, depot and norm editors save through the core and refuse what it
refuses, with the message in the form and the cursor on the field at fault."""

import pytest
from PySide6.QtCore import Qt

from desktop.core.reserves import catalog, norms
from desktop.ui.reserves import lookups
from desktop.ui.reserves.catalog_editor import CatalogEditor
from desktop.ui.reserves.depot_editor import DepotEditor
from desktop.ui.reserves.norms_editor import NormsEditor

TIMEOUT = 5000


@pytest.fixture
def lists(demo_db):
    return lookups.load(demo_db)


def loaded(qtbot, editor):
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.listed, timeout=TIMEOUT):
        editor.refresh()
    return editor


def test_a_new_catalogue_item_is_saved(qtbot, qtmodeltester, worker, lists, demo_db):
    editor = loaded(qtbot, CatalogEditor(worker, lists))
    qtmodeltester.check(editor.model)
    editor.new()
    editor.code.setText("PPE-9001")
    editor.name.setText("医用防护面罩（测试）")
    editor.spec.setText("全脸式")
    editor.unit.setEditText("个")
    editor.pack_size.setValue(50)
    editor.category.setCurrentIndex(editor.category.findData("PPE"))
    editor.storage.setCurrentIndex(editor.storage.findData("阴凉"))
    with qtbot.waitSignals([editor.saved, editor.listed], timeout=TIMEOUT):
        editor.save()
    item = catalog.item_by_code(demo_db, "PPE-9001")
    assert (item["name"], item["unit"], item["pack_size"], item["storage"]) == (
        "医用防护面罩（测试）",
        "个",
        50,
        "阴凉",
    )
    assert editor.current_id == item["id"]
    assert editor.model.row(editor.table.currentIndex().row())["code"] == "PPE-9001"


def test_a_duplicate_item_code_is_refused_with_the_code_field_focused(
    qtbot, worker, lists, demo_db
):
    editor = loaded(qtbot, CatalogEditor(worker, lists))
    count = demo_db["item"].count
    editor.new()
    editor.code.setText("PPE-0001")
    editor.name.setText("重复编码")
    editor.unit.setEditText("只")
    editor.name.setFocus()
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT) as blocker:
        editor.save()
    assert blocker.args[0] == "物资编码 PPE-0001 已被使用。"
    assert editor.message.text() == blocker.args[0]
    assert editor.focusWidget() is editor.code
    assert demo_db["item"].count == count


def test_editing_an_item_changes_only_that_item(qtbot, worker, lists, demo_db):
    editor = loaded(qtbot, CatalogEditor(worker, lists))
    editor.table.selectRow(0)
    row = editor.model.row(0)
    assert editor.code.text() == row["code"]
    editor.spec.setText("新规格")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()
    assert catalog.item_by_code(demo_db, row["code"])["spec"] == "新规格"


def test_a_bad_gbt_code_is_refused_on_its_field(qtbot, worker, lists):
    editor = loaded(qtbot, CatalogEditor(worker, lists))
    editor.table.selectRow(0)
    editor.gbt_code.setText("12")
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT):
        editor.save()
    assert editor.focusWidget() is editor.gbt_code


def test_a_new_depot_is_saved_and_a_duplicate_refused(qtbot, qtmodeltester, worker, lists, demo_db):
    editor = loaded(qtbot, DepotEditor(worker, lists))
    qtmodeltester.check(editor.model)
    editor.new()
    editor.code.setText("430422-CK02")
    editor.name.setText("衡南县第二应急物资储备点")
    editor.level.setCurrentIndex(editor.level.findData("县级储备库"))
    editor.division.setCurrentIndex(editor.division.findData("430422"))
    editor.phone.setText("0734-8888888")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()
    depot = catalog.depot_by_code(demo_db, "430422-CK02")
    assert (depot["level"], depot["division"]) == ("县级储备库", "430422")
    editor.new()
    editor.code.setText("HY-CK01")
    editor.name.setText("重复")
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT) as blocker:
        editor.save()
    assert "HY-CK01" in blocker.args[0] and editor.focusWidget() is editor.code


def test_a_bad_phone_number_is_refused_on_its_field(qtbot, worker, lists):
    editor = loaded(qtbot, DepotEditor(worker, lists))
    editor.table.selectRow(0)
    editor.phone.setText("call me")
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT):
        editor.save()
    assert editor.focusWidget() is editor.phone


def test_norms_are_edited_in_place(qtbot, qtmodeltester, worker, lists, demo_db):
    editor = NormsEditor(worker, lists)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        editor.refresh()
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0, timeout=TIMEOUT)
    qtmodeltester.check(editor.model)
    model = editor.model
    index = model.index(0, model.NORM)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    code = model.rows[0]["code"]
    with qtbot.waitSignals([model.saved, editor.loaded], timeout=TIMEOUT):
        assert model.setData(index, 4321)
    line = next(
        line
        for line in norms.lines(demo_db)
        if line["depot"] == editor.depot_code() and line["item"] == code
    )
    assert line["norm"] == 4321 and model.index(0, model.NORM).data() == "4,321"
    with qtbot.waitSignal(model.refused, timeout=TIMEOUT) as blocker:
        model.setData(index, -5)
    assert blocker.args[0] and editor.message.text() == blocker.args[0]
    assert model.index(0, model.NORM).data() == "4,321"


def test_items_without_a_norm_can_be_given_one(qtbot, worker, lists, demo_db):
    editor = NormsEditor(worker, lists)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=TIMEOUT):
        editor.refresh()
    with_norms = editor.model.rowCount()
    editor.everything.setChecked(True)
    qtbot.waitUntil(lambda: editor.model.rowCount() == demo_db["item"].count, timeout=TIMEOUT)
    assert editor.model.rowCount() > with_norms
    number = next(n for n, row in enumerate(editor.model.rows) if row["norm"] == 0)
    with qtbot.waitSignal(editor.model.saved, timeout=TIMEOUT):
        editor.model.setData(editor.model.index(number, editor.model.NORM), 12)
    code = editor.model.rows[number]["code"]
    assert any(
        line["item"] == code and line["norm"] == 12
        for line in norms.lines(demo_db)
        if line["depot"] == editor.depot_code()
    )
