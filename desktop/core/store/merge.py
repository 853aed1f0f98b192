"""Applying operations made elsewhere: the merge core under every sync transport.

Operations are applied in stamp order inside one durable transaction. An op
already known (same origin and seq) is skipped, so applying a set twice
changes nothing. An op whose predecessor from the same origin is missing is
deferred (returned, not applied) until the gap is filled. An op whose hash
does not continue its origin's chain refuses the whole set: nothing is applied.
Fields merge by desktop.core.store.rowstate (last writer wins, concurrent versions kept as
conflicts); stamps far ahead of the local clock are not adopted, only flagged.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import (
    derived,
    hlc,
    ledger_bulk,
    oplog,
    payloads,
    rowstate,
    tables,
    unguarded,
)
from desktop.core.store.handle import Database
from desktop.core.store.oplog import Op
from desktop.core.store.rowstate import RowState
from desktop.core.store.writepath import (
    apply_op,
    load_clock,
    save_clock,
    touch,
    transaction,
    widen_cache,
)


@dataclass
class MergeResult:
    applied: int = 0
    known: int = 0
    # Withheld operations taken into their origin's chain (a commitment, no content).
    withheld: int = 0
    deferred: list[Op] = field(default_factory=list)
    # Stations whose stamps ran more than hlc.MAX_AHEAD_MS ahead: {origin: ms ahead}.
    clock_ahead: dict[str, int] = field(default_factory=dict)


def apply_ops(db: Database, ops: Iterable[Op], then=None) -> MergeResult:
    """Apply other stations' operations; all or nothing.

    then(result), if given, runs inside the same transaction before it commits (a bundle's
    log entry is committed with its operations or not at all)."""
    result = MergeResult()
    ops = list(ops)
    wall = getattr(db.conn, "wall_clock", None) or hlc.wall_ms
    now = wall()
    # Every payload checked before anything is written: all at once, then, if one may
    # not pass, one by one in order, which names the first refused.
    if payloads.valid_many(db, [op for op in ops if op.kind != WITHHELD], now):
        for op in ops:
            if op.kind == WITHHELD:
                _check_stub(op)
    else:
        for op in ops:
            if op.kind == WITHHELD:
                _check_stub(op)
            else:
                payloads.check(db, op, now)
    with transaction(db, durable=True):
        widen_cache(db, len(ops))
        clock = load_clock(db)
        heads: dict[str, tuple[int, str]] = {}
        everything = sorted(ops, key=attrgetter("hlc", "origin", "seq"))  # op.stamp
        pending = everything
        while pending:
            # Stamp order is causal order on each row, not always seq order of a station
            # (an edit after a far-ahead stamp is stamped past it): passes repeat while
            # they fill gaps.
            before = result.applied + result.withheld
            result.deferred = []
            _apply_pass(db, pending, clock, heads, result)
            if result.applied + result.withheld == before:
                break
            pending = result.deferred
        save_clock(db, clock)
        for origin, (seq, digest) in heads.items():
            oplog.advance(db, origin, seq, digest)
        _flag_clocks(db, result.clock_ahead, everything)
        if then is not None:
            then(result)
    return result


def _apply_pass(db: Database, ops: list[Op], clock, heads: dict, result: MergeResult) -> None:
    # Ledger movements are facts nothing in the pass reads back: their operations and rows
    # are written together with executemany at the end of the pass.
    ledger_ops: list[tuple] = []
    ledger_rows: dict[tuple, list] = {}
    # The clock moves past the newest stamp adopted, once; stamps beyond `limit` are not.
    limit = clock.last_adoptable()
    newest = 0
    new_rows = _NewRows(db)
    for op in ops:
        seq, digest = heads.get(op.origin) or oplog.head(db, op.origin)
        stub = op.kind == WITHHELD
        new_row = op.kind == "insert" and op.tbl in tables.SHARED
        if not new_row:
            new_rows.flush()  # what follows reads the rows and their clocks
        if op.seq <= seq:
            new_rows.flush()
            if stub:
                _known_stub(db, op)
            elif _held_withheld(db, op) is not None:
                if _edits_missing_row(db, op) or not _replace(db, op):
                    result.deferred.append(op)
                    continue
                result.applied += 1
                continue
            else:
                _check_same(db, op)
            result.known += 1
            continue
        if op.seq > seq + 1 or (not stub and _edits_missing_row(db, op)):
            # Its predecessor (same origin, or the row it edits) has not arrived yet.
            result.deferred.append(op)
            continue
        if stub:
            # Its hash cannot be computed here (its content is left out): only a bundle's
            # run, checked against its origin's signatures, may bring one (wire.chain_runs).
            if getattr(op, "chained_after", None) != digest:
                raise BioError(
                    tr(
                        "Operation {ref} does not continue the hash chain of its station: "
                        "it was altered or comes from a forked database. Nothing was applied.",
                        ref=op.ref,
                    )
                )
            db.execute(
                "INSERT INTO withheld_op (origin, seq, hlc, class, hash) VALUES (?, ?, ?, ?, ?)",
                [op.origin, op.seq, op.hlc, op.tbl, op.hash],
            )
            db.conn.touched.add("withheld_op")
            heads[op.origin] = (op.seq, op.hash)
            result.withheld += 1
            continue
        # A bundle's ops were hashed on reading from this same chain head (chained_after):
        # the check is done; any other op is hashed here.
        if getattr(op, "chained_after", None) != digest and oplog.chain_hash(digest, op) != op.hash:
            raise BioError(
                tr(
                    "Operation {ref} does not continue the hash chain of its station: "
                    "it was altered or comes from a forked database. Nothing was applied.",
                    ref=op.ref,
                )
            )
        heads[op.origin] = (op.seq, op.hash)
        if op.hlc > limit:
            ahead = clock.ahead_ms(op.hlc)
            result.clock_ahead[op.origin] = max(ahead, result.clock_ahead.get(op.origin, 0))
        elif op.hlc > newest:
            newest = op.hlc
        result.applied += 1
        if op.tbl in tables.LEDGER:
            names = tuple(op.payload)
            ledger_ops.append(op.to_row())
            ledger_rows.setdefault((op.tbl, names), []).append((op.row_id, *op.payload.values()))
            continue
        if new_row:
            new_rows.add(op)
            continue
        db.execute(oplog.INSERT_SQL, op.to_row())
        apply_op(db, op)
    new_rows.flush()
    if newest:
        clock.receive(newest)
    db.conn.executemany(oplog.INSERT_SQL, ledger_ops)
    for (tbl, names), rows in ledger_rows.items():
        db.conn.touched.add(tbl)
        if tbl == ledger_bulk.TABLE:  # balances moved once per balance (ledger_bulk.py)
            ledger_bulk.insert(db, names, rows)
            continue
        unguarded.insert(db, tbl, names, rows)


class _NewRows:
    """Inserts into a shared table, consecutive, each of another row: those of rows not
    held here yet are written together (operations, rows, row clocks, derived data) as
    apply_op writes each — the lots of a spreadsheet import arrive so, 50,000 of them —,
    those of rows held merge one by one. Each touches a row of its own, so their order
    among themselves does not matter; they are flushed before any other operation, so
    everything else reads the rows as if each had been applied alone."""

    def __init__(self, db: Database):
        self.db = db
        self.tbl = ""
        self.ops: list[Op] = []
        self.ids: set[str] = set()

    def add(self, op: Op) -> None:
        if op.tbl != self.tbl or op.row_id in self.ids:
            self.flush()
        self.tbl = op.tbl
        self.ops.append(op)
        self.ids.add(op.row_id)

    def flush(self) -> None:
        if not self.ops:
            return
        ops, tbl = self.ops, self.tbl
        self.ops, self.ids, self.tbl = [], set(), ""
        db, conn = self.db, self.db.conn
        conn.touched.add(tbl)
        held: set[str] = set()  # rows held here already merge one by one (after the others: apart)
        any_held = db.execute("SELECT EXISTS (SELECT 1 FROM row_clock WHERE tbl = ?)", [tbl])
        for start in range(0, len(ops) if any_held.fetchone()[0] else 0, 500):
            chunk = [op.row_id for op in ops[start : start + 500]]
            held.update(
                row_id
                for (row_id,) in db.execute(
                    f"SELECT row_id FROM row_clock WHERE tbl = ? AND row_id IN "
                    f"({', '.join('?' * len(chunk))})",
                    [tbl, *chunk],
                )
            )
        new = [op for op in ops if op.row_id not in held]
        conn.executemany(oplog.INSERT_SQL, [op.to_row() for op in new])
        rows: dict[tuple, list] = {}
        for op in new:
            rows.setdefault(tuple(op.payload), []).append((op.row_id, *op.payload.values()))
        for names, group in rows.items():
            unguarded.insert(db, tbl, names, group)
        clocks = []
        # RowState.new(op).dumps(): from one template per station and fields for the ops
        # without bases (a new row's insert names none), else made as apply_op makes it.
        templates: dict[tuple, rowstate.NewRows] = {}
        for op in new:
            names = tuple(op.payload)
            if not op.bases and type(op.origin) is str and all(type(n) is str for n in names):
                template = templates.get((op.origin, names))
                if template is None:
                    template = templates[op.origin, names] = rowstate.NewRows(op.origin, names)
                clocks.append((tbl, op.row_id, *template.dumps(op.hlc, op.seq)))
            else:
                clocks.append((tbl, op.row_id, *RowState.new(op).dumps()))
        conn.executemany(
            "INSERT INTO row_clock (tbl, row_id, fields, seen, losers) VALUES (?, ?, ?, ?, ?)",
            clocks,
        )
        if new:
            derived.changed(db, tbl, [op.row_id for op in new])
        for op in ops:
            if op.row_id in held:
                db.execute(oplog.INSERT_SQL, op.to_row())
                apply_op(db, op)


def _flag_clocks(db: Database, ahead: dict[str, int], ops: list[Op]) -> None:
    if not ahead:
        return
    newest: dict[str, int] = {}
    for op in ops:
        newest[op.origin] = max(op.hlc, newest.get(op.origin, 0))
    now = values.now_iso()
    touch(db, "clock_flag")
    for origin, ms in ahead.items():
        db.execute(
            "INSERT INTO clock_flag (origin, ahead_ms, hlc, noted_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (origin) DO UPDATE SET ahead_ms = excluded.ahead_ms, "
            "hlc = max(hlc, excluded.hlc), noted_at = excluded.noted_at",
            [origin, ms, newest.get(origin, 0), now],
        )


def _edits_missing_row(db: Database, op: Op) -> bool:
    if op.kind == "insert" or op.tbl not in tables.SHARED:
        return False
    return (
        db.execute(
            "SELECT 1 FROM row_clock WHERE tbl = ? AND row_id = ?", [op.tbl, op.row_id]
        ).fetchone()
        is None
    )


WITHHELD = "withheld"  # the kind of a withheld operation (desktop/sync/bundles/wire.py)
_CLASSES = ("roster", "monitoring")


def _check_stub(op: Op) -> None:
    if not (
        type(op.seq) is int
        and 1 <= op.seq <= payloads.MAX_SEQ
        and type(op.hlc) is int
        and op.tbl in _CLASSES
        and type(op.hash) is str
    ):
        raise BioError(
            tr("Withheld operation {ref} is malformed. Nothing was applied.", ref=op.ref)
        )


def _held_withheld(db: Database, op: Op) -> str | None:
    """The committed hash of the withheld operation held in op's place ('' when none is
    bound), None when the operation itself is held."""
    row = db.execute(
        "SELECT hash FROM withheld_op WHERE origin = ? AND seq = ?", [op.origin, op.seq]
    ).fetchone()
    return None if row is None else row[0]


def _known_stub(db: Database, op: Op) -> None:
    """A withheld operation in the place of one held: the same hash, when both are bound."""
    held = oplog.held_hash(db, op.origin, op.seq)
    if op.hash and held and op.hash != held:
        _differs(op)
    if op.hash and held == "":
        db.execute(
            "UPDATE withheld_op SET hash = ? WHERE origin = ? AND seq = ?",
            [op.hash, op.origin, op.seq],
        )
        db.conn.touched.add("withheld_op")


def _replace(db: Database, op: Op) -> bool:
    """The real operation in the place of a withheld one: applied when it hashes, from the
    hash held before it, to the hash committed to (or, where none was bound, when a
    bundle's run checked it against its origin's signatures). False: its predecessor's
    hash is not held yet (wait). Refuses one that does not hash right."""
    committed = _held_withheld(db, op) or ""
    chained = getattr(op, "chained_after", None)
    previous = oplog.held_hash(db, op.origin, op.seq - 1)
    if previous is None or (previous == "" and op.seq > 1):
        if chained is None:
            return False
        previous = chained  # the run's, checked against its origin's signatures
    vouched = chained == previous
    if not committed and not vouched:
        return False  # nothing here to check it against: a bundle's run will bring it
    if oplog.chain_hash(previous, op) != op.hash or (committed and op.hash != committed):
        raise BioError(
            tr(
                "Operation {ref} does not hash to the operation its station committed to "
                "(held here withheld): it was altered. Nothing was applied.",
                ref=op.ref,
            )
        )
    db.execute("DELETE FROM withheld_op WHERE origin = ? AND seq = ?", [op.origin, op.seq])
    db.conn.touched.add("withheld_op")
    db.execute(oplog.INSERT_SQL, op.to_row())
    apply_op(db, op)
    return True


def _differs(op: Op) -> None:
    raise BioError(
        tr(
            "Operation {ref} differs from the one this station already holds under the "
            "same number: one of the two databases was altered. Nothing was applied.",
            ref=op.ref,
        )
    )


def _check_same(db: Database, op: Op) -> None:
    row = db.execute(
        "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [op.origin, op.seq]
    ).fetchone()
    if row and row[0] != op.hash:
        raise BioError(
            tr(
                "Operation {ref} differs from the one this station already holds under the "
                "same number: one of the two databases was altered. Nothing was applied.",
                ref=op.ref,
            )
        )
