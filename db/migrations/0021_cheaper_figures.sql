-- 0021: the aggregates of 0019 cost a movement one trigger less (issue 18, point 3: under
-- 10 % of a write and a merge, bench/write_cost.py). Every movement changes a balance,
-- which ran two triggers that both looked its lot up: one for the usable stock (0007),
-- one for the units per expiry day (0019). One trigger now does both, looking the lot up
-- for the second statement in the pages the first just read; a trigger costs a movement
-- more than its statements (each runs in a frame of its own). A balance or a usable stock
-- that did not change runs none. The derived rows are the same: nothing to recompute.

PRAGMA user_version = 21;

DROP TRIGGER stock_balance_figures_update;
DROP TRIGGER stock_balance_usable_update;

-- A balance moved: the usable stock (released, unexpired lots; the others count below
-- zero only) and, for a lot with an expiry date, the positive balances of its expiry day.
CREATE TRIGGER stock_balance_usable_update AFTER UPDATE OF qty ON stock_balance
WHEN OLD.qty != NEW.qty
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) - min(OLD.qty, 0) ELSE NEW.qty - OLD.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT l.expires_on, NEW.depot_id, (NEW.qty > 0) - (OLD.qty > 0),
           max(NEW.qty, 0) - max(OLD.qty, 0)
    FROM lot l WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL
      AND max(OLD.qty, 0) != max(NEW.qty, 0)
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions,
                                                     qty = qty + excluded.qty;
END;

DROP TRIGGER usable_stock_norm_update;
CREATE TRIGGER usable_stock_norm_update AFTER UPDATE OF qty ON usable_stock
WHEN OLD.qty != NEW.qty
BEGIN
    UPDATE norm_line SET have = NEW.qty WHERE depot_id = NEW.depot_id AND item_id = NEW.item_id;
END;
