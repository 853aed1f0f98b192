"""长期监测 from the plan to the results: a sampling site and a schedule added through their
dialogs (a refusal marked on its field), a schedule ended early with its reason; 今日待办
filled in with the keyboard alone — values typed, Enter and Tab to the next row, F9 for
abnormal, a value outside the normal range flagged as it is typed, Ctrl+S — recorded on the
worker; the abnormal result's alert on 异常预警, handled there, and the counts on 总览."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.monitoring import report, results, schedules
from desktop.ui.monitoring.due_grid import VALUE
from desktop.ui.monitoring.jobs import AGENCY
from desktop.ui.overview.page import OverviewPage
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch
from tests.helpers.monitoring_ui import followed_incident, open_monitoring, show_tab
from tests.helpers.ui import TIMEOUT, opened, wait_idle


def recorded(db, incident_id: str) -> list[dict]:
    return [
        r for s in schedules.listing(db, incident_id) for r in results.for_schedule(db, s["id"])
    ]


def test_a_site_and_a_schedule_are_added_through_their_dialogs_and_a_schedule_ended(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db)
    page = open_monitoring(qtbot, worker, settings, made)
    sites_tab = show_tab(qtbot, page, "sites")
    assert sites_tab.model.rowCount() == 1
    dialog = opened(qtbot, sites_tab, sites_tab.add_site)
    dialog.kind.setCurrentIndex(dialog.kind.findData("soil"))
    dialog.place.setText("衡南县某镇事发仓库周边农田")
    dialog.latitude.setText("95")  # not a latitude
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()
    label = dialog.form.labelForField(dialog.latitude)
    assert label.palette().color(label.foregroundRole()) == style.EXPIRED
    dialog.latitude.setText("26.74")
    dialog.longitude.setText("112.68")
    with qtbot.waitSignal(sites_tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    soil = next(r for r in sites_tab.model.rows if r["kind"] == "soil")
    assert soil["coordinates"] == "26.740000, 112.680000" and soil["agency"] == "HY-STHJJ"
    assert soil["division"] == "430422"  # the incident's division by default

    tab = show_tab(qtbot, page, "schedules")
    dialog = opened(qtbot, tab, tab.add_schedule)
    dialog.subject.setCurrentIndex(dialog.subject.findData(f"site:{soil['id']}"))
    dialog.measure.setCurrentText("土壤炭疽芽孢检测")
    dialog.every.setValue(30)
    dialog.for_days.setValue(180)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    row = next(r for r in tab.model.rows if r["measure"] == "土壤炭疽芽孢检测")
    assert (row["frequency"], row["state_name"], row["agency"]) == (
        "每 30 天一次，共 180 天",
        "进行中",
        "HY-STHJJ",  # the site's agency
    )
    assert row["subject"] == "土壤：衡南县某镇事发仓库周边农田"
    tab.table.selectRow(tab.model.rows.index(row))
    dialog = opened(qtbot, tab, tab.end_schedule)
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT):
        dialog.submit()  # no reason
    dialog.reason.setPlainText("连续两次检测阴性，专家组同意停止")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    row = next(r for r in tab.model.rows if r["measure"] == "土壤炭疽芽孢检测")
    assert row["state_name"] == "已提前结束" and row["end_reason"].startswith("连续两次")
    assert len(schedules.listing(demo_db, made["id"])) == 3


def focused():
    return QApplication.focusWidget()


def test_results_are_typed_with_the_keyboard_alone_and_an_abnormal_one_raises_an_alert(
    qtbot, chinese, worker, settings, demo_db
):
    made = followed_incident(demo_db, contacts=2)
    overview = OverviewPage(worker, False)
    qtbot.addWidget(overview)
    watch(overview, worker, None)  # as the main window has it watch every change
    with qtbot.waitSignal(overview.monitoring_loaded, timeout=TIMEOUT) as before:
        overview.refresh()
    assert before.args[0] == report.attention(demo_db)
    assert overview.monitoring_cards["overdue"].value.text() == str(before.args[0]["overdue"])

    page = open_monitoring(qtbot, worker, settings, made)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=TIMEOUT)
    tab = show_tab(qtbot, page, "due")
    grid, model = tab.grid, tab.model
    # two people's temperatures: the two days before today overdue (red), today's due;
    # and the water site's first sample, due today
    assert [r["overdue"] for r in model.rows] == [True] * 4 + [False] * 3
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    assert model.index(5, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert focused() is grid and grid.currentIndex() == model.index(0, VALUE)  # ready
    qtbot.keyClick(grid, "3")  # typing opens the value's editor
    qtbot.keyClicks(focused(), "6.6")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter: the next row's value
    qtbot.waitUntil(lambda: grid.currentIndex().row() == 1, timeout=TIMEOUT)  # (queued)
    assert grid.currentIndex().column() == VALUE and grid.state() == grid.State.EditingState
    qtbot.keyClicks(focused(), "38.3")  # above 37.2: flagged as it is typed
    editor = focused()
    assert editor.palette().base().color() != grid.palette().base().color()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab: the next row too
    assert model.out_of_range(model.rows[1]) and model.abnormal(model.rows[1])
    assert model.index(1, VALUE).data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.keyClicks(focused(), "37.0")  # in range, but with a cough: marked with F9
    qtbot.keyClick(focused(), Qt.Key.Key_F9)
    assert model.abnormal(model.rows[2])
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "36.9")  # still in its editor when saved
    assert [e["value"] for e in model.entries()] == ["36.6", "38.3", "37.0"]
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):  # the list reloads without them
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, worker)
    saved = {r["value"]: r for r in recorded(demo_db, made["id"])}
    assert set(saved) == {"36.6", "38.3", "37.0", "36.9"}
    assert [saved[v]["abnormal"] for v in ("36.6", "38.3", "37.0", "36.9")] == [0, 1, 1, 0]
    assert model.rowCount() == 3 and model.entries() == []
    assert "已保存 4 条结果" in page.message.text() and "2 条异常" in page.message.text()

    alerts = show_tab(qtbot, page, "alerts")
    assert sorted(r["value"] for r in alerts.model.rows) == ["37.0", "38.3"]
    assert all(r["subject"].endswith("*") for r in alerts.model.rows)  # masked names
    counts = before.args[0]
    shown = overview.monitoring_cards
    qtbot.waitUntil(lambda: shown["alerts"].value.text() == str(counts["alerts"] + 2),
                    timeout=TIMEOUT)  # fmt: skip
    assert shown["overdue"].value.text() == str(counts["overdue"] - 4)
    assert shown["due_today"].value.text() == str(counts["due_today"])

    alerts.table.selectRow(0)
    dialog = opened(qtbot, alerts, alerts.handle)
    dialog.note.setPlainText("已电话随访，安排次日复测")
    with qtbot.waitSignal(alerts.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    assert alerts.model.rowCount() == 1
    qtbot.waitUntil(lambda: shown["alerts"].value.text() == str(counts["alerts"] + 1),
                    timeout=TIMEOUT)  # fmt: skip


def test_the_agency_filter_remembers_the_last_choice(qtbot, chinese, worker, settings, demo_db):
    made = followed_incident(demo_db, contacts=1)
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "due")
    assert {r["agency"] for r in tab.model.rows} == {"HY-WJW", "HY-STHJJ"}
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        tab.agency.setCurrentIndex(tab.agency.findData("HY-STHJJ"))
    assert [r["measure"] for r in tab.model.rows] == ["水样检测"]
    assert settings.get(AGENCY) == "HY-STHJJ"
    again = open_monitoring(qtbot, worker, settings)
    assert again.due.agency.currentData() == "HY-STHJJ"


def test_a_refused_result_stays_in_red_with_its_reason(qtbot, chinese, worker, settings, demo_db):
    made = followed_incident(demo_db, contacts=1)
    page = open_monitoring(qtbot, worker, settings, made)
    tab = show_tab(qtbot, page, "due")
    model = tab.model
    model.setData(model.index(0, VALUE), "x" * 201)  # longer than a value may be
    model.setData(model.index(1, VALUE), "36.5")
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        tab.save()
    [kept] = model.entries()
    row = next(r for r in model.rows if r["check"] == kept["check"])
    number = model.rows.index(row)
    assert model.index(number, 0).data(Qt.ItemDataRole.ForegroundRole) == style.EXPIRED
    assert "200" in model.index(number, VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 条未保存" in page.message.text()


def test_a_card_on_the_overview_leads_to_its_tab(qtbot, chinese, worker, demo_db):
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    followed_incident(demo_db, contacts=1)
    window = MainWindow(worker, info.describe(demo_db), "zh_CN")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.overview.monitoring_loaded, timeout=TIMEOUT) as blocker:
        window.overview.refresh()
    overdue = report.attention(demo_db)["overdue"]
    assert blocker.args[0]["overdue"] == overdue
    card = window.overview.monitoring_cards["overdue"]
    assert card.value.text() == str(overdue)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    page = window.monitoring
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.tabs is not None, timeout=TIMEOUT)
    assert page.tabs.currentWidget() is page.due
    window.show_page(window.overview)
    qtbot.mouseClick(window.overview.monitoring_cards["alerts"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is page and page.tabs.currentWidget() is page.alerts


def test_the_stock_alert_and_conflict_cards_lead_to_their_pages(qtbot, chinese, worker, demo_db):
    """低于定额 … and 同步冲突 said where to look and did nothing when clicked."""
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    window = MainWindow(worker, info.describe(demo_db), "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.overview.alert_cards["below_norm"], Qt.MouseButton.LeftButton)
    reserves = window.reserves
    assert window.pages.currentWidget() is reserves
    qtbot.waitUntil(lambda: reserves.lists is not None, timeout=TIMEOUT)
    assert reserves.key_at(reserves.tabs.currentIndex()) == "alerts"
    window.show_page(window.overview)
    window.overview.alert_cards["conflicts"].show()
    qtbot.mouseClick(window.overview.alert_cards["conflicts"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.sync
