"""What the aggregates behind 总览, the alert counts and compliance (store/figures.py) cost a
write and a merge (issue 18, point 3: under 10 %), on two copies of the city data set made
in the same run: one as it is, one with the aggregates' triggers dropped (every trigger
that writes an aggregate table or fires on one).

    python -m bench.write_cost

(a) a single stock receipt and a single issue through the functions the desktop and the CLI
call (reserves.stock.receive and issue: one durable transaction each), of an item that has
a norm at the depot, alternated between the copies; (b) the merge (merge.apply_ops, one
durable transaction) of 10,000 stock movements of another station spread over the city's
balances, each bundle applied to both copies in turn. Each figure is the median of the runs
in CPU time (time.process_time: what a busy machine's other processes change least); the
cost is the ratio with / without less one. Beside it the same ratio of the lower deciles
(on a busy machine the medians of two identical copies differed by up to 15 % between
runs, their lower deciles by 2 %) and of the wall-time medians. Last, the pages a receipt
and an issue write at commit on each copy (WAL frames): a single write's cost follows them
most, and they do not change with the machine's load.
"""

import os
import random
import re
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.generate import DATA, dataset
from desktop.core.context import Ctx
from desktop.core.reserves import stock
from desktop.core.setup import initdb
from desktop.core.store import db as dbmod
from desktop.core.store import figures, oplog, station
from desktop.core.store.merge import apply_ops
from desktop.core.store.writepath import write

ACTOR = Ctx("bench-write-cost")
WRITES = 301  # receipts and issues on each copy (after WARM untimed)
WARM = 10
MERGES = 7  # bundles applied to each copy
MERGE_OPS = 10_000
TARGET = 0.10
AGGREGATES = [table for table, *_ in figures.FACTS]


def _writes_aggregate(statement: str) -> bool:
    text = " ".join(statement.lower().split())
    return any(f"into {t} " in text or f"update {t} " in text for t in AGGREGATES)


def aggregate_triggers(db) -> dict[str, str | None]:
    """The triggers that keep the aggregates: {name: None} for one on an aggregate table or
    writing only aggregates, {name: its SQL without those statements} for one that keeps
    other derived rows too (the usable stock's, which keeps the units per expiry day)."""
    found: dict[str, str | None] = {}
    for name, table, sql in db.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ):
        head, body = re.split(r"\bBEGIN\b", sql, maxsplit=1)
        statements = [s for s in body.rsplit("END", 1)[0].split(";") if s.strip()]
        kept = [s for s in statements if not _writes_aggregate(s)]
        if table in AGGREGATES or not kept:
            found[name] = None
        elif len(kept) < len(statements):
            found[name] = f"{head}BEGIN{';'.join(kept)};\nEND"
    return found


def without_aggregates(db) -> list[str]:
    """Drop the aggregates' triggers (a trigger that keeps other rows too keeps those)."""
    triggers = aggregate_triggers(db)
    db.conn.execute("BEGIN IMMEDIATE")
    for name, rest in triggers.items():
        db.conn.execute(f'DROP TRIGGER "{name}"')
        if rest is not None:
            db.conn.execute(rest)
    db.conn.execute("COMMIT")
    return sorted(triggers)


def timed(fn) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of fn()."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def target_line(db) -> tuple[str, str]:
    """(depot code, item code) of an item with stock and a norm at the depot."""
    return db.execute(
        "SELECT d.code, i.code FROM norm_line n "
        "JOIN depot d ON d.id = n.depot_id JOIN item i ON i.id = n.item_id "
        "WHERE n.held > 0 ORDER BY d.code, i.code LIMIT 1"
    ).fetchone()


def writes(pair: dict) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Receipts and issues of 5 units of one lot, alternated between the copies (the lot
    received first, untimed, with its expiry date)."""
    depot, item = target_line(pair["with"])
    batch = "BENCH-WRITE-COST"
    for db in pair.values():
        stock.receive(db, ACTOR, depot, item, batch, 1000, expiry="2099-12-31")
        for _ in range(WARM):
            stock.receive(db, ACTOR, depot, item, batch, 5)
            stock.issue(db, ACTOR, depot, item, 5, batch=batch)
    samples: dict = {kind: {name: [] for name in pair} for kind in ("receive", "issue")}
    order = list(pair)
    for n in range(WRITES):
        for name in order if n % 2 else order[::-1]:
            db = pair[name]
            samples["receive"][name].append(
                timed(lambda db=db: stock.receive(db, ACTOR, depot, item, batch, 5))
            )
            samples["issue"][name].append(
                timed(lambda db=db: stock.issue(db, ACTOR, depot, item, 5, batch=batch))
            )
    return samples


def pages(pair: dict, runs: int = 5) -> dict[str, dict[str, int]]:
    """The pages a receipt and an issue write at commit (WAL frames), fewest of `runs`, per
    copy: what a single write's cost follows most (each page a frame of the WAL), and, unlike
    its time, the same on a busy machine."""
    depot, item = target_line(pair["with"])
    batch = "BENCH-WRITE-COST"
    found: dict = {kind: {} for kind in ("receive", "issue")}
    for name, db in pair.items():
        size = db.execute("PRAGMA page_size").fetchone()[0]
        wal = Path(f"{db.path}-wal")
        for _ in range(runs):
            for kind in found:
                db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if kind == "receive":
                    stock.receive(db, ACTOR, depot, item, batch, 5)
                else:
                    stock.issue(db, ACTOR, depot, item, 5, batch=batch)
                frames = (wal.stat().st_size - 32) // (size + 24)  # header, then frames
                found[kind][name] = min(frames, found[kind].get(name, frames))
    return found


def movement_ops(folder: Path, city, count: int, bundles: int) -> list[list]:
    """`bundles` lists of `count` stock movement operations of another station, spread over
    the city's balances (a receipt or an issue of each, some of lots held nowhere yet)."""
    other = initdb.init_database(folder / "other.db", "BENCH-WC", "基准写站")
    try:
        other.conn.execute("PRAGMA foreign_keys = OFF")  # its depots, items, lots are the city's
        balances = city.execute(
            "SELECT depot_id, item_id, lot_id FROM stock_balance ORDER BY depot_id, item_id, lot_id"
        ).fetchall()
        depots = [r[0] for r in city.execute("SELECT id FROM depot WHERE deleted = 0")]
        rng = random.Random(1803)
        start = datetime(2026, 11, 1, 8, tzinfo=timezone(timedelta(hours=8)))
        me = station.get(other)
        assert me is not None
        origin = me.origin
        for n in range(bundles):
            rows = []
            for k in range(count):
                depot_id, item_id, lot_id = rng.choice(balances)
                if rng.random() < 0.1:  # the lot received at another depot
                    depot_id = rng.choice(depots)
                receive = rng.random() < 0.4
                rows.append(
                    stock.move_row(
                        "receive" if receive else "issue",
                        depot_id,
                        item_id,
                        lot_id,
                        rng.randint(10, 500) if receive else -rng.randint(1, 50),
                        "基准数据",
                        occurred_at=(start + timedelta(seconds=n * count + k)).isoformat(),
                    )
                )
            with write(other, ACTOR) as w:
                w.insert_many("stock_move", rows)
        ops = [op for op in oplog.ops_since(other) if op.origin == origin]
    finally:
        other.close()
    return [ops[n * count : (n + 1) * count] for n in range(bundles)]


def merges(pair: dict, bundles: list[list]) -> dict[str, list[tuple[float, float]]]:
    samples: dict = {name: [] for name in pair}
    order = list(pair)
    for n, ops in enumerate(bundles):
        for name in order if n % 2 else order[::-1]:
            db = pair[name]
            merged: list = []
            samples[name].append(
                timed(lambda db=db, ops=ops, out=merged: out.append(apply_ops(db, ops)))
            )
            if merged[0].applied != len(ops):
                raise SystemExit(f"merged {merged[0].applied} of {len(ops)} operations")
    return samples


def measure(source: Path) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-write-cost-", dir=DATA))
    data_home = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")  # the copies' backups: removed with it
    pair: dict = {}
    try:
        for name in ("with", "without"):
            shutil.copyfile(source, folder / f"{name}.db")
            pair[name] = dbmod.open_db(folder / f"{name}.db")
        dropped = without_aggregates(pair["without"])
        bundles = movement_ops(folder, pair["with"], MERGE_OPS, MERGES)
        out = {"dropped": dropped, "writes": writes(pair), "merge": merges(pair, bundles)}
        out["pages"] = pages(pair)
        differences = figures.differences(pair["with"])
        if differences:
            raise SystemExit(f"the aggregates drifted: {differences[:3]}")
        return out
    finally:
        for db in pair.values():
            db.close()
        if data_home is None:
            os.environ.pop("XDG_DATA_HOME", None)
        else:
            os.environ["XDG_DATA_HOME"] = data_home
        shutil.rmtree(folder, ignore_errors=True)


def quantile(values, q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


def costs(samples) -> dict:
    """Medians (CPU, wall) per copy and the costs: with / without − 1 of the CPU medians,
    of the CPU lower deciles (the work least disturbed by the machine's other processes)
    and of the wall medians."""
    m = {
        name: (quantile((s[0] for s in runs), 0.5), quantile((s[1] for s in runs), 0.5))
        for name, runs in samples.items()
    }
    low = {name: quantile((s[0] for s in runs), 0.1) for name, runs in samples.items()}
    return {
        "medians": m,
        "cpu": m["with"][0] / m["without"][0] - 1,
        "low": low["with"] / low["without"] - 1,
        "wall": m["with"][1] / m["without"][1] - 1,
    }


def report(city: Path) -> None:
    f = measure(city)
    print(
        "the aggregates' cost on a write and a merge (city data, CPU time; with / without "
        f"their {len(f['dropped'])} triggers)"
    )
    print(f"  {'':36} {'with':>9} {'without':>9} {'cost':>7} {'lower 10 %':>11} {'wall':>7}")
    rows = [
        (f"a single receipt (median of {WRITES})", f["writes"]["receive"], 1000, "ms"),
        (f"a single issue (median of {WRITES})", f["writes"]["issue"], 1000, "ms"),
        (f"merge of {MERGE_OPS:,} movements (of {MERGES})", f["merge"], 1, "s"),
    ]
    for label, samples, scale, unit in rows:
        c = costs(samples)
        m = c["medians"]
        flag = "" if c["cpu"] < TARGET else "   over"
        print(
            f"  {label:36} {m['with'][0] * scale:7.2f}{unit:2} {m['without'][0] * scale:7.2f}"
            f"{unit:2} {c['cpu']:+7.1%} {c['low']:+11.1%} {c['wall']:+7.1%}{flag}"
        )
    print(
        f"  target: cost < {TARGET:.0%} (CPU medians; beside it the lower deciles' and the "
        "wall medians')"
    )
    p = f["pages"]
    print(
        "  pages a write writes at commit (fewest of 5), with / without: "
        f"receipt {p['receive']['with']} / {p['receive']['without']}, "
        f"issue {p['issue']['with']} / {p['issue']['without']}"
    )


if __name__ == "__main__":
    report(dataset("city"))
    sys.exit(0)
