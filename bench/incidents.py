"""An incident's worst-day path on city data: activating a playbook (tasks and material
lines), computing its needs against stock and drafting its allocation orders (target
≤ 200 ms together), against the 50-line FEFO plan measured in the same run; and the
incident figures 总览 shows.

The path writes, so it runs on a copy of the data set."""

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench import picking
from desktop.core import incidents
from desktop.core.context import Ctx
from desktop.core.incidents import needs
from desktop.core.store import db as dbmod

RUNS = 5
ACTOR = Ctx("bench")


def measure(path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bioreserve-bench-") as folder:
        copy = Path(folder) / "city.db"
        shutil.copy(path, copy)
        db = dbmod.open_db(copy)
        try:
            division = db.execute(
                "SELECT division FROM depot WHERE deleted = 0 GROUP BY division "
                "ORDER BY count(*) DESC, division LIMIT 1"
            ).fetchone()[0]
            samples, parts = [], {"activate": [], "needs": [], "draft orders": []}
            for n in range(RUNS + 1):
                made = incidents.create(
                    db, ACTOR,
                    {"title": f"基准事件{n}", "hazard": "infectious_disease", "grade": "II",
                     "division": division, "exposed": 300, "patients": 40, "responders": 120,
                     "sites": 6, "area_km2": 3, "days": 14},
                )  # fmt: skip
                started = time.perf_counter()
                incidents.activate(db, ACTOR, made["id"], "PB-EID")
                activated = time.perf_counter()
                needs.compute(db, made["id"])
                computed = time.perf_counter()
                needs.draft_orders(db, ACTOR, made["id"])
                drafted = time.perf_counter()
                if n:  # the first run warms the caches
                    samples.append((drafted - started) * 1000)
                    parts["activate"].append((activated - started) * 1000)
                    parts["needs"].append((computed - activated) * 1000)
                    parts["draft orders"].append((drafted - computed) * 1000)
            summary = []
            for _ in range(RUNS):
                started = time.perf_counter()
                incidents.summary(db)
                summary.append((time.perf_counter() - started) * 1000)
            return {
                "total": statistics.median(samples),
                **{k: statistics.median(v) for k, v in parts.items()},
                "summary": statistics.median(summary),
            }
        finally:
            db.close()


def report(city: Path) -> None:
    anchor = picking.measure(city)
    figures = measure(city)
    print("incidents")
    print(
        f"  activation + needs + draft orders (city)   {figures['total']:7.1f} ms   "
        f"target ≤ 200 ms   {figures['total'] / anchor:5.1f}× a 50-line FEFO plan ({anchor:.1f} ms)"
    )
    for part in ("activate", "needs", "draft orders"):
        print(f"    {part:<40} {figures[part]:7.1f} ms")
    print(
        f"  总览 incident figures (active, overdue)"
        f"    {figures['summary']:7.1f} ms   target ≤ 16 ms"
    )
