"""This station's identity: origin id, human code and name, Ed25519 key pair.

The key signs printed allocation orders and sync bundles; other stations
trust it by its fingerprint. The origin id (random, 16 hex digits) names this
station's operations; the code (e.g. HY-CITY) appears in order numbers.
"""

import hashlib
import os
import re
from dataclasses import dataclass

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")
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


def create(db: Database, code: str, name: str) -> Station:
    """Give a new database its identity; refused if it already has one."""
    if get(db) is not None:
        raise BioError(tr("This database already belongs to a station; its identity is kept."))
    code = validate_code(code)
    name = name.strip()
    if not name:
        raise BioError(tr("The station needs a name, for example 衡阳市应急管理局."))
    from cryptography.hazmat.primitives import serialization  # imported late: start-up time
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    origin = os.urandom(8).hex()
    created = values.now_iso()
    db.execute(
        "INSERT INTO station (id, origin, code, name, public_key, private_key, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        [origin, code, name, public, private, created],
    )
    return Station(origin, code, name, public, created)


def get(db: Database) -> Station | None:
    row = db.execute(
        "SELECT origin, code, name, public_key, created_at FROM station WHERE id = 1"
    ).fetchone()
    return Station(*row) if row else None


def private_key(db: Database):
    """The station's Ed25519 private key (cryptography's Ed25519PrivateKey)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    row = db.execute("SELECT private_key FROM station WHERE id = 1").fetchone()
    if row is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    return Ed25519PrivateKey.from_private_bytes(row[0])


def sign(db: Database, data: bytes) -> bytes:
    return private_key(db).sign(data)
