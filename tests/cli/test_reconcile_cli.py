"""stock reconcile: the negative balances left by a merge, listed and settled by a count."""

import json

import pytest

from desktop.core.reserves import reconcile
from desktop.core.store import check
from desktop.core.store import db as dbmod
from tests.helpers.cli import invoke, with_admin
from tests.helpers.stations import new_station, overdraw


@pytest.fixture
def station(capsys, tmp_path):
    """Station HY-A after merging HY-B: lot B1 of KZ at CK1 overdrawn to -6."""
    path = tmp_path / "a.db"
    a = new_station(path, "HY-A", "甲站")
    b = new_station(tmp_path / "b.db", "HY-B", "乙站")
    overdraw(a, b)
    with_admin(a)
    a.conn.close()
    b.conn.close()

    def bio(*args):
        return invoke(capsys, "--db", str(path), *args)

    bio.path = path
    return bio


def test_the_items_are_listed_as_a_table_and_in_json(station):
    code, out, _ = station("stock", "reconcile")
    assert code == 0
    assert "CK1" in out and "KZ" in out and "B1" in out and "-6" in out
    assert "HY-A" in out and "甲站发放" in out and "乙站发放" in out
    code, out, _ = station("--json", "stock", "reconcile")
    assert code == 0
    [found] = json.loads(out)
    assert (found["depot"], found["item"], found["batch"], found["balance"]) == (
        "CK1",
        "KZ",
        "B1",
        -6,
    )
    assert len(found["stations_involved"]) == 2 and "HY-A" in found["stations_involved"]
    assert sorted(m["qty"] for m in found["movements"]) == [-8, -8, 10]


def test_a_count_with_its_reason_settles_the_item(station):
    code, out, _ = station(
        "--json",
        "stock",
        "reconcile",
        "--depot",
        "CK1",
        "--item",
        "KZ",
        "--batch",
        "B1",
        "--counted",
        "0",
        "--reason",
        "两站重复发放",
    )
    assert code == 0
    assert json.loads(out) == {
        "depot": "CK1",
        "item": "KZ",
        "lot": "B1",
        "book": -6,
        "counted": 0,
        "difference": 6,
    }
    code, out, _ = station("--json", "stock", "reconcile")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = station("stock", "reconcile")
    assert code == 0 and out.strip()
    db = dbmod.open_db(station.path)
    assert check.run(db) == [] and reconcile.items(db) == []
    db.close()


def test_missing_reason_or_options_are_refused_and_change_nothing(station):
    args = ("stock", "reconcile", "--depot", "CK1", "--item", "KZ", "--lot", "B1")
    code, out, err = station(*args, "--counted", "0")
    assert code == 1 and err.strip() and not out
    code, _, err = station(*args, "--reason", "盘点")
    assert code == 1 and "--counted" in err
    code, _, err = station(*args, "--counted", "abc", "--reason", "盘点")
    assert code == 1 and "abc" in err
    db = dbmod.open_db(station.path)
    assert len(reconcile.items(db)) == 1
    db.close()
