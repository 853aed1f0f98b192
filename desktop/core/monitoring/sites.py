"""Environmental sampling sites (水体, 土壤, 空气, 物体表面, 动物, 植物): place and optional
coordinates, division, the agency responsible (市生态环境局 by default)."""

from desktop.core import values
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents import records
from desktop.core.incidents.records import _agency, _division, choice, text_field
from desktop.core.store import shortids
from desktop.core.store.handle import Database
from desktop.core.store.writepath import write

DEFAULT_AGENCY = "HY-STHJJ"  # 市生态环境局, which the plan (三（六）三) names first


def _coordinate(value, low: float, high: float, field: str, label: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not low <= number <= high:  # NaN fails too
        raise Invalid(field, tr("{field}: {value} is not a coordinate from {low} to {high}.",
                                field=label, value=value, low=low, high=high))  # fmt: skip
    return round(number, 6)


def add(db: Database, ctx: Ctx, incident_ref, given: dict) -> dict:
    """A sampling site of the incident; returns {id}. Required: kind, place, division."""
    incident = records.get(db, incident_ref)
    if not str(given.get("place") or "").strip():
        raise Invalid("place", tr("Give the site's place (an address or a description)."))
    fields = {
        "kind": choice("site_kind", given.get("kind") or "", "kind"),
        "place": text_field({"place": str(given["place"])}, "place", 500),
        "division": _division(db, given.get("division")),
        "latitude": _coordinate(given.get("latitude"), -90, 90, "latitude", tr("Latitude")),
        "longitude": _coordinate(
            given.get("longitude"), -180, 180, "longitude", tr("Longitude")
        ),  # fmt: skip
    }
    if (fields["latitude"] is None) != (fields["longitude"] is None):
        raise Invalid("latitude", tr("Give both coordinates (latitude and longitude) or none."))
    try:
        fields["agency_id"] = _agency(db, given.get("agency") or DEFAULT_AGENCY)
    except Invalid as error:
        raise Invalid("agency", str(error)) from None
    with write(db, ctx) as w:
        site_id = w.insert("monitor_site", {"incident_id": incident["id"],
                                            "created_at": values.now_iso(), **fields})  # fmt: skip
    return {"id": site_id}


def get(db: Database, ref: str) -> dict:
    rows = shortids.matches(db, "monitor_site", ref)
    if len(rows) > 1:
        raise BioError(tr("{ref} names several sites; give more of the id.", ref=ref))
    if not rows:
        raise BioError(tr("No sampling site {ref}.", ref=ref))
    return rows[0]


def listing(db: Database, incident_ref) -> list[dict]:
    incident = records.get(db, incident_ref)
    return list(
        db.query(
            "SELECT s.*, a.code AS agency, a.name AS agency_name, d.name AS division_name "
            "FROM monitor_site s LEFT JOIN agency a ON a.id = s.agency_id "
            "LEFT JOIN division d ON d.code = s.division "
            "WHERE s.incident_id = ? AND s.deleted = 0 ORDER BY s.created_at",
            [incident["id"]],
        )
    )
