"""Row identities: UUIDv7 for new rows, name-based ids for reference data.

UUIDv7 (RFC 9562) puts the millisecond time first, so ids sort by creation and
index well. Reference rows (divisions, agencies, …) get the same id on every
station, derived from their code, so that stations loading the same reference
data agree without talking to each other.
"""

import hashlib
import os
import time
import uuid

_REFERENCE_NAMESPACE = uuid.UUID("5b2f0d3e-6f0c-4a53-9a3e-2c1a8e4b7d10")
_NAMESPACE_BYTES = _REFERENCE_NAMESPACE.bytes
_CLEAR = ~(0xF000 << 64 | 0xC000 << 48)
_VERSION_5 = 0x5000 << 64 | 0x8000 << 48
_last = {"ms": 0, "seq": 0}


def uuid7() -> str:
    ms = time.time_ns() // 1_000_000
    # Monotonic within this process even when two ids share a millisecond.
    if ms <= _last["ms"]:
        ms = _last["ms"]
        _last["seq"] += 1
    else:
        _last["seq"] = int.from_bytes(os.urandom(2), "big") & 0x3FF
    _last["ms"] = ms
    rand_a = _last["seq"] & 0xFFF
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    # str(uuid.UUID(int=value)), without building the object (a third of the time)
    hex = f"{value:032x}"
    return f"{hex[:8]}-{hex[8:12]}-{hex[12:16]}-{hex[16:20]}-{hex[20:]}"


def reference_id(kind: str, code: str) -> str:
    """str(uuid.uuid5(_REFERENCE_NAMESPACE, f"{kind}:{code}")), without building the UUID
    object (a third of the time: an import derives a lot's id from each row)."""
    digest = hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:{code}".encode()).digest()
    # version 5 in the high nibble of byte 6, the RFC 4122 variant in the top bits of byte 8
    value = int.from_bytes(digest[:16], "big") & _CLEAR | _VERSION_5
    hex = f"{value:032x}"
    return f"{hex[:8]}-{hex[8:12]}-{hex[12:16]}-{hex[16:20]}-{hex[20:]}"
