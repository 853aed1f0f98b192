"""The drill commands exactly as the issue names them, as a script uses them: plan, start,
act inside the sandbox with --drill, status, end, close; refusals with exit 1."""

import json

import pytest

from desktop.core import i18n
from desktop.core.store import db as dbmod
from tests.helpers.cli import content, invoke


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Refusals read in English here (their Chinese is checked by the catalogue's test)."""
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def bio(capsys, demo_path):
    run = lambda *args: invoke(capsys, "--db", str(demo_path), *args)  # noqa: E731
    run.path = demo_path
    return run


def ok(bio, *args) -> dict | list:
    code, out, err = bio("--json", *args)
    assert code == 0, err
    return json.loads(out)


def create(bio) -> dict:
    return ok(bio, "drill", "create", "--name", "不明原因肺炎桌面推演", "--type", "桌面推演",
              "--playbook", "PB-EID", "--hazard", "infectious_disease", "--grade", "III",
              "--division", "430405", "--exposed", "300", "--days", "14")  # fmt: skip


def test_a_whole_drill_from_the_command_line_leaves_live_data_alone(bio):
    made = create(bio)
    assert set(made) == {"id", "number"} and made["number"].startswith("YL-DEMO-")
    seq = made["number"].rsplit("-", 1)[1]

    def listed() -> dict:
        return {d["number"]: d for d in ok(bio, "drill", "list")}[made["number"]]

    assert listed()["status"] == "planned"
    started = ok(bio, "drill", "start", seq)
    assert started["sandbox"].endswith(f"{made['number']}.db")
    db = dbmod.open_db(bio.path)
    incidents_before = db.execute("SELECT count(*) FROM incident").fetchone()[0]
    db.close()
    # any command inside the drill's sandbox
    inc = ok(bio, "--drill", seq, "incident", "create", "--title", "演练事件", "--hazard",
             "infectious_disease", "--grade", "III", "--division", "430405")  # fmt: skip
    assert inc["number"].startswith("YL-SJ-")
    ok(
        bio,
        "--drill",
        made["number"],
        "incident",
        "activate",
        inc["number"],
        "--playbook",
        "PB-EID",
    )
    drafted = ok(bio, "--drill", seq, "incident", "draft-orders", inc["number"])
    assert all(o["number"].startswith("YL-TB-") for o in drafted["orders"])
    status = ok(bio, "drill", "status", seq)
    assert set(status) >= {"clock", "injects_fired", "expected"}
    assert status["status"] == "running" and status["clock"]["speed"] == 1
    assert ok(bio, "drill", "pause", seq)["status"] == "paused"
    assert listed()["status_shown"] == "paused"
    assert ok(bio, "drill", "resume", seq)["status"] == "running"
    assert ok(bio, "drill", "end", seq)["status"] == "ended"
    # ended: nothing more is played in its sandbox; its own commands still work
    code, _, err = bio("--drill", seq, "incident", "create", "--title", "结束后", "--hazard",
                       "infectious_disease", "--grade", "IV", "--division", "430405")  # fmt: skip
    assert code == 1 and made["number"] in err and ("结束" in err or "ended" in err)
    assert ok(bio, "--drill", seq, "incident", "list") is not None  # reading goes on
    assert ok(bio, "drill", "status", seq)["status"] == "ended"
    # the live database never saw the drill's incident
    db = dbmod.open_db(bio.path)
    assert db.execute("SELECT count(*) FROM incident").fetchone()[0] == incidents_before
    assert db.execute("SELECT count(*) FROM incident WHERE number LIKE 'YL-%'").fetchone()[0] == 0
    db.close()
    code, _, err = bio("drill", "close", seq)  # no terminal to confirm: refused
    assert code == 1
    closed = ok(bio, "drill", "close", seq, "--yes")
    assert closed["number"] == made["number"]
    assert listed()["status"] == "evaluated"


@pytest.mark.parametrize(
    "args, words",
    [
        (["drill", "create", "--name", "x", "--type", "军演"], "军演"),
        (["drill", "create", "--name", " ", "--type", "桌面推演"], "name"),
        (["drill", "create", "--name", "x", "--type", "桌面推演", "--playbook", "NOPE"], "NOPE"),
        (["drill", "create", "--name", "x", "--type", "桌面推演", "--speed", "600"], "60"),
        (["drill", "start", "999"], "999"),
        (["drill", "status", "YL-NONE"], "YL-NONE"),
        (["--drill", "42", "incident", "list"], "42"),
    ],
)
def test_bad_input_is_refused_with_its_cause_and_changes_nothing(bio, args, words):
    db = dbmod.open_db(bio.path)
    before = content(db)
    db.close()
    code, out, err = bio(*args)
    assert code == 1 and words in err, err
    db = dbmod.open_db(bio.path)
    assert content(db) == before
    db.close()


def test_a_drill_not_started_has_no_sandbox_and_drill_commands_refuse_drill_option(bio):
    made = create(bio)
    code, _, err = bio("--drill", made["number"], "incident", "list")
    assert code == 1 and "start it first" in err
    ok(bio, "drill", "start", made["number"])
    code, _, err = bio("--drill", made["number"], "drill", "list")
    assert code == 1 and "--drill" in err
    code, out, _ = bio("--drill", made["number"], "info")
    assert code == 0 and "演练" in out


def test_drill_run_auto_reports_per_item_on_a_copy_and_changes_nothing(bio, tmp_path):
    workbook, pdf = tmp_path / "scenario.xlsx", tmp_path / "aar.pdf"
    code, _, err = bio("template", "msel", "--out", str(workbook))
    assert code == 0, err
    db = dbmod.open_db(bio.path)
    before = content(db)
    db.close()
    result = ok(bio, "drill", "run", str(workbook), "--auto", "--out", str(pdf))
    assert result["injects_fired"] >= 1 and result["playbooks"]
    assert result["items"] and all(
        set(i) >= {"item", "required", "have", "shortage", "days_of_supply"}
        for i in result["items"]
    )
    for item in result["items"]:
        assert item["shortage"] == max(item["required"] - item["have"], 0)
    assert pdf.exists() and result["report"] == str(pdf)
    db = dbmod.open_db(bio.path)
    assert content(db) == before  # a throw-away copy: nothing real changed
    db.close()
    code, _, err = bio("drill", "run", str(workbook))  # --auto is required
    assert code == 1 and "--auto" in err


def test_a_scenario_whose_playbooks_do_not_apply_says_why(bio, tmp_path):
    """PB-LAB named by an infectious-disease scenario: refused with activation's own reason,
    not a missing-needs message about a throw-away incident."""
    import openpyxl

    workbook = tmp_path / "scenario.xlsx"
    assert bio("template", "msel", "--out", str(workbook))[0] == 0
    book = openpyxl.load_workbook(workbook)
    sheet = book["情景"]
    for row in sheet.iter_rows(min_row=2):
        if str(row[0].value or "").startswith("预案"):
            row[1].value = "PB-LAB"
    book.save(workbook)
    code, _, err = bio("drill", "run", str(workbook), "--auto")
    assert code == 1 and "PB-LAB" in err and ("Laboratory" in err or "实验室" in err), err
