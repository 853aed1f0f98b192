"""The columns of an import kind and how a file's header row is matched to them.

Headers are matched loosely, as people type them: Chinese (as the template writes it) or
an English alias, in any case and width (NFKC), with or without a trailing * or a
parenthesised note (物资编码（必填）, 数量(只)). Problems with the header row — a missing
required column, an unknown or repeated column — are errors of row 1; they always stop
the import, since an unknown column may be a misspelt optional one whose values would be
lost.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.i18n import tr
from desktop.core.imports.job import RowError


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Chinese, as the template writes it
    aliases: tuple[str, ...]  # other accepted names (English)
    required: bool
    kind: str = "text"  # text | code | date | number | choice (formats in the template)
    multiline: bool = False  # free text: tabs and line breaks allowed (values.clean_text)


def column(key, header, aliases, required=False, kind="text", multiline=False) -> Column:
    """A Column, in the short form the kinds' tables use."""
    return Column(key, header, tuple(aliases), required, kind, multiline)


@dataclass(frozen=True)
class Kind:
    """Everything about one import kind: its columns, how its rows are checked and written,
    and what its template says."""

    name: str  # as the CLI and Report.kind give it
    columns: tuple[Column, ...]
    job: type  # a Job subclass
    sheet: str  # the template's first sheet
    command: str  # the CLI group the instructions name: bioreserve <command> import
    describe: Callable[[], dict[str, tuple[str, str]]]  # column key → (description, allowed)
    template: Callable  # db or None → (suggested values by column key, example row, lists)
    guidance: Callable[[], list[str]]  # more lines for the instructions
    # The tables its rows write: a role that writes none of their rows may not import it
    # (refused before the file is read: policy.require_table).
    writes: tuple[str, ...] = ()


def date_format() -> str:
    """The allowed values of every date column, as the instructions give them."""
    return tr("2026-03-01 or 2026/3/1, or an Excel date")


# ---------------------------------------------------------------- the header row


def normal(name: str) -> str:
    """A header as compared: NFKC, lower case, no *, runs of spaces, _ and - as one space."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    text = text.strip("*").strip()
    return re.sub(r"[\s_\-]+", " ", text)


def _lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    names = {}
    for col in columns:
        for name in (col.header, *col.aliases):
            names[normal(name)] = col
    return names


def _match(names: dict[str, Column], text: str) -> Column | None:
    key = normal(text)
    if key in names:
        return names[key]
    bare = re.sub(r"\s*\(.*\)$", "", key)  # 物资编码（必填）, 数量(只)
    return names.get(bare)


def map_header(columns: tuple[Column, ...], header: list[str]):
    """Positions and header texts of the known columns, the header's errors, and whether
    a required column is missing."""
    names = _lookup(columns)
    positions: dict[str, int] = {}
    texts: dict[str, str] = {}
    errors: list[RowError] = []
    for index, text in enumerate(header):
        if not text:
            continue
        col = _match(names, text)
        if col is None:
            errors.append(
                RowError(
                    1,
                    text,
                    tr(
                        "Unknown column; the columns of this kind are {columns}.",
                        columns="、".join(c.header for c in columns),
                    ),
                )
            )
        elif col.key in positions:
            errors.append(
                RowError(
                    1, text, tr("This column appears twice (also {other}).", other=texts[col.key])
                )
            )
        else:
            positions[col.key] = index
            texts[col.key] = text
    missing = [c for c in columns if c.required and c.key not in positions]
    for col in missing:
        errors.append(RowError(1, col.header, tr("Required column missing.")))
    for col in columns:
        texts.setdefault(col.key, col.header)
    return positions, texts, errors, bool(missing)
