"""An incident's documents through the common preview: an information report, an
agency's assignment list (the agency chosen first), the summary report and the 大事记 —
each shown as the PDF that prints, and exported."""

from desktop.core import incidents
from desktop.core.context import Ctx
from desktop.core.incidents import reports
from desktop.ui.widgets.pdf_preview import PreviewDialog
from tests.helpers import pdf
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab

CTX = Ctx("os:test")


def made_incident(db) -> dict:
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": "bioterror", "grade": "III",
             "division": "430422", "responders": 60}  # fmt: skip
    made = incidents.create(db, CTX, given)
    incidents.activate(db, CTX, made["id"], "PB-BIOTERROR")
    reports.add(db, CTX, made["id"], "first", {"signer": "王主任", "measures": "已封控现场。"})
    return made


def loaded(qtbot, dialog: PreviewDialog) -> PreviewDialog:
    qtbot.addWidget(dialog)
    if dialog.document is None:
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT * 3):
            pass
    assert dialog.document.pageCount() >= 1
    return dialog


def page_with(qtbot, worker, demo_db):
    made = made_incident(demo_db)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    return made, page


def test_a_report_and_the_log_print_from_their_tabs(qtbot, chinese, worker, demo_db, tmp_path):
    made, page = page_with(qtbot, worker, demo_db)
    tab = show_tab(qtbot, page, "reports")
    assert tab.tab_buttons["print_report"].isEnabled()
    preview = loaded(qtbot, opened(qtbot, tab, tab.print_report))
    number = f"{made['number']}-01"
    assert number in preview.windowTitle()
    out = preview.export(tmp_path / "report.pdf")
    assert out is not None and "已封控现场" in pdf.text(out)
    journal = show_tab(qtbot, page, "journal")
    preview = loaded(qtbot, opened(qtbot, journal, journal.print_log))
    assert "大事记" in preview.windowTitle()
    assert made["number"] in pdf.text(preview.export(tmp_path / "log.pdf"))


def test_an_assignment_list_and_the_summary_print_from_the_detail(
    qtbot, chinese, worker, demo_db, tmp_path
):
    made, page = page_with(qtbot, worker, demo_db)
    detail = page.detail
    chooser = opened(qtbot, detail, detail.print_assignment)
    if chooser.combo.count() == 0:
        with qtbot.waitSignal(chooser.loaded, timeout=TIMEOUT):
            pass
    chooser.combo.setCurrentIndex(chooser.combo.findData("HY-GAJ"))
    with qtbot.waitSignal(detail.dialog_opened, timeout=TIMEOUT) as blocker:
        chooser.accept()
    preview = loaded(qtbot, blocker.args[0])
    assert "任务分工单" in preview.windowTitle() and "衡阳市公安局" in preview.windowTitle()
    text = pdf.text(preview.export(tmp_path / "assignment.pdf"))
    assert made["number"] in text and "可疑生物恐怖事件核查与情报研判" in text
    preview = loaded(qtbot, opened(qtbot, detail, detail.print_summary))
    assert "事件总结报告" in preview.windowTitle()
    assert made["number"] in pdf.text(preview.export(tmp_path / "summary.pdf"))
