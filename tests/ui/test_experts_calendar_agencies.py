"""日历 lists who cannot be called on a day; 成员单位 edits contact and duty phone in place."""

from datetime import date, timedelta

from desktop.core.context import Ctx
from desktop.core.roster import agencies, experts
from desktop.ui.roster.agencies_view import KEYS, AgenciesView
from desktop.ui.roster.expert_calendar import ExpertCalendar
from desktop.ui.roster.page import load_lists

TIMEOUT = 5000
CTX = Ctx("test:tester")


def test_the_calendar_lists_an_unavailable_expert_on_a_day_of_the_window(
    qtbot, qtmodeltester, worker, demo_db
):
    he = next(r for r in experts.search(demo_db, "贺安澜"))
    start = date.today() + timedelta(days=20)
    experts.set_availability(
        demo_db, CTX, he["id"], "unavailable", start, start + timedelta(days=2)
    )
    calendar = ExpertCalendar(worker, load_lists(demo_db))
    qtbot.addWidget(calendar)
    with qtbot.waitSignal(calendar.loaded, timeout=TIMEOUT):
        calendar.refresh()
    day = start + timedelta(days=1)
    with qtbot.waitSignal(calendar.day_shown, timeout=TIMEOUT) as blocker:
        calendar.select_date(day)
    assert blocker.args == [day.isoformat()]
    assert calendar.is_marked(day)
    assert not calendar.is_marked(start + timedelta(days=3))
    away = {r["name"]: r for r in calendar.away.rows}
    others = set(away) - {"贺安澜"}  # the demo incident has an expert out on a mission
    assert all(away[name]["reason"] == calendar.tr("On a mission") for name in others), away
    assert start.isoformat() in away["贺安澜"]["reason"]
    counts = {r["specialty"]: r for r in calendar.counts.rows}
    for specialty in ("流行病学", "生物防御"):
        names = counts[specialty]["names"].split("、") if counts[specialty]["names"] else []
        assert counts[specialty]["count"] == len(names) >= 1
        assert not set(names) & set(away)  # those away are not counted
    qtmodeltester.check(calendar.away)
    qtmodeltester.check(calendar.counts)
    # outside the window everyone is available
    calendar.select_date(start + timedelta(days=5))
    assert set(r["name"] for r in calendar.away.rows) == others
    assert sum(1 for r in calendar.counts.rows if "贺安澜" in r["names"]) == 2


def test_an_expert_on_a_mission_is_unavailable_today(qtbot, worker, demo_db):
    he = next(r for r in experts.search(demo_db, "贺安澜"))
    experts.set_availability(demo_db, CTX, he["id"], "on_mission")
    calendar = ExpertCalendar(worker, load_lists(demo_db))
    qtbot.addWidget(calendar)
    with qtbot.waitSignal(calendar.loaded, timeout=TIMEOUT):
        calendar.refresh()
    calendar.select_date(date.today())
    assert calendar.is_marked(date.today())
    away = {r["name"]: r["reason"] for r in calendar.away.rows}
    assert away["贺安澜"] == calendar.tr("On a mission")
    assert set(away.values()) == {calendar.tr("On a mission")}  # the demo incident's too


def loaded_agencies(qtbot, worker, demo_db) -> AgenciesView:
    view = AgenciesView(worker, load_lists(demo_db))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.refresh()
    return view


def test_the_agencies_list_is_a_well_behaved_model(qtbot, qtmodeltester, worker, demo_db):
    view = loaded_agencies(qtbot, worker, demo_db)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == len(agencies.list(demo_db))
    assert view.model.index(0, KEYS.index("division")).data() == "衡阳市"


def test_a_duty_phone_is_saved_and_a_bad_one_refused(qtbot, worker, demo_db):
    view = loaded_agencies(qtbot, worker, demo_db)
    model = view.model
    code = model.rows[0]["code"]
    phone = model.index(0, KEYS.index("duty_phone"))
    with qtbot.waitSignals([model.saved, view.loaded], timeout=TIMEOUT):
        assert model.setData(phone, "0734 8123456")
    assert agencies.agency_by_code(demo_db, code)["duty_phone"] == "07348123456"
    contact = model.index(0, KEYS.index("contact"))
    with qtbot.waitSignals([model.saved, view.loaded], timeout=TIMEOUT):
        assert model.setData(contact, "李值班")
    assert agencies.agency_by_code(demo_db, code)["contact"] == "李值班"
    with qtbot.waitSignal(model.refused, timeout=TIMEOUT) as blocker:
        assert model.setData(model.index(0, KEYS.index("duty_phone")), "12")
    assert "12" in blocker.args[0] and view.message.text() == blocker.args[0]
    assert model.index(0, KEYS.index("duty_phone")).data() == "07348123456"
    assert agencies.agency_by_code(demo_db, code)["duty_phone"] == "07348123456"


def test_only_contact_and_duty_phone_are_editable(qtbot, worker, demo_db):
    from PySide6.QtCore import Qt

    model = loaded_agencies(qtbot, worker, demo_db).model
    editable = [
        key
        for column, key in enumerate(KEYS)
        if model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    ]
    assert editable == ["contact", "duty_phone"]
    assert not model.setData(model.index(0, KEYS.index("name")), "改名")
