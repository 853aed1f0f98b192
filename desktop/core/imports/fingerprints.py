"""Imports remembered, so that the same file, or the same stock receipts in another file,
are not imported twice by mistake.

Every import that writes rows records its file by the hash of its bytes and, for kinds
whose rows add to what is there, each written row by its batch (Job.batch: for a stock
receipt the depot, the lot — item and batch number —, the quantity and the dates). `run`
refuses an import whose file, or any of whose batches, was imported before, saying when,
by whom and from which file (ImportedBefore), unless it is told to import again. The
record is this station's own (import_log, import_row: local tables, never synced).
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths, values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.store.writepath import touch

CHUNK = 1 << 20  # bytes read at a time while hashing a file
PER_QUERY = 900  # digests per query, below SQLite's limit on bound parameters
TABLES = ("import_log", "import_row")


def file_hash(path) -> str:
    """The sha256 of a file's bytes, read a chunk at a time."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def row_digest(kind: str, batch: str) -> bytes:
    """How a row's batch is stored: 16 bytes of its sha256 (a clash is 2^-64 likely)."""
    return hashlib.sha256(f"{kind}\x1f{batch}".encode()).digest()[:16]


def sentences(*parts: str) -> str:
    """Sentences one after the other: a space after a Latin full stop, none after a
    Chinese one (。)."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text[-1] in "。！？；）」" else " " + part
    return text


def who(actor: str) -> str:
    """An actor as people read it: the OS user's name without the os: prefix."""
    return actor.removeprefix("os:")


@dataclass(frozen=True)
class Earlier:
    """An earlier import that held the same file or some of the same rows."""

    file: str
    at: str  # as stored (values.now_iso)
    actor: str
    rows: int  # the rows it wrote
    same_file: bool
    matching: int  # of this file's batches, how many it held


class ImportedBefore(BioError):
    """The file, or some of its rows, were imported before; nothing was imported.

    `earlier` lists the earlier imports, newest first; `matching` counts this file's rows
    that any of them held; `summary` says what happened without the fix, which the caller
    words (the CLI's --again, the desktop's question)."""

    def __init__(self, file: str, total: int, matching: int, earlier: list[Earlier]):
        self.file, self.total, self.matching, self.earlier = file, total, matching, earlier
        self.summary = describe(file, total, matching, earlier)
        super().__init__(sentences(self.summary, tr("Import it again only if that is intended.")))


def describe(file: str, total: int, matching: int, earlier: list[Earlier]) -> str:
    """What was imported before, naming the newest earlier import."""
    last = earlier[0]
    when, by = values.shown_time(last.at), who(last.actor)
    times = len(earlier)
    same = next((e for e in earlier if e.same_file), None)
    if same is not None and same.file != file:  # the same content under another name
        text = tr(
            "{file} is the same file as {earlier}, imported on {when} by {who} ({rows} "
            "row(s)); nothing was imported this time.",
            file=file,
            earlier=same.file,
            when=values.shown_time(same.at),
            who=who(same.actor),
            rows=f"{same.rows:,}",
        )
    elif same is not None:
        text = tr(
            "{file} was imported before, on {when} by {who} ({rows} row(s)); nothing was "
            "imported this time.",
            file=file,
            when=values.shown_time(same.at),
            who=who(same.actor),
            rows=f"{same.rows:,}",
        )
    else:
        text = tr(
            "{count} of the {total} rows of {file} were imported before, on {when} by {who} "
            "from {earlier}; nothing was imported this time.",
            count=f"{matching:,}",
            total=f"{total:,}",
            file=file,
            when=when,
            who=by,
            earlier=last.file,
        )
    if times > 1 and any(e.same_file for e in earlier):
        text = sentences(text, tr("It was imported {times} times in all.", times=times))
    elif times > 1:
        text = sentences(text, tr("Those rows were in {times} earlier imports.", times=times))
    return text


class Fingerprint:
    """One import's file and batches: what was imported before, and remembering it."""

    def __init__(self, kind: str, path, batches: Iterable[str | None]):
        self.kind = kind
        self.file = paths.shown_name(path)
        self.sha256 = file_hash(path)
        self.rows = 0
        seen: dict[bytes, None] = {}
        for batch in batches:
            self.rows += 1
            if batch is not None:
                seen[row_digest(kind, batch)] = None
        self.digests = list(seen)

    def earlier(self, db: Database) -> tuple[int, list[Earlier]]:
        """The rows of this import held by earlier imports, and those imports, newest
        first (the same file, or any of the same batches)."""
        per_import: dict[int, int] = {}
        found: set[bytes] = set()
        for start in range(0, len(self.digests), PER_QUERY):
            chunk = self.digests[start : start + PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            for digest, import_id in db.execute(
                f"SELECT digest, import_id FROM import_row WHERE digest IN ({marks})", chunk
            ):
                found.add(digest)
                per_import[import_id] = per_import.get(import_id, 0) + 1
        same = {
            import_id
            for (import_id,) in db.execute(
                "SELECT id FROM import_log WHERE kind = ? AND sha256 = ?", [self.kind, self.sha256]
            )
        }
        ids = sorted(same | set(per_import), reverse=True)
        earlier = []
        for start in range(0, len(ids), PER_QUERY):
            some = ids[start : start + PER_QUERY]
            marks = ", ".join("?" * len(some))
            for import_id, file, at, actor, rows in db.execute(
                f"SELECT id, file, at, actor, rows FROM import_log WHERE id IN ({marks}) "
                "ORDER BY id DESC",
                some,
            ):
                earlier.append(
                    Earlier(file, at, actor, rows, import_id in same, per_import.get(import_id, 0))
                )
        return len(found), earlier

    def refuse_if_imported(self, db: Database) -> None:
        """ImportedBefore when the file or any of its batches was imported before."""
        matching, earlier = self.earlier(db)
        if earlier:
            raise ImportedBefore(self.file, self.rows, matching, earlier)

    def remember(self, db: Database, actor: str, written: int) -> None:
        """Record this import (inside its write transaction, so both commit together)."""
        cursor = db.execute(
            "INSERT INTO import_log (kind, sha256, file, rows, actor, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [self.kind, self.sha256, self.file, written, actor, values.now_iso()],
        )
        import_id = cursor.lastrowid
        db.conn.executemany(
            "INSERT OR IGNORE INTO import_row (digest, import_id) VALUES (?, ?)",
            ((digest, import_id) for digest in self.digests),
        )
        touch(db, *TABLES)
