"""This station's identity: origin id, human code and name, Ed25519 key pair.

The key signs printed allocation orders and sync bundles; other stations
trust it by its fingerprint. The origin id (random, 16 hex digits) names this
station's operations; the code (e.g. HY-CITY) appears in order numbers.

The private key is stored sealed (keyprotect.py): encrypted under a key-encryption key
that does not travel with the database file. It is unlocked at the first signature and
kept in memory for that open database (never on disk), so that each signature costs a
lookup of the stored value, not a decryption. Backups of the key (backup_key,
restore_key) and a new key pair (new_key) are here too.
"""

import hashlib
import os
import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import keyprotect, oplog
from desktop.core.store.handle import Database

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")
MAX_NAME = 100  # a station's name, in every document's footer (a hub takes 200)
REFERENCE_ORIGIN = "REF"


@dataclass(frozen=True)
class Station:
    origin: str
    code: str
    name: str
    public_key: bytes
    created_at: str

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the public key in groups of four, for reading aloud."""
        digest = hashlib.sha256(self.public_key).hexdigest()[:32].upper()
        return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def validate_code(code: str) -> str:
    code = code.strip().upper()
    if not CODE_PATTERN.match(code):
        raise BioError(
            tr(
                "Station code “{code}” is not valid: use 2–16 letters, digits or hyphens, "
                "starting with a letter or digit (for example HY-CITY or 430421).",
                code=code,
            )
        )
    return code


def create(db: Database, code: str, name: str, method: str | None = None) -> Station:
    """Give a new database its identity; refused if it already has one. The private key is
    sealed with `method` (None: the default, keyprotect.default_method)."""
    if get(db) is not None:
        raise BioError(tr("This database already belongs to a station; its identity is kept."))
    code = validate_code(code)
    name = values.bounded(name, "station_name", MAX_NAME)  # printed on every document
    if not name:
        raise BioError(tr("The station needs a name, for example 衡阳市应急管理局."))
    raw, public = _key_pair()
    origin = _new_origin()
    sealed = keyprotect.seal(raw, origin, public, method)
    created = values.now_iso()
    db.execute(
        "INSERT INTO station (id, origin, code, name, public_key, private_key, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        [origin, code, name, public, sealed, created],
    )
    return Station(origin, code, name, public, created)


def _key_pair() -> tuple[bytes, bytes]:
    """A new Ed25519 key pair: (raw private key, raw public key)."""
    from cryptography.hazmat.primitives import serialization  # imported late: start-up time
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return private, _public_bytes(key)


def _public_bytes(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _new_origin() -> str:
    return os.urandom(8).hex()


def get(db: Database) -> Station | None:
    row = db.execute(
        "SELECT origin, code, name, public_key, created_at FROM station WHERE id = 1"
    ).fetchone()
    return Station(*row) if row else None


def _require(db: Database) -> Station:
    st = get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    return st


# ---------------------------------------------------------------- signing

# The unlocked key of each open database, with the stored value it came from: a key
# replaced meanwhile (by another program too) is noticed at the next signature.
_unlocked: "weakref.WeakKeyDictionary[Database, tuple[bytes, Any]]" = weakref.WeakKeyDictionary()


def private_key(db: Database):
    """The station's Ed25519 private key (cryptography's Ed25519PrivateKey), unlocked.

    Raises keyprotect.KeyLocked, naming the cause and the fix, when its key-encryption key
    is not here (a database copied without it)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    _require(db)
    origin, public, stored = db.execute(
        "SELECT origin, public_key, private_key FROM station WHERE id = 1"
    ).fetchone()
    stored = bytes(stored)
    cached = _unlocked.get(db)
    if cached is not None and cached[0] == stored:
        return cached[1]
    raw = keyprotect.unseal(stored, origin, public)
    try:
        key = Ed25519PrivateKey.from_private_bytes(raw)
        matches = _public_bytes(key) == public
    except ValueError:
        matches = False
    if not matches:
        raise BioError(
            tr(
                "The private key stored in {path} does not belong to the station's public "
                "key: the station table was altered. Restore the database from a backup, or "
                "make a new key pair with `bioreserve station new-key`.",
                path=db.path,
            )
        )
    _unlocked[db] = (stored, key)
    return key


def sign(db: Database, data: bytes) -> bytes:
    return private_key(db).sign(data)


def _raw(db: Database) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private_key(db).private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def drill_origin(origin: str, drill_id: str) -> str:
    """The origin a station's operations take in the sandbox of a drill: derived from its
    live origin and the drill, so that every station of a 综合演练 knows the others' without
    asking, and a signed head of a drill never vouches for live operations."""
    return hashlib.sha256(f"bioreserve-drill|{drill_id}|{origin}".encode()).hexdigest()[:16]


def fork(db: Database, drill_id: str) -> str:
    """Give a drill's sandbox (a copy of the live database) its own origin: the same key
    pair, sealed again under the new origin; trusted stations are trusted under their drill
    origins too. Returns the new origin.

    The copy vouches once for the live chain as it was copied (a signed head kept like
    those of other stations) and trusts this station's live origin, so that sandboxes
    copied at other times fill in from one another the live operations that the drill's
    operations build on (a lot received since); nothing of the drill is ever made under
    that origin, and a live bundle is still refused in a sandbox (bundles/importing.py)."""
    st = _require(db)
    raw = _raw(db)
    seq, digest = oplog.head(db, st.origin)
    if seq:
        db.execute(
            "INSERT OR IGNORE INTO signed_head (origin, seq, hash, signature) VALUES (?, ?, ?, ?)",
            [st.origin, seq, digest, sign(db, oplog.head_text(st.origin, seq, digest))],
        )
    stored = bytes(db.execute("SELECT private_key FROM station WHERE id = 1").fetchone()[0])
    method = keyprotect.describe(stored, st.origin).get("method")
    # a passphrase is not asked again for a drill: its copy takes the default protection
    method = method if method in ("file", "keyring", "dpapi") else None
    origin = drill_origin(st.origin, drill_id)
    sealed = keyprotect.seal(raw, origin, st.public_key, method)
    db.execute("UPDATE station SET origin = ?, private_key = ? WHERE id = 1", [origin, sealed])
    peers = db.execute(
        "SELECT origin, code, name, public_key, fingerprint, trusted_at, revoked, revoked_at "
        "FROM trusted_station"
    ).fetchall()
    db.conn.executemany(
        "INSERT OR IGNORE INTO trusted_station (origin, code, name, public_key, fingerprint, "
        "trusted_at, revoked, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(drill_origin(peer[0], drill_id), *peer[1:]) for peer in peers],
    )
    db.execute(
        "INSERT OR IGNORE INTO trusted_station (origin, code, name, public_key, fingerprint, "
        "trusted_at) VALUES (?, ?, ?, ?, ?, ?)",
        [st.origin, st.code, st.name, st.public_key, st.fingerprint, values.now_iso()],
    )
    _unlocked.pop(db, None)
    return origin


# ---------------------------------------------------------------- protection


def protection(db: Database) -> dict | None:
    """Whether the private key is encrypted and where its key-encryption key lives, in words
    (no secret): encrypted, method, kek. None without a station."""
    row = db.execute("SELECT origin, private_key FROM station WHERE id = 1").fetchone()
    return None if row is None else keyprotect.describe(bytes(row[1]), row[0])


def seal_raw_key(db: Database) -> bool:
    """Seal a private key that an older BioReserve stored raw, and overwrite the raw bytes
    (_write_key); True when it did. db.open_db calls this for every database it opens for
    writing: a lookup when there is nothing to do."""
    row = db.execute(
        "SELECT origin, public_key, private_key FROM station "
        "WHERE id = 1 AND length(private_key) = ?",
        [keyprotect.KEY_SIZE],
    ).fetchone()
    if row is None:
        return False
    origin, public, raw = row
    _write_key(db, keyprotect.seal(bytes(raw), origin, public))
    return True


def reprotect(
    db: Database,
    method: str | None = None,
    passphrase: str | None = None,
    ctx: Ctx | None = None,
) -> dict:
    """Seal the key again with another method (None: the default); returns protection().
    Like every change to the station's key, the STATION right (ctx None: the program)."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    st = _require(db)
    raw = _raw(db)
    _write_key(db, keyprotect.seal(raw, st.origin, st.public_key, method, passphrase))
    return protection(db) or {}


def backup_key(
    db: Database, path: Path, passphrase: str | None = None, ctx: Ctx | None = None
) -> dict:
    """Write the private key, encrypted with a passphrase, to a backup file (0600)."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    st = _require(db)
    identity = {
        "origin": st.origin,
        "code": st.code,
        "name": st.name,
        "public_key": st.public_key,
        "fingerprint": st.fingerprint,
    }
    keyprotect.write_backup(Path(path), _raw(db), identity, passphrase)
    return {
        "path": str(path),
        "code": st.code,
        "fingerprint": st.fingerprint,
        "key": protection(db),
    }


def restore_key(
    db: Database,
    path: Path,
    method: str | None = None,
    passphrase: str | None = None,
    ctx: Ctx | None = None,
) -> dict:
    """Put back this station's private key from a backup (after a reinstall, or on another
    computer) and seal it with `method` here. Refused for another station's key."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    st = _require(db)
    identity, raw = keyprotect.read_backup(Path(path), passphrase)
    if identity["origin"] != st.origin or identity["public_key"] != st.public_key:
        raise BioError(
            tr(
                "{path} holds the key of station {code} (fingerprint {theirs}), not the key "
                "of this station {own} (fingerprint {ours}); nothing was changed.",
                path=path,
                code=identity["code"],
                theirs=identity["fingerprint"],
                own=st.code,
                ours=st.fingerprint,
            )
        )
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if _public_bytes(Ed25519PrivateKey.from_private_bytes(raw)) != st.public_key:
        raise BioError(
            tr(
                "{path} is not a BioReserve key backup or is damaged (`bioreserve station "
                "backup-key` writes them).",
                path=path,
            )
        )
    _write_key(db, keyprotect.seal(raw, st.origin, st.public_key, method))
    return {
        "path": str(path),
        "code": st.code,
        "fingerprint": st.fingerprint,
        "key": protection(db),
    }


def new_key(
    db: Database,
    method: str | None = None,
    passphrase: str | None = None,
    ctx: Ctx | None = None,
) -> dict:
    """A new key pair, and with it a new origin: the way on when the key is lost (no
    key-encryption key, no backup) or may have been stolen. Code and name stay; the
    operations made so far keep the old origin. Other stations must trust the new key,
    which they can only do for a new origin (a station's origin keeps its key, and a
    revoked origin stays revoked); the old key can then be revoked there.

    While the old key can still sign, it vouches one last time for every operation made
    under the old origin (a signed head kept like those of other stations), so that they
    still travel to stations that lack them."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    old = _require(db)
    seq, digest = oplog.head(db, old.origin)
    try:
        last = sign(db, oplog.head_text(old.origin, seq, digest)) if seq else None
    except BioError:  # the old key is lost: only stations holding them already have them
        last = None
    raw, public = _key_pair()
    origin = _new_origin()
    _write_key(db, keyprotect.seal(raw, origin, public, method, passphrase), origin, public)
    if last is not None:
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute(
            "INSERT OR IGNORE INTO signed_head (origin, seq, hash, signature) VALUES (?, ?, ?, ?)",
            [old.origin, seq, digest, last],
        )
        db.conn.execute("COMMIT")
    new = _require(db)
    return {
        "code": new.code,
        "old_origin": old.origin,
        "old_fingerprint": old.fingerprint,
        "origin": new.origin,
        "fingerprint": new.fingerprint,
        "key": protection(db),
    }


def _write_key(
    db: Database, sealed: bytes, origin: str | None = None, public: bytes | None = None
) -> bool:
    """Store a sealed key (with a new origin and public key, for new_key) so that the bytes
    it replaces leave the database file; True when they did at once.

    SQLite rewrites the station row's page; without more, the old record's bytes would
    stay in the page's free space and, in WAL mode, the page's earlier images in the -wal
    file and in the database file until a checkpoint. So: PRAGMA secure_delete makes
    SQLite overwrite the freed space with zeros, and a TRUNCATE checkpoint copies the new
    page over the old one in the database file and empties the -wal file. VACUUM is not
    needed (it rewrites every page; the old bytes are in one). If another program has the
    database open, the checkpoint waits for a later one (the last connection to close does
    it). Out of SQLite's reach: copies and backups made before, and blocks a file system or
    an SSD may keep."""
    conn = db.conn
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if origin is None:
                conn.execute("UPDATE station SET private_key = ? WHERE id = 1", [sealed])
            else:
                conn.execute(
                    "UPDATE station SET origin = ?, public_key = ?, private_key = ? WHERE id = 1",
                    [origin, public, sealed],
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")
    _unlocked.pop(db, None)
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return not busy
