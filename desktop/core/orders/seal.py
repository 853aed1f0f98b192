"""The seal of a printed allocation order: the QR code's signed payload.

    BR1|<number>|<digest>|<station origin>|<signature>

digest is SHA-256 (base32, 26 characters: 128 bits) of the order's number, receiving
party and its lines (item code, batch number, quantity) as printed; the signature is
the issuing station's Ed25519 signature of "BR1|number|digest|origin" (base64url).
Anyone holding the station's public key can check a printed order offline without
having the order in their database: the issuing station now, other stations once
they trust its key (synchronization enrolls keys). Where the order is known locally,
verification also compares the digest with the lines on record.
"""

import base64
import hashlib
from dataclasses import dataclass

from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import station
from desktop.core.store.handle import Database
from desktop.core.store.oplog import dumps

VERSION = "BR1"


@dataclass(frozen=True)
class Verdict:
    valid: bool
    number: str
    station: str  # origin of the signing station
    message: str
    matches_record: bool | None = None  # None when the order is not in this database


def digest(order: dict) -> str:
    """What the seal vouches for: number, destination and the dispatched lines."""
    content = dumps(
        [
            order["number"],
            order.get("to_depot") or order.get("to_unit") or "",
            sorted([p["item"], p["lot"], p["qty"]] for p in order["picks"]),
        ]
    )
    raw = hashlib.sha256(content.encode("utf-8")).digest()[:16]
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def payload(db: Database, order: dict) -> str:
    """The signed QR text of an order (as returned by orders.detail)."""
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    number = order["number"]
    if number.startswith("TB-") and not number.startswith(f"TB-{st.code}-"):
        # only the issuing station seals an order (verify): another's seal reads as forged
        raise BioError(
            tr(
                "Order {number} was issued by another station ({station}): its printed form "
                "carries that station's seal (QR code), so it is printed there.",
                number=number,
                station=number.removeprefix("TB-").rsplit("-", 2)[0],
            )
        )
    body = f"{VERSION}|{number}|{digest(order)}|{st.origin}"
    signature = station.sign(db, body.encode("utf-8"))
    return f"{body}|{base64.urlsafe_b64encode(signature).decode('ascii').rstrip('=')}"


def signer(db: Database, origin: str) -> tuple[bytes, str] | None:
    """(public key, station code) of a station this database trusts: itself, or an
    enrolled one."""
    st = station.get(db)
    if st is not None and st.origin == origin:
        return st.public_key, st.code
    row = db.execute(
        "SELECT public_key, code FROM trusted_station WHERE origin = ? AND revoked = 0", [origin]
    ).fetchone()
    return (row[0], row[1]) if row else None


def verify(db: Database, text: str) -> Verdict:
    """Check a QR payload: well-formed, signed by a trusted station, and (when the order
    is in this database) matching its lines."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    parts = (text or "").strip().split("|")
    if len(parts) != 5 or parts[0] != VERSION:
        return Verdict(
            False, "", "", tr("This is not the QR code of a BioReserve allocation order.")
        )
    _, number, seal, origin, signature = parts
    found = signer(db, origin)
    if found is None:
        return Verdict(
            False,
            number,
            origin,
            tr(
                "Order {number} was signed by station {origin}, whose key this station does not "
                "trust yet; exchange keys with it first.",
                number=number,
                origin=origin,
            ),
        )
    key, code = found
    if not number.startswith(f"TB-{code}-"):
        # Numbers carry the station that issued the order: only that station may seal it.
        return Verdict(
            False,
            number,
            origin,
            tr(
                "Order {number} is not an order of station {code}, which signed this QR code: "
                "the printed order is forged.",
                number=number,
                code=code,
            ),
        )
    try:
        raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
        Ed25519PublicKey.from_public_bytes(key).verify(
            raw, f"{VERSION}|{number}|{seal}|{origin}".encode()
        )
    except (InvalidSignature, ValueError):
        return Verdict(
            False,
            number,
            origin,
            tr(
                "The signature of order {number} is not valid: the printed order was "
                "altered or forged.",
                number=number,
            ),
        )
    from desktop.core import orders

    try:
        order = orders.detail(db, number)
    except BioError:
        return Verdict(
            True,
            number,
            origin,
            tr(
                "Order {number} is genuine (signature valid; the order is not in this database).",
                number=number,
            ),
        )
    if digest(order) != seal:
        return Verdict(
            False,
            number,
            origin,
            tr(
                "The signature is genuine but the lines on record for {number} differ "
                "from the printed ones: the order changed after printing.",
                number=number,
            ),
            matches_record=False,
        )
    return Verdict(
        True,
        number,
        origin,
        tr("Order {number} is genuine and matches the record.", number=number),
        matches_record=True,
    )
