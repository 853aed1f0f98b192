"""`expert import` and `items import` with values their vocabularies lack: refused with the
value and the nearest known ones (exit 1, nothing changed), added with --add-missing (listed
in the output and in --json), a near-duplicate only with --add-similar."""

import json

import openpyxl
import pytest

from desktop.core.store import db as dbmod
from tests.helpers.cli import cli_station, content, invoke

EXPERTS = ["姓名", "性别", "工作单位", "专业领域", "手机"]
ITEMS = ["物资编码", "物资名称", "计量单位", "物资类别"]


@pytest.fixture
def station(tmp_path, capsys):
    path = tmp_path / "station.db"
    cli_station(path).close()

    def run(*args):
        return invoke(capsys, "--db", str(path), *args)

    run.path = path
    return run


def xlsx(path, header, rows):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


def database(station):
    db = dbmod.open_db(station.path)
    try:
        return content(db)
    finally:
        db.close()


def test_a_roster_with_an_unknown_specialty_is_refused_naming_it(station, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", EXPERTS, [
        ["甲", "女", "某医院", "感染病临床、生物信息学", "13800000001"],
    ])  # fmt: skip
    before = database(station)
    code, out, err = station("--json", "expert", "import", path)
    assert code == 1 and database(station) == before
    data = json.loads(out)
    assert data["imported"] == 0 and "added" not in data
    [unknown] = data["unknown"]
    assert (unknown["vocabulary"], unknown["value"], unknown["rows"]) == (
        "specialty", "生物信息学", [2],
    )  # fmt: skip
    assert "生物信息学" in data["errors"][0]["reason"]
    assert "生物信息学" in err and "--add-missing" in err


def test_add_missing_adds_the_values_and_imports_listing_them(station, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", EXPERTS, [
        ["甲", "女", "某医院", "感染病临床、生物信息学", "13800000001"],
        ["乙", "男", "某医院", "传染病学", "13800000002"],
    ])  # fmt: skip
    code, out, err = station("--json", "expert", "import", path, "--add-missing")
    assert code == 0, err
    data = json.loads(out)
    assert data["imported"] == 2 and data["errors"] == [] and "unknown" not in data
    assert data["added"] == [{"vocabulary": "specialty", "value": "生物信息学"}]
    _, out, _ = station("--json", "expert", "list", "--specialty", "生物信息学")
    assert [r["name"] for r in json.loads(out)] == ["甲"]
    _, out, _ = station("--json", "expert", "list", "--specialty", "临床感染病")
    assert sorted(r["name"] for r in json.loads(out)) == ["乙", "甲"]


def test_items_add_missing_says_what_it_added(station, tmp_path):
    path = xlsx(tmp_path / "i.xlsx", ITEMS, [
        ["A1", "护目镜", "付", "个人防护用品"],
        ["A2", "手套", "打", "防护用品"],
    ])  # fmt: skip
    code, out, err = station("items", "import", path)
    assert code == 1 and "打" in err and "--add-missing" in err
    code, out, err = station("items", "import", path, "--add-missing")
    assert code == 0, err
    assert "打" in out.splitlines()[-1] and "计量单位" in out.splitlines()[-1]


def test_a_near_duplicate_needs_add_similar(station, tmp_path):
    row = ["甲", "女", "某医院", "临床感染病学", "13800000001"]
    path = xlsx(tmp_path / "r.xlsx", EXPERTS, [row])
    before = database(station)
    code, out, err = station("--json", "expert", "import", path, "--add-missing")
    assert code == 1 and database(station) == before
    data = json.loads(out)
    assert data["added"] == [] and data["unknown"][0]["similar"] == "临床感染病"
    assert "--add-similar 临床感染病学" in err
    code, out, err = station("--json", "expert", "import", path, "--add-similar", "临床感染病学")
    assert code == 0, err
    assert json.loads(out)["added"] == [{"vocabulary": "specialty", "value": "临床感染病学"}]


def test_a_value_that_cannot_be_added_is_refused_with_add_missing(station, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", EXPERTS, [["甲", "女", "某医院", "专业<b>", "13800000001"]])
    before = database(station)
    code, out, _ = station("--json", "expert", "import", path, "--add-missing")
    assert code == 1 and database(station) == before
    [unknown] = json.loads(out)["unknown"]
    assert unknown["refusal"] and json.loads(out)["added"] == []
