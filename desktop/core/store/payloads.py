"""What an operation may carry, checked before anything is written: every operation a
merge applies (whoever made it) and every one this station makes.

An operation names a synced table, a row id and a kind; its payload sets columns of that
table — never `id` or a column the table lacks —, each value of the column's declared
type: text of bounded length without control characters (but tab and line breaks);
whole numbers within ±10^12 (quantities have one bound on every path, and no sum of them
can leave SQLite's 64-bit integers); flags 0 or 1; dates ISO dates within 1900–2199 and
times ISO times; forward-only statuses and the closed vocabularies the program acts on
from their words; JSON-list columns valid JSON lists. Stamps and sequence numbers are
positive and bounded, and a stamp more than a year ahead of this station's clock is
refused (hlc.MAX_STAMP_AHEAD_MS): such a stamp would freeze its row for every later edit.
"""

import json
import re
from collections.abc import Callable
from datetime import date, datetime

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import hlc, tables
from desktop.core.store.handle import Database
from desktop.core.store.oplog import Op
from desktop.core.vocab import (
    CHANNELS,
    COHORTS,
    CONFIRMATIONS,
    DEPOT_LEVELS,
    DRILL_ACTIONS,
    DRILL_KINDS,
    DRILL_ROLES,
    GRADES,
    HAZARDS,
    INJECT_TRIGGERS,
    LOG_KINDS,
    LOT_STATUSES,
    MONITOR_STATUSES,
    OBSERVATION_KINDS,
    RATINGS,
    REPORT_KINDS,
    ROLES,
    SITE_KINDS,
    STORAGE,
    TASK_STATUSES,
)

KINDS = ("insert", "update", "delete")
FLAGS = frozenset(
    {
        "deleted",
        "oral",
        "drill",
        "example",
        "shelf_life",
        "paused",
        "contingency",
        "abnormal",
        "handled",
        "disabled",
    }
)
# Columns holding a JSON list (a playbook's grades and clauses, a task's agencies, …).
JSON_LISTS = frozenset(
    {"grades", "clauses", "support_agency_ids", "checklist", "specialties", "depot_ids", "quotes"}
)
# Columns holding a JSON object of texts (where a playbook's or a task's fields come from).
JSON_OBJECTS = frozenset({"sources"})
DATES = frozenset(
    {
        "due_on",
        "expires_on",
        "issued_on",
        "needed_by",
        "produced_on",
        "unavailable_from",
        "unavailable_to",
    }
)
TIMES = frozenset(
    {"approved_at", "created_at", "dispatched_at", "occurred_at", "oral_at",
     "paperwork_done_at", "received_at", "sent_at", "submitted_at", "reported_at",
     "activated_at", "recovery_at", "monitoring_at", "closed_at", "at", "added_at", "due_at",
     "status_at", "released_at", "cancelled_at", "started_at", "ended_at", "wall_at",
     "sim_start", "recorded_at"}
)  # fmt: skip
# Closed vocabularies the program acts on (stored as written: Chinese words or codes).
VOCABULARY = {
    ("lot", "status"): frozenset(LOT_STATUSES),
    ("depot", "level"): frozenset(DEPOT_LEVELS) | {""},
    ("item", "storage"): frozenset(STORAGE) | {""},
    ("alloc_order", "priority"): frozenset({"特急", "紧急", "一般"}),
    ("stock_move", "kind"): frozenset(
        {"receive", "issue", "transfer_out", "transfer_in", "count", "writeoff"}
    ),
    ("incident", "hazard"): frozenset(HAZARDS),
    ("incident", "grade"): frozenset(GRADES),
    ("incident", "confirmation"): frozenset(CONFIRMATIONS),
    ("incident_grade", "grade"): frozenset(GRADES),
    ("incident_grade", "previous"): frozenset(GRADES),
    ("incident_playbook", "grade"): frozenset(GRADES),
    ("incident_task", "min_grade"): frozenset(GRADES),
    ("incident_task", "status"): frozenset(TASK_STATUSES),
    ("incident_need", "basis"): frozenset(
        {"per_exposed", "per_patient", "per_responder", "per_site", "per_km2", "fixed"}
    ),
    ("incident_report", "kind"): frozenset(REPORT_KINDS),
    ("incident_log", "kind"): frozenset(LOG_KINDS),
    ("drill", "kind"): frozenset(DRILL_KINDS),
    ("drill", "hazard"): frozenset(HAZARDS) | {""},
    ("drill", "grade"): frozenset(GRADES),
    ("drill_person", "role"): frozenset(DRILL_ROLES),
    ("drill_inject", "trigger"): frozenset(INJECT_TRIGGERS),
    ("drill_inject", "after_state"): frozenset({"fired", "acknowledged", "done"}),
    ("drill_inject", "channel"): frozenset(CHANNELS),
    ("drill_expect", "action"): frozenset(DRILL_ACTIONS),
    ("drill_mark", "result"): frozenset({"met", "late", "missed", "na"}),
    ("drill_observation", "kind"): frozenset(OBSERVATION_KINDS),
    ("drill_rating", "rating"): frozenset(RATINGS),
    ("monitor_person", "cohort"): frozenset(COHORTS),
    ("monitor_person", "status"): frozenset(MONITOR_STATUSES),
    ("monitor_schedule", "cohort"): frozenset(COHORTS),
    ("monitor_site", "kind"): frozenset(SITE_KINDS),
    ("monitor_note", "cohort"): frozenset(COHORTS),
    ("account", "role"): frozenset(ROLES),
}
MAX_TEXT = 100_000  # characters in one field (a playbook task's instructions, a note)
MAX_SEQ = 1 << 53
MAX_BASES = 10_000
BASE = re.compile(r"[0-9A-Za-z\-]{1,64}:[1-9][0-9]{0,15}")
ROW_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z:_.\-]{0,99}")

Check = Callable[[object], bool]


class BadOperation(BioError):
    """An operation that cannot be applied as it is; the message names it and why."""


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # C0, C1, DEL,
# lone surrogates; tab, LF, CR pass


def _text(value) -> bool:
    return type(value) is str and len(value) <= MAX_TEXT and not CONTROL.search(value)


def _whole(value) -> bool:
    return type(value) is int and -values.MAX_QTY <= value <= values.MAX_QTY


def _flag(value) -> bool:
    return type(value) is int and value in (0, 1)


def _real(value) -> bool:
    return type(value) in (int, float) and abs(value) <= values.MAX_QTY  # NaN fails too


def _date(value) -> bool:
    """An ISO date, 1900–2199 (what values.date_iso stores)."""
    if type(value) is not str or len(value) != 10:
        return False
    try:
        return 1900 <= date.fromisoformat(value).year <= 2199
    except ValueError:
        return False


def _time(value) -> bool:
    """A stored time (values.now_iso: ISO with its offset), or empty when not yet set."""
    if value == "":
        return True
    if type(value) is not str or len(value) > 40:
        return False
    try:
        return 1900 <= datetime.fromisoformat(value).year <= 2199
    except ValueError:
        return False


def _json_list(value) -> bool:
    if not _text(value):
        return False
    try:
        return type(json.loads(value)) is list
    except (ValueError, RecursionError):
        return False


def _json_object(value) -> bool:
    """A JSON object whose keys and values are texts (a field → its source)."""
    if not _text(value):
        return False
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError):
        return False
    return type(parsed) is dict and all(type(v) is str for v in parsed.values())


class _member:  # noqa: N801 (a check, used as the functions beside it are)
    """A word of a closed vocabulary (a list or a number is not one, nor unhashable)."""

    def __init__(self, words: frozenset):
        self.words = words

    def __call__(self, value) -> bool:
        return type(value) is str and value in self.words


def _base_check(table: str, name: str, declared: str) -> Check:
    if name in FLAGS:
        return _flag
    if (table, name) in VOCABULARY:
        return _member(VOCABULARY[(table, name)])
    if name in DATES:
        return _date
    if name in TIMES:
        return _time
    if name in JSON_LISTS:
        return _json_list
    if name in JSON_OBJECTS:
        return _json_object
    if table in tables.FORWARD and name in tables.FORWARD[table]:
        return _member(frozenset(tables.FORWARD[table][name]))
    if declared == "INTEGER":
        return _whole
    if declared == "REAL":
        return _real
    return _text


def _column_check(table: str, name: str, declared: str, notnull: bool) -> Check:
    check = _base_check(table, name, declared)
    if notnull:
        return check
    return lambda value: value is None or check(value)


# ---------------------------------------------------------------- many at once
#
# A merge checks every operation of a bundle before it writes anything: 100,000 of them,
# mostly stock movements with the same fields. valid_many() checks a column's values of
# many operations together (a type set, a min and a max, one regular-expression search
# over the texts joined by a line break, which every text may hold); where it finds a
# doubt it says False and check() of each operation names the first one refused.

ManyCheck = Callable[[list], bool]


def _types(values: list, *allowed: type) -> bool:
    return set(map(type, values)) <= set(allowed)


def _texts(values: list) -> bool:
    return (
        _types(values, str)
        and max(map(len, values), default=0) <= MAX_TEXT
        and CONTROL.search("\n".join(values)) is None
    )


def _wholes(numbers: list) -> bool:
    return _types(numbers, int) and (
        not numbers or -values.MAX_QTY <= min(numbers) and max(numbers) <= values.MAX_QTY
    )


def _many(check: Check) -> ManyCheck:
    """The check of many values of one column, by the check of one value."""
    if check is _text:
        return _texts
    if check is _whole:
        return _wholes
    if check is _flag:
        return lambda flags: _types(flags, int) and set(flags) <= {0, 1}
    if isinstance(check, _member):
        words = check.words
        return lambda found: _types(found, str) and set(found) <= words
    if check in (_time, _date):  # the same time is checked once
        return lambda found: _types(found, str) and all(map(check, set(found)))
    return lambda found: all(map(check, found))


def _column_many(table: str, name: str, declared: str, notnull: bool) -> ManyCheck:
    many = _many(_base_check(table, name, declared))
    if notnull:
        return many
    return lambda found: many([value for value in found if value is not None])


def _many_checks(db: Database, table: str) -> dict[str, ManyCheck]:
    cache = db.conn.__dict__.setdefault("_br_payload_many", {})
    if table not in cache:
        cache[table] = {
            name: _column_many(table, name, declared.upper(), bool(notnull))
            for _, name, declared, notnull, _, _ in db.execute(f"PRAGMA table_info({table})")
            if name != "id"
        }
    return cache[table]


_ROW_IDS = re.compile(rf"(?:{ROW_ID.pattern}\n)*")
_BASES = re.compile(rf"(?:{BASE.pattern}\n)*")


def valid_many(db: Database, ops: list[Op], now_ms: int) -> bool:
    """True when check() would pass every one of `ops`; False when one may not pass."""
    try:
        return _valid_many(db, ops, now_ms)
    except (TypeError, ValueError, AttributeError):  # an unhashable or odd value
        return False


def _valid_many(db: Database, ops: list[Op], now_ms: int) -> bool:
    if not ops:
        return True
    seqs = [op.seq for op in ops]
    stamps = [op.hlc for op in ops]
    row_ids = [op.row_id for op in ops]
    actors = set(op.actor for op in ops)
    bases = [op.bases for op in ops]
    if not (
        _types(seqs, int)
        and 1 <= min(seqs)
        and max(seqs) <= MAX_SEQ
        and _types(stamps, int)
        and min(stamps) >= 1
        and hlc.unpack(max(stamps))[0] <= now_ms + hlc.MAX_STAMP_AHEAD_MS
        and _types(row_ids, str)
        and _ROW_IDS.fullmatch("".join(row_id + "\n" for row_id in row_ids))
        and _types(list(actors), str)
        and all(len(actor) <= 200 and "\x00" not in actor for actor in actors)
        and _types(bases, list)
        and max(map(len, bases)) <= MAX_BASES
    ):
        return False
    refs = [ref for listed in bases for ref in listed]
    if refs and not (_types(refs, str) and _BASES.fullmatch("".join(r + "\n" for r in refs))):
        return False
    groups: dict[tuple, list[dict]] = {}
    for op in ops:
        payload = op.payload
        if type(payload) is not dict:
            return False
        groups.setdefault((op.tbl, op.kind, tuple(payload)), []).append(payload)
    for (tbl, kind, names), payloads in groups.items():
        if (
            tbl not in tables.SYNCED
            or kind not in KINDS
            or (tbl in tables.LEDGER and kind != "insert")
            or (kind == "delete" and names != ("deleted",))
        ):
            return False
        checks = _many_checks(db, tbl)
        if not all(name in checks for name in names):  # a key, or a column it lacks
            return False
        columns = zip(*(payload.values() for payload in payloads), strict=True)
        for name, found in zip(names, columns, strict=True):
            if not checks[name](list(found)):
                return False
        if kind == "delete" and not all(payload == {"deleted": 1} for payload in payloads):
            return False
    return True


def column_checks(db: Database, table: str) -> dict[str, Check]:
    """A check per settable column of a synced table, cached on the connection."""
    cache = db.conn.__dict__.setdefault("_br_payload_checks", {})
    if table not in cache:
        cache[table] = {
            name: _column_check(table, name, declared.upper(), bool(notnull))
            for _, name, declared, notnull, _, _ in db.execute(f"PRAGMA table_info({table})")
            if name != "id"
        }
    return cache[table]


def check(db: Database, op: Op, now_ms: int | None = None) -> None:
    """Refuse an operation whose identity, stamp or payload is not what its table allows."""
    if op.tbl in tables.SYNCED and type(op.payload) is dict:
        unknown = set(op.payload) - set(column_checks(db, op.tbl)) - {"id"}
        if unknown:
            raise BadOperation(
                tr(
                    "Table {table} has no field(s) {fields}; the change comes from a newer "
                    "BioReserve. Update this station first.",
                    table=op.tbl,
                    fields=", ".join(sorted(map(str, unknown))),
                )
            )
    problem = _problem(db, op, hlc.wall_ms() if now_ms is None else now_ms)
    if problem:
        raise BadOperation(
            tr(
                "Operation {ref} ({table}) cannot be applied: {problem}. Nothing was applied.",
                ref=f"{op.origin}:{op.seq}",
                table=op.tbl,
                problem=problem,
            )
        )


def _problem(db: Database, op: Op, now_ms: int) -> str | None:
    if op.tbl not in tables.SYNCED:
        return tr("the table is unknown")
    if op.kind not in KINDS or (op.tbl in tables.LEDGER and op.kind != "insert"):
        return tr("the kind {kind} is not allowed here", kind=op.kind)
    if type(op.seq) is not int or not 1 <= op.seq <= MAX_SEQ:
        return tr("its sequence number is out of range")
    if type(op.hlc) is not int or op.hlc < 1:
        return tr("its time stamp is not valid")
    if hlc.unpack(op.hlc)[0] > now_ms + hlc.MAX_STAMP_AHEAD_MS:
        return tr("its time stamp lies more than a year in the future")
    if type(op.row_id) is not str or not ROW_ID.fullmatch(op.row_id):
        return tr("its row id is not valid")
    if type(op.actor) is not str or len(op.actor) > 200 or "\x00" in op.actor:
        return tr("its author is not valid")
    if not _bases(op.bases):
        return tr("its bases are not valid")
    payload = op.payload
    if type(payload) is not dict:
        return tr("its fields are not valid")
    if op.kind == "delete" and payload != {"deleted": 1}:
        return tr("a deletion sets only deleted = 1")
    checks = column_checks(db, op.tbl)
    for name, value in payload.items():
        allowed = checks.get(name)
        if allowed is None:  # the key: a row keeps the id it was made with
            return tr("it sets the row's key {field}", field=name)
        if not allowed(value):
            return tr("{field} = {value} is not a valid value", field=name,
                      value=repr(value)[:60])  # fmt: skip
    return None


def _bases(bases) -> bool:
    """A list of "origin:seq" references (the ops an edit was made from)."""
    return (
        type(bases) is list
        and len(bases) <= MAX_BASES
        and all(type(ref) is str and BASE.fullmatch(ref) for ref in bases)
    )
