"""The station's private key at rest: sealed under a key-encryption key (KEK) that stays on
the computer, unlocked once per open database, backed up and restored with a passphrase,
replaced by a new key pair when lost."""

import json
import os
import shutil
import sqlite3

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.core import crashlog
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog
from desktop.core.store import db as dbmod
from desktop.core.store import keyprotect, station
from desktop.sync import keys as sync_keys
from tests.helpers.stations import enrol, make_station, new_station

PASSPHRASE = "长江黄河 correct horse"


def raw_key(db) -> bytes:
    return station._raw(db)


def verifies(public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
        return True
    except Exception:
        return False


@pytest.fixture
def other_computer(tmp_path, monkeypatch):
    """move() goes to another computer: an empty folder of key files (and no keyring, as
    everywhere in the tests)."""
    folder = tmp_path / "other-computer-keys"

    def move():
        monkeypatch.setenv(keyprotect.KEY_DIR_ENV, str(folder))
        return folder

    return move


@pytest.fixture
def passphrase(monkeypatch):
    monkeypatch.setenv(keyprotect.PASSPHRASE_ENV, PASSPHRASE)
    return PASSPHRASE


def test_the_private_key_is_stored_sealed_not_raw(fresh_db):
    raw = raw_key(fresh_db)
    stored = fresh_db.execute("SELECT private_key FROM station").fetchone()[0]
    document = json.loads(stored)
    assert document["format"] == "bioreserve-sealed-key/1" and document["kek"] == "file"
    assert raw not in stored
    fresh_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert raw not in fresh_db.path.read_bytes()
    st = station.get(fresh_db)
    assert verifies(st.public_key, station.sign(fresh_db, b"order"), b"order")


def test_the_key_is_unlocked_once_per_open_database(fresh_db, monkeypatch):
    calls = []
    unseal = keyprotect.unseal
    monkeypatch.setattr(keyprotect, "unseal", lambda *a, **k: calls.append(1) or unseal(*a, **k))
    for n in range(50):
        station.sign(fresh_db, b"%d" % n)
    assert len(calls) == 1
    again = dbmod.open_db(fresh_db.path)
    station.sign(again, b"x")
    assert len(calls) == 2  # another open database unlocks for itself
    again.close()


def test_a_database_copied_alone_opens_and_works_but_cannot_sign(
    fresh_db, tmp_path, other_computer
):
    fresh_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "copy.db"
    shutil.copy(fresh_db.path, copy)
    other_computer()
    db = dbmod.open_db(copy)
    catalog.save_depot(
        db, Ctx("os:clerk"), {"code": "CK9", "name": "九号库", "level": "市级储备库"}
    )
    assert station.get(db).fingerprint == station.get(fresh_db).fingerprint
    with pytest.raises(keyprotect.KeyLocked) as refused:
        station.sign(db, b"order")
    message = str(refused.value)
    assert str(keyprotect.key_file(station.get(db).origin)) in message
    assert "bioreserve station restore-key" in message and "bioreserve station new-key" in message
    db.close()


def test_a_raw_key_from_before_is_sealed_on_open_and_its_bytes_overwritten(fresh_db):
    st = station.get(fresh_db)
    raw = raw_key(fresh_db)
    fresh_db.close()
    foreign = sqlite3.connect(st and fresh_db.path)  # what an older BioReserve stored
    foreign.execute("UPDATE station SET private_key = ? WHERE id = 1", [raw])
    foreign.commit()
    foreign.close()
    assert raw in fresh_db.path.read_bytes()
    db = dbmod.open_db(fresh_db.path)
    assert station.protection(db)["encrypted"] is True
    assert raw not in fresh_db.path.read_bytes()
    wal = fresh_db.path.with_name(fresh_db.path.name + "-wal")
    assert not wal.exists() or raw not in wal.read_bytes()
    assert station.get(db).fingerprint == st.fingerprint
    assert verifies(st.public_key, station.sign(db, b"x"), b"x")
    assert "encrypted" in crashlog.log_path().read_text(encoding="utf-8") or "加密" in (
        crashlog.log_path().read_text(encoding="utf-8")
    )
    db.close()


def test_a_read_only_database_with_a_raw_key_still_signs(fresh_db):
    raw = raw_key(fresh_db)
    fresh_db.close()
    foreign = sqlite3.connect(fresh_db.path)
    foreign.execute("UPDATE station SET private_key = ? WHERE id = 1", [raw])
    foreign.commit()
    foreign.close()
    db = dbmod.open_db(fresh_db.path, read_only=True)
    assert station.protection(db)["encrypted"] is False
    assert verifies(station.get(db).public_key, station.sign(db, b"x"), b"x")
    db.close()


def test_backup_and_restore_on_another_computer(fresh_db, tmp_path, passphrase, other_computer):
    st = station.get(fresh_db)
    backup = tmp_path / "key.backup"
    result = station.backup_key(fresh_db, backup)
    assert result["fingerprint"] == st.fingerprint
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format"] == "bioreserve-key-backup/1" and document["kdf"]["name"] == "scrypt"
    assert raw_key(fresh_db) not in backup.read_bytes()
    fresh_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "reinstalled.db"
    shutil.copy(fresh_db.path, copy)
    folder = other_computer()
    db = dbmod.open_db(copy)
    with pytest.raises(keyprotect.KeyLocked):
        station.sign(db, b"x")
    restored = station.restore_key(db, backup)
    assert restored["fingerprint"] == st.fingerprint and restored["key"]["encrypted"]
    assert keyprotect.key_file(st.origin).parent == folder
    assert verifies(st.public_key, station.sign(db, b"x"), b"x")
    db.close()


def test_a_backup_needs_its_passphrase(fresh_db, tmp_path, monkeypatch):
    backup = tmp_path / "key.backup"
    station.backup_key(fresh_db, backup, passphrase=PASSPHRASE)
    with pytest.raises(BioError) as refused:
        station.restore_key(fresh_db, backup, passphrase="not the passphrase")
    assert str(backup) in str(refused.value)
    with pytest.raises(BioError):
        station.backup_key(fresh_db, tmp_path / "short.backup", passphrase="short")
    with pytest.raises(keyprotect.KeyLocked) as asked:
        station.restore_key(fresh_db, backup)  # no passphrase: none set, no terminal
    assert "BIORESERVE_KEY_PASSPHRASE" in str(asked.value)


def test_another_stations_backup_is_refused(fresh_db, tmp_path, passphrase):
    other = make_station(tmp_path, "HY-OTHER", "他站")
    backup = tmp_path / "other.backup"
    station.backup_key(other, backup)
    before = fresh_db.execute("SELECT private_key FROM station").fetchone()[0]
    with pytest.raises(BioError) as refused:
        station.restore_key(fresh_db, backup)
    assert "HY-OTHER" in str(refused.value) and "HY-TEST" in str(refused.value)
    assert fresh_db.execute("SELECT private_key FROM station").fetchone()[0] == before


def test_a_damaged_backup_is_named(fresh_db, tmp_path, passphrase):
    backup = tmp_path / "key.backup"
    backup.write_text('{"format": "bioreserve-key-backup/1"}', encoding="utf-8")
    with pytest.raises(BioError) as refused:
        station.restore_key(fresh_db, backup)
    assert str(backup) in str(refused.value)


def test_a_new_key_changes_fingerprint_and_origin(fresh_db, tmp_path):
    old = station.get(fresh_db)
    result = station.new_key(fresh_db)
    new = station.get(fresh_db)
    assert (result["old_fingerprint"], result["fingerprint"]) == (old.fingerprint, new.fingerprint)
    assert new.fingerprint != old.fingerprint and new.origin != old.origin
    assert (new.code, new.name) == (old.code, old.name)
    assert verifies(new.public_key, station.sign(fresh_db, b"x"), b"x")
    catalog.save_depot(
        fresh_db, Ctx("os:clerk"), {"code": "CK8", "name": "八号库", "level": "市级储备库"}
    )
    origins = {r[0] for r in fresh_db.execute("SELECT origin FROM oplog WHERE origin != 'REF'")}
    assert new.origin in origins


def test_a_new_key_is_the_way_on_when_the_key_is_lost(fresh_db, tmp_path, other_computer):
    """A peer trusts the new key (a new origin) and revokes the old one."""
    peer = make_station(tmp_path, "HY-PEER", "邻站")
    enrol(tmp_path, peer, fresh_db)
    fresh_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "lost.db"
    shutil.copy(fresh_db.path, copy)
    other_computer()
    db = dbmod.open_db(copy)
    old = station.get(db)
    with pytest.raises(keyprotect.KeyLocked):
        station.sign(db, b"x")
    station.new_key(db)
    assert station.sign(db, b"x")
    enrol(tmp_path, peer, db)
    sync_keys.revoke(peer, old.origin)
    listed = {s["origin"]: s["revoked"] for s in sync_keys.list_trusted(peer)}
    assert listed == {old.origin: True, station.get(db).origin: False}
    db.close()


def test_the_passphrase_method_with_the_environment_variable(fresh_db, passphrase, other_computer):
    st = station.get(fresh_db)
    key = station.reprotect(fresh_db, "passphrase")
    assert key == {"encrypted": True, "method": "passphrase", "kek": key["kek"]}
    document = json.loads(fresh_db.execute("SELECT private_key FROM station").fetchone()[0])
    assert document["kdf"]["n"] >= 2**17
    other_computer()  # no key file needed
    again = dbmod.open_db(fresh_db.path)
    assert verifies(st.public_key, station.sign(again, b"x"), b"x")
    again.close()


def test_the_passphrase_method_without_or_with_a_wrong_passphrase(fresh_db, monkeypatch):
    station.reprotect(fresh_db, "passphrase", passphrase=PASSPHRASE)
    db = dbmod.open_db(fresh_db.path)
    with pytest.raises(keyprotect.KeyLocked) as refused:
        station.sign(db, b"x")
    assert "BIORESERVE_KEY_PASSPHRASE" in str(refused.value)
    monkeypatch.setenv(keyprotect.PASSPHRASE_ENV, "a wrong passphrase")
    with pytest.raises(keyprotect.KeyLocked):
        station.sign(db, b"x")
    monkeypatch.setattr(keyprotect, "_prompt", lambda question, new: PASSPHRASE)  # the CLI's
    monkeypatch.delenv(keyprotect.PASSPHRASE_ENV)
    assert station.sign(db, b"x")  # asked
    db.close()


def test_a_sealed_key_does_not_open_in_another_stations_row(fresh_db, tmp_path):
    other = make_station(tmp_path, "HY-OTHER", "他站")
    stolen = other.execute("SELECT private_key FROM station").fetchone()[0]
    fresh_db.execute("UPDATE station SET private_key = ? WHERE id = 1", [stolen])
    with pytest.raises(BioError):
        station.sign(fresh_db, b"x")


def test_info_says_how_the_key_is_protected(fresh_db):
    from desktop.core.store import info

    key = info.describe(fresh_db)["key"]
    assert key["encrypted"] is True and key["method"] == "file"
    kek_file = keyprotect.key_file(station.get(fresh_db).origin)
    assert str(kek_file) in key["kek"]
    assert json.loads(kek_file.read_text())["kek"] not in json.dumps(key)  # never the secret


# ---------------------------------------------------------------- the desktop keyring


class MemoryKeyring:
    """A desktop keyring for the test (what the Secret Service is on a Linux desktop)."""

    priority = 5

    def __init__(self):
        self.entries = {}

    def get_password(self, service, user):
        return self.entries.get((service, user))

    def set_password(self, service, user, password):
        self.entries[(service, user)] = password


@pytest.fixture
def keyring_backend():
    import keyring
    from keyring.backends import fail

    yield keyring
    keyring.set_keyring(fail.Keyring())


def test_no_keyring_is_used_when_keyring_finds_none(keyring_backend):
    from keyring.backends import fail, null

    for backend in (fail.Keyring(), null.Keyring()):
        keyring_backend.set_keyring(backend)
        assert keyprotect.keyring_backend() is None
        assert keyprotect.default_method() == ("dpapi" if os.name == "nt" else "file")


@pytest.mark.skipif(os.name == "nt", reason="Windows uses DPAPI")
def test_a_real_keyring_keeps_the_kek(keyring_backend, monkeypatch, tmp_path):
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    class Store(KeyringBackend):
        priority = 5  # type: ignore[assignment]
        memory = MemoryKeyring()

        def get_password(self, service, username):
            return self.memory.get_password(service, username)

        def set_password(self, service, username, password):
            self.memory.set_password(service, username, password)

        def delete_password(self, service, username):
            self.memory.entries.pop((service, username), None)

    keyring_backend.set_keyring(Store())
    db = new_station(tmp_path / "desk.db", "HY-DESK", "桌面站")
    st = station.get(db)
    assert station.protection(db)["method"] == "keyring"
    assert ("BioReserve", f"station-key-{st.origin}") in Store.memory.entries
    assert not keyprotect.key_file(st.origin).exists()
    assert verifies(st.public_key, station.sign(db, b"x"), b"x")
    keyring_backend.set_keyring(fail.Keyring())  # the same database where no keyring runs
    again = dbmod.open_db(db.path)
    with pytest.raises(keyprotect.KeyLocked) as refused:
        station.sign(again, b"x")
    assert "Secret Service" in str(refused.value) and "restore-key" in str(refused.value)
    again.close()
    db.close()


# ---------------------------------------------------------------- Windows DPAPI


def test_the_dpapi_method_around_a_stand_in(fresh_db, monkeypatch):
    """The sealing around DPAPI, with a stand-in for CryptProtectData (the real one runs on
    Windows only: test_dpapi_on_windows)."""
    calls = []

    def stand_in(data, protect, entropy):
        calls.append((protect, entropy))
        return b"P" + data[::-1] if protect else data[1:][::-1]

    monkeypatch.setattr(keyprotect, "_dpapi", stand_in)
    st = station.get(fresh_db)
    key = station.reprotect(fresh_db, "dpapi")
    assert key["method"] == "dpapi"
    document = json.loads(fresh_db.execute("SELECT private_key FROM station").fetchone()[0])
    assert document["dpapi"]
    again = dbmod.open_db(fresh_db.path)
    assert verifies(st.public_key, station.sign(again, b"x"), b"x")
    assert calls == [(True, st.origin.encode()), (False, st.origin.encode())]
    again.close()


@pytest.mark.skipif(os.name == "nt", reason="off Windows only")
def test_a_dpapi_key_off_windows_names_the_cause(fresh_db, monkeypatch):
    monkeypatch.setattr(keyprotect, "_dpapi", lambda data, protect, entropy: b"P" + data)
    station.reprotect(fresh_db, "dpapi")
    monkeypatch.undo()
    db = dbmod.open_db(fresh_db.path)
    with pytest.raises(keyprotect.KeyLocked) as refused:
        station.sign(db, b"x")
    assert "DPAPI" in str(refused.value) and "restore-key" in str(refused.value)
    db.close()


@pytest.mark.skipif(os.name != "nt", reason="Windows DPAPI")
def test_dpapi_on_windows(fresh_db):
    protected = keyprotect._dpapi(b"k" * 32, protect=True, entropy=b"origin")
    assert protected != b"k" * 32
    assert keyprotect._dpapi(protected, protect=False, entropy=b"origin") == b"k" * 32
    st = station.get(fresh_db)
    station.reprotect(fresh_db, "dpapi")
    again = dbmod.open_db(fresh_db.path)
    assert verifies(st.public_key, station.sign(again, b"x"), b"x")
    again.close()


@pytest.mark.parametrize("name", ["站\u202e名", "名" * 101, "站\x1b[2J"])
def test_a_station_name_is_a_line_of_text_of_at_most_100_characters(tmp_path, name):
    """It stands in every printed document's footer: refused as any text is, nothing made."""
    db = dbmod.open_db(tmp_path / "new.db", create=True)
    with pytest.raises(BioError):
        station.create(db, "HY-NEW", name)
    assert station.get(db) is None
    db.close()
