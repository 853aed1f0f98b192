"""What a station knows about one row of a shared table, kept in row_clock.

    fields  {field: [hlc, origin, seq]}  the op whose value each field holds
    seen    {origin: seq}                the row's causal past: the ops on this row that
                                         are known here, applied or seen by an op applied
                                         here (per origin, every op numbered up to seq)
    losers  {field: [[hlc, origin, seq, value, {origin: seq}], ...]}
                                         versions of a field that lost to a concurrent
                                         edit: a conflict until someone edits the field again

An op's `bases` name the row's causal past when it was made (the `seen` vector of its
station, as "origin:seq" refs). Op X has seen op O when X's bases reach O's seq for O's
origin, or X comes later from the same origin. For each field the versions nobody has
seen since are its leaves: one leaf is the normal case; two or more with different
values are a conflict. The value kept is the newest leaf by stamp (last writer wins, as
before); the others stay in `losers` with their values, to be shown and restored.

The leaves are a function of the set of ops alone, so every replica that holds the
same ops holds the same conflicts, whatever order they arrived in. That rests on one
invariant the write path keeps: an edit is stamped after every op of its row it has
seen (writepath bumps the stamp past the row's newest one when a far-ahead clock of
another station was not adopted), so the newest leaf is never an ancestor of another.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.store import tables
from desktop.core.store.oplog import Op, Stamp, dumps

Vector = dict[str, int]
_string = json.encoder.encode_basestring  # how dumps() writes a string (ensure_ascii=False)


def parse_bases(bases: list) -> Vector:
    """{origin: seq} from "origin:seq" refs (the newest ref per origin counts)."""
    vector: Vector = {}
    for ref in bases:
        origin, _, seq = str(ref).rpartition(":")
        if origin and seq.isdigit():
            vector[origin] = max(vector.get(origin, 0), int(seq))
    return vector


def refs(vector: Vector) -> list[str]:
    return [f"{origin}:{seq}" for origin, seq in sorted(vector.items())]


def past(op: Op) -> Vector:
    """What `op` had seen of its row: its bases, and its own station's earlier ops."""
    vector = parse_bases(op.bases)
    if vector.get(op.origin, 0) < op.seq - 1:
        vector[op.origin] = op.seq - 1
    return vector


def has_seen(vector: Vector, origin: str, seq: int) -> bool:
    return vector.get(origin, 0) >= seq


@dataclass
class RowState:
    fields: dict[str, Stamp]
    seen: Vector = field(default_factory=dict)
    losers: dict[str, list] = field(default_factory=dict)

    @classmethod
    def load(cls, row) -> "RowState":
        """From a row_clock row's (fields, seen, losers) JSON texts."""
        fields, seen, losers = row
        return cls(
            {k: tuple(v) for k, v in json.loads(fields).items()},
            json.loads(seen),
            json.loads(losers),
        )

    @classmethod
    def new(cls, op: Op) -> "RowState":
        state = cls({name: op.stamp for name in op.payload})
        state.see(op)
        return state

    def dumps(self) -> tuple[str, str, str]:
        return dumps(self.fields), dumps(self.seen), dumps(self.losers)

    def see(self, op: Op) -> None:
        for origin, seq in past(op).items():
            if self.seen.get(origin, 0) < seq:
                self.seen[origin] = seq
        if self.seen.get(op.origin, 0) < op.seq:
            self.seen[op.origin] = op.seq

    def newest_hlc(self) -> int:
        return max((stamp[0] for stamp in self.fields.values()), default=0)

    def merge(
        self,
        op: Op,
        value_of: Callable[[str], object],
        past_of: Callable[[Stamp], Vector],
    ) -> dict:
        """Account for `op`; returns the fields it wins, with their values.

        value_of(field): the value the row holds now; past_of(stamp): what the op with
        that stamp had seen (both are asked only when edits are concurrent)."""
        mine = past(op)
        forward = tables.FORWARD.get(op.tbl, {})
        winners = {}
        for name, value in op.payload.items():
            held = self.fields.get(name)
            if held is None:
                winners[name] = value
                continue
            if name in forward:  # the furthest status wins: no conflict to show
                if tables.wins(op.tbl, name, (value, op.stamp), (value_of(name), held)):
                    winners[name] = value
                continue
            leaves = [leaf for leaf in self.losers.get(name, ()) if not _saw(mine, leaf)]
            if op.stamp > held:
                if not has_seen(mine, held[1], held[2]):
                    leaves.append([*held, value_of(name), past_of(held)])
                winners[name] = value
            elif not (
                has_seen(past_of(held), op.origin, op.seq)
                or any(has_seen(leaf[4], op.origin, op.seq) for leaf in leaves)
            ):
                leaves.append([*op.stamp, value, mine])
            if leaves:
                self.losers[name] = sorted(leaves)
            else:
                self.losers.pop(name, None)
        for name in winners:
            self.fields[name] = op.stamp
        self.see(op)
        return winners


class NewRows:
    """RowState.new(op).dumps() for the inserts of many new rows with the same fields and
    no bases: the fields' JSON made once with a slot for the stamp (the same text)."""

    def __init__(self, origin: str, names: list[str] | tuple[str, ...]):
        keys = sorted(names)  # as dumps() orders them; the caller passes str names
        self._parts = [f"{_string(key)}:" for key in keys]
        self._origin = _string(origin)

    def dumps(self, hlc: int, seq: int) -> tuple[str, str, str]:
        """(fields, seen, losers) of RowState.new(op) for this origin's op (hlc, seq)."""
        stamp = f"[{hlc},{self._origin},{seq}]"
        fields = ",".join([part + stamp for part in self._parts])
        return f"{{{fields}}}", f"{{{self._origin}:{seq}}}", "{}"


def _saw(vector: Vector, leaf: list) -> bool:
    return has_seen(vector, leaf[1], leaf[2])


def replay(ops: list[Op]) -> tuple[dict, RowState]:
    """The field values and state a shared row's operations produce, taken in stamp order
    (check and rebuild compare and recompute row_clock with it)."""
    ops = sorted(ops, key=lambda op: op.stamp)
    pasts = {op.stamp: past(op) for op in ops}
    values = dict(ops[0].payload)
    state = RowState.new(ops[0])
    for op in ops[1:]:
        values.update(state.merge(op, values.get, pasts.__getitem__))
    return values, state
