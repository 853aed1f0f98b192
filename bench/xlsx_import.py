"""Stock import: `importer.run` on a 50,000-row .xlsx against openpyxl's plain read of the
same file (read-only, every row), measured in the same run (quality target ≤ 1.5×).

    python -m bench.xlsx_import [DB]      (default: the city data set)

Two files, depots and items from the database: opening balances (every row a new lot,
as when a depot's stock is first entered) and receipts into lots the database holds
already. The import runs on a copy of the database; the original is not changed.
"""

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

    def receipt(n: int) -> list:
        code, batch, expiry = rng.choice(lots)
        expiry = date.fromisoformat(expiry) if expiry else None
        return [rng.choice(depots), code, batch, None, expiry, rng.randint(1, 5000), None, "调入"]

    for name, make in (("new lots", new_lot), ("existing lots", receipt)):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("库存入库")
        sheet.append(HEADER)
        for n in range(rows):
            sheet.append(make(n))
        book.save(files[name])
    return files


def plain_read(path: Path) -> float:
    """Seconds for openpyxl alone to read every row (read-only, values)."""
    import openpyxl

    started = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()
    return time.perf_counter() - started


def timed_import(db, path: Path) -> tuple[float, object]:
    from desktop.core import imports as importer
    from desktop.core.context import Ctx

    started = time.perf_counter()
    result = importer.run(db, Ctx("bench"), "stock", path)
    return time.perf_counter() - started, result


def report(db_path) -> dict:
    from desktop.core.store import db as dbmod

    db_path = Path(db_path)
    figures = {}
    with tempfile.TemporaryDirectory(prefix="bioreserve-xlsx-") as tmp:
        tmp = Path(tmp)
        source = dbmod.open_db(db_path, read_only=True)
        files = make_files(source, tmp)
        source.close()
        copy = tmp / "copy.db"
        shutil.copy(db_path, copy)
        db = dbmod.open_db(copy)
        print(f"stock import of {ROWS:,} rows from .xlsx ({db_path.name})")
        for name, path in files.items():
            read = statistics.median(plain_read(path) for _ in range(READS))
            spent, result = timed_import(db, path)
            if not result.ok or result.imported != ROWS:
                raise SystemExit(f"import refused: {result.errors[:5]}")
            ratio = spent / read
            figures[name] = {"read": read, "import": spent, "ratio": ratio}
            print(f"  {name:<14} openpyxl read {read:6.2f} s (anchor)   "
                  f"importer.run {spent:6.2f} s   {ratio:.2f}×   target ≤ 1.50×")  # fmt: skip
        db.close()
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1:
        report(sys.argv[1])
    else:
        from bench.generate import dataset

        report(dataset("city"))
