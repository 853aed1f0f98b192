"""用户管理: the station's accounts listed; adding one (role, agency for a liaison, depots
for a keeper, password twice), disabling and enabling, resetting a password, changing a
role, the idle time; the core's refusals shown in the dialog."""

import pytest

from desktop.core.access import accounts, login, sessions
from desktop.core.store import db as dbmod
from desktop.ui.access.users_dialog import AccountDialog, ResetDialog, UsersDialog
from tests.helpers.ui import TIMEOUT, wait_idle

pytestmark = pytest.mark.usefixtures("english_ui")  # tests/ui/conftest.py


@pytest.fixture
def dialog(qtbot, worker):
    made = UsersDialog(worker)
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.loaded, timeout=TIMEOUT):
        made.show()
    return made


def listing(path) -> dict[str, dict]:
    db = dbmod.open_db(path)
    try:
        return {a["name"]: a for a in accounts.listing(db)}
    finally:
        db.close()


def reload(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        pass
    wait_idle(qtbot, dialog.worker)


def test_the_accounts_are_listed_with_role_agency_and_depots(dialog):
    rows = {r["name"]: r for r in dialog.model.rows}
    assert sorted(rows) == ["admin", "controller", "coordinator", "keeper", "liaison", "viewer"]
    assert rows["keeper"]["role_name"] == "Depot keeper"
    assert rows["keeper"]["depots_shown"] == "HY-CK01"
    assert rows["liaison"]["agency_name"]
    assert dialog.idle.value() == 15


def test_a_keeper_is_added_with_its_depots_and_can_log_in(qtbot, dialog, demo_path):
    form = dialog.add_account()
    qtbot.addWidget(form)
    assert isinstance(form, AccountDialog)
    form.name.setText("wang")
    form.full_name.setText("王仓管")
    form.role.setCurrentIndex(form.role.findData("keeper"))
    assert form.depots.isEnabled() and not form.agency.isEnabled()
    form.password.setText("keeper-pass-1")
    form.again.setText("keeper-pass-1")
    with qtbot.waitSignal(form.worker.idle, timeout=TIMEOUT):
        form.submit()  # no depot ticked
    assert form.error.text() == "A depot keeper needs at least one depot (--depot CODE)."
    form.depots.item(0).setCheckState(form.depots.item(0).checkState().Checked)
    with qtbot.waitSignal(form.succeeded, timeout=TIMEOUT):
        form.submit()
    reload(qtbot, dialog)
    assert "wang" in [r["name"] for r in dialog.model.rows]
    added = listing(demo_path)["wang"]
    assert added["role"] == "keeper" and len(added["depots"]) == 1
    db = dbmod.open_db(demo_path)
    try:
        assert login.authenticate(db, "wang", "keeper-pass-1").role == "keeper"
    finally:
        db.close()


def test_a_weak_password_is_refused_with_the_cores_rule(qtbot, dialog):
    form = dialog.add_account()
    qtbot.addWidget(form)
    form.name.setText("li")
    form.role.setCurrentIndex(form.role.findData("viewer"))
    form.password.setText("abcdefghij")
    form.again.setText("abcdefghij")
    with qtbot.waitSignal(form.worker.idle, timeout=TIMEOUT):
        form.submit()
    assert form.error.text() == (
        "The password needs at least two of: letters, digits, other characters."
    )


def test_disable_enable_reset_and_change_role(qtbot, dialog, demo_path):
    assert dialog.select("viewer")
    dialog.toggle_disabled()
    reload(qtbot, dialog)
    assert listing(demo_path)["viewer"]["disabled"]
    assert dialog.current()["name"] == "viewer" and dialog.toggle_button.text() == "Enable"
    dialog.toggle_disabled()
    reload(qtbot, dialog)
    assert not listing(demo_path)["viewer"]["disabled"]

    reset = dialog.reset_password()
    qtbot.addWidget(reset)
    assert isinstance(reset, ResetDialog)
    reset.password.setText("viewer-new-2")
    reset.again.setText("viewer-new-2")
    with qtbot.waitSignal(reset.succeeded, timeout=TIMEOUT):
        reset.submit()
    reload(qtbot, dialog)

    change = dialog.change_role()
    qtbot.addWidget(change)
    change.role.setCurrentIndex(change.role.findData("liaison"))
    assert change.agency.isEnabled()
    with qtbot.waitSignal(change.succeeded, timeout=TIMEOUT):
        change.submit()
    reload(qtbot, dialog)
    changed = listing(demo_path)["viewer"]
    assert changed["role"] == "liaison" and changed["agency"]
    db = dbmod.open_db(demo_path)
    try:
        assert login.authenticate(db, "viewer", "viewer-new-2").role == "liaison"
    finally:
        db.close()


def test_the_last_administrator_is_not_disabled(qtbot, dialog, demo_path):
    assert dialog.select("admin")
    dialog.toggle_disabled()
    wait_idle(qtbot, dialog.worker)
    assert dialog.message.text() == "admin is the only administrator left; add another first."
    assert not listing(demo_path)["admin"]["disabled"]


def test_the_idle_time_is_saved_for_the_station(qtbot, dialog, demo_path):
    dialog.idle.setValue(5)
    dialog.save_idle()
    reload(qtbot, dialog)
    db = dbmod.open_db(demo_path)
    try:
        assert sessions.idle_minutes(db) == 5
    finally:
        db.close()
