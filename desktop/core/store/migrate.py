"""Schema creation and numbered migrations.

A new database gets db/schema.sql. An older one is upgraded by the files
db/migrations/NNNN_name.sql or NNNN_name.py, where NNNN is the user_version the file
brings the database to; each is applied in one transaction after an online backup of the
whole database is written (setup/backups.py: checked, in the user data folder's backups of
this database; no upgrade without it). A .py migration defines `upgrade(db)`; it is for the
changes SQLite's ALTER TABLE cannot make, which `rebuild_table` makes with sqlite-utils'
transform (imported only then). Foreign keys are off while migrations run (SQLite's
procedure for rebuilding a table) and checked afterwards.
"""

import importlib.util
import re
import sqlite3
from pathlib import Path

from desktop.core import paths, reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup import backups
from desktop.core.store.handle import Database


def schema_version(schema: Path | None = None) -> int:
    file = schema or paths.schema_file()
    match = re.search(r"PRAGMA user_version\s*=\s*(\d+)", file.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{file} sets no PRAGMA user_version")
    return int(match.group(1))


def migrations(folder: Path | None = None) -> list[tuple[int, Path]]:
    folder = folder or paths.migrations_dir()
    found = []
    for file in sorted(folder.glob("[0-9][0-9][0-9][0-9]_*.*")):
        if file.suffix in (".sql", ".py"):
            found.append((int(file.name[:4]), file))
    return sorted(found)


def current_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def is_empty(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def upgrade(
    db: Database, path: Path, folder: Path | None = None, schema: Path | None = None
) -> list[Path]:
    """Create or upgrade the schema; returns the backups written."""
    if is_empty(db):
        db.conn.executescript((schema or paths.schema_file()).read_text(encoding="utf-8"))
        return []
    version = current_version(db)
    target = max([schema_version(schema)] + [n for n, _ in migrations(folder)])
    if version > target:
        raise BioError(
            tr(
                "The database {path} was made by a newer BioReserve (schema {found}, this "
                "program knows up to {known}). Install the newer version.",
                path=path,
                found=version,
                known=target,
            )
        )
    pending = [(n, f) for n, f in migrations(folder) if n > version]
    if not pending:
        return []
    backup_path = backup(db, path, f"v{version}")
    db.conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before
    try:
        for number, file in pending:
            _apply(db, path, number, file, backup_path)
    finally:
        db.conn.execute("PRAGMA foreign_keys = ON")
    return [backup_path]


def _apply(db: Database, path: Path, number: int, file: Path, backup_path: Path) -> None:
    """One migration in one transaction, foreign keys checked before it commits."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute(f"PRAGMA user_version = {number}")
        if file.suffix == ".py":
            _module(file).upgrade(db)
        else:
            for statement in _statements(file.read_text(encoding="utf-8")):
                db.conn.execute(statement)
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"foreign keys broken in {broken[0][0]}")
        db.conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if reasons.is_damage(exc):  # a bad page: the database is damaged, not the upgrade
            raise backups.damaged(path, str(exc)) from exc
        raise BioError(
            tr(
                "Upgrading {path} with {migration} failed ({reason}); nothing was "
                "changed and a backup is at {backup}.",
                path=path,
                migration=file.name,
                reason=exc,
                backup=backup_path,
            )
        ) from exc


def _module(file: Path):
    spec = importlib.util.spec_from_file_location(f"bioreserve_migration_{file.stem}", file)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the migration {file}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rebuild_table(db: Database, table: str, **transform) -> None:
    """Make a change ALTER TABLE cannot (a foreign key added to a column, a column's type or
    constraint changed …) with sqlite-utils' table.transform(), inside the migration's
    transaction. Two things transform() would lose are put back: every foreign key stays
    DEFERRABLE INITIALLY DEFERRED (merges apply a child before its parent within one
    transaction), and the table's triggers (the write-path guard) are made again."""
    from desktop.core.store import lazy_utils

    triggers = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table]
        )
    ]
    statements = lazy_utils.database(db).table(table).transform_sql(**transform)
    for statement in statements:
        if statement.lstrip().upper().startswith("CREATE TABLE"):
            statement = re.sub(
                r'(REFERENCES\s+"?\w+"?\s*\("?\w+"?\))(?!\s*DEFERRABLE)',
                r"\1 DEFERRABLE INITIALLY DEFERRED",
                statement,
            )
        db.conn.execute(statement)
    for sql in triggers:
        db.conn.execute(sql)


def require_current(db: Database, path: Path) -> None:
    if current_version(db) != schema_version():
        raise BioError(
            tr(
                "The read-only database {path} needs a schema upgrade, which cannot be "
                "written. Copy it to a writable folder first.",
                path=path,
            )
        )


def backup(db: Database, path: Path, label: str = "") -> Path:
    """A consistent copy of the database before an upgrade (setup/backups.py: the online
    backup API, checked, into the user data folder's backups of this database). `label`
    is kept for callers; the file is named by the schema version it holds."""
    return backups.make(db, "migration", db_path=path).path


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (triggers included)."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
