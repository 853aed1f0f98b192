"""The printed allocation order: text, page numbering per copy, repeated header row, the
embedded font subset, the QR code (decoded from the rendered page and verified), drill
watermark, batch printing with progress, and refusals."""

import re
import subprocess
from itertools import groupby

import pytest

from desktop.core import incidents, orders
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.orders import seal as order_seal
from desktop.core.reserves import ledger
from desktop.documents import allocation_order, fonts
from tests.helpers.pdf import text, tool

CTX = Ctx("os:test")
SIGNERS = ("批准人", "发货人", "运输人", "接收人")


def stocked_items(db, count: int) -> list[str]:
    codes = []
    for row in ledger.balances(db, depot="HY-CK01"):
        if row["qty"] >= 10 and row["item"] not in codes:
            codes.append(row["item"])
    assert len(codes) >= count, "the demo catalogue has fewer stocked items than needed"
    return codes[:count]


def small_order(db, **kwargs) -> str:
    lines = [("PPE-0001", 60), ("PPE-0003", 500), ("PPE-0004", 20)]
    return orders.create(db, CTX, "HY-CK01", "HY-YY01", lines, **kwargs)["number"]


def dispatched_long_order(db) -> str:
    lines = [(code, 1) for code in stocked_items(db, 40)]
    number = orders.create(db, CTX, "HY-CK01", "HY-YY01", lines)["number"]
    orders.submit(db, CTX, number)
    orders.approve(db, CTX, number, approver="张卫国")
    orders.dispatch(
        db, CTX, number, vehicle="湘D·A1234", driver="李建军", driver_phone="13800001111"
    )
    return number


def test_a_small_order_prints_its_parties_lines_and_signature_blocks(demo_db, tmp_path):
    fields = {"title": "疑似聚集性疫情", "hazard": "infectious_disease", "grade": "IV",
              "division": "430407"}  # fmt: skip
    served = incidents.create(demo_db, CTX, fields)
    number = small_order(demo_db, priority="紧急", incident=served["number"])
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    assert result.path == tmp_path / "order.pdf" and result.path.exists()
    assert result.pages == 1 and result.warning == "" == result.font_warning
    page = text(result.path)
    assert "衡阳市生物安全应急物资调拨单" in page and number in page
    assert "草稿 — 未批准" in page  # not approved: marked as such
    assert "衡阳市生物安全应急物资储备库" in page and "衡阳市第三人民医院应急物资库" in page
    assert served["number"] in page and "疑似聚集性疫情" in page and "扫码核验" in page
    for heading in ("序号", "物资编码", "品名", "规格", "单位", "批号", "有效期", "数量", "备注"):
        assert heading in page
    rows = page.splitlines()
    for pick in orders.detail(demo_db, number)["picks"]:
        assert pick["item_name"] in page
        assert any(pick["lot"] in row and f" {pick['qty']}" in row for row in rows), pick
    for who in SIGNERS:
        assert f"{who}（签字）" in page
    assert page.count("（签字）") == 4 and "单位（盖章）" in page
    assert "第 1 页 共 1 页" in page
    assert "演练" not in page and "存根" not in page


def test_a_long_order_repeats_the_header_row_and_numbers_its_pages(demo_db, tmp_path):
    number = dispatched_long_order(demo_db)
    result = allocation_order.render(demo_db, number, tmp_path / "long.pdf")
    assert result.pages >= 2
    first, second = text(result.path, 1), text(result.path, 2)
    assert f"第 1 页 共 {result.pages} 页" in first
    assert f"第 2 页 共 {result.pages} 页" in second
    assert "物资编码" in second and "批号" in second  # the header row again
    assert number in second  # the continuation heading names the order
    everything = text(result.path)
    detail = orders.detail(demo_db, number)
    assert len(detail["lines"]) == 40
    for line in detail["lines"]:
        assert line["item"] in everything
    assert "草稿" not in everything and "张卫国" in everything and "湘D·A1234" in everything


def test_three_copies_are_labelled_and_numbered_within_each_copy(demo_db, tmp_path):
    number = dispatched_long_order(demo_db)
    single = allocation_order.render(demo_db, number, tmp_path / "one.pdf").pages
    result = allocation_order.render(demo_db, number, tmp_path / "three.pdf", copies=3)
    # an 出库联 per issuing depot (this order's lots leave from more than one: test_order_form)
    depots = [d["code"] for d in orders.detail(demo_db, number)["issuing"]]
    issue = [f"出库联（{code}）" for code in depots] if len(depots) > 1 else ["出库联"]
    labels = [  # each page's boxed label at the top right
        re.search(r"第[一二三]联\s+(\S+)", text(result.path, n)).group(1)
        for n in range(1, result.pages + 1)
    ]
    assert [label for label, _ in groupby(labels)] == ["存根", *issue, "接收联"]
    assert labels.count("存根") == labels.count("接收联") == single
    page = 0
    for label, run in groupby(labels):
        total = len(list(run))
        for n in range(1, total + 1):
            page += 1
            assert f"第 {n} 页 共 {total} 页" in text(result.path, page), label
    assert "一式三联" in text(result.path)


def test_the_chinese_font_is_embedded_as_a_subset(demo_db, tmp_path):
    font = fonts.cjk_font()
    if font.path is None:
        pytest.fail(font.warning)  # CI installs fonts-wqy-microhei: a missing font is a bug
    result = allocation_order.render(demo_db, small_order(demo_db), tmp_path / "order.pdf")
    listing = subprocess.run(
        [tool("pdffonts"), str(result.path)], capture_output=True, text=True, check=True
    ).stdout
    truetype = [line for line in listing.splitlines() if "TrueType" in line]
    assert truetype
    for line in truetype:
        assert "+" in line.split()[0] and " yes yes " in line  # AAAAAA+… emb yes, sub yes


def test_the_qr_code_decodes_to_the_signed_payload_and_verifies(demo_db, tmp_path):
    number = dispatched_long_order(demo_db)
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    subprocess.run(
        [tool("pdftoppm"), "-r", "150", "-png", "-f", "1", "-l", "1", str(result.path),
         str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    [png] = list(tmp_path.glob("page*.png"))
    decoded = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", str(png)], capture_output=True, text=True
    ).stdout.strip()
    assert decoded == order_seal.payload(demo_db, orders.detail(demo_db, number))
    verdict = order_seal.verify(demo_db, decoded)
    assert verdict.valid and verdict.matches_record and verdict.number == number
    parts = decoded.split("|")
    digest = parts[2]
    parts[2] = digest[:5] + ("A" if digest[5] != "A" else "B") + digest[6:]
    assert not order_seal.verify(demo_db, "|".join(parts)).valid


def test_a_drill_order_is_marked_on_every_page(demo_db, tmp_path):
    # as in a drill's sandbox (meta drill: drills/sandbox.py), where every order is a drill's
    with demo_db.conn:
        demo_db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('drill', 'd-1')")
    number = small_order(demo_db)
    assert number.startswith("YL-TB-")
    result = allocation_order.render(demo_db, number, tmp_path / "drill.pdf", copies=3)
    for page in range(1, result.pages + 1):
        assert "演练" in text(result.path, page)
    assert "衡阳市生物安全应急物资调拨单（演练）" in text(result.path, 1)


def test_the_live_database_refuses_an_order_for_a_drill(demo_db):
    with pytest.raises(BioError, match="演练"):
        small_order(demo_db, drill=True)


def test_an_oral_order_received_short_shows_the_note_and_what_arrived(demo_db, tmp_path):
    number = orders.create(
        demo_db, CTX, "HY-CK01", "HY-YY02", [("PPE-0001", 30)], oral=True, approver="刘副局长"
    )["number"]
    orders.dispatch(demo_db, CTX, number)
    [pick] = orders.detail(demo_db, number)["picks"]
    orders.receive(demo_db, CTX, number, {pick["id"]: 28}, reason="途中破损")
    page = text(allocation_order.render(demo_db, number, tmp_path / "oral.pdf").path)
    assert "口头/" in page and "电话指令" in page and "刘副局长" in page
    assert "书面手续须于" in page
    assert "实收" in page and "28" in page and "途中破损" in page


def test_a_batch_prints_every_order_each_numbered_within_itself(demo_db, tmp_path):
    numbers = [small_order(demo_db) for _ in range(3)]
    calls = []
    folder = tmp_path / "out"
    folder.mkdir()
    result = allocation_order.render_many(
        demo_db, numbers, folder, progress=lambda done, total: calls.append((done, total))
    )
    assert result.path.parent == folder and result.path.suffix == ".pdf"
    assert [p.name for p in folder.iterdir()] == [result.path.name]
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert result.pages == 3
    for page, number in enumerate(numbers, 1):
        content = text(result.path, page)
        assert number in content and "第 1 页 共 1 页" in content


def test_a_failing_progress_callback_stops_the_batch_and_leaves_no_file(demo_db, tmp_path):
    numbers = [small_order(demo_db) for _ in range(3)]

    def progress(done, total):
        if done == 2:
            raise KeyboardInterrupt  # what a cancel button may raise

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(KeyboardInterrupt):
        allocation_order.render_many(demo_db, numbers, folder / "batch.pdf", progress=progress)
    assert list(folder.iterdir()) == []


def test_refusals(demo_db, tmp_path):
    number = small_order(demo_db)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(BioError):
        allocation_order.render(demo_db, number, tmp_path / "missing" / "order.pdf")
    with pytest.raises(BioError):
        allocation_order.render(demo_db, number, tmp_path / "order.pdf", copies=2)
    with pytest.raises(BioError):
        allocation_order.render_many(demo_db, [], tmp_path)
    with pytest.raises(BioError):
        allocation_order.render(demo_db, "TB-NONE-20260101-001", tmp_path / "order.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_order_printed_from_a_demo_database_says_so(demo_db, tmp_path):
    """演示数据 across every page, so that a demonstration order never passes for a real one."""
    import subprocess

    from desktop.core import orders as orders_mod
    from desktop.core.context import Ctx
    from desktop.documents import allocation_order

    number = orders_mod.create(demo_db, Ctx("os:test"), "HY-CK01", "HY-YY01", [("PPE-0001", 10)])[
        "number"
    ]
    path = allocation_order.render(demo_db, number, tmp_path / "demo.pdf").path
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "演示数据" in text


def _words(pdf, page: int) -> tuple[float, list[tuple[str, float, float, float, float]]]:
    """The page's width and its words with their boxes (the watermark's large letters left
    out: they lie across the form on purpose)."""
    out = subprocess.run(
        [tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    width = float(re.search(r'<page width="([\d.]+)"', out)[1])
    words = [
        (w, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out
        )
    ]
    return width, [w for w in words if w[4] - w[2] < 40]


def test_long_parties_transport_and_large_quantities_stay_in_their_cells(demo_db, tmp_path):
    """A contact of three people, a vehicle and driver with their units, and a total of six
    digits: nothing runs off the page, no text prints over other text, and every number
    stays whole on one line."""
    lines = [("PPE-0001", 120_000), ("PPE-0003", 1)]
    number = orders.create(
        demo_db, CTX, "HY-CK01", "衡阳市第一人民医院发热门诊", lines,
        to_contact="张三（市第一人民医院应急办主任）、李四（副主任）、王五（值班护士长）",
    )["number"]  # fmt: skip
    orders.submit(demo_db, CTX, number)
    orders.approve(demo_db, CTX, number, approver="甲")
    vehicle = "湘D·12345（冷链车，衡阳市疾控中心）湘D·67890（备用）"
    driver = "赵六（市疾控中心后勤保障科司机）"
    orders.dispatch(demo_db, CTX, number, vehicle, driver, "13900001234")
    result = allocation_order.render(demo_db, number, tmp_path / "long.pdf")
    for page in range(1, result.pages + 1):
        width, words = _words(result.path, page)
        assert all(x1 <= width - 20 for _, _, _, x1, _ in words), "text past the margin"
        for i, (a, ax0, ay0, ax1, ay1) in enumerate(words):
            for b, bx0, by0, bx1, by1 in words[i + 1 :]:
                overlap = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
                assert min(overlap) <= 1, f"{a!r} prints over {b!r} on page {page}"
    whole = text(result.path)
    assert "120,001" in whole  # the total, whole on its line
