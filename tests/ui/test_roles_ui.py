"""What each role is offered: the window hides the buttons and actions whose changes the
core would refuse the logged-in role (access/policy.py refuses them anyway)."""

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView

from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.core.store import info
from desktop.ui.access import gate
from desktop.ui.shell import session
from desktop.ui.shell.main_window import MainWindow
from tests.helpers.ui import choose_incident, wait_idle
from tests.ui.test_dialog_fit import _tab_widgets


def settle(qtbot, worker) -> None:
    for _ in range(2):
        QCoreApplication.processEvents()
        wait_idle(qtbot, worker)


def window_as(qtbot, worker, demo_path, role: str) -> MainWindow:
    """The window of an account of this role, every page visited (an incident chosen)."""
    session.start(Ctx(f"user:{role}", role=role))
    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    incident = db.execute("SELECT number FROM incident ORDER BY number LIMIT 1").fetchone()[0]
    db.conn.close()
    window = MainWindow(worker, details, "zh_CN")
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, worker)
    seen: list = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        settle(qtbot, worker)
        page = window.pages.currentWidget()
        if row == 1:
            choose_incident(qtbot, page, incident)
            settle(qtbot, worker)
        for tabs in _tab_widgets(page, seen):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(qtbot, worker)
    return window


def marked(window) -> list[QObject]:
    """The buttons and actions marked (views edited in place are looked at apart)."""
    return [
        target
        for target in window.findChildren(QObject)
        if target.property(gate.PROPERTY) and not isinstance(target, QAbstractItemView)
    ]


def offered(target) -> bool:
    return target.isVisible() if isinstance(target, QAction) else not target.isHidden()


def caption(target) -> str:
    return target.text() if hasattr(target, "text") else target.objectName()


def test_a_viewer_is_offered_no_change_on_any_page(qtbot, worker, demo_path):
    window = window_as(qtbot, worker, demo_path, "viewer")
    targets = marked(window)
    assert len(targets) > 60  # every page's buttons were marked
    assert sorted({caption(t) for t in targets if offered(t)}) == []
    assert not window.action_import.isVisible()
    assert not window.reserves.actions_by_kind["receive"].isVisible()
    assert not window.orders.actions_by_key["approve"].isVisible()
    assert window.incidents.new_button.isHidden()
    assert not window.action_users.isVisible() and not window.action_audit.isVisible()
    assert window.orders.actions_by_key["preview"].isVisible()  # reading stays
    plan = window.drills.plan
    assert plan.msel_buttons["import"].isHidden() and not plan.msel_buttons["export"].isHidden()
    monitoring = window.pages.widget(window.nav.count() - 1).page_actions.by_key
    assert not monitoring["recommend"].isVisible() and not monitoring["import_file"].isVisible()
    assert monitoring["print_report"].isVisible()  # built after the offers were applied
    assert "只读" in window.user_label.text()
    editable = [
        view
        for view in window.findChildren(QAbstractItemView)
        if view.property(gate.PROPERTY)
        and view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    ]
    assert editable == []  # 保障定额 and 成员单位 are read-only


def test_a_keeper_has_its_stock_actions_but_does_not_approve(qtbot, worker, demo_path):
    window = window_as(qtbot, worker, demo_path, "keeper")
    for kind in ("receive", "issue", "transfer", "count", "writeoff"):
        assert window.reserves.actions_by_kind[kind].isVisible(), kind
    orders = window.orders.actions_by_key
    assert orders["dispatch"].isVisible() and orders["receive"].isVisible()
    assert not orders["approve"].isVisible() and not orders["new_order"].isVisible()
    assert window.incidents.new_button.isHidden()
    assert not window.action_users.isVisible()


def test_a_liaison_updates_tasks_and_the_log_but_makes_no_incident(qtbot, worker, demo_path):
    window = window_as(qtbot, worker, demo_path, "liaison")
    detail = window.incidents.detail
    buttons = {**detail.tasks.tab_buttons, **detail.journal.tab_buttons}
    assert not buttons["set_status"].isHidden() and not buttons["add_entry"].isHidden()
    assert window.incidents.new_button.isHidden()
    assert not window.reserves.actions_by_kind["receive"].isVisible()


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinators_and_administrators_are_offered_everything_else(
    qtbot, worker, demo_path, role
):
    window = window_as(qtbot, worker, demo_path, role)
    hidden = {t for t in marked(window) if not offered(t)}
    if role == "admin":
        assert hidden == set()
    else:  # accounts, the audit log, backups and the station's trust are the administrator's
        sync = window.sync
        backups = {t for t in hidden if "r:backup" in str(t.property(gate.PROPERTY))}
        assert hidden - backups == {window.action_users, window.action_audit,
                                    sync.add_button, sync.revoke_button,
                                    sync.entitle_button}  # fmt: skip
    assert window.orders.actions_by_key["approve"].isVisible()


def test_switching_the_session_shows_what_the_new_role_may_do(qtbot, worker, demo_path):
    window = window_as(qtbot, worker, demo_path, "viewer")
    session.start(Ctx("user:admin"))
    window.set_session(session.logged_in())
    assert window.reserves.actions_by_kind["receive"].isVisible()
    assert window.action_users.isVisible()
    views = [v for v in window.findChildren(QAbstractItemView) if v.property(gate.PROPERTY)]
    assert len(views) == 2
    assert all(v.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers for v in views)


def test_a_liaison_is_offered_the_progress_of_the_tasks_its_agency_leads_only(qapp):
    from desktop.ui.incidents.tasks_tab import _leads

    session.start(Ctx("user:liaison", role="liaison", agency_id="A1"))
    assert _leads({"lead_agency_id": "A1"}) and not _leads({"lead_agency_id": "A2"})
    session.start(Ctx("user:coordinator", role="coordinator"))
    assert _leads({"lead_agency_id": "A2"})
