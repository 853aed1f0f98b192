"""`check` finds writes that bypassed the write path or altered history;
`rebuild` restores the derived data."""

import sqlite3

import pytest

from desktop.core.store import check


@pytest.fixture
def intruder(demo_path, demo_db):
    """A connection that fakes the guard function, as a determined tamperer would."""
    conn = sqlite3.connect(demo_path, isolation_level=None)
    conn.create_function("br_in_write_path", 0, lambda: 1)
    yield conn
    conn.close()


def kinds(db):
    return {p.kind for p in check.run(db)}


def test_a_clean_database_has_no_problems(fresh_db):
    assert check.run(fresh_db) == []


def test_a_row_changed_behind_the_write_paths_back_is_found(demo_db, intruder):
    intruder.execute("UPDATE item SET name = '篡改' WHERE code = 'PPE-0001'")
    problems = check.run(demo_db)
    assert {p.kind for p in problems} == {"row", "derived"}  # the name, and its pinyin index
    assert "name" in next(p for p in problems if p.kind == "row").message


def test_a_row_inserted_without_an_operation_is_found(demo_db, intruder):
    intruder.execute("INSERT INTO unit (id, name) VALUES ('u-x', '桶装')")
    [problem] = check.run(demo_db)
    assert "绕过" in problem.message


def test_an_altered_operation_breaks_the_hash_chain(demo_db, intruder):
    intruder.execute("DROP TRIGGER oplog_no_update")
    intruder.execute("UPDATE oplog SET actor = 'mallory' WHERE seq = 5 AND origin != 'REF'")
    assert "chain" in kinds(demo_db)


def test_a_drifted_balance_is_found_and_rebuilt(demo_db):
    lot = demo_db.execute("SELECT lot_id FROM stock_balance LIMIT 1").fetchone()[0]
    demo_db.execute("UPDATE stock_balance SET qty = qty + 5 WHERE lot_id = ?", [lot])
    assert kinds(demo_db) == {"balance"}
    result = check.rebuild(demo_db)
    assert result["balances"] > 0 and result["row_clocks"] > 0
    assert check.run(demo_db) == []


def test_rebuilding_row_clocks_reproduces_them(demo_db):
    before = demo_db.execute("SELECT * FROM row_clock ORDER BY tbl, row_id").fetchall()
    check.rebuild(demo_db)
    after = demo_db.execute("SELECT * FROM row_clock ORDER BY tbl, row_id").fetchall()
    assert [(t, r) for t, r, *_ in before] == [(t, r) for t, r, *_ in after]
    import json

    def parsed(rows):
        return [[json.loads(text) for text in texts] for _t, _r, *texts in rows]

    assert parsed(before) == parsed(after)


def test_a_dropped_guard_trigger_is_found(demo_db, intruder):
    """The write-path guard removed with the sqlite3 shell: the schema no longer matches."""
    intruder.execute("DROP TRIGGER stock_move_guard_insert")
    problems = check.run(demo_db)
    assert [p.kind for p in problems] == ["schema"]
    assert "stock_move_guard_insert" in problems[0].message


@pytest.mark.parametrize("guard", ["oplog_no_update", "audit_event_no_delete"])
def test_a_guard_trigger_replaced_by_one_that_does_nothing_is_found(demo_db, intruder, guard):
    """Dropped and made again under its name with an empty body: the name alone matched."""
    table = intruder.execute("SELECT tbl_name FROM sqlite_master WHERE name = ?", [guard])
    table = table.fetchone()[0]
    when = "UPDATE" if guard.endswith("update") else "DELETE"
    intruder.executescript(
        f"DROP TRIGGER {guard}; CREATE TRIGGER {guard} BEFORE {when} ON {table} "
        "WHEN 0 BEGIN SELECT 1; END;"
    )
    problems = check.run(demo_db)
    assert [p.kind for p in problems] == ["schema"]
    assert guard in problems[0].message


def test_a_foreign_key_made_immediate_is_found(demo_db, intruder):
    """A table rebuilt without DEFERRABLE INITIALLY DEFERRED (merges would break)."""
    sql = intruder.execute("SELECT sql FROM sqlite_master WHERE name = 'norm'").fetchone()[0]
    intruder.executescript(
        "PRAGMA foreign_keys = OFF; BEGIN;"
        "ALTER TABLE norm RENAME TO norm_old;"
        + sql.replace(" DEFERRABLE INITIALLY DEFERRED", "")
        + "; INSERT INTO norm SELECT * FROM norm_old; DROP TABLE norm_old; COMMIT;"
    )
    messages = [p.message for p in check.run(demo_db) if p.kind == "schema"]
    assert any("norm" in m and "外键" in m for m in messages)


def test_an_out_of_range_quantity_is_reported_not_a_crash(demo_db, intruder):
    """Two receipts of 2^63-1 and 2^62 written behind the write path's back (which refuses
    them now): the ledger can no longer be summed; check says so instead of crashing."""
    lot, depot, item = intruder.execute(
        "SELECT lot_id, depot_id, item_id FROM stock_balance LIMIT 1"
    ).fetchone()
    intruder.execute("DROP TRIGGER stock_move_balance")  # the balance trigger would refuse
    for n, qty in enumerate((2**63 - 1, 2**62)):
        intruder.execute(
            "INSERT INTO stock_move (id, kind, depot_id, item_id, lot_id, qty, occurred_at) "
            "VALUES (?, 'receive', ?, ?, ?, ?, '2026-01-01T00:00:00+08:00')",
            [f"huge-{n}", depot, item, lot, qty],
        )
    problems = check.run(demo_db)
    kinds = {p.kind for p in problems}
    assert "value" in kinds and any("huge-0" in p.message for p in problems)
