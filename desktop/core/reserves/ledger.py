"""Reading the reserves: balances (by depot, item or lot) and pages of the ledger.

Queries filter in SQL and page by index ranges, never by loading whole tables:
the ledger pages backwards by time (when a movement happened, in UTC whatever offset
it was written with; then by rowid, the order this station recorded it) so that page
5,000 costs what page 1 does.
"""

from desktop.core.reserves.catalog import ITEM_MATCH
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database

BALANCE_COLUMNS = """
d.code AS depot, d.name AS depot_name, i.code AS item, i.name AS item_name, i.spec, i.unit,
i.category"""


def _filters(
    db: Database, depot: str | None, item: str | None, search: str | None, category: str | None
) -> tuple[str, dict, str]:
    """The WHERE of balances() (after its held-stock condition), its parameters and a WITH
    of the items a search matches ('' when none is needed)."""
    where, params, matched = [], {}, ""
    if depot:
        ids = [row[0] for row in db.execute("SELECT id FROM depot WHERE code = ?", [depot])]
        if len(ids) == 1:  # by id: the rows come in index order, only a page is sorted
            where.append("d.id = :depot_id")
            params["depot_id"] = ids[0]
        else:  # none, or a deleted depot's code reused
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
        if db.execute(DEPOT_NAMED, params).fetchone() is None:
            # No depot's name matches: only the items that do, looked up per depot (an
            # index probe each) instead of testing every balance of the city.
            matched = SEARCH_MATCHED.format(match=ITEM_MATCH)
        else:
            where.append(f"({ITEM_MATCH} OR d.name LIKE :q ESCAPE '\\')")
    return "".join(f" AND {w}" for w in where), params, matched


DEPOT_NAMED = "SELECT 1 FROM depot WHERE name LIKE :q ESCAPE '\\' LIMIT 1"
SEARCH_MATCHED = """WITH m AS MATERIALIZED (
    SELECT i.id FROM item i LEFT JOIN item_search s ON s.item_id = i.id WHERE {match}
)
"""


def balances(
    db: Database,
    depot: str | None = None,
    item: str | None = None,
    by_lot: bool = False,
    search: str | None = None,
    category: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict]:
    """Stock per depot × item (summed), or per depot × item × lot with by_lot.

    Rows come in depot code order, then item (by id: creation order), so that a page is
    an index range: the whole table is never sorted for one screenful.
    """
    where, params, matched = _filters(db, depot, item, search, category)
    table = "stock_balance" if by_lot else "item_stock"
    if matched:  # depots in code order × the matched items, each a primary-key probe
        # The balance is a LEFT JOIN that nothing makes inner (hence coalesce): inner, SQLite
        # may put a Bloom filter on the balances, built by reading every one of them (100 ms
        # of a province's 1.5 million for a page of 200), or probe the items last.
        where = "coalesce(b.qty, 0) != 0" + where
        joins = (
            f"FROM depot d CROSS JOIN m CROSS JOIN item i ON i.id = m.id "
            f"LEFT JOIN {table} b ON b.depot_id = d.id AND b.item_id = m.id"
        )
    else:
        where = "b.qty != 0" + where
        joins = (
            f"FROM depot d JOIN {table} b ON b.depot_id = d.id "
            "JOIN item i ON i.id = b.item_id LEFT JOIN item_search s ON s.item_id = i.id"
        )
    lot_join = "LEFT JOIN" if matched else "JOIN"
    if by_lot:
        sql = (
            f"{matched}SELECT {BALANCE_COLUMNS}, l.batch_no AS lot, l.expires_on AS expiry, "
            f"l.status, b.qty {joins} {lot_join} lot l ON l.id = b.lot_id WHERE {where} "
            "ORDER BY d.code, b.item_id, l.expires_on IS NULL, l.expires_on, l.batch_no"
        )
    else:
        sql = (
            f"{matched}SELECT {BALANCE_COLUMNS}, NULL AS lot, NULL AS expiry, NULL AS status, "
            f"b.qty {joins} WHERE {where} ORDER BY d.code, b.item_id"
        )
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    return list(db.query(sql, params))


LEDGER_SQL = """
SELECT m.rowid AS seq, datetime(m.occurred_at) AS moment, m.id, m.occurred_at, m.kind,
       d.code AS depot, i.code AS item, i.name AS item_name, i.unit, l.batch_no AS lot, m.qty,
       m.reason, m.ref, m.note
FROM stock_move m
JOIN depot d ON d.id = m.depot_id
JOIN item i ON i.id = m.item_id
JOIN lot l ON l.id = m.lot_id
WHERE {where}
ORDER BY datetime(m.occurred_at) DESC, m.rowid DESC
LIMIT :limit
"""


def ledger_page(
    db: Database,
    before: tuple[str, int] | None = None,
    limit: int = 200,
    depot: str | None = None,
    item: str | None = None,
    kind: str | None = None,
) -> list[dict]:
    """Movements newest first (by when they happened; the order recorded among those of
    the same second); pass the last row's (`moment`, `seq`) as `before` for the next page.

    Ordering by the time a movement happened rather than by recording order matters once
    stations merge: a bundle brings last week's issues today.
    """
    where = ["1"]
    params: dict[str, object] = {"limit": limit}
    if before is not None:
        # A range on the index (the time), then the rows of that same second already shown.
        where.append(
            "datetime(m.occurred_at) <= :moment "
            "AND NOT (datetime(m.occurred_at) = :moment AND m.rowid >= :seq)"
        )
        params["moment"], params["seq"] = before
    if depot:
        where.append("m.depot_id = (SELECT id FROM depot WHERE code = :depot)")
        params["depot"] = depot
    if item:
        where.append("m.item_id = (SELECT id FROM item WHERE code = :item)")
        params["item"] = item
    if kind:
        where.append("m.kind = :kind")
        params["kind"] = kind
    return list(db.query(LEDGER_SQL.format(where=" AND ".join(where)), params))


def ledger_count(db: Database) -> int:
    """Movements in the ledger (max rowid: movements are never deleted)."""
    return db.execute("SELECT coalesce(max(rowid), 0) FROM stock_move").fetchone()[0]
