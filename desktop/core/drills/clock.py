"""The drill's simulated clock: started, paused, resumed, sped up (×1 to ×60).

The clock is the list of its settings (drill_clock rows, only ever added): from wall time
`wall_at` the drill's time is `sim_s` seconds after T+0 and runs at `speed`, or stands
still while paused. The drill's time of any wall time is read off the last setting before
it, so that paused time never counts and what players did is placed on the drill's time
line whenever it is asked (evaluation.py)."""

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core import values
from desktop.core.store.handle import Database
from desktop.core.store.writepath import Writer


@dataclass(frozen=True)
class Setting:
    wall: datetime
    sim_s: float
    speed: int
    paused: bool


@dataclass(frozen=True)
class Clock:
    settings: tuple[Setting, ...]
    t0: datetime | None  # the scenario's T+0 (simulated), the wall time at start by default

    @property
    def started(self) -> bool:
        return bool(self.settings)

    @property
    def paused(self) -> bool:
        return not self.settings or self.settings[-1].paused

    @property
    def speed(self) -> int:
        return self.settings[-1].speed if self.settings else 1

    def at(self, wall: datetime) -> float:
        """The drill's seconds since T+0 at a wall time (0 before the start)."""
        if not self.settings:
            return 0.0
        walls = [s.wall for s in self.settings]
        i = bisect.bisect_right(walls, wall) - 1
        if i < 0:
            return 0.0
        s = self.settings[i]
        if s.paused:
            return s.sim_s
        return s.sim_s + (wall - s.wall).total_seconds() * s.speed

    def now(self, wall: datetime | None = None) -> float:
        return self.at(wall or values.now())

    def time(self, sim_s: float) -> datetime | None:
        """The simulated date and time of a moment of the drill."""
        return self.t0 + timedelta(seconds=sim_s) if self.t0 else None


def load(db: Database, drill_id: str) -> Clock:
    rows = db.execute(
        "SELECT wall_at, sim_s, speed, paused FROM drill_clock WHERE drill_id = ? AND deleted = 0 "
        "ORDER BY wall_at, id",
        [drill_id],
    ).fetchall()
    settings = tuple(
        Setting(datetime.fromisoformat(w), float(s), int(v), bool(p)) for w, s, v, p in rows
    )
    start = db.execute("SELECT sim_start FROM drill WHERE id = ?", [drill_id]).fetchone()
    t0 = datetime.fromisoformat(start[0]) if start and start[0] else None
    if t0 is None and settings:
        t0 = settings[0].wall
    return Clock(settings, t0)


def change(w: Writer, drill_id: str, wall: datetime, *, speed=None, paused=None,
           jump_to: float | None = None) -> Setting:  # fmt: skip
    """Add a setting at `wall`: the drill's time so far (or, with jump_to, a later drill
    time the controllers skip ahead to), and the new speed or pause."""
    clock = load(w.db, drill_id)
    last = clock.settings[-1] if clock.settings else None
    wall = max(wall, last.wall) if last else wall  # a clock set back never reorders
    so_far = clock.at(wall)
    setting = Setting(
        wall,
        max(so_far, jump_to) if jump_to is not None else so_far,  # never back
        int(speed if speed is not None else (last.speed if last else 1)),
        bool(paused if paused is not None else (last.paused if last else False)),
    )
    w.insert(
        "drill_clock",
        {"drill_id": drill_id, "wall_at": wall.isoformat(timespec="microseconds"),
         "sim_s": round(setting.sim_s, 3), "speed": setting.speed,
         "paused": int(setting.paused)},
    )  # fmt: skip
    return setting


def shown(sim_s: float) -> str:
    """T+h:mm:ss, the way a controller reads the drill's time."""
    total = max(int(sim_s), 0)
    return f"T+{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
