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
    """Enrol (or enrol again, lifting a revocation) the station of a key file."""
    scope = check_scope(scope)
    info = read_key_file(path)
    try:
        enrolled = store.enrol(
            info["origin"], info["code"], info["name"].strip(), info["public_key"], scope
        )
    except StationConflict as exc:
        raise BioError(str(exc)) from exc
    return describe(enrolled)


def revoke(store: Store, name: str) -> dict:
    """Revoke a station by its code or origin; its signed requests are refused from now."""
    text = name.strip()
    found = store.station(text) or store.station(text.upper())
    revoked = store.revoke(found.origin) if found else None
    if revoked is None:
        raise BioError(
            tr(
                "No station called {station} is enrolled with this hub. `bioreserve sync hub "
                "stations` lists them.",
                station=name,
            )
        )
    return describe(revoked)


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
