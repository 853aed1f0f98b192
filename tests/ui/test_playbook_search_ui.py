"""The 预案库 search box searches the words of every task: 消毒 lists the tasks that
mention it under the versions, and choosing one shows that task in the editor."""

import pytest

from desktop.ui.playbooks.page import PlaybooksPage
from tests.helpers.playbooks_ui import TIMEOUT, open_page


@pytest.fixture
def page(qtbot, worker, chinese) -> PlaybooksPage:
    return open_page(qtbot, worker)


def test_a_word_lists_every_task_that_mentions_it(qtbot, page):
    with qtbot.waitSignal(page.searched, timeout=TIMEOUT) as searched:
        page.search.setText("消毒")
    tasks = searched.args[0]["tasks"]
    assert len(tasks) >= 4 and page.results.isVisible()
    assert page.results.model.rowCount() == len(tasks)
    assert all("消毒" in row["match"] for row in page.results.model.rows)
    assert "消毒" in page.results.caption.text()
    codes = {row["code"] for row in page.model.rows}  # the versions with a hit are listed
    assert codes == {t["code"] for t in tasks} | {
        r["code"] for r in page.model.rows if "消毒" in r["title"]
    }

    chosen = page.results.model.rows[0]
    with qtbot.waitSignal(page.editor.loaded, timeout=TIMEOUT, raising=False):
        page.results.table.selectRow(0)
    qtbot.waitUntil(lambda: page.editor.structure.current_id() == chosen["id"], timeout=TIMEOUT)
    assert page.editor.tabs.currentWidget().widget() is page.editor.structure


def test_clearing_the_box_hides_the_results(qtbot, page):
    with qtbot.waitSignal(page.searched, timeout=TIMEOUT):
        page.search.setText("消毒")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.search.setText("")
    assert page.results.isHidden() and page.model.rowCount() == 20


def test_no_task_says_so(qtbot, page):
    with qtbot.waitSignal(page.searched, timeout=TIMEOUT):
        page.search.setText("不存在的词语组合")
    assert page.results.model.rowCount() == 0
    assert "没有" in page.results.caption.text() or "No task" in page.results.caption.text()
