"""Printing allocation orders: the preview shows the very PDF that prints; printing
paints its pages on the QPrinter chosen; batch printing reports progress and can be
cancelled; no printer, a substituted font and a refused render are said plainly.

QPrintDialog and the message boxes are replaced here (they would wait for a person):
the printer "chosen" prints to a PDF file, which the test then opens."""

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.documents import allocation_order
from desktop.ui.widgets import printing as order_printing
from desktop.ui.widgets.pdf_preview import PreviewDialog
from tests.helpers.orders_ui import TIMEOUT, make_orders, open_page, select


@pytest.fixture
def made(demo_db):
    return make_orders(demo_db)


@pytest.fixture
def page(qtbot, worker, made):
    return open_page(qtbot, worker)


@pytest.fixture
def asked(monkeypatch):
    """Message boxes answer No and are recorded instead of shown."""
    questions = []

    def question(parent, title, text, *args, **kwargs):
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: questions.append(a[2])))
    return questions


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path, asked):
    """A printer is installed, and the print dialog 'chooses' one that writes a PDF."""
    chosen = {}

    def choose(parent, document, title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printer.setResolution(150)
        chosen.update(printer=printer, title=title, pages=document.pageCount())
        return printer

    monkeypatch.setattr(order_printing, "printers_available", lambda: True)
    monkeypatch.setattr(order_printing, "choose_printer", choose)
    return chosen


def pages_of(path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document.pageCount()


def open_preview(qtbot, page, number: str) -> PreviewDialog:
    select(qtbot, page, number)
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as opened:
        page.actions_by_key["preview"].trigger()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    if dialog.document is None:
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT * 3):
            pass
    return dialog


def test_the_preview_shows_the_rendered_pdf(qtbot, page, made):
    dialog = open_preview(qtbot, page, made["submitted"])
    assert isinstance(dialog.document, QPdfDocument)
    assert dialog.document.pageCount() >= 1
    assert dialog.view.document() is dialog.document
    assert dialog.print_button.isEnabled() and dialog.export_button.isEnabled()
    one = dialog.document.pageCount()
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT * 3) as three:
        dialog.copies.setCurrentIndex(dialog.copies.findData(3))  # 存根, 出库联, 接收联
    assert three.args[0] >= 3 * one


def test_exporting_from_the_preview_copies_the_same_pdf(qtbot, page, made, tmp_path, monkeypatch):
    dialog = open_preview(qtbot, page, made["draft"])
    target = tmp_path / "导出.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.export_button.click()
    assert target.read_bytes() == Path(dialog.pdf_path).read_bytes()
    assert str(target) in dialog.status.text()


def test_printing_paints_the_pdf_pages_on_the_chosen_printer(qtbot, page, made, pdf_printer):
    dialog = open_preview(qtbot, page, made["submitted"])
    with qtbot.waitSignal(page.printing.printed, timeout=TIMEOUT) as printed:
        dialog.print_button.click()
    assert printed.args[0] == dialog.document.pageCount() == pdf_printer["pages"]
    assert pages_of(pdf_printer["printer"].outputFileName()) == printed.args[0]
    assert made["submitted"] in pdf_printer["title"]


def test_the_print_action_renders_then_prints(qtbot, page, made, pdf_printer):
    select(qtbot, page, made["draft"])
    with qtbot.waitSignal(page.printing.printed, timeout=TIMEOUT * 3) as printed:
        page.actions_by_key["print_order"].trigger()
    assert printed.args[0] >= 1
    assert "1" in page.message.text()


def test_no_printer_says_so_and_offers_the_pdf_instead(qtbot, page, made, asked, monkeypatch):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    select(qtbot, page, made["draft"])
    page.actions_by_key["print_order"].trigger()  # answered No: nothing else happens
    assert len(asked) == 1
    assert "PDF" in asked[0]
    assert page.message.text() and page.message.text() in asked[0]
    asked.clear()
    page.table.selectAll()
    assert page.print_batch() is None
    assert len(asked) == 1


def test_no_printer_then_yes_exports_the_pdf(qtbot, page, made, monkeypatch, tmp_path):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    target = tmp_path / "instead.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    select(qtbot, page, made["draft"])
    with qtbot.waitSignal(page.printing.exported, timeout=TIMEOUT * 3):
        page.actions_by_key["print_order"].trigger()
    assert pages_of(target) >= 1


def test_batch_printing_to_pdf_reports_progress(qtbot, page, made, tmp_path):
    page.table.selectAll()
    numbers = page.selected_numbers()
    assert len(numbers) == 3
    target = tmp_path / "batch.pdf"
    job = page.printing.export_batch(numbers, 1, target)
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT * 6) as finished:
        pass
    result = finished.args[0]
    assert isinstance(result, allocation_order.RenderResult)
    assert target.exists() and pages_of(target) == result.pages >= 3
    assert job.reports[-1] == (3, 3)
    assert [done for done, _total in job.reports] == [1, 2, 3]
    assert "3" in page.message.text()


def test_batch_printing_sends_all_pages_to_the_printer(qtbot, page, made, pdf_printer):
    page.table.selectAll()
    job = page.print_batch()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT * 6):
        pass
    assert job.reports[-1] == (3, 3)
    assert pages_of(pdf_printer["printer"].outputFileName()) == job.result.pages


def test_cancelling_a_batch_leaves_no_file(qtbot, page, made, tmp_path):
    page.table.selectAll()
    target = tmp_path / "cancelled.pdf"
    job = page.printing.export_batch(page.selected_numbers(), 3, target)
    job.cancel()  # as the progress dialog's Cancel does
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT * 6) as finished:
        pass
    assert finished.args[0] is None
    assert not target.exists()
    assert page.message.text()


def test_the_font_warning_is_shown_once_without_blocking(qtbot, page, made, monkeypatch):
    real = allocation_order.render

    def render(db, number, path, copies=1):
        result = real(db, number, path, copies)
        return allocation_order.RenderResult(result.path, result.pages, "未找到中文字体")

    monkeypatch.setattr(allocation_order, "render", render)
    dialog = open_preview(qtbot, page, made["draft"])
    assert "未找到中文字体" in dialog.status.text()
    assert "未找到中文字体" not in page.message.text()  # said in the preview only
    outcomes = []
    page.printing.message.connect(lambda text, role: outcomes.append((text, role)))
    page.printing.export(made["draft"], 1, Path(dialog.pdf_path).with_name("x.pdf"))
    qtbot.waitUntil(lambda: any("x.pdf" in text for text, _ in outcomes), timeout=TIMEOUT)
    warned = [text for text, role in outcomes if role == "banner"]
    assert warned == ["未找到中文字体"]
    outcomes.clear()
    page.printing.export(made["draft"], 1, Path(dialog.pdf_path).with_name("y.pdf"))
    qtbot.waitUntil(lambda: any("y.pdf" in text for text, _ in outcomes), timeout=TIMEOUT)
    assert not [text for text, role in outcomes if role == "banner"]  # once


def test_a_refused_render_is_a_message_not_a_traceback(qtbot, page, made, monkeypatch):
    from desktop.core.errors import BioError

    def refuse(db, number, path, copies=1):
        raise BioError("打印份数只能是 1 或 3。")

    monkeypatch.setattr(allocation_order, "render", refuse)
    select(qtbot, page, made["draft"])
    with qtbot.waitSignal(page.dialog_opened, timeout=TIMEOUT) as opened:
        page.actions_by_key["preview"].trigger()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        pass
    assert failed.args[0] == "打印份数只能是 1 或 3。" == dialog.status.text()
    assert not dialog.print_button.isEnabled()
