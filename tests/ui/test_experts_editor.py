"""The expert editor saves through the core and refuses what it refuses, inline, with
the cursor on the field at fault; qualifications are added from it and alerted."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from desktop.core.context import Ctx
from desktop.core.roster import experts
from desktop.ui.roster.page import ExpertsPage

TIMEOUT = 5000
CTX = Ctx("test:tester")


def shown(qtbot, worker) -> ExpertsPage:
    page = ExpertsPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show()
    view = page.tab("experts")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    return page


def choose(qtbot, view, name: str) -> dict:
    """Select an expert in the list; wait for the qualifications to load."""
    number = next(n for n, row in enumerate(view.model.rows) if row["name"] == name)
    with qtbot.waitSignal(view.editor.qualifications.loaded, timeout=TIMEOUT):
        view.table.selectRow(number)
    return view.model.rows[number]


def test_an_expert_is_edited_and_saved(qtbot, worker, demo_db):
    view = shown(qtbot, worker).tab("experts")
    row = choose(qtbot, view, "谭思远")
    editor = view.editor
    assert editor.name.text() == "谭思远" and editor.mobile.text() == "13800000002"
    assert editor.checked_specialties() == ["clinical_infectious", "amr"]
    editor.title.setText("教授")
    editor.specialty_boxes["epidemiology"].setChecked(True)
    editor.radios["unavailable"].setChecked(True)
    start = date.today() + timedelta(days=10)
    editor.unavailable_from.setDate(start)
    editor.unavailable_to.setDate(start + timedelta(days=4))
    with qtbot.waitSignals([editor.saved, view.listed], timeout=TIMEOUT):
        editor.save()
    saved = demo_db["expert"].get(row["id"])
    assert saved["title"] == "教授"
    assert experts.split_list(saved["specialties"]) == [
        "epidemiology",
        "clinical_infectious",
        "amr",
    ]
    assert (saved["availability"], saved["unavailable_from"], saved["unavailable_to"]) == (
        "unavailable",
        start.isoformat(),
        (start + timedelta(days=4)).isoformat(),
    )
    assert view.model.row(view.table.currentIndex().row())["id"] == row["id"]


def test_a_bad_mobile_number_is_refused_on_its_field(qtbot, worker, demo_db):
    view = shown(qtbot, worker).tab("experts")
    row = choose(qtbot, view, "谭思远")
    editor = view.editor
    editor.mobile.setText("12345")
    editor.name.setFocus()
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT) as blocker:
        editor.save()
    assert "12345" in blocker.args[0]
    assert editor.message.text() == blocker.args[0]
    assert editor.focusWidget() is editor.mobile
    assert demo_db["expert"].get(row["id"])["mobile"] == "13800000002"


def test_a_new_expert_needs_a_specialty(qtbot, worker, demo_db):
    view = shown(qtbot, worker).tab("experts")
    editor = view.editor
    editor.new()
    editor.name.setText("周测试")
    editor.organisation.setText("衡阳市测试单位")
    editor.mobile.setText("13912345678")
    with qtbot.waitSignal(editor.refused, timeout=TIMEOUT):
        editor.save()
    assert editor.focusWidget() is editor.specialty_boxes["epidemiology"]
    editor.specialty_boxes["disinfection"].setChecked(True)
    editor.division.setCurrentIndex(editor.division.findData("430422"))
    count = demo_db["expert"].count
    with qtbot.waitSignals([editor.saved, view.listed], timeout=TIMEOUT):
        editor.save()
    assert demo_db["expert"].count == count + 1
    new = demo_db["expert"].get(editor.current_id)
    assert (new["name"], new["division"], new["specialties"]) == (
        "周测试",
        "430422",
        '["disinfection"]',
    )
    assert "周测试" in [r["name"] for r in view.model.rows]
    assert view.model.row(view.table.currentIndex().row())["id"] == editor.current_id


def test_deleting_asks_inline_first(qtbot, worker, demo_db):
    view = shown(qtbot, worker).tab("experts")
    row = choose(qtbot, view, "阳湘宁")
    editor = view.editor
    editor.delete_button.click()
    assert editor.confirm.isVisible() and "阳湘宁" in editor.confirm_label.text()
    assert not demo_db["expert"].get(row["id"])["deleted"]
    with qtbot.waitSignals([editor.deleted, view.listed], timeout=TIMEOUT):
        editor.confirm_button.click()
    assert demo_db["expert"].get(row["id"])["deleted"] == 1
    assert "阳湘宁" not in [r["name"] for r in view.model.rows]
    assert editor.current_id is None


def test_a_qualification_expiring_in_30_days_is_alerted(qtbot, qtmodeltester, worker, demo_db):
    page = shown(qtbot, worker)
    view = page.tab("experts")
    row = choose(qtbot, view, "彭雁秋")
    table = view.editor.qualifications
    held = [r["name"] for r in table.model.rows]  # the demo's own certificates
    dialog = table.add()
    qtbot.addWidget(dialog)
    expires = date.today() + timedelta(days=30)
    dialog.name.setText("生物安全培训合格证")
    dialog.number.setText("SW-2026-001")
    dialog.expires_on.setText("2031-13-01")
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()
    assert dialog.error.text() and dialog.focusWidget() is dialog.expires_on
    dialog.expires_on.setText(expires.isoformat())
    with qtbot.waitSignals([dialog.succeeded, table.loaded], timeout=TIMEOUT):
        dialog.submit()
    assert sorted(r["name"] for r in table.model.rows) == sorted([*held, "生物安全培训合格证"])
    qtmodeltester.check(table.model)
    # the list shows the nearest expiry in red
    qtbot.waitUntil(
        lambda: any(r["expires_on"] == expires.isoformat() for r in view.model.rows),
        timeout=TIMEOUT,
    )
    number = next(n for n, r in enumerate(view.model.rows) if r["id"] == row["id"])
    cell = view.model.index(number, 8)
    assert cell.data() == expires.isoformat()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    # 证书预警
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab("alerts")
    alerts = page.tab("alerts")
    qtbot.waitUntil(lambda: alerts.model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(alerts.model)
    alert = alerts.model.rows[0]
    assert (alert["expert"], alert["certificate"], alert["days_left"]) == (
        "彭雁秋",
        "生物安全培训合格证",
        30,
    )
    assert alerts.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    # removing it clears the alert
    added = next(n for n, r in enumerate(table.model.rows) if r["name"] == "生物安全培训合格证")
    table.table.selectRow(added)
    with qtbot.waitSignal(alerts.loaded, timeout=TIMEOUT):
        table.remove()
    assert alerts.model.rowCount() == 0
    assert [q["name"] for q in experts.qualifications(demo_db, row["id"])] == held


def test_an_expired_certificate_is_red_and_a_near_one_amber(qtbot, worker, demo_db):
    from desktop.ui.widgets import style

    he = next(r for r in experts.search(demo_db, "贺安澜"))
    today = date.today()
    experts.save_qualification(demo_db, CTX, he["id"], "旧证", "", None, today - timedelta(days=5))
    experts.save_qualification(demo_db, CTX, he["id"], "新证", "", None, today + timedelta(days=60))
    page = shown(qtbot, worker)
    with qtbot.waitSignal(page.tab_ready, timeout=TIMEOUT):
        page.show_tab("alerts")
    alerts = page.tab("alerts")
    qtbot.waitUntil(lambda: alerts.model.rowCount() == 2, timeout=TIMEOUT)
    colours = [alerts.model.index(n, 0).data(Qt.ItemDataRole.ForegroundRole) for n in (0, 1)]
    assert colours == [style.EXPIRED, style.NEAR_EXPIRY]
    # double-click: the expert in the 专家 tab
    page.show_expert(he["id"])
    view = page.tab("experts")
    qtbot.waitUntil(lambda: view.editor.current_id == he["id"], timeout=TIMEOUT)
    assert page.tabs.currentIndex() == 0


def test_after_new_the_same_expert_can_be_chosen_again(qtbot, worker):
    view = shown(qtbot, worker).tab("experts")
    row = choose(qtbot, view, "谭思远")
    view.editor.new_button.click()
    assert view.editor.current_id is None and view.editor.name.text() == ""
    choose(qtbot, view, "谭思远")
    assert view.editor.current_id == row["id"] and view.editor.name.text() == "谭思远"
