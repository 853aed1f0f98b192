"""The hub relays signed bundles over HTTP on loopback; stations verify what they pull.

Every test here runs on both stores (conftest.py: SQLite, then PostgreSQL)."""

import http.client
import json
import urllib.error
import urllib.request

import pytest

from desktop.core.errors import BioError
from desktop.core.reserves import catalog
from desktop.core.store import check, station
from desktop.sync import bundles, hub_client
from desktop.sync.hub import limits as hub_limits
from tests.helpers.hub import altered, post, running_hub
from tests.helpers.stations import CLERK, content, enrol, enrol_all, make_station, stock_up, synced


@pytest.fixture
def trio(tmp_path):
    """Stations A, B, C, each enrolled at the other two."""
    dbs = [
        make_station(tmp_path, "HY-A", "甲站"),
        make_station(tmp_path, "HY-B", "乙站"),
        make_station(tmp_path, "HY-C", "丙站"),
    ]
    enrol_all(tmp_path, dbs)
    yield dbs
    for db in dbs:
        db.conn.close()


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_a_push_reaches_every_other_station_and_back(hub_server, trio):
    a, b, c = trio
    url = hub_server.url
    stock_up(a, "A")
    pushed = hub_client.push(a, url)
    assert pushed["stored"] and pushed["ops"] > 0 and pushed["id"] == 1
    for db in (b, c):
        pulled = hub_client.pull(db, url)
        assert pulled["refused"] == [] and pulled["received"] == 1
        [got] = pulled["imported"]
        assert got["sender"]["code"] == "HY-A" and got["applied"] == pushed["ops"]
        assert synced(db) == synced(a) and check.run(db) == []
    stock_up(b, "B")
    assert hub_client.push(b, url)["stored"]
    pulled = hub_client.pull(a, url)  # A's own bundle is not offered back to A
    assert [r["sender"]["code"] for r in pulled["imported"]] == ["HY-B"]
    assert pulled["refused"] == [] and pulled["deferred"] == 0
    assert synced(a) == synced(b) and check.run(a) == []
    assert hub_client.pull(c, url)["imported"][0]["sender"]["code"] == "HY-B"
    assert synced(c) == synced(b)


def test_pulling_twice_changes_nothing_and_the_cursor_is_kept_per_hub(hub_server, trio):
    a, b, _ = trio
    stock_up(a, "A")
    hub_client.push(a, hub_server.url + "/")
    first = hub_client.pull(b, hub_server.url)
    assert first["received"] == 1 and first["last_id"] == 1
    assert hub_client.last_id(b, hub_server.url) == 1
    before = content(b)
    again = hub_client.pull(b, hub_server.url)
    assert (again["received"], again["imported"], again["last_id"]) == (0, [], 1)
    assert content(b) == before
    replay = hub_client.pull(b, hub_server.url, from_start=True)
    assert [r["already_imported"] for r in replay["imported"]] == [True]
    assert synced(b) == synced(a)


def test_only_new_changes_travel_once_the_others_acknowledged(hub_server, trio):
    a, b, c = trio
    stock_up(a, "A")
    first = hub_client.push(a, hub_server.url)
    for db in (b, c):
        hub_client.pull(db, hub_server.url)
        hub_client.push(db, hub_server.url)  # their (empty) bundles acknowledge A's ops
    hub_client.pull(a, hub_server.url)
    catalog.save_item(a, CLERK, {"code": "A-XD", "name": "含氯消毒片", "unit": "瓶"})
    second = hub_client.push(a, hub_server.url)
    assert 0 < second["ops"] < first["ops"]
    for db in (b, c):
        pulled = hub_client.pull(db, hub_server.url)
        assert pulled["applied"] == second["ops"] and pulled["refused"] == []
        assert synced(db) == synced(a)


def test_a_bundle_from_an_unenrolled_station_is_refused_and_the_others_apply(
    tmp_path, hub_server, trio
):
    a, b, _ = trio
    stranger = make_station(tmp_path, "HY-X", "外站")
    enrol(tmp_path, stranger, a)
    stock_up(stranger, "X")
    stock_up(a, "A")
    hub_client.push(stranger, hub_server.url)
    hub_client.push(a, hub_server.url)
    pulled = hub_client.pull(b, hub_server.url)
    [refusal] = pulled["refused"]
    assert (refusal["id"], refusal["cause"]) == (1, "unknown_sender")
    assert refusal["sender"] == station.get(stranger).origin
    assert [r["sender"]["code"] for r in pulled["imported"]] == ["HY-A"]
    assert synced(b) == synced(a) and pulled["last_id"] == 2
    stranger.conn.close()


def test_a_tampered_bundle_on_the_hub_is_refused_by_the_station(tmp_path, hub_server, trio):
    a, b, _ = trio
    stock_up(a, "A")
    path = tmp_path / "a.zip"
    bundles.export(a, path)
    status, answer = post(
        hub_server.url, altered(path.read_bytes()), {"Content-Type": "application/zip"}
    )
    assert status == 201 and answer["stored"] is True  # the hub does not judge signatures
    before = content(b)
    pulled = hub_client.pull(b, hub_server.url)
    assert [r["cause"] for r in pulled["refused"]] == ["tampered"]
    after = content(b)
    [refusal] = b.execute("SELECT source, cause FROM bundle_refused").fetchall()
    assert refusal == (f"{hub_server.url}/bundles/1", "tampered")  # kept, and passed over
    assert after == {**before, "meta": after["meta"], "bundle_refused": after["bundle_refused"]}


def test_garbage_is_refused_with_400_and_nothing_is_stored(hub_server):
    for body in (b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40):
        status, answer = post(hub_server.url, body)
        assert status == 400 and answer["error"]
    assert hub_server.store.count() == 0
    status, body = get(hub_server.url + "/bundles")
    assert (status, json.loads(body)) == (200, [])


def test_a_duplicate_is_answered_already_held(tmp_path, hub_server, trio):
    a, _, _ = trio
    path = tmp_path / "a.zip"
    bundles.export(a, path)
    assert post(hub_server.url, path.read_bytes())[0] == 201
    status, answer = post(hub_server.url, path.read_bytes())
    assert status == 200 and (answer["id"], answer["stored"]) == (1, False)
    assert hub_server.store.count() == 1


def test_too_large_missing_length_and_unknown_addresses(store_target):
    with running_hub(store_target, hub_limits.Limits(max_bundle_bytes=10)) as hub_server:
        status, answer = post(hub_server.url, b"x" * 11)
        assert status == 413 and "MB" in answer["error"]
        unknown_addresses(hub_server)


def unknown_addresses(hub_server):
    host, port = hub_server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.putrequest("POST", "/bundles")
    conn.endheaders()
    assert conn.getresponse().status == 411
    conn.close()
    for path in ("/bundles/99", "/nothing", "/bundles?after=x", "/bundles/" + "9" * 30):
        with pytest.raises(urllib.error.HTTPError) as caught:
            get(hub_server.url + path)
        assert caught.value.code in (400, 404)
    assert hub_server.store.count() == 0


def test_the_listing_filters_by_recipient_and_sender(tmp_path, hub_server, trio):
    a, b, c = trio
    for_b = tmp_path / "for-b.zip"
    bundles.export(a, for_b, "HY-B")
    assert post(hub_server.url, for_b.read_bytes())[0] == 201
    origin = {db: station.get(db).origin for db in trio}
    assert [r["id"] for r in hub_server.store.listing(0, origin[b])] == [1]
    assert hub_server.store.listing(0, origin[c]) == []  # addressed to B only
    assert hub_server.store.listing(0, origin[a]) == []  # A sent it
    status, body = get(f"{hub_server.url}/bundles?after=0&for={origin[b]}")
    [row] = json.loads(body)
    assert row["sender"] == origin[a] and row["size"] == for_b.stat().st_size
    assert get(f"{hub_server.url}/bundles/1")[1] == for_b.read_bytes()
    assert hub_client.pull(c, hub_server.url)["received"] == 0


def test_an_unreachable_hub_is_a_clear_error(tmp_path, trio):
    a, _, _ = trio
    with running_hub(tmp_path / "gone.db") as server:
        url = server.url
    # the port is free again: nothing listens there
    for action in (hub_client.push, hub_client.pull):
        with pytest.raises(BioError, match=url.replace(".", r"\.")):
            action(a, url)
    assert hub_client.last_id(a, url) == 0


def test_an_address_that_is_not_http_is_refused(trio):
    with pytest.raises(BioError, match="ftp://x"):
        hub_client.pull(trio[0], "ftp://x")


def test_the_hub_refuses_to_listen_on_a_busy_port(tmp_path, hub_server):
    host, port = hub_server.server_address[:2]
    with pytest.raises(BioError, match=str(port)):
        with running_hub(tmp_path / "other.db", port=port):
            pass
