"""The import dialog and values the vocabularies lack: synonyms import without a question;
unknown values are listed with a box each, nothing is imported until the person ticks the
values to add (a near-duplicate reads "add all the same", a value that cannot be added has
no box), then the import runs and adds them."""

import json

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.core.store import db as dbmod
from desktop.ui.reserves.import_dialog import ImportDialog

TIMEOUT = 10000
HEADER = ["姓名", "性别", "工作单位", "专业领域", "手机"]


def roster(path, rows):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def read(demo_path, sql, params=()):
    db = dbmod.open_db(demo_path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def specialties(demo_path, name):
    [(codes,)] = read(demo_path, "SELECT specialties FROM expert WHERE name = ?", [name])
    return json.loads(codes)


@pytest.fixture
def dialog(qtbot, chinese, worker):
    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("experts"))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def run(qtbot, dialog, action):
    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT) as blocker:
        action()
    return blocker.args[0]


def test_a_roster_writing_other_names_imports_without_a_question(
    qtbot, dialog, demo_path, tmp_path
):
    path = roster(tmp_path / "r.xlsx", [
        ["测试甲", "女", "某医院", "感染病临床", "13800009901"],
        ["测试乙", "男", "某医院", "传染病学、流病", "13800009902"],
    ])  # fmt: skip
    dialog.path.setText(str(path))
    assert run(qtbot, dialog, dialog.check).ok
    assert dialog.unknown.isHidden()
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT):
        dialog.run_import()
    assert specialties(demo_path, "测试甲") == ["clinical_infectious"]
    assert specialties(demo_path, "测试乙") == ["clinical_infectious", "epidemiology"]


def test_unknown_values_are_listed_and_added_when_ticked(qtbot, dialog, demo_path, tmp_path):
    path = roster(tmp_path / "r.xlsx", [
        ["测试甲", "女", "某医院", "生物信息学、流行病学", "13800009901"],
        ["测试乙", "男", "某医院", "生物信息学", "13800009902"],
    ])  # fmt: skip
    dialog.path.setText(str(path))
    experts_before = read(demo_path, "SELECT count(*) FROM expert")
    report = run(qtbot, dialog, dialog.run_import)
    assert report.imported == 0 and read(demo_path, "SELECT count(*) FROM expert") == experts_before
    assert dialog.unknown.isVisible() and dialog.unknown.table.rowCount() == 1
    assert dialog.unknown.table.item(0, 1).text() == "生物信息学"
    assert dialog.unknown.table.item(0, 2).text() == "2, 3"
    box = dialog.unknown.box("specialty", "生物信息学")
    assert box.isEnabled() and not box.isChecked() and box.text() == "添加到词表"
    assert not dialog.unknown.add_button.isEnabled()

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and dialog.unknown.add_button.isEnabled()
    report = run(qtbot, dialog, dialog.check)  # the ticked value is no longer an error
    assert report.ok and dialog.unknown.box("specialty", "生物信息学").isChecked()

    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.unknown.add_button, Qt.MouseButton.LeftButton)
    assert [(a.vocabulary, a.value) for a in blocker.args[0].added] == [("specialty", "生物信息学")]
    assert read(demo_path, "SELECT code FROM specialty WHERE name = '生物信息学'") == [
        ("生物信息学",)
    ]
    assert specialties(demo_path, "测试甲") == ["生物信息学", "epidemiology"]
    assert dialog.unknown.isHidden()


def test_a_near_duplicate_is_added_only_all_the_same(qtbot, dialog, demo_path, tmp_path):
    path = roster(tmp_path / "r.xlsx", [["测试甲", "女", "某医院", "临床感染病学", "13800009901"]])
    dialog.path.setText(str(path))
    run(qtbot, dialog, dialog.check)
    box = dialog.unknown.box("specialty", "临床感染病学")
    assert "临床感染病" in box.text() and not box.isChecked()
    box.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT):
        dialog.run_import()
    assert specialties(demo_path, "测试甲") == ["临床感染病学"]


def test_a_value_that_cannot_be_added_has_no_box_to_tick(qtbot, dialog, demo_path, tmp_path):
    path = roster(tmp_path / "r.xlsx", [["测试甲", "女", "某医院", "专业<b>", "13800009901"]])
    dialog.path.setText(str(path))
    run(qtbot, dialog, dialog.check)
    box = dialog.unknown.box("specialty", "专业<b>")
    assert not box.isEnabled() and box.toolTip()
    assert dialog.unknown.additions() is None


def test_choosing_another_file_forgets_the_list(qtbot, dialog, tmp_path):
    path = roster(tmp_path / "r.xlsx", [["测试甲", "女", "某医院", "生物信息学", "13800009901"]])
    dialog.path.setText(str(path))
    run(qtbot, dialog, dialog.check)
    dialog.unknown.box("specialty", "生物信息学").setChecked(True)
    dialog.path.setText(str(tmp_path / "other.xlsx"))
    assert dialog.unknown.isHidden() and dialog.unknown.additions() is None
