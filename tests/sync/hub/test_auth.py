"""Signed requests: the hub serves enrolled stations only, and a refusal tells nothing.

Every test runs on both stores (conftest.py). Requests are made by hand here, signed as
hub_client signs them (hub_auth.sign_request), so that each can be spoiled in one way."""

import http.client
import json
import os
import time
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync import hub_auth
from tests.helpers.hub import fake_bundle, running_hub


class Station:
    """A station as the hub knows it: an origin and a key pair (no database needed)."""

    def __init__(self, code, scope=""):
        self.code, self.scope = code, scope
        self.origin = os.urandom(8).hex()
        self.key = Ed25519PrivateKey.generate()

    @property
    def public(self):
        from cryptography.hazmat.primitives import serialization

        return self.key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def enrol(self, store):
        store.enrol(self.origin, self.code, self.code, self.public, self.scope)
        return self

    def headers(self, method, target, body=b"", now=None):
        return hub_auth.sign_request(self.origin, self.key.sign, method, target, body, now)


@pytest.fixture
def hub(store):
    with running_hub(store, authenticate=hub_auth.authenticator(store)) as server:
        yield server


def call(server, method, target, body=None, headers=None):
    """(status, parsed JSON or raw bytes) of one request, sent exactly as given."""
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    if data and response.getheader("Content-Type", "").startswith("application/json"):
        return response.status, json.loads(data)
    return response.status, data


def signed(server, station, method, target, body=None, now=None):
    return call(server, method, target, body, station.headers(method, target, body or b"", now))


def push(server, station, body):
    return signed(server, station, "POST", "/bundles", body)


def test_an_enrolled_station_pushes_and_another_pulls(hub, store):
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    body = fake_bundle(a.origin)
    status, answer = push(hub, a, body)
    assert status == 201 and answer["stored"] is True
    status, rows = signed(hub, b, "GET", "/bundles?after=0")
    assert status == 200 and [r["id"] for r in rows] == [answer["id"]]
    assert signed(hub, b, "GET", f"/bundles/{answer['id']}") == (200, body)
    assert signed(hub, a, "GET", "/bundles?after=0") == (200, [])  # never its own


def test_an_unsigned_request_gets_401_and_learns_nothing(hub, store):
    a = Station("HY-A").enrol(store)
    held = push(hub, a, fake_bundle(a.origin))[1]["id"]
    answers = [
        call(hub, "GET", "/bundles"),
        call(hub, "GET", "/bundles?after=0&for=" + a.origin),
        call(hub, "GET", f"/bundles/{held}"),  # a bundle the hub holds
        call(hub, "GET", "/bundles/999"),  # and one it does not: the same answer
        call(hub, "POST", "/bundles", fake_bundle(a.origin, 2)),
    ]
    assert {status for status, _ in answers} == {401}
    assert len({json.dumps(answer) for _, answer in answers}) == 1
    text = json.dumps(answers[0][1], ensure_ascii=False)
    assert str(held) not in text and a.origin not in text
    assert store.count() == 1  # the unsigned push stored nothing


def test_a_request_signed_with_another_key_gets_401(hub, store):
    a = Station("HY-A").enrol(store)
    impostor = Station("HY-A")
    impostor.origin = a.origin  # claims A's origin, signs with its own key
    assert push(hub, impostor, fake_bundle(a.origin))[0] == 401
    assert signed(hub, impostor, "GET", "/bundles")[0] == 401
    stranger = Station("HY-X")  # never enrolled
    assert push(hub, stranger, fake_bundle(stranger.origin))[0] == 401
    assert store.count() == 0


def test_a_revoked_station_gets_401_and_enrolled_again_is_served(hub, store):
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    assert push(hub, a, fake_bundle(a.origin))[0] == 201
    store.revoke("HY-B")
    assert signed(hub, b, "GET", "/bundles")[0] == 401
    assert signed(hub, b, "GET", "/bundles/1")[0] == 401
    assert push(hub, b, fake_bundle(b.origin))[0] == 401
    b.enrol(store)
    assert signed(hub, b, "GET", "/bundles")[0] == 200


def test_a_replayed_request_gets_401(hub, store):
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    body = fake_bundle(a.origin)
    headers = a.headers("POST", "/bundles", body)
    assert call(hub, "POST", "/bundles", body, headers)[0] == 201
    assert call(hub, "POST", "/bundles", body, headers)[0] == 401
    headers = b.headers("GET", "/bundles/1")
    assert call(hub, "GET", "/bundles/1", None, headers)[0] == 200
    assert call(hub, "GET", "/bundles/1", None, headers)[0] == 401


@pytest.mark.parametrize("skew", [-301, 301, -(10**9)])
def test_a_request_outside_the_clock_window_gets_401(hub, store, skew):
    a = Station("HY-A").enrol(store)
    assert signed(hub, a, "GET", "/bundles", now=time.time() + skew)[0] == 401
    assert signed(hub, a, "GET", "/bundles", now=time.time() - 60)[0] == 200  # within


def test_a_tampered_body_path_or_method_gets_401(hub, store):
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    body = fake_bundle(a.origin)
    other = fake_bundle(a.origin, 2)
    assert call(hub, "POST", "/bundles", other, a.headers("POST", "/bundles", body))[0] == 401
    assert store.count() == 0
    assert push(hub, a, body)[0] == 201
    headers = b.headers("GET", "/bundles?after=0")
    assert call(hub, "GET", "/bundles?after=1", None, headers)[0] == 401
    headers = b.headers("GET", "/bundles/2")
    assert call(hub, "GET", "/bundles/1", None, headers)[0] == 401
    headers = b.headers("GET", "/bundles/1")
    assert call(hub, "HEAD", "/bundles/1", None, headers)[0] == 401


def spoil(headers, name, value):
    return {**headers, name: value}


BAD = [
    (hub_auth.STATION_HEADER, "ZZZZ"),
    (hub_auth.STATION_HEADER, "a" * 5000),
    (hub_auth.TIME_HEADER, "soon"),
    (hub_auth.TIME_HEADER, "9" * 40),
    (hub_auth.TIME_HEADER, "-5"),
    (hub_auth.NONCE_HEADER, "short"),
    (hub_auth.NONCE_HEADER, "n" * 200),
    (hub_auth.NONCE_HEADER, "ünïcödé-nonce-ünïcödé"),
    (hub_auth.SIGNATURE_HEADER, "not base64 at all"),
    (hub_auth.SIGNATURE_HEADER, "A" * 86 + "=="),
    (hub_auth.SIGNATURE_HEADER, "A" * 10_000),
]


@pytest.mark.parametrize(("name", "value"), BAD)
def test_malformed_headers_get_401(hub, store, name, value):
    a = Station("HY-A").enrol(store)
    headers = spoil(a.headers("GET", "/bundles"), name, value)
    assert call(hub, "GET", "/bundles", None, headers)[0] == 401
    headers = a.headers("GET", "/bundles")
    headers.pop(name)
    assert call(hub, "GET", "/bundles", None, headers)[0] == 401


def test_a_county_station_does_not_receive_another_citys_bundles(hub, store):
    county = Station("HY-QX", "430421").enrol(store)  # a county of city 4304
    city = Station("HY-CITY", "4304").enrol(store)
    neighbour = Station("CS-CITY", "4301").enrol(store)  # another city
    province = Station("HN", "43").enrol(store)
    ids = {}
    for station in (city, neighbour, province):
        status, answer = push(hub, station, fake_bundle(station.origin))
        assert status == 201
        ids[station.code] = answer["id"]
    status, rows = signed(hub, county, "GET", "/bundles?after=0")
    assert status == 200
    assert sorted(r["id"] for r in rows) == sorted([ids["HY-CITY"], ids["HN"]])
    assert signed(hub, county, "GET", f"/bundles/{ids['CS-CITY']}")[0] == 404
    assert signed(hub, county, "GET", f"/bundles/{ids['HY-CITY']}")[0] == 200
    # what the province pushes reaches every city; the neighbour sees its province only
    status, rows = signed(hub, neighbour, "GET", "/bundles?after=0")
    assert [r["id"] for r in rows] == [ids["HN"]]


def test_a_bundle_for_station_x_is_neither_listed_nor_downloadable_by_y(hub, store):
    a, x, y = (Station(code).enrol(store) for code in ("HY-A", "HY-X", "HY-Y"))
    status, answer = push(hub, a, fake_bundle(a.origin, to=x.origin))
    assert status == 201
    target = f"/bundles/{answer['id']}"
    assert signed(hub, y, "GET", "/bundles?after=0") == (200, [])
    status, refusal = signed(hub, y, "GET", target)
    assert status == 404 and refusal == signed(hub, y, "GET", "/bundles/999")[1]
    # asking for X's bundles by name changes nothing: for= is the open door's, not a station's
    assert signed(hub, y, "GET", f"/bundles?after=0&for={x.origin}") == (200, [])
    status, rows = signed(hub, x, "GET", "/bundles?after=0")
    assert [r["id"] for r in rows] == [answer["id"]]
    assert signed(hub, x, "GET", target)[0] == 200


def test_a_station_pushes_only_its_own_bundles(hub, store):
    a, b = Station("HY-A").enrol(store), Station("HY-B").enrol(store)
    assert push(hub, a, fake_bundle(b.origin))[0] == 403
    assert store.count() == 0
