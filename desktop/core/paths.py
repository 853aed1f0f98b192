"""Where the project's files and the user's data live.

db/ and resources/ sit beside the package (the design card fixes the top-level
layout); a PyInstaller build copies both next to the bundled package, so the
same relative lookup works there.
"""

import os
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
