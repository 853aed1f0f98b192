"""Printed allocation orders (reportlab): one 40-line order to PDF (target ≤ 150 ms, median
of 5 after a warm-up) and 100 orders of ~10 lines in one PDF (target ≤ 10 s).

    python -m bench.documents [DB]      (default: bench/data/city.db, else a demo database)

The orders are created on a copy of the database; the original is not changed.
"""

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
LONG_LINES = 40
BATCH = 100
BATCH_LINES = 10
TARGET_ONE_MS = 150
TARGET_BATCH_S = 10


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy (SQLite online backup: includes what the WAL holds)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def stocked(db) -> tuple[str, str, list[str]]:
    """The depot holding the most items, another depot, and its items with usable stock."""
    source = db.execute(
        "SELECT d.code FROM stock_balance b JOIN depot d ON d.id = b.depot_id "
        "JOIN lot l ON l.id = b.lot_id WHERE b.qty > 0 AND d.deleted = 0 "
        "AND (l.expires_on IS NULL OR l.expires_on > date('now', '+30 days')) "
        "GROUP BY d.code ORDER BY count(DISTINCT b.item_id) DESC, d.code LIMIT 1"
    ).fetchone()[0]
    destination = db.execute(
        "SELECT code FROM depot WHERE code != ? AND deleted = 0 ORDER BY code LIMIT 1", [source]
    ).fetchone()[0]
    items = [
        row[0]
        for row in db.execute(
            "SELECT i.code FROM stock_balance b JOIN depot d ON d.id = b.depot_id "
            "JOIN item i ON i.id = b.item_id JOIN lot l ON l.id = b.lot_id "
            "WHERE d.code = ? AND b.qty > 0 AND i.deleted = 0 AND l.status = '合格' "
            "AND (l.expires_on IS NULL OR l.expires_on > date('now', '+30 days')) "
            "GROUP BY i.code ORDER BY i.code",
            [source],
        )
    ]
    return source, destination, items


def make_orders(db, source: str, destination: str, items: list[str]) -> tuple[str, list[str]]:
    """One 40-line order and 100 orders of 10 lines (1 unit of each item: always covered)."""
    from desktop.core import orders
    from desktop.core.context import Ctx

    ctx = Ctx("bench")
    if len(items) < LONG_LINES:
        raise SystemExit(f"depot {source} has stock of only {len(items)} items; 40 are needed")
    long = orders.create(db, ctx, source, destination, [(c, 1) for c in items[:LONG_LINES]])
    batch = []
    for n in range(BATCH):
        start = (n * BATCH_LINES) % max(1, len(items) - BATCH_LINES)
        lines = [(c, 1) for c in items[start : start + BATCH_LINES]]
        batch.append(orders.create(db, ctx, source, destination, lines)["number"])
    return long["number"], batch


def measure(db, folder: Path, long: str, batch: list[str]) -> dict:
    from desktop.documents import allocation_order

    out = folder / "one.pdf"
    allocation_order.render(db, long, out)  # warm-up: font registration, imports
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = allocation_order.render(db, long, out)
        samples.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    many = allocation_order.render_many(db, batch, folder / "batch.pdf")
    spent = time.perf_counter() - started
    return {
        "one_ms": statistics.median(samples),
        "one_pages": result.pages,
        "batch_s": spent,
        "batch_pages": many.pages,
        "warning": result.warning,
    }


def report(db_path=None) -> dict:
    from desktop.core.setup import initdb
    from desktop.core.store import db as dbmod

    default = Path(__file__).resolve().parent / "data" / "city.db"
    source = Path(db_path) if db_path else (default if default.exists() else None)
    with tempfile.TemporaryDirectory(prefix="bioreserve-documents-") as tmp:
        tmp = Path(tmp)
        copy = tmp / "copy.db"
        if source is not None:
            copy_database(source, copy)
            name = source.name
        else:
            initdb.init_database(copy, with_demo=True).conn.close()
            name = "demo database"
        db = dbmod.open_db(copy)
        try:
            long, batch = make_orders(db, *stocked(db))
            figures = measure(db, tmp, long, batch)
        finally:
            db.close()
    one, many = figures["one_ms"], figures["batch_s"]
    print(f"allocation order PDFs ({name} copy)")
    if figures["warning"]:
        print(f"  warning: {figures['warning']}")
    label = f"one {LONG_LINES}-line order ({figures['one_pages']} pages), median of {RUNS}"
    flag = "" if one <= TARGET_ONE_MS else f"   over {TARGET_ONE_MS} ms"
    print(f"  {label:46} {one:8.1f} ms   target ≤ {TARGET_ONE_MS} ms{flag}")
    label = f"{BATCH} orders of {BATCH_LINES} lines, one PDF ({figures['batch_pages']} pages)"
    flag = "" if many <= TARGET_BATCH_S else f"   over {TARGET_BATCH_S} s"
    print(f"  {label:46} {many:8.2f} s    target ≤ {TARGET_BATCH_S} s{flag}")
    return figures


if __name__ == "__main__":
    report(sys.argv[1] if len(sys.argv) > 1 else None)
