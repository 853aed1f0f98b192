"""The stations a hub serves: enrolled by its administrator from their key files.

A hub answers only requests signed by an enrolled, unrevoked station (hub_auth.py). The
administrator enrols a station from the key file `bioreserve sync export-key` writes,
after comparing its fingerprint with the one the station shows (`sync identity`), and
may give it a scope: a division-code prefix (e.g. 4304 for a city, 430421 for a county)
that decides which bundles addressed to every station it receives (store.visible).
"""

import re
from pathlib import Path

from desktop.core import reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import station as station_store
from desktop.sync import hub_auth
from desktop.sync import keys as sync_keys
from desktop.sync.hub.store import Station, StationConflict, Store

MAX_KEY_FILE = 64 * 1024  # a key file is a few hundred bytes
MAX_NAME = 200
SCOPE = re.compile(r"[0-9]{1,12}")
# The province-level division codes (GB/T 2260): a scope begins with one of them.
PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
     *range(61, 66), 71, 81, 82]
)  # fmt: skip


def check_scope(scope: str | None) -> str:
    """A scope as given (None or "": every station's bundles), or a refusal."""
    text = (scope or "").strip()
    if text and not SCOPE.fullmatch(text):
        raise BioError(
            tr(
                "The scope “{scope}” is not a division-code prefix: give 1 to 12 digits "
                "(e.g. 4304 for a city, 430421 for a county), or none for all stations.",
                scope=scope,
            )
        )
    if text and not any(str(p).startswith(text[:2]) for p in PROVINCES):
        raise BioError(
            tr(
                "The scope “{scope}” does not begin with a province's division code (11–15, "
                "21–23, 31–37, 41–46, 50–54, 61–65, 71, 81 or 82).",
                scope=scope,
            )
        )
    return text


def read_key_file(path: Path) -> dict:
    """A station's key file, checked (size first, then keys.read_key, then its fields)."""
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    info = sync_keys.read_key(path) if size <= MAX_KEY_FILE else None
    if (
        info is None
        or not hub_auth.ORIGIN.fullmatch(info["origin"])
        or not station_store.CODE_PATTERN.match(info["code"])
        or not info["name"].strip()
        or len(info["name"]) > MAX_NAME
    ):
        raise BioError(
            tr(
                "{path} is not a BioReserve station key file or is damaged. Ask the other "
                "station to export its key again (`bioreserve sync export-key`).",
                path=path,
            )
        )
    return info


def enrol(store: Store, path: Path, scope: str | None = None) -> dict:
    """Enrol (or enrol again, lifting a revocation) the station of a key file; "before"
    is the station as it was enrolled until now (None: a first enrolment)."""
    scope = check_scope(scope)
    info = read_key_file(path)
    earlier = store.station(info["origin"])
    if earlier and earlier.active and earlier.public_key != info["public_key"]:
        # the same station with another key: a station's new key comes with a new origin,
        # so this file may be forged (`sync trust` refuses it alike)
        raise BioError(
            tr(
                "Station {code} ({origin}) is enrolled with another key (fingerprint {held}); "
                "{path} gives {given}, and may be forged. If the station really has a new "
                "key, revoke it first (bioreserve sync hub revoke {code}) and enrol the file "
                "again.",
                code=earlier.code,
                origin=earlier.origin,
                held=sync_keys.fingerprint(earlier.public_key),
                given=sync_keys.fingerprint(info["public_key"]),
                path=path,
            )
        )
    try:
        enrolled = store.enrol(
            info["origin"], info["code"], info["name"].strip(), info["public_key"], scope
        )
    except StationConflict as exc:
        raise BioError(str(exc)) from exc
    return {**describe(enrolled), "before": describe(earlier) if earlier else None}


def revoke(store: Store, name: str) -> dict:
    """Revoke a station by its code or origin; its signed requests are refused from now."""
    text = name.strip()
    found = store.station(text) or store.station(text.upper())
    if found is not None and not found.active:
        return {**describe(found), "already": True}
    revoked = store.revoke(found.origin) if found else None
    if revoked is None:
        raise BioError(
            tr(
                "No station called {station} is enrolled with this hub. `bioreserve sync hub "
                "stations` lists them.",
                station=name,
            )
        )
    return {**describe(revoked), "already": False}


def listing(store: Store) -> list[dict]:
    return [describe(s) for s in store.stations()]


def describe(st: Station) -> dict:
    """A station as the CLI shows it (no key bytes)."""
    return {
        "origin": st.origin,
        "code": st.code,
        "name": st.name,
        "scope": st.scope,
        "fingerprint": sync_keys.fingerprint(st.public_key),
        "enrolled_at": st.enrolled_at,
        "revoked_at": st.revoked_at,
        "revoked": not st.active,
    }
