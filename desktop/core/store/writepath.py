"""The one write path for synced data.

Every change to a synced table happens inside `write(db, ctx)`, which stores
the row change and its operation in the oplog in one transaction:

    with write(db, ctx) as w:
        item_id = w.insert("item", {"code": "PPE-0001", "name": "医用防护口罩"})
        w.update("item", item_id, {"spec": "KN95"})

Operations from other stations enter through desktop.core.store.merge, which uses
the same transaction and merge rules (`apply_op`).
"""

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from desktop.core.access import policy
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import derived, ledger_bulk, oplog, payloads, rowstate, tables, unguarded
from desktop.core.store.handle import Database
from desktop.core.store.hlc import Clock
from desktop.core.store.ids import uuid7
from desktop.core.store.oplog import Op, Stamp
from desktop.core.store.rowstate import RowState


@contextmanager
def transaction(
    db: Database, durable: bool = False, touches: tuple[str, ...] = ()
) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT with the write-path guard open; ROLLBACK on any error.

    durable=True uses synchronous=FULL, for imports of other stations' work. The tables a
    committed transaction wrote are kept for take_changes(): the synced tables the write
    path and merges write, plus the local tables named in `touches`.
    """
    conn = db.conn
    if conn.in_write_path:
        raise RuntimeError("write-path transactions do not nest")
    if db.refusal and not db.spared:
        raise BioError(db.refusal)
    if db.read_only:
        raise BioError(
            tr(
                "The database {path} is read-only; nothing can be changed. Copy it to a "
                "writable folder or ask your administrator for write access.",
                path=db.path,
            )
        )
    if durable:
        conn.execute("PRAGMA synchronous = FULL")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        from desktop.core.store.db import explain

        raise explain(exc, db.path) from exc
    conn.in_write_path = True
    conn.touched = set(touches)
    try:
        yield
        if db.refusal and not (conn.touched and conn.touched <= db.spared):
            raise BioError(db.refusal)  # written what may not be: rolled back below
        conn.execute("COMMIT")
        conn.changed |= conn.touched
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            from desktop.core.store.db import explain

            raise explain(exc, db.path) from exc
        raise
    finally:
        conn.in_write_path = False
        conn.touched = set()
        if durable:
            conn.execute("PRAGMA synchronous = NORMAL")
        if conn.narrow_cache is not None:
            conn.execute(f"PRAGMA cache_size = {int(conn.narrow_cache)}")  # frees the rest
            conn.narrow_cache = None


# Rows written at once from which a transaction's page cache is widened to BULK_CACHE_KIB
# until it ends: thousands of rows go into five B-trees of the ledger and two of the oplog
# spread over a city database, whose pages the usual 64 MB cache evicts and reads again
# (50,000 movements into the city set: 2.4 s of CPU with 64 MB, 1.7 s with 256 MB).
BULK_ROWS = 1000
BULK_CACHE_KIB = 262_144


def widen_cache(db: Database, rows: int) -> None:
    """Widen the open transaction's page cache for a bulk write of `rows` rows."""
    conn = db.conn
    if rows >= BULK_ROWS and conn.narrow_cache is None and conn.in_write_path:
        conn.narrow_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")


def touch(db: Database, *tables: str) -> None:
    """Note that the open transaction writes these tables (synced ones are noted by the
    write path and merges themselves)."""
    db.conn.touched.update(tables)


def take_changes(db: Database) -> frozenset[str]:
    """The tables written by transactions committed since the last call — what the desktop
    announces to its pages after each job (one change signal, whatever wrote)."""
    changed, db.conn.changed = db.conn.changed, set()
    return frozenset(changed)


def load_clock(db: Database) -> Clock:
    """The station's clock; a connection may carry `wall_clock` (tests simulate skew with it)."""
    last = db.execute("SELECT hlc FROM clock WHERE id = 1").fetchone()[0]
    wall = getattr(db.conn, "wall_clock", None)
    return Clock(last, wall) if wall else Clock(last)


def save_clock(db: Database, clock: Clock) -> None:
    db.execute("UPDATE clock SET hlc = ? WHERE id = 1", [clock.last])


def row_state(db: Database, tbl: str, row_id: str) -> RowState | None:
    row = db.execute(
        "SELECT fields, seen, losers FROM row_clock WHERE tbl = ? AND row_id = ?", [tbl, row_id]
    ).fetchone()
    return RowState.load(row) if row else None


def apply_op(db: Database, op: Op, state: RowState | None = None) -> None:
    """Apply an operation's fields by the merge rules (rowstate.RowState.merge).

    state: the row's state if the caller has just read it."""
    tbl, row_id, payload = op.tbl, op.row_id, op.payload
    db.conn.touched.add(tbl)
    if tbl in tables.LEDGER:
        _insert_row(db, tbl, row_id, payload)
        return
    if state is None:
        state = row_state(db, tbl, row_id)
    if state is None:
        _insert_row(db, tbl, row_id, payload)
        db.execute(
            "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) VALUES (?, ?, ?, ?, ?)",
            [tbl, row_id, *RowState.new(op).dumps()],
        )
        derived.changed(db, tbl, [row_id])
        return

    def value_of(name: str):
        return db.execute(f"SELECT {name} FROM {tbl} WHERE id = ?", [row_id]).fetchone()[0]

    winners = state.merge(op, value_of, lambda stamp: op_past(db, stamp))
    if winners:
        assignments = ", ".join(f"{name} = ?" for name in winners)
        db.execute(f"UPDATE {tbl} SET {assignments} WHERE id = ?", [*winners.values(), row_id])
        derived.changed(db, tbl, [row_id], winners)
    db.execute(
        "UPDATE row_clock SET fields = ?, seen = ?, losers = ? WHERE tbl = ? AND row_id = ?",
        [*state.dumps(), tbl, row_id],
    )


def op_past(db: Database, stamp: Stamp) -> dict[str, int]:
    """What the op with this stamp had seen of its row (rowstate.past)."""
    _, origin, seq = stamp
    row = db.execute(
        f"SELECT {oplog.COLUMNS} FROM oplog WHERE origin = ? AND seq = ?", [origin, seq]
    ).fetchone()
    if row is None:  # summarised by the snapshot this station was loaded from
        row = db.execute(
            f"SELECT {oplog.COLUMNS} FROM snapshot_op WHERE origin = ? AND seq = ?",
            [origin, seq],
        ).fetchone()
    return rowstate.past(Op.from_row(row))


def _insert_row(db: Database, tbl: str, row_id: str, payload: dict) -> None:
    names = ["id", *payload]
    db.execute(
        f"INSERT INTO {tbl} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [row_id, *payload.values()],
    )


class Writer:
    """Makes this station's operations inside one write-path transaction."""

    def __init__(self, db: Database, ctx: Ctx):
        station = db.execute("SELECT origin FROM station WHERE id = 1").fetchone()
        if station is None:
            raise BioError(
                tr(
                    "This database has no station identity yet. Run `bioreserve init` "
                    "to give it one."
                )
            )
        self.db = db
        self.ctx = ctx
        self.origin = station[0]
        self.clock = load_clock(db)
        self.seq, self.hash = oplog.head(db, self.origin)

    def insert(self, tbl: str, values: dict) -> str:
        """Add a row; returns its id (a new UUIDv7 unless values carries one)."""
        self._check_table(tbl)
        values = dict(values)
        row_id = values.pop("id", None) or uuid7()
        if tbl in tables.SHARED and row_state(self.db, tbl, row_id) is not None:
            raise BioError(tr("A {table} row with id {id} exists already.", table=tbl, id=row_id))
        self._record("insert", tbl, row_id, values)
        return row_id

    def insert_many(self, tbl: str, rows: list[dict]) -> list[str]:
        """Add many new rows with the same fields: the bulk path for imports and generators.

        Same operations as insert() row by row (the same stored bytes, the same refusals),
        written with executemany; their payloads checked together (payloads.valid_many).
        """
        self._check_table(tbl)
        if not rows:
            return []
        widen_cache(self.db, len(rows))
        names = [k for k in rows[0] if k != "id"]
        fast = all(type(name) is str for name in names) and type(self.origin) is str
        if fast:
            ops = self._insert_ops(tbl, rows, names)
        else:  # keys dumps() would turn into text: made one by one as insert() does
            ops = [self._made_op(tbl, values, names) for values in rows]
        ids = [op.row_id for op in ops]
        conn = self.db.conn
        conn.executemany(oplog.INSERT_SQL, [op.to_row() for op in ops])
        values = [(op.row_id, *op.payload.values()) for op in ops]
        if tbl == ledger_bulk.TABLE:  # balances moved once per balance (ledger_bulk.py)
            ledger_bulk.insert(self.db, tuple(names), values)
        else:
            unguarded.insert(self.db, tbl, names, values)
        if tbl in tables.SHARED:
            if fast:  # RowState.new(op).dumps() of each, from one template
                new_rows = rowstate.NewRows(self.origin, names)
                clock_rows = [(tbl, op.row_id, *new_rows.dumps(op.hlc, op.seq)) for op in ops]
            else:
                clock_rows = [(tbl, op.row_id, *RowState.new(op).dumps()) for op in ops]
            conn.executemany(
                "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) VALUES (?, ?, ?, ?, ?)",
                clock_rows,
            )
        derived.changed(self.db, tbl, ids)
        self.db.conn.touched.add(tbl)
        return ids

    def _made_op(self, tbl: str, values: dict, names: list) -> Op:
        row_id = values.get("id") or uuid7()
        return self._next_op("insert", tbl, row_id, {k: values[k] for k in names}, [])

    def _insert_ops(self, tbl: str, rows: list[dict], names: list[str]) -> list[Op]:
        """The operations _next_op would make for these inserts, one after the other: the
        canonical text built around each payload's JSON, the payloads checked together.
        A refusal is the one _next_op would have raised first, with the writer left as
        it would have left it."""
        origin, actor, clock = self.origin, self.ctx.actor, self.clock
        string = oplog._string
        start = f"[{string(origin)},"
        middle = f"{string(actor)},{string('insert')},{string(tbl)}," if type(actor) is str else ""
        admin = self.ctx.role == "admin"
        encode, sha256, make, new_id = oplog.encode_json, hashlib.sha256, Op.made, uuid7
        now_ms = clock.wall()
        ops: list[Op] = []
        previous = self.hash
        # The stamps clock.now() would give one after the other within one reading of the
        # wall clock: consecutive numbers (a counter past 0xFFFF carries into the next
        # millisecond, as now() borrows it), the clock read once per batch.
        before = clock.last
        stamp = max(clock.now(), 1) - 1
        clock.last = before
        seq = self.seq
        try:
            for values in rows:
                row_id = values.get("id") or new_id()
                payload = {k: values[k] for k in names}
                if not admin:
                    policy.check_write(
                        self.db,
                        self.ctx,
                        "insert",
                        tbl,
                        payload,
                        partial(self._current, tbl, row_id),
                    )
                seq += 1
                stamp += 1
                payload_json = encode(payload)
                if middle and type(row_id) is str:
                    text = f"{start}{seq},{stamp},{middle}{string(row_id)},{payload_json},[]]"
                else:
                    text = oplog.canonical_text(
                        origin, seq, stamp, actor, "insert", tbl, row_id, payload_json, "[]"
                    )
                previous = sha256((previous + text).encode("utf-8")).hexdigest()
                ops.append(
                    make(
                        origin,
                        seq,
                        stamp,
                        actor,
                        "insert",
                        tbl,
                        row_id,
                        payload,
                        [],
                        previous,
                        payload_json,
                        "[]",
                    )
                )
        except BaseException:
            self._settle(ops)
            self._check_each(ops)  # an earlier op's refusal comes first, as it would have
            self.hash = ops[-1].hash if ops else self.hash
            raise
        self._settle(ops)
        if not payloads.valid_many(self.db, ops, now_ms):
            self._check_each(ops)
        if ops:
            self.hash = ops[-1].hash
        return ops

    def _settle(self, ops: list[Op]) -> None:
        """The writer's sequence and clock past the operations made in bulk."""
        if ops:
            self.seq = ops[-1].seq
            self.clock.last = max(self.clock.last, ops[-1].hlc)

    def _check_each(self, ops: list[Op]) -> None:
        """payloads.check() of each op in turn; at the first refused, the writer's sequence,
        hash and clock set back to where _next_op leaves them when it refuses that op."""
        previous = self.hash
        for op in ops:
            try:
                payloads.check(self.db, op, self.clock.wall())
            except BaseException:
                self.seq, self.hash, self.clock.last = op.seq, previous, op.hlc
                raise
            previous = op.hash

    def update(self, tbl: str, row_id: str, changes: dict) -> bool:
        """Change fields of a row; fields that already hold the value are left out.

        Returns False when nothing changed (and no operation was recorded).
        """
        self._check_table(tbl)
        if tbl in tables.LEDGER:
            raise BioError(
                tr(
                    "Records in {table} are never changed; record a correcting entry instead.",
                    table=tbl,
                )
            )
        current = self._current(tbl, row_id)
        changed = {k: v for k, v in changes.items() if k == "id" or current.get(k) != v}
        changed.pop("id", None)
        if not changed:
            return False
        kind = "delete" if changed == {"deleted": 1} else "update"
        self._record(kind, tbl, row_id, changed)
        return True

    def resolve(self, tbl: str, row_id: str, name: str, value) -> None:
        """Settle a conflict on one field: record `value` even if the row holds it already.
        Like every edit, the operation has seen every version of the field known here, so
        it supersedes them all, at this station and wherever it travels."""
        self._check_table(tbl)
        self._current(tbl, row_id)
        self._record(
            "delete" if (name, value) == ("deleted", 1) else "update", tbl, row_id, {name: value}
        )

    def delete(self, tbl: str, row_id: str) -> bool:
        """Mark a row deleted (a tombstone other stations receive too)."""
        self._check_table(tbl)
        if tbl in tables.LEDGER:
            raise BioError(
                tr(
                    "Records in {table} are never deleted; record a correcting entry instead.",
                    table=tbl,
                )
            )
        return self.update(tbl, row_id, {"deleted": 1})

    def _current(self, tbl: str, row_id: str) -> dict:
        row = self.db.execute(f"SELECT * FROM {tbl} WHERE id = ?", [row_id]).fetchone()
        if row is None:
            raise BioError(tr("No {table} row with id {id}.", table=tbl, id=row_id))
        return dict(zip(tables.columns(self.db, tbl), row, strict=True))

    def _check_table(self, tbl: str) -> None:
        if tbl not in tables.SYNCED:
            raise BioError(tr("{table} is not a synced table.", table=tbl))

    def _next_op(
        self, kind: str, tbl: str, row_id: str, payload: dict, bases: list, after: int = 0
    ) -> Op:
        """This station's next operation: numbered, stamped (after `after`) and chained;
        refused first if the actor's role may not make it (access/policy.py)."""
        if self.ctx.role != "admin":
            policy.check_write(
                self.db, self.ctx, kind, tbl, payload, lambda: self._current(tbl, row_id)
            )
        self.seq += 1
        op = Op(
            self.origin,
            self.seq,
            max(self.clock.now(), after + 1),
            self.ctx.actor,
            kind,
            tbl,
            row_id,
            payload,
            bases,
        ).chained(self.hash)
        payloads.check(self.db, op, self.clock.wall())
        self.hash = op.hash
        return op

    def _record(self, kind: str, tbl: str, row_id: str, payload: dict) -> None:
        """An op that has seen everything known here of its row (its bases) and is stamped
        after all of it, even when another station's clock ran ahead (rowstate)."""
        known = tbl in tables.SHARED and kind != "insert"  # insert() checked it is new
        state = row_state(self.db, tbl, row_id) if known else None
        bases = rowstate.refs(state.seen) if state else []
        after = state.newest_hlc() if state else 0
        op = self._next_op(kind, tbl, row_id, payload, bases, after)
        self.db.execute(oplog.INSERT_SQL, op.to_row())
        apply_op(self.db, op, state)


@contextmanager
def write(db: Database, ctx: Ctx) -> Iterator[Writer]:
    """One transaction of local changes, each recorded as an operation."""
    with transaction(db):
        writer = Writer(db, ctx)
        first_seq = writer.seq
        yield writer
        save_clock(db, writer.clock)
        if writer.seq > first_seq:
            oplog.advance(db, writer.origin, writer.seq, writer.hash)
