"""Many stock movements written at once at a station (a spreadsheet import: the write path's
insert_many) move each balance once by the sum of its movements and add what the balances'
triggers would have added per key (store/ledger_bulk.py): the tables they leave are those of
the same movements written one at a time, and `check` finds nothing."""

import random
import shutil

import pytest

from desktop.core.store import check, ledger_bulk
from desktop.core.store import db as dbmod
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write
from tests.helpers.stations import ALICE, days, new_station

DERIVED = ("stock_balance", "item_stock", "usable_stock", "expiry_stock", "held_item",
           "held_lot", "depot_stock", "stock_totals", "norm_line", "norm_group")  # fmt: skip


def _nonzero(db, table):
    return sorted(
        row
        for row in db.execute(f"SELECT * FROM {table}")
        if any(type(v) is int and v != 0 for v in row)
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_movements_in_bulk_leave_the_tables_of_movements_one_by_one(tmp_path, monkeypatch, seed):
    monkeypatch.setattr(ledger_bulk, "MIN_ROWS", 20)
    rng = random.Random(seed)
    bulk = new_station(tmp_path / "bulk.db", "HY-BULK", "批量站")
    with write(bulk, ALICE) as w:
        depots = w.insert_many("depot", [{"code": f"D{n}", "name": f"库{n}", "level": "市级储备库",
                                          "agency_id": reference_id("agency", "HY-YJJ")}
                                         for n in range(3)])  # fmt: skip
        items = w.insert_many("item", [{"code": f"I-{n}", "name": f"手套{n}型"} for n in range(4)])
        lots = w.insert_many(
            "lot",
            [
                {"item_id": items[n % 4], "batch_no": f"B{n}",
                 "expires_on": days(-3 if n % 6 == 0 else 200 + n),
                 "status": "冻结" if n % 5 == 0 else "合格"}
                for n in range(24)
            ],
        )  # fmt: skip
        for depot in depots:
            w.insert("norm", {"depot_id": depot, "item_id": items[1], "qty": 300})
    bulk.conn.close()
    shutil.copy(tmp_path / "bulk.db", tmp_path / "one.db")
    bulk, one = dbmod.open_db(tmp_path / "bulk.db"), dbmod.open_db(tmp_path / "one.db")
    try:
        for round_ in range(4):
            moves = []
            for _ in range((400, 60, 30, 400)[round_]):  # a new ledger, then not doubled
                n = rng.randrange(len(lots))
                issue = rng.random() < 0.5
                moves.append({
                    "kind": "issue" if issue else "receive", "depot_id": depots[n % 3],
                    "item_id": items[n % 4], "lot_id": lots[n],
                    "qty": -rng.randint(1, 300) if issue else rng.randint(1, 300),
                    "occurred_at": f"2026-11-{round_ + 1:02d}T09:00:00+08:00",
                })  # fmt: skip
            statements: list[str] = []
            bulk.conn.set_trace_callback(statements.append)
            with write(bulk, ALICE) as w:
                w.insert_many("stock_move", moves)
            bulk.conn.set_trace_callback(None)
            assert any("bulk_balance_sum" in s for s in statements) == (round_ > 0)
            with write(one, ALICE) as w:
                for move in moves:
                    w.insert("stock_move", move)
            for table in DERIVED:
                x, y = _nonzero(bulk, table), _nonzero(one, table)
                assert x == y, (round_, table, set(x) - set(y), set(y) - set(x))
        assert check.run(bulk) == []
    finally:
        bulk.conn.close()
        one.conn.close()


def test_a_bulk_write_widens_the_page_cache_until_its_transaction_ends(tmp_path):
    from desktop.core.store import writepath

    db = new_station(tmp_path / "cache.db", "HY-CACHE", "缓存站")
    try:
        before = db.execute("PRAGMA cache_size").fetchone()[0]
        seen = []
        with write(db, ALICE) as w:
            items = w.insert_many(
                "item", [{"code": f"C-{n}", "name": f"物资{n}"} for n in range(5)]
            )
            seen.append(db.execute("PRAGMA cache_size").fetchone()[0])
            w.insert_many(
                "item", [{"code": f"K-{n}", "name": f"物资{n}"} for n in range(writepath.BULK_ROWS)]
            )
            seen.append(db.execute("PRAGMA cache_size").fetchone()[0])
        assert items and seen == [before, -writepath.BULK_CACHE_KIB]
        assert db.execute("PRAGMA cache_size").fetchone()[0] == before
        with pytest.raises(RuntimeError), write(db, ALICE) as w:  # and after a rollback
            w.insert_many(
                "item", [{"code": f"R-{n}", "name": f"物资{n}"} for n in range(writepath.BULK_ROWS)]
            )
            raise RuntimeError("stop")
        assert db.execute("PRAGMA cache_size").fetchone()[0] == before
    finally:
        db.conn.close()


def _guards(db):
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%guard%' "
        "ORDER BY name"
    ).fetchall()


def test_a_bulk_insert_sets_its_insert_guard_aside_only_inside_its_transaction(tmp_path):
    """The guard trigger is dropped for the insert and created again, the same SQL, before
    the commit; a rollback puts it back too; outside the write path it still refuses."""
    import sqlite3

    from desktop.core.store import unguarded

    db = new_station(tmp_path / "guard.db", "HY-GUARD", "守卫站")
    try:
        guards = _guards(db)
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        with write(db, ALICE) as w:
            w.insert_many(
                "item",
                [{"code": f"G-{n}", "name": f"物资{n}"} for n in range(unguarded.MIN_ROWS)],
            )
        db.conn.set_trace_callback(None)
        assert 'DROP TRIGGER "item_guard_insert"' in statements
        assert _guards(db) == guards
        with pytest.raises(RuntimeError), write(db, ALICE) as w:
            w.insert_many(
                "item",
                [{"code": f"H-{n}", "name": f"物资{n}"} for n in range(unguarded.MIN_ROWS)],
            )
            raise RuntimeError("stop")
        assert _guards(db) == guards
        with pytest.raises(sqlite3.IntegrityError, match="outside the BioReserve write path"):
            db.execute("INSERT INTO item (id, code, name) VALUES ('x', 'X-1', '外来')")
    finally:
        db.conn.close()
