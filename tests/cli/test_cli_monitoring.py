"""The monitoring commands exactly as the issue names them, with --json, as a script uses
them; personal data masked unless shown with a reason."""

import json
from datetime import date, timedelta

import pytest

from desktop.core.monitoring import personal
from desktop.core.store import db as dbmod
from tests.helpers.cli import content, invoke

TODAY = date.today()


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


@pytest.fixture
def bio(capsys, demo_path):
    run = lambda *args: invoke(capsys, "--db", str(demo_path), *args)  # noqa: E731
    run.path = demo_path
    return run


def ok(bio, *args):
    code, out, err = bio("--json", *args)
    assert code == 0, err
    return json.loads(out)


def an_id(seq: str) -> str:
    first = "43042219850315" + seq
    return first + personal.check_character(first)


@pytest.fixture
def incident(bio) -> str:
    """An incident of its own (the demo incident has monitoring of its own)."""
    return ok(bio, "incident", "create", "--title", "某地疑似炭疽暴露", "--hazard", "bioterror",
              "--grade", "II", "--division", "430422")["number"]  # fmt: skip


def test_people_sites_schedules_due_results_list_and_report(bio, incident, tmp_path):
    exposed = (TODAY - timedelta(days=2)).isoformat()
    person = ok(bio, "monitoring", "person-add", "--incident", incident, "--name", "王五",
                "--id-number", an_id("123"), "--phone", "13907340000", "--division", "430422",
                "--cohort", "密切接触者", "--exposed", exposed)  # fmt: skip
    assert set(person) == {"id"}
    site = ok(bio, "monitoring", "site-add", "--incident", incident, "--kind", "水体",
              "--place", "湘江取水口", "--division", "430422", "--agency", "HY-STHJJ")  # fmt: skip
    assert set(site) == {"id"}
    ok(bio, "monitoring", "schedule-add", "--incident", incident, "--cohort", "密切接触者",
       "--measure", "体温", "--every-days", "1", "--for-days", "21",
       "--start", exposed, "--normal-max", "37.2")  # fmt: skip
    ok(bio, "monitoring", "schedule-add", "--incident", incident, "--site", site["id"],
       "--measure", "水样检测", "--every-days", "7", "--for-days", "183")  # fmt: skip
    due = ok(bio, "monitoring", "due", "--incident", incident)
    assert due and all(set(row) == {"check", "subject", "measure", "due"} for row in due)
    assert {row["subject"] for row in due} == {"王五", "湘江取水口"}
    by_agency = ok(bio, "monitoring", "due", "--agency", "HY-STHJJ", "--incident", incident)
    assert by_agency[0]["measure"] == "水样检测"
    today = [row for row in due if row["due"] == TODAY.isoformat() and row["subject"] == "王五"]
    done = ok(bio, "monitoring", "result", today[0]["check"], "--value", "38.5", "--note", "发热")
    assert done["abnormal"] is True
    assert len(ok(bio, "monitoring", "due", "--incident", incident)) == len(due) - 1
    listed = ok(bio, "monitoring", "list", "--incident", incident)
    assert listed[0]["id_number"] == personal.mask_id(an_id("123"))
    assert listed[0]["phone"] == "139****0000"
    code, _, err = bio("monitoring", "list", "--incident", incident, "--show-personal")
    assert code == 1 and "why" in err
    shown = ok(bio, "monitoring", "list", "--incident", incident, "--show-personal",
               "--reason", "核对身份")  # fmt: skip
    assert shown[0]["id_number"] == an_id("123")
    [alert] = ok(bio, "monitoring", "alerts", "--incident", incident)
    ok(bio, "monitoring", "handle", alert["id"], "--note", "已复查，体温正常")
    assert ok(bio, "monitoring", "alerts", "--incident", incident) == []
    ok(bio, "monitoring", "recommend", "--incident", incident, "--text", "建议密接者满21天解除。")
    log = ok(bio, "incident", "log", incident)
    assert any("38.5" in entry["text"] for entry in log)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--id-number", "430422198503151230"], "check digit"),
        (["--id-number", "12345"], "18 characters"),
        (["--cohort", "friends"], "friends"),
        (["--division", "999999"], "999999"),
        (["--exposed", "tomorrow"], "tomorrow"),
    ],
)
def test_bad_people_are_refused_and_nothing_changes(bio, incident, args, words):
    db = dbmod.open_db(bio.path)
    before = content(db)
    db.close()
    given = {"--name": "赵六", "--id-number": an_id("555"), "--cohort": "exposed",
             "--division": "430422"}  # fmt: skip
    given.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for pair in given.items() for x in pair]
    code, _, err = bio("monitoring", "person-add", "--incident", incident, *flat)
    assert code == 1 and words in err, err
    db = dbmod.open_db(bio.path)
    assert content(db) == before
    db.close()


def test_a_result_for_no_check_and_schedules_for_both_or_neither_are_refused(bio, incident):
    code, _, err = bio("monitoring", "result", "nonsense", "--value", "1")
    assert code == 1 and "check" in err
    code, _, err = bio("monitoring", "schedule-add", "--incident", incident, "--measure", "x",
                       "--every-days", "1", "--for-days", "1")  # fmt: skip
    assert code == 1 and "cohort" in err
    code, _, err = bio("monitoring", "schedule-add", "--incident", incident, "--cohort",
                       "exposed", "--measure", "x", "--every-days", "0",
                       "--for-days", "1")  # fmt: skip
    assert code == 1
