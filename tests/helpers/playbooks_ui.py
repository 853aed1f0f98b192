"""The 预案库 page in tests: opened, a version chosen, a draft made and edited as a user
does it."""

from desktop.ui.playbooks.page import PlaybooksPage
from tests.helpers.ui import TIMEOUT

SHIPPED = (
    "PB-BIOTERROR",
    "PB-EID",
    "PB-ASF-AI",
    "PB-FAW",
    "PB-INVASIVE",
    "PB-LAB",
    "PB-LAB-ANIMAL",
)
CURRENT = 3  # the shipped corrections of the first six (their versions 1 and 2 retired)
DRAFT = CURRENT + 1


def open_page(qtbot, worker) -> PlaybooksPage:
    page = PlaybooksPage(worker)
    qtbot.addWidget(page)
    page.resize(1040, 720)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    if page.editor.doc is None:
        qtbot.waitSignal(page.editor.loaded, timeout=TIMEOUT).wait()
    return page


def choose(qtbot, page: PlaybooksPage, code: str, version: int) -> dict:
    """Select a version in the list and wait for the editor to show it."""
    doc = page.editor.doc
    if doc is not None and (doc["code"], doc["version"]) == (code, version):
        return doc
    with qtbot.waitSignal(
        page.editor.loaded,
        timeout=TIMEOUT,
        check_params_cb=lambda d: bool(d) and (d["code"], d["version"]) == (code, version),
    ):
        assert page.select(code, version)
    return page.editor.doc


def make_draft(qtbot, page: PlaybooksPage, code: str = "PB-EID") -> dict:
    """生成新版本 from the approved (shipped) version; the list then shows the draft."""
    choose(qtbot, page, code, CURRENT)
    with qtbot.waitSignal(
        page.editor.loaded, timeout=TIMEOUT, check_params_cb=lambda d: d["version"] == DRAFT
    ):
        page.editor.actions_by_key["new_version"].trigger()
    qtbot.waitUntil(lambda: page.selected() == (code, DRAFT), timeout=TIMEOUT)
    return page.editor.doc


def edit(qtbot, page: PlaybooksPage, action) -> None:
    """Run an edit of the editor and wait until the version was written and shown again."""
    with qtbot.waitSignal(page.editor.changed, timeout=TIMEOUT):
        action()
