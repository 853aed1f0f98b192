"""The printed allocation order as a form (issue 16, point 7): the 合计 row, 制单人, the 盖章
area beside the signatures, an 出库联 and a 发货人 per issuing depot, the issuing contact
filled from the depot (the same in the detail view), a QR code read from a 100-dpi scan,
and no font left unembedded."""

import re
import subprocess

import pytest

from desktop.core import orders
from desktop.core.context import Ctx
from desktop.core.orders import seal as order_seal
from desktop.documents import allocation_order, responsibility_matrix
from tests.helpers.pdf import text, tool

MAKER = Ctx("os:王晓明")
SOURCE, DESTINATION = "HY-CK01", "HY-YY01"


def small_order(db, **kwargs) -> str:
    lines = [("PPE-0001", 60), ("PPE-0003", 500), ("PPE-0004", 20)]
    return orders.create(db, MAKER, SOURCE, DESTINATION, lines, **kwargs)["number"]


def copy_label(page: str) -> str:
    """The copy a page belongs to, as its boxed label at the top right says (第二联　出库联)."""
    found = re.search(r"第[一二三]联\s+(\S+)", page)
    return found.group(1) if found else ""


def several_depots_order(db) -> str:
    """An order whose lots leave from more than one depot: items asked for in quantities
    no single depot holds."""
    rows = db.execute(
        "SELECT i.code, d.code, sum(b.qty) FROM stock_balance b JOIN item i ON i.id = b.item_id "
        "JOIN depot d ON d.id = b.depot_id WHERE b.qty > 0 AND d.code != ? "
        "GROUP BY i.code, d.code",
        [DESTINATION],
    ).fetchall()
    held: dict[str, list[int]] = {}
    for item, _, qty in rows:
        held.setdefault(item, []).append(qty)
    lines = [(item, max(q) + 1) for item, q in sorted(held.items()) if len(q) > 1][:3]
    assert lines, "the demo data holds no item in more than one depot"
    number = orders.create(db, MAKER, None, DESTINATION, lines)["number"]
    assert len(orders.detail(db, number)["issuing"]) > 1
    return number


def test_the_lines_close_with_a_total_row(demo_db, tmp_path):
    number = small_order(demo_db)
    order = orders.detail(demo_db, number)
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    [total] = [row for row in text(result.path).splitlines() if "合计" in row]
    lots = len(order["picks"])
    assert f"共 {len(order['lines'])} 项物资、{lots} 个批次" in total
    assert total.split()[-1] == f"{sum(p['qty'] for p in order['picks']):,}"


def test_the_maker_is_printed_and_is_in_the_record(demo_db, tmp_path):
    number = small_order(demo_db)
    assert orders.detail(demo_db, number)["created_by"] == "王晓明"
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    [row] = [row for row in text(result.path).splitlines() if "制单人" in row]
    assert "王晓明" in row


def test_a_total_of_items_in_different_units_is_said_per_unit(demo_db, tmp_path):
    """只 and 瓶 are not added up: the 合计 row says each unit's sum instead."""
    units = dict(demo_db.execute("SELECT code, unit FROM item WHERE code IN (?, ?)",
                                 ["PPE-0001", "DISINF-0001"]).fetchall())  # fmt: skip
    assert units["PPE-0001"] != units["DISINF-0001"]
    number = orders.create(
        demo_db, MAKER, SOURCE, DESTINATION, [("PPE-0001", 60), ("DISINF-0001", 7)]
    )["number"]
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    total = " ".join(row for row in text(result.path).splitlines() if "合计" in row or "瓶" in row)
    assert f"60 {units['PPE-0001']}" in total and f"7 {units['DISINF-0001']}" in total
    assert "67" not in total


def test_the_maker_logged_in_is_printed_by_the_accounts_full_name(demo_db, tmp_path):
    from desktop.core.access import accounts

    clerk = accounts.add(demo_db, Ctx("os:admin"), "wangxm", "coordinator", "Clerk-pass-42",
                         full_name="王晓明")  # fmt: skip
    number = orders.create(demo_db, clerk.ctx(), SOURCE, DESTINATION, [("PPE-0001", 6)])["number"]
    assert orders.detail(demo_db, number)["created_by"] == "王晓明"  # not user:wangxm


def test_the_stamp_area_stands_beside_the_signatures(demo_db, tmp_path):
    result = allocation_order.render(demo_db, small_order(demo_db), tmp_path / "order.pdf")
    rows = text(result.path).splitlines()
    [signatures] = [row for row in rows if "批准人（签字）" in row]
    assert "发货人（签字）" in signatures and "接收人（签字）" in signatures
    assert "单位（盖章）" in signatures  # on the same line: beside them


def test_an_order_from_several_depots_has_an_issue_copy_and_a_shipper_per_depot(demo_db, tmp_path):
    number = several_depots_order(demo_db)
    order = orders.detail(demo_db, number)
    depots = order["issuing"]
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf", copies=3)
    pages = [text(result.path, n) for n in range(1, result.pages + 1)]

    def copy(label: str) -> str:
        return "".join(page for page in pages if copy_label(page) == label)

    whole = copy("存根")
    assert whole and copy("接收联")
    assert whole.count("发货人（签字）") == len(depots)
    for depot in depots:
        assert depot["code"] in whole and depot["contact"] in whole and depot["phone"] in whole
        issued = copy(f"出库联（{depot['code']}）")
        assert issued, depot["code"]
        assert issued.count("发货人（签字）") == 1  # this depot's shipper only
        mine = [p for p in order["picks"] if p["depot_id"] == depot["id"]]
        others = {p["lot"] for p in order["picks"]} - {p["lot"] for p in mine}
        assert all(p["lot"] in issued for p in mine)
        assert not any(lot in issued for lot in others)
        [total] = [row for row in issued.splitlines() if "合计" in row]
        by_unit: dict[str, int] = {}
        for pick in mine:
            by_unit[pick["unit"]] = by_unit.get(pick["unit"], 0) + pick["qty"]
        if len(by_unit) == 1:
            assert total.split()[-1] == f"{sum(by_unit.values()):,}"
        else:  # said per unit (the text may wrap onto the next line)
            said = issued[issued.index("合计") :].replace("\n", " ")
            assert all(f"{qty:,} {unit}" in said for unit, qty in by_unit.items())
        assert f"{depot['name']}（{depot['code']}）的出库联" in issued.replace("\n", "")
    # one copy: the whole order, still a shipper per depot
    one = allocation_order.render(demo_db, number, tmp_path / "one.pdf")
    assert text(one.path).count("发货人（签字）") == len(depots)
    assert "出库联" not in text(one.path)


def test_the_issuing_contact_is_the_depots_own_in_the_pdf_and_the_detail_view(
    qtbot, demo_db, tmp_path
):
    from desktop.ui.orders.detail import OrderDetail

    depot = next(demo_db.query("SELECT * FROM depot WHERE code = ?", [SOURCE]))
    assert depot["contact"] and depot["phone"]
    plain = small_order(demo_db)  # no contact typed: the depot's
    typed = small_order(demo_db, from_contact="赵值班", from_phone="0734-1234567")
    view = OrderDetail()
    qtbot.addWidget(view)
    for number, contact, phone in (
        (plain, depot["contact"], depot["phone"]),
        (typed, "赵值班", "0734-1234567"),
    ):
        order = orders.detail(demo_db, number)
        assert (order["from_contact"], order["from_phone"]) == (contact, phone)
        view.show_order(order)
        assert view.values["from_contact"].text() == contact
        assert view.values["from_phone"].text() == phone
        assert view.values["created_by"].text() == "王晓明"
        page = text(allocation_order.render(demo_db, number, tmp_path / f"{number}.pdf").path)
        [row] = [r for r in page.splitlines() if "联 系 人" in r or "联系人" in r]
        assert row.split()[1] == contact  # the issuing side comes first
        assert phone in page
    several = orders.detail(demo_db, several_depots_order(demo_db))
    view.show_order(several)
    for depot in several["issuing"]:
        assert depot["code"] in view.values["from"].text()
        assert f"{depot['contact']}（{depot['code']}）" in view.values["from_contact"].text()


def decoded(png) -> str:
    return subprocess.run(
        [tool("zbarimg"), "--raw", "-q", str(png)], capture_output=True, text=True
    ).stdout.strip()


def test_the_qr_code_reads_from_a_100_dpi_scan(demo_db, tmp_path):
    from PIL import Image

    number = small_order(demo_db)
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf")
    payload = order_seal.payload(demo_db, orders.detail(demo_db, number))

    def page_at(dpi: int):
        subprocess.run(
            [tool("pdftoppm"), "-r", str(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile",
             str(result.path), str(tmp_path / f"r{dpi}")],
            check=True,
        )  # fmt: skip
        return Image.open(tmp_path / f"r{dpi}.pgm")

    def reads(image) -> bool:
        image.save(tmp_path / "scan.png")
        return decoded(tmp_path / "scan.png") == payload

    assert reads(page_at(100))  # the whole page as a 100-dpi scanner gives it
    # a scan: detail averaged into 100-dpi pixels and blurred; the page as it lies on the
    # glass, and the QR code's corner of it (as a reader aims at it) a little askew
    fine = page_at(300)
    assert reads(to_100_dpi(fine, 0, 0.6))
    corner = fine.crop((fine.width // 2, 0, fine.width, fine.height // 3))
    for angle in (1.5, 3, -2):
        assert reads(to_100_dpi(corner, angle, 0.8)), angle
    assert order_seal.verify(demo_db, payload).valid


def to_100_dpi(image, angle: float, blur: float):
    """A 300-dpi rendering as a 100-dpi scanner would see it."""
    from PIL import Image, ImageFilter

    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.resize((image.width // 3, image.height // 3), Image.Resampling.BOX)
    return image.filter(ImageFilter.GaussianBlur(blur))


def fonts_of(pdf) -> list[tuple[str, str]]:
    """(name, emb) of every font pdffonts lists."""
    listing = subprocess.run(
        [tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    out = []
    for line in listing:
        match = re.match(r"(\S+)\s.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, line
        out.append((match.group(1), match.group(2)))
    return out


@pytest.mark.parametrize("copies", [1, 3])
def test_every_font_of_the_order_is_embedded(demo_db, tmp_path, copies):
    number = several_depots_order(demo_db)
    result = allocation_order.render(demo_db, number, tmp_path / "order.pdf", copies=copies)
    used = fonts_of(result.path)
    assert used and all(emb == "yes" for _, emb in used), used
    assert not any("Helvetica" in name for name, _ in used)


def test_every_font_of_the_responsibility_matrix_is_embedded(demo_db, tmp_path):
    result = responsibility_matrix.render(demo_db, tmp_path / "matrix.pdf")
    used = fonts_of(result.path)
    assert used and all(emb == "yes" for _, emb in used), used
