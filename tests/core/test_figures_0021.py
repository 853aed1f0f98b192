"""Migration 0021 (the aggregates a trigger fewer per movement): a database of schema 20
upgrades with its figures as they were and keeps them after every kind of change, and
norm_group stays the sums of norm_line whichever way a line changes (its usable stock,
its norm, its category)."""

import random
import shutil
import sqlite3

from desktop.core import paths
from desktop.core.store import db as dbmod
from desktop.core.store import figures, migrate
from tests.core.test_stock_figures import assert_same, churn

GROUPS = """
SELECT depot_id, category, count(*), sum(have >= norm), sum(have > 0 AND have < norm),
       sum(have <= 0), sum(CAST(min(max(have, 0), norm) * 1e12 / norm AS INTEGER))
FROM norm_line GROUP BY depot_id, category ORDER BY depot_id, category
"""


def groups(db):
    kept = db.execute(
        "SELECT depot_id, category, lines, met, short, out, ratio FROM norm_group "
        "WHERE lines != 0 ORDER BY depot_id, category"
    ).fetchall()
    return [tuple(r) for r in kept], [tuple(r) for r in db.execute(GROUPS)]


# The triggers 0021 replaced, and the migrations that made them as schema 20 had them.
REPLACED = {
    "stock_balance_usable_update": 7,
    "stock_balance_figures_update": 19,
    "usable_stock_norm_update": 19,
}


def as_schema_20(path):
    """The database with the triggers as schema 20 had them, at user_version 20."""
    old = {}
    for number, file in migrate.migrations(paths.migrations_dir()):
        for statement in migrate._statements(file.read_text(encoding="utf-8")):
            for name, made_by in REPLACED.items():
                if number == made_by and f"CREATE TRIGGER {name} " in statement:
                    old[name] = statement
    assert set(old) == set(REPLACED)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for name in ("stock_balance_usable_update", "usable_stock_norm_update"):
        conn.execute(f"DROP TRIGGER {name}")
    for statement in old.values():
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 20")
    conn.execute("COMMIT")
    conn.close()


def test_a_schema_20_database_upgrades_with_its_figures(demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the upgrade's backup
    path = tmp_path / "v20.db"
    demo_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(demo_db.path, path)
    as_schema_20(path)
    old = dbmod.open_db(path)  # upgrades
    try:
        assert migrate.current_version(old) == 21
        names = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "stock_balance_figures_update" not in names  # folded into the usable stock's
        assert_same(old)
        churn(old, random.Random(21), rounds=30)
        assert_same(old)
    finally:
        old.close()


def test_norm_group_follows_every_change_of_a_norm_line(demo_db):
    """Usable stock, norm and category changed on the lines themselves (as no write path
    does today, but a trigger must not assume it): the groups stay the lines' sums."""
    db = demo_db
    rng = random.Random(2021)
    lines = db.execute("SELECT depot_id, item_id FROM norm_line ORDER BY 1, 2").fetchall()
    assert lines
    db.conn.execute("BEGIN")
    for n in range(200):
        depot_id, item_id = rng.choice(lines)
        change = rng.choice(
            [
                ("have", rng.choice([-5, 0, 1, 10, 499, 500, 501, 10**6])),
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
