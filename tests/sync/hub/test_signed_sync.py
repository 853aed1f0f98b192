"""Stations push and pull through a hub that authenticates them, on both stores; a hub
that alters a bundle is caught, one that withholds it only delays; https is verified."""

import datetime
import hashlib
import ipaddress
import ssl
import threading
import wsgiref.simple_server
from contextlib import contextmanager

import pytest

from desktop.core.errors import BioError
from desktop.core.store import station
from desktop.sync import hub_auth, hub_client, hub_stations
from desktop.sync import keys as sync_keys
from desktop.sync.hub import app as hub_app
from tests.helpers.hub import altered, running_hub
from tests.helpers.stations import enrol_all, make_station, stock_up, synced


@pytest.fixture
def pair(tmp_path, store):
    """Stations A and B, trusting each other and enrolled with the hub's store."""
    dbs = [make_station(tmp_path, "HY-A", "甲站"), make_station(tmp_path, "HY-B", "乙站")]
    enrol_all(tmp_path, dbs)
    for db in dbs:
        hub_enrol(tmp_path, store, db)
    yield dbs
    for db in dbs:
        db.conn.close()


def hub_enrol(folder, store, db):
    key = folder / f"hub-{station.get(db).code}.key"
    sync_keys.export_key(db, key)
    return hub_stations.enrol(store, key)


@contextmanager
def signed_hub(store, served=None):
    """A hub authenticating against store, serving `served` (store, or a hostile wrapper)."""
    with running_hub(served or store, authenticate=hub_auth.authenticator(store)) as server:
        yield server


def test_two_stations_sync_through_a_signed_hub(pair, store):
    a, b = pair
    with signed_hub(store) as hub:
        stock_up(a, "A")
        assert hub_client.push(a, hub.url)["stored"] is True
        pulled = hub_client.pull(b, hub.url)
        assert pulled["refused"] == [] and pulled["applied"] > 0
        stock_up(b, "B")
        hub_client.push(b, hub.url)
        hub_client.pull(a, hub.url)
        assert synced(a) == synced(b)


def test_a_station_the_hub_does_not_know_is_told_to_enrol(tmp_path, pair, store):
    a, _ = pair
    stranger = make_station(tmp_path, "HY-X", "外站")
    with signed_hub(store) as hub:
        for act in (hub_client.push, hub_client.pull):
            with pytest.raises(BioError, match="401") as caught:
                act(stranger, hub.url)
            assert "sync hub enrol" in str(caught.value)
        assert store.count() == 0
        store.revoke("HY-A")
        with pytest.raises(BioError, match="401"):
            hub_client.pull(a, hub.url)


class Hostile:
    """A hub's store that lies: alters what it serves, or withholds some bundles."""

    def __init__(self, real, alter=False, withhold=()):
        self.real, self.alter, self.withhold = real, alter, set(withhold)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def listing(self, after=0, for_origin=None, scope=None, limit=100):
        rows = [
            r
            for r in self.real.listing(after, for_origin, scope, limit)
            if r["id"] not in self.withhold
        ]
        if self.alter:  # a careful liar lists the hash of what it serves
            for r in rows:
                r["sha256"] = hashlib.sha256(self.get(r["id"], for_origin, scope)).hexdigest()
        return rows

    def get(self, bundle_id, for_origin=None, scope=None):
        if bundle_id in self.withhold:
            return None
        data = self.real.get(bundle_id, for_origin, scope)
        return altered(data) if data is not None and self.alter else data


def test_a_hub_that_alters_a_bundle_is_caught_by_the_receiver(pair, store):
    a, b = pair
    before = synced(b)
    with signed_hub(store, Hostile(store, alter=True)) as hub:
        stock_up(a, "A")
        hub_client.push(a, hub.url)
        pulled = hub_client.pull(b, hub.url)
    assert pulled["imported"] == [] and [r["cause"] for r in pulled["refused"]] == ["tampered"]
    assert synced(b) == before  # nothing of the altered bundle was applied
    with signed_hub(store) as honest:  # the same bundle, served as it was pushed
        assert hub_client.pull(b, honest.url, from_start=True)["refused"] == []
    assert synced(a) == synced(b)


def test_a_withheld_bundle_only_delays(pair, store):
    a, b = pair
    liar = Hostile(store)
    with signed_hub(store, liar) as hub:
        stock_up(a, "A")
        first = hub_client.push(a, hub.url)["id"]
        liar.withhold.add(first)
        assert hub_client.pull(b, hub.url)["received"] == 0
        liar.withhold.clear()  # the next pull brings it
        assert hub_client.pull(b, hub.url)["received"] == 1
        assert synced(a) == synced(b)
        # withheld for good: A's next bundle carries again what B has not acknowledged
        stock_up(a, "C")
        liar.withhold.add(hub_client.push(a, hub.url)["id"])
        assert hub_client.pull(b, hub.url)["received"] == 0
        stock_up(a, "D")
        hub_client.push(a, hub.url)
        assert hub_client.pull(b, hub.url)["refused"] == []
        assert synced(a) == synced(b)


# ---------------------------------------------------------------- https


def certificates(folder):
    """A private certificate authority and a certificate for 127.0.0.1 it signed:
    (CA file, certificate chain file, key file)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def cert(subject, issuer, key, signer, ca):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if ca:
            builder = builder.add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
        else:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False,
            )
        return builder.sign(signer, hashes.SHA256())

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = cert("BioReserve test CA", "BioReserve test CA", ca_key, ca_key, True)
    server = cert("127.0.0.1", "BioReserve test CA", key, ca_key, False)
    pem = serialization.Encoding.PEM
    paths = folder / "ca.pem", folder / "hub.pem", folder / "hub.key"
    paths[0].write_bytes(ca.public_bytes(pem))
    paths[1].write_bytes(server.public_bytes(pem))
    paths[2].write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


class Quiet(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def https_hub(folder, app):
    """app served over TLS on 127.0.0.1 (as behind a reverse proxy); yields (url, CA file)."""
    ca, chain, key = certificates(folder)
    server = wsgiref.simple_server.make_server("127.0.0.1", 0, app, handler_class=Quiet)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", ca
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize("store_target", ["sqlite"], indirect=True)
def test_https_hub_certificates_are_verified(tmp_path, pair, store, monkeypatch):
    a, b = pair
    monkeypatch.delenv(hub_client.CA_ENV, raising=False)
    app = hub_app.make_app(store, hub_auth.authenticator(store))
    with https_hub(tmp_path, app) as (url, ca):
        stock_up(a, "A")
        with pytest.raises(BioError, match="certificate") as caught:
            hub_client.push(a, url)  # a private CA the system does not know
        assert "--ca-file" in str(caught.value)
        assert store.count() == 0
        assert hub_client.push(a, url, ca_file=str(ca))["stored"] is True
        monkeypatch.setenv(hub_client.CA_ENV, str(ca))
        assert hub_client.pull(b, url)["refused"] == []
        assert synced(a) == synced(b)
        with pytest.raises(BioError, match="https"):
            hub_client.pull(b, "http://127.0.0.1:1")  # a CA file for an http address
        monkeypatch.setenv(hub_client.CA_ENV, str(tmp_path / "missing.pem"))
        with pytest.raises(BioError, match="missing.pem"):
            hub_client.pull(b, url)


@pytest.mark.parametrize("store_target", ["sqlite"], indirect=True)
def test_a_redirect_to_http_is_not_followed(tmp_path, pair, store, monkeypatch):
    a, _ = pair
    monkeypatch.delenv(hub_client.CA_ENV, raising=False)
    with signed_hub(store) as plain:

        def redirect(environ, start_response):
            location = plain.url + environ["PATH_INFO"]
            start_response("302 Found", [("Location", location), ("Content-Length", "0")])
            return [b""]

        with https_hub(tmp_path, redirect) as (url, ca):
            with pytest.raises(BioError, match="302"):
                hub_client.push(a, url, ca_file=str(ca))
    assert store.count() == 0
