"""Stock import: `importer.run` on a 50,000-row .xlsx against openpyxl's plain read of the
same file (read-only, every row), measured in the same run (issue 18: ≤ 1.0×).

    python -m bench.xlsx_import [DB]      (default: the city data set)

Two files, depots and items from the database: opening balances (every row a new lot,
as when a depot's stock is first entered) and receipts into lots the database holds
already. The import runs on a copy of the database; the original is not changed.

The ratio is the import's own work — reading, checking, writing — against the anchor.
The checked safety backup an import makes before it writes (backup_actions.before_import)
is timed and shown apart, with the database's size: it copies and checks the whole
database, so it scales with the database, not with the file. The copy's backups go to a
temporary data folder, removed at the end.
"""

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROWS = 50_000
READS = 3
HEADER = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
MAKERS = ["稳健医疗用品股份有限公司", "振德医疗用品股份有限公司", "圣湘生物科技股份有限公司"]


def make_files(db, folder: Path, rows: int = ROWS, seed: int = 430400) -> dict[str, Path]:
    """The two stock sheets: {"new lots": path, "existing lots": path}."""
    import openpyxl

    rng = random.Random(seed)
    depots = [r[0] for r in db.execute("SELECT code FROM depot WHERE deleted = 0 ORDER BY code")]
    items = db.execute(
        "SELECT code, shelf_life FROM item WHERE deleted = 0 ORDER BY code"
    ).fetchall()
    lots = db.execute(
        "SELECT i.code, l.batch_no, l.expires_on FROM lot l JOIN item i ON i.id = l.item_id "
        "WHERE l.deleted = 0 AND i.deleted = 0 ORDER BY l.id LIMIT 20000"
    ).fetchall()
    if not depots or not items or not lots:
        raise SystemExit("the database needs depots, items and lots (use bench/data/city.db)")
    today = date.today()
    files = {"new lots": folder / "opening.xlsx", "existing lots": folder / "receipts.xlsx"}

    def new_lot(n: int) -> list:
        code, shelf_life = rng.choice(items)
        produced = today - timedelta(days=rng.randint(0, 700))
        expiry = produced + timedelta(days=rng.choice([365, 730, 1095])) if shelf_life else None
        return [
            rng.choice(depots), code, f"QC{n:06d}", produced, expiry, rng.randint(1, 5000),
            rng.choice(MAKERS), "采购",
        ]  # fmt: skip

    receipts: set[tuple] = set()

    def receipt(n: int) -> list:
        while True:  # the same receipt twice in one file is refused as a repeat
            code, batch, expiry = rng.choice(lots)
            depot, qty = rng.choice(depots), rng.randint(1, 5000)
            if (depot, code, batch, qty) not in receipts:
                break
        receipts.add((depot, code, batch, qty))
        expiry = date.fromisoformat(expiry) if expiry else None
        return [depot, code, batch, None, expiry, qty, None, "调入"]

    for name, make in (("new lots", new_lot), ("existing lots", receipt)):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("库存入库")
        sheet.append(HEADER)
        for n in range(rows):
            sheet.append(make(n))
        book.save(files[name])
    return files


def plain_read(path: Path, clock=time.perf_counter) -> float:
    """Seconds for openpyxl alone to read every row (read-only, values)."""
    import openpyxl

    started = clock()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()
    return clock() - started


def both_clocks(path: Path) -> tuple[float, float]:
    """Seconds and CPU seconds of one plain read."""
    cpu = time.process_time()
    wall = plain_read(path)
    return wall, time.process_time() - cpu


def timed_import(db, path: Path) -> tuple[dict, object]:
    """Seconds of the import in all, of its safety backup, and of its parts (read and
    check, write), and the report."""
    from desktop.core import imports as importer
    from desktop.core.context import Ctx
    from desktop.core.imports import running
    from desktop.core.setup import backup_actions

    spent: dict[str, float] = {"backup": 0.0, "check": 0.0, "backup cpu": 0.0}

    def timing(key, function):
        def timed(*args, **kwargs):
            started, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - started
                if key == "backup":
                    spent["backup cpu"] += time.process_time() - cpu

        return timed

    backup, check = backup_actions.before_import, running.check
    backup_actions.before_import = timing("backup", backup)
    running.check = timing("check", check)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        result = importer.run(db, Ctx("bench"), "stock", path)
        spent["total"] = time.perf_counter() - started
        spent["own cpu"] = time.process_time() - cpu - spent["backup cpu"]
    finally:
        backup_actions.before_import, running.check = backup, check
    spent["own"] = spent["total"] - spent["backup"]
    spent["write"] = spent["own"] - spent["check"]
    return spent, result


def report(db_path) -> dict:
    from desktop.core.store import db as dbmod

    db_path = Path(db_path)
    figures = {}
    data_home = os.environ.get("XDG_DATA_HOME")
    with tempfile.TemporaryDirectory(prefix="bioreserve-xlsx-") as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")  # the copy's backups: removed with it
        try:
            source = dbmod.open_db(db_path, read_only=True)
            files = make_files(source, tmp)
            source.close()
            copy = tmp / "copy.db"
            shutil.copy(db_path, copy)
            db = dbmod.open_db(copy)
            print(f"stock import of {ROWS:,} rows from .xlsx ({db_path.name})")
            for name, path in files.items():
                reads = [both_clocks(path) for _ in range(READS)]
                read = statistics.median(wall for wall, _ in reads)
                read_cpu = statistics.median(cpu for _, cpu in reads)
                size = copy.stat().st_size
                spent, result = timed_import(db, path)
                if not result.ok or result.imported != ROWS:
                    raise SystemExit(f"import refused: {result.errors[:5]}")
                ratio = spent["own"] / read
                cpu_ratio = spent["own cpu"] / read_cpu
                figures[name] = {"read": read, "read cpu": read_cpu, **spent, "ratio": ratio,
                                 "cpu ratio": cpu_ratio, "db_bytes": size}  # fmt: skip
                print(
                    f"  {name:<14} openpyxl read {read:6.2f} s (anchor)   "
                    f"import {spent['own']:6.2f} s (read+check {spent['check']:5.2f}, "
                    f"write {spent['write']:5.2f})   {ratio:.2f}×   target ≤ 1.00×"
                )
                print(f"  {'':<14} CPU time (steadier on a busy machine): openpyxl read "
                      f"{read_cpu:6.2f} s   import {spent['own cpu']:6.2f} s   "
                      f"{cpu_ratio:.2f}×")  # fmt: skip
                print(f"  {'':<14} safety backup before it {spent['backup']:6.2f} s "
                      f"(database {size / 1e9:.2f} GB: scales with it, not the file)")  # fmt: skip
            db.close()
        finally:
            if data_home is None:
                os.environ.pop("XDG_DATA_HOME", None)
            else:
                os.environ["XDG_DATA_HOME"] = data_home
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1:
        report(sys.argv[1])
    else:
        from bench.generate import dataset

        report(dataset("city"))
