"""Checking a file and importing it: every row is checked before anything is written, and
the import is one write-path transaction — all or nothing.

`validate` reports every bad cell (row as the spreadsheet shows it, the header being
row 1; the column's header as written; the reason) and changes nothing. Every text cell
is refused when it holds a control character (values.clean_text). `run` checks the
whole file inside its transaction, so that no other change slips in between the check
and the writes; while any row is bad nothing is imported, unless `skip_invalid`: then the
good rows are. Header problems always stop the import (see columns).

`progress(done, total)` is called about every PROGRESS_EVERY rows while the file is
checked (done = rows read, total = the expected rows, an estimate until the end) and
again while the good rows are written (done = rows written, total = rows to write). If
it raises Cancelled, the import stops and nothing is imported.
"""

from contextlib import contextmanager
from pathlib import Path

from desktop.core import spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.i18n import tr
from desktop.core.imports import kinds
from desktop.core.imports.columns import map_header
from desktop.core.imports.job import PROGRESS_EVERY, Job, Progress, Report
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

IMPORT_CACHE_KIB = 128 * 1024  # SQLite page cache during an import (allocated as needed)


def check(
    db: Database, kind: str, path, progress: Progress | None
) -> tuple[Report, Job | None, list]:
    """Read and check every row: the report, the job and the good rows."""
    spec = kinds.get(kind)
    path = Path(path)
    header, rows = spreadsheet.read_rows(path)
    report = Report(spec.name)
    try:
        positions, texts, report.errors, missing = map_header(spec.columns, header)
        if missing:
            return report, None, []
        job = spec.job(db, path, texts, report.errors)
        required = [(c.key, positions[c.key]) for c in spec.columns if c.required]
        fields = list(positions.items())
        multiline = {c.key for c in spec.columns if c.multiline}
        estimate = getattr(rows, "estimate", 0)
        parsed, total = [], 0
        for number, cells in rows:
            total += 1
            width = len(cells)
            given = {k: cells[i] if i < width else None for k, i in fields}
            for key, value in given.items():
                if isinstance(value, str):
                    try:
                        values.clean_text(value, multiline=key in multiline)
                    except values.BadValue as exc:
                        job.bad(number, key, str(exc))
                        given[key] = None  # the job never sees it
            for key, i in required:
                if i >= width or values.blank(cells[i]):
                    job.bad(number, key, tr("Required; this cell is empty."))
            result = job.check(number, given)
            if result is not None and number not in job.bad_rows:
                parsed.append(result)
            if progress and total % PROGRESS_EVERY == 0:
                progress(total, max(estimate, total))
        good = job.finish(parsed)
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    report.total = total
    report.skipped = len(job.bad_rows)
    order = {text: i for i, text in enumerate(header)}
    report.errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
    if progress:
        progress(total, total)
    return report, job, good


def validate(db: Database, kind: str, path, progress: Progress | None = None) -> Report:
    """Check a file and report every bad cell; nothing is imported."""
    report, _, _ = check(db, kind, path, progress)
    return report


class _Refused(Exception):
    """Leaves the write-path transaction without writing (it rolls back)."""


@contextmanager
def page_cache(db: Database, kib: int = IMPORT_CACHE_KIB):
    """A page cache of 128 MB for the length of an import, twice what every connection has
    (store/db.py): a large import writes ledger rows, lots, balances and their indexes at
    once, more than the working set of reads the connection's cache is sized for. SQLite
    allocates it only as pages are used."""
    previous = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous)}")


def run(
    db: Database,
    ctx: Ctx,
    kind: str,
    path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Check the whole file, then import it in one transaction (all or nothing).

    With errors, nothing is imported unless skip_invalid: then the good rows are.
    Errors in the header row always stop the import. The file is checked inside the
    transaction, so no other change can slip in between the check and the writes.
    """
    outcome = {}
    try:
        with page_cache(db), write(db, ctx) as w:
            report, job, good = check(db, kind, path, progress)
            outcome["report"] = report
            header_bad = any(e.row == 1 for e in report.errors)
            if job is None or not good or header_bad or (report.errors and not skip_invalid):
                raise _Refused

            def tick(done: int, total: int = len(good)) -> None:
                if progress and (done % PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)

            job.write(w, good, tick)
            report.imported = len(good)
    except _Refused:
        pass
    return outcome["report"]
