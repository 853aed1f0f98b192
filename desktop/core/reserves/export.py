"""Export of the reserves to one .xlsx workbook with Chinese headers.

Sheets: 库存 (balances by lot), 台账 (the ledger, newest first, at most the newest
1,000,000 movements) and 预警 (every alert in one table, its kind in the first
column: 低于定额, 缺货, 近效期（≤N天）, 已过期, 负库存 — one table filters in Excel).
Rows are streamed into a write-only workbook: the ledger is read by one streaming
query, never loaded whole.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from desktop.core import spreadsheet
from desktop.core.reserves import alerts as alertsmod
from desktop.core.reserves import ledger as ledgermod
from desktop.core.store.handle import Database

LEDGER_CAP = 1_000_000
PROGRESS_EVERY = 1000

BALANCES = "库存"
LEDGER = "台账"
ALERTS = "预警"

MOVE_KINDS = {
    "receive": "入库",
    "issue": "出库",
    "transfer_out": "调出",
    "transfer_in": "调入",
    "count": "盘点",
    "writeoff": "报废",
}

BALANCE_HEADER = [
    "仓库编码", "仓库名称", "物资编码", "物资名称", "规格型号", "计量单位", "物资类别",
    "批号", "有效期至", "批次状态", "数量",
]  # fmt: skip
LEDGER_HEADER = [
    "时间", "类型", "仓库编码", "物资编码", "物资名称", "计量单位", "批号", "数量", "原因",
    "单号", "备注",
]  # fmt: skip
ALERT_HEADER = [
    "预警类型", "仓库编码", "仓库名称", "物资编码", "物资名称", "计量单位", "批号", "有效期至",
    "剩余天数", "数量", "储备定额", "可用数量", "缺口",
]  # fmt: skip

Sheet = tuple[str, list[str], Iterable[list]]
Listed = tuple[str, list[str], list[list]]  # a sheet whose rows are counted before writing


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str):
    """An ISO time stamp as an Excel date-time (the station's wall clock, as recorded)."""
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except (TypeError, ValueError):
        return text


def balances(db: Database) -> Listed:
    """库存: stock on hand per depot, item and lot."""
    names = dict(db.execute("SELECT code, name FROM category WHERE deleted = 0"))
    rows = [
        [
            r["depot"],
            r["depot_name"],
            r["item"],
            r["item_name"],
            r["spec"],
            r["unit"],
            names.get(r["category"], r["category"]),
            r["lot"],
            _date(r["expiry"]),
            r["status"],
            r["qty"],
        ]
        for r in ledgermod.balances(db, by_lot=True)
    ]
    return BALANCES, BALANCE_HEADER, rows


def ledger_rows(db: Database, cap: int = LEDGER_CAP) -> int:
    """How many movements the 台账 sheet will hold."""
    return min(ledgermod.ledger_count(db), cap)


def ledger(db: Database, cap: int = LEDGER_CAP) -> Sheet:
    """台账: the newest `cap` movements, newest first, streamed by one query."""

    def rows() -> Iterator[list]:
        cursor = db.execute(ledgermod.LEDGER_SQL.format(where="1"), {"limit": cap})
        names = [d[0] for d in cursor.description]
        at = {name: i for i, name in enumerate(names)}
        picks = [at[k] for k in ("depot", "item", "item_name", "unit", "lot", "qty", "reason")]
        when, kind, ref, note = at["occurred_at"], at["kind"], at["ref"], at["note"]
        kinds = MOVE_KINDS
        for r in cursor:
            yield [
                _time(r[when]),
                kinds.get(r[kind], r[kind]),
                *(r[i] for i in picks),
                r[ref],
                r[note],
            ]

    return LEDGER, LEDGER_HEADER, rows()


ALERT_KINDS = {
    "below_norm": "低于定额",
    "out_of_stock": "缺货",
    "near_expiry": "近效期（≤{days}天）",
    "expired": "已过期",
    "negative": "负库存",
}


def alerts(db: Database, today: date | None = None) -> Listed:
    """预警: every alert (below norm, out of stock, near expiry, expired, negative balance),
    one row each, its kind in the first column."""
    rows = []
    for kind, found in alertsmod.compute(db, today).items():
        if kind == "thresholds":
            continue
        label = ALERT_KINDS.get(kind, kind)
        for a in found:
            rows.append(
                [
                    label.format(days=a.get("bucket")),
                    a["depot"],
                    a["depot_name"],
                    a["item"],
                    a["item_name"],
                    a["unit"],
                    a.get("lot"),
                    _date(a.get("expiry")),
                    a.get("days_left"),
                    a.get("qty"),
                    a.get("norm"),
                    a.get("have"),
                    a.get("short"),
                ]
            )
    return ALERTS, ALERT_HEADER, rows


def write_workbook(
    db: Database,
    path,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
    cap: int = LEDGER_CAP,
) -> dict[str, int]:
    """Write 库存, 台账 and 预警 to an .xlsx file; returns the rows per sheet.

    progress(done, total) is called about every 1,000 rows written (total: rows of all
    three sheets); if it raises (e.g. importer.Cancelled), no file is written.
    """
    with _snapshot(db):  # the three sheets show one state of the database
        return _write(db, path, progress, today, cap)


@contextmanager
def _snapshot(db: Database):
    """One read transaction, unless the connection is inside one already."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _write(db: Database, path, progress, today, cap) -> dict[str, int]:
    stock_sheet = balances(db)
    alert_sheet = alerts(db, today)
    total = len(stock_sheet[2]) + ledger_rows(db, cap) + len(alert_sheet[2])
    done = [0]

    def counted(rows: Iterable[list]) -> Iterator[list]:
        n = done[0]
        for row in rows:
            yield row
            n += 1
            if n % PROGRESS_EVERY == 0:
                progress(n, total)
        done[0] = n

    sheets = [stock_sheet, ledger(db, cap), alert_sheet]
    if progress:
        sheets = [(title, header, counted(rows)) for title, header, rows in sheets]
    counts = spreadsheet.write_xlsx(path, sheets)
    if progress:
        progress(done[0], done[0])
    return counts
