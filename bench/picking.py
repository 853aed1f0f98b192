"""FEFO picking of a 50-line allocation order across all depots (target ≤ 20 ms, city data)."""

import statistics
import time
from pathlib import Path

from desktop.core import orders
from desktop.core.store import db as dbmod

RUNS = 7
LINES = 50


def measure(path: Path) -> float:
    """Median milliseconds to plan a 50-line order: FEFO at one depot, the rest elsewhere."""
    db = dbmod.open_db(path, read_only=True)
    try:
        source = next(db.query("SELECT * FROM depot WHERE deleted = 0 ORDER BY code LIMIT 1"))
        items = list(
            db.query(
                "SELECT i.* FROM item_stock s JOIN item i ON i.id = s.item_id "
                "WHERE s.depot_id = ? AND s.qty > 100 ORDER BY i.code LIMIT ?",
                [source["id"], LINES],
            )
        )
        # Ask for more than the first depot holds of some items, so that picking spills over.
        requested = [(item, 50 if n % 2 else 5000) for n, item in enumerate(items)]
        orders.plan(db, requested, source)
        samples = []
        for _ in range(RUNS):
            started = time.perf_counter()
            orders.plan(db, requested, source)
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)
    finally:
        db.close()


def report(city: Path, province: Path | None = None) -> None:
    ms = measure(city)
    line = f"  FEFO picking, {LINES}-line order (city)      {ms:7.1f} ms   target ≤ 20 ms"
    print("allocation orders")
    print(line)
    if province:
        wide = measure(province)
        print(
            f"  FEFO picking, {LINES}-line order (province)  {wide:7.1f} ms   {wide / ms:.2f}× city"
        )
