-- 0007: usable stock per depot × item (released, unexpired lots), kept by triggers, so
-- that norm compliance and the norm alerts join norms to it by key instead of summing
-- balances. Opening the database after this migration fills it (check.rebuild).

-- Usable stock per depot × item, for norm compliance and the norm alerts: what the lots
-- that are released (合格) and unexpired on usable_stock_day.day hold; a held-back or
-- expired lot counts only with a negative balance (item_stock less the positive balances
-- of unusable lots). Kept in the same transaction as its facts by the triggers below
-- (balances, lot status and expiry); a query for another day corrects it by the few lots
-- whose expiry lies between the two days and moves the day on (desktop/core/derived.py).
-- Rebuilt by `check --rebuild`.
CREATE TABLE usable_stock (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;

-- The day usable_stock is computed for: lots with expires_on < day count as expired.
CREATE TABLE usable_stock_day (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    day TEXT NOT NULL
);
INSERT INTO usable_stock_day (id, day) VALUES (1, '0000-01-01');

CREATE TRIGGER stock_balance_usable_insert AFTER INSERT ON stock_balance
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) ELSE NEW.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

CREATE TRIGGER stock_balance_usable_update AFTER UPDATE OF qty ON stock_balance
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) - min(OLD.qty, 0) ELSE NEW.qty - OLD.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

-- A lot that arrives held back or expired after its balances (a merge may apply a
-- movement before its lot), or whose status or expiry changes: its positive balances
-- leave or join the usable stock.
CREATE TRIGGER lot_usable_insert AFTER INSERT ON lot
WHEN NOT (NEW.status = '合格' AND (NEW.expires_on IS NULL
          OR NEW.expires_on >= (SELECT day FROM usable_stock_day)))
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    SELECT depot_id, item_id, -qty FROM stock_balance WHERE lot_id = NEW.id AND qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

CREATE TRIGGER lot_usable_update AFTER UPDATE OF status, expires_on ON lot
WHEN (OLD.status = '合格' AND (OLD.expires_on IS NULL
      OR OLD.expires_on >= (SELECT day FROM usable_stock_day)))
  IS NOT (NEW.status = '合格' AND (NEW.expires_on IS NULL
      OR NEW.expires_on >= (SELECT day FROM usable_stock_day)))
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    SELECT depot_id, item_id,
           CASE WHEN NEW.status = '合格' AND (NEW.expires_on IS NULL
                OR NEW.expires_on >= (SELECT day FROM usable_stock_day)) THEN qty ELSE -qty END
    FROM stock_balance WHERE lot_id = NEW.id AND qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;
