"""What every import kind shares while its rows are checked and written: the report, its
errors, cancelling, and the Job base class.

A Job checks one row at a time (`check`), then the rules across rows (`finish`), and
writes the good rows (`write`). A row with any error is left out: `bad` records one
reason per cell and marks the row, and the running code drops marked rows.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

PROGRESS_EVERY = 500  # rows between progress calls, checking and writing alike
WRITE_CHUNK = 500  # rows per insert_many
# Stands in for a required text that is empty or refused (already reported) while the rest
# of the row is validated: it passes every text rule and clashes with no code. It is never
# compared with what a file holds (validated() knows which fields it filled) and a row that
# needed it is never written.
STAND_IN = f"stand-in-{uuid.uuid4().hex}"

Progress = Callable[[int, int], None]
Tick = Callable[[int], None]


class Cancelled(BioError):
    """Raised by a progress callback to stop an import; nothing is imported."""

    def __init__(self, message: str | None = None):
        super().__init__(message or tr("The import was cancelled; nothing was imported."))


@dataclass
class RowError:
    row: int  # as the spreadsheet shows it: the header is row 1
    column: str  # the column's header as written in the file
    reason: str


@dataclass
class Report:
    kind: str
    total: int = 0  # data rows read (0 when the header row is refused)
    imported: int = 0  # rows written (0 when nothing was imported)
    skipped: int = 0  # data rows with errors (left out with skip_invalid)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Job:
    """Checks one kind's rows (check: one row; finish: rules across rows) and writes them.

    `texts` maps column keys to the headers as the file writes them, so that errors name
    the column the person sees.
    """

    # Queries of what the checks rely on besides the file (codes and the like): read when
    # the check begins and again, if another connection committed meanwhile, inside the
    # write transaction (still_valid).
    FACTS: tuple[str, ...] = ()

    def __init__(self, db: Database, source: Path, texts: dict[str, str], errors: list[RowError]):
        self.db = db
        self.source = source
        self.texts = texts
        self.errors = errors
        self.bad_rows: set[int] = set()
        self._reported: set[tuple[int, str]] = set()
        self.facts = self.read_facts()

    def read_facts(self) -> list:
        return [self.db.execute(sql).fetchall() for sql in self.FACTS]

    def still_valid(self) -> bool:
        """Whether what the check relied on is as it was (called in the write transaction)."""
        return self.read_facts() == self.facts

    def bad(self, row: int, key: str, reason: str) -> None:
        if (row, key) in self._reported:
            return  # one reason per cell
        self._reported.add((row, key))
        self.errors.append(RowError(row, self.texts.get(key, key), reason))
        self.bad_rows.add(row)

    def check(self, row: int, cells: dict):
        """One row's cells (column key → value): what `write` needs, or None."""
        raise NotImplementedError

    def finish(self, parsed: list) -> list:
        """The rules across rows; the rows that pass them."""
        return parsed

    def write(self, w, rows: list, tick: Tick) -> None:
        raise NotImplementedError

    def unique(self, row: int, key: str, code: str, seen: dict) -> None:
        if code in seen:
            self.bad(
                row,
                key,
                tr("Code {code} is already in row {row} of this file.", code=code, row=seen[code]),
            )
        elif code:
            seen[code] = row

    def validated(
        self, row: int, values: dict, validate, fields: dict, required: tuple = ()
    ) -> dict | None:
        """A catalog validator's clean values, or None; reports every field it refuses, not
        only the first: a refused field is left out, or when required (empty, or refused)
        given STAND_IN, and the rest is validated again."""
        filled = {key for key in required if not values.get(key)}
        values.update(dict.fromkeys(filled, STAND_IN))
        for _ in range(len(values) + 1):
            try:
                clean = validate(values)
                return None if filled else clean
            except Invalid as exc:
                self.bad(row, fields.get(exc.field, exc.field), str(exc))
                if exc.field in filled:
                    return None
                if exc.field in required:
                    values[exc.field] = STAND_IN
                    filled.add(exc.field)
                elif values.pop(exc.field, None) is None:
                    return None
        return None

    @staticmethod
    def insert_chunks(w, table: str, rows: list[dict], tick: Tick, done: int = 0) -> int:
        """Insert rows WRITE_CHUNK at a time, ticking after each chunk; the rows done."""
        for start in range(0, len(rows), WRITE_CHUNK):
            chunk = rows[start : start + WRITE_CHUNK]
            w.insert_many(table, chunk)
            done += len(chunk)
            tick(done)
        return done

    def write_new_then_updates(self, w, table: str, rows: list, keys: tuple, tick: Tick) -> None:
        """Rows (row, id or None, clean values): new rows in bulk, then the updates."""
        new = [{k: clean.get(k, "") for k in keys} for _, row_id, clean in rows if row_id is None]
        done = self.insert_chunks(w, table, new, tick)
        for _, row_id, clean in rows:
            if row_id is not None:
                w.update(table, row_id, clean)
                done += 1
                tick(done)
