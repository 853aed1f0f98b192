"""`check`: is the database sound, and does the data match its operations?

Checks SQLite's integrity and foreign keys, that the schema is the one db/schema.sql
describes (a guard trigger dropped or a foreign key weakened outside BioReserve shows;
compared with sqlite-utils' introspection), each origin's hash chain and numbering, that
every synced row equals what its operations produce (so a write that bypassed the write
path shows), and that the derived tables match the facts. `rebuild` recomputes the
derived tables from the facts.
"""

import json
import re
from dataclasses import dataclass
from itertools import groupby

from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.i18n import tr
from desktop.core.store import (
    derived,
    figures,
    lazy_utils,
    oplog,
    rowstate,
    snapbase,
    tables,
    unguarded,
)
from desktop.core.store.handle import Connection, Database
from desktop.core.store.oplog import COLUMNS, Op
from desktop.core.store.writepath import transaction


@dataclass(frozen=True)
class Problem:
    kind: str  # integrity | foreign_key | schema | value | chain | row | balance | derived
    message: str


def run(db: Database) -> list[Problem]:
    problems = []
    problems += _integrity(db)
    problems += schema_problems(db)
    problems += chains(db)
    problems += [Problem("chain", message) for message in snapbase.problems(db)]
    problems += _values(db)
    for table in tables.SYNCED:
        problems += _rows(db, table)
    problems += _guarded("balance", _balances, db)
    problems += _guarded("balance", _usable_stock, db)
    problems += _guarded("derived", _figures, db)
    problems += _search_index(db)
    return problems


def _integrity(db: Database) -> list[Problem]:
    out = []
    result = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        out += [Problem("integrity", line) for line in result]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        out.append(
            Problem(
                "foreign_key",
                tr(
                    "{table} row {rowid} refers to a missing {parent} row.",
                    table=table,
                    rowid=rowid,
                    parent=parent,
                ),
            )
        )
    return out


# Made on demand by sqlite-utils (playbook search), not by db/schema.sql.
ON_DEMAND = re.compile(r"^fulltext_(fts|ai|ad|au)")


def shape(db: Database) -> dict:
    """The schema as sqlite-utils reads it: per table its columns (name, type, not null,
    default), foreign keys and triggers, and its indexes by name."""
    view = lazy_utils.database(db)
    out = {}
    for table in view.tables:
        if ON_DEMAND.match(table.name) or table.name.startswith("sqlite_"):
            continue
        out[table.name] = {
            "columns": sorted(  # a migration adds columns at the end: order aside
                (c.name, c.type.upper(), bool(c.notnull), _default(c.default_value))
                for c in table.columns
            ),
            "foreign_keys": sorted(
                (fk.column, fk.other_table, fk.other_column) for fk in table.foreign_keys
            ),
            "deferred": _deferred(table.schema),
            "triggers": sorted(t.name for t in table.triggers if not ON_DEMAND.match(t.name)),
            "trigger_sql": {
                t.name: _as_compared(t.sql) for t in table.triggers if not ON_DEMAND.match(t.name)
            },
            "indexes": sorted(i.name for i in table.indexes if not i.name.startswith("sqlite_")),
        }
    return out


def _as_compared(sql: str) -> str:
    """A trigger's SQL as compared with the schema's: comments and spacing aside (a
    migration writes the same statements as db/schema.sql, not always laid out alike)."""
    return unguarded.spaced(re.sub(r"--[^\n]*", "", sql or ""))


def _default(value):
    """A column default as written, quotes aside: 0 and '0' are the same default."""
    return None if value is None else str(value).strip("'\"")


def _deferred(sql: str) -> bool:
    """Every foreign key of the table is DEFERRABLE INITIALLY DEFERRED (merges rely on it)."""
    references = len(re.findall(r"\bREFERENCES\b", sql, re.I))
    return references == len(re.findall(r"DEFERRABLE\s+INITIALLY\s+DEFERRED", sql, re.I))


def expected_shape() -> dict:
    """The shape of a database made from db/schema.sql."""
    import sqlite3

    from desktop.core import paths

    conn = sqlite3.connect(":memory:", factory=Connection, isolation_level=None)
    try:
        conn.executescript(paths.schema_file().read_text(encoding="utf-8"))
        return shape(Database(conn, paths.schema_file()))
    finally:
        conn.close()


def schema_problems(db: Database) -> list[Problem]:
    """Differences between this database's schema and db/schema.sql."""
    have, want = shape(db), expected_shape()
    out = []
    for table in sorted(want.keys() - have.keys()):
        out.append(Problem("schema", tr("Table {table} is missing.", table=table)))
    for table in sorted(want.keys() & have.keys()):
        h, w = have[table], want[table]
        if h["columns"] != w["columns"]:
            out.append(
                Problem(
                    "schema",
                    tr("The columns of table {table} differ from the schema.", table=table),
                )
            )
        if h["foreign_keys"] != w["foreign_keys"] or h["deferred"] != w["deferred"]:
            out.append(
                Problem(
                    "schema",
                    tr("The foreign keys of table {table} differ from the schema.", table=table),
                )
            )
        for trigger in sorted(set(w["triggers"]) - set(h["triggers"])):
            out.append(
                Problem(
                    "schema",
                    tr(
                        "Trigger {trigger} of table {table} is missing: the database was "
                        "altered outside BioReserve. Restore it from a backup.",
                        trigger=trigger,
                        table=table,
                    ),
                )
            )
        for trigger in sorted(set(w["triggers"]) & set(h["triggers"])):
            if h["trigger_sql"][trigger] != w["trigger_sql"][trigger]:
                out.append(
                    Problem(
                        "schema",
                        tr(
                            "Trigger {trigger} of table {table} differs from the schema: the "
                            "database was altered outside BioReserve. Restore it from a backup.",
                            trigger=trigger,
                            table=table,
                        ),
                    )
                )
        for index in sorted(set(w["indexes"]) - set(h["indexes"])):
            out.append(
                Problem(
                    "schema",
                    tr("Index {index} of table {table} is missing.", index=index, table=table),
                )
            )
    return out


def chains(db: Database) -> list[Problem]:
    """Each origin's operations: numbered without gaps, chained, the vector at the head.

    A withheld operation (withheld_op: another station's operation this station was not
    entitled to receive) holds its place with the hash its origin committed to: the next
    operation must chain from that hash. Its own hash cannot be checked here (its content
    is not here); a run of withheld operations binds only the last one's ('' before)."""
    out = []
    bases = snapbase.heads(db)
    for origin, newest, newest_hash in db.execute(
        "SELECT origin, seq, hash FROM vector"
    ).fetchall():
        previous, expected = "", 1
        base = bases.get(origin)
        if (
            base is not None
            and not db.execute(
                "SELECT 1 FROM oplog WHERE origin = ? AND seq <= ? LIMIT 1", [origin, base[0]]
            ).fetchone()
        ):
            # summarised by a snapshot: the chain continues from the signed head (snapbase)
            expected, previous = base[0] + 1, base[1]
        cursor = db.execute(f"SELECT {COLUMNS} FROM oplog WHERE origin = ? ORDER BY seq", [origin])
        withheld = dict(
            db.execute(
                "SELECT seq, hash FROM withheld_op WHERE origin = ? ORDER BY seq", [origin]
            ).fetchall()
        )
        for row in _with_withheld(cursor, withheld):
            if type(row) is tuple and len(row) == 2:  # a withheld operation
                seq, digest = row
                if seq != expected:
                    out.append(_missing(origin, expected))
                    break
                previous, expected = digest, expected + 1
                continue
            op = Op.from_row(row)
            if op.seq != expected:
                out.append(_missing(origin, expected))
                break
            if oplog.chain_hash(previous, op) != op.hash:
                out.append(
                    Problem(
                        "chain",
                        tr(
                            "Station {origin}: operation {seq} was altered after it was recorded.",
                            origin=origin,
                            seq=op.seq,
                        ),
                    )
                )
                break
            previous, expected = op.hash, expected + 1
        else:
            if expected - 1 != newest or previous != newest_hash:
                out.append(
                    Problem(
                        "chain",
                        tr(
                            "Station {origin}: the version vector does not match the log.",
                            origin=origin,
                        ),
                    )
                )
    return out


def _missing(origin: str, seq: int) -> Problem:
    return Problem(
        "chain", tr("Station {origin}: operation {seq} is missing.", origin=origin, seq=seq)
    )


def _with_withheld(rows, withheld: dict[int, str]):
    """The oplog rows of one origin in seq order with (seq, hash) of its withheld
    operations put in their places."""
    if not withheld:
        yield from rows
        return
    pending = sorted(withheld.items())
    i = 0
    for row in rows:
        while i < len(pending) and pending[i][0] < row[1]:
            yield pending[i]
            i += 1
        yield row
    yield from pending[i:]


def replay(ops: list[Op], table: str) -> tuple[dict, tuple | None]:
    """The field values a row's operations produce, and for a shared row its row_clock
    (fields, seen, losers) texts."""
    if table in tables.LEDGER:
        return dict(ops[0].payload), None
    values, state = rowstate.replay(ops)
    return values, state.dumps()


def _rows(db: Database, table: str) -> list[Problem]:
    """Merge-join the table (by id) with its operations (by row id) and row clocks."""
    out = []
    names = tables.columns(db, table)
    ops = db.execute(f"SELECT {COLUMNS} FROM oplog WHERE tbl = ? ORDER BY row_id", [table])
    rows = db.execute(f"SELECT * FROM {table} ORDER BY id")
    clocks = {}
    if table in tables.SHARED:
        clocks = {
            r[0]: tuple(r[1:])
            for r in db.execute(
                "SELECT row_id, fields, seen, losers FROM row_clock WHERE tbl = ?", [table]
            )
        }
    grouped = groupby((Op.from_row(r) for r in ops), key=lambda op: op.row_id)
    pending = next(grouped, None)
    bases = snapbase.base_states(db, table) if table in tables.SHARED else {}
    heads = snapbase.heads(db) if bases else {}
    summarised_ledger = table in tables.LEDGER and snapbase.loaded(db)
    if summarised_ledger:
        out += [Problem("row", message) for message in snapbase.ledger_problems(db, table)]
    for row in rows:
        record = dict(zip(names, row, strict=True))
        while pending is not None and pending[0] < record["id"]:
            out.append(
                Problem(
                    "row",
                    tr("{table} row {id} has operations but no row.", table=table, id=pending[0]),
                )
            )
            pending = next(grouped, None)
        if record["id"] in bases:  # loaded from a snapshot: its later operations over it
            later = []
            if pending is not None and pending[0] == record["id"]:
                later = list(pending[1])
                pending = next(grouped, None)
            expected, clock = _over_base(db, table, bases[record["id"]], later, heads)
        elif pending is None or pending[0] != record["id"]:
            if summarised_ledger:
                continue  # checked with the snapshot's digest (ledger_problems)
            out.append(
                Problem(
                    "row",
                    tr(
                        "{table} row {id} has no operation: it was written outside the write path.",
                        table=table,
                        id=record["id"],
                    ),
                )
            )
            continue
        else:
            expected, clock = replay(list(pending[1]), table)
            pending = next(grouped, None)
        wrong = sorted(k for k, v in expected.items() if record.get(k) != v)
        if wrong:
            out.append(
                Problem(
                    "row",
                    tr(
                        "{table} row {id} differs from its operations in {fields}.",
                        table=table,
                        id=record["id"],
                        fields=", ".join(wrong),
                    ),
                )
            )
        elif clock is not None and _parsed(clocks.get(record["id"])) != _parsed(clock):
            out.append(
                Problem(
                    "derived",
                    tr(
                        "The merge state (row_clock) of {table} row {id} does not match its "
                        "operations; run check --rebuild.",
                        table=table,
                        id=record["id"],
                    ),
                )
            )
    while pending is not None:
        out.append(
            Problem(
                "row", tr("{table} row {id} has operations but no row.", table=table, id=pending[0])
            )
        )
        pending = next(grouped, None)
    return out


def _over_base(db: Database, table: str, text: str, ops: list[Op], heads: dict) -> tuple:
    """A row loaded from a snapshot: its state there with the operations after the
    snapshot's heads replayed over it (store/snapbase.py)."""
    from desktop.core.store.writepath import op_past

    values, state = snapbase.parse_state(db, table, text)
    later = sorted(
        (op for op in ops if op.seq > heads.get(op.origin, (0, ""))[0]), key=lambda op: op.stamp
    )
    pasts = {op.stamp: rowstate.past(op) for op in later}
    for op in later:
        values.update(
            state.merge(op, values.get, lambda stamp: pasts.get(stamp) or op_past(db, stamp))
        )
    return values, state.dumps()


def _parsed(texts: tuple | None):
    return None if texts is None else tuple(json.loads(t) for t in texts)


BALANCE_DIFF = """
SELECT depot_id, item_id, lot_id, sum(fact), sum(kept)
FROM (SELECT depot_id, item_id, lot_id, qty AS fact, 0 AS kept FROM stock_move
      UNION ALL
      SELECT depot_id, item_id, lot_id, 0, qty FROM stock_balance)
GROUP BY depot_id, item_id, lot_id
HAVING sum(fact) != sum(kept)
"""


ITEM_STOCK_DIFF = """
SELECT depot_id, item_id, sum(fact), sum(kept)
FROM (SELECT depot_id, item_id, qty AS fact, 0 AS kept FROM stock_balance
      UNION ALL
      SELECT depot_id, item_id, 0, qty FROM item_stock)
GROUP BY depot_id, item_id
HAVING sum(fact) != sum(kept)
"""


def _values(db: Database) -> list[Problem]:
    """Whole numbers of synced tables within ±10^12 (what the write path and merges allow;
    a database written before, or behind their back, may hold more, which sums of the
    ledger cannot carry)."""
    from desktop.core import values

    out = []
    for table in tables.SYNCED:
        for _, name, declared, *_ in db.execute(f"PRAGMA table_info({table})").fetchall():
            if declared.upper() != "INTEGER":
                continue
            for row_id, value in db.execute(
                f"SELECT id, {name} FROM {table} WHERE {name} IS NOT NULL AND "
                f"(typeof({name}) != 'integer' OR {name} > ? OR {name} < ?)",
                [values.MAX_QTY, -values.MAX_QTY],
            ):
                out.append(
                    Problem(
                        "value",
                        tr(
                            "{table} {id}: {field} = {value} is out of range (whole numbers "
                            "within ±10^12).",
                            table=table,
                            id=row_id,
                            field=name,
                            value=value,
                        ),
                    )
                )
    return out


def _guarded(kind: str, section, db: Database) -> list[Problem]:
    """A section of the check that SQLite may refuse (a sum beyond 64-bit integers): its
    refusal is a problem found, not a crash."""
    import sqlite3

    try:
        return section(db)
    except sqlite3.OperationalError as exc:
        return [Problem(kind, tr("This part of the check could not run: {reason}.", reason=exc))]


def _balances(db: Database) -> list[Problem]:
    return [
        Problem(
            "balance",
            tr(
                "Balance of lot {lot} at depot {depot} is {have} but the ledger sums to {want}; "
                "run check --rebuild.",
                lot=lot,
                depot=depot,
                have=have,
                want=want,
            ),
        )
        for depot, _item, lot, want, have in db.execute(BALANCE_DIFF)
    ] + [
        Problem(
            "balance",
            tr(
                "Stock of item {item} at depot {depot} is {have} but its lots sum to {want}; "
                "run check --rebuild.",
                item=item,
                depot=depot,
                have=have,
                want=want,
            ),
        )
        for depot, item, want, have in db.execute(ITEM_STOCK_DIFF)
    ]


def _usable_stock(db: Database) -> list[Problem]:
    return [
        Problem(
            "derived",
            tr(
                "Usable stock of item {item} at depot {depot} is {have} but its lots give "
                "{want}; run check --rebuild.",
                item=item,
                depot=depot,
                have=have,
                want=want,
            ),
        )
        for depot, item, want, have in derived.usable_stock_diff(db)
    ]


def _figures(db: Database) -> list[Problem]:
    """The aggregates of 总览, the alert counts and compliance (store/figures.py)."""
    return [
        Problem(
            "derived",
            tr(
                "The figures kept in {table} for {key} are {have} but the data give {want}; "
                "run check --rebuild.",
                table=table,
                key=" / ".join(str(part) for part in key),
                have=have,
                want=want,
            ),
        )
        for table, key, want, have in figures.differences(db)
    ]


def _search_index(db: Database) -> list[Problem]:
    from desktop.core import pinyin

    kept = {
        r[0]: (r[1], r[2]) for r in db.execute("SELECT item_id, initials, pinyin FROM item_search")
    }
    out = []
    for item_id, name in db.execute("SELECT id, name FROM item"):
        if kept.pop(item_id, None) != (pinyin.initials(name), pinyin.full(name)):
            out.append(
                Problem(
                    "derived",
                    tr(
                        "The search index of item {id} is out of date; run check --rebuild.",
                        id=item_id,
                    ),
                )
            )
    out += [
        Problem(
            "derived",
            tr("The search index names a missing item {id}; run check --rebuild.", id=item_id),
        )
        for item_id in kept
    ]
    kept = {
        r[0]: (r[1], r[2])
        for r in db.execute("SELECT expert_id, initials, pinyin FROM expert_search")
    }
    for expert_id, name in db.execute("SELECT id, name FROM expert"):
        if kept.pop(expert_id, None) != derived.person_pinyin(name):
            out.append(
                Problem(
                    "derived",
                    tr(
                        "The search index of expert {id} is out of date; run check --rebuild.",
                        id=expert_id,
                    ),
                )
            )
    out += [
        Problem(
            "derived",
            tr("The search index names a missing expert {id}; run check --rebuild.", id=expert_id),
        )
        for expert_id in kept
    ]
    return out + _words(db)


def _words(db: Database) -> list[Problem]:
    """The words of playbooks (fulltext) as their rows give them."""
    kept = {
        (r[0], r[1]): (r[2], r[3])
        for r in db.execute("SELECT tbl, row_id, owner, body FROM fulltext")
    }
    out = []
    for table, (owner, fields) in derived.FULLTEXT.items():
        names = ", ".join(sorted(fields | {owner, "id"}))
        for row in db.query(f"SELECT {names} FROM {table} WHERE deleted = 0"):
            if kept.pop((table, row["id"]), None) != (row[owner], derived.words(row, fields)):
                out.append(
                    Problem(
                        "derived",
                        tr(
                            "The searchable words of {table} {id} are out of date; run "
                            "check --rebuild.",
                            table=table,
                            id=row["id"],
                        ),
                    )
                )
    out += [
        Problem(
            "derived",
            tr(
                "The searchable words name a missing {table} {id}; run check --rebuild.",
                table=table,
                id=row_id,
            ),
        )
        for table, row_id in kept
    ]
    return out


def rebuild(db: Database, ctx: Ctx | None = None) -> dict[str, int]:
    """Recompute stock_balance, item_stock, usable_stock, row_clock and the search indexes
    from the facts (the STATION right; ctx None: the program itself, as when it opens a
    database)."""
    policy.require(ctx or Ctx.from_os(), roles.STATION)
    with transaction(db):
        db.execute("DELETE FROM stock_balance")
        db.execute(
            "INSERT INTO stock_balance (depot_id, item_id, lot_id, qty) "
            "SELECT depot_id, item_id, lot_id, sum(qty) FROM stock_move "
            "GROUP BY depot_id, item_id, lot_id"
        )
        db.execute("DELETE FROM item_stock")
        db.execute(
            "INSERT INTO item_stock (depot_id, item_id, qty) "
            "SELECT depot_id, item_id, sum(qty) FROM stock_balance GROUP BY depot_id, item_id"
        )
        derived.rebuild_usable_stock(db)
        figures.rebuild(db)
        db.execute("DELETE FROM row_clock")
        clocks = rebuild_clocks(db)
        indexed = derived.rebuild(db)
        words = derived.rebuild_words(db)
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'fulltext_fts'").fetchone():
            # the FTS5 index playbook search made, read again from the words (FTS5 'rebuild')
            db.execute("INSERT INTO fulltext_fts (fulltext_fts) VALUES ('rebuild')")
    balances = db.execute("SELECT count(*) FROM stock_balance").fetchone()[0]
    return {
        "balances": balances,
        "row_clocks": clocks,
        "search_index": indexed,
        "words": words,
    }


def rebuild_clocks(db: Database) -> int:
    """Recompute row_clock (stamps, causal past, losing versions) from the oplog; inside a
    transaction. Returns the rows written."""
    clocks = 0
    heads = snapbase.heads(db)
    for table in tables.SHARED:
        bases = snapbase.base_states(db, table)
        cursor = db.execute(f"SELECT {COLUMNS} FROM oplog WHERE tbl = ? ORDER BY row_id", [table])
        for row_id, ops in groupby((Op.from_row(r) for r in cursor), key=lambda o: o.row_id):
            if row_id in bases:
                texts = _over_base(db, table, bases.pop(row_id), list(ops), heads)[1]
                db.execute(
                    "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [table, row_id, *texts],
                )
                clocks += 1
                continue
            _values, state = rowstate.replay(list(ops))
            db.execute(
                "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) VALUES (?, ?, ?, ?, ?)",
                [table, row_id, *state.dumps()],
            )
            clocks += 1
        for row_id, text in bases.items():  # loaded from a snapshot, unchanged since
            _values, state = snapbase.parse_state(db, table, text)
            db.execute(
                "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) VALUES (?, ?, ?, ?, ?)",
                [table, row_id, *state.dumps()],
            )
            clocks += 1
    return clocks
