"""A drill's sandbox: its own database file, where everything of the drill happens.

Starting a drill copies the live database with SQLite's online backup API into
<live name>.drills/<drill number>.db beside it; the copy is marked (meta drill = the drill's
id), so that its incidents and orders are numbered YL-…, its orders are drill orders, every
window and printout says 演练, and its bundles carry the drill's id. The copy takes an
origin of its own (station.fork): its operations can never pass for live ones, and a
signed head made in a drill never vouches for the live chain. A bundle of a drill is
accepted only into the same drill's sandbox at another station — never into a live
database, and a live bundle never into a sandbox (sync/bundles/importing.py).

Leaving a drill is closing its file: the live database is the one opened by default.
Starting it again resumes it (the file is kept until the drill is closed and after)."""

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.core import paths, reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.drills import clock, injects, records
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.setup.opening import open_station
from desktop.core.store import info, station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write


def folder(live_path: Path) -> Path:
    live_path = Path(live_path)
    return live_path.parent / f"{live_path.name}.drills"


def path_for(live_path: Path, drill: dict) -> Path:
    return folder(live_path) / f"{drill['number']}.db"


def live_path(sandbox: Database) -> Path:
    """The live database a drill's sandbox belongs to (where leaving the drill returns):
    the one beside its folder, else the one it was copied from."""
    path = Path(sandbox.path)
    beside = path.parent.with_name(path.parent.name.removesuffix(".drills"))
    if path.parent.name.endswith(".drills") and beside.exists():
        return beside
    row = sandbox.execute("SELECT value FROM meta WHERE key = 'drill_live'").fetchone()
    if row is None or not row[0]:
        raise BioError(tr("This database is not the sandbox of a drill."))
    return Path(row[0])


def exists(live: Database, drill: dict) -> bool:
    return path_for(live.path, drill).exists()


def require_live(db: Database) -> None:
    """Drills are planned, started and closed from the live database."""
    drill = info.drill_of(db)
    if drill is not None:
        raise BioError(
            tr(
                "This is the sandbox of a drill; plan, start and close drills from the live "
                "database (without --drill)."
            )
        )


def open_sandbox(live: Database, ref) -> Database:
    """The sandbox of a drill that has started here (to resume it or act in it)."""
    require_live(live)
    drill = records.get(live, ref)
    path = path_for(live.path, drill)
    if not path.exists():
        raise BioError(
            tr(
                "Drill {number} has not started at this station: start it first "
                "(bioreserve drill start {number}).",
                number=drill["number"],
            )
        )
    return open_station(path)


def enter(live: Database, ctx: Ctx, ref) -> Database:
    """The sandbox of a drill that has started here, with the injects that came due
    meanwhile fired (at their moments): what a command run inside the drill acts on.
    Only those who run drills fire them; the players (keepers, liaisons) see them fired
    by the controllers' console."""
    sandbox = open_sandbox(live, ref)
    try:
        drill = records.get(sandbox, ref)
        running = drill["status"] == "running" and not clock.load(sandbox, drill["id"]).paused
        if running and roles.has(ctx.role, roles.DRILL_CONTROL):
            injects.tick(sandbox, ctx, drill["id"])
    except BaseException:
        sandbox.close()
        raise
    return sandbox


# What is still written in an ended drill's sandbox: its evaluation (marks, observations,
# ratings) and its improvement items.
EVALUATION = frozenset({"drill_mark", "drill_observation", "drill_rating", "drill_improvement"})


def close_play(inside: Database, ref) -> None:
    """A sandbox opened to play in (a command under --drill, the window in a drill): once
    the drill has ended, nothing more is played there — a write is refused, naming the
    drill, unless it writes only the drill's evaluation (EVALUATION)."""
    drill = records.get(inside, ref)
    if drill["status"] in ("ended", "evaluated"):
        inside.spared = EVALUATION
        inside.refusal = tr(
            "Drill {number} has ended: nothing more is played in its sandbox (it is kept for "
            "the evaluation and the report: bioreserve drill …).",
            number=drill["number"],
        )


def create(live: Database, drill: dict) -> Database:
    """Copy the live database into the drill's file (online backup) and make the copy the
    drill's: marked, with an origin of its own. The live database is only read."""
    path = path_for(live.path, drill)
    paths.make_private_dir(path.parent)
    temporary = path.with_name(path.name + ".part")
    temporary.unlink(missing_ok=True)
    paths.private_file(temporary)
    try:
        target = sqlite3.connect(temporary)
        try:
            live.conn.backup(target)
        finally:
            target.close()
        db = open_station(temporary)
        try:
            with db.conn:
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('drill', ?)", [drill["id"]]
                )
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('drill_live', ?)",
                    [str(live.path)],
                )
                station.fork(db, drill["id"])
        finally:
            db.close()
        temporary.replace(path)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise BioError(
            tr(
                "Cannot make the drill's copy {path}: {reason}",
                path=path,
                reason=reasons.reason(exc),
            )
        ) from exc
    return open_station(path)


def start(live: Database, ctx: Ctx, ref, at: datetime | None = None) -> Database:
    """Start a drill (its sandbox made on first start) or resume it; returns the sandbox,
    its clock running. The DRILL_CONTROL right, asked before the copy is made."""
    require_live(live)
    policy.require(ctx, roles.DRILL_CONTROL)
    drill = records.get(live, ref)
    if drill["status"] in ("ended", "evaluated"):
        raise BioError(
            tr("Drill {number} has ended; it cannot start again.", number=drill["number"])
        )
    sandbox = open_sandbox(live, ref) if exists(live, drill) else create(live, drill)
    wall = at or values.now()  # once the copy is made: copying city data takes seconds
    try:
        run(sandbox, ctx, drill["id"], wall, paused=False)
        with write(live, ctx) as w:
            changes: dict[str, object] = {"paused": 0}
            if not drill["started_at"]:
                changes["started_at"] = wall.isoformat(timespec="seconds")
            records.set_status(w, drill, "running", **changes)
    except BaseException:
        sandbox.close()
        raise
    return sandbox


def run(sandbox: Database, ctx: Ctx, drill_id: str, wall: datetime, *, paused: bool,
        speed: int | None = None, status: str = "running",
        jump_to: float | None = None) -> None:  # fmt: skip
    """Set the sandbox's clock (and the drill's status there, as in the live database).

    Only at the station that planned the drill: a 综合演练 runs on one clock, its
    controllers', which the other stations' sandboxes receive with that station's drill
    bundles (with the status). A clock set at two stations would merge into one list of
    settings where each station's start sets the other's drill time back."""
    drill = records.get(sandbox, drill_id)
    if not records.owned_here(sandbox, drill):
        return
    if speed is None and not clock.load(sandbox, drill_id).started:
        speed = drill["speed"]  # the first setting: the speed planned
    with write(sandbox, ctx) as w:
        clock.change(w, drill_id, wall, paused=paused, speed=speed, jump_to=jump_to)
        changes: dict[str, object] = {"paused": int(paused)}
        if not drill["started_at"]:
            changes["started_at"] = wall.isoformat(timespec="seconds")
        if status == "ended":
            changes["ended_at"] = wall.isoformat(timespec="seconds")
        records.set_status(w, drill, status, **changes)


def pause(live: Database, ctx: Ctx, ref, at: datetime | None = None) -> None:
    _set(live, ctx, ref, at, paused=True)


def resume(live: Database, ctx: Ctx, ref, at: datetime | None = None) -> None:
    _set(live, ctx, ref, at, paused=False)


def set_speed(live: Database, ctx: Ctx, ref, speed, at: datetime | None = None) -> None:
    _set(live, ctx, ref, at, speed=records.speed(speed))


def end(live: Database, ctx: Ctx, ref, at: datetime | None = None) -> None:
    """End the play: the clock stops for good; evaluation and the report follow."""
    _set(live, ctx, ref, at, paused=True, status="ended")


def _set(live: Database, ctx: Ctx, ref, at, *, paused=None, speed=None, status=None) -> None:
    require_live(live)
    policy.require(ctx, roles.DRILL_CONTROL)
    drill = records.get(live, ref)
    if drill["status"] != "running":
        raise BioError(
            tr(
                "Drill {number} is not running (status {status}).",
                number=drill["number"],
                status=records.status_name(drill),
            )
        )
    wall = at or values.now()
    sandbox = open_sandbox(live, ref)
    try:
        # what came due before this moment fires first, at its moment: a pause or an end
        # never loses injects that no console was there to fire
        injects.tick(sandbox, ctx, drill["id"], at=wall)
        current = clock.load(sandbox, drill["id"])
        run(sandbox, ctx, drill["id"], wall,
            paused=current.paused if paused is None else paused, speed=speed,
            status=status or "running")  # fmt: skip
    finally:
        sandbox.close()
    with write(live, ctx) as w:
        changes: dict[str, object] = {} if paused is None else {"paused": int(paused)}
        if speed is not None:
            changes["speed"] = speed
        if status == "ended":
            changes["ended_at"] = wall.isoformat(timespec="seconds")
        records.set_status(w, drill, status or "running", **changes)
