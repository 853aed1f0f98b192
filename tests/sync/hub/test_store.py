"""The store interface on both stores: stations, nonces, who sees what, quotas, retention."""

import concurrent.futures
import hashlib
import re
import sqlite3
import time
from datetime import datetime

import pytest

from desktop.core import values
from desktop.sync.hub import opening
from desktop.sync.hub.limits import Limits
from desktop.sync.hub.sqlite_store import SqliteStore
from desktop.sync.hub.store import QuotaExceeded, StationConflict, overlaps
from tests.helpers.hub import fake_bundle


def test_stations_are_enrolled_revoked_and_enrolled_again(store):
    assert store.stations() == [] and store.station("HY-A") is None
    a = store.enrol("origin-a", "HY-A", "甲站", b"a" * 32, "4304")
    assert (a.origin, a.code, a.name, a.public_key, a.scope, a.active) == (
        "origin-a", "HY-A", "甲站", b"a" * 32, "4304", True,
    )  # fmt: skip
    assert a.enrolled_at and a.revoked_at is None
    store.enrol("origin-b", "HY-B", "乙站", b"b" * 32)
    assert [s.code for s in store.stations()] == ["HY-A", "HY-B"]
    assert store.station("origin-a") == store.station("HY-A") == a
    revoked = store.revoke("HY-A")
    assert revoked is not None and not revoked.active and revoked.revoked_at
    assert store.revoke("origin-a").revoked_at == revoked.revoked_at  # revoked once
    assert store.revoke("HY-X") is None
    again = store.enrol("origin-a", "HY-A", "甲站", b"c" * 32, "43")  # a new key
    assert again.active and again.public_key == b"c" * 32 and again.scope == "43"
    with pytest.raises(StationConflict, match="origin-b"):
        store.enrol("origin-z", "HY-B", "冒名", b"z" * 32)
    assert store.station("origin-z") is None and len(store.stations()) == 2


@pytest.fixture
def shanghai(monkeypatch):
    """This computer's clock in China's time zone (+08:00), whatever the machine's."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset: not on Windows")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_enrolment_times_are_local_iso_times_on_both_stores(shanghai, store):
    """The form the rest of the program stores times in (values.stamp): `sync hub
    stations` shows the same on SQLite and PostgreSQL (whose server may keep UTC)."""
    store.enrol("origin-a", "HY-A", "甲站", b"a" * 32)
    revoked = store.revoke("HY-A")
    assert revoked is not None
    form = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00")
    for stamp in (revoked.enrolled_at, revoked.revoked_at, store.stations()[0].enrolled_at):
        assert stamp is not None and form.fullmatch(stamp), stamp
        assert abs(values.time_key(stamp) - time.time()) < 120
        assert values.stamp(datetime.fromisoformat(stamp)) == stamp


def test_a_store_kept_open_sees_what_another_process_wrote(store_target):
    """Connections are kept between calls, yet each call sees the store as it is now
    (another store object stands for another hub process), and calls after close() work."""
    first = opening.open_store(store_target)
    second = opening.open_store(store_target)
    try:
        assert first.count() == 0 and first.listing(0) == []
        stored = second.store(fake_bundle("b", 1))
        assert first.count() == 1 and [r["id"] for r in first.listing(0)] == [stored.id]
        assert first.store(fake_bundle("b", 1)).stored is False  # one copy, seen at once
        second.enrol("origin-b", "HY-B", "乙站", b"b" * 32)
        assert first.station("HY-B") is not None
    finally:
        first.close()
        second.close()
    assert first.count() == 1  # a call after close() opens and closes its own


def test_a_nonce_is_used_once_within_the_clock_window(store):
    now = time.time()
    assert store.use_nonce("origin-a", "n1", now)
    assert not store.use_nonce("origin-a", "n1", now)  # a replay
    assert store.use_nonce("origin-b", "n1", now)  # another station's nonce
    window = store.limits.clock_window_s
    assert not store.use_nonce("origin-a", "n2", now - window - 5)  # too old to check
    assert not store.use_nonce("origin-a", "n3", now + window + 5)  # from the future


def test_a_station_sees_what_is_addressed_to_it_or_to_its_scope(store):
    sent = {
        "province": store.store(fake_bundle("p"), sender_scope="43").id,
        "city": store.store(fake_bundle("c"), sender_scope="4304").id,
        "county": store.store(fake_bundle("k"), sender_scope="430405").id,
        "other_city": store.store(fake_bundle("o"), sender_scope="4305").id,
        "other_province": store.store(fake_bundle("x"), sender_scope="44").id,
        "everyone": store.store(fake_bundle("e"), sender_scope="").id,
        "to_county": store.store(fake_bundle("o", 2, to="k"), sender_scope="4305").id,
        "to_other": store.store(fake_bundle("p", 2, to="c"), sender_scope="43").id,
    }

    def seen(origin, scope):
        ids = {row["id"] for row in store.listing(0, origin, scope)}
        got = {name for name, bundle_id in sent.items() if bundle_id in ids}
        for name, bundle_id in sent.items():  # a download obeys the same rule
            assert (store.get(bundle_id, origin, scope) is not None) == (name in got)
        return got

    assert seen("k", "430405") == {"province", "city", "everyone", "to_county"}
    assert seen("c", "4304") == {"province", "county", "everyone", "to_other"}
    assert seen("p", "43") == {"city", "county", "other_city", "everyone"}
    assert seen("admin", "") == set(sent) - {"to_county", "to_other"}
    assert len(store.listing(0)) == len(sent) == store.count()
    assert overlaps("", "43") and overlaps("4304", "43") and not overlaps("4304", "4305")


def test_ids_follow_each_other_and_a_duplicate_is_held_once(store):
    data = fake_bundle("a")
    first = store.store(data)
    assert first.stored and first.sha256 == hashlib.sha256(data).hexdigest()
    assert store.store(data) == type(first)(first.id, first.sha256, False)
    second = store.store(fake_bundle("a", 2))
    assert second.id > first.id and store.count() == 2
    assert store.get(first.id) == data
    assert store.get(2**63 - 1) is None and store.get(0) is None
    assert store.listing(2**63 - 1) == [] and store.listing(second.id) == []
    assert store.held("a") == len(data) + len(fake_bundle("a", 2))


def test_a_sender_over_its_quota_is_refused_and_nothing_is_kept(store_target):
    small = opening.open_store(store_target, Limits(quota_bytes=5000))
    try:
        kept = small.store(fake_bundle("a", 1, pad=3000))
        with pytest.raises(QuotaExceeded, match="a") as refused:
            small.store(fake_bundle("a", 2, pad=3000))
        assert refused.value.quota == 5000 and refused.value.held == small.held("a")
        with pytest.raises(QuotaExceeded):
            small.store(fake_bundle("b", 1, pad=6000))  # larger than a whole quota
        assert small.store(fake_bundle("b", 1, pad=3000)).stored  # another sender's own
        assert [r["id"] for r in small.listing(0, "z")][0] == kept.id and small.count() == 2
    finally:
        small.close()


def test_concurrent_pushes_never_overrun_a_quota_or_store_a_bundle_twice(store_target):
    """Stores opened separately stand for hub processes (PostgreSQL: each its own
    connections): the quota and the uniqueness hold in the store, not in Python."""
    limits = Limits(quota_bytes=10 * 3000)
    stores = [opening.open_store(store_target, limits) for _ in range(4)]
    bodies = [fake_bundle("a", n, pad=2900) for n in range(20)]
    try:
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            jobs = [
                pool.submit(stores[i % 4].store, body) for i, body in enumerate(bodies + bodies[:5])
            ]
        results = []
        for job in jobs:
            try:
                results.append(job.result())
            except QuotaExceeded:
                pass
        kept = {r.id for r in results}
        assert stores[0].count() == len(kept) <= 10
        assert stores[0].held("a") <= limits.quota_bytes
        assert stores[0].held("a") == sum(r["size"] for r in stores[0].listing(0))
    finally:
        for opened in stores:
            opened.close()


def test_old_bundles_are_pruned_and_a_cursor_beyond_them_still_works(store_target):
    kept = opening.open_store(store_target, Limits(keep_days=30))
    try:
        old = [kept.store(fake_bundle("a", n)).id for n in (1, 2)]
        later = time.time() + 31 * 86400
        assert kept.prune(later) == 2 and kept.count() == 0 and kept.held("a") == 0
        new = kept.store(fake_bundle("a", 3)).id
        assert new > max(old)
        assert [r["id"] for r in kept.listing(old[0], "b")] == [new]  # a cursor past pruned
        assert [r["id"] for r in kept.listing(0, "b")] == [new]
        assert kept.prune() == 0
    finally:
        kept.close()


def test_the_first_hubs_store_is_migrated_forward(tmp_path):
    path = tmp_path / "hub.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE bundle (id INTEGER PRIMARY KEY AUTOINCREMENT, sender_origin TEXT NOT "
        "NULL, sequence INTEGER NOT NULL, to_origin TEXT, sha256 TEXT NOT NULL UNIQUE, "
        "received_at TEXT NOT NULL, data BLOB NOT NULL);"
    )
    data = fake_bundle("a")
    old.execute(
        "INSERT INTO bundle VALUES (7, 'a', 1, NULL, ?, '2026-11-01T09:00:00+08:00', ?)",
        [hashlib.sha256(data).hexdigest(), data],
    )
    old.commit()
    old.close()
    store = SqliteStore(path)
    [row] = store.listing(0, "b")
    assert (row["id"], row["sender"], row["size"]) == (7, "a", len(data))
    assert store.get(7) == data and store.held("a") == len(data)
    assert store.store(fake_bundle("a", 2)).id == 8
    assert SqliteStore(path).count() == 2  # opening again changes nothing
    assert Limits().keep_days and store.prune(time.time()) == 0
