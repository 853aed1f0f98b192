"""The expert and agency commands as a script uses them: JSON shapes, exit codes, messages."""

import json
from datetime import date

import openpyxl
import pytest

from desktop.core import imports as importer
from desktop.core.context import Ctx
from desktop.core.roster import experts
from desktop.core.store import db as dbmod
from tests.helpers.cli import invoke

ROW = ["张三", "男", "衡阳市疾病预防控制中心", "主任医师", "流行病学、病原检测", "430422",
       "13800001234", "0734-8123456", "生物安全培训合格证", date(2027, 6, 30)]  # fmt: skip


@pytest.fixture
def db_path(demo_path):
    """The station's file: a copy of the demo database made once per run."""
    return demo_path


@pytest.fixture
def station(capsys, db_path):
    """bioreserve … on a demo station."""

    def bio(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    return bio


def with_db(db_path, fn):
    db = dbmod.open_db(db_path)
    try:
        return fn(db)
    finally:
        db.close()


def test_expert_list_in_json(station):
    code, out, _ = station("--json", "expert", "list")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 12
    assert {"name", "organisation", "specialties", "available"} <= rows[0].keys()
    he = next(r for r in rows if r["name"] == "贺安澜")
    assert he["specialties"] == ["epidemiology", "biodefence"] and he["available"] is True
    assert he["mobile"] == "138****0001"


def test_expert_list_filters(station, db_path):
    code, out, _ = station("--json", "expert", "list", "--specialty", "lab_biosafety")
    assert sorted(r["name"] for r in json.loads(out)) == ["廖石砚", "彭雁秋", "罗慕衡"]
    _, out, _ = station("--json", "expert", "list", "--search", "hal")
    assert [r["name"] for r in json.loads(out)] == ["贺安澜"]
    with_db(
        db_path,
        lambda db: experts.set_availability(
            db, Ctx("os:test"), experts.search(db, "pyq")[0]["id"], "on_mission"
        ),
    )
    _, out, _ = station("--json", "expert", "list", "--specialty", "实验室生物安全", "--available")
    assert sorted(r["name"] for r in json.loads(out)) == ["廖石砚", "罗慕衡"]
    code, out, _ = station("expert", "list", "--search", "pyq")
    assert code == 0 and "彭雁秋" in out and "138****0006" in out and "13800000006" not in out
    code, _, err = station("expert", "list", "--specialty", "astrology")
    assert code == 1 and "astrology" in err


def test_template_import_and_skip_invalid(station, tmp_path):
    path = tmp_path / "experts.xlsx"
    assert station("template", "experts", "--out", str(path))[0] == 0
    book = openpyxl.load_workbook(path)
    assert "说明" in book.sheetnames
    book.worksheets[0].append(ROW)
    book.worksheets[0].append(["李四", "M", *ROW[2:6], "1390000111", *ROW[7:]])
    book.save(path)

    code, out, err = station("--json", "expert", "import", str(path))
    assert code == 1
    data = json.loads(out)
    assert data["imported"] == 0
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(3, "性别"), (3, "手机")]
    [line] = [line for line in err.splitlines() if "性别" in line]
    assert "3" in line and "手机" in line  # one line per bad row

    code, out, _ = station("--json", "expert", "import", str(path), "--skip-invalid")
    assert code == 0 and json.loads(out)["imported"] == 1
    _, out, _ = station("--json", "expert", "list", "--search", "zs")
    assert [r["name"] for r in json.loads(out)] == ["张三"]


def test_export_masked_and_unmasked(station, tmp_path, db_path):
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    code, out, _ = station("--json", "expert", "export", "--out", str(masked))
    assert code == 0 and json.loads(out) == {"path": str(masked), "experts": 12, "masked": True}
    rows = list(openpyxl.load_workbook(masked).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert all(r[6].startswith("138****") for r in rows)
    assert station("expert", "export", "--out", str(full), "--unmasked")[0] == 0
    rows = list(openpyxl.load_workbook(full).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert {r[6] for r in rows} >= {"13800000001", "13800000012"}
    assert station("expert", "export", "--out", str(tmp_path / "x.csv"))[0] == 1
    assert with_db(db_path, lambda db: importer.validate(db, "experts", full)).ok


def test_duplicates_and_alerts(station, db_path):
    code, out, _ = station("--json", "expert", "duplicates")
    assert code == 0 and json.loads(out) == []

    def twin_and_certificate(db):
        he = experts.search(db, "hal")[0]
        values = {k: he[k] for k in experts.FIELDS}
        experts.save_expert(db, Ctx("os:test"), {**values, "organisation": "另一单位"})
        experts.add_qualification(db, Ctx("os:test"), he["id"], "合格证", "", None, "2000-01-01")

    with_db(db_path, twin_and_certificate)
    _, out, _ = station("--json", "expert", "duplicates")
    [group] = json.loads(out)
    assert group["name"] == "贺安澜" and len(group["experts"]) == 2
    assert group["mobile"] == "138****0001"
    code, out, _ = station("expert", "duplicates")
    assert code == 0 and "贺安澜" in out
    _, out, _ = station("--json", "expert", "list", "--search", "贺安澜")
    assert len(json.loads(out)) == 2  # not merged

    code, out, _ = station("--json", "expert", "alerts")
    [alert] = json.loads(out)
    assert (alert["expert"], alert["certificate"], alert["expires_on"]) == (
        "贺安澜",
        "合格证",
        "2000-01-01",
    )
    assert alert["days_left"] < 0


def test_agency_list_and_set(station):
    code, out, _ = station("--json", "agency", "list")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 51 and rows[0]["code"].startswith("HY-")
    code, out, _ = station(
        "--json", "agency", "set", "--code", "HY-WJW", "--contact", "王五",
        "--duty-phone", "0734-8123456",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["contact"], data["duty_phone"]) == ("王五", "0734-8123456")
    code, _, err = station("agency", "set", "--code", "HY-WJW", "--duty-phone", "8123456")
    assert code == 1 and "8123456" in err
    assert station("agency", "set", "--code", "HY-NONE", "--contact", "x")[0] == 1
    assert station("agency", "set", "--code", "HY-WJW")[0] == 1
    code, out, _ = station("agency", "list")
    assert "王五" in out and "0734-8123456" in out
    assert station("check")[0] == 0
