"""审计日志: the entries filtered by user, agency, table and time; 导出 to xlsx; 校验 says
the log is whole with its counts, or what was altered; a role without the right is told
so by the core."""

import sqlite3

import openpyxl
import pytest

from desktop.core.access import login
from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.ui.access.audit_view import AuditDialog
from desktop.ui.shell import session
from tests.helpers.ui import TIMEOUT

pytestmark = pytest.mark.usefixtures("english_ui")  # tests/ui/conftest.py


@pytest.fixture
def logins(demo_path):
    """A login of the keeper and a failed one of the viewer: audit events."""
    db = dbmod.open_db(demo_path)
    login.authenticate(db, "keeper", "demo-2026")
    with pytest.raises(login.LoginRefused):
        login.authenticate(db, "viewer", "wrong-password-1")
    db.close()


def opened(qtbot, worker) -> AuditDialog:
    dialog = AuditDialog(worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.show()
    return dialog


def shown(qtbot, dialog) -> list[dict]:
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.refresh()
    return dialog.model.rows


def test_the_newest_entries_first_and_the_filters(qtbot, worker, logins):
    dialog = opened(qtbot, worker)
    rows = dialog.model.rows
    assert [r["ms"] for r in rows] == sorted((r["ms"] for r in rows), reverse=True)
    dialog.user.setText("keeper")
    rows = shown(qtbot, dialog)
    assert {r["user"] for r in rows} == {"user:keeper"} and rows[0]["action"] == "login"
    dialog.user.setText("viewer")
    assert shown(qtbot, dialog)[0]["action"] == "failed login"
    dialog.user.clear()
    dialog.table_choice.setCurrentIndex(dialog.table_choice.findText("user accounts"))
    rows = shown(qtbot, dialog)
    assert rows and {r["table"] for r in rows} == {"account"}
    assert {r["what"] for r in rows} == {"user accounts"}
    # the filter lists names, not codes, and one name covers all its tables
    names = [dialog.table_choice.itemText(i) for i in range(dialog.table_choice.count())]
    assert not any("(" in n for n in names[1:]) and len(names) == len(set(names))
    dialog.table_choice.setCurrentIndex(0)
    dialog.since.setText("2099-01-01")
    assert shown(qtbot, dialog) == []
    assert dialog.count.text() == "0 entries"


def test_a_date_that_is_no_date_is_refused_naming_the_field(qtbot, worker):
    dialog = opened(qtbot, worker)
    dialog.until.setText("2026-13-45")
    dialog.refresh()
    assert dialog.message.text().startswith("To")


def test_export_writes_the_filtered_entries_to_a_workbook(qtbot, worker, logins, tmp_path):
    dialog = opened(qtbot, worker)
    dialog.user.setText("keeper")
    path = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as blocker:
        dialog.export(path)
    assert blocker.args[0] == 1
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:3] == ["Time", "Station", "User"]
    assert sheet.cell(2, 3).value == "user:keeper"
    assert "1 entries written" in dialog.message.text()


def test_verify_says_the_log_is_whole_with_its_counts(qtbot, worker, logins):
    dialog = opened(qtbot, worker)
    with qtbot.waitSignal(dialog.verified, timeout=TIMEOUT) as blocker:
        dialog.verify()
    result = blocker.args[0]
    assert result["ok"] and result["operations"] > 1000 and result["events"] >= 2
    assert dialog.message.text().startswith("The log is whole: ")
    assert f"{result['operations']:,} operations" in dialog.message.text()


def test_verify_finds_an_operation_edited_with_raw_sql(qtbot, worker, demo_path):
    con = sqlite3.connect(demo_path, isolation_level=None)  # as a tamperer has it
    con.execute("DROP TRIGGER oplog_no_update")
    con.execute(
        "UPDATE oplog SET payload = payload || ' ' WHERE seq = 5 "
        "AND origin = (SELECT origin FROM station)"
    )
    con.close()
    dialog = opened(qtbot, worker)
    with qtbot.waitSignal(dialog.verified, timeout=TIMEOUT) as blocker:
        dialog.verify()
    assert not blocker.args[0]["ok"]
    assert dialog.message.text().startswith("The log was altered: ")
    assert "[oplog]" in dialog.message.text()
    assert "operation 5 was altered" in dialog.message.text()


def test_a_role_without_the_right_is_told_so(qtbot, worker):
    session.start(Ctx("user:coordinator", role="coordinator"))
    dialog = opened(qtbot, worker)
    assert dialog.model.rows == []
    assert dialog.message.text() == (
        "coordinator (Emergency coordinator) may not read or verify the audit log."
    )


def test_details_read_in_words_and_no_column_of_table_codes(qtbot, worker, logins):
    """trial 17, finding 4: “Via: desktop; reason: wrong password”, not reason=password."""
    dialog = opened(qtbot, worker)
    headings = [c.header for c in dialog.model.columns]
    assert "Data" in headings and "Table" not in headings
    dialog.user.setText("viewer")
    failed = next(r for r in shown(qtbot, dialog) if r["action"] == "failed login")
    assert failed["detail"] == "Via: desktop; reason: wrong password"
    assert "=" not in failed["detail"]
    dialog.user.setText("ghost")  # nobody of that name, anywhere in the trail
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.refresh()
    assert "No user ghost" in dialog.message.text()
