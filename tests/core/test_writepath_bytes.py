"""The bulk insert path stores, byte for byte, what the operations made one by one store.

The reference below is the write path as it was before insert_many built its operations
in bulk: canonical JSON by json.dumps of the whole op, the chain hash over it, the row
clock of a new row by RowState.new's rules, dumps()'d field by field.
"""

import hashlib
import json

import pytest

from desktop.core.context import Ctx
from desktop.core.store import oplog, payloads, station
from desktop.core.store.writepath import write

ALICE = Ctx("os:alice")
TRICKY = ["医用\u2028口罩", 'quote "x" \\ back', "tab\tline\nbreak\r", "😷 é ß", "</script>", ""]


def ref_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def ref_op_row(origin, seq, hlc, actor, tbl, row_id, payload, previous_hash) -> tuple:
    canonical = ref_dumps([origin, seq, hlc, actor, "insert", tbl, row_id, payload, []])
    digest = hashlib.sha256((previous_hash + canonical).encode("utf-8")).hexdigest()
    return (origin, seq, hlc, actor, "insert", tbl, row_id, ref_dumps(payload), "[]", digest)


def ref_row_clock(origin, seq, hlc, tbl, row_id, payload) -> tuple:
    fields = {name: (hlc, origin, seq) for name in payload}
    seen: dict = {}
    vector: dict = {}  # rowstate.past of an op without bases
    if vector.get(origin, 0) < seq - 1:
        vector[origin] = seq - 1
    for o, s in vector.items():
        if seen.get(o, 0) < s:
            seen[o] = s
    if seen.get(origin, 0) < seq:
        seen[origin] = seq
    return (tbl, row_id, ref_dumps(fields), ref_dumps(seen), ref_dumps({}))


def item_rows(n: int, with_ids: bool) -> list[dict]:
    rows = []
    for i in range(n):
        row = {
            "name": TRICKY[i % len(TRICKY)] + str(i),  # not in sorted order: name before code
            "code": f"X-{i:04d}",
            "pack_size": (i * 7919) % 1000 + 1,
            "category": None if i % 3 else "A1",
            "storage": ["常温", "阴凉", "冷链"][i % 3],
            "notes": TRICKY[(i + 2) % len(TRICKY)],
        }
        if with_ids:
            row = {"id": f"item-{i}", **row}
        rows.append(row)
    return rows


def test_bulk_inserts_store_what_the_reference_stores(fresh_db):
    db = fresh_db
    origin = station.get(db).origin
    first = item_rows(40, with_ids=True)
    second = item_rows(25, with_ids=False)
    with write(db, ALICE) as w:
        ids = w.insert_many("item", first)
        w.insert("item", {"code": "ONE", "name": "单个"})  # a chain continued across paths
        ids += w.insert_many("item", second)
        ids += w.insert_many("unit", [{"id": f"u-{n}", "name": f"单位{n}"} for n in range(5)])
    given = {row_id: row for row_id, row in zip(ids[:40], first, strict=True)}
    given |= {row_id: row for row_id, row in zip(ids[40:65], second, strict=True)}
    given |= {f"u-{n}": {"name": f"单位{n}"} for n in range(5)}

    stored = db.execute(
        "SELECT origin, seq, hlc, actor, kind, tbl, row_id, payload, bases, hash FROM oplog "
        "WHERE origin = ? ORDER BY seq",
        [origin],
    ).fetchall()
    clocks = dict(
        ((tbl, row_id), (tbl, row_id, fields, seen, losers))
        for tbl, row_id, fields, seen, losers in db.execute(
            "SELECT tbl, row_id, fields, seen, losers FROM row_clock"
        )
    )
    previous, compared = "", 0
    for row in stored:
        _, seq, hlc, actor, _, tbl, row_id, payload_text, _, digest = row
        payload = {k: v for k, v in given[row_id].items() if k != "id"} if row_id in given else (
            json.loads(payload_text)
        )  # fmt: skip
        assert tuple(row) == ref_op_row(origin, seq, hlc, actor, tbl, row_id, payload, previous)
        assert clocks[(tbl, row_id)] == ref_row_clock(origin, seq, hlc, tbl, row_id, payload)
        previous, compared = digest, compared + (row_id in given)
    assert compared == 70
    assert len(stored) == 71
    assert db.execute("SELECT hash FROM vector WHERE origin = ?", [origin]).fetchone()[0] == (
        previous
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"storage": "炎热"},  # not of its vocabulary
        {"pack_size": "12"},  # text for a number
        {"pack_size": 1.5},  # a fraction
        {"pack_size": True},  # a flag for a number
        {"notes": "bell\x07"},  # a control character
        {"colour": "红"},  # a field the table lacks
        {"id": "bad id with spaces"},  # a row id refused
    ],
)
def test_bulk_inserts_refuse_as_the_operations_one_by_one_do(fresh_db, bad):
    rows = item_rows(12, with_ids=True)
    rows[7] = {**rows[7], **bad}
    rows[9] = {**rows[9], "storage": "x"}  # a later refusal does not come first
    if "colour" in bad:  # every row has the same fields in a batch
        rows = [{**row, "colour": "红"} for row in rows]
    keys = [k for k in rows[0] if k != "id"]

    with pytest.raises(payloads.BadOperation) as bulk:
        with write(fresh_db, ALICE) as w:
            w.insert_many("item", rows)
    with pytest.raises(payloads.BadOperation) as single:
        with write(fresh_db, ALICE) as w:
            for row in rows:
                w.insert("item", {"id": row["id"], **{k: row[k] for k in keys}})
    assert str(bulk.value) == str(single.value)
    assert fresh_db.execute("SELECT count(*) FROM item WHERE code LIKE 'X-%'").fetchone() == (0,)


def test_canonical_json_is_the_reference_json():
    found = [*TRICKY, None, 0, -5, 10**20, True, 1.5, float("nan"), 1e16, [1, "é"], {"b": 1}]
    assert oplog.dumps(found) == ref_dumps(found)
    assert oplog.dumps({str(n): v for n, v in enumerate(found)}) == ref_dumps(
        {str(n): v for n, v in enumerate(found)}
    )


@pytest.mark.parametrize("bad_qty", [False, True])
def test_a_role_refusal_in_a_batch_comes_where_it_would_one_by_one(fresh_db, bad_qty):
    from desktop.core.access.policy import NotAllowed

    with write(fresh_db, ALICE) as w:
        d1, d2 = (w.insert("depot", {"code": c, "name": c}) for c in ("D1", "D2"))
        item = w.insert("item", {"code": "I1", "name": "口罩"})
        lot = w.insert("lot", {"item_id": item, "batch_no": "B1"})
    keeper = Ctx("user:k", role="keeper", depot_ids=frozenset({d1}))
    rows = [
        {"kind": "receive", "depot_id": d2 if n == 6 else d1, "item_id": item, "lot_id": lot,
         "qty": "5" if bad_qty and n == 4 else 10 + n, "occurred_at": "2026-01-02T08:00:00+08:00"}
        for n in range(9)
    ]  # fmt: skip
    refused = payloads.BadOperation if bad_qty else NotAllowed
    with pytest.raises(refused) as bulk:
        with write(fresh_db, keeper) as w:
            w.insert_many("stock_move", rows)
    with pytest.raises(refused) as single:
        with write(fresh_db, keeper) as w:
            for row in rows:
                w.insert("stock_move", row)
    assert str(bulk.value) == str(single.value)
    with write(fresh_db, keeper) as w:  # the keeper's own depot: written
        assert len(w.insert_many("stock_move", rows[:4])) == 4
