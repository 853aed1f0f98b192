"""长期监测's files and documents as a user meets them: 导入… of a cohort list (every bad
row listed, nothing imported until it is right), 导出… masked unless asked in full with a
reason (recorded), 模板…, 建议… and 监测报告… in the common print preview; and the page and
every dialog fitting a 1366×700 screen."""

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.core.monitoring import people, personal, report, results, schedules
from desktop.ui.widgets.pdf_preview import PreviewDialog
from tests.helpers import pdf
from tests.helpers.monitoring_ui import (
    CTX,
    an_id,
    followed_incident,
    open_monitoring,
    show_tab,
)
from tests.helpers.ui import TIMEOUT, opened, wait_idle

SCREEN = (1366, 700)


def cohort_list(path, rows) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "联系电话", "人群类别", "末次暴露日期"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_a_cohort_list_is_imported_and_its_bad_rows_are_listed_first(
    qtbot, chinese, worker, settings, demo_db, tmp_path
):
    made = followed_incident(demo_db, contacts=1)
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "people")
    path = tmp_path / "卫生院名单.xlsx"
    bad = an_id(41)[:-1] + ("0" if an_id(41)[-1] != "0" else "1")
    cohort_list(path, [["周杰", an_id(40), "13907341111", "处置人员", "2026-12-01"],
                       ["吴敏", bad, "13907342222", "处置人员", "2026-12-01"],
                       ["郑平", an_id(42), "电话不详", "处置人员", "2026-12-01"]])  # fmt: skip
    dialog = opened(qtbot, page, page.page_actions.import_file)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.import_refused, timeout=TIMEOUT):
        dialog.run_import()
    listed = [(r["row"], r["column"]) for r in dialog.errors.rows]
    assert listed == [(3, "身份证号"), (4, "联系电话")]
    assert "卫生院名单.xlsx" in dialog.status.text()
    wait_idle(qtbot, worker)
    assert len(people.listing(demo_db, made["id"])) == 1  # nothing imported
    cohort_list(path, [["周杰", an_id(40), "13907341111", "处置人员", "2026-12-01"],
                       ["吴敏", an_id(41), "13907342222", "处置人员", "2026-12-01"]])  # fmt: skip
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT):
            dialog.run_import()
    assert dialog.errors.rowCount() == 0 and "2 人" in dialog.status.text()
    assert {r["name"] for r in tab.model.rows} >= {"周杰", "吴敏"}
    assert "2 人" in page.message.text()


def test_the_export_is_masked_unless_asked_in_full_with_a_reason(
    qtbot, chinese, worker, settings, demo_db, tmp_path
):
    made = followed_incident(demo_db, contacts=2)
    page = open_monitoring(qtbot, worker, settings, made)
    dialog = opened(qtbot, page, page.page_actions.export)
    masked = tmp_path / "masked.xlsx"
    dialog.path.setText(str(masked))
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    cells = {c for row in openpyxl.load_workbook(masked).worksheets[0].values for c in row}
    assert personal.mask_id(an_id(1)) in cells and an_id(1) not in cells
    assert "已遮蔽" in page.message.text() and personal.disclosures(demo_db) == []

    dialog = opened(qtbot, page, page.page_actions.export)
    full = tmp_path / "full.xlsx"
    dialog.path.setText(str(full))
    dialog.reveal.setChecked(True)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # no reason given
    assert not full.exists()
    dialog.reason.setPlainText("移交市疾控中心流调组")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    cells = {c for row in openpyxl.load_workbook(full).worksheets[0].values for c in row}
    assert an_id(1) in cells
    [logged] = personal.disclosures(demo_db)
    assert (logged["what"], logged["reason"]) == ("export", "移交市疾控中心流调组")


@pytest.mark.parametrize("kind", ["monitoring-people", "monitoring-results"])
def test_templates_are_saved_where_the_user_chooses(
    qtbot, chinese, worker, settings, demo_db, tmp_path, monkeypatch, kind
):
    followed_incident(demo_db, contacts=1)
    page = open_monitoring(qtbot, worker, settings)
    target = tmp_path / f"{kind}.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.page_actions.save_template(kind)
    wait_idle(qtbot, worker)
    assert target.exists() and "模板已保存" in page.message.text()
    header = next(openpyxl.load_workbook(target).worksheets[0].values)
    assert "身份证号" in header


def test_a_recommendation_is_recorded_and_the_report_shown_in_the_preview(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db, contacts=2)
    page = open_monitoring(qtbot, worker, settings, made)
    dialog = opened(qtbot, page, page.page_actions.recommend)
    dialog.cohort.setCurrentIndex(dialog.cohort.findData("close_contact"))
    dialog.text.setPlainText("密切接触者体温监测应持续至末次暴露后21天。")
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    [note] = report.notes(demo_db, made["id"])
    assert note["cohort"] == "close_contact" and note["text"].startswith("密切接触者")
    again = opened(qtbot, page, page.page_actions.recommend)
    qtbot.waitUntil(lambda: "21天" in again.before.toPlainText(), timeout=TIMEOUT)
    again.reject()

    chooser = opened(qtbot, page, page.page_actions.print_report)
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        chooser.accept()
    preview = blocker.args[0]
    assert isinstance(preview, PreviewDialog)
    qtbot.addWidget(preview)
    if preview.document is None:
        with qtbot.waitSignal(preview.loaded, timeout=TIMEOUT * 3):
            pass
    assert "长期监测总结报告" in preview.windowTitle()
    text = pdf.text(preview.pdf_path)
    assert made["number"] in text and "21天" in text

    chooser = opened(qtbot, page, page.page_actions.print_report)
    chooser.cohort.setCurrentIndex(chooser.cohort.findData("close_contact"))
    chooser.limited.setChecked(True)
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as blocker:
        chooser.accept()
    preview = blocker.args[0]
    qtbot.addWidget(preview)
    start, end = chooser.choice()[1:]
    assert "密切接触者" in preview.windowTitle() and end.isoformat() in preview.windowTitle()
    if preview.document is None:
        with qtbot.waitSignal(preview.loaded, timeout=TIMEOUT * 3):
            pass
    assert start.isoformat() in pdf.text(preview.pdf_path)


def fits(widget) -> bool:
    hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    return hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]


def test_the_page_and_its_dialogs_fit_a_1366_by_700_screen(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db, contacts=2)
    late = next(c for c in schedules.due(demo_db, incident=made["id"]) if c["overdue"])
    results.record(demo_db, CTX, late["check"], "39.0")
    page = open_monitoring(qtbot, worker, settings, made, size=(1366 - 170, 700 - 60))
    hint = page.minimumSizeHint()
    assert hint.width() <= 1366 - 170 and hint.height() <= 700 - 60  # beside the navigation
    actions = page.page_actions
    dialogs = [opened(qtbot, page, open_it) for open_it in (
        actions.import_file, actions.export, actions.recommend, actions.print_report)]  # fmt: skip
    people_tab = show_tab(qtbot, page, "people")
    people_tab.table.selectRow(0)
    for open_it in (people_tab.add_person, people_tab.edit_person, people_tab.change_status,
                    people_tab.reveal):  # fmt: skip
        dialogs.append(opened(qtbot, page, open_it))
    sites_tab = show_tab(qtbot, page, "sites")
    dialogs.append(opened(qtbot, page, sites_tab.add_site))
    schedules_tab = show_tab(qtbot, page, "schedules")
    schedules_tab.table.selectRow(0)
    dialogs += [opened(qtbot, page, schedules_tab.add_schedule),
                opened(qtbot, page, schedules_tab.end_schedule)]  # fmt: skip
    alerts_tab = show_tab(qtbot, page, "alerts")
    alerts_tab.table.selectRow(0)
    dialogs.append(opened(qtbot, page, alerts_tab.handle))
    assert len(dialogs) == 12
    for dialog in dialogs:
        assert fits(dialog), (type(dialog).__name__, dialog.sizeHint())
        dialog.reject()
