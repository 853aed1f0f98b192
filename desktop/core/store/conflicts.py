"""Conflicts: two stations changed the same field of a shared record without seeing each
other's change (desktop/core/rowstate.py finds them from the operations' bases).

The merge keeps the newest version (last writer wins) and every losing version, with who
made it, where and when. A person settles a conflict by choosing one version: the choice is
recorded as a new edit that has seen all of them, so it settles the conflict at every
station it reaches. Editing the field in the usual way settles it too (the edit saw both).
A record deleted at one station while another edited it stays deleted, and is a conflict of
its `deleted` field whose competing versions are those edits: choosing one restores it.
"""

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from desktop.core import values, vocab
from desktop.core.access import policy
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import hlc, oplog, rowstate, station, tables
from desktop.core.store.handle import Database
from desktop.core.store.writepath import row_state, write

# Columns that name a record to a person, tried in order.
LABELS = ("number", "code", "name", "title", "batch_no", "line_no", "position")

# Fields that hold another record's id, and that record's table: a version shows its label.
REFERENCES = {
    "depot_id": "depot", "from_depot_id": "depot", "to_depot_id": "depot",
    "item_id": "item", "lot_id": "lot", "agency_id": "agency", "expert_id": "expert",
    "order_id": "alloc_order", "line_id": "order_line", "playbook_id": "playbook",
    "phase_id": "playbook_phase", "lead_agency_id": "agency", "transfer_id": "transfer",
    "incident_id": "incident", "activation_id": "incident_playbook", "task_id": "incident_task",
}  # fmt: skip


@dataclass(frozen=True)
class Version:
    ref: str  # origin:seq of the operation that set this value
    value: object
    station: str  # station code (or origin id when unknown here)
    actor: str
    at: str  # local time of its stamp, ISO 8601 to the second
    shown: str = ""  # for a field holding another record's id: that record's label


@dataclass(frozen=True)
class Conflict:
    key: str  # table:row id:field
    table: str
    row_id: str
    field: str
    label: str
    kept: Version
    others: tuple[Version, ...]

    def as_dict(self) -> dict:
        return asdict(self)


def listing(db: Database, table: str | None = None) -> list[Conflict]:
    """Every open conflict, by table, record and field (of one synced table: none of a name
    that is not one — a key is typed by people, and the name goes into SQL)."""
    if table and table not in tables.SHARED:
        return []
    found = {c.key: c for c in _field_conflicts(db, table)}
    for c in _deleted_while_edited(db, table):
        if c.key in found:  # a delete that also raced a restore: one list of versions
            held = found[c.key]
            known = {v.ref for v in held.others}
            others = held.others + tuple(v for v in c.others if v.ref not in known)
            found[c.key] = Conflict(**{**held.__dict__, "others": others})
        else:
            found[c.key] = c
    return [found[key] for key in sorted(found)]


def _field_conflicts(db: Database, table: str | None) -> list[Conflict]:
    """Fields whose losing versions (row_clock.losers) differ from the value shown."""
    sql = "SELECT tbl, row_id, fields, seen, losers FROM row_clock WHERE losers != '{}'"
    params = []
    if table:
        sql += " AND tbl = ?"
        params.append(table)
    names = _station_names(db)
    out = []
    for tbl, row_id, *texts in db.execute(sql + " ORDER BY tbl, row_id", params).fetchall():
        fields, losers = json.loads(texts[0]), json.loads(texts[2])
        record = _record(db, tbl, row_id)
        for name in sorted(losers):
            current = record.get(name)
            others = [leaf for leaf in losers[name] if leaf[3] != current]
            if not others:
                continue
            _, origin, seq = fields[name]
            out.append(
                Conflict(
                    f"{tbl}:{row_id}:{name}",
                    tbl,
                    row_id,
                    name,
                    _label(record),
                    _version(db, names, fields[name][0], origin, seq, current, name, tbl),
                    tuple(
                        _version(db, names, leaf[0], leaf[1], leaf[2], leaf[3], name, tbl)
                        for leaf in sorted(others, reverse=True)
                    ),
                )
            )
    return out


def _deleted_while_edited(db: Database, table: str | None) -> list[Conflict]:
    """Records deleted at one station while another edited them, unaware of the delete.

    The record stays deleted (the tombstone keeps the edit); the conflict lists the edits
    that had not seen the winning delete and that nothing has seen since (the row's
    frontier), so choosing one of them restores the record."""
    names = _station_names(db)
    out = []
    for tbl in [table] if table else tables.SHARED:
        for (row_id,) in db.execute(f"SELECT id FROM {tbl} WHERE deleted = 1").fetchall():
            state = row_state(db, tbl, row_id)
            if state is None or "deleted" not in state.fields:
                continue
            hlc_d, origin_d, seq_d = state.fields["deleted"]
            ops = oplog.history(db, tbl, row_id)
            pasts = {op.stamp: rowstate.past(op) for op in ops}
            edits = [
                op
                for op in ops
                if op.payload.get("deleted") != 1
                and not rowstate.has_seen(pasts[op.stamp], origin_d, seq_d)
                and not any(
                    rowstate.has_seen(pasts[other.stamp], op.origin, op.seq) for other in ops
                )
            ]
            if not edits:
                continue
            record = _record(db, tbl, row_id)
            out.append(
                Conflict(
                    f"{tbl}:{row_id}:deleted",
                    tbl,
                    row_id,
                    "deleted",
                    _label(record),
                    _version(db, names, hlc_d, origin_d, seq_d, 1),
                    tuple(
                        _version(db, names, op.hlc, op.origin, op.seq, 0)
                        for op in sorted(edits, key=lambda op: op.stamp, reverse=True)
                    ),
                )
            )
    return out


def count(db: Database) -> int:
    return len(listing(db))


def find(db: Database, key: str) -> Conflict:
    tbl, _, rest = key.partition(":")
    for conflict in listing(db, tbl or None):
        if conflict.key == key:
            return conflict
    raise BioError(
        tr("There is no open conflict {key}; it may have been settled already.", key=key)
    )


def resolve(db: Database, ctx: Ctx, key: str, ref: str) -> Conflict:
    """Settle a conflict with the version `ref` (its origin:seq, the kept one or another).
    Returns the conflict as it was. A role that may not write the table is refused first."""
    tbl = key.partition(":")[0]
    if tbl in tables.SHARED:
        policy.require_table(db, ctx, tbl)
    conflict = find(db, key)
    chosen = next((v for v in (conflict.kept, *conflict.others) if v.ref == ref), None)
    if chosen is None:
        raise BioError(
            tr(
                "{ref} is not one of the versions in conflict {key}; choose one of: {refs}.",
                ref=ref,
                key=key,
                refs=", ".join(v.ref for v in (conflict.kept, *conflict.others)),
            )
        )
    with write(db, ctx) as w:
        w.resolve(conflict.table, conflict.row_id, conflict.field, chosen.value)
    return conflict


def open_fields(db: Database, tbl: str, row_id: str) -> set[str]:
    """The fields of one record that are in conflict (editors mark them)."""
    state = row_state(db, tbl, row_id)
    if state is None or not state.losers:
        return set()
    return {c.field for c in listing(db, tbl) if c.row_id == row_id}


def _record(db: Database, tbl: str, row_id: str) -> dict:
    row = db.execute(f"SELECT * FROM {tbl} WHERE id = ?", [row_id]).fetchone()
    return dict(zip(tables.columns(db, tbl), row, strict=True)) if row else {}


def _label(record: dict) -> str:
    parts = [str(record[k]) for k in LABELS if record.get(k) not in (None, "")]
    return " ".join(parts[:2]) or str(record.get("id", ""))[:8]


def _station_names(db: Database) -> dict[str, str]:
    names = {
        origin: code for origin, code in db.execute("SELECT origin, code FROM trusted_station")
    }
    own = station.get(db)
    if own is not None:
        names[own.origin] = own.code
    return names


# Fields holding a code of a vocabulary: a version shows its name in the user's language.
CODED = {
    ("incident", "status"): "incident_status", ("incident", "grade"): "grade",
    ("incident", "confirmation"): "confirmation", ("incident", "hazard"): "hazard",
    ("incident_task", "status"): "task_status", ("incident_report", "kind"): "report_kind",
    ("drill", "status"): "drill_status", ("drill", "kind"): "drill_kind",
    ("drill_fired", "state"): "inject_state", ("drill_improvement", "status"):
    "improvement_status", ("monitor_person", "cohort"): "cohort",
    ("monitor_person", "status"): "monitor_status", ("monitor_site", "kind"): "site_kind",
}  # fmt: skip
# Personal data: a conflict shows it masked, like every list (monitoring/personal.py).
PERSONAL = {("monitor_person", "id_number"): values.mask_id,
            ("monitor_person", "phone"): values.mask_phone}  # fmt: skip


def _version(
    db: Database, names: dict, stamp: int, origin: str, seq: int, value, name="", table=""
) -> Version:
    row = db.execute(
        "SELECT actor FROM oplog WHERE origin = ? AND seq = ? UNION ALL "
        "SELECT actor FROM snapshot_op WHERE origin = ? AND seq = ?",
        [origin, seq, origin, seq],
    ).fetchone()
    ms, _ = hlc.unpack(stamp)
    at = datetime.fromtimestamp(ms / 1000).astimezone().isoformat(timespec="seconds")
    shown = ""
    if (table, name) in PERSONAL and value:
        value = shown = PERSONAL[(table, name)](str(value))
    elif name in REFERENCES and value:
        shown = _label(_record(db, REFERENCES[name], value))
    elif (table, name) in CODED and value:
        shown = vocab.name(CODED[(table, name)], value)
    elif (table, name) == ("alloc_order", "status") and value:
        shown = vocab.order_status(value)
    actor = row[0] if row else ""
    return Version(f"{origin}:{seq}", value, names.get(origin, origin), actor, at, shown)


def clock_flags(db: Database) -> list[dict]:
    """Stations whose stamps ran more than hlc.MAX_AHEAD_MS ahead of this station's clock
    (not adopted here): station code, how far ahead in hours, when it was noted."""
    names = _station_names(db)
    return [
        {
            "origin": origin,
            "station": names.get(origin, origin),
            "ahead_hours": round(ahead_ms / 3_600_000, 1),
            "noted_at": noted_at,
        }
        for origin, ahead_ms, noted_at in db.execute(
            "SELECT origin, ahead_ms, noted_at FROM clock_flag ORDER BY noted_at DESC"
        )
    ]
