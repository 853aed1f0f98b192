"""The 审计日志: every operation of the oplog (changes to synced data, from this station
and the stations it merged) and every audit event, newest first, filtered by user, agency,
table and time, and exported to xlsx.

An operation's user is its actor (`user:<name>`; `os:<name>` before accounts existed);
its agency that of the account of that name at the operation's station, which travels
with the data. What an operation set is shown as its fields (by their labels: trail_words),
not its values: the audit log never shows an ID number or a phone. An event's detail is
shown in words in the user's language (trail_words.event).

The filters name what this database knows: a user is an account here or an actor of some
operation or event (the users of other stations exist only as actors), an agency one of
the agencies; a name that is neither is refused, naming it, rather than silently matching
nothing (a typing error would look like "nobody did anything"). The table filter takes a
table's code or the name the 数据 column shows (长期监测: every monitor_* table).
"""

from datetime import datetime

from desktop.core import values
from desktop.core.access import audit, policy, roles, trail_words
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import hlc
from desktop.core.store.handle import Database
from desktop.core.store.tables import SYNCED

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
    table: str | list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 500,
) -> list[dict]:
    """The newest `limit` entries matching every filter given (the administrator's right):
    since/until are times or dates (until a date: to its end; since after until is
    refused); agency a code or name; user a name this database knows; table a synced
    table's code or the name the 数据 column shows, or a list of codes (events have none:
    a table filter shows operations only). A filter naming nothing known: BioError."""
    policy.require(ctx, roles.AUDIT)
    limit = max(1, min(int(limit), MAX_ROWS))
    start = _ms(since)
    end = _ms(until)
    if until and "T" not in until and len(until) <= 10:
        end = (end or 0) + 86_400_000
    if start is not None and end is not None and start >= end:
        raise BioError(
            tr("--since {since} is after --until {until}: no time is both.",
               since=since, until=until)
        )  # fmt: skip
    agency_id = None
    if agency:
        row = db.execute(
            "SELECT id FROM agency WHERE code = ? OR name = ? OR id = ?", [agency] * 3
        ).fetchone()
        if row is None:
            raise BioError(tr("No agency {code}.", code=str(agency)[:40]))
        agency_id = row[0]
    if user and not known_user(db, user):
        raise BioError(
            tr(
                "No user {name}: not an account of this station, nor the actor of any "
                "operation or event in its audit trail.",
                name=user.strip()[:64],
            )
        )
    tbls = resolve_tables(table) if table else None
    out = _ops(db, user, agency_id, tbls, start, end, limit)
    if not table:
        out += _events(db, user, agency_id, start, end, limit)
    out.sort(key=lambda r: r["ms"], reverse=True)
    return out[:limit]


def known_user(db: Database, user: str) -> bool:
    """Whether an account of this station, or the actor of an operation (this station's or
    one merged from another) or of an event, bears this name."""
    name = user.strip()
    actors = [name, f"user:{name}"]
    return bool(
        db.execute("SELECT 1 FROM account WHERE name = ? LIMIT 1", [name]).fetchone()
        or db.execute("SELECT 1 FROM audit_event WHERE actor IN (?, ?) LIMIT 1", actors).fetchone()
        or db.execute("SELECT 1 FROM oplog WHERE actor IN (?, ?) LIMIT 1", actors).fetchone()
    )


def resolve_tables(table: str | list[str] | tuple[str, ...]) -> list[str]:
    """The synced tables a table filter means: codes as given, or every table the name
    (as the 数据 column shows it in the user's language) covers. BioError listing the names
    otherwise."""
    if isinstance(table, list | tuple):
        wanted = [t for t in table if t in SYNCED]
        if wanted:
            return wanted
        table = ", ".join(map(str, table))
    text = str(table).strip()
    if text in SYNCED:
        return [text]
    folded = text.casefold()
    found = [t for t in sorted(SYNCED) if policy.table_name(t).casefold() == folded]
    if not found:
        names = sorted({policy.table_name(t) for t in SYNCED})
        raise BioError(
            tr(
                "No data named {table}; one of: {names}",
                table=text[:40],
                names=tr(", ").join(names),
            )
        )
    return found


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
        where += f" AND tbl IN ({', '.join('?' * len(table))})"
        params += table
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
        fields = trail_words.fields(tbl, payload)
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
        data = trail_words.detail(detail)
        if isinstance(data, dict) and data.get("actor_role"):  # recorded with the event
            role = str(data["actor_role"])
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
                "detail": trail_words.event(kind, data),
                "ref": f"audit:{seq}",
            }
        )
        if len(out) >= limit:
            break
    return out


def _shown(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M:%S")


# What the view shows; the xlsx export adds 数据表, the tables' codes (EXPORT_COLUMNS):
# who reads a workbook may sort or count by them, or match them with `check`'s findings.
COLUMNS = [
    ("at", "Time"),
    ("station", "Station"),
    ("user", "User"),
    ("role", "Role"),
    ("agency", "Agency"),
    ("action", "Action"),
    ("what", "Data"),
    ("record", "Record"),
    ("detail", "Detail"),
    ("ref", "Reference"),
]
EXPORT_COLUMNS = [*COLUMNS[:7], ("table", "Table"), *COLUMNS[7:]]


def tables(db: Database) -> list[tuple[list[str], str]]:
    """The data the operation log names, by the name the 数据 column shows (in the user's
    language), each with the tables it covers (the trail's table filter)."""
    found: dict[str, list[str]] = {}
    for (tbl,) in db.execute("SELECT DISTINCT tbl FROM oplog ORDER BY tbl"):
        found.setdefault(policy.table_name(tbl), []).append(tbl)
    return [(tbls, name) for name, tbls in sorted(found.items())]


def headings(columns: list[tuple[str, str]] | None = None) -> list[str]:
    """The columns' headings in the user's language (those of COLUMNS unless given)."""
    words = {
        "Time": tr("Time"),
        "Station": tr("Station"),
        "User": tr("User"),
        "Role": tr("Role"),
        "Agency": tr("User's agency"),
        "Action": tr("Operation"),
        "Data": tr("Data"),
        "Table": tr("Table"),
        "Record": tr("Record"),
        "Detail": tr("Detail"),
        "Reference": tr("Reference"),
    }
    return [words[english] for _, english in (columns or COLUMNS)]


def export(db: Database, ctx: Ctx, path, **filters) -> int:
    """Write the entries matching the filters to an xlsx file (at most MAX_ROWS); the
    export is itself an audit event. Returns the number of rows."""
    from desktop.core import spreadsheet

    found = rows(db, ctx, limit=MAX_ROWS, **filters)
    spreadsheet.write_xlsx(
        path,
        [
            (
                tr("Audit log"),
                headings(EXPORT_COLUMNS),
                ([r[key] for key, _ in EXPORT_COLUMNS] for r in found),
            )
        ],
    )
    audit.record(
        db, ctx.actor, "audit_export", rows=len(found),
        filters={k: v for k, v in filters.items() if v},
    )  # fmt: skip
    return len(found)
