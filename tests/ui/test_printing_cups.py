"""Printing through a real print system (issue 16, point 10): CUPS with a virtual PDF
printer (Debian's cups-pdf), set up by .ci/run (or `sudo .ci/cups-pdf-printer` on a
developer's machine; without it these tests are skipped, saying so — on CI they fail).

An allocation order and the responsibility matrix are printed as a user prints them: the
page's print action, the real QPrintDialog answered by picking the virtual printer and 2
copies, the document handed to CUPS; then the job's output — the PDF cups-pdf writes — is
read back: its page count (pages × copies, collated), its text, the QR code decoded from
it and verified, and each page compared with the document's own rendering.

cups-pdf turns the job into PostScript before writing the PDF; that step drops the fonts'
maps from glyphs back to Unicode, so only text in Latin letters and digits (numbers,
codes, batch numbers, phones) can be read back from the output. The comparison of each
page's picture with the document's covers the Chinese text.
"""

import os
import pwd
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialogButtonBox, QSpinBox

from desktop.core import orders, playbooks
from desktop.core.errors import BioError
from desktop.core.orders import seal as order_seal
from desktop.documents import allocation_order, responsibility_matrix
from tests.helpers.orders_ui import make_orders, select
from tests.helpers.orders_ui import open_page as open_orders
from tests.helpers.pdf import text, tool
from tests.helpers.playbooks_ui import open_page as open_playbooks

QUEUE = os.environ.get("BIORESERVE_TEST_PRINTER", "BioReserve-PDF")
SETUP = "run `sudo .ci/cups-pdf-printer` (what .ci/run does on CI)"
JOB_TIMEOUT = 120_000  # ms: cups-pdf runs Ghostscript over the job
TIMEOUT = 10_000
# Mean grey-level difference between a printed page and the document's own at 40 dpi:
# 0.5–5 for the same page (the PostScript round trip redraws outlined titles, greys and the
# watermark a little differently), over 30 for another page of the matrix.
SAME_PAGE = 12


def output_folder() -> Path:
    """Where cups-pdf writes the jobs of QUEUE for this user; skips (fails on CI) with the
    reason when CUPS, the queue or its folder is not there."""
    reason = missing()
    if isinstance(reason, Path):
        return reason
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (.ci/run sets up CUPS with a virtual PDF printer)")
    pytest.skip(f"{reason}: {SETUP}")


def missing() -> Path | str:
    if not shutil.which("lpstat") or not shutil.which("lp"):
        return "CUPS is not installed (no lp or lpstat)"
    said = subprocess.run(
        ["lpstat", "-r"], capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"}
    ).stdout  # lpstat -r exits 0 either way
    if not said.startswith("scheduler is running"):
        return "the CUPS scheduler is not running"
    device = subprocess.run(["lpstat", "-v", QUEUE], capture_output=True, text=True).stdout
    found = re.search(r"cups-pdf:/(\S*)", device)
    if not found:
        return f"there is no virtual PDF printer (cups-pdf) named {QUEUE}"
    name = f"cups-pdf-{found.group(1)}.conf" if found.group(1) else "cups-pdf.conf"
    config = Path("/etc/cups") / name  # cups-pdf:/NAME reads its own configuration
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return f"cannot read {config}: {exc.strerror}"
    out = [line.split(None, 1)[1] for line in lines if line.startswith("Out ")]
    if not out:
        return f"{config} names no output folder (Out)"
    home = pwd.getpwuid(os.getuid()).pw_dir  # as cups-pdf expands ${HOME}: the job's owner
    folder = Path(out[-1].strip().replace("${HOME}", home))
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"cannot read the printer's output folder {folder}"
    return folder


@pytest.fixture
def queue_output():
    folder = output_folder()
    before = set(folder.iterdir())
    made: list[Path] = []
    yield folder, before, made
    for path in made:
        path.unlink(missing_ok=True)


class PrintDialogAnswer:
    """Answers the print dialog when it opens, as a user does: the virtual printer, the
    number of copies, collated, then Print."""

    def __init__(self, copies: int):
        self.copies = copies
        self.answered = False
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            return
        self.timer.stop()
        printers = dialog.findChild(QComboBox, "printers")
        index = printers.findText(QUEUE)
        assert index >= 0, [printers.itemText(n) for n in range(printers.count())]
        printers.setCurrentIndex(index)
        dialog.findChild(QSpinBox, "copies").setValue(self.copies)
        dialog.findChild(QCheckBox, "collate").setChecked(True)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        self.answered = True


def job_output(qtbot, queue_output, mark: str, count: int) -> Path:
    """The PDF cups-pdf wrote for the job whose text has mark, once it is whole (Ghostscript
    writes the file's end last: a part of one cannot be read) with its count of pages."""
    folder, before, made = queue_output
    found: list[Path] = []

    def written() -> bool:
        for path in set(folder.iterdir()) - before:
            try:
                if mark in text(path) and pages(path) == count:
                    found.append(path)
                    return True
            except (subprocess.CalledProcessError, AttributeError):  # not whole yet
                continue
        return False

    qtbot.waitUntil(written, timeout=JOB_TIMEOUT)
    made.extend(found)
    return found[0]


def pages(pdf: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def picture(pdf: Path, page: int, folder: Path, dpi: int = 40) -> Image.Image:
    stem = folder / f"p{page}-{pdf.stem[:8]}"
    subprocess.run(
        [tool("pdftoppm"), "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    return Image.open(f"{stem}.pgm").copy()


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean grey-level difference (0–255) of two renderings of a page."""
    return ImageStat.Stat(ImageChops.difference(a, b.resize(a.size))).mean[0]


def qr_codes(pdf: Path, page: int, folder: Path) -> list[str]:
    image = picture(pdf, page, folder, dpi=150)
    image.save(folder / "qr.png")
    found = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", str(folder / "qr.png")], capture_output=True, text=True
    ).stdout
    return found.split()


def test_an_order_prints_through_cups_with_its_copies(
    qtbot, worker, demo_db, queue_output, tmp_path
):
    number = make_orders(demo_db)["submitted"]
    page = open_orders(qtbot, worker)
    page.copies.setCurrentIndex(page.copies.findData(3))  # 存根, 出库联, 接收联
    select(qtbot, page, number)
    answer = PrintDialogAnswer(copies=2)
    with qtbot.waitSignal(page.printing.printed, timeout=TIMEOUT * 3) as printed:
        page.actions_by_key["print_order"].trigger()
    assert answer.answered
    document = allocation_order.render(demo_db, number, tmp_path / "order.pdf", copies=3)
    assert printed.args[0] == document.pages  # the queue makes the copies
    assert QUEUE in page.message.text()

    output = job_output(qtbot, queue_output, number, 2 * document.pages)  # 2 copies
    order = orders.detail(demo_db, number)
    payload = order_seal.payload(demo_db, order)
    for n in range(1, pages(output) + 1):
        words = text(output, n)
        assert number in words and order["to_depot"] in words
        assert all(p["lot"] in words and p["item"] in words for p in order["picks"])
        own = (n - 1) % document.pages + 1
        printed_page = picture(output, n, tmp_path)
        assert difference(printed_page, picture(document.path, own, tmp_path)) < SAME_PAGE, n
        assert difference(printed_page, Image.new("L", printed_page.size, 255)) > 8  # not blank
        assert qr_codes(output, n, tmp_path) == qr_codes(document.path, own, tmp_path), n
    assert qr_codes(output, 1, tmp_path) == [payload]
    assert order_seal.verify(demo_db, payload).valid


def test_the_responsibility_matrix_prints_through_cups_collated(
    qtbot, worker, demo_db, queue_output, tmp_path
):
    page = open_playbooks(qtbot, worker)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab("matrix")
    view = page.matrix_view
    answer = PrintDialogAnswer(copies=2)
    with qtbot.waitSignal(view.printing.printed, timeout=TIMEOUT * 3) as printed:
        view.print_matrix()
    assert answer.answered
    document = responsibility_matrix.render(demo_db, tmp_path / "matrix.pdf")
    assert printed.args[0] == document.pages
    codes = [c["playbook"] for c in playbooks.matrix(demo_db)["columns"]]
    first = next(c for c in codes if c in text(document.path, 1))

    output = job_output(qtbot, queue_output, first, 2 * document.pages)  # 2 copies
    for n in range(1, pages(output) + 1):
        own = (n - 1) % document.pages + 1  # collated: 1, 2, …, 1, 2, …
        on_page = {c for c in codes if c in text(document.path, own)}
        assert on_page and {c for c in codes if c in text(output, n)} == on_page, n
        printed_page = picture(output, n, tmp_path)
        differences = [
            difference(printed_page, picture(document.path, k, tmp_path))
            for k in range(1, document.pages + 1)
        ]
        assert differences[own - 1] == min(differences) < SAME_PAGE, (n, differences)


def test_a_queue_that_does_not_exist_is_named_in_the_refusal(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.widgets import cups_job

    if not shutil.which("lp"):
        pytest.skip(f"CUPS is not installed (no lp): {SETUP}")
    printer = QPrinter()
    # as if chosen in the dialog (QPrinter itself falls back to the default printer)
    printer.printerName = lambda: "BioReserve-no-such-queue"
    pdf = tmp_path / "empty.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(BioError, match="BioReserve-no-such-queue"):
        cups_job.send(pdf, printer, 1)


def test_the_dialogs_settings_become_the_jobs_options(qtbot):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.widgets import cups_job

    printer = QPrinter()
    printer.printerName = lambda: "Office"  # as if chosen in the dialog
    printer.setDocName("TB-HY-CITY-20260301-001")
    printer.setCopyCount(3)
    printer.setCollateCopies(False)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)  # past the end: to the last page
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    args, pages = cups_job.arguments(printer, 4)
    assert pages == 3
    flags = dict(zip(args[::2], args[1::2], strict=True))
    assert flags["-d"] == "Office" and flags["-t"] == "TB-HY-CITY-20260301-001"
    assert flags["-n"] == "3" and flags["-P"] == "2-4"
    options = {value for flag, value in zip(args[::2], args[1::2], strict=True) if flag == "-o"}
    assert {"media=A4", "collate=false", "print-color-mode=monochrome"} <= options
    assert any(option.startswith("sides=") for option in options)  # as the printer allows
