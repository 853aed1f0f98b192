"""Playbooks: the shipped ones as reference data, the versioning rules, diff, and the
bioreserve-playbook files (export → import round trip, refusals)."""

import json

import pytest

from desktop.core import json_text, playbooks
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.paths import resource
from desktop.core.playbooks import clauses, shipped
from desktop.core.playbooks import files as playbook_io
from desktop.core.setup import initdb, refdata
from desktop.core.store import check

CTX = Ctx("os:test")
SHIPPED = {
    "PB-BIOTERROR",
    "PB-EID",
    "PB-ASF-AI",
    "PB-FAW",
    "PB-INVASIVE",
    "PB-LAB",
    "PB-LAB-ANIMAL",
}
LATEST = {code: 2 if code == "PB-LAB-ANIMAL" else 3 for code in SHIPPED}
TABLES = ("playbook", "playbook_phase", "playbook_task", "playbook_factor")


def content(doc: dict) -> dict:
    """A document without what a new version changes (version, status)."""
    return {k: v for k, v in doc.items() if k not in ("version", "status")}


def test_shipped_playbooks_load_identically_on_two_stations(tmp_path):
    a = initdb.init_database(tmp_path / "a.db", "HY-A", "甲站")
    b = initdb.init_database(tmp_path / "b.db", "HY-B", "乙站")
    ops = "SELECT origin, seq, hash FROM oplog WHERE origin LIKE 'REF-playbook%' ORDER BY 1, 2"
    assert a.execute(ops).fetchall() == b.execute(ops).fetchall()
    for table in TABLES:
        rows = f"SELECT * FROM {table} ORDER BY id"
        assert a.execute(rows).fetchall() == b.execute(rows).fetchall()
        assert a[table].count > 0
    assert check.run(a) == []


def test_every_shipped_playbook_covers_treatment_disinfection_and_long_term_monitoring(fresh_db):
    listed = playbooks.listing(fresh_db)
    assert {r["code"] for r in listed} == SHIPPED
    latest = {(r["code"], r["version"]): r for r in listed if r["version"] == LATEST[r["code"]]}
    assert all(r["status"] == "approved" and r["example"] for r in latest.values())
    assert all(r["status"] == "retired" for r in listed if (r["code"], r["version"]) not in latest)
    for code in SHIPPED:
        doc = playbooks.get(fresh_db, code)
        phases = {p["phase"] for p in doc["phases"]}
        assert {"treatment", "disinfection", "long_term_monitoring"} <= phases, code
        assert doc["clauses"] and clauses.clean_clauses(doc["clauses"]) == doc["clauses"]
        for phase in doc["phases"]:
            for task in phase["tasks"]:
                lead = task["lead_agency"]["code"]
                assert lead.startswith(("HY-", "COUNTY-")), task["title"]
                cited = [str(c) for c in clauses.citations(task["clause"])]
                assert cited and set(cited) <= set(doc["clauses"]), task["title"]
        assert doc["factors"] and all("示例参数" in f["note"] for f in doc["factors"])


def test_the_bioterror_playbook_follows_clause_three_six(fresh_db):
    doc = playbooks.get(fresh_db, "PB-BIOTERROR")
    assert [p["title"] for p in doc["phases"]] == [
        "监测预警",
        "救治与安置",
        "环境消毒",
        "生态修复",
        "安全监测",
        "社会秩序恢复",
        "长期监测",
    ]
    long_term = doc["phases"][-1]["tasks"]
    leads = {t["lead_agency"]["short_name"] for t in long_term}
    assert leads == {"市生态环境局", "市卫生健康委"}
    assert all(t["clause"] == "三（六）三" for t in long_term)


def test_reloading_reference_data_changes_nothing(fresh_db):
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    assert refdata.load(fresh_db).applied == 0
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_an_unknown_agency_code_in_a_shipped_file_is_an_error_at_load(
    fresh_db, tmp_path, monkeypatch
):
    doc = json.loads(resource("playbooks", "eid.json").read_text(encoding="utf-8"))
    doc["phases"][0]["tasks"][0]["lead_agency"] = "HY-NOPE"
    (tmp_path / "eid.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(
        shipped,
        "resource",
        lambda *parts: tmp_path / "eid.json" if parts[-1] == "eid.json" else resource(*parts),
    )
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    with pytest.raises(Invalid) as error:
        refdata.load(fresh_db)
    assert "resources/playbooks/eid.json: phases[1].tasks[1].lead_agency" in str(error.value)
    assert "HY-NOPE" in str(error.value)
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_an_approved_version_refuses_every_edit(fresh_db):
    doc = playbooks.get(fresh_db, "PB-EID")
    phase = doc["phases"][0]
    task = phase["tasks"][0]
    factor = doc["factors"][0]
    edits = [
        lambda: playbooks.save_playbook_header(fresh_db, CTX, doc["id"], {**doc, "title": "x"}),
        lambda: playbooks.add_phase(fresh_db, CTX, doc["id"], {"phase": "other"}),
        lambda: playbooks.save_phase(fresh_db, CTX, phase["id"], {"phase": "other"}),
        lambda: playbooks.move_phase(fresh_db, CTX, phase["id"], 1),
        lambda: playbooks.add_task(
            fresh_db, CTX, phase["id"], {"title": "x", "lead_agency": "HY-WJW"}
        ),
        lambda: playbooks.save_task(
            fresh_db, CTX, task["id"], {"title": "x", "lead_agency": "HY-WJW"}
        ),
        lambda: playbooks.move_task(fresh_db, CTX, task["id"], 1),
        lambda: playbooks.add_factor(fresh_db, CTX, doc["id"], {"category": "PPE"}),
        lambda: playbooks.save_factor(fresh_db, CTX, factor["id"], {"category": "PPE"}),
        lambda: playbooks.move_factor(fresh_db, CTX, factor["id"], 1),
    ]
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    for edit in edits:
        with pytest.raises(BioError, match="不能修改"):
            edit()
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_new_version_copies_into_a_draft_that_can_be_edited(fresh_db):
    version = playbooks.new_version(fresh_db, CTX, "PB-EID", 3)
    assert version == 4
    old, new = playbooks.get(fresh_db, "PB-EID", 3), playbooks.get(fresh_db, "PB-EID")
    assert new["version"] == 4 and new["status"] == "draft" and new["based_on"] == 3
    assert content(playbook_io.document(old)) == content(playbook_io.document(new))
    assert old["status"] == "approved"
    phase = new["phases"][0]
    playbooks.add_task(
        fresh_db,
        CTX,
        phase["id"],
        {
            "title": "发热门诊哨点强化监测",
            "lead_agency": "HY-WJW",
            "support_agencies": ["HY-SCJGJ"],
            "deadline_hours": 24,
            "min_grade": "III",
            "clause": "三（一）",
        },
    )
    playbooks.move_phase(fresh_db, CTX, new["phases"][-1]["id"], -1)
    playbooks.add_factor(
        fresh_db,
        CTX,
        new["id"],
        {"category": "DRUG", "basis": "per_patient", "qty_per_day": 2, "days": 7},
    )
    edited = playbooks.get(fresh_db, "PB-EID", 4)
    assert [t["title"] for t in edited["phases"][0]["tasks"]][-1] == "发热门诊哨点强化监测"
    assert edited["phases"][-2]["phase"] == "long_term_monitoring"
    assert edited["factors"][-1]["note"] == playbooks.FACTOR_NOTE
    assert check.run(fresh_db) == []


def test_status_moves_forward_only_and_approval_retires_the_old_version(fresh_db):
    version = playbooks.new_version(fresh_db, CTX, "PB-LAB", 2)
    playbooks.approve(fresh_db, CTX, "PB-LAB", version)
    assert playbooks.get(fresh_db, "PB-LAB", 2)["status"] == "retired"
    assert playbooks.get(fresh_db, "PB-LAB", version)["status"] == "approved"
    with pytest.raises(BioError, match="只有草稿"):
        playbooks.approve(fresh_db, CTX, "PB-LAB", 2)
    with pytest.raises(BioError, match="只有草稿"):
        playbooks.approve(fresh_db, CTX, "PB-LAB", version)
    playbooks.retire(fresh_db, CTX, "PB-LAB", version)
    with pytest.raises(BioError, match="已停用"):
        playbooks.retire(fresh_db, CTX, "PB-LAB", version)
    assert all(c["playbook"] != "PB-LAB" for c in playbooks.matrix(fresh_db)["columns"])
    assert check.run(fresh_db) == []


def test_diff_finds_a_changed_task_and_added_and_removed_ones(fresh_db):
    version = playbooks.new_version(fresh_db, CTX, "PB-FAW", 2)
    draft = playbooks.get(fresh_db, "PB-FAW", version)
    first = draft["phases"][0]["tasks"][0]
    values = playbook_io.document(draft)["phases"][0]["tasks"][0]
    playbooks.save_task(
        fresh_db, CTX, first["id"], {**values, "deadline_hours": 12, "support_agencies": []}
    )
    playbooks.remove_task(fresh_db, CTX, draft["phases"][-1]["tasks"][0]["id"])
    playbooks.add_task(
        fresh_db,
        CTX,
        draft["phases"][-1]["id"],
        {"title": "越冬虫源调查", "lead_agency": "HY-NYJ", "clause": "三（一）二"},
    )
    playbooks.save_playbook_header(
        fresh_db, CTX, draft["id"], {**playbook_io.document(draft), "grades": ["I", "II"]}
    )
    result = playbooks.diff(fresh_db, "PB-FAW", 2, version)
    assert not result["same"]
    assert result["header"] == [
        {"field": "grades", "old": ["I", "II", "III", "IV"], "new": ["I", "II"]},
        {
            "field": "sources",
            "old": {"grades": "national_plan", "factors": "example"},
            "new": {"grades": "local", "factors": "example"},
        },
    ]
    changed = {t["title"]: t for t in result["tasks"]["changed"]}
    fields = {f["field"]: f for f in changed[first["title"]]["fields"]}
    assert fields["deadline_hours"] == {"field": "deadline_hours", "old": 24, "new": 12}
    assert fields["support_agencies"]["new"] == []
    assert fields["sources"]["new"]["deadline_hours"] == "local"
    assert result["tasks"]["added"] == [{"phase": "长期监测", "title": "越冬虫源调查"}]
    assert result["tasks"]["removed"] == [{"phase": "长期监测", "title": "发生区持续监测"}]
    assert playbooks.diff(fresh_db, "PB-FAW", 2, 2)["same"]


def test_export_then_import_round_trip(fresh_db, tmp_path):
    for code in SHIPPED:
        shipped_version = LATEST[code]
        first = tmp_path / f"{code}-1.json"
        playbooks.export_json(fresh_db, code, shipped_version, first)
        assert playbooks.import_json(fresh_db, CTX, first) == (code, shipped_version + 1)
        second = tmp_path / f"{code}-2.json"
        playbooks.export_json(fresh_db, code, shipped_version + 1, second)
        a = json.loads(first.read_text(encoding="utf-8"))
        b = json.loads(second.read_text(encoding="utf-8"))
        assert content(a) == content(b)
        assert (b["version"], b["status"]) == (shipped_version + 1, "draft")
    assert check.run(fresh_db) == []


def test_a_file_with_a_new_code_becomes_version_one_draft(fresh_db, tmp_path):
    path = tmp_path / "pb.json"
    playbooks.export_json(fresh_db, "PB-LAB", 1, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.update(code="PB-LAB-BSL3", title="高等级实验室事件处置预案", example=False)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert playbooks.import_json(fresh_db, CTX, path) == ("PB-LAB-BSL3", 1)
    imported = playbooks.get(fresh_db, "PB-LAB-BSL3")
    assert imported["status"] == "draft" and imported["based_on"] is None
    assert not imported["example"]


@pytest.mark.parametrize(
    "change, where",
    [
        (
            lambda d: d["phases"][1]["tasks"][0].update(lead_agency="HY-XXX"),
            "phases[2].tasks[1].lead_agency",
        ),
        (
            lambda d: d["phases"][0]["tasks"][0].update(support_agencies=["HY-GAJ", "HY-YYY"]),
            "phases[1].tasks[1].support_agencies",
        ),
        (lambda d: d.update(hazard="asteroid"), "hazard"),
        (lambda d: d.update(grades=["V"]), "grades"),
        (lambda d: d["factors"][0].update(basis="per_cow"), "factors[1].basis"),
        (lambda d: d["factors"][1].update(item="NOPE-0001"), "factors[2].item"),
        (lambda d: d["phases"][2].update(phase="party"), "phases[3].phase"),
        (
            lambda d: d["phases"][0]["tasks"][0].update(min_grade="V"),
            "phases[1].tasks[1].min_grade",
        ),
        (
            lambda d: d["phases"][0]["tasks"][0]["specialties"].append({"code": "astrology"}),
            "phases[1].tasks[1].specialties",
        ),
        (lambda d: d.update(format="something/2"), "format"),
        (lambda d: d.update(title="生物\u202e恐怖"), "title"),  # it reversed a terminal's line
        (lambda d: d.update(title="长" * 201), "title"),
        (
            lambda d: d["phases"][0]["tasks"][0].update(instructions="x" * 20_001),
            "phases[1].tasks[1].instructions",
        ),  # fmt: skip
        (
            lambda d: d["phases"][0]["tasks"][0].update(checklist=["核对\x1b[2J"]),
            "phases[1].tasks[1].checklist",
        ),  # fmt: skip
    ],
)
def test_import_refuses_with_a_precise_message(fresh_db, tmp_path, change, where):
    path = tmp_path / "pb.json"
    playbooks.export_json(fresh_db, "PB-BIOTERROR", 1, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    with pytest.raises(Invalid) as error:
        playbooks.import_json(fresh_db, CTX, path)
    assert str(error.value).startswith("pb.json: ")
    assert where in str(error.value) or error.value.field == where
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


@pytest.mark.parametrize(
    "content, words",
    [
        (b"{not json", ("line 1, column 2",)),
        (b"[" * 100_000, ("nested",)),  # was a RecursionError: exit 2
        ('{"标题": 1}'.encode("gbk"), ("UTF-8",)),
        (b" " * (json_text.MAX_BYTES + 1), ("MB",)),  # refused before it is parsed
    ],
)
@pytest.mark.usefixtures("english")
def test_import_refuses_a_file_that_is_not_json_saying_why(fresh_db, tmp_path, content, words):
    path = tmp_path / "pb.json"
    path.write_bytes(content)
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    with pytest.raises(BioError, match="pb.json") as refused:
        playbooks.import_json(fresh_db, CTX, path)
    assert all(word in str(refused.value) for word in words), refused.value
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_the_matrix_marks_lead_and_support(fresh_db):
    data = playbooks.matrix(fresh_db)
    assert {c["playbook"] for c in data["columns"]} == SHIPPED
    rows = {r["short_name"]: r["cells"] for r in data["rows"]}
    column = next(
        i
        for i, c in enumerate(data["columns"])
        if c["playbook"] == "PB-BIOTERROR" and c["phase"] == "long_term_monitoring"
    )
    assert rows["市生态环境局"][column] == "lead"
    assert rows["市卫生健康委"][column] == "lead"
    treatment = next(
        i
        for i, c in enumerate(data["columns"])
        if c["playbook"] == "PB-BIOTERROR" and c["phase"] == "treatment"
    )
    assert rows["市应急管理局"][treatment] == "lead"  # 三（六）二 lists it first
    assert rows["市民政局"][treatment] == "lead"
