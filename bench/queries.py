"""Interactive queries of the reserves on generated data (target: within one frame, ≤ 16 ms,
on city data; province ≤ 2 × city, and 总览's figures, the alert counts and compliance
≤ 200 ms on province data): balances, pinyin search over lots, alerts, 总览, ledger pages."""

import statistics
import time
from pathlib import Path

from desktop.core import overview
from desktop.core.reserves import alerts, catalog, ledger, norms
from desktop.core.store import db as dbmod

RUNS = 7
FRAME_MS = 16
# Not interactive: the CLI and the export list every alert at once.
BATCH = {"alerts, every list in full (CLI, export)"}


def timed(fn) -> float:
    """Median wall time of fn() in milliseconds (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def cases(db) -> dict:
    middle_row = db.execute(
        "SELECT datetime(occurred_at), rowid FROM stock_move WHERE rowid = ?",
        (ledger.ledger_count(db) // 2,),
    ).fetchone()
    middle = tuple(middle_row) if middle_row else None  # a page in the middle of the ledger
    depot = db.execute("SELECT code FROM depot ORDER BY code LIMIT 1").fetchone()[0]
    expired = alerts.expiring_page(db, "expired", limit=5000)  # a row deep in the list
    deep = expired[len(expired) // 2] if expired else None
    below = alerts.norm_page(db, "below_norm", limit=None)
    deep_below = below[len(below) // 2] if below else None
    return {
        "balances, first page (depot × item)": lambda: ledger.balances(db, limit=200),
        "balances, one depot, by lot, page": lambda: ledger.balances(
            db, depot=depot, by_lot=True, limit=200
        ),
        "search lots by pinyin initials 'kz'": lambda: ledger.balances(
            db, search="kz", by_lot=True, limit=200
        ),
        # what finds nothing reads the whole city unless the matching items drive the query
        "search lots matching nothing 'zzqx'": lambda: ledger.balances(
            db, search="zzqx", by_lot=True, limit=200
        ),
        "search items by name '口罩'": lambda: catalog.search_items(db, "口罩"),
        "alerts, every list in full (CLI, export)": lambda: alerts.compute(db),
        "alert counts (without the lists)": lambda: alerts.count(db),
        "near-expiry / expired counts (+ buckets)": lambda: alerts.expiry_counts(db),
        "near-expiry lots, first page": lambda: alerts.expiring_page(db, "near_expiry"),
        "expired lots, first page": lambda: alerts.expiring_page(db, "expired"),
        "expired lots, page deep in the list": lambda: alerts.expiring_page(
            db, "expired", after=deep
        ),
        "below-norm lines, first page": lambda: alerts.page(db, "below_norm"),
        "out-of-stock lines, first page": lambda: alerts.page(db, "out_of_stock"),
        "below-norm lines, page deep in the list": lambda: alerts.page(
            db, "below_norm", after=deep_below
        ),
        # 预警's first screen: the first page of every list but the few negative balances
        # (listed whole) and every count
        "alerts tab, first load (pages, counts)": lambda: alerts.first_pages(db),
        "overview: figures (cards, depot rows)": lambda: overview.figures(db),
        "overview: alert counts, compliance, timeline": lambda: overview.attention(db),
        "norm compliance (city, depots, categories)": lambda: norms.compliance(db),
        "ledger, newest page": lambda: ledger.ledger_page(db, limit=200),
        "ledger, page in the middle": lambda: ledger.ledger_page(db, before=middle, limit=200),
        "ledger, one depot, newest page": lambda: ledger.ledger_page(db, depot=depot, limit=200),
    }


def measure(path: Path) -> dict[str, float]:
    db = dbmod.open_db(path)
    try:
        return {name: timed(fn) for name, fn in cases(db).items()}
    finally:
        db.close()


def report(city: Path, province: Path | None) -> None:
    figures = measure(city)
    wide = province and measure(province)
    print(f"interactive queries (median of {RUNS}, ms)")
    head = f"  {'query':44} {'city':>8}"
    print(head + (f" {'province':>9} {'ratio':>6}" if wide else ""))
    for name, ms in figures.items():
        line = f"  {name:44} {ms:8.1f}"
        if wide:
            line += f" {wide[name]:9.1f} {wide[name] / ms:5.2f}×"
        flag = "" if ms <= FRAME_MS or name in BATCH else f"   over {FRAME_MS} ms"
        print(line + flag)
    print(f"  targets: ≤ {FRAME_MS} ms on city data (but the full lists); province ≤ 2.00× city")


if __name__ == "__main__":  # python -m bench.queries: these queries alone, on the city data
    from bench.generate import dataset

    report(dataset("city"), None)
