"""预案库 as a user meets it: built on first show, the list of versions with the shipped
playbooks (the first six retired by their corrections), the editor read-only on an approved
version, a new version to edit (task title, order of tasks, factors), approval retiring the
old version, and a refused import said in red."""

import json

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.core import playbooks
from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.playbooks.diff_view import DiffModel, rows_of
from desktop.ui.playbooks.page import PlaybooksPage
from desktop.ui.shell.jobs import actor
from tests.helpers.playbooks_ui import (
    CURRENT,
    DRAFT,
    SHIPPED,
    TIMEOUT,
    choose,
    edit,
    make_draft,
    open_page,
)
from tests.helpers.ui import wait_idle


@pytest.fixture
def page(qtbot, worker):
    return open_page(qtbot, worker)


def test_the_page_is_built_on_first_show_only(qtbot, worker):
    page = PlaybooksPage(worker)
    qtbot.addWidget(page)
    assert page.model is None and page.editor is None
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    assert page.model is not None and page.editor is not None


def test_the_list_shows_the_shipped_playbooks(qtbot, page):
    rows = page.model.rows
    expected = [code for code in SHIPPED for _ in range(2 if code == "PB-LAB-ANIMAL" else 3)]
    assert [r["code"] for r in rows] == expected
    assert page.model.index(0, 1).data() == "生物恐怖袭击与生物武器攻击处置预案"
    assert page.model.index(0, 2).data() == playbook_labels.hazards()["bioterror"]
    assert page.model.index(0, 3).data() == "1"
    assert page.model.index(0, 4).data() == playbook_labels.statuses()["retired"]
    assert page.model.index(1, 3).data() == "2"
    assert page.model.index(1, 4).data() == playbook_labels.statuses()["retired"]
    assert page.model.index(2, 3).data() == "3"
    assert page.model.index(2, 4).data() == playbook_labels.statuses()["approved"]
    assert page.model.index(2, 5).data() == page.tr("Example")
    assert "20" in page.count_label.text()


def test_search_and_hazard_filter(qtbot, page):
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.hazard.setCurrentIndex(page.hazard.findData("lab_incident"))
    assert [r["code"] for r in page.model.rows] == ["PB-LAB"] * 3 + ["PB-LAB-ANIMAL"] * 2
    page.hazard.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.search.setText("疫点疫区消毒")
    assert [r["code"] for r in page.model.rows] == ["PB-EID"] * 3


def test_an_approved_version_is_read_only(qtbot, page):
    doc = choose(qtbot, page, "PB-EID", CURRENT)
    editor = page.editor
    assert doc["status"] == "approved" and editor.read_only
    assert not editor.banner.isHidden()
    assert editor.banner.text() == editor.tr(
        "An approved version cannot be changed; make a new version."
    )  # 已批准的版本不能修改，请生成新版本
    assert editor.title.isReadOnly() and not editor.hazard.isEnabled()
    assert not editor.save_header_button.isEnabled()
    assert not editor.structure.save_button.isEnabled()
    assert not editor.structure.buttons["down"].isEnabled()
    assert editor.structure.task_form.title.isReadOnly()
    assert not editor.factors.buttons["add"].isEnabled()
    assert not editor.actions_by_key["approve"].isEnabled()
    assert editor.actions_by_key["new_version"].isEnabled()


def test_new_version_gives_an_editable_draft(qtbot, page, demo_db):
    doc = make_draft(qtbot, page)
    assert doc["status"] == "draft" and doc["based_on"] == CURRENT
    assert not page.editor.read_only and page.editor.banner.isHidden()
    assert not page.editor.title.isReadOnly()
    assert page.editor.structure.save_button.isEnabled()
    assert [(r["code"], r["version"]) for r in page.model.rows].count(("PB-EID", DRAFT)) == 1
    assert playbooks.get(demo_db, "PB-EID", DRAFT)["status"] == "draft"


def test_editing_a_task_title_saves_it(qtbot, page, demo_db):
    doc = make_draft(qtbot, page)
    task = doc["phases"][0]["tasks"][0]
    structure = page.editor.structure
    page.editor.show_tab(structure)
    assert structure.select(task["id"]) and structure.current_kind() == "task"
    structure.task_form.title.setText("传染病疫情监测与早期预警（修订）")
    edit(qtbot, page, structure.save)
    saved = playbooks.get(demo_db, "PB-EID", DRAFT)["phases"][0]["tasks"][0]
    assert saved["title"] == "传染病疫情监测与早期预警（修订）"
    assert saved["lead_agency"] == task["lead_agency"]
    assert [a["code"] for a in saved["support_agencies"]] == [
        a["code"] for a in task["support_agencies"]
    ]
    assert saved["checklist"] == task["checklist"] and saved["specialties"] == task["specialties"]
    assert structure.tree.currentItem().text(0) == saved["title"]
    shipped = playbooks.get(demo_db, "PB-EID", CURRENT)
    assert shipped["phases"][0]["tasks"][0]["title"] == task["title"]


def test_moving_a_task_down_changes_the_order(qtbot, page, demo_db):
    doc = make_draft(qtbot, page)
    phase = next(p for p in doc["phases"] if len(p["tasks"]) >= 2)
    first, second = phase["tasks"][0]["id"], phase["tasks"][1]["id"]
    structure = page.editor.structure
    structure.select(first)
    edit(qtbot, page, structure.buttons["down"].click)
    stored = next(
        p for p in playbooks.get(demo_db, "PB-EID", DRAFT)["phases"] if p["id"] == phase["id"]
    )
    assert [t["id"] for t in stored["tasks"]][:2] == [second, first]
    assert structure.current_id() == first  # the moved task stays selected


def test_adding_and_moving_a_factor(qtbot, page, demo_db):
    make_draft(qtbot, page)
    factors = page.editor.factors
    before = playbooks.get(demo_db, "PB-EID", DRAFT)["factors"]
    factors.category.setCurrentIndex(factors.category.findData("DISINF"))
    factors.basis.setCurrentIndex(factors.basis.findData("per_site"))
    factors.qty.setValue(3)
    factors.days.setValue(7)
    edit(qtbot, page, factors.buttons["add"].click)
    after = playbooks.get(demo_db, "PB-EID", DRAFT)["factors"]
    assert len(after) == len(before) + 1
    added = after[-1]
    assert (added["category"], added["basis"], added["qty_per_day"], added["days"]) == (
        "DISINF",
        "per_site",
        3,
        7,
    )
    assert factors.current_id() == added["id"]
    edit(qtbot, page, factors.buttons["up"].click)
    assert playbooks.get(demo_db, "PB-EID", DRAFT)["factors"][-2]["id"] == added["id"]


def test_a_refused_edit_is_said_in_red(qtbot, page, demo_db):
    make_draft(qtbot, page)
    page.editor.title.setText("   ")
    with qtbot.waitSignal(page.editor.refused, timeout=TIMEOUT) as refused:
        page.editor.save_header_button.click()
    assert refused.args[0] == page.editor.message.text()
    assert "title" in refused.args[0]
    assert playbooks.get(demo_db, "PB-EID", DRAFT)["title"] == "重大新发突发传染病疫情处置预案"


def test_approving_the_draft_retires_the_old_version(qtbot, page, demo_db, monkeypatch):
    make_draft(qtbot, page)
    asked = []
    monkeypatch.setattr(page.editor, "confirm", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(
        page.editor.loaded, timeout=TIMEOUT, check_params_cb=lambda d: d["status"] == "approved"
    ):
        page.editor.actions_by_key["approve"].trigger()
    assert asked and "PB-EID" in asked[0]
    assert playbooks.get(demo_db, "PB-EID", DRAFT)["status"] == "approved"
    assert playbooks.get(demo_db, "PB-EID", CURRENT)["status"] == "retired"
    assert page.editor.read_only and not page.editor.banner.isHidden()
    qtbot.waitUntil(
        lambda: (
            {(r["version"], r["status"]) for r in page.model.rows if r["code"] == "PB-EID"}
            == {(1, "retired"), (2, "retired"), (CURRENT, "retired"), (DRAFT, "approved")}
        ),
        timeout=TIMEOUT,
    )


def test_declining_the_confirmation_changes_nothing(qtbot, page, demo_db, monkeypatch):
    choose(qtbot, page, "PB-LAB", CURRENT)
    monkeypatch.setattr(page.editor, "confirm", lambda text: False)
    page.editor.actions_by_key["retire"].trigger()
    wait_idle(qtbot, page.worker)
    assert playbooks.get(demo_db, "PB-LAB", CURRENT)["status"] == "approved"


def test_importing_a_broken_file_is_refused_inline(qtbot, page, tmp_path, demo_db):
    broken = tmp_path / "broken.json"
    doc = playbooks.export_json(demo_db, "PB-LAB", CURRENT, tmp_path / "lab.json")
    data = json.loads(doc.read_text(encoding="utf-8"))
    data["phases"][0]["tasks"][0]["lead_agency"] = "HY-NOPE"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(page.editor.refused, timeout=TIMEOUT) as refused:
        page.editor.import_json(broken)
    assert "HY-NOPE" in refused.args[0] and "broken.json" in refused.args[0]
    assert page.editor.message.text() == refused.args[0]
    assert len(playbooks.listing(demo_db)) == 20


def test_importing_a_good_file_makes_a_draft(qtbot, page, tmp_path, demo_db):
    path = playbooks.export_json(demo_db, "PB-FAW", CURRENT, tmp_path / "faw.json")
    with qtbot.waitSignal(
        page.editor.loaded, timeout=TIMEOUT, check_params_cb=lambda d: d["version"] == DRAFT
    ):
        page.editor.import_json(path)
    assert page.editor.doc["code"] == "PB-FAW" and page.editor.doc["status"] == "draft"
    qtbot.waitUntil(lambda: page.selected() == ("PB-FAW", DRAFT), timeout=TIMEOUT)


def test_export_writes_the_version(qtbot, page, tmp_path):
    choose(qtbot, page, "PB-FAW", CURRENT)
    target = tmp_path / "out.json"
    page.editor.export_json(target)
    qtbot.waitUntil(lambda: str(target) in page.editor.message.text(), timeout=TIMEOUT)
    assert json.loads(target.read_text(encoding="utf-8"))["code"] == "PB-FAW"


def test_the_list_and_diff_models_are_well_behaved(qtmodeltester, qtbot, page, demo_db):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.editor.factors.model)
    draft = playbooks.new_version(demo_db, actor(), "PB-EID", CURRENT)
    model = DiffModel()
    lists = page.lists
    model.set_diff(playbooks.diff(demo_db, "PB-EID", 1, draft), 1, draft, lists)
    qtmodeltester.check(model)
    assert rows_of(playbooks.diff(demo_db, "PB-EID", CURRENT, CURRENT), lists) == []


def test_text_fields_stay_legible_when_read_only(qtbot, page):
    choose(qtbot, page, "PB-EID", CURRENT)
    for field in page.editor.structure.task_form.findChildren(QLineEdit):
        if field.parent() is page.editor.structure.task_form:
            assert field.isEnabled()
