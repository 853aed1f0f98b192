"""Imports under stress (issue 11, point 7): other writers are not blocked while a file is
checked, what the check relied on is checked again before writing, and whatever a cell
holds, the outcome is a report — never an exception — and a refused import changes
nothing."""

import threading
import time
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.core import i18n
from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, norms, stock
from desktop.core.store import db as dbmod

KEEPER = Ctx("os:keeper")
LATER = date.today() + timedelta(days=400)
STOCK = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]
ITEMS = ["物资编码", "物资名称", "规格型号", "计量单位", "物资类别", "效期管理", "储存条件"]
EXPERTS = ["姓名", "性别", "工作单位", "职称", "专业领域", "所属区划", "手机", "办公电话",
           "资质证书", "证书有效期至"]  # fmt: skip
ROWS = 1200  # more than PROGRESS_EVERY: progress is called while checking and writing


@pytest.fixture(autouse=True)
def english():
    """Messages in English, so that tests can look for words in them."""
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def db(fresh_db):
    catalog.save_depot(
        fresh_db, KEEPER, {"code": "CK1", "name": "市级库", "level": "市级储备库",
                           "division": "430400"},
    )  # fmt: skip
    for code, shelf_life in (("KZ", True), ("HXJ", False)):
        catalog.save_item(
            fresh_db, KEEPER, {"code": code, "name": code, "unit": "只", "category": "防护用品",
                               "shelf_life": shelf_life},
        )  # fmt: skip
    return fresh_db


def xlsx(path, header, rows):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def paused_import(db_path, kind, path):
    """Run an import on its own connection in a thread that stops between the check and the
    writes; returns (checked event, resume event, thread, outcome dict)."""
    checked, resume, outcome = threading.Event(), threading.Event(), {}

    def progress(done: int, total: int) -> None:
        if done == total and not checked.is_set():  # the check's last call
            checked.set()
            assert resume.wait(30)

    def work() -> None:
        conn = dbmod.open_db(db_path)
        try:
            outcome["report"] = importer.run(conn, KEEPER, kind, path, progress=progress)
        except BioError as exc:
            outcome["error"] = exc
        finally:
            conn.close()

    thread = threading.Thread(target=work)
    thread.start()
    assert checked.wait(60)
    return resume, thread, outcome


def test_other_writers_are_not_blocked_while_an_import_is_checked(db, db_path, tmp_path):
    rows = [["CK1", "HXJ", f"B{i}", None, None, 1, None, None] for i in range(ROWS)]
    resume, thread, outcome = paused_import(
        db_path, "stock", xlsx(tmp_path / "s.xlsx", STOCK, rows)
    )
    started = time.monotonic()
    norms.set_norm(db, KEEPER, "CK1", "KZ", 50)  # another connection writes meanwhile
    stock.receive(db, KEEPER, "CK1", "KZ", "OTHER", 7, expiry=LATER.isoformat())
    kz = catalog.item_by_code(db, "KZ")["id"]
    catalog.save_item(db, KEEPER, {"code": "KZ", "name": "改名", "unit": "只"}, kz)
    assert time.monotonic() - started < 2  # not after the 5 s busy timeout
    resume.set()
    thread.join(60)
    assert outcome["report"].imported == ROWS  # nothing it relied on changed


def test_an_import_is_refused_when_what_it_checked_changed_before_writing(db, db_path, tmp_path):
    rows = [["CK1", "KZ", "LOT1", None, LATER, 5, None, None]] + [
        ["CK1", "HXJ", f"B{i}", None, None, 1, None, None] for i in range(ROWS)
    ]
    resume, thread, outcome = paused_import(
        db_path, "stock", xlsx(tmp_path / "s.xlsx", STOCK, rows)
    )
    other = (LATER + timedelta(days=1)).isoformat()  # the same new lot, another expiry
    stock.receive(db, KEEPER, "CK1", "KZ", "LOT1", 1, expiry=other)
    resume.set()
    thread.join(60)
    assert "s.xlsx" in str(outcome["error"]) and "Import it again" in str(outcome["error"])
    assert db.execute("SELECT count(*) FROM lot WHERE batch_no LIKE 'B%'").fetchone()[0] == 0

    items = [[f"N{i}", "新物资", "", "只", "防护用品", "否", "常温"] for i in range(ROWS)]
    resume, thread, outcome = paused_import(
        db_path, "items", xlsx(tmp_path / "i.xlsx", ITEMS, items)
    )
    catalog.save_item(db, KEEPER, {"code": "N7", "name": "抢先", "unit": "个"})  # a code it adds
    resume.set()
    thread.join(60)
    assert "error" in outcome
    assert db.execute("SELECT count(*) FROM item WHERE code LIKE 'N%'").fetchone()[0] == 1


# ---------------------------------------------------------------- fuzz


def _escape(text: str) -> str:
    """How an .xlsx file holds a control character: _x0000_ (what Excel writes)."""
    return "".join(f"_x{ord(c):04X}_" if ord(c) < 32 and c not in "\t\n\r" else c for c in text)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["CK1", "KZ", "HXJ", "采购", "男", "流行病学", "13800001234", "1,000"]),
    st.sampled_from(["=1+1", '=HYPERLINK("http://x","y")', "+A1", "-A1", "@SUM(1)", "\x00"]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
)


KEEP = object()  # the valid row's own value
MUTATED = st.one_of(st.just(KEEP), st.just(KEEP), st.just(KEEP), CELL)  # most cells kept
VALID = {
    "stock": ["CK1", "HXJ", "F1", None, None, 5, None, None],
    "experts": ["张三", "男", "衡阳市疾病预防控制中心", "", "流行病学", "430400", "13800001234",
                "", "", None],
}  # fmt: skip


def fingerprint(db) -> tuple:
    return db.execute(
        "SELECT (SELECT count(*) FROM oplog), (SELECT count(*) FROM stock_move), "
        "(SELECT count(*) FROM expert_qualification)"
    ).fetchone()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["stock", "experts"]),
    mutations=st.lists(st.lists(MUTATED, min_size=10, max_size=10), min_size=1, max_size=6),
    as_csv=st.booleans(),
)
def test_fuzz_any_cells_give_a_report_and_a_refusal_changes_nothing(
    db, tmp_path, kind, mutations, as_csv
):
    header = STOCK if kind == "stock" else EXPERTS
    rows = [
        [v if m is KEEP else m for v, m in zip(VALID[kind], row, strict=False)] for row in mutations
    ]
    if as_csv:
        import csv

        path = tmp_path / "fuzz.csv"
        with open(path, "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(
                [header, *[["" if v is None else v for v in r] for r in rows]]
            )
    else:
        path = xlsx(
            tmp_path / "fuzz.xlsx",
            header,
            [[_escape(v) if isinstance(v, str) else v for v in r] for r in rows],
        )
    before = fingerprint(db)
    checked = importer.validate(db, kind, path)
    report = importer.run(db, KEEPER, kind, path, again=True)  # one database, many examples
    assert isinstance(report, importer.Report)
    event("imported" if report.imported else "refused")
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (e.row, e.column, e.reason) for e in checked.errors
    ]
    for error in report.errors:
        assert error.row >= 2 and error.column in header and error.reason
    if report.imported == 0:
        assert fingerprint(db) == before
    else:
        assert report.ok and report.imported == report.total - report.skipped
