"""Drill bundles across the stations of a 综合演练 (issue 13, point 2).

Three stations trust one another's keys. Station A plans a drill and sends the plan to the
others with a normal bundle; each station starts its own sandbox of the drill. Then:
a drill bundle goes only into the same drill's sandbox at another station (and brings
that station's play with it); never into a live database, never into another drill's
sandbox, and a live bundle never into a sandbox — each refusal named and changing nothing.
No relay can pass a drill's operations off as live ones; sandboxes copied at different
times still exchange; the live databases are untouched by the whole drill but for its
planning rows. A state machine plays the drill at random and checks the sandboxes
converge while the live databases never receive anything of the drill.
"""

import contextlib
import hashlib
import json
import random
import shutil
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from desktop.core import incidents, orders, values
from desktop.core.context import Ctx
from desktop.core.drills import clock, injects, records, sandbox
from desktop.core.errors import BioError
from desktop.core.incidents import journal
from desktop.core.reserves import stock
from desktop.core.store import oplog, station
from desktop.core.store.handle import Database
from desktop.sync import bundles
from desktop.sync import keys as sync_keys
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE, BundleRefused
from desktop.sync.bundles.wire import FORMAT
from tests.helpers.stations import content, enrol_all, make_station, stock_up, synced, transfer

CONTROLLER = Ctx("os:controller")
PLAYER = {"HY-A": Ctx("os:player-a"), "HY-B": Ctx("os:player-b"), "HY-C": Ctx("os:player-c")}
SCENARIO = {"name": "不明原因肺炎综合演练", "kind": "综合演练", "hazard": "infectious_disease",
            "grade": "III", "division": "430405", "patients": 12, "responders": 60}  # fmt: skip
PLAN = {
    "injects": [
        {"no": 1, "trigger": "time", "offset_min": 0, "sender": "市第一人民医院",
         "to_agency": "HY-WJW", "channel": "电话", "message": "发现3例不明原因肺炎"},
        {"no": 2, "trigger": "time", "offset_min": 30, "to_agency": "HY-WJW",
         "message": "病例增至12例，1例死亡"},
        {"no": 3, "trigger": "manual", "contingency": True, "message": "备用：专家未到位"},
        {"no": 4, "trigger": "manual", "message": "县里请求调拨口罩"},
    ],
}  # fmt: skip
INCIDENT = {k: SCENARIO[k] for k in ("hazard", "grade", "division", "patients", "responders")}
T0 = values.now().replace(microsecond=0) - timedelta(hours=1)


def at(minutes: float):
    return T0 + timedelta(minutes=minutes)


class Exercise:
    """Stations A, B and C (live databases), the drill A planned, the sandboxes started."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.live = {code: make_station(folder, code, name) for code, name in
                     (("HY-A", "甲站"), ("HY-B", "乙站"), ("HY-C", "丙站"))}  # fmt: skip
        self.a, self.b, self.c = self.live.values()
        enrol_all(folder, list(self.live.values()))
        stock_up(self.a, "A")
        self.drill = plan(self.a)
        self.sent = 0
        self.live_bundle(self.a, self.b)
        self.live_bundle(self.a, self.c)
        self.sandboxes: dict[str, Database] = {}
        self.opened: list[Database] = []

    def path(self, name: str) -> Path:
        self.sent += 1
        return self.folder / f"{self.sent:03d}-{name}.zip"

    def live_bundle(self, src, dst):
        """A normal bundle from one live database to another, imported."""
        return transfer(src, dst, self.path("live"))[1]

    def start(self, code: str, minutes: float = 0, drill: dict | None = None):
        inside = sandbox.start(self.live[code], PLAYER[code], (drill or self.drill)["id"],
                               at=at(minutes))  # fmt: skip
        self.opened.append(inside)
        if drill is None:
            self.sandboxes[code] = inside
        return inside

    def drill_bundle(self, src, dst=None, name: str = "drill") -> Path:
        """A bundle exported in the sandbox `src` (for the station of sandbox `dst`)."""
        path = self.path(name)
        bundles.export(src, path, station.get(dst).origin if dst is not None else None)
        return path

    def exchange(self, src, dst):
        return bundles.import_(dst, self.drill_bundle(src, dst))

    def close(self):
        for db in [*self.opened, *self.live.values()]:
            db.close()


def plan(db, **given) -> dict:
    made = records.create(db, CONTROLLER, {**SCENARIO, **given}, ["PB-EID"])
    injects.replace(db, CONTROLLER, made["id"], PLAN)
    return records.get(db, made["id"])


@pytest.fixture
def ex(tmp_path):
    exercise = Exercise(tmp_path)
    yield exercise
    exercise.close()


def refused(db, path: Path, cause: str) -> BundleRefused:
    """The import is refused for `cause`, and the database is as it was, every row."""
    before = content(db)
    with pytest.raises(BundleRefused) as caught:
        bundles.import_(db, path)
    assert caught.value.cause == cause, str(caught.value)
    assert content(db) == before
    return caught.value


def play_at_a(ex: Exercise) -> dict:
    """A's players: the first inject fires, the incident is recorded, the playbook
    activated, the contingency inject fired by a controller, a 大事记 entry."""
    sa, did = ex.sandboxes["HY-A"], ex.drill["id"]
    assert [i["position"] for i in injects.tick(sa, CONTROLLER, did, at=at(1))] == [1]
    made = incidents.create(sa, PLAYER["HY-A"], {"title": "演练：不明原因肺炎", **INCIDENT})
    incidents.activate(sa, PLAYER["HY-A"], made["id"], "PB-EID")
    injects.fire(sa, CONTROLLER, did, 3, at=at(2))
    journal.add(sa, PLAYER["HY-A"], incidents.get(sa, made["id"]), "市卫健委接报并核实")
    return incidents.get(sa, made["id"])


def drill_rows(db, did: str) -> dict:
    """What every sandbox of the drill must agree on once it has every station's play."""
    return {
        "fired": db.execute(
            "SELECT id, inject_id, state, fired_s, acknowledged_s, done_s FROM drill_fired "
            "WHERE drill_id = ? ORDER BY id",
            [did],
        ).fetchall(),
        "incident": db.execute("SELECT * FROM incident ORDER BY id").fetchall(),
        "log": db.execute("SELECT * FROM incident_log ORDER BY id").fetchall(),
        "moves": db.execute("SELECT * FROM stock_move ORDER BY id").fetchall(),
        "status": db.execute("SELECT status, paused FROM drill WHERE id = ?", [did]).fetchall(),
    }


def drill_origins(db, drill_ids) -> set[str]:
    """The drill origins of every station this database knows, for the drills given."""
    known = [r[0] for r in db.execute("SELECT origin FROM trusted_station")]
    own = station.get(db).origin
    return {station.drill_origin(o, d) for o in [own, *known] for d in drill_ids}


def assert_no_drill_play(db, drill_ids) -> None:
    """A live database holds nothing made in any drill's sandbox."""
    forbidden = drill_origins(db, drill_ids)
    origins = {r[0] for r in db.execute("SELECT DISTINCT origin FROM oplog")}
    assert not origins & forbidden
    for table, column in (("incident", "number"), ("alloc_order", "number"),
                          ("stock_move", "ref")):  # fmt: skip
        rows = db.execute(f"SELECT {column} FROM {table} WHERE {column} LIKE 'YL-%'").fetchall()
        assert rows == []
    assert db.execute("SELECT count(*) FROM drill_fired").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM drill_clock").fetchone()[0] == 0


# ---------------------------------------------------------------- the same drill elsewhere


def test_a_drill_bundle_brings_one_stations_play_into_the_same_drill_at_another(ex):
    sa, sb, sc = ex.start("HY-A", 0), ex.start("HY-B", 1), ex.start("HY-C", 2)
    did = ex.drill["id"]
    # each sandbox plays under an origin of its own, known to the others without asking
    origin_a = station.get(sa).origin
    assert origin_a == station.drill_origin(station.get(ex.a).origin, did)
    incident = play_at_a(ex)
    assert incident["number"].startswith("YL-SJ-HY-A-")

    result = ex.exchange(sa, sb)
    assert result.applied > 0 and result.deferred == 0 and result.unvouched == {}
    assert incidents.get(sb, incident["id"])["number"] == incident["number"]
    assert [a["code"] for a in incidents.detail(sb, incident["id"])["playbooks"]] == ["PB-EID"]
    assert sorted(injects.fired(sb, did)) == sorted(injects.fired(sa, did))
    # the drill runs at B on A's clock (the controllers'), with the status A set
    assert records.get(sb, did)["status"] == "running"
    assert clock.load(sb, did).at(at(20)) == clock.load(sa, did).at(at(20)) == 20 * 60

    # B's players answer in B's sandbox; A's controllers see it with B's drill bundle
    injects.set_state(sb, PLAYER["HY-B"], did, 1, "acknowledged", at=at(5))
    journal.add(sb, PLAYER["HY-B"], incidents.get(sb, incident["id"]), "乙站派出流调队")
    back = ex.exchange(sb, sa)
    assert back.applied > 0 and back.unvouched == {}
    assert injects.fired(sa, did)[injects.find(sa, did, 1)["id"]]["state"] == "acknowledged"
    assert "乙站派出流调队" in [e["text"] for e in journal.entries(sa, incident["id"])]
    # and A's drill time never went back (B's start set no clock of its own)
    assert clock.load(sa, did).at(at(20)) == 20 * 60

    # B relays A's play to C: A vouches for it (its signed drill head), not B
    relayed = ex.exchange(sb, sc)
    assert relayed.applied > 0 and relayed.unvouched == {}
    assert drill_rows(sc, did) == drill_rows(sb, did) == drill_rows(sa, did)
    # a second delivery changes nothing
    again = ex.drill_bundle(sb, sc)
    assert bundles.import_(sc, again).already_imported
    # the injects of T+30 fire on A's clock at T+30 (not later by B's start)
    fired = injects.tick(sa, CONTROLLER, did, at=at(31))
    assert [(i["position"], i["fired_s"]) for i in fired] == [(2, 1800)]


def test_a_drill_bundle_for_a_station_named_by_its_code(ex):
    """Inside a sandbox each station is enrolled twice (live and drill origin) with one
    code: a drill bundle --for HY-B is for B's sandbox."""
    sa, sb = ex.start("HY-A"), ex.start("HY-B")
    play_at_a(ex)
    path = ex.path("by-code")
    made = bundles.export(sa, path, "HY-B")
    assert made.to == station.get(sb).origin
    assert bundles.import_(sb, path).applied > 0


# ---------------------------------------------------------------- never into the wrong world


def test_a_drill_bundle_is_refused_by_every_live_database_and_changes_nothing(ex):
    sa, sb = ex.start("HY-A"), ex.start("HY-B")
    play_at_a(ex)
    for made in (ex.drill_bundle(sa, sb), ex.drill_bundle(sa)):  # for B's sandbox; for any
        for live in (ex.b, ex.c, ex.a):  # the planning station's own live database too
            refusal = refused(live, made, "drill_into_live")
            assert "演练" in str(refusal) and made.name in str(refusal)
    # B's sandbox still takes it
    assert bundles.import_(sb, made).applied > 0


def test_a_live_bundle_is_refused_by_a_sandbox_and_so_is_another_drills(ex):
    sa, sb = ex.start("HY-A"), ex.start("HY-B")
    play_at_a(ex)
    stock.receive(ex.a, PLAYER["HY-A"], "AK", "A-KZ", "B2", 50, "2099-12-31")
    for made in (ex.path("a-live-for-b"), ex.path("a-live-any")):
        bundles.export(ex.a, made, station.get(ex.b).origin if "for-b" in made.name else None)
        assert "演练" in str(refused(sb, made, "live_into_drill"))
    # a station's own live bundle, in its own sandbox
    own = ex.path("b-live")
    bundles.export(ex.b, own, station.get(ex.a).origin)
    refused(sb, own, "live_into_drill")
    refused(sa, own, "live_into_drill")

    # another drill, planned at A and sent to B, with sandboxes of its own
    other = plan(ex.a, name="另一场演练")
    ex.live_bundle(ex.a, ex.b)
    sa2, sb2 = ex.start("HY-A", drill=other), ex.start("HY-B", drill=other)
    injects.tick(sa2, CONTROLLER, other["id"], at=at(1))
    refused(sb, ex.drill_bundle(sa2), "other_drill")
    refused(sb2, ex.drill_bundle(sa), "other_drill")
    refused(sb2, ex.drill_bundle(sa, sb), "other_drill")
    # the plan of the second drill reached B's live database; its play reached nothing
    assert_no_drill_play(ex.b, [ex.drill["id"], other["id"]])


# ---------------------------------------------------------------- forgery


def parts(path: Path) -> tuple[dict, list[str], bytes]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        lines = [line for line in archive.read(OPS).decode().split("\n") if line]
        return manifest, lines, archive.read(SIGNATURE)


def signed_bundle(signer, path: Path, lines: list[str], heads: dict, **fields) -> Path:
    """A bundle `signer` signs with its own key, carrying the lines and heads given (and
    any manifest fields: a `drill` of any value)."""
    body = ("\n".join(lines) + "\n").encode("utf-8")
    own = station.get(signer)
    manifest = {
        "format": FORMAT, "schema": 12, "from": {"origin": own.origin, "code": own.code,
        "name": own.name}, "to": None, "sequence": 99, "vector": {}, "ops": len(lines),
        "heads": heads, "sha256": hashlib.sha256(body).hexdigest(),
        "created_at": "2026-12-07T10:00:00+08:00", **fields,
    }  # fmt: skip
    raw = oplog.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, raw)
        archive.writestr(OPS, body)
        archive.writestr(SIGNATURE, station.sign(signer, raw))
    return path


def test_a_relay_cannot_pass_a_drills_operations_off_as_live_ones(ex):
    """C (trusted by B) takes A's drill operations and A's signed drill head out of a drill
    bundle and repackages them in a live bundle signed with its own key: A's drill origin
    is not enrolled in B's live database, so they are left out and nothing is applied."""
    sa = ex.start("HY-A")
    play_at_a(ex)
    manifest, lines, _ = parts(ex.drill_bundle(sa))
    origin_a = station.get(sa).origin
    drill_lines = [line for line in lines if json.loads(line)[0] == origin_a]
    assert drill_lines and origin_a in manifest["heads"]
    forged = signed_bundle(ex.c, ex.path("repackaged"), drill_lines,
                           {origin_a: manifest["heads"][origin_a]})  # fmt: skip
    before = synced(ex.b)
    result = bundles.import_(ex.b, forged)
    assert result.applied == 0 and result.unvouched == {origin_a: len(drill_lines)}
    assert synced(ex.b) == before
    assert_no_drill_play(ex.b, [ex.drill["id"]])

    # relabelled as A's live operations (continuing A's live chain at B): A's signature
    # covers its drill origin, so the head does not verify
    live_a = station.get(ex.a).origin
    seq, digest = oplog.head(ex.b, live_a)
    ops = []
    for n, line in enumerate(drill_lines, 1):
        fields = json.loads(line)[:9]
        fields[0], fields[1] = live_a, seq + n
        op = oplog.Op(*fields).chained(digest)
        digest = op.hash
        ops.append(op)
    relabelled = signed_bundle(ex.c, ex.path("relabelled"), bundles.encode_ops(ops),
                               {live_a: [ops[-1].seq, ops[-1].hash,
                                         manifest["heads"][origin_a][2]]})  # fmt: skip
    refused(ex.b, relabelled, "forged")

    # the drill's id taken out of the genuine drill bundle: its signature no longer holds,
    # and its sender (A's drill origin) is not enrolled in a live database anyway
    genuine = ex.drill_bundle(sa)
    manifest, lines, signature = parts(genuine)
    manifest.pop("drill")
    stripped = ex.path("stripped")
    with zipfile.ZipFile(stripped, "w") as archive:
        archive.writestr(MANIFEST, oplog.dumps(manifest).encode("utf-8"))
        archive.writestr(OPS, ("\n".join(lines) + "\n").encode("utf-8"))
        archive.writestr(SIGNATURE, signature)
    for live in (ex.b, ex.a):
        before = content(live)
        with pytest.raises(BundleRefused) as caught:
            bundles.import_(live, stripped)
        assert caught.value.cause in ("unknown_sender", "tampered")
        assert content(live) == before


def test_a_drill_origin_is_never_enrolled_in_a_live_database(ex):
    """A sandbox exports no key file; a key file made by hand with A's drill origin and A's
    key is refused at B's live database (the key is trusted there under A's live origin);
    so a relay's live bundle cannot bring A's drill play in."""
    sa = ex.start("HY-A")
    play_at_a(ex)
    key = ex.folder / "a-in-drill.key"
    with pytest.raises(BioError):
        sync_keys.export_key(sa, key)
    origin_a = station.get(sa).origin
    sync_keys.export_key(ex.a, key)
    made = json.loads(key.read_text(encoding="utf-8"))
    key.write_text(json.dumps({**made, "origin": origin_a}), encoding="utf-8")
    before = content(ex.b)
    with pytest.raises(BioError, match="HY-A"):  # already trusted as station HY-A
        sync_keys.trust(ex.b, key)
    assert content(ex.b) == before
    manifest, lines, _ = parts(ex.drill_bundle(sa))
    drill_lines = [line for line in lines if json.loads(line)[0] == origin_a]
    forged = signed_bundle(ex.c, ex.path("repackaged"), drill_lines,
                           {origin_a: manifest["heads"][origin_a]})  # fmt: skip
    with contextlib.suppress(BundleRefused):
        bundles.import_(ex.b, forged)
    assert_no_drill_play(ex.b, [ex.drill["id"]])


@pytest.mark.parametrize("drill", [7, "", "x" * 101, ["id"], {"id": "x"}, True, 0.5])
def test_a_manifest_whose_drill_is_not_a_short_string_is_damaged(ex, drill):
    sa, sb = ex.start("HY-A"), ex.start("HY-B")
    play_at_a(ex)
    _, lines, _ = parts(ex.drill_bundle(sa))
    made = signed_bundle(sa, ex.path("odd-drill"), lines, {}, drill=drill)
    for db in (sb, ex.b):
        refused(db, made, "damaged")


# ---------------------------------------------------------------- sandboxes of other times


def test_sandboxes_copied_at_different_times_exchange_drill_bundles(ex):
    """B copies its sandbox first; then A's and B's live databases move on (a new lot at
    each, exchanged by a live bundle) and A copies its sandbox. The drill origins start
    fresh chains, and A's sandbox brings B's the live rows its play builds on."""
    sb = ex.start("HY-B", 0)
    stock_up(ex.a, "N")  # after B's copy: a depot, item and lot of A's
    ex.live_bundle(ex.a, ex.b)
    stock_up(ex.b, "M")  # and of B's
    ex.live_bundle(ex.b, ex.a)
    sa = ex.start("HY-A", 5)
    did = ex.drill["id"]
    play_at_a(ex)
    stock.issue(sa, PLAYER["HY-A"], "NK", "N-KZ", 30, "B1", reason="演练：县里请求口罩")
    stock.issue(sa, PLAYER["HY-A"], "MK", "M-KZ", 20, "B1", reason="演练：从乙站新库调拨")
    result = ex.exchange(sa, sb)
    assert result.deferred == 0 and result.unvouched == {}
    assert stock.balance(sb, *_lot(sb, "NK", "N-KZ")) == 70
    assert stock.balance(sb, *_lot(sb, "MK", "M-KZ")) == 80
    # B plays on what its own copy held, and A's sandbox takes it
    stock.issue(sb, PLAYER["HY-B"], "AK", "A-KZ", 10, "B1", reason="演练：乙站发放")
    back = ex.exchange(sb, sa)
    assert back.deferred == 0 and back.unvouched == {}
    for _ in range(2):  # more rounds: nothing refused, nothing new
        assert ex.exchange(sa, sb).applied == 0
        assert ex.exchange(sb, sa).applied == 0
    assert drill_rows(sa, did) == drill_rows(sb, did)
    assert stock.balance(sa, *_lot(sa, "AK", "A-KZ")) == 90
    for inside in (sa, sb):  # each drill origin's chain is fresh, from 1, at both
        for origin in (station.get(sa).origin, station.get(sb).origin):
            seqs = inside.execute(
                "SELECT min(seq), max(seq), count(*) FROM oplog WHERE origin = ?", [origin]
            ).fetchone()
            assert seqs[0] == 1 and seqs[1] == seqs[2]
    # the live databases: their own new lots, nothing of the drill
    for live in (ex.a, ex.b):
        assert stock.balance(live, *_lot(live, "NK", "N-KZ")) == 100
        assert stock.balance(live, *_lot(live, "MK", "M-KZ")) == 100
        assert_no_drill_play(live, [did])


def _lot(db, depot: str, item: str) -> tuple[str, str]:
    return db.execute(
        "SELECT d.id, l.id FROM depot d, lot l JOIN item i ON i.id = l.item_id "
        "WHERE d.code = ? AND i.code = ? AND l.batch_no = 'B1'",
        [depot, item],
    ).fetchone()


# ---------------------------------------------------------------- the live databases


def live_view(db) -> dict:
    """Every table but the drill's own (the plan and its status) and what its rows put in
    the bookkeeping: their operations, their field clocks, the chain heads and the HLC."""
    out = content(db)
    for name in list(out):
        if name.startswith("drill") or name in ("oplog", "row_clock", "vector", "clock"):
            out.pop(name)
    out["oplog"] = sorted(map(repr, db.execute("SELECT * FROM oplog WHERE tbl NOT LIKE 'drill%'")))
    out["row_clock"] = sorted(
        map(repr, db.execute("SELECT * FROM row_clock WHERE tbl NOT LIKE 'drill%'"))
    )
    own = station.get(db).origin
    out["vector"] = sorted(map(repr, db.execute("SELECT * FROM vector WHERE origin != ?", [own])))
    return out


def test_a_whole_drill_across_stations_leaves_the_live_databases_as_they_were(ex):
    did = ex.drill["id"]
    before_a, before_b = live_view(ex.a), content(ex.b)
    head_a = oplog.head(ex.a, station.get(ex.a).origin)[0]
    sa, sb = ex.start("HY-A", 0), ex.start("HY-B", 1)
    incident = play_at_a(ex)
    order = orders.create(sa, PLAYER["HY-A"], "AK", "市第一人民医院", [("A-KZ", 40)],
                          incident=incident["id"], oral=True, approver="演练总指挥")  # fmt: skip
    number = order["number"]
    assert number.startswith("YL-TB-") and orders.detail(sa, number)["drill"] == 1
    orders.dispatch(sa, PLAYER["HY-A"], number)
    ex.exchange(sa, sb)
    injects.set_state(sb, PLAYER["HY-B"], did, 1, "done", at=at(10))
    ex.exchange(sb, sa)
    for inside in (sa, sb):
        inside.close()
    sandbox.pause(ex.a, CONTROLLER, did, at=at(20))
    sandbox.resume(ex.a, CONTROLLER, did, at=at(25))
    sandbox.end(ex.a, CONTROLLER, did, at=at(40))

    # A's live database: only the drill's rows changed (its status, started, ended)
    assert live_view(ex.a) == before_a
    made = ex.a.execute(
        "SELECT DISTINCT tbl FROM oplog WHERE origin = ? AND seq > ?",
        [station.get(ex.a).origin, head_a],
    ).fetchall()
    assert made == [("drill",)]
    assert records.get(ex.a, did)["status"] == "ended"
    # B's live database took part and did not change at all
    assert content(ex.b) == before_b
    # the sandbox's stock moved, the live database's did not
    sa = sandbox.open_sandbox(ex.a, did)
    ex.opened.append(sa)
    lot = _lot(sa, "AK", "A-KZ")
    assert stock.balance(sa, *lot) == 60 and stock.balance(ex.a, *lot) == 100
    assert sa.execute("SELECT count(*) FROM stock_move WHERE ref = ?", [number]).fetchone()[0]
    # a live bundle after the drill carries its planning rows only
    ex.live_bundle(ex.a, ex.b)
    assert records.get(ex.b, did)["status"] == "ended"
    for live in (ex.a, ex.b, ex.c):
        assert_no_drill_play(live, [did])


# ---------------------------------------------------------------- state machine

STATIONS = ("HY-A", "HY-B", "HY-C")
WHO = st.integers(0, len(STATIONS) - 1)


class DrillExchanges(RuleBasedStateMachine):
    """Three stations' sandboxes of one drill play at random (injects fired and answered,
    incidents recorded, stock issued, 大事记 entries) and exchange drill bundles in random
    order, some lost or delivered twice; live bundles go on between the live databases
    meanwhile, and bundles carried to the wrong world are refused. After a full exchange
    the sandboxes hold the same rows; the live databases never hold anything of the drill."""

    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bioreserve-drill-sync-"))
        self.ex: Exercise  # made by the first step (initialize)
        self.minute = 1.0

    @initialize()
    def stations(self):
        self.ex = Exercise(self.folder)
        for n, code in enumerate(STATIONS):
            self.ex.start(code, n)
        self.did = self.ex.drill["id"]

    def inside(self, n: int):
        return self.ex.sandboxes[STATIONS[n]]

    def later(self):
        self.minute += 1
        return at(self.minute)

    @rule(n=WHO)
    def tick(self, n):
        """Only the controllers' clock runs (A's); elsewhere injects fire once it arrives."""
        injects.tick(self.inside(n), CONTROLLER, self.did, at=self.later())

    @rule(n=WHO, no=st.sampled_from([3, 4]))
    def fire(self, n, no):
        with contextlib.suppress(BioError):  # fired already, or the drill not running yet
            injects.fire(self.inside(n), CONTROLLER, self.did, no, at=self.later())

    @rule(n=WHO, no=st.integers(1, 4), state=st.sampled_from(["acknowledged", "done"]))
    def answer(self, n, no, state):
        with contextlib.suppress(BioError):  # not fired here yet, or that far already
            injects.set_state(self.inside(n), PLAYER[STATIONS[n]], self.did, no, state,
                              at=self.later())  # fmt: skip

    @rule(n=WHO)
    def incident(self, n):
        incidents.create(self.inside(n), PLAYER[STATIONS[n]],
                         {"title": f"演练事件{STATIONS[n]}", **INCIDENT})  # fmt: skip

    @rule(n=WHO, text=st.text(alphabet="甲乙丙接报派出", min_size=1, max_size=6))
    def log(self, n, text):
        db = self.inside(n)
        found = db.execute("SELECT id FROM incident ORDER BY id LIMIT 1").fetchone()
        if found:
            journal.add(db, PLAYER[STATIONS[n]], incidents.get(db, found[0]), text)

    @rule(n=WHO, qty=st.integers(1, 5))
    def issue(self, n, qty):
        with contextlib.suppress(BioError):  # the sandbox's stock ran out
            stock.issue(self.inside(n), PLAYER[STATIONS[n]], "AK", "A-KZ", qty, "B1",
                        reason="演练发放")  # fmt: skip

    @rule(src=WHO, dst=WHO, lost=st.booleans(), twice=st.booleans(), anyone=st.booleans())
    def drill_bundle(self, src, dst, lost, twice, anyone):
        if src == dst:
            return
        path = self.ex.drill_bundle(self.inside(src), None if anyone else self.inside(dst))
        if lost:
            return
        result = bundles.import_(self.inside(dst), path)
        assert result.deferred == 0 and result.unvouched == {}
        if twice:
            assert bundles.import_(self.inside(dst), path).applied == 0

    @rule(src=WHO, dst=WHO)
    def live_bundle(self, src, dst):
        """Live work goes on between the live databases (A's stock is received again)."""
        if src == dst:
            return
        a = self.ex.live["HY-A"]
        stock.receive(a, PLAYER["HY-A"], "AK", "A-KZ", f"L{self.ex.sent}", 1, "2099-12-31")
        self.ex.live_bundle(self.ex.live[STATIONS[src]], self.ex.live[STATIONS[dst]])

    @rule(src=WHO, dst=WHO)
    def wrong_world(self, src, dst):
        """A drill bundle carried to a live database, a live one to a sandbox."""
        if src == dst:
            return
        drill = self.ex.drill_bundle(self.inside(src))
        refused(self.ex.live[STATIONS[dst]], drill, "drill_into_live")
        live = self.ex.path("live")
        bundles.export(self.ex.live[STATIONS[src]], live)
        refused(self.inside(dst), live, "live_into_drill")

    @invariant()
    def live_databases_hold_nothing_of_the_drill(self):
        for live in self.ex.live.values():
            assert_no_drill_play(live, [self.did])

    def teardown(self):
        made = getattr(self, "ex", None)
        try:
            if made is not None and len(made.sandboxes) == len(STATIONS):
                self.full_exchange_converges()
        finally:
            if made is not None:
                made.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def full_exchange_converges(self):
        order = [(s, d) for s in range(3) for d in range(3) if s != d]
        random.Random(len(order) + self.ex.sent).shuffle(order)
        for _ in range(2):
            for src, dst in order:
                result = bundles.import_(
                    self.inside(dst), self.ex.drill_bundle(self.inside(src), self.inside(dst))
                )
                assert result.deferred == 0 and result.unvouched == {}
        rows = [drill_rows(self.inside(n), self.did) for n in range(3)]
        assert rows[0] == rows[1] == rows[2]
        dumps = [synced(self.inside(n)) for n in range(3)]
        assert dumps[0] == dumps[1] == dumps[2]
        for live in self.ex.live.values():
            assert_no_drill_play(live, [self.did])


DrillExchanges.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDrillExchanges = DrillExchanges.TestCase
