"""Station keys for synchronization: export this station's public key, enrol a peer's.

A key file is a small JSON object:

    {"format": "bioreserve-key/1", "origin": "…", "code": "HY-A", "name": "甲站",
     "public_key": "<base64 of the raw 32-byte Ed25519 key>", "fingerprint": "ABCD …"}

Enrolment is a person's decision: the fingerprint shown by `read_key` is compared with
the one the other station shows (`sync identity`), by telephone or in person, before
`trust`. Trusted keys live in the local table `trusted_station`; a revoked key stays
there (revoked = 1) so that its bundles are refused by name rather than as unknown.
"""

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from desktop.core import json_text, reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import station
from desktop.core.store.handle import Database
from desktop.core.store.info import drill_of
from desktop.core.store.writepath import transaction

FORMAT = "bioreserve-key/1"


def fingerprint(public_key: bytes) -> str:
    """The same reading-aloud form as Station.fingerprint."""
    return station.Station("", "", "", public_key, "").fingerprint


def normalize_fingerprint(text: str) -> str:
    return "".join(text.split()).upper()


def own(db: Database) -> station.Station:
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    return st


def export_key(db: Database, path: Path) -> dict:
    """Write this station's public key file; returns what was written. Not from a drill's
    sandbox: its origin is the drill's, and a live database must never enrol it."""
    if drill_of(db) is not None:
        raise BioError(
            tr(
                "This is a drill's sandbox: export the station's key from the live database "
                "(without --drill); the stations of a drill trust each other already."
            )
        )
    st = own(db)
    data = {
        "format": FORMAT,
        "origin": st.origin,
        "code": st.code,
        "name": st.name,
        "public_key": base64.b64encode(st.public_key).decode("ascii"),
        "fingerprint": st.fingerprint,
    }
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    return data


def read_key(path: Path) -> dict:
    """A peer's key file, checked: origin, code, name, public_key (bytes), fingerprint."""
    try:
        data = json_text.read(path)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("format")
        key = base64.b64decode(data["public_key"], validate=True)
        if len(key) != 32:
            raise ValueError("key length")
        info: dict[str, Any] = {
            "origin": str(data["origin"]),
            "code": str(data["code"]),
            "name": str(data["name"]),
            "public_key": key,
            "fingerprint": fingerprint(key),
        }
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise BioError(
            tr(
                "{path} is not a BioReserve station key file or is damaged. Ask the other "
                "station to export its key again (`bioreserve sync export-key`).",
                path=path,
            )
        ) from exc
    stated = data.get("fingerprint")
    if stated is not None and normalize_fingerprint(str(stated)) != normalize_fingerprint(
        info["fingerprint"]
    ):
        raise BioError(
            tr(
                "The key file {path} states a fingerprint that does not match its key: it was "
                "altered. Ask the other station to export its key again.",
                path=path,
            )
        )
    return info


def trust(
    db: Database, path: Path, expected_fingerprint: str | None = None, ctx: Ctx | None = None
) -> dict:
    """Enrol the station of a key file; returns its info (without the key bytes).

    expected_fingerprint, if given, must equal the key's (spaces and case ignored). The
    STATION right (ctx None: the program itself).
    """
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    info = read_key(path)
    st = own(db)
    if info["origin"] == st.origin or info["public_key"] == st.public_key:
        raise BioError(
            tr("{path} is this station's own key; import the key of another station.", path=path)
        )
    if expected_fingerprint is not None and normalize_fingerprint(
        expected_fingerprint
    ) != normalize_fingerprint(info["fingerprint"]):
        raise BioError(
            tr(
                "The fingerprint of {path} is {actual}, not {expected}: this is not the key "
                "the other station showed. Nothing was trusted; check with that station.",
                path=path,
                actual=info["fingerprint"],
                expected=expected_fingerprint,
            )
        )
    row = db.execute(
        "SELECT public_key, revoked FROM trusted_station WHERE origin = ?", [info["origin"]]
    ).fetchone()
    twin = db.execute(
        "SELECT code, origin FROM trusted_station WHERE public_key = ? AND origin != ?",
        [info["public_key"], info["origin"]],
    ).fetchone()
    if twin and drill_of(db) is None:  # a sandbox trusts each station under two origins
        raise BioError(
            tr(
                "This key is already trusted as station {code} ({origin}); the same key under "
                "another origin comes from a drill's sandbox or a copied database, and is not "
                "trusted here.",
                code=twin[0],
                origin=twin[1],
            )
        )
    if row and row[0] != info["public_key"]:
        raise BioError(
            tr(
                "Station {code} ({origin}) is already trusted with a different key. If it "
                "really has a new key, revoke the old one first: this file may be forged.",
                code=info["code"],
                origin=info["origin"],
            )
        )
    if row and row[1]:
        raise BioError(
            tr(
                "The key of station {code} was revoked and cannot be trusted again; the "
                "station needs a new identity.",
                code=info["code"],
            )
        )
    with transaction(db, touches=("trusted_station",)):
        if row:
            db.execute(
                "UPDATE trusted_station SET code = ?, name = ? WHERE origin = ?",
                [info["code"], info["name"], info["origin"]],
            )
        else:
            db.execute(
                "INSERT INTO trusted_station (origin, code, name, public_key, fingerprint, "
                "trusted_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    info["origin"],
                    info["code"],
                    info["name"],
                    info["public_key"],
                    info["fingerprint"],
                    values.now_iso(),
                ],
            )
    return _public(info)


def find(db: Database, code_or_origin: str) -> dict:
    """A trusted (or revoked) station by its origin id or its code."""
    text = code_or_origin.strip()
    rows = list(
        db.query(
            "SELECT * FROM trusted_station WHERE origin = ? OR code = ? ORDER BY origin",
            [text, text.upper()],
        )
    )
    if not rows:
        raise BioError(
            tr(
                "No enrolled station is called {station}. `bioreserve sync stations` lists them.",
                station=code_or_origin,
            )
        )
    if len(rows) > 1:
        raise BioError(
            tr(
                "Several enrolled stations have the code {station}; name it by its origin id "
                "(`bioreserve sync stations`).",
                station=code_or_origin,
            )
        )
    return rows[0]


def revoke(db: Database, code_or_origin: str, ctx: Ctx | None = None) -> dict:
    """Stop trusting a station's key; its bundles are refused from now on (the STATION
    right; ctx None: the program itself)."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    row = find(db, code_or_origin)
    if not row["revoked"]:
        with transaction(db, touches=("trusted_station",)):
            db.execute(
                "UPDATE trusted_station SET revoked = 1, revoked_at = ? WHERE origin = ?",
                [values.now_iso(), row["origin"]],
            )
    return _listed(find(db, row["origin"]))


def list_trusted(db: Database) -> list[dict]:
    """Every enrolled station, revoked ones included, by code."""
    return [_listed(row) for row in db.query("SELECT * FROM trusted_station ORDER BY code, origin")]


def _public(info: dict) -> dict:
    return {k: info[k] for k in ("origin", "code", "name", "fingerprint")}


def _listed(row: dict) -> dict:
    out = {k: row[k] for k in ("origin", "code", "name", "fingerprint", "trusted_at")}
    out.update(
        revoked=bool(row["revoked"]),
        revoked_at=row["revoked_at"],
        last_heard=row["last_heard"],
        acked=json.loads(row["acked"]),
    )
    return out
