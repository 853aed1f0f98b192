"""可调用的仓库 in the incident dialog: the default shows the depots of the division and
the city reserves (and follows the division); checking one depot turns it into "only the
depots checked", and the needs tab on screen counts only those (refreshed by the change
watcher), as do the draft orders; the edit dialog shows the choice again, saving it
untouched changes nothing, and the default comes back."""

import json

from desktop.core import incidents
from desktop.core.context import Ctx
from desktop.core.incidents import needs
from desktop.core.incidents.records import CITY_RESERVE
from tests.helpers.ui import TIMEOUT, choose_incident, open_incidents, opened, show_tab

CTX = Ctx("os:test")
OTHER = "430405-CK01"  # 珠晖区: no depot of a Hengnan incident by default


def make(db) -> dict:
    given = {"title": "衡南县某镇发现不明白色粉末", "hazard": "bioterror", "grade": "III",
             "division": "430422", "responders": 60, "exposed": 120, "patients": 8,
             "area_km2": 1.5, "days": 10}  # fmt: skip
    made = incidents.create(db, CTX, given)
    incidents.activate(db, CTX, made["id"], "PB-BIOTERROR")
    return made


def shown(tab) -> list[tuple]:
    return [(r["item"], r["have"], r["need"]) for r in tab.needs_model.rows]


def computed(db, ref) -> list[tuple]:
    return [(r["item"], r["have"], r["need"]) for r in needs.compute(db, ref)]


def test_choosing_depots_changes_what_the_needs_count(qtbot, chinese, worker, demo_db):
    made = make(demo_db)
    city = {r["code"] for r in demo_db.query("SELECT code FROM depot WHERE level = ?",
                                             [CITY_RESERVE])}  # fmt: skip
    before = computed(demo_db, made["id"])
    assert not any(need for _item, _have, need in before), "the default holds enough"
    page = open_incidents(qtbot, worker)
    choose_incident(qtbot, page, made["id"])
    tab = show_tab(qtbot, page, "needs")
    assert shown(tab) == before

    dialog = opened(qtbot, page.detail.tab("summary"), page.detail.tab("summary").edit)
    choice = dialog.depots
    assert choice.default.isChecked() and choice.codes() == []
    assert set(choice.default_codes()) == city | {"430422-CK01"}
    assert set(choice.checked()) == city | {"430422-CK01"}  # the default shown checked
    assert "默认可调用 5 个仓库（粗体）：事发区划 1 个，市级储备库 4 个" in choice.hint.text()
    dialog.division.setCurrentIndex(dialog.division.findData("430481"))
    assert set(choice.default_codes()) == city | {"430481-CK01"}  # follows the division
    dialog.division.setCurrentIndex(dialog.division.findData("430422"))

    # one click turns the default into a choice; keep only the Zhuhui depot
    assert choice.check(OTHER)
    assert choice.chosen.isChecked()
    for code in choice.default_codes():
        choice.check(code, False)
    assert choice.codes() == [OTHER] and "已勾选 1 个" in choice.hint.text()
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):  # the needs tab on screen reloads
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    stored = json.loads(incidents.get(demo_db, made["id"])["depot_ids"])
    assert stored == [demo_db.execute("SELECT id FROM depot WHERE code = ?", [OTHER]).fetchone()[0]]
    after = computed(demo_db, made["id"])
    assert shown(tab) == after != before
    assert any(need for _item, _have, need in after)
    assert all(d["code"] == OTHER for r in tab.needs_model.rows for d in r["depots"])
    assert page.current["depots_chosen"] and [d["code"] for d in page.current["depots"]] == [OTHER]

    # the draft orders issue from the depot chosen only
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(tab.drafted, timeout=TIMEOUT) as blocker:
            tab.draft_orders()
    drafted = blocker.args[0]
    assert drafted.orders and {o["from_depot"] for o in drafted.orders} == {OTHER}
    assert drafted.short

    # editing again shows the choice; saving it untouched changes nothing
    summary = show_tab(qtbot, page, "summary")
    dialog = opened(qtbot, summary, summary.edit)
    assert dialog.depots.chosen.isChecked() and dialog.depots.codes() == [OTHER]
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as done:
        dialog.submit()
    assert done.args[0] == []
    # and back to the default
    dialog = opened(qtbot, summary, summary.edit)
    dialog.depots.default.setChecked(True)
    assert dialog.depots.codes() == [] and OTHER not in dialog.depots.checked()
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as done:
            dialog.submit()
    assert done.args[0] == ["depot_ids"]
    assert incidents.get(demo_db, made["id"])["depot_ids"] == "[]"
    assert not page.current["depots_chosen"]


def test_a_new_incident_draws_on_the_depots_checked(qtbot, worker, demo_db):
    page = open_incidents(qtbot, worker)
    dialog = opened(qtbot, page, page.new_incident)
    dialog.title_edit.setText("常宁市某养殖场生猪异常死亡")
    dialog.hazard.setCurrentIndex(dialog.hazard.findData("animal_epidemic"))
    dialog.division.setCurrentIndex(dialog.division.findData("430482"))
    assert "430482-CK01" in dialog.depots.default_codes()
    dialog.depots.chosen.setChecked(True)
    for code in dialog.depots.default_codes():
        dialog.depots.check(code, False)
    assert not dialog.depots.warning.isHidden()  # nothing checked: the default, said
    dialog.depots.check("HY-CK03")
    dialog.depots.check("430482-CK01")
    assert dialog.depots.warning.isHidden()
    with qtbot.waitSignal(page.detail_loaded, timeout=TIMEOUT) as blocker:
        with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
            dialog.submit()
    made = blocker.args[0]
    assert made["depots_chosen"]
    assert {d["code"] for d in made["depots"]} == {"HY-CK03", "430482-CK01"}
