"""Migrations 0021 (the aggregates a trigger fewer per movement), 0022 (a norm line keeps
the stock held up to its norm) and 0024 (expiry_stock counts positions only): a database of
schema 20, 21 or 23 upgrades with its figures as they were and keeps them after every kind
of change, and norm_group stays the sums of norm_line whichever way a line changes (its held
stock, its norm, its category)."""

import random
import shutil
import sqlite3

import pytest

from desktop.core import paths
from desktop.core.store import db as dbmod
from desktop.core.store import figures, migrate
from tests.core.test_stock_figures import assert_same, churn

GROUPS = """
SELECT depot_id, category, count(*), sum(held >= norm), sum(held > 0 AND held < norm),
       sum(held <= 0), sum(CAST(held * 1e12 / norm AS INTEGER))
FROM norm_line GROUP BY depot_id, category ORDER BY depot_id, category
"""


def groups(db):
    kept = db.execute(
        "SELECT depot_id, category, lines, met, short, out, ratio FROM norm_group "
        "WHERE lines != 0 ORDER BY depot_id, category"
    ).fetchall()
    return [tuple(r) for r in kept], [tuple(r) for r in db.execute(GROUPS)]


# Per schema version: the triggers the next migration replaced, each with the migration
# that made it as that schema had it, and those the next migration added.
REPLACED = {
    23: {
        "stock_balance_usable_update": 21,
        "stock_balance_figures_insert": 19,
        "stock_balance_held_update": 19,
        "lot_figures_insert": 19,
        "lot_figures_update": 19,
    },
    21: {
        "usable_stock_norm_insert": 19,
        "usable_stock_norm_update": 21,
        "norm_line_insert": 19,
        "norm_line_delete": 19,
        "norm_line_update": 19,
    },
    20: {
        "stock_balance_usable_update": 7,
        "stock_balance_figures_update": 19,
        "usable_stock_norm_update": 19,
    },
}
ADDED = {21: ("norm_line_move",), 20: ()}
DROPPED_TABLES = {22: ("login_failure",)}  # tables the next migration added


def _made(names: dict) -> dict:
    found = {}
    for number, file in migrate.migrations(paths.migrations_dir()):
        for statement in migrate._statements(file.read_text(encoding="utf-8")):
            for name, made_by in names.items():
                if number == made_by and f"CREATE TRIGGER {name} " in statement:
                    found[name] = statement
    assert set(found) == set(names)
    return found


def as_schema(path, version: int) -> None:
    """The database as schema `version` (20 to 23) had it: triggers, the columns of
    norm_line and expiry_stock, no table a later migration added."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for older in range(migrate.schema_version() - 1, version - 1, -1):
        for table in DROPPED_TABLES.get(older, ()):
            conn.execute(f"DROP TABLE {table}")
        present = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for name in (*REPLACED.get(older, {}), *ADDED.get(older, ())):
            if name in present:
                conn.execute(f"DROP TRIGGER {name}")
        if older == 23:  # 0024 dropped the units per expiry day
            conn.execute("ALTER TABLE expiry_stock ADD COLUMN qty INTEGER NOT NULL DEFAULT 0")
            conn.execute(
                "UPDATE expiry_stock SET qty = (SELECT coalesce(sum(b.qty), 0) "
                "FROM stock_balance b JOIN lot l ON l.id = b.lot_id WHERE b.qty > 0 "
                "AND b.depot_id = expiry_stock.depot_id AND l.expires_on = expiry_stock.expires_on)"
            )
        if older == 21:  # 0022 renamed have (the usable stock, whole) to held
            conn.execute("ALTER TABLE norm_line RENAME COLUMN held TO have")
            conn.execute(
                "UPDATE norm_line SET have = coalesce((SELECT qty FROM usable_stock u "
                "WHERE u.depot_id = norm_line.depot_id AND u.item_id = norm_line.item_id), 0)"
            )
        for statement in _made(REPLACED.get(older, {})).values():
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("version", [20, 21, 23])
def test_an_older_database_upgrades_with_its_figures(demo_db, tmp_path, monkeypatch, version):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the upgrade's backup
    path = tmp_path / f"v{version}.db"
    demo_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(demo_db.path, path)
    as_schema(path, version)
    conn = sqlite3.connect(path)
    if version == 21:  # as 0021 left it: the whole usable stock, above the norm too
        assert conn.execute("SELECT count(*) FROM norm_line WHERE have > norm").fetchone()[0]
    if version == 23:  # as 0023 left it: units per expiry day
        assert conn.execute("SELECT sum(qty) FROM expiry_stock").fetchone()[0] > 0
    conn.close()
    old = dbmod.open_db(path)  # upgrades
    try:
        assert migrate.current_version(old) == migrate.schema_version()
        names = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "stock_balance_figures_update" not in names  # folded into the usable stock's
        assert "norm_line_move" in names
        assert old.execute("SELECT count(*) FROM norm_line WHERE held > norm").fetchone()[0] == 0
        assert_same(old)
        churn(old, random.Random(version), rounds=30)
        assert_same(old)
    finally:
        old.close()


def test_norm_group_follows_every_change_of_a_norm_line(demo_db):
    """Held stock, norm and category changed on the lines themselves (as no write path
    does today, but a trigger must not assume it): the groups stay the lines' sums.
    (held never exceeds norm as the triggers keep it; a line changed by hand may.)"""
    db = demo_db
    rng = random.Random(2021)
    lines = db.execute("SELECT depot_id, item_id FROM norm_line ORDER BY 1, 2").fetchall()
    assert lines
    db.conn.execute("BEGIN")
    for n in range(200):
        depot_id, item_id = rng.choice(lines)
        change = rng.choice(
            [
                ("held", rng.choice([0, 1, 10, 499, 500])),
                ("norm", rng.choice([1, 10, 500])),
                ("category", rng.choice(["", "OTHER", "PPE"])),
            ]
        )
        db.execute(
            f"UPDATE norm_line SET {change[0]} = ? WHERE depot_id = ? AND item_id = ?",
            [change[1], depot_id, item_id],
        )
        if n % 20 == 0:
            kept, summed = groups(db)
            assert kept == summed
    db.conn.execute("COMMIT")
    kept, summed = groups(db)
    assert kept == summed
    figures.rebuild(db)
    assert figures.differences(db) == []
