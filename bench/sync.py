"""Sync bundles: export and import of 100,000 operations between two stations, against a plain
SQLite upsert of the same rows measured in the same run (targets: export ≤ 2 s, bundle
≤ 50 bytes per op; issue 18: import and merge ≤ 3 s per 100,000 ops and ≥ 10 % of the
upsert's rate).

    python -m bench.sync [OPS]      (default 100,000; the time targets scale with OPS)

Two fresh stations A and B in a temporary folder, enrolled with each other. A makes the
operations through the write path's bulk insert: a few depots, items and lots, then mostly
stock movements, with some item and lot edits among them. The anchor upserts each
operation's (table, row id, payload) into a fresh table: one executemany, one transaction,
WAL, synchronous=NORMAL.

As a user would (issue 18): 50,000 stock rows, every one a new lot, imported from an .xlsx
at A (`imports.run`, the spreadsheet import), the bundle exported for B and imported there
— about 100,000 operations (a lot and a movement a row). Its anchor is a plain upsert of
as many rows as the sheet has, measured in the same run; the time target scales with the
bundle's operations (≤ 3 s per 100,000).

The checked safety backup an import makes before it merges (backup_actions.before_bundle)
is timed and shown apart, as bench.xlsx_import shows the one before a spreadsheet import:
it copies the whole database, so it scales with the database, not with the bundle. The
import's CPU time is shown too (steadier than seconds on a busy machine).
"""

import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from desktop.core.context import Ctx
from desktop.core.setup import initdb
from desktop.core.store import oplog, station
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write
from desktop.sync import bundles
from desktop.sync import keys as sync_keys

OPS = 100_000
DEPOTS, ITEMS, LOTS = 5, 40, 400
EDITS = 0.04  # share of the movements' operations that are item and lot edits instead
CHUNK = 10_000
ACTOR = Ctx("bench-sync")
STATUSES = ["合格", "待检", "冻结", "合格"]


def make_pair(folder: Path) -> tuple:
    """Stations A and B, each trusting the other's key."""
    a = initdb.init_database(folder / "A.db", "BENCH-A", "基准甲站")
    b = initdb.init_database(folder / "B.db", "BENCH-B", "基准乙站")
    for db, peer in ((a, b), (b, a)):
        key = folder / f"{station.get(peer).code}.key"
        sync_keys.export_key(peer, key)
        sync_keys.trust(db, key, station.get(peer).fingerprint)
    return a, b


def own_ops(db) -> int:
    return oplog.head(db, station.get(db).origin)[0]


def make_ops(db, count: int = OPS, seed: int = 2024) -> int:
    """`count` operations of this station: depots, items, lots, then stock movements with
    item and lot edits among them (Writer.update, one op each). Returns the count made."""
    rng = random.Random(seed)
    today = date.today()
    with write(db, ACTOR) as w:
        depots = w.insert_many(
            "depot",
            [
                {
                    "code": f"SD{n:02d}",
                    "name": f"同步储备库{n}",
                    "division": "430400",
                    "level": "县级储备库",
                    "agency_id": reference_id("agency", "HY-YJJ"),
                }
                for n in range(DEPOTS)
            ],
        )
        items = w.insert_many(
            "item",
            [
                {"code": f"SY-{n:04d}", "name": f"防护用品{n}型", "unit": "个", "spec": ""}
                for n in range(ITEMS)
            ],
        )
        lots = w.insert_many(
            "lot",
            [
                {
                    "item_id": items[n % ITEMS],
                    "batch_no": f"S{n:06d}",
                    "manufacturer": "同步厂家",
                    "expires_on": str(today + timedelta(days=rng.randint(30, 1500))),
                }
                for n in range(LOTS)
            ],
        )
    placed = {lot: depots[n % DEPOTS] for n, lot in enumerate(lots)}
    item_of = {lot: items[n % ITEMS] for n, lot in enumerate(lots)}
    start = datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))
    made = own_ops(db)
    while made < count:
        batch = min(CHUNK, count - made)
        edits = int(batch * EDITS)
        rows = []
        for n in range(batch - edits):
            lot = lots[rng.randrange(LOTS)]
            receive = rng.random() < 0.3
            rows.append(
                {
                    "kind": "receive" if receive else "issue",
                    "depot_id": placed[lot],
                    "item_id": item_of[lot],
                    "lot_id": lot,
                    "qty": rng.randint(100, 2000) if receive else -rng.randint(1, 20),
                    "reason": "基准数据",
                    "ref": "",
                    "occurred_at": (start + timedelta(seconds=37 * (made + n))).isoformat(),
                    "note": "",
                }
            )
        with write(db, ACTOR) as w:
            w.insert_many("stock_move", rows)
            for n in range(edits):
                if n % 2:
                    w.update("item", rng.choice(items), {"spec": f"规格{rng.randrange(1000)}"})
                else:
                    w.update("lot", rng.choice(lots), {"status": rng.choice(STATUSES)})
        made = own_ops(db)
    return made


def upsert_anchor(path: Path, rows: list[tuple]) -> float:
    """Seconds for a plain SQLite upsert of (table, row id, payload) rows into a fresh table."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(
            "CREATE TABLE upserted (tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
            "payload TEXT NOT NULL, PRIMARY KEY (tbl, row_id))"
        )
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO upserted (tbl, row_id, payload) VALUES (?, ?, ?) "
            "ON CONFLICT (tbl, row_id) DO UPDATE SET payload = excluded.payload",
            rows,
        )
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def timed_import(db, path: Path) -> tuple[bundles.ImportResult, dict]:
    """bundles.import_ as a user runs it; seconds of it in all, of its safety backup, and
    of the rest (its own), and the CPU seconds of its own work."""
    from desktop.core.setup import backup_actions

    spent = {"backup": 0.0, "backup cpu": 0.0}
    before = backup_actions.before_bundle

    def timed(*args, **kwargs):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return before(*args, **kwargs)
        finally:
            spent["backup"] += time.perf_counter() - started
            spent["backup cpu"] += time.process_time() - cpu

    backup_actions.before_bundle = timed
    try:
        started, cpu = time.perf_counter(), time.process_time()
        imported = bundles.import_(db, path)
        spent["total"] = time.perf_counter() - started
        spent["own cpu"] = time.process_time() - cpu - spent["backup cpu"]
    finally:
        backup_actions.before_bundle = before
    spent["own"] = spent["total"] - spent["backup"]
    return imported, spent


def measure(count: int = OPS) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        a, b = make_pair(folder)
        try:
            ops = make_ops(a, count)
            origin = station.get(a).origin
            rows = a.execute(
                "SELECT tbl, row_id, payload FROM oplog WHERE origin = ? ORDER BY seq", [origin]
            ).fetchall()
            bundle = folder / "A-B.zip"
            started = time.perf_counter()
            exported = bundles.export(a, bundle, station.get(b).origin)
            export_s = time.perf_counter() - started
            imported, spent = timed_import(b, bundle)
            anchor_s = upsert_anchor(folder / "anchor.db", rows)
        finally:
            a.conn.close()
            b.conn.close()
    if exported.ops != ops or imported.applied != ops:
        raise SystemExit(f"made {ops} ops, exported {exported.ops}, applied {imported.applied}")
    return {
        "ops": ops,
        "export_s": export_s,
        "import_s": spent["own"],
        "import_cpu": spent["own cpu"],
        "backup_s": spent["backup"],
        "anchor_s": anchor_s,
        "share": anchor_s / spent["own"],
        "bytes_per_op": exported.bytes / ops,
    }


SHEET_ROWS = 50_000


def make_sheet(db, path: Path, rows: int = SHEET_ROWS, seed: int = 430400) -> None:
    """A stock sheet of `rows` opening balances (each a new lot) into this station's depots
    and items, made here with a few depots and items first."""
    import openpyxl

    from bench.xlsx_import import HEADER, MAKERS

    rng = random.Random(seed)
    with write(db, ACTOR) as w:
        w.insert_many(
            "depot",
            [
                {
                    "code": f"UD{n:02d}",
                    "name": f"用户储备库{n}",
                    "division": "430400",
                    "level": "县级储备库",
                    "agency_id": reference_id("agency", "HY-YJJ"),
                }
                for n in range(DEPOTS)
            ],
        )
        w.insert_many(
            "item",
            [
                {"code": f"UY-{n:04d}", "name": f"防护物资{n}型", "unit": "个", "spec": ""}
                for n in range(ITEMS)
            ],
        )
    today = date.today()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("库存入库")
    sheet.append(HEADER)
    for n in range(rows):
        produced = today - timedelta(days=rng.randint(0, 700))
        sheet.append(
            [
                f"UD{rng.randrange(DEPOTS):02d}",
                f"UY-{rng.randrange(ITEMS):04d}",
                f"UQ{n:06d}",
                produced,
                produced + timedelta(days=rng.choice([365, 730, 1095])),
                rng.randint(1, 5000),
                rng.choice(MAKERS),
                "采购",
            ]
        )
    book.save(path)


def measure_user(rows: int = SHEET_ROWS) -> dict:
    """As a user would: `rows` stock rows imported from an .xlsx at A, the bundle imported
    at B, against a plain upsert of as many rows."""
    from desktop.core import imports

    with tempfile.TemporaryDirectory(prefix="bench-sync-user-") as tmp:
        folder = Path(tmp)
        a, b = make_pair(folder)
        try:
            sheet = folder / "stock.xlsx"
            make_sheet(a, sheet, rows)
            started = time.perf_counter()
            result = imports.run(a, Ctx("bench"), "stock", sheet)
            sheet_s = time.perf_counter() - started
            if not result.ok or result.imported != rows:
                raise SystemExit(f"import refused: {result.errors[:5]}")
            origin = station.get(a).origin
            anchor_rows = a.execute(
                "SELECT tbl, row_id, payload FROM oplog WHERE origin = ? AND tbl = 'stock_move' "
                "ORDER BY seq",
                [origin],
            ).fetchall()
            bundle = folder / "A-B.zip"
            exported = bundles.export(a, bundle, station.get(b).origin)
            imported, spent = timed_import(b, bundle)
            anchor_s = upsert_anchor(folder / "anchor.db", anchor_rows)
        finally:
            a.conn.close()
            b.conn.close()
    if imported.applied != exported.ops or len(anchor_rows) != rows:
        raise SystemExit(f"exported {exported.ops}, applied {imported.applied}")
    return {
        "rows": rows,
        "ops": exported.ops,
        "sheet_s": sheet_s,
        "import_s": spent["own"],
        "import_cpu": spent["own cpu"],
        "backup_s": spent["backup"],
        "anchor_s": anchor_s,
        "share": anchor_s / spent["own"],
    }


def report(count: int = OPS) -> None:
    data_home = os.environ.get("XDG_DATA_HOME")
    with tempfile.TemporaryDirectory(prefix="bench-sync-data-") as tmp:
        os.environ["XDG_DATA_HOME"] = tmp  # the stations' backups: removed with it
        try:
            _report(count)
        finally:
            if data_home is None:
                os.environ.pop("XDG_DATA_HOME", None)
            else:
                os.environ["XDG_DATA_HOME"] = data_home


def _report(count: int) -> None:
    f = measure(count)
    scale = f["ops"] / OPS  # the time targets are for 100,000 ops

    def flag(missed: bool) -> str:
        return "   missed" if missed else ""

    print(f"sync bundles, {f['ops']:,} operations A → B")
    print(
        f"  export (bundles.export)              {f['export_s']:7.2f} s    "
        f"target ≤ {2 * scale:.1f} s{flag(f['export_s'] > 2 * scale)}"
    )
    print(
        f"  import and merge (bundles.import_)   {f['import_s']:7.2f} s    "
        f"target ≤ {3 * scale:.1f} s{flag(f['import_s'] > 3 * scale)}"
    )
    print(f"    its CPU time                       {f['import_cpu']:7.2f} s")
    print(
        f"  plain SQLite upsert, same rows       {f['anchor_s']:7.2f} s    "
        f"import rate {f['share']:.0%} of it, target ≥ 10 %{flag(f['share'] < 0.1)}"
    )
    print(f"  safety backup before the merge       {f['backup_s']:7.2f} s    (apart: scales with "
          "the database)")  # fmt: skip
    print(
        f"  bundle size                          {f['bytes_per_op']:7.1f} B/op "
        f"target ≤ 50{flag(f['bytes_per_op'] > 50)}"
    )

    u = measure_user(max(1, SHEET_ROWS * count // OPS))
    target = 3 * u["ops"] / OPS
    print(f"as a user would: {u['rows']:,} stock rows from .xlsx at A, the bundle at B")
    print(f"  the spreadsheet import at A           {u['sheet_s']:7.2f} s")
    print(
        f"  bundle import and merge at B         {u['import_s']:7.2f} s    "
        f"{u['ops']:,} ops, target ≤ {target:.1f} s{flag(u['import_s'] > target)}"
    )
    print(f"    its CPU time                       {u['import_cpu']:7.2f} s")
    print(
        f"  plain SQLite upsert, {u['rows']:,} rows      {u['anchor_s']:7.2f} s    "
        f"import rate {u['share']:.0%} of it, target ≥ 10 %{flag(u['share'] < 0.1)}"
    )
    print(f"  safety backup before the merge       {u['backup_s']:7.2f} s    (apart: scales with "
          "the database)")  # fmt: skip


if __name__ == "__main__":
    report(int(sys.argv[1]) if len(sys.argv) > 1 else OPS)
