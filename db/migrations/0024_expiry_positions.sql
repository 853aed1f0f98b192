-- 0024: expiry_stock counts positions only (issue 18, point 3: the aggregates' cost under
-- 10 % of a write). It kept the units of the positive balances per expiry day × depot too,
-- so every movement of a lot with an expiry date rewrote a page of it; the units were shown
-- only in the tooltips of 总览's expiry chart, summed over items of different units (masks
-- and litres together). Positions change only when a balance crosses zero, with the lots
-- held per depot × item: that statement now runs with them (stock_balance_held_update), and
-- the usable stock's trigger is one statement again. A movement that crosses no zero writes
-- no aggregate at all.

PRAGMA user_version = 24;

DROP TRIGGER stock_balance_usable_update;
DROP TRIGGER stock_balance_figures_insert;
DROP TRIGGER stock_balance_held_update;
DROP TRIGGER lot_figures_insert;
DROP TRIGGER lot_figures_update;

ALTER TABLE expiry_stock DROP COLUMN qty;

-- A balance moved: the usable stock (released, unexpired lots; the others count below zero
-- only).
CREATE TRIGGER stock_balance_usable_update AFTER UPDATE OF qty ON stock_balance
WHEN OLD.qty != NEW.qty
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) - min(OLD.qty, 0) ELSE NEW.qty - OLD.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

CREATE TRIGGER stock_balance_figures_insert AFTER INSERT ON stock_balance
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT l.expires_on, NEW.depot_id, 1 FROM lot l
    WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL AND NEW.qty > 0
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + 1;
    INSERT INTO held_item (depot_id, item_id, lots) SELECT NEW.depot_id, NEW.item_id, 1
    WHERE NEW.qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + 1;
    INSERT INTO held_lot (lot_id, depots) SELECT NEW.lot_id, 1 WHERE NEW.qty > 0
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + 1;
    INSERT INTO depot_stock (depot_id, negatives) SELECT NEW.depot_id, 1 WHERE NEW.qty < 0
    ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + 1;
END;

-- A balance crossing zero: the lots held, the depots holding a lot, the positions of its
-- expiry day, the balances below zero.
CREATE TRIGGER stock_balance_held_update AFTER UPDATE OF qty ON stock_balance
WHEN (OLD.qty > 0) != (NEW.qty > 0) OR (OLD.qty < 0) != (NEW.qty < 0)
BEGIN
    INSERT INTO held_item (depot_id, item_id, lots)
    SELECT NEW.depot_id, NEW.item_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + excluded.lots;
    INSERT INTO held_lot (lot_id, depots)
    SELECT NEW.lot_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + excluded.depots;
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT l.expires_on, NEW.depot_id, iif(NEW.qty > 0, 1, -1) FROM lot l
    WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL AND (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
    INSERT INTO depot_stock (depot_id, negatives)
    SELECT NEW.depot_id, iif(NEW.qty < 0, 1, -1) WHERE (OLD.qty < 0) != (NEW.qty < 0)
    ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + excluded.negatives;
END;

-- A lot that arrives after its balances (a merge may apply a movement before its lot), or
-- whose expiry changes: its positive balances move to its expiry day.
CREATE TRIGGER lot_figures_insert AFTER INSERT ON lot WHEN NEW.expires_on IS NOT NULL
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT NEW.expires_on, depot_id, count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
END;

CREATE TRIGGER lot_figures_update AFTER UPDATE OF expires_on ON lot
WHEN OLD.expires_on IS NOT NEW.expires_on
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT OLD.expires_on, depot_id, -count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND OLD.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT NEW.expires_on, depot_id, count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND NEW.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
END;
