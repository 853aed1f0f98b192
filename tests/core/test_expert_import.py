"""Importing and exporting the expert roster: the template, every bad row reported with its
row and column (nothing imported), --skip-invalid, updates of an existing expert (same name
and mobile), and export → import round trips."""

import json
from datetime import date, datetime

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.roster import experts
from desktop.core.setup import initdb
from desktop.core.store import check

KEEPER = Ctx("os:keeper")
HEADER = ["姓名", "性别", "工作单位", "职称", "专业领域", "所属区划", "手机", "办公电话",
          "资质证书", "证书有效期至"]  # fmt: skip
ROW = ["张三", "男", "衡阳市疾病预防控制中心", "主任医师", "流行病学、病原检测", "430422",
       "13800001234", "0734-8123456", "生物安全培训合格证", date(2027, 6, 30)]  # fmt: skip


def from_template(tmp_path, rows, db=None, name="experts.xlsx"):
    path = tmp_path / name
    importer.write_template("experts", path, db)
    book = openpyxl.load_workbook(path)
    for row in rows:
        book.worksheets[0].append(row)
    book.save(path)
    return path


def xlsx(path, header, rows):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def cells(report):
    return [(e.row, e.column) for e in report.errors]


def roster(db):
    return db.execute(
        "SELECT name, gender, organisation, title, specialties, division, mobile, office_phone "
        "FROM expert WHERE deleted = 0 ORDER BY name, mobile"
    ).fetchall()


def snapshot(db):
    return [
        db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
        for t in ("expert", "expert_qualification")
    ] + [db.execute("SELECT count(*) FROM oplog").fetchone()]


def test_template_headers_instructions_and_round_trip(fresh_db, tmp_path):
    path = from_template(tmp_path, [ROW], fresh_db)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["专家", "说明"]
    assert [c.value for c in book.worksheets[0][1]] == HEADER
    text = {str(c.value) for row in book["说明"].iter_rows() for c in row if c.value is not None}
    assert set(HEADER) <= text
    assert {"流行病学", "biodefence", "430422", "衡南县"} <= text  # the valid values
    assert any("bioreserve expert import" in t for t in text)
    assert any("bioreserve expert duplicates" in t for t in text)  # updates, not merges

    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert report.ok and report.imported == 1
    [expert] = experts.search(fresh_db, "zs")
    assert expert["specialties"] == ["epidemiology", "pathogen_testing"]
    assert (expert["division"], expert["mobile"], expert["office_phone"]) == (
        "430422",
        "13800001234",
        "0734-8123456",
    )
    [held] = experts.qualifications(fresh_db, expert["id"])
    assert (held["name"], held["expires_on"]) == ("生物安全培训合格证", "2027-06-30")
    assert check.run(fresh_db) == []


def test_a_template_without_a_database_lists_the_shipped_specialties(tmp_path):
    path = tmp_path / "t.xlsx"
    importer.write_template("experts", path)
    text = {str(c.value) for row in openpyxl.load_workbook(path)["说明"].iter_rows() for c in row}
    assert {"流行病学", "biodefence", "430422", "衡南县"} <= text


BAD = [
    (["张三", "M", *ROW[2:]], "性别"),
    ([*ROW[:4], "流行病学、占星术", *ROW[5:]], "专业领域"),
    ([*ROW[:5], "999999", *ROW[6:]], "所属区划"),
    ([*ROW[:6], "1380000123", *ROW[7:]], "手机"),
    ([*ROW[:7], "8123456", *ROW[8:]], "办公电话"),
    ([*ROW[:9], "2027-13-45"], "证书有效期至"),
    ([*ROW[:8], None, date(2027, 1, 1)], "资质证书"),
    ([None, *ROW[1:]], "姓名"),
    ([*ROW[:2], None, *ROW[3:]], "工作单位"),
    ([*ROW[:4], None, *ROW[5:]], "专业领域"),
    ([*ROW[:6], None, None, *ROW[8:]], "手机"),  # no phone at all
]


def test_every_bad_row_is_reported_with_row_and_column_and_nothing_imported(fresh_db, tmp_path):
    good = [["李四", "女", "衡阳市中心医院", "", "临床感染病", "", "13900001111", "", "", ""]]
    distinct = [  # another mobile each, or the rows would be the same expert twice
        [f"1390000{i:04d}" if v == ROW[6] else v for v in row] for i, (row, _) in enumerate(BAD)
    ]
    rows = good + distinct
    path = from_template(tmp_path, rows, fresh_db)
    before = snapshot(fresh_db)
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert cells(report) == [(3 + i, column) for i, (_, column) in enumerate(BAD)]
    assert all(e.reason for e in report.errors)
    assert report.imported == 0 and report.skipped == len(BAD) and report.total == len(BAD) + 1
    assert snapshot(fresh_db) == before
    assert cells(importer.validate(fresh_db, "experts", path)) == cells(report)


def test_one_row_with_several_bad_cells_reports_each(fresh_db, tmp_path):
    path = from_template(
        tmp_path, [["王五", "X", "单位", "", "占星术", "000000", "123", "456", "", ""]], fresh_db
    )
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert cells(report) == [(2, c) for c in ("性别", "专业领域", "所属区划", "手机", "办公电话")]


def test_skip_invalid_imports_the_good_rows(fresh_db, tmp_path):
    rows = [ROW, ["李四", "M", *ROW[2:6], "13900001111", *ROW[7:]],
            ["王五", "女", "衡阳市第三人民医院", "", "clinical_infectious", "衡南县", "13700001111",
             "", "", ""]]  # fmt: skip
    path = from_template(tmp_path, rows, fresh_db)
    report = importer.run(fresh_db, KEEPER, "experts", path, skip_invalid=True)
    assert report.imported == 2 and report.skipped == 1 and cells(report) == [(3, "性别")]
    assert sorted(r[0] for r in roster(fresh_db)) == ["张三", "王五"]
    assert experts.search(fresh_db, "ww")[0]["division"] == "430422"  # a division by name
    assert check.run(fresh_db) == []


def test_same_name_and_mobile_updates_the_expert(demo_db, tmp_path):
    he = next(demo_db.query("SELECT * FROM expert WHERE name = '贺安澜'"))
    row = ["贺安澜", "女", "衡阳市疾病预防控制中心", "研究员", "epidemiology、lab_biosafety", None,
           "138 0000 0001", None, "实验室生物安全培训合格证", "2027/3/31"]  # fmt: skip
    namesake = ["贺安澜", "女", "衡阳市中心医院", "", "伦理", "", "13912345678", "", "", ""]
    path = from_template(tmp_path, [row, namesake], demo_db)
    report = importer.run(demo_db, KEEPER, "experts", path)
    assert report.ok and report.imported == 2
    after = demo_db["expert"].get(he["id"])
    assert after["title"] == "研究员"
    assert json.loads(after["specialties"]) == ["epidemiology", "lab_biosafety"]
    assert (after["division"], after["office_phone"]) == (he["division"], he["office_phone"])
    assert demo_db.execute("SELECT count(*) FROM expert WHERE deleted = 0").fetchone()[0] == 13
    assert experts.duplicates(demo_db) == []  # another mobile: another person
    [held] = [
        q for q in experts.qualifications(demo_db, he["id"]) if q["name"].startswith("实验室")
    ]
    assert held["expires_on"] == "2027-03-31"

    # Again, with a new expiry: the certificate of that name is renewed, not added.
    path = from_template(tmp_path, [[*row[:9], datetime(2029, 3, 31)]], demo_db, "again.xlsx")
    assert importer.run(demo_db, KEEPER, "experts", path).ok
    [held] = [
        q for q in experts.qualifications(demo_db, he["id"]) if q["name"].startswith("实验室")
    ]
    assert held["expires_on"] == "2029-03-31"
    assert check.run(demo_db) == []


def test_the_same_expert_twice_in_a_file_or_an_ambiguous_match_is_refused(demo_db, tmp_path):
    path = from_template(tmp_path, [ROW, [*ROW[:3], "副主任医师", *ROW[4:]]], demo_db)
    assert cells(importer.run(demo_db, KEEPER, "experts", path)) == [(3, "手机")]
    he = next(demo_db.query("SELECT * FROM expert WHERE name = '贺安澜'"))
    experts.save_expert(
        demo_db, KEEPER, {**{k: he[k] for k in experts.FIELDS}, "organisation": "别处"}
    )  # a possible duplicate, flagged
    row = ["贺安澜", "女", "衡阳市疾病预防控制中心", "", "流行病学", "", he["mobile"], "", "", ""]
    path = from_template(tmp_path, [row], demo_db, "ambiguous.xlsx")
    assert cells(importer.run(demo_db, KEEPER, "experts", path)) == [(2, "手机")]


def test_english_headers_and_several_certificates(fresh_db, tmp_path):
    header = ["Name", "Gender", "Organisation", "Title", "Specialties", "Division", "Mobile",
              "Office phone", "Certificate", "Certificate expiry"]  # fmt: skip
    row = ["李四", "女", "南华大学", "教授", "veterinary;tcm", "430400", "13900001111", "",
           "证书甲、证书乙", "2027-01-01、2028-02-02"]  # fmt: skip
    path = xlsx(tmp_path / "en.xlsx", header, [row])
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert report.ok, report.errors
    [expert] = experts.search(fresh_db, "ls")
    assert expert["specialties"] == ["veterinary", "tcm"]
    held = [(q["name"], q["expires_on"]) for q in experts.qualifications(fresh_db, expert["id"])]
    assert held == [("证书甲", "2027-01-01"), ("证书乙", "2028-02-02")]
    bad = xlsx(tmp_path / "bad.xlsx", header, [[*row[:9], "2027-01-01"]])
    assert cells(importer.run(fresh_db, KEEPER, "experts", bad)) == [(2, "Certificate expiry")]


def test_export_then_import_into_a_fresh_database_gives_the_same_experts(
    demo_db, tmp_path, db_path
):
    he = next(demo_db.query("SELECT * FROM expert WHERE name = '贺安澜'"))
    experts.add_qualification(
        demo_db, KEEPER, he["id"], "生物安全培训合格证", "", None, "2027-06-30"
    )
    experts.add_qualification(demo_db, KEEPER, he["id"], "流调资格证", "", None, "2028-01-31")
    path = tmp_path / "roster.xlsx"
    assert importer.export_xlsx(demo_db, path, masked=False) == 12
    assert [c.value for c in openpyxl.load_workbook(path).worksheets[0][1]] == HEADER

    other = initdb.init_database(tmp_path / "other.db", "HY-OTHER", "另一站")
    try:
        report = importer.run(other, KEEPER, "experts", path)
        assert report.ok and report.imported == 12
        assert roster(other) == roster(demo_db)
        assert importer.export_rows(other, masked=False) == importer.export_rows(demo_db, False)
        assert len(experts.qualification_alerts(other, today=date(2027, 6, 1))) == 1
        assert check.run(other) == []
    finally:
        other.conn.close()


def test_a_masked_export_hides_mobile_numbers(demo_db, tmp_path):
    path = tmp_path / "masked.xlsx"
    importer.export_xlsx(demo_db, path)
    mobiles = [r[6] for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(
        min_row=2, values_only=True)]  # fmt: skip
    assert len(mobiles) == 12 and all("****" in m for m in mobiles)
    assert "13800000001" not in {str(c) for c in mobiles}
    report = importer.run(demo_db, KEEPER, "experts", path)  # masked numbers are not numbers
    assert report.imported == 0 and {e.column for e in report.errors} == {"手机"}


@pytest.mark.parametrize("suffix", [".csv"])
def test_a_csv_file_in_gbk_imports_too(fresh_db, tmp_path, suffix):
    path = tmp_path / f"experts{suffix}"
    lines = [",".join(HEADER), ",".join(str(v) for v in ROW)]
    path.write_bytes("\n".join(lines).encode("gb18030"))
    report = importer.run(fresh_db, KEEPER, "experts", path)
    assert report.ok and report.imported == 1


def test_an_expert_without_a_mobile_number_is_known_by_name_and_organisation(demo_db, tmp_path):
    """Imported twice, an expert with only an office phone is updated, not added again; the
    same twice in one file is refused; two such records made by hand are possible
    duplicates."""
    row = ["测试无手机", "女", "某单位", "主任医师", "流行病学", "", "", "0734-8000099", "", ""]
    other = ["测试无手机", "女", "另一单位", "", "流行病学", "", "", "0734-8000098", "", ""]
    assert importer.run(demo_db, KEEPER, "experts", from_template(tmp_path, [row], demo_db)).ok
    again = [[*row[:3], "副主任医师", *row[4:]], other]
    path = from_template(tmp_path, again, demo_db, "again.xlsx")
    report = importer.run(demo_db, KEEPER, "experts", path)
    assert report.ok and report.imported == 2
    held = demo_db.execute(
        "SELECT organisation, title FROM expert WHERE name = '测试无手机' AND deleted = 0 "
        "ORDER BY organisation"
    ).fetchall()
    assert held == [("另一单位", ""), ("某单位", "副主任医师")]
    assert experts.duplicates(demo_db) == []
    twice = from_template(tmp_path, [row, row], demo_db, "twice.xlsx")
    assert cells(importer.run(demo_db, KEEPER, "experts", twice)) == [(3, "工作单位")]
    made = experts.save_expert(demo_db, KEEPER, {"name": "测试无手机", "gender": "女",
                                                 "organisation": "某单位",
                                                 "office_phone": "0734-8000097",
                                                 "specialties": '["epidemiology"]'})  # fmt: skip
    [group] = experts.duplicates(demo_db)
    assert made in {e["id"] for e in group} and len(group) == 2
