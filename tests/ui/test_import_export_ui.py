"""Importing from the desktop: check, error table, skip-invalid, progress; exporting."""

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.store import db as dbmod
from desktop.ui.reserves.import_dialog import ImportDialog

TIMEOUT = 10000


def stock_file(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD = ["HY-CK01", "PPE-0001", "IMP-1", "2026-01-01", "2029-01-01", 100, "某厂", "采购"]
BAD_QTY = ["HY-CK01", "PPE-0001", "IMP-2", "2026-01-01", "2029-01-01", "很多", "某厂", "采购"]
BAD_DEPOT = ["NOWHERE", "PPE-0001", "IMP-3", "2026-01-01", "2029-01-01", 5, "某厂", "采购"]


def moves(path):
    db = dbmod.open_db(path)
    try:
        return db["stock_move"].count
    finally:
        db.close()


@pytest.fixture
def dialog(qtbot, chinese, worker):
    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("stock"))
    return dialog


def test_checking_lists_every_bad_row_and_imports_nothing(qtbot, dialog, demo_path, tmp_path):
    path = stock_file(tmp_path / "s.xlsx", [GOOD, BAD_QTY, BAD_DEPOT])
    dialog.path.setText(str(path))
    before = moves(demo_path)
    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT):
        dialog.check()
    assert sorted(r["row"] for r in dialog.errors.rows) == [3, 4]
    assert {r["column"] for r in dialog.errors.rows} == {"数量", "仓库编码"}
    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT):
        dialog.run_import()
    assert moves(demo_path) == before
    assert "未导入" in dialog.status.text()


def test_skipping_bad_rows_imports_the_good_ones(qtbot, dialog, demo_path, tmp_path):
    path = stock_file(tmp_path / "s.xlsx", [GOOD, BAD_QTY])
    dialog.path.setText(str(path))
    dialog.skip.setChecked(True)
    before = moves(demo_path)
    with qtbot.waitSignals([dialog.checked, dialog.imported], timeout=TIMEOUT):
        dialog.run_import()
    assert moves(demo_path) == before + 1
    assert [r["row"] for r in dialog.errors.rows] == [3]
    assert dialog.progress.value() == dialog.progress.maximum()


def test_a_valid_file_imports_with_progress(qtbot, dialog, demo_path, tmp_path):
    rows = [[*GOOD[:2], f"IMP-{n}", *GOOD[3:]] for n in range(1200)]
    path = stock_file(tmp_path / "s.xlsx", rows)
    dialog.path.setText(str(path))
    seen = []
    dialog._progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as blocker:
        dialog.run_import()
    assert blocker.args[0].imported == 1200
    assert seen and seen[-1][0] == seen[-1][1]
    assert "1200" in dialog.status.text()


def test_cancel_stops_the_import_and_writes_nothing(qtbot, dialog, demo_path, tmp_path):
    rows = [[*GOOD[:2], f"IMP-{n}", *GOOD[3:]] for n in range(3000)]
    path = stock_file(tmp_path / "s.xlsx", rows)
    dialog.path.setText(str(path))
    before = moves(demo_path)
    with qtbot.waitSignal(dialog.checked, timeout=TIMEOUT):
        dialog.run_import()
        dialog.cancel_button.click()  # while the worker reads the file
    assert moves(demo_path) == before
    assert "取消" in dialog.status.text()


def test_a_missing_file_is_named_before_anything_runs(qtbot, dialog, tmp_path):
    dialog.path.setText(str(tmp_path / "none.xlsx"))
    dialog.check()
    assert "none.xlsx" in dialog.status.text() and not dialog._busy


def test_a_template_saved_from_the_dialog_imports_cleanly(qtbot, dialog, tmp_path):
    path = tmp_path / "stock-template.xlsx"
    with qtbot.waitSignal(dialog.worker.finished, timeout=TIMEOUT):
        dialog.save_template_to(path)
    header = next(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert list(header[:3]) == ["仓库编码", "物资编码", "批号"]
    assert importer.INSTRUCTIONS in openpyxl.load_workbook(path).sheetnames


def test_export_writes_the_three_sheets(qtbot, chinese, worker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from desktop.ui.reserves.export_runner import ExportRunner

    shown = []
    monkeypatch.setattr(
        "desktop.ui.reserves.export_runner.QMessageBox.information",
        lambda parent, title, text: shown.append(text),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ExportRunner(worker, parent)
    path = tmp_path / "out.xlsx"
    with qtbot.waitSignal(runner.finished, timeout=60000):
        runner.run(path)
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == ["库存", "台账", "预警"]
    assert str(path) in shown[0]
