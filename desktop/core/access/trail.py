"""The 审计日志: every operation of the oplog (changes to synced data, from this station
and the stations it merged) and every audit event, newest first, filtered by user, agency,
table and time, and exported to xlsx.

An operation's user is its actor (`user:<name>`; `os:<name>` before accounts existed);
its agency that of the account of that name at the operation's station, which travels
with the data. What an operation set is shown as its field names, not its values: the
audit log never shows an ID number or a phone.
"""

import json
from datetime import datetime

from desktop.core import values
from desktop.core.access import audit, policy, roles
from desktop.core.context import Ctx
from desktop.core.i18n import tr
from desktop.core.store import hlc
from desktop.core.store.handle import Database

MAX_ROWS = 100_000  # one export

KIND_NAMES = ("insert", "update", "delete")


def _kind(kind: str) -> str:
    return {"insert": tr("added"), "update": tr("changed"), "delete": tr("deleted")}.get(
        kind
    ) or audit.kind_name(kind)


def _ms(moment: str | None) -> int | None:
    if not moment:
        return None
    text = values.time_iso(moment, "time") if "T" not in moment else moment
    return int(datetime.fromisoformat(text).timestamp() * 1000)


def _actor_where(user: str | None) -> tuple[str, list]:
    if not user:
        return "", []
    user = user.strip()
    return " AND actor IN (?, ?)", [user, f"user:{user}"]


def rows(
    db: Database,
    ctx: Ctx,
    *,
    user: str | None = None,
    agency: str | None = None,
    table: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """The newest `limit` entries matching every filter given (the administrator's right):
    since/until are times or dates (until a date: to its end); agency a code; table a
    synced table's name (events have none: a table filter shows operations only)."""
    policy.require(ctx, roles.AUDIT)
    limit = max(1, min(int(limit), MAX_ROWS))
    start = _ms(since)
    end = _ms(until)
    if until and "T" not in until and len(until) <= 10:
        end = (end or 0) + 86_400_000
    agency_id = None
    if agency:
        row = db.execute(
            "SELECT id FROM agency WHERE code = ? OR name = ? OR id = ?", [agency] * 3
        ).fetchone()
        agency_id = row[0] if row else "-"
    out = _ops(db, user, agency_id, table, start, end, limit)
    if not table:
        out += _events(db, user, agency_id, start, end, limit)
    out.sort(key=lambda r: r["ms"], reverse=True)
    return out[:limit]


def _stations(db: Database) -> dict[str, str]:
    names = {r[0]: r[1] for r in db.execute("SELECT origin, code FROM trusted_station")}
    own = db.execute("SELECT origin, code FROM station WHERE id = 1").fetchone()
    if own:
        names[own[0]] = own[1]
    return names


def _accounts(db: Database) -> dict[tuple[str, str], tuple[str, str]]:
    """(station, name) → (role, agency code); this station's accounts under its current
    origin too (after a new key pair its operations have another origin)."""
    out = {
        (r[0], r[1]): (r[2], r[3] or "")
        for r in db.execute(
            "SELECT a.station, a.name, a.role, g.code FROM account a "
            "LEFT JOIN agency g ON g.id = a.agency_id"
        )
    }
    kept = db.execute("SELECT value FROM meta WHERE key = 'accounts.origin'").fetchone()
    own = db.execute("SELECT origin FROM station WHERE id = 1").fetchone()
    if kept and own and kept[0] != own[0]:
        out.update({(own[0], name): v for (st, name), v in list(out.items()) if st == kept[0]})
    return out


def _ops(db, user, agency_id, table, start, end, limit) -> list[dict]:
    # Reference data (origins REF…) are the program's, built alike on every station.
    where, params = "WHERE origin NOT LIKE 'REF%'", list[object]()
    clause, args = _actor_where(user)
    where, params = where + clause, params + args
    if table:
        where += " AND tbl = ?"
        params.append(table)
    if start is not None:
        where += " AND hlc >= ?"
        params.append(start << hlc.COUNTER_BITS)
    if end is not None:
        where += " AND hlc < ?"
        params.append(end << hlc.COUNTER_BITS)
    if agency_id:
        where += (
            " AND EXISTS (SELECT 1 FROM account a WHERE a.station = oplog.origin AND "
            "'user:' || a.name = oplog.actor AND a.agency_id = ?)"
        )
        params.append(agency_id)
    stations, people = _stations(db), _accounts(db)
    out = []
    for origin, seq, stamp, actor, kind, tbl, row_id, payload in db.execute(
        f"SELECT origin, seq, hlc, actor, kind, tbl, row_id, payload FROM oplog {where} "
        "ORDER BY hlc DESC LIMIT ?",
        [*params, limit],
    ):
        ms = stamp >> hlc.COUNTER_BITS
        role, agency = people.get((origin, actor.removeprefix("user:")), ("", ""))
        try:
            fields = ", ".join(sorted(json.loads(payload)))
        except (TypeError, ValueError, AttributeError):
            fields = ""
        out.append(
            {
                "ms": ms,
                "at": _shown(ms),
                "station": stations.get(origin, origin),
                "user": actor,
                "role": roles.name(role) if role else "",
                "agency": agency,
                "action": _kind(kind),
                "table": tbl,
                "what": policy.table_name(tbl),
                "record": row_id,
                "detail": fields,
                "ref": f"{origin}:{seq}",
            }
        )
    return out


def _events(db, user, agency_id, start, end, limit) -> list[dict]:
    where, params = "WHERE 1", list[object]()
    clause, args = _actor_where(user)
    where, params = where + clause, params + args
    own = db.execute("SELECT origin, code FROM station WHERE id = 1").fetchone()
    if agency_id:
        where += (
            " AND EXISTS (SELECT 1 FROM account a WHERE a.station = ? AND "
            "'user:' || a.name = audit_event.actor AND a.agency_id = ?)"
        )
        params += [own[0] if own else "", agency_id]
    people = _accounts(db)
    out = []
    for seq, at, actor, kind, detail in db.execute(
        f"SELECT seq, at, actor, kind, detail FROM audit_event {where} ORDER BY seq DESC",
        params,
    ):
        ms = int(values.time_key(at) * 1000)
        if end is not None and ms >= end:
            continue
        if start is not None and ms < start:
            break
        role, agency = people.get(((own or ("", ""))[0], actor.removeprefix("user:")), ("", ""))
        out.append(
            {
                "ms": ms,
                "at": _shown(ms),
                "station": own[1] if own else "",
                "user": actor,
                "role": roles.name(role) if role else "",
                "agency": agency,
                "action": _kind(kind),
                "table": "",
                "what": "",
                "record": "",
                "detail": _detail(detail),
                "ref": f"audit:{seq}",
            }
        )
        if len(out) >= limit:
            break
    return out


def _detail(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict):
        return str(data)
    return "; ".join(f"{k}={v}" for k, v in sorted(data.items()))


def _shown(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M:%S")


COLUMNS = [
    ("at", "Time"),
    ("station", "Station"),
    ("user", "User"),
    ("role", "Role"),
    ("agency", "Agency"),
    ("action", "Action"),
    ("what", "Data"),
    ("table", "Table"),
    ("record", "Record"),
    ("detail", "Detail"),
    ("ref", "Reference"),
]


def tables(db: Database) -> list[tuple[str, str]]:
    """The tables the operation log names, with their names in the user's language (the
    trail's table filter)."""
    names = [r[0] for r in db.execute("SELECT DISTINCT tbl FROM oplog ORDER BY tbl")]
    return [(t, policy.table_name(t)) for t in names]


def headings() -> list[str]:
    return [
        tr("Time"),
        tr("Station"),
        tr("User"),
        tr("Role"),
        tr("Agency"),
        tr("Action"),
        tr("Data"),
        tr("Table"),
        tr("Record"),
        tr("Detail"),
        tr("Reference"),
    ]


def export(db: Database, ctx: Ctx, path, **filters) -> int:
    """Write the entries matching the filters to an xlsx file (at most MAX_ROWS); the
    export is itself an audit event. Returns the number of rows."""
    from desktop.core import spreadsheet

    found = rows(db, ctx, limit=MAX_ROWS, **filters)
    spreadsheet.write_xlsx(
        path,
        [(tr("Audit log"), headings(), ([r[key] for key, _ in COLUMNS] for r in found))],
    )
    audit.record(
        db, ctx.actor, "audit_export", rows=len(found),
        filters={k: v for k, v in filters.items() if v},
    )  # fmt: skip
    return len(found)
