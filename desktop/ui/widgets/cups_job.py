"""Handing a PDF to a CUPS print queue as it is, with what the print dialog set.

Where Qt prints through CUPS (Linux, macOS), painting a PDF's pages on the QPrinter would
send pictures of them: no text, and a 300-dpi image of every page (megabytes a page).
CUPS takes PDF itself, so the document's own file goes to the queue chosen in the print
dialog, through CUPS's lp, with the settings the dialog left on the QPrinter — copies and
collation, the page range, sides, colour, paper, page order, and the CUPS options of the
dialog's own controls (pages per sheet, odd/even pages, banners, priority: the list Qt's
CUPS print engine passes) — and the printer renders it at its own resolution. Windows
and "print to file" keep painting the pages (printing.print_pdf).
"""

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter

from desktop.core.errors import BioError

CUPS_OPTIONS = 0xFE00  # QPrintEngine's PPK_CupsOptions: [name, value, name, value, …]
TIMEOUT = 60  # seconds for lp to hand the file to the scheduler
SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",
}


@dataclass(frozen=True)
class Job:
    pages: int  # pages of the document sent (the queue makes the copies)
    id: str  # the request id lp gives, e.g. BioReserve-PDF-12


def queue(printer: QPrinter) -> str:
    """The CUPS queue to hand the PDF to: the printer chosen, when it is a CUPS queue and
    lp is installed; "" otherwise."""
    if sys.platform == "win32" or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return ""
    if not printer.printerName() or shutil.which("lp") is None:
        return ""
    return printer.printerName()


def pages_chosen(printer: QPrinter, count: int) -> tuple[int, int]:
    """The first and last page (from 0) of the range chosen in the dialog, else all."""
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(printer.fromPage(), count) - 1
        last = max(min(printer.toPage() or count, count) - 1, first)
    return first, last


def arguments(printer: QPrinter, count: int) -> tuple[list[str], int]:
    """lp's arguments (but the file) for the printer's settings; the pages sent."""
    first, last = pages_chosen(printer, count)
    args = ["-d", printer.printerName(), "-t", printer.docName() or "BioReserve"]
    args += ["-o", f"media={printer.pageLayout().pageSize().key() or 'A4'}"]
    args += ["-o", f"sides={SIDES.get(printer.duplex(), 'one-sided')}"]
    copies = max(printer.copyCount(), 1)
    if copies > 1:
        args += ["-n", str(copies), "-o", f"collate={str(printer.collateCopies()).lower()}"]
    if (first, last) != (0, count - 1):
        args += ["-P", f"{first + 1}-{last + 1}"]
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        args += ["-o", "print-color-mode=monochrome"]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        args += ["-o", "outputorder=reverse"]
    engine = printer.printEngine()
    chosen = engine.property(engine.PrintEnginePropertyKey(CUPS_OPTIONS)) if engine else None
    if isinstance(chosen, list):
        for name, value in zip(chosen[::2], chosen[1::2], strict=False):
            if str(name).strip() and str(value).strip():
                args += ["-o", f"{name}={value}"]
    return args, last - first + 1


def send(path, printer: QPrinter, count: int) -> Job:
    """Hand the PDF at path (count pages) to the printer's queue; refused with lp's reason."""
    args, pages = arguments(printer, count)
    name = printer.printerName()
    try:
        done = subprocess.run(
            ["lp", *args, "--", str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BioError(refused(name, str(exc))) from None
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().removeprefix("lp:").strip()
        raise BioError(refused(name, reason or f"lp {done.returncode}"))
    found = re.search(r"request id is (\S+)", done.stdout)
    return Job(pages, found.group(1) if found else "")


def refused(name: str, reason: str) -> str:
    return QCoreApplication.translate(
        "OrderPrinting", "The printer {name} did not take the document: {reason}"
    ).format(name=name or "—", reason=reason)
