"""Fuzzing bundles: whatever bytes arrive, and whatever operations a trusted station signs,
a bundle is imported or refused with a message — never a crash, never a change on
refusal, and what is imported leaves a database `check` finds sound."""

import base64
import hashlib
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.core.errors import BioError
from desktop.core.store import check, hlc, oplog, station
from desktop.core.store import db as dbmod
from desktop.core.store.oplog import Op, head_text
from desktop.core.store.tables import SYNCED
from desktop.sync import bundles
from desktop.sync.bundles import MANIFEST, OPS, SIGNATURE
from desktop.sync.bundles.wire import FORMAT, encode_ops
from tests.helpers.stations import content, enrol_all, make_station, stock_up

FUZZ = settings(
    max_examples=120,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A (the sender, with stock) and B's database file as it is before any import."""
    folder = tmp_path_factory.mktemp("fuzz")
    a = make_station(folder, "HY-A", "甲站")
    b = make_station(folder, "HY-B", "乙站")
    enrol_all(folder, [a, b])
    stock_up(a, "A")
    genuine = folder / "genuine.zip"
    bundles.export(a, genuine, "HY-B")
    b.close()
    yield {"a": a, "b_path": folder / "HY-B.db", "genuine": genuine.read_bytes(), "dir": folder}
    a.close()


def fresh_b(world, tmp_path):
    path = tmp_path / "b.db"
    shutil.copy(world["b_path"], path)
    return dbmod.open_db(path)


def outcome(db, path):
    """Import; returns the result, or the refusal (a BioError) — anything else fails."""
    before = content(db)
    try:
        result = bundles.import_(db, path)
    except BioError as refused:
        assert str(refused)
        assert content(db) == before, "a refused bundle changed the database"
        return refused
    assert check.run(db) == [], "an imported bundle left a database check finds unsound"
    return result


@FUZZ
@given(data=st.data())
def test_any_bytes_are_imported_or_refused_by_name(world, tmp_path, data):
    raw = bytearray(world["genuine"])
    for _ in range(data.draw(st.integers(1, 4))):
        how = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if how == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif how == "cut":
            del raw[at:]
            if not raw:
                raw = bytearray(b"PK")
        elif how == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
        else:
            raw[at : at + 16] = bytes(16)
    path = tmp_path / "mutated.zip"
    path.write_bytes(bytes(raw))
    db = fresh_b(world, tmp_path)
    try:
        outcome(db, path)
    finally:
        db.close()


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
NAMES = ["id", "name", "qty", "deleted", "status", "code", "depot_id", "item_id", "lot_id",
         "expires_on", "checklist", "grades", "kind", "occurred_at", "x", ""]  # fmt: skip


@FUZZ
@given(
    table=st.sampled_from([*SYNCED, "station", "oplog", "nope"]),
    kind=st.sampled_from(["insert", "update", "delete", "drop"]),
    payload=st.dictionaries(st.sampled_from(NAMES), JSON, max_size=5),
    row=st.sampled_from(["new", "existing", "weird"]),
    ahead_days=st.sampled_from([0, 1, 400, 10**6]),
    bases=st.sampled_from([[], ["x"], [[1, 2]], ["a" * 70 + ":1"]]),
)
def test_any_operation_a_trusted_station_signs_is_applied_soundly_or_refused(
    world, tmp_path, table, kind, payload, row, ahead_days, bases
):
    """The sender is enrolled and signs correctly: only the payload checks stand between
    its operations and the database."""
    a = world["a"]
    origin = station.get(a).origin
    seq, digest = oplog.head(a, origin)
    existing = a.execute("SELECT id FROM unit LIMIT 1").fetchone()[0]
    row_id = {"new": "0198f0a1-0000-7000-8000-000000000001", "existing": existing,
              "weird": "../\x00x"}[row]  # fmt: skip
    stamp = hlc.pack(hlc.wall_ms() + ahead_days * 86_400_000, 0)
    op = Op(origin, seq + 1, stamp, "os:fuzz", kind, table, row_id, payload, bases)
    op = op.chained(digest)
    path = tmp_path / "signed.zip"
    signed_bundle(a, path, [op])
    db = fresh_b(world, tmp_path)
    try:
        # B first takes A's genuine history, so that edits of existing rows apply.
        genuine = tmp_path / "genuine.zip"
        genuine.write_bytes(world["genuine"])
        bundles.import_(db, genuine)
        result = outcome(db, path)
        event("refused" if isinstance(result, BioError) else "imported")
    finally:
        db.close()


def signed_bundle(sender, path, ops) -> None:
    """ops (of the sender's own origin, continuing its chain) in a bundle it signs: the
    manifest, the head of its chain and all."""
    lines = encode_ops(ops)
    body = ("\n".join(lines) + "\n").encode("utf-8")
    own = station.get(sender)
    last = ops[-1]
    heads = {
        own.origin: [
            last.seq,
            last.hash,
            base64.b64encode(
                station.sign(sender, head_text(own.origin, last.seq, last.hash))
            ).decode("ascii"),
        ]
    }
    manifest = {
        "format": FORMAT, "schema": 10, "from": {"origin": own.origin, "code": own.code,
        "name": own.name}, "to": None, "sequence": 50, "vector": {own.origin: last.seq},
        "ops": len(lines), "heads": heads, "sha256": hashlib.sha256(body).hexdigest(),
        "created_at": "2026-12-07T10:00:00+08:00",
    }  # fmt: skip
    raw = oplog.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, raw)
        archive.writestr(OPS, body)
        archive.writestr(SIGNATURE, station.sign(sender, raw))


VALUES = (
    st.text(max_size=30)
    | st.integers(-(10**13), 10**13)
    | st.sampled_from([0, 1, 2, -1, 10**12, 10**12 + 1, None, "", "draft", "received", "[]"])
)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["unit", "item", "depot", "expert", "norm", "alloc_order", "lot"]),
            st.sampled_from(["name", "name_en", "qty", "deleted", "status", "code", "spec",
                             "pack_size", "shelf_life", "mobile", "expires_on", "notes"]),
            VALUES,
        ),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_edits_of_real_rows_are_applied_soundly_or_refused(world, tmp_path, edits):
    """Edits of rows B holds, with values near and beyond what each column allows."""
    a = world["a"]
    origin = station.get(a).origin
    seq, digest = oplog.head(a, origin)
    ops = []
    for table, field, value in edits:
        row = a.execute(f"SELECT id FROM {table} LIMIT 1").fetchone()
        columns = {r[1] for r in a.execute(f"PRAGMA table_info({table})")}
        if row is None or field not in columns:
            continue
        stamp = hlc.pack(hlc.wall_ms(), len(ops))
        op = Op(origin, seq + 1, stamp, "os:fuzz", "update", table, row[0], {field: value}, [])
        op = op.chained(digest)
        seq, digest = op.seq, op.hash
        ops.append(op)
    if not ops:
        return
    path = tmp_path / "edits.zip"
    signed_bundle(a, path, ops)
    db = fresh_b(world, tmp_path)
    try:
        genuine = tmp_path / "genuine.zip"
        genuine.write_bytes(world["genuine"])
        bundles.import_(db, genuine)
        result = outcome(db, path)
        event("refused" if isinstance(result, BioError) else "imported")
    finally:
        db.close()
