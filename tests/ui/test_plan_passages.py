"""方案依据 opens the plan's own words (issue 15, points 3, 4 and 7): from a task of 预案库,
from a task of an incident and from a drill objective citing a clause, the passage shows
the clause's paragraph with the cited item shaded and, for a clause applied by analogy
(参照), the task's note saying why; the responsibility matrix keeps the agencies the plan
names in one clause; every field the plan does not set says where it comes from."""

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core import incidents, playbooks
from desktop.core.incidents import tasks
from desktop.core.playbooks import plan, provenance
from desktop.ui.widgets.plan_passage import LINK, PlanPassageDialog
from tests.helpers.drills_ui import CTX, make_drill
from tests.helpers.playbooks_ui import choose, edit, open_page
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, show_tab, wait_idle

pytestmark = pytest.mark.usefixtures("chinese")


def current(db, code: str) -> dict:
    """The approved version of a playbook, as playbooks.get gives it."""
    versions = [r for r in playbooks.listing(db) if r["code"] == code and r["status"] == "approved"]
    return playbooks.get(db, code, max(r["version"] for r in versions))


def find_task(doc: dict, title: str) -> dict:
    return next(t for p in doc["phases"] for t in p["tasks"] if t["title"] == title)


def shown_task(qtbot, page, doc: dict, title: str):
    """The task selected in 阶段与任务; its form."""
    task = find_task(doc, title)
    choose(qtbot, page, doc["code"], doc["version"])
    structure = page.editor.structure
    page.editor.show_tab(structure)
    assert structure.select(task["id"])
    return task, structure.task_form


def click_link(qtbot, label, signal, index: int) -> PlanPassageDialog:
    """Activate the link of citation `index` as a click on it does; the dialog opened."""
    with qtbot.waitSignal(signal, timeout=TIMEOUT) as opened:
        label.linkActivated.emit(f"{LINK}{index}")
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def cited(ref: str) -> str:
    shown = plan.passage(ref)
    start, end = shown["highlight"]
    return shown["text"][start:end]


# ------------------------------------------------------------------------- 预案库


def test_a_playbook_task_opens_the_cited_passage_with_its_item_shaded(qtbot, worker, demo_db):
    doc = current(demo_db, "PB-EID")
    page = open_page(qtbot, worker)
    task, form = shown_task(qtbot, page, doc, "疫点疫区消毒")
    assert task["clause"] == "三（一）一；参照三（六）二"
    assert form.clause_links.text().count(f"href='{LINK}") == 2  # one link per citation
    dialog = click_link(qtbot, form.clause_links, form.passage_opened, 1)
    assert dialog.tabs.count() == 2 and dialog.tabs.currentIndex() == 1
    view = dialog.current()
    assert view.passage["ref"] == "三（六）二"
    assert view.text() == plan.passage("三（六）二")["text"]  # the whole paragraph
    assert view.highlighted() == cited("三（六）二")  # the cited item, and only it, shaded
    assert "二是加强救援处置" in view.heading.text()
    assert view.note is not None and task["clause_note"] in view.note.text()  # why 参照
    assert task["title"] in dialog.windowTitle()
    first = dialog.views[0]
    assert first.passage["ref"] == "三（一）一" and first.note is None
    assert first.highlighted() == cited("三（一）一")


def test_copying_a_passage_puts_the_cited_words_on_the_clipboard(qtbot, worker, demo_db):
    doc = current(demo_db, "PB-EID")
    page = open_page(qtbot, worker)
    _task, form = shown_task(qtbot, page, doc, "传染病和不明原因疾病研判与预警")
    dialog = click_link(qtbot, form.clause_links, form.passage_opened, 0)
    with qtbot.waitSignal(dialog.copied, timeout=TIMEOUT) as copied:
        dialog.copy_button.click()
    assert cited("三（一）一") in copied.args[0] and "三（一）一" in copied.args[0]
    assert QApplication.clipboard().text() == copied.args[0]


def test_the_editor_says_where_each_field_not_from_the_plan_comes_from(qtbot, worker, demo_db):
    doc = current(demo_db, "PB-EID")
    page = open_page(qtbot, worker)
    task, form = shown_task(qtbot, page, doc, "传染病和不明原因疾病研判与预警")
    for field, tag in form.tags.items():
        assert tag.text().endswith(provenance.label(task["sources"][field])), field
    assert task["sources"]["deadline_hours"] == "regulation"
    assert "突发公共卫生事件应急条例" in form.tags["deadline_hours"].text()
    assert "示例" in form.tags["checklist"].text()  # 示例（可修改）
    editor = page.editor
    assert editor.grades_source.text().endswith(provenance.label("national_plan"))
    assert editor.factors.source.text().endswith(provenance.label("example"))
    assert editor.clause_links.text().count(f"href='{LINK}") == len(doc["clauses"])


def test_a_version_made_before_sources_were_kept_says_so(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    old = playbooks.get(demo_db, "PB-EID", 1)
    assert old["sources"] == {}
    task, form = shown_task(qtbot, page, old, old["phases"][0]["tasks"][0]["title"])
    assert all(tag.text().endswith(provenance.label(None)) for tag in form.tags.values())
    assert page.editor.grades_source.text().endswith(provenance.label(None))


def test_a_draft_checks_its_clauses_as_they_are_typed_and_keeps_the_note(qtbot, worker, demo_db):
    doc = current(demo_db, "PB-EID")
    page = open_page(qtbot, worker)
    choose(qtbot, page, "PB-EID", doc["version"])
    with qtbot.waitSignal(
        page.editor.loaded, timeout=TIMEOUT, check_params_cb=lambda d: d["status"] == "draft"
    ):
        page.editor.actions_by_key["new_version"].trigger()
    draft = page.editor.doc
    task, form = shown_task(qtbot, page, draft, "环境与污水病原监测")
    assert form.clause.isVisible() and not form.clause_note.isHidden()
    form.clause.setText("三（九）")
    assert "（九）" in form.named.toolTip() and "href" not in form.clause_links.text()
    form.clause.setText("三（六）三")  # no 参照: the note may go
    assert "href" in form.clause_links.text()
    form.clause.setText("参照三（六）三")
    form.clause_note.setPlainText("监测传染病疫情发生区域的环境，参照执行。")
    edit(qtbot, page, page.editor.structure.save)
    saved = find_task(playbooks.get(demo_db, "PB-EID", draft["version"]), task["title"])
    assert saved["clause"] == "参照三（六）三"
    assert saved["clause_note"] == "监测传染病疫情发生区域的环境，参照执行。"


def test_a_changed_deadline_becomes_the_stations_own_rule(qtbot, worker, demo_db):
    doc = current(demo_db, "PB-EID")
    page = open_page(qtbot, worker)
    choose(qtbot, page, "PB-EID", doc["version"])
    with qtbot.waitSignal(
        page.editor.loaded, timeout=TIMEOUT, check_params_cb=lambda d: d["status"] == "draft"
    ):
        page.editor.actions_by_key["new_version"].trigger()
    task, form = shown_task(qtbot, page, page.editor.doc, "定点救治与中西医协同")
    assert form.tags["deadline_hours"].text().endswith(provenance.label("example"))
    form.deadline.setValue((task["deadline_hours"] or 0) + 6)
    edit(qtbot, page, page.editor.structure.save)
    assert form.tags["deadline_hours"].text().endswith(provenance.label("local"))
    assert form.tags["checklist"].text().endswith(provenance.label("example"))


# ------------------------------------------------------------------------- 责任矩阵


def matrix_view(qtbot, page):
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab("matrix")
    view = page.matrix_view
    if view.model.rowCount() == 0:
        qtbot.waitSignal(view.loaded, timeout=TIMEOUT).wait()
    return view


def agencies_shown(view) -> list[str]:
    return [row["agency"] for row in view.model.agencies]


def test_the_matrix_keeps_the_agencies_of_one_clause(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    view = matrix_view(qtbot, page)
    everyone = agencies_shown(view)
    with qtbot.waitSignal(view.filtered, timeout=TIMEOUT) as filtered:
        assert view.choose_clause("三（六）二")
    named = plan.agencies("三（六）二")
    assert agencies_shown(view) == [code for code in named if code in everyone]
    assert filtered.args[0] == view.model.rowCount()  # the agencies
    assert view.model.index(0, 0).data() == "市应急管理局"  # the plan names it first
    assert "HY-YJJ" in everyone
    assert set(view.model.missing()) == set(named) - set(everyone)
    assert f"{len(named)}" in view.clause_note.text()
    with qtbot.waitSignal(view.dialog_opened, timeout=TIMEOUT) as opened:
        view.passage_button.click()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert dialog.current().highlighted() == cited("三（六）二")
    with qtbot.waitSignal(view.filtered, timeout=TIMEOUT):
        view.choose_clause(None)
    assert agencies_shown(view) == everyone and not view.passage_button.isEnabled()


def test_the_matrix_filter_survives_a_refresh(qtbot, worker):
    page = open_page(qtbot, worker)
    view = matrix_view(qtbot, page)
    view.choose_clause("三（六）三")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    assert agencies_shown(view) == [
        c for c in plan.agencies("三（六）三") if c in agencies_shown(view)
    ]
    assert set(agencies_shown(view)) <= {"HY-STHJJ", "HY-WJW"}


# ------------------------------------------------------------------------- 事件


def eid_incident(db) -> dict:
    made = incidents.create(
        db,
        CTX,
        {"title": "雁峰区聚集性不明原因肺炎", "hazard": "infectious_disease", "grade": "III",
         "division": "430406", "exposed": 40, "patients": 6, "responders": 30},
    )  # fmt: skip
    incidents.activate(db, CTX, made["id"], "PB-EID")
    return made


def board_task(qtbot, worker, db, made: dict, title: str):
    """The incident's task board with the task chosen: (the task as listed, its detail)."""
    row = next(t for t in tasks.listing(db, made["id"]) if t["title"] == title)
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "tasks")
    assert tab.select(row["id"])
    return row, tab.detail


def test_an_incident_task_opens_the_passage_of_its_clause(qtbot, worker, demo_db):
    made = eid_incident(demo_db)
    row, detail = board_task(qtbot, worker, demo_db, made, "传染病和不明原因疾病研判与预警")
    assert f"href='{LINK}0'" in detail.text.text()
    dialog = click_link(qtbot, detail.text, detail.passage_opened, 0)
    view = dialog.current()
    assert view.passage["ref"] == row["clause"] == "三（一）一"
    assert view.text() == plan.passage("三（一）一")["text"]
    assert view.highlighted() == cited("三（一）一")
    assert "各县市区卫生健康局" in view.highlighted()


def test_an_incident_task_applying_a_clause_by_analogy_says_why(qtbot, worker, demo_db):
    made = eid_incident(demo_db)
    row, detail = board_task(qtbot, worker, demo_db, made, "疫点疫区消毒")
    playbook_task = find_task(current(demo_db, "PB-EID"), "疫点疫区消毒")
    dialog = click_link(qtbot, detail.text, detail.passage_opened, 1)
    view = dialog.current()
    assert view.passage["ref"] == "三（六）二" and view.highlighted() == cited("三（六）二")
    assert playbook_task["clause_note"] in view.note.text()


def test_an_incident_task_says_where_its_fields_come_from(qtbot, worker, demo_db):
    made = eid_incident(demo_db)
    _row, detail = board_task(qtbot, worker, demo_db, made, "传染病和不明原因疾病研判与预警")
    shown = detail.text.text()
    assert f"来源：{provenance.label('regulation')}" in shown  # the deadline's
    assert f"来源：{provenance.label('example')}" in shown  # the checklist's, the grade's


# ------------------------------------------------------------------------- 演练


def test_a_drill_objective_citing_a_clause_opens_it_and_others_do_not(qtbot, worker, demo_db):
    from desktop.ui.drills.page import DrillsPage

    made = make_drill(demo_db)
    page = DrillsPage(worker)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    wait_idle(qtbot, worker)
    qtbot.waitUntil(lambda: page.model.find(made["id"]) >= 0, timeout=TIMEOUT)
    if (page.current or {}).get("drill", {}).get("id") != made["id"]:
        with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
            page.select(made["id"])
    view = page.plan
    citations = [view.objectives.row(n)["citation"] for n in range(view.objectives.rowCount())]
    assert citations == ["《条例》第十九条", "PB-BIOTERROR", "三（二）"]
    assert view.open_citation(0) is None and view.open_citation(1) is None
    with qtbot.waitSignal(view.passage_opened, timeout=TIMEOUT) as opened:
        view.objectives_table.doubleClicked.emit(view.objectives.index(2, 0))
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    passage = dialog.current()
    assert passage.passage["ref"] == "三（二）"
    assert passage.highlighted() == plan.passage("三（二）")["text"]  # a whole sub-section


# ------------------------------------------------------------------------- 版本对比


def test_the_diff_names_the_sources_and_the_note_in_words(qtbot, worker, demo_db):
    from desktop.ui.playbooks.diff_view import rows_of

    page = open_page(qtbot, worker)
    doc = current(demo_db, "PB-EID")
    rows = rows_of(playbooks.diff(demo_db, "PB-EID", 1, doc["version"]), page.lists)
    header = next(r for r in rows if r[0].endswith("来源") and r[0].startswith("基本信息"))
    assert header[1] == "—"
    assert f"{provenance.field_label('grades')}：{provenance.label('national_plan')}" in header[2]
    assert any(r[0].endswith("参照说明") for r in rows)


# ------------------------------------------------------------------------- bad clauses


@pytest.mark.parametrize(
    "clause",
    ["三（十九）", "三（一）九", "<b>三（一）</b>", "三（一）一；" * 40, "\x00三", "参照"],
)
def test_a_clause_the_plan_does_not_have_is_said_and_opens_nothing(qtbot, clause):
    from desktop.ui.widgets.plan_passage import ClauseLinks

    links = ClauseLinks()
    qtbot.addWidget(links)
    links.set_clause(clause)
    assert "href" not in links.text() and "<b>" not in links.text()  # shown as text, escaped
    assert links.toolTip()  # the reason
    dialog = PlanPassageDialog(clause)
    qtbot.addWidget(dialog)
    assert dialog.views == [] and not dialog.copy_button.isEnabled()
    assert dialog.error.text() and not dialog.error.isHidden()
