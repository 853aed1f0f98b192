"""Bundles for stations not entitled to the expert roster or the monitoring cohorts leave
those rows out: the receiver gets each such operation withheld (its place in its origin's
hash chain, its class and hash, not its content), its chains still verify, later operations
of the same origin still apply, and the real operations fill in once an entitled station
sends them; a forged replacement is refused."""

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.core import incidents
from desktop.core.access import audit
from desktop.core.access.policy import NotAllowed
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.monitoring import people, personal, results, schedules
from desktop.core.store import check, oplog, station
from desktop.core.store.merge import apply_ops
from desktop.core.store.writepath import write
from desktop.sync import bundles, entitlement, hub_client
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE, BundleRefused
from tests.helpers.hub import running_hub
from tests.helpers.stations import ADMIN, ALICE, content, enrol, make_station, synced

TODAY = date.today()
NAME, MOBILE, CERT = "王医生", "13911112222", "BSL-2026-0042"
PERSON, PHONE = "陈一", "13800000001"
PERSONAL_TABLES = ("expert", "expert_qualification", "incident_expert", "monitor_person")


def an_id(seq: str) -> str:
    first = "43042219880808" + seq
    return first + personal.check_character(first)


ID_NUMBER = an_id("011")
SECRETS = (NAME, MOBILE, CERT, PERSON, PHONE, ID_NUMBER)


def item(db, code: str) -> None:
    with write(db, ALICE) as w:
        w.insert("item", {"code": code, "name": f"物资{code}", "unit": "个"})


def roster_and_cohort(db) -> dict:
    """Items, an expert with a qualification dispatched to an incident, a monitored person
    with a result, a site with a result, and items again: personal operations between
    others of the same origin."""
    item(db, "I1")
    with write(db, ALICE) as w:
        expert = w.insert("expert", {"name": NAME, "mobile": MOBILE})
        given = {"expert_id": expert, "name": "培训合格证", "number": CERT}
        w.insert("expert_qualification", given)
    item(db, "I2")
    made = incidents.create(
        db, ALICE, {"title": "炭疽疑似暴露", "hazard": "bioterror", "grade": "II",
                    "division": "430422"})  # fmt: skip
    with write(db, ALICE) as w:
        w.insert("incident_expert", {"incident_id": made["id"], "expert_id": expert})
    people.add(db, ALICE, made["id"], {
        "name": PERSON, "id_number": ID_NUMBER, "phone": PHONE, "cohort": "exposed",
        "exposed_on": (TODAY - timedelta(days=1)).isoformat()})  # fmt: skip
    schedules.add(db, ALICE, made["id"], {
        "cohort": "exposed", "measure": "体温", "every_days": 1, "for_days": 14,
        "start_on": (TODAY - timedelta(days=1)).isoformat(), "normal_max": 37.2})  # fmt: skip
    for check_ in schedules.due(db, TODAY):
        results.record(db, ALICE, check_["check"], "36.8")
    item(db, "I3")
    return {"incident": made["id"], "expert": expert}


def ops_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(OPS).decode("utf-8") + archive.read(MANIFEST).decode("utf-8")


def personal_rows(db) -> dict:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PERSONAL_TABLES} | {
        "person results": db.execute(
            "SELECT count(*) FROM monitor_result WHERE person_id IS NOT NULL"
        ).fetchone()[0]
    }


def shared(db) -> dict:
    """The synced tables no class of personal rows touches."""
    personal_ = set(entitlement.TABLES)
    return {t: rows for t, rows in synced(db).items() if t not in personal_}


def origin_of(db) -> str:
    return station.get(db).origin


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


@pytest.fixture
def stations(tmp_path):
    """A (with the roster and a cohort), B and C; every station trusts every other's key,
    and entitles nobody yet."""
    dbs = [make_station(tmp_path, f"HY-{c}", f"{c}站") for c in "ABC"]
    for db in dbs:
        for peer in dbs:
            if peer is not db:
                enrol(tmp_path, db, peer, entitle=())
    roster_and_cohort(dbs[0])
    yield dbs
    for db in dbs:
        db.conn.close()


def send(src, dst, path):
    bundles.export(src, path, origin_of(dst))
    return bundles.import_(dst, path)


def test_a_station_not_entitled_gets_no_personal_rows_and_its_chains_hold(tmp_path, stations):
    a, b, _ = stations
    path = tmp_path / "a-b.zip"
    result = send(a, b, path)
    text = ops_text(path)
    raw = path.read_bytes()
    for secret in SECRETS:
        assert secret not in text and secret.encode() not in raw
    assert result.withheld > 0 and result.deferred == 0
    assert all(n == 0 for n in personal_rows(b).values())
    assert shared(b) == shared(a)  # items, the incident, its schedule: all there
    assert b.execute("SELECT count(*) FROM monitor_result").fetchone()[0] == 0
    assert check.run(b) == []
    assert audit.verify(b).ok
    assert oplog.head(b, origin_of(a)) == oplog.head(a, origin_of(a))
    # later operations of the same origin apply after the withheld ones
    item(a, "I4")
    later = send(a, b, tmp_path / "a-b2.zip")
    assert later.applied == 1 and later.deferred == 0
    assert shared(b) == shared(a) and check.run(b) == []


def test_an_entitled_station_gets_everything(tmp_path, stations):
    a, b, _ = stations
    entitlement.set_entitlement(a, ADMIN, "HY-B", {"roster": True, "monitoring": True})
    path = tmp_path / "a-b.zip"
    result = send(a, b, path)
    assert result.withheld == 0 and result.applied == result.ops
    assert NAME in ops_text(path)
    assert synced(b) == synced(a) and check.run(b) == []


def test_one_class_only(tmp_path, stations):
    a, b, _ = stations
    entitlement.set_entitlement(a, ADMIN, "HY-B", {"roster": True})
    path = tmp_path / "a-b.zip"
    send(a, b, path)
    text = ops_text(path)
    assert NAME in text and MOBILE in text and PERSON not in text and ID_NUMBER not in text
    rows = personal_rows(b)
    assert rows["expert"] == 1 and rows["incident_expert"] == 1
    assert rows["monitor_person"] == 0 and rows["person results"] == 0
    assert check.run(b) == []


def test_entitlement_granted_later_fills_in(tmp_path, stations):
    a, b, _ = stations
    send(a, b, tmp_path / "1.zip")
    send(b, a, tmp_path / "2.zip")  # B tells A what it holds withheld
    entitlement.set_entitlement(a, ADMIN, "HY-B", {"roster": True, "monitoring": True})
    result = send(a, b, tmp_path / "3.zip")
    assert result.applied > 0
    assert synced(b) == synced(a)
    assert b.execute("SELECT count(*) FROM withheld_op").fetchone()[0] == 0
    assert check.run(b) == [] and audit.verify(b).ok


def test_a_relay_not_entitled_passes_on_withheld_operations_and_the_entitled_fills_in(
    tmp_path, stations
):
    """A → B (not entitled) → C (entitled at A and at B): C gets A's shared rows through B,
    the personal ones withheld; once C's bundle reaches A, A sends C the real ones."""
    a, b, c = stations
    entitlement.set_entitlement(a, ADMIN, "HY-C", {"roster": True, "monitoring": True})
    entitlement.set_entitlement(b, ADMIN, "HY-C", {"roster": True, "monitoring": True})
    send(a, b, tmp_path / "a-b.zip")
    relayed = tmp_path / "b-c.zip"
    result = send(b, c, relayed)
    for secret in SECRETS:
        assert secret not in ops_text(relayed)
    assert result.withheld > 0 and shared(c) == shared(a) and check.run(c) == []
    send(c, a, tmp_path / "c-a.zip")
    filled = send(a, c, tmp_path / "a-c.zip")
    assert filled.applied > 0
    assert synced(c) == synced(a) and check.run(c) == []
    # and C, now holding them, never sends them to B, which is not entitled at C
    item(a, "I9")
    send(a, c, tmp_path / "a-c2.zip")
    back = tmp_path / "c-b.zip"
    send(c, b, back)
    assert NAME not in ops_text(back) and shared(b) == shared(a)


def test_a_bundle_for_any_station_carries_no_personal_rows(tmp_path, stations):
    a, b, _ = stations
    entitlement.set_entitlement(a, ADMIN, "HY-B", {"roster": True, "monitoring": True})
    path = tmp_path / "any.zip"
    bundles.export(a, path)
    for secret in SECRETS:
        assert secret not in ops_text(path)
    assert bundles.import_(b, path).withheld > 0


def resign(path, sender, change) -> None:
    """Rewrite ops.jsonl with change(lines) and sign the manifest again with the sender's
    key: what a trusted relay could do to a bundle."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        lines = archive.read(OPS).decode("utf-8").split("\n")
    body = "\n".join(change([line for line in lines if line])) + "\n"
    manifest["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    manifest_bytes = oplog.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(OPS, body)
        archive.writestr(SIGNATURE, station.sign(sender, manifest_bytes))


def test_a_forged_replacement_of_a_withheld_operation_is_refused(tmp_path, stations):
    """B holds A's expert withheld; C (entitled) relays a changed one: refused, B unchanged;
    and a changed operation merged directly does not hash to A's commitment."""
    a, b, c = stations
    entitlement.set_entitlement(a, ADMIN, "HY-C", {"roster": True, "monitoring": True})
    entitlement.set_entitlement(c, ADMIN, "HY-B", {"roster": True, "monitoring": True})
    send(a, b, tmp_path / "a-b.zip")
    send(a, c, tmp_path / "a-c.zip")
    send(b, c, tmp_path / "b-c.zip")  # C learns what B holds withheld
    path = tmp_path / "c-b.zip"
    bundles.export(c, path, origin_of(b))
    assert NAME in ops_text(path)
    resign(path, c, lambda lines: [line.replace(NAME, "王假医生") for line in lines])
    before = content(b)
    with pytest.raises(BundleRefused) as refused:
        bundles.import_(b, path)
    assert refused.value.cause == "chain"
    assert content(b) == before
    # an expert added alone between other operations: B holds it withheld, its hash bound
    with write(a, ALICE) as w:
        w.insert("expert", {"name": "李医生", "mobile": "13700000000"})
    item(a, "I5")
    send(a, b, tmp_path / "a-b2.zip")
    [expert_op] = [op for op in oplog.ops_since(a, {}) if op.payload.get("name") == "李医生"]
    previous = oplog.held_hash(b, expert_op.origin, expert_op.seq - 1)
    forged = replace(expert_op, payload={**expert_op.payload, "mobile": "13700000001"})
    forged = forged.chained(previous)
    before = content(b)
    with pytest.raises(BioError, match="committed"):
        apply_ops(b, [forged])
    assert content(b) == before
    assert apply_ops(b, [expert_op]).applied == 1  # the genuine one replaces its stub
    assert b.execute("SELECT mobile FROM expert").fetchone()[0] == "13700000000"
    assert check.run(b) == []


def test_a_relay_cannot_hide_a_forgery_before_a_withheld_operation(tmp_path, stations):
    """The operation just before a withheld one carries A's signature of the chain there;
    changed, or with the signature dropped, the bundle is refused."""
    a, b, _ = stations
    path = tmp_path / "a-b.zip"
    bundles.export(a, path, origin_of(b))
    with zipfile.ZipFile(path) as archive:
        lines = [line for line in archive.read(OPS).decode("utf-8").split("\n") if line]
    signed = [i for i, line in enumerate(lines) if len(json.loads(line)) == 11]
    assert signed and len(json.loads(lines[signed[0] + 1])) == 5  # a mark, then a stub

    def changed(lines):
        fields = json.loads(lines[signed[0]])
        fields[3] = "os:mallory"
        return [*lines[: signed[0]], oplog.dumps(fields), *lines[signed[0] + 1 :]]

    def unsigned(lines):
        fields = json.loads(lines[signed[0]])[:9]
        return [*lines[: signed[0]], oplog.dumps(fields), *lines[signed[0] + 1 :]]

    before = content(b)
    for change, cause in ((changed, "chain"), (unsigned, "forged")):
        copy = tmp_path / f"{cause}.zip"
        copy.write_bytes(path.read_bytes())
        resign(copy, a, change)
        with pytest.raises(BundleRefused) as refused:
            bundles.import_(b, copy)
        assert refused.value.cause == cause
        assert content(b) == before


def test_only_an_administrator_sets_entitlement(stations):
    a, _, _ = stations
    with pytest.raises(NotAllowed):
        entitlement.set_entitlement(a, Ctx("user:v", role="viewer"), "HY-B", {"roster": True})
    with pytest.raises(BioError, match="roster or monitoring"):
        entitlement.set_entitlement(a, ADMIN, "HY-B", {"phones": True})
    assert entitlement.entitled(a, origin_of(a)) == frozenset()
    granted = entitlement.set_entitlement(a, ADMIN, "HY-B", {"monitoring": True})
    assert granted["entitled"] == ["monitoring"]
    assert entitlement.set_entitlement(a, ADMIN, "HY-B", {"monitoring": False})["entitled"] == []


def test_through_a_hub_personal_rows_reach_only_the_entitled_station(tmp_path, stations):
    """A push for any station leaves them out; a push for C carries them and the hub lists
    it for C only: B, on the same hub, never downloads it."""
    a, b, c = stations
    entitlement.set_entitlement(a, ADMIN, "HY-C", {"roster": True, "monitoring": True})
    with running_hub(tmp_path / "hub.db") as server:
        hub_client.push(a, server.url)
        hub_client.push(a, server.url, for_origin="HY-C")
        pulled_b = hub_client.pull(b, server.url)
        assert pulled_b["received"] == 1 and pulled_b["refused"] == []
        hub_client.push(c, server.url)  # C says what it holds withheld …
        hub_client.pull(a, server.url)
        hub_client.push(a, server.url, for_origin="HY-C")  # … and A fills it in
        hub_client.pull(c, server.url)
    assert all(n == 0 for n in personal_rows(b).values()) and shared(b) == shared(a)
    assert synced(c) == synced(a) and check.run(c) == []


def test_a_relay_without_its_origins_marks_sends_only_what_it_can_vouch_for(tmp_path, stations):
    """C (entitled) holds A's operations but not the marks A signed (as from an older
    BioReserve): it cannot leave A's personal operations out for B and still have the rest
    checked, so it sends B none of A's run; A's own bundle brings it all."""
    a, b, c = stations
    entitlement.set_entitlement(a, ADMIN, "HY-C", {"roster": True, "monitoring": True})
    send(a, c, tmp_path / "a-c.zip")
    with write(c, ALICE) as w:  # C's own work still travels
        w.insert("unit", {"name": "箱"})
    c.execute("DELETE FROM signed_mark")
    relayed = tmp_path / "c-b.zip"
    result = send(c, b, relayed)
    for secret in SECRETS:
        assert secret not in ops_text(relayed)
    assert oplog.head(b, origin_of(a)) == (0, "") and result.applied == 1
    assert check.run(b) == []
    send(a, b, tmp_path / "a-b.zip")
    assert shared(b) == shared(a) | {"unit": shared(b)["unit"]} and check.run(b) == []
