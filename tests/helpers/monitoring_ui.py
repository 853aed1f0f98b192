"""The 长期监测 page in UI tests: an incident followed as after an attack (close contacts
with phones, a water site, a daily temperature schedule begun three days ago and a weekly
water test), the page opened and loaded, a tab shown once it shows its data."""

from datetime import timedelta

from desktop.core import incidents, values
from desktop.core.context import Ctx
from desktop.core.monitoring import people, personal, schedules, sites
from tests.helpers.ui import TIMEOUT, wait_idle

CTX = Ctx("os:test")
TODAY = values.now().date()


def an_id(seq: int, born: str = "19900101", region: str = "430422") -> str:
    first = f"{region}{born}{seq:03d}"
    return first + personal.check_character(first)


def followed_incident(db, contacts: int = 3) -> dict:
    """An incident with people, a site and two running schedules."""
    made = incidents.create(db, CTX, {
        "title": "衡南县某镇生物恐怖袭击", "hazard": "bioterror", "grade": "II",
        "division": "430422", "exposed": 40})  # fmt: skip
    names = ["张小明", "李华", "王芳", "赵强", "陈静", "刘洋"]
    for k in range(contacts):
        people.add(db, CTX, made["number"], {
            "name": names[k % len(names)] + ("" if k < len(names) else str(k)),
            "id_number": an_id(k + 1), "phone": f"1380734{k:04d}", "division": "430422",
            "exposed_on": (TODAY - timedelta(days=5)).isoformat(), "exposure": "同住",
            "cohort": "密切接触者"})  # fmt: skip
    site = sites.add(db, CTX, made["number"], {
        "kind": "水体", "place": "衡南县某镇自来水厂取水口", "division": "430422",
        "latitude": "26.7391", "longitude": "112.6778"})["id"]  # fmt: skip
    schedules.add(db, CTX, made["number"], {
        "cohort": "密切接触者", "measure": "体温", "unit": "℃", "every_days": 1,
        "for_days": 21, "start_on": (TODAY - timedelta(days=2)).isoformat(),
        "normal_min": 35.5, "normal_max": 37.2})  # fmt: skip
    schedules.add(db, CTX, made["number"], {
        "site": site, "measure": "水样检测", "unit": "CFU/mL", "every_days": 7,
        "for_days": 180, "start_on": TODAY.isoformat(), "normal_max": 100})  # fmt: skip
    return made


def open_monitoring(qtbot, worker, settings, incident: dict | None = None, size=(1366, 768)):
    """The 长期监测 page, shown, with its incidents listed and the tab on screen loaded;
    with `incident`, that one chosen and 今日待办 and 异常预警 narrowed to it (the demo
    database follows an incident of its own)."""
    from desktop.ui.monitoring.page import MonitoringPage

    page = MonitoringPage(worker, settings)
    qtbot.addWidget(page)
    page.resize(*size)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    wait_idle(qtbot, worker)
    if incident is not None:
        choose_incident(qtbot, page, incident["id"])
        page.due.this_incident.setChecked(True)
        page.alerts.this_incident.setChecked(True)
        wait_idle(qtbot, worker)
    return page


def show_tab(qtbot, page, key: str):
    """Show a tab of the page and wait until it shows its data."""
    tab = page.tab(key)
    if tab.stale or tab.pending:
        with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
            page.show_tab(key)
    else:
        page.show_tab(key)
    return tab


def choose_incident(qtbot, page, ref: str) -> None:
    """Choose an incident (id or number) and wait for the tab on screen to show it."""
    tab = page.tabs.currentWidget()
    if page.incident is not None and ref in (page.incident["id"], page.incident["number"]):
        return
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        assert page.choose(ref), ref
