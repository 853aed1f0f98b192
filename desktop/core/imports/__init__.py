"""Importing catalogue items, depots, stock and reserve norms from .xlsx and .csv files.

Each kind has a template (`write_template`): a header row in Chinese (English
column names are accepted too) and a second sheet 说明 describing every column,
with an example and the valid values. `validate` checks a file and reports every
bad cell — row number as the spreadsheet shows it (the header is row 1), column
header and reason — and changes nothing. `run` validates the whole file first
and then imports it in ONE write-path transaction: nothing is imported while any
row is bad, unless `skip_invalid` is given, in which case the good rows are
imported and the bad ones reported. Problems with the header row itself (a
missing required column, an unknown or repeated column) always stop the import:
an unknown column may be a misspelt optional one whose values would be lost.

Rows use the same rules as the forms and the CLI:
- items: catalog.validate_item; a code that exists already UPDATES that item
  (empty optional cells keep its current values); a code twice in one file is an
  error. 效期管理 takes 是/否 (also Y/N, yes/no, true/false, 1/0).
- depots: catalog.validate_depot; a code that exists already UPDATES that depot
  (empty optional cells keep its values); 管理单位 by name, short name or code
  (catalog.agency_by_name); 所属区划 is a division code (a division's name works too).
- stock: receipts (入库) as stock.receive records them — lot id from item and
  batch, lot created at its first receipt, expiry required for a new lot of an
  item managed by expiry, a given expiry must match the lot's (earlier rows of the
  same file count), 来源 from stock.RECEIPT_SOURCES (empty: 采购). Expired stock
  may be imported (it is on the shelf) and shows among the alerts.
- norms: one norm per depot × item (norms.norm_id), whole numbers ≥ 0; an
  existing norm is replaced; the same pair twice in one file is an error.
- experts: defined in desktop.core.roster.experts (its IMPORT_KIND, loaded on first use:
  EXTERNAL); experts.validate_expert; the same name AND mobile number UPDATES that expert.

Dates: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, Excel date cells and
Excel serial numbers. Quantities: whole numbers (100.0 from Excel is 100).

`progress(done, total)` is called about every 500 rows while the file is checked
(done = rows read, total = the expected rows, an estimate until the end) and again
while the good rows are written (done = rows written, total = rows to write).
If it raises `Cancelled`, the import stops and nothing is imported.
"""

import importlib
import re
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core import spreadsheet, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.reserves import catalog, stock
from desktop.core.reserves.norms import norm_id
from desktop.core.store import reference
from desktop.core.store.writepath import write
from desktop.core.vocab import DEPOT_LEVELS, STORAGE

KINDS = ("items", "depots", "stock", "norms", "experts")
# Kinds defined in their own module, loaded on first use: the module's IMPORT_KIND (a Kind).
EXTERNAL = {"experts": "desktop.core.roster.experts"}
PROGRESS_EVERY = 500
WRITE_CHUNK = 500
IMPORT_CACHE_KIB = 128 * 1024  # SQLite page cache during an import (allocated as needed)

Progress = Callable[[int, int], None]


class Cancelled(BioError):
    """Raised by a progress callback to stop an import; nothing is imported."""

    def __init__(self, message: str | None = None):
        super().__init__(message or tr("The import was cancelled; nothing was imported."))


@dataclass
class RowError:
    row: int  # as the spreadsheet shows it: the header is row 1
    column: str  # the column's header as written in the file
    reason: str


@dataclass
class Report:
    kind: str
    total: int = 0  # data rows read (0 when the header row is refused)
    imported: int = 0  # rows written (0 when nothing was imported)
    skipped: int = 0  # data rows with errors (left out with skip_invalid)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Chinese, as the template writes it
    aliases: tuple[str, ...]  # other accepted names (English)
    required: bool
    kind: str = "text"  # text | code | date | number | choice (formats in the template)


def _col(key, header, aliases, required=False, kind="text") -> Column:
    return Column(key, header, tuple(aliases), required, kind)


@dataclass(frozen=True)
class Kind:
    """An import kind defined outside this module (see EXTERNAL)."""

    columns: tuple[Column, ...]
    job: type  # a _Job subclass
    sheet: str  # the template's first sheet
    command: str  # the CLI group the instructions name: bioreserve <command> import
    describe: Callable[[], dict[str, tuple[str, str]]]  # column key → (description, allowed)
    template: Callable  # db or None → (suggested values by column key, example row, lists)
    guidance: Callable[[], list[str]]  # more lines for the instructions


COLUMNS: dict[str, tuple[Column, ...]] = {
    "items": (
        _col("code", "物资编码", ("code", "item code"), True, "code"),
        _col("name", "物资名称", ("name", "item name"), True),
        _col("spec", "规格型号", ("spec", "specification", "model")),
        _col("unit", "计量单位", ("unit", "unit of measure", "uom"), True),
        _col("category", "物资类别", ("category", "category name"), True, "choice"),
        _col("shelf_life", "效期管理", ("shelf life", "expiry managed"), False, "choice"),
        _col("storage", "储存条件", ("storage", "storage condition"), False, "choice"),
    ),
    "depots": (
        _col("code", "仓库编码", ("code", "depot code"), True, "code"),
        _col("name", "仓库名称", ("name", "depot name"), True),
        _col("division", "所属区划", ("division", "division code"), True, "code"),
        _col("agency", "管理单位", ("agency", "managing agency")),
        _col("level", "仓库级别", ("level", "depot level"), True, "choice"),
        _col("address", "地址", ("address",)),
        _col("contact", "联系人", ("contact", "contact person")),
        _col("phone", "联系电话", ("phone", "telephone", "contact phone"), False, "code"),
    ),
    "stock": (
        _col("depot", "仓库编码", ("depot", "depot code"), True, "code"),
        _col("item", "物资编码", ("item", "item code"), True, "code"),
        _col("batch", "批号", ("batch", "batch no", "lot"), True, "code"),
        _col("produced", "生产日期", ("produced", "production date", "produced on"), False, "date"),
        _col("expiry", "有效期至", ("expiry", "expiry date", "expires on"), False, "date"),
        _col("qty", "数量", ("qty", "quantity"), True, "number"),
        _col("manufacturer", "生产厂家", ("manufacturer", "maker")),
        _col("source", "来源", ("source",), False, "choice"),
    ),
    "norms": (
        _col("depot", "仓库编码", ("depot", "depot code"), True, "code"),
        _col("item", "物资编码", ("item", "item code"), True, "code"),
        _col("qty", "储备定额", ("norm", "reserve norm", "qty", "quantity"), True, "number"),
    ),
}  # fmt: skip


_Bad = values.BadValue
_text, _blank, _whole, _date, _yes_no = (
    values.text,
    values.blank,
    values.whole,
    values.date_iso,
    values.yes_no,
)


# ---------------------------------------------------------------- the header row


def _normal(name: str) -> str:
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    text = text.strip("*").strip()
    return re.sub(r"[\s_\-]+", " ", text)


def _lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    names = {}
    for col in columns:
        for name in (col.header, *col.aliases):
            names[_normal(name)] = col
    return names


def _match(names: dict[str, Column], text: str) -> Column | None:
    key = _normal(text)
    if key in names:
        return names[key]
    bare = re.sub(r"\s*\(.*\)$", "", key)  # 物资编码（必填）, 数量(只)
    return names.get(bare)


def _map_header(kind: str, header: list[str]):
    """Positions and header texts of the known columns, the header's errors, and whether
    a required column is missing."""
    columns = COLUMNS[kind]
    names = _lookup(columns)
    positions, texts, errors = {}, {}, []
    for index, text in enumerate(header):
        if not text:
            continue
        col = _match(names, text)
        if col is None:
            errors.append(
                RowError(
                    1,
                    text,
                    tr(
                        "Unknown column; the columns of this kind are {columns}.",
                        columns="、".join(c.header for c in columns),
                    ),
                )
            )
        elif col.key in positions:
            errors.append(
                RowError(
                    1, text, tr("This column appears twice (also {other}).", other=texts[col.key])
                )
            )
        else:
            positions[col.key] = index
            texts[col.key] = text
    missing = [c for c in columns if c.required and c.key not in positions]
    for col in missing:
        errors.append(RowError(1, col.header, tr("Required column missing.")))
    for col in columns:
        texts.setdefault(col.key, col.header)
    return positions, texts, errors, bool(missing)


# ---------------------------------------------------------------- kinds


class _Job:
    """Checks one kind's rows (check: one row; finish: rules across rows) and writes them.

    A row with any error is left out; the framework drops rows in `bad_rows`.
    """

    def __init__(self, db, source: Path, texts: dict[str, str], errors: list[RowError]):
        self.db = db
        self.source = source
        self.texts = texts
        self.errors = errors
        self.bad_rows: set[int] = set()
        self._reported: set[tuple[int, str]] = set()

    def bad(self, row: int, key: str, reason: str) -> None:
        if (row, key) in self._reported:
            return  # one reason per cell
        self._reported.add((row, key))
        self.errors.append(RowError(row, self.texts.get(key, key), reason))
        self.bad_rows.add(row)

    def check(self, row: int, cells: dict):
        raise NotImplementedError

    def finish(self, parsed: list) -> list:
        return parsed

    def write(self, w, rows: list, tick: Callable[[int], None]) -> None:
        raise NotImplementedError

    def unique(self, row: int, key: str, code: str, seen: dict) -> None:
        if code in seen:
            self.bad(
                row,
                key,
                tr("Code {code} is already in row {row} of this file.", code=code, row=seen[code]),
            )
        elif code:
            seen[code] = row

    def validated(self, row: int, values: dict, validate, fields: dict) -> dict | None:
        """A catalog validator's clean values; reports every field it refuses, not only the
        first (a refused field is left out, or given a placeholder when required, and the
        rest is validated again)."""
        for _ in range(len(values) + 1):
            try:
                return validate(values)
            except Invalid as exc:
                self.bad(row, fields.get(exc.field, exc.field), str(exc))
                if exc.field in ("code", "name", "unit"):
                    if values.get(exc.field) == PLACEHOLDER:
                        return None
                    values[exc.field] = PLACEHOLDER
                elif values.pop(exc.field, None) is None:
                    return None
        return None

    def write_new_then_updates(self, w, table: str, rows: list, keys: tuple, tick) -> None:
        """Rows (row, id or None, clean values): new rows in bulk, then the updates."""
        new = [clean for _, row_id, clean in rows if row_id is None]
        done = 0
        for start in range(0, len(new), WRITE_CHUNK):
            chunk = new[start : start + WRITE_CHUNK]
            w.insert_many(table, [{k: c.get(k, "") for k in keys} for c in chunk])
            done += len(chunk)
            tick(done)
        for _, row_id, clean in rows:
            if row_id is not None:
                w.update(table, row_id, clean)
                done += 1
                tick(done)


PLACEHOLDER = "\x00"  # stands in for an empty required cell (already reported) while validating


class _Items(_Job):
    FIELDS = {"code": "code", "name": "name", "unit": "unit", "category": "category",
              "spec": "spec", "storage": "storage", "shelf_life": "shelf_life"}  # fmt: skip
    NEW_KEYS = ("code", "name", "spec", "unit", "category", "shelf_life", "storage")

    def __init__(self, *args):
        super().__init__(*args)
        self.existing = dict(self.db.execute("SELECT code, id FROM item WHERE deleted = 0"))
        self.seen: dict[str, int] = {}

    def check(self, row, cells):
        code = _text(cells.get("code"))
        self.unique(row, "code", code, self.seen)
        item_id = self.existing.get(code)
        values = {k: _text(cells.get(k)) or PLACEHOLDER for k in ("code", "name", "unit")}
        category = _text(cells.get("category"))
        if category:
            values["category"] = category
        for key in ("spec", "storage"):
            text = _text(cells.get(key))
            if text or item_id is None:  # empty: keep an existing item's value
                values[key] = text
        try:
            shelf_life = _yes_no(cells.get("shelf_life"))
        except _Bad as exc:
            self.bad(row, "shelf_life", str(exc))
            shelf_life = None
        if shelf_life is not None:
            values["shelf_life"] = shelf_life
        if item_id is None:
            values.setdefault("shelf_life", 1)
            values["storage"] = values["storage"] or "常温"
        given = set(values)
        clean = self.validated(
            row, values, lambda v: catalog.validate_item(self.db, v, item_id), self.FIELDS
        )
        if clean is None:
            return None
        return (row, item_id, {k: v for k, v in clean.items() if k in given})

    def write(self, w, rows, tick):
        self.write_new_then_updates(w, "item", rows, self.NEW_KEYS, tick)


class _Depots(_Job):
    FIELDS = {"code": "code", "name": "name", "division": "division", "agency_id": "agency",
              "level": "level", "phone": "phone"}  # fmt: skip
    NEW_KEYS = ("code", "name", "division", "agency_id", "level", "address", "contact", "phone")

    def __init__(self, *args):
        super().__init__(*args)
        self.existing = dict(self.db.execute("SELECT code, id FROM depot WHERE deleted = 0"))
        self.division_names = {
            name: code
            for code, name in self.db.execute("SELECT code, name FROM division WHERE deleted = 0")
        }
        self.seen: dict[str, int] = {}

    def check(self, row, cells):
        code = _text(cells.get("code"))
        self.unique(row, "code", code, self.seen)
        depot_id = self.existing.get(code)
        values = {k: _text(cells.get(k)) or PLACEHOLDER for k in ("code", "name")}
        for key in ("division", "level"):  # required: an empty cell is reported already
            text = _text(cells.get(key))
            if text:
                values[key] = text
        if "division" in values:
            values["division"] = self.division_names.get(values["division"], values["division"])
        for key in ("address", "contact", "phone"):
            text = _text(cells.get(key))
            if text or depot_id is None:  # empty: keep an existing depot's value
                values[key] = text
        agency_name = _text(cells.get("agency"))
        if agency_name:
            agency = catalog.agency_by_name(self.db, agency_name)
            if agency is None:
                self.bad(
                    row,
                    "agency",
                    tr(
                        "Unknown agency {name}; give its full name, short name or code.",
                        name=agency_name,
                    ),
                )
            else:
                values["agency_id"] = agency["id"]
        elif depot_id is None:
            values["agency_id"] = None
        given = set(values)
        clean = self.validated(
            row, values, lambda v: catalog.validate_depot(self.db, v, depot_id), self.FIELDS
        )
        if clean is None:
            return None
        return (row, depot_id, {k: v for k, v in clean.items() if k in given})

    def write(self, w, rows, tick):
        self.write_new_then_updates(w, "depot", rows, self.NEW_KEYS, tick)


class _Refs:
    """Depots and items by code: one query each."""

    def __init__(self, db):
        self.depots = dict(db.execute("SELECT code, id FROM depot WHERE deleted = 0"))
        self.items = {
            code: {"id": item_id, "code": code, "name": name, "shelf_life": shelf_life}
            for item_id, code, name, shelf_life in db.execute(
                "SELECT id, code, name, shelf_life FROM item WHERE deleted = 0"
            )
        }

    def depot(self, job: _Job, row: int, cells: dict) -> str | None:
        code = _text(cells.get("depot"))
        depot_id = self.depots.get(code)
        if depot_id is None and code:
            job.bad(row, "depot", tr("No depot with code {code}.", code=code))
        return depot_id

    def item(self, job: _Job, row: int, cells: dict) -> dict | None:
        code = _text(cells.get("item"))
        item = self.items.get(code)
        if item is None and code:
            job.bad(row, "item", tr("No catalogue item with code {code}.", code=code))
        return item


class _Norms(_Job):
    def __init__(self, *args):
        super().__init__(*args)
        self.refs = _Refs(self.db)
        self.seen: dict[tuple[str, str], int] = {}

    def check(self, row, cells):
        depot_id = self.refs.depot(self, row, cells)
        item = self.refs.item(self, row, cells)
        qty = None
        if not _blank(cells.get("qty")):
            try:
                qty = _whole(cells["qty"], allow_zero=True)
            except _Bad as exc:
                self.bad(row, "qty", str(exc))
        if depot_id is None or item is None:
            return None
        pair = (depot_id, item["id"])
        if pair in self.seen:
            self.bad(
                row,
                "item",
                tr(
                    "The norm of {item} at {depot} is already in row {row} of this file.",
                    item=item["code"],
                    depot=_text(cells.get("depot")),
                    row=self.seen[pair],
                ),
            )
        else:
            self.seen[pair] = row
        return None if qty is None else (depot_id, item["id"], qty)

    def write(self, w, rows, tick):
        # Every norm, deleted ones too (setting one again brings it back), as set_norms does.
        existing = {row_id for (row_id,) in self.db.execute("SELECT id FROM norm")}
        new, done = [], 0
        for depot_id, item_id, qty in rows:
            row_id = norm_id(depot_id, item_id)
            if row_id in existing:
                w.update("norm", row_id, {"qty": qty, "deleted": 0})
                done += 1
                tick(done)
            else:
                new.append({"id": row_id, "depot_id": depot_id, "item_id": item_id, "qty": qty})
        for start in range(0, len(new), WRITE_CHUNK):
            chunk = new[start : start + WRITE_CHUNK]
            w.insert_many("norm", chunk)
            done += len(chunk)
            tick(done)


@dataclass(slots=True)
class _Receipt:
    row: int
    depot_id: str
    item: dict
    lot_id: str
    batch: str
    produced: str | None
    expiry: str | None
    qty: int
    manufacturer: str
    source: str
    new_lot: bool = False


class _Stock(_Job):
    def __init__(self, *args):
        super().__init__(*args)
        self.refs = _Refs(self.db)

    def check(self, row, cells):
        get = cells.get
        depot_id = self.refs.depot(self, row, cells)
        item = self.refs.item(self, row, cells)
        batch = _text(get("batch"))
        produced = expiry = qty = None
        try:
            produced = _date(get("produced"))
        except _Bad as exc:
            self.bad(row, "produced", str(exc))
        try:
            expiry = _date(get("expiry"))
        except _Bad as exc:
            self.bad(row, "expiry", str(exc))
        value = get("qty")
        if type(value) is int and value > 0:
            qty = value
        elif not _blank(value):
            try:
                qty = _whole(value)
            except _Bad as exc:
                self.bad(row, "qty", str(exc))
        source = _text(get("source")) or "采购"
        source = stock.RECEIPT_SOURCES.get(source) or stock.RECEIPT_SOURCES.get(source.lower())
        if source is None:
            self.bad(row, "source", tr("The source must be one of 采购, 捐赠, 调入, 退库."))
        if row in self.bad_rows or not (depot_id and item and batch and qty):
            return None
        return _Receipt(
            row,
            depot_id,
            item,
            catalog.lot_id(item["id"], batch),
            batch,
            produced,
            expiry,
            qty,
            _text(get("manufacturer")),
            source,
        )

    def finish(self, parsed):
        """The lot rules in row order; lots that earlier good rows create count too."""
        wanted = list({r.lot_id: None for r in parsed})
        known = {}
        for start in range(0, len(wanted), 900):
            chunk = wanted[start : start + 900]
            marks = ", ".join("?" * len(chunk))
            for lot_id, expires_on in self.db.execute(
                f"SELECT id, expires_on FROM lot WHERE id IN ({marks})", chunk
            ):
                known[lot_id] = {"expires_on": expires_on}
        good = []
        for r in parsed:
            lot = known.get(r.lot_id)
            try:
                stock.check_receipt(r.item, r.batch, lot, r.expiry, r.produced)
            except Invalid as exc:
                self.bad(r.row, "produced" if exc.field == "produced_on" else "expiry", str(exc))
                continue
            if lot is None:
                known[r.lot_id] = {"expires_on": r.expiry}
                r.new_lot = True
            good.append(r)
        return good

    def write(self, w, rows, tick):
        ref, now = self.source.name, values.now_iso()
        for start in range(0, len(rows), WRITE_CHUNK):
            chunk = rows[start : start + WRITE_CHUNK]
            lots = [
                stock.lot_row(r.item["id"], r.batch, r.manufacturer, r.produced, r.expiry)
                for r in chunk
                if r.new_lot
            ]
            if lots:
                w.insert_many("lot", lots)
            moves = [
                stock.move_row(
                    "receive", r.depot_id, r.item["id"], r.lot_id, r.qty, r.source, ref,
                    occurred_at=now,
                )
                for r in chunk
            ]  # fmt: skip
            w.insert_many("stock_move", moves)
            tick(start + len(chunk))


JOBS = {"items": _Items, "depots": _Depots, "stock": _Stock, "norms": _Norms}


# ---------------------------------------------------------------- validate and run


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise BioError(
            tr("Unknown kind {kind}; use one of {choices}.", kind=kind, choices=", ".join(KINDS))
        )
    if kind in EXTERNAL and kind not in JOBS:
        spec = _external(kind)
        COLUMNS[kind], JOBS[kind], SHEETS[kind] = spec.columns, spec.job, spec.sheet
    return kind


def _external(kind: str) -> Kind | None:
    return importlib.import_module(EXTERNAL[kind]).IMPORT_KIND if kind in EXTERNAL else None


def _check(db, kind: str, path, progress: Progress | None) -> tuple[Report, _Job | None, list]:
    """Read and check every row: the report, the job and the good rows."""
    kind = _kind(kind)
    path = Path(path)
    header, rows = spreadsheet.read_rows(path)
    report = Report(kind)
    try:
        positions, texts, report.errors, missing = _map_header(kind, header)
        if missing:
            return report, None, []
        job = JOBS[kind](db, path, texts, report.errors)
        required = [(c.key, positions[c.key]) for c in COLUMNS[kind] if c.required]
        fields = list(positions.items())
        estimate = getattr(rows, "estimate", 0)
        parsed, total = [], 0
        for number, values in rows:
            total += 1
            width = len(values)
            for key, i in required:
                if i >= width or _blank(values[i]):
                    job.bad(number, key, tr("Required; this cell is empty."))
            result = job.check(number, {k: values[i] if i < width else None for k, i in fields})
            if result is not None and number not in job.bad_rows:
                parsed.append(result)
            if progress and total % PROGRESS_EVERY == 0:
                progress(total, max(estimate, total))
        good = job.finish(parsed)
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    report.total = total
    report.skipped = len(job.bad_rows)
    order = {text: i for i, text in enumerate(header)}
    report.errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
    if progress:
        progress(total, total)
    return report, job, good


def validate(db, kind: str, path, progress: Progress | None = None) -> Report:
    """Check a file and report every bad cell; nothing is imported."""
    report, _, _ = _check(db, kind, path, progress)
    return report


class _Refused(Exception):
    pass


@contextmanager
def _page_cache(db, kib: int = IMPORT_CACHE_KIB):
    """A larger page cache for the length of an import: bulk inserts into the ledger, its
    balances and their indexes spill the default 2 MB cache (measured: a third faster)."""
    previous = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous)}")


def run(
    db,
    ctx: Ctx,
    kind: str,
    path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Check the whole file, then import it in one transaction (all or nothing).

    With errors, nothing is imported unless skip_invalid: then the good rows are.
    Errors in the header row always stop the import. The file is checked inside the
    transaction, so no other change can slip in between the check and the writes.
    """
    outcome = {}
    try:
        with _page_cache(db), write(db, ctx) as w:
            report, job, good = _check(db, kind, path, progress)
            outcome["report"] = report
            header_bad = any(e.row == 1 for e in report.errors)
            if not good or header_bad or (report.errors and not skip_invalid):
                raise _Refused

            def tick(done: int, total: int = len(good)) -> None:
                if progress and (done % PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)

            job.write(w, good, tick)
            report.imported = len(good)
    except _Refused:
        pass
    return outcome["report"]


# ---------------------------------------------------------------- templates

SHEETS = {"items": "物资目录", "depots": "仓库", "stock": "库存入库", "norms": "储备定额"}
INSTRUCTIONS = "说明"


def _describe(kind: str) -> dict[str, tuple[str, str]]:
    """Each column's description and allowed values, in the user's language."""
    date_format = tr("2026-03-01 or 2026/3/1, or an Excel date")
    depot = (tr("The code of an existing depot (see the list below)."), "")
    item = (tr("The code of an existing catalogue item (see the list below)."), "")
    return {
        "items": {
            "code": (
                tr("The item's code, unique in the catalogue. A code that exists already "
                   "updates that item (empty optional cells keep its values)."),
                "",
            ),
            "name": (tr("The item's name."), ""),
            "spec": (tr("Specification or model."), ""),
            "unit": (tr("The base unit that quantities count (free text), e.g. 只, 盒, 瓶."), ""),
            "category": (tr("The material category, by name or code (see the list below)."), ""),
            "shelf_life": (
                tr("Whether lots are managed by expiry date; empty: 是."),
                tr("是 or 否 (also Y/N, yes/no, true/false, 1/0)"),
            ),
            "storage": (tr("Storage condition; empty: 常温."), " / ".join(STORAGE)),
        },
        "depots": {
            "code": (
                tr("The depot's code, unique. A code that exists already updates that depot "
                   "(empty optional cells keep its values)."),
                "",
            ),
            "name": (tr("The depot's name."), ""),
            "division": (
                tr("The division (GB/T 2260 code, e.g. 430422) the depot belongs to; see the "
                   "list below."),
                "",
            ),
            "agency": (
                tr("The managing agency: full name, short name or code (see the list below)."),
                "",
            ),
            "level": (tr("The depot's level."), " / ".join(DEPOT_LEVELS)),
            "address": (tr("Address."), ""),
            "contact": (tr("Contact person."), ""),
            "phone": (tr("Contact phone."), tr("digits, spaces and + - ( ), e.g. 0734-8000001")),
        },
        "stock": {
            "depot": depot,
            "item": item,
            "batch": (tr("The lot's batch number; a new batch number creates the lot."), ""),
            "produced": (tr("Production date."), date_format),
            "expiry": (
                tr("Expiry date: required for a new lot of an item managed by expiry; must "
                   "match the date already recorded for the lot. Expired stock may be entered "
                   "(it is on the shelf) and shows among the alerts."),
                date_format,
            ),
            "qty": (
                tr("Quantity received, in the item's base unit."),
                tr("a whole number greater than zero"),
            ),
            "manufacturer": (tr("Manufacturer (free text), recorded with a new lot."), ""),
            "source": (
                tr("Where the stock came from; empty: 采购."),
                " / ".join(k for k in stock.RECEIPT_SOURCES if not k.isascii()),
            ),
        },
        "norms": {
            "depot": depot,
            "item": item,
            "qty": (
                tr("The reserve norm (储备定额) in the item's base unit; an existing norm of the "
                   "depot and item is replaced."),
                tr("a whole number, 0 or more"),
            ),
        },
    }[kind]  # fmt: skip


def _reference(db) -> dict[str, list[tuple]]:
    """The valid values to list: from the open database, else from the shipped files."""
    if db is not None:
        return {
            "categories": db.execute(
                "SELECT name, code FROM category WHERE scheme = 'practical' AND deleted = 0 "
                "ORDER BY code"
            ).fetchall(),
            "divisions": db.execute(
                "SELECT code, name FROM division WHERE deleted = 0 ORDER BY code"
            ).fetchall(),
            "agencies": db.execute(
                "SELECT name, short_name, code FROM agency WHERE deleted = 0 ORDER BY code"
            ).fetchall(),
            "depots": db.execute(
                "SELECT code, name FROM depot WHERE deleted = 0 ORDER BY code"
            ).fetchall(),
            "items": [
                (code, name, spec, unit, "是" if shelf_life else "否")
                for code, name, spec, unit, shelf_life in db.execute(
                    "SELECT code, name, spec, unit, shelf_life FROM item WHERE deleted = 0 "
                    "ORDER BY code"
                )
            ],
        }

    return {
        "categories": sorted(
            (c["name"], c["code"])
            for c in reference.rows("categories.json")
            if c.get("scheme", "practical") == "practical"
        ),
        "divisions": sorted((d["code"], d["name"]) for d in reference.rows("divisions.json")),
        "agencies": [
            (a["name"], a["short_name"], a["code"]) for a in reference.rows("agencies.json")
        ],
        "depots": [],
        "items": [],
    }


def _example(kind: str, ref: dict) -> list:
    category = ref["categories"][0][0] if ref["categories"] else "防护用品"
    agency = next(
        (a[0] for a in ref["agencies"] if a[2].startswith("430422")),
        ref["agencies"][0][0] if ref["agencies"] else "",
    )
    depot = ref["depots"][0][0] if ref["depots"] else "HY-CK01"
    item = ref["items"][0][0] if ref["items"] else "PPE-0001"
    return {
        "items": ["PPE-9001", "医用防护口罩（示例）", "N95 折叠式 耳挂", "只", category, "是",
                  "常温"],
        "depots": ["HY-CK99", "示例县级应急物资储备库", "430422", agency, "县级储备库",
                   "衡南县某某路 1 号（示例地址）", "张三", "0734-0000000"],
        "stock": [depot, item, "20260301", date(2026, 3, 1), date(2029, 2, 28), 1000,
                  "某某医疗用品有限公司", "采购"],
        "norms": [depot, item, 5000],
    }[kind]  # fmt: skip


def _lists(kind: str, ref: dict) -> list[tuple[str, list[str], list]]:
    """(title, header, rows) of the lists of valid values the instructions show."""
    categories = (tr("Material categories"), ["物资类别", "代码"], ref["categories"])
    depots = (tr("Depots in this database"), ["仓库编码", "仓库名称"], ref["depots"])
    items = (
        tr("Items in this database"),
        ["物资编码", "物资名称", "规格型号", "计量单位", "效期管理"],
        ref["items"],
    )
    return {
        "items": [categories, (tr("Storage conditions"), ["储存条件"], [[s] for s in STORAGE])],
        "depots": [
            (tr("Depot levels"), ["仓库级别"], [[level] for level in DEPOT_LEVELS]),
            (tr("Divisions"), ["区划代码", "名称"], ref["divisions"]),
            (tr("Agencies"), ["管理单位", "简称", "代码"], ref["agencies"]),
        ],
        "stock": [
            (
                tr("Sources"),
                ["来源"],
                [[k] for k in stock.RECEIPT_SOURCES if not k.isascii()],
            ),
            depots,
            items,
        ],
        "norms": [depots, items],
    }[kind]


def write_template(kind: str, path, db=None) -> None:
    """An .xlsx template: the header row on the first sheet (which imports cleanly once
    filled in) and the instructions on a second sheet 说明 — every column, required or
    not, allowed values, an example row and the valid categories, levels, divisions and
    agencies (from the open database, else from the shipped reference data)."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = _kind(kind)
    columns = COLUMNS[kind]
    ref = _reference(db)
    external = _external(kind)
    notes = external.describe() if external else _describe(kind)
    bold, grey = Font(bold=True), Font(italic=True, color="808080")
    fill = PatternFill("solid", fgColor="DDEBF7")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEETS[kind]
    sheet.append([c.header for c in columns])
    choices = {
        "shelf_life": ["是", "否"],
        "storage": list(STORAGE),
        "level": list(DEPOT_LEVELS),
        "source": [k for k in stock.RECEIPT_SOURCES if not k.isascii()],
        "category": [name for name, _ in ref["categories"]],
    }
    if external:
        suggested, example, lists = external.template(db)
        choices.update(suggested)
    else:
        example, lists = _example(kind, ref), _lists(kind, ref)
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        cell = sheet.cell(row=1, column=i)
        cell.font, cell.fill = bold, fill
        sheet.column_dimensions[letter].width = max(spreadsheet.display_width(col.header) + 4, 14)
        if col.kind == "code":
            sheet.column_dimensions[letter].number_format = "@"  # keeps 0001 and 430422 as typed
        elif col.kind == "date":
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
        values = choices.get(col.key)
        if values and len(",".join(values)) < 250:
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(values) + '"',
                allow_blank=True,
                showErrorMessage=False,  # a suggestion: codes and English names work too
            )
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}10000")
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet(INSTRUCTIONS)
    help_sheet.append([tr("How to fill in the sheet {sheet}", sheet=SHEETS[kind])])
    help_sheet["A1"].font = Font(bold=True, size=13)
    for line in _guidance(kind):
        help_sheet.append([line])
    help_sheet.append([])
    help_sheet.append(
        [
            tr("Column"),
            tr("Required or optional"),
            tr("Description"),
            tr("Allowed values or format"),
            tr("Other accepted names"),
        ]
    )
    for cell in help_sheet[help_sheet.max_row]:
        cell.font, cell.fill = bold, fill
    for col in columns:
        description, allowed = notes[col.key]
        if col.key == "category":
            allowed = "、".join(choices["category"])
        help_sheet.append(
            [
                col.header,
                tr("Required") if col.required else tr("Optional"),
                description,
                allowed,
                ", ".join(col.aliases),
            ]
        )
    help_sheet.append([])
    help_sheet.append([tr("Example row (an illustration only: it is not imported)")])
    help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
    help_sheet.append([c.header for c in columns])
    for cell in help_sheet[help_sheet.max_row]:
        cell.font = bold
    help_sheet.append(example)
    for cell in help_sheet[help_sheet.max_row]:
        cell.font = grey
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for title, header, rows in lists:
        help_sheet.append([])
        help_sheet.append([f"{title}（{len(rows)}）"])
        help_sheet.cell(row=help_sheet.max_row, column=1).font = bold
        help_sheet.append(header)
        for cell in help_sheet[help_sheet.max_row]:
            cell.font = bold
        for row in rows:
            help_sheet.append(list(row))
    for letter, width in zip("ABCDE", (22, 16, 70, 40, 30), strict=True):
        help_sheet.column_dimensions[letter].width = width
    spreadsheet.save_workbook(book, path)


def _guidance(kind: str) -> list[str]:
    external = _external(kind)
    command = external.command if external else kind
    lines = [
        tr("Fill in the first sheet: one row per line under the header row, which must stay "
           "as it is. Required columns must be filled in on every row. English column names "
           "are accepted too. The sheet may also be saved as CSV (UTF-8 or GBK)."),
        tr("Import: bioreserve {kind} import FILE.xlsx. Every bad row is reported with its "
           "row number and nothing is imported; add --skip-invalid to import the good rows "
           "and skip the bad ones.", kind=command),
    ]  # fmt: skip
    if external:
        lines += external.guidance()
    if kind == "stock":
        lines.append(
            tr(
                "Each row is a receipt (opening balance or stock in) of one lot at one depot; "
                "the depots and items must exist (import them first)."
            )  # fmt: skip
        )
    if kind == "norms":
        lines.append(tr("The depots and items must exist (import them first)."))
    return lines
