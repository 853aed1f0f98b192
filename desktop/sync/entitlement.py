"""Which trusted stations are sent personal rows: the expert roster and monitoring cohorts.

Two classes of personal rows, each a set of synced tables whose rows name people:

    roster      expert (names, mobiles, office phones), expert_qualification (certificate
                numbers), incident_expert (who was dispatched where), drill_person (a
                drill's players, controllers and evaluators, with phones)
    monitoring  monitor_person (names, ID numbers, phones) and the monitor_result rows of a
                person (a site's results name nobody and travel to every station)

Rows referencing a withheld row are in its class (a qualification or a dispatch names its
expert; a person's result names the person), so a station never receives a row whose
foreign key points at a row it cannot have. monitor_note (an analyst's note on a whole
cohort), monitor_schedule and incident_log carry no person by design and travel to all.

The administrator (right roles.STATION) entitles each trusted station to none, one or both
classes (`sync trust KEY --entitle roster --entitle monitoring`, `sync entitle STATION
--roster/--no-roster --monitoring/--no-monitoring`). A station trusted from this version on
is entitled to nothing (privacy by default: a county's station that only exchanges stock
needs no phone numbers); stations trusted before it keep receiving everything (migration
0018). A bundle for no particular station (`sync export` without --for, `sync push` to a
hub) may be imported by any station that trusts this one and a hub serves it to any of its
clients: it carries no personal rows. In a drill's sandbox a station is trusted under its
drill origin too, with the entitlement of the same key.
"""

from desktop.core import values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction
from desktop.sync import keys as sync_keys

ROSTER, MONITORING = "roster", "monitoring"
CLASSES = (ROSTER, MONITORING)
TABLES = {
    "expert": ROSTER,
    "expert_qualification": ROSTER,
    "incident_expert": ROSTER,
    "drill_person": ROSTER,
    "monitor_person": MONITORING,
    "monitor_result": MONITORING,  # only a person's (Classifier)
}


def class_name(cls: str) -> str:
    return {ROSTER: tr("expert roster"), MONITORING: tr("monitoring cohorts")}.get(cls, cls)


def describe(classes) -> str:
    """The classes in words ('' for none)."""
    chosen = [c for c in CLASSES if c in set(classes)]
    if len(chosen) == len(CLASSES):
        return tr("the expert roster and the monitoring cohorts")
    return chosen and class_name(chosen[0]) or ""


class Classifier:
    """The class of personal rows an operation belongs to (None: not personal), by its
    table and, for monitor_result, whether the row is a person's (read once, lazily)."""

    def __init__(self, db: Database):
        self.db = db
        self._person_results: set[str] | None = None

    def of(self, tbl: str, row_id: str) -> str | None:
        cls = TABLES.get(tbl)
        if tbl != "monitor_result":
            return cls
        if self._person_results is None:
            self._person_results = {
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM monitor_result WHERE person_id IS NOT NULL"
                )
            }
        return cls if row_id in self._person_results else None


def entitled(db: Database, origin: str | None) -> frozenset[str]:
    """The classes a bundle for this station may carry; none for a bundle for any station.
    A station trusted under several origins (a drill's sandbox) has its key's."""
    if origin is None:
        return frozenset()
    rows = db.execute(
        "SELECT DISTINCT e.class FROM station_entitlement e "
        "JOIN trusted_station t ON t.origin = e.origin "
        "JOIN trusted_station p ON p.public_key = t.public_key "
        "WHERE p.origin = ? AND p.revoked = 0",
        [origin],
    ).fetchall()
    return frozenset(r[0] for r in rows)


def parse(names) -> set[str]:
    """Class names as typed (roster, monitoring); anything else is refused."""
    out = set()
    for name in names:
        text = str(name).strip().lower()
        if text not in CLASSES:
            raise BioError(
                tr(
                    "{name} is not a class of personal rows; give roster or monitoring.",
                    name=name,
                )
            )
        out.add(text)
    return out


def set_entitlement(db: Database, ctx: Ctx, station: str, changes: dict[str, bool]) -> dict:
    """Grant (True) or withdraw (False) classes for a trusted station (origin or code);
    returns the station's listing with its classes. Withdrawing stops future bundles; what
    the station received before stays there."""
    policy.require(ctx, roles.STATION)
    parse(changes)
    row = sync_keys.find(db, station)
    if row["revoked"]:
        raise BioError(
            tr(
                "The key of station {code} is revoked; it is sent nothing.",
                code=row["code"],
            )
        )
    with transaction(db, touches=("station_entitlement",)):
        for cls, grant in sorted(changes.items()):
            if grant:
                db.execute(
                    "INSERT OR IGNORE INTO station_entitlement (origin, class, granted_at, "
                    "granted_by) VALUES (?, ?, ?, ?)",
                    [row["origin"], cls, values.now_iso(), ctx.actor],
                )
            else:
                db.execute(
                    "DELETE FROM station_entitlement WHERE origin = ? AND class = ?",
                    [row["origin"], cls],
                )
    return {
        "origin": row["origin"],
        "code": row["code"],
        "name": row["name"],
        "entitled": sorted(entitled(db, row["origin"])),
    }
