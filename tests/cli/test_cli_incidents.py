"""The incident commands exactly as the issue names them, as a script uses them."""

import json

import pytest

from desktop.core.store import db as dbmod
from tests.helpers.cli import content, invoke


@pytest.fixture
def bio(capsys, demo_path):
    run = lambda *args: invoke(capsys, "--db", str(demo_path), *args)  # noqa: E731
    run.path = demo_path
    return run


def create(bio, *extra):
    code, out, err = bio(
        "--json", "incident", "create", "--title", "衡南县某小区聚集性发热", "--hazard",
        "infectious_disease", "--grade", "III", "--division", "430422", "--exposed", "120",
        "--patients", "8", "--responders", "40", "--sites", "3", "--area", "1.5", "--days",
        "10", *extra,
    )  # fmt: skip
    assert code == 0, err
    return json.loads(out)


def test_create_returns_id_and_number_and_show_list_find_it(bio):
    made = create(bio)
    assert set(made) == {"id", "number"} and made["number"].startswith("SJ-DEMO-")
    code, out, _ = bio("--json", "incident", "show", made["number"])
    shown = json.loads(out)
    assert code == 0 and shown["id"] == made["id"] and shown["area_km2"] == 1.5
    code, out, _ = bio("incident", "show", made["id"])
    assert code == 0 and "衡南县某小区聚集性发热" in out
    code, out, _ = bio("--json", "incident", "list")
    assert made["number"] in [r["number"] for r in json.loads(out)]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--hazard", "meteor"], "meteor"),
        (["--grade", "V"], "V"),
        (["--exposed", "-5"], ""),
        (["--area", "abc"], "abc"),
        (["--division", "999999"], "999999"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(bio, args, words):
    db = dbmod.open_db(bio.path)
    before = content(db)
    db.close()
    base = {"--title": "x", "--hazard": "bioterror", "--grade": "II", "--division": "430422"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    code, out, err = bio("incident", "create", *[x for kv in base.items() for x in kv])
    assert code == 1 and words in err and "Traceback" not in err
    db = dbmod.open_db(bio.path)
    assert content(db) == before
    db.close()


def test_the_whole_worst_day_through_the_cli(bio, tmp_path):
    made = create(bio)
    ref = made["number"]
    code, _, err = bio("incident", "activate", ref, "--playbook", "PB-BIOTERROR")
    assert code == 1 and "PB-BIOTERROR" in err  # a playbook of another hazard
    code, out, err = bio("--json", "incident", "activate", ref, "--playbook", "PB-EID")
    assert code == 0 and json.loads(out)["tasks"] == 8
    code, out, _ = bio("--json", "incident", "tasks", ref)
    board = json.loads(out)
    assert len(board) == 8
    assert set(board[0]) == {"id", "title", "phase", "lead_agency", "support_agencies", "due",
                             "status"}  # fmt: skip
    assert board[0]["status"] == "not_started" and board[0]["lead_agency"] == "HY-WJW"
    code, out, _ = bio("--json", "incident", "escalate", ref, "--grade", "重大", "--reason", "扩散")
    assert code == 0 and json.loads(out)["tasks"] == 1
    code, out, _ = bio("--json", "incident", "tasks", ref)
    assert len(json.loads(out)) == 9
    code, out, err = bio("--json", "incident", "task-status", board[0]["id"], "已接收", "--note",
                         "已收到")  # fmt: skip
    assert code == 0 and json.loads(out)["status"] == "received"
    code, out, err = bio("incident", "task-status", board[0]["id"], "blocked")
    assert code == 1 and err
    code, out, _ = bio("--json", "incident", "needs", ref)
    rows = json.loads(out)
    assert rows and all(set(r) == {"item", "required", "have", "need", "unit"} for r in rows)
    assert all(r["need"] == max(r["required"] - r["have"], 0) for r in rows)
    code, out, _ = bio("--json", "incident", "draft-orders", ref)
    drafted = json.loads(out)
    assert code == 0 and drafted["orders"]
    code, out, _ = bio("--json", "order", "list", "--incident", ref)
    assert {o["number"] for o in json.loads(out)} == {o["number"] for o in drafted["orders"]}
    code, out, _ = bio("--json", "incident", "report", ref, "--kind", "first", "--signer", "李主任",
                       "--measures", "已隔离密切接触者")  # fmt: skip
    report = json.loads(out)
    assert code == 0 and report["step"] == "unit_to_county_health"
    code, out, _ = bio("--json", "incident", "report", ref, "--kind", "进程报告")
    assert code == 0 and json.loads(out)["kind"] == "progress"
    code, _, err = bio("incident", "report", ref, "--kind", "interim")
    assert code == 1 and "interim" in err
    pdf = tmp_path / "report.pdf"
    code, out, err = bio("--json", "incident", "report-print", report["number"], "--out", str(pdf))
    assert code == 0 and pdf.exists() and json.loads(out)["pages"] == 1, err
    code, out, _ = bio("--json", "incident", "log", ref, "--add", "指挥部成立")
    entries = json.loads(out)
    assert code == 0 and "指挥部成立" in [e["text"] for e in entries]
    assert {"activation", "grade", "task", "report", "order", "manual"} <= {
        e["kind"] for e in entries}  # fmt: skip
    sheet = tmp_path / "wjw.pdf"
    code, out, err = bio("incident", "assignment-list", ref, "--agency", "HY-WJW", "--out",
                         str(sheet))  # fmt: skip
    assert code == 0 and sheet.exists(), err
    code, _, err = bio("incident", "assignment-list", ref, "--agency", "NOPE", "--out", str(sheet))
    assert code == 1 and "NOPE" in err
    code, out, _ = bio("--json", "incident", "close", ref)
    assert code == 0 and json.loads(out)["status"] == "closed"
    code, _, err = bio("incident", "activate", ref, "--playbook", "PB-EID")
    assert code == 1 and err


def test_an_unknown_incident_or_task_is_a_refusal(bio):
    for args in (["show", "SJ-NOPE"], ["tasks", "nope"], ["task-status", "nope", "done"],
                 ["needs", "x"], ["close", "x"], ["log", "x"]):  # fmt: skip
        code, _, err = bio("incident", *args)
        assert code == 1 and err and "Traceback" not in err


def test_report_deadlines_are_shown_as_set_and_an_empty_value_is_refused(bio):
    code, out, _ = bio("incident", "report-deadlines", "--set", "progress_hours=12")
    assert code == 0 and "每 12 小时" in out and "12.0" not in out and "14 天" in out
    code, _, err = bio("incident", "report-deadlines", "--set", "progress_hours=")
    assert code == 1 and "progress_hours=" in err
    code, out, _ = bio("--json", "incident", "report-deadlines")
    assert code == 0 and json.loads(out)["progress_hours"] == 12
