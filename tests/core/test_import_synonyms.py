"""Controlled vocabularies meet real spreadsheets: the shipped synonyms map (specialties,
categories, units), an unknown value is refused naming it and the nearest known values with
nothing changed, and a value the person chooses to add is checked, added as a synced row in
the import's own transaction and used by the rows."""

import json

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.imports import vocabulary
from desktop.core.paths import resource
from desktop.core.reserves import catalog
from desktop.core.roster import experts
from desktop.core.store import check, reference
from desktop.core.store.ids import reference_id
from tests.helpers.stations import content, new_station, sync

KEEPER = Ctx("os:keeper")
EXPERTS = ["姓名", "性别", "工作单位", "专业领域", "手机"]
ITEMS = ["物资编码", "物资名称", "计量单位", "物资类别"]
SYNONYMS = json.loads(resource("reference", "synonyms.json").read_text(encoding="utf-8"))


def xlsx(path, header, rows):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def expert(name, specialties, mobile):
    return [name, "女", "衡阳市中心医院", specialties, mobile]


def specialties_of(db, name):
    [(codes,)] = db.execute("SELECT specialties FROM expert WHERE name = ?", [name]).fetchall()
    return json.loads(codes)


def items(db):
    return {
        code: (unit, category)
        for code, unit, category in db.execute(
            "SELECT code, unit, category FROM item ORDER BY code"
        )
    }


def reasons(report):
    return {(e.row, e.column): e.reason for e in report.errors}


# ---------------------------------------------------------------- the shipped list


def shipped_values(name):
    rows = reference.rows(vocabulary.SHIPPED[name])
    if name == "category":
        rows = tuple(r for r in rows if r.get("scheme") == "practical")
    return rows


@pytest.mark.parametrize("name", vocabulary.NAMES)
def test_every_synonym_means_a_shipped_value_and_says_what_it_is(name):
    values = {r["name"] for r in shipped_values(name)}
    known = {vocabulary.key(r["name"]) for r in shipped_values(name)}
    known |= {vocabulary.key(r["code"]) for r in shipped_values(name) if "code" in r}
    seen = set()
    for entry in SYNONYMS[name]:
        assert entry["means"] in values, entry
        assert entry["note"].strip(), entry
        written = vocabulary.key(entry["written"])
        assert written not in known, f"{entry['written']} is a value, not a synonym"
        assert written not in seen, f"{entry['written']} twice"
        seen.add(written)


def test_the_pairs_that_are_not_synonyms_stay_unmapped(fresh_db):
    for entry in SYNONYMS["not_synonyms"]:
        vocab = vocabulary.Vocabulary(fresh_db, entry["vocabulary"], None)
        code = vocab.lookup(entry["written"])
        assert code is None or vocab.names[code] == entry["written"], entry


# ---------------------------------------------------------------- synonyms map


def test_a_roster_writing_other_names_of_specialties_imports_them_as_the_known_ones(
    fresh_db, tmp_path
):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [
        expert("甲", "感染病临床", "13800000001"),
        expert("乙", "传染病学、流病", "13800000002"),
        expert("丙", " 感染科 ；植保", "13800000003"),
        expert("丁", "ＣＬＩＮＩＣＡＬ_ＩＮＦＥＣＴＩＯＵＳ", "13800000004"),  # a code, full width
    ])  # fmt: skip
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert report.ok and report.imported == 4 and report.unknown == [] and report.added == []
    assert specialties_of(fresh_db, "甲") == ["clinical_infectious"]
    assert specialties_of(fresh_db, "乙") == ["clinical_infectious", "epidemiology"]
    assert specialties_of(fresh_db, "丙") == ["clinical_infectious", "plant_protection"]
    assert specialties_of(fresh_db, "丁") == ["clinical_infectious"]
    assert fresh_db.execute("SELECT count(*) FROM specialty").fetchone()[0] == 14


def test_categories_and_units_written_otherwise_import_as_the_known_ones(fresh_db, tmp_path):
    path = xlsx(tmp_path / "items.xlsx", ITEMS, [
        ["A1", "护目镜", "付", "个人防护用品"],
        ["A2", "含氯消毒液", "ML", "消毒物资"],
        ["A3", "消毒液", "ｍｌ", "消杀药械"],
        ["A4", "核酸检测试剂盒", "测试", "体外诊断试剂"],
        ["A5", "防护服", "件", "PPE"],
        ["A6", "担架", "副", "其它"],
    ])  # fmt: skip
    report = importer.run(fresh_db, KEEPER, "items", path)
    assert report.ok and report.imported == 6, report.errors
    assert items(fresh_db) == {
        "A1": ("副", "PPE"),
        "A2": ("毫升", "DISINF"),
        "A3": ("毫升", "DISINF"),
        "A4": ("人份", "REAGENT"),
        "A5": ("件", "PPE"),
        "A6": ("副", "OTHER"),
    }


def test_units_that_are_not_synonyms_are_not_mapped(fresh_db, tmp_path):
    path = xlsx(tmp_path / "items.xlsx", ITEMS, [
        ["A1", "口罩", "只", "防护用品"], ["A2", "采样管", "个", "医疗器械"],
        ["A3", "试剂", "盒", "检测试剂"], ["A4", "试剂", "箱", "检测试剂"],
    ])  # fmt: skip
    assert importer.run(fresh_db, KEEPER, "items", path).imported == 4
    assert [u for u, _ in items(fresh_db).values()] == ["只", "个", "盒", "箱"]


# ---------------------------------------------------------------- unknown values


def test_an_unknown_value_is_refused_with_the_nearest_known_ones_and_nothing_changes(
    fresh_db, tmp_path
):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [
        expert("甲", "感染病临床", "13800000001"),
        expert("乙", "流行病学、传染病防治", "13800000002"),
        expert("丙", "传染病防治", "13800000003"),
    ])  # fmt: skip
    before = content(fresh_db)
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert report.imported == 0 and set(reasons(report)) == {(3, "专业领域"), (4, "专业领域")}
    reason = reasons(report)[(4, "专业领域")]
    assert "传染病防治" in reason and "临床感染病" in reason
    [unknown] = report.unknown
    assert (unknown.vocabulary, unknown.value, unknown.rows, unknown.count) == (
        "specialty", "传染病防治", [3, 4], 2,
    )  # fmt: skip
    assert unknown.nearest[0] == "临床感染病" and unknown.addable
    assert unknown.similar == "临床感染病"  # close to 传染病学: added only when insisted on
    assert content(fresh_db) == before
    assert importer.validate(fresh_db, "experts", path).unknown == report.unknown


@pytest.mark.parametrize(
    "row, column, value, nearest",
    [
        (["A1", "检测卡", "人次", "检测试剂"], "计量单位", "人次", "人份"),
        (["A1", "手套", "打", "防护用品"], "计量单位", "打", None),
        (["A1", "帐篷", "顶", "应急物资"], "物资类别", "应急物资", "消杀用品"),
    ],
)
def test_unknown_units_and_categories_are_refused_naming_them(
    fresh_db, tmp_path, row, column, value, nearest
):
    path = xlsx(tmp_path / "items.xlsx", ITEMS, [row])
    before = content(fresh_db)
    report = importer.run(fresh_db, KEEPER, "items", path)
    assert report.imported == 0 and list(reasons(report)) == [(2, column)]
    assert value in reasons(report)[(2, column)]
    [unknown] = report.unknown
    assert unknown.value == value
    if nearest:
        assert nearest in unknown.nearest
    else:  # nothing near: the message lists the vocabulary
        assert unknown.nearest == [] and "副" in reasons(report)[(2, column)]
    assert content(fresh_db) == before


def test_an_items_own_unit_passes_though_the_vocabulary_lacks_it(fresh_db, tmp_path):
    catalog.save_item(fresh_db, KEEPER, {"code": "TT", "name": "检测设备", "unit": "台套"})
    path = xlsx(tmp_path / "items.xlsx", ITEMS, [["TT", "检测设备（新）", "台套", "医疗设备"]])
    report = importer.run(fresh_db, KEEPER, "items", path)
    assert report.ok and report.imported == 1
    assert items(fresh_db)["TT"] == ("台套", "MED-EQP")


# ---------------------------------------------------------------- adding values


def test_a_value_chosen_for_adding_is_added_as_a_synced_row_and_used(fresh_db, tmp_path):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [
        expert("甲", "生物信息学、流行病学", "13800000001"),
        expert("乙", "生物信息学", "13800000002"),
    ])  # fmt: skip
    chosen = importer.Additions(values=frozenset({("specialty", "生物信息学")}))
    report = importer.run(fresh_db, KEEPER, "experts", path, additions=chosen)
    assert report.ok and report.imported == 2 and report.unknown == []
    assert report.added == [importer.Added("specialty", "生物信息学", "生物信息学")]
    row = fresh_db["specialty"].get(reference_id("specialty", "生物信息学"))
    assert (row["code"], row["name"], row["deleted"]) == ("生物信息学", "生物信息学", 0)
    assert fresh_db.execute(
        "SELECT actor FROM oplog WHERE tbl = 'specialty' AND row_id = ?", [row["id"]]
    ).fetchall() == [(KEEPER.actor,)]
    assert specialties_of(fresh_db, "甲") == ["生物信息学", "epidemiology"]
    assert specialties_of(fresh_db, "乙") == ["生物信息学"]
    # now a value like any other: the form takes it, the next file needs nothing added
    clean = experts.validate_expert(fresh_db, {
        "name": "丙", "gender": "男", "organisation": "某单位", "specialties": "生物信息学",
        "mobile": "13800000003",
    })  # fmt: skip
    assert json.loads(clean["specialties"]) == ["生物信息学"]
    assert check.run(fresh_db) == []


def test_categories_and_units_are_added_alike(fresh_db, tmp_path):
    path = xlsx(tmp_path / "items.xlsx", ITEMS, [
        ["A1", "手套", "打", "救援装备"], ["A2", "头灯", "打", "救援装备"],
    ])  # fmt: skip
    report = importer.run(fresh_db, KEEPER, "items", path, additions=importer.Additions(every=True))
    assert report.ok and report.imported == 2
    assert {(a.vocabulary, a.value) for a in report.added} == {
        ("unit", "打"), ("category", "救援装备"),
    }  # fmt: skip
    assert items(fresh_db) == {"A1": ("打", "救援装备"), "A2": ("打", "救援装备")}
    category = fresh_db["category"].get(reference_id("category", "救援装备"))
    assert (category["scheme"], category["name"]) == ("practical", "救援装备")
    assert fresh_db["unit"].get(reference_id("unit", "打"))["name"] == "打"
    assert (
        catalog.validate_item(
            fresh_db, {"code": "A3", "name": "绳", "unit": "打", "category": "救援装备"}
        )["category"]
        == "救援装备"
    )


def test_a_refused_import_adds_nothing(fresh_db, tmp_path):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [
        expert("甲", "生物信息学", "13800000001"),
        expert("乙", "流行病学", "1380000"),  # a bad mobile number
    ])  # fmt: skip
    before = content(fresh_db)
    report = importer.run(fresh_db, KEEPER, "experts", path, additions=importer.Additions(True))
    assert report.imported == 0 and report.added == [] and list(reasons(report)) == [(3, "手机")]
    assert content(fresh_db) == before


def test_skipping_bad_rows_adds_only_what_a_written_row_uses(fresh_db, tmp_path):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [
        expert("甲", "生物信息学", "13800000001"),
        expert("乙", "合成生物学", "1380000"),  # bad mobile: the row is skipped
    ])  # fmt: skip
    report = importer.run(
        fresh_db, KEEPER, "experts", path, skip_invalid=True, additions=importer.Additions(True)
    )
    assert report.imported == 1 and [a.value for a in report.added] == ["生物信息学"]
    assert (
        fresh_db.execute("SELECT count(*) FROM specialty WHERE name = '合成生物学'").fetchone()[0]
        == 0
    )


def test_a_near_duplicate_is_added_only_when_the_person_insists(fresh_db, tmp_path):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [expert("甲", "临床感染病学", "13800000001")])
    before = content(fresh_db)
    report = importer.run(fresh_db, KEEPER, "experts", path, additions=importer.Additions(True))
    [unknown] = report.unknown
    assert report.imported == 0 and unknown.similar == "临床感染病" and unknown.addable
    assert "临床感染病学" in reasons(report)[(2, "专业领域")]
    assert content(fresh_db) == before
    insisted = importer.Additions(similar=frozenset({"临床感染病学"}))
    report = importer.run(fresh_db, KEEPER, "experts", path, additions=insisted)
    assert report.imported == 1 and [a.value for a in report.added] == ["临床感染病学"]


@pytest.mark.parametrize(
    "value",
    [
        "超长的专业领域名称超长的专业领域名称超长的",  # 21 characters
        "流行病学=1",
        "<script>",
        "12345",
        "-负号开头",
        "a\u200bb",  # zero width space
    ],
)
def test_a_value_that_cannot_be_added_is_refused_however_asked(fresh_db, tmp_path, value):
    path = xlsx(tmp_path / "roster.xlsx", EXPERTS, [expert("甲", value, "13800000001")])
    before = content(fresh_db)
    report = importer.run(
        fresh_db, KEEPER, "experts", path,
        additions=importer.Additions(True, frozenset({("specialty", value)}), frozenset({value})),
    )  # fmt: skip
    assert report.imported == 0 and report.added == []
    [unknown] = report.unknown
    assert not unknown.addable and unknown.refusal in reasons(report)[(2, "专业领域")]
    assert content(fresh_db) == before


def test_one_import_adds_at_most_max_new_values_to_a_vocabulary(fresh_db, tmp_path):
    many = [[f"A{i}", "物资", "个", f"新类别{chr(0x4E00 + 37 * i)}甲乙"] for i in range(25)]
    path = xlsx(tmp_path / "items.xlsx", ITEMS, many)
    report = importer.run(fresh_db, KEEPER, "items", path, additions=importer.Additions(True))
    assert report.imported == 0 and report.added == []
    refused = [u for u in report.unknown if not u.addable]
    assert refused and all(str(vocabulary.MAX_NEW) in u.refusal for u in refused)


def test_two_stations_adding_the_same_value_make_one_row(tmp_path):
    a = new_station(tmp_path / "a.db", "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    for db, mobile in ((a, "13800000001"), (b, "13800000002")):
        path = xlsx(tmp_path / f"{mobile}.xlsx", EXPERTS, [expert(mobile, "生物信息学", mobile)])
        assert importer.run(db, KEEPER, "experts", path, additions=importer.Additions(True)).ok
    sync(a, b)
    sync(b, a)
    for db in (a, b):
        assert db.execute(
            "SELECT id, code, name FROM specialty WHERE name = '生物信息学'"
        ).fetchall() == [(reference_id("specialty", "生物信息学"), "生物信息学", "生物信息学")]
        assert check.run(db) == []
        db.close()


@given(st.sampled_from(vocabulary.NAMES), st.text(max_size=30))
def test_any_text_is_either_refused_or_safe_to_add(name, text):
    value = text.strip()
    if not vocabulary.refusal(name, value):
        assert 0 < len(value) <= vocabulary.MAX_LENGTH[name]
        assert value[0].isalnum() and all(c.isalnum() or c in "_·()（）-. " for c in value)
        assert any(c.isalpha() for c in value)
