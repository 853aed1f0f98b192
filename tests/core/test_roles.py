"""Every role × action through the real core functions (issue 17, point 5).

A demo database is prepared once: the demo's depots, stock, incident (its tasks led by
several agencies), monitoring (a schedule of 市卫生健康委 — the demo liaison's agency — and
one of another agency), orders (approved from the keeper's depot and from another one, one
dispatched, one submitted), a draft playbook version, a second incident with no playbook,
the drill, and two other stations (one trusted, whose bundle is at hand). Each case acts
on a copy of it as one role: an allowed action is not refused; a refused one raises
NotAllowed and writes nothing (every table, the oplog and the files beside the database
are as they were).

ROLE_TABLE below is the matrix; test_the_matrix_is_the_documented_one prints it for the
README.
"""

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from desktop.core import imports, incidents
from desktop.core.access import accounts, policy, roles, sessions, trail
from desktop.core.context import Ctx
from desktop.core.drills import sandbox
from desktop.core.incidents import experts as incident_experts
from desktop.core.incidents import journal, reports, tasks
from desktop.core.monitoring import people, results, schedules, sheets
from desktop.core.orders import lifecycle as orders
from desktop.core.playbooks import editing as playbooks
from desktop.core.reserves import alerts, catalog, norms, stock
from desktop.core.roster import experts
from desktop.core.setup import backup_actions, initdb
from desktop.core.store import check
from desktop.core.store import db as dbmod
from desktop.core.store.writepath import write
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from tests.helpers.stations import new_station

SETUP = Ctx("os:setup")  # the program preparing the database (the administrator's role)
ROLES = ("admin", "coordinator", "keeper", "liaison", "controller", "viewer")
KEEPER_DEPOT = "HY-CK01"  # the demo keeper's depot
LIAISON_AGENCY = "HY-WJW"  # the demo liaison's agency (市卫生健康委)
PASSWORD = "Another-l0ng-pass!"
EXPERT = {
    "name": "测试专家",
    "gender": "女",
    "organisation": "衡阳市疾病预防控制中心",
    "title": "主任医师",
    "specialties": ["epidemiology"],
    "division": "430422",
    "mobile": "13800009999",
}


# ---------------------------------------------------------------- the prepared database


def _depot_id(db, code: str) -> str:
    return catalog.depot_by_code(db, code)["id"]


def _stocked(db, depot_id: str, avoid: str | None = None) -> dict:
    """An item with a usable lot at the depot (and, given avoid, no stock of that lot at
    the other depot): {item, batch, lot_id}."""
    row = db.execute(
        "SELECT i.code, l.batch_no, l.id FROM stock_balance b JOIN lot l ON l.id = b.lot_id "
        "JOIN item i ON i.id = b.item_id WHERE b.depot_id = ? AND b.qty >= 50 "
        "AND l.status = '合格' "
        "AND (l.expires_on IS NULL OR l.expires_on > date('now', '+60 days')) "
        "AND NOT EXISTS (SELECT 1 FROM stock_move m WHERE m.lot_id = l.id AND m.depot_id = ?) "
        "ORDER BY i.code, l.batch_no LIMIT 1",
        [depot_id, avoid or ""],
    ).fetchone()
    assert row, depot_id
    return {"item": row[0], "batch": row[1], "lot_id": row[2]}


def _order(db, source: str, destination: str, item: str, steps: tuple[str, ...]) -> str:
    made = orders.create(db, SETUP, source, destination, [(item, 2)], needed_by=None)
    number = made["number"]
    if "submit" in steps:
        orders.submit(db, SETUP, number)
    if "approve" in steps:
        orders.approve(db, SETUP, number, approver="王某")
    if "dispatch" in steps:
        orders.dispatch(db, SETUP, number)
    return number


def _tasks(db, incident_id: str, agency_id: str, other_agency: str) -> tuple[str, str]:
    """A task the agency leads, and one another agency does alone (every task of the demo's
    playbook involves 市卫生健康委: the last one is given to another agency), both open."""
    open_tasks = list(
        db.query(
            "SELECT id, lead_agency_id FROM incident_task WHERE incident_id = ? AND deleted = 0 "
            "AND status IN ('not_started', 'received') ORDER BY position",
            [incident_id],
        )
    )
    own = next(t["id"] for t in open_tasks if t["lead_agency_id"] == agency_id)
    other = open_tasks[-1]["id"]
    supported = open_tasks[-2]["id"]
    assert len({own, other, supported}) == 3
    with write(db, SETUP) as w:
        w.update("incident_task", other, {"lead_agency_id": other_agency,
                                          "support_agency_ids": "[]"})  # fmt: skip
        supporting = {"lead_agency_id": other_agency, "support_agency_ids": f'["{agency_id}"]'}
        w.update("incident_task", supported, supporting)
    return own, other, supported


def _checks(db, incident_id: str, agency_id: str) -> tuple[str, str]:
    """A check due (not recorded yet) of a schedule of the agency, and one of another's."""
    today = date.today()
    own = other = None
    for c in schedules.due(db, today):
        if schedules.resolve(db, c["check"])[0]["agency_id"] == agency_id:
            own = own or c["check"]
        else:
            other = other or c["check"]
    assert own and other
    return own, other


def _prepare(folder: Path) -> dict:
    path = folder / "live.db"
    initdb.init_database(path, with_demo=True).conn.close()
    db = dbmod.open_db(path)
    env: dict = {"path": path}
    keeper_depot = _depot_id(db, KEEPER_DEPOT)
    other_code = db.execute(
        "SELECT d.code FROM depot d JOIN stock_balance b ON b.depot_id = d.id "
        "WHERE d.code != ? AND b.qty > 0 ORDER BY d.code LIMIT 1",
        [KEEPER_DEPOT],
    ).fetchone()[0]
    other_depot = _depot_id(db, other_code)
    env.update(other=other_code, own_lot=_stocked(db, keeper_depot, avoid=other_depot))
    env["other_lot"] = _stocked(db, other_depot, avoid=keeper_depot)
    item = env["own_lot"]["item"]
    env["order_own"] = _order(db, KEEPER_DEPOT, other_code, item, ("submit", "approve"))
    env["order_other"] = _order(
        db, other_code, "衡南县人民医院", env["other_lot"]["item"], ("submit", "approve")
    )
    env["order_sent"] = _order(
        db, KEEPER_DEPOT, other_code, item, ("submit", "approve", "dispatch")
    )
    env["order_arriving"] = _order(
        db, other_code, KEEPER_DEPOT, env["other_lot"]["item"], ("submit", "approve", "dispatch")
    )
    env["order_submitted"] = _order(db, KEEPER_DEPOT, "衡南县人民医院", item, ("submit",))
    incident = db.execute("SELECT id, number FROM incident ORDER BY number LIMIT 1").fetchone()
    env["incident"], env["incident_number"] = incident[0], incident[1]
    agency = db.execute("SELECT id FROM agency WHERE code = ?", [LIAISON_AGENCY]).fetchone()[0]
    other_agency = db.execute(
        "SELECT id FROM agency WHERE code != ? ORDER BY code LIMIT 1", [LIAISON_AGENCY]
    ).fetchone()[0]
    env["task_own"], env["task_other"], env["task_supported"] = _tasks(
        db, incident[0], agency, other_agency
    )
    with write(db, SETUP) as w:  # the site's checks are another agency's
        for (schedule_id,) in db.execute(
            "SELECT id FROM monitor_schedule WHERE site_id IS NOT NULL"
        ).fetchall():
            w.update("monitor_schedule", schedule_id, {"agency_id": other_agency})
    env["check_own"], env["check_other"] = _checks(db, incident[0], agency)
    second = incidents.create(
        db,
        SETUP,
        {"title": "角色测试事件", "hazard": "infectious_disease", "grade": "IV",
         "division": "430422", "lead_agency": LIAISON_AGENCY},
    )  # fmt: skip
    env["incident_new"] = second["id"]
    other_code = db.execute("SELECT code FROM agency WHERE id = ?", [other_agency]).fetchone()[0]
    env["incident_elsewhere"] = incidents.create(
        db,
        SETUP,
        {"title": "他单位事件", "hazard": "infectious_disease", "grade": "IV",
         "division": "430422", "lead_agency": other_code},
    )["id"]  # fmt: skip
    version = db.execute(
        "SELECT max(version) FROM playbook WHERE code = 'PB-EID' AND deleted = 0"
    ).fetchone()[0]
    env["playbook_draft"] = playbooks.new_version(db, SETUP, "PB-EID", version)
    env["drill"] = db.execute("SELECT number FROM drill ORDER BY number LIMIT 1").fetchone()[0]
    expert = experts.search(db, limit=1)[0]
    env["expert"] = expert["id"]
    env["expert_fields"] = {k: expert[k] for k in experts.FIELDS if expert[k] is not None}
    # two other stations: one trusted (its bundle at hand), one whose key is offered
    trusted = new_station(folder / "trusted.db", "HY-T1", "已信任站")
    sync_keys.export_key(trusted, folder / "hy-t1.key")
    sync_keys.trust(db, folder / "hy-t1.key", None, SETUP)
    env["trusted_code"] = "HY-T1"
    env["bundle"] = folder / "from-t1.zip"
    bundles.export(trusted, env["bundle"])
    trusted.close()
    offered = new_station(folder / "offered.db", "HY-T2", "待信任站")
    env["key_file"] = folder / "hy-t2.key"
    sync_keys.export_key(offered, env["key_file"])
    offered.close()
    env["ctx"] = {name: accounts.find(db, name).ctx() for name in ROLES}
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return env


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    return _prepare(tmp_path_factory.mktemp("roles"))


@pytest.fixture
def live(prepared, tmp_path):
    """A copy of the prepared database (with the files beside it) in a folder of its own."""
    source = prepared["path"].parent
    for name in ("live.db", "from-t1.zip", "hy-t2.key"):
        shutil.copy(source / name, tmp_path / name)
    db = dbmod.open_db(tmp_path / "live.db")
    env = {**prepared, "path": tmp_path / "live.db", "bundle": tmp_path / "from-t1.zip",
           "key_file": tmp_path / "hy-t2.key", "out": tmp_path / "out"}  # fmt: skip
    env["out"].mkdir()
    yield db, env
    db.close()


# ---------------------------------------------------------------- the actions


def _started(db, env):
    """The drill started (by the administrator); the live database acted on."""
    sandbox.start(db, SETUP, env["drill"]).close()
    return db


def _inside(db, env):
    """The drill started, and its sandbox entered as the administrator (acted on)."""
    sandbox.start(db, SETUP, env["drill"]).close()
    inside = sandbox.open_sandbox(db, env["drill"])
    env["closing"] = inside
    return inside


def _lot_status(db, env, which: str, ctx):
    catalog.set_lot_status(db, ctx, env[which]["lot_id"], "冻结")


@dataclass(frozen=True)
class Action:
    name: str
    run: object  # (db, env, ctx) -> anything
    allowed: frozenset
    setup: object = None  # (live db, env) -> the database to act on
    notes: str = field(default="", compare=False)


def A(name, run, allowed, setup=None):
    return Action(name, run, frozenset(allowed.split()), setup)


ADMIN_ONLY = "admin"
COORD = "admin coordinator"
KEEPS = "admin coordinator keeper"
LIAISES = "admin coordinator liaison"
DRILLS = "admin coordinator controller"
SYNCS = "admin coordinator keeper liaison controller"

ACTIONS = [
    A("add item", lambda db, e, c: catalog.save_item(
        db, c, {"code": "RT-1", "name": "角色测试物资", "unit": "个", "category": "PPE"}), COORD),
    A("edit depot", lambda db, e, c: catalog.save_depot(
        db, c, {**catalog.depot_by_code(db, KEEPER_DEPOT), "contact": "新联系人"},
        _depot_id(db, KEEPER_DEPOT)), COORD),
    A("set norm", lambda db, e, c: norms.set_norm(
        db, c, KEEPER_DEPOT, e["own_lot"]["item"], 999), COORD),
    A("receive stock, own depot", lambda db, e, c: stock.receive(
        db, c, KEEPER_DEPOT, e["own_lot"]["item"], "RT-NEW", 10, expiry="2030-01-01"), KEEPS),
    A("receive stock, other depot", lambda db, e, c: stock.receive(
        db, c, e["other"], e["own_lot"]["item"], "RT-NEW", 10, expiry="2030-01-01"), COORD),
    A("issue, own depot", lambda db, e, c: stock.issue(
        db, c, KEEPER_DEPOT, e["own_lot"]["item"], 1, e["own_lot"]["batch"]), KEEPS),
    A("issue, other depot", lambda db, e, c: stock.issue(
        db, c, e["other"], e["other_lot"]["item"], 1, e["other_lot"]["batch"]), COORD),
    A("transfer from own depot", lambda db, e, c: stock.transfer(
        db, c, KEEPER_DEPOT, e["other"], e["own_lot"]["item"], 1, e["own_lot"]["batch"]),
      KEEPS),
    A("transfer from other depot", lambda db, e, c: stock.transfer(
        db, c, e["other"], KEEPER_DEPOT, e["other_lot"]["item"], 1, e["other_lot"]["batch"]),
      COORD),
    A("count, own depot", lambda db, e, c: stock.count(
        db, c, KEEPER_DEPOT, e["own_lot"]["item"], e["own_lot"]["batch"], 3), KEEPS),
    A("write off, own depot", lambda db, e, c: stock.writeoff(
        db, c, KEEPER_DEPOT, e["own_lot"]["item"], e["own_lot"]["batch"], 1, "损坏"), KEEPS),
    A("write off, other depot", lambda db, e, c: stock.writeoff(
        db, c, e["other"], e["other_lot"]["item"], e["other_lot"]["batch"], 1, "损坏"), COORD),
    A("lot status, own depot", lambda db, e, c: _lot_status(db, e, "own_lot", c), KEEPS),
    A("lot status, other depot", lambda db, e, c: _lot_status(db, e, "other_lot", c), COORD),
    A("create order", lambda db, e, c: orders.create(
        db, c, KEEPER_DEPOT, e["other"], [(e["own_lot"]["item"], 1)]), COORD),
    A("approve order", lambda db, e, c: orders.approve(
        db, c, e["order_submitted"], approver="王某"), COORD),
    A("dispatch order, own depot", lambda db, e, c: orders.dispatch(
        db, c, e["order_own"]), KEEPS),
    A("dispatch order, other depot", lambda db, e, c: orders.dispatch(
        db, c, e["order_other"]), COORD),
    A("receive order, at own depot", lambda db, e, c: orders.receive(
        db, c, e["order_arriving"]), KEEPS),
    A("receive order, at other depot", lambda db, e, c: orders.receive(
        db, c, e["order_sent"]), COORD),
    A("add expert", lambda db, e, c: experts.save_expert(db, c, EXPERT), COORD),
    A("edit expert", lambda db, e, c: experts.save_expert(
        db, c, {**e["expert_fields"], "notes": "角色测试"}, e["expert"]), COORD),
    A("approve playbook version", lambda db, e, c: playbooks.approve(
        db, c, "PB-EID", e["playbook_draft"]), COORD),
    A("activate playbook", lambda db, e, c: incidents.activate(
        db, c, e["incident_new"], "PB-EID"), COORD),
    A("record incident", lambda db, e, c: incidents.create(
        db, c, {"title": "新事件", "hazard": "infectious_disease", "grade": "IV",
                "division": "430422"}), COORD),  # fmt: skip
    A("update task, own agency", lambda db, e, c: tasks.set_status(
        db, c, e["task_own"], "in_progress", "已出发"), LIAISES),
    A("update task, other agency", lambda db, e, c: tasks.set_status(
        db, c, e["task_other"], "in_progress", "已出发"), COORD),
    A("update task, supporting agency", lambda db, e, c: tasks.set_status(
        db, c, e["task_supported"], "in_progress", "配合单位已出发"), COORD),
    A("add 大事记 entry", lambda db, e, c: journal.add(
        db, c, incidents.get(db, e["incident"]), "联络员报告现场情况"), LIAISES),
    A("add 大事记 entry, incident without the agency", lambda db, e, c: journal.add(
        db, c, incidents.get(db, e["incident_elsewhere"]), "联络员报告现场情况"), COORD),
    A("record result, own agency", lambda db, e, c: results.record(
        db, c, e["check_own"], "36.5"), LIAISES),
    A("record result, other agency", lambda db, e, c: results.record(
        db, c, e["check_other"], "阴性"), COORD),
    A("unmask personal data", lambda db, e, c: people.listing(
        db, e["incident"], reveal=True, ctx=c, reason="电话随访"), COORD),
    A("export experts unmasked", lambda db, e, c: imports.export_xlsx(
        db, e["out"] / "experts.xlsx", masked=False, ctx=c), COORD),
    A("export monitoring unmasked", lambda db, e, c: sheets.export(
        db, e["incident"], e["out"] / "monitoring.xlsx", True, c, "转交社区"), COORD),
    A("set alert thresholds", lambda db, e, c: alerts.set_thresholds(db, "15,45", c), COORD),
    A("set reporting deadlines", lambda db, e, c: reports.set_deadlines(
        db, {"final_days": 10}, c), COORD),
    A("trust a station key", lambda db, e, c: sync_keys.trust(
        db, e["key_file"], None, c), ADMIN_ONLY),
    A("revoke a station key", lambda db, e, c: sync_keys.revoke(
        db, e["trusted_code"], c), ADMIN_ONLY),
    A("import a bundle", lambda db, e, c: bundles.import_(db, e["bundle"], c), SYNCS),
    A("export a bundle", lambda db, e, c: bundles.export(
        db, e["out"] / "bundle.zip", None, c), SYNCS),
    A("start a drill", lambda db, e, c: sandbox.start(db, c, e["drill"]).close(), DRILLS),
    A("pause a drill", lambda db, e, c: sandbox.pause(db, c, e["drill"]), DRILLS, _started),
    A("approve order in a drill", lambda db, e, c: orders.approve(
        db, c, e["order_submitted"], approver="导调员"), DRILLS, _inside),
    A("manage users", lambda db, e, c: accounts.add(
        db, c, "newcomer", "viewer", PASSWORD), ADMIN_ONLY),
    A("make a backup", lambda db, e, c: backup_actions.manual(
        db, c, e["out"] / "backup.db"), ADMIN_ONLY),
    A("read the audit log", lambda db, e, c: trail.rows(db, c), ADMIN_ONLY),
    A("set the idle time", lambda db, e, c: sessions.set_idle_minutes(db, c, 20), ADMIN_ONLY),
    A("check --rebuild", lambda db, e, c: check.rebuild(db, c), ADMIN_ONLY),
]  # fmt: skip

ROLE_TABLE = {a.name: {role: role in a.allowed for role in ROLES} for a in ACTIONS}


# ---------------------------------------------------------------- what "nothing written" means


def _contents(db) -> dict[str, str]:
    """A digest of every table's rows (oplog and audit events included)."""
    out = {}
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name"
    ).fetchall():
        digest = hashlib.sha256()
        for row in db.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
            digest.update(repr(tuple(row)).encode())
        out[name] = digest.hexdigest()
    return out


def _files(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_role_action(live, role, action):
    db, env = live
    ctx = env["ctx"][role]
    target = action.setup(db, env) if action.setup else db
    try:
        before, files = _contents(target), _files(env["path"].parent)
        ops = target.execute("SELECT count(*) FROM oplog").fetchone()[0]
        if role in action.allowed:
            action.run(target, env, ctx)
            return
        with pytest.raises(policy.NotAllowed) as refused:
            action.run(target, env, ctx)
        assert ctx.user in str(refused.value)
        assert target.execute("SELECT count(*) FROM oplog").fetchone()[0] == ops
        assert _contents(target) == before
        assert _files(env["path"].parent) == files
    finally:
        if env.get("closing") is not None:
            env.pop("closing").close()


def test_the_matrix_is_the_documented_one():
    """Every role does its real work and no more (the README's table)."""
    allowed = {role: sum(row[role] for row in ROLE_TABLE.values()) for role in ROLES}
    assert allowed["admin"] == len(ACTIONS)
    assert allowed["viewer"] == 0
    assert allowed["coordinator"] == len(ACTIONS) - sum(
        a.allowed == frozenset({"admin"}) for a in ACTIONS
    )
    assert {a.name for a in ACTIONS if "keeper" in a.allowed} == {
        "receive stock, own depot", "issue, own depot", "transfer from own depot",
        "count, own depot", "write off, own depot", "lot status, own depot",
        "dispatch order, own depot", "receive order, at own depot", "import a bundle",
        "export a bundle",
    }  # fmt: skip
    assert {a.name for a in ACTIONS if "liaison" in a.allowed} == {
        "update task, own agency", "add 大事记 entry", "record result, own agency",
        "import a bundle", "export a bundle",
    }  # fmt: skip


# ---------------------------------------------------------------- masking by role


def test_expert_lists_mask_mobiles_for_roles_without_the_right(live):
    db, env = live
    for role in ROLES:
        rows = experts.search(db, ctx=env["ctx"][role])
        groups = [e for g in experts.duplicates(db, env["ctx"][role]) for e in g]
        shown = {r["mobile"] for r in rows + groups if r["mobile"]}
        masked = all("****" in m for m in shown)
        assert shown and masked == (not roles.has(role, roles.PERSONAL)), role
    keeper, coordinator = env["ctx"]["keeper"], env["ctx"]["coordinator"]
    for ctx, masked in ((keeper, True), (coordinator, False)):
        out = incident_experts.listing(db, env["incident"], ctx)
        suggested = [
            e
            for task in incident_experts.suggestions(db, env["incident"], ctx=ctx)
            for s in task["specialties"]
            for e in s["experts"]
        ]
        found = incident_experts.find(db, "", ctx=ctx)
        mobiles = [e["mobile"] for e in out + suggested + found if e["mobile"]]
        assert mobiles and all(("****" in m) == masked for m in mobiles)


def test_a_masked_roster_export_is_anyones_and_not_audited(live):
    db, env = live
    events = db.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    imports.export_xlsx(db, env["out"] / "masked.xlsx", ctx=env["ctx"]["viewer"])
    assert db.execute("SELECT count(*) FROM audit_event").fetchone()[0] == events


def test_monitoring_lists_are_masked_for_every_role_until_unmasked(live):
    db, env = live
    for role in ROLES:
        rows = people.listing(db, env["incident"], ctx=env["ctx"][role])
        assert rows and all("*" in r["id_number"] and "*" in r["phone"] for r in rows), role
    shown = people.listing(
        db, env["incident"], reveal=True, ctx=env["ctx"]["coordinator"], reason="电话随访"
    )
    assert all("*" not in r["id_number"] for r in shown)
    [event] = db.query("SELECT actor, kind, detail FROM audit_event WHERE kind = 'unmask'")
    assert event["actor"] == "user:coordinator" and "电话随访" in event["detail"]


def test_unmasked_exports_are_audited_with_their_rows(live):
    db, env = live
    coordinator = env["ctx"]["coordinator"]
    count = imports.export_xlsx(db, env["out"] / "experts.xlsx", masked=False, ctx=coordinator)
    done = sheets.export(db, env["incident"], env["out"] / "m.xlsx", True, coordinator, "转交")
    kinds = [
        (e["actor"], e["detail"])
        for e in db.query("SELECT actor, detail FROM audit_event WHERE kind = 'personal_export'")
    ]
    assert len(kinds) == 2 and all(actor == "user:coordinator" for actor, _ in kinds)
    assert f'"rows": {count}' in kinds[0][1] and f'"rows": {done["people"]}' in kinds[1][1]


def test_unmasking_as_a_viewer_is_refused_and_recorded_nowhere(live):
    db, env = live
    with pytest.raises(policy.NotAllowed):
        people.listing(db, env["incident"], reveal=True, ctx=env["ctx"]["viewer"], reason="看看")
    assert db.execute("SELECT count(*) FROM disclosure_log").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM audit_event WHERE kind = 'unmask'").fetchone()[0] == 0


def test_a_player_entering_a_running_drill_fires_nothing(live):
    """Keepers and liaisons act in a drill's sandbox; only those who run it fire injects."""
    db, env = live
    sandbox.start(db, SETUP, env["drill"]).close()

    def fired(role: str) -> int:
        inside = sandbox.enter(db, env["ctx"][role], env["drill"])
        try:
            return inside.execute("SELECT count(*) FROM drill_fired").fetchone()[0]
        finally:
            inside.close()

    assert fired("keeper") == fired("liaison") == 0  # the first inject is due at once
    assert fired("controller") > 0


def test_a_keeper_may_not_freeze_a_lot_another_depot_holds_too(fresh_db):
    """A lot's status applies wherever it is held: a keeper of one depot froze 50 units at
    another by the lot it had once held (0 left at its own depot)."""
    from desktop.core.reserves import catalog, stock

    admin = Ctx("os:admin")
    for code in ("K1", "K2"):
        catalog.save_depot(fresh_db, admin, {"code": code, "name": code, "level": "县级储备库"})
    catalog.save_item(fresh_db, admin, {"code": "KZ", "name": "口罩", "unit": "只",
                                        "category": "PPE"})  # fmt: skip
    stock.receive(fresh_db, admin, "K1", "KZ", "SH1", 5, "2030-01-01")
    stock.receive(fresh_db, admin, "K2", "KZ", "SH1", 50, "2030-01-01")
    stock.issue(fresh_db, admin, "K1", "KZ", 5, batch="SH1")
    own = catalog.depot_by_code(fresh_db, "K1")["id"]
    keeper = Ctx("user:keeper", role="keeper", depot_ids=frozenset({own}))
    lot = catalog.lot_by_batch(fresh_db, catalog.item_by_code(fresh_db, "KZ")["id"], "SH1")
    with pytest.raises(policy.NotAllowed):
        catalog.set_lot_status(fresh_db, keeper, lot["id"], "冻结")
    stock.receive(fresh_db, admin, "K1", "KZ", "OWN", 5, "2030-01-01")  # held at K1 alone
    mine = catalog.lot_by_batch(fresh_db, catalog.item_by_code(fresh_db, "KZ")["id"], "OWN")
    catalog.set_lot_status(fresh_db, keeper, mine["id"], "冻结")
