"""The playbook commands as a script uses them."""

import json

import pytest

from desktop.cli import cli
from desktop.cli.playbooks import register
from tests.helpers.cli import invoke


@pytest.fixture
def bio(capsys, fresh_db, db_path):
    if "playbook" not in cli.commands:
        register(cli)
    return lambda *args: invoke(capsys, "--db", str(db_path), *args)


def test_list_json_has_code_title_hazard_version_status(bio):
    code, out, _ = bio("--json", "playbook", "list")
    data = json.loads(out)
    assert code == 0 and len(data) == 20  # six shipped, two corrections each, PB-LAB-ANIMAL 1–2
    assert all(set(row) == {"code", "title", "hazard", "version", "status"} for row in data)
    assert {"PB-BIOTERROR", "PB-EID", "PB-LAB"} <= {row["code"] for row in data}
    code, out, _ = bio("playbook", "list")
    assert code == 0 and "PB-EID" in out


def test_show_json_has_phases_tasks_and_agencies_by_name(bio):
    code, out, _ = bio("--json", "playbook", "show", "PB-BIOTERROR")
    doc = json.loads(out)
    assert code == 0 and doc["code"] == "PB-BIOTERROR" and doc["version"] == 3
    phases = {p["phase"]: p for p in doc["phases"]}
    assert {"treatment", "disinfection", "long_term_monitoring"} <= set(phases)
    task = phases["treatment"]["tasks"][0]
    assert task["lead_agency"]["name"] == "衡阳市应急管理局"
    assert task["lead_agency"]["short_name"] == "市应急管理局"
    assert all(a["name"] and a["code"] for a in task["support_agencies"])
    assert task["clause"] == "三（六）二"
    code, out, _ = bio("playbook", "show", "PB-BIOTERROR")
    assert code == 0 and "救治与安置" in out and "市卫生健康委" in out


def test_show_an_unknown_code_fails_with_one_line(bio):
    code, _, err = bio("playbook", "show", "PB-NONE")
    assert code == 1 and "PB-NONE" in err and "Traceback" not in err


def test_export_import_new_version_and_approve(bio, tmp_path):
    path = tmp_path / "eid.json"
    assert bio("playbook", "export", "PB-EID", "--out", str(path))[0] == 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "bioreserve-playbook/2" and doc["code"] == "PB-EID"
    code, out, _ = bio("--json", "playbook", "import", str(path))
    assert code == 0 and json.loads(out) == {"code": "PB-EID", "version": 4, "status": "draft"}
    code, out, _ = bio("--json", "playbook", "new-version", "PB-EID", "--from", "1")
    assert code == 0 and json.loads(out)["version"] == 5
    assert bio("playbook", "approve", "PB-EID", "5")[0] == 0
    rows = {
        (r["version"], r["status"])
        for r in json.loads(bio("--json", "playbook", "list")[1])
        if r["code"] == "PB-EID"
    }
    assert rows == {(1, "retired"), (2, "retired"), (3, "retired"), (4, "draft"), (5, "approved")}
    code, _, err = bio("playbook", "approve", "PB-EID", "5")
    assert code == 1 and err.strip()


def test_import_refusal_names_the_place(bio, tmp_path):
    path = tmp_path / "bad.json"
    bio("playbook", "export", "PB-LAB", "--out", str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["phases"][0]["tasks"][0]["lead_agency"] = "HY-XXX"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = bio("playbook", "import", str(path))
    assert code == 1 and "phases[1].tasks[1].lead_agency" in err and "HY-XXX" in err


def test_matrix_writes_a_pdf(bio, tmp_path):
    path = tmp_path / "matrix.pdf"
    code, out, _ = bio("--json", "playbook", "matrix", "--out", str(path))
    data = json.loads(out)
    assert code == 0 and data["pages"] >= 1 and path.read_bytes().startswith(b"%PDF")


def test_an_imported_version_whose_agencies_depart_from_the_plan_is_noted(capsys, tmp_path):
    import json as _json

    from tests.helpers.cli import cli_station, invoke

    path = tmp_path / "s.db"
    cli_station(path, "HY-T", "测试站").close()
    exported = tmp_path / "eid.json"
    code, _, err = invoke(capsys, "--db", str(path), "playbook", "export", "PB-EID",
                          "--out", str(exported))  # fmt: skip
    assert code == 0, err
    doc = _json.loads(exported.read_text(encoding="utf-8"))
    task = doc["phases"][0]["tasks"][0]
    task["support_agencies"] = [*task.get("support_agencies", []), "HY-GAJ"]  # 市公安局
    exported.write_text(_json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = invoke(capsys, "--db", str(path), "--json", "playbook", "import",
                            str(exported))  # fmt: skip
    assert code == 0, err
    assert "HY-GAJ" in err
    assert _json.loads(out)["departures"][0]["agencies"] == ["HY-GAJ"]
