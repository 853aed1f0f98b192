"""版本对比 and 责任矩阵: two versions side by side with the changed task highlighted, the
matrix of agencies × playbooks × phases with 牵头/配合 cells, and its print preview of the
reportlab PDF through the orders' QtPdf preview."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from desktop.core import playbooks
from desktop.ui.playbooks.matrix_view import MatrixModel
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.pdf_preview import PreviewDialog
from tests.helpers.playbooks_ui import CURRENT, DRAFT, TIMEOUT, edit, make_draft, open_page


def show_tab(qtbot, page, key: str):
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab(key)
    return page.diff_view if key == "diff" else page.matrix_view


def test_the_diff_shows_the_changed_task_side_by_side(qtbot, worker):
    page = open_page(qtbot, worker)
    doc = make_draft(qtbot, page)
    structure = page.editor.structure
    task = doc["phases"][1]["tasks"][0]
    structure.select(task["id"])
    structure.task_form.deadline.setValue(task["deadline_hours"] + 6)
    edit(qtbot, page, structure.save)
    view = show_tab(qtbot, page, "diff")
    view.choose("PB-EID", CURRENT, DRAFT)
    with qtbot.waitSignal(view.compared, timeout=TIMEOUT) as compared:
        view.compare_button.click()
    assert compared.args[0] == 2  # the deadline, and its source: now this station's own
    model = view.model
    assert model.columnCount() == 3
    assert task["title"] in model.index(0, 0).data()
    assert model.index(0, 1).data() == str(task["deadline_hours"])
    assert model.index(0, 2).data() == str(task["deadline_hours"] + 6)
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "changed"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).name() == "#fff1c1"
    assert str(DRAFT) in model.headerData(2, Qt.Orientation.Horizontal)


def test_added_and_removed_tasks_are_green_and_red(qtbot, worker, demo_db):
    version = playbooks.new_version(demo_db, actor(), "PB-LAB", 2)
    doc = playbooks.get(demo_db, "PB-LAB", version)
    removed = doc["phases"][0]["tasks"][0]
    playbooks.remove_task(demo_db, actor(), removed["id"])
    lead = removed["lead_agency"]["code"]
    playbooks.add_task(
        demo_db, actor(), doc["phases"][0]["id"], {"title": "新任务", "lead_agency": lead}
    )
    page = open_page(qtbot, worker)
    view = show_tab(qtbot, page, "diff")
    view.choose("PB-LAB", 2, version)
    with qtbot.waitSignal(view.compared, timeout=TIMEOUT):
        view.compare()
    rows = {(r[1], r[2]): r[3] for r in view.model.rows}
    assert rows[(removed["title"], "")] == "removed"
    assert rows[("", "新任务")] == "added"


def test_the_matrix_has_agency_rows_and_lead_support_cells(qtbot, worker, demo_db):
    page = open_page(qtbot, worker)
    view = show_tab(qtbot, page, "matrix")
    if view.model.rowCount() == 0:
        qtbot.waitSignal(view.loaded, timeout=TIMEOUT).wait()
    expected = playbooks.matrix(demo_db)
    model = view.model
    assert model.rowCount() == len(expected["rows"])
    assert model.columnCount() == len(expected["columns"]) + 1
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "市卫生健康委" in names
    marks = {
        model.index(r, c).data(Qt.ItemDataRole.UserRole)
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
    }
    assert {"lead", "support"} <= marks
    lead = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(1, model.columnCount())
        if model.index(r, c).data(Qt.ItemDataRole.UserRole) == "lead"
    )
    assert lead.data() == model.marks()["lead"]  # 牵头
    assert lead.data(Qt.ItemDataRole.BackgroundRole) is not None
    # The header reads top-down: each playbook above its phases, as printed.
    header = view.table.horizontalHeader()
    assert header.sizeHint().height() >= header.band() + header.fontMetrics().height()
    assert header.group(0) == ""  # 成员单位 over both bands
    section = 1
    for playbook in dict.fromkeys(c["playbook"] for c in expected["columns"]):
        phases = [c for c in expected["columns"] if c["playbook"] == playbook]
        last = section + len(phases) - 1
        assert header.group_range(section) == header.group_range(last) == (section, last)
        title, code = header.group(section).split("\n")
        assert title == phases[0]["playbook_title"] and code.startswith(playbook)
        for n, phase in enumerate(phases):
            assert model.headerData(section + n, Qt.Orientation.Horizontal) == phase["phase_title"]
        section = last + 1


def test_the_matrix_model_is_well_behaved(qtmodeltester, demo_db):
    model = MatrixModel()
    model.set_matrix(playbooks.matrix(demo_db))
    qtmodeltester.check(model)
    model.set_matrix({"columns": [], "rows": []})
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_the_matrix_preview_loads_the_pdf(qtbot, worker, tmp_path, monkeypatch):
    page = open_page(qtbot, worker)
    view = show_tab(qtbot, page, "matrix")
    with qtbot.waitSignal(view.dialog_opened, timeout=TIMEOUT) as opened:
        view.buttons["preview"].click()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PreviewDialog)
    assert dialog.copies.isHidden()  # a matrix has no 联
    if dialog.document is None:
        qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT * 3).wait()
    assert isinstance(dialog.document, QPdfDocument)
    assert dialog.document.pageCount() >= 1
    size = dialog.document.pagePointSize(0)
    assert size.width() > size.height()  # A4 landscape
    target = tmp_path / "矩阵.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.export_button.click()
    assert target.read_bytes() == Path(dialog.pdf_path).read_bytes()


def test_exporting_the_matrix_writes_a_pdf(qtbot, worker, tmp_path):
    page = open_page(qtbot, worker)
    view = show_tab(qtbot, page, "matrix")
    target = tmp_path / "matrix.pdf"
    with qtbot.waitSignal(view.printing.exported, timeout=TIMEOUT * 3):
        view.export(target)
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    assert str(target) in view.message.text()
