"""Monitoring lists as spreadsheets: cohort lists and results imported the way hospitals and
township health centres send them (their own headers, a title row, Excel dates and text
dates), every bad row reported with its row, column and value (an ID number masked) and
nothing written, results raising alerts and 大事记 entries, templates, the export masked
unless shown with a reason (recorded), and hostile files refused without a traceback."""

import io
import os
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.incidents import journal
from desktop.core.monitoring import people, personal, results, schedules, sheets, sites
from desktop.core.monitoring.sheets import importing
from tests.helpers.cli import invoke
from tests.helpers.stations import content

CTX = Ctx("os:analyst")
TODAY = values.now().date()
PEOPLE = ["姓名", "身份证号", "联系电话", "现住址区划", "末次暴露日期", "暴露方式", "人群类别"]
RESULTS = ["身份证号", "姓名", "监测日期", "监测项目", "结果", "是否异常", "备注"]


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


def an_id(seq: str = "123", born: str = "19900101", region: str = "430422") -> str:
    first = region + born + seq
    return first + personal.check_character(first)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def xlsx(path, *rows, merge: str | None = None):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def csv(path, *rows, encoding="utf-8"):
    text = "\n".join(",".join("" if v is None else str(v) for v in row) for row in rows)
    path.write_bytes((text + "\n").encode(encoding))
    return path


@pytest.fixture
def incident(demo_db):
    given = {"title": "某地生物恐怖袭击", "hazard": "bioterror", "grade": "II",
             "division": "430422", "exposed": 40}  # fmt: skip
    return incidents.create(demo_db, CTX, given)


def refused(db, incident, path) -> tuple[sheets.SheetRefused, list[tuple[int, str, str]]]:
    """The refusal of a file, which changed nothing; its problems as (row, column, reason)."""
    before = content(db)
    with pytest.raises(sheets.SheetRefused) as caught:
        sheets.import_file(db, CTX, incident["number"], path)
    assert content(db) == before
    return caught.value, [(e.row, e.column, e.reason) for e in caught.value.errors]


def has(problems, row: int, column: str, *words: str) -> bool:
    """Whether a problem of that row and column gives every word."""
    return any(
        (r, c) == (row, column) and all(w in reason for w in words) for r, c, reason in problems
    )


# ---------------------------------------------------------------- cohort lists


def test_a_hospital_cohort_list_with_its_own_headers_and_a_title_row_imports(
    demo_db, incident, tmp_path
):
    exposed = days_ago(3)
    # fmt: off
    path = xlsx(
        tmp_path / "衡南县人民医院密接名单.xlsx",
        ["衡南县人民医院 密切接触者登记表（示例）"],
        ["序号", "姓名", "性别", "身份证号码", "手机号", "区划代码", "暴露日期", "接触方式",
         "人员类别"],
        [1, "张小明", "男", an_id("001"), "13807341234", "衡南县", exposed, "同住", "密接"],
        [2, "李华", "女", an_id("002").lower(), 13807340000, "430422103000",
         f"{exposed.year}/{exposed.month}/{exposed.day}", "同事", "密切接触者"],
        [3, "王五", "男", an_id("003"), None, "衡阳市珠晖区", f"{exposed:%Y%m%d}", None,
         "处置人员"],
        merge="A1:I1",
    )
    # fmt: on
    done = sheets.import_file(demo_db, CTX, incident["number"], path)
    assert done == {
        "kind": "people",
        "rows": 3,
        "added": 3,
        "cohorts": {"close_contact": 2, "responder": 1},
    }
    listed = {p["name"]: p for p in people.listing(demo_db, incident["number"])}
    assert {n: (p["division"], p["exposed_on"], p["cohort"]) for n, p in listed.items()} == {
        "张小明": ("430422", exposed.isoformat(), "close_contact"),
        "李华": ("430422", exposed.isoformat(), "close_contact"),
        "王五": ("430405", exposed.isoformat(), "responder"),
    }
    assert listed["李华"]["id_number"] == personal.mask_id(an_id("002"))  # stored upper case
    assert listed["李华"]["phone"] == "138****0000"


def test_a_csv_cohort_list_in_gbk_with_english_headers_imports(demo_db, incident, tmp_path):
    # fmt: off
    path = csv(
        tmp_path / "contacts.csv",
        ["Name", "ID number", "Phone", "Division", "Exposure date", "Exposure", "Cohort"],
        ["赵六", an_id("004"), "0734-8888 1234", "衡东县", days_ago(1).isoformat(), "探视",
         "Close contacts"],
        encoding="gb18030",
    )
    # fmt: on
    assert sheets.import_file(demo_db, CTX, incident["number"], path)["added"] == 1
    [person] = people.listing(demo_db, incident["number"])
    assert (person["name"], person["division"], person["cohort"]) == (
        "赵六",
        "430424",
        "close_contact",
    )


def test_every_bad_row_of_a_cohort_list_is_reported_with_its_value_and_nothing_is_written(
    demo_db, incident, tmp_path
):
    followed = {"name": "张小明", "id_number": an_id("001"), "cohort": "exposed"}
    people.add(demo_db, CTX, incident["number"], followed)
    wrong_check = an_id("011")[:-1] + ("0" if an_id("011")[-1] != "0" else "1")
    # fmt: off
    path = xlsx(
        tmp_path / "bad.xlsx",
        PEOPLE,
        ["甲", an_id("010"), None, None, None, None, "密接"],  # row 2: good
        ["乙", wrong_check, None, None, None, None, "密接"],
        ["丙", float(an_id("012")[:-1] + "0"), None, None, None, None, "密接"],
        ["丁", an_id("013"), "call me", "火星区", "2026/13/45", None, "朋友"],
        ["戊", an_id("010"), None, None, TODAY + timedelta(days=2), None, "密接"],
        [None, an_id("001"), None, None, None, "x" * 201, "暴露人员"],
        ["己", "43042219900101", None, None, None, None, None],
    )
    # fmt: on
    error, problems = refused(demo_db, incident, path)
    assert has(problems, 3, "身份证号", personal.mask_id(wrong_check), "check digit")
    assert has(problems, 4, "身份证号", "stored as a number")
    assert has(problems, 5, "联系电话", "call me")
    assert has(problems, 5, "现住址区划", "火星区")
    assert has(problems, 5, "末次暴露日期", "“2026/13/45”", "not a date")
    assert has(problems, 5, "人群类别", "朋友")
    assert has(problems, 6, "身份证号", personal.mask_id(an_id("010")), "row 2")
    assert has(problems, 6, "末次暴露日期", "future")
    assert has(problems, 7, "姓名", "Required")
    assert has(problems, 7, "身份证号", "already followed")
    assert has(problems, 7, "暴露方式", "200")
    assert has(problems, 8, "身份证号", "“430422****0101”", "not an ID number")
    assert has(problems, 8, "人群类别", "Required")
    assert not any(r == 2 for r, _, _ in problems)
    message = str(error)
    assert "6 of 7 rows" in message
    assert "Row 5, 现住址区划: No division with code 火星区." in message
    for number in (an_id("010"), wrong_check, an_id("001")):  # ID numbers only masked
        assert number not in message and number[:17] not in message


def test_a_header_row_of_neither_list_or_with_an_unknown_column_is_refused(
    demo_db, incident, tmp_path
):
    neither = xlsx(tmp_path / "a.xlsx", ["物资编码", "数量"], ["KZ", 5])
    assert has(refused(demo_db, incident, neither)[1], 1, "", "neither a cohort list")
    row = ["甲", an_id(), None, None, None, None, "密接", "A"]
    unknown = xlsx(tmp_path / "b.xlsx", [*PEOPLE, "血型"], row)
    assert has(refused(demo_db, incident, unknown)[1], 1, "血型", "Unknown column")
    short = xlsx(tmp_path / "c.xlsx", ["姓名", "人群类别"], ["甲", "密接"])
    assert has(refused(demo_db, incident, short)[1], 1, "身份证号", "Required column missing")


# ---------------------------------------------------------------- results


@pytest.fixture
def followed(demo_db, incident):
    """Two close contacts exposed 3 days ago, followed by a daily 体温 (normal up to
    37.2 ℃) and a weekly 症状 schedule; a responder without a schedule."""
    for seq, name, cohort in (
        ("001", "张小明", "密切接触者"),
        ("002", "李华", "密切接触者"),
        ("003", "王五", "处置人员"),
    ):
        given = {"name": name, "id_number": an_id(seq), "cohort": cohort,
                 "exposed_on": days_ago(3).isoformat()}  # fmt: skip
        people.add(demo_db, CTX, incident["number"], given)
    for measure, every, unit in (("体温", 1, "℃"), ("症状", 7, "")):
        given = {"cohort": "密切接触者", "measure": measure, "unit": unit, "every_days": every,
                 "for_days": 21, "start_on": days_ago(5).isoformat(),
                 "normal_max": 37.2}  # fmt: skip
        schedules.add(demo_db, CTX, incident["number"], given)
    return incident


def monitoring_entries(db, incident) -> list[str]:
    return [e["text"] for e in journal.entries(db, incident["id"]) if e["kind"] == "monitoring"]


def test_a_results_list_records_results_and_an_abnormal_one_raises_an_alert(
    demo_db, followed, tmp_path
):
    # fmt: off
    path = xlsx(
        tmp_path / "体温登记.xlsx",
        ["序号", "姓名", "身份证号码", "监测日期", "体温(℃)", "是否异常", "备注"],
        [1, "张小明", an_id("001"), days_ago(3), 36.5, "正常", None],
        [2, "张小明", an_id("001"), f"{days_ago(2):%Y%m%d}", 38.1, None, None],  # too hot
        [3, "李华", an_id("002"), days_ago(0).isoformat(), 36.6, "异常", "咳嗽"],
    )
    # fmt: on
    done = sheets.import_file(demo_db, CTX, followed["number"], path)
    assert done == {
        "kind": "results",
        "rows": 3,
        "added": 3,
        "updated": 0,
        "unchanged": 0,
        "alerts": 2,
    }
    alerts = results.alerts(demo_db, followed["number"])
    assert sorted((a["value"], a["note"]) for a in alerts) == [("36.6", "咳嗽"), ("38.1", "")]
    entries = monitoring_entries(demo_db, followed)
    assert len(entries) == 2 and any("38.1" in e for e in entries)
    assert not any("张小明" in e for e in entries)  # the 大事记 names people masked
    due = schedules.due(demo_db, TODAY, incident=followed["id"])
    due_checks = {(c["subject"], c["measure"], c["due"]) for c in due}
    assert ("张小明", "体温", days_ago(3).isoformat()) not in due_checks
    assert ("张小明", "体温", days_ago(1).isoformat()) in due_checks
    # the list sent again with a day more: the days recorded stay as they are
    # fmt: off
    again = xlsx(
        tmp_path / "体温登记2.xlsx",
        ["姓名", "身份证号", "监测日期", "体温", "是否异常", "备注"],
        ["张小明", an_id("001"), days_ago(3), "36.5", "否", None],
        ["张小明", an_id("001"), days_ago(2), "38.1", "是", None],
        ["李华", an_id("002"), days_ago(0), "36.6", "是", "咳嗽"],
        ["张小明", an_id("001"), days_ago(1), "36.9", "否", None],
    )
    # fmt: on
    done = sheets.import_file(demo_db, CTX, followed["number"], again)
    assert (done["added"], done["unchanged"], done["alerts"]) == (1, 3, 0)
    assert len(monitoring_entries(demo_db, followed)) == 2


def test_results_named_by_their_check_number_include_a_sites_and_a_new_value_replaces_one(
    demo_db, followed, tmp_path
):
    given = {"kind": "水体", "place": "湘江某取水口", "division": "430422"}
    site = sites.add(demo_db, CTX, followed["number"], given)["id"]
    given = {"site": site, "measure": "水样检测", "every_days": 7, "for_days": 183,
             "start_on": TODAY.isoformat()}  # fmt: skip
    schedules.add(demo_db, CTX, followed["number"], given)
    due = schedules.due(demo_db, TODAY, incident=followed["id"])
    water = next(c for c in due if c["subject_kind"] == "site")
    hot = next(c for c in due if c["measure"] == "体温" and c["subject"] == "李华")
    path = xlsx(
        tmp_path / "checks.xlsx",
        ["监测编号", "结果", "备注"],
        [water["check"], "阴性", "余氯 0.5"],
        [hot["check"], "37.0", None],
    )
    assert sheets.import_file(demo_db, CTX, followed["number"], path)["added"] == 2
    assert water not in schedules.due(demo_db, TODAY, incident=followed["id"])
    changed = xlsx(tmp_path / "changed.xlsx", ["监测编号", "结果"], [hot["check"], "37.8"])
    done = sheets.import_file(demo_db, CTX, followed["number"], changed)
    assert (done["updated"], done["alerts"]) == (1, 1)
    [alert] = results.alerts(demo_db, followed["number"])
    assert alert["value"] == "37.8"


def test_every_bad_row_of_a_results_list_is_reported_and_nothing_is_written(
    demo_db, followed, tmp_path
):
    given = {"cohort": "处置人员", "measure": "体温", "every_days": 1, "for_days": 14,
             "start_on": days_ago(1).isoformat()}  # fmt: skip
    schedules.add(demo_db, CTX, followed["number"], given)
    # fmt: off
    path = xlsx(
        tmp_path / "bad.xlsx",
        RESULTS,
        [an_id("001"), "张小明", days_ago(1), "体温", "36.5", None, None],  # row 2: good
        [an_id("099"), "某人", days_ago(1), "体温", "36.5", None, None],
        [an_id("002"), "李华", days_ago(10), "体温", "36.5", None, None],
        [an_id("002"), "李华", TODAY + timedelta(days=1), "体温", "36.5", None, None],
        [an_id("002"), "李华", days_ago(1), "血常规", "正常", None, None],
        [an_id("002"), "李华", days_ago(1), None, "36.5", None, None],
        [an_id("001"), "张大明", days_ago(1), "体温", "36.7", "可能", None],
        [an_id("002"), "李华", days_ago(2), "体温", None, None, None],
        [an_id("003"), "王五", "昨天", "体温", "36.5", None, None],
    )
    # fmt: on
    error, problems = refused(demo_db, followed, path)
    assert has(problems, 3, "身份证号", personal.mask_id(an_id("099")), "no one", "cohort list")
    assert has(problems, 4, "监测日期", days_ago(10).isoformat(), "not a check day")
    assert has(problems, 5, "监测日期", "still to come")
    assert has(problems, 6, "监测项目", "血常规", "体温、症状")
    assert has(problems, 7, "监测项目", "Give the measure", "体温、症状")
    assert has(problems, 8, "姓名", "张大明", "张小明")
    assert has(problems, 8, "是否异常", "可能")
    assert has(problems, 8, "监测日期", "already in row 2")
    assert has(problems, 9, "结果", "Required")
    assert has(problems, 10, "监测日期", "昨天", "not a date")
    assert not any(r == 2 for r, _, _ in problems)
    assert "8 of 9 rows" in str(error) and an_id("099") not in str(error)
    token = "0000aaaa-1111bbbb-20260101"
    path = xlsx(tmp_path / "t.xlsx", ["监测编号", "结果"], [token, "36.5"])
    assert has(refused(demo_db, followed, path)[1], 2, "监测编号", token, "no check")


# ---------------------------------------------------------------- templates

RESULT_TEMPLATE = ["身份证号", "姓名", "监测编号", "监测日期", "监测项目", "结果", "是否异常",
                   "备注"]  # fmt: skip


@pytest.mark.parametrize(
    "kind, sheet, header",
    [
        ("monitoring-people", "监测人员", PEOPLE),
        ("monitoring-results", "监测结果", RESULT_TEMPLATE),
    ],
)
def test_templates_have_their_header_drop_downs_and_instructions(
    demo_db, tmp_path, kind, sheet, header
):
    for db in (None, demo_db):
        path = tmp_path / f"{kind}.xlsx"
        sheets.write_template(kind, path, db)
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == [sheet, "说明"]
        assert [c.value for c in book[sheet][1]] == header
        lists = {v.formula1 for v in book[sheet].data_validations.dataValidation}
        assert ('"暴露人员,密切接触者,处置人员,康复患者"' in lists) == (kind == "monitoring-people")
        assert ('"是,否"' in lists) == (kind == "monitoring-results")
        text = " ".join(str(c.value) for row in book["说明"].iter_rows() for c in row if c.value)
        assert "monitoring import --incident" in text and "11010519491231002X" in text
    with pytest.raises(BioError, match="widgets"):
        sheets.write_template("widgets", tmp_path / "w.xlsx")


def test_a_filled_in_template_imports(demo_db, incident, tmp_path):
    path = tmp_path / "people.xlsx"
    sheets.write_template("monitoring-people", path, demo_db)
    book = openpyxl.load_workbook(path)
    row = ["孙七", an_id("005"), "13900000000", "430422", days_ago(2), "同住", "暴露人员"]
    book["监测人员"].append(row)
    book.save(path)
    assert sheets.import_file(demo_db, CTX, incident["number"], path)["added"] == 1


def test_the_cli_writes_the_monitoring_templates_and_the_other_kinds_still(
    demo_path, capsys, tmp_path
):
    for kind in ("monitoring-people", "monitoring-results", "items", "experts", "msel"):
        out = tmp_path / f"{kind}.xlsx"
        code, _, err = invoke(capsys, "--db", str(demo_path), "template", kind, "--out", str(out))
        assert code == 0 and out.exists(), err
        assert "说明" in openpyxl.load_workbook(out).sheetnames


# ---------------------------------------------------------------- export


def every_text(path) -> str:
    book = openpyxl.load_workbook(path)
    cells = (c.value for sheet in book for row in sheet.iter_rows() for c in row)
    return "\n".join(str(v) for v in cells if v is not None)


def test_the_export_masks_personal_data_and_shows_results_per_schedule(demo_db, followed, tmp_path):
    first = people.listing(demo_db, followed["number"])[0]
    people.update(demo_db, CTX, first["id"], {"phone": "13807341234"})
    path = xlsx(
        tmp_path / "r.xlsx",
        RESULTS,
        [an_id("001"), "张小明", days_ago(3), "体温", "36.5", None, None],
        [an_id("001"), "张小明", days_ago(2), "体温", "38.1", None, "咳嗽"],
    )
    sheets.import_file(demo_db, CTX, followed["number"], path)
    out = tmp_path / "export.xlsx"
    done = sheets.export(demo_db, followed["number"], out)
    assert done == {"path": str(out), "people": 3, "schedules": 2, "results": 2, "masked": True}
    text = every_text(out)
    for seq in ("001", "002", "003"):
        assert an_id(seq) not in text and personal.mask_id(an_id(seq)) in text
    assert "13807341234" not in text and "138****1234" in text
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["监测人员", "体温（密切接触者）", "症状（密切接触者）", "结果明细"]
    grid = {row[0].value: [c.value for c in row] for row in book["体温（密切接触者）"].iter_rows()}
    start = grid["姓名"].index(f"{days_ago(3).isoformat()}（℃）")
    assert grid["张小明"][start : start + 4] == [36.5, "38.1（异常）", "未测", "未测"]
    assert grid["张小明"][-2:] == ["2/4", 1]
    if os.name == "posix":
        assert os.stat(out).st_mode & 0o777 == 0o600  # personal data: the owner's only
    assert personal.disclosures(demo_db) == []


def test_the_export_shows_personal_data_only_with_a_reason_which_is_recorded(
    demo_db, followed, tmp_path
):
    out = tmp_path / "full.xlsx"
    with pytest.raises(BioError, match="why"):
        sheets.export(demo_db, followed["number"], out, reveal=True, ctx=CTX)
    assert not out.exists() and personal.disclosures(demo_db) == []
    reason = "转交社区卫生服务中心随访"
    sheets.export(demo_db, followed["number"], out, reveal=True, ctx=CTX, reason=reason)
    assert an_id("001") in every_text(out)
    [logged] = personal.disclosures(demo_db)
    assert (logged["actor"], logged["what"], logged["reason"]) == (CTX.actor, "export", reason)
    assert followed["number"] in logged["scope"]


def test_an_export_edited_and_imported_again_is_read(demo_db, followed, tmp_path):
    """The export's own columns (监测对象, 单位, 记录人, 记录时间; 状态 of the people) were
    unknown to the import: the whole file was refused."""
    path = xlsx(tmp_path / "r.xlsx", RESULTS,
                [an_id("001"), "张小明", days_ago(2), "体温", "36.5", None, None])  # fmt: skip
    sheets.import_file(demo_db, CTX, followed["number"], path)
    out = tmp_path / "export.xlsx"
    sheets.export(demo_db, followed["number"], out, reveal=True, ctx=CTX, reason="复核")
    book = openpyxl.load_workbook(out)
    detail = book["结果明细"]
    detail.cell(row=2, column=6, value="37.9")  # 结果: a value corrected
    book.move_sheet(detail, offset=-book.index(detail))  # the sheet read first
    book.save(out)
    done = sheets.import_file(demo_db, CTX, followed["number"], out)
    assert done["kind"] == "results" and done["rows"] == 1
    assert done["updated"] == 1  # the corrected value replaced the one recorded


# ---------------------------------------------------------------- hostile files

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
    f'&a;&a;&a;&a;&a;">]><worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
    "<t>&b;</t></is></c></row></sheetData></worksheet>"
)
HUGE = (
    f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
    '</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
)


def zipped(path, sheet_xml: str):
    """A one-sheet .xlsx built by hand around the sheet's XML."""
    book = (
        f'<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>"
    )
    rels = (
        f'<Relationships {RELS_NS}><Relationship Id="rId1" Type="{REL}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    path.write_bytes(buffer.getvalue())
    return path


def hostile(tmp_path) -> dict:
    """cause: (the file, its bytes when written here, a word of the refusal)."""
    big = tmp_path / "big.xlsx"
    with open(big, "wb") as f:
        f.truncate(importing.MAX_FILE + 1)  # sparse: nothing is written
    formula = xlsx(
        tmp_path / "formula.xlsx", PEOPLE, ["甲", f'="{an_id()}"', None, None, None, None, "密接"]
    )
    # fmt: off
    merged = xlsx(tmp_path / "merged.xlsx", PEOPLE,
                  ["甲", an_id("001"), None, None, None, None, "密接"],
                  ["乙", an_id("002"), None, None, None, None, None], merge="G2:G3")
    nul = "\n".join([",".join(PEOPLE), f"甲\x00,{an_id()},,,,,密接"]).encode()
    return {
        "not a zip": (tmp_path / "fake.xlsx", b"PK\x03\x04 this is no workbook", "cannot be read"),
        "entities": (zipped(tmp_path / "laughs.xlsx", LAUGHS), None, "DTD"),
        "a huge rectangle": (zipped(tmp_path / "huge.xlsx", HUGE), None, "cells"),
        "too large a file": (big, None, "too large"),
        "an old format": (tmp_path / "old.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        "a formula": (formula, None, "Row 2, 身份证号: This cell holds a formula"),
        "merged cells": (merged, None, "Row 2, 人群类别: Merged cells (2 rows"),
        "a NUL in a csv": (tmp_path / "nul.csv", nul, "U+0000"),
        "no rows": (xlsx(tmp_path / "empty.xlsx", PEOPLE), None, "no rows"),
        "not utf-8 or gbk": (tmp_path / "bytes.csv", b"\xff\xfe\xfa" * 50, "UTF-8"),
    }
    # fmt: on


def test_hostile_files_are_refused_by_name_and_change_nothing(demo_db, incident, tmp_path):
    before = content(demo_db)
    for cause, (path, data, words) in hostile(tmp_path).items():
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(BioError) as caught:
            sheets.import_file(demo_db, CTX, incident["number"], path)
        assert words in str(caught.value), cause
    assert content(demo_db) == before


def test_too_many_rows_are_refused(demo_db, incident, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 3)
    rows = [[f"某{k}", an_id(f"{k:03d}"), None, None, None, None, "密接"] for k in range(4)]
    for path in (
        xlsx(tmp_path / "many.xlsx", PEOPLE, *rows),
        csv(tmp_path / "many.csv", PEOPLE, *rows),
    ):
        with pytest.raises(BioError, match="more than 3 rows"):
            sheets.import_file(demo_db, CTX, incident["number"], path)
    assert people.listing(demo_db, incident["number"]) == []


CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.dates(),
    st.booleans(),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(CELL, min_size=7, max_size=9), min_size=1, max_size=4),
    results_list=st.booleans(),
)
def test_any_cells_are_imported_or_refused_by_name(demo_db, followed, tmp_path, rows, results_list):
    book = openpyxl.Workbook()
    book.active.append(RESULTS if results_list else PEOPLE)
    for row in rows:  # openpyxl itself refuses control characters
        book.active.append([values.CONTROL.sub("", v) if isinstance(v, str) else v for v in row])
    path = tmp_path / "fuzz.xlsx"
    book.save(path)
    try:
        done = sheets.import_file(demo_db, CTX, followed["number"], path)
    except BioError:
        return
    assert done["kind"] == ("results" if results_list else "people")
