"""CLI sessions: `login` leaves a token in a file only its owner can read; each command
that finds it acts as that account, until it is unused for the idle time or `logout`.

The database keeps the token's sha256, never the token; the file is in the user's data
folder (0600 in a 0700 folder on POSIX), one per database. The idle time is the station's
setting `security.idle_minutes` (the desktop locks after it too).
"""

import hashlib
import json
import os
import secrets
from pathlib import Path

from desktop.core import paths, values
from desktop.core.access import accounts, audit, policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import hlc
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction

IDLE_KEY = "security.idle_minutes"
DEFAULT_IDLE = 15
MAX_IDLE = 480


def idle_minutes(db: Database) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [IDLE_KEY]).fetchone()
    try:
        value = int(row[0]) if row else DEFAULT_IDLE
    except (TypeError, ValueError):
        value = DEFAULT_IDLE
    return min(max(value, 1), MAX_IDLE)


def set_idle_minutes(db: Database, ctx: Ctx, minutes) -> int:
    """The idle time after which the desktop locks and a CLI login ends (1–480 minutes)."""
    policy.require(ctx, roles.STATION)
    try:
        value = values.whole(minutes, allow_zero=True)
    except BioError:
        value = -1
    if not 1 <= value <= MAX_IDLE:
        raise BioError(tr("The idle time is 1 to {max} minutes.", max=MAX_IDLE))
    with transaction(db, touches=("meta",)):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [IDLE_KEY, str(value)],
        )
    return value


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_file(db_path: str | os.PathLike) -> Path:
    """Where the token of a login to this database lives."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:24]
    return paths.private_data_dir() / "sessions" / f"{key}.json"


def start(db: Database, ctx: Ctx, db_path) -> Path:
    """A new session for a logged-in account; its token written for its owner only."""
    token = secrets.token_urlsafe(32)
    with transaction(db, touches=("session",)):
        db.execute(
            "INSERT INTO session (token_hash, account_id, created_at, last_used_ms) "
            "VALUES (?, ?, ?, ?)",
            [_digest(token), ctx.account_id, values.now_iso(), hlc.wall_ms()],
        )
    path = token_file(db_path)
    paths.make_private_dir(path.parent)
    paths.private_file(path)
    path.write_text(json.dumps({"user": ctx.user, "token": token}), encoding="utf-8")
    return path


def _read(db_path) -> dict | None:
    path = token_file(db_path)
    try:
        if path.stat().st_size > 4096:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("token"), str) else None


def _exposed(path: Path) -> bool:
    """Whether a token file can be read by other users of this computer (POSIX modes)."""
    if not paths.posix_modes():
        return False
    try:
        return bool(os.stat(path).st_mode & 0o077)
    except OSError:
        return False


def _forget(db: Database, db_path, digest: str | None) -> None:
    """The session's row (when known) and its token file are deleted."""
    if digest is not None and not db.read_only:
        with transaction(db, touches=("session",)):
            db.execute("DELETE FROM session WHERE token_hash = ?", [digest])
    token_file(db_path).unlink(missing_ok=True)


def resume(db: Database, db_path) -> Ctx | None:
    """The account of a live session for this database, its idle time restarted; None
    when there is none or it has expired, or its token is unknown here (its file is
    deleted then, with the expired session).

    A token file other users could read is refused, not tightened: whoever read it meanwhile
    holds the token, and making the file private again would not take it back. The
    session ends (row and file deleted) and the refusal asks to log in again."""
    data = _read(db_path)
    if data is None:
        return None
    digest = _digest(data["token"])
    if _exposed(token_file(db_path)):
        _forget(db, db_path, digest)
        raise BioError(
            tr(
                "The login token {file} could be read by other users of this computer, so "
                "that login was ended. Log in again with `bioreserve login`.",
                file=token_file(db_path),
            )
        )
    row = db.execute(
        "SELECT account_id, last_used_ms FROM session WHERE token_hash = ?", [digest]
    ).fetchone()
    if row is None:
        _forget(db, db_path, None)  # a token of a session this database does not know
        return None
    now = hlc.wall_ms()
    acc = accounts.get(db, row[0])
    expired = now - row[1] > idle_minutes(db) * 60_000
    if expired or acc is None or acc.disabled:
        _forget(db, db_path, digest)
        return None
    if not db.read_only:
        with transaction(db, touches=("session",)):
            db.execute("UPDATE session SET last_used_ms = ? WHERE token_hash = ?", [now, digest])
    return acc.ctx()


def end(db: Database, db_path) -> str | None:
    """Log out: the session is removed here and its file deleted. Returns the user's
    name, None when nobody was logged in."""
    data = _read(db_path)
    token_file(db_path).unlink(missing_ok=True)
    if data is None:
        return None
    digest = _digest(data["token"])
    row = db.execute("SELECT account_id FROM session WHERE token_hash = ?", [digest]).fetchone()
    if row is None:
        return None
    acc = accounts.get(db, row[0])
    with transaction(db, touches=("session", "audit_event")):
        db.execute("DELETE FROM session WHERE token_hash = ?", [digest])
        if acc:
            audit.record(db, f"user:{acc.name}", "logout", via="cli")
    return acc.name if acc else None
