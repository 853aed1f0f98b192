"""Chinese in PDFs: a system TrueType CJK font, embedded as a subset."""

import shutil
import subprocess

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.documents import fonts


def test_a_cjk_truetype_font_is_found_and_embedded(tmp_path):
    font = fonts.cjk_font()
    if font.path is None:
        pytest.fail(font.warning)  # CI installs fonts-wqy-microhei; a missing font is a set-up bug
    pdf = tmp_path / "hello.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.setFont(font.name, 14)
    page.drawString(72, 760, "衡阳市生物安全应急物资调拨单 N95 医用防护口罩")
    page.save()
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "衡阳市生物安全应急物资调拨单" in text and "医用防护口罩" in text
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    [line] = [line for line in listing.splitlines() if "TrueType" in line]
    assert "+" in line.split()[0] and " yes yes " in line  # embedded as a subset (AAAAAA+…)


def test_font_search_prefers_the_listed_order(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wqy-microhei.ttc").write_bytes(b"")
    (tmp_path / "simhei.ttf").write_bytes(b"")
    path, index = fonts.find_font_file([tmp_path])
    assert path.name == "simhei.ttf" and index == 0


def test_no_font_found_means_none(tmp_path):
    assert fonts.find_font_file([tmp_path]) is None


def test_the_font_an_installed_build_ships_is_looked_for_first(tmp_path, monkeypatch):
    """An installed build carries WenQuanYi Micro Hei in resources/fonts (packaging/): a
    workstation without any Chinese font still prints Chinese orders with it."""
    shipped = tmp_path / "resources" / "fonts"
    shipped.mkdir(parents=True)
    (shipped / "wqy-microhei.ttc").write_bytes(b"")
    monkeypatch.setattr(
        fonts.paths, "resource", lambda *parts: tmp_path.joinpath("resources", *parts)
    )
    assert fonts.font_dirs()[0] == shipped
    path, _ = fonts.find_font_file(fonts.font_dirs()[:1])
    assert path == shipped / "wqy-microhei.ttc"
