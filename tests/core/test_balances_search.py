"""ledger.balances() reads one depot by its id and a search by the items it matches (an
index probe per depot × item) where it can: the rows and their order are those of the
plain query, which tests every balance."""

import pytest

from desktop.core.context import Ctx
from desktop.core.reserves import catalog, ledger, stock
from desktop.core.reserves.catalog import ITEM_MATCH
from desktop.core.store.db import like_pattern
from desktop.core.store.writepath import write

KEEPER = Ctx("os:keeper")


def plain(db, depot=None, item=None, by_lot=False, search=None, category=None, limit=None,
          offset=0):  # fmt: skip
    """balances() as it was: every filter a condition on the joined rows."""
    where, params = ["b.qty != 0"], {}
    if depot:
        where.append("d.code = :depot")
        params["depot"] = depot
    if item:
        where.append("i.code = :item")
        params["item"] = item
    if category:
        where.append("i.category = :category")
        params["category"] = category
    if search and search.strip():
        params["q"] = like_pattern(search.strip().lower())
        where.append(f"({ITEM_MATCH} OR d.name LIKE :q ESCAPE '\\')")
    table = "stock_balance" if by_lot else "item_stock"
    joins = (
        f"FROM depot d JOIN {table} b ON b.depot_id = d.id "
        "JOIN item i ON i.id = b.item_id LEFT JOIN item_search s ON s.item_id = i.id"
    )
    if by_lot:
        sql = (
            f"SELECT {ledger.BALANCE_COLUMNS}, l.batch_no AS lot, l.expires_on AS expiry, "
            f"l.status, b.qty {joins} JOIN lot l ON l.id = b.lot_id WHERE {' AND '.join(where)} "
            "ORDER BY d.code, b.item_id, l.expires_on IS NULL, l.expires_on, l.batch_no"
        )
    else:
        sql = (
            f"SELECT {ledger.BALANCE_COLUMNS}, NULL AS lot, NULL AS expiry, NULL AS status, "
            f"b.qty {joins} WHERE {' AND '.join(where)} ORDER BY d.code, b.item_id"
        )
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    return list(db.query(sql, params))


def depot_codes(db):
    return [row[0] for row in db.execute("SELECT DISTINCT code FROM depot ORDER BY code")]


def assert_alike(db, **filters):
    for by_lot in (False, True):
        whole = plain(db, by_lot=by_lot, **filters)
        assert ledger.balances(db, by_lot=by_lot, **filters) == whole, filters
        for limit, offset in ((3, 0), (3, 2), (50, 7)):
            page = ledger.balances(db, by_lot=by_lot, limit=limit, offset=offset, **filters)
            assert page == whole[offset : offset + limit], (filters, limit, offset)
    return whole


SEARCHES = ("kz", "口罩", "KZ", "x", "储备库", "ck", "zzzz", "%", "_", "消毒", " kz ")


def test_searches_and_depots_on_the_demo_database(demo_db):
    found = 0
    for search in SEARCHES:
        found += len(assert_alike(demo_db, search=search))
        for depot in depot_codes(demo_db)[:3]:
            assert_alike(demo_db, search=search, depot=depot)
    assert found > 0
    for depot in [*depot_codes(demo_db), "NO-SUCH"]:
        assert_alike(demo_db, depot=depot)


@pytest.fixture
def reused_code(fresh_db):
    """A deleted depot whose code a new depot took again, both holding stock."""
    db = fresh_db
    catalog.save_item(db, KEEPER, {"code": "KZ", "name": "口罩", "unit": "只"})
    catalog.save_item(db, KEEPER, {"code": "XD", "name": "消毒片", "unit": "片"})
    catalog.save_depot(db, KEEPER, {"code": "CK1", "name": "旧库", "level": "市级储备库"})
    for item in ("KZ", "XD"):
        stock.receive(db, KEEPER, "CK1", item, f"{item}-A", 5, "2030-01-01")
    with write(db, KEEPER) as w:
        w.delete("depot", catalog.depot_by_code(db, "CK1")["id"])
    catalog.save_depot(db, KEEPER, {"code": "CK1", "name": "新库", "level": "市级储备库"})
    catalog.save_depot(db, KEEPER, {"code": "CK2", "name": "二库", "level": "市级储备库"})
    for depot in ("CK1", "CK2"):
        for item in ("KZ", "XD"):
            stock.receive(db, KEEPER, depot, item, f"{item}-B", 7, "2031-01-01")
    return db


def test_a_depot_code_held_twice(reused_code):
    rows = assert_alike(reused_code, depot="CK1")
    assert {row["depot_name"] for row in rows} == {"旧库", "新库"}
    for search in ("kz", "旧", "库", "xdp", "nothing"):
        assert_alike(reused_code, search=search)
        assert_alike(reused_code, search=search, depot="CK1")
        assert_alike(reused_code, search=search, item="KZ", category="PPE")
