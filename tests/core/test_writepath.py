"""The write path: every change to synced data is a row change plus an operation."""

import sqlite3

import pytest

from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.store import oplog, tables
from desktop.core.store.writepath import write
from tests.helpers.stations import new_station


def own_ops(db):
    """The operations of the database's own station (not the reference data)."""
    from desktop.core.store import station

    origin = station.get(db).origin
    return [op for op in oplog.ops_since(db) if op.origin == origin]


ALICE = Ctx("os:alice")


def ops(db):
    return list(own_ops(db))


def add_item(db, **fields):
    with write(db, ALICE) as w:
        return w.insert("item", {"code": "PPE-9001", "name": "医用防护口罩", **fields})


def test_insert_stores_the_row_and_its_operation_together(fresh_db):
    item_id = add_item(fresh_db, spec="KN95")
    row = fresh_db["item"].get(item_id)
    assert (row["name"], row["spec"]) == ("医用防护口罩", "KN95")
    [op] = ops(fresh_db)
    assert (op.kind, op.tbl, op.row_id, op.actor) == ("insert", "item", item_id, "os:alice")
    assert op.payload == {"code": "PPE-9001", "name": "医用防护口罩", "spec": "KN95"}
    assert op.seq == 1 and op.hash == oplog.chain_hash("", op)


def test_update_records_only_changed_fields_and_names_its_base(fresh_db):
    item_id = add_item(fresh_db)
    with write(fresh_db, ALICE) as w:
        assert w.update("item", item_id, {"name": "医用防护口罩", "spec": "N95"})
        assert not w.update("item", item_id, {"spec": "N95"})  # nothing new: no op
    first, second = ops(fresh_db)
    assert second.payload == {"spec": "N95"}
    assert second.bases == [first.ref]
    assert second.hash == oplog.chain_hash(first.hash, second)
    assert second.hlc > first.hlc


def test_delete_leaves_a_tombstone(fresh_db):
    item_id = add_item(fresh_db)
    with write(fresh_db, ALICE) as w:
        w.delete("item", item_id)
    assert fresh_db["item"].get(item_id)["deleted"] == 1
    assert ops(fresh_db)[-1].kind == "delete"


def test_a_failed_transaction_leaves_neither_rows_nor_operations(fresh_db):
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    with pytest.raises(RuntimeError):
        with write(fresh_db, ALICE) as w:
            w.insert("item", {"code": "X-1", "name": "甲"})
            raise RuntimeError("power cut")
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before
    assert fresh_db["item"].count == 0


def test_a_dangling_reference_refuses_the_whole_transaction(fresh_db):
    with pytest.raises(BioError, match="FOREIGN KEY"):
        with write(fresh_db, ALICE) as w:
            w.insert("item", {"code": "X-1", "name": "甲"})
            w.insert("lot", {"item_id": "no-such-item", "batch_no": "B1"})
    assert fresh_db["item"].count == 0


@pytest.mark.parametrize("table", tables.SYNCED)
def test_writes_that_bypass_the_write_path_are_refused(fresh_db, table):
    with pytest.raises(sqlite3.IntegrityError, match="write path"):
        fresh_db.execute(f"INSERT INTO {table} (id) VALUES ('x')")


def test_updates_that_bypass_the_write_path_are_refused(fresh_db):
    with pytest.raises(sqlite3.IntegrityError, match="write path"):
        fresh_db.execute("UPDATE division SET name = '改' WHERE code = '430400'")


def test_a_foreign_connection_cannot_write_synced_tables(fresh_db, db_path):
    other = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        other.execute("UPDATE division SET name = '改' WHERE code = '430400'")
    other.close()


def test_rows_are_never_deleted_and_ledger_entries_never_changed(fresh_db):
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        fresh_db.execute("DELETE FROM division")
    with pytest.raises(sqlite3.IntegrityError, match="never"):
        fresh_db.execute("DELETE FROM oplog")
    with pytest.raises(sqlite3.IntegrityError, match="never"):
        fresh_db.execute("UPDATE oplog SET actor = 'mallory'")


def test_ledger_movements_cannot_be_updated_or_deleted_through_the_write_path(demo_db):
    move = demo_db.execute("SELECT id FROM stock_move LIMIT 1").fetchone()[0]
    with write(demo_db, ALICE) as w:
        with pytest.raises(BioError, match="更正"):
            w.update("stock_move", move, {"qty": 1})
        with pytest.raises(BioError, match="更正"):
            w.delete("stock_move", move)


def test_the_balance_follows_the_ledger(demo_db):
    depot, item, lot, qty = demo_db.execute(
        "SELECT depot_id, item_id, lot_id, qty FROM stock_balance LIMIT 1"
    ).fetchone()
    with write(demo_db, ALICE) as w:
        w.insert(
            "stock_move",
            {
                "kind": "issue",
                "depot_id": depot,
                "item_id": item,
                "lot_id": lot,
                "qty": -1,
                "occurred_at": "2026-11-29T10:00:00+08:00",
            },
        )
    assert (
        demo_db.execute(
            "SELECT qty FROM stock_balance WHERE depot_id = ? AND lot_id = ?", [depot, lot]
        ).fetchone()[0]
        == qty - 1
    )


def test_unknown_tables_and_fields_are_refused_with_a_message(fresh_db):
    with write(fresh_db, ALICE) as w:
        with pytest.raises(BioError, match="不是同步数据表"):
            w.insert("station", {"code": "X"})
        with pytest.raises(BioError, match="没有字段"):
            w.insert("item", {"code": "X", "colour": "red"})


def test_a_read_only_database_refuses_changes_with_a_message(demo_path):
    from desktop.core.store import db as dbmod

    db = dbmod.open_db(demo_path, read_only=True)
    with pytest.raises(BioError, match="只读"):
        with write(db, ALICE):
            pass
    assert db["item"].count >= 100  # reading still works


def test_the_actor_of_the_os_context_is_the_login_name():
    assert Ctx.from_os().actor.startswith("os:")


def test_bulk_inserts_make_the_same_operations_as_single_ones(tmp_path):
    from desktop.core.store import check

    one = new_station(tmp_path / "one.db", "HY-A", "甲")
    many = new_station(tmp_path / "many.db", "HY-B", "乙")
    rows = [{"id": f"u-{n}", "name": f"单位{n}", "name_en": f"unit {n}"} for n in range(50)]
    with write(one, ALICE) as w:
        for row in rows:
            w.insert("unit", row)
    with write(many, ALICE) as w:
        assert w.insert_many("unit", rows) == [r["id"] for r in rows]

    def strip(db):
        return [(op.seq, op.kind, op.tbl, op.row_id, op.payload) for op in ops(db)]

    assert strip(one) == strip(many)
    assert check.run(many) == []
    assert (
        one.execute("SELECT * FROM unit ORDER BY id").fetchall()
        == many.execute("SELECT * FROM unit ORDER BY id").fetchall()
    )


def test_the_canonical_form_is_the_json_list_of_the_fields():
    """The hash input must stay exactly this list, encoded compactly with sorted keys."""
    from desktop.core.store.oplog import Op, dumps

    op = Op(
        "abc", 7, 123456, "os:张三", "update", "item", "id-1", {"名称": "口罩", "qty": 5}, ["x:1"]
    )
    expected = dumps(
        ["abc", 7, 123456, "os:张三", "update", "item", "id-1", {"名称": "口罩", "qty": 5}, ["x:1"]]
    )
    assert op.canonical() == expected
    chained = op.chained("prev")
    assert chained.to_row()[7] == dumps({"名称": "口罩", "qty": 5})
    assert chained.hash == oplog.chain_hash("prev", op)
