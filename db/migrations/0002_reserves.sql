-- 0002: material reserves — reserve norms, transfers between depots, item pack
-- unit, and the local pinyin search index of item names.

-- Operations are inserted unguarded (see db/schema.sql): the trigger cost a quarter of
-- the time of a bulk import.
DROP TRIGGER oplog_guard_insert;
DROP INDEX oplog_hlc;  -- nothing reads operations by stamp in SQL; exports go by origin

ALTER TABLE item ADD COLUMN pack_unit TEXT NOT NULL DEFAULT '箱';

CREATE TABLE norm (
    id       TEXT PRIMARY KEY,            -- derived from depot and item: one norm per pair on every station
    depot_id TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    item_id  TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    qty      INTEGER NOT NULL DEFAULT 0,  -- 储备定额, base units
    deleted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX norm_depot_item ON norm (depot_id, item_id);
CREATE INDEX norm_item ON norm (item_id);

CREATE TABLE transfer (
    id           TEXT PRIMARY KEY,
    from_depot   TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    to_depot     TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    item_id      TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id       TEXT NOT NULL REFERENCES lot (id) DEFERRABLE INITIALLY DEFERRED,
    qty_sent     INTEGER NOT NULL DEFAULT 0,
    qty_received INTEGER,                 -- NULL while in transit
    status       TEXT NOT NULL DEFAULT 'in_transit',  -- in_transit | received
    sent_at      TEXT NOT NULL DEFAULT '',
    received_at  TEXT,
    reason       TEXT NOT NULL DEFAULT '', -- why received differs from sent
    ref          TEXT NOT NULL DEFAULT '', -- order number, rotation, …
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_open ON transfer (status, to_depot);

-- Derived (local): pinyin of item names for search-as-you-type ("kz" finds 口罩).
CREATE TABLE item_search (
    item_id  TEXT PRIMARY KEY,
    initials TEXT NOT NULL,   -- first letters, e.g. yyfhkz
    pinyin   TEXT NOT NULL    -- full syllables run together, e.g. yiyongfanghukouzhao
) WITHOUT ROWID;

-- The ledger pages by rowid (recording order) within a depot or an item:
-- these indexes end in the rowid, so a page is an index range, not a scan.
DROP INDEX stock_move_depot;
CREATE INDEX stock_move_depot ON stock_move (depot_id);
CREATE INDEX stock_move_item ON stock_move (item_id);

-- Balances by lot: expiry alerts start from the lots (by expiry date) and look up
-- where each one is held.
CREATE INDEX stock_balance_lot ON stock_balance (lot_id);

-- Lots held back from issue (待检, 冻结, 报废): few, found without a scan.
CREATE INDEX lot_held_back ON lot (status) WHERE status != '合格';

-- Stock per depot × item (the sum of its lots), kept by the same trigger: lists of
-- balances page through it in index order instead of grouping every lot.
CREATE TABLE item_stock (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;
INSERT INTO item_stock (depot_id, item_id, qty)
SELECT depot_id, item_id, sum(qty) FROM stock_balance GROUP BY depot_id, item_id;

DROP TRIGGER stock_move_balance;
CREATE TRIGGER stock_move_balance AFTER INSERT ON stock_move
BEGIN
    INSERT INTO stock_balance (depot_id, item_id, lot_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.lot_id, NEW.qty)
    ON CONFLICT (depot_id, item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty;
    INSERT INTO item_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.qty)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

CREATE TRIGGER norm_guard_insert BEFORE INSERT ON norm
BEGIN SELECT RAISE(ABORT, 'norm: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER norm_guard_update BEFORE UPDATE ON norm
BEGIN SELECT RAISE(ABORT, 'norm: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER norm_no_delete BEFORE DELETE ON norm
BEGIN SELECT RAISE(ABORT, 'norm: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER transfer_guard_insert BEFORE INSERT ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER transfer_guard_update BEFORE UPDATE ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: rows are never deleted; the write path sets deleted = 1'); END;
