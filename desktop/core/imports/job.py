"""What every import kind shares while its rows are checked and written: the report, its
errors, cancelling, and the Job base class.

A Job checks one row at a time (`check`), then the rules across rows (`finish`), and
writes the good rows (`write`). A row with any error is left out: `bad` records one
reason per cell, led by the bad value itself (“12.5”: not a whole number), and marks the
row, and the running code drops marked rows.
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from desktop.core import values
from desktop.core.access import policy
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.imports.vocabulary import Added, Additions, Unknown, Vocabularies
from desktop.core.store.handle import Database

PROGRESS_EVERY = 500  # rows between progress calls, checking and writing alike
WRITE_CHUNK = 500  # rows per insert_many at the least
# A large file is written in about this many insert_many calls instead: each call costs
# something besides its rows (its payloads' checks set up, its derived rows, its
# statements), and 5,000 rows a call take a tenth of the CPU time off the write of a
# 50,000-row stock import against 500 — the progress still moves ten times.
WRITE_STEPS = 10
# Stands in for a required text that is empty or refused (already reported) while the rest
# of the row is validated: it passes every text rule and clashes with no code. It is never
# compared with what a file holds (validated() knows which fields it filled) and a row that
# needed it is never written.
STAND_IN = f"stand-in-{uuid.uuid4().hex}"

SHOWN = 60  # characters of a bad value an error shows

Progress = Callable[[int, int], None]
Tick = Callable[[int], None]


def write_chunk(total: int, least: int = WRITE_CHUNK) -> int:
    """Rows per insert_many when `total` rows are written: `least`, or a WRITE_STEPS-th of
    them when that is more, rounded up to a multiple of `least` (the progress is reported
    at multiples of PROGRESS_EVERY)."""
    least = max(1, least)
    return max(1, -(-total // (WRITE_STEPS * least))) * least


def shown(value) -> str:
    """A cell's value as an error shows it: text, control characters as ?, cut short."""
    text = values.CONTROL.sub("?", values.text(value))
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def with_value(reason: str, value, mask: Callable[[str], str] | None = None) -> str:
    """The reason led by the bad value itself (“12.5” 不是整数。), unless the cell is
    empty or the reason names the value already; `mask` hides personal data."""
    raw = values.text(value) if not values.blank(value) else ""
    if not raw or _names(reason, raw):
        return reason
    text = mask(raw) if mask else shown(raw)
    if _names(reason, text):
        return reason
    return tr("“{value}”: {reason}", value=text, reason=reason)


def _names(reason: str, value: str) -> bool:
    """Whether the reason names the value as a whole: "2026-03" is not named by the example
    2026-03-01 a date's reason gives."""
    edge = r"[\w\-/.:]"
    return re.search(f"(?<!{edge}){re.escape(value)}(?!{edge})", reason) is not None


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
    # values the vocabularies lack that were not added, and those added (vocabulary.py)
    unknown: list[Unknown] = field(default_factory=list)
    added: list[Added] = field(default_factory=list)

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
    # The unknown values to add to the vocabularies (set by running.check before the rows).
    additions: Additions | None = None
    # How the values of columns holding personal data show in errors (column key → mask).
    MASKED: dict[str, Callable[[str], str]] = {}
    # Who imports (set by running.check): each row is asked whether the actor's role may
    # write it (policy.refusal, as the write path asks); None: the program itself.
    ctx: Ctx | None = None

    def __init__(self, db: Database, source: Path, texts: dict[str, str], errors: list[RowError]):
        self.db = db
        self.source = source
        self.texts = texts
        self.errors = errors
        self.bad_rows: set[int] = set()
        self._reported: set[tuple[int, str]] = set()
        # The row being checked and its cells (set by running.check): an error of that row
        # shows the cell's value.
        self.row_cells: tuple[int, dict] = (0, {})
        self.facts = self.read_facts()

    @cached_property
    def vocab(self) -> Vocabularies:
        """The controlled vocabularies the rows name (specialties, categories, units)."""
        return Vocabularies(self.db, self.additions)

    def read_facts(self) -> list:
        return [self.db.execute(sql).fetchall() for sql in self.FACTS]

    def still_valid(self) -> bool:
        """Whether what the check relied on is as it was (called in the write transaction)."""
        return self.read_facts() == self.facts

    def bad(self, row: int, key: str, reason: str) -> None:
        """Report a bad cell of the row being checked, its value leading the reason."""
        number, cells = self.row_cells
        self.bad_value(row, key, reason, cells.get(key) if number == row else None)

    def bad_value(self, row: int, key: str, reason: str, value) -> None:
        """Report a bad cell whose value is given (the rules across rows give theirs)."""
        if (row, key) in self._reported:
            return  # one reason per cell
        self._reported.add((row, key))
        reason = with_value(reason, value, self.MASKED.get(key))
        self.errors.append(RowError(row, self.texts.get(key, key), reason))
        self.bad_rows.add(row)

    def permitted(self, row: int, key: str, tbl: str, payload: dict, kind: str = "insert") -> bool:
        """Whether the actor's role may write this row (the write path's rule, asked in the
        check): if not, the cell `key` is reported bad with the refusal and the row left out."""
        if self.ctx is None:
            return True
        why = policy.refusal(self.db, self.ctx, kind, tbl, payload, dict)
        if why:
            self.bad(row, key, why)
        return not why

    def batch(self, parsed) -> str | None:
        """What identifies a good row as a delivery (fingerprints: the same receipt is not
        imported twice), or None for kinds whose rows only set values."""
        return None

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
        """Insert rows write_chunk() at a time, ticking after each chunk; the rows done."""
        size = write_chunk(len(rows))
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
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
