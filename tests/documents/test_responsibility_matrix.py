"""The responsibility matrix PDF: title, agencies, 牵头/配合, playbook titles, page numbers,
the embedded CJK font, and the refusal when no playbook is approved."""

import subprocess

import pytest

from desktop.core import playbooks
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.documents import fonts, responsibility_matrix
from tests.helpers.pdf import text, tool

CTX = Ctx("os:test")
TITLES = (
    "生物恐怖袭击与生物武器攻击处置预案",
    "重大新发突发传染病疫情处置预案",
    "非洲猪瘟、禽流感等重大动物疫情处置预案",
    "草地贪夜蛾等重大植物病虫害处置预案",
    "病原微生物实验室生物安全事件处置预案",
)


def flat(pdf) -> str:
    return "".join(text(pdf).split())


def test_the_matrix_shows_title_agencies_marks_and_playbooks(fresh_db, tmp_path):
    result = responsibility_matrix.render(fresh_db, tmp_path / "matrix.pdf")
    assert result.path.exists() and result.pages >= 1
    words = flat(result.path)
    assert responsibility_matrix.TITLE in words
    for agency in (
        "市卫生健康委",
        "市生态环境局",
        "市应急管理局",
        "市公安局",
        "市民政局",
        "市农业农村局",
        "市林业局",
        "市委外事办",
    ):
        assert agency in words
    assert "牵头" in words and "配合" in words
    for title in TITLES:
        assert title in words
    for phase in ("救治与安置", "环境消毒", "长期监测"):
        assert phase in words
    assert f"第1页共{result.pages}页" in words


def test_the_header_repeats_on_continuation_pages(fresh_db, tmp_path):
    result = responsibility_matrix.render(fresh_db, tmp_path / "matrix.pdf")
    if result.pages < 2:
        pytest.skip("the matrix fits one page")
    continued = "".join(text(result.path, 2).split())  # the last page: the sources (说明)
    assert f"{responsibility_matrix.TITLE}（续）" in continued
    assert "成员单位" in continued


def test_the_cjk_font_is_embedded(fresh_db, tmp_path):
    font = fonts.cjk_font()
    if font.path is None:
        pytest.skip("no Chinese TrueType font on this machine")
    result = responsibility_matrix.render(fresh_db, tmp_path / "matrix.pdf")
    listing = subprocess.run(
        [tool("pdffonts"), str(result.path)], capture_output=True, text=True, check=True
    ).stdout
    cjk = [line for line in listing.splitlines()[2:] if "+" in line.split()[0]]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk)
    assert result.warning == ""


def test_a_retired_playbook_leaves_the_matrix(fresh_db, tmp_path):
    playbooks.retire(fresh_db, CTX, "PB-FAW", 3)
    words = flat(responsibility_matrix.render(fresh_db, tmp_path / "m.pdf").path)
    assert "草地贪夜蛾等重大植物病虫害处置预案" not in words


def test_no_approved_playbook_is_refused_and_leaves_no_file(fresh_db, tmp_path):
    for row in playbooks.listing(fresh_db):
        if row["status"] != "retired":
            playbooks.retire(fresh_db, CTX, row["code"], row["version"])
    with pytest.raises(BioError):
        responsibility_matrix.render(fresh_db, tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


def test_printed_in_a_drill_every_page_says_drill(fresh_db, tmp_path):
    with fresh_db.conn:  # as in a drill's sandbox (drills/sandbox.py)
        fresh_db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('drill', 'd-1')")
    result = responsibility_matrix.render(fresh_db, tmp_path / "matrix.pdf")
    for page in range(1, result.pages + 1):
        assert "演练" in text(result.path, page)
