"""Where the project's files and the user's data live, and files only their owner may read.

db/ and resources/ sit beside the package (the design card fixes the top-level
layout); a PyInstaller build copies both next to the bundled package, so the
same relative lookup works there.

Private files. What BioReserve writes that holds personal data or the station's secrets
(the database and its -wal and -shm files, the log, the hub's store, bundles, exports
with names and telephone numbers, key files) is created 0600 on POSIX, and a folder it
creates 0700. On Windows nothing is done: the user's profile folders (AppData, Documents)
are private to the user already, and os.chmod there only sets the read-only flag, so
POSIX modes mean nothing (hence the os.name checks).
"""

import os
import stat
import sys
from pathlib import Path

from desktop import APP_NAME


def project_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[2]


def schema_file() -> Path:
    return project_root() / "db" / "schema.sql"


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"


def resource(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def user_data_dir() -> Path:
    import platformdirs  # imported late: ~5 ms of start-up when the database is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """--db, else $BIORESERVE_DB, else bioreserve.db in the user data directory."""
    env = os.environ.get("BIORESERVE_DB")
    return Path(env) if env else user_data_dir() / "bioreserve.db"


# ---------------------------------------------------------------- private files

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first bytes of every SQLite database


def is_database(path: Path) -> bool:
    """Whether the file is a SQLite database, or a side file (-wal, -shm, -journal) of one:
    a file nothing may be written over."""
    for side in SQLITE_SIDE_FILES:
        if path.name.endswith(side) and is_database(path.with_name(path.name[: -len(side)])):
            return True
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:  # none, a folder, unreadable: not known to be one
        return False


def posix_modes() -> bool:
    """Whether file modes protect files here: POSIX yes, Windows no (see the module doc)."""
    return os.name == "posix"


def make_private_dir(folder: str | os.PathLike) -> Path:
    """Create folder, and every missing folder above it, 0700. Folders that exist already
    are left as they are (a folder the user chose may be shared on purpose)."""
    folder = Path(folder)
    if not posix_modes():
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:  # made meanwhile by another process
            pass
    return folder


def private_data_dir() -> Path:
    """The user data folder, private: created 0700, or tightened when an older BioReserve
    made it readable by others."""
    folder = make_private_dir(user_data_dir())
    tighten(folder)
    return folder


def private_file(path: str | os.PathLike) -> Path:
    """Make sure path is a file only its owner may read and write: created empty 0600 when
    missing (its content is kept when it exists), tightened when looser. Create a file this
    way before writing to it, so that it is never readable by others, not even for a moment.
    """
    path = Path(path)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    os.close(handle)
    tighten(path)
    return path


def tighten(path: str | os.PathLike) -> bool:
    """Take the group's and others' permissions away from a file or folder this user owns;
    True when its mode changed. Another user's file is left alone, and so is every file on
    Windows."""
    if not posix_modes():
        return False
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    if info.st_uid != os.geteuid() or not info.st_mode & 0o077:
        return False
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077)
    except OSError:  # a read-only file system: nothing to be done, and no reason to fail
        return False
    return True


def private_database(path: str | os.PathLike, create: bool) -> list[Path]:
    """Make an SQLite database file private before SQLite opens it: created 0600 (create)
    when missing, else tightened with its -wal, -shm and -journal files. SQLite creates
    those side files with the database file's mode, so once the file is private they are
    too. Returns the files that were tightened (to say so in the log)."""
    path = Path(path)
    if create and not path.exists():
        private_file(path)
        return []
    files = [path] + [path.with_name(path.name + side) for side in SQLITE_SIDE_FILES]
    # only files: a folder given by mistake (--db /tmp) must keep its mode (SQLite then
    # refuses to open it, and that refusal has to change nothing)
    return [file for file in files if file.is_file() and tighten(file)]


def shown_name(path: str | os.PathLike) -> str:
    """A file's name as text a person reads and the database stores. A name that is not
    UTF-8 (a GBK name from a Windows-made USB stick on Linux) reaches Python with its bytes
    as lone surrogates, which cannot be stored or hashed: it is read as GBK, else with its
    undecodable bytes shown as U+FFFD."""
    name = Path(path).name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
