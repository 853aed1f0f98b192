"""Conflicts as a user sees them on the 同步 page: two stations changed an expert's mobile
without seeing each other's change; the page lists the conflict with both values side by
side, restoring the losing one changes the record and empties the list; a choice made
after the conflict was settled elsewhere is refused in red and changes nothing; an import
that brings a conflict and a far-ahead clock says so in its summary and on the page."""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.core.context import Ctx
from desktop.core.setup import initdb
from desktop.core.store import conflicts, oplog, station
from desktop.core.store.hlc import wall_ms
from desktop.core.store.writepath import write
from desktop.ui.sync.conflicts_view import ConflictsView
from desktop.ui.sync.page import SyncPage
from desktop.ui.widgets import style
from tests.helpers.stations import enrol_all, sync

TIMEOUT = 10000
ALICE, BOB = Ctx("os:alice"), Ctx("os:bob")
OLD, A_PHONE, B_PHONE = "13800000000", "13811111111", "13922222222"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def tr(text: str, context: str = "ConflictsView") -> str:
    return QCoreApplication.translate(context, text)


def edit(db, ctx, expert_id, **fields):
    with write(db, ctx) as w:
        w.update("expert", expert_id, fields)


@pytest.fixture
def pair(tmp_path):
    """Stations A (甲站, this one) and B (乙站), enrolled both ways, with expert 王医生
    created at A and known to B. Yields (A's database, B's database, the expert's id)."""
    a = initdb.init_database(tmp_path / "a.db", "HY-A", "甲站")
    b = initdb.init_database(tmp_path / "b.db", "HY-B", "乙站")
    enrol_all(tmp_path, [a, b])
    b.conn.wall_clock = lambda: wall_ms() + 1000  # B's edits are the newer ones
    with write(a, ALICE) as w:
        expert_id = w.insert("expert", {"name": "王医生", "mobile": OLD})
    sync(a, b)
    yield a, b, expert_id
    a.conn.close()
    b.conn.close()


@pytest.fixture
def conflicted(pair):
    """A and B changed the mobile concurrently and merged both ways: one conflict, B's
    number kept."""
    a, b, expert_id = pair
    edit(a, ALICE, expert_id, mobile=A_PHONE)
    edit(b, BOB, expert_id, mobile=B_PHONE)
    sync(a, b)
    sync(b, a)
    return pair


@pytest.fixture
def worker_a(pair, tmp_path, qapp):
    """The page's worker, on station A's database."""
    from desktop.ui.shell.worker import DbWorker

    w = DbWorker(tmp_path / "a.db")
    yield w
    w.close()


def mobile(db, expert_id) -> str:
    return db.execute("SELECT mobile FROM expert WHERE id = ?", [expert_id]).fetchone()[0]


def loaded_view(qtbot, worker) -> ConflictsView:
    view = ConflictsView(worker)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.reload()
    return view


def button_for(view, value):
    return next(button for version, button in view.version_buttons if version.value == value)


def test_the_view_shows_both_values_side_by_side(
    qtbot, qtmodeltester, chinese, worker_a, conflicted
):
    view = loaded_view(qtbot, worker_a)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 1 and view.empty.isHidden()
    row = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert row == [tr("Expert"), "王医生", tr("Mobile"), B_PHONE, A_PHONE]
    columns = view.version_texts()
    assert [c[0] for c in columns] == [
        tr("Kept (shown now)"),
        tr("Competing version {number}").format(number=1),
    ]
    assert [c[1:4] for c in columns] == [[B_PHONE, "HY-B", "os:bob"], [A_PHONE, "HY-A", "os:alice"]]
    assert all(len(c[4]) == 19 for c in columns)  # 2026-01-01 10:00:00
    texts = [button.text() for _, button in view.version_buttons]
    assert texts == [tr("Keep this version"), tr("Restore this version")]


def test_restoring_the_losing_version_changes_the_record_and_empties_the_list(
    qtbot, worker_a, conflicted
):
    a, _b, expert_id = conflicted
    view = loaded_view(qtbot, worker_a)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT) as reloaded:
        with qtbot.waitSignal(view.resolved, timeout=TIMEOUT) as chosen:
            button_for(view, A_PHONE).click()
    assert chosen.args[0].field == "mobile" and reloaded.args == [0]
    assert mobile(a, expert_id) == A_PHONE and conflicts.listing(a) == []
    assert view.model.rowCount() == 0
    assert not view.empty.isHidden() and view.splitter.isHidden()
    assert view.empty.text() == tr("No conflicts: every field has one version.")
    assert A_PHONE in view.message.text()
    assert view.message.palette().color(view.message.foregroundRole()).name() == style.GREEN


def test_a_conflict_settled_elsewhere_is_refused_in_red_and_nothing_changes(
    qtbot, worker_a, conflicted
):
    a, _b, expert_id = conflicted
    view = loaded_view(qtbot, worker_a)
    conflict = conflicts.listing(a)[0]
    conflicts.resolve(a, ALICE, conflict.key, conflict.kept.ref)  # meanwhile, elsewhere
    before = oplog.vector(a)
    with qtbot.assertNotEmitted(view.resolved):
        with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):  # the list read again
            button_for(view, A_PHONE).click()
    assert conflict.key in view.message.text() and not view.message.isHidden()
    assert view.message.palette().color(view.message.foregroundRole()).name() == style.RED
    assert oplog.vector(a) == before and mobile(a, expert_id) == B_PHONE
    assert view.model.rowCount() == 0


def shown_page(qtbot, worker) -> SyncPage:
    page = SyncPage(worker)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def conflicts_caption(count: int) -> str:
    return tr("Conflicts ({count})", "SyncPage").format(count=count)


def test_the_page_lists_the_conflict_and_a_choice_tells_the_other_pages(
    qtbot, worker_a, conflicted
):
    a, _b, expert_id = conflicted
    page = shown_page(qtbot, worker_a)
    tab = page.tabs.indexOf(page.conflicts)
    qtbot.waitUntil(lambda: page.tabs.tabText(tab) == conflicts_caption(1), timeout=TIMEOUT)
    assert page.clock_warning.isHidden()
    page.tabs.setCurrentIndex(tab)
    with qtbot.waitSignal(page.conflicts.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(worker_a.data_changed, timeout=TIMEOUT):
            button_for(page.conflicts, A_PHONE).click()
    # the list read again after the choice (a reload queued before it may report first)
    qtbot.waitUntil(lambda: page.tabs.tabText(tab) == conflicts_caption(0), timeout=TIMEOUT)
    assert mobile(a, expert_id) == A_PHONE


def test_an_import_that_brings_a_conflict_and_a_far_ahead_clock(
    qtbot, chinese, worker_a, pair, tmp_path
):
    a, b, expert_id = pair
    edit(a, ALICE, expert_id, mobile=A_PHONE)
    b.conn.wall_clock = lambda: wall_ms() + 24 * 3600 * 1000  # B's date is a day ahead
    edit(b, BOB, expert_id, mobile=B_PHONE)
    from desktop.sync import bundles

    bundle = tmp_path / "from-b.zip"
    bundles.export(b, bundle, station.get(a).origin)  # A is entitled to the roster
    page = shown_page(qtbot, worker_a)
    tab = page.tabs.indexOf(page.conflicts)
    qtbot.waitUntil(lambda: page.tabs.tabText(tab) == conflicts_caption(0), timeout=TIMEOUT)
    with qtbot.waitSignal(page.conflicts.loaded, timeout=TIMEOUT):  # read again after it
        with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as blocker:
            page.import_file(bundle)
    outcome = blocker.args[0]
    assert (outcome["conflicts_before"], outcome["conflicts_after"]) == (0, 1)
    assert [f["station"] for f in outcome["clock_flags"]] == ["HY-B"]
    values = page.summary_values()
    assert values[tr("Conflicts", "SyncPage")] == tr("{count} new", "SyncPage").format(count=1)
    warning = values[tr("Clock", "SyncPage")]
    assert "HY-B" in warning and "24" in warning
    qtbot.waitUntil(lambda: not page.clock_warning.isHidden(), timeout=TIMEOUT)
    assert page.clock_warning.text() == warning
    # the list read again after the import (a reload queued before it may report first)
    qtbot.waitUntil(lambda: page.tabs.tabText(tab) == conflicts_caption(1), timeout=TIMEOUT)

    page.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: len(page.conflicts.version_texts()) == 2, timeout=TIMEOUT)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(SCREENSHOTS / "sync_conflicts.png"))
