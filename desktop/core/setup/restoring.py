"""Restoring a backup over a station's database, whole or damaged.

The backup is verified first: it opens as SQLite, passes quick_check, is a BioReserve
station's database of a schema this program can read, and belongs to the same station
as the current file (unless forced, or the current file is unreadable). Then the current
file is kept as a before-restore backup, the backup is copied beside it under a temporary
name and moved over it in one rename, with the old file's -wal and -shm removed first (an
old write-ahead log must never be applied to the restored file). Finally the restored
database is opened (upgraded if older) and checked.

Open connections: the current database must not be open anywhere. Switching it out of
WAL mode (which needs every other connection closed) proves it, and folds its log into
it; a database open in a window or command is refused, naming the cause. The desktop
closes its own connection before restoring and reopens afterwards.
"""

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core import paths, reasons
from desktop.core.access import audit, policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups, opening
from desktop.core.store import check, migrate
from desktop.core.store.handle import Database


@dataclass
class Restored:
    path: Path
    backup: Path
    before: Path | None  # the copy of the file that was replaced (None: there was none)
    station: dict
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "backup": str(self.backup),
            "before": str(self.before) if self.before else None,
            "station": self.station,
            "problems": self.problems,
            "ok": not self.problems,
        }


def known_version() -> int:
    return max([migrate.schema_version()] + [n for n, _ in migrate.migrations()])


def current_station(db_path: Path) -> dict | None:
    """The station of the current database file; None when it is missing or unreadable."""
    if not db_path.exists() or backups.header_problem(db_path) is not None:
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT origin, code, name FROM station").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return {"origin": row[0], "code": row[1], "name": row[2]} if row else None


def verify(backup: str | os.PathLike, db_path: str | os.PathLike, force: bool = False) -> dict:
    """What the backup holds, refused with its cause when it may not replace db_path."""
    backup, db_path = Path(backup), Path(db_path)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BioError(tr("{path} is the database itself, not a backup of it.", path=backup))
    found = backups.describe_file(backup, known_version())
    current = current_station(db_path)
    if current is not None and current["origin"] != found["origin"] and not force:
        # two stations of one code (a new key pair, a second installation): told apart by
        # their origins
        twins = found["code"] == current["code"]
        raise BioError(
            tr(
                "{backup} is a backup of the station {other} ({other_code}), not of "
                "{station} ({code}) whose database is {path}. Nothing was changed.",
                backup=backup,
                other=found["name"],
                other_code=f"{found['code']} {found['origin']}" if twins else found["code"],
                station=current["name"],
                code=f"{current['code']} {current['origin']}" if twins else current["code"],
                path=db_path,
            )
        )
    return found


def restore(
    ctx: Ctx, backup: str | os.PathLike, db_path: str | os.PathLike, force: bool = False
) -> Restored:
    """Replace the database at db_path with the backup (see the module's doc)."""
    policy.require(ctx, roles.BACKUP)
    backup, db_path = Path(backup), Path(db_path)
    found = verify(backup, db_path, force)
    stage = db_path.with_name(f".{db_path.name}.restoring-{os.getpid()}")
    try:
        _copy(backup, stage)
        before = _keep_current(db_path)
        for side in paths.SQLITE_SIDE_FILES:
            db_path.with_name(db_path.name + side).unlink(missing_ok=True)
        os.replace(stage, db_path)
        _sync_folder(db_path.parent)
    except OSError as exc:
        raise BioError(
            tr("Cannot restore {path}: {reason}", path=db_path, reason=reasons.reason(exc))
        ) from exc
    finally:
        stage.unlink(missing_ok=True)
    db = opening.open_station(db_path)
    try:
        problems = [f"[{p.kind}] {p.message}" for p in check.run(db)]
        audit.record(
            db,
            ctx.actor,
            "restore",
            backup=str(backup),
            before=str(before) if before else None,
            problems=len(problems),
        )
    finally:
        db.close()
    return Restored(db_path, backup, before, found, problems)


def _copy(backup: Path, stage: Path) -> None:
    """The backup copied (online backup API) to stage, beside the database, and checked."""
    stage.unlink(missing_ok=True)
    paths.private_file(stage)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(str(stage))
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # no -wal until opened
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise BioError(
            tr("Cannot restore from {backup}: {reason}", backup=backup, reason=reasons.reason(exc))
        ) from exc
    problem = backups.quick_check(stage)
    if problem is not None:
        raise BioError(tr("Cannot restore from {backup}: {reason}", backup=backup, reason=problem))


def _keep_current(db_path: Path) -> Path | None:
    """A before-restore backup of the file about to be replaced: an online backup when it
    opens (refused when another connection has it open), else a copy of its bytes."""
    if not db_path.exists():
        return None
    if backups.header_problem(db_path) is None:
        try:
            conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=1.0)
        except sqlite3.Error:
            conn = None
        if conn is not None:
            try:
                return _online_copy(conn, db_path)
            finally:
                conn.close()
    return _raw_copy(db_path)


def _online_copy(conn: sqlite3.Connection, db_path: Path) -> Path:
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(db_path) from exc
        return _raw_copy(db_path)
    except sqlite3.DatabaseError:  # damaged: its bytes are all that can be kept
        return _raw_copy(db_path)
    if str(mode).lower() != "delete":
        raise _in_use(db_path)
    try:
        return backups.make(Database(conn, db_path), "before-restore").path  # type: ignore[arg-type]
    except BioError:
        return _raw_copy(db_path)


def _in_use(db_path: Path) -> BioError:
    return BioError(
        tr(
            "The database {path} is open in another BioReserve window or command. Close it "
            "and restore again; nothing was changed.",
            path=db_path,
        )
    )


def _raw_copy(db_path: Path) -> Path:
    """The bytes of a file that does not open (and its write-ahead log), kept as `.bad`."""
    where = backups.folder(db_path, None)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target, n = where / f"before-restore.v0-{stamp}.db.bad", 1
    while target.exists():
        n += 1
        target = where / f"before-restore.v0-{stamp}-{n}.db.bad"
    for source, copy in (
        (db_path, target),
        (db_path.with_name(db_path.name + "-wal"), target.with_name(target.name + "-wal")),
    ):
        if source.exists():
            paths.private_file(copy)
            with open(source, "rb") as src, open(copy, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX: fsync the folder; Windows has no such call)."""
    if not paths.posix_modes():
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
