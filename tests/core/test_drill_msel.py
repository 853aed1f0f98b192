"""The drill's workbook (MSEL): the template filled in as a drill team would and imported,
exported and read back to the same plan, every bad cell named by sheet, row, column and
value with nothing written, hostile files refused cleanly, and no import once the drill
has started."""

import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import spreadsheet
from desktop.core.context import Ctx
from desktop.core.drills import injects, msel, records, sandbox
from desktop.core.errors import BioError
from desktop.core.imports.templates import append
from tests.helpers.cli import invoke
from tests.helpers.stations import content

CTX = Ctx("os:controller")
SHEETS = ["情景", "目标", "参演人员", "事件清单", "预期行动", "说明"]


@pytest.fixture
def db(fresh_db):
    return fresh_db


@pytest.fixture
def drill(db):
    return records.create(db, CTX, {"name": "空白演练", "kind": "专项演练"})


@pytest.fixture
def template(db, tmp_path):
    path = tmp_path / "msel.xlsx"
    msel.write_template(path, db)
    return path


def filled(path, **sheets):
    """The workbook at path with the rows of the sheets named (by title) replaced; a text
    beginning with = typed as text (as Excel's leading apostrophe does)."""
    book = openpyxl.load_workbook(path)
    for title, rows in sheets.items():
        sheet = book[title]
        sheet.delete_rows(2, sheet.max_row)
        for row in rows:
            append(sheet, row)
    book.save(path)
    return path


def problems(path, db) -> dict:
    """(sheet, row, column) → reason of every problem read() finds."""
    with pytest.raises(msel.MselError) as caught:
        msel.read(path, db)
    return {(p.sheet, p.row, p.column): p.reason for p in caught.value.problems}


def stored(db, drill_id) -> list[dict]:
    """A drill's plan as a person sees it: no ids."""
    keys = ("position", "trigger", "offset_min", "after_no", "after_state", "sender",
            "to_agency", "channel", "message", "objective", "contingency")  # fmt: skip
    return [
        {**{k: i[k] for k in keys},
         "expects": [{k: e[k] for k in ("action", "agency", "within_min", "text", "objective")}
                     for e in i["expects"]]}
        for i in injects.plan(db, drill_id)
    ]  # fmt: skip


# ---------------------------------------------------------------- the template


def test_the_template_has_every_sheet_suggestions_codes_as_text_and_its_instructions(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == SHEETS
    header = [c.value for c in book["事件清单"][1]]
    assert header == ["序号", "触发方式", "时间（T+分钟）", "前置事件序号", "前置状态", "发送方",
                      "接收单位", "渠道", "信息内容", "检验目标", "备用事件"]  # fmt: skip
    rules = {
        str(r.sqref).split(":")[0]: r.formula1
        for r in book["事件清单"].data_validations.dataValidation
    }
    assert "定时" in rules["B2"] and "已接收" in rules["E2"] and "传真" in rules["H2"]
    assert "待发" not in rules["E2"]  # an inject never waits for one pending
    assert "启动预案" in book["预期行动"].data_validations.dataValidation[0].formula1
    assert book["参演人员"].column_dimensions["D"].number_format == "@"  # phones stay as typed
    scenario = {row[0].value: row[1] for row in book["情景"].iter_rows(min_row=2)}
    assert scenario["发生地区划"].number_format == "@"
    assert (
        scenario["演练类型"].value == "桌面推演"
        and scenario["预案（编码，逗号分隔）"].value == "PB-EID"
    )
    notes = [c.value for row in book["说明"].iter_rows() for c in row if c.value]
    assert "时间（T+分钟）" in notes and "衡阳市卫生健康委员会" in notes and "PB-EID" in notes


def test_the_template_as_written_is_a_valid_hengyang_scenario(db, template):
    plan = msel.read(template, db)
    assert plan["scenario"]["kind"] == "tabletop" and plan["scenario"]["division"] == "430405"
    assert plan["scenario"]["playbooks"] == ["PB-EID"]
    first = plan["injects"][0]
    assert first["to_agency"] == "HY-WJW" and "不明原因肺炎" in first["message"]
    assert [i["trigger"] for i in plan["injects"]] == ["time", "after", "delay", "manual"]
    assert injects.check_plan(db, plan)["injects"][1]["after"] == 0  # follows the first


def test_a_template_filled_in_like_a_drill_team_would_becomes_the_drills_plan(db, drill, template):
    filled(
        template,
        情景=[["演练名称", "蒸湘区实验室样本泄漏专项演练"], ["演练类型", "functional"],
              ["危害类型", "Laboratory incident"], ["事件级别", "一般"],
              ["发生地区划", "蒸湘区"], ["暴露人数", 8], ["推演速度", "×30"],
              ["情景起始时间", datetime(2026, 5, 6, 14, 30)], ["预案（编码，逗号分隔）", "pb-lab"]],
        目标=[[None, "30分钟内封控实验室", "PB-LAB"], ["O2", "2小时内完成报告", None]],
        参演人员=[["controller", "王导调", None, "0734-8123456"], [None, None, "HY-WJW", None]],
        事件清单=[
            [1, None, "0:05", None, None, "某检测机构", "市卫生健康委", None, "离心管破裂", "O1",
             None],
            [2, "条件", time(1, 30), 1, "done", None, "衡阳市卫生健康委员会", "fax", "复核", "o2",
             "否"],
            [3, "manual", None, None, None, None, None, None, "=备用：停电", None, "是"],
        ],
        预期行动=[[1, "activate", "市卫生健康委", "1:00", "启动预案", "O1"],
                  [2, "信息报告", None, 20, None, None]],
    )  # fmt: skip
    counts = msel.import_plan(db, CTX, drill["number"], template)
    assert counts == {"objectives": 2, "people": 2, "injects": 3, "expects": 2,
                      "fields": counts["fields"]}  # fmt: skip
    shown = records.detail(db, drill["id"])
    assert shown["status"] == "prepared" and shown["name"] == "蒸湘区实验室样本泄漏专项演练"
    assert (shown["kind"], shown["hazard"], shown["grade"], shown["division"]) == (
        "functional",
        "lab_incident",
        "IV",
        "430408",
    )
    assert (shown["exposed"], shown["speed"]) == (8, 30)
    assert shown["sim_start"].startswith("2026-05-06T14:30:00")
    assert [p["code"] for p in shown["playbooks"]] == ["PB-LAB"]
    assert [o["code"] for o in shown["objectives"]] == ["O1", "O2"]  # O1: named by its place
    plan = stored(db, drill["id"])
    assert [(i["trigger"], i["offset_min"], i["after_no"], i["after_state"]) for i in plan] == [
        ("time", 5, None, "fired"),
        ("after", 90, 1, "done"),
        ("manual", 0, None, "fired"),
    ]
    assert [i["channel"] for i in plan] == ["phone", "fax", "phone"]
    assert plan[1]["to_agency"] == "HY-WJW" and plan[1]["objective"] == "O2"
    assert plan[2]["message"] == "=备用：停电" and plan[2]["contingency"] == 1
    assert plan[0]["expects"] == [{"action": "activate", "agency": "HY-WJW", "within_min": 60,
                                   "text": "启动预案", "objective": "O1"}]  # fmt: skip
    assert plan[1]["expects"][0]["action"] == "report"


def test_empty_items_keep_the_drills_fields_and_only_the_injects_sheet_is_needed(
    db, drill, tmp_path
):
    book = openpyxl.Workbook()
    book.active.title = "Injects"  # an English name
    book.active.append(["no", "message", "time"])
    book.active.append([1, "报告", 10])
    book.active.append([])  # an empty row is passed over, its number kept
    book.active.append([2, "续报", 40])
    book.create_sheet("Sheet2")  # an empty sheet is no sheet
    book.save(tmp_path / "bare.xlsx")
    assert msel.import_plan(db, CTX, drill["id"], tmp_path / "bare.xlsx")["injects"] == 2
    shown = records.detail(db, drill["id"])
    assert (shown["name"], shown["kind"]) == ("空白演练", "functional")
    assert [i["offset_min"] for i in stored(db, drill["id"])] == [10, 40]


# ---------------------------------------------------------------- export and read back


def test_an_exported_drill_reads_back_to_the_same_plan_and_imports_into_another(
    db, drill, template, tmp_path
):
    msel.import_plan(db, CTX, drill["id"], template)
    out = tmp_path / "exported.xlsx"
    assert msel.export(db, drill["id"], out) == {"objectives": 3, "people": 4, "injects": 4,
                                                  "expects": 5}  # fmt: skip
    assert openpyxl.load_workbook(out).sheetnames == SHEETS
    first, again = msel.read(template, db), msel.read(out, db)
    assert again["scenario"] == first["scenario"]
    checked, expected = injects.check_plan(db, again), injects.check_plan(db, first)
    for plan in (checked, expected):  # participants have no order
        plan["people"].sort(key=repr)
    assert checked == expected
    other = records.create(db, CTX, {"name": "复演", "kind": "综合演练"})
    msel.import_plan(db, CTX, other["id"], out)
    assert stored(db, other["id"]) == stored(db, drill["id"])
    a, b = records.detail(db, drill["id"]), records.detail(db, other["id"])
    fields = ("name", "kind", "scenario", "hazard", "grade", "division", "place", "exposed",
              "patients", "responders", "sites", "area_km2", "days", "speed",
              "sim_start")  # fmt: skip
    assert {k: a[k] for k in fields} == {k: b[k] for k in fields}
    for part in ("objectives", "people"):
        strip = lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]  # noqa: E731
        assert strip(a[part]) == strip(b[part])


def test_texts_that_look_like_formulas_are_exported_as_text(db, drill, template, tmp_path):
    filled(template, 事件清单=[[1, None, 0, None, None, "@SUM(1)", None, None,
                                '=HYPERLINK("http://x","y")', None, None]],
           预期行动=[])  # fmt: skip
    msel.import_plan(db, CTX, drill["id"], template)
    msel.export(db, drill["id"], tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["事件清单"]
    assert all(c.data_type == "s" for c in sheet[2] if isinstance(c.value, str))  # no formula
    assert msel.read(tmp_path / "out.xlsx", db)["injects"][0]["message"].startswith("=HYPER")


# ---------------------------------------------------------------- times after the start


@pytest.mark.parametrize(
    "cell, minutes",
    [(90, 90), (90.0, 90), ("90", 90), ("T+90", 90), ("1:30", 90), ("01:30:00", 90),
     ("1：30", 90), (time(1, 30), 90), (timedelta(hours=25), 1500), ("0", 0)],
)  # fmt: skip
def test_times_after_the_start_are_minutes_or_hours_and_minutes(cell, minutes):
    assert msel.minutes(cell) == minutes


@pytest.mark.parametrize(
    "cell",
    ["abc", -5, 1.5, "1:75", "1:30:30", date(2026, 3, 1), datetime(2026, 3, 1, 1, 30), True,
     float("nan"), float("inf"), 10**9, "T+"],
)  # fmt: skip
def test_times_that_are_not_minutes_are_refused_naming_the_value(cell):
    with pytest.raises(BioError) as caught:
        msel.minutes(cell)
    assert msel.shown(cell) in str(caught.value)


# ---------------------------------------------------------------- every problem named


def test_every_bad_cell_is_named_by_sheet_row_column_and_value_and_nothing_is_written(
    db, drill, template
):
    filled(
        template,
        情景=[["演练名称", "x"], ["演练类型", "演习"], ["暴露人数", "很多"], ["天气", "晴"],
              ["发生地区划", "999999"], ["预案（编码，逗号分隔）", "PB-EID, PB-NOPE"],
              ["演练名称", "y"], ["推演速度", 100]],
        目标=[["O1", "甲", None], ["o1", "乙", None], ["O3", None, None]],
        参演人员=[["评估员", None, None, None], ["裁判", "张三", "火星局", None]],
        事件清单=[
            [1, "随时", "abc", None, None, None, "市卫生局", "飞鸽", "x", "O9", "也许"],
            [1, "条件", 5, None, "待发", None, None, None, None, None, None],
            [date(2026, 3, 1), "延时", 5, 99, None, None, None, None, "y", None, None],
        ],
        预期行动=[[7, "跳舞", None, "两小时", None, None], [None, "报告", None, 5, None, None]],
    )  # fmt: skip
    before = content(db)
    found = problems(template, db)
    expected = {
        ("情景", 3, "演练类型"): "演习",
        ("情景", 4, "暴露人数"): "很多",
        ("情景", 5, "天气"): "演练名称",  # the items there are, listed
        ("情景", 6, "发生地区划"): "999999",
        ("情景", 7, "预案（编码，逗号分隔）"): "PB-NOPE",
        ("情景", 8, "演练名称"): "2",  # already in row 2
        ("情景", 9, "推演速度"): "100",
        ("目标", 3, "编号"): "O1",
        ("目标", 4, "目标"): "",
        ("参演人员", 2, "姓名"): "",
        ("参演人员", 3, "角色"): "裁判",
        ("参演人员", 3, "单位"): "火星局",
        ("事件清单", 2, "触发方式"): "随时",
        ("事件清单", 2, "时间（T+分钟）"): "abc",
        ("事件清单", 2, "接收单位"): "市卫生局",
        ("事件清单", 2, "渠道"): "飞鸽",
        ("事件清单", 2, "检验目标"): "O9",
        ("事件清单", 2, "备用事件"): "也许",
        ("事件清单", 3, "序号"): "1",  # already in row 2
        ("事件清单", 3, "前置状态"): "",
        ("事件清单", 3, "信息内容"): "",
        ("事件清单", 4, "序号"): "2026-03-01",
        ("事件清单", 4, "前置事件序号"): "99",
        ("预期行动", 2, "事件序号"): "7",
        ("预期行动", 2, "行动类型"): "跳舞",
        ("预期行动", 2, "时限（分钟）"): "两小时",
        ("预期行动", 3, "事件序号"): "",
    }
    assert set(expected) <= set(found), set(expected) - set(found)
    for where, value in expected.items():
        assert value in found[where], (where, found[where])
    with pytest.raises(msel.MselError):
        msel.import_plan(db, CTX, drill["id"], template)
    assert content(db) == before


def test_injects_that_wait_for_each_other_are_refused(db, template):
    filled(template, 事件清单=[[1, "延时", 5, 2, None, None, None, None, "x", None, None],
                                [2, "条件", 5, 1, None, None, None, None, "y", None, None]],
           预期行动=[])  # fmt: skip
    assert "1" in problems(template, db)[("事件清单", None, "")]


def test_a_refusal_reads_as_the_other_imports_do(db, template):
    filled(template, 事件清单=[[1, None, "abc", None, None, None, None, None, "x", None, None]],
           预期行动=[])  # fmt: skip
    with pytest.raises(msel.MselError) as caught:
        msel.read(template, db)
    assert "事件清单 第 2 行「时间（T+分钟）」：“abc”" in str(caught.value)
    assert str(caught.value).startswith("msel.xlsx")


def test_header_problems_and_sheets_unknown_or_missing(db, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "情景"
    book.active.append(["项目", "内容"])
    extra = book.create_sheet("事件清单1")  # misspelt: its rows would be lost
    extra.append(["序号"])
    targets = book.create_sheet("目标")
    targets.append(["编号", "目标", "备注", "目标"])
    book.create_sheet("说明").append(["whatever"])  # the instructions are not read
    book.save(tmp_path / "odd.xlsx")
    found = problems(tmp_path / "odd.xlsx", db)
    assert "情景" in found[("事件清单1", None, "")] and ("事件清单", None, "") in found
    assert ("目标", 1, "备注") in found and ("目标", 1, "目标") in found  # unknown, twice


def test_problems_are_listed_up_to_a_sane_number(db, template):
    rows = [
        [n, "随时", "abc", None, None, None, None, None, "x", None, None] for n in range(1, 200)
    ]
    filled(template, 事件清单=rows, 预期行动=[])
    with pytest.raises(msel.MselError) as caught:
        msel.read(template, db)
    assert len(caught.value.problems) == msel.MAX_PROBLEMS
    assert str(caught.value).count("\n") == msel.MAX_PROBLEMS + 1  # the heading, "and more"


# ---------------------------------------------------------------- hostile files


def test_files_that_are_not_workbooks_are_refused_by_name(db, tmp_path):
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not really a zip" * 10)
    with pytest.raises(BioError, match="fake.xlsx"):
        msel.read(tmp_path / "fake.xlsx", db)
    (tmp_path / "plan.csv").write_text("序号,信息内容\n1,x\n", encoding="utf-8")
    with pytest.raises(BioError, match="plan.csv"):
        msel.read(tmp_path / "plan.csv", db)
    with pytest.raises(BioError, match="missing.xlsx"):
        msel.read(tmp_path / "missing.xlsx", db)


def test_a_30_mb_file_is_refused_before_it_is_opened(db, tmp_path):
    huge = tmp_path / "huge.xlsx"
    with open(huge, "wb") as f:
        f.truncate(30 << 20)
    with pytest.raises(BioError, match="30 MB"):
        msel.read(huge, db)


def test_100_000_rows_are_refused_at_the_most_a_drill_holds(db, tmp_path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("事件清单")
    sheet.append(["序号", "信息内容"])
    for n in range(1, 100_001):
        sheet.append([n, "x"])
    book.save(tmp_path / "long.xlsx")
    found = problems(tmp_path / "long.xlsx", db)
    assert "2,000" in found[("事件清单", None, "")]


def test_a_sheet_too_large_is_refused_before_it_is_laid_out(db, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "事件清单"
    book.active.append(["序号", "信息内容"])
    book.active.cell(row=100_000, column=100, value=1)  # 10,000,000 cells of rectangle
    book.save(tmp_path / "sparse.xlsx")
    with pytest.raises(BioError, match="2,000,000"):
        msel.read(tmp_path / "sparse.xlsx", db)


def test_formulas_merged_cells_and_dates_in_number_columns_are_refused(db, template):
    book = openpyxl.load_workbook(template)
    sheet = book["事件清单"]
    sheet["C3"] = "=C2+30"
    sheet["D4"] = date(2026, 3, 1)
    sheet.merge_cells("G2:G4")
    book.save(template)
    found = problems(template, db)
    assert ("事件清单", 3, "时间（T+分钟）") in found
    assert "2026-03-01" in found[("事件清单", 4, "前置事件序号")]
    assert "3" in found[("事件清单", 2, "接收单位")]  # 3 rows × 1 column merged


def test_wrong_types_and_control_characters_are_bad_cells_not_crashes(db, template):
    rows = [[True, None, None, None, None, "a_x0000_b", None, None, "x", None, 5],
            [2.5, None, None, None, None, None, None, None, "y_x001B_", None, None]]  # fmt: skip
    filled(template, 事件清单=rows, 预期行动=[])
    found = problems(template, db)
    assert {("事件清单", 2, "序号"), ("事件清单", 2, "发送方"), ("事件清单", 2, "备用事件"),
            ("事件清单", 3, "序号"), ("事件清单", 3, "信息内容")} <= set(found)  # fmt: skip


def test_the_reader_gives_every_sheet_with_its_formulas_and_merged_ranges(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "甲"
    book.active.append(["a", "b"])
    book.active.append(["=1+1", 2])
    book.active.merge_cells("A3:B3")
    book.create_sheet("乙 & <丙>").append(["x"])
    book.save(tmp_path / "two.xlsx")
    first, second = spreadsheet.read_sheets(tmp_path / "two.xlsx")
    assert (first.name, first.header) == ("甲", ["a", "b"])
    assert (first.formulas, first.merged) == (["A2"], [(3, 1, 3, 2)])
    assert (second.name, second.header, list(second.rows)) == ("乙 & <丙>", ["x"], [])
    many = openpyxl.Workbook()
    for n in range(spreadsheet.MAX_SHEETS):
        many.create_sheet(f"S{n}")
    many.save(tmp_path / "many.xlsx")
    with pytest.raises(BioError, match="32"):
        spreadsheet.read_sheets(tmp_path / "many.xlsx")
    assert spreadsheet.read_rows(tmp_path / "many.xlsx")[0] == []  # the first sheet alone: read


def test_a_zip_of_the_wrong_parts_is_refused(db, tmp_path):
    with zipfile.ZipFile(tmp_path / "parts.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(BioError, match="parts.xlsx"):
        msel.read(tmp_path / "parts.xlsx", db)


CELL = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["定时", "延时", "条件", "manual", "已接收", "HY-WJW", "市卫生健康委", "O1",
                     "1:30", "是", "否", "=1+1"]),
    st.integers(-5, 3000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(date(1900, 3, 1), date(2199, 12, 31)),
    st.times(),
)  # fmt: skip


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=11, max_size=11), min_size=1, max_size=5))
def test_fuzz_any_cells_give_a_plan_the_drill_takes_or_named_problems(db, template, rows):
    filled(template, 事件清单=rows, 预期行动=[])
    try:
        plan = msel.read(template, db)
    except msel.MselError as error:
        assert error.problems and all(p.sheet == "事件清单" and p.reason for p in error.problems)
    else:
        injects.check_plan(db, plan)  # never refused once read


# ---------------------------------------------------------------- once started


def test_no_import_once_the_drill_has_started(db, drill, template):
    msel.import_plan(db, CTX, drill["id"], template)
    sandbox.start(db, CTX, drill["id"]).close()
    before = content(db)
    with pytest.raises(BioError, match=records.get(db, drill["id"])["number"]):
        msel.import_plan(db, CTX, drill["id"], template)
    assert content(db) == before


# ---------------------------------------------------------------- the command line


def test_bioreserve_template_msel_writes_the_workbook(capsys, db_path, db, tmp_path):
    code, out, err = invoke(capsys, "--db", str(db_path), "template", "msel", "--out",
                            str(tmp_path / "t.xlsx"))  # fmt: skip
    assert code == 0, err
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames == SHEETS
    code, _, _ = invoke(capsys, "--db", str(db_path), "template", "items", "--out",
                        str(tmp_path / "i.xlsx"))  # fmt: skip
    assert code == 0 and openpyxl.load_workbook(tmp_path / "i.xlsx").sheetnames[0] == "物资目录"
