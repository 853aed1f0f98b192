"""Checking a file and importing it: every row is checked before anything is written, and
the import is one write-path transaction — all or nothing.

`validate` reports every bad cell (row as the spreadsheet shows it, the header being
row 1; the column's header as written; the reason) and changes nothing. Every text cell
is refused when it holds a control character (values.clean_text). `run` checks the whole
file first, reading one snapshot of the database without holding the write lock (other
windows and stations write meanwhile), then takes the write lock: when another connection
has committed since the snapshot, the job compares what its checks relied on (codes,
lots and their expiry, …: Job.still_valid) and refuses the import, asking to run it again,
if any of it changed. While any row is bad nothing is imported, unless `skip_invalid`:
then the good rows are. Header problems always stop the import (see columns).

`progress(done, total)` is called about every PROGRESS_EVERY rows while the file is
checked (done = rows read, total = the expected rows, an estimate until the end) and
again while the good rows are written (done = rows written, total = rows to write). If
it raises Cancelled, the import stops and nothing is imported.
"""

from contextlib import contextmanager
from pathlib import Path

import desktop.core.imports.kinds as kinds
from desktop.core import paths, spreadsheet, values
from desktop.core.access import policy
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.columns import map_header
from desktop.core.imports.fingerprints import Fingerprint
from desktop.core.imports.job import PROGRESS_EVERY, Job, Progress, Report, RowError
from desktop.core.imports.vocabulary import Additions
from desktop.core.setup import backup_actions
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

IMPORT_CACHE_KIB = 128 * 1024  # SQLite page cache during an import (allocated as needed)


def check(
    db: Database,
    kind: str,
    path,
    progress: Progress | None,
    additions: Additions | None = None,
    ctx: Ctx | None = None,
) -> tuple[Report, Job | None, list]:
    """Read and check every row: the report, the job and the good rows. With the actor's
    ctx, a kind its role never writes is refused before the file is read (NotAllowed,
    naming the role), and each row the role may not write is a row error."""
    spec = kinds.get(kind)
    if ctx is not None:
        for tbl in spec.writes:
            policy.require_table(db, ctx, tbl)
    path = Path(path)
    header, rows = spreadsheet.read_rows(path)
    report = Report(spec.name)
    try:
        positions, texts, report.errors, missing = map_header(spec.columns, header)
        if missing:
            # the header problems of a cover sheet put first say less than where the data are
            report.errors = _data_elsewhere(spec, path) or report.errors
            return report, None, []
        job = spec.job(db, path, texts, report.errors)
        job.additions = additions
        job.ctx = ctx
        required = [(c.key, positions[c.key]) for c in spec.columns if c.required]
        fields = list(positions.items())
        multiline = {c.key for c in spec.columns if c.multiline}
        estimate = getattr(rows, "estimate", 0)
        parsed, total = [], 0
        # columns without a header (the second cell of a merged header, a column left
        # unnamed): values there would be dropped without a word — the first one is named
        headed = {i for i, text in enumerate(header) if text}
        unheaded: dict[int, int] = {}
        # formulas whose result was not saved: (row number, column)
        unvalued: set[tuple[int, int]] = getattr(rows, "unvalued", set())
        hidden: set[int] = getattr(rows, "hidden", set())
        merged: list = getattr(rows, "merged", [])  # (first row, column, last row, column)
        for number, cells in rows:
            total += 1
            width = len(cells)
            if number in hidden and fields:  # a row hidden in the sheet: not taken unseen
                job.bad(number, fields[0][0], tr(
                    "The row is hidden in the spreadsheet: show it and check it, or delete it "
                    "(a hidden row is not imported unseen)."))  # fmt: skip
            for key, i in fields if unvalued else ():
                if (number, i) in unvalued:
                    job.bad(number, key, tr(
                        "A formula whose result was not saved in the file (written by a "
                        "program that does not calculate): open the file in Excel or WPS and "
                        "save it again, or paste the values."))  # fmt: skip
            if width > len(headed):
                for i in range(width):
                    if i not in headed and i not in unheaded and not values.blank(cells[i]):
                        unheaded[i] = number
            given = {k: cells[i] if i < width else None for k, i in fields}
            job.row_cells = (number, given)
            for key, value in given.items():
                if isinstance(value, str):
                    try:
                        values.clean_text(value, multiline=key in multiline)
                    except values.BadValue as exc:
                        job.bad(number, key, str(exc))
                        given[key] = None  # the job never sees it
            for key, i in required:
                if i >= width or values.blank(cells[i]):
                    job.bad(number, key, _empty(merged, number, i))
            result = job.check(number, given)
            if result is not None and number not in job.bad_rows:
                parsed.append(result)
            if progress and total % PROGRESS_EVERY == 0:
                progress(total, max(estimate, total))
        good = job.finish(parsed)
        for i, number in sorted(unheaded.items()):
            report.errors.append(RowError(1, column_letter(i), tr(
                "Column {column} has values (the first in row {row}) but no header: give it "
                "the header of what it holds, or clear it. A merged header cell names only "
                "its first column.", column=column_letter(i), row=number,
            )))  # fmt: skip
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    report.total = total
    report.skipped = len(job.bad_rows)
    report.unknown = job.vocab.unknown()
    order = {text: i for i, text in enumerate(header)}
    report.errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
    if progress:
        progress(total, total)
    return report, job, good


def _data_elsewhere(spec, path: Path) -> list[RowError]:
    """When the first sheet lacks columns an import needs: the later sheet of the workbook
    that has them all, named in an error on the first sheet (a cover or 说明 sheet put
    first), if there is one."""
    if path.suffix.lower() != ".xlsx":
        return []
    try:
        sheets = spreadsheet.read_sheets(path)
    except BioError:
        return []
    for sheet in sheets:
        sheet.rows.close()
    for sheet in sheets[1:]:
        if not map_header(spec.columns, sheet.header)[3]:
            return [RowError(1, sheets[0].name, tr(
                "The data seem to be on the sheet {sheet}, but an import reads the first sheet "
                "({first}) only: move the sheet {sheet} to the front and import again.",
                sheet=sheet.name, first=sheets[0].name,
            ))]  # fmt: skip
    return []


def validate(
    db: Database,
    kind: str,
    path,
    progress: Progress | None = None,
    additions: Additions | None = None,
    ctx: Ctx | None = None,
) -> Report:
    """Check a file and report every bad cell; nothing is imported. With the actor's ctx,
    the rows its role may not write are bad too (as `run` finds them)."""
    report, _, _ = check(db, kind, path, progress, additions, ctx)
    return report


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
    again: bool = False,
    additions: Additions | None = None,
) -> Report:
    """Check the whole file, then import it in one transaction (all or nothing).

    With errors, nothing is imported unless skip_invalid: then the good rows are.
    Errors in the header row always stop the import. The file is checked against one
    snapshot of the database without the write lock; if what the check relied on changed
    before the lock was taken, nothing is imported (BioError: run it again). A file, or
    stock receipts, imported before are refused (fingerprints.ImportedBefore: when and by
    whom) unless `again`. The unknown values `additions` names are added to their
    vocabularies in the same transaction, before the rows (vocabulary.py; Report.added).
    """
    with page_cache(db):
        with _snapshot(db):
            version = _data_version(db)
            report, job, good = check(db, kind, path, progress, additions, ctx)
        header_bad = any(e.row == 1 for e in report.errors)
        if job is None or not good or header_bad or (report.errors and not skip_invalid):
            return report

        fingerprint = Fingerprint(kind, path, (job.batch(row) for row in good))

        def tick(done: int, total: int = len(good)) -> None:
            if progress and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)

        # a copy before it, audited at once: only once the rows are checked and the role
        # may write what the kind writes, and only when something changed since the last
        backup_actions.before_import(db, ctx, kinds.get(kind).writes)
        with write(db, ctx) as w:
            if _data_version(db) != version and not job.still_valid():
                raise BioError(
                    tr(
                        "The database changed while {file} was being checked (another window "
                        "or station saved what its rows refer to); nothing was imported. "
                        "Import it again.",
                        file=paths.shown_name(path),
                    )
                )
            if not again:
                fingerprint.refuse_if_imported(db)
            report.added = job.vocab.add(w, job.bad_rows)
            job.write(w, good, tick)
            fingerprint.remember(db, ctx.actor, len(good))
        report.imported = len(good)
    return report


def _empty(merged: list, row: int, index: int) -> str:
    """Why a required cell is empty: left empty, or the second cell of merged cells (the
    value shown there belongs to the first cell only)."""
    column = index + 1
    for top, left, bottom, right in merged:
        if top <= row <= bottom and left <= column <= right and (row, column) != (top, left):
            return tr(
                "This cell is part of the merged cells {first}:{last}, whose value belongs to "
                "{first} alone: unmerge them and fill in each cell.",
                first=f"{column_letter(left - 1)}{top}",
                last=f"{column_letter(right - 1)}{bottom}",
            )
    return tr("Required; this cell is empty.")


def column_letter(index: int) -> str:
    """A column as Excel names it: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _data_version(db: Database) -> int:
    """Changes whenever another connection commits (SQLite's PRAGMA data_version)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


@contextmanager
def _snapshot(db: Database):
    """One read transaction (every query of the check sees the same database), unless the
    connection is inside one already. It takes no write lock."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
